"""Speed and memory of skpkit against the bare libraries under it, in the same run.

    python benchmarks/run.py            # N = 100, 1,000, 10,000 pegawai; 10, 100, 1,000 files; the test suite
    python benchmarks/run.py --quick    # N = 100, 1,000; 10 and 100 files; the test suite (about 10 min)

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
from skpkit.issuing import Roster
from skpkit.generator.commands.generate import GenerateOptions, generate
from synthetic import roster
people = Roster(roster({n}, unit_size=10, seed=1))
t = time.perf_counter()
files = generate(people, Path({out!r}), GenerateOptions(tahun=2027, progress=False))
out = {{"seconds": time.perf_counter() - t, "files": len(files)}}
"""

GEN_CAPTURE = """
from pathlib import Path
from skpkit.issuing import Roster
from skpkit.generator.layout import plans_for
from recording import capture, save
from synthetic import roster
logs = Path({logs!r}); logs.mkdir(parents=True, exist_ok=True)
for k, (stem, plan) in enumerate(plans_for(Roster(roster({n}, unit_size=10, seed=1)), tahun=2027, instansi="")):
    save(capture(plan, logs / "scratch.xlsx"), logs / f"{{k:05d}}.pickle")
out = {{}}
"""

GEN_BASE = """
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
out = {{"seconds": seconds, "files": len(logs)}}
"""


def bench_generation(sizes: list[int], tmp: Path) -> list[dict]:
    rows = []
    for n in sizes:
        ours = child(GEN_OURS.format(n=n, out=str(tmp / f"gen-{n}")))
        child(GEN_CAPTURE.format(n=n, logs=str(tmp / f"logs-{n}")))
        base = child(GEN_BASE.format(logs=str(tmp / f"logs-{n}"), out=str(tmp / f"base-{n}")))
        assert base["files"] == ours["files"], (base, ours)
        rows.append({"n": n, "files": ours["files"], "ours_s": ours["seconds"], "base_s": base["seconds"],
                     "ratio": ours["seconds"] / base["seconds"], "ms_per_pegawai": 1000 * ours["seconds"] / n,
                     "ours_mib": ours["rss_mib"], "base_mib": base["rss_mib"]})
        print_row("generation", rows[-1])
    return rows


# --- consolidation ------------------------------------------------------------------------

MAKE_FILLED = """
from pathlib import Path
from skpkit.issuing import Roster
from skpkit.generator.layout import plans_for
from skpkit.generator.write.workbook import write_workbook
from synthetic import random_fill, roster
folder = Path({out!r}); folder.mkdir(parents=True, exist_ok=True)
for k, (stem, plan) in enumerate(plans_for(Roster(roster({n}, unit_size=10, seed=2)), tahun=2027, instansi="x")):
    random_fill(plan, seed=k, periods=2)
    write_workbook(plan, folder / f"{{stem}}.xlsx")
out = {{}}
"""

CONS_OURS = """
from pathlib import Path
from skpkit.generator.commands.consolidate import consolidate
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


CHECK_OURS = """
from pathlib import Path
from skpkit.generator.commands.check import check_file
files = sorted(Path({folder!r}).glob("*.xlsx"))
t = time.perf_counter()
found = [check_file(f) for f in files]
out = {{"seconds": time.perf_counter() - t, "files": len(files)}}
"""


def bench_consolidation(file_counts: list[int], tmp: Path) -> tuple[list[dict], list[dict]]:
    rows, checks = [], []
    for n_files in file_counts:
        folder = tmp / f"filled-{n_files}"
        child(MAKE_FILLED.format(n=n_files * 10, out=str(folder)))
        ours = child(CHECK_OURS.format(folder=str(folder)))
        base = child(CONS_BASE.format(folder=str(folder), jobs=1))
        checks.append({"files": ours["files"], "ours_s": ours["seconds"], "base_s": base["seconds"],
                       "ratio": ours["seconds"] / base["seconds"], "ours_mib": ours["rss_mib"],
                       "base_mib": base["rss_mib"]})
        print_row("check", checks[-1])
        for jobs in (1, 2):
            ours = child(CONS_OURS.format(folder=str(folder), out=str(tmp / f"rekap-{n_files}-{jobs}.xlsx"), jobs=jobs))
            base = child(CONS_BASE.format(folder=str(folder), jobs=jobs))
            rows.append({"files": ours["files"], "jobs": jobs, "ours_s": ours["seconds"], "base_s": base["seconds"],
                         "ratio": ours["seconds"] / base["seconds"],
                         "ms_per_file": 1000 * ours["seconds"] / ours["files"],
                         "ours_mib": ours["rss_mib"], "base_mib": base["rss_mib"]})
            print_row("consolidation", rows[-1])
    return rows, checks


# --- rules --------------------------------------------------------------------------------

RULES = """
import numpy as np
from skpkit import arrays, rules
from skpkit.errors import Invalid
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
hc, _ = arrays.encode(h, Rating); pc, _ = arrays.encode(p, Rating)
matrix = np.full((6, 6), -1, dtype=np.int8); matrix[3:, 3:] = [[0, 1, 3], [1, 1, 3], [2, 2, 4]]


