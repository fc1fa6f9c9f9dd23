"""The SKP rules of PermenPANRB 6/2022 (RULES.md sections 1-8), as pure scalar functions.

This module is the one source of truth: the native formulas the generator
writes and the xlwings UDFs are tested against it, and :mod:`skp.arrays` applies
the same rules to whole columns. Every function takes plain values (labels as
text or enums, numbers, ``None`` for an empty cell) and returns a value, ``None``
where the input is not filled yet, or raises :class:`skp.errors.InputError`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable, Sequence

from skp.errors import InputError
from skp.model import (
    Agregasi, Arah, Jenjang, Predikat, PredikatOrganisasi, Rating, Settings,
)

__all__ = [
    "PREDIKAT_MATRIX", "EPS", "Alasan", "angka", "capaian", "rating_indikator", "target_periode",
    "rating_rhk", "rating_hasil_kerja", "rating_hasil_pimpinan", "rating_perilaku",
    "rating_perilaku_tahunan", "predikat", "realisasi_periode", "angka_kredit", "bulat", "AturanKurva", "HasilKurva",
    "cek_kurva", "kurva_batas_maks", "kurva_batas_min", "capaian_kegiatan_lama",
    "nilai_skp_lama", "nilai_prestasi_kerja", "sebutan_lama", "DEFAULT",
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

#: Relative tolerance of the realisasi-vs-target comparisons, so that a sum such as
#: 0.1 + 0.2 meets a target of 0.3 as it does in a spreadsheet. The formulas use it too.
EPS = 1e-9
BULAN_SALAH = "bulan di luar 0-12"


class Alasan:
    """Reasons an indikator is invalid, in the words its cell shows (checked in this order)."""

    BUKAN_ANGKA = "bukan angka"
    TARGET_KOSONG = "target kosong"
    TARGET_NEGATIF = "target negatif"
    TARGET_TERBALIK = "target min > maks"
    TARGET_NOL = "target 0"
    REALISASI_NEGATIF = "realisasi negatif"

    HINTS = {
        BUKAN_ANGKA: "ketik angka saja, tanpa satuan",
        TARGET_KOSONG: "isi target indikator ini",
        TARGET_NEGATIF: "target tidak boleh negatif",
        TARGET_TERBALIK: "target minimum harus tidak lebih dari target maksimum",
        TARGET_NOL: "target acuan harus lebih dari 0 (maks untuk arah naik, min untuk turun)",
        REALISASI_NEGATIF: "realisasi tidak boleh negatif",
    }


def _fail(reason: str) -> InputError:
    return InputError(reason, Alasan.HINTS.get(reason, ""))


def angka(x: object) -> float | None:
    """A cell's number: ``None`` for empty (or NaN), a float otherwise; text raises ``bukan angka``.

    Examples
    --------
    >>> angka(3), angka(""), angka("2.5")
    (3.0, None, 2.5)
    """
    return _number(x)


def _number(x: object, *, blank_ok: bool = True) -> float | None:
    if x is None or (isinstance(x, str) and not x.strip()):
        return None
    if not isinstance(x, (int, float)):
        try:
            x = float(x)  # numpy scalars, Decimal
        except (TypeError, ValueError):
            raise _fail(Alasan.BUKAN_ANGKA) from None
    x = float(x)
    if math.isnan(x):
        return None
    return x


def _indikator(realisasi, target_min, target_max, arah) -> tuple[float | None, float, float, Arah]:
    """Validate one indikator's numbers in the order of :class:`Alasan`."""
    arah = Arah.parse(arah)
    r = _number(realisasi)
    lo = _number(target_min)
    hi = _number(target_max)
    if hi is None:  # a single-number target
        hi = lo
    if lo is None or hi is None:
        raise _fail(Alasan.TARGET_KOSONG)
    if lo < 0 or hi < 0:
        raise _fail(Alasan.TARGET_NEGATIF)
    if lo > hi:
        raise _fail(Alasan.TARGET_TERBALIK)
    if (hi if arah is Arah.NAIK else lo) == 0:
        raise _fail(Alasan.TARGET_NOL)
    if r is not None and r < 0:
        raise _fail(Alasan.REALISASI_NEGATIF)
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
    t = _number(target)
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
    nums = [_number(v) for v in values[:n]]
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
                       porsi_di_atas: float = DEFAULT.porsi_di_atas) -> Rating | None:
    """Suggested rating hasil kerja from the RHK ratings (project default).

    The rule of :func:`rating_rhk` over the RHK utama; an RHK tambahan only lifts:
    it counts only when it is Di Atas. ``None`` until every RHK utama is rated.

    Examples
    --------
    >>> str(rating_hasil_kerja(["Sesuai Ekspektasi", "Di Atas Ekspektasi", "Sesuai Ekspektasi"]))
    'Sesuai Ekspektasi'
    >>> str(rating_hasil_kerja(["Sesuai Ekspektasi", "Di Atas Ekspektasi", "Sesuai Ekspektasi"],
    ...                        ["Di Atas Ekspektasi"]))
    'Di Atas Ekspektasi'
    """
    parts = _ratings(utama)
    if not parts or None in parts:
        return None
    parts += [t for t in _ratings(tambahan) if t is Rating.DI_ATAS]
    return _rate_parts(parts, porsi_di_atas)


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
    b = _number(bulan)
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
    q = Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return float(q)


