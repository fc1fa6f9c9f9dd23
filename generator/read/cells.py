"""Every stored cell of a workbook with its value and formula text, straight from the sheet XML: for
tests and benchmarks that compare what a spreadsheet program stored (the verbs read through
:mod:`.package` and :mod:`.workbook`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from lxml import etree
from xlsxwriter.utility import xl_cell_to_rowcol

from skpkit.generator.layout.references import shifted
from skpkit.generator.read.package import Package, open_source

__all__ = ["Cell", "read_cells"]


class Cell(NamedTuple):
    """One cell as the sheet XML stores it: its value (number, text, bool, error text) and formula."""

    value: Any
    formula: str | None = None
    error: bool = False


def read_cells(path: Path, sheets: set[str] | None = None) -> dict[str, dict[tuple[int, int], Cell]]:
    """Every stored cell of ``sheets`` (default: all) with its value and formula text, straight from the
    sheet XML (for tests and benchmarks that compare what a spreadsheet program stored)."""
    package = open_source(path)
    assert isinstance(package, Package)
    strings: list[str] = []
    if "xl/sharedStrings.xml" in package.zip.namelist():
        strings = ["".join(si.itertext()) for si in package._xml("xl/sharedStrings.xml")]
    out: dict[str, dict[tuple[int, int], Cell]] = {}
    for name, part in package.parts.items():
        if sheets is not None and name not in sheets:
            continue
        root = package._xml(part)
        m = "{" + etree.QName(root).namespace + "}"
        cells: dict[tuple[int, int], Cell] = {}
        masters: dict[str, tuple[int, int, str]] = {}  # shared formula index -> its first cell and text
        for c in root.iter(m + "c"):
            kind, f, v = c.get("t", "n"), c.find(m + "f"), c.find(m + "v")
            text = v.text if v is not None else None
            value: Any
            if kind == "s" and text is not None:
                value = strings[int(text)]
            elif kind == "inlineStr":
                value = "".join(c.itertext())
            elif kind == "b":
                value = text == "1" if text is not None else None
            elif kind in ("str", "e"):
                value = text if text is not None else ("" if kind == "str" else None)
            else:
                value = float(text) if text not in (None, "") else None
            at = xl_cell_to_rowcol(c.get("r", "A1"))
            formula = None if f is None else f.text or ""
            if f is not None and f.get("t") == "shared":
                if f.text:
                    masters[f.get("si", "")] = (*at, f.text)
                elif f.get("si", "") in masters:
                    row, col, text = masters[f.get("si", "")]
                    formula = shifted(text, at[0] - row, at[1] - col) or f"shared:{f.get('si', '')}"
                else:
                    formula = f"shared:{f.get('si', '')}"
            cells[at] = Cell(value, formula, kind == "e")
        out[name] = cells
    return out
