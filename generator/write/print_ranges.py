"""A copy of a workbook that prints only some sheets, each over a chosen range: ``xl/workbook.xml``
rewritten with a real XML parser (lxml; whatever attribute order, namespace prefix or conformance class
the program that saved the file wrote), every other part copied as it is."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from skpkit.generator.layout import quote_sheet

__all__ = ["print_copy", "workbook_xml_with"]

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


def print_copy(data: bytes, workbook_part: str, target: Path, visible: set[str], areas: dict[str, str]) -> None:
    """Write ``target``: the workbook whose bytes are ``data``, printing only ``visible`` over ``areas``."""
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            part = zin.read(info.filename)
            if info.filename == workbook_part:
                part = workbook_xml_with(part, visible, areas)
            zout.writestr(info, part)
