"""Write a :class:`~skpkit.generator.plan.WorkbookPlan` to an .xlsx file with XlsxWriter, in one pass.

Everything the sheets share is decided first (:func:`~skpkit.generator.write.sheets.context.make_context`:
layout, geometry, every sheet's evaluation, the Arsip rows, the matriks positions); then each sheet
module writes its sheet. Every computed cell gets its formula from the engine
(:mod:`skpkit.rules.engine`) and, as its cached value, what :mod:`skpkit.evaluasi` computes for
the same entries, so a file shows correct values even before a spreadsheet recalculates it.
"""

from __future__ import annotations

from pathlib import Path

from skpkit.generator.write.book import Book, protect
from skpkit.plan import WorkbookPlan
from skpkit.generator.write.sheets import arsip, cetak, matriks, meta, pegawai, pengaturan, petunjuk, rekap_unit, xlwings_conf
from skpkit.generator.write.sheets.context import make_context

__all__ = ["write_workbook"]


def write_workbook(plan: WorkbookPlan, path: Path) -> None:
    """Write ``plan`` to ``path`` (an .xlsx file, or .xlsm for the xlwings engine), in one pass."""
    wb = Book(str(path))
    ctx = make_context(plan, wb)
    names = ctx.labels["sheets"]
    # Sheets are added in their order in the file, then written.
    sheets = [(wb.add_worksheet(names["petunjuk"]), petunjuk.write),
              (wb.add_worksheet(names["pengaturan"]), pengaturan.write)]
    entry = {sp.name: wb.add_worksheet(sp.name) for sp in plan.sheets}
    for ws in entry.values():
        ws.shown = {}  # the printed forms quote these cells, with the same cached values
        ws.share_formulas = True
    sheets += [(entry[sp.name], lambda c, ws, sp=sp: pegawai.write(c, ws, sp)) for sp in plan.sheets]
    # the printed forms of each pegawai (SKP, EVALUASI per period, DOKUMEN EVALUASI), after the entry sheets
    sheets += [(wb.add_worksheet(ctx.cetak[sp.name]), lambda c, ws, sp=sp: cetak.write(c, ws, sp, entry[sp.name].shown))
               for sp in plan.sheets]
    sheets += [(wb.add_worksheet(names["matriks"]), matriks.write), (wb.add_worksheet(names["rekap"]), rekap_unit.write)]
    if ctx.arsip:
        sheets.append((wb.add_worksheet(names["arsip"]), arsip.write))
    if plan.engine == "xlwings":
        sheets.append((xlwings_conf.add(ctx), xlwings_conf.write))
    meta_ws = wb.add_worksheet(names["meta"])
    sheets.append((meta_ws, meta.write))
    for ws, write in sheets:
        write(ctx, ws)
        protect(ws, plan.password)
    meta_ws.hide()
    sheets[0][0].activate()
    wb.close()
