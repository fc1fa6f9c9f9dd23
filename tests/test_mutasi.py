"""A pegawai who moves between units in the year, with a jenjang change (RULES.md section 10), through the CLI.

Bidang A holds Rahmat, Ahli Pertama, from January; on 1 July he joins Bidang B as Ahli Muda. The roster of July
says so (unit, jenjang, TMT jabatan and TMT masuk 1 July). ``skp refresh`` of Bidang A closes his sheet there
on 30 June; ``skp refresh`` of Bidang B gives him a new sheet from 1 July; consolidating the dinas brings the
two parts together into one year, the annual by the last pejabat penilai. Hand-computed:

- Bidang A (triwulan I-II): one RHK, target 100 (jumlah), realisasi 30 and 20: at II, 50 of 2/4 x 100 = 50:
  Sesuai; perilaku Sesuai both quarters.
- Bidang B (triwulan III-IV): one RHK, target 60 for July-December (jumlah, shared from triwulan III): at III,
  40 of 1/2 x 60 = 30 (133.33 %): Di Atas; at IV, 75 of 60: Di Atas; perilaku Di Atas both quarters.
- The year: hasil from both parts' RHK (Sesuai, Di Atas): Sesuai Ekspektasi; perilaku from the four quarters
  (2 Sesuai, 2 Di Atas, the tie to the later): Di Atas Ekspektasi; predikat Baik (100 %).
- AK: 6 months as Ahli Pertama (12.5 a year) + 6 months as Ahli Muda (25 a year) at 100 %: 6.25 + 12.5 =
  18.75; AK awal 40 for jenjang: 58.75 of the Ahli Muda's 200 (shortfall 141.25).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from skpkit.generator.read.workbook import read_workbook
from skpkit.generator.write.workbook import write_workbook
from skpkit.model import BERAKHLAK

from run_cli import skp

K, HA, HB, X, Y = ("196801011992011001", "197302081998022002", "197803152004031003", "198805012016051005",
                   "199306082022062006")
HEAD = "NIP,Nama,Jabatan,Jenis Jabatan,Jenjang,Pangkat/Golongan,Unit Kerja,NIP Atasan,TMT Jabatan,AK Awal,TMT Masuk\n"
COMMON = (f"{K},Kepala Dinas,Kepala Dinas,JPT,,Pembina Utama Muda (IV/c),Pimpinan,,,,\n"
          f"{HA},Kepala Bidang A,Kepala Bidang A,Administrator,,Pembina (IV/a),Bidang A,{K},,,\n"
          f"{HB},Kepala Bidang B,Kepala Bidang B,Administrator,,Pembina (IV/a),Bidang B,{K},,,\n"
          f"{Y},Yani,Pengadministrasi,Pelaksana,,Pengatur (II/c),Bidang B,{HB},,,\n")
JANUARI = (f"{X},Rahmat,Pranata Komputer Ahli Pertama,Fungsional,Ahli Pertama,Penata (III/c),Bidang A,{HA},"
           "01-01-2025,40,\n")
JULI = (f"{X},Rahmat,Pranata Komputer Ahli Muda,Fungsional,Ahli Muda,Penata (III/c),Bidang B,{HB},"
        "01-07-2027,40,01-07-2027\n")



def _fill(path: Path, target: float, realisasi: dict[int, float], perilaku: str) -> None:
    """Rahmat's entries in his part, as he and his penilai type them (the plan's values, written back)."""
    data = read_workbook(path)
    sheet = data.plan.by_nip[X]
    slot = sheet.slots[0]
    sheet.isian.rhk[slot.id] = "Layanan aplikasi berjalan"
    row = sheet.isian.indikator_of(slot.indikator[0].id)
    row.indikator, row.target_min, row.target_max, row.satuan = "Jumlah layanan", target, target, "layanan"
    row.agregasi, row.realisasi = "jumlah", dict(realisasi)
    for i in range(len(BERAKHLAK)):
        sheet.isian.perilaku_of(i).rating.update({p: perilaku for p in realisasi})
    write_workbook(data.plan, path)


def _januari(tmp: Path, common: str = COMMON) -> tuple[Path, Path, Path]:
    """The rosters of January and July in ``tmp``, the dinas generated from January's, Rahmat's first two quarters
    in Bidang A filled: the Kepala Dinas's, Bidang A's and Bidang B's workbooks."""
    (tmp / "roster-januari.csv").write_text(HEAD + common + JANUARI, encoding="utf-8")
    (tmp / "roster-juli.csv").write_text(HEAD + common + JULI, encoding="utf-8")
    code, text = skp("generate", "--roster", tmp / "roster-januari.csv", "--out", tmp / "kerja", "--tahun", 2027,
                      "--quiet")
    assert code == 0, text
    pimpinan, a, b = (tmp / "kerja" / f"SKP-2027-{stem}.xlsx" for stem in ("pimpinan", "bidang-a", "bidang-b"))
    _fill(a, 100, {1: 30, 2: 20}, "Sesuai Ekspektasi")
    return pimpinan, a, b


