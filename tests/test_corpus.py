"""The mutation corpus of issue 20 item 4: filled workbooks as people return them.

A filled unit (three pegawai, two quarters in) is edited by random sequences of what Excel and its users do
to a file (``mutations``: text with units or the other locale's separators typed into a number cell, a number
typed with %, a date, the sheet tabs reordered, a sheet renamed, the file left open on another PC), seeded,
240 mutants. Every one is read by the one validation every verb shares (``skp check``): no traceback, and
either the result of the unedited file or a problem naming each place an edit must be named at. A sample also
goes through ``skp consolidate`` (the same problems in its Masalah sheet) and ``skp refresh`` (re-issued
keeping every value, or refused in one line).

The edits only LibreOffice makes (rows and columns inserted or deleted with every formula and defined name
moved along, a pegawai's sheet copied and the copy typed into, sheets moved and renamed) come from
LibreOffice itself (``lo_edit.py``, one process for the corpus: 8 random sequences and one of each
structural edit at a place that matters) and are held to the same rule.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

import skpkit
from skpkit.generator.errors import UserError
from skpkit.generator.layout import a1
from skpkit.generator.read.workbook import read_workbook
from skpkit.generator.write.workbook import write_workbook
from skpkit.model import BERAKHLAK

import mutations as mut

SEED = 20261130
N = 240
N_LO = 8


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """The unit, filled on every staff sheet: one indikator, two quarters, perilaku rated."""
    tmp = tmp_path_factory.mktemp("corpus")
    roster = skpkit.sample_roster(tmp / "roster.csv")
    (path,) = [f for f in skpkit.generate(roster, tmp / "unit", tahun=2027) if f.suffix == ".xlsx"]
    data = read_workbook(path)
    g = data.geometry
    inputs: list[tuple[str, str]] = []
    for k, sheet in enumerate(data.plan.sheets):
        slot = sheet.slots[0]
        sheet.isian.rhk[slot.id] = sheet.isian.rhk.get(slot.id) or "Layanan terselenggara"
        row = sheet.isian.indikator_of(slot.indikator[0].id)
        row.indikator, row.target_min, row.target_max, row.satuan = "Jumlah layanan", 100, 120, "layanan"
        row.agregasi, row.realisasi = "jumlah", {1: 20 + k, 2: 35}
        for i in range(len(BERAKHLAK)):
            sheet.isian.perilaku_of(i).rating.update({1: "Sesuai Ekspektasi", 2: "Di Atas Ekspektasi"})
        r = g.slot_row(0)
        inputs += [(sheet.name, a1(r, g.col("realisasi", 1))), (sheet.name, a1(r, g.col("realisasi", 2))),
                   (sheet.name, a1(r, g.col("target_min")))]
    write_workbook(data.plan, path)
    (found,) = skpkit.check([path])
    assert found.problems == []
    return path, inputs, _results(found), tmp


def _results(found) -> dict:
    """What a verb takes from a file: each sheet's predikat, hasil and capaian of every period and the year."""
    out = {}
    for name, res in found.results.items():
        for hp in (*res.periode, res.tahunan):
            caps = tuple(str(x.capaian) if x else None for rows in hp.indikator for x in rows)
            out[(name, hp.periode)] = (str(hp.predikat), str(hp.hasil), caps)
    return out


def _mutant(rnd: random.Random, path: Path, inputs: list, k: int, out: Path) -> tuple[Path, list[mut.Edit]]:
    edits: list[mut.Edit] = []
    renamed = False
    for _ in range(rnd.randint(1, 3)):
        kind = rnd.choice(["typed", "typed", "percent", "date", "reorder", "rename", "open"])
        sheet, ref = rnd.choice(inputs)
        if kind == "typed":
            edits.append(mut.typed_text(sheet, ref, rnd))
        elif kind == "percent":
            edits.append(mut.percent(sheet, ref, rnd.choice([0.95, 0.2, 1.0])))
        elif kind == "date":
            edits.append(mut.date(sheet, ref))
        elif kind == "reorder":
            edits.append(mut.reorder(rnd))
        elif kind == "rename" and not renamed:
            renamed = True
            edits.append(mut.rename(sheet, f"Salinan {k}"))
    # a later edit of a renamed sheet's cell: the sheet is already named as gone
    gone = {e.named[0] for e in edits if e.named and not e.named[1]}
    edits = [e for e in edits if not (e.named and e.named[1] and e.named[0] in gone)]
    parts = mut.Parts.read(path)
    for e in edits:
        e.apply(parts)
    target = parts.write(out / f"SKP-mutan-{k:03d}.xlsx")
    if rnd.random() < 0.2:
        mut.lock_file(target)
    return target, edits


