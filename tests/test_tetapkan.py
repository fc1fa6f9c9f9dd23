"""Penetapan (skp tetapkan): the agreed plan becomes issued content; a target changed afterwards is named by
skp check with its old and new value, the same change before penetapan is the pegawai's to make."""

from __future__ import annotations

import datetime as dt
import shutil

from click.testing import CliRunner
from openpyxl.utils import get_column_letter
from python_calamine import CalamineWorkbook

import edits
import skpkit
from skpkit.generator.commands.cli import main
from skpkit.generator.read.workbook import read_workbook


def _copy(demo, tmp_path):
    work = tmp_path / "unit"
    shutil.copytree(demo / "terisi", work)
    return work


def _blank_own_row(path):
    """An indikator row of a pegawai's own RHK slot, blank as issued: (sheet, indikator cell, target cell)."""
    data = read_workbook(path)
    g = data.geometry
    for sp in data.plan.sheets:
        for i, slot in enumerate(sp.slots):
            if slot.issued or sp.isian.rhk.get(slot.id):
                continue
            r = g.slot_row(i, 0)
            return (sp.name, f"{get_column_letter(g.col('rhk') + 1)}{g.slot_row(i) + 1}",
                    f"{get_column_letter(g.col('indikator') + 1)}{r + 1}", f"{get_column_letter(g.col('target_min') + 1)}{r + 1}")
    raise AssertionError("no blank own RHK slot")


def _edit(path, sheet, values):
    wb = edits.load(path)
    for cell, value in values.items():
        wb[sheet][cell].value = value
    wb.save(path)


def test_a_target_changed_after_penetapan_is_named_before_it_is_not(demo_session, tmp_path):
    work = tmp_path / "unit"
    shutil.copytree(demo_session[0] / "kosong", work)
    path = next(work.glob("*pimpinan*.xlsx"))  # one pegawai: the edits below re-open the file each time
    manifest = work / "manifest.json"
    sheet, rhk, indikator, target = _blank_own_row(path)
    # the pegawai writes the plan after the file was issued, and may change it: nothing is reported
    _edit(path, sheet, {rhk: "Aplikasi layanan terbit", indikator: "Jumlah aplikasi", target: 10})
    _edit(path, sheet, {target: 12})
    assert [m for t in skpkit.check([path], manifest=manifest) for m in t.problems if m.cell == target] == []
    # penetapan, then the same kind of change
    result = CliRunner().invoke(main, ["tetapkan", str(path), "--tanggal", "2027-01-31"])
    assert result.exit_code == 0, result.output
    assert "ditetapkan" in result.output
    assert skpkit.check([path], manifest=manifest)[0].problems == []
    data = read_workbook(path)
    sp = next(s for s in data.plan.sheets if s.name == sheet)
    assert any(sl.ditetapkan and sl.teks == "Aplikasi layanan terbit" for sl in sp.slots)
    values = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()
    assert any("Ditetapkan tanggal 31-01-2027" in str(v) for row in values[:4] for v in row)
    _edit(path, sheet, {target: 15})
    found = [m for t in skpkit.check([path], manifest=manifest) for m in t.problems if m.cell == target]
    assert len(found) == 1 and "12.0" in found[0].what and "15" in found[0].what, found
    # consolidation with the manifest names it too
    summary = skpkit.consolidate([path], tmp_path / "rekap.xlsx", manifest=manifest)
    rows = CalamineWorkbook.from_path(str(tmp_path / "rekap.xlsx")).get_sheet_by_name("Masalah").to_python()
    assert summary.masalah and any(r[2] == target for r in rows[1:])


def test_penetapan_keeps_every_value_and_locks_the_plan(demo_session, tmp_path):
    work = _copy(demo_session[0], tmp_path)
    path = next(work.glob("*statistik*.xlsx"))
    before = {sp.pegawai.nip: dict(sp.isian.items()) for sp in read_workbook(path).plan.sheets}
    skpkit.tetapkan([path], tanggal=dt.date(2027, 1, 31))
    after = read_workbook(path)
    for sp in after.plan.sheets:
        got = dict(sp.isian.items())
        assert {k: v for k, v in before[sp.pegawai.nip].items() if k[0] not in ("rhk", "intervensi")} == \
            {k: v for k, v in got.items() if k[0] not in ("rhk", "intervensi")}
        for slot in sp.slots:
            if before[sp.pegawai.nip].get(("rhk", slot.id)):
                assert slot.issued
    ws = edits.load(path)[after.plan.sheets[0].name]
    g = after.geometry
    slot0 = next(i for i, s in enumerate(after.plan.sheets[0].slots) if s.issued)
    assert ws.cell(g.slot_row(slot0) + 1, g.col("target_min") + 1).protection.locked


def test_a_revision_goes_through_refresh_and_keeps_the_realisasi(demo_session, tmp_path):
    demo = demo_session[0]
    work = _copy(demo, tmp_path)
    path = next(work.glob("*statistik*.xlsx"))
    skpkit.tetapkan([path], tanggal=dt.date(2027, 1, 31))
    real = {sp.pegawai.nip: {k: v for k, v in sp.isian.items() if k[0] == "realisasi"}
            for sp in read_workbook(path).plan.sheets}
    result = skpkit.refresh([path], next((demo / "atasan").glob("*.xlsx")), out=tmp_path / "revisi")
    for sp in read_workbook(result.written[0]).plan.sheets:
        assert {k: v for k, v in sp.isian.items() if k[0] == "realisasi"} == real[sp.pegawai.nip]
        assert not any(s.ditetapkan for s in sp.slots)  # open for revision until the next penetapan
