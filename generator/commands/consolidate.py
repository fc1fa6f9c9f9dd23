"""``skp consolidate``: many filled workbooks in, one rekap out (and its flat copies).

Each file goes down one road (:func:`read_filled`): opened once, read through the layout that wrote it,
validated (:func:`~skpkit.generator.rekap.checks.validate`, the same problems ``skp check`` names),
recomputed into rows (:mod:`~skpkit.generator.rekap.rows`). Files are read on ``jobs`` processes or a
Dask cluster, merged (:mod:`~skpkit.generator.rekap.merge`), and written (:mod:`~skpkit.generator.rekap.workbook`,
:mod:`~skpkit.generator.rekap.exports`). One bad file never stops the run: it becomes rows of ``Masalah``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from tqdm import tqdm

from skpkit.generator.read.manifest import load_manifest, verify_manifest
from skpkit.generator.commands.parallel import bounded_map
from skpkit.generator.errors import Masalah, UserError
from skpkit.generator.read.inputs import find_files
from skpkit.generator.read.package import Limits, open_source
from skpkit.generator.read.registry import get_reader, refuse_output, require_ours
from skpkit.generator.rekap.checks import validate
from skpkit.generator.rekap.ekinerja import jenis_of, merge_ekinerja
from skpkit.generator.rekap.exports import write_csv, write_parquet
from skpkit.generator.rekap.merge import build_rekap
from skpkit.generator.rekap.rows import FileResult, rows_of
from skpkit.generator.rekap.workbook import write_rekap
from skpkit.i18n import _

__all__ = ["Summary", "consolidate", "read_filled", "collect"]


@dataclass
class Summary:
    files: int
    files_read: int
    pegawai: int
    masalah: int
    belum: int
    written: list[Path]
    #: whether any pegawai of the files read has entered anything
    filled: bool = True


def read_filled(path: Path, limits: Limits = Limits(), manifest: dict | None = None,
                key: bytes | None = None) -> FileResult:
    """Open, read, validate and recompute one returned file; every problem becomes a :class:`Masalah`, never
    an exception. An e-Kinerja rekap is only recognised here (it is read once the rekap's period type is known)."""
    path = Path(path)
    result = FileResult(str(path))
    try:
        source = open_source(path, limits)
        refuse_output(source)
        if get_reader("ekinerja").detect(source):
            result.kind, result.read = "ekinerja", True
            return result
        if source.kind == "csv":
            raise UserError(Masalah(str(path), what=_("CSV ini bukan rekap e-Kinerja (kolom NIP, PERIODE, "
                                                      "PREDIKAT/KUADRAN atau rating tidak ada)"),
                                    todo=_("gunakan berkas hasil skp generate, atau rekap e-Kinerja")))
        require_ours(source)
        problems: list[Masalah] = []
        data = get_reader("skp").read(source, problems)
        source.close()
    except UserError as e:
        result.masalah.append(e.masalah)
        return result
    found = validate(data, problems, manifest, key)
    out = rows_of(data, found.results, found.skipped)
    out.masalah = found.problems + found.notes
    return out


def _read_one(args: tuple[Path, Limits, dict | None, bytes | None]) -> FileResult:
    return read_filled(*args)


def collect(files: list[Path], jobs: int = 1, limits: Limits = Limits(), manifest: dict | None = None,
            key: bytes | None = None) -> Iterator[FileResult]:
    """Read every file, over ``jobs`` processes, yielding results in file order as they come."""
    yield from bounded_map(_read_one, ((f, limits, manifest, key) for f in files), jobs)


def consolidate(paths: Sequence[Path], out: Path, *, manifest: Path | None = None, periode: int | None = None,
                csv_dir: Path | None = None, parquet: Path | None = None, jobs: int = 1,
                progress: bool = True, key: bytes | None = None, scheduler: str | None = None) -> Summary:
    """Read every skpkit workbook under ``paths`` and write the rekap (and flat copies).

    Raises :class:`UserError` only when nothing at all could be read.
    """
    found = find_files(paths)
    inputs = {f.resolve() for f in found}
    for target in [Path(out)] + ([Path(parquet)] if parquet is not None else []):
        if target.resolve() in inputs or (target.exists() and target.suffix.lower() in (".xlsx", ".xlsm")
                                          and get_reader("skp").detect(open_source(target))):
            raise UserError(Masalah(str(target), what=_("tujuan --out adalah berkas SKP masukan: tidak ditimpa"),
                                    todo=_("beri nama lain untuk berkas rekap")))
    files = found
    if not files:
        raise UserError(Masalah(", ".join(map(str, paths)), what=_("tidak ada berkas .xlsx/.xlsm"),
                                todo=_("sebutkan folder berisi berkas SKP yang sudah diisi")))
    data = load_manifest(manifest) if manifest is not None else None
    if scheduler:
        from skpkit.generator.commands.distributed import collect_dask
        source = collect_dask(files, scheduler, manifest=data, key=key, workers=max(jobs, 2))
    else:
        source = collect(files, jobs, manifest=data, key=key)
    results = list(tqdm(source, total=len(files), desc=_("berkas"), unit=_("berkas"),
                        disable=not progress or len(files) < 2))
    rekap = build_rekap(results, data, periode)
    if periode is not None and rekap.files_read and not 0 <= periode <= rekap.n_periode:
        raise UserError(Masalah(str(paths[0]), what=_("periode {periode} di luar 1-{n_periode}").format(
                                    periode=periode, n_periode=rekap.n_periode),
                                todo=_("pilih periode 1-{n_periode} atau 'tahunan'").format(n_periode=rekap.n_periode)))
    for r in results:
        if r.read and r.kind == "ekinerja":
            problems: list[Masalah] = []
            try:
                rows = get_reader("ekinerja").read(Path(r.path), problems, jenis=jenis_of(rekap),
                                                   tahun=rekap.tahun or None)
            except UserError as e:
                rekap.masalah.append(e.masalah)
                continue
            rekap.masalah += problems
            merge_ekinerja(rekap, Path(r.path), rows, periode)
    whole = verify_manifest(data, manifest, key) if data is not None else None
    if whole is not None:
        rekap.masalah.insert(0, whole)
    if rekap.files_read == 0:
        first = rekap.masalah[0] if rekap.masalah else None
        raise UserError(Masalah(str(paths[0]), what=_("tidak ada berkas skpkit yang dapat dibaca dari {n} berkas").format(
                                    n=len(files)) + (_("; pertama: {first}").format(first=first) if first else ""),
                                todo=_("periksa berkas (lihat skp check)")))
    written = [write_rekap(rekap, out)]
    if csv_dir is not None:
        written += write_csv(rekap, csv_dir)
    if parquet is not None:
        written.append(write_parquet(rekap, parquet))
    return Summary(len(files), rekap.files_read, len({b.nip for b in rekap.rows}), len(rekap.masalah),
                   len(rekap.belum), written, rekap.filled)
