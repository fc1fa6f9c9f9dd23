"""What an entered cell holds, as the rules read it: a number or blank, and the reasons an entry is invalid."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable

from skpkit.errors import InputError
from skpkit.model import Rating

__all__ = ["EPS", "BULAN_SALAH", "Alasan", "invalid", "angka", "ratings", "bulat", "is_blank"]

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


def invalid(reason: str) -> InputError:
    """The error of an invalid entry, with the hint of :class:`Alasan` for ``reason``.

    Examples
    --------
    >>> invalid(Alasan.TARGET_NOL).hint
    'target acuan harus lebih dari 0 (maks untuk arah naik, min untuk turun)'
    """
    return InputError(reason, Alasan.HINTS.get(reason, ""))


def angka(x: object) -> float | None:
    """A cell's number: ``None`` for empty (or NaN), a finite float otherwise. Text is never read as a
    number, as a spreadsheet's ISNUMBER does not (``"80%"``, ``"1_000"``, ``"inf"``, even ``"12"``: a
    number typed as text), and neither are infinity, a date or TRUE/FALSE: each raises ``bukan angka``.

    Examples
    --------
    >>> angka(3), angka(""), angka(2.5)
    (3.0, None, 2.5)
    >>> angka("12")
    Traceback (most recent call last):
    ...
    skpkit.errors.InputError: bukan angka: ketik angka saja, tanpa satuan
    """
    if x is None or (isinstance(x, str) and not x.strip()):
        return None
    if isinstance(x, (str, bool)):
        raise invalid(Alasan.BUKAN_ANGKA)
    if not isinstance(x, (int, float)):
        try:
            x = float(x)  # numpy scalars, Decimal
        except (TypeError, ValueError):
            raise invalid(Alasan.BUKAN_ANGKA) from None
    x = float(x)
    if math.isnan(x):
        return None
    if math.isinf(x):
        raise invalid(Alasan.BUKAN_ANGKA)
    return x


def ratings(values: Iterable) -> list:
    """Rating cells as :class:`~skpkit.model.Rating` members (``None`` for blank); an unknown text raises.

    Examples
    --------
    >>> [str(r) for r in ratings(["sesuai", None, 1])]
    ['Sesuai Ekspektasi', 'None', 'Di Atas Ekspektasi']
    """
    return [None if v is None or (isinstance(v, str) and not v.strip()) else Rating.parse(v) for v in values]


def is_blank(x: object) -> bool:
    """An empty cell: ``None``, NaN or whitespace-only text.

    Examples
    --------
    >>> is_blank(" "), is_blank(float("nan")), is_blank(0)
    (True, True, False)
    """
    return x is None or (isinstance(x, str) and not x.strip()) or (isinstance(x, float) and x != x)


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
