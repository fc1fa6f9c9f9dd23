"""Open a returned file safely: its kind, then bounds, before any reader allocates anything.

What comes back from a unit is not always an .xlsx: an encrypted workbook and an Excel 97-2003 ``.xls``
are both OLE files; LibreOffice users may save ``.ods``. Each is named for what it is, with what to do.
Then the zip's directory is checked (declared sizes and ratio: a zip bomb is refused before anything
is decompressed) and every sheet is streamed once for its cell grid (the largest row and column it
declares or uses), so that one value typed in cell XFD1048576 is refused instead of making a reader
allocate the whole grid.
"""

from __future__ import annotations

import zipfile
import zlib
from xml.etree import ElementTree
from dataclasses import dataclass
from pathlib import Path

from skpkit.generator.problems import Masalah, UserError
from skpkit.generator.read.package import FormulaScan, scan_formulas

__all__ = ["Limits", "check_container", "carries_layout", "OLE_MAGIC", "SPREADSHEET_SUFFIXES"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: files a unit may return that are looked at (and named when they cannot be read)
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")


@dataclass(frozen=True)
class Limits:
    """Reading is bounded: a workbook past these is refused as a problem (zip bombs, giant sheets)."""

    uncompressed_bytes: int = 200 * 1024 * 1024
    compression_ratio: float = 200.0
    files_in_zip: int = 2000
    #: rows of one sheet (a ministry's roster is the largest sheet skpkit reads)
    rows: int = 300_000


def _ole_kind(path: Path) -> Masalah | None:
    """An OLE file: an encrypted (password-protected) workbook, or the old .xls format (``None`` when it is
    an .xls that carries skpkit's layout: it is read as it is)."""
    with path.open("rb") as f:
        head = f.read(1 << 16)
    if "EncryptedPackage".encode("utf-16-le") in head or path.suffix.lower() not in (".xls",):
        return Masalah(str(path), what="berkas dilindungi kata sandi (terenkripsi)",
                       todo="minta pegawai menyimpan ulang tanpa kata sandi berkas")
    if carries_layout(path):
        return None
    return Masalah(str(path), what="berkas format Excel 97-2003 (.xls), bukan .xlsx",
                   todo="buka di Excel dan simpan sebagai Buku Kerja Excel (.xlsx), lalu kirim ulang")


def carries_layout(path: Path) -> bool:
    """Whether an .xls or .ods holds skpkit's hidden sheet (LibreOffice and Excel keep it when saving)."""
    from python_calamine import CalamineError, CalamineWorkbook

    from skpkit.generator.layout import labels

    try:
        return labels()["sheets"]["meta"] in CalamineWorkbook.from_path(str(path)).sheet_names
    except (CalamineError, OSError, ValueError):
        return False


def _too_big(path: Path, sheet: str, where: str) -> None:
    raise UserError(Masalah(str(path), sheet, what=f"lembar kerja terlalu besar untuk dibaca "
                            f"({where})", todo="hapus isi di luar tabel (Ctrl+End menunjukkan sel terakhir), simpan, "
                            "kirim ulang"))


def check_container(path: Path, limits: Limits) -> dict[str, FormulaScan]:
    """Raise :class:`UserError` for a file of another kind, encrypted, corrupt, truncated or oversized
    (zip bomb, a giant sheet). Return each sheet's scan (formula cells, protection), which the grid
    bound needed anyway, for the checks that use it (``{}`` for an .ods or .xls read by position)."""
    path = Path(path)
    suffix = path.suffix.lower()
    with path.open("rb") as f:
        head = f.read(8)
    if head == OLE_MAGIC:
        problem = _ole_kind(path)
        if problem is not None:
            raise UserError(problem)
        return {}
    if suffix == ".xlsb" or suffix == ".ods" and not carries_layout(path):
        kind = "OpenDocument (.ods, LibreOffice)" if suffix == ".ods" else "Excel biner (.xlsb)"
        raise UserError(Masalah(str(path), what=f"berkas format {kind}, bukan .xlsx",
                                todo="simpan sebagai Buku Kerja Excel (.xlsx) (di LibreOffice: Simpan Sebagai, "
                                     "Excel 2007-365), lalu kirim ulang"))
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            total = sum(i.file_size for i in infos)
            packed = max(sum(i.compress_size for i in infos), 1)
            if len(infos) > limits.files_in_zip or total > limits.uncompressed_bytes or \
                    total / packed > limits.compression_ratio:
                raise UserError(Masalah(str(path), what=f"berkas terlalu besar untuk dibaca ({total:,} byte setelah "
                                        f"dibuka, {len(infos)} bagian)", todo="periksa berkas; bukan berkas SKP biasa"))
    except (zipfile.BadZipFile, OSError, EOFError) as e:
        raise UserError(Masalah(str(path), what=f"berkas rusak atau terpotong ({e})",
                                todo="minta pegawai mengirim ulang berkas")) from None
    if suffix == ".ods":
        return {}

    def bound(sheet: str, scan: FormulaScan) -> None:
        if scan.wide:
            _too_big(path, sheet, "kolom setelah ZZ")
        if scan.rows > limits.rows:
            _too_big(path, sheet, f"baris {scan.rows:,}")

    try:
        return scan_formulas(path, stop=bound)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, KeyError, ElementTree.ParseError) as e:
        raise UserError(Masalah(str(path), what=f"berkas rusak atau terpotong ({e})",
                                todo="minta pegawai mengirim ulang berkas")) from None
