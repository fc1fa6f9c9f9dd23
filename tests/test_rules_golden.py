"""Every table of RULES.md as golden cases: change one cell of the rules and a case fails."""

import math

import pytest

from skpkit import arrays, rules as r
from skpkit.rules import lama
from skpkit.errors import InputError
from skpkit.model import BERAKHLAK, Jenjang, Predikat, Rating, Settings

A, S, B = "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"

# RULES.md section 1: hasil kerja (rows) x perilaku kerja (columns).
MATRIX = [
    (A, A, "Sangat Baik"), (A, S, "Baik"), (A, B, "Kurang/Misconduct"),
    (S, A, "Baik"), (S, S, "Baik"), (S, B, "Kurang/Misconduct"),
    (B, A, "Butuh Perbaikan"), (B, S, "Butuh Perbaikan"), (B, B, "Sangat Kurang"),
]


@pytest.mark.parametrize("hasil,perilaku,expected", MATRIX)
def test_predikat_matrix(hasil, perilaku, expected):
    assert r.predikat(hasil, perilaku) == expected
    assert str(r.predikat(hasil.upper(), "  " + perilaku.lower())) == expected


def test_predikat_order_best_first():
    assert [p.value for p in Predikat] == [
        "Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang"]
    assert [x.value for x in Rating] == [A, S, B]


def test_cukup_is_accepted_and_written_as_butuh_perbaikan():
    assert Predikat.parse("Cukup") is Predikat.BUTUH_PERBAIKAN
    assert str(Predikat.parse("cukup")) == "Butuh Perbaikan"


# RULES.md section 6: percent per predikat, and koefisien / AK pangkat / AK jenjang per jenjang.
PERSEN = [("Sangat Baik", 150), ("Baik", 100), ("Butuh Perbaikan", 75),
          ("Kurang/Misconduct", 50), ("Sangat Kurang", 25)]
JENJANG = [("Pemula", 3.75, 15, 15), ("Terampil", 5, 20, 60), ("Mahir", 12.5, 50, 100),
           ("Penyelia", 25, 100, None), ("Ahli Pertama", 12.5, 50, 100),
           ("Ahli Muda", 25, 100, 200), ("Ahli Madya", 37.5, 150, 450),
           ("Ahli Utama", 50, 200, None)]
# A year of each predikat (columns in PERSEN order) for each jenjang: all 5 x 8 values.
AK_TAHUN = [
    ("Pemula", 5.625, 3.75, 2.8125, 1.875, 0.9375),
    ("Terampil", 7.5, 5.0, 3.75, 2.5, 1.25),
    ("Mahir", 18.75, 12.5, 9.375, 6.25, 3.125),
    ("Penyelia", 37.5, 25.0, 18.75, 12.5, 6.25),
    ("Ahli Pertama", 18.75, 12.5, 9.375, 6.25, 3.125),
    ("Ahli Muda", 37.5, 25.0, 18.75, 12.5, 6.25),
    ("Ahli Madya", 56.25, 37.5, 28.125, 18.75, 9.375),
    ("Ahli Utama", 75.0, 50.0, 37.5, 25.0, 12.5),
]


@pytest.mark.parametrize("predikat,persen", PERSEN)
def test_persen_ak(predikat, persen):
    assert Settings().persen_ak[Predikat.parse(predikat)] == persen


@pytest.mark.parametrize("jenjang,koef,pangkat,next_jenjang", JENJANG)
def test_jenjang_tables(jenjang, koef, pangkat, next_jenjang):
    s, j = Settings(), Jenjang.parse(jenjang)
    assert (s.koefisien[j], s.ak_pangkat[j], s.ak_jenjang[j]) == (koef, pangkat, next_jenjang)


@pytest.mark.parametrize("jenjang", [row[0] for row in AK_TAHUN])
@pytest.mark.parametrize("col", range(5))
def test_angka_kredit_all_cells(jenjang, col):
    row = dict((x[0], x[1:]) for x in AK_TAHUN)[jenjang]
    assert r.angka_kredit(PERSEN[col][0], jenjang) == pytest.approx(row[col], abs=1e-12)


