"""A year played through the CLI for a pemda of five levels, with hand-computed results (issue 20).

Sekretaris Daerah -> Kepala Dinas -> Kepala Bidang A and B -> Kepala Seksi A1 -> staff, one roster for the
pemda. Each level's filled workbook is the ``--atasan`` of the next: ``skp template atasan`` for the Sekda,
``skp generate`` below her, ``skp refresh`` level by level after each superior fills his plan. Seksi A1 is
agreed with ``skp tetapkan``; every workbook is re-saved by LibreOffice after the second and the fourth
quarter and read back as it is by every verb. On 1 July Rahmat moves to Bidang B (the July roster, ``TMT
Masuk``) and Dewi rises from Ahli Pertama to Ahli Muda in her unit (``Jenjang Sebelumnya``); in the third
quarter the Kepala Bidang A rewrites an RHK and refreshes his seksi. The year ends with the seksi's and the
dinas's rekap, the SIASN files and the printed forms.

Hand-computed (RULES.md sections 1-4, 6, 8-10):

- Putri (PPPK, NI PPPK, Pelaksana, golongan V): one RHK, 120 surat a year (jumlah), 30 a quarter then 45:
  cumulative 30/30, 60/60, 90/90 Sesuai; 135 of 120 (112.5 %) Di Atas. Perilaku Sesuai in I-II, Di Atas in
  III-IV. Quarters Baik, Baik, Sangat Baik (Di Atas x Di Atas), Sangat Baik (the quarter: Di Atas x Di Atas);
  the year: hasil Di Atas (135 of 120), perilaku Di Atas (two each, the tie to the later): Sangat Baik.
- Dewi (PNS, Ahli Pertama to Ahli Muda on 1 July, one SKP period): 100 a year, 25 a quarter: Sesuai, perilaku
  Sesuai: Baik in every period. AK 3/12 x 12.5 = 3.125 in I and II, 3/12 x 25 = 6.25 in III and IV; the year
  6/12 x 12.5 + 6/12 x 25 = 18.75.
- Rahmat (PNS, Ahli Pertama, AK awal 40): in Seksi A1, 100 a year, realisasi 30 then 20: 30 of 25 (120 %) Di
  Atas, 50 of 50 Sesuai; perilaku Sesuai. In Bidang B from 1 July, 60 for July-December: 40 of 30 (133.33 %)
  Di Atas, 75 of 60 (125 %) Di Atas; perilaku Di Atas. Quarters Baik, Baik, Sangat Baik, Sangat Baik; the year:
  hasil from the RHK of both parts (Sesuai as last rated in Seksi A1, Di Atas in Bidang B: one of two is not
  most) Sesuai, perilaku Di Atas (the tie to the later), predikat Baik: AK 6/12 x 12.5 in each part = 12.5,
  cumulative 40 + 12.5 = 52.5, 47.5 short of the 100 Ahli Pertama needs for the next jenjang.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from skpkit.generator.read.workbook import read_workbook
from skpkit.generator.write.workbook import write_workbook
from skpkit.model import BERAKHLAK

from run_cli import skp

pytestmark = pytest.mark.libreoffice

SEKDA, KADIS, KABID_A, KABID_B, KASI = ("196805121993031004", "196801011992011001", "197302081998022002",
                                        "197803152004031003", "198001012005011004")
RAHMAT, DEWI, PUTRI, YANI = "198805012016051005", "199001012015032007", "199505202022212002", "199306082022062006"
HEAD = ("NIP,Nama,Jabatan,Jenis Jabatan,Jenjang,Pangkat/Golongan,Unit Kerja,NIP Atasan,Status,TMT Jabatan,AK Awal,"
        "TMT Masuk,Jenjang Sebelumnya\n")
ATAS = (f"{SEKDA},Sekda,Sekretaris Daerah,JPT,,Pembina Utama (IV/e),Sekretariat Daerah,,PNS,,,,\n"
        f"{KADIS},Kadis,Kepala Dinas,JPT,,Pembina Utama Muda (IV/c),Pimpinan Dinas,{SEKDA},PNS,,,,\n"
        f"{KABID_A},Kabid A,Kepala Bidang A,Administrator,,Pembina (IV/a),Bidang A,{KADIS},PNS,,,,\n"
        f"{KABID_B},Kabid B,Kepala Bidang B,Administrator,,Pembina (IV/a),Bidang B,{KADIS},PNS,,,,\n"
        f"{KASI},Kasi A1,Kepala Seksi A1,Pengawas,,Penata Tingkat I (III/d),Seksi A1,{KABID_A},PNS,,,,\n"
        f"{PUTRI},Putri,Pengelola Layanan Operasional,Pelaksana,,V,Seksi A1,{KASI},PPPK,,,,\n"
        f"{YANI},Yani,Pengadministrasi Perkantoran,Pelaksana,,Pengatur (II/c),Bidang B,{KABID_B},PNS,,,,\n")
JANUARI = ATAS + (
    f"{RAHMAT},Rahmat,Pranata Komputer Ahli Pertama,Fungsional,Ahli Pertama,Penata Muda (III/a),Seksi A1,{KASI},"
    "PNS,01-01-2025,40,,\n"
    f"{DEWI},Dewi,Analis Kebijakan Ahli Pertama,Fungsional,Ahli Pertama,Penata (III/c),Seksi A1,{KASI},PNS,"
    "01-01-2024,80,,\n")
JULI = ATAS + (
    f"{RAHMAT},Rahmat,Pranata Komputer Ahli Pertama,Fungsional,Ahli Pertama,Penata Muda (III/a),Bidang B,{KABID_B},"
    "PNS,01-01-2025,40,01-07-2027,\n"
    f"{DEWI},Dewi,Analis Kebijakan Ahli Muda,Fungsional,Ahli Muda,Penata (III/c),Seksi A1,{KASI},PNS,"
    "01-07-2027,0,,Ahli Pertama\n")
SESUAI, DI_ATAS = "Sesuai Ekspektasi", "Di Atas Ekspektasi"


def _edit(path: Path, change) -> None:
    """What the people of one workbook type into it in Excel: ``change(plan)``, written back."""
    data = read_workbook(path)
    change(data.plan)
    write_workbook(data.plan, path)


def _rhk(plan, nip: str, k: int, text: str | None, target: float, satuan: str, pick: int | None = 0) -> None:
    """The pegawai's ``k``-th RHK: its text (unless handed down), the intervensi picked from the superior's
    RHK (``pick``), one indikator with a yearly ``jumlah`` target."""
    sheet = plan.by_nip[nip]
    slot = sheet.slots[k]
    if text is not None and not slot.issued:
        sheet.isian.rhk[slot.id] = text
        choices = [c[0] for c in sheet.choices]
        if sheet.choices_sheet:
            sup = next(s for s in plan.sheets if s.name == sheet.choices_sheet)
            choices = [s.id for s in sup.slots if sup.rhk_value(s, "rhk")]
        if pick is not None and choices:
            sheet.isian.intervensi[slot.id] = choices[pick]
    row = sheet.isian.indikator_of(slot.indikator[0].id)
    row.indikator, row.target_min, row.target_max = f"Jumlah {satuan}", target, target
    row.satuan, row.aspek, row.arah, row.agregasi = satuan, "Kuantitas", "naik", "jumlah"


def _quarter(plan, nip: str, p: int, realisasi: float | None, perilaku: str) -> None:
    """Period ``p``: the pegawai's realisasi of their first RHK and the penilai's seven BerAKHLAK ratings."""
    sheet = plan.by_nip[nip]
    if realisasi is not None:
        sheet.isian.indikator_of(sheet.slots[0].indikator[0].id).realisasi[p] = realisasi
    for i in range(len(BERAKHLAK)):
        sheet.isian.perilaku_of(i).rating[p] = perilaku


def _organisasi(plan) -> None:
    """The leader one level up: every unit Baik in every period and the year."""
    for unit in plan.units:
        for c in range(1, plan.jenis_periode.jumlah + 2):
            plan.organisasi[(unit, c)] = "Baik"


def _resave(folder: Path, scratch: Path) -> None:
    """Every workbook in ``folder`` opened and saved again by LibreOffice (recalculated on load), in place."""
    from libreoffice import recalculate

    files = sorted(folder.glob("*.xlsx"))
    for src, saved in zip(files, recalculate(files, scratch)):
        shutil.copyfile(saved, src)
        saved.unlink()


def _ok(*args) -> str:
    code, text = skp(*args)
    assert code == 0, text
    return text


@pytest.fixture(scope="module")
def tahun(tmp_path_factory):
    from libreoffice import require_libreoffice

    require_libreoffice()
    tmp = tmp_path_factory.mktemp("tahun")
    januari, juli, kerja = tmp / "roster-januari.csv", tmp / "roster-juli.csv", tmp / "kerja"
    januari.write_text(HEAD + JANUARI, encoding="utf-8")
    juli.write_text(HEAD + JULI, encoding="utf-8")
    log: dict[str, str] = {}

    # level 1: the Sekda's workbook, her RHK and the matriks handing two of them to the Kepala Dinas
    sekda = tmp / "sekda.xlsx"
    _ok("template", "atasan", "--out", sekda, "--nip", SEKDA, "--nama", "Sekda", "--jabatan", "Sekretaris Daerah",
        "--unit", "Sekretariat Daerah", "--roster", januari, "--tahun", 2027)

    def sekda_fills(plan):
        sheet, block = plan.sheets[0], plan.matriks[0]
        for slot, text in zip(sheet.slots, ("Meningkatnya kualitas pelayanan publik",
                                            "Meningkatnya akuntabilitas kinerja daerah")):
            sheet.isian.rhk[slot.id] = text
            block.entries[(KADIS, slot.id)] = text
    _edit(sekda, sekda_fills)
    log["generate"] = _ok("generate", "--roster", januari, "--atasan", sekda, "--out", kerja, "--quiet")
    files = {stem: kerja / f"SKP-2027-{stem}.xlsx" for stem in ("pimpinan-dinas", "bidang-a", "bidang-b", "seksi-a1")}
    assert sorted(p.name for p in kerja.glob("*.xlsx")) == sorted(p.name for p in files.values())

    # level 2: the Kepala Dinas's plan (the RHK the Sekda handed him), his matriks handing one to Kabid B
    def kadis_fills(plan):
        _organisasi(plan)
        sheet = plan.by_nip[KADIS]
        for k in range(2):
            _rhk(plan, KADIS, k, None, 4, "laporan")
        block = next(b for b in plan.matriks if b.atasan_nip == KADIS)
        block.entries[(KABID_B, sheet.slots[1].id)] = "v"  # Kabid A writes his own RHK under the first
    _edit(files["pimpinan-dinas"], kadis_fills)
    log["refresh-2"] = _ok("refresh", files["bidang-a"], files["bidang-b"], "--atasan", files["pimpinan-dinas"],
                           "--roster", januari)

    # level 3: the kepala bidang's plans; Bidang A's workbook is the atasan of Seksi A1
    def kabid_fills(nip):
        def fill(plan):
            _organisasi(plan)
            _rhk(plan, nip, 0, "Tersusunnya rencana kerja bidang", 4, "dokumen")
            if nip == KABID_B:
                _rhk(plan, YANI, 0, "Terkelolanya surat masuk", 200, "surat")
        return fill
    _edit(files["bidang-a"], kabid_fills(KABID_A))
    _edit(files["bidang-b"], kabid_fills(KABID_B))
    log["refresh-3"] = _ok("refresh", files["seksi-a1"], "--atasan", files["bidang-a"], "--roster", januari)

    # level 4 and staff: the seksi's plans, agreed (penetapan)
    def seksi_plans(plan):
        _organisasi(plan)
        _rhk(plan, KASI, 0, "Terlaksananya layanan seksi", 4, "laporan")
        _rhk(plan, RAHMAT, 0, "Layanan aplikasi berjalan", 100, "layanan")
        _rhk(plan, DEWI, 0, "Rekomendasi kebijakan tersusun", 100, "naskah")
        _rhk(plan, PUTRI, 0, "Surat dinas terproses", 120, "surat")
    _edit(files["seksi-a1"], seksi_plans)
    log["tetapkan-1"] = _ok("tetapkan", files["seksi-a1"], files["bidang-b"], "--tanggal", "2027-01-29")

    # triwulan I-II, then every workbook re-saved by LibreOffice and checked against the manifest
    def half(plan):
        for p, (rahmat, dewi, putri) in enumerate(((30, 25, 30), (20, 25, 30)), start=1):
            _quarter(plan, KASI, p, 1, SESUAI)
            _quarter(plan, RAHMAT, p, rahmat, SESUAI)
            _quarter(plan, DEWI, p, dewi, SESUAI)
            _quarter(plan, PUTRI, p, putri, SESUAI)
    _edit(files["seksi-a1"], half)
    _resave(kerja, tmp / "lo-1")
    log["check-1"] = _ok("check", kerja, "--manifest", kerja / "manifest.json")

    # July: Rahmat to Bidang B, Dewi Ahli Muda; each unit's file refreshed from the July roster
    log["juli-seksi"] = _ok("refresh", files["seksi-a1"], "--atasan", files["bidang-a"], "--roster", juli)
    log["juli-bidang-b"] = _ok("refresh", files["bidang-b"], "--atasan", files["pimpinan-dinas"], "--roster", juli)

    def rahmat_in_b(plan):
        _rhk(plan, RAHMAT, 0, "Aplikasi persuratan berjalan", 60, "layanan")
    _edit(files["bidang-b"], rahmat_in_b)
    log["tetapkan-2"] = _ok("tetapkan", files["bidang-b"], "--tanggal", "2027-07-05")

    def q3_seksi(plan):
        _quarter(plan, KASI, 3, 1, SESUAI)
        _quarter(plan, DEWI, 3, 25, SESUAI)
        _quarter(plan, PUTRI, 3, 30, DI_ATAS)
    _edit(files["seksi-a1"], q3_seksi)
    _edit(files["bidang-b"], lambda plan: _quarter(plan, RAHMAT, 3, 40, DI_ATAS))

    # the third quarter: the Kepala Bidang A rewrites his RHK; the seksi's file follows, every value kept
    before = read_workbook(files["seksi-a1"]).plan
    _edit(files["bidang-a"], lambda plan: plan.by_nip[KABID_A].isian.rhk.update(
        {plan.by_nip[KABID_A].slots[0].id: "Tersusunnya rencana kerja dan anggaran bidang"}))
    log["refresh-q3"] = _ok("refresh", files["seksi-a1"], "--atasan", files["bidang-a"], "--roster", juli)

    def q4(plan):
        if KASI in plan.by_nip:
            _quarter(plan, KASI, 4, 1, SESUAI)
            _quarter(plan, DEWI, 4, 25, SESUAI)
            _quarter(plan, PUTRI, 4, 45, DI_ATAS)
        else:
            _quarter(plan, RAHMAT, 4, 35, DI_ATAS)
    _edit(files["seksi-a1"], q4)
    _edit(files["bidang-b"], q4)
    _resave(kerja, tmp / "lo-2")
    log["check-2"] = _ok("check", kerja, "--manifest", kerja / "manifest.json")

    # the year: the seksi's rekap, the dinas's rekap with the SIASN files, the printed forms
    log["rekap-seksi"] = _ok("consolidate", files["seksi-a1"], "--out", tmp / "rekap-seksi.xlsx", "--quiet")
    log["rekap-dinas"] = _ok("consolidate", kerja, "--out", tmp / "rekap-dinas.xlsx", "--csv", tmp / "csv",
                             "--manifest", kerja / "manifest.json", "--quiet")
    return tmp, files, log, before


def _rows(path: Path, sheet: str = "Rekap Pegawai") -> list[dict]:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def _year(rows: list[dict], nip: str) -> list[tuple]:
    """(period, file, hasil, perilaku, predikat, AK) of one pegawai's rows, in order."""
    return [(r["Periode"], r["Berkas"], r["Rating Hasil Kerja"], r["Rating Perilaku Kerja"], r["Predikat Kinerja"],
             r["Angka Kredit"]) for r in rows if r["NIP"] == nip]


