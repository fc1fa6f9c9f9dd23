"""Workbooks issued before the pegawai's own SKP period (layout version 4, kept in ``fixtures/layout_v4``: the
demo's Bidang Aplikasi Informatika filled through triwulan II, with two pegawai appointed in May, and its
superior's workbook) still check, consolidate, refresh and print.

Since version 5 a period before the TMT jabatan is not rated (RULES.md section 8) and a ``jumlah`` target is
shared from the pegawai's first period: the two appointees' sheets show the old rule's results, and each is
named once as a file of an older layout; everyone else is as before.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

import skpkit
from skpkit.generator.read.workbook import read_workbook

V4 = Path(__file__).parent / "fixtures" / "layout_v4"
UNIT = V4 / "SKP-2027-bidang-aplikasi-informatika.xlsx"
ATASAN = V4 / "SKP-2027-pimpinan-dinas.xlsx"
APPOINTED = {"Andi Saputra, S.Kom.", "Maya Sari, S.T."}


def _appointed_sheets() -> set[str]:
    return {sp.name for sp in read_workbook(UNIT).plan.sheets if sp.pegawai.nama in APPOINTED}


def test_fixture_is_layout_version_4():
    assert read_workbook(UNIT).geometry.layout["version"] == 4
    assert len(_appointed_sheets()) == 2


def test_v4_checks_naming_only_the_rule_that_changed():
    (found,) = skpkit.check([UNIT])
    assert found.problems == []  # nothing is wrong with the file: its cells follow its own layout's rules
    assert all("tata letak versi 4" in m.what and "aturan lama" in m.what for m in found.notes)
    assert {m.sheet for m in found.notes} == _appointed_sheets()  # named once each, with the old rule's cell


def test_v4_consolidates_with_the_periods_before_the_tmt_not_rated(tmp_path):
    skpkit.consolidate([UNIT], tmp_path / "rekap.xlsx")
    rows = CalamineWorkbook.from_path(str(tmp_path / "rekap.xlsx")).get_sheet_by_name("Rekap Pegawai").to_python()
    head = rows[0]
    mine = [dict(zip(head, r)) for r in rows[1:] if r[head.index("Nama")] in APPOINTED]
    first = [r["Predikat Kinerja"] for r in mine if r["Periode"] == "Triwulan I"]
    assert first == ["tidak dinilai", "tidak dinilai"]
    others = [dict(zip(head, r)) for r in rows[1:] if r[head.index("Nama")] not in APPOINTED]
    assert all(r["Predikat Kinerja"] for r in others if r["Periode"] in ("Triwulan I", "Triwulan II"))


def test_v4_refreshes_to_the_current_layout_keeping_every_value(tmp_path):
    work = tmp_path / "w"
    work.mkdir()
    shutil.copy2(UNIT, work / UNIT.name)
    before = {sp.pegawai.nip: dict(sp.isian.items()) for sp in read_workbook(UNIT).plan.sheets}
    result = skpkit.refresh([work / UNIT.name], ATASAN, out=tmp_path / "baru")
    (path,) = result.written
    data = read_workbook(path)
    assert data.geometry.layout["version"] == 5
    after = {sp.pegawai.nip: dict(sp.isian.items()) for sp in data.plan.sheets}
    assert {nip: {k: v for k, v in e.items() if k[0] not in ("rhk", "intervensi")} for nip, e in before.items()} \
        == {nip: {k: v for k, v in e.items() if k[0] not in ("rhk", "intervensi")} for nip, e in after.items()}
    (found,) = skpkit.check([path])
    assert found.problems == []  # re-issued: its cells follow the rules of now
    tmt = {sp.pegawai.nama: sp.pegawai.tmt_jabatan for sp in data.plan.sheets if sp.pegawai.nama in APPOINTED}
    assert all(t is not None for t in tmt.values())


@pytest.mark.libreoffice
def test_v4_prints_its_forms(tmp_path):
    from libreoffice import require_libreoffice

    from skpkit.generator.commands.cetak import print_pdf

    require_libreoffice()
    (pdf,) = print_pdf([ATASAN], tmp_path, form="dokumen", per="unit").written
    assert pdf.stat().st_size > 1000
