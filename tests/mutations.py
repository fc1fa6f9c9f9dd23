"""Edits that spreadsheet programs and their users make to a returned workbook, on the package's parts as
Excel writes them (raw XML, a fraction of a second a file): each knows the place it touched and whether a
correct reader must name it (``named``) or read the file as before (``None``).

Used by the mutation corpus (``test_corpus.py``): random sequences of them, seeded.
"""

from __future__ import annotations

import random
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from lxml import etree

#: text typed into a number cell: units, the other locale's separators, a percent sign, a dash
TYPED = ("80%", "1.234,5", "12 orang", "95,5", "1 000", "—", "Rp 5.000", "100 %", "2,5e3")


@dataclass
class Parts:
    """A workbook's zip parts, edited in memory."""

    data: dict[str, bytes]
    infos: list[zipfile.ZipInfo]
    sheets: dict[str, str]  # sheet name -> part

    @classmethod
    def read(cls, path: Path) -> "Parts":
        from skpkit.generator.read.package import open_source

        sheets = dict(open_source(path).parts)
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            return cls({i.filename: z.read(i.filename) for i in infos}, infos, sheets)

    def write(self, path: Path) -> Path:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for info in self.infos:
                z.writestr(info, self.data[info.filename])
        return path

    def xml(self, part: str):
        return etree.fromstring(self.data[part])

    def put(self, part: str, root) -> None:
        self.data[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _cell(root, ref: str):
    m = "{%s}" % root.nsmap[None]
    cell = next((c for c in root.iter(m + "c") if c.get("r") == ref), None)
    if cell is None:
        raise KeyError(ref)
    return cell, m


def _set(parts: Parts, sheet: str, ref: str, value: object, style: int | None = None) -> None:
    part = parts.sheets[sheet]
    root = parts.xml(part)
    cell, m = _cell(root, ref)
    for child in list(cell):
        cell.remove(child)
    cell.attrib.pop("t", None)
    if isinstance(value, (int, float)):
        etree.SubElement(cell, m + "v").text = repr(value)
    else:
        cell.set("t", "inlineStr")
        etree.SubElement(etree.SubElement(cell, m + "is"), m + "t").text = str(value)
    if style is not None:
        cell.set("s", str(style))
    parts.put(part, root)


def _style(parts: Parts, num_fmt: int) -> int:
    """A new cell format showing numbers with the built-in format ``num_fmt`` (9: 0%, 14: a date): its index."""
    root = parts.xml("xl/styles.xml")
    m = "{%s}" % root.nsmap[None]
    xfs = root.find(m + "cellXfs")
    etree.SubElement(xfs, m + "xf", numFmtId=str(num_fmt), fontId="0", fillId="0", borderId="0", xfId="0",
                     applyNumberFormat="1")
    xfs.set("count", str(len(xfs)))
    parts.put("xl/styles.xml", root)
    return len(xfs) - 1


@dataclass(frozen=True)
class Edit:
    """One edit: what it does, and the place (sheet, cell) a reader must name, or ``None`` (read as before)."""

    label: str
    apply: Callable[[Parts], None]
    named: tuple[str, str] | None


def typed_text(sheet: str, ref: str, rnd: random.Random) -> Edit:
    text = rnd.choice(TYPED)
    return Edit(f"{sheet}!{ref} typed {text!r}", lambda p: _set(p, sheet, ref, text), (sheet, ref))


def percent(sheet: str, ref: str, value: float) -> Edit:
    """``value`` typed with a % in Excel: stored as the fraction, in a percent format."""
    return Edit(f"{sheet}!{ref} {value * 100:g}% typed", lambda p: _set(p, sheet, ref, value, _style(p, 9)),
                (sheet, ref))


def date(sheet: str, ref: str) -> Edit:
    """A date typed into a number cell (Excel stores its serial in a date format)."""
    return Edit(f"{sheet}!{ref} date typed", lambda p: _set(p, sheet, ref, 46522, _style(p, 14)), (sheet, ref))


def reorder(rnd: random.Random) -> Edit:
    """The sheet tabs dragged into another order (Excel moves each sheet's own defined names with it)."""
    seed = rnd.random()

    def apply(p: Parts) -> None:
        wb = p.xml("xl/workbook.xml")
        m = "{%s}" % wb.nsmap[None]
        sheets = wb.find(m + "sheets")
        old = list(sheets)
        new = old[:]
        random.Random(seed).shuffle(new)
        for s in old:
            sheets.remove(s)
        for s in new:
            sheets.append(s)
        index = {old.index(s): i for i, s in enumerate(new)}
        names = wb.find(m + "definedNames")
        for dn in names if names is not None else ():
            if dn.get("localSheetId") is not None:
                dn.set("localSheetId", str(index[int(dn.get("localSheetId"))]))
        for view in wb.iter(m + "workbookView"):
            view.set("activeTab", "0")
            view.attrib.pop("firstSheet", None)
        p.put("xl/workbook.xml", wb)
    return Edit("sheets reordered", apply, None)


def rename(sheet: str, new: str) -> Edit:
    """A pegawai's sheet renamed (Excel rewrites every reference to it): the sheet the workbook lists is gone."""
    def apply(p: Parts) -> None:
        old_q = "'" + sheet.replace("'", "''") + "'!"
        new_q = "'" + new.replace("'", "''") + "'!"
        for part in list(p.data):
            if part.endswith(".xml"):
                text = p.data[part].decode("utf-8")
                if old_q in text:
                    p.data[part] = text.replace(old_q, new_q).encode("utf-8")
        wb = p.xml("xl/workbook.xml")
        m = "{%s}" % wb.nsmap[None]
        for s in wb.iter(m + "sheet"):
            if s.get("name") == sheet:
                s.set("name", new)
        p.put("xl/workbook.xml", wb)
        p.sheets[new] = p.sheets.pop(sheet)
    return Edit(f"{sheet} renamed", apply, (sheet, ""))


def lock_file(path: Path) -> None:
    """The file open in Excel on another PC of the share: its owner file beside it (reading is not writing)."""
    (path.parent / ("~$" + path.name[2:])).write_bytes(b"\x00" * 162)


def cells_of(text: str) -> str:
    """The row digits of an A1 reference (``'AB12'`` -> ``'12'``)."""
    return re.sub(r"\D", "", text)
