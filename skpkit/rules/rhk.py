"""The suggested rating of one RHK from its indikator (RULES.md section 2, project default), in its three
forms side by side: scalar :func:`rating_rhk`, array :func:`rating_rhk_array`, and the formulas of the RHK's
status and rating cells.

Di Bawah if any indikator is Di Bawah; Di Atas if none is and at least ``PorsiDiAtas`` of them are Di Atas;
else Sesuai. An invalid indikator makes the RHK :data:`ERROR_INDIKATOR`.
"""

from __future__ import annotations

from typing import Iterable

from skpkit.model import Rating, Settings
from skpkit.rules.formula import ERR
from skpkit.rules.lazy import kolom, np
from skpkit.rules.nilai import ratings

__all__ = ["ERROR_INDIKATOR", "rate_parts", "rating_rhk", "rating_rhk_array", "groups",
           "first_per_group", "status_rhk_formula", "rating_rhk_formula"]

#: the reason an RHK shows when one of its indikator is invalid
ERROR_INDIKATOR = "indikator tidak valid"
_DEFAULT = Settings()


def rate_parts(parts: list[Rating], porsi: float) -> Rating:
    """The rating of a whole from its rated parts: any Di Bawah, else Di Atas from ``porsi`` of them."""
    if Rating.DI_BAWAH in parts:
        return Rating.DI_BAWAH
    if parts.count(Rating.DI_ATAS) >= porsi * len(parts):
        return Rating.DI_ATAS
    return Rating.SESUAI


def rating_rhk(values: Iterable, *, porsi_di_atas: float | None = None, settings: Settings = _DEFAULT) -> Rating | None:
    """Suggested rating of one RHK from its indikator ratings (project default).

    Di Bawah if any indikator is Di Bawah; Di Atas if none is and at least
    ``porsi_di_atas`` of them are Di Atas (default: ``settings``'); else Sesuai. ``None`` until every
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
    parts = ratings(values)
    if not parts or None in parts:
        return None
    return rate_parts(parts, settings.porsi_di_atas if porsi_di_atas is None else porsi_di_atas)


def groups(kelompok, n: int) -> tuple[np.ndarray, int]:
    """Each row's group index and the number of groups (one group when ``kelompok`` is ``None``)."""
    if kelompok is None:
        return np.zeros(n, dtype=np.intp), 1
    keys = kolom.column(kelompok, n)
    _, inverse = np.unique(keys.astype(str), return_inverse=True)
    inverse = inverse.reshape(-1)
    return inverse, int(inverse.max(initial=-1)) + 1


def first_per_group(mask: np.ndarray, inverse: np.ndarray, values: np.ndarray, k: int) -> np.ndarray:
    """Per group, the value of its first row where ``mask`` holds (``None`` elsewhere)."""
    out = np.full(k, None, dtype=object)
    idx = np.flatnonzero(mask)
    if idx.size:
        found, first = np.unique(inverse[idx], return_index=True)
        out[found] = values[idx[first]]
    return out


def rating_rhk_array(values, kelompok=None, *, porsi_di_atas: float | None = None,
                     settings: Settings = _DEFAULT) -> np.ndarray:
    """Array form of :func:`rating_rhk`: per row, the rating of its RHK (``kelompok``).

    Examples
    --------
    >>> out = rating_rhk_array(["Di Atas Ekspektasi", "Sesuai Ekspektasi", "Sesuai Ekspektasi"], ["R1", "R1", "R2"])
    >>> [str(x) for x in out]
    ['Di Atas Ekspektasi', 'Di Atas Ekspektasi', 'Sesuai Ekspektasi']
    """
    porsi_di_atas = settings.porsi_di_atas if porsi_di_atas is None else porsi_di_atas
    n = kolom.length(values, kelompok)
    c, why = kolom.encode(values, Rating, n)
    inv, k = groups(kelompok, n)
    count = lambda m: np.bincount(inv, weights=m, minlength=k)  # noqa: E731
    size = count(np.ones(n))
    err = first_per_group(c == kolom.ERROR, inv, why, k)
    atas, bawah = count(c == Rating.DI_ATAS.code), count(c == Rating.DI_BAWAH.code)
    codes = np.where(bawah > 0, Rating.DI_BAWAH.code,
                     np.where(atas >= porsi_di_atas * size, Rating.DI_ATAS.code, Rating.SESUAI.code)).astype(np.int8)
    codes[count(c == kolom.BLANK) > 0] = kolom.BLANK
    codes[err != None] = kolom.ERROR  # noqa: E711
    return kolom.decode(codes, Rating, err)[inv]


def status_rhk_formula(ceks: str, ratings_range: str) -> str:
    """The RHK's hidden status cell: '' unused, ``galat`` an indikator invalid, ``belum`` not all rated,
    ``lengkap``."""
    return (f'=IF(SUMPRODUCT(--({ceks}<>""))=0,"",'
            f'IF(SUMPRODUCT(({ceks}<>"")*({ceks}<>"ok"))>0,"galat",'
            f'IF(SUMPRODUCT(({ceks}="ok")*({ratings_range}=""))>0,"belum","lengkap")))')


def rating_rhk_formula(status: str, ceks: str, ratings_range: str) -> str:
    """The RHK's rating cell (:func:`rating_rhk`)."""
    a, s, b = (f'"{r.value}"' for r in Rating)
    return (f'=IF({status}="galat","{ERR}{ERROR_INDIKATOR}",IF({status}<>"lengkap","",'
            f'IF(COUNTIF({ratings_range},{b})>0,{b},'
            f'IF(COUNTIF({ratings_range},{a})>=PorsiDiAtas*SUMPRODUCT(--({ceks}<>"")),{a},{s}))))')
