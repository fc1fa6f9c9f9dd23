"""benchmarks/results.md from one run's measurements: the speed issue's goals, met or not, then the tables."""

from __future__ import annotations

MIB = 1024 * 1024


def _goal(rows: list, measure: str, goal: str, measured: str, met: bool | None) -> None:
    rows.append((measure, goal, measured, "-" if met is None else "yes" if met else "**no**"))


def goals(gen: list[dict], text: dict, reads: list[dict], unit: dict | None, lo: list[dict],
          before: int, pemda: int) -> list[tuple]:
    rows: list = []
    top = gen[-1]
    measured = top["n"] >= pemda
    wall = top["seconds"] if measured else top["seconds"] / top["n"] * pemda
    how = "measured" if measured else f"projected from {top['n']:,}"
    _goal(rows, f"generate {pemda:,} pegawai in {pemda // 10:,} units, `--jobs 2`", "≤ 5 min",
          f"{wall / 60:.1f} min ({how}: {1000 * top['seconds'] / top['n']:.1f} ms a pegawai)", wall <= 300)
    for g in gen:
        ratio = g["seconds"] / g["deflate"]
        _goal(rows, f"generate {g['n']:,} pegawai vs zlib deflate of the XML it writes", "≤ 4×",
              f"{ratio:.1f}× ({g['seconds']:.1f} s against {g['deflate']:.2f} s)", ratio <= 4)
        per = g["xml"] / g["n"] / 1024
        _goal(rows, f"XML a pegawai ({g['n']:,} pegawai)", "≤ 220 KB", f"{per:.0f} KB", per <= 220)
    _goal(rows, "entry sheet formula text a pegawai, as the cells hold it", f"≤ ½ of {before:,}",
          f"{text['built']:,.0f} ({text['built'] / before:.2f}×)", text["built"] <= before / 2)
    _goal(rows, "entry sheet formula text a pegawai, as the file stores it (shared formulas)", f"≤ ½ of {before:,}",
          f"{text['stored']:,.0f} ({text['stored'] / before:.2f}×)", text["stored"] <= before / 2)
    _goal(rows, "longest formula", "≤ 400 characters", f"{text['longest']:,}", text["longest"] <= 400)
    if unit:
        _goal(rows, f"generate one unit of {unit['n']:,} pegawai, peak memory", "≤ 500 MiB",
              f"{unit['gen_mib']:,.0f} MiB ({unit['gen_s']:.0f} s, {unit['bytes'] / MIB:.0f} MiB file)",
              unit["gen_mib"] <= 500)
    if len(gen) > 1:
        growth = gen[-1]["rss_mib"] / gen[0]["rss_mib"]
        _goal(rows, f"generation peak memory, {gen[0]['n']:,} → {gen[-1]['n']:,} pegawai", "flat",
              f"{gen[0]['rss_mib']:.0f} → {gen[-1]['rss_mib']:.0f} MiB ({growth:.2f}×)", growth <= 1.25)
    cons = [r for r in reads if r["work"] == "consolidate"]
    ones = [r for r in cons if r["jobs"] == 1]
    if len(ones) > 1:
        growth = ones[-1]["ours_mib"] / ones[0]["ours_mib"]
        _goal(rows, f"consolidation peak memory, {ones[0]['files']:,} → {ones[-1]['files']:,} files", "flat",
              f"{ones[0]['ours_mib']:.0f} → {ones[-1]['ours_mib']:.0f} MiB ({growth:.2f}×)", growth <= 1.25)
    for r in cons:
        every, needed = r["ours_s"] / r["all_s"], r["ours_s"] / r["needed_s"]
        what = f"consolidate {r['files']:,} files, {r['jobs']} process{'es' if r['jobs'] > 1 else ''}"
        _goal(rows, f"{what}, vs calamine reading every sheet", "≤ 1.5×", f"{every:.2f}×", every <= 1.5)
        _goal(rows, f"{what}, vs calamine reading the sheets it needs", "≤ 2.5×", f"{needed:.2f}×", needed <= 2.5)
    best = min((r for r in cons if r["n"] == top["n"]), key=lambda r: r["ours_s"], default=None)
    if best is not None:
        wall = best["ours_s"] / best["n"] * pemda
        how = "measured" if best["n"] >= pemda else f"projected from {best['n']:,}"
        procs = f"{best['jobs']} process{'es' if best['jobs'] > 1 else ''}"
        _goal(rows, f"consolidate {pemda:,} pegawai", "≤ 90 s", f"{wall:.0f} s ({how}, {procs})", wall <= 90)
    for r in reads:
        if r["work"] == "check":
            ratio = r["ours_s"] / r["all_s"]
            _goal(rows, f"`skp check` {r['files']:,} files vs calamine reading every sheet", "≤ 1.3×",
                  f"{ratio:.2f}×", ratio <= 1.3)
    for n in sorted({r["n"] for r in lo}):
        off, on = (next(r for r in lo if r["n"] == n and r["shared"] is s) for s in (False, True))
        _goal(rows, f"LibreOffice opens, recalculates and saves a unit of {off['pegawai']} pegawai",
              "measured", f"{off['seconds']:.1f} s before shared formulas, {on['seconds']:.1f} s now", None)
    return rows


