"""``skp consolidate``: many filled workbooks in, one rekap out (and its flat copies).

Every file is read and recomputed by :mod:`.collect` (on ``jobs`` processes or a Dask cluster),
merged by :mod:`.rekap`, written by :mod:`.rekap_workbook` and :mod:`.exports`. One bad file
never stops the run: it becomes rows of ``Masalah``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from tqdm import tqdm

from skpkit.generator.rekap.rows import collect, find_files
from skpkit.generator.rekap.exports import write_csv, write_parquet
from skpkit.generator.manifest import load_manifest, verify_manifest
from skpkit.generator.problems import Masalah, UserError
from skpkit.generator.read.registry import get_reader
from skpkit.generator.rekap.merge import build_rekap
from skpkit.generator.rekap.workbook import write_rekap

__all__ = ["Summary", "consolidate"]


@dataclass
class Summary:
    files: int
    files_read: int
    pegawai: int
    masalah: int
    belum: int
    written: list[Path]


def consolidate(paths: Sequence[Path], out: Path, *, manifest: Path | None = None, periode: int | None = None,
                csv_dir: Path | None = None, parquet: Path | None = None, jobs: int = 1,
                progress: bool = True, key: bytes | None = None, scheduler: str | None = None) -> Summary:
    """Read every skpkit workbook under ``paths`` and write the rekap (and flat copies).

    Raises :class:`UserError` only when nothing at all could be read.
    """
    found = find_files(paths)
    inputs = {f.resolve() for f in found}
    for target in [Path(out)] + ([Path(parquet)] if parquet is not None else []):
        if target.resolve() in inputs or (target.exists() and get_reader("skp").detect(target)):
            raise UserError(Masalah(str(target), what="tujuan --out adalah berkas SKP masukan: tidak ditimpa",
                                    todo="beri nama lain untuk berkas rekap"))
    files = [f for f in found if not f.name.startswith("REKAP-")]
    if not files:
        raise UserError(Masalah(", ".join(map(str, paths)), what="tidak ada berkas .xlsx/.xlsm",
                                todo="sebutkan folder berisi berkas SKP yang sudah diisi"))
    data = load_manifest(manifest) if manifest is not None else None
    if scheduler:
        from skpkit.generator.commands.distributed import collect_dask
        source = collect_dask(files, scheduler, manifest=data, key=key, workers=max(jobs, 2))
    else:
        source = collect(files, jobs, manifest=data, key=key)
    results = list(tqdm(source, total=len(files), desc="berkas", unit="berkas",
                        disable=not progress or len(files) < 2))
    rekap = build_rekap(results, data, periode)
    whole = verify_manifest(data, manifest, key) if data is not None else None
    if whole is not None:
        rekap.masalah.insert(0, whole)
    if rekap.files_read == 0:
        first = rekap.masalah[0] if rekap.masalah else None
        raise UserError(Masalah(str(paths[0]), what=f"tidak ada berkas skpkit yang dapat dibaca dari {len(files)} "
                                f"berkas" + (f"; pertama: {first}" if first else ""),
                                todo="periksa berkas (lihat skp check)"))
    written = [write_rekap(rekap, out)]
    if csv_dir is not None:
        written += write_csv(rekap, csv_dir)
    if parquet is not None:
        written.append(write_parquet(rekap, parquet))
    return Summary(len(files), rekap.files_read, len({b.nip for b in rekap.rows}), len(rekap.masalah),
                   len(rekap.belum), written)
