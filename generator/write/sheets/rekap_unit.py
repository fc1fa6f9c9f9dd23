"""The ``Rekap Unit`` sheet: per unit and period the predikat organisasi, the count per predikat, each
kurva rule with its count and bound, a chart; below, the pegawai with their predikat (live)."""

from __future__ import annotations

from typing import Sequence

from xlsxwriter.worksheet import Worksheet

from skpkit import rules
from skpkit.errors import InputError
from skpkit.model import Predikat
from skpkit.generator.write.book import write_formula
from skpkit.rules.formula import text_literal
from skpkit.generator.layout import a1, quote_sheet
from skpkit.plan import SheetPlan
from skpkit.generator.write.sheets.context import Context

__all__ = ["write"]


def write(ctx: Context, ws: Worksheet) -> None:
    s, g, lab = ctx.s, ctx.g, ctx.labels["rekap"]
    periods = g.periods()
    ws.set_column(0, 0, 44)
    ws.set_column(1, g.n_periode + 4, 16)
    ws.write_string(0, 0, lab["title"], s.title)
    ws.write_string(1, 0, lab["subtitle"], s.subtitle)
    units = list(dict.fromkeys(sp.kurva_unit for sp in ctx.plan.sheets if sp.kurva_unit))
    block_rows = 8 + 4 * ctx.layout["rekap"]["rule_rows"]
    list_row = 3 + len(units) * (block_rows + 1) + 1
    first, last = _daftar(ctx, ws, list_row)
    row = 3
    for unit in units:
        _unit(ctx, ws, unit, row, first, last)
        row += block_rows + 1
    ws.freeze_panes(3, 1)
    ws.autofilter(list_row + 1, 0, last, 4 + len(periods) - 1)
    ws.set_landscape()
    ws.set_paper(ctx.paper)
    ws.fit_to_pages(1, 0)


def _daftar(ctx: Context, ws: Worksheet, list_row: int) -> tuple[int, int]:
    """The list of pegawai with their predikat (live), which the counts read: its first and last row."""
    s, g, lab = ctx.s, ctx.g, ctx.labels["rekap"]
    ws.write_string(list_row, 0, lab["daftar"], s.section)
    head = lab["daftar_columns"] + [_periode_name(ctx, p) for p in g.periods()]
    for c, h in enumerate(head):
        ws.write_string(list_row + 1, c, h, s.header)
    first = list_row + 2
    for k, sp in enumerate(ctx.plan.sheets):
        r = first + k
        ws.write_string(r, 0, sp.pegawai.nama, s.text)
        ws.write_string(r, 1, sp.pegawai.nip, s.nip)
        ws.write_string(r, 2, sp.pegawai.unit, s.text)
        ws.write_string(r, 3, sp.kurva_unit, s.text)
        for c, p in enumerate(g.periods(), start=4):
            src = f"{quote_sheet(sp.name)}{a1(g.evaluasi_row('predikat'), g.value_col(p), True)}"
            write_formula(ws, r, c, f'={src}&""', s.computed, _predikat_of(ctx, sp, p))
    return first, first + max(len(ctx.plan.sheets), 1) - 1


