"""A returned spreadsheet file, opened once: its kind, its bounds, its parts, and its cells.

:func:`open_source` reads the file's bytes once (after a size check) and everything else comes from
those bytes: the kind (an OLE file is an encrypted workbook or an Excel 97-2003 ``.xls``; ``.ods`` and
``.xlsb`` are named), the zip directory's bounds (declared sizes and ratio: a zip bomb is refused before
anything is inflated), ``xl/workbook.xml`` and its relationships parsed with a real XML parser (lxml, no
entities, no network; any namespace prefix, attribute order, and the transitional or strict conformance
class), and each sheet's XML parsed when a verb asks for it (:meth:`Package.scan`: formula cells,
protection, the grid's reach, refused past :class:`Limits` before any reader allocates it). Cell values
come from python-calamine reading the same bytes (:meth:`Source.grid`), one sheet at a time, only the
sheets asked for.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from lxml import etree
from python_calamine import CalamineError, CalamineWorkbook
from xlsxwriter.utility import xl_cell_to_rowcol

from skpkit.generator.errors import Masalah, UserError, as_masalah
from skpkit.generator.layout.stored import Grid
from skpkit.i18n import _

__all__ = ["Damaged", "Limits", "Range", "SheetScan", "Source", "Package", "open_source", "parse_range", "OLE_MAGIC",
           "SPREADSHEET_SUFFIXES", "MAIN_NS", "REL_NS", "defined_names"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: files a unit may return that are looked at (and named when they cannot be read)
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
#: the SpreadsheetML namespace of the transitional and the strict conformance class
MAIN_NS = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
REL_NS = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
          "http://purl.oclc.org/ooxml/officeDocument/relationships")
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
#: (sheet, first row, first col, last row, last col), 0-based
Range = tuple[str, int, int, int, int]
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)


@dataclass(frozen=True)
class Limits:
    """Reading is bounded: a file past these is refused as a problem (zip bombs, giant sheets). The bounds
    follow what skpkit itself writes: a unit of 2,000 pegawai is two sheets each, about 550 MB of XML
    in all (tests/test_pemda_scale.py)."""

    file_bytes: int = 1024 * 1024 * 1024
    uncompressed_bytes: int = 4 * 1024 * 1024 * 1024
    compression_ratio: float = 200.0
    files_in_zip: int = 30_000
    #: rows of one sheet (a ministry's roster is the largest sheet skpkit reads)
    rows: int = 300_000


class SheetScan(NamedTuple):
    """One sheet's XML, scanned: which cells hold a formula (A1 references), whether the sheet is
    protected, and how far its grid reaches (the largest row holding a cell; a column past ZZ)."""

    formulas: frozenset[str]
    protected: bool
    rows: int = 0
    wide: bool = False
    #: cells holding a number shown as a percentage (``99%`` typed in Excel is stored as 0.99, RULES.md section 8)
    percent: frozenset[str] = frozenset()


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
    text = text.strip().lstrip("=")
    sheet, sep, cells = text.rpartition("!")
    if not sep or not sheet or not cells:
        return None
    if sheet.startswith("'"):
        if not sheet.endswith("'") or len(sheet) < 2:
            return None
        sheet = sheet[1:-1].replace("''", "'")
    elif "'" in sheet or "," in sheet:
        return None
    first, _sep, last = cells.partition(":")
    try:
        r0, c0 = xl_cell_to_rowcol(first.replace("$", ""))
        r1, c1 = xl_cell_to_rowcol(last.replace("$", "")) if last else (r0, c0)
    except (ValueError, AttributeError, IndexError):
        return None
    if not first.replace("$", "")[:1].isalpha():
        return None
    return sheet, r0, c0, r1, c1


def _col_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _letters(ref: str) -> str:
    return "".join(ch for ch in ref if ch.isalpha()).upper()


def _unreadable(path: Path, e: BaseException) -> UserError:
    return UserError(Masalah(str(path), what=_("berkas rusak atau terpotong ({e})").format(e=e)[:300],
                             todo=_("minta pegawai mengirim ulang berkas")))


@dataclass
class Source:
    """A file read once: its bytes, its kind (``xlsx``, ``ods``, ``xls``, ``csv``) and its cell values."""

    path: Path
    data: bytes
    kind: str

    @cached_property
    def values(self) -> CalamineWorkbook:
        """python-calamine over the bytes already read (no second open of the file)."""
        try:
            return CalamineWorkbook.from_filelike(io.BytesIO(self.data))
        except (CalamineError, ValueError, OSError) as e:
            raise UserError(Masalah(str(self.path), what=_("tidak dapat dibuka ({e})").format(e=e)[:300],
                                    todo=_("pastikan berkas utuh dan tidak berkata sandi"))) from None

    @property
    def sheet_names(self) -> list[str]:
        return list(self.values.sheet_names)

    def grid(self, sheet: str) -> Grid:
        """The values of ``sheet`` (0-based rows and columns; empty is ``None``)."""
        return Grid(self.values.get_sheet_by_name(sheet).to_python(skip_empty_area=False))

    def close(self) -> None:
        self.__dict__.pop("values", None)


@dataclass
class Package(Source):
    """An .xlsx/.xlsm file read once: the zip over its bytes, the parts parsed as they are asked for."""

    limits: Limits = field(default_factory=Limits)

    @cached_property
    def zip(self) -> zipfile.ZipFile:
        return zipfile.ZipFile(io.BytesIO(self.data))

    def _xml(self, part: str):
        """A part parsed; a damaged one is one line for the whole file (``berkas rusak``)."""
        try:
            return etree.fromstring(self.zip.read(part), _PARSER)
        except KeyError:
            raise UserError(Masalah(str(self.path), what=_("bagian {part} tidak ada: bukan buku kerja .xlsx "
                                                           "yang utuh").format(part=part),
                                    todo=_("minta pegawai mengirim ulang berkas"))) from None
        except (etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, EOFError) as e:
            raise Damaged(_unreadable(self.path, e).masalah) from None

    @cached_property
    def workbook_part(self) -> str:
        """The workbook part named by the package's relationships (``xl/workbook.xml`` as Excel writes it)."""
        try:
            rels = self._xml("_rels/.rels")
        except UserError:
            return "xl/workbook.xml"
        for rel in rels:
            if str(rel.get("Type", "")).endswith("/officeDocument"):
                return str(rel.get("Target", "")).lstrip("/")
        return "xl/workbook.xml"

    @cached_property
    def workbook_xml(self):
        root = self._xml(self.workbook_part)
        if etree.QName(root).namespace not in MAIN_NS:
            raise UserError(Masalah(str(self.path), what=_("bukan buku kerja Excel (namespace {namespace!r})").format(
                                                             namespace=etree.QName(root).namespace), todo=_("simpan sebagai .xlsx")))
        return root

    @property
    def strict(self) -> bool:
        """Whether the workbook is of the strict conformance class (Excel's "Strict Open XML")."""
        return etree.QName(self.workbook_xml).namespace == MAIN_NS[1]

    def _m(self, tag: str) -> str:
        return f"{{{etree.QName(self.workbook_xml).namespace}}}{tag}"

    @cached_property
    def parts(self) -> dict[str, str]:
        """Sheet name -> its XML part, in workbook order."""
        folder = self.workbook_part.rpartition("/")[0]
        rel_part = f"{folder}/_rels/{self.workbook_part.rpartition('/')[2]}.rels"
        target = {r.get("Id"): str(r.get("Target", "")) for r in self._xml(rel_part)}
        out: dict[str, str] = {}
        sheets = self.workbook_xml.find(self._m("sheets"))
        for sheet in sheets if sheets is not None else ():
            rid = next((v for k, v in sheet.attrib.items() if etree.QName(k).namespace in REL_NS
                        and etree.QName(k).localname == "id"), None)
            t = target.get(rid, "")
            out[str(sheet.get("name", ""))] = t.lstrip("/") if t.startswith("/") else f"{folder}/{t}"
        return out

    @property
    def sheet_names(self) -> list[str]:
        return list(self.parts)

    @cached_property
    def names(self) -> dict[str, Range]:
        """Workbook-level defined names that are one sheet range (names of one sheet, and formulas, left out)."""
        out: dict[str, Range] = {}
        block = self.workbook_xml.find(self._m("definedNames"))
        for node in block if block is not None else ():
            if node.get("localSheetId") is not None or not node.text:
                continue
            rng = parse_range(node.text)
            if rng is not None:
                out[str(node.get("name", ""))] = rng
        return out

    def check(self) -> None:
        """Refuse a zip whose declared sizes or ratio are past :class:`Limits` (a zip bomb), before inflating."""
        infos = self.zip.infolist()
        total = sum(i.file_size for i in infos)
        packed = max(sum(i.compress_size for i in infos), 1)
        lim = self.limits
        if len(infos) > lim.files_in_zip or total > lim.uncompressed_bytes or total / packed > lim.compression_ratio:
            raise UserError(Masalah(str(self.path), what=_("berkas terlalu besar untuk dibaca ({total:,} byte "
                                                           "setelah dibuka, {n} bagian)").format(
                                                             total=total, n=len(infos)), todo=_("periksa berkas; bukan berkas SKP biasa")))

    def scan(self, sheet: str) -> SheetScan:
        """Formula cells, protection and the grid's reach of ``sheet``, from its XML parsed once; a grid past
        :class:`Limits` is refused (before any reader allocates it)."""
        part = self.parts.get(sheet)
        if part is None:
            return SheetScan(frozenset(), False)
        root = self._xml(part)
        ns = {"m": etree.QName(root).namespace}
        # the reach of the cells, not of the declared dimension or of empty row elements: LibreOffice, after a
        # row is deleted, writes an empty last row (1,048,576) and a dimension to it; the grid reader skips both
        rows = max((int(r) for r in root.xpath("m:sheetData/m:row[m:c]/@r", namespaces=ns) if str(r).isdigit()),
                   default=0)
        last = root.xpath("m:sheetData/m:row/m:c[last()]/@r", namespaces=ns)
        wide = any(_col_number(_letters(str(r))) > 702 for r in last)
        if wide:
            _too_big(self.path, sheet, _("kolom setelah ZZ"))
        if rows > self.limits.rows:
            _too_big(self.path, sheet, _("baris {rows:,}").format(rows=rows))
        formulas = frozenset(str(r) for r in root.xpath("m:sheetData/m:row/m:c[m:f]/@r", namespaces=ns))
        protected = any(str(v) in ("1", "true") for v in root.xpath("m:sheetProtection/@sheet", namespaces=ns))
        shown = self.percent_styles
        percent = frozenset(
            str(c.get("r")) for c in root.xpath("m:sheetData/m:row/m:c[@s][m:v][not(m:f)]", namespaces=ns)
            if c.get("t") in (None, "n") and str(c.get("s")).isdigit() and int(c.get("s")) in shown) if shown else frozenset()
        return SheetScan(formulas, protected, rows, wide, percent)

    @cached_property
    def percent_styles(self) -> frozenset[int]:
        """The cell formats (``s``) that show a number as a percentage: the built-in 0% and 0.00%, and any format
        code with a ``%`` outside quoted text."""
        part = next((n for n in self.zip.namelist() if n.lower() == "xl/styles.xml"), None)
        if part is None:
            return frozenset()
        root = self._xml(part)
        ns = {"m": etree.QName(root).namespace}
        codes = {str(n.get("numFmtId")): str(n.get("formatCode", "")) for n in root.xpath("m:numFmts/m:numFmt",
                                                                                         namespaces=ns)}
        pct = {"9", "10"} | {i for i, code in codes.items() if "%" in re.sub(r'"[^"]*"|\\.', "", code)}
        return frozenset(k for k, xf in enumerate(root.xpath("m:cellXfs/m:xf", namespaces=ns))
                         if str(xf.get("numFmtId", "0")) in pct)

    def grid(self, sheet: str) -> Grid:
        self.scan_bounds(sheet)
        return super().grid(sheet)

    def scan_bounds(self, sheet: str) -> None:
        """The grid of ``sheet`` within :class:`Limits` (a scan, remembered for the sheet)."""
        if sheet not in self._scans:
            self._scans[sheet] = self.scan(sheet)

    def scanned(self, sheet: str) -> SheetScan:
        """:meth:`scan` of ``sheet``, parsed at most once."""
        self.scan_bounds(sheet)
        return self._scans[sheet]

    @cached_property
    def _scans(self) -> dict[str, SheetScan]:
        return {}

    def close(self) -> None:
        super().close()
        for key in ("zip", "workbook_xml", "_scans", "percent_styles"):
            self.__dict__.pop(key, None)


