"""The mutation corpus of issue 20 item 4: filled workbooks as people return them.

A filled unit (three pegawai, two quarters in) is edited by random sequences of what Excel and its users do
to a file (``mutations``: text with units or the other locale's separators typed into a number cell, a number
typed with %, a date, the sheet tabs reordered, a sheet renamed, the file left open on another PC), seeded,
240 mutants. Every one is read by the one validation every verb shares (``skp check``): no traceback, and
either the result of the unedited file or a problem naming each place an edit must be named at. A sample also
goes through ``skp consolidate`` (the same problems in its Masalah sheet) and ``skp refresh`` (re-issued
keeping every value, or refused in one line).
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
