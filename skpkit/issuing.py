"""Issuing workbooks: from a roster and the superior's workbook to plans, and from old plans to new ones.

Who goes in which workbook, with which slots and which RHK handed down (:class:`Roster`,
:func:`build_plans`, one :class:`~skpkit.plan.WorkbookPlan` at a time so memory stays flat in the number
of workbooks); on a re-issue, which slots carry entries and every value carried by stable id
(:func:`carried_slots`, :func:`carry`); on penetapan, the agreed plan made issued content
(:func:`tetapkan_sheet`). Pure: no file is read or written here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Iterator, Sequence

from skpkit.cascade import Peran, cascade, stable_id, urutan
from skpkit.errors import InputError
from skpkit.model import RHK, JenisJabatan, JenisPeriode, JenisRHK, Pegawai, Settings
from skpkit.plan import INDIKATOR_FIELDS, Identitas, IndikatorSlot, MatriksBlock, RHKSlot, SheetPlan, WorkbookPlan
from skpkit.rules.nilai import is_blank
from skpkit.i18n import _

__all__ = ["Roster", "build_plans", "sheet_names", "file_stem", "TICKS", "SlotCounts", "slot_counts",
           "DEFAULTS", "has_entries", "has_content", "carried_slots", "carry", "tetapkan_sheet"]

#: what a matriks cell holds to say "takes this RHK as it is"
TICKS = {"v", "x", "✓", "√", "ya", "1", "y"}


@dataclass
class Roster:
    """The roster with what is known above it: the superior's workbook (``atasan``) if any."""

    pegawai: list[Pegawai]
    #: the superior's workbook as read back (its sheets, RHK, matriks peran hasil, predikat organisasi)
    atasan: WorkbookPlan | None = None
    #: RHK (id, text) known for pegawai of the roster from an earlier issue (``skp refresh``)
    known_rhk: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    #: where the superior's workbook came from, for messages
    atasan_source: str = ""
    #: pegawai of a whole organisation's roster that are not below the superior's workbook (not issued)
    left_out: list[Pegawai] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_nip = {p.nip: p for p in self.pegawai}
        #: the sheets of the superior's workbook, by NIP
        self.above: dict[str, SheetPlan] = self.atasan.by_nip if self.atasan is not None else {}
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
        for block in self.atasan.matriks:
            sup = self.above[block.atasan_nip]
            bawahan = [p for p in self.children.get(block.atasan_nip, [])]
            peran = [Peran(nip, rid, "" if text.strip().casefold() in TICKS else text.strip())
                     for (nip, rid), text in block.entries.items() if nip in self.by_nip]
            top = [RHK(rid, teks) for rid, teks in self.atasan.rhk_of(sup.pegawai.nip)]
            known = {r.id for r in top}
            drafts.update(cascade(top, bawahan, [x for x in peran if x.rhk_atasan in known]))
        return drafts

    def superior(self, p: Pegawai) -> Identitas | None:
        if p.nip_atasan in self.by_nip:
            return Identitas.of(self.by_nip[p.nip_atasan])
        if p.nip_atasan in self.above:
            return Identitas.of(self.above[p.nip_atasan].pegawai)
        return None

    def superior_unit(self, p: Pegawai) -> str:
        sup = self.superior(p)
        return sup.unit if sup is not None else ""

    def choices(self, p: Pegawai) -> list[tuple[str, str]]:
        """The superior's RHK (id, text) as known now."""
        if self.atasan is not None and p.nip_atasan in self.above:
            return self.atasan.rhk_of(p.nip_atasan)
        drafts = [(r.id, r.teks) for r in self.drafts.get(p.nip_atasan, ())]
        ids = {i for i, _ in drafts}
        return drafts + [(i, t) for i, t in self.known_rhk.get(p.nip_atasan, []) if i not in ids and t]

    def atasan_penilai(self, p: Pegawai) -> Identitas:
        if p.nip_atasan in self.by_nip:
            return self.superior(self.by_nip[p.nip_atasan]) or Identitas()
        if p.nip_atasan in self.above:
            return self.above[p.nip_atasan].penilai
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


@dataclass(frozen=True)
class SlotCounts:
    """RHK slots per sheet (utama, tambahan) and indikator rows per RHK: the layout's defaults."""

    utama: int
    tambahan: int
    indikator: int


