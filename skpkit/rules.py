"""The SKP rules of PermenPANRB 6/2022 (RULES.md sections 1-8), as pure scalar functions.

This module is the one source of truth: the native formulas the generator
writes and the xlwings UDFs are tested against it, and :mod:`skpkit.arrays` applies
the same rules to whole columns. Every function takes plain values (labels as
text or enums, numbers, ``None`` for an empty cell) and returns a value, ``None``
where the input is not filled yet, or raises :class:`skpkit.errors.InputError`.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable, Sequence

from skpkit.errors import InputError
from skpkit.nilai import BULAN_SALAH, EPS, Alasan, angka, invalid
from skpkit.model import (
    Agregasi, Arah, Jenjang, Predikat, PredikatOrganisasi, Rating, Settings,
)

__all__ = [
    "PREDIKAT_MATRIX", "EPS", "Alasan", "angka", "invalid", "capaian", "rating_indikator", "target_periode",
    "rating_rhk", "rating_hasil_kerja", "rating_hasil_pimpinan", "rating_perilaku",
    "rating_perilaku_tahunan", "predikat", "realisasi_periode", "angka_kredit", "bulat", "AturanKurva", "HasilKurva",
    "cek_kurva", "kurva_batas_maks", "kurva_batas_min", "hitung_predikat", "KURVA", "KurvaSpec", "DEFAULT",
]

DEFAULT = Settings()

R, P = Rating, Predikat
#: Predikat from (hasil kerja, perilaku kerja), rows and columns in Rating order
#: (Di Atas, Sesuai, Di Bawah); PermenPANRB 6/2022 Lampiran.
PREDIKAT_MATRIX: tuple[tuple[Predikat, Predikat, Predikat], ...] = (
    (P.SANGAT_BAIK, P.BAIK, P.KURANG),
    (P.BAIK, P.BAIK, P.KURANG),
    (P.BUTUH_PERBAIKAN, P.BUTUH_PERBAIKAN, P.SANGAT_KURANG),
)

def _indikator(realisasi, target_min, target_max, arah) -> tuple[float | None, float, float, Arah]:
    """Validate one indikator's numbers in the order of :class:`Alasan`."""
    arah = Arah.parse(arah)
    r = angka(realisasi)
    lo = angka(target_min)
    hi = angka(target_max)
    if hi is None:  # a single-number target
        hi = lo
    if lo is None or hi is None:
        raise invalid(Alasan.TARGET_KOSONG)
    if lo < 0 or hi < 0:
        raise invalid(Alasan.TARGET_NEGATIF)
    if lo > hi:
        raise invalid(Alasan.TARGET_TERBALIK)
    if (hi if arah is Arah.NAIK else lo) == 0:
        raise invalid(Alasan.TARGET_NOL)
    if r is not None and r < 0:
        raise invalid(Alasan.REALISASI_NEGATIF)
    return r, lo, hi, arah


def capaian(realisasi, target_min, target_max=None, arah="naik", *,
            maks: float = DEFAULT.capaian_maks) -> float | None:
    """Capaian (percent) of one indikator: realisasi against its target.

    ``naik``: realisasi / target-max x 100; ``turun``: target-min / realisasi x 100,
    and a ``turun`` realisasi of 0 earns ``maks``. Never above ``maks``.

    Parameters
    ----------
    realisasi : float or None
        ``None`` (or blank) when the period is not filled yet: returns ``None``.
    target_min, target_max : float
        The target range; ``target_max=None`` means a single-number target.
    arah : {"naik", "turun"}
    maks : float
        The cap (``Pengaturan``), 200 by default.

    Raises
    ------
    InputError
        With the reasons of :class:`Alasan`, e.g. ``target 0``.

    Examples
    --------
    >>> capaian(45, 40, 50)
    90.0
    >>> capaian(4, 5, 6, "turun")
    125.0
    >>> capaian(0, 5, 6, "turun")
    200.0
    >>> capaian(None, 5) is None
    True
    """
    r, lo, hi, arah = _indikator(realisasi, target_min, target_max, arah)
    if r is None:
        return None
    if arah is Arah.NAIK:
        c = r / hi * 100
    elif r == 0:
        c = maks
    else:
        c = lo / r * 100
    return min(c, maks)


