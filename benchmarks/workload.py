"""The work the benchmarks measure: rosters of a pemda's shape, filled unit workbooks, and the floors
(zlib deflate of the bytes a workbook holds; python-calamine reading every sheet, or only the sheets
consolidation reads)."""

from __future__ import annotations

import time
import zipfile
import zlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from python_calamine import CalamineWorkbook

from skpkit.generator.layout import labels, plans_for
from skpkit.generator.write.workbook import write_workbook
from skpkit.issuing import Roster
from synthetic import random_fill, roster


def _write_filled(job: tuple) -> None:
    k, stem, plan, folder = job
    random_fill(plan, seed=k, periods=2)
    write_workbook(plan, Path(folder) / f"{stem}.xlsx")


def make_filled(n: int, folder: Path, unit_size: int = 10, jobs: int = 2) -> int:
    """``n`` pegawai in units of ``unit_size``, two quarters filled at random, one workbook a unit."""
    folder.mkdir(parents=True, exist_ok=True)
    plans = list(plans_for(Roster(roster(n, unit_size=unit_size, seed=2)), tahun=2027, instansi="x"))
    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(_write_filled, [(k, stem, plan, str(folder)) for k, (stem, plan) in enumerate(plans)],
                      chunksize=8))
    return len(plans)


def xml_bytes(folder: Path) -> tuple[int, int]:
    """(uncompressed bytes, compressed bytes) of every workbook in ``folder``."""
    raw = packed = 0
    for path in folder.glob("*.xlsx"):
        with zipfile.ZipFile(path) as z:
            raw += sum(i.file_size for i in z.infolist())
            packed += sum(i.compress_size for i in z.infolist())
    return raw, packed


def deflate_seconds(folder: Path) -> float:
    """The floor of writing ``folder``'s workbooks: zlib deflate (XlsxWriter's level) of every part's
    bytes, already in memory; reading them is not timed."""
    seconds = 0.0
    for path in folder.glob("*.xlsx"):
        with zipfile.ZipFile(path) as z:
            parts = [z.read(i) for i in z.infolist()]
        t = time.perf_counter()
        for data in parts:
            c = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
            c.compress(data)
            c.flush()
        seconds += time.perf_counter() - t
    return seconds


def needed(name: str) -> bool:
    """Whether consolidation reads a sheet: the entry sheets, the settings and the workbook's facts."""
    s = labels()["sheets"]
    return name.startswith(s["pegawai_prefix"]) or name in (s["pengaturan"], s["meta"])


def read_sheets(path: Path, only_needed: bool = False) -> int:
    """Read every sheet's values (or only those consolidation needs) with python-calamine; the cells."""
    wb = CalamineWorkbook.from_path(str(path))
    n = 0
    for name in wb.sheet_names:
        if only_needed and not needed(name):
            continue
        n += sum(len(r) for r in wb.get_sheet_by_name(name).to_python(skip_empty_area=False))
    return n


def read_all(path: Path) -> int:
    return read_sheets(path)


def read_needed(path: Path) -> int:
    return read_sheets(path, only_needed=True)
