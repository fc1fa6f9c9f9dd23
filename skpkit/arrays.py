"""The rules of :mod:`skpkit.rules` applied to whole columns, for the add-in and consolidation.

Each function takes sequences (lists, NumPy arrays, pandas Series) or scalars that
broadcast, and returns a 1-D NumPy ``object`` array of the same length. An element
is what the scalar rule returns for that row: an enum member, a float, ``None``
(not filled yet), or an :class:`skpkit.errors.Invalid` carrying the reason the scalar
rule would raise. No call fails because one row is bad.

The work is done on small integer codes (``Rating.code``, ``Predikat.code``) with
NumPy; labels are translated once per distinct text. Tests hold every function
equal to its scalar twin, element by element.
"""

from __future__ import annotations


import numpy as np

from skpkit import rules
from skpkit.errors import InputError
from skpkit.model import (
    Agregasi, Arah, JenisRHK, Jenjang, Predikat, PredikatOrganisasi, Rating, Settings,
)
from skpkit.kolom import BLANK, ERROR, column, decode, encode, first_reason, floats, has_reason, length, with_errors
from skpkit.rules import BULAN_SALAH, EPS, Alasan

__all__ = [
    "capaian", "rating_indikator", "target_periode", "realisasi_periode", "rating_rhk",
    "rating_hasil_kerja", "rating_hasil_pimpinan", "rating_perilaku", "predikat",
    "angka_kredit", "encode", "decode", "predikat_codes", "BLANK", "ERROR",
]

_DEFAULT = rules.DEFAULT
_PREDIKAT_CODES = np.array([[p.code for p in row] for row in rules.PREDIKAT_MATRIX], dtype=np.int8)
#: the predikat matrix with rows and columns for the negative codes in front: any of them gives BLANK
_PAD = 3
_PADDED = np.full((_PAD + 3, _PAD + 3), BLANK, dtype=np.int8)
_PADDED[_PAD:, _PAD:] = _PREDIKAT_CODES

def _indikator(realisasi, target_min, target_max, arah):
    n = length(realisasi, target_min, target_max, arah)
    a, a_why = encode(arah, Arah, n)
    r, r_why = floats(realisasi, n)
    lo, lo_why = floats(target_min, n)
    hi, hi_why = (lo.copy(), lo_why) if target_max is None else floats(target_max, n)
    blank_hi = np.isnan(hi) if hi_why is None else np.isnan(hi) & ~has_reason(hi_why)
    hi = np.where(blank_hi, lo, hi)  # a blank max: a single target
    with np.errstate(invalid="ignore"):
        turun = a == Arah.TURUN.code
        reasons = first_reason(
            (a == ERROR, a_why), (a == BLANK, f"{Arah.kind()} kosong"),
            (has_reason(r_why), r_why), (has_reason(lo_why), lo_why), (has_reason(hi_why), hi_why),
            (np.isnan(lo) | np.isnan(hi), Alasan.TARGET_KOSONG),
            ((lo < 0) | (hi < 0), Alasan.TARGET_NEGATIF),
            (lo > hi, Alasan.TARGET_TERBALIK),
            (np.where(turun, lo, hi) == 0, Alasan.TARGET_NOL),
            (r < 0, Alasan.REALISASI_NEGATIF),
        )
    return r, lo, hi, turun, reasons


def capaian(realisasi, target_min, target_max=None, arah="naik", *,
            maks: float = _DEFAULT.capaian_maks) -> np.ndarray:
    """Array form of :func:`skpkit.rules.capaian`.

    Examples
    --------
    >>> capaian([45, None, 0, 3], [40, 40, 5, 0], [50, 50, 6, 0], ["naik", "naik", "turun", "naik"]).tolist()
    [90.0, None, 200.0, Invalid('target 0')]
    """
    r, lo, hi, turun, reasons = _indikator(realisasi, target_min, target_max, arah)
    with np.errstate(divide="ignore", invalid="ignore"):
        c = np.where(turun, np.where(r == 0, maks, lo / r * 100), r / hi * 100)
        c = np.minimum(c, maks)
    return with_errors(c, np.isnan(r), reasons)


def _rating_indikator_codes(r, lo, hi, turun) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        above = r > hi + EPS * hi
        below = r < lo - EPS * lo
    better = np.where(turun, below, above)
    worse = np.where(turun, above, below)
    return np.where(better, Rating.DI_ATAS.code,
                    np.where(worse, Rating.DI_BAWAH.code, Rating.SESUAI.code)).astype(np.int8)


