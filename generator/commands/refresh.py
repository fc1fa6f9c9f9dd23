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

from skpkit.bagian import Bagian, terpisah
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


Olds = list[tuple[Path, WorkbookData]]


def refresh(files: Sequence[Path], atasan: Path, *, roster_path: Path | None = None, out: Path | None = None,
            backup: bool = True, key: bytes | None = None, now: datetime | None = None) -> RefreshResult:
    """Re-issue ``files`` from the superior's workbook ``atasan`` (and ``roster_path``), carrying every value.

    Every input is read and checked before anything is written. A pegawai whose year is in two units (a
    mutasi, RULES.md section 10) may have a sheet in two of the files: each part is re-issued in its own file,
    and a mutasi the roster announces into a unit these files hold gets its new sheet there in the same run.
    Two copies of one part are refused, naming both files.
    """
    now = now or datetime.now()
    olds: Olds = [(Path(f), get_reader("skp").read(Path(f))) for f in files]
    if not olds:
        raise UserError(Masalah("", what=_("tidak ada berkas untuk di-refresh")))
    result = RefreshResult(problems=[m for _p, d in olds for m in validate(d).problems])
    sup = get_reader("skp").read(Path(atasan)).plan
    _parts_not_copies(olds)
    years = {d.plan.tahun for _, d in olds} | {sup.tahun}
    kinds = {d.plan.jenis_periode for _, d in olds}
    if len(years) > 1 or len(kinds) > 1:
        raise UserError(Masalah(", ".join(str(p) for p, _ in olds), what=_("berkas dari tahun atau jenis periode "
                                                                           "berbeda ({x}; {x2}): tidak digabung").format(
                                                                             x=', '.join(map(str, sorted(years))), x2=', '.join(sorted(k.value for k in kinds))),
                                todo=_("refresh berkas satu tahun dan satu jenis periode sekaligus, dengan "
                                       "atasan tahun itu")))
    base_year = olds[0][1].plan.tahun
    inside: list[Pegawai] | None = None
    outside: list[Pegawai] = []
    if roster_path is not None:
        # the roster may be the whole organisation's: the pegawai below the superior, in the units these
        # files hold (the others get their workbooks from skp generate)
        inside, outside = roster_below(Path(roster_path), sup, Path(atasan))
    held = {sp.pegawai.unit for _, d in olds for sp in d.plan.sheets}
    entries: dict[Path, list[dict]] = {}
    taken: set[str] = set()
    handled: set[str] = set()
    with Batch(backup=backup, now=now) as batch:
        for group in _groups(olds, inside, base_year):
            _reissue_group(group, sup, Path(atasan), (inside, outside), held, taken, handled, result, batch, entries,
                           out, key)
        for folder, items in entries.items():
            write_manifest(folder, items, {"tahun": base_year, "jenis_periode": olds[0][1].plan.jenis_periode.value},
                           key, into=batch.stage(folder / MANIFEST))
        result.backups = batch.commit()
    if inside is not None:  # not below the superior, or in units no file of the run holds
        result.left_out = [p for p in outside + inside if p.nip not in handled]
    return result


def _parts_not_copies(olds: Olds) -> None:
    """Refuse two sheets of one pegawai unless they are the parts of a mutasi (no period in both)."""
    sheets: dict[str, list[tuple[Path, WorkbookData, SheetPlan]]] = {}
    for path, data in olds:
        for sp in data.plan.sheets:
            sheets.setdefault(sp.pegawai.nip, []).append((path, data, sp))
    for nip, found in sheets.items():
        if len(found) < 2:
            continue
        parts = [Bagian(tuple(d.plan.evaluate(sp).dinilai[:d.plan.jenis_periode.jumlah])) for _p, d, sp in found]
        if not terpisah(parts):
            (a, _da, sp), (b, _db, _sb) = found[:2]
            raise UserError(Masalah(f"{a}, {b}", sp.name, what=_(
                "pegawai {nip} ada di dua berkas ({a}; {b}): tidak diterbitkan ulang").format(
                    nip=nip, a=a.name, b=b.name),
                todo=_("salinan: sebut hanya berkas yang dipakai (dua bagian mutasi tidak boleh sama periodenya)")))