S, A = SESUAI, DI_ATAS
SEKSI, BIDANG_B = "SKP-2027-seksi-a1.xlsx", "SKP-2027-bidang-b.xlsx"
PUTRI_TAHUN = [("Triwulan I", SEKSI, S, S, "Baik", ""), ("Triwulan II", SEKSI, S, S, "Baik", ""),
               ("Triwulan III", SEKSI, S, A, "Baik", ""), ("Triwulan IV", SEKSI, A, A, "Sangat Baik", ""),
               ("Tahunan", SEKSI, A, A, "Sangat Baik", "")]
DEWI_TAHUN = [("Triwulan I", SEKSI, S, S, "Baik", 3.125), ("Triwulan II", SEKSI, S, S, "Baik", 3.125),
              ("Triwulan III", SEKSI, S, S, "Baik", 6.25), ("Triwulan IV", SEKSI, S, S, "Baik", 6.25),
              ("Tahunan", SEKSI, S, S, "Baik", 18.75)]
# Triwulan III-IV Sangat Baik in Bidang B: 3/12 x 150 % x 12.5 = 4.6875 each; the year Baik: 12.5
RAHMAT_TAHUN = [("Triwulan I", SEKSI, A, S, "Baik", 3.125), ("Triwulan II", SEKSI, S, S, "Baik", 3.125),
                ("Triwulan III", BIDANG_B, A, A, "Sangat Baik", 4.6875),
                ("Triwulan IV", BIDANG_B, A, A, "Sangat Baik", 4.6875), ("Tahunan", BIDANG_B, S, A, "Baik", 12.5)]