@pytest.fixture(scope="module")
def dinas(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("mutasi")
    pimpinan, a, b = _januari(tmp)
    # both parts in one run: refused, naming both files, nothing written
    shutil.copy(a, tmp / "a-copy.xlsx")
    before = a.read_bytes()
    refused = skp("refresh", a, tmp / "a-copy.xlsx", "--atasan", pimpinan, "--roster", tmp / "roster-juli.csv",
                   "--no-backup")
    (tmp / "a-copy.xlsx").unlink()
    assert a.read_bytes() == before
    # July: Bidang A's sheet closed, Bidang B's opened, then filled
    out_a = skp("refresh", a, "--atasan", pimpinan, "--roster", tmp / "roster-juli.csv", "--no-backup")
    out_b = skp("refresh", b, "--atasan", pimpinan, "--roster", tmp / "roster-juli.csv", "--no-backup")
    opened = read_workbook(b).plan.by_nip[X]
    _fill(b, 60, {3: 40, 4: 35}, "Di Atas Ekspektasi")
    return tmp, pimpinan, a, b, refused, out_a, out_b, opened


def test_a_mutasi_closes_one_part_and_opens_the_other(dinas):
    tmp, pimpinan, a, b, refused, out_a, out_b, opened = dinas
    code, text = refused  # the two parts (here: a copy) in one run
    assert code == 1 and len(text.strip().splitlines()) == 1 and a.name in text and "a-copy.xlsx" in text, text
    code, text = out_a
    assert code == 0 and "mutasi ke Bidang B mulai 01-07-2027" in text, text
    part_a = read_workbook(a).plan
    sheet = part_a.by_nip[X]
    assert (sheet.pegawai.unit, sheet.pegawai.tmt_keluar) == ("Bidang A", dt.date(2027, 7, 1))
    res = part_a.evaluate(sheet)
    assert res.dinilai == (True, True, False, False, False)
    assert [str(hp.predikat) for hp in res.periode[2:]] == ["tidak dinilai"] * 2
    assert str(res.periode[1].hasil) == "Sesuai Ekspektasi" and str(res.tahunan.predikat) == "tidak dinilai"
    code, text = out_b
    assert code == 0, text
    assert (opened.pegawai.unit, str(opened.pegawai.jenjang), opened.pegawai.tmt_masuk) == \
        ("Bidang B", "Ahli Muda", dt.date(2027, 7, 1))
    # a new SKP in the new unit: nothing carried from Bidang A
    assert not any(r.indikator or r.realisasi for r in opened.isian.indikator.values())


@pytest.mark.libreoffice
def test_the_new_part_shares_its_target_from_its_first_quarter(dinas, tmp_path):
    from libreoffice import recalculate, require_libreoffice

    require_libreoffice()
    tmp, pimpinan, a, b, *_ = dinas
    data = read_workbook(b)
    g, name = data.geometry, data.plan.by_nip[X].name
    lo, = recalculate([b], tmp_path)
    grid = CalamineWorkbook.from_path(str(lo)).get_sheet_by_name(name).to_python(skip_empty_area=False)
    r = g.slot_row(0)
    assert grid[r][g.col("capaian", 3)] == pytest.approx(400 / 3)  # 40 of 1/2 x 60
    assert grid[r][g.col("capaian", 4)] == pytest.approx(125.0)
    masa = [grid[g.evaluasi_row("masa")][g.value_col(p)] for p in (1, 2, 3, 4, None)]
    assert masa == ["tidak dinilai", "tidak dinilai", "dinilai", "dinilai", "dinilai"]
    for key in ("predikat", "angka_kredit", "bulan_ak"):
        assert grid[g.evaluasi_row(key)][g.value_col(1)] == "tidak dinilai"
    assert grid[g.evaluasi_row("bulan_ak")][g.value_col(None)] == 6.0


def test_the_dinas_rekap_brings_the_two_parts_into_one_year(dinas):
    tmp, pimpinan, a, b, *_ = dinas
    code, text = skp("consolidate", tmp / "kerja", "--out", tmp / "rekap.xlsx", "--quiet")
    assert code == 0, text
    book = CalamineWorkbook.from_path(str(tmp / "rekap.xlsx"))
    rows = book.get_sheet_by_name("Rekap Pegawai").to_python()
    head = rows[0]
    mine = [dict(zip(head, r)) for r in rows[1:] if r[head.index("NIP")] == X]
    assert [(r["Periode"], r["Berkas"]) for r in mine] == [
        ("Triwulan I", a.name), ("Triwulan II", a.name), ("Triwulan III", b.name), ("Triwulan IV", b.name),
        ("Tahunan", b.name)]
    year = mine[-1]
    assert (year["Rating Hasil Kerja"], year["Rating Perilaku Kerja"], year["Predikat Kinerja"]) == \
        ("Sesuai Ekspektasi", "Di Atas Ekspektasi", "Baik")
    assert year["Angka Kredit"] == pytest.approx(18.75)
    assert [r["Predikat Kinerja"] for r in mine[:4]] == ["Baik", "Baik", "Sangat Baik", "Sangat Baik"]
    ak = book.get_sheet_by_name("Angka Kredit").to_python()
    row = dict(zip(ak[0], next(r for r in ak[1:] if X in r)))
    assert row[next(k for k in row if k.startswith("AK Tahunan"))] == pytest.approx(18.75)
    assert 58.75 in row.values() and 141.25 in row.values()
    belum = book.get_sheet_by_name("Belum Lengkap").to_python()
    assert not [r for r in belum[1:] if X in r]  # each part complete; nothing due outside them


@pytest.mark.libreoffice
def test_a_kenaikan_jenjang_in_the_unit_splits_the_angka_kredit(tmp_path):
    """Rahmat rises from Ahli Pertama to Ahli Muda on 1 July in Bidang A (roster: Jenjang Sebelumnya). Every
    quarter is rated (one SKP period), Baik: triwulan I-II 3/12 x 100 % x 12.5 = 3.125 each, III-IV 3/12 x 25 =
    6.25 each; the year 6/12 x 12.5 + 6/12 x 25 = 18.75 over 12 months."""
    from libreoffice import recalculate, require_libreoffice

    require_libreoffice()
    head = HEAD.rstrip("\n") + ",Jenjang Sebelumnya\n"
    naik = (f"{X},Rahmat,Pranata Komputer Ahli Muda,Fungsional,Ahli Muda,Penata (III/c),Bidang A,{HA},"
            "01-07-2027,40,,Ahli Pertama\n")
    (tmp_path / "roster.csv").write_text(head + COMMON.replace(",,,\n", ",,,,\n") + naik, encoding="utf-8")
    code, text = skp("generate", "--roster", tmp_path / "roster.csv", "--out", tmp_path / "kerja", "--tahun", 2027,
                      "--quiet")
    assert code == 0, text
    a = next((tmp_path / "kerja").glob("*bidang-a*.xlsx"))
    _fill(a, 100, {1: 25, 2: 25, 3: 25, 4: 25}, "Sesuai Ekspektasi")
    data = read_workbook(a)
    sheet = data.plan.by_nip[X]
    assert str(sheet.pegawai.jenjang_sebelumnya) == "Ahli Pertama"
    res = data.plan.evaluate(sheet)
    want = [3.125, 3.125, 6.25, 6.25, 18.75]
    assert [hp.angka_kredit for hp in (*res.periode, res.tahunan)] == pytest.approx(want)
    g = data.geometry
    lo, = recalculate([a], tmp_path / "lo")
    grid = CalamineWorkbook.from_path(str(lo)).get_sheet_by_name(sheet.name).to_python(skip_empty_area=False)
    cols = [g.value_col(p) for p in (1, 2, 3, 4, None)]
    assert [grid[g.evaluasi_row("masa")][c] for c in cols] == ["dinilai"] * 5
    assert [grid[g.evaluasi_row("predikat")][c] for c in cols] == ["Baik"] * 5
    assert [grid[g.evaluasi_row("bulan_ak")][c] for c in cols] == [3.0, 3.0, 3.0, 3.0, 12.0]
    assert [grid[g.evaluasi_row("angka_kredit")][c] for c in cols] == pytest.approx(want)


def test_both_units_in_one_run_close_the_old_part_and_open_the_new(tmp_path):
    """The secretary refreshes the dinas's folder in one go with the July roster: Bidang A's part is closed and
    Bidang B gets Rahmat's new sheet in the same run; later whole-folder refreshes (both parts in the folder)
    re-issue each part in its own file, every value kept; nothing is lost on the way."""
    pimpinan, a, b = _januari(tmp_path)
    juli = tmp_path / "roster-juli.csv"
    new_a, new_b = "199601012020121007", "199702022021122008"  # two new staff in July, one in each unit
    juli.write_text(juli.read_text(encoding="utf-8") +
                    f"{new_a},Sari,Pengolah Data,Pelaksana,,Pengatur (II/c),Bidang A,{HA},,,\n"
                    f"{new_b},Tono,Pengolah Data,Pelaksana,,Pengatur (II/c),Bidang B,{HB},,,\n", encoding="utf-8")
    code, text = skp("refresh", tmp_path / "kerja", "--atasan", pimpinan, "--roster", juli, "--no-backup")
    assert code == 0, text
    assert "mutasi ke Bidang B mulai 01-07-2027" in text and "dibuat dalam perintah ini" in text, text
    # the run went in two groups of files: each new staff still has one sheet, in their unit's file
    sheets = [(sp.pegawai.nip, p.name) for p in (tmp_path / "kerja").glob("*.xlsx")
              for sp in read_workbook(p).plan.sheets]
    assert sorted(f for nip, f in sheets if nip in (new_a, new_b)) == [a.name, b.name]
    assert read_workbook(a).plan.by_nip[X].pegawai.tmt_keluar == dt.date(2027, 7, 1)
    new = read_workbook(b).plan.by_nip[X]
    assert (new.pegawai.unit, new.pegawai.tmt_masuk, new.pegawai.tmt_keluar) == ("Bidang B", dt.date(2027, 7, 1), None)
    _fill(b, 60, {3: 40}, "Di Atas Ekspektasi")
    for _ in range(2):  # both parts in the folder now, twice: the second changes nothing
        code, text = skp("refresh", tmp_path / "kerja", "--atasan", pimpinan, "--roster", juli, "--no-backup")
        assert code == 0, text
    part_a, part_b = read_workbook(a).plan.by_nip[X], read_workbook(b).plan.by_nip[X]
    assert part_a.isian.indikator_of(part_a.slots[0].indikator[0].id).realisasi == {1: 30, 2: 20}
    assert part_b.isian.indikator_of(part_b.slots[0].indikator[0].id).realisasi == {3: 40}
    assert (part_a.pegawai.tmt_keluar, part_b.pegawai.tmt_masuk) == (dt.date(2027, 7, 1), dt.date(2027, 7, 1))
    names = sorted(p.name for p in (tmp_path / "kerja").glob("*.xlsx"))
    assert names == ["SKP-2027-bidang-a.xlsx", "SKP-2027-bidang-b.xlsx", "SKP-2027-pimpinan.xlsx"]
    code, text = skp("check", tmp_path / "kerja", "--manifest", tmp_path / "kerja" / "manifest.json")
    assert code == 0 and "diubah" not in text, text


def test_a_move_to_another_branch_still_closes_the_part_here(tmp_path):
    """Bidang B reports to another Kepala Dinas (another dinas): refreshing Bidang A from its own superior's
    workbook finds Rahmat outside that branch now, and still closes his sheet here instead of dropping it."""
    other = "196901011993011001"
    common = COMMON.replace(f"Bidang B,{K},", f"Bidang B,{other},") + (
        f"{other},Kepala Dinas Lain,Kepala Dinas Lain,JPT,,Pembina Utama Muda (IV/c),Pimpinan Lain,,,,\n")
    pimpinan, a, _ = _januari(tmp_path, common)
    code, text = skp("refresh", a, "--atasan", pimpinan, "--roster", tmp_path / "roster-juli.csv", "--no-backup")
    assert code == 0, text
    assert "mutasi ke Bidang B mulai 01-07-2027" in text and "tidak ada lagi di roster" not in text
    sheet = read_workbook(a).plan.by_nip[X]
    assert sheet.pegawai.tmt_keluar == dt.date(2027, 7, 1)
    assert sheet.isian.indikator_of(sheet.slots[0].indikator[0].id).realisasi == {1: 30, 2: 20}


def test_check_reads_each_part_against_its_own_manifest_entry(dinas, tmp_path):
    """The manifest lists Rahmat twice after the mutasi (a closed sheet in Bidang A, a new one in Bidang B):
    each file is checked against its own entry, a renamed copy against the entry of its sheet and unit;
    periods outside the part are never 'belum diisi'."""
    tmp, pimpinan, a, b, *_ = dinas
    renamed = shutil.copy(b, tmp_path / "bidang-b-dari-email.xlsx")
    code, text = skp("check", a, b, renamed, "--manifest", tmp / "kerja" / "manifest.json")
    assert code == 0 and "diubah" not in text, text
    assert "SKP Rahmat: periode belum diisi" not in text, text