class Damaged(UserError):
    """A damaged part or a sheet past the bounds: the whole file is refused (not one sheet of it)."""


def _too_big(path: Path, sheet: str, where: str) -> None:
    raise Damaged(Masalah(str(path), sheet, what=_("lembar kerja terlalu besar untuk dibaca ({where})").format(
                                                     where=where),
                            todo=_("hapus isi di luar tabel (Ctrl+End menunjukkan sel terakhir), simpan, kirim "
                                   "ulang")))


def _ole(path: Path, data: bytes) -> str:
    if "EncryptedPackage".encode("utf-16-le") in data[: 1 << 20] or path.suffix.lower() != ".xls":
        raise UserError(Masalah(str(path), what=_("berkas dilindungi kata sandi (terenkripsi)"),
                                todo=_("minta pegawai menyimpan ulang tanpa kata sandi berkas")))
    return "xls"


def open_source(path: str | Path, limits: Limits = Limits()) -> Source:
    """Read ``path`` once and tell what it is: a :class:`Package` for .xlsx/.xlsm, else a :class:`Source`
    (``.ods``, ``.xls``, ``.csv``); a file of another kind, encrypted, damaged or past ``limits`` is one
    :class:`UserError` naming the file and what to do."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise UserError(Masalah(str(path), what=_("berkas tidak ditemukan"), todo=_("periksa nama dan letaknya"))) from None
    if size > limits.file_bytes:
        raise UserError(Masalah(str(path), what=_("berkas terlalu besar untuk dibaca ({size:,} byte)").format(
                                                    size=size),
                                todo=_("pisahkan berkasnya")))
    try:
        data = path.read_bytes()
    except OSError as e:  # held open by another program (Windows), no permission, gone
        e.filename = e.filename or str(path)
        raise UserError(as_masalah(e)) from None
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return Source(path, data, "csv")
    if data[:8] == OLE_MAGIC:
        return Source(path, data, _ole(path, data))
    if suffix == ".xlsb":
        raise UserError(Masalah(str(path), what=_("berkas format Excel biner (.xlsb), bukan .xlsx"),
                                todo=_("simpan sebagai Buku Kerja Excel (.xlsx), lalu kirim ulang")))
    if suffix == ".ods":
        return Source(path, data, "ods")
    package = Package(path, data, "xlsx", limits)
    try:
        package.check()
        package.workbook_xml  # noqa: B018 - parsed now, so a damaged package is named here
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, zlib.error) as e:
        raise _unreadable(path, e) from None
    return package


def defined_names(path: Path) -> dict[str, Range]:
    """Workbook-level defined names of an .xlsx/.xlsm and the ranges they refer to."""
    package = open_source(path)
    return package.names if isinstance(package, Package) else {}
