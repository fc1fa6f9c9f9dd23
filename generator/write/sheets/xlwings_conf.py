"""The ``xlwings.conf`` sheet and xlwings' VBA project, for workbooks of the ``xlwings`` engine."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from xlsxwriter.worksheet import Worksheet

from skpkit.generator.errors import Masalah, UserError
from skpkit.generator.layout.xlwings import CONF, SHEET
from skpkit.generator.write.sheets.context import Context
from skpkit.i18n import _

__all__ = ["add", "write", "xlwings_vba_project"]

def xlwings_vba_project() -> bytes:
    """vbaProject.bin of the standalone workbook that xlwings ships (its RunPython and UDF plumbing)."""
    try:
        import xlwings
    except ImportError:
        raise UserError(Masalah("", what=_("--engine xlwings perlu xlwings"), todo=_("pip install 'skpkit[addin]'"))) from None
    template = Path(xlwings.__file__).parent / "quickstart_standalone.xlsm"
    with zipfile.ZipFile(template) as z:
        return z.read("xl/vbaProject.bin")


def add(ctx: Context) -> Worksheet:
    """Embed the VBA project and add the configuration sheet (written by :func:`write`)."""
    ctx.wb.add_vba_project(io.BytesIO(xlwings_vba_project()), is_stream=True)
    ctx.wb.set_vba_name("ThisWorkbook")
    return ctx.wb.add_worksheet(SHEET)


def write(ctx: Context, ws: Worksheet) -> None:
    for r, (k, v) in enumerate(CONF):
        ws.write_string(r, 0, k)
        ws.write_string(r, 1, v)
    ws.set_column(0, 1, 24)
