"""Issue 21 item 2: the angka kredit documents (Konversi, Akumulasi, Penetapan) of four fungsional against
hand-computed values (RULES.md section 6), from a rekap the way a secretary gets them: workbooks filled,
``skp consolidate``, ``skp print rekap.xlsx --form ak``.

The four: an Ahli Muda at III/d (the top golongan of the jenjang: the pangkat needs the jenjang's 200), a
PPPK Ahli Pertama (no pangkat), an Ahli Pertama with AK carried in that reaches both minimums, and a
Terampil appointed on 1 April (nine months of the year).
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest

from skpkit.model import JenisJabatan, Jenjang, Pegawai

TOP = "197001012000011001"
MUDA, PPPK, PERTAMA, TERAMPIL = ("198001012005011002", "199001012024212001", "199203042018011003",
                                 "199505052020122004")


def _roster() -> list[Pegawai]:
    f = JenisJabatan.FUNGSIONAL
    unit = "Dinas Uji"
    return [
        Pegawai(TOP, "Kepala Dinas Uji", "Kepala Dinas", JenisJabatan.JPT, unit),
        Pegawai(MUDA, "Ani Muda", "Pranata Komputer Ahli Muda", f, unit, TOP, "Penata Tk. I (III/d)",
                Jenjang.AHLI_MUDA, dt.date(2020, 1, 1), 150.0, 150.0),
        Pegawai(PPPK, "Budi Pppk", "Pranata Komputer Ahli Pertama", f, unit, TOP, "IX", Jenjang.AHLI_PERTAMA,
                dt.date(2024, 1, 1), None, 80.0, status="PPPK"),
        Pegawai(PERTAMA, "Citra Pertama", "Statistisi Ahli Pertama", f, unit, TOP, "Penata Muda (III/a)",
                Jenjang.AHLI_PERTAMA, dt.date(2025, 1, 1), 40.0, 90.0),
        Pegawai(TERAMPIL, "Dedi Terampil", "Pranata Komputer Terampil", f, unit, TOP, "Pengatur (II/c)",
                Jenjang.TERAMPIL, dt.date(2027, 4, 1), 0.0, 0.0),
    ]


#: NIP -> (hasil, perilaku) the pejabat penilai gives every period and the year
RATINGS = {MUDA: ("Sesuai Ekspektasi", "Sesuai Ekspektasi"), PPPK: ("Di Atas Ekspektasi", "Di Atas Ekspektasi"),
           PERTAMA: ("Sesuai Ekspektasi", "Sesuai Ekspektasi"), TERAMPIL: ("Sesuai Ekspektasi", "Sesuai Ekspektasi")}


@pytest.fixture(scope="module")
def rekap(tmp_path_factory):
    from skpkit.generator.commands.consolidate import consolidate
    from skpkit.generator.layout import plans_for
    from skpkit.generator.write.workbook import write_workbook
    from skpkit.issuing import Roster

    tmp = tmp_path_factory.mktemp("ak-dokumen")
    (stem, plan), = plans_for(Roster(_roster()), tahun=2027, instansi="Pemerintah Kabupaten Uji")
    n = plan.jenis_periode.jumlah
    for c in range(1, n + 2):
        plan.organisasi[("Dinas Uji", c)] = "Baik"
    for sheet in plan.sheets:
        slot = sheet.slots[0]
        sheet.isian.rhk[slot.id] = "Layanan terselenggara"
        row = sheet.isian.indikator_of(slot.indikator[0].id)
        row.indikator, row.target_min, row.target_max, row.satuan = "Jumlah layanan", 8, 8, "layanan"
        row.realisasi = {p: 2 for p in range(1, n + 1)}
        hasil, perilaku = RATINGS.get(sheet.pegawai.nip, ("Sesuai Ekspektasi", "Sesuai Ekspektasi"))
        for p in range(0, n + 1):
            sheet.isian.hasil_penilai[p] = hasil
            sheet.isian.perilaku_penilai[p] = perilaku
    (tmp / "unit").mkdir()
    write_workbook(plan, tmp / "unit" / f"{stem}.xlsx")
    consolidate([tmp / "unit"], tmp / "rekap.xlsx", progress=False)
    return tmp / "rekap.xlsx"


def _docs(path):
    from skpkit.generator.commands.cetak_ak import read_dokumen
    from skpkit.generator.read.package import open_source

    return {d.identitas["nip"]: d for d in read_dokumen(open_source(path))}


def test_the_four_against_hand_computed_values(rekap):
    docs = _docs(rekap)
    assert set(docs) == {MUDA, PPPK, PERTAMA, TERAMPIL}  # the fungsional only
    # Ahli Muda III/d, Baik for the year: 12/12 x 100 % x 25 = 25; 150 + 25 = 175; the top golongan of Ahli
    # Muda: the next pangkat (IV/a) needs the jenjang's 200, short 25
    d = docs[MUDA]
    assert (d.tahunan.predikat, d.tahunan.bulan, d.tahunan.persen, d.tahunan.koefisien) == ("Baik", 12, 100.0, 25.0)
    assert d.tahunan.ak == pytest.approx(25.0) and d.akumulasi == pytest.approx(175.0)
    assert (d.pangkat.minimal, d.pangkat.kekurangan, d.pangkat.kelebihan, d.pangkat.dapat) == \
        pytest.approx((200.0, 25.0, 0.0, False))
    assert (d.jenjang.kumulatif, d.jenjang.minimal, d.jenjang.kekurangan) == pytest.approx((175.0, 200.0, 25.0))
    assert [b.ak for b in d.konversi] == pytest.approx([6.25] * 4)  # 3/12 x 100 % x 25 each quarter
    # PPPK Ahli Pertama, Sangat Baik: 12/12 x 150 % x 12.5 = 18.75; jenjang 80 + 18.75 = 98.75 of 100; no pangkat
    d = docs[PPPK]
    assert (d.tahunan.predikat, d.tahunan.persen) == ("Sangat Baik", 150.0) and d.tahunan.ak == pytest.approx(18.75)
    assert d.pangkat.dapat is None and d.pangkat.minimal is None and d.pangkat.alasan
    assert d.ak_awal_pangkat is None and d.akumulasi == pytest.approx(98.75)
    assert (d.jenjang.kumulatif, d.jenjang.kekurangan, d.jenjang.dapat) == pytest.approx((98.75, 1.25, False))
    # Ahli Pertama III/a with AK carried in (40 for pangkat, 90 for jenjang), Baik: 12.5; 52.5 of 50 and 102.5
    # of 100: both reached, 2.5 over each
    d = docs[PERTAMA]
    assert d.tahunan.ak == pytest.approx(12.5)
    assert (d.pangkat.kumulatif, d.pangkat.minimal, d.pangkat.kelebihan, d.pangkat.dapat) == \
        pytest.approx((52.5, 50.0, 2.5, True))
    assert (d.jenjang.kumulatif, d.jenjang.minimal, d.jenjang.kelebihan, d.jenjang.dapat) == \
        pytest.approx((102.5, 100.0, 2.5, True))
    assert d.syarat  # the other conditions of kenaikan jenjang, to verify
    # Terampil appointed 1 April: April-December, 9 months: 9/12 x 100 % x 5 = 3.75; the first quarter none
    d = docs[TERAMPIL]
    assert d.tahunan.bulan == 9 and d.tahunan.ak == pytest.approx(3.75)
    assert [b.bulan for b in d.konversi] == [None, 3, 3, 3]  # triwulan I lies before the TMT: not rated
    assert d.konversi[0].predikat == "tidak dinilai" and d.konversi[0].ak is None
    assert [b.ak or 0.0 for b in d.konversi] == pytest.approx([0.0, 1.25, 1.25, 1.25])
    assert (d.pangkat.minimal, d.pangkat.kekurangan) == pytest.approx((20.0, 16.25))
    assert (d.jenjang.minimal, d.jenjang.kekurangan) == pytest.approx((60.0, 56.25))


def test_the_documents_carry_the_rekaps_own_numbers(rekap):
    """The same numbers as the rekap's Angka Kredit sheet (what a reader compares)."""
    from python_calamine import CalamineWorkbook

    from skpkit.generator.layout import labels

    lab = labels()["rekap_berkas"]["ak"]
    head, *rows = CalamineWorkbook.from_path(str(rekap)).get_sheet_by_name("Angka Kredit").to_python()
    docs = _docs(rekap)
    assert len(rows) == len(docs) == 4
    for r in rows:
        row = dict(zip(head, r))
        d = docs[row[lab["nip"]]]
        assert row[lab["tahunan"]] == pytest.approx(d.tahunan.ak)
        assert row[lab["kumulatif_jenjang"]] == pytest.approx(d.jenjang.kumulatif)
        assert row[lab["ak_jenjang"]] == pytest.approx(d.jenjang.minimal)
        if d.pangkat.minimal is not None:
            assert row[lab["kumulatif_pangkat"]] == pytest.approx(d.pangkat.kumulatif)
            assert row[lab["ak_pangkat"]] == pytest.approx(d.pangkat.minimal)
            assert row[lab["kurang_pangkat"]] == pytest.approx(d.pangkat.kekurangan)


