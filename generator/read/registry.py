"""Every input kind behind one small interface, registered in one place (as tablib registers formats).

A reader says whether a file is its kind (:meth:`Reader.detect`, cheap: a look at the file's name
and parts, nothing decoded), reads it into the core's typed objects (:meth:`Reader.read`), and
reports what it could not read as :class:`~skpkit.generator.problems.Masalah` rows in ``problems``
or, when nothing of the file can be used, as a :class:`~skpkit.generator.problems.UserError`.
Readers are looked up by kind (:func:`get_reader`) or by file (:func:`reader_for`).
"""

from __future__ import annotations

import re
import zipfile
from xml.etree import ElementTree
from pathlib import Path
from typing import Any, Protocol

from python_calamine import CalamineError

from skpkit.generator.read.container import carries_layout
from skpkit.generator.layout import LAYOUT_FILES, labels
from skpkit.generator.problems import Masalah, UserError
from skpkit.generator.read.workbook import WorkbookData, read_workbook
from skpkit.generator.read.ekinerja import EKinerjaRow, looks_like_ekinerja, read_ekinerja
from skpkit.generator.read.roster import read_roster
from skpkit.model import JenisPeriode

__all__ = ["Reader", "register_reader", "get_reader", "reader_for", "READERS", "SkpWorkbookReader", "RosterReader",
           "EKinerjaReader", "sheet_names"]

SPREADSHEETS = (".xlsx", ".xlsm")
#: saved elsewhere from one of ours: read by position when they keep skpkit's hidden sheet
SAVED_ELSEWHERE = (".ods", ".xls")


class Reader(Protocol):
    """One input kind."""

    #: the kind's name: ``skp`` (our workbook), ``roster``, ``ekinerja``
    kind: str

    def detect(self, path: Path) -> bool:
        """Whether ``path`` is of this kind."""

    def read(self, path: Path, problems: list[Masalah] | None = None) -> Any:
        """The file as the core's typed objects; parts that cannot be read go to ``problems``."""


READERS: dict[str, Reader] = {}


def register_reader(reader: Reader) -> Reader:
    READERS[reader.kind] = reader
    return reader


def get_reader(kind: str) -> Reader:
    """The reader registered as ``kind``.

    Examples
    --------
    >>> get_reader("skp").kind
    'skp'
    """
    try:
        return READERS[kind]
    except KeyError:
        raise ValueError(f"unknown input kind {kind!r}; choose one of {sorted(READERS)}") from None


def reader_for(path: Path, kinds: tuple[str, ...] | None = None) -> Reader:
    """The first registered reader (of ``kinds``, in that order) that detects ``path``."""
    for kind in kinds or tuple(READERS):
        reader = get_reader(kind)
        if reader.detect(Path(path)):
            return reader
    raise UserError(Masalah(str(path), what="jenis berkas tidak dikenali" + (
        f" (diharapkan: {', '.join(kinds)})" if kinds else ""),
        todo="gunakan berkas hasil skp generate, atau roster .xlsx/.csv"))


def sheet_names(path: Path) -> list[str]:
    """Sheet names from xl/workbook.xml, without decoding any sheet ([] for anything but a readable zip)."""
    try:
        with zipfile.ZipFile(path) as z:
            text = z.read("xl/workbook.xml")[:1_000_000].decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return []
    return re.findall(r'<sheet\b[^>]*\bname="([^"]*)"', text)


class SkpWorkbookReader:
    """A workbook skpkit generated (any layout version in
    :data:`~skpkit.generator.layout.LAYOUT_FILES`), read into plans and entries."""

    kind = "skp"
    versions = tuple(LAYOUT_FILES)

    def detect(self, path: Path) -> bool:
        if path.suffix.lower() in SAVED_ELSEWHERE:
            return carries_layout(path)
        return path.suffix.lower() in SPREADSHEETS and labels()["sheets"]["meta"] in sheet_names(path)

    def read(self, path: Path, problems: list[Masalah] | None = None) -> WorkbookData:
        try:
            return read_workbook(path, problems)
        except UserError:
            raise
        except (CalamineError, OSError, ValueError, KeyError, zipfile.BadZipFile, EOFError, ElementTree.ParseError,
                UnicodeDecodeError, IndexError, TypeError) as e:  # a damaged part, found as it is read
            raise UserError(Masalah(str(path), what=f"berkas rusak: {type(e).__name__}: {e}"[:300],
                                    todo="minta pegawai mengirim ulang berkas (simpan ulang sebagai .xlsx)")) from None


class RosterReader:
    """A roster (.xlsx or .csv; one row per pegawai, headers matched tolerantly)."""

    kind = "roster"

    def detect(self, path: Path) -> bool:
        suffix = path.suffix.lower()
        if suffix == ".csv":
            return True
        return suffix in SPREADSHEETS and labels()["sheets"]["meta"] not in sheet_names(path)

    def read(self, path: Path, problems: list[Masalah] | None = None, external: tuple[str, ...] = ()):
        return read_roster(path, external)


class EKinerjaReader:
    """An e-Kinerja rekap (.xlsx or .csv): per pegawai and period, ratings and/or kuadran; read with the period
    type and year of the rekap it joins (:func:`~skpkit.generator.read.ekinerja.read_ekinerja`)."""

    kind = "ekinerja"

    def detect(self, path: Path) -> bool:
        suffix = path.suffix.lower()
        if suffix not in (".csv", ".xlsx"):
            return False
        if suffix == ".xlsx" and labels()["sheets"]["meta"] in sheet_names(path):
            return False
        return looks_like_ekinerja(path)

    def read(self, path: Path, problems: list[Masalah] | None = None, jenis: JenisPeriode = JenisPeriode.TRIWULANAN,
             tahun: int | None = None) -> list[EKinerjaRow]:
        return read_ekinerja(path, jenis, tahun, problems if problems is not None else [])


register_reader(SkpWorkbookReader())
register_reader(RosterReader())
register_reader(EKinerjaReader())
