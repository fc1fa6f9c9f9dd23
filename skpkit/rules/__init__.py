"""The SKP rules of PermenPANRB 6/2022 (RULES.md sections 1-8), one module per rule, each holding the rule's
three forms side by side: the scalar function (the one source of truth), its array form over columns, and
the formula text of the workbook's cell.

=====================  ==========================================================================
module                 rule
=====================  ==========================================================================
:mod:`.indikator`      the indikator checks, capaian, suggested rating
:mod:`.agregasi`       the realisasi up to a period and the target it is measured against
:mod:`.rhk`            the rating of one RHK
:mod:`.hasil`          rating hasil kerja (suggestion, JPT from the organisation, the penilai's override)
:mod:`.perilaku`       rating perilaku kerja per period and for the year
:mod:`.matriks`        the predikat from the two ratings (the 3x3 matrix)
:mod:`.ak`             angka kredit: per period, the position after the year
:mod:`.bulan`          the months that earn it: from the TMT, joining and leaving the unit, an earlier jenjang
:mod:`.masa`           the pegawai's own SKP period: which periods are rated ("tidak dinilai")
:mod:`.kurva`          the pola distribusi of a unit
:mod:`.lama`           the old model (PP 46/2011), for reference
:mod:`.nilai`          what an entered cell holds (a number, blank, a rating) and the reasons it is invalid
:mod:`.engine`         the formula engines that write a workbook's cells from the formula forms
=====================  ==========================================================================

Every scalar function takes plain values (labels as text or enums, numbers, ``None`` for an empty cell)
and returns a value, ``None`` where the input is not filled yet, or raises
:class:`skpkit.errors.InputError`; they are all importable from here (``skpkit.rules.predikat(...)``), the
array forms from :mod:`skpkit.arrays`.

Examples
--------
>>> from skpkit import rules
>>> str(rules.predikat("Di Atas Ekspektasi", "Sesuai Ekspektasi"))
'Baik'
"""

from __future__ import annotations

from skpkit.model import Settings
from skpkit.rules.ak import angka_kredit
from skpkit.rules.hasil import final, rating_hasil_kerja, rating_hasil_pimpinan
from skpkit.rules.agregasi import realisasi_periode, target_periode
from skpkit.rules.indikator import capaian, cek_target, rating_indikator
from skpkit.rules.kurva import (
    KURVA, AturanKurva, HasilKurva, KurvaSpec, cek_kurva, hitung_predikat, kurva_batas_maks, kurva_batas_min,
)
from skpkit.rules.nilai import BULAN_SALAH, EPS, Alasan, angka, bulat, invalid, is_blank
from skpkit.rules.perilaku import rating_perilaku, rating_perilaku_tahunan
from skpkit.rules.matriks import PREDIKAT_MATRIX, predikat
from skpkit.rules.rhk import rating_rhk

__all__ = [
    "PREDIKAT_MATRIX", "EPS", "BULAN_SALAH", "Alasan", "angka", "invalid", "is_blank", "capaian", "rating_indikator",
    "target_periode", "cek_target", "rating_rhk", "rating_hasil_kerja", "rating_hasil_pimpinan", "final",
    "rating_perilaku", "rating_perilaku_tahunan", "predikat", "realisasi_periode", "angka_kredit", "bulat",
    "AturanKurva", "HasilKurva", "cek_kurva", "kurva_batas_maks", "kurva_batas_min", "hitung_predikat", "KURVA",
    "KurvaSpec", "DEFAULT",
]

#: the project's defaults for everything RULES.md leaves to the instansi
DEFAULT = Settings()