def test_each_level_hands_its_rhk_to_the_next(tahun):
    tmp, files, log, before = tahun
    kadis = read_workbook(files["pimpinan-dinas"]).plan.by_nip[KADIS]
    assert [(s.teks, s.issued) for s in kadis.slots[:2]] == [
        ("Meningkatnya kualitas pelayanan publik", True), ("Meningkatnya akuntabilitas kinerja daerah", True)]
    bidang_b = read_workbook(files["bidang-b"]).plan
    kabid_b, kabid_a = bidang_b.by_nip[KABID_B], read_workbook(files["bidang-a"]).plan.by_nip[KABID_A]
    assert (kabid_b.slots[0].teks, kabid_b.slots[0].issued) == ("Meningkatnya akuntabilitas kinerja daerah", True)
    assert [c[1] for c in kabid_a.choices] == [s.teks for s in kadis.slots[:2]]
    assert kabid_a.isian.intervensi[kabid_a.slots[0].id] == kadis.slots[0].id
    # Seksi A1 below Bidang A's workbook: the Kasi's choice is Kabid A's RHK, by id, with its text of July
    seksi = read_workbook(files["seksi-a1"]).plan
    kasi, kasi_before = seksi.by_nip[KASI], before.by_nip[KASI]
    rhk_id = kabid_a.slots[0].id
    assert kasi_before.choices[0][:2] == (rhk_id, "Tersusunnya rencana kerja bidang")
    assert kasi.choices[0][:2] == (rhk_id, "Tersusunnya rencana kerja dan anggaran bidang")
    assert kasi.isian.intervensi[kasi.slots[0].id] == rhk_id
    # the refresh kept what was entered by then (triwulan I-III), by stable id
    row = kasi.isian.indikator_of(kasi.slots[0].indikator[0].id)
    assert {p: row.realisasi[p] for p in (1, 2, 3)} == {1: 1, 2: 1, 3: 1}
    assert "2 pegawai roster tidak di bawah" not in log["generate"]  # only the Sekda herself is above


