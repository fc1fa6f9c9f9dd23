"""The kurva (pola distribusi) of SE MenPANRB 3/2023 (RULES.md section 5): each rule as data
(:data:`KURVA`) and the check of a unit's predikat against the organisation's predikat.

The Rekap Unit sheet's formulas (:func:`kurva_formula`, :func:`hitung_formula`) are written from the same
:data:`KURVA` table, beside the scalar check :func:`cek_kurva`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Iterable

from skpkit.model import Predikat, PredikatOrganisasi, Settings
from skpkit.rules.formula import text_literal

__all__ = ["KurvaSpec", "KURVA", "AturanKurva", "HasilKurva", "kurva_batas_maks", "kurva_batas_min",
           "hitung_predikat", "cek_kurva", "pola_teks", "hitung_formula", "kurva_formula", "pola_formula"]

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


def pola_teks(organisasi, *, settings: Settings = DEFAULT) -> str:
    """The pola distribusi of the organisation's predikat as one line (the EVALUASI form prints it);
    blank for no predikat.

    Examples
    --------
    >>> pola_teks("Baik")
    'Baik kelompok terbesar; Baik paling banyak 70%; Butuh Perbaikan + Kurang/Misconduct paling sedikit 1'
    >>> pola_teks("")
    ''
    """
    if organisasi is None or not str(organisasi).strip():
        return ""
    return "; ".join(spec.teks(settings) for spec in KURVA[PredikatOrganisasi.parse(organisasi)])


# --- formula ---------------------------------------------------------------------------------------

def hitung_formula(units: str, unit: str, predikat_col: str, label: str) -> str:
    """How many pegawai of ``unit`` have predikat ``label`` (the Rekap Unit's count cell)."""
    return f"=COUNTIFS({units},{unit},{predikat_col},{text_literal(label)})"


def _count(spec: KurvaSpec, counts: dict[Predikat, str]) -> str:
    return "+".join(counts[p] for p in spec.kelompok)


def _bound(spec: KurvaSpec, counts: dict[Predikat, str], n: str, names: dict[str, str]) -> str:
    if spec.jenis == "terbesar":
        return "MAX(" + ",".join(v for p, v in counts.items() if p not in spec.kelompok) + ")"
    if spec.persen is None:
        return str(spec.tetap)
    p = names[spec.persen]
    return f"INT({p}*{n}/100)" if spec.jenis == "maks" else f"ROUNDUP({p}*{n}/100,0)"


def _text(spec: KurvaSpec, names: dict[str, str]) -> str:
    if spec.persen is None or spec.jenis == "terbesar":
        return text_literal(spec.teks())
    head = spec.teks().rsplit(" ", 1)[0] + " "
    return f'{text_literal(head)}&{names[spec.persen]}&"%"'


def kurva_formula(part: str, slot: int, organisasi: str, counts: dict[Predikat, str], n: str,
                  names: dict[str, str], jumlah: str = "", batas: str = "",
                  yes_no: tuple[str, str] = ("Ya", "Tidak")) -> str:
    """One cell of kurva rule ``slot`` (:func:`cek_kurva`) for the unit's organisasi: ``part`` is ``teks``,
    ``jumlah``, ``batas`` or ``terpenuhi``; ``names`` the defined name of each percentage setting."""
    def pick(make: Callable[[KurvaSpec], str]) -> str:
        choices = [make(specs[slot]) if slot < len(specs) else '""' for specs in KURVA.values()]
        return (f'IF(TRIM({organisasi})="","",IFERROR(CHOOSE(MATCH(TRIM({organisasi}),'
                f'DaftarOrganisasi,0),{",".join(choices)}),""))')

    if part == "teks":
        return "=" + pick(lambda s: _text(s, names))
    if part == "jumlah":
        return "=" + pick(lambda s: _count(s, counts))
    if part == "batas":
        return "=" + pick(lambda s: _bound(s, counts, n, names))
    yes, no = (text_literal(x) for x in yes_no)
    return "=" + pick(lambda s: f'IF({jumlah}{"<=" if s.jenis == "maks" else ">="}{batas},{yes},{no})')


def pola_formula(organisasi: str, names: dict[str, str]) -> str:
    """:func:`pola_teks` as a formula over the organisation's predikat cell (its percentages follow the
    settings' defined ``names``); blank when the cell is blank or not a predikat."""
    choices = ['&"; "&'.join(_text(spec, names) for spec in specs) for specs in KURVA.values()]
    return (f'=IF(TRIM({organisasi})="","",IFERROR(CHOOSE(MATCH(TRIM({organisasi}),DaftarOrganisasi,0),'
            f'{",".join(choices)}),""))')
