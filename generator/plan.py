"""The description of a workbook, built from the model before anything is written.

As XlsxWriter records what the caller wants and assembles the file once, skpkit
builds a :class:`WorkbookPlan` first (who gets a sheet, which RHK slots carry which
stable ids, what was issued from above, what was already entered) and the writer
turns it into a file in one pass. The reader returns the same structures.

What was entered on a sheet is the core's :class:`~skpkit.isian.IsianSKP`, keyed by stable ids,
so values follow an RHK or indikator wherever a re-issue puts it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


from skpkit.isian import INDIKATOR_FIELDS, PERIOD_FIELDS, TAHUNAN, IsianSKP
from skpkit.model import JenisPeriode, JenisRHK, Pegawai, Settings

__all__ = ["Identitas", "IndikatorSlot", "RHKSlot", "SheetPlan", "MatriksBlock", "WorkbookPlan",
           "INDIKATOR_FIELDS", "PERIOD_FIELDS", "TAHUNAN"]


@dataclass(frozen=True)
class Identitas:
    nama: str = ""
    nip: str = ""
    pangkat: str = ""
    jabatan: str = ""
    unit: str = ""
    jenjang: str = ""

    @classmethod
    def of(cls, p: Pegawai | None) -> "Identitas":
        if p is None:
            return cls()
        return cls(p.nama, p.nip, p.pangkat, p.jabatan, p.unit, p.jenjang.value if p.jenjang else "")


@dataclass
class IndikatorSlot:
    id: str
    teks: str = ""
    aspek: str = "Kuantitas"
    target_min: float | None = None
    target_max: float | None = None
    satuan: str = ""
    arah: str = "naik"
    agregasi: str = "jumlah"
    #: text and targets were set from above: locked, and part of the issue fingerprint
    issued: bool = False


@dataclass
class RHKSlot:
    id: str
    jenis: JenisRHK
    indikator: list[IndikatorSlot]
    teks: str = ""
    #: id of the superior's RHK this one intervenes
    intervensi: str = ""
    #: handed down by the superior's matriks peran hasil: intervensi locked
    issued: bool = False
    #: issued by penetapan (``skp tetapkan``): the pegawai's own agreed RHK, not the superior's
    ditetapkan: bool = False


@dataclass
class SheetPlan:
    name: str
    pegawai: Pegawai
    penilai: Identitas
    atasan_penilai: Identitas
    slots: list[RHKSlot]
    #: superior's RHK (id, text) when the superior is not in this workbook
    choices: list[tuple[str, str]] = field(default_factory=list)
    #: the superior's sheet name when it is in this workbook (choices follow it live)
    choices_sheet: str | None = None
    kurva_unit: str = ""
    pimpinan: bool = False
    #: what was entered on the sheet
    isian: IsianSKP = field(default_factory=IsianSKP)


@dataclass
class MatriksBlock:
    """The matriks peran hasil of one superior in this workbook over its direct subordinates."""

    atasan_sheet: str
    atasan_nip: str
    bawahan: list[Pegawai]
    #: (nip, superior rhk id) -> "v" or the subordinate's own RHK text
    entries: dict[tuple[str, str], str] = field(default_factory=dict)


@dataclass
class WorkbookPlan:
    instansi: str
    tahun: int
    jenis_periode: JenisPeriode
    settings: Settings
    n_utama: int
    n_tambahan: int
    k: int
    sheets: list[SheetPlan]
    matriks: list[MatriksBlock]
    #: units whose predikat organisasi the workbook asks for (own units, then units above)
    units: list[str]
    #: (unit, column 1..n+1) -> predikat organisasi label; column n+1 is the year
    organisasi: dict[tuple[str, int], str] = field(default_factory=dict)
    password: str | None = None
    engine: str = "native"
    #: issue fingerprints and other facts the generator records in ``_skp``
    meta: dict[str, str] = field(default_factory=dict)