def test_every_mutant_is_read_right_or_named_at_the_edit(base, tmp_path):
    path, inputs, unedited, _ = base
    rnd = random.Random(SEED)
    seen = {"named": 0, "as before": 0, "renamed": 0, "percent": 0}
    for k in range(N):
        mutant, edits = _mutant(rnd, path, inputs, k, tmp_path)
        labels = [e.label for e in edits]
        try:
            (found,) = skpkit.check([mutant])
        except UserError as e:  # a whole file refused must still name it
            assert mutant.name in str(e), (labels, e)
            continue
        named = [e.named for e in edits if e.named]
        for sheet, ref in named:
            hits = [m for m in found.problems if m.sheet == sheet and (not ref or m.cell == ref)]
            assert hits, (labels, sheet, ref, [str(m) for m in found.problems])
            seen["renamed" if not ref else "named"] += 1
            seen["percent"] += any("%" in e.label and "typed" in e.label and "'" not in e.label for e in edits)
        if not named:
            assert found.problems == [], (labels, [str(m) for m in found.problems])
            assert _results(found) == unedited, labels
            seen["as before"] += 1
        else:  # the sheets no edit touched read as before
            touched = {s for s, _ in named}
            same = {key: v for key, v in unedited.items() if key[0] not in touched}
            assert {key: v for key, v in _results(found).items() if key[0] not in touched} == same, labels
    assert all(seen.values()), seen


def test_a_sample_goes_through_consolidate_and_refresh_the_same(base, tmp_path):
    """One validation: consolidate names what check names; refresh keeps every value or refuses in one line."""
    path, inputs, _, tmp = base
    rnd = random.Random(SEED + 1)
    atasan = next((tmp / "unit").glob("*.xlsx"))  # the unit's own workbook holds its head: its superior file
    for k in range(12):
        folder = tmp_path / f"m{k}"
        folder.mkdir()
        mutant, edits = _mutant(rnd, path, inputs, k, folder)
        (found,) = skpkit.check([mutant])
        skpkit.consolidate([mutant], folder / "rekap.xlsx")
        masalah = CalamineWorkbook.from_path(str(folder / "rekap.xlsx")).get_sheet_by_name("Masalah").to_python()[1:]
        places = {(str(r[1]), str(r[2])) for r in masalah}
        assert {(m.sheet, m.cell) for m in found.problems} <= places, ([e.label for e in edits], masalah)
        try:
            result = skpkit.refresh([mutant], atasan, out=folder / "baru")
        except UserError as e:
            assert len(str(e).splitlines()) == 1
            continue
        assert result.written


