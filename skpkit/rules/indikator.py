"""One indikator (RULES.md sections 2 and 8): its checks, capaian and suggested rating, each in its three
forms side by side (the target of a period and the realisasi up to it are :mod:`.agregasi`'s).

- scalar (:func:`capaian`, ...): the source of truth, plain values in, a value or :class:`InputError` out;
- array (:func:`capaian_array`, ...): the same over columns, an :class:`~skpkit.errors.Invalid` per bad row;
- formula (:func:`capaian_formula`, ...): the native spreadsheet formula of the workbook's cell.

The checks run in one order, :data:`TARGET_CHECKS` after the parse checks (a realisasi or target that
is not a number, then the arah), in every form: a row with two faults shows the same first reason in
the sheet, the rekap and the add-in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from skpkit.errors import InputError, Invalid
from skpkit.model import Agregasi, Arah, Rating, Settings
from skpkit.rules.agregasi import agregasi_error, targets_formula, used_formula
from skpkit.rules.formula import ERR, nested_if, nonnum, text_literal, unknown
from skpkit.rules.lazy import kolom, np
from skpkit.rules.nilai import EPS, Alasan, angka, invalid

__all__ = [
    "TargetCheck", "TARGET_CHECKS", "capaian", "rating_indikator", "cek_target", "capaian_array",
    "rating_indikator_array", "rating_indikator_codes", "cek_baris_formula", "cek_formula", "gated",
    "capaian_formula", "rating_indikator_formula", "capaian_udf_formula", "rating_indikator_udf_formula",
]

_DEFAULT = Settings()


@dataclass(frozen=True)
class TargetCheck:
    """One check of a target range, in its three forms: ``scalar(lo, hi, ref)``, ``array(lo, hi, ref)``
    (NumPy masks) and ``formula(lo, hi, ref)`` (cell expressions; ``hi`` already falls back to ``lo``)."""

    reason: str
    scalar: Callable[[float | None, float | None, float | None], bool]
    array: Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]
    formula: Callable[[str, str, str], str]


#: the target rules, in the order every form checks them (after: not a number, then arah); ``ref`` is the
#: target a capaian divides by: the max for ``naik``, the min for ``turun``
TARGET_CHECKS: tuple[TargetCheck, ...] = (
    TargetCheck(Alasan.TARGET_KOSONG, lambda lo, hi, ref: lo is None,
                lambda lo, hi, ref: np.isnan(lo) | np.isnan(hi), lambda lo, hi, ref: f'{lo}=""'),
    TargetCheck(Alasan.TARGET_NEGATIF, lambda lo, hi, ref: lo < 0 or hi < 0,
                lambda lo, hi, ref: (lo < 0) | (hi < 0), lambda lo, hi, ref: f"OR({lo}<0,{hi}<0)"),
    TargetCheck(Alasan.TARGET_TERBALIK, lambda lo, hi, ref: lo > hi,
                lambda lo, hi, ref: lo > hi, lambda lo, hi, ref: f"{lo}>{hi}"),
    TargetCheck(Alasan.TARGET_NOL, lambda lo, hi, ref: ref == 0,
                lambda lo, hi, ref: ref == 0, lambda lo, hi, ref: f"{ref}=0"),
)


# --- scalar -------------------------------------------------------------------------------------------

def _checked(realisasi, target_min, target_max, arah) -> tuple[float | None, float, float, Arah]:
    """An indikator's numbers, checked in the one order: not a number (realisasi, then the targets), arah,
    :data:`TARGET_CHECKS`, then a negative realisasi."""
    r, lo, hi = angka(realisasi), angka(target_min), angka(target_max)
    arah = Arah.parse(arah)
    if hi is None:  # a single-number target
        hi = lo
    ref = hi if arah is Arah.NAIK else lo
    for check in TARGET_CHECKS:
        if check.scalar(lo, hi, ref):
            raise invalid(check.reason)
    if r is not None and r < 0:
        raise invalid(Alasan.REALISASI_NEGATIF)
    assert lo is not None and hi is not None
    return r, lo, hi, arah


def capaian(realisasi, target_min, target_max=None, arah="naik", *, maks: float | None = None,
            settings: Settings = _DEFAULT) -> float | None:
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
    maks : float, optional
        The cap; default ``settings.capaian_maks`` (``CapaianMaks`` in Pengaturan, 200 by default).

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
    maks = settings.capaian_maks if maks is None else maks
    r, lo, hi, arah = _checked(realisasi, target_min, target_max, arah)
    if r is None:
        return None
    if arah is Arah.NAIK:
        c = r / hi * 100
    elif r == 0:
        c = maks
    else:
        c = lo / r * 100
    return min(c, maks)


def rating_indikator(realisasi, target_min, target_max=None, arah="naik"):
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
    r, lo, hi, arah = _checked(realisasi, target_min, target_max, arah)
    if r is None:
        return None
    above, below = r > hi + EPS * hi, r < lo - EPS * lo
    if arah is Arah.TURUN:
        above, below = below, above
    return Rating.DI_ATAS if above else Rating.DI_BAWAH if below else Rating.SESUAI


def cek_target(target_min: Any, target_max: Any, arah: Any, agregasi: Any) -> Invalid | None:
    """The checks of an indikator row that do not depend on the period, in the one order: agregasi, the
    targets not a number, arah, :data:`TARGET_CHECKS`. ``None`` when they pass.

    Examples
    --------
    >>> cek_target(0, None, "naik", "jumlah")
    Invalid('target 0')
    >>> cek_target(5, 6, "turun", "jumlah") is None
    True
    """
    try:
        Agregasi.parse(agregasi)
        _checked(None, target_min, target_max, arah)
    except InputError as e:
        return Invalid(e.reason)
    return None


# --- array ---------------------------------------------------------------------------------------------

def _checked_array(realisasi, target_min, target_max, arah):
    """:func:`_checked` over columns: the numbers, whether ``turun``, and each row's first reason."""
    n = kolom.length(realisasi, target_min, target_max, arah)
    a, a_why = kolom.encode(arah, Arah, n)
    r, r_why = kolom.floats(realisasi, n)
    lo, lo_why = kolom.floats(target_min, n)
    hi, hi_why = (lo.copy(), lo_why) if target_max is None else kolom.floats(target_max, n)
    blank_hi = np.isnan(hi) if hi_why is None else np.isnan(hi) & ~kolom.has_reason(hi_why)
    hi = np.where(blank_hi, lo, hi)  # a blank max: a single target
    with np.errstate(invalid="ignore"):
        turun = a == Arah.TURUN.code
        ref = np.where(turun, lo, hi)
        reasons = kolom.first_reason(
            (kolom.has_reason(r_why), r_why), (kolom.has_reason(lo_why), lo_why), (kolom.has_reason(hi_why), hi_why),
            (a == kolom.ERROR, a_why), (a == kolom.BLANK, f"{Arah.kind()} kosong"),
            *((check.array(lo, hi, ref), check.reason) for check in TARGET_CHECKS),
            (r < 0, Alasan.REALISASI_NEGATIF),
        )
    return r, lo, hi, turun, reasons


