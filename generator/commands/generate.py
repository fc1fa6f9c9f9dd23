"""``skp generate``: a roster and the superior's workbook in, one workbook per unit (or pegawai) out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Iterable

from tqdm import tqdm

from skpkit.cascade import below
from skpkit.model import JenisPeriode, Pegawai
from skpkit.issuing import Roster
from skpkit.generator.layout import plans_for
from skpkit.generator.files import Batch, clean_temporaries, folder_lock
from skpkit.generator.commands.parallel import bounded_map
from skpkit.plan import WorkbookPlan
from skpkit.generator.errors import Masalah, UserError
from skpkit.generator.read.registry import get_reader
from skpkit.generator.write.manifest import MANIFEST, ManifestWriter, manifest_entry
from skpkit.generator.write.workbook import write_workbook
from skpkit.i18n import _

__all__ = ["GenerateOptions", "generate", "load_roster", "roster_below", "default_year"]



def default_year(today: date | None = None) -> int:
    """The SKP year a run prepares by default: next year from October on (penyusunan for January).

    Examples
    --------
    >>> default_year(date(2026, 11, 23)), default_year(date(2026, 3, 1))
    (2027, 2026)
    """
    today = today or date.today()
    return today.year + 1 if today.month >= 10 else today.year


@dataclass
class GenerateOptions:
    split: str = "unit"
    jenis_periode: JenisPeriode = JenisPeriode.TRIWULANAN
    tahun: int = field(default_factory=default_year)
    engine: str = "native"
    password: str | None = None
    jobs: int = 1
    progress: bool = True
    instansi: str = ""
    #: HMAC key for the manifest's fingerprints
    key: bytes | None = None
    #: filled in by :func:`generate`: the old workbooks it kept before writing over them
    backups: list[Path] = field(default_factory=list)


def load_roster(roster_path: Path, atasan_path: Path | None) -> Roster:
    """Read and check both inputs; raises :class:`~skpkit.generator.errors.UserError` before anything is written.

    With a superior's workbook, the roster may hold the whole organisation: only the pegawai below the
    workbook's sheets are issued (:func:`roster_below`), the others are in ``Roster.left_out``.
    """
    if atasan_path is None:
        return Roster(get_reader("roster").read(roster_path))
    atasan = get_reader("skp").read(atasan_path).plan
    inside, outside = roster_below(roster_path, atasan, atasan_path)
    return Roster(inside, atasan, atasan_source=str(atasan_path), left_out=outside)


def roster_below(roster_path: Path, atasan: WorkbookPlan, atasan_path: Path) -> tuple[list[Pegawai], list[Pegawai]]:
    """The pegawai of the roster below the sheets of the superior's workbook, and the others.

    One roster serves every level of the cascade: people above the workbook (its own superiors, who need
    not be in the roster), beside it (other branches) and on its sheets are left out. Refused when nobody
    in the roster is below it.
    """
    pegawai = get_reader("roster").read(roster_path, external=tuple(atasan.by_nip), partial=True)
    inside, outside = below(pegawai, atasan.by_nip)
    if not inside:
        names = ", ".join(f"{sp.pegawai.nama} ({sp.pegawai.nip})" for sp in atasan.sheets[:3])
        raise UserError(Masalah(str(roster_path), what=_("tidak ada pegawai di roster yang atasannya (langsung atau "
                                                         "lewat atasan lain) ada di {atasan}: {names}").format(
                                                           atasan=atasan_path, names=names),
                                todo=_("periksa kolom NIP atasan, atau pakai buku kerja atasan yang tepat")))
    return inside, outside


def _write_one(args: tuple[Path, Path, WorkbookPlan, bytes | None]) -> dict:
    path, tmp, plan, key = args
    write_workbook(plan, tmp)
    return manifest_entry(path, plan, key)


def generate(roster: Roster, out: Path, opts: GenerateOptions,
             fill: Callable[[WorkbookPlan], None] | None = None) -> list[Path]:
    """Write every workbook of ``roster`` into ``out`` and its manifest; return the files written.

    ``fill`` may add entered values to each plan before it is written (the demo's filled copy).
    """
    if roster.atasan is not None and roster.atasan.tahun != opts.tahun:
        raise UserError(Masalah(roster.atasan_source, what=_("buku kerja atasan tahun {tahun}, yang dibuat tahun "
                                                             "{tahun2}: RHK tahun lain tidak diturunkan").format(
                                                               tahun=roster.atasan.tahun, tahun2=opts.tahun),
                                todo=_("pakai buku kerja atasan tahun {tahun}, atau --tahun {tahun2}").format(
                                         tahun=opts.tahun, tahun2=roster.atasan.tahun)))
    out.mkdir(parents=True, exist_ok=True)
    with folder_lock(out, "skp generate"):
        return _generate(roster, out, opts, fill)


def _generate(roster: Roster, out: Path, opts: GenerateOptions, fill: Callable[[WorkbookPlan], None] | None) -> list[Path]:
    clean_temporaries(out)
    now = datetime.now()
    instansi = opts.instansi or (roster.atasan.instansi if roster.atasan else "")
    plans: Iterable = plans_for(roster, split=opts.split, jenis_periode=opts.jenis_periode, tahun=opts.tahun,
                                  instansi=instansi, password=opts.password, engine=opts.engine)
    suffix = ".xlsm" if opts.engine == "xlwings" else ".xlsx"

    total = len({p.unit if opts.split == "unit" else p.nip for p in roster.pegawai})
    bar = tqdm(total=total, desc=_("buku kerja"), unit=_("berkas"), disable=not opts.progress or total < 2)
    with ManifestWriter(out, {"tahun": opts.tahun, "jenis_periode": opts.jenis_periode.value}, opts.key) as manifest, \
            Batch(now=now) as batch:
        def jobs():
            for stem, plan in plans:
                if fill is not None:
                    fill(plan)
                target = out / f"SKP-{opts.tahun}-{stem}{suffix}"
                yield target, batch.stage(target), plan, opts.key

        try:
            for entry in bounded_map(_write_one, jobs(), opts.jobs):
                manifest.add(entry)  # spooled to disk: memory stays flat in the number of files
                bar.update()
        finally:
            bar.close()
        manifest.close(into=batch.stage(out / MANIFEST))
        # every workbook written: the old ones of the same names (perhaps filled) go to _cadangan together
        opts.backups += batch.commit()
    return [out / name for name in manifest.names]