def test_the_year_of_named_pegawai_in_the_dinas_rekap(tahun):
    tmp, files, log, before = tahun
    assert "4 dari 4 berkas terbaca, 8 pegawai; 0 masalah" in log["rekap-dinas"]  # backups never read
    assert len(list((tmp / "kerja" / "_cadangan").glob("*.xlsx"))) >= 8
    rows = _rows(tmp / "rekap-dinas.xlsx")
    assert _year(rows, PUTRI) == PUTRI_TAHUN
    assert _year(rows, DEWI) == DEWI_TAHUN
    assert _year(rows, RAHMAT) == RAHMAT_TAHUN
    assert {r["Status"] for r in rows if r["NIP"] == PUTRI} == {"PPPK"}
    ak = {r["NIP"]: r for r in _rows(tmp / "rekap-dinas.xlsx", "Angka Kredit")}
    assert (ak[RAHMAT]["AK Tahunan"], ak[RAHMAT]["AK Kumulatif (jenjang)"], ak[RAHMAT]["Kekurangan (jenjang)"]) == \
        (12.5, 52.5, 47.5)
    assert (ak[DEWI]["Jenjang"], ak[DEWI]["AK Tahunan"]) == ("Ahli Muda", 18.75)
    assert PUTRI not in ak  # a pelaksana earns no AK