def rating_indikator(realisasi, target_min, target_max=None, arah="naik") -> np.ndarray:
    """Array form of :func:`skpkit.rules.rating_indikator`.

    Examples
    --------
    >>> [str(x) for x in rating_indikator([51, 40, 7], [40, 40, 5], [50, 50, 6], ["naik", "naik", "turun"])]
    ['Di Atas Ekspektasi', 'Sesuai Ekspektasi', 'Di Bawah Ekspektasi']
    """
    r, lo, hi, turun, reasons = _indikator(realisasi, target_min, target_max, arah)
    codes = _rating_indikator_codes(r, lo, hi, turun)
    codes[np.isnan(r)] = BLANK
    if reasons is not None:
        codes[has_reason(reasons)] = ERROR
    return decode(codes, Rating, reasons)


def target_periode(target, agregasi, periode: int, jumlah_periode: int) -> np.ndarray:
    """Array form of :func:`skpkit.rules.target_periode`.

    Examples
    --------
    >>> target_periode([100, 80], ["jumlah", "rata-rata"], 1, 4).tolist()
    [25.0, 80.0]
    """
    n = length(target, agregasi)
    t, t_why = floats(target, n)
    g, g_why = encode(agregasi, Agregasi, n)
    out = np.where(g == Agregasi.JUMLAH.code, t * periode / jumlah_periode, t)
    reasons = first_reason((g == ERROR, g_why), (g == BLANK, f"{Agregasi.kind()} kosong"),
                            (has_reason(t_why), t_why))
    return with_errors(out, np.isnan(t), reasons)


def realisasi_periode(values, agregasi, periode: int | None = None) -> np.ndarray:
    """Array form of :func:`skpkit.rules.realisasi_periode`: one row per indikator, one column per period.

    Examples
    --------
    >>> realisasi_periode([[10, None, 5, 5], [80, 90, None, None]], ["jumlah", "rata-rata"], 2).tolist()
    [None, 85.0]
    """
    rows = np.asarray(values, dtype=object)
    if rows.ndim != 2:
        raise ValueError("realisasi_periode needs a 2-D table: one row per indikator")
    n, p = rows.shape
    k = p if periode is None else periode
    if not 1 <= k <= p:
        raise InputError(f"periode {k} di luar 1-{p}")
    g, g_why = encode(agregasi, Agregasi, n)
    cols = [floats(rows[:, j], n) for j in range(k)]
    total = np.zeros(n)
    count = np.zeros(n)
    for col, _ in cols:  # few periods; vectorised over the rows
        filled = ~np.isnan(col)
        total = np.where(filled, total + col, total)
        count += filled
    last = cols[-1][0]
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(g == Agregasi.TERAKHIR.code, last,
                       np.where(g == Agregasi.JUMLAH.code, total, total / count))
    reasons = first_reason((g == ERROR, g_why), (g == BLANK, f"{Agregasi.kind()} kosong"),
                            *[(has_reason(why), why) for _, why in cols])
    return with_errors(out, np.isnan(last), reasons)


def _groups(kelompok, n: int) -> tuple[np.ndarray, int]:
    if kelompok is None:
        return np.zeros(n, dtype=np.intp), 1
    keys = column(kelompok, n)
    _, inverse = np.unique(keys.astype(str), return_inverse=True)
    inverse = inverse.reshape(-1)
    return inverse, int(inverse.max(initial=-1)) + 1


def _first_per_group(mask: np.ndarray, inverse: np.ndarray, values: np.ndarray, k: int) -> np.ndarray:
    out = np.full(k, None, dtype=object)
    idx = np.flatnonzero(mask)
    if idx.size:
        groups, first = np.unique(inverse[idx], return_index=True)
        out[groups] = values[idx[first]]
    return out


def _rate(n: np.ndarray, atas: np.ndarray, bawah: np.ndarray, porsi: float) -> np.ndarray:
    return np.where(bawah > 0, Rating.DI_BAWAH.code,
                    np.where(atas >= porsi * n, Rating.DI_ATAS.code, Rating.SESUAI.code)).astype(np.int8)