def rating_indikator(realisasi, target_min, target_max=None, arah="naik") -> Rating | None:
    """Suggested rating of one indikator (project default; the regulation has no threshold).

    ``naik``: above the max is Di Atas, within [min, max] Sesuai, below min Di Bawah;
    ``turun`` mirrored. Comparisons allow a relative :data:`EPS`.

    Examples
    --------
    >>> rating_indikator(51, 40, 50)
    <Rating.DI_ATAS: 'Di Atas Ekspektasi'>
    >>> str(rating_indikator(40, 40, 50))
    'Sesuai Ekspektasi'
    >>> str(rating_indikator(7, 5, 6, "turun"))
    'Di Bawah Ekspektasi'
    """
    r, lo, hi, arah = _indikator(realisasi, target_min, target_max, arah)
    if r is None:
        return None
    above, below = r > hi + EPS * hi, r < lo - EPS * lo
    if arah is Arah.TURUN:
        above, below = below, above
    return Rating.DI_ATAS if above else Rating.DI_BAWAH if below else Rating.SESUAI


def target_periode(target: float | None, agregasi, periode: int, jumlah_periode: int) -> float | None:
    """The target that period ``periode`` (1-based, cumulative) is measured against.

    ``jumlah`` targets are pro-rated (target x periode / jumlah_periode); others stay whole.

    Examples
    --------
    >>> target_periode(100, "jumlah", 1, 4)
    25.0
    >>> target_periode(80, "rata-rata", 1, 4)
    80.0
    """
    t = angka(target)
    if t is None:
        return None
    if Agregasi.parse(agregasi) is Agregasi.JUMLAH:
        return t * periode / jumlah_periode
    return t


def realisasi_periode(values: Sequence, agregasi, periode: int | None = None) -> float | None:
    """Cumulative realisasi of an indikator up to period ``periode`` (1-based; default: the year).

    ``None`` when that period itself is not filled. ``jumlah`` sums the filled periods,
    ``rata-rata`` averages them, ``terakhir`` takes that period's value.

    Examples
    --------
    >>> realisasi_periode([10, None, 5, 5], "jumlah")
    20.0
    >>> realisasi_periode([80, 90, None, None], "rata-rata", 2)
    85.0
    >>> realisasi_periode([80, 90, None, None], "terakhir") is None
    True
    """
    agregasi = Agregasi.parse(agregasi)
    n = len(values) if periode is None else periode
    if not 1 <= n <= len(values):
        raise InputError(f"periode {n} di luar 1-{len(values)}")
    nums = [angka(v) for v in values[:n]]
    if nums[-1] is None:
        return None
    if agregasi is Agregasi.TERAKHIR:
        return nums[-1]
    total, count = 0.0, 0
    for v in nums:
        if v is not None:
            total += v
            count += 1
    return total if agregasi is Agregasi.JUMLAH else total / count


def _ratings(values: Iterable) -> list[Rating | None]:
    return [None if v is None or (isinstance(v, str) and not v.strip()) else Rating.parse(v)
            for v in values]


def _rate_parts(parts: list[Rating], porsi: float) -> Rating:
    if Rating.DI_BAWAH in parts:
        return Rating.DI_BAWAH
    if parts.count(Rating.DI_ATAS) >= porsi * len(parts):
        return Rating.DI_ATAS
    return Rating.SESUAI


def _rate_hasil(utama: list[Rating], lift: int, porsi_di_atas: float, porsi_di_bawah: float) -> Rating:
    """BKN's wording: Di Bawah when most or all RHK utama are (share >= porsi_di_bawah); Di Atas when most
    or all are (share > porsi_di_atas, the ``lift`` tambahan Di Atas counted in) and none is below."""
    bawah = utama.count(Rating.DI_BAWAH)
    if bawah >= porsi_di_bawah * len(utama):
        return Rating.DI_BAWAH
    if bawah == 0 and utama.count(Rating.DI_ATAS) + lift > porsi_di_atas * (len(utama) + lift):
        return Rating.DI_ATAS
    return Rating.SESUAI


