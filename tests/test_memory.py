"""Generation memory does not grow with the number of pegawai (it streams workbook by workbook).

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
generate(Roster(roster({n}, unit_size=10, seed=3)), Path({out!r}), GenerateOptions(tahun=2027, progress=False))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _peak_kib(n: int, out: Path) -> int:
    code = CHILD.format(tests=str(Path(__file__).parent), n=n, out=str(out))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[-1])


def test_memory_flat_in_pegawai(tmp_path):
    small, large = _peak_kib(30, tmp_path / "small"), _peak_kib(120, tmp_path / "large")
    assert len(list((tmp_path / "large").glob("*.xlsx"))) == 13
    # four times the pegawai and files (a run keeping 12 workbooks instead of 3 would peak tens of MiB
    # higher): the peak stays that of one workbook plus the roster (the benchmarks measure 100 to 10,000)
    assert large < small * 1.25, f"peak RSS {small} KiB for 30 pegawai, {large} KiB for 120"
