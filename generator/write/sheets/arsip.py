"""The ``Arsip`` sheet: RHK whose superior RHK is gone. They stay on the pegawai's sheet with their
values; this sheet lists them to be re-pointed."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from skpkit.generator.write.book import write_value
from skpkit.generator.layout import a1
from skpkit.generator.write.sheets.context import Context

__all__ = ["write"]


def write(ctx: Context, ws: Worksheet) -> None:
    s, g, lab = ctx.s, ctx.g, ctx.labels["arsip"]
    ws.write_string(0, 0, lab["title"], s.title)
    ws.write_string(1, 0, lab["subtitle"], s.subtitle)
    head = lab["columns"] + [lab["realisasi"].format(periode=ctx.plan.jenis_periode.nama(p))
                             for p in range(1, g.n_periode + 1)]
    for c, h in enumerate(head):
        ws.write_string(3, c, h, s.header)
    ws.set_column(0, 0, 26)
    ws.set_column(1, 1, 21)
    ws.set_column(2, 5, 30)
    ws.set_column(3, 3, 14, None, {"hidden": True})  # the RHK id: kept for tracing, never printed
    ws.set_landscape()
    ws.set_paper(ctx.paper)
    ws.fit_to_pages(1, 0)
    r = 4
    for sp, i, sl in ctx.arsip:
        for j, ind in enumerate(sl.indikator):
            values = [sp.pegawai.nama, sp.pegawai.nip, sp.name, sl.id, sp.rhk_value(sl, "rhk") or "",
                      sp.rhk_value(sl, "intervensi"), a1(g.slot_row(i, j), g.col("indikator"))]
            for c, v in enumerate(values):
                ws.write_string(r, c, str(v), s.nip if c == 1 else s.text)
            for p in range(1, g.n_periode + 1):
                write_value(ws, r, len(values) + p - 1, sp.isian.get(ind.id, "realisasi", p), s.text)
            r += 1
    ws.freeze_panes(4, 0)