def test_the_seksis_own_rekap_shows_its_part_of_the_mutasi(tahun):
    tmp, files, log, before = tahun
    rows = _rows(tmp / "rekap-seksi.xlsx")
    assert _year(rows, PUTRI) == PUTRI_TAHUN and _year(rows, DEWI) == DEWI_TAHUN
    rahmat = _year(rows, RAHMAT)
    assert rahmat[:2] == RAHMAT_TAHUN[:2]
    assert [r[4] for r in rahmat[2:]] == ["tidak dinilai"] * 3  # III, IV and the year are Bidang B's


def test_libreoffice_computes_the_same_in_the_workbooks(tahun):
    """The last re-save recalculated every formula in LibreOffice: its cached values are the hand figures."""
    tmp, files, log, before = tahun
    for stem, nip, capaian in (("seksi-a1", PUTRI, [100.0, 100.0, 100.0, 112.5]),
                               ("bidang-b", RAHMAT, [None, None, 400 / 3, 125.0])):
        data = read_workbook(files[stem])
        g, sheet = data.geometry, data.plan.by_nip[nip]
        grid = CalamineWorkbook.from_path(str(files[stem])).get_sheet_by_name(sheet.name).to_python(
            skip_empty_area=False)
        got = [grid[g.slot_row(0)][g.col("capaian", p)] for p in (1, 2, 3, 4)]
        assert [None if v in ("", "tidak dinilai") else v for v in got] == pytest.approx(capaian), (nip, got)
        want = {PUTRI: PUTRI_TAHUN, RAHMAT: RAHMAT_TAHUN}[nip]
        cols = [g.value_col(p) for p in (1, 2, 3, 4, None)]
        shown = [grid[g.evaluasi_row("predikat")][c] for c in cols]
        if nip == PUTRI:
            assert shown == [w[4] for w in want]
        else:  # Bidang B's workbook holds its part: I-II are Seksi A1's, its year is the part's (the rekap
            # of both parts makes the year Baik)
            assert shown == ["tidak dinilai", "tidak dinilai", "Sangat Baik", "Sangat Baik", "Sangat Baik"]
    data = read_workbook(files["seksi-a1"])
    g, sheet = data.geometry, data.plan.by_nip[DEWI]
    grid = CalamineWorkbook.from_path(str(files["seksi-a1"])).get_sheet_by_name(sheet.name).to_python(
        skip_empty_area=False)
    assert [grid[g.evaluasi_row("angka_kredit")][g.value_col(p)] for p in (1, 2, 3, 4, None)] == \
        pytest.approx([3.125, 3.125, 6.25, 6.25, 18.75])