def slot_counts(roster: Roster, least: SlotCounts, keep: dict[str, list[RHKSlot]] | None = None) -> SlotCounts:
    """Slots per sheet: ``least`` (the layout's defaults), more where a cascade, carried slots or a choice
    list need them."""
    n_utama, n_tambahan = least.utama, least.tambahan
    for p in roster.pegawai:
        d = list(roster.drafts.get(p.nip, ())) + list((keep or {}).get(p.nip, ()))
        n_utama = max(n_utama, sum(r.jenis is JenisRHK.UTAMA for r in d))
        n_tambahan = max(n_tambahan, sum(r.jenis is JenisRHK.TAMBAHAN for r in d))
    for p in roster.pegawai:
        n_utama = max(n_utama, len(roster.choices(p)) - n_tambahan)
    return SlotCounts(n_utama, n_tambahan, least.indikator)


def build_plans(roster: Roster, *, least: SlotCounts, prefix: str, split: str = "unit",
                jenis_periode: JenisPeriode = JenisPeriode.TRIWULANAN, tahun: int, instansi: str,
                settings: Settings | None = None, password: str | None = None, engine: str = "native",
                keep: dict[str, list[RHKSlot]] | None = None) -> Iterator[tuple[str, WorkbookPlan]]:
    """Yield (file stem, plan) per workbook: one per unit (default) or per pegawai.

    ``least`` are the layout's slot counts, ``prefix`` the sheet name prefix; ``keep`` (by NIP) are slots
    of an earlier issue that carry entries and keep their ids. Without ``settings``, the superior's
    workbook's (its Pengaturan: paper, tempat, kurva, ...) with this issue's periods, else the defaults.
    """
    if settings is None:
        base = roster.atasan.settings if roster.atasan is not None else Settings()
        settings = replace(base, jenis_periode=jenis_periode)
    counts = slot_counts(roster, least, keep)
    n_utama, n_tambahan, k = counts.utama, counts.tambahan, counts.indikator
    ordered = urutan(roster.pegawai)
    groups: dict[str, list[Pegawai]] = defaultdict(list)
    for p in ordered:
        groups[p.unit if split == "unit" else p.nip].append(p)
    known_org = roster.atasan.organisasi if roster.atasan else {}
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
            raise InputError(_("unit {key!r} dan {stems!r} menjadi nama berkas yang sama ({stem}): satu menimpa "
                               "yang lain").format(key=key, stems=stems[stem], stem=stem), _("samakan penulisan nama unit di roster"))
        stems[stem] = key
        yield stem, WorkbookPlan(instansi, tahun, jenis_periode, settings, n_utama, n_tambahan, k, sheets,
                                 matriks, units, organisasi, password, engine)


#: the values every empty indikator row shows (the dropdowns' pre-selected values): not content
DEFAULTS = {f: getattr(IndikatorSlot(""), f) for f in ("aspek", "arah", "agregasi")}


def has_entries(sheet: SheetPlan, slot: RHKSlot) -> bool:
    """Whether anything was entered in an RHK slot or its indikator rows."""
    return sheet.isian.entered_for({slot.id} | {i.id for i in slot.indikator}, DEFAULTS)


def has_content(sheet: SheetPlan) -> bool:
    """Whether anyone entered something on ``sheet`` beyond what it was issued with: a realisasi, bukti or
    umpan balik, a BerAKHLAK rating, a penilai's rating, a lampiran or dokumen text, or a plan of their own
    (an RHK, indikator or target that is not issued and not the pre-selected default)."""
    e = sheet.isian
    if e.hasil_penilai or e.perilaku_penilai or e.lampiran or e.dokumen:
        return True
    if any(row.rating or row.umpan_balik or row.ekspektasi is not None for row in e.perilaku.values()):
        return True
    issued_ind = {ind.id for slot in sheet.slots for ind in slot.indikator if ind.issued}
    issued_rhk = {slot.id for slot in sheet.slots if slot.issued}
    for key, value in e.items():
        name, ident = key[0], key[1]
        if name in ("realisasi", "bukti", "umpan_balik"):
            return True
        if name in ("rhk", "intervensi"):
            if ident not in issued_rhk:
                return True
        elif ident not in issued_ind and DEFAULTS.get(name, object()) != value:
            return True
    return False


