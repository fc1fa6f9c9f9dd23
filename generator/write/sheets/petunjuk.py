"""The ``Petunjuk`` sheet: three steps, the colour legend, a link to every pegawai's sheet."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from skpkit.generator.layout import quote_sheet
from skpkit.generator.write.sheets.context import Context

__all__ = ["write"]


def write(ctx: Context, ws: Worksheet) -> None:
    s, plan, lab = ctx.s, ctx.plan, ctx.labels["petunjuk"]
    ws.set_column(0, 0, 4)
    ws.set_column(1, 1, 110)
    ws.set_portrait()
    ws.set_paper(ctx.paper)
    ws.fit_to_pages(1, 0)  # one page wide: no line cut across pages
    ws.write_string(0, 1, lab["title"], s.title)
    ws.write_string(1, 1, lab["subtitle"].format(instansi=plan.instansi, tahun=plan.tahun,
                                                 periode=plan.jenis_periode.value), s.subtitle)
    row = 3
    for line in lab["steps"]:
        ws.write_string(row, 1, line, s.text)
        row += 1
    row += 1
    ws.write_string(row, 1, lab["legend_title"], s.section)
    for role, text in lab["legend"].items():
        row += 1
        ws.write_string(row, 0, "", s.role(role))
        ws.write_string(row, 1, text, s.text)
    row += 2
    ws.write_string(row, 1, lab["sheets_title"], s.section)
    for sp in plan.sheets:
        row += 1
        ws.write_url(row, 1, f"internal:{quote_sheet(sp.name)}A1",
                     string=lab["sheet_link"].format(sheet=sp.name, nama=sp.pegawai.nama, jabatan=sp.pegawai.jabatan))
