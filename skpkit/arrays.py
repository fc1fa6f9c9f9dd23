"""The rules applied to whole columns, for the add-in and consolidation: the array form of each rule,
gathered from the rule modules of :mod:`skpkit.rules` (where each sits beside its scalar and formula forms).

Each function takes sequences (lists, NumPy arrays, pandas Series) or scalars that broadcast, and returns a
1-D NumPy ``object`` array of the same length. An element is what the scalar rule returns for that row: an
enum member, a float, ``None`` (not filled yet), or an :class:`skpkit.errors.Invalid` carrying the reason
the scalar rule would raise. No call fails because one row is bad. Tests hold every function equal to its
scalar twin, element by element.

Examples
--------
>>> [str(x) for x in predikat(["Di Atas Ekspektasi", None], ["Sesuai Ekspektasi", "Sesuai Ekspektasi"])]
['Baik', 'None']
"""

from __future__ import annotations

from skpkit.rules.ak import angka_kredit_array as angka_kredit
from skpkit.rules.hasil import rating_hasil_kerja_array as rating_hasil_kerja
from skpkit.rules.hasil import rating_hasil_pimpinan_array as rating_hasil_pimpinan
from skpkit.rules.indikator import capaian_array as capaian
from skpkit.rules.indikator import rating_indikator_array as rating_indikator
from skpkit.rules.agregasi import realisasi_periode_array as realisasi_periode
from skpkit.rules.agregasi import target_periode_array as target_periode
from skpkit.rules.kolom import BLANK, ERROR, decode, encode
from skpkit.rules.perilaku import rating_perilaku_array as rating_perilaku
from skpkit.rules.matriks import predikat_array as predikat
from skpkit.rules.matriks import predikat_codes
from skpkit.rules.rhk import rating_rhk_array as rating_rhk

__all__ = [
    "capaian", "rating_indikator", "target_periode", "realisasi_periode", "rating_rhk",
    "rating_hasil_kerja", "rating_hasil_pimpinan", "rating_perilaku", "predikat",
    "angka_kredit", "encode", "decode", "predikat_codes", "BLANK", "ERROR",
]