def test_bkn_example():
    dua_bulan = r.angka_kredit("Baik", "Ahli Pertama", 2)
    assert r.bulat(dua_bulan) == 2.08
    assert round(dua_bulan, 4) == 2.0833
    setahun = r.angka_kredit("Sangat Baik", "Ahli Pertama", 12)
    assert setahun == 18.75
    assert r.bulat(dua_bulan + setahun) == 20.83


def test_angka_kredit_blank_predikat_and_bad_bulan():
    assert r.angka_kredit(None, "Ahli Muda", 3) is None
    with pytest.raises(InputError, match="bulan"):
        r.angka_kredit("Baik", "Ahli Muda", 13)
    with pytest.raises(InputError, match="jenjang tidak dikenal"):
        r.angka_kredit("Baik", "Ahli Tengah", 3)


# RULES.md section 2: suggestion rules.
@pytest.mark.parametrize("real,lo,hi,arah,expected", [
    (51, 40, 50, "naik", A), (50, 40, 50, "naik", S), (40, 40, 50, "naik", S), (39.9, 40, 50, "naik", B),
    (4, 5, 6, "turun", A), (5, 5, 6, "turun", S), (6, 5, 6, "turun", S), (7, 5, 6, "turun", B),
    (0, 5, 6, "turun", A), (10, 10, None, "naik", S), (0.1 + 0.2, 0.3, None, "naik", S),
])
def test_rating_indikator(real, lo, hi, arah, expected):
    assert r.rating_indikator(real, lo, hi, arah) == expected


@pytest.mark.parametrize("real,lo,hi,arah,expected", [
    (45, 40, 50, "naik", 90.0), (60, 40, 50, "naik", 120.0), (500, 40, 50, "naik", 200.0),
    (4, 5, 6, "turun", 125.0), (10, 5, 6, "turun", 50.0), (0, 5, 6, "turun", 200.0),
])
def test_capaian(real, lo, hi, arah, expected):
    assert r.capaian(real, lo, hi, arah) == pytest.approx(expected)


def test_capaian_cap_is_a_setting():
    assert r.capaian(0, 5, 6, "turun", maks=150) == 150
    assert r.capaian(100, 10, 10, maks=300) == 300


@pytest.mark.parametrize("parts,expected", [
    ([A, A, S], A), ([A, S], A), ([A, S, S], S), ([S, S], S), ([A, A, B], B), ([A], A), ([B], B),
])
def test_rating_rhk(parts, expected):
    assert r.rating_rhk(parts) == expected


def test_rating_rhk_incomplete_or_empty_is_none():
    assert r.rating_rhk([A, None]) is None
    assert r.rating_rhk([]) is None


@pytest.mark.parametrize("utama,tambahan,expected", [
    # RULES.md section 2, the four examples after BKN's e-Kinerja wording
    ([S, S, S, S, B], [], S),  # only a small part below: Sesuai
    ([A, S], [], S),           # half is not "most"
    ([A, A, S], [], A),        # most Di Atas, none below
    ([B, S], [], B),           # Di Bawah from half upward
    # tambahan: counted only when Di Atas, so it can only lift
    ([S, S], [A], S),          # 1 of 3 Di Atas
    ([S, A, S], [A], S),       # 2 of 4: half, not most
    ([S, A], [A], A),          # 2 of 3
    ([S, S], [S, S], S),       # tambahan Sesuai is not counted
    ([B, A], [A, A, A], B),    # half the utama Di Bawah: a tambahan does not dilute it
    ([A, A, A, B], [A], S),    # one below: never Di Atas
    ([S], [B], S),             # tambahan only lifts
    ([A, A], [], A), ([B], [], B), ([A], [], A), ([S], [], S),
])
def test_rating_hasil_kerja(utama, tambahan, expected):
    assert r.rating_hasil_kerja(utama, tambahan) == expected