def capaian_array(realisasi, target_min, target_max=None, arah="naik", *, maks: float | None = None,
                  settings: Settings = _DEFAULT) -> np.ndarray:
    """Array form of :func:`capaian`.

    Examples
    --------
    >>> capaian_array([45, None, 0, 3], [40, 40, 5, 0], [50, 50, 6, 0], ["naik", "naik", "turun", "naik"]).tolist()
    [90.0, None, 200.0, Invalid('target 0')]
    """
    maks = settings.capaian_maks if maks is None else maks
    r, lo, hi, turun, reasons = _checked_array(realisasi, target_min, target_max, arah)
    with np.errstate(divide="ignore", invalid="ignore"):
        c = np.where(turun, np.where(r == 0, maks, lo / r * 100), r / hi * 100)
        c = np.minimum(c, maks)
    return kolom.with_errors(c, np.isnan(r), reasons)


def rating_indikator_codes(r: np.ndarray, lo: np.ndarray, hi: np.ndarray, turun: np.ndarray) -> np.ndarray:
    """Rating codes of checked numbers (no blanks or reasons)."""
    with np.errstate(invalid="ignore"):
        above = r > hi + EPS * hi
        below = r < lo - EPS * lo
    better = np.where(turun, below, above)
    worse = np.where(turun, above, below)
    return np.where(better, Rating.DI_ATAS.code,
                    np.where(worse, Rating.DI_BAWAH.code, Rating.SESUAI.code)).astype(np.int8)


def rating_indikator_array(realisasi, target_min, target_max=None, arah="naik") -> np.ndarray:
    """Array form of :func:`rating_indikator`.

    Examples
    --------
    >>> [str(x) for x in rating_indikator_array([51, 40, 7], [40, 40, 5], [50, 50, 6], ["naik", "naik", "turun"])]
    ['Di Atas Ekspektasi', 'Sesuai Ekspektasi', 'Di Bawah Ekspektasi']
    """
    r, lo, hi, turun, reasons = _checked_array(realisasi, target_min, target_max, arah)
    codes = rating_indikator_codes(r, lo, hi, turun)
    codes[np.isnan(r)] = kolom.BLANK
    if reasons is not None:
        codes[kolom.has_reason(reasons)] = kolom.ERROR
    return kolom.decode(codes, Rating, reasons)


# --- formula -------------------------------------------------------------------------------------------


