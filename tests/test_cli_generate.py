"""The generate command: clear one-line errors for bad rosters, nothing written; files and manifest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import xlsxwriter
from click.testing import CliRunner

from skpkit.generator.commands.cli import main
from synthetic import nip

HEAD = ["NIP", "Nama", "Jabatan", "Jenis Jabatan", "Jenjang", "Pangkat", "Unit Kerja", "NIP Atasan"]


def _roster(path: Path, rows: list[list], head: list[str] = HEAD, nip_as_number: int | None = None) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Roster")
    ws.write_row(0, 0, head)
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            if c == 0 and r == nip_as_number:
                ws.write_number(r, c, float(v))
            else:
                ws.write_string(r, c, v)
    wb.close()
    return path


def _good() -> list[list]:
    a, b, c = nip(1), nip(2), nip(3)
    return [[a, "Kepala", "Kepala Bidang", "Administrator", "", "IV/a", "Bidang", ""],
            [b, "Analis", "Analis Ahli Muda", "Fungsional", "Ahli Muda", "III/d", "Bidang", a],
            [c, "Staf", "Pengadministrasi", "Pelaksana", "", "II/c", "Bidang", a]]


def _run(tmp: Path, roster: Path) -> tuple[int, str, Path]:
    out = tmp / "out"
    result = CliRunner().invoke(main, ["generate", "--roster", str(roster), "--out", str(out), "--quiet"])
    return result.exit_code, result.output, out


def test_good_roster_writes_workbook_and_manifest(tmp_path):
    code, output, out = _run(tmp_path, _roster(tmp_path / "r.xlsx", _good()))
    assert code == 0, output
    manifest = json.loads((out / "manifest.json").read_text())
    assert [f["file"] for f in manifest["files"]] == [p.name for p in sorted(out.glob("*.xlsx"))]
    assert {p["nip"] for p in manifest["files"][0]["pegawai"]} == {r[0] for r in _good()}
    assert all(len(p["fingerprint"]) == 64 for p in manifest["files"][0]["pegawai"])


def test_csv_roster(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text(";".join(HEAD) + "\n" + "\n".join(";".join(r) for r in _good()), encoding="utf-8")
    code, output, out = _run(tmp_path, path)
    assert code == 0, output


@pytest.mark.parametrize("case,fragment,cell", [
    ("nip_number", "NIP berupa angka", "A3"),
    ("cycle", "siklus atasan", ""),
    ("unknown_atasan", "tidak ada di roster", ""),
    ("duplicate", "NIP ganda", ""),
    ("missing_column", "kolom unit tidak ditemukan", ""),
    ("jenjang_missing", "jenjang kosong", "E3"),
])
def test_bad_roster_one_line_exit_1_nothing_written(tmp_path, case, fragment, cell):
    rows, head, as_number = _good(), list(HEAD), None
    if case == "nip_number":
        as_number = 2
    elif case == "cycle":
        rows[0][7] = rows[2][0]
    elif case == "unknown_atasan":
        rows[2][7] = nip(99)
    elif case == "duplicate":
        rows.append(list(rows[2]))
    elif case == "missing_column":
        head[6] = "Lokasi"
    elif case == "jenjang_missing":
        rows[1][4] = ""
        rows[1][2] = "Pranata Komputer"  # no jenjang in the name either (a name ending with one is read)
    code, output, out = _run(tmp_path, _roster(tmp_path / "r.xlsx", rows, head, as_number))
    assert code == 1
    lines = output.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0] and "r.xlsx" in lines[0], output
    assert "Traceback" not in output
    if cell:
        assert f"sel {cell}" in lines[0]
    assert not out.exists()


def test_missing_roster_file(tmp_path):
    code, output, out = _run(tmp_path, tmp_path / "nope.xlsx")
    assert code == 1 and "tidak ditemukan" in output and not out.exists()


def test_not_a_spreadsheet(tmp_path):
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    code, output, out = _run(tmp_path, path)
    assert code == 1 and len(output.strip().splitlines()) == 1 and not out.exists()


def test_template_atasan_and_cascade(demo_session):
    """The superior's template, filled, hands RHK down: the subordinate's sheet carries them by id."""
    from skpkit.issuing import Roster
    from skpkit.generator.commands.demo import demo_pegawai
    from skpkit.generator.read.workbook import read_workbook

    result = demo_session[1]
    sup = read_workbook(result.atasan)
    kadis_wb = read_workbook(next(p for p in result.kosong if "pimpinan" in p.name))
    sekda, roster = demo_pegawai()
    kadis = kadis_wb.by_nip[roster[0].nip]
    issued = [s for s in kadis.slots if s.issued]
    assert [s.intervensi for s in issued] == [s.id for s in sup.by_nip[sekda.nip].slots[:3]]
    assert issued[0].teks.startswith("Terwujudnya layanan SPBE")
    assert issued[2].teks == sup.by_nip[sekda.nip].slots[2].teks  # ticked "v": the superior's text
    # the Kabid's choices are the Kadis's RHK (other workbook: as issued)
    kabid_wb = read_workbook(next(p for p in result.kosong if "aplikasi" in p.name))
    kabid = next(s for s in kabid_wb.plan.sheets if s.pegawai.jenis_jabatan.value == "Administrator")
    assert [c[0] for c in kabid.choices] == [s.id for s in issued]
    # staff in the same workbook follow the Kabid live
    staff = [s for s in kabid_wb.plan.sheets if s.pegawai.nip_atasan == kabid.pegawai.nip]
    assert staff and all(s.choices_sheet == kabid.name for s in staff)
    assert Roster(roster, sup.plan).kurva_unit(roster[0]) == "Sekretariat Daerah"


def test_jobs_and_split_pegawai_give_the_same_workbooks(tmp_path):
    from skpkit.issuing import Roster
    from skpkit.generator.commands.generate import GenerateOptions, generate
    from synthetic import roster

    people = Roster(roster(30, unit_size=10))
    one = generate(people, tmp_path / "one", GenerateOptions(tahun=2027, progress=False))
    two = generate(people, tmp_path / "two", GenerateOptions(tahun=2027, progress=False, jobs=2))
    assert [p.name for p in one] == [p.name for p in two]
    manifests = [json.loads((tmp_path / d / "manifest.json").read_text())["files"] for d in ("one", "two")]
    assert manifests[0] == manifests[1]
    split = generate(people, tmp_path / "split", GenerateOptions(tahun=2027, progress=False, split="pegawai"))
    assert len(split) == 30
    assert not list((tmp_path / "split").glob(".*"))  # no temporaries left
