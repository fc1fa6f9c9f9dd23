"""Text longer than a cell holds (32,767 characters; XlsxWriter and Excel cut the rest): named at its cell
wherever it comes in (a roster, a returned workbook, a superior's workbook written by another program), never
cut silently, and nothing written (issue 20 item 8)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

import edits
import skpkit
from skpkit.generator.layout import MAX_TEXT, a1
from skpkit.generator.read.workbook import read_workbook

from run_cli import skp

LONG = "Laporan " + "x" * (MAX_TEXT + 100)


def _state(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def unit(tmp_path):
    roster = skpkit.sample_roster(tmp_path / "roster.csv")
    (path,) = [f for f in skpkit.generate(roster, tmp_path / "unit", tahun=2027) if f.suffix == ".xlsx"]
    return tmp_path, roster, path


@pytest.mark.parametrize("verb", ["generate", "refresh"])
def test_a_roster_field_too_long_is_named_at_its_cell(unit, verb):
    tmp, roster, path = unit
    lines = roster.read_text(encoding="utf-8").splitlines()
    head = lines[0].split(",") if "," in lines[0] else lines[0].split(";")
    sep = "," if "," in lines[0] else ";"
    cells = lines[2].split(sep)
    cells[head.index("Jabatan")] = LONG
    lines[2] = sep.join(cells)
    bad = tmp / "roster-panjang.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = _state(tmp / "unit")
    if verb == "generate":
        code, text = skp("generate", "--roster", bad, "--out", tmp / "baru", "--tahun", 2027, "--quiet")
        assert not (tmp / "baru").exists()
    else:
        code, text = skp("refresh", path, "--atasan", path, "--roster", bad, "--no-backup")
    col = "ABCDEFGHIJ"[head.index("Jabatan")]
    assert code == 1 and len(text.strip().splitlines()) == 1, text
    assert f"roster-panjang.csv, sel {col}3" in text and f"teks {len(LONG)} karakter" in text, text
    assert _state(tmp / "unit") == before


def test_a_returned_cell_too_long_is_named_by_every_verb(unit):
    """A bukti dukung of 32,867 characters (saved by a program that keeps it all): check and consolidate name
    the cell, the rekap holds the other pegawai; refresh refuses in one line and leaves the file as it was."""
    tmp, roster, path = unit
    data = read_workbook(path)
    sheet, g = data.plan.sheets[1], data.geometry
    ref = a1(g.slot_row(0), g.col("bukti", 1))
    bad = edits.edit_cell(path, tmp / "panjang.xlsx", sheet.name, ref, LONG)
    (found,) = skpkit.check([bad])
    hits = [m for m in found.problems if (m.sheet, m.cell) == (sheet.name, ref)]
    assert hits and str(len(LONG)) in hits[0].what, [str(m) for m in found.problems]
    skpkit.consolidate([bad], tmp / "rekap.xlsx")
    masalah = CalamineWorkbook.from_path(str(tmp / "rekap.xlsx")).get_sheet_by_name("Masalah").to_python()
    assert any(str(r[1]) == sheet.name and str(r[2]) == ref for r in masalah[1:]), masalah
    work = tmp / "kerja"
    work.mkdir()
    shutil.copy(bad, work)
    before = _state(work)
    code, text = skp("refresh", work / bad.name, "--atasan", path, "--no-backup")
    assert code == 1 and len(text.strip().splitlines()) == 1 and f"sel {ref}: teks {len(LONG)}" in text, text
    assert _state(work) == before


def test_a_superiors_rhk_too_long_is_refused_not_cut(unit):
    """A superior's workbook from another program with an RHK of 32,867 characters: generate below it is one
    line naming that cell, and writes nothing."""
    tmp, roster, path = unit
    data = read_workbook(path)
    head, g = data.plan.sheets[0], data.geometry
    atasan = edits.edit_cell(path, tmp / "atasan.xlsx", head.name, a1(g.slot_row(0), g.col("rhk")), LONG)
    below = tmp / "roster-seksi.csv"  # a new seksi under the Kepala, with no workbook yet
    below.write_text(roster.read_text(encoding="utf-8-sig").rstrip("\n") +
                     f"\n199505052020121005,Dedi Baru,Pengolah Data,Pelaksana,,Seksi Baru,{head.pegawai.nip}\n",
                     encoding="utf-8")
    code, text = skp("generate", "--roster", below, "--atasan", atasan, "--out", tmp / "baru", "--quiet")
    assert code == 1 and len(text.strip().splitlines()) == 1 and "yang muat di satu sel" in text, text
    assert f"atasan.xlsx, sheet '{head.name}', sel {a1(g.slot_row(0), g.col('rhk'))}" in text, text
    assert not (tmp / "baru").exists() or not list((tmp / "baru").glob("*.xlsx"))
