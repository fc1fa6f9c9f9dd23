"""Every input kind behind one small interface, registered in one place (as tablib registers formats).

A reader says whether a file is its kind (:meth:`Reader.detect`, from the file already opened by
:func:`~skpkit.generator.read.package.open_source`: its parts and sheet names, no sheet decoded), reads it
into the core's typed objects (:meth:`Reader.read`), and reports what it could not read as
:class:`~skpkit.generator.errors.Masalah` rows in ``problems`` or, when nothing of the file can be used,
as a :class:`~skpkit.generator.errors.UserError`. Readers are looked up by kind (:func:`get_reader`) or
by file (:func:`reader_for`). Each takes a path or an opened :class:`Source`; given a path it opens it
once.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import Any, Protocol

from lxml import etree
from python_calamine import CalamineError

from skpkit.generator.layout import LAYOUT_FILES, labels
from skpkit.generator.layout.outputs import output_kind
from skpkit.generator.errors import Masalah, UserError
from skpkit.generator.read.ekinerja import EKinerjaRow, looks_like_ekinerja, read_ekinerja
from skpkit.generator.read.package import Package, Source, open_source
from skpkit.generator.read.roster import read_roster
from skpkit.generator.read.table import table_rows
from skpkit.generator.read.workbook import WorkbookData, read_workbook
from skpkit.model import JenisPeriode
from skpkit.i18n import _

__all__ = ["Reader", "register_reader", "get_reader", "reader_for", "READERS", "SkpWorkbookReader", "RosterReader",
           "EKinerjaReader", "opened", "is_ours", "require_ours", "written_by_us", "refuse_output"]


class Reader(Protocol):
    """One input kind."""

    #: the kind's name: ``skp`` (our workbook), ``roster``, ``ekinerja``
    kind: str

    def detect(self, source: Source) -> bool:
        """Whether ``source`` is of this kind."""

    def read(self, source: Path | Source, problems: list[Masalah] | None = None) -> Any:
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


def opened(source: str | Path | Source) -> Source:
    """``source`` opened once (a path is read by :func:`open_source`)."""
    return source if isinstance(source, Source) else open_source(source)


def reader_for(source: str | Path | Source, kinds: tuple[str, ...] | None = None) -> Reader:
    """The first registered reader (of ``kinds``, in that order) that detects ``source``."""
    src = opened(source)
    for kind in kinds or tuple(READERS):
        reader = get_reader(kind)
        if reader.detect(src):
            return reader
    raise UserError(Masalah(str(src.path), what=_("jenis berkas tidak dikenali") + (
        _(" (diharapkan: {kinds})").format(kinds=", ".join(kinds)) if kinds else ""),
        todo=_("gunakan berkas hasil skp generate, atau roster .xlsx/.csv")))


def is_ours(source: Source) -> bool:
    """Whether ``source`` carries skpkit's hidden sheet (a workbook we wrote, as it is or re-saved by
    Excel, LibreOffice or WPS, even as .ods or .xls)."""
    meta = labels()["sheets"]["meta"]
    if source.kind == "csv":
        return False
    try:
        return meta in source.sheet_names
    except (UserError, CalamineError, ValueError, OSError):
        return False


def written_by_us(source: Source) -> str | None:
    """What skpkit wrote ``source`` as when it is one of its outputs (``rekap``, a CSV's name), else None
    (:func:`~skpkit.generator.layout.outputs.output_kind`)."""
    try:
        if source.kind == "csv":
            rows = table_rows(source)[1]
            return output_kind([], next((r for r in rows if any(str(c).strip() for c in r)), []))
        return output_kind(source.sheet_names)
    except (UserError, CalamineError, ValueError, OSError):
        return None


def refuse_output(source: Source) -> None:
    """Refuse, in one line, a rekap or CSV skpkit wrote given back as an input."""
    kind = written_by_us(source)
    if kind is not None:
        raise UserError(Masalah(str(source.path), what=_("berkas ini keluaran skpkit ({kind}), bukan masukan: "
                                                         "tidak dibaca").format(kind=kind),
                                todo=_("sebutkan berkas SKP yang diisi pegawai (atau rekap e-Kinerja), bukan "
                                       "rekap atau CSV hasil skp consolidate")))


def require_ours(source: Source) -> None:
    """Refuse, in one line naming what it is, a file that is not one of our workbooks."""
    if is_ours(source):
        return
    refuse_output(source)
    if source.kind == "ods":
        raise UserError(Masalah(str(source.path), what=_("berkas format OpenDocument (.ods, LibreOffice), bukan "
                                                         ".xlsx"),
                                todo=_("simpan sebagai Buku Kerja Excel (.xlsx) (di LibreOffice: Simpan "
                                       "Sebagai, Excel 2007-365), lalu kirim ulang")))
    if source.kind == "xls":
        raise UserError(Masalah(str(source.path), what=_("berkas format Excel 97-2003 (.xls), bukan .xlsx"),
                                todo=_("buka di Excel dan simpan sebagai Buku Kerja Excel (.xlsx), lalu kirim "
                                       "ulang")))
    raise UserError(Masalah(str(source.path), what=_("bukan berkas skpkit (sheet _skp tidak ada)"),
                            todo=_("gunakan berkas hasil skp generate atau skp template atasan")))


class SkpWorkbookReader:
    """A workbook skpkit generated (any layout version in
    :data:`~skpkit.generator.layout.LAYOUT_FILES`), read into the plan and what was entered."""

    kind = "skp"
    versions = tuple(LAYOUT_FILES)

    def detect(self, source: Source) -> bool:
        return is_ours(source)

    def read(self, source: Path | Source, problems: list[Masalah] | None = None) -> WorkbookData:
        path = source.path if isinstance(source, Source) else Path(source)
        try:
            return read_workbook(opened(source), problems)
        except UserError:
            raise
        except (CalamineError, OSError, ValueError, KeyError, zipfile.BadZipFile, zlib.error, EOFError,
                etree.XMLSyntaxError, UnicodeDecodeError, IndexError, TypeError) as e:  # a damaged part
            raise UserError(Masalah(str(path), what=_("berkas rusak: {kind}: {e}").format(kind=type(e).__name__, e=e)[:300],
                                    todo=_("minta pegawai mengirim ulang berkas (simpan ulang sebagai .xlsx)"))) from None


class RosterReader:
    """A roster (.xlsx or .csv; one row per pegawai, headers matched tolerantly)."""

    kind = "roster"

    def detect(self, source: Source) -> bool:
        return source.kind == "csv" or isinstance(source, Package) and not is_ours(source)

    def read(self, source: Path | Source, problems: list[Masalah] | None = None, external: tuple[str, ...] = (),
             partial: bool = False):
        return read_roster(source, external, partial=partial)


class EKinerjaReader:
    """An e-Kinerja rekap (.xlsx or .csv): per pegawai and period, ratings and/or kuadran; read with the period
    type and year of the rekap it joins (:func:`~skpkit.generator.read.ekinerja.read_ekinerja`)."""

    kind = "ekinerja"

    def detect(self, source: Source) -> bool:
        if source.kind != "csv" and not isinstance(source, Package) or is_ours(source):
            return False
        return written_by_us(source) is None and looks_like_ekinerja(source)

    def read(self, source: Path | Source, problems: list[Masalah] | None = None,
             jenis: JenisPeriode = JenisPeriode.TRIWULANAN, tahun: int | None = None) -> list[EKinerjaRow]:
        return read_ekinerja(opened(source), jenis, tahun, problems if problems is not None else [])


register_reader(SkpWorkbookReader())
register_reader(RosterReader())
register_reader(EKinerjaReader())
