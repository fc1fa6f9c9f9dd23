"""The rows of a table-like input (a roster, an e-Kinerja rekap): a CSV as Excel on Windows writes it, or a
sheet of a workbook, from a file read once by :func:`~skpkit.generator.read.package.open_source`."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from skpkit.generator.errors import Masalah, UserError
from skpkit.generator.read.package import Source
from skpkit.i18n import _

__all__ = ["decode_csv", "csv_rows", "table_rows", "normalise_header"]

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise_header(text: Any) -> str:
    """Fold a header for matching.

    Examples
    --------
    >>> normalise_header("  NIP Atasan_Langsung ")
    'nip atasan langsung'
    >>> normalise_header("Pangkat/Gol. Ruang")
    'pangkat gol ruang'
    """
    return _NON_ALNUM.sub(" ", str(text).casefold()).strip()


def decode_csv(data: bytes) -> str:
    """The text of a CSV file, by a stated rule: UTF-8 (a byte-order mark dropped) when the bytes are
    valid UTF-8, else Windows-1252 (what Excel on Windows writes for "CSV"), else Latin-1.

    Examples
    --------
    >>> decode_csv("NIP;Nama\\nx;Désirée".encode("cp1252")).splitlines()[1]
    'x;Désirée'
    >>> decode_csv("\\ufeffNIP".encode("utf-8"))
    'NIP'
    """
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def csv_rows(data: bytes) -> list[list[str]]:
    """The rows of a CSV file's bytes: decoded by :func:`decode_csv`, the delimiter (``,`` ``;`` or tab) sniffed.

    Examples
    --------
    >>> csv_rows(b"NIP;Nama\\r\\n1;Ani\\r\\n")
    [['NIP', 'Nama'], ['1', 'Ani']]
    """
    text = decode_csv(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text, newline=""), dialect))


def table_rows(source: Source, prefer: tuple[str, ...] = ()) -> tuple[str, list[list[Any]]]:
    """(sheet, rows) of ``source``: a CSV's rows (sheet ``''``), or the rows of the first sheet whose folded
    name is in ``prefer``, else of the first sheet."""
    if source.kind == "csv":
        return "", csv_rows(source.data)
    try:
        names = source.sheet_names
        name = next((n for n in names if normalise_header(n) in prefer), names[0])
        return name, source.grid(name).rows
    except UserError:
        raise
    except Exception as e:  # noqa: BLE001 - calamine raises its own error types for unreadable files
        raise UserError(Masalah(str(source.path), what=_("tidak dapat dibaca sebagai xlsx/csv ({e})").format(e=e)[:300],
                                todo=_("simpan sebagai .xlsx atau .csv"))) from None
