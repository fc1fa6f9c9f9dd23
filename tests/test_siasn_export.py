"""The year's result for SIASN (codes, skp22 and kinerjaperiodik records, fields from the roster or named as
missing), read back through the pandas API; the readable CSV stays as it was."""

from __future__ import annotations

import csv
import datetime as dt
import shutil

import pytest

import skpkit
from skpkit import rules
from skpkit.rules import ak
from skpkit.model import Jenjang, Predikat, Rating
from skpkit.issuing import Roster
from skpkit.generator.layout import plans_for
from skpkit.generator.read.roster import read_roster
from skpkit.generator.rekap.siasn import PERIODIK_COLUMNS, SKP22_COLUMNS
from skpkit.generator.write.workbook import write_workbook
from synthetic import random_fill
from test_national import NIP, siasn_roster


@pytest.fixture(scope="module")
def full_year(demo_full_session, tmp_path_factory):
    """The demo with all four quarters (so the year is rated), consolidated with --csv."""
    out = tmp_path_factory.mktemp("tahun")
    shutil.copytree(demo_full_session / "terisi", out / "terisi")
    skpkit.consolidate([out / "terisi"], out / "rekap.xlsx", csv_dir=out / "csv")
    return out


def _csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_skp22_round_trips_through_pandas_with_the_codes(full_year):
    rekap = skpkit.read_rekap(full_year / "rekap.xlsx")
    year = rekap[rekap.periode_nama == "Tahunan"].set_index("nip")
    skp22 = skpkit.read_siasn(full_year / "csv" / "siasn_skp22.csv")
    assert list(skp22.columns[:len(SKP22_COLUMNS)]) == SKP22_COLUMNS
    assert len(skp22) == year.predikat.notna().sum() > 30
    for _, row in skp22.iterrows():
        want = year.loc[row.nipBaru]
        assert (row.hasil, row.perilaku, row.predikat) == (want.hasil, want.perilaku, want.predikat)
        assert row.hasilKinerjaNilai == Rating.parse(want.hasil).kode in (1, 2, 3)
        assert row.kuadranKinerjaNilai == Predikat.parse(want.predikat).kode in (1, 2, 3, 4, 5)
        assert row.tahun == 2027 and row.statusPenilai == "ASN"
        # the demo roster has no PNS id and no golongan ids: named, never made up
        assert "pnsDinilaiId" in row.DATA_KURANG and "penilaiGolongan" in row.DATA_KURANG
        assert pd_isna(row.pnsDinilaiId) and pd_isna(row.penilaiGolongan)
    assert skp22.predikat.dtype.ordered and str(skp22.nipBaru.dtype) == "string"


def pd_isna(x) -> bool:
    import pandas as pd
    return bool(pd.isna(x))


def test_periodic_ak_records_follow_the_tmt(full_year):
    periodik = skpkit.read_siasn(full_year / "csv" / "siasn_kinerja_periodik.csv")
    assert list(periodik.columns[:len(PERIODIK_COLUMNS)]) == PERIODIK_COLUMNS
    people = {sp.pegawai.nip: sp.pegawai for f in (full_year / "terisi").glob("*.xlsx")
              for sp in skpkit.read_workbook(f).plan.sheets}
    may = [p for p in people.values() if p.tmt_jabatan == dt.date(2027, 5, 1)]
    assert may
    for _, row in periodik.iterrows():
        p = people[row.nipBaru]
        assert p.is_fungsional and row.jenjangKode == p.jenjang.kode_siasn and row.periodikId == 2
        assert row.koefisien == rules.DEFAULT.koefisien[p.jenjang]
        q = row.bulanSelesaiPenilaian // 3
        months = ak.bulan_dinilai(p.tmt_jabatan, 2027, q, 4)
        assert (row.bulanMulaiPenilaian, row.bulanSelesaiPenilaian) == (3 * q - months + 1, 3 * q)
        assert row.angkaKredit == pytest.approx(rules.angka_kredit(row.predikat, p.jenjang, months))
    first = periodik[periodik.nipBaru == may[0].nip]
    # appointed 1 May: no record for triwulan I, triwulan II from May
    assert sorted(first.bulanMulaiPenilaian) == [5, 7, 10]


def test_the_readable_csv_is_kept(full_year):
    rows = _csv(full_year / "csv" / "siasn_rekonsiliasi.csv")
    assert list(rows[0]) == ["PNS_DINILAI_ID", "TAHUN", "HASIL_KERJA", "PERILAKU_KERJA", "PENILAI_NAMA",
                             "NIP_NIK_PENILAI", "PENILAI_JABATAN_NM", "STATUS_PENILAIAN"]
    assert {r["HASIL_KERJA"] for r in rows} <= {r.value for r in Rating} | {""}


