"""The workbook is described by the layout data: a label changes in one place, a block moves in one
place, and the writer and the reader follow. Every visible label is in ``labels``."""

from __future__ import annotations

import copy

import pytest
from python_calamine import CalamineWorkbook

import skpkit.generator.layout as layout_module
from skpkit.generator.read.workbook import read_workbook
from excel_eval import drift
from synthetic import roster, write_filled

PREFIX = "Ubah "


def _relabel(node):
    if isinstance(node, str):
        return PREFIX + node
    if isinstance(node, list):
        return [_relabel(x) for x in node]
    return {k: _relabel(v) for k, v in node.items()}


def _leaves(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    values = node if isinstance(node, list) else node.values()
    return [x for v in values for x in _leaves(v)]


def _norm(v):
    return float(v) if isinstance(v, (int, float)) else str(v).strip()


@pytest.fixture()
def use_layout(monkeypatch):
    def use(layout: dict) -> None:
        monkeypatch.setattr(layout_module, "_load", lambda version: layout)
    return use


def _written(tmp_path, name: str):
    return write_filled(tmp_path, roster(16, unit_size=8, seed=3), prefix=f"{name}-")


def _assert_reads_back(written):
    for path, plan in written:
        data = read_workbook(path)
        assert data.plan.settings == plan.settings
        assert data.plan.organisasi == plan.organisasi
        assert data.plan.units == plan.units
        assert data.plan.tahun == plan.tahun and data.plan.instansi == plan.instansi
        for before, after in zip(plan.sheets, data.plan.sheets):
            want = {k: _norm(v) for k, v in before.isian.items()}
            got = {k: _norm(v) for k, v in after.isian.items() if k in want}
            assert got == want, before.name
            assert after.pegawai == before.pegawai
            assert (after.penilai, after.atasan_penilai) == (before.penilai, before.atasan_penilai)


def _strings(path) -> set[str]:
    wb = CalamineWorkbook.from_path(str(path))
    out = set(wb.sheet_names)
    for name in wb.sheet_names:
        for row in wb.get_sheet_by_name(name).to_python():
            out.update(v for v in row if isinstance(v, str))
    return out


def test_every_label_relabelled_through_the_layout_still_reads(tmp_path, use_layout):
    original = layout_module.load_layout()
    relabelled = copy.deepcopy(original)
    relabelled["labels"] = _relabel(original["labels"])
    use_layout(relabelled)
    written = _written(tmp_path, "relabel")
    _assert_reads_back(written)
    # the labels really changed on the sheets, and no label text is left over from elsewhere
    texts = set().union(*(_strings(p) for p, _ in written))
    assert PREFIX + original["labels"]["pengaturan"]["title"] in texts
    assert PREFIX + original["labels"]["sheets"]["matriks"] in texts
    fixed = {x for x in _leaves(original["labels"]) if "{" not in x and "&" not in x} & texts
    assert fixed == set()


def test_a_pengaturan_block_moved_in_the_layout(tmp_path, use_layout):
    moved = copy.deepcopy(layout_module.load_layout())
    moved["pengaturan"]["blocks"] = ["organisasi", "ejaan", "matrix", "lists", "scalars"]
    moved["pengaturan"]["first_row"] = 4
    moved["pengaturan"]["gap"] = 2
    use_layout(moved)
    written = _written(tmp_path, "moved")
    _assert_reads_back(written)
    # the formulas still find every setting (through the defined names) and equal the rules
    assert [line for p, _ in written for line in drift(p)] == []


def test_no_visible_text_outside_the_layout(tmp_path, use_layout):
    """Relabelled through the layout, every literal text of the visible sheets changes, except data:
    names, ids, what was entered, the labels of the domain's enums and BerAKHLAK, period names."""
    from skpkit.rules import ak
    from skpkit.kertas import KERTAS
    from skpkit.model import BERAKHLAK, JenisPeriode, Settings
    from skpkit.generator.layout import ENUMS
    from skpkit.generator.read.cells import read_cells

    def literals(path):
        meta = layout_module.labels()["sheets"]["meta"]
        return {c.value for s, cells in read_cells(path).items() if s != meta
                for c in cells.values() if c.formula is None and isinstance(c.value, str)}

    plain = _written(tmp_path, "a")
    relabelled = copy.deepcopy(layout_module.load_layout())
    relabelled["labels"] = _relabel(relabelled["labels"])
    use_layout(relabelled)
    changed = _written(tmp_path, "b")
    same = set().union(*(literals(p) for p, _ in plain)) & set().union(*(literals(p) for p, _ in changed))
    data = {m.value for e in [*ENUMS.values(), JenisPeriode] for m in e}
    data |= {spelling for e in ENUMS.values() for spelling, _ in e.accepted()}  # Pengaturan's spelling table
    data |= {"; ".join(ak.syarat_kenaikan_jenjang(j)) for j in ENUMS["Jenjang"]}  # conditions, as BerAKHLAK: domain
    data |= set(Settings().golongan_puncak.values())  # golongan: the domain's codes (Pengaturan's GolPuncak)
    data |= set(KERTAS)  # paper names (Pengaturan's Kertas)
    data |= {JenisPeriode.TRIWULANAN.nama(p) for p in range(1, 5)} | {JenisPeriode.BULANAN.nama(p) for p in range(1, 13)}
    data |= {x for nilai, panduan in BERAKHLAK for x in (nilai, "• " + panduan.replace("; ", "\n• "))}
    for _, plan in plain:
        data |= set(plan.units) | {plan.instansi} | set(plan.organisasi.values())
        for sp in plan.sheets:
            people = (sp.pegawai, sp.penilai, sp.atasan_penilai)
            data |= {v for p in people for v in vars(p).values() if isinstance(v, str)} | {sp.name}
            data |= {str(v) for _, v in sp.isian.items()}
            data |= {sl.id for sl in sp.slots} | {i.id for sl in sp.slots for i in sl.indikator}
    assert sorted(x for x in same - data if not x.isdigit()) == []