def rating_rhk(ratings, kelompok=None, *, porsi_di_atas: float = _DEFAULT.porsi_di_atas) -> np.ndarray:
    """Array form of :func:`skpkit.rules.rating_rhk`: per row, the rating of its RHK (``kelompok``).

    Examples
    --------
    >>> out = rating_rhk(["Di Atas Ekspektasi", "Sesuai Ekspektasi", "Sesuai Ekspektasi"], ["R1", "R1", "R2"])
    >>> [str(x) for x in out]
    ['Di Atas Ekspektasi', 'Di Atas Ekspektasi', 'Sesuai Ekspektasi']
    """
    n = length(ratings, kelompok)
    c, why = encode(ratings, Rating, n)
    inv, k = _groups(kelompok, n)
    count = lambda m: np.bincount(inv, weights=m, minlength=k)  # noqa: E731
    size = count(np.ones(n))
    err = _first_per_group(c == ERROR, inv, why, k)
    codes = _rate(size, count(c == Rating.DI_ATAS.code), count(c == Rating.DI_BAWAH.code),
                  porsi_di_atas)
    codes[count(c == BLANK) > 0] = BLANK
    codes[err != None] = ERROR  # noqa: E711
    return decode(codes, Rating, err)[inv]


def _rate_hasil(n: np.ndarray, atas: np.ndarray, bawah: np.ndarray, lift: np.ndarray, porsi_di_atas: float,
                porsi_di_bawah: float) -> np.ndarray:
    """rules._rate_hasil over groups: ``n`` RHK utama, ``atas`` / ``bawah`` of them, ``lift`` tambahan Di Atas."""
    return np.where(bawah >= porsi_di_bawah * n, Rating.DI_BAWAH.code,
                    np.where((bawah == 0) & (atas + lift > porsi_di_atas * (n + lift)), Rating.DI_ATAS.code,
                             Rating.SESUAI.code)).astype(np.int8)


def rating_hasil_kerja(ratings, jenis="Utama", kelompok=None, *,
                       porsi_di_atas: float = _DEFAULT.porsi_di_atas,
                       porsi_di_bawah: float = _DEFAULT.porsi_di_bawah) -> np.ndarray:
    """Array form of :func:`skpkit.rules.rating_hasil_kerja`: one row per RHK with its ``jenis``
    (Utama/Tambahan); per row, the rating hasil kerja of its group (``kelompok``: pegawai-period).

    Examples
    --------
    >>> out = rating_hasil_kerja(["Sesuai Ekspektasi", "Di Atas Ekspektasi", "Di Atas Ekspektasi"],
    ...                          ["Utama", "Utama", "Tambahan"])
    >>> [str(x) for x in out]
    ['Di Atas Ekspektasi', 'Di Atas Ekspektasi', 'Di Atas Ekspektasi']
    """
    n = length(ratings, jenis, kelompok)
    c, why = encode(ratings, Rating, n)
    j, j_why = encode(jenis, JenisRHK, n)
    inv, k = _groups(kelompok, n)
    count = lambda m: np.bincount(inv, weights=m, minlength=k)  # noqa: E731
    utama, tambahan = j == JenisRHK.UTAMA.code, j == JenisRHK.TAMBAHAN.code
    lift = count(tambahan & (c == Rating.DI_ATAS.code))
    codes = _rate_hasil(count(utama), count(utama & (c == Rating.DI_ATAS.code)),
                        count(utama & (c == Rating.DI_BAWAH.code)), lift, porsi_di_atas, porsi_di_bawah)
    codes[(count(utama) == 0) | (count(utama & (c == BLANK)) > 0)] = BLANK
    jenis_err = _first_per_group((j == ERROR) | (j == BLANK), inv,
                                 np.where(j == BLANK, f"{JenisRHK.kind()} kosong", j_why), k)
    utama_err = _first_per_group(utama & (c == ERROR), inv, why, k)
    tambahan_err = _first_per_group(tambahan & (c == ERROR), inv, why, k)
    err = np.where(jenis_err != None, jenis_err,  # noqa: E711
                   np.where(utama_err != None, utama_err,  # noqa: E711
                            np.where(codes == BLANK, None, tambahan_err)))
    codes[err != None] = ERROR  # noqa: E711
    return decode(codes, Rating, err)[inv]


def rating_hasil_pimpinan(predikat_organisasi, *, settings: Settings = _DEFAULT) -> np.ndarray:
    """Array form of :func:`skpkit.rules.rating_hasil_pimpinan`.

    Examples
    --------
    >>> [str(x) for x in rating_hasil_pimpinan(["Istimewa", "Baik"])]
    ['Di Atas Ekspektasi', 'Sesuai Ekspektasi']
    """
    c, why = encode(predikat_organisasi, PredikatOrganisasi)
    table = np.array([settings.rating_pimpinan[o].code for o in PredikatOrganisasi], dtype=np.int8)
    codes = np.where(c >= 0, table[np.clip(c, 0, None)], c).astype(np.int8)
    return decode(codes, Rating, why)


