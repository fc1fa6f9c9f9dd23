"""Writing cells with XlsxWriter: the workbook class, the styles of the layout, literal and formula cells."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from skpkit.generator.files import release_zips

from skpkit.generator.write.fastcells import FastCells
from skpkit.generator.write.shared import formula_cells, shared_runs
from skpkit.plan import cell_value

__all__ = ["Book", "FastSheet", "Styles", "write_value", "write_formula", "protect", "as_text"]


class FastSheet(FastCells):
    """The worksheet skpkit writes with: XlsxWriter's, with its cells written the fast way (:mod:`.fastcells`),
    a column's like formulas shared (:mod:`.shared`), the values an entry sheet shows kept for its printed
    forms, and a finished sheet written ahead (:meth:`flush`).
    """

    #: (row, col) -> the value a cell shows, kept when set to a dict (a pegawai sheet, which its printed
    #: forms quote: their cached values are the same values)
    shown: dict | None = None
    #: write a column's runs of like formulas once (:mod:`.shared`); set on the sheets that repeat formulas
    #: row by row (a pegawai's entry sheet)
    share_formulas = False
    #: where :meth:`flush` wrote this sheet's XML, copied into the package at close
    _flushed: Path | None = None

    def flush(self, path: Path) -> None:
        """Write this finished sheet's XML now, to ``path``, and let go of its cells (:meth:`Book.flush`)."""
        self._set_xml_writer(str(path))
        self._write_xml()
        self._flushed = path
        self.shown = None
        for held in (self.table, self.merged_cells, self.merge, self.validations, self.cond_formats,
                     self.col_info, self.row_info):
            held.clear()  # written: only the XML is needed any more

    def _assemble_xml_file(self) -> None:
        if self._flushed is None:
            return self._write_xml()
        self.fh.flush()  # the XML as it was written, byte for byte: no second newline translation
        with open(self._flushed, "rb") as f:
            shutil.copyfileobj(f, self.fh.buffer)
        self._xml_close()

    def _write_xml(self) -> None:
        if self.share_formulas:
            self._shared = shared_runs(formula_cells(self.table))
        super()._assemble_xml_file()
        self._shared = {}

    def _write_string(self, row, col, string, cell_format=None):
        if self.shown is not None:
            self.shown[(row, col)] = string
        return super()._write_string(row, col, string, cell_format)

    def _write_number(self, row, col, number, cell_format=None):
        if self.shown is not None:
            self.shown[(row, col)] = number
        return super()._write_number(row, col, number, cell_format)

    def _write_formula(self, row, col, formula, cell_format=None, value=0):
        if self.shown is not None:
            self.shown[(row, col)] = value
        return super()._write_formula(row, col, formula, cell_format, value)

    def _write_blank(self, row, col, blank, cell_format=None):
        if self.shown is not None and (row, col) not in self.shown:
            self.shown[(row, col)] = None
        return super()._write_blank(row, col, blank, cell_format)


class Book(xlsxwriter.Workbook):
    """An XlsxWriter workbook whose sheets are :class:`FastSheet` and whose strings stay strings."""

    worksheet_class = FastSheet

    def __init__(self, path: str) -> None:
        super().__init__(path, {"strings_to_formulas": False, "strings_to_urls": False,
                                "strings_to_numbers": False})
        self._flush_dir: tempfile.TemporaryDirectory | None = None

    def add_format(self, properties=None):
        fmt = super().add_format(properties)
        # its index now, not when a sheet's XML first uses it: the package is then the same whichever
        # sheets were written ahead (:meth:`flush`)
        fmt._get_xf_index()
        return fmt

    def flush(self, ws: FastSheet) -> None:
        """Write a finished sheet's XML now and let go of its cells: a unit of 2,000 pegawai then holds one
        pegawai's cells at a time instead of all of them until the workbook closes (2.9 GiB before).

        Only for a sheet nothing changes any more and whose XML needs nothing the workbook decides at close:
        format and string indices are fixed when a cell is written, and a VBA code name is set here as
        :meth:`close` would set it.
        """
        if self._flush_dir is None:
            # a scanner holding one of these files on Windows must not fail a workbook already written
            self._flush_dir = tempfile.TemporaryDirectory(prefix="skp-sheets-", dir=self.tmpdir,
                                                          ignore_cleanup_errors=True)
        if self.vba_project and ws.vba_codename is None:
            ws.set_vba_name()
        ws.flush(Path(self._flush_dir.name) / f"sheet{ws.index + 1}.xml")

    def close(self) -> None:
        """Write the package; when that fails (a full disk), let go of the file at once.

        XlsxWriter keeps the package's zip in a local variable and does not close it on an error: the file
        stays open until the traceback is freed, and on Windows an open file cannot be removed, so the
        half-written file would outlive the failed run.
        """
        try:
            super().close()
        except BaseException as e:
            release_zips(e)
            raise

    def discard(self) -> None:
        """Remove the sheets written ahead: after :meth:`close`, or when writing stopped on an error
        (:func:`~skpkit.generator.write.workbook.write_workbook` calls it either way)."""
        if self._flush_dir is not None:
            self._flush_dir.cleanup()
            self._flush_dir = None


