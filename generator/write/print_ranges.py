"""A copy of a workbook that prints only some sheets, each over a chosen range and on a chosen paper:
``xl/workbook.xml`` and the printed sheets' page setup rewritten with a real XML parser (lxml; whatever
attribute order, namespace prefix or conformance class the program that saved the file wrote), every
other part copied as it is."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from lxml import etree

from skpkit.generator.layout import quote_sheet

__all__ = ["print_copy", "workbook_xml_with", "sheet_xml_with_paper", "sheet_xml_with_rows", "RowFit"]

PRINT_AREA = "_xlnm.Print_Area"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def workbook_xml_with(xml: bytes, visible: set[str], areas: dict[str, str]) -> bytes:
    """``xml`` (a workbook part) with only the ``visible`` sheets shown, the first of them active, and
    ``areas`` (sheet -> A1 range) as their print areas in place of any the workbook had.

    Examples
    --------
    >>> xml = (b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><bookViews>'
    ...        b'<workbookView activeTab="0"/></bookViews><sheets><sheet name="A" sheetId="1"/>'
    ...        b'<sheet sheetId="2" name="B"/></sheets></workbook>')
    >>> out = workbook_xml_with(xml, {"B"}, {"B": "$A$1:$H$9"}).decode()
    >>> 'state="hidden"' in out and 'activeTab="1"' in out and "<definedName" in out
    True
    """
    root = etree.fromstring(xml, _PARSER)
    ns = etree.QName(root).namespace
    m = f"{{{ns}}}"
    sheets = root.find(m + "sheets")
    names = [str(s.get("name")) for s in sheets]
    for s in sheets:
        if s.get("name") in visible:
            s.attrib.pop("state", None)
        else:
            s.set("state", "hidden")
    first = next(i for i, n in enumerate(names) if n in visible)
    views = root.find(m + "bookViews")
    for view in views if views is not None else ():
        view.set("activeTab", str(first))
        view.set("firstSheet", str(first))
    defined = root.find(m + "definedNames")
    if defined is None:
        defined = etree.Element(m + "definedNames")
        sheets.addnext(defined)
    for node in list(defined):
        if node.get("name") == PRINT_AREA:
            defined.remove(node)
    for name, rng in areas.items():
        node = etree.SubElement(defined, m + "definedName")
        node.set("name", PRINT_AREA)
        node.set("localSheetId", str(names.index(name)))
        node.text = quote_sheet(name) + rng
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


#: where a sheet's ``pageSetup`` goes when it has none (ECMA-376 Part 1, 18.3.1.99: after these)
_BEFORE_PAGE_SETUP = ("printOptions", "pageMargins")


def sheet_xml_with_paper(xml: bytes, paper: int) -> bytes:
    """A sheet part printing on ``paper`` (an OOXML paper code: 9 A4, 14 Folio/F4).

    Examples
    --------
    >>> xml = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>'
    ...        b'<pageMargins left="0.7"/><pageSetup orientation="portrait" paperSize="9"/></worksheet>')
    >>> b'paperSize="14"' in sheet_xml_with_paper(xml, 14)
    True
    """
    root = etree.fromstring(xml, _PARSER)
    m = f"{{{etree.QName(root).namespace}}}"
    setup = root.find(m + "pageSetup")
    if setup is None:
        setup = etree.Element(m + "pageSetup")
        anchor = next((root.find(m + tag) for tag in reversed(_BEFORE_PAGE_SETUP) if root.find(m + tag) is not None),
                      root.find(m + "sheetData"))
        anchor.addnext(setup)
    setup.set("paperSize", str(paper))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


@dataclass(frozen=True)
class RowFit:
    """Rows of a sheet to print at a height (0-based row -> points) and rows to leave out (hidden)."""

    heights: dict[int, float] = field(default_factory=dict)
    hidden: frozenset[int] = frozenset()


def sheet_xml_with_rows(xml: bytes, fit: RowFit) -> bytes:
    """A sheet part whose rows have ``fit``'s heights and hidden rows (a row not in the part is added).

    Examples
    --------
    >>> xml = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    ...        b'<row r="1"/><row r="3" ht="40" customHeight="1"/></sheetData></worksheet>')
    >>> out = sheet_xml_with_rows(xml, RowFit({0: 26.5, 1: 30.0}, frozenset({2}))).decode()
    >>> '<row r="1" ht="26.5" customHeight="1"/><row r="2" ht="30" customHeight="1"/>' in out
    True
    >>> '<row r="3" ht="40" customHeight="1" hidden="1"/>' in out
    True
    """
    root = etree.fromstring(xml, _PARSER)
    m = f"{{{etree.QName(root).namespace}}}"
    data = root.find(m + "sheetData")
    rows = {int(r.get("r")): r for r in data.iter(m + "row") if r.get("r")}
    for r0 in sorted(set(fit.heights) | set(fit.hidden)):
        r = r0 + 1
        if r not in rows:
            node = etree.Element(m + "row")
            node.set("r", str(r))
            later = [k for k in rows if k > r]
            if later:
                rows[min(later)].addprevious(node)
            else:
                data.append(node)
            rows[r] = node
        node = rows[r]
        if r0 in fit.heights:
            node.set("ht", f"{fit.heights[r0]:g}")
            node.set("customHeight", "1")
        if r0 in fit.hidden:
            node.set("hidden", "1")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def print_copy(data: bytes, workbook_part: str, target: Path, visible: set[str] | None = None,
               areas: dict[str, str] | None = None, paper: int | None = None, sheet_parts: Iterable[str] = (),
               fits: dict[str, RowFit] | None = None) -> None:
    """Write ``target``: the workbook whose bytes are ``data``, printing only ``visible`` over ``areas`` (all
    sheets as they are when ``visible`` is ``None``), the ``sheet_parts`` on ``paper`` when it is given,
    the rows of each part in ``fits`` (part name -> :class:`RowFit`) fitted."""
    papered = set(sheet_parts) if paper is not None else set()
    fits = fits or {}
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            part = zin.read(info.filename)
            if info.filename == workbook_part and visible is not None:
                part = workbook_xml_with(part, visible, areas or {})
            else:
                if info.filename in papered and paper is not None:
                    part = sheet_xml_with_paper(part, paper)
                if info.filename in fits:
                    part = sheet_xml_with_rows(part, fits[info.filename])
            zout.writestr(info, part)
