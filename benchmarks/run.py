"""Speed and memory of skpkit at the size of a pemda, against true lower bounds measured in the same run.

    python benchmarks/run.py            # 500 and 5,000 pegawai, a 2,000-pegawai unit, LibreOffice (about 40 min)
    python benchmarks/run.py --pemda    # also 20,000 pegawai in 2,000 units
    python benchmarks/run.py --quick    # 500 pegawai only, no 2,000-pegawai unit (about 5 min)
    python benchmarks/run.py --suite    # also time the whole test suite

Prints every goal of the speed issue as met or not and writes benchmarks/results.md. Each measurement
runs in a fresh process, so its peak memory (max RSS) is that work's alone. The floors: bare XlsxWriter
replaying the exact calls skpkit made (recorded in an untimed run); zlib deflate of the bytes the
workbooks hold; python-calamine reading every sheet, or only the sheets consolidation reads. Nothing
here is a test and nothing asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(HERE)]

#: the issue's figures for the entry sheet before this round (characters of formula text a pegawai)
FORMULA_TEXT_BEFORE = 195_461
PEMDA = 20_000

CHILD_PRELUDE = f"""
import json, resource, sys, time
sys.path[:0] = [{str(ROOT)!r}, {str(ROOT / 'tests')!r}, {str(HERE)!r}]
out = {{}}
"""


def child(code: str, **fmt) -> dict:
    """Run ``code`` (formatted with ``fmt``) in a fresh interpreter; it fills ``out``; add its peak RSS."""
    script = CHILD_PRELUDE + code.format(**fmt) + \
        "\nout['rss_mib'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\nprint(json.dumps(out))\n"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


GENERATE = """
from pathlib import Path
from skpkit.issuing import Roster
from skpkit.generator.commands.generate import GenerateOptions, generate
from synthetic import roster
people = Roster(roster({n}, unit_size={unit}, seed=1))
t = time.perf_counter()
files = generate(people, Path({out!r}), GenerateOptions(tahun=2027, progress=False, jobs={jobs}))
out.update(seconds=time.perf_counter() - t, files=len(files))
"""

FLOORS = """
from pathlib import Path
from workload import deflate_seconds, xml_bytes
raw, packed = xml_bytes(Path({out!r}))
out.update(deflate=deflate_seconds(Path({out!r})), xml=raw, packed=packed)
"""

CAPTURE = """
from pathlib import Path
from skpkit.issuing import Roster
from skpkit.generator.layout import plans_for
from recording import capture, save
from synthetic import roster
logs = Path({logs!r}); logs.mkdir(parents=True, exist_ok=True)
for k, (stem, plan) in enumerate(plans_for(Roster(roster({n}, unit_size=10, seed=1)), tahun=2027, instansi="")):
    save(capture(plan, logs / "scratch.xlsx"), logs / f"{{k:05d}}.pickle")
"""

REPLAY = """
from pathlib import Path
from recording import load, replay
logs = sorted(Path({logs!r}).glob("*.pickle"))
Path({out!r}).mkdir(parents=True, exist_ok=True)
seconds = 0.0
for k, path in enumerate(logs):
    log = load(path)  # untimed: the baseline is the writing only
    t = time.perf_counter()
    replay(log, Path({out!r}) / f"base-{{k}}.xlsx")
    seconds += time.perf_counter() - t
    del log
