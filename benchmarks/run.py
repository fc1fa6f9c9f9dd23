"""Speed and memory of skpkit against the bare libraries under it, in the same run.

    python benchmarks/run.py            # N = 100, 1,000, 10,000 pegawai; 50 and 200 files (about 25 min)
    python benchmarks/run.py --quick    # N = 100, 1,000; 20 and 50 files (about 3 min)

Prints a table and writes benchmarks/results.md. Every figure is a ratio against a baseline
run on the same machine in the same run; nothing here is a test and nothing asserts a time.
Each measurement runs in a fresh process, so peak memory (max RSS) belongs to that work alone.
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
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

CHILD_PRELUDE = f"""
import json, resource, sys, time
sys.path[:0] = [{str(ROOT)!r}, {str(ROOT / 'tests')!r}, {str(HERE)!r}]
"""


def child(code: str) -> dict:
    """Run ``code`` in a fresh interpreter; it prints one JSON object; add its peak RSS (MiB)."""
    script = CHILD_PRELUDE + code + "\nout['rss_mib'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n" \
        "print(json.dumps(out))\n"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- generation ---------------------------------------------------------------------------

GEN_OURS = """
from pathlib import Path
from skpkit.generator.build import Roster
from skpkit.generator.generate import GenerateOptions, generate
from synthetic import roster
people = Roster(roster({n}, unit_size=10, seed=1))
t = time.perf_counter()
files = generate(people, Path({out!r}), GenerateOptions(tahun=2027, progress=False))
out = {{"seconds": time.perf_counter() - t, "files": len(files)}}
"""

GEN_BASE = """
from pathlib import Path
from baseline import capture, replay
shape = capture(Path({sample!r}))
Path({out!r}).mkdir(parents=True, exist_ok=True)
t = time.perf_counter()
for k in range({files}):
    replay(shape, Path({out!r}) / f"base-{{k}}.xlsx")
out = {{"seconds": time.perf_counter() - t, "files": {files}}}
"""


def bench_generation(sizes: list[int], tmp: Path) -> list[dict]:
    rows = []
    for n in sizes:
        ours = child(GEN_OURS.format(n=n, out=str(tmp / f"gen-{n}")))
        sample = max((tmp / f"gen-{n}").glob("*.xlsx"), key=lambda p: p.stat().st_size)
        base = child(GEN_BASE.format(sample=str(sample), files=ours["files"], out=str(tmp / f"base-{n}")))
        rows.append({"n": n, "files": ours["files"], "ours_s": ours["seconds"], "base_s": base["seconds"],
                     "ratio": ours["seconds"] / base["seconds"], "ms_per_pegawai": 1000 * ours["seconds"] / n,
                     "ours_mib": ours["rss_mib"], "base_mib": base["rss_mib"]})
        print_row("generation", rows[-1])
    return rows


# --- consolidation ------------------------------------------------------------------------

MAKE_FILLED = """
from pathlib import Path
from skpkit.generator.build import Roster, build_plans
from skpkit.generator.writer import write_workbook
from synthetic import random_fill, roster
folder = Path({out!r}); folder.mkdir(parents=True, exist_ok=True)
for k, (stem, plan) in enumerate(build_plans(Roster(roster({n}, unit_size=10, seed=2)), tahun=2027, instansi="x")):
    random_fill(plan, seed=k, periods=2)
    write_workbook(plan, folder / f"{{stem}}.xlsx")
out = {{}}
"""

CONS_OURS = """
from pathlib import Path
from skpkit.generator.consolidate import consolidate
t = time.perf_counter()
s = consolidate([Path({folder!r})], Path({out!r}), jobs={jobs}, progress=False)
out = {{"seconds": time.perf_counter() - t, "files": s.files}}
"""

CONS_BASE = """
from pathlib import Path
from baseline import read_all
from concurrent.futures import ProcessPoolExecutor
files = sorted(Path({folder!r}).glob("*.xlsx"))
t = time.perf_counter()
if {jobs} > 1:
    with ProcessPoolExecutor({jobs}) as pool:
        cells = sum(pool.map(read_all, files, chunksize=4))
else:
    cells = sum(map(read_all, files))