# --- kurva (pola distribusi), SE MenPANRB 3/2023 -----------------------------------------

@dataclass(frozen=True)
class KurvaSpec:
    """One rule of the kurva as data: which predikat it counts and the bound it sets.

    ``jenis`` is ``terbesar`` (the first predikat of ``kelompok`` is not smaller than
    any other group), ``maks`` (at most) or ``min`` (at least). The bound is ``persen``
    (a :class:`Settings` field name) of n, or the fixed count ``tetap``.
    """

    kelompok: tuple[Predikat, ...]
    jenis: str
    persen: str | None = None
    tetap: int = 0

    def teks(self, settings: Settings = DEFAULT) -> str:
        """The rule as the rekap shows it.

        Examples
        --------
        >>> KURVA[PredikatOrganisasi.BAIK][1].teks()
        'Baik paling banyak 70%'
        """
        nama = " + ".join(p.value for p in self.kelompok)
        if self.jenis == "terbesar":
            return f"{nama} kelompok terbesar"
        kata = "paling banyak" if self.jenis == "maks" else "paling sedikit"
        if self.persen is not None:
            return f"{nama} {kata} {getattr(settings, self.persen):g}%"
        if self.jenis == "maks" and self.tetap == 0:
            return f"{nama} tidak ada"
        return f"{nama} {kata} {self.tetap}"


_SB, _B, _BP, _K, _SK = Predikat
#: The pola distribusi of SE MenPANRB 3/2023 (RULES.md section 5), per predikat organisasi.
KURVA: dict[PredikatOrganisasi, tuple[KurvaSpec, ...]] = {
    PredikatOrganisasi.ISTIMEWA: (
        KurvaSpec((_SB,), "terbesar"), KurvaSpec((_SB,), "maks", "kurva_maks_terbesar")),
    PredikatOrganisasi.BAIK: (
        KurvaSpec((_B,), "terbesar"), KurvaSpec((_B,), "maks", "kurva_maks_terbesar"),
        KurvaSpec((_BP, _K), "min", tetap=1)),
    PredikatOrganisasi.BUTUH_PERBAIKAN: (
        KurvaSpec((_BP,), "min", "kurva_min_dominan"),
        KurvaSpec((_SB,), "maks", "kurva_maks_sangat_baik")),
    PredikatOrganisasi.KURANG: (
        KurvaSpec((_K,), "min", "kurva_min_dominan"), KurvaSpec((_BP,), "min", "kurva_min_pendamping"),
        KurvaSpec((_SB,), "maks", "kurva_maks_sangat_baik")),
    PredikatOrganisasi.SANGAT_KURANG: (
        KurvaSpec((_SK,), "min", "kurva_min_dominan"),
        KurvaSpec((_K, _BP), "min", "kurva_min_pendamping"), KurvaSpec((_SB,), "maks", tetap=0)),
}


@dataclass(frozen=True)
class AturanKurva:
    """One rule of the kurva and whether the unit meets it."""

    teks: str
    terpenuhi: bool
    jumlah: int
    batas: int


@dataclass(frozen=True)
class HasilKurva:
    organisasi: PredikatOrganisasi
    n: int
    jumlah: dict[Predikat, int]
    aturan: tuple[AturanKurva, ...]

    @property
    def terpenuhi(self) -> bool:
        return all(a.terpenuhi for a in self.aturan)


def kurva_batas_maks(persen: float, n: int) -> int:
    """"At most p %" of n allows floor(p x n / 100) pegawai (project default rounding).

    Examples
    --------
    >>> kurva_batas_maks(70, 7), kurva_batas_maks(10, 9)
    (4, 0)
    """
    return math.floor(persen * n / 100)


def kurva_batas_min(persen: float, n: int) -> int:
    """"At least p %" of n needs ceil(p x n / 100) pegawai (project default rounding).

    Examples
    --------
    >>> kurva_batas_min(60, 5), kurva_batas_min(10, 11)
    (3, 2)
    """
    return math.ceil(persen * n / 100)


def _aturan(spec: KurvaSpec, c: dict[Predikat, int], n: int, s: Settings) -> AturanKurva:
    jumlah = sum(c[p] for p in spec.kelompok)
    if spec.jenis == "terbesar":
        batas = max(v for k, v in c.items() if k not in spec.kelompok)
        return AturanKurva(spec.teks(s), jumlah >= batas, jumlah, batas)
    if spec.persen is None:
        batas = spec.tetap
    else:
        bound = kurva_batas_maks if spec.jenis == "maks" else kurva_batas_min
        batas = bound(getattr(s, spec.persen), n)
    met = jumlah <= batas if spec.jenis == "maks" else jumlah >= batas
    return AturanKurva(spec.teks(s), met, jumlah, batas)