def _unit(ctx: Context, ws: Worksheet, unit: str, row: int, first: int, last: int) -> None:
    s, g, eng, lab, plan = ctx.s, ctx.g, ctx.engine, ctx.labels["rekap"], ctx.plan
    periods, n = g.periods(), g.n_periode
    rule_rows = ctx.layout["rekap"]["rule_rows"]
    unit_col = f"$D${first + 1}:$D${last + 1}"
    ws.merge_range(row, 0, row, len(periods), lab["unit"].format(unit=unit), s.section)
    ws.write_string(row + 1, 0, lab["periode"], s.header)
    for c, p in enumerate(periods, start=1):
        ws.write_string(row + 1, c, _periode_name(ctx, p), s.header)
    org_r = row + 2
    ws.write_string(org_r, 0, lab["organisasi"], s.label)
    unit_lit = text_literal(unit)
    for c, p in enumerate(periods, start=1):
        col_org = p if p is not None else n + 1
        ws.write_formula(org_r, c, eng.organisasi(unit_lit, col_org), s.computed,
                         plan.organisasi.get((unit, col_org), ""))
    count_rows = {pr: org_r + 1 + i for i, pr in enumerate(Predikat)}
    for pr, r in count_rows.items():
        ws.write_string(r, 0, pr.value, s.label)
    n_row = org_r + 1 + len(Predikat)
    ws.write_string(n_row, 0, lab["jumlah"], s.label)
    yes_no = (lab["ya"], lab["tidak"])
    for c, p in enumerate(periods, start=1):
        pred_col = f"{a1(first, 4 + c - 1, True)}:{a1(last, 4 + c - 1, True)}"
        predikats = [_predikat_of(ctx, sp, p) for sp in plan.sheets if sp.kurva_unit == unit]
        predikats = [x if isinstance(x, Predikat) else None for x in predikats]
        counts = rules.hitung_predikat(predikats)
        organisasi = plan.organisasi.get((unit, p or n + 1))
        try:
            aturan = rules.cek_kurva(organisasi, predikats, settings=plan.settings).aturan if organisasi else ()
        except InputError:  # typed past the list: the formulas show no rule (IFERROR), so does the cached value
            aturan = ()
        for pr, r in count_rows.items():
            ws.write_formula(r, c, eng.hitung(unit_col, unit_lit, pred_col, pr.value), s.computed, counts[pr])
        cnt = {pr: a1(r, c) for pr, r in count_rows.items()}
        ws.write_formula(n_row, c, f"=SUM({cnt[Predikat.SANGAT_BAIK]}:{cnt[Predikat.SANGAT_KURANG]})",
                         s.computed, sum(counts.values()))
        for slot in range(rule_rows):
            base = n_row + 1 + 4 * slot
            rule = aturan[slot] if slot < len(aturan) else None
            for k, part in enumerate(("teks", "jumlah", "batas", "terpenuhi")):
                value = "" if rule is None else {
                    "teks": rule.teks, "jumlah": rule.jumlah, "batas": rule.batas,
                    "terpenuhi": yes_no[0] if rule.terpenuhi else yes_no[1]}[part]
                ws.write_formula(base + k, c, eng.kurva(part, slot, a1(org_r, c), cnt, a1(n_row, c), ctx.names,
                                                        a1(base + 1, c), a1(base + 2, c), yes_no), s.computed, value)
    for slot in range(rule_rows):
        base = n_row + 1 + 4 * slot
        ws.set_row(base, 36)  # the rule's text wraps in its period column: room for three lines, not clipped
        ws.write_string(base, 0, lab["aturan"].format(n=slot + 1), s.label)
        for k, part in enumerate(lab["aturan_parts"], start=1):
            ws.write_string(base + k, 0, part, s.label)
    ws.conditional_format(n_row + 1, 1, n_row + 4 * rule_rows, len(periods), {
        "type": "cell", "criteria": "==", "value": text_literal(yes_no[1]), "format": s.error})
    _chart(ctx, ws, unit, row, count_rows, periods)


def _periode_name(ctx: Context, p: int | None) -> str:
    return ctx.plan.jenis_periode.nama(p) if p else ctx.labels["tahunan"]


def _predikat_of(ctx: Context, sp: SheetPlan, p: int | None):
    res = ctx.results[sp.name]
    return (res.tahunan if p is None else res.periode[p - 1]).predikat


def _chart(ctx: Context, ws: Worksheet, unit: str, row: int, count_rows: dict, periods: Sequence) -> None:
    lab = ctx.labels["rekap"]
    chart = ctx.wb.add_chart({"type": "column"})
    name = ws.get_name()
    r0, r1 = min(count_rows.values()), max(count_rows.values())
    for c, _ in enumerate(periods, start=1):
        chart.add_series({"name": [name, row + 1, c], "categories": [name, r0, 0, r1, 0],
                          "values": [name, r0, c, r1, c]})
    chart.set_title({"name": lab["chart_title"].format(unit=unit), "name_font": {"size": 10}})
    chart.set_y_axis({"name": lab["chart_y"], "major_gridlines": {"visible": True}})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 560, "height": 300})
    ws.insert_chart(row, len(periods) + 2, chart)