class Styles:
    """The cell formats of a workbook, from the layout's ``styles``."""

    def __init__(self, wb: xlsxwriter.Workbook, st: dict) -> None:
        base = {"font_name": "Arial", "font_size": 9, "valign": "top", "text_wrap": True, "border": 1}
        add = wb.add_format
        self.title = add({"font_name": "Arial", "bold": True, "font_size": 13})
        self.subtitle = add({"font_name": "Arial", "font_size": 10})
        self.header = add({**base, "bold": True, "bg_color": st["header_fill"], "font_color": st["header_font"],
                           "align": "center", "valign": "vcenter"})
        self.section = add({"font_name": "Arial", "bold": True, "font_size": 10, "bg_color": st["section_fill"]})
        self.label = add({**base, "bold": True})
        self.text = add(base)
        self.input = add({**base, "bg_color": st["input_fill"], "locked": False})
        self.input_num = add({**base, "bg_color": st["input_fill"], "locked": False, "num_format": "#,##0.##"})
        self.input_int = add({**base, "bg_color": st["input_fill"], "locked": False, "num_format": "0"})
        self.issued = add({**base, "bg_color": st["issued_fill"]})
        self.issued_num = add({**base, "bg_color": st["issued_fill"], "num_format": "#,##0.##"})
        self.issued_date = add({**base, "bg_color": st["issued_fill"], "num_format": "dd-mm-yyyy"})
        self.computed = add({**base, "bg_color": st["computed_fill"]})
        self.pct = add({**base, "bg_color": st["computed_fill"], "num_format": "0.00"})
        self.ak = add({**base, "bg_color": st["computed_fill"], "num_format": "0.00"})
        self.nip = add({**base, "num_format": "@"})
        self.hidden = add({"font_name": "Arial", "font_size": 8, "font_color": "#808080"})
        self.error = add({"bg_color": st["error_fill"], "font_color": "#9C0006"})
        self.colors = {label: add({"bg_color": color})
                       for label, color in {**st["predikat_colors"], **st["rating_colors"]}.items()}
        self.sign = add({"font_name": "Arial", "font_size": 9, "align": "center"})
        self.form_title = add({"font_name": "Arial", "bold": True, "font_size": 12, "align": "center"})
        self.form_subtitle = add({"font_name": "Arial", "font_size": 9, "align": "center"})
        self.form_result = add({**base, "bold": True})
        self.sign_line = add({"font_name": "Arial", "font_size": 9, "align": "center", "top": 1})
        self.note = add({"font_name": "Arial", "font_size": 8, "italic": True, "text_wrap": True, "valign": "top"})

    def role(self, role: str):
        """The fill of a column role: ``input``, ``computed``, ``issued`` or ``error``."""
        return {"input": self.input, "computed": self.computed, "issued": self.issued, "error": self.error}[role]


def as_text(v: Any) -> str:
    """A value as a spreadsheet's ``&""`` shows it: blank '', numbers with up to 15 significant digits.

    Examples
    --------
    >>> as_text(None), as_text(10.0), as_text(2.5), as_text("Baik")
    ('', '10', '2.5', 'Baik')
    """
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, (int, float)):
        return f"{float(v):.15G}"
    return str(v)


def write_value(ws: Worksheet, row: int, col: int, value: Any, fmt) -> None:
    """A literal value: text stays text (never a formula), numbers stay numbers, NaN and None blank."""
    if value is None or (isinstance(value, float) and value != value):
        ws.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, fmt)
    elif isinstance(value, (int, float)):
        ws.write_number(row, col, value, fmt)
    else:
        ws.write_string(row, col, str(value), fmt)


def write_formula(ws: Worksheet, row: int, col: int, text: str, fmt, value: Any) -> None:
    """A formula with its cached result as the cell shows it (see :func:`~skpkit.generator.isian.cell_value`)."""
    ws.write_formula(row, col, text, fmt, cell_value(value))


def protect(ws: Worksheet, password: str | None) -> None:
    """Lock every cell but the inputs; selecting and resizing stay allowed."""
    ws.protect(password or "", {"select_locked_cells": True, "select_unlocked_cells": True,
                                "format_columns": True, "format_rows": True})