def rating_perilaku(nilai, *, min_di_atas: int = _DEFAULT.perilaku_min_di_atas) -> np.ndarray:
    """Array form of :func:`skpkit.rules.rating_perilaku`: one row per pegawai-period, one column per value.

    Examples
    --------
    >>> [str(x) for x in rating_perilaku([["Di Atas Ekspektasi"] * 4 + [None] * 3, [None] * 7])]
    ['Di Atas Ekspektasi', 'None']
    """
    table = np.asarray(nilai, dtype=object)
    if table.ndim != 2:
        raise ValueError("rating_perilaku needs a 2-D table: one row per pegawai-period")
    n, m = table.shape
    c, why = encode(table.reshape(-1), Rating)
    c, why = c.reshape(n, m), why.reshape(n, m)
    filled = (c >= 0).sum(axis=1)
    codes = np.where((c == Rating.DI_BAWAH.code).any(axis=1), Rating.DI_BAWAH.code,
                     np.where((c == Rating.DI_ATAS.code).sum(axis=1) >= min_di_atas,
                              Rating.DI_ATAS.code, Rating.SESUAI.code)).astype(np.int8)
    codes[filled == 0] = BLANK
    is_err = c == ERROR
    first = np.argmax(is_err, axis=1)
    bad = is_err.any(axis=1)
    codes[bad] = ERROR
    reasons = np.where(bad, why[np.arange(n), first], None)
    return decode(codes, Rating, reasons)


def predikat_codes(hasil: np.ndarray, perilaku: np.ndarray) -> np.ndarray:
    """Predikat codes from rating codes; ``BLANK`` where either is blank (no label parsing).

    Examples
    --------
    >>> predikat_codes(np.array([0, 2, -1]), np.array([1, 2, 0])).tolist()
    [1, 4, -1]
    """
    # one lookup in the matrix padded with the codes below 0 (BLANK, ERROR, MISS): no masks
    return _PADDED[hasil.astype(np.intp) + _PAD, perilaku.astype(np.intp) + _PAD]


def predikat(hasil, perilaku) -> np.ndarray:
    """Array form of :func:`skpkit.rules.predikat`.

    Examples
    --------
    >>> [str(x) for x in predikat(["Di Atas Ekspektasi", None], ["Sesuai Ekspektasi", "Sesuai Ekspektasi"])]
    ['Baik', 'None']
    """
    n = length(hasil, perilaku)
    h, h_why = encode(hasil, Rating, n)
    p, p_why = encode(perilaku, Rating, n)
    codes = predikat_codes(h, p)
    reasons = first_reason((h == ERROR, h_why), (p == ERROR, p_why))
    if reasons is not None:
        codes[has_reason(reasons)] = ERROR
    return decode(codes, Predikat, reasons)


def angka_kredit(predikat_pegawai, jenjang, bulan=12, *, settings: Settings = _DEFAULT) -> np.ndarray:
    """Array form of :func:`skpkit.rules.angka_kredit` (full precision floats).

    Examples
    --------
    >>> [round(x, 4) for x in angka_kredit(["Baik", "Sangat Baik"], "Ahli Pertama", [2, 12])]
    [2.0833, 18.75]
    """
    n = length(predikat_pegawai, jenjang, bulan)
    p, p_why = encode(predikat_pegawai, Predikat, n)
    j, j_why = encode(jenjang, Jenjang, n)
    b, b_why = floats(bulan, n)
    persen = np.array([settings.persen_ak[x] for x in Predikat])
    koef = np.array([settings.koefisien[x] for x in Jenjang])
    with np.errstate(invalid="ignore"):
        bad_b = np.isnan(b) | (b < 0) | (b > 12)
        ak = b / 12 * persen[np.clip(p, 0, None)] / 100 * koef[np.clip(j, 0, None)]
    reasons = first_reason((p == ERROR, p_why), (j == ERROR, j_why),
                            (j == BLANK, f"{Jenjang.kind()} kosong"),
                            (has_reason(b_why), b_why), (bad_b, BULAN_SALAH))
    if reasons is not None:
        reasons[p == BLANK] = None
    return with_errors(ak, p == BLANK, reasons)