def cek_baris_formula(lo: str, hi: str, arah: str, agregasi: str) -> str:
    """:func:`cek_target` of a row: the reason of the period-independent checks, or ``ok``."""
    hie = f'IF({hi}="",{lo},{hi})'
    ref = f'IF(TRIM({arah})="{Arah.TURUN.value}",{lo},{hie})'
    return "=" + nested_if([
        (f'TRIM({agregasi})=""', text_literal(f"{Agregasi.kind()} kosong")),
        (f"ISNA(MATCH(TRIM({agregasi}),DaftarAgregasi,0))", unknown(Agregasi.kind(), agregasi)),
        (f"OR({nonnum(lo)},{nonnum(hi)})", text_literal(Alasan.BUKAN_ANGKA)),
        (f'TRIM({arah})=""', text_literal(f"{Arah.kind()} kosong")),
        (f"ISNA(MATCH(TRIM({arah}),DaftarArah,0))", unknown(Arah.kind(), arah)),
        *((check.formula(lo, hie, ref), text_literal(check.reason)) for check in TARGET_CHECKS),
    ], '"ok"')


def cek_formula(teks: str, lo: str, hi: str, cek_baris: str, real: Sequence[str], kumulatif: str,
                periode: int | None) -> str:
    """'' for an unused slot, the reason of an invalid indikator, else ``ok`` (:mod:`skpkit.evaluasi`):
    agregasi errors first, then realisasi that is not a number, then the row's checks, then a negative sum."""
    cells = ",".join(real)
    return "=" + nested_if([
        (f"NOT({used_formula(teks, lo, hi, real, periode)})", '""'),
        (agregasi_error(cek_baris), cek_baris),
        (f"COUNTA({cells})<>COUNT({cells})", text_literal(Alasan.BUKAN_ANGKA)),
        (f'{cek_baris}<>"ok"', cek_baris),
        (f'AND({real[-1]}<>"",{kumulatif}<0)', text_literal(Alasan.REALISASI_NEGATIF)),
    ], '"ok"')


def gated(cek: str, kumulatif: str, value: str) -> str:
    """A computed indikator cell: blank when unused, the reason when invalid, blank until filled."""
    return f'=IF({cek}="","",IF({cek}<>"ok","{ERR}"&{cek},IF({kumulatif}="","",{value})))'


def capaian_formula(cek: str, kumulatif: str, lo: str, hi: str, arah: str, agregasi: str,
                    periode: int | None, awal: str | None = None) -> str:
    """The capaian cell (:func:`capaian`), on the period's pro-rated target."""
    tmin, tmax = targets_formula(lo, hi, agregasi, periode, awal)
    value = (f'IF(TRIM({arah})="{Arah.TURUN.value}",IF({kumulatif}=0,CapaianMaks,'
             f'MIN({tmin}/{kumulatif}*100,CapaianMaks)),MIN({kumulatif}/{tmax}*100,CapaianMaks))')
    return gated(cek, kumulatif, value)


def rating_indikator_formula(cek: str, kumulatif: str, lo: str, hi: str, arah: str, agregasi: str,
                             periode: int | None, awal: str | None = None) -> str:
    """The suggested rating cell (:func:`rating_indikator`)."""
    a, s, b = (f'"{r.value}"' for r in Rating)
    tmin, tmax = targets_formula(lo, hi, agregasi, periode, awal)
    turun = f'TRIM({arah})="{Arah.TURUN.value}"'
    eps = repr(EPS).upper()
    value = (f"IF({kumulatif}>{tmax}+{eps}*{tmax},IF({turun},{b},{a}),"
             f"IF({kumulatif}<{tmin}-{eps}*{tmin},IF({turun},{a},{b}),{s}))")
    return gated(cek, kumulatif, value)


def capaian_udf_formula(cek: str, kumulatif: str, lo: str, hi: str, arah: str, agregasi: str,
                        periode: int | None, awal: str | None = None) -> str:
    """The capaian cell through the add-in (``SKP_CAPAIAN``), with the same gating."""
    tmin, tmax = targets_formula(lo, hi, agregasi, periode, awal)
    return gated(cek, kumulatif, f"SKP_CAPAIAN({kumulatif},{tmin},{tmax},TRIM({arah}),CapaianMaks)")


def rating_indikator_udf_formula(cek: str, kumulatif: str, lo: str, hi: str, arah: str, agregasi: str,
                                 periode: int | None, awal: str | None = None) -> str:
    """The suggested rating cell through the add-in (``SKP_RATING_INDIKATOR``)."""
    tmin, tmax = targets_formula(lo, hi, agregasi, periode, awal)
    return gated(cek, kumulatif, f"SKP_RATING_INDIKATOR({kumulatif},{tmin},{tmax},TRIM({arah}))")
