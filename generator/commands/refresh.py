"""``skp refresh``: re-issue workbooks from a changed superior's sheet without losing a value.

Everything entered is carried by stable id: an RHK the superior still hands down keeps its id
(and now the superior's text); one the superior dropped stays in place with its values, no longer
locked, and is listed in the ``Arsip`` sheet; a pegawai's own RHK keep their slots.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Sequence

from skpkit.issuing import Roster, carried_slots, carry
from skpkit.model import Pegawai
from skpkit.rules.ak import tanggal_sel
from skpkit.generator.commands.generate import roster_below

from skpkit.generator.layout import plans_for
from skpkit.generator.files import Batch
from skpkit.generator.write.manifest import MANIFEST, manifest_entry, write_manifest
from skpkit.plan import SheetPlan, WorkbookPlan
from skpkit.generator.errors import Masalah, UserError
from skpkit.generator.read.workbook import WorkbookData
from skpkit.generator.read.registry import get_reader
from skpkit.generator.rekap.checks import validate
from skpkit.generator.write.workbook import write_workbook
from skpkit.i18n import _

__all__ = ["RefreshResult", "refresh", "reissue"]


@dataclass
class RefreshResult:
    written: list[Path] = field(default_factory=list)
    backups: list[Path] = field(default_factory=list)
    #: per pegawai (nama, NIP): what changed
    changes: dict[str, list[str]] = field(default_factory=dict)
    #: what is wrong with the files read (the problems ``skp check`` names), carried as they are
    problems: list[Masalah] = field(default_factory=list)
    #: pegawai of the roster that were not re-issued (not below the superior, or in units these files do not hold)
    left_out: list[Pegawai] = field(default_factory=list)


def refresh(files: Sequence[Path], atasan: Path, *, roster_path: Path | None = None, out: Path | None = None,
            backup: bool = True, key: bytes | None = None, now: datetime | None = None) -> RefreshResult:
    """Re-issue ``files`` from the superior's workbook ``atasan`` (and ``roster_path``), carrying every value.

    Every input is read and checked before anything is written.
    """
    now = now or datetime.now()
    olds: list[tuple[Path, WorkbookData]] = [(Path(f), get_reader("skp").read(Path(f))) for f in files]
    if not olds:
        raise UserError(Masalah("", what=_("tidak ada berkas untuk di-refresh")))
    result = RefreshResult(problems=[m for _, d in olds for m in validate(d).problems])
    sup_data = get_reader("skp").read(Path(atasan))
    sup = sup_data.plan
    old_sheet: dict[str, SheetPlan] = {}
    old_file: dict[str, Path] = {}
    old_data: dict[str, WorkbookData] = {}
    for path, data in olds:
        for sp in data.plan.sheets:
            if sp.pegawai.nip in old_file:  # one sheet a pegawai a run: two copies, or two parts of a mutasi
                raise UserError(Masalah(f"{old_file[sp.pegawai.nip]}, {path}", sp.name, what=_(
                    "pegawai {nip} ada di dua berkas ({a}; {b}): tidak diterbitkan ulang").format(
                        nip=sp.pegawai.nip, a=old_file[sp.pegawai.nip].name, b=path.name),
                    todo=_("mutasi (bagian tahun di dua unit): refresh berkas tiap unit dalam perintah terpisah; "
                           "salinan: sebut hanya berkas yang dipakai")))
            old_sheet[sp.pegawai.nip] = sp
            old_file[sp.pegawai.nip] = path
            old_data[sp.pegawai.nip] = data
    years = {d.plan.tahun for _, d in olds} | {sup.tahun}
    base_year = olds[0][1].plan.tahun
    kinds = {d.plan.jenis_periode for _, d in olds}
    if len(years) > 1 or len(kinds) > 1:
        raise UserError(Masalah(", ".join(str(p) for p, _ in olds), what=_("berkas dari tahun atau jenis periode "
                                                                           "berbeda ({x}; {x2}): tidak digabung").format(
                                                                             x=', '.join(map(str, sorted(years))), x2=', '.join(sorted(k.value for k in kinds))),
                                todo=_("refresh berkas satu tahun dan satu jenis periode sekaligus, dengan "
                                       "atasan tahun itu")))
    if roster_path is not None:
        # the roster may be the whole organisation's: the pegawai below the superior, in the units these
        # files hold (the others get their workbooks from skp generate)
        inside, result.left_out = roster_below(Path(roster_path), sup, Path(atasan))
        held = {sp.pegawai.unit for sp in old_sheet.values()}
        inside = [_closed(p, old_sheet, base_year, result, held) for p in inside]
        # moved to a unit outside this superior's branch: their part here is still this branch's to close
        closed = [q for p in result.left_out if (q := _closed(p, old_sheet, base_year, result, held)) is not p]
        result.left_out = [p for p in result.left_out if p.nip not in {q.nip for q in closed}]
        inside += closed
        units = {sp.pegawai.unit for sp in old_sheet.values()} | {p.unit for p in inside if p.nip in old_sheet}
        pegawai = [p for p in inside if p.unit in units or p.nip in old_sheet]
        result.left_out += [p for p in inside if p.unit not in units and p.nip not in old_sheet]
    else:
        pegawai = [sp.pegawai for sp in old_sheet.values()]
    known = {nip: [(sl.id, str(sp.isian.rhk.get(sl.id, sl.teks) or "")) for sl in sp.slots]
             for nip, sp in old_sheet.items()}
    roster = Roster(pegawai, sup, known, atasan_source=str(atasan))
    keep, changes = carried_slots(roster, old_sheet)
    for who, notes in changes.items():
        result.changes.setdefault(who, []).extend(notes)
    base = olds[0][1].plan
    split = "pegawai" if all(len(d.plan.sheets) == 1 for _, d in olds) else "unit"
    organisasi = {k: v for _, d in olds for k, v in d.plan.organisasi.items()}
    matriks = {(b.atasan_nip, nip, rid): text for _, d in olds for b in d.plan.matriks
               for (nip, rid), text in b.entries.items()}
    plans = plans_for(roster, split=split, jenis_periode=base.jenis_periode, tahun=base.tahun,
                        instansi=base.instansi, settings=base.settings, password=base.password,
                        engine=base.engine, keep=keep)
    entries: dict[Path, list[dict]] = {}
    with Batch(backup=backup, now=now) as batch:
        for stem, plan in plans:
            carry(plan, old_sheet, organisasi, matriks)
            # each workbook keeps its own Pengaturan (settings, instansi): those of the old file that held
            # its first pegawai; a workbook of new pegawai only takes the first file's
            source = next((old_data[s.pegawai.nip] for s in plan.sheets if s.pegawai.nip in old_data), olds[0][1])
            plan.settings, plan.instansi = source.plan.settings, source.plan.instansi
            suffix = ".xlsm" if plan.engine == "xlwings" else ".xlsx"
            first = next((old_file[s.pegawai.nip] for s in plan.sheets if s.pegawai.nip in old_file), None)
            if out is not None:
                target = Path(out) / f"SKP-{plan.tahun}-{stem}{suffix}"
            elif first is not None and first not in result.written:
                target = first  # in place: the file that held this workbook's first pegawai
            else:
                folder = first.parent if first is not None else olds[0][0].parent
                target = folder / f"SKP-{plan.tahun}-{stem}{suffix}"
            result.written.append(target)
            entries.setdefault(target.parent, []).append(reissue(plan, target, batch, key))
        for folder, items in entries.items():
            write_manifest(folder, items, {"tahun": base.tahun, "jenis_periode": base.jenis_periode.value}, key,
                           into=batch.stage(folder / MANIFEST))
        result.backups = batch.commit()
    return result


def _closed(p: Pegawai, old_sheet: dict[str, SheetPlan], tahun: int, result: RefreshResult,
            held: set[str]) -> Pegawai:
    """A mutasi (RULES.md section 10): the roster has ``p`` joining another unit in the year. Their sheet here
    stays, its part of the year closed the day the new one starts (the new unit's workbook gives them a new sheet
    from that day, by ``skp refresh`` or ``skp generate`` of that unit). Anyone else as the roster has them."""
    old = old_sheet.get(p.nip)
    start = tanggal_sel(p.tmt_masuk)
    if old is None or old.pegawai.unit == p.unit or start is None or start.year != tahun:
        return p
    note = (_("mutasi ke {unit} mulai {tanggal}: sheet di unit ini ditutup sampai hari sebelumnya (TMT keluar); "
              "sheet baru di {unit}: jalankan skp refresh untuk berkas unit {unit} saja (satu sheet per pegawai "
              "dalam satu perintah)") if p.unit in held else
            _("mutasi ke {unit} mulai {tanggal}: sheet di unit ini ditutup sampai hari sebelumnya (TMT keluar); sheet "
              "baru dibuat oleh skp refresh atau skp generate untuk unit {unit}"))
    result.changes.setdefault(f"{old.pegawai.nama} ({p.nip})", []).append(
        note.format(unit=p.unit, tanggal=start.strftime("%d-%m-%Y")))
    return replace(old.pegawai, tmt_keluar=start)


def reissue(plan: WorkbookPlan, target: Path, batch: Batch, key: bytes | None) -> dict:
    """Write ``plan`` for ``target`` into ``batch`` (put in place, the old file kept, when the batch commits);
    return the workbook's manifest entry. Shared by ``skp refresh`` and ``skp tetapkan``."""
    write_workbook(plan, batch.stage(target))
    return manifest_entry(target, plan, key)
