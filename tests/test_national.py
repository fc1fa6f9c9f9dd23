"""National data in: a SIASN "Data Pegawai" export as a roster, and an e-Kinerja rekap as input of
consolidation, in the shapes the README documents (built here, as the national systems write them)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from python_calamine import CalamineWorkbook

import edits
import skpkit
from skpkit.model import JenisJabatan, Jenjang
from skpkit.generator.read.workbook import read_workbook
from skpkit.generator.read.roster import read_roster

#: the columns of SIASN's "Data Pegawai" download that skpkit reads (README), plus NIP_ATASAN, which the
#: unit adds (SIASN's download has no superior column)
SIASN_HEAD = ["PNS_ID", "NIP_BARU", "NIP_LAMA", "NAMA", "GELAR_DEPAN", "GELAR_BELAKANG", "GOL_AKHIR_ID",
              "GOL_AKHIR_NAMA", "JENIS_JABATAN_ID", "JENIS_JABATAN_NAMA", "JABATAN_NAMA", "TMT_JABATAN", "ESELON_ID",
              "ESELON_NAMA", "UNOR_ID", "UNOR_NAMA", "KEDUDUKAN_HUKUM_NAMA", "NIP_ATASAN", "AK_AWAL"]
NIP = {k: f"19{70 + i:02d}0101200{i % 10}01{1 + i % 2}00{i + 1}" for i, k in enumerate("abcdef")}


def _siasn_rows():
    a, b, c, d, e, f = (NIP[k] for k in "abcdef")
    return [
        ["A1B2", a, "", "ANDI WIJAYA", "Dr.", "M.Si.", "41", "IV/a", "1", "Jabatan Struktural", "Kepala Dinas",
         "02-01-2024", "22", "II.b", "U1", "Dinas Kominfo", "Aktif", "", ""],
        ["C3D4", b, "", "BUDI SANTOSO", "", "S.Kom.", "34", "III/d", "1", "Jabatan Struktural",
         "Kepala Bidang Aplikasi", "2023-03-01", "31", "III.a", "U2", "Bidang Aplikasi", "Aktif", a, ""],
        ["E5F6", c, "", "CITRA LESTARI", "", "S.Kom.", "33", "III/c", "2", "Jabatan Fungsional Tertentu",
         "Pranata Komputer Ahli Muda", "15-05-2027", "", "", "U2", "Bidang Aplikasi", "Aktif", b, "150,5"],
        ["G7H8", d, "", "DEDI KURNIAWAN", "", "", "22", "II/b", "4", "Jabatan Fungsional Umum", "Pengadministrasi Umum",
         "01-01-2020", "", "", "U2", "Bidang Aplikasi", "Aktif", b, ""],
        ["I9J0", e, "", "EKA PUTRI", "", "A.Md.", "23", "II/c", "2", "Jabatan Fungsional Tertentu",
         "Pranata Komputer Terampil", dt.date(2025, 1, 1), "", "", "U2", "Bidang Aplikasi", "Aktif", b, 20],
        ["K1L2", f, "", "FAJAR", "", "", "32", "III/b", "1", "Jabatan Struktural", "Kepala Seksi Data",
         "01-02-2026", "41", "IV.a", "U2", "Bidang Aplikasi", "Aktif", b, ""],
    ]


def siasn_roster(path: Path, rows=None) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Data Pegawai")
    date = wb.add_format({"num_format": "dd-mm-yyyy"})
    ws.write_row(0, 0, SIASN_HEAD)
    for r, row in enumerate(rows or _siasn_rows(), start=1):
        for c, v in enumerate(row):
            if isinstance(v, dt.date):
                ws.write_datetime(r, c, v, date)
            elif isinstance(v, (int, float)):
                ws.write_number(r, c, v)
            else:
                ws.write_string(r, c, v)
    wb.close()
    return path


def test_siasn_export_reads_as_a_roster(tmp_path):
    people = {p.nip: p for p in read_roster(siasn_roster(tmp_path / "siasn.xlsx"))}
    a, b, c, d, e, f = (people[NIP[k]] for k in "abcdef")
    assert (a.jenis_jabatan, b.jenis_jabatan, f.jenis_jabatan) == \
        (JenisJabatan.JPT, JenisJabatan.ADMINISTRATOR, JenisJabatan.PENGAWAS)  # "Jabatan Struktural" by eselon
    assert (c.jenis_jabatan, d.jenis_jabatan) == (JenisJabatan.FUNGSIONAL, JenisJabatan.PELAKSANA)
    assert (c.jenjang, e.jenjang) == (Jenjang.AHLI_MUDA, Jenjang.TERAMPIL)  # from the jabatan's name
    assert a.nama == "Dr. ANDI WIJAYA, M.Si." and c.nama == "CITRA LESTARI, S.Kom."
    assert (c.tmt_jabatan, c.ak_awal_pangkat, c.ak_awal_jenjang) == (dt.date(2027, 5, 15), 150.5, 150.5)
    assert e.tmt_jabatan == dt.date(2025, 1, 1) and e.ak_awal_jenjang == 20.0
    assert (c.pns_id, c.golongan_id, c.pangkat, c.unit) == ("E5F6", "33", "III/c", "Bidang Aplikasi")


def test_siasn_roster_goes_through_generate_with_tmt_and_ak_awal_issued(tmp_path):
    files = skpkit.generate(siasn_roster(tmp_path / "siasn.xlsx"), tmp_path / "out", split="unit", tahun=2027)
    data = [read_workbook(f) for f in files]
    sheets = {sp.pegawai.nip: (d, sp) for d in data for sp in d.plan.sheets}
    d, sp = sheets[NIP["c"]]
    g = d.geometry
    grid = d.grids[sp.name]
    col = g.identity_col("pegawai")
    assert grid(g.identity("tmt_jabatan"), col) in (dt.date(2027, 5, 15), dt.datetime(2027, 5, 15))
    assert grid(g.identity("ak_awal_pangkat"), col) == 150.5
    assert grid(g.evaluasi_row("bulan_ak"), g.value_col(None)) == 7.0  # 15 May: from June
    assert sp.pegawai.pns_id == "E5F6"
    # issued: a changed TMT is named by skp check with the manifest, old and new value
    wb = edits.load(files[[f for f in files].index(d.path)])
    wb[sp.name].cell(g.identity("tmt_jabatan") + 1, col + 1).value = dt.datetime(2027, 1, 1)
    wb.save(d.path)
    found = skpkit.check([d.path], manifest=tmp_path / "out" / "manifest.json")
    cells = [m for t in found for m in t.problems]
    ref = f"{openpyxl.utils.get_column_letter(col + 1)}{g.identity('tmt_jabatan') + 1}"
    assert any(m.cell == ref and "2027-05-15" in m.what and "2027-01-01" in m.what for m in cells), cells


def test_jabatan_struktural_without_eselon_names_the_cell(tmp_path):
    rows = _siasn_rows()
    rows[1][13] = ""
    rows[1][12] = ""
    with pytest.raises(skpkit.generator.errors.UserError) as e:
        read_roster(siasn_roster(tmp_path / "siasn.xlsx", rows))
    assert e.value.masalah.cell == "M3" and "eselon" in e.value.masalah.what  # ESELON_ID, the first eselon column


# --- e-Kinerja ------------------------------------------------------------------------------------------

EKINERJA_HEAD = ["NIP", "NAMA", "UNIT KERJA", "TAHUN", "PERIODE", "RATING HASIL KERJA", "RATING PERILAKU KERJA",
                 "KUADRAN"]


def ekinerja_rekap(path: Path, rows: list[list]) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Rekap")
    ws.write_row(0, 0, EKINERJA_HEAD)
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            (ws.write_number if isinstance(v, (int, float)) else ws.write_string)(r, c, v)
    wb.close()
    return path


def _sheet(path: Path, name: str) -> list[dict]:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def test_a_unit_that_ran_part_of_the_year_in_ekinerja_gets_one_rekap(demo, tmp_path):
    """Periods I-II in the workbooks (the demo fills two), III-IV and the year in e-Kinerja, in its
    spellings and codes; a conflicting period-I predikat and a bad row are named, not merged."""
    folder = tmp_path / "masuk"
    shutil.copytree(demo / "terisi", folder)
    unit = next(f for f in folder.glob("*statistik*.xlsx"))
    people = [sp.pegawai for sp in read_workbook(unit).plan.sheets]
    rows = []
    for k, p in enumerate(people):
        rows.append([p.nip, p.nama, p.unit, 2027, "Triwulan III", "DIATAS EKSPEKTASI" if k % 3 == 0 else 2, 2, ""])
        rows.append([p.nip, p.nama, p.unit, 2027, "IV", "", "", 2 if k % 2 else "BAIK"])
        rows.append([p.nip, p.nama, p.unit, 2027, "Tahunan", "Sesuai Ekspetasi", "Diatas Ekspektasi", 2])
    rows.append([people[0].nip, people[0].nama, people[0].unit, 2027, "Triwulan I", 3, 3, 5])  # conflicts
    rows.append(["19790101", "X", people[0].unit, 2027, "Triwulan III", 1, 1, 1])                 # bad NIP
    ekinerja_rekap(folder / "ekinerja.xlsx", rows)
    out = tmp_path / "rekap.xlsx"
    summary = skpkit.consolidate([folder], out, manifest=folder / "manifest.json")
    assert summary.files_read == 6
    rekap = _sheet(out, "Rekap Pegawai")
    nips = {p.nip for p in people}
    mine = {(r["NIP"], r["Periode"]): r for r in rekap if r["NIP"] in nips}
    for k, p in enumerate(people):
        iii = mine[(p.nip, "Triwulan III")]
        assert iii["Sheet"] == "e-Kinerja" and iii["Berkas"] == "ekinerja.xlsx"
        assert iii["Predikat Kinerja"] == ("Baik" if k % 3 == 0 else "Baik")
        assert mine[(p.nip, "Triwulan IV")]["Predikat Kinerja"] == "Baik"
        assert mine[(p.nip, "Tahunan")]["Predikat Kinerja"] == "Baik"
        assert mine[(p.nip, "Triwulan I")]["Sheet"] != "e-Kinerja"  # the workbook's period stays
    masalah = _sheet(out, "Masalah")
    assert any("e-Kinerja Sangat Kurang" in m["Masalah"] for m in masalah)
    assert any(m["Berkas"] == "ekinerja.xlsx" and m["Sel"] == "A" + str(len(rows) + 1) for m in masalah)
    # one kurva check over both sources: the unit's Triwulan III counts come from e-Kinerja
    units = _sheet(out, "Rekap Unit")
    tw3 = [u for u in units if u["Periode"] == "Triwulan III" and u["Unit"] == people[0].unit]
    assert tw3 and tw3[0]["Jumlah Dinilai"] >= len(people) - 1


def test_a_monthly_ekinerja_rekap_is_not_mixed_into_a_quarterly_one(demo, tmp_path):
    folder = tmp_path / "masuk"
    shutil.copytree(demo / "terisi", folder)
    p = read_workbook(next(folder.glob("*.xlsx"))).plan.sheets[0].pegawai
    ekinerja_rekap(folder / "bulanan.xlsx", [[p.nip, p.nama, p.unit, 2027, 2, 2, 2, 2],
                                             [p.nip, p.nama, p.unit, 2027, "Juli", 2, 2, 2]])
    out = tmp_path / "rekap.xlsx"
    skpkit.consolidate([folder], out)
    assert not any(r["Sheet"] == "e-Kinerja" for r in _sheet(out, "Rekap Pegawai"))
    assert any("bulanan" in m["Masalah"] for m in _sheet(out, "Masalah"))


def test_a_csv_that_is_no_ekinerja_rekap_is_named_and_the_rest_kept(demo, tmp_path):
    stray = tmp_path / "catatan.csv"
    stray.write_text("Nama;Keterangan\nAni;cuti\n", encoding="utf-8")
    out = tmp_path / "rekap.xlsx"
    summary = skpkit.consolidate([demo / "terisi", stray], out)
    assert summary.files_read == 5
    assert any(m["Berkas"] == "catatan.csv" and "bukan rekap e-Kinerja" in m["Masalah"] for m in _sheet(out, "Masalah"))
    # in a folder, a CSV that is not one is not an input at all
    folder = tmp_path / "masuk"
    shutil.copytree(demo / "terisi", folder)
    shutil.copy2(stray, folder / "catatan.csv")
    assert skpkit.consolidate([folder], tmp_path / "r2.xlsx").files == 5