def hitung_predikat(predikat_pegawai: Iterable) -> dict[Predikat, int]:
    """How many pegawai have each predikat; ``None`` and blank entries (not rated yet) are not counted.

    Examples
    --------
    >>> hitung_predikat(["Baik", None, "cukup", "Baik"])[Predikat.BAIK]
    2
    """
    c = {p: 0 for p in Predikat}
    for v in predikat_pegawai:
        if v is None or (isinstance(v, str) and not v.strip()):
            continue
        c[Predikat.parse(v)] += 1
    return c


def cek_kurva(organisasi, predikat_pegawai: Iterable, *, settings: Settings = DEFAULT) -> HasilKurva:
    """Check a unit's predikat against the kurva of its organisation's predikat.

    A guide, not a block: every rule of :data:`KURVA` is reported as met or not,
    with the count and the bound. ``None`` entries (not rated yet) are not counted.
    "Largest group" allows ties.

    Examples
    --------
    >>> h = cek_kurva("Baik", ["Baik"] * 6 + ["Sangat Baik", "Butuh Perbaikan"])
    >>> [(a.teks, a.terpenuhi) for a in h.aturan]  # doctest: +NORMALIZE_WHITESPACE
    [('Baik kelompok terbesar', True), ('Baik paling banyak 70%', False),
     ('Butuh Perbaikan + Kurang/Misconduct paling sedikit 1', True)]
    """
    org = PredikatOrganisasi.parse(organisasi)
    c = hitung_predikat(predikat_pegawai)
    n = sum(c.values())
    return HasilKurva(org, n, c, tuple(_aturan(spec, c, n, settings) for spec in KURVA[org]))


# --- the old model, PP 46/2011 with Perka BKN 1/2013 -------------------------------------

def _efisiensi(target: float, real: float) -> float:
    """The waktu/biaya branch formula of Perka BKN 1/2013."""
    eff = 100 - real / target * 100
    base = (1.76 * target - real) / target * 100
    return base if eff <= 24 else 76 - (base - 100)


def capaian_kegiatan_lama(kuantitas: tuple | None = None, kualitas: tuple | None = None,
                          waktu: tuple | None = None, biaya: tuple | None = None) -> float:
    """Capaian of one kegiatan in the old model: mean over the aspects with a target.

    Each aspect is ``(target, realisasi)``. Kuantitas and kualitas: realisasi /
    target x 100. Waktu (months) and biaya: the efisiensi branches of Perka BKN
    1/2013; a waktu realised as ``None`` (not done) scores 0; a biaya with no
    budget (``None`` or 0 target) is left out.

    Examples
    --------
    >>> round(capaian_kegiatan_lama((10, 10), (100, 90), (12, 12)), 2)
    88.67
    >>> round(capaian_kegiatan_lama((10, 10), (100, 100), (12, 10)), 2)
    97.56
    """
    scores: list[float] = []
    for pair in (kuantitas, kualitas):
        if pair is not None:
            t, r = (_number(x) for x in pair)
            if not t:
                raise _fail(Alasan.TARGET_NOL)
            scores.append((r or 0.0) / t * 100)
    if waktu is not None:
        t, r = (_number(x) for x in waktu)
        if not t:
            raise _fail(Alasan.TARGET_NOL)
        scores.append(0.0 if r is None else _efisiensi(t, r))
    if biaya is not None:
        t, r = (_number(x) for x in biaya)
        if t:
            scores.append(0.0 if r is None else _efisiensi(t, r))
    if not scores:
        raise InputError("kegiatan tanpa target", "isi target paling sedikit satu aspek")
    return sum(scores) / len(scores)


def nilai_skp_lama(capaian_kegiatan: Iterable[float]) -> float:
    """Nilai SKP in the old model: the mean capaian of the kegiatan.

    Examples
    --------
    >>> nilai_skp_lama([96.0, 84.0])
    90.0
    """
    values = [float(v) for v in capaian_kegiatan]
    if not values:
        raise InputError("tidak ada kegiatan", "isi paling sedikit satu kegiatan")
    return sum(values) / len(values)


def sebutan_lama(nilai: float) -> str:
    """Sebutan of a nilai in the old model: >= 91 Sangat Baik, >= 76 Baik, >= 61 Cukup, >= 51 Kurang, else Buruk.

    Examples
    --------
    >>> sebutan_lama(91), sebutan_lama(90.5), sebutan_lama(50)
    ('Sangat Baik', 'Baik', 'Buruk')
    """
    for batas, nama in ((91, "Sangat Baik"), (76, "Baik"), (61, "Cukup"), (51, "Kurang")):
        if nilai >= batas:
            return nama
    return "Buruk"


def nilai_prestasi_kerja(nilai_skp: float, nilai_perilaku: float) -> tuple[float, str]:
    """Nilai prestasi kerja (old model) = 60 % SKP + 40 % perilaku, with its sebutan.

    Examples
    --------
    >>> nilai_prestasi_kerja(90, 80)
    (86.0, 'Baik')
    """
    nilai = 0.6 * float(nilai_skp) + 0.4 * float(nilai_perilaku)
    return nilai, sebutan_lama(nilai)