def plain_capaian(r, lo, hi, maks=200.0):
    # the same checks and the same output (an object array: numbers, None for blank, Invalid) with plain NumPy
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.minimum(r / hi * 100, maks).astype(object)
        out[np.isnan(r)] = None
        bad = np.isnan(lo) | np.isnan(hi) | (lo < 0) | (hi < 0) | (lo > hi) | (hi == 0) | (r < 0)
        idx = np.flatnonzero(bad)
        out[idx] = [Invalid("x")] * len(idx)
    return out


def best(fn, repeat=3):
    times = []
    for _ in range(repeat):
        t = time.perf_counter(); fn(); times.append(time.perf_counter() - t)
    return min(times)


col_h = [[v] for v in h[:10000].tolist()]; col_p = [[v] for v in p[:10000].tolist()]
out = {{
    "predikat_scalar": best(lambda: [rules.predikat(a, b) for a, b in zip(h.tolist(), p.tolist())], 1),
    "predikat_array": best(lambda: arrays.predikat(h, p)),
    "predikat_codes": best(lambda: arrays.predikat_codes(hc, pc)),
    "predikat_plain": best(lambda: matrix[hc.astype(np.intp) + 3, pc.astype(np.intp) + 3]),
    "capaian_scalar": best(lambda: [rules.capaian(a, b, c) for a, b, c in zip(real.tolist(), lo.tolist(), hi.tolist())], 1),
    "capaian_array": best(lambda: arrays.capaian(real, lo, hi)),
    "capaian_plain": best(lambda: plain_capaian(real, lo, hi)),
    "udf_predikat_10k": best(lambda: f.SKP_PREDIKAT(col_h, col_p)),
}}
"""


FORMULA_TEXT = """
from pathlib import Path
from skpkit.generator.read.package import read_sheets
from skpkit.generator.layout import labels
def per_sheet(path):
    prefix = labels()["sheets"]["pegawai_prefix"]
    sizes = [sum(len(c.formula) for c in sh.cells.values() if c.formula)
             for name, sh in read_sheets(Path(path)).items() if name.startswith(prefix)]
    return sum(sizes) / len(sizes)
out = {{"now": per_sheet({now!r}), "v1": per_sheet({v1!r})}}
"""


def bench_formula_text(tmp: Path) -> dict:
    """Formula text per pegawai sheet: a unit workbook generated now against the one issued by layout
    version 1 (the committed fixture), for the same unit."""
    from skpkit.generator.read.registry import get_reader
    from skpkit.generator.write.workbook import write_workbook

    v1 = ROOT / "tests" / "fixtures" / "layout_v1" / "SKP-2027-sekretariat.xlsx"
    now = tmp / "now.xlsx"
    write_workbook(get_reader("skp").read(v1).plan, now)
    out = child(FORMULA_TEXT.format(now=str(now), v1=str(v1)))
    print(f"formula text per pegawai sheet: now {out['now']:.0f} characters, layout version 1 {out['v1']:.0f}")
    return out


def bench_suite() -> dict:
    """The whole test suite as CI runs it (LibreOffice and Pyodide included when installed)."""
    env = {**os.environ, "HYPOTHESIS_PROFILE": "ci"}
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - t
    last = (done.stdout.strip().splitlines() or [""])[-1]
    print(f"test suite: {seconds:.0f} s ({last})")
    return {"seconds": seconds, "summary": last, "ok": done.returncode == 0}


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


def goal_rows(gen: list[dict], cons: list[dict], checks: list[dict], rules_out: dict, text: dict,
              suite: dict | None, cons_memory: list[dict]) -> list[tuple[str, str, str, bool]]:
    """(measure, goal, measured, met) for every row of the speed issue's goal table."""
    rows = []
    for r in gen:
        rows.append((f"generate {r['n']:,} pegawai vs the fair XlsxWriter baseline", "≤ 1.1×",
                     f"{r['ratio']:.2f}×", r["ratio"] <= 1.1))
    for r in cons:
        rows.append((f"consolidate {r['files']:,} files, {r['jobs']} process{'es' if r['jobs'] > 1 else ''}, vs bare "
                     "calamine read of every sheet", "≤ 1.5×", f"{r['ratio']:.2f}×", r["ratio"] <= 1.5))
    for r in checks:
        rows.append((f"`skp check` {r['files']:,} files vs the same read", "≤ 2×", f"{r['ratio']:.2f}×",
                     r["ratio"] <= 2))
    for what, ours, plain in (("capaian", "capaian_array", "capaian_plain"),
                              ("predikat codes", "predikat_codes", "predikat_plain")):
        ratio = rules_out[ours] / rules_out[plain]
        rows.append((f"`skpkit.arrays` {what} vs plain NumPy with the same checks, 1M rows", "≤ 2×",
                     f"{ratio:.2f}×", ratio <= 2))
    if len(cons_memory) >= 2:
        small, large = cons_memory[0], cons_memory[-1]
        growth = large["ours_mib"] / small["ours_mib"]
        rows.append((f"consolidate peak memory, {small['files'] * 10:,} → {large['files'] * 10:,} pegawai", "flat",
                     f"{small['ours_mib']:.0f} → {large['ours_mib']:.0f} MiB ({growth:.2f}×)", growth <= 1.25))
    if suite is not None:
        rows.append(("whole `python -m pytest` (LibreOffice and Pyodide included), 2 cores", "≤ 5 minutes",
                     f"{suite['seconds'] / 60:.1f} min ({suite['summary']})", suite["seconds"] <= 300 and suite["ok"]))
    ratio = text["now"] / text["v1"]
    rows.append(("formula text per pegawai sheet vs layout version 1", "½ of today's",
                 f"{text['now']:,.0f} / {text['v1']:,.0f} characters ({ratio:.2f}×)", ratio <= 0.5))
    return rows