def carried_slots(roster: Roster, old_sheet: dict[str, SheetPlan]) -> tuple[dict[str, list[RHKSlot]],
                                                                            dict[str, list[str]]]:
    """For a re-issue: per NIP, the old slots that keep their place (an RHK the superior no longer hands
    down, or one with entries), and per pegawai (``nama (NIP)``) what changed, in the user's words."""
    keep: dict[str, list[RHKSlot]] = {}
    changes: dict[str, list[str]] = {}
    for p in roster.pegawai:
        old = old_sheet.get(p.nip)
        notes = changes.setdefault(f"{p.nama} ({p.nip})", [])
        drafts = {r.id: r for r in roster.drafts.get(p.nip, ())}
        if old is None:
            notes.append(_("pegawai baru: sheet baru"))
            continue
        if old.pegawai.unit != p.unit:
            notes.append(_("pindah unit: {old} -> {new}").format(old=old.pegawai.unit, new=p.unit))
        old_ids = {s.id for s in old.slots}
        for rid, r in drafts.items():
            if rid not in old_ids:
                notes.append(_("RHK baru dari atasan: {teks}").format(teks=r.teks))
        kept = []
        for slot in old.slots:
            if slot.id in drafts:
                if slot.issued and slot.teks != drafts[slot.id].teks:
                    notes.append(_("RHK dari atasan berubah: {old!r} -> {new!r}").format(old=slot.teks, new=drafts[slot.id].teks))
                continue
            if slot.ditetapkan:
                notes.append(_("RHK yang ditetapkan dibuka untuk revisi: {teks!r} (tetapkan lagi sesudahnya)").format(
                    teks=slot.teks))
            elif slot.issued:
                notes.append(_("RHK atasan tidak ada lagi: {teks!r} tetap di tempatnya, dicatat di sheet Arsip").format(
                    teks=slot.teks))
            if slot.issued or has_entries(old, slot):
                kept.append(RHKSlot(slot.id, slot.jenis, [], slot.teks, slot.intervensi))
        keep[p.nip] = kept
    in_roster = {p.nip for p in roster.pegawai}
    for nip, sp in old_sheet.items():
        if nip not in in_roster:
            changes[f"{sp.pegawai.nama} ({nip})"] = [
                _("tidak ada lagi di roster: tidak diterbitkan ulang; nilainya tetap di berkas cadangan")]
    return keep, changes


def carry(plan: WorkbookPlan, old_sheet: dict[str, SheetPlan], organisasi: dict[tuple[str, int], str],
          matriks: dict[tuple[str, str, str], str]) -> None:
    """Put every old value into the new ``plan``, by stable id: each sheet's entries (less the RHK text and
    intervensi of what is now handed down), the predikat organisasi of its units, the matriks entries
    (superior NIP, subordinate NIP, RHK id) of its superiors."""
    for sheet in plan.sheets:
        old = old_sheet.get(sheet.pegawai.nip)
        if old is None:
            continue
        issued = {s.id for s in sheet.slots if s.issued}
        sheet.isian = old.isian.without_rhk(issued)
    plan.organisasi.update({k: v for k, v in organisasi.items() if k[0] in plan.units})
    by_nip = plan.by_nip
    for block in plan.matriks:
        ids = {s.id for s in by_nip[block.atasan_nip].slots}
        block.entries = {(nip, rid): text for (sup, nip, rid), text in matriks.items()
                         if sup == block.atasan_nip and rid in ids}


def tetapkan_sheet(sheet: SheetPlan) -> tuple[int, int]:
    """Penetapan of one sheet: every RHK with text and every indikator with text or a target becomes issued
    content (locked; in the manifest); returns (RHK, indikator) fixed."""
    n_rhk = n_ind = 0
    for slot in sheet.slots:
        rows = [(ind, {f: sheet.indikator_value(ind, f) for f in INDIKATOR_FIELDS}) for ind in slot.indikator]
        planned = [(ind, v) for ind, v in rows if not (is_blank(v["indikator"]) and is_blank(v["target_min"])
                                                        and is_blank(v["target_max"]))]
        teks = sheet.rhk_value(slot, "rhk")
        if is_blank(teks) and not planned:
            continue
        if not slot.issued:
            slot.teks, slot.intervensi = str(teks or ""), str(sheet.rhk_value(slot, "intervensi") or "")
            slot.issued = slot.ditetapkan = True
            n_rhk += 1
        for ind, v in planned:
            if ind.issued:
                continue
            ind.teks = str(v["indikator"] or "")
            ind.aspek, ind.satuan = str(v["aspek"] or ind.aspek), str(v["satuan"] or "")
            ind.arah, ind.agregasi = str(v["arah"] or ind.arah), str(v["agregasi"] or ind.agregasi)
            ind.target_min, ind.target_max = v["target_min"], v["target_max"]
            ind.issued = True
            n_ind += 1
    return n_rhk, n_ind
