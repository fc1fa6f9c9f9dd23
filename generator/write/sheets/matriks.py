"""The ``Matriks Peran Hasil`` sheet: for every superior in the file, their RHK as columns and their
direct subordinates as rows; what a subordinate takes on is read by the next ``skp generate``."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from skpkit.generator.write.book import write_value
from skpkit.rules.formula import text_literal
from skpkit.generator.layout import a1, quote_sheet
from skpkit.generator.layout.tables import MatriksGeometry
from skpkit.generator.write.sheets.context import Context

__all__ = ["write"]


def write(ctx: Context, ws: Worksheet) -> None:
    s, g, lab, plan = ctx.s, ctx.g, ctx.labels["matriks"], ctx.plan
    ws.set_column(0, 0, 22)
    ws.set_column(1, 1, 28)
    ws.set_column(2, 2 + g.n_slots, 24)
    ws.set_landscape()
    ws.set_paper(ctx.paper)
    ws.fit_to_pages(1, 0)
    ws.write_string(0, 0, lab["title"], s.title)
    ws.write_string(1, 0, lab["note"], s.subtitle)
    mg = MatriksGeometry(ctx.layout)
    for block, (_, row) in zip(plan.matriks, ctx.matriks):
        sup = quote_sheet(block.atasan_sheet)
        sup_plan = plan.sheet_named(block.atasan_sheet)
        ws.merge_range(row, mg.nip_col, row, mg.nama_col,
                       lab["atasan"].format(nama=sup_plan.pegawai.nama, nip=block.atasan_nip), s.section)
        head_row = mg.header_row(row)
        ws.write_string(head_row, mg.nip_col, lab["nip"], s.header)
        ws.write_string(head_row, mg.nama_col, lab["nama"], s.header)
        for i in range(g.n_slots):
            # the superior's RHK by its number and text (its id stays in the superior's hidden column)
            text_ref = f"{sup}{a1(g.slot_row(i), g.col('rhk'), True)}"
            head = lab["kolom_rhk"].format(no=i + 1)
            known = plan.sheet_choice(block.atasan_sheet, i)
            ws.write_formula(head_row, mg.rhk_col(i),
                             f'=IF({text_ref}="",{text_literal(head)},{text_literal(head + ": ")}&{text_ref})',
                             s.header, f"{head}: {known[1]}" if known[1] else head)
        for k, p in enumerate(block.bawahan):
            r = mg.bawahan_row(row, k)
            ws.write_string(r, mg.nip_col, p.nip, s.nip)
            ws.write_string(r, mg.nama_col, p.nama, s.text)
            for i, sl in enumerate(sup_plan.slots):
                write_value(ws, r, mg.rhk_col(i), block.entries.get((p.nip, sl.id)), s.input)
    if not plan.matriks:
        ws.write_string(ctx.layout["matriks"]["first_row"], 0, lab["kosong"], s.text)
