"""Shared formulas: a run of formulas down one column that differ only by their row is stored once.

Why: a pegawai's entry sheet repeats each computed column over every indikator row, and the formula
text was three quarters of its XML (210,000 characters a sheet). SpreadsheetML's shared formula
(ECMA-376 Part 1, 18.3.1.40, ``t="shared"``) stores the text in the run's first cell with the range it
covers, and every other cell of the run names it by index; Excel itself saves formulas this way, and
Excel 2010, LibreOffice, WPS and Gnumeric read it. A cell keeps its own cached value and style; only
the text is shared, and only where moving the first cell's formula down (:func:`shifted`) gives
exactly the cell's own text, so every program reads the formula skpkit wrote.
"""

from __future__ import annotations

from typing import Any, Iterable

from xlsxwriter.utility import xl_col_to_name

from skpkit.generator.layout.references import RowTemplate

__all__ = ["SharedRun", "shared_runs"]

_NO_DIGITS = str.maketrans("", "", "0123456789")

#: a run shorter than this is written in full: the shared form saves nothing on one or two cells
MIN_RUN = 3


class SharedRun:
    """Where a cell stands in a shared formula: its index, and the range it covers (first cell only)."""

    __slots__ = ("index", "ref")

    def __init__(self, index: int, ref: str | None) -> None:
        self.index, self.ref = index, ref


def shared_runs(formulas: Iterable[tuple[int, int, str]]) -> dict[str, SharedRun]:
    """The cells (A1) of ``formulas`` (row, col, text; any order) that are written as shared formulas.

    Examples
    --------
    >>> runs = shared_runs([(r, 2, f"A{r + 1}*2") for r in range(4)] + [(0, 3, "1")])
    >>> [(cell, run.index, run.ref) for cell, run in runs.items()]
    [('C1', 0, 'C1:C4'), ('C2', 0, None), ('C3', 0, None), ('C4', 0, None)]
    """
    by_col: dict[int, list[tuple[int, str]]] = {}
    for row, col, text in formulas:
        by_col.setdefault(col, []).append((row, text))
    out: dict[str, SharedRun] = {}
    index = 0
    for col in sorted(by_col):
        cells = sorted(by_col[col])
        start = 0
        while start < len(cells):
            row0, text0 = cells[start]
            end = start + 1
            template: RowTemplate | None = None
            while end < len(cells) and cells[end][0] == row0 + (end - start):
                text = cells[end][1]
                if template is None:
                    if text.translate(_NO_DIGITS) != text0.translate(_NO_DIGITS):
                        break  # unlike at a glance: the first cell's text is not worth splitting
                    template = RowTemplate.of(text0)
                if template is None or template.down(end - start) != text:
                    break
                end += 1
            if end - start >= MIN_RUN:
                letters = xl_col_to_name(col)
                out[f"{letters}{row0 + 1}"] = SharedRun(index, f"{letters}{row0 + 1}:{letters}{cells[end - 1][0] + 1}")
                follower = SharedRun(index, None)
                for row, _ in cells[start + 1:end]:
                    out[f"{letters}{row + 1}"] = follower
                index += 1
            start = end
    return out


def formula_cells(table: dict[int, dict[int, Any]]) -> Iterable[tuple[int, int, str]]:
    """The (row, col, text) of every formula cell in an XlsxWriter worksheet's cell table."""
    for row, cols in table.items():
        for col, cell in cols.items():
            if type(cell).__name__ == "Formula":
                yield row, col, cell.formula
