"""Open a workbook in openpyxl to edit it as a user would, parsing each file once per test process.

openpyxl's full load of a unit workbook takes seconds; a test that makes many edited copies of one file
loads it once and gets each further copy from a pickle of the loaded workbook (under a second). The cache
is keyed by the file's path, size and modification time, so a file changed on disk is parsed again.
"""

from __future__ import annotations

import pickle
from collections import OrderedDict
from pathlib import Path
from typing import Callable

from unittest import mock

import openpyxl
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.merge import MergedCellRange

_CACHE: OrderedDict[tuple, bytes] = OrderedDict()
_KEEP = 6


def load(path: Path | str) -> Workbook:
    """A fresh, editable openpyxl workbook of ``path`` (``openpyxl.load_workbook(path)``, except that the
    borders of merged cells are not copied from their first cell).

    openpyxl spends about 70 % of loading a unit workbook (hundreds of merged ranges) giving every merged cell
    the borders of its range's first cell, one style lookup at a time; only what the file looks like depends
    on it, never a value, formula, name or protection the tests read, so that step is skipped here.
    """
    path = Path(path)
    st = path.stat()
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return pickle.loads(_CACHE[key])
    with mock.patch.object(MergedCellRange, "format", lambda self: None):
        wb = openpyxl.load_workbook(path)
    _CACHE[key] = pickle.dumps(wb, protocol=pickle.HIGHEST_PROTOCOL)
    while len(_CACHE) > _KEEP:
        _CACHE.popitem(last=False)
    return wb


def edit(src: Path | str, dst: Path | str, change: Callable[[Workbook], object]) -> Path:
    """Save ``src`` with ``change`` applied to its workbook as ``dst``; return ``dst``."""
    wb = load(src)
    change(wb)
    wb.save(dst)
    return Path(dst)


def edit_cell(src: Path | str, dst: Path | str, sheet: str, ref: str, value: object) -> Path:
    """Save ``src`` as ``dst`` with one cell of ``sheet`` changed in the sheet's XML, as a program that
    writes only what it changed would: ``None`` empties the cell, a number is stored as one, text inline;
    every other part and cell as it was (a fraction of a second, where openpyxl takes seconds a unit)."""
    import zipfile

    from lxml import etree

    from skpkit.generator.read.package import open_source

    part = open_source(src).parts[sheet]
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                root = etree.fromstring(data)
                m = "{%s}" % root.nsmap[None]
                cell = next((c for c in root.iter(m + "c") if c.get("r") == ref), None)
                if cell is None:
                    raise KeyError(f"{sheet}!{ref} is not in the sheet's XML")
                for child in list(cell):
                    cell.remove(child)
                cell.attrib.pop("t", None)
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    etree.SubElement(cell, m + "v").text = repr(value)
                elif value is not None:
                    cell.set("t", "inlineStr")
                    etree.SubElement(etree.SubElement(cell, m + "is"), m + "t").text = str(value)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(info, data)
    return Path(dst)
