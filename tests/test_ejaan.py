"""RULES.md section 8: every spelling and code the national systems (SIASN, e-Kinerja) and local SIMPEG
write is read as the regulation's label, on every path: the scalar rules, the array rules (the add-in),
and a workbook cell (the formulas read Pengaturan's spelling table, written from the same list)."""

from __future__ import annotations

import numpy as np
import pytest

from skpkit import arrays, rules
from skpkit.errors import InputError
from skpkit.model import JenisJabatan, JenisPeriode, Jenjang, Predikat, Rating

A, S, B = Rating

RATING = [
    ("DIATAS EKSPEKTASI", A), ("Diatas Ekspektasi", A), ("DI ATAS ESPEKTASI", A), ("Diatas Ekspetasi", A),
    ("di atas ekspektasi", A), ("Di  Atas   Ekspektasi ", A), ("di-atas ekspektasi", A),
    ("SESUAI EKSPEKTASI", S), ("Sesuai Espektasi", S), ("sesuai ekspetasi", S), ("SESUAI", S),
    ("DIBAWAH EKSPEKTASI", B), ("Dibawah Espektasi", B), ("DI BAWAH EKSPETASI", B), ("di bawah", B),
    (1, A), (2, S), (3, B), (1.0, A), ("1", A), ("2", S), ("3", B), (np.int64(3), B), (np.float64(2.0), S),
]
PREDIKAT = [
    (1, Predikat.SANGAT_BAIK), (2, Predikat.BAIK), (3, Predikat.BUTUH_PERBAIKAN), (4, Predikat.KURANG),
    (5, Predikat.SANGAT_KURANG), ("5", Predikat.SANGAT_KURANG), ("KURANG", Predikat.KURANG),
    ("Cukup", Predikat.BUTUH_PERBAIKAN), ("SANGAT BAIK", Predikat.SANGAT_BAIK),
    ("KURANG/MISCONDUCT", Predikat.KURANG), ("Kurang / Misconduct", Predikat.KURANG),
]
JENJANG = [("PM", Jenjang.PEMULA), ("TR", Jenjang.TERAMPIL), ("MH", Jenjang.MAHIR), ("PY", Jenjang.PENYELIA),
           ("PT", Jenjang.AHLI_PERTAMA), ("MU", Jenjang.AHLI_MUDA), ("MA", Jenjang.AHLI_MADYA),
           ("UT", Jenjang.AHLI_UTAMA), ("mu", Jenjang.AHLI_MUDA), ("AHLI MADYA", Jenjang.AHLI_MADYA)]
PERIODIK = [(1, JenisPeriode.BULANAN), (2, JenisPeriode.TRIWULANAN), ("2", JenisPeriode.TRIWULANAN),
            ("Triwulan", JenisPeriode.TRIWULANAN), ("BULANAN", JenisPeriode.BULANAN)]


@pytest.mark.parametrize("text,expected", RATING)
def test_rating_spellings_and_codes(text, expected):
    assert Rating.parse(text) is expected
    codes, why = arrays.encode([text], Rating)
    assert codes.tolist() == [expected.code] and why.tolist() == [None]


@pytest.mark.parametrize("text,expected", PREDIKAT)
def test_kuadran_codes_and_predikat_spellings(text, expected):
    assert Predikat.parse(text) is expected


@pytest.mark.parametrize("text,expected", JENJANG)
def test_jenjang_codes(text, expected):
    assert Jenjang.parse(text) is expected
    assert Jenjang.parse(expected.kode_siasn) is expected


@pytest.mark.parametrize("text,expected", PERIODIK)
def test_periodik_codes(text, expected):
    assert JenisPeriode.parse(text) is expected


def test_codes_go_back_out():
    assert [r.kode for r in Rating] == [1, 2, 3]
    assert [p.kode for p in Predikat] == [1, 2, 3, 4, 5]
    assert [JenisPeriode.BULANAN.kode, JenisPeriode.TRIWULANAN.kode] == [1, 2]
    assert [j.kode_siasn for j in Jenjang] == ["PM", "TR", "MH", "PY", "PT", "MU", "MA", "UT"]


@pytest.mark.parametrize("text,expected", [
    ("Jabatan Fungsional Tertentu", JenisJabatan.FUNGSIONAL), ("JFT", JenisJabatan.FUNGSIONAL),
    ("Jabatan Fungsional Umum", JenisJabatan.PELAKSANA), ("Fungsional Umum", JenisJabatan.PELAKSANA),
])
def test_siasn_jenis_jabatan(text, expected):
    assert JenisJabatan.parse(text) is expected


@pytest.mark.parametrize("bad", [0, 4, 1.5, True, float("inf"), "Diatas Harapan", "4", "1.0", "Baik"])
def test_other_codes_and_texts_are_refused_with_the_cell_text(bad):
    with pytest.raises(InputError) as e:
        Rating.parse(bad)
    assert "tidak dikenal" in e.value.reason or "bukan teks" in e.value.reason


def test_rules_take_codes_and_keep_the_regulation_labels():
    assert rules.predikat(1, "DIBAWAH EKSPEKTASI") is Predikat.KURANG
    assert str(rules.predikat("Diatas Ekspetasi", 1)) == "Sangat Baik"
    assert rules.angka_kredit(2, "PT", 2) == pytest.approx(2 / 12 * 12.5)
    out = arrays.predikat(["DIATAS EKSPEKTASI", 3], [2, "sesuai espektasi"])
    assert [str(x) for x in out] == ["Baik", "Butuh Perbaikan"]


def test_the_workbook_table_holds_every_accepted_spelling():
    from skpkit.generator.layout import PengaturanGeometry
    table = PengaturanGeometry().ejaan()
    assert {s for s, _ in table} == {s for s, _ in Rating.accepted()}
    # grouped by member, so each group is one range
    members = [m for _, m in table]
    assert members == sorted(members, key=lambda m: m.code)


def test_a_code_typed_in_pengaturan_rating_pimpinan_counts_as_its_rating(tmp_path):
    """A leader's hasil kerja comes from RatingPimpinan; an instansi typing SIASN's code 1 there gets Di Atas,
    in the formula (the spelling table) and in the rekap (the reader) alike."""
    import edits
    from excel_eval import Workbook
    from skpkit.model import PredikatOrganisasi
    from skpkit.generator.layout import PengaturanGeometry
    from skpkit.generator.read.workbook import read_workbook
    from synthetic import write_filled, roster

    (path, plan), *_ = write_filled(tmp_path, roster(12, unit_size=12, seed=5))
    jpt = next(sp for sp in plan.sheets if sp.pimpinan)
    pg = PengaturanGeometry(len(plan.units))
    row = pg.list_row("DaftarOrganisasi") + 1 + list(PredikatOrganisasi).index(PredikatOrganisasi.BAIK)
    col = 2 + [t for t, _ in pg.tables_of("DaftarOrganisasi")].index("RatingPimpinan")
    wb = edits.load(path)
    wb["Pengaturan"].cell(row + 1, col + 1).value = "1"
    for unit in plan.units:  # every period of every unit Baik
        for c in range(1, plan.jenis_periode.jumlah + 2):
            r = pg.block_row("organisasi") + 2 + plan.units.index(unit)
            wb["Pengaturan"].cell(r + 1, c + 1).value = "Baik"
    wb.save(path)
    data = read_workbook(path)
    assert data.plan.settings.rating_pimpinan[PredikatOrganisasi.BAIK] is A
    g = data.geometry
    book = Workbook(path)
    got = book.value(jpt.name, g.evaluasi_row("hasil_saran"), g.value_col(1))
    assert got == A.value
