"""Generation memory does not grow with the number of pegawai: it streams workbook by workbook, and within
a workbook pegawai by pegawai (each pegawai's two sheets are written ahead and let go).

Each size runs in its own process and reports its peak resident memory, so the figures are
those of a real run (tracemalloc would slow generation tenfold).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHILD = """
import resource, sys
sys.path.insert(0, {tests!r})
from pathlib import Path
from skpkit.issuing import Roster
from skpkit.generator.commands.generate import GenerateOptions, generate
from synthetic import roster
generate(Roster(roster({n}, unit_size={unit}, seed=3)), Path({out!r}), GenerateOptions(tahun=2027, progress=False))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _peak_kib(n: int, out: Path, unit: int = 10) -> int:
    code = CHILD.format(tests=str(Path(__file__).parent), n=n, out=str(out), unit=unit)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[-1])


def test_memory_flat_in_pegawai(tmp_path):
    small, large = _peak_kib(20, tmp_path / "small"), _peak_kib(80, tmp_path / "large")
    assert len(list((tmp_path / "large").glob("*.xlsx"))) == 9
    # four times the pegawai and files (a run keeping 9 workbooks instead of 3 would peak tens of MiB
    # higher): the peak stays that of one workbook plus the roster (the benchmarks measure 100 to 10,000)
    assert large < small * 1.25, f"peak RSS {small} KiB for 20 pegawai, {large} KiB for 80"


def test_memory_flat_in_the_pegawai_of_one_unit(tmp_path):
    small, large = _peak_kib(11, tmp_path / "small", unit=11), _peak_kib(56, tmp_path / "large", unit=56)
    # five times the pegawai in one workbook: before sheets were written ahead, each pegawai held about
    # 1.4 MiB until the workbook closed (2.9 GiB for a unit of 2,000: here about 63 MiB more); now the
    # peak grows by the plan only (about 0.1 MiB a pegawai)
    assert large < small + 30 * 1024, f"peak RSS {small} KiB for a unit of 10 pegawai, {large} KiB for 55"


def test_sheets_written_ahead_are_the_sheets_written_at_close(tmp_path):
    """Flushing a sheet early changes no byte of the package."""
    import zipfile

    from skpkit.generator.layout import plans_for
    from skpkit.generator.write import book
    from skpkit.generator.write.workbook import write_workbook
    from skpkit.issuing import Roster
    from synthetic import random_fill, roster

    stem, plan = max(plans_for(Roster(roster(6, unit_size=6, seed=2)), tahun=2027, instansi="x"),
                     key=lambda sp: len(sp[1].sheets))
    random_fill(plan, seed=3, periods=2)
    write_workbook(plan, tmp_path / "ahead.xlsx")
    original = book.Book.flush
    book.Book.flush = lambda self, ws: None
    try:
        write_workbook(plan, tmp_path / "at-close.xlsx")
    finally:
        book.Book.flush = original
    ahead, at_close = zipfile.ZipFile(tmp_path / "ahead.xlsx"), zipfile.ZipFile(tmp_path / "at-close.xlsx")
    assert ahead.namelist() == at_close.namelist()
    assert len(plan.sheets) >= 4
    for name in ahead.namelist():
        if name != "docProps/core.xml":  # its creation time
            assert ahead.read(name) == at_close.read(name), name
