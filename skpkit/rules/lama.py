"""The old model, PP 46/2011 with Perka BKN 1/2013 (RULES.md section 7), for instansi that still
report it: capaian per kegiatan, nilai SKP, nilai prestasi kerja and its sebutan."""

from __future__ import annotations

from typing import Iterable

from skpkit.errors import InputError
from skpkit.rules.nilai import Alasan, angka, invalid

__all__ = ["capaian_kegiatan_lama", "nilai_skp_lama", "sebutan_lama", "nilai_prestasi_kerja"]


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
            t, r = (angka(x) for x in pair)
            if not t:
                raise invalid(Alasan.TARGET_NOL)
            scores.append((r or 0.0) / t * 100)
    if waktu is not None:
        t, r = (angka(x) for x in waktu)
        if not t:
            raise invalid(Alasan.TARGET_NOL)
        scores.append(0.0 if r is None else _efisiensi(t, r))
    if biaya is not None:
        t, r = (angka(x) for x in biaya)
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
