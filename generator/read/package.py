"""Parts of an .xlsx package read directly from the zip, for what python-calamine does not expose."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any, Callable, NamedTuple
from xml.etree import ElementTree

from xlsxwriter.utility import xl_cell_to_rowcol

__all__ = ["defined_names", "parse_range", "Range", "Cell", "SheetXml", "read_sheets", "read_cells", "sheet_members",
           "shared_strings", "scan_formulas", "FormulaScan"]

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
#: (sheet, first row, first col, last row, last col), 0-based
Range = tuple[str, int, int, int, int]
_REF = re.compile(r"^(?:'((?:[^']|'')+)'|([^!]+))!(\$?[A-Z]+\$?\d+)(?::(\$?[A-Z]+\$?\d+))?$")
#: workbook.xml of a workbook this size is a few kB; refuse to parse more than this
MAX_WORKBOOK_XML = 4 * 1024 * 1024


def parse_range(text: str) -> Range | None:
    """A defined name's reference as (sheet, r0, c0, r1, c1); None for anything but one sheet range.

    Examples
    --------
    >>> parse_range("'SKP Ani'!$B$3:$C$9")
    ('SKP Ani', 2, 1, 8, 2)
    >>> parse_range("Pengaturan!$B$3")
    ('Pengaturan', 2, 1, 2, 1)
    >>> parse_range("#REF!") is None
    True
    """
    m = _REF.match(text.strip().lstrip("="))
    if not m:
        return None
    sheet = m.group(1).replace("''", "'") if m.group(1) is not None else m.group(2)
    r0, c0 = xl_cell_to_rowcol(m.group(3).replace("$", ""))
    r1, c1 = xl_cell_to_rowcol(m.group(4).replace("$", "")) if m.group(4) else (r0, c0)
    return sheet, r0, c0, r1, c1


def defined_names(path: Path) -> dict[str, Range]:
    """Workbook-level defined names of an .xlsx/.xlsm and the ranges they refer to.

    Names scoped to one sheet, and names that are not a single range, are left out.
    """
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("xl/workbook.xml")
        if info.file_size > MAX_WORKBOOK_XML:
            raise ValueError(f"xl/workbook.xml has {info.file_size:,} bytes")
        root = ElementTree.fromstring(z.read(info))
    out: dict[str, Range] = {}
    for node in root.iter(f"{NS}definedName"):
        if node.get("localSheetId") is not None or not node.text:
            continue
        rng = parse_range(node.text)
        if rng is not None:
            out[node.get("name", "")] = rng
    return out


class Cell(NamedTuple):
    """One cell as the sheet XML stores it: its value (number, text, bool, error text) and formula."""

    value: Any
    formula: str | None = None
    error: bool = False


def sheet_members(z: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its XML part in the package, in workbook order."""
    root = ElementTree.fromstring(z.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target", "") for r in rels}
    out = {}
    for sheet in root.iter(f"{NS}sheet"):
        t = target.get(sheet.get(f"{REL_NS}id"), "")
        out[sheet.get("name", "")] = t.lstrip("/") if t.startswith("/") else f"xl/{t}"
    return out


def shared_strings(z: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in z.namelist():
        return []
    out = []
    for _, node in ElementTree.iterparse(z.open("xl/sharedStrings.xml")):
        if node.tag == f"{NS}si":
            out.append("".join(t.text or "" for t in node.iter(f"{NS}t")))
            node.clear()
    return out


class SheetXml(NamedTuple):
    """One sheet as stored: its cells, and whether its protection is on."""

    cells: dict[tuple[int, int], Cell]
    protected: bool


def read_sheets(path: Path, sheets: set[str] | None = None) -> dict[str, SheetXml]:
    """Every stored cell of ``sheets`` (default: all), with values and formula text, and each sheet's
    protection, straight from the sheet XML in one streaming pass per sheet.

    Rows and columns are 0-based. A formula's cached result is its value (``None`` when none is stored).
    """
    out: dict[str, SheetXml] = {}
    with zipfile.ZipFile(path) as z:
        strings = shared_strings(z)
        for name, member in sheet_members(z).items():
            if sheets is not None and name not in sheets:
                continue
            cells: dict[tuple[int, int], Cell] = {}
            protected = False
            for _, node in ElementTree.iterparse(z.open(member)):
                if node.tag == f"{NS}sheetProtection":
                    protected = node.get("sheet") in ("1", "true")
                    continue
                if node.tag != f"{NS}c":
                    continue
                kind, f, v = node.get("t", "n"), node.find(f"{NS}f"), node.find(f"{NS}v")
                text = v.text if v is not None else None
                if kind == "s" and text is not None:
                    value: Any = strings[int(text)]
                elif kind == "inlineStr":
                    value = "".join(t.text or "" for t in node.iter(f"{NS}t"))
                elif kind == "b":
                    value = text == "1" if text is not None else None
                elif kind in ("str", "e"):
                    value = text if text is not None else ("" if kind == "str" else None)
                else:
                    value = float(text) if text not in (None, "") else None
                # a cell of a shared formula (Excel writes them when it saves) has <f t="shared" si=".."/>
                # without text: still a formula
                formula = (f.text or f"shared:{f.get('si', '')}") if f is not None else None
                cells[xl_cell_to_rowcol(node.get("r", "A1"))] = Cell(value, formula, kind == "e")
                node.clear()
            out[name] = SheetXml(cells, protected)
    return out


_FORMULA_CELL = re.compile(rb'<c r="([A-Z]{1,3}[0-9]{1,7})"[^>]*>(?=<f[ >/])')
_PROTECTION = re.compile(rb'<sheetProtection\b[^>]*\bsheet="(?:1|true)"')
_ROW = re.compile(rb'<row r="([0-9]+)"')
_WIDE = re.compile(rb'<c r="[A-Z]{3}[0-9]')  # a column past ZZ (702)
_DIMENSION = re.compile(rb'<dimension ref="(?:[A-Z]+[0-9]+:)?([A-Z]+)([0-9]+)"')


class FormulaScan(NamedTuple):
    """One sheet's XML, scanned: which cells hold a formula (A1 references), whether the sheet is
    protected, and how far its grid reaches (the largest row declared or used; a column past ZZ)."""

    formulas: set[str]
    protected: bool
    rows: int = 0
    wide: bool = False


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def scan_formulas(path: Path, sheets: set[str] | None = None,
                  stop: Callable[[str, FormulaScan], None] | None = None) -> dict[str, FormulaScan]:
    """The formula cells, protection and grid reach of ``sheets`` (default: all), found by streaming the
    sheet XML once (no parsing into elements, no values). ``stop(sheet, scan_so_far)`` is called as the scan
    goes and may raise to end it early (a grid too large to read).

    A cell of a shared formula (``<f t="shared" si="0"/>``, as Excel saves repeated formulas) counts.
    """
    out: dict[str, FormulaScan] = {}
    with zipfile.ZipFile(path) as z:
        for name, member in sheet_members(z).items():
            if sheets is not None and name not in sheets:
                continue
            formulas: set[bytes] = set()
            protected, rows, wide, tail, first = False, 0, False, b"", True
            with z.open(member) as f:
                while chunk := f.read(1 << 20):
                    data = tail + chunk  # the overlap finds what a chunk boundary cut; sets drop repeats
                    if first:
                        dim = _DIMENSION.search(data[:4096])
                        if dim:
                            rows, wide = int(dim.group(2)), _col_number(dim.group(1)) > 702
                        first = False
                    formulas.update(_FORMULA_CELL.findall(data))
                    protected = protected or _PROTECTION.search(data) is not None
                    wide = wide or _WIDE.search(data) is not None
                    found = _ROW.findall(data)
                    if found:
                        rows = max(rows, int(found[-1]))
                    if stop is not None:
                        stop(name, FormulaScan(set(), protected, rows, wide))
                    tail = data[-256:]
            out[name] = FormulaScan({ref.decode("ascii") for ref in formulas}, protected, rows, wide)
    return out


def read_cells(path: Path, sheets: set[str] | None = None) -> dict[str, dict[tuple[int, int], Cell]]:
    """The cells of :func:`read_sheets`."""
    return {name: sheet.cells for name, sheet in read_sheets(path, sheets).items()}
