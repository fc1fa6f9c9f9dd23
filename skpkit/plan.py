"""The one model of a workbook skpkit issues and reads back, built before anything is written.

As XlsxWriter records what the caller wants and assembles the file once, skpkit describes a workbook
first: who gets a sheet, which RHK slots carry which stable ids, what was issued from above
(:class:`SheetPlan`, :class:`WorkbookPlan`), and what was already entered (the sheet's
:class:`~skpkit.isian.IsianSKP`, keyed by stable id, so values follow an RHK or indikator wherever a
re-issue puts it). The writer turns it into a file in one pass; the reader returns the same objects;
refresh, tetapkan, check, consolidation and print pass them along.

What a cell shows is derived here, once: :meth:`SheetPlan.indikator_value` and :meth:`SheetPlan.rhk_value`
(an entry, unless the cell was issued), :meth:`SheetPlan.evaluasi_input` (the input of
:func:`skpkit.evaluasi.evaluasi`) and :meth:`WorkbookPlan.evaluate`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from skpkit.errors import Invalid
from skpkit.evaluasi import HasilPegawai, IsianIndikator, IsianPegawai, IsianRHK, evaluasi
from skpkit.isian import INDIKATOR_FIELDS, PERIOD_FIELDS, TAHUNAN, IsianSKP
from skpkit.nip import PNS, status_of
from skpkit.model import BERAKHLAK, JenisJabatan, JenisPeriode, JenisRHK, Pegawai, Settings
from skpkit.rules.ak import PosisiAK

__all__ = ["Identitas", "IndikatorSlot", "RHKSlot", "SheetPlan", "MatriksBlock", "WorkbookPlan",
           "INDIKATOR_FIELDS", "PERIOD_FIELDS", "TAHUNAN", "CHOICE_SEP", "choice_label", "split_choice",
           "cell_value", "posisi_cells"]

#: between the id and the text of a superior's RHK in an intervensi choice
CHOICE_SEP = " · "


def choice_label(rhk_id: str, teks: str) -> str:
    """What an intervensi dropdown shows and stores: the stable id, then the text.

    Examples
    --------
    >>> choice_label("R-1a2b", "Meningkatnya layanan")
    'R-1a2b · Meningkatnya layanan'
    """
    return f"{rhk_id}{CHOICE_SEP}{teks}" if teks else rhk_id


def split_choice(text: str) -> tuple[str, str]:
    """(id, text) of a stored choice label; the id alone when there is no text.

    Examples
    --------
    >>> split_choice("R-1a2b · Meningkatnya layanan"), split_choice("R-1a2b")
    (('R-1a2b', 'Meningkatnya layanan'), ('R-1a2b', ''))
    """
    head, _, tail = text.partition(CHOICE_SEP)
    return head.strip(), tail


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

    @property
    def pppk(self) -> bool:
        """Whether the number is an NI PPPK (a validated number's digits 13-14 agree with the roster's status)."""
        return bool(self.nip) and status_of(self.nip) != PNS


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
    """One pegawai's sheet: identities, RHK slots with their stable ids, choices, and what was entered."""

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

    def indikator_value(self, ind: IndikatorSlot, name: str) -> Any:
        """What an indikator cell holds: the entered value, else what the plan pre-filled (an issued cell
        holds what was issued, whatever was typed over it)."""
        value = self.isian.get(ind.id, name)
        if value is not None and not ind.issued:
            return value
        return getattr(ind, "teks" if name == "indikator" else name)

    def rhk_value(self, slot: RHKSlot, name: str) -> Any:
        """What an RHK cell (``rhk`` or ``intervensi``) holds: the entered value unless handed down (locked)."""
        value = getattr(self.isian, name).get(slot.id)
        if value is not None and not slot.issued:
            return value
        return slot.teks if name == "rhk" else slot.intervensi

    def indikator_input(self, ind: IndikatorSlot, n: int) -> IsianIndikator:
        """What the rules see of one indikator slot over ``n`` periods (its :meth:`~IsianIndikator.used` says
        whether it counts)."""
        return IsianIndikator(
            teks=self.indikator_value(ind, "indikator"), target_min=self.indikator_value(ind, "target_min"),
            target_max=self.indikator_value(ind, "target_max"), arah=self.indikator_value(ind, "arah"),
            agregasi=self.indikator_value(ind, "agregasi"),
            realisasi=tuple(self.isian.get(ind.id, "realisasi", p) for p in range(1, n + 1)))

    def evaluasi_input(self, n: int, organisasi: dict[tuple[str, int], str], jenis_periode: JenisPeriode,
                       tahun: int = 0) -> IsianPegawai:
        """The input of :func:`skpkit.evaluasi.evaluasi` for this sheet (``tahun``: the workbook's year, for
        the angka kredit months)."""
        isian = self.isian
        rhk = tuple(IsianRHK(slot.jenis, tuple(self.indikator_input(ind, n) for ind in slot.indikator))
                    for slot in self.slots)
        perilaku = tuple(tuple(isian.perilaku[i].rating.get(p) if i in isian.perilaku else None
                               for p in range(1, n + 1)) for i in range(len(BERAKHLAK)))
        cols = [*range(1, n + 1), TAHUNAN]
        p = self.pegawai
        return IsianPegawai(
            n=n, rhk=rhk, perilaku=perilaku,
            override_hasil=tuple(isian.hasil_penilai.get(c) for c in cols),
            override_perilaku=tuple(isian.perilaku_penilai.get(c) for c in cols),
            predikat_organisasi=tuple(organisasi.get((p.unit, c)) for c in range(1, n + 2)),
            pimpinan=p.jenis_jabatan is JenisJabatan.JPT,
            jenjang=p.jenjang.value if p.is_fungsional and p.jenjang else None,
            bulan_per_periode=jenis_periode.bulan,
            tmt_jabatan=p.tmt_jabatan, tmt_masuk=p.tmt_masuk, tmt_keluar=p.tmt_keluar, tahun=tahun,
            jenjang_sebelumnya=p.jenjang_sebelumnya if p.is_fungsional else None,
            ak_awal_pangkat=p.ak_awal_pangkat,
            ak_awal_jenjang=p.ak_awal_jenjang, pppk=p.is_pppk, pangkat=p.pangkat,
        )


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

    @property
    def by_nip(self) -> dict[str, SheetPlan]:
        """The sheets by the NIP of their pegawai."""
        return {sp.pegawai.nip: sp for sp in self.sheets}

    def sheet_named(self, name: str) -> SheetPlan:
        return next(x for x in self.sheets if x.name == name)

    def rhk_of(self, nip: str) -> list[tuple[str, str]]:
        """(id, text) of the RHK the pegawai ``nip`` wrote (slots with text), as a superior's choices."""
        return [(sl.id, str(teks)) for sl in self.by_nip[nip].slots if (teks := self.by_nip[nip].rhk_value(sl, "rhk"))]

    def sheet_choice(self, sheet_name: str, slot: int) -> tuple[str, str]:
        """(id, text) of RHK slot ``slot`` on the sheet ``sheet_name``."""
        sup = self.sheet_named(sheet_name)
        sl = sup.slots[slot]
        return sl.id, str(sup.rhk_value(sl, "rhk") or "")

    def choices_of(self, sp: SheetPlan) -> list[tuple[str, str]]:
        """The superior's RHK (id, text) offered to ``sp``: live from a sheet of this workbook, or as issued."""
        if sp.choices_sheet:
            sup = self.sheet_named(sp.choices_sheet)
            return [(sl.id, str(sup.rhk_value(sl, "rhk") or "")) for sl in sup.slots]
        return list(sp.choices)

    def intervensi_label(self, sp: SheetPlan, rhk_id: str) -> str:
        """What the intervensi cell shows for ``rhk_id``: ``id · text`` when the superior's RHK is known."""
        if not rhk_id:
            return ""
        for cid, text in self.choices_of(sp):
            if cid == rhk_id:
                return choice_label(cid, text)
        return rhk_id

    def evaluate(self, sp: SheetPlan) -> HasilPegawai:
        """Every period and the year of ``sp``, by :func:`skpkit.evaluasi.evaluasi` with this workbook's
        periods, predikat organisasi, settings and year."""
        n = self.jenis_periode.jumlah
        return evaluasi(sp.evaluasi_input(n, self.organisasi, self.jenis_periode, self.tahun), self.settings)


def posisi_cells(posisi: Any, top: str) -> dict[str, Any]:
    """The angka kredit position rows' values (key -> value): ``top`` where there is no next jenjang;
    the carried reason, or blank, in every row when there is no position."""
    fields = {"ak_kumulatif_pangkat": "kumulatif_pangkat", "kurang_pangkat": "kurang_pangkat",
              "ak_kumulatif_jenjang": "kumulatif_jenjang", "kurang_jenjang": "kurang_jenjang"}
    if not isinstance(posisi, PosisiAK):
        return {k: posisi for k in fields}
    return {k: top if getattr(posisi, f) is None else getattr(posisi, f) for k, f in fields.items()}


def cell_value(x: Any) -> Any:
    """A computed value as its cell shows it: numbers, labels, '' or '#SKP! reason'.

    Examples
    --------
    >>> cell_value(None), cell_value(3), cell_value(Invalid("target 0"))
    ('', 3.0, '#SKP! target 0')
    """
    if x is None or (isinstance(x, float) and x != x):
        return ""
    if isinstance(x, Invalid):
        return str(x)
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return float(x)
    return str(x)
