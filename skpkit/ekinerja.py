"""A row of the national e-Kinerja rekap, as skpkit reads it (:mod:`skpkit.generator.read.ekinerja`) and
merges it into a rekap (:mod:`skpkit.generator.rekap.ekinerja`)."""

from __future__ import annotations

from dataclasses import dataclass

from skpkit.model import Predikat, Rating

__all__ = ["EKinerjaRow"]


@dataclass(frozen=True)
class EKinerjaRow:
    """One pegawai-period of the e-Kinerja rekap (``periode`` 0: the year)."""

    nip: str
    nama: str
    unit: str
    periode: int
    hasil: Rating | None
    perilaku: Rating | None
    predikat: Predikat | None
    jabatan: str = ""
    jenjang: str = ""
    organisasi: str = ""