@pytest.mark.parametrize("porsi_di_atas,porsi_di_bawah,utama,expected", [
    (0.5, 0.6, [B, S], S),     # an instansi that reads "most" for Di Bawah strictly: 1 of 2 is not enough
    (0.4, 0.5, [A, S], A),     # 1 of 2 > 0.4
    (0.5, 0.2, [S, S, S, S, B], B),
])
def test_rating_hasil_kerja_porsi_are_settings(porsi_di_atas, porsi_di_bawah, utama, expected):
    assert r.rating_hasil_kerja(utama, porsi_di_atas=porsi_di_atas, porsi_di_bawah=porsi_di_bawah) == expected
    got = arrays.rating_hasil_kerja(utama, "Utama", porsi_di_atas=porsi_di_atas, porsi_di_bawah=porsi_di_bawah)
    assert {str(x) for x in got} == {str(expected)}


@pytest.mark.parametrize("org,expected", [
    ("Istimewa", A), ("Baik", S), ("Butuh Perbaikan", B), ("Kurang", B), ("Sangat Kurang", B)])
def test_rating_hasil_pimpinan(org, expected):
    assert r.rating_hasil_pimpinan(org) == expected


@pytest.mark.parametrize("nilai,expected", [
    ([A] * 4 + [S] * 3, A), ([A] * 3 + [S] * 4, S), ([A] * 6 + [B], B), ([S] * 7, S),
    ([A] * 4 + [None] * 3, A), ([None] * 7, None),
])
def test_rating_perilaku(nilai, expected):
    assert r.rating_perilaku(nilai) == expected


def test_berakhlak_table():
    assert [n for n, _ in BERAKHLAK] == ["Berorientasi Pelayanan", "Akuntabel", "Kompeten",
                                        "Harmonis", "Loyal", "Adaptif", "Kolaboratif"]
    for _, panduan in BERAKHLAK:
        assert len(panduan.split("; ")) == 3
    assert BERAKHLAK[0][1].startswith("Memahami dan memenuhi kebutuhan masyarakat")
    assert BERAKHLAK[4][1].endswith("Menjaga rahasia jabatan dan negara")


# RULES.md section 4: aggregation and pro-rated targets.
@pytest.mark.parametrize("values,agregasi,periode,expected", [
    ([10, 20, 30, 40], "jumlah", None, 100), ([10, None, 30, 40], "jumlah", None, 80),
    ([10, 20, 30, 40], "jumlah", 2, 30), ([80, 90, None, 70], "rata-rata", None, 80),
    ([80, 90, None, 70], "terakhir", None, 70), ([80, 90, None, None], "terakhir", None, None),
    ([1, 2, 3, None], "jumlah", 3, 6),
])
def test_realisasi_periode(values, agregasi, periode, expected):
    assert r.realisasi_periode(values, agregasi, periode) == expected


def test_target_periode():
    assert r.target_periode(100, "jumlah", 3, 4) == 75
    assert r.target_periode(100, "jumlah", 1, 12) == pytest.approx(100 / 12)
    assert r.target_periode(90, "rata-rata", 3, 4) == 90
    assert r.target_periode(90, "terakhir", 1, 4) == 90


# RULES.md section 5: every kurva rule met and broken.
def _kurva(org, counts):
    pred = [p for p, k in zip(Predikat, counts) for _ in range(k)]
    return {a.teks: (a.terpenuhi, a.jumlah, a.batas) for a in r.cek_kurva(org, pred).aturan}


