"""XlsxWriter's innermost loop, for the cells skpkit writes: the same XML, byte for byte, in less time.

Why: a pegawai writes about 4,400 cells, and XlsxWriter spends most of a workbook's time per cell:
checking each formula against the dynamic-array functions, building an attribute list and running an
escaping regular expression on every cell reference and style index, formatting the reference anew.
skpkit writes Excel 2010 functions only (a test parses every formula), its references and style indices
never need escaping, and a column's letters do not change; so :class:`FastCells` stores a formula as
it is and writes numbers, shared strings, formulas and blanks with one string each. Anything else
(booleans, array formulas, rich strings, a row's or column's default format) goes through XlsxWriter's
own code. ``tests/test_shared_formulas.py`` writes workbooks both ways and compares every byte.
"""

from __future__ import annotations

from functools import lru_cache

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import CellFormulaTuple, Worksheet

from skpkit.generator.layout import MAX_TEXT

__all__ = ["FastCells", "ERROR_VALUES", "TextTooLong"]


class TextTooLong(ValueError):
    """Text longer than a cell holds, about to be written at ``sheet``!``cell``: refused, never cut."""

    def __init__(self, sheet: str, cell: str, length: int) -> None:
        super().__init__(f"{sheet}!{cell}: {length} characters")
        self.sheet, self.cell, self.length = sheet, cell, length

#: cached formula values written as errors (``t="e"``), as XlsxWriter does
ERROR_VALUES = frozenset(("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"))

#: a column's letters, worked out once per column
_col = lru_cache(maxsize=None)(xl_col_to_name)


def _data(text: str) -> str:
    """XlsxWriter's escaping of element text (quotes stay as they are)."""
    if "&" in text or "<" in text or ">" in text:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


class FastCells(Worksheet):
    """A worksheet whose formula cells are stored as written and whose common cells are written in one
    step (see the module's docstring). ``fast_cells = False`` writes every cell XlsxWriter's way."""

    fast_cells = True
    #: cell (A1) -> its shared formula run (:mod:`skpkit.generator.write.shared`), set while the sheet's XML
    #: is assembled
    _shared: dict = {}

    def _prepare_formula(self, formula, expand_future_functions=False):
        # validation and conditional format formulas: Excel 2010 functions and names only, nothing to expand
        if not self.fast_cells:
            return super()._prepare_formula(formula, expand_future_functions)
        return formula[1:] if formula.startswith("=") else formula

    def _write_string(self, row, col, string, cell_format=None):
        if len(string) > MAX_TEXT:
            raise TextTooLong(self.name, f"{_col(col)}{row + 1}", len(string))
        return super()._write_string(row, col, string, cell_format)

    def _write_formula(self, row, col, formula, cell_format=None, value=0):
        if not self.fast_cells or not formula:  # XlsxWriter warns about an empty formula
            return super()._write_formula(row, col, formula, cell_format, value)
        if self._check_dimensions(row, col):
            return -1
        if formula.startswith("="):
            formula = formula[1:]
        self.table[row][col] = CellFormulaTuple(formula, cell_format, value)
        return 0

    def _write_cell(self, row, col, cell) -> None:
        fmt = cell.format
        kind = type(cell).__name__
        if not self.fast_cells or fmt is None or kind not in ("Number", "String", "Formula", "Blank"):
            return super()._write_cell(row, col, cell)
        ref = f"{_col(col)}{row + 1}"
        head = f'<c r="{ref}" s="{fmt._get_xf_index()}"'
        if kind == "String":
            self.fh.write(f'{head} t="s"><v>{cell.string}</v></c>')
        elif kind == "Number":
            self.fh.write(f"{head}><v>{cell.number:.16G}</v></c>")
        elif kind == "Blank":
            self.fh.write(head + "/>")
        else:
            self._formula(head, cell, ref)

    def _formula(self, head: str, cell, ref: str) -> None:
        value = cell.value
        if isinstance(value, bool):
            head, value = head + ' t="b"', int(value)
        elif isinstance(value, str):
            if value in ERROR_VALUES:
                head += ' t="e"'
            elif value:
                head += ' t="str"'
            value = _data(value)
        self._cell_formula(head, self._shared.get(ref), _data(cell.formula), value)

    def _cell_formula(self, head: str, run, formula: str, value) -> None:
        """A formula cell's element (``head`` its opening tag so far, ``formula`` and ``value`` escaped): in
        full, or as the first or a following cell of its shared formula ``run``."""
        if run is None:
            self.fh.write(f"{head}><f>{formula}</f><v>{value}</v></c>")
        elif run.ref is None:
            self.fh.write(f'{head}><f t="shared" si="{run.index}"/><v>{value}</v></c>')
        else:
            self.fh.write(f'{head}><f t="shared" ref="{run.ref}" si="{run.index}">{formula}</f><v>{value}</v></c>')

    def _xml_formula_element(self, formula, result, attributes=[]) -> None:  # noqa: B006 - XlsxWriter's signature
        """XlsxWriter's own formula element (``fast_cells = False``), with the shared formula runs."""
        run = self._shared.get(attributes[0][1]) if attributes else None
        if run is None:
            return super()._xml_formula_element(formula, result, attributes)
        attr = "".join(f' {key}="{self._escape_attributes(value)}"' for key, value in attributes)
        self._cell_formula(f"<c{attr}", run, self._escape_data(formula), self._escape_data(result))