def rating_rhk(ratings: Iterable, *, porsi_di_atas: float = DEFAULT.porsi_di_atas) -> Rating | None:
    """Suggested rating of one RHK from its indikator ratings (project default).

    Di Bawah if any indikator is Di Bawah; Di Atas if none is and at least
    ``porsi_di_atas`` of them are Di Atas; else Sesuai. ``None`` until every
    indikator is rated.

    Examples
    --------
    >>> str(rating_rhk(["Di Atas Ekspektasi", "sesuai ekspektasi"]))
    'Di Atas Ekspektasi'
    >>> str(rating_rhk(["Di Atas Ekspektasi", "Di Bawah Ekspektasi"]))
    'Di Bawah Ekspektasi'
    >>> rating_rhk(["Sesuai Ekspektasi", None]) is None
    True
    """
    parts = _ratings(ratings)
    if not parts or None in parts:
        return None
    return _rate_parts(parts, porsi_di_atas)


def rating_hasil_kerja(utama: Iterable, tambahan: Iterable = (), *,
                       porsi_di_atas: float = DEFAULT.porsi_di_atas,
                       porsi_di_bawah: float = DEFAULT.porsi_di_bawah) -> Rating | None:
    """Suggested rating hasil kerja from the RHK ratings (project default after BKN's e-Kinerja wording).

    Di Bawah when at least ``porsi_di_bawah`` of the RHK utama are Di Bawah; Di Atas when none is Di
    Bawah and strictly more than ``porsi_di_atas`` of them are Di Atas, each RHK tambahan that is Di Atas
    counted in (a tambahan only lifts); else Sesuai, which includes "a small part below". ``None``
    until every RHK utama is rated.

    Examples
    --------
    >>> S, A, B = "Sesuai Ekspektasi", "Di Atas Ekspektasi", "Di Bawah Ekspektasi"
    >>> [str(rating_hasil_kerja(x)) for x in ([S] * 4 + [B], [A, S], [A, A, S], [B, S])]
    ['Sesuai Ekspektasi', 'Sesuai Ekspektasi', 'Di Atas Ekspektasi', 'Di Bawah Ekspektasi']
    >>> str(rating_hasil_kerja([S, A], [A]))
    'Di Atas Ekspektasi'
    """
    parts = _ratings(utama)
    if not parts or None in parts:
        return None
    lift = sum(t is Rating.DI_ATAS for t in _ratings(tambahan))
    return _rate_hasil(parts, lift, porsi_di_atas, porsi_di_bawah)


def rating_hasil_pimpinan(predikat_organisasi, *, settings: Settings = DEFAULT) -> Rating | None:
    """Rating hasil kerja of a JPT or unit leader from the predikat kinerja organisasi (SE 3/2023).

    Examples
    --------
    >>> str(rating_hasil_pimpinan("Istimewa"))
    'Di Atas Ekspektasi'
    >>> str(rating_hasil_pimpinan("kurang"))
    'Di Bawah Ekspektasi'
    """
    if predikat_organisasi is None or (isinstance(predikat_organisasi, str)
                                       and not predikat_organisasi.strip()):
        return None
    return settings.rating_pimpinan[PredikatOrganisasi.parse(predikat_organisasi)]


def rating_perilaku(nilai: Iterable, *, min_di_atas: int = DEFAULT.perilaku_min_di_atas) -> Rating | None:
    """Suggested rating perilaku kerja from the per-value BerAKHLAK ratings (project default).

    Over the values rated: Di Bawah if any is Di Bawah; Di Atas if at least
    ``min_di_atas`` are Di Atas; else Sesuai. ``None`` if no value is rated.

    Examples
    --------
    >>> str(rating_perilaku(["Di Atas Ekspektasi"] * 4 + ["Sesuai Ekspektasi"] * 3))
    'Di Atas Ekspektasi'
    >>> str(rating_perilaku(["Di Atas Ekspektasi"] * 3 + [None] * 4))
    'Sesuai Ekspektasi'
    """
    parts = [v for v in _ratings(nilai) if v is not None]
    if not parts:
        return None
    if Rating.DI_BAWAH in parts:
        return Rating.DI_BAWAH
    return Rating.DI_ATAS if parts.count(Rating.DI_ATAS) >= min_di_atas else Rating.SESUAI