@pytest.mark.parametrize("org,counts,expected", [
    # counts: Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang
    ("Istimewa", (7, 3, 0, 0, 0), {"Sangat Baik kelompok terbesar": (True, 7, 3),
                                   "Sangat Baik paling banyak 70%": (True, 7, 7)}),
    ("Istimewa", (8, 2, 0, 0, 0), {"Sangat Baik kelompok terbesar": (True, 8, 2),
                                   "Sangat Baik paling banyak 70%": (False, 8, 7)}),
    ("Istimewa", (2, 5, 0, 0, 0), {"Sangat Baik kelompok terbesar": (False, 2, 5),
                                   "Sangat Baik paling banyak 70%": (True, 2, 4)}),
    ("Baik", (1, 6, 1, 0, 0), {"Baik kelompok terbesar": (True, 6, 1), "Baik paling banyak 70%": (False, 6, 5),
                               "Butuh Perbaikan + Kurang/Misconduct paling sedikit 1": (True, 1, 1)}),
    ("Baik", (4, 3, 0, 0, 0), {"Baik kelompok terbesar": (False, 3, 4), "Baik paling banyak 70%": (True, 3, 4),
                               "Butuh Perbaikan + Kurang/Misconduct paling sedikit 1": (False, 0, 1)}),
    ("Baik", (1, 5, 0, 1, 3), {"Baik kelompok terbesar": (True, 5, 3), "Baik paling banyak 70%": (True, 5, 7),
                               "Butuh Perbaikan + Kurang/Misconduct paling sedikit 1": (True, 1, 1)}),
    ("Butuh Perbaikan", (1, 1, 3, 0, 0), {"Butuh Perbaikan paling sedikit 60%": (True, 3, 3),
                                          "Sangat Baik paling banyak 10%": (False, 1, 0)}),
    ("Butuh Perbaikan", (1, 3, 6, 0, 0), {"Butuh Perbaikan paling sedikit 60%": (True, 6, 6),
                                          "Sangat Baik paling banyak 10%": (True, 1, 1)}),
    ("Butuh Perbaikan", (0, 3, 2, 0, 0), {"Butuh Perbaikan paling sedikit 60%": (False, 2, 3),
                                          "Sangat Baik paling banyak 10%": (True, 0, 0)}),
    ("Kurang", (0, 2, 2, 6, 0), {"Kurang/Misconduct paling sedikit 60%": (True, 6, 6),
                                 "Butuh Perbaikan paling sedikit 10%": (True, 2, 1),
                                 "Sangat Baik paling banyak 10%": (True, 0, 1)}),
    ("Kurang", (2, 2, 0, 5, 0), {"Kurang/Misconduct paling sedikit 60%": (False, 5, 6),
                                 "Butuh Perbaikan paling sedikit 10%": (False, 0, 1),
                                 "Sangat Baik paling banyak 10%": (False, 2, 0)}),
    ("Sangat Kurang", (0, 0, 1, 0, 9), {"Sangat Kurang paling sedikit 60%": (True, 9, 6),
                                        "Kurang/Misconduct + Butuh Perbaikan paling sedikit 10%": (True, 1, 1),
                                        "Sangat Baik tidak ada": (True, 0, 0)}),
    ("Sangat Kurang", (1, 4, 0, 0, 5), {"Sangat Kurang paling sedikit 60%": (False, 5, 6),
                                        "Kurang/Misconduct + Butuh Perbaikan paling sedikit 10%": (False, 0, 1),
                                        "Sangat Baik tidak ada": (False, 1, 0)}),
])
def test_kurva_rules(org, counts, expected):
    assert _kurva(org, counts) == expected


def test_kurva_rounding_is_floor_for_at_most_and_ceil_for_at_least():
    assert r.kurva_batas_maks(70, 7) == 4 and r.kurva_batas_maks(70, 10) == 7
    assert r.kurva_batas_min(60, 5) == 3 and r.kurva_batas_min(60, 6) == 4
    assert r.kurva_batas_min(10, 11) == 2 and r.kurva_batas_min(10, 10) == 1


def test_kurva_ignores_unrated_and_counts_sum():
    h = r.cek_kurva("Baik", ["Baik", None, "", "Cukup"])
    assert h.n == 2 and sum(h.jumlah.values()) == 2


