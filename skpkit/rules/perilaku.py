"""The rating perilaku kerja (RULES.md sections 3 and 4, project defaults), in its three forms side by side:
per period from the seven BerAKHLAK values (:func:`rating_perilaku`), and for the year from the periods
(:func:`rating_perilaku_tahunan`).

Per period, over the values rated: Di Bawah if any is Di Bawah; Di Atas if at least ``PerilakuMinDiAtas``
are Di Atas; else Sesuai. For the year: the most frequent periodic rating, ties to the later period.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from skpkit.model import Rating, Settings
from skpkit.rules.formula import ERR, fold, nested_if, text_literal
from skpkit.rules.lazy import kolom, np
from skpkit.rules.nilai import ratings

__all__ = ["rating_perilaku", "rating_perilaku_tahunan", "rating_perilaku_array", "perilaku_saran_formula",
           "perilaku_saran_udf_formula", "perilaku_skor_formula", "perilaku_skor", "perilaku_tahunan_formula"]

_DEFAULT = Settings()


def rating_perilaku(nilai: Iterable, *, min_di_atas: int | None = None, settings: Settings = _DEFAULT) -> Rating | None:
    """Suggested rating perilaku kerja from the per-value BerAKHLAK ratings (project default).

    ``None`` if no value is rated.

    Examples
    --------
    >>> str(rating_perilaku(["Di Atas Ekspektasi"] * 4 + ["Sesuai Ekspektasi"] * 3))
    'Di Atas Ekspektasi'
    >>> str(rating_perilaku(["Di Atas Ekspektasi"] * 3 + [None] * 4))
    'Sesuai Ekspektasi'
    """
    parts = [v for v in ratings(nilai) if v is not None]
    if not parts:
        return None
    if Rating.DI_BAWAH in parts:
        return Rating.DI_BAWAH
    least = settings.perilaku_min_di_atas if min_di_atas is None else min_di_atas
    return Rating.DI_ATAS if parts.count(Rating.DI_ATAS) >= least else Rating.SESUAI


def rating_perilaku_tahunan(periodik: Sequence) -> Rating | None:
    """Suggested annual rating perilaku: the most frequent periodic rating, ties to the later period; none
    until the year's last period is rated (RULES.md section 8: no final-looking rating from part of the year).

    Examples
    --------
    >>> str(rating_perilaku_tahunan(["Sesuai Ekspektasi", "Di Atas Ekspektasi", None, "Sesuai Ekspektasi"]))
    'Sesuai Ekspektasi'
    >>> str(rating_perilaku_tahunan(["Sesuai Ekspektasi", "Di Atas Ekspektasi"]))
    'Di Atas Ekspektasi'
    >>> rating_perilaku_tahunan([None, None]) is None
    True
    >>> rating_perilaku_tahunan(["Sesuai Ekspektasi", "Di Atas Ekspektasi", None, None]) is None
    True
    """
    parts = ratings(periodik)
    if not parts or parts[-1] is None:
        return None
    score = {r: (parts.count(r), max(i for i, v in enumerate(parts, 1) if v is r))
             for r in set(parts) if r is not None}
    return max(score, key=score.__getitem__) if score else None


def rating_perilaku_array(nilai, *, min_di_atas: int | None = None, settings: Settings = _DEFAULT) -> np.ndarray:
    """Array form of :func:`rating_perilaku`: one row per pegawai-period, one column per value.

    Examples
    --------
    >>> [str(x) for x in rating_perilaku_array([["Di Atas Ekspektasi"] * 4 + [None] * 3, [None] * 7])]
    ['Di Atas Ekspektasi', 'None']
    """
    min_di_atas = settings.perilaku_min_di_atas if min_di_atas is None else min_di_atas
    table = np.asarray(nilai, dtype=object)
    if table.ndim != 2:
        raise ValueError("rating_perilaku needs a 2-D table: one row per pegawai-period")
    n, m = table.shape
    c, why = kolom.encode(table.reshape(-1), Rating)
    c, why = c.reshape(n, m), why.reshape(n, m)
    filled = (c >= 0).sum(axis=1)
    codes = np.where((c == Rating.DI_BAWAH.code).any(axis=1), Rating.DI_BAWAH.code,
                     np.where((c == Rating.DI_ATAS.code).sum(axis=1) >= min_di_atas,
                              Rating.DI_ATAS.code, Rating.SESUAI.code)).astype(np.int8)
    codes[filled == 0] = kolom.BLANK
    is_err = c == kolom.ERROR
    first = np.argmax(is_err, axis=1)
    bad = is_err.any(axis=1)
    codes[bad] = kolom.ERROR
    reasons = np.where(bad, why[np.arange(n), first], None)
    return kolom.decode(codes, Rating, reasons)


def perilaku_saran_formula(cells: Sequence[str], block: str) -> str:
    """The period's suggested rating cell (:func:`rating_perilaku`), each value read in any spelling of
    Pengaturan's EjaanRating."""
    a, s, b = (f'"{r.value}"' for r in Rating)
    folded = fold(block)
    first_bad = nested_if([(f'AND(TRIM({c})<>"",ISNA(MATCH({fold(c)},EjaanRating,0)))', c) for c in cells], '""')
    filled = f'SUMPRODUCT(--(TRIM({block})<>""))'

    def count(group: str) -> str:
        return f"SUMPRODUCT(--ISNUMBER(MATCH({folded},{group},0)))"

    known = f"SUMPRODUCT(--ISNUMBER(MATCH({folded},EjaanRating,0)))"
    return (f'=IF({filled}=0,"",IF({filled}>{known},'
            f'"{ERR}rating tidak dikenal: \'"&TRIM({first_bad})&"\'",'
            f"IF({count('EjaanDiBawah')}>0,{b},IF({count('EjaanDiAtas')}>=PerilakuMinDiAtas,{a},{s}))))")


def perilaku_saran_udf_formula(cells: Sequence[str], block: str) -> str:
    """The same cell through the add-in (``SKP_RATING_PERILAKU``)."""
    return f"=SKP_RATING_PERILAKU({block},PerilakuMinDiAtas)"


def perilaku_skor_formula(cells: Sequence[str], label: str) -> str:
    """Score of one rating for :func:`rating_perilaku_tahunan`: count x 1000 + the last period with it."""
    lit = text_literal(label)
    count = "+".join(f"({c}={lit})" for c in cells)
    last = ",".join(f"IF({c}={lit},{i},0)" for i, c in enumerate(cells, 1))
    return f"=({count})*1000+MAX({last})"


def perilaku_skor(periodik: Sequence, rating: Rating) -> int:
    """The value of :func:`perilaku_skor_formula` for the periodic ratings ``periodik``.

    Examples
    --------
    >>> perilaku_skor([Rating.SESUAI, Rating.DI_ATAS, Rating.SESUAI], Rating.SESUAI)
    2003
    """
    hits = [i for i, v in enumerate(periodik, 1) if v is rating]
    return len(hits) * 1000 + max(hits, default=0)


def perilaku_tahunan_formula(scores: str, last: str) -> str:
    """The year's suggested rating cell (:func:`rating_perilaku_tahunan`) from the three scores and the last
    period's rating cell (blank until it holds a rating)."""
    return (f'=IF(ISNA(MATCH({last},DaftarRating,0)),"",'
            f'IF(MAX({scores})=0,"",INDEX(DaftarRating,MATCH(MAX({scores}),{scores},0))))')
