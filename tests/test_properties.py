"""Invariants of the rules, and the array forms equal to the scalar forms element by element."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skpkit import arrays, rules
from skpkit.errors import InputError, Invalid
from skpkit.model import Agregasi, Arah, JenisRHK, Jenjang, Predikat, PredikatOrganisasi, Rating

RATINGS = [m.value for m in Rating]
rating_text = st.one_of(
    st.sampled_from(RATINGS + [None, "", "sesuai", "DI ATAS EKSPEKTASI", "bagus"]),
    st.sampled_from(list(Rating)),
)
number = st.one_of(
    st.none(),
    st.integers(-3, 200),
    st.floats(-5, 500, allow_nan=False).map(lambda x: round(x, 2)),
    st.sampled_from(["", "x", "12"]),
)


def scalar(fn, *args, **kw):
    try:
        return fn(*args, **kw)
    except InputError as e:
        return Invalid(e.reason)


def same(a, b):
    if isinstance(a, float) and isinstance(b, float):
        return a == pytest.approx(b, rel=1e-12)
    return a == b and type(a) is type(b) or (a is None and b is None)


def assert_same(out, expected):
    assert len(out) == len(expected)
    for i, (got, want) in enumerate(zip(out, expected)):
        assert same(got, want), (i, got, want)


@given(st.lists(st.sampled_from(list(Rating)), min_size=2, max_size=2),
       st.lists(st.sampled_from(list(Rating)), min_size=2, max_size=2))
def test_predikat_monotone(h, p):
    """A rating no worse on both axes never gives a worse predikat."""
    (h1, h2), (p1, p2) = sorted(h, key=lambda x: x.code), sorted(p, key=lambda x: x.code)
    assert rules.predikat(h1, p1).code <= rules.predikat(h2, p2).code


@given(st.sampled_from(list(Predikat)), st.sampled_from(list(Jenjang)),
       st.integers(0, 12), st.integers(0, 12))
def test_angka_kredit_additive_over_months(p, j, m1, m2):
    if m1 + m2 > 12:
        m2 = 12 - m1
    total = rules.angka_kredit(p, j, m1) + rules.angka_kredit(p, j, m2)
    assert total == pytest.approx(rules.angka_kredit(p, j, m1 + m2), rel=1e-12, abs=1e-12)


@given(st.sampled_from(list(PredikatOrganisasi)),
       st.lists(st.sampled_from(list(Predikat) + [None]), max_size=60))
def test_kurva_counts_sum_to_n(org, pred):
    h = rules.cek_kurva(org, pred)
    assert sum(h.jumlah.values()) == h.n == sum(p is not None for p in pred)
    assert all(a.jumlah >= 0 for a in h.aturan)


indikator_rows = st.lists(st.tuples(number, number, number,
                                    st.sampled_from(["naik", "turun", "Naik", "ke atas"])),
                          min_size=1, max_size=40)


@given(indikator_rows)
def test_capaian_and_rating_indikator_arrays(rows):
    real, lo, hi, arah = (list(c) for c in zip(*rows))
    assert_same(arrays.capaian(real, lo, hi, arah),
                [scalar(rules.capaian, *row) for row in rows])
    assert_same(arrays.rating_indikator(real, lo, hi, arah),
                [scalar(rules.rating_indikator, *row) for row in rows])


@given(st.lists(number, min_size=1, max_size=30))
def test_single_target_arrays(real):
    assert_same(arrays.capaian(real, 10), [scalar(rules.capaian, x, 10) for x in real])


@given(st.lists(st.tuples(rating_text, st.sampled_from(["A", "B", "C"])), min_size=1, max_size=30))
def test_rating_rhk_array(rows):
    ratings, groups = zip(*rows)
    out = arrays.rating_rhk(list(ratings), list(groups))
    expected = {g: scalar(rules.rating_rhk, [r for r, gg in rows if gg == g]) for g in set(groups)}
    assert_same(out, [expected[g] for g in groups])


@given(st.lists(st.tuples(rating_text, st.sampled_from(["Utama", "Tambahan", "utama"]),
                          st.sampled_from(["p1", "p2"])), min_size=1, max_size=30))
def test_rating_hasil_kerja_array(rows):
    ratings, jenis, groups = (list(c) for c in zip(*rows))
    out = arrays.rating_hasil_kerja(ratings, jenis, groups)

    def one(g):
        utama = [r for r, j, gg in rows if gg == g and JenisRHK.parse(j) is JenisRHK.UTAMA]
        tambahan = [r for r, j, gg in rows if gg == g and JenisRHK.parse(j) is JenisRHK.TAMBAHAN]
        return scalar(rules.rating_hasil_kerja, utama, tambahan)

    assert_same(out, [one(g) for g in groups])


@given(st.lists(st.lists(rating_text, min_size=7, max_size=7), min_size=1, max_size=20))
def test_rating_perilaku_array(table):
    assert_same(arrays.rating_perilaku(table), [scalar(rules.rating_perilaku, row) for row in table])


@given(st.lists(st.tuples(rating_text, rating_text), min_size=1, max_size=40))
def test_predikat_array(rows):
    h, p = (list(c) for c in zip(*rows))
    assert_same(arrays.predikat(h, p), [scalar(rules.predikat, a, b) for a, b in rows])


@given(st.lists(st.sampled_from(list(PredikatOrganisasi) + ["istimewa", None, "x"]), min_size=1))
def test_rating_hasil_pimpinan_array(orgs):
    assert_same(arrays.rating_hasil_pimpinan(orgs), [scalar(rules.rating_hasil_pimpinan, o) for o in orgs])


@given(st.lists(st.tuples(st.sampled_from(list(Predikat) + ["cukup", None, "x"]),
                          st.sampled_from(list(Jenjang) + ["ahli muda", "", "x"]),
                          st.sampled_from([0, 1, 2, 3, 12, 13, -1, None, "x"])), min_size=1, max_size=30))
def test_angka_kredit_array(rows):
    p, j, b = (list(c) for c in zip(*rows))
    assert_same(arrays.angka_kredit(p, j, b), [scalar(rules.angka_kredit, *row) for row in rows])


@given(st.lists(st.tuples(st.lists(number, min_size=4, max_size=4),
                          st.sampled_from(list(Agregasi) + ["rerata", "x"])), min_size=1, max_size=20),
       st.integers(1, 4))
def test_realisasi_periode_array(rows, periode):
    values, agregasi = [r[0] for r in rows], [r[1] for r in rows]
    out = arrays.realisasi_periode(values, agregasi, periode)
    assert_same(out, [scalar(rules.realisasi_periode, v, g, periode) for v, g in rows])


@given(st.lists(st.tuples(number, st.sampled_from(list(Agregasi))), min_size=1, max_size=20),
       st.integers(1, 12))
def test_target_periode_array(rows, periode):
    t, g = (list(c) for c in zip(*rows))
    assert_same(arrays.target_periode(t, g, periode, 12),
                [scalar(rules.target_periode, a, b, periode, 12) for a, b in rows])


def test_arrays_accept_numpy_and_pandas():
    pd = pytest.importorskip("pandas")
    h = pd.Series(["Di Atas Ekspektasi", "Sesuai Ekspektasi", None])
    p = np.array(["Sesuai Ekspektasi", "Di Bawah Ekspektasi", "Sesuai Ekspektasi"], dtype=object)
    out = arrays.predikat(h, p)
    assert [str(x) if x is not None else None for x in out] == ["Baik", "Kurang/Misconduct", None]
    ak = arrays.angka_kredit(pd.Series(["Baik", np.nan]), "Ahli Muda", 3)
    assert ak[0] == pytest.approx(6.25) and ak[1] is None


def test_scalar_broadcast_and_length_mismatch():
    assert len(arrays.capaian([1, 2, 3], 10)) == 3
    with pytest.raises(ValueError, match="different lengths"):
        arrays.capaian([1, 2, 3], [10, 10])


@settings(max_examples=30)
@given(st.lists(st.sampled_from(list(Arah)), min_size=1, max_size=5))
def test_arah_enum_members_accepted(arah):
    out = arrays.rating_indikator([5] * len(arah), 5, 6, arah)
    assert all(x is Rating.SESUAI for x in out)
