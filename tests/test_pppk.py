"""PPPK (RULES.md section 9) from the roster to the rekap: NI PPPK read and validated, the status from the
roster's column or the number's code, "NI PPPK" and GOLONGAN on the forms, golongan I-XVII, angka kredit
toward the jenjang only."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter
from click.testing import CliRunner
from python_calamine import CalamineWorkbook

import skpkit
from skpkit.generator.commands.check import check_file
from skpkit.generator.commands.cli import main
from skpkit.generator.read.cells import read_cells
from skpkit.generator.read.workbook import read_workbook

KEPALA = "197501012000031001"
ANALIS_PPPK = "199203152021211001"  # code 21, status column PPPK
STAF_PPPK = "199505202022212002"  # code 21, status column blank: the number decides
STAF_PNS = "199001012015031003"
HEAD = ["NIP", "Nama", "Jabatan", "Jenis Jabatan", "Jenjang", "Pangkat/Golongan", "Unit Kerja", "NIP Atasan",
        "Status", "TMT Jabatan", "AK Awal"]


def _roster(path: Path, rows: list[list[str]]) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Roster")
    ws.write_row(0, 0, HEAD)
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            ws.write_string(r, c, v)
    wb.close()
    return path


def _rows() -> list[list[str]]:
    return [[KEPALA, "Kepala", "Kepala Bidang", "Administrator", "", "IV/a", "Bidang", "", "PNS", "", ""],
            [ANALIS_PPPK, "Analis", "Pranata Komputer Ahli Pertama", "Fungsional", "Ahli Pertama", "IX", "Bidang",
             KEPALA, "PPPK", "01-01-2026", "40"],
            [STAF_PPPK, "Staf P3K", "Pengadministrasi Umum", "Pelaksana", "", "Ahli Pertama / V", "Bidang", KEPALA,
             "", "", ""],
            [STAF_PNS, "Staf", "Pengadministrasi", "Pelaksana", "", "II/c", "Bidang", KEPALA, "PNS", "", ""]]


@pytest.fixture(scope="module")
def unit(tmp_path_factory):
    """The unit's workbook, the year filled as the demo fills it (every period rated)."""
    from skpkit.generator.commands.demo import fill_plan
    from skpkit.generator.commands.generate import GenerateOptions, generate, load_roster

    tmp = tmp_path_factory.mktemp("pppk")
    roster = load_roster(_roster(tmp / "roster.xlsx", _rows()), None)
    (path,) = generate(roster, tmp / "unit", GenerateOptions(tahun=2027, progress=False),
                       lambda plan: fill_plan(plan, 4))
    return tmp, path


def test_status_from_the_column_or_the_number_survives_the_workbook(unit):
    _, path = unit
    status = {s.pegawai.nip: s.pegawai.status for s in read_workbook(path).plan.sheets}
    assert status == {KEPALA: "PNS", ANALIS_PPPK: "PPPK", STAF_PPPK: "PPPK", STAF_PNS: "PNS"}
    assert check_file(path).problems == []


def test_forms_say_ni_pppk_and_golongan_for_a_pppk_only(unit):
    _, path = unit
    plan = read_workbook(path).plan
    by_nip = {s.pegawai.nip: s for s in plan.sheets}
    cells = read_cells(path)

    def texts(sheet: str) -> set[str]:
        return {str(c.value) for c in cells[sheet].values() if isinstance(c.value, str)}

    cetak = {nip: next(n for n in cells if n.startswith("Cetak ") and n.endswith(s.name.removeprefix("SKP ")))
             for nip, s in by_nip.items()}
    pppk = texts(cetak[ANALIS_PPPK])
    assert {"NI PPPK", "GOLONGAN", f"NI PPPK {ANALIS_PPPK}"} <= pppk
    assert f"NIP {KEPALA}" in pppk  # the penilai is a PNS: his block keeps NIP
    pns = texts(cetak[STAF_PNS])
    assert "NI PPPK" not in pns and "GOLONGAN" not in pns and f"NIP {STAF_PNS}" in pns
    assert "NIP / NI PPPK" in texts(by_nip[STAF_PPPK].name)
    assert "NIP / NI PPPK" not in texts(by_nip[STAF_PNS].name)


def test_angka_kredit_toward_the_jenjang_only(unit, tmp_path):
    tmp, path = unit
    data = read_workbook(path)
    sheet = next(s for s in data.plan.sheets if s.pegawai.nip == ANALIS_PPPK)
    g = data.geometry
    grid = read_cells(path, {sheet.name})[sheet.name]
    col = g.value_col(None)
    shown = {k: grid[(g.ak_posisi_row(k), col)].value for k in ("ak_kumulatif_pangkat", "kurang_pangkat",
                                                                 "ak_kumulatif_jenjang", "kurang_jenjang")}
    tidak_berlaku = g.layout["labels"]["pegawai"]["tidak_berlaku"]
    assert shown["ak_kumulatif_pangkat"] == shown["kurang_pangkat"] == tidak_berlaku
    year = grid[(g.evaluasi_row("angka_kredit"), col)].value
    assert isinstance(year, float) and year > 0
    assert shown["ak_kumulatif_jenjang"] == pytest.approx(40 + year)
    assert shown["kurang_jenjang"] == pytest.approx(100 - 40 - year)  # Ahli Pertama -> Ahli Muda: 100
    assert grid.get((g.identity("ak_awal_pangkat"), g.identity_col("pegawai"))) is None or \
        grid[(g.identity("ak_awal_pangkat"), g.identity_col("pegawai"))].value in (None, "")
    summary = skpkit.consolidate([path], tmp_path / "rekap.xlsx")
    assert summary.files_read == 1 and summary.masalah == 0
    book = CalamineWorkbook.from_path(str(tmp_path / "rekap.xlsx"))
    peg = book.get_sheet_by_name("Rekap Pegawai").to_python()
    assert {r[0]: r[1] for r in peg[1:]}[ANALIS_PPPK] == "PPPK" and peg[0][:2] == ["NIP", "Status"]
    ak = book.get_sheet_by_name("Angka Kredit").to_python()
    row = dict(zip(ak[0], next(r for r in ak[1:] if r[0] == ANALIS_PPPK)))
    assert row["Kekurangan (pangkat)"] == "" and row["AK untuk pangkat"] == ""
    assert row["AK Kumulatif (jenjang)"] == pytest.approx(shown["ak_kumulatif_jenjang"])
    assert row["Kekurangan (jenjang)"] == pytest.approx(shown["kurang_jenjang"])


@pytest.mark.parametrize("change, cell, fragment", [
    (lambda rows: rows[1].__setitem__(8, "PNS"), "A3", "kode 21 adalah kode PPPK"),
    (lambda rows: rows[3].__setitem__(8, "PPPK"), "A5", "bukan kode PPPK"),
    (lambda rows: rows[1].__setitem__(5, "III/a"), "F3", "golongan PPPK 'III/a' bukan I-XVII"),
    (lambda rows: rows[2].__setitem__(8, "honorer"), "I4", "status kepegawaian"),
])
def test_a_roster_that_contradicts_itself_is_one_line(tmp_path, change, cell, fragment):
    rows = _rows()
    change(rows)
    roster = _roster(tmp_path / "roster.xlsx", rows)
    r = CliRunner().invoke(main, ["generate", "--roster", str(roster), "--out", str(tmp_path / "out"), "--quiet"])
    assert r.exit_code == 1 and len(r.output.strip().splitlines()) == 1, r.output
    assert fragment in r.output and cell in r.output and not (tmp_path / "out").exists()