def _groups(olds: Olds, inside: list[Pegawai] | None, tahun: int) -> list[Olds]:
    """The files in runs that hold one sheet a pegawai each: the two parts of a mutasi go to different runs, and
    so does a unit a pegawai is joining (the roster's TMT masuk in the year) from the unit holding their
    current sheet, so that the new unit's run gives them their new sheet."""
    joining: dict[str, set[str]] = {}
    for p in inside or ():
        start = tanggal_sel(p.tmt_masuk)
        if start is not None and start.year == tahun:
            joining.setdefault(p.unit, set()).add(p.nip)
    groups: list[tuple[Olds, set[str], set[str]]] = []
    for path, data in olds:
        nips = {sp.pegawai.nip for sp in data.plan.sheets}
        incoming = set().union(*(joining.get(sp.pegawai.unit, set()) for sp in data.plan.sheets)) - nips
        for files, g_nips, g_incoming in groups:
            if not (nips & g_nips or incoming & g_nips or nips & g_incoming):
                files.append((path, data))
                g_nips |= nips
                g_incoming |= incoming
                break
        else:
            groups.append(([(path, data)], set(nips), set(incoming)))
    return [files for files, _nips, _incoming in groups]


def _reissue_group(olds: Olds, sup: WorkbookPlan, atasan: Path, roster: tuple[list[Pegawai] | None, list[Pegawai]],
                   held: set[str], taken: set[str], handled: set[str], result: RefreshResult, batch: Batch,
                   entries: dict[Path, list[dict]], out: Path | None, key: bytes | None) -> None:
    """Re-issue one run of files (one sheet a pegawai), staged in ``batch``. ``roster``: the roster's pegawai below
    the superior and the others (``None``: no roster); ``taken``: the pegawai given a new sheet by an earlier run
    (a pegawai new to these files gets one in all); ``handled``: every pegawai re-issued so far."""
    inside, outside = roster
    old_sheet: dict[str, SheetPlan] = {}
    old_file: dict[str, Path] = {}
    old_data: dict[str, WorkbookData] = {}
    for path, data in olds:
        for sp in data.plan.sheets:
            old_sheet[sp.pegawai.nip] = sp
            old_file[sp.pegawai.nip] = path
            old_data[sp.pegawai.nip] = data
    base = olds[0][1].plan
    if inside is not None:
        closed = [_closed(p, old_sheet, base.tahun, result, held) for p in inside]
        # moved to a unit outside this superior's branch: their part here is still this branch's to close
        closed += [q for p in outside if (q := _closed(p, old_sheet, base.tahun, result, held)) is not p]
        units = {sp.pegawai.unit for sp in old_sheet.values()} | {p.unit for p in closed if p.nip in old_sheet}
        pegawai = [p for p in closed if p.nip in old_sheet or (p.unit in units and p.nip not in taken)]
    else:
        pegawai = [sp.pegawai for sp in old_sheet.values()]
    taken |= {p.nip for p in pegawai if p.nip not in old_sheet}
    handled |= {p.nip for p in pegawai}
    known = {nip: [(sl.id, str(sp.isian.rhk.get(sl.id, sl.teks) or "")) for sl in sp.slots]
             for nip, sp in old_sheet.items()}
    issued = Roster(pegawai, sup, known, atasan_source=str(atasan))
    keep, changes = carried_slots(issued, old_sheet)
    for who, notes in changes.items():
        result.changes.setdefault(who, []).extend(notes)
    split = "pegawai" if all(len(d.plan.sheets) == 1 for _, d in olds) else "unit"
    organisasi = {k: v for _, d in olds for k, v in d.plan.organisasi.items()}
    matriks = {(b.atasan_nip, nip, rid): text for _, d in olds for b in d.plan.matriks
               for (nip, rid), text in b.entries.items()}
    plans = plans_for(issued, split=split, jenis_periode=base.jenis_periode, tahun=base.tahun,
                      instansi=base.instansi, settings=base.settings, password=base.password,
                      engine=base.engine, keep=keep)
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


def _closed(p: Pegawai, old_sheet: dict[str, SheetPlan], tahun: int, result: RefreshResult,
            held: set[str]) -> Pegawai:
    """A mutasi (RULES.md section 10): the roster has ``p`` joining another unit in the year. Their sheet here
    stays, its part of the year closed the day the new one starts (the new unit's workbook gives them a new sheet
    from that day: in this run when one of its files holds that unit, ``held``). Anyone else as the roster has
    them."""
    old = old_sheet.get(p.nip)
    start = tanggal_sel(p.tmt_masuk)
    if old is None or old.pegawai.unit == p.unit or start is None or start.year != tahun:
        return p
    note = (_("mutasi ke {unit} mulai {tanggal}: sheet di unit ini ditutup sampai hari sebelumnya (TMT keluar); "
              "sheet baru di {unit} dibuat dalam perintah ini") if p.unit in held else
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