out = {{"seconds": time.perf_counter() - t, "files": len(files), "cells": cells}}
"""


def bench_consolidation(file_counts: list[int], tmp: Path) -> list[dict]:
    rows = []
    for n_files in file_counts:
        folder = tmp / f"filled-{n_files}"
        child(MAKE_FILLED.format(n=n_files * 10, out=str(folder)))
        for jobs in (1, 2):
            ours = child(CONS_OURS.format(folder=str(folder), out=str(tmp / f"rekap-{n_files}-{jobs}.xlsx"), jobs=jobs))
            base = child(CONS_BASE.format(folder=str(folder), jobs=jobs))
            rows.append({"files": ours["files"], "jobs": jobs, "ours_s": ours["seconds"], "base_s": base["seconds"],
                         "ratio": ours["seconds"] / base["seconds"],
                         "ms_per_file": 1000 * ours["seconds"] / ours["files"],
                         "ours_mib": ours["rss_mib"], "base_mib": base["rss_mib"]})
            print_row("consolidation", rows[-1])
    return rows


# --- rules --------------------------------------------------------------------------------

RULES = """
import numpy as np
from skpkit import arrays, rules
from skpkit.model import Rating
import skpkit.addin.functions as f
rng = np.random.default_rng(0)
labels = np.array([r.value for r in Rating] + [None], dtype=object)
n = {n}
h = labels[rng.integers(0, 4, n)]
p = labels[rng.integers(0, 4, n)]
real = rng.integers(0, 120, n).astype(float)
lo = rng.integers(1, 100, n).astype(float)
hi = lo + rng.integers(0, 20, n)
out = {{}}
t = time.perf_counter(); [rules.predikat(a, b) for a, b in zip(h.tolist(), p.tolist())]
out["predikat_scalar"] = time.perf_counter() - t
t = time.perf_counter(); arrays.predikat(h, p)
out["predikat_array"] = time.perf_counter() - t
hc, _ = arrays.encode(h, Rating); pc, _ = arrays.encode(p, Rating)
t = time.perf_counter(); arrays.predikat_codes(hc, pc)
out["predikat_codes"] = time.perf_counter() - t
t = time.perf_counter(); [rules.capaian(a, b, c) for a, b, c in zip(real.tolist(), lo.tolist(), hi.tolist())]
out["capaian_scalar"] = time.perf_counter() - t
t = time.perf_counter(); arrays.capaian(real, lo, hi)
out["capaian_array"] = time.perf_counter() - t
col_h = [[v] for v in h[:10000].tolist()]; col_p = [[v] for v in p[:10000].tolist()]
t = time.perf_counter(); f.SKP_PREDIKAT(col_h, col_p)
out["udf_predikat_10k"] = time.perf_counter() - t
"""


def bench_rules(n: int) -> dict:
    out = child(RULES.format(n=n))
    print(f"rules ({n:,} rows): " + ", ".join(f"{k} {v:.3f} s" for k, v in out.items() if k != "rss_mib"))
    return out


# --- report -------------------------------------------------------------------------------

def print_row(kind: str, row: dict) -> None:
    print(kind, " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items()))


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        model = cpu
    from importlib.metadata import version
    return (f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python "
            f"{platform.python_version()}, XlsxWriter {version('XlsxWriter')}, python-calamine "
            f"{version('python-calamine')}, NumPy {version('numpy')}; {date.today()}")


def report(gen: list[dict], cons: list[dict], rules_out: dict, n_rules: int) -> str:
    lines = ["# skpkit benchmarks", "", f"Machine: {machine()}.", "",
             "## Generation: `skp generate` against the same cells, formulas, validations and formats written "
             "with bare XlsxWriter in a plain loop (units of 10 pegawai)", "",
             "| pegawai | files | skpkit (s) | baseline (s) | ratio | ms per pegawai | peak RSS skpkit (MiB) | peak RSS baseline (MiB) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    lines += [f"| {r['n']:,} | {r['files']:,} | {r['ours_s']:.2f} | {r['base_s']:.2f} | {r['ratio']:.2f} | "
              f"{r['ms_per_pegawai']:.1f} | {r['ours_mib']:.0f} | {r['base_mib']:.0f} |" for r in gen]
    lines += ["", "## Consolidation: `skp consolidate` (read, recompute, write the rekap) against reading the same "
              "sheets with python-calamine only", "",
              "| files | processes | skpkit (s) | baseline (s) | ratio | ms per file | peak RSS skpkit (MiB) | peak RSS baseline (MiB) |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    lines += [f"| {r['files']:,} | {r['jobs']} | {r['ours_s']:.2f} | {r['base_s']:.2f} | {r['ratio']:.2f} | "
              f"{r['ms_per_file']:.1f} | {r['ours_mib']:.0f} | {r['base_mib']:.0f} |" for r in cons]
    lines += ["", f"## Rules on {n_rules:,} indikator rows", "", "| what | seconds |", "|---|---:|"]
    names = {"predikat_scalar": "predikat, scalar `skpkit.rules` in a loop",
             "predikat_array": "predikat, `skpkit.arrays` from labels",
             "predikat_codes": "predikat, `skpkit.arrays.predikat_codes` from codes",
             "capaian_scalar": "capaian, scalar in a loop", "capaian_array": "capaian, `skpkit.arrays`",
             "udf_predikat_10k": "`SKP_PREDIKAT` UDF on a 10,000-row column"}
    lines += [f"| {names[k]} | {v:.3f} |" for k, v in rules_out.items() if k in names]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="smaller sizes (about 3 minutes)")
    ap.add_argument("--sizes", help="pegawai counts for generation, comma-separated")
    ap.add_argument("--files", help="file counts for consolidation, comma-separated")
    args = ap.parse_args()
    sizes = [int(x) for x in (args.sizes or ("100,1000" if args.quick else "100,1000,10000")).split(",")]
    files = [int(x) for x in (args.files or ("20,50" if args.quick else "50,200")).split(",")]
    with tempfile.TemporaryDirectory(prefix="skp-bench-") as d:
        tmp = Path(d)
        gen = bench_generation(sizes, tmp)
        cons = bench_consolidation(files, tmp)
    n_rules = 1_000_000
    rules_out = bench_rules(n_rules)
    text = report(gen, cons, rules_out, n_rules)
    (HERE / "results.md").write_text(text, encoding="utf-8")
    print()
    print(text)


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"benchmarks took {time.perf_counter() - started:.0f} s; results in {HERE / 'results.md'}")
