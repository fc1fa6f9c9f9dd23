"""The predikat kinerja pegawai from the two ratings, the 3x3 matrix of PermenPANRB 6/2022 (RULES.md
section 1), in its three forms side by side: :func:`predikat`, :func:`predikat_array`,
:func:`predikat_formula` (and the add-in's :func:`predikat_udf_formula`)."""

from __future__ import annotations

from functools import cache

from skpkit.model import Predikat, Rating
from skpkit.rules.formula import carries_reason
from skpkit.rules.lazy import kolom, np
from skpkit.rules.nilai import ratings

__all__ = ["PREDIKAT_MATRIX", "predikat", "predikat_codes", "predikat_array", "predikat_formula",
           "predikat_udf_formula"]

P = Predikat
#: Predikat from (hasil kerja, perilaku kerja), rows and columns in Rating order
#: (Di Atas, Sesuai, Di Bawah); PermenPANRB 6/2022 Lampiran.
PREDIKAT_MATRIX: tuple[tuple[Predikat, Predikat, Predikat], ...] = (
    (P.SANGAT_BAIK, P.BAIK, P.KURANG),
    (P.BAIK, P.BAIK, P.KURANG),
    (P.BUTUH_PERBAIKAN, P.BUTUH_PERBAIKAN, P.SANGAT_KURANG),
)
_PAD = 3


@cache
def _padded():
    """The matrix of codes with rows and columns for the negative codes in front: any of them gives BLANK."""
    out = np.full((_PAD + 3, _PAD + 3), kolom.BLANK, dtype=np.int8)
    out[_PAD:, _PAD:] = np.array([[p.code for p in row] for row in PREDIKAT_MATRIX], dtype=np.int8)
    return out


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
    h, p = ratings([hasil, perilaku])
    if h is None or p is None:
        return None
    return PREDIKAT_MATRIX[h.code][p.code]


def predikat_codes(hasil: np.ndarray, perilaku: np.ndarray) -> np.ndarray:
    """Predikat codes from rating codes; ``BLANK`` where either is blank (no label parsing).

    Examples
    --------
    >>> predikat_codes(np.array([0, 2, -1]), np.array([1, 2, 0])).tolist()
    [1, 4, -1]
    """
    # one lookup in the matrix padded with the codes below 0 (BLANK, ERROR, MISS): no masks
    return _padded()[hasil.astype(np.intp) + _PAD, perilaku.astype(np.intp) + _PAD]


def predikat_array(hasil, perilaku) -> np.ndarray:
    """Array form of :func:`predikat`.

    Examples
    --------
    >>> [str(x) for x in predikat_array(["Di Atas Ekspektasi", None], ["Sesuai Ekspektasi", "Sesuai Ekspektasi"])]
    ['Baik', 'None']
    """
    n = kolom.length(hasil, perilaku)
    h, h_why = kolom.encode(hasil, Rating, n)
    p, p_why = kolom.encode(perilaku, Rating, n)
    codes = predikat_codes(h, p)
    reasons = kolom.first_reason((h == kolom.ERROR, h_why), (p == kolom.ERROR, p_why))
    if reasons is not None:
        codes[kolom.has_reason(reasons)] = kolom.ERROR
    return kolom.decode(codes, Predikat, reasons)


def predikat_formula(hasil: str, perilaku: str) -> str:
    """The predikat cell: a rating's reason carried, blank until both are set, else Pengaturan's matrix."""
    return (f'=IF({carries_reason(hasil)},{hasil},IF({carries_reason(perilaku)},{perilaku},'
            f'IF(OR({hasil}="",{perilaku}=""),"",INDEX(TabelPredikat,MATCH({hasil},DaftarRating,0),'
            f'MATCH({perilaku},DaftarRating,0)))))')


def predikat_udf_formula(hasil: str, perilaku: str) -> str:
    """The predikat cell through the add-in (``SKP_PREDIKAT``)."""
    return (f'=IF({carries_reason(hasil)},{hasil},IF({carries_reason(perilaku)},{perilaku},'
            f'SKP_PREDIKAT({hasil},{perilaku})))')