def _lo_mutant(rnd: random.Random, base_path: Path, names: list[str], g, k: int, out: Path) -> tuple[dict, set, set]:
    """One LibreOffice job: 1-2 random edits; the sheets whose reading they may change (``touched``) and the
    sheets a problem must name (``must``)."""
    ops, touched, must = [], set(), set()
    harmless = k % 4 == 3  # every fourth: what changes nothing read (tabs moved, a sheet copied untouched)
    for _ in range(rnd.randint(1, 2)):
        kind = rnd.choice(["copy", "move"] if harmless else
                          ["insert_rows", "delete_rows", "insert_cols", "delete_cols", "copy", "move", "rename"])
        sheet = rnd.choice([n for n in names if n not in must])
        if kind.endswith("_rows"):
            ops.append([kind, sheet, rnd.randrange(g.last_row + 4), 1])
            touched.add(sheet)
        elif kind.endswith("_cols"):
            ops.append([kind, sheet, rnd.randrange(g.last_col + 4), 1])
            touched.add(sheet)
        elif kind == "copy":
            copy = f"Salinan {k}-{len(ops)}"
            ops.append(["copy_sheet", sheet, copy, rnd.randrange(len(names) + 1)])
            if not harmless and rnd.random() < 0.7:  # the copy is where the pegawai typed a new realisasi
                ops.append(["set_cell", copy, g.slot_row(0), g.col("realisasi", 1), 77])
                must.add(copy)
        elif kind == "move":
            ops.append(["move_sheet", sheet, rnd.randrange(len(names) + 1)])
        elif sheet not in touched:
            ops.append(["rename_sheet", sheet, f"Punya {k}"])
            touched.add(sheet)
            must.add(sheet)
    return {"src": base_path, "dst": out / f"SKP-lo-{k:02d}.xlsx", "ops": ops}, touched, must


@pytest.mark.libreoffice
def test_libreoffice_edits_are_read_right_or_named(base, tmp_path):
    from libreoffice import lo_edit

    path, _, unedited, tmp = base
    data = read_workbook(path)
    names, g = [s.name for s in data.plan.sheets], data.geometry
    rnd = random.Random(SEED + 2)
    cases = [_lo_mutant(rnd, path, names, g, k, tmp_path) for k in range(N_LO)]
    # and one of each structural edit at a place that matters: the evaluation block, above the identity, the
    # RHK table, the period columns
    s1, s2 = names[1], names[2]
    for k, op in enumerate((["insert_rows", s1, g.evaluasi_row("predikat"), 1], ["insert_rows", s2, 1, 1],
                            ["delete_rows", s1, g.slot_row(1), 1], ["insert_cols", s2, g.col("realisasi", 1), 1]),
                           start=N_LO):
        cases.append(({"src": path, "dst": tmp_path / f"SKP-lo-{k:02d}.xlsx", "ops": [op]}, {op[1]}, {op[1]}))
    lo_edit([job for job, _, _ in cases], tmp_path / "lo")
    atasan = next((tmp / "unit").glob("*.xlsx"))
    seen = {"as before": 0, "named": 0, "formulas moved": 0, "copy named": 0}
    for k, (job, touched, must) in enumerate(cases):
        mutant = job["dst"]
        try:
            (found,) = skpkit.check([mutant])
        except UserError as e:
            assert mutant.name in str(e), (job["ops"], e)
            continue
        named = {m.sheet for m in found.problems}
        assert must <= named, (job["ops"], [str(m) for m in found.problems])
        got = _results(found)
        for key, v in unedited.items():
            if key[0] not in touched:
                assert got.get(key) == v, (job["ops"], key)
            elif got.get(key) != v:  # read otherwise: only with a problem naming that sheet
                assert key[0] in named, (job["ops"], key, [str(m) for m in found.problems])
        assert named <= touched | must, (job["ops"], [str(m) for m in found.problems])
        seen["named" if named else "as before"] += 1
        # rows inserted in the evaluation block: one finding naming where the formulas went, not one a cell
        moved = [m for m in found.problems if "kini di" in m.what]
        seen["formulas moved"] += bool(moved)
        assert len(moved) <= len(touched), (job["ops"], [str(m) for m in found.problems])
        seen["copy named"] += any("salinan sheet" in m.what for m in found.problems)
        if k < 3:  # every verb: consolidate names the same places, refresh keeps the values or refuses
            folder = tmp_path / f"v{k}"
            skpkit.consolidate([mutant], folder / "rekap.xlsx")
            masalah = CalamineWorkbook.from_path(str(folder / "rekap.xlsx")).get_sheet_by_name("Masalah").to_python()
            assert {(m.sheet, m.cell) for m in found.problems} <= {(str(r[1]), str(r[2])) for r in masalah[1:]}
            try:
                skpkit.refresh([mutant], atasan, out=folder / "baru")
            except UserError as e:
                assert len(str(e).splitlines()) == 1
    assert all(seen.values()), seen
