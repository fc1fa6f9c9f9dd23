"""Plans for a roster: who goes in which workbook, with which slots and which RHK handed down.

Pure planning, no file is written here: :func:`build_plans` yields one
:class:`~skpkit.generator.plan.WorkbookPlan` at a time so that memory stays flat in the
number of workbooks.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterator, Sequence

from skpkit.cascade import Peran, cascade, stable_id, urutan
from skpkit.model import RHK, JenisJabatan, JenisPeriode, JenisRHK, Pegawai, Settings
from skpkit.generator.layout import load_layout
from skpkit.generator.plan import Identitas, IndikatorSlot, MatriksBlock, RHKSlot, SheetPlan, WorkbookPlan
from skpkit.generator.problems import Masalah, UserError
from skpkit.generator.read.workbook import WorkbookData

__all__ = ["Roster", "build_plans", "sheet_names", "file_stem", "TICKS"]

#: what a matriks cell holds to say "takes this RHK as it is"
TICKS = {"v", "x", "✓", "√", "ya", "1", "y"}


@dataclass
class Roster:
    """The roster with what is known above it: the superior's workbook (``atasan``) if any."""

    pegawai: list[Pegawai]
    atasan: WorkbookData | None = None
    #: RHK (id, text) known for pegawai of the roster from an earlier issue (``skp refresh``)
    known_rhk: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_nip = {p.nip: p for p in self.pegawai}
        self.children: dict[str, list[Pegawai]] = defaultdict(list)
        for p in self.pegawai:
            if p.nip_atasan:
                self.children[p.nip_atasan].append(p)
        self.drafts = self._cascade()

    def _cascade(self) -> dict[str, tuple[RHK, ...]]:
        """RHK handed down by the superior's matriks peran hasil in the ``atasan`` workbook."""
        drafts: dict[str, tuple[RHK, ...]] = {}
        if self.atasan is None:
            return drafts
        for block in self.atasan.plan.matriks:
            sup = self.atasan.by_nip[block.atasan_nip]
            bawahan = [p for p in self.children.get(block.atasan_nip, [])]
            peran = [Peran(nip, rid, "" if text.strip().casefold() in TICKS else text.strip())
                     for (nip, rid), text in block.entries.items() if nip in self.by_nip]
            top = [RHK(sl.id, sl.teks) for sl in sup.slots if sl.teks]
            known = {r.id for r in top}
            drafts.update(cascade(top, bawahan, [x for x in peran if x.rhk_atasan in known]))
        return drafts

    def superior(self, p: Pegawai) -> Identitas | None:
        if p.nip_atasan in self.by_nip:
            return Identitas.of(self.by_nip[p.nip_atasan])
        if self.atasan is not None and p.nip_atasan in self.atasan.by_nip:
            return Identitas.of(self.atasan.by_nip[p.nip_atasan].pegawai)
        return None

    def superior_unit(self, p: Pegawai) -> str:
        sup = self.superior(p)
        return sup.unit if sup is not None else ""

    def choices(self, p: Pegawai) -> list[tuple[str, str]]:
        """The superior's RHK (id, text) as known now."""
        if self.atasan is not None and p.nip_atasan in self.atasan.by_nip:
            return self.atasan.rhk_of(p.nip_atasan)
        drafts = [(r.id, r.teks) for r in self.drafts.get(p.nip_atasan, ())]
        ids = {i for i, _ in drafts}
        return drafts + [(i, t) for i, t in self.known_rhk.get(p.nip_atasan, []) if i not in ids and t]

    def atasan_penilai(self, p: Pegawai) -> Identitas:
        if p.nip_atasan in self.by_nip:
            return self.superior(self.by_nip[p.nip_atasan]) or Identitas()
        if self.atasan is not None and p.nip_atasan in self.atasan.by_nip:
            return self.atasan.by_nip[p.nip_atasan].penilai
        return Identitas()

    def kurva_unit(self, p: Pegawai) -> str:
        """The unit whose kurva counts ``p``: a unit leader counts in the unit above."""
        up = self.superior_unit(p)
        return up if up and up != p.unit else p.unit


_BAD_SHEET = re.compile(r"[\[\]:*?/\\']")


def _short(nama: str) -> str:
    words = [w for w in nama.split(",")[0].split() if not w.endswith(".")] or nama.split()
    return _BAD_SHEET.sub("", " ".join(words[:2]))[:22].strip()


def sheet_names(pegawai: Sequence[Pegawai], prefix: str) -> dict[str, str]:
    """A unique sheet name (at most 31 characters) per pegawai.

    Examples
    --------
    >>> from skpkit.model import JenisJabatan as J
    >>> ps = [Pegawai("1", "Dr. Budi Santoso, M.Si.", "x", J.PELAKSANA, "U"),
    ...       Pegawai("2", "Budi Santoso", "x", J.PELAKSANA, "U")]
    >>> sheet_names(ps, "SKP ")
    {'1': 'SKP Budi Santoso', '2': 'SKP Budi Santoso 2'}
    """
    out: dict[str, str] = {}
    used: set[str] = set()
    for p in pegawai:
        base = (prefix + _short(p.nama))[:28]
        name, k = base, 1
        while name.casefold() in used:
            k += 1
            name = f"{base} {k}"
        used.add(name.casefold())
        out[p.nip] = name
    return out


def file_stem(text: str) -> str:
    """A file-name-safe stem.

    Examples
    --------
    >>> file_stem("Bidang Aplikasi & Informatika")
    'bidang-aplikasi-informatika'
    """
    return re.sub(r"[^0-9a-z]+", "-", text.casefold()).strip("-") or "unit"


