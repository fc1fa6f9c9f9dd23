"""Workbooks issued before the one-package change (layout version 1, kept in ``fixtures/layout_v1``
with their manifest, the superior's workbook and roster) still consolidate, check and refresh."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from python_calamine import CalamineWorkbook

import skpkit
from skpkit.generator.read.workbook import read_workbook
from skpkit.issuing import DEFAULTS

V1 = Path(__file__).parent / "fixtures" / "layout_v1"
FILES = sorted(V1.glob("SKP-2027-*.xlsx"))
UNITS = [f for f in FILES if "sekretariat-daerah" not in f.name]
ATASAN = V1 / "SKP-2027-sekretariat-daerah.xlsx"


def _norm(v):
    return float(v) if isinstance(v, (int, float)) else str(v).strip()


def test_fixture_is_layout_version_1():
    meta = CalamineWorkbook.from_path(str(UNITS[0])).get_sheet_by_name("_skp").to_python()
    assert ["layout_version", "1"] in [row[:2] for row in meta]
    assert len(UNITS) == 2


def test_v1_consolidates_to_the_same_rekap(tmp_path):
    """The same rekap, except where RULES.md section 2 changed in layout 2 (BKN's wording of the rating hasil
    kerja): there the rekap follows the rule now, and each sheet that shows the old rule's result is named
    once, with its layout version."""
    summary = skpkit.consolidate(UNITS, tmp_path / "rekap.xlsx", manifest=V1 / "manifest.json")
    book = CalamineWorkbook.from_path(str(tmp_path / "rekap.xlsx"))
    rows = book.get_sheet_by_name("Rekap Pegawai").to_python()
    head = rows[0]
    expected = json.loads((V1 / "expected_rekap.json").read_text(encoding="utf-8"))
    got = [{k: r[head.index(k)] for k in expected[0]} for r in rows[1:]]
    assert [g["NIP"] for g in got] == [e["NIP"] for e in expected]
    changed = [(e, g) for e, g in zip(expected, got) if e != g]
    assert changed, "the fixture has ratings the new rule decides differently"
    for e, g in changed:
        # RULES.md section 8 (since this fixture was made): no annual perilaku from part of the year
        if g["Periode"] == "Tahunan" and e["Rating Perilaku Kerja"] and not g["Rating Perilaku Kerja"]:
            assert {k for k in e if e[k] != g[k]} <= {"Rating Perilaku Kerja", "Predikat Kinerja"}, (e, g)
            continue
        assert e["Rating Perilaku Kerja"] == g["Rating Perilaku Kerja"]
        assert (e["Rating Hasil Kerja"], g["Rating Hasil Kerja"]) == ("Di Atas Ekspektasi", "Sesuai Ekspektasi")
    masalah = book.get_sheet_by_name("Masalah").to_python()[1:]
    assert summary.files_read == 2 and summary.masalah == len(masalah) > 0
    assert all("tata letak versi 1" in m[3] and "aturan lama" in m[3] for m in masalah)
    assert len({(m[0], m[1]) for m in masalah}) == len(masalah)  # one finding a sheet
    by_nip = {sp.pegawai.nip: sp.name for f in UNITS for sp in read_workbook(f).plan.sheets}
    assert {by_nip[str(g["NIP"])] for _, g in changed} <= {m[1] for m in masalah}


def test_v1_checks_clean():
    found = skpkit.check(UNITS, manifest=V1 / "manifest.json")
    assert [t.problems for t in found] == [[], []]
    assert all(t.info for t in found)  # periods III and IV not filled yet


def test_v1_refreshes_keeping_every_value(tmp_path):
    work = tmp_path / "w"
    work.mkdir()
    for f in UNITS:
        shutil.copy2(f, work / f.name)
    before = {sp.pegawai.nip: {k: _norm(v) for k, v in sp.isian.items()}
              for f in UNITS for sp in read_workbook(f).plan.sheets}
    result = skpkit.refresh(sorted(work.glob("*.xlsx")), ATASAN, out=tmp_path / "baru")
    assert len(result.written) == 2
    after = {sp.pegawai.nip: {k: _norm(v) for k, v in sp.isian.items()}
             for f in result.written for sp in read_workbook(f).plan.sheets}
    assert set(after) == set(before)
    lost = [(nip, k) for nip, e in before.items() for k, v in e.items()
            if after[nip].get(k) != v and k[0] not in ("rhk", "intervensi") and DEFAULTS.get(k[0]) != v]
    assert lost == []
    assert skpkit.consolidate(result.written, tmp_path / "rekap.xlsx").masalah == 0