out.update(seconds=seconds, files=len(logs))
"""


def bench_generation(n: int, tmp: Path, baseline: bool) -> dict:
    """``generate --jobs 2`` of ``n`` pegawai in units of 10, its bytes and its floors."""
    folder = tmp / f"gen-{n}"
    row = {"n": n, **child(GENERATE, n=n, unit=10, out=str(folder), jobs=2)}
    row.update(child(FLOORS, out=str(folder)))
    if baseline:  # the bare library doing the same calls once, one process; ours in one process beside it
        ours1 = child(GENERATE, n=n, unit=10, out=str(tmp / f"gen1-{n}"), jobs=1)
        child(CAPTURE, n=n, logs=str(tmp / f"logs-{n}"))
        base = child(REPLAY, logs=str(tmp / f"logs-{n}"), out=str(tmp / f"base-{n}"))
        row.update(ours1_s=ours1["seconds"], replay_s=base["seconds"])
    print("generate", json.dumps(row))
    return row


UNIT = """
from pathlib import Path
from skpkit.issuing import Roster
from skpkit.generator.commands.{verb} import {fn}
{setup}
t = time.perf_counter()
{call}
out.update(seconds=time.perf_counter() - t)
"""


def bench_big_unit(n: int, tmp: Path) -> dict:
    """One unit of ``n`` pegawai: generated, checked and consolidated, each in its own process."""
    folder = tmp / f"unit-{n}"
    gen = child(GENERATE, n=n + 1, unit=n + 1, out=str(folder), jobs=1)
    big = max(folder.glob("*.xlsx"), key=lambda p: p.stat().st_size)
    check = child(UNIT, verb="check", fn="check_file", setup="", call=f"found = check_file(Path({str(big)!r}))\n"
                  "out['problems'] = len(found.problems)")
    cons = child(UNIT, verb="consolidate", fn="consolidate", setup="",
                 call=f"s = consolidate([Path({str(big)!r})], Path({str(tmp / 'unit-rekap.xlsx')!r}), progress=False)\n"
                      "out['pegawai'] = s.pegawai")
    row = {"n": n, "gen_s": gen["seconds"], "gen_mib": gen["rss_mib"], "bytes": big.stat().st_size,
           "check_s": check["seconds"], "check_mib": check["rss_mib"], "problems": check["problems"],
           "cons_s": cons["seconds"], "cons_mib": cons["rss_mib"], "pegawai": cons["pegawai"]}
    print("unit", json.dumps(row))
    return row


MAKE_FILLED = """
from pathlib import Path
from workload import make_filled
out.update(files=make_filled({n}, Path({out!r})))
"""

CONSOLIDATE = """
from pathlib import Path
from skpkit.generator.commands.consolidate import consolidate
t = time.perf_counter()
s = consolidate([Path({folder!r})], Path({out!r}), jobs={jobs}, progress=False)
out.update(seconds=time.perf_counter() - t, files=s.files)
"""

CHECK = """
from pathlib import Path
from skpkit.generator.commands.check import check_file
files = sorted(Path({folder!r}).glob("*.xlsx"))
t = time.perf_counter()
found = [check_file(f) for f in files]
out.update(seconds=time.perf_counter() - t, files=len(files))
"""

READ = """
from pathlib import Path
from concurrent.futures import ProcessPoolExecutor
from workload import {fn} as read
files = sorted(Path({folder!r}).glob("*.xlsx"))
t = time.perf_counter()
if {jobs} > 1:
    with ProcessPoolExecutor({jobs}) as pool:
        cells = sum(pool.map(read, files, chunksize=4))
else:
    cells = sum(map(read, files))
out.update(seconds=time.perf_counter() - t, files=len(files), cells=cells)
"""


def bench_consolidation(n: int, tmp: Path) -> list[dict]:
    """Check and consolidate ``n`` pegawai (units of 10, two quarters filled) against calamine's reads."""
    folder = tmp / f"filled-{n}"
    child(MAKE_FILLED, n=n, out=str(folder))
    rows = []
    ours = child(CHECK, folder=str(folder))
    base = child(READ, fn="read_all", folder=str(folder), jobs=1)
    rows.append({"work": "check", "n": n, "files": ours["files"], "jobs": 1, "ours_s": ours["seconds"],
                 "all_s": base["seconds"], "needed_s": None, "ours_mib": ours["rss_mib"]})
    for jobs in (1, 2):
        ours = child(CONSOLIDATE, folder=str(folder), out=str(tmp / f"rekap-{n}-{jobs}.xlsx"), jobs=jobs)
        every = child(READ, fn="read_all", folder=str(folder), jobs=jobs)
        needed = child(READ, fn="read_needed", folder=str(folder), jobs=jobs)
        rows.append({"work": "consolidate", "n": n, "files": ours["files"], "jobs": jobs, "ours_s": ours["seconds"],
                     "all_s": every["seconds"], "needed_s": needed["seconds"], "ours_mib": ours["rss_mib"]})
    for r in rows:
        print("read", json.dumps(r))
    return rows


FORMULAS = """
from pathlib import Path
import zipfile
from lxml import etree
from skpkit.generator.layout import labels
from skpkit.generator.read.cells import read_cells
from skpkit.generator.read.package import open_source
path = Path({path!r}); prefix = labels()["sheets"]["pegawai_prefix"]
parts = {{n: p for n, p in open_source(path).parts.items() if n.startswith(prefix)}}
built = [[c.formula for c in cells.values() if c.formula] for cells in read_cells(path, set(parts)).values()]
z = zipfile.ZipFile(path)
stored = []
for part in parts.values():
    root = etree.fromstring(z.read(part))
    stored.append(sum(len(f.text or "") for f in root.iter("{{%s}}f" % root.nsmap[None])))
out.update(built=sum(map(len, sum(built, []))) / len(built), stored=sum(stored) / len(stored),
           longest=max(map(len, sum(built, []))), count=sum(map(len, built)) / len(built))
"""