def _slots(p: Pegawai, drafts: Sequence[RHK], n_utama: int, n_tambahan: int, k: int,
           keep: Sequence[RHKSlot] = ()) -> list[RHKSlot]:
    """The sheet's RHK slots: handed-down RHK first, then slots carried from an earlier issue (by id),
    then empty slots with fresh stable ids."""
    slots: list[RHKSlot] = []
    taken = {r.id for r in drafts} | {s.id for s in keep}
    for jenis, count in ((JenisRHK.UTAMA, n_utama), (JenisRHK.TAMBAHAN, n_tambahan)):
        mine = [r for r in drafts if r.jenis is jenis]
        for r in mine:
            inds = [IndikatorSlot(ind.id, ind.teks, ind.aspek.value, ind.target_min, ind.target_max,
                                  ind.satuan, ind.arah.value, ind.agregasi.value, issued=True)
                    for ind in r.indikator[:k]]
            inds += [IndikatorSlot(f"{r.id}.{j + 1}") for j in range(len(inds), k)]
            slots.append(RHKSlot(r.id, jenis, inds, r.teks, r.intervensi, issued=True))
        kept = [s for s in keep if s.jenis is jenis]
        slots += [RHKSlot(s.id, jenis, [IndikatorSlot(f"{s.id}.{j + 1}") for j in range(k)]) for s in kept]
        n = 0
        while len(mine) + len(kept) + n < count:
            rid = stable_id("R", p.nip, jenis.value, len(mine) + len(kept) + n + 1)
            while rid in taken:
                rid = stable_id("R", rid)
            taken.add(rid)
            slots.append(RHKSlot(rid, jenis, [IndikatorSlot(f"{rid}.{j + 1}") for j in range(k)]))
            n += 1
    return slots


def slot_counts(roster: Roster, keep: dict[str, list[RHKSlot]] | None = None) -> tuple[int, int, int]:
    """Slots per sheet: the layout's defaults, more where a cascade, carried slots or a choice list need them."""
    lay = load_layout()["slots"]
    n_utama, n_tambahan = lay["utama"], lay["tambahan"]
    for p in roster.pegawai:
        d = list(roster.drafts.get(p.nip, ())) + list((keep or {}).get(p.nip, ()))
        n_utama = max(n_utama, sum(r.jenis is JenisRHK.UTAMA for r in d))
        n_tambahan = max(n_tambahan, sum(r.jenis is JenisRHK.TAMBAHAN for r in d))
    for p in roster.pegawai:
        n_utama = max(n_utama, len(roster.choices(p)) - n_tambahan)
    return n_utama, n_tambahan, lay["indikator"]


def build_plans(roster: Roster, *, split: str = "unit", jenis_periode: JenisPeriode = JenisPeriode.TRIWULANAN,
                tahun: int, instansi: str, settings: Settings | None = None, password: str | None = None,
                engine: str = "native", keep: dict[str, list[RHKSlot]] | None = None
                ) -> Iterator[tuple[str, WorkbookPlan]]:
    """Yield (file stem, plan) per workbook: one per unit (default) or per pegawai.

    ``keep`` (by NIP) are slots of an earlier issue that carry entries and keep their ids.
    """
    settings = settings or Settings(jenis_periode=jenis_periode)
    n_utama, n_tambahan, k = slot_counts(roster, keep)
    ordered = urutan(roster.pegawai)
    groups: dict[str, list[Pegawai]] = defaultdict(list)
    for p in ordered:
        groups[p.unit if split == "unit" else p.nip].append(p)
    prefix = load_layout()["labels"]["sheets"]["pegawai_prefix"]
    known_org = roster.atasan.plan.organisasi if roster.atasan else {}
    stems: dict[str, str] = {}
    for key, members in groups.items():
        names = sheet_names(members, prefix)
        in_book = {p.nip for p in members}
        sheets = []
        for p in members:
            live = names[p.nip_atasan] if p.nip_atasan in in_book else None
            sheets.append(SheetPlan(
                name=names[p.nip], pegawai=p, penilai=roster.superior(p) or Identitas(),
                atasan_penilai=roster.atasan_penilai(p),
                slots=_slots(p, roster.drafts.get(p.nip, ()), n_utama, n_tambahan, k, (keep or {}).get(p.nip, ())),
                choices=[] if live else roster.choices(p), choices_sheet=live,
                kurva_unit=roster.kurva_unit(p), pimpinan=p.jenis_jabatan is JenisJabatan.JPT))
        units = list(dict.fromkeys([p.unit for p in members] + [s.kurva_unit for s in sheets]))
        matriks = [MatriksBlock(names[p.nip], p.nip, roster.children[p.nip])
                   for p in members if roster.children.get(p.nip)]
        organisasi = {(u, c): v for (u, c), v in known_org.items() if u in units}
        stem = file_stem(key) if split == "unit" else f"{key}-{file_stem(members[0].nama)}"
        if stem in stems:  # two units whose names differ only in case or punctuation: one file each
            raise UserError(Masalah("", what=f"unit {key!r} dan {stems[stem]!r} menjadi nama berkas yang sama "
                                    f"({stem}): satu menimpa yang lain", todo="samakan penulisan nama unit di roster"))
        stems[stem] = key
        yield stem, WorkbookPlan(instansi, tahun, jenis_periode, settings, n_utama, n_tambahan, k, sheets,
                                 matriks, units, organisasi, password, engine)