def test_check_after_libreoffice_and_the_mutasi_finds_nothing_false(tahun):
    tmp, files, log, before = tahun
    for step in ("check-1", "check-2"):
        assert "BERMASALAH" not in log[step] and "masalah:" not in log[step], log[step]
    # Rahmat's periods in the other unit are not his to fill here
    assert "SKP Rahmat: periode belum diisi" not in log["check-2"]


def test_siasn_records_of_the_year(tahun):
    tmp, files, log, before = tahun

    def rows(name):
        with open(tmp / "csv" / name, encoding="utf-8-sig", newline="") as f:
            return list(csv.DictReader(f))
    skp22 = {r["nipBaru"]: r for r in rows("siasn_skp22.csv")}
    # codes: Di Atas 1, Sesuai 2; Sangat Baik 1, Baik 2
    assert [skp22[PUTRI][k] for k in ("hasilKinerjaNilai", "perilakuKerjaNilai", "kuadranKinerjaNilai")] == \
        ["1", "1", "1"]
    assert [skp22[RAHMAT][k] for k in ("hasilKinerjaNilai", "perilakuKerjaNilai", "kuadranKinerjaNilai",
                                       "penilaiNipNrp")] == ["2", "1", "2", KABID_B]
    periodik = [(r["nipBaru"], r["bulanMulaiPenilaian"], r["bulanSelesaiPenilaian"], r["jenjangKode"],
                 float(r["koefisien"]), float(r["angkaKredit"])) for r in rows("siasn_kinerja_periodik.csv")]
    # Dewi's kenaikan jenjang: Ahli Pertama (PT) before 1 July, Ahli Muda (MU) from it
    assert [p for p in periodik if p[0] == DEWI] == [
        (DEWI, "1", "3", "PT", 12.5, 3.125), (DEWI, "4", "6", "PT", 12.5, 3.125),
        (DEWI, "7", "9", "MU", 25.0, 6.25), (DEWI, "10", "12", "MU", 25.0, 6.25)]
    assert [p[5] for p in periodik if p[0] == RAHMAT] == [3.125, 3.125, 4.6875, 4.6875]
    assert not [p for p in periodik if p[0] == PUTRI]