LIBREOFFICE = """
from pathlib import Path
from skpkit.issuing import Roster
from skpkit.generator.layout import plans_for
from skpkit.generator.write.workbook import write_workbook
import skpkit.generator.write.book as book
from libreoffice import recalculate
from synthetic import random_fill, roster
if not {shared}:
    book.shared_runs = lambda cells: {{}}  # every formula in full, as before shared formulas
stem, plan = max(plans_for(Roster(roster({n} + 1, unit_size={n} + 1, seed=5)), tahun=2027, instansi="x"),
                 key=lambda sp: len(sp[1].sheets))
random_fill(plan, seed=1, periods=2)
path = Path({out!r}) / f"{{stem}}-{shared}.xlsx"; path.parent.mkdir(parents=True, exist_ok=True)
write_workbook(plan, path)
t = time.perf_counter()
recalculate([path], path.parent / "lo-{shared}")
out.update(seconds=time.perf_counter() - t, pegawai=len(plan.sheets), bytes=path.stat().st_size)
"""


def bench_libreoffice(tmp: Path) -> list[dict]:
    """LibreOffice opening, recalculating and saving a unit of 10 and of 50 pegawai, formulas shared or not."""
    rows = []
    for n in (10, 50):
        for shared in (False, True):
            rows.append({"n": n, "shared": shared, **child(LIBREOFFICE, n=n, shared=shared, out=str(tmp / "lo"))})
            print("libreoffice", json.dumps(rows[-1]))
    return rows


def bench_suite() -> dict:
    """The whole test suite as CI runs it (LibreOffice and Pyodide included when installed)."""
    env = {**os.environ, "HYPOTHESIS_PROFILE": "ci"}
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    last = (done.stdout.strip().splitlines() or [""])[-1]
    return {"seconds": time.perf_counter() - t, "summary": last, "ok": done.returncode == 0}


def machine() -> str:
    try:
        model = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        model = platform.machine()
    from importlib.metadata import version
    return (f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python "
            f"{platform.python_version()}, XlsxWriter {version('XlsxWriter')}, python-calamine "
            f"{version('python-calamine')}, LibreOffice via tests/libreoffice.py; {date.today()}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="500 pegawai only, no 2,000-pegawai unit")
    ap.add_argument("--pemda", action="store_true", help=f"also {PEMDA:,} pegawai in {PEMDA // 10:,} units")
    ap.add_argument("--suite", action="store_true", help="also time the whole test suite")
    ap.add_argument("--no-libreoffice", action="store_true", help="skip the LibreOffice timings")
    ap.add_argument("--sizes", help="pegawai counts instead of the defaults, comma-separated (a smoke run)")
    args = ap.parse_args()
    sizes = [500] if args.quick else [500, 5000] + ([PEMDA] if args.pemda else [])
    if args.sizes:
        sizes = [int(x) for x in args.sizes.split(",")]
    from report import report
    from rules_bench import N_ROWS, RULES

    with tempfile.TemporaryDirectory(prefix="skp-bench-") as d:
        tmp = Path(d)
        gen = [bench_generation(n, tmp, baseline=(k == 0)) for k, n in enumerate(sizes)]
        unit_path = max((tmp / f"gen-{sizes[0]}").glob("*.xlsx"), key=lambda p: p.stat().st_size)
        text = child(FORMULAS, path=str(unit_path))
        print("formulas", json.dumps(text))
        reads = [r for n in sizes for r in bench_consolidation(n, tmp)]
        unit = None if args.quick else bench_big_unit(2000, tmp)
        lo = [] if args.no_libreoffice else bench_libreoffice(tmp)
    rules = child(RULES, n=N_ROWS)
    suite = bench_suite() if args.suite else None
    out = report(machine(), gen, text, reads, unit, lo, rules, suite, FORMULA_TEXT_BEFORE, PEMDA)
    (HERE / "results.md").write_text(out, encoding="utf-8")
    print()
    print(out)


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"benchmarks took {time.perf_counter() - started:.0f} s; results in {HERE / 'results.md'}")