def test_printed_one_page_each_with_the_figures(rekap, tmp_path):
    from click.testing import CliRunner

    from skpkit.generator.commands.cli import main
    from libreoffice import require_libreoffice
    from test_cetak import _pdftotext

    require_libreoffice()
    exe = _pdftotext()
    roster = tmp_path / "roster.csv"
    roster.write_text(f"NIP;No. Seri Karpeg;Tempat Lahir;Pendidikan\n{MUDA};K 123456;Sleman;S1 Informatika\n",
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["print", str(rekap), "--form", "ak", "--per", "unit", "--roster", str(roster),
                                       "--out", str(tmp_path / "pdf")])
    assert result.exit_code == 0, result.output
    (pdf,) = (tmp_path / "pdf").glob("*.pdf")
    pages = subprocess.run([exe, "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")[:-1]
    assert len(pages) == 12  # three documents, one page each, for four fungsional
    titles = [next(t for t in ("KONVERSI PREDIKAT KINERJA", "AKUMULASI ANGKA KREDIT", "PENETAPAN ANGKA KREDIT")
                   if t in p) for p in pages]
    assert titles == ["KONVERSI PREDIKAT KINERJA", "AKUMULASI ANGKA KREDIT", "PENETAPAN ANGKA KREDIT"] * 4
    muda = [p for p in pages if MUDA in p]
    assert len(muda) == 3 and all("K 123456" in p and "Sleman / 01-01-1980" in p for p in muda)
    penetapan = re.sub(r"\s+", " ", muda[2])
    for figure in ("150.00", "25.00", "175.00", "200.00"):
        assert figure in penetapan, figure
    assert "Kenaikan pangkat: belum dapat dipertimbangkan untuk kenaikan pangkat" in penetapan
    pppk = [p for p in pages if PPPK in p]
    assert all("NI PPPK" in p for p in pppk) and "PPPK: tanpa pangkat" in pppk[2]
    pertama = re.sub(r"\s+", " ", [p for p in pages if PERTAMA in p][2])
    assert "Kenaikan pangkat: dapat dipertimbangkan untuk kenaikan pangkat" in pertama and "2.50" in pertama
    # on F4 too: still one page a document
    result = CliRunner().invoke(main, ["print", str(rekap), "--form", "ak", "--per", "unit", "--kertas", "f4",
                                       "--out", str(tmp_path / "f4")])
    assert result.exit_code == 0, result.output
    (pdf,) = (tmp_path / "f4").glob("*.pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+12\b", info) and re.search(r"Page size:\s+612(\.\d+)? x 936", info), info


def test_ak_from_a_skp_workbook_or_an_old_rekap_is_one_line(rekap, tmp_path, demo):
    from click.testing import CliRunner

    from skpkit.generator.commands.cli import main
    from libreoffice import require_libreoffice

    require_libreoffice()
    unit = next((demo / "terisi").glob("*.xlsx"))
    result = CliRunner().invoke(main, ["print", str(unit), "--form", "ak", "--out", str(tmp_path / "x")])
    assert result.exit_code == 1 and "dicetak dari rekap" in result.output
    assert len(result.output.strip().splitlines()) == 1