def test_the_year_prints(tahun, tmp_path):
    """The Dokumen Evaluasi of the seksi (Putri as a PPPK) and the AK documents of the dinas's rekap: Dewi's
    kenaikan jenjang in two koefisien, Rahmat's two parts in one year."""
    tmp, files, log, before = tahun
    _ok("print", files["seksi-a1"], "--form", "dokumen", "--out", tmp_path / "dokumen")
    _ok("print", tmp / "rekap-dinas.xlsx", "--form", "ak", "--out", tmp_path / "ak")

    def text(part: str) -> str:
        pdf = next(tmp_path.rglob(f"*{part}.pdf"))
        return " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                       check=True).stdout.split())
    putri, dewi = text("Cetak-Putri"), text("Cetak-Dewi")
    assert "NI PPPK 199505202022212002" in putri and "GOLONGAN V " in putri
    assert "PREDIKAT KINERJA PEGAWAI Sangat Baik" in putri and "PREDIKAT KINERJA PEGAWAI Baik" in dewi
    ak = text("AK-01-Dewi")
    for row in ("Triwulan I 3 Baik 100 12.50 3.13", "Triwulan III 3 Baik 100 25.00 6.25",
                "(Ahli Pertama) 6 Baik 100 12.50 6.25", "(Ahli Muda) 6 Baik 100 25.00 12.50",
                "(dasar penetapan) 12 Baik 100 18.75"):
        assert row in ak, row
    ak = text("AK-02-Rahmat")
    assert "Triwulan III 3 Sangat Baik 150 12.50 4.69" in ak and "(dasar penetapan) 12 Baik 100 12.50 12.50" in ak
    assert "JUMLAH ANGKA KREDIT KUMULATIF 40.00 12.50 52.50" in ak