def report(gen: list[dict], cons: list[dict], checks: list[dict], rules_out: dict, n_rules: int, text: dict,
           suite: dict | None) -> str:
    cons_memory = [r for r in cons if r["jobs"] == 1]
    goals = goal_rows(gen, cons, checks, rules_out, text, suite, cons_memory)
    lines = ["# skpkit benchmarks", "", f"Machine: {machine()}.", "",
             "Every figure is a ratio against the bare library doing the same work once, in the same run, "
             "each measurement in a fresh process.", "",
             "## Goals", "", "| measure | goal | measured | met |", "|---|---|---|---|"]
    lines += [f"| {m} | {g} | {v} | {'yes' if ok else '**no**'} |" for m, g, v, ok in goals]
    lines += ["", "## Generation: `skp generate` against bare XlsxWriter replaying the same calls (every cell with its "
              "cached value and format, merges, validations, conditional formats, names, charts, protection; the same "
              "one fast path: no newer-Excel function rewriting in cell formulas), each file once", "",
              "| pegawai | files | skpkit (s) | baseline (s) | ratio | ms per pegawai | peak RSS skpkit (MiB) | peak RSS baseline (MiB) |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    lines += [f"| {r['n']:,} | {r['files']:,} | {r['ours_s']:.2f} | {r['base_s']:.2f} | {r['ratio']:.2f} | "
              f"{r['ms_per_pegawai']:.1f} | {r['ours_mib']:.0f} | {r['base_mib']:.0f} |" for r in gen]
    lines += ["", "## Consolidation and check: against reading every sheet of the same files with python-calamine only", "",
              "| work | files | processes | skpkit (s) | baseline (s) | ratio | peak RSS skpkit (MiB) | peak RSS baseline (MiB) |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    lines += [f"| consolidate | {r['files']:,} | {r['jobs']} | {r['ours_s']:.2f} | {r['base_s']:.2f} | {r['ratio']:.2f} | "
              f"{r['ours_mib']:.0f} | {r['base_mib']:.0f} |" for r in cons]
    lines += [f"| check | {r['files']:,} | 1 | {r['ours_s']:.2f} | {r['base_s']:.2f} | {r['ratio']:.2f} | "
              f"{r['ours_mib']:.0f} | {r['base_mib']:.0f} |" for r in checks]
    lines += ["", f"## Rules on {n_rules:,} indikator rows", "", "| what | seconds |", "|---|---:|"]
    names = {"predikat_scalar": "predikat, scalar `skpkit.rules` in a loop",
             "predikat_array": "predikat, `skpkit.arrays` from labels",
             "predikat_codes": "predikat, `skpkit.arrays.predikat_codes` from codes",
             "predikat_plain": "predikat codes, plain NumPy (one padded lookup)",
             "capaian_scalar": "capaian, scalar in a loop", "capaian_array": "capaian, `skpkit.arrays`",
             "capaian_plain": "capaian, plain NumPy with the same checks and output",
             "udf_predikat_10k": "`SKP_PREDIKAT` UDF on a 10,000-row column"}
    lines += [f"| {names[k]} | {v:.3f} |" for k, v in rules_out.items() if k in names]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="smaller sizes (about 3 minutes, plus the test suite)")
    ap.add_argument("--sizes", help="pegawai counts for generation, comma-separated")
    ap.add_argument("--files", help="file counts for consolidation and check, comma-separated")
    ap.add_argument("--no-suite", action="store_true", help="do not time the test suite")
    args = ap.parse_args()
    sizes = [int(x) for x in (args.sizes or ("100,1000" if args.quick else "100,1000,10000")).split(",")]
    files = [int(x) for x in (args.files or ("10,100" if args.quick else "10,100,1000")).split(",")]
    with tempfile.TemporaryDirectory(prefix="skp-bench-") as d:
        tmp = Path(d)
        gen = bench_generation(sizes, tmp)
        cons, checks = bench_consolidation(files, tmp)
        text = bench_formula_text(tmp)
    n_rules = 1_000_000
    rules_out = bench_rules(n_rules)
    suite = None if args.no_suite else bench_suite()
    out = report(gen, cons, checks, rules_out, n_rules, text, suite)
    (HERE / "results.md").write_text(out, encoding="utf-8")
    print()
    print(out)


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"benchmarks took {time.perf_counter() - started:.0f} s; results in {HERE / 'results.md'}")