def report(machine: str, gen: list[dict], text: dict, reads: list[dict], unit: dict | None, lo: list[dict],
           rules: dict, suite: dict | None, before: int, pemda: int) -> str:
    lines = ["# skpkit benchmarks", "", f"Machine: {machine}.", "",
             "Each measurement runs in a fresh process; every ratio is against a floor measured in the same run "
             "(`python benchmarks/run.py`; the floors are described in its docstring).", "",
             "## Goals", "", "| measure | goal | measured | met |", "|---|---|---|---|"]
    lines += [f"| {m} | {g} | {v} | {ok} |" for m, g, v, ok in goals(gen, text, reads, unit, lo, before, pemda)]
    lines += ["", "## Generation (`generate --jobs 2`, units of 10 pegawai)", "",
              "| pegawai | files | seconds | ms a pegawai | XML MiB | KB a pegawai | zip MiB | deflate floor (s) | "
              "ratio | peak RSS (MiB) |", "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    lines += [f"| {g['n']:,} | {g['files']:,} | {g['seconds']:.1f} | {1000 * g['seconds'] / g['n']:.1f} | "
              f"{g['xml'] / MIB:,.0f} | {g['xml'] / g['n'] / 1024:.0f} | {g['packed'] / MIB:,.1f} | {g['deflate']:.2f} | "
              f"{g['seconds'] / g['deflate']:.1f} | {g['rss_mib']:.0f} |" for g in gen]
    for g in gen:
        if "replay_s" in g:
            lines += ["", f"Against the bare library ({g['n']:,} pegawai, one process): skpkit {g['ours1_s']:.1f} s, "
                      f"XlsxWriter replaying the same calls {g['replay_s']:.1f} s: {g['ours1_s'] / g['replay_s']:.2f}×."]
    lines += ["", f"Entry sheet formulas a pegawai: {text['count']:,.0f} formula cells, {text['built']:,.0f} characters "
              f"as the cells hold them, {text['stored']:,.0f} stored (shared formulas), the longest "
              f"{text['longest']:,}."]
    lines += ["", "## Check and consolidation (units of 10 pegawai, two quarters filled)", "",
              "| work | pegawai | files | processes | seconds | ms a file | calamine, every sheet (s) | ratio | "
              "calamine, needed sheets (s) | ratio | peak RSS (MiB) |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in reads:
        needed = "- | -" if r["needed_s"] is None else f"{r['needed_s']:.2f} | {r['ours_s'] / r['needed_s']:.2f}"
        lines.append(f"| {r['work']} | {r['n']:,} | {r['files']:,} | {r['jobs']} | {r['ours_s']:.2f} | "
                     f"{1000 * r['ours_s'] / r['files']:.0f} | {r['all_s']:.2f} | {r['ours_s'] / r['all_s']:.2f} | "
                     f"{needed} | {r['ours_mib']:.0f} |")
    if unit:
        lines += ["", f"## One unit of {unit['n']:,} pegawai", "",
                  f"Generated in {unit['gen_s']:.0f} s at a peak of {unit['gen_mib']:,.0f} MiB "
                  f"({unit['bytes'] / MIB:.0f} MiB file); `skp check` {unit['check_s']:.0f} s, "
                  f"{unit['check_mib']:,.0f} MiB, {unit['problems']} problems; consolidated "
                  f"({unit['pegawai']:,} pegawai) in {unit['cons_s']:.0f} s, {unit['cons_mib']:,.0f} MiB."]
    if lo:
        lines += ["", "## LibreOffice: open, recalculate every formula, save (one call, start-up included)", "",
                  "| pegawai | formulas | file (KB) | seconds |", "|---:|---|---:|---:|"]
        lines += [f"| {r['pegawai']} | {'shared' if r['shared'] else 'each in full'} | {r['bytes'] / 1024:,.0f} | "
                  f"{r['seconds']:.1f} |" for r in lo]
    lines += ["", "## Rules on 1,000,000 indikator rows (seconds)", "", "| what | seconds |", "|---|---:|"]
    lines += [f"| {k} | {v:.3f} |" for k, v in rules.items() if k != "rss_mib"]
    if suite:
        lines += ["", f"Whole test suite: {suite['seconds'] / 60:.1f} min ({suite['summary']})."]
    return "\n".join(lines) + "\n"
