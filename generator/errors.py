"""Problems in a user's file (:class:`Masalah`: where, what, what to do) and the error boundary of a command:
what goes wrong with the user's files and disk becomes one line naming the file, with what to do; a
traceback only with ``--debug`` (or ``SKP_DEBUG=1``)."""

from __future__ import annotations

import errno
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from xlsxwriter.exceptions import FileCreateError

from skpkit.errors import InputError
from skpkit.i18n import _

__all__ = ["Masalah", "UserError", "USER_FAULTS", "as_masalah", "sharing_violation"]


@dataclass(frozen=True)
class Masalah:
    """One problem, as a line on the terminal and a row of the rekap's ``Masalah`` sheet."""

    file: str
    sheet: str = ""
    cell: str = ""
    what: str = ""
    todo: str = ""

    def __str__(self) -> str:
        where = ", ".join(x for x in (Path(self.file).name if self.file else "",
                                      _("sheet {name!r}").format(name=self.sheet) if self.sheet else "",
                                      _("sel {cell}").format(cell=self.cell) if self.cell else "") if x)
        tail = f" ({self.todo})" if self.todo else ""
        return f"{where}: {self.what}{tail}" if where else f"{self.what}{tail}"


class UserError(Exception):
    """Bad input the user can fix: the command prints one line and exits 1, writing nothing."""

    def __init__(self, masalah: Masalah) -> None:
        self.masalah = masalah
        super().__init__(str(masalah))


#: exceptions that come from the user's files, folders or disk, not from a bug in skpkit
USER_FAULTS: tuple[type[BaseException], ...] = (
    UserError, InputError, OSError, UnicodeError, zipfile.BadZipFile, zipfile.LargeZipFile, ElementTree.ParseError,
    json.JSONDecodeError, EOFError, MemoryError, FileCreateError,
)


#: Windows' "the file is being used by another process" and "another process has locked a portion of it"
_SHARING = (32, 33)


def sharing_violation(e: OSError) -> bool:
    """Whether ``e`` is Windows refusing a file another program (Excel) holds open.

    Examples
    --------
    >>> e = PermissionError(13, "Access is denied")
    >>> e.winerror = 32
    >>> sharing_violation(e), sharing_violation(PermissionError(13, "denied"))
    (True, False)
    """
    return getattr(e, "winerror", None) in _SHARING


def as_masalah(e: BaseException) -> Masalah:
    """One problem, in the user's words, for an exception of :data:`USER_FAULTS`.

    Examples
    --------
    >>> str(as_masalah(PermissionError(13, "Permission denied", "/data/rekap.xlsx")))
    'rekap.xlsx: tidak ada izin menulis atau membaca (buka izin folder, atau pilih folder lain)'
    """
    if isinstance(e, UserError):
        return e.masalah
    if isinstance(e, FileCreateError) and e.args and isinstance(e.args[0], OSError):
        return as_masalah(e.args[0])  # XlsxWriter wraps the OSError of the file it could not create
    if isinstance(e, InputError):
        return Masalah("", what=e.reason, todo=e.hint)
    if isinstance(e, OSError):
        where = str(e.filename or "")
        if e.errno in (errno.ENOSPC, errno.EDQUOT):
            return Masalah(where, what=_("disk penuh: berkas tidak ditulis (yang sudah ada tetap utuh)"),
                           todo=_("kosongkan ruang disk atau pilih folder lain"))
        if sharing_violation(e):
            return Masalah(where, what=_("berkas sedang dibuka program lain (Excel?): tidak dapat dibaca atau "
                                         "ditulis"),
                           todo=_("tutup berkas di Excel lalu jalankan lagi"))
        if isinstance(e, PermissionError) or e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return Masalah(where, what=_("tidak ada izin menulis atau membaca"),
                           todo=_("buka izin folder, atau pilih folder lain"))
        if isinstance(e, FileNotFoundError):
            return Masalah(where, what=_("berkas atau folder tidak ditemukan"), todo=_("periksa nama dan letaknya"))
        return Masalah(where, what=_("gagal membaca/menulis: {x}").format(x=e.strerror or e), todo=_("periksa berkas dan disknya"))
    if isinstance(e, UnicodeError):
        return Masalah("", what=_("teks dengan pengodean yang tidak dikenal ({e})").format(e=e),
                       todo=_("simpan ulang sebagai CSV UTF-8 atau .xlsx"))
    if isinstance(e, json.JSONDecodeError):
        return Masalah("", what=_("JSON rusak (baris {lineno}, kolom {colno}): {msg}").format(
                                    lineno=e.lineno, colno=e.colno, msg=e.msg),
                       todo=_("gunakan manifest.json asli dari skp generate"))
    if isinstance(e, MemoryError):
        return Masalah("", what=_("memori tidak cukup"), todo=_("proses lebih sedikit berkas sekaligus"))
    return Masalah("", what=_("berkas rusak: {kind}: {e}").format(kind=type(e).__name__, e=e)[:300],
                   todo=_("minta berkas yang utuh"))