def test_siasn_ids_from_the_roster(tmp_path):
    people = read_roster(siasn_roster(tmp_path / "siasn.xlsx"))
    paths = []
    for k, (stem, plan) in enumerate(plans_for(Roster(people), tahun=2027, instansi="Uji")):
        random_fill(plan, seed=k)
        for sheet in plan.sheets:  # every period and the year rated: the penilai's overrides
            for p in range(5):
                sheet.isian.hasil_penilai[p] = "Sesuai Ekspektasi"
                sheet.isian.perilaku_penilai[p] = "Sesuai Ekspektasi"
        paths.append(tmp_path / f"{stem}.xlsx")
        write_workbook(plan, paths[-1])
    skpkit.consolidate(paths, tmp_path / "rekap.xlsx", csv_dir=tmp_path / "csv")
    skp22 = {r["nipBaru"]: r for r in _csv(tmp_path / "csv" / "siasn_skp22.csv")}
    c = skp22[NIP["c"]]  # Pranata Komputer Ahli Muda, penilai the Kepala Bidang (golongan id 34)
    assert (c["pnsDinilaiId"], c["penilaiGolongan"], c["penilaiUnorNama"]) == ("E5F6", "34", "Bidang Aplikasi")
    assert c["DATA_KURANG"] == ""
    head = skp22[NIP["a"]]  # the Kepala Dinas: no penilai in the roster
    assert "penilaiNipNrp" in head["DATA_KURANG"] and head["penilaiGolongan"] == ""
    periodik = [r for r in _csv(tmp_path / "csv" / "siasn_kinerja_periodik.csv") if r["nipBaru"] == NIP["c"]]
    # TMT 15 May 2027: from June, so triwulan II holds one month
    assert [(int(r["bulanMulaiPenilaian"]), int(r["bulanSelesaiPenilaian"])) for r in periodik] == \
        [(6, 6), (7, 9), (10, 12)]
    assert all(r["jenjangKode"] == Jenjang.AHLI_MUDA.kode_siasn for r in periodik)


def test_a_kenaikan_jenjang_within_a_quarter_splits_its_records(tmp_path):
    """Ahli Pertama to Ahli Muda on 1 August, Baik all year: triwulan III holds July as Ahli Pertama (1/12 x
    12.5) and August-September as Ahli Muda (2/12 x 25), in two SIASN records and two rows of the KONVERSI
    form; the year 7/12 x 12.5 + 5/12 x 25 = 17.708..., its two parts printed above it."""
    from skpkit.generator.commands.cetak_ak import read_dokumen
    from skpkit.generator.read.package import open_source
    from skpkit.model import JenisJabatan, Pegawai

    top, nip = "197001012000011001", "199001012015032007"
    people = [Pegawai(top, "Kepala", "Kepala Dinas", JenisJabatan.JPT, "Dinas Uji"),
              Pegawai(nip, "Dewi", "Analis Kebijakan Ahli Muda", JenisJabatan.FUNGSIONAL, "Dinas Uji", top,
                      "Penata (III/c)", Jenjang.AHLI_MUDA, dt.date(2027, 8, 1), 0.0, 0.0,
                      jenjang_sebelumnya=Jenjang.AHLI_PERTAMA)]
    (stem, plan), = plans_for(Roster(people), tahun=2027, instansi="Uji")
    for sheet in plan.sheets:
        for p in range(5):
            sheet.isian.hasil_penilai[p] = sheet.isian.perilaku_penilai[p] = "Sesuai Ekspektasi"
    write_workbook(plan, tmp_path / f"{stem}.xlsx")
    skpkit.consolidate([tmp_path / f"{stem}.xlsx"], tmp_path / "rekap.xlsx", csv_dir=tmp_path / "csv")
    periodik = [(int(r["bulanMulaiPenilaian"]), int(r["bulanSelesaiPenilaian"]), r["jenjangKode"],
                 float(r["koefisien"]), round(float(r["angkaKredit"]), 4))
                for r in _csv(tmp_path / "csv" / "siasn_kinerja_periodik.csv") if r["nipBaru"] == nip]
    pt, mu = Jenjang.AHLI_PERTAMA.kode_siasn, Jenjang.AHLI_MUDA.kode_siasn
    assert periodik == [(1, 3, pt, 12.5, 3.125), (4, 6, pt, 12.5, 3.125), (7, 7, pt, 12.5, 1.0417),
                        (8, 9, mu, 25.0, 4.1667), (10, 12, mu, 25.0, 6.25)]
    doc, = read_dokumen(open_source(tmp_path / "rekap.xlsx"))
    rows = [(b.bulan, b.koefisien, round(b.ak, 4)) for b in (*doc.konversi, *doc.tahunan_bagian, doc.tahunan)]
    assert rows == [(3, 12.5, 3.125), (3, 12.5, 3.125), (1, 12.5, 1.0417), (2, 25.0, 4.1667), (3, 25.0, 6.25),
                    (7, 12.5, 7.2917), (5, 25.0, 10.4167), (12, None, 17.7083)]
    assert doc.konversi[2].periode.endswith("(Ahli Pertama)") and doc.tahunan_bagian[1].periode.endswith("(Ahli Muda)")
