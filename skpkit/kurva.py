"""The kurva (pola distribusi) of SE MenPANRB 3/2023 (RULES.md section 5): each rule as data
(:data:`KURVA`) and the check of a unit's predikat against the organisation's predikat.

The generator writes the Rekap Unit formulas from the same :data:`KURVA` table.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable

from skpkit.model import Predikat, PredikatOrganisasi, Settings

__all__ = ["KurvaSpec", "KURVA", "AturanKurva", "HasilKurva", "kurva_batas_maks", "kurva_batas_min",
           "hitung_predikat", "cek_kurva"]

DEFAULT = Settings()
P = Predikat

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