def rating_perilaku_tahunan(periodik: Sequence) -> Rating | None:
    """Suggested annual rating perilaku: the most frequent periodic rating, ties to the later period.

    Examples
    --------
    >>> str(rating_perilaku_tahunan(["Sesuai Ekspektasi", "Di Atas Ekspektasi", None, "Sesuai Ekspektasi"]))
    'Sesuai Ekspektasi'
    >>> str(rating_perilaku_tahunan(["Sesuai Ekspektasi", "Di Atas Ekspektasi"]))
    'Di Atas Ekspektasi'
    >>> rating_perilaku_tahunan([None, None]) is None
    True
    """
    parts = _ratings(periodik)
    score = {r: (parts.count(r), max(i for i, v in enumerate(parts, 1) if v is r))
             for r in set(parts) if r is not None}
    return max(score, key=score.__getitem__) if score else None


def predikat(hasil, perilaku) -> Predikat | None:
    """Predikat kinerja pegawai from the two ratings (PermenPANRB 6/2022 matrix).

    Examples
    --------
    >>> print(predikat("Di Atas Ekspektasi", "Sesuai Ekspektasi"))
    Baik
    >>> print(predikat("di bawah ekspektasi", "DI BAWAH EKSPEKTASI"))
    Sangat Kurang
    >>> predikat(None, "Sesuai Ekspektasi") is None
    True
    """
    h, p = _ratings([hasil, perilaku])
    if h is None or p is None:
        return None
    return PREDIKAT_MATRIX[h.code][p.code]


def angka_kredit(predikat_pegawai, jenjang, bulan: float = 12, *,
                 settings: Settings = DEFAULT) -> float | None:
    """Angka kredit earned: bulan / 12 x percent(predikat) x koefisien(jenjang), unrounded.

    Keep the full value, sum full values, show :func:`bulat` of it.

    Examples
    --------
    >>> ak = angka_kredit("Baik", "Ahli Pertama", 2)
    >>> round(ak, 4), bulat(ak)
    (2.0833, 2.08)
    >>> angka_kredit("Sangat Baik", "Ahli Pertama")
    18.75
    """
    if predikat_pegawai is None or (isinstance(predikat_pegawai, str) and not predikat_pegawai.strip()):
        return None
    pr = Predikat.parse(predikat_pegawai)
    jj = Jenjang.parse(jenjang)
    b = angka(bulan)
    if b is None or b < 0 or b > 12:
        raise InputError(BULAN_SALAH, "isi jumlah bulan penilaian 0 sampai 12")
    return b / 12 * settings.persen_ak[pr] / 100 * settings.koefisien[jj]


def bulat(x: float | None, digits: int = 2) -> float | None:
    """Round half away from zero on the decimal value, as a spreadsheet's ROUND does.

    Examples
    --------
    >>> bulat(2.0833333), bulat(2.675), bulat(None)
    (2.08, 2.68, None)
    """
    if x is None:
        return None
    # a spreadsheet rounds the number as it shows it, to 15 significant digits (94.12499999999999 is 94.125)
    q = Decimal(f"{float(x):.15G}").quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return float(q)


# The kurva (section 5) lives in its own module and the old model (section 7) in skpkit.lama;
# the kurva's names stay reachable here, where the rest of the rules are.
from skpkit.kurva import (  # noqa: E402
    KURVA, AturanKurva, HasilKurva, KurvaSpec, cek_kurva, hitung_predikat, kurva_batas_maks, kurva_batas_min,
)
