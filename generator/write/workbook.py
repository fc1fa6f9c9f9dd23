"""Write a :class:`~skpkit.generator.plan.WorkbookPlan` to an .xlsx file with XlsxWriter, in one pass.

Everything the sheets share is decided first (:func:`~skpkit.generator.write.sheets.context.make_context`:
layout, geometry, every sheet's evaluation, the Arsip rows, the matriks positions); then each sheet
module writes its sheet. Every computed cell gets its formula from the engine
(:mod:`skpkit.rules.engine`) and, as its cached value, what :mod:`skpkit.evaluasi` computes for
the same entries, so a file shows correct values even before a spreadsheet recalculates it.
"""

from __future__ import annotations

from pathlib import Path

from skpkit.generator.errors import Masalah, UserError
from skpkit.generator.files import target_of
from skpkit.generator.layout import MAX_TEXT
from skpkit.generator.write.book import Book, protect
from skpkit.generator.write.fastcells import TextTooLong
from skpkit.i18n import _
from skpkit.plan import WorkbookPlan
from skpkit.generator.write.sheets import arsip, cetak, matriks, meta, pegawai, pengaturan, petunjuk, rekap_unit, xlwings_conf
from skpkit.generator.write.sheets.context import make_context

__all__ = ["write_workbook"]


def write_workbook(plan: WorkbookPlan, path: Path) -> None:
    """Write ``plan`` to ``path`` (an .xlsx file, or .xlsm for the xlwings engine), in one pass.

    A pegawai's entry sheet and print sheet are written one after the other and then flushed
    (:meth:`~skpkit.generator.write.book.Book.flush`), so memory holds one pegawai's cells at a time.
    """
    wb = Book(str(path))
    try:
        _write(plan, wb)
        wb.close()
    except TextTooLong as e:
        raise UserError(Masalah(str(target_of(Path(path))), e.sheet, e.cell, _(
            "teks {n} karakter, lebih dari {m} yang muat di satu sel: berkas tidak ditulis").format(
                n=e.length, m=MAX_TEXT), _("persingkat teks itu di sumbernya (roster atau buku kerja atasan)"))) from None
    finally:
        wb.discard()


def _write(plan: WorkbookPlan, wb: Book) -> None:
    ctx = make_context(plan, wb)
    names = ctx.labels["sheets"]
    # Sheets are added in their order in the file, then written.
    head = [(wb.add_worksheet(names["petunjuk"]), petunjuk.write),
            (wb.add_worksheet(names["pengaturan"]), pengaturan.write)]
    entry = {sp.name: wb.add_worksheet(sp.name) for sp in plan.sheets}
    # the printed forms of each pegawai (SKP, EVALUASI per period, DOKUMEN EVALUASI), after the entry sheets
    printed = {sp.name: wb.add_worksheet(ctx.cetak[sp.name]) for sp in plan.sheets}
    tail = [(wb.add_worksheet(names["matriks"]), matriks.write), (wb.add_worksheet(names["rekap"]), rekap_unit.write)]
    if ctx.arsip:
        tail.append((wb.add_worksheet(names["arsip"]), arsip.write))
    if plan.engine == "xlwings":
        tail.append((xlwings_conf.add(ctx), xlwings_conf.write))
    meta_ws = wb.add_worksheet(names["meta"])
    tail.append((meta_ws, meta.write))
    for ws, write in head:
        write(ctx, ws)
        protect(ws, plan.password)
    for sp in plan.sheets:
        ws, form = entry[sp.name], printed[sp.name]
        ws.shown = {}  # the printed forms quote these cells, with the same cached values
        ws.share_formulas = True
        pegawai.write(ctx, ws, sp)
        protect(ws, plan.password)
        form.share_formulas = True  # its references are relative: a column's like formulas are stored once
        cetak.write(ctx, form, sp, ws.shown)
        protect(form, plan.password)
        wb.flush(ws)
        wb.flush(form)
    for ws, write in tail:
        write(ctx, ws)
        protect(ws, plan.password)
    meta_ws.hide()
    head[0][0].activate()