# RULES.md section 7: the old model.
def test_old_waktu_branch_efisiensi_up_to_24():
    # TW 12, RW 10: efisiensi 16.7 <= 24 -> (1.76*12 - 10) / 12 * 100 = 92.67
    assert lama.capaian_kegiatan_lama(waktu=(12, 10)) == pytest.approx(92.6666667)


def test_old_waktu_branch_efisiensi_above_24():
    # TW 12, RW 6: efisiensi 50 > 24 -> 76 - ((1.76*12 - 6) / 12 * 100 - 100) = 50
    assert lama.capaian_kegiatan_lama(waktu=(12, 6)) == pytest.approx(50.0)


def test_old_waktu_not_done_and_biaya():
    assert lama.capaian_kegiatan_lama(kuantitas=(10, 10), waktu=(12, None)) == pytest.approx(50.0)
    # biaya 100 budget, 80 used: efisiensi 20 <= 24 -> (176 - 80) / 100 * 100 = 96
    assert lama.capaian_kegiatan_lama(biaya=(100, 80)) == pytest.approx(96.0)
    # no budget: left out of the mean
    assert lama.capaian_kegiatan_lama(kuantitas=(10, 9), biaya=(None, 5)) == pytest.approx(90.0)


def test_old_nilai_and_sebutan():
    assert lama.nilai_skp_lama([90, 80]) == 85
    assert lama.nilai_prestasi_kerja(90, 80) == (pytest.approx(86.0), "Baik")
    table = [(100, "Sangat Baik"), (91, "Sangat Baik"), (90, "Baik"), (76, "Baik"), (75, "Cukup"),
             (61, "Cukup"), (60, "Kurang"), (51, "Kurang"), (50, "Buruk"), (0, "Buruk")]
    assert [(n, lama.sebutan_lama(n)) for n, _ in table] == table


# RULES.md section 8: the edge cases.
@pytest.mark.parametrize("args,reason", [
    ((5, 0, 0, "naik"), "target 0"),
    ((5, 6, 5, "naik"), "target min > maks"),
    ((-1, 5, 6, "naik"), "realisasi negatif"),
    ((5, -1, 6, "naik"), "target negatif"),
    ((5, None, None, "naik"), "target kosong"),
    ((5, 0, 4, "turun"), "target 0"),
    (("lima", 5, 6, "naik"), "bukan angka"),
])
def test_invalid_indikator_says_why(args, reason):
    for rule in (r.capaian, r.rating_indikator):
        with pytest.raises(InputError) as e:
            rule(*args)
        assert e.value.reason == reason


def test_blank_realisasi_means_not_filled():
    assert r.capaian(None, 5, 6) is None
    assert r.rating_indikator("", 5, 6) is None
    assert r.rating_indikator(math.nan, 5, 6) is None
    assert r.predikat(None, S) is None
    assert r.angka_kredit(None, "Ahli Muda") is None


def test_turun_zero_is_best_capped():
    assert r.capaian(0, 2, 3, "turun") == 200.0
    assert r.rating_indikator(0, 2, 3, "turun") == A


@pytest.mark.parametrize("text", ["sesuai ekspektasi", "SESUAI", "  Sesuai   Ekspektasi ", "Sesuai_Ekspektasi"])
def test_rating_text_tolerant(text):
    assert Rating.parse(text) is Rating.SESUAI


def test_unknown_rating_text_is_error():
    with pytest.raises(InputError, match="rating tidak dikenal"):
        r.predikat("Bagus", S)


@pytest.mark.parametrize("value", ["12", "80%", "1_000", "inf", "nan", "-inf", " 5 ", True, float("inf"),
                                   float("-inf"), __import__("datetime").date(2027, 3, 1)])
def test_realisasi_that_is_not_a_finite_number_is_invalid(value):
    """RULES.md section 8: text (even digits), infinity, a date, TRUE: never read as a number."""
    with pytest.raises(InputError, match="bukan angka"):
        r.capaian(value, 10)


def test_nan_is_blank_not_a_number():
    assert r.capaian(float("nan"), 10) is None
