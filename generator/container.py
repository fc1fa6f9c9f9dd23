"""Open a returned file safely: its kind, then bounds, before any reader allocates anything.

What comes back from a unit is not always an .xlsx: an encrypted workbook and an Excel 97-2003 ``.xls``
are both OLE files; LibreOffice users may save ``.ods``. Each is named for what it is, with what to do.
Then the zip's directory is checked (declared sizes and ratio: a zip bomb is refused before anything
is decompressed) and every sheet is streamed once for its cell grid (the largest row and column it
declares or uses), so that one value typed in cell XFD1048576 is refused instead of making a reader
allocate the whole grid.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from skpkit.generator.problems import Masalah, UserError

__all__ = ["Limits", "check_container", "OLE_MAGIC", "SPREADSHEET_SUFFIXES"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: files a unit may return that are looked at (and named when they cannot be read)
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
_ROW = re.compile(rb'<row r="([0-9]+)"')
_WIDE = re.compile(rb'<c r="[A-Z]{3}[0-9]')  # a column past ZZ (702): further than any skpkit sheet
_DIMENSION = re.compile(rb'<dimension ref="(?:[A-Z]+[0-9]+:)?([A-Z]+)([0-9]+)"')


@dataclass(frozen=True)
class Limits:
    """Reading is bounded: a workbook past these is refused as a problem (zip bombs, giant sheets)."""

    uncompressed_bytes: int = 200 * 1024 * 1024
    compression_ratio: float = 200.0
    files_in_zip: int = 2000
    #: rows of one sheet (a ministry's roster is the largest sheet skpkit reads)
    rows: int = 300_000


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _ole_kind(path: Path) -> Masalah | None:
    """An OLE file: an encrypted (password-protected) workbook, or the old .xls format (``None`` when it is
    an .xls that carries skpkit's layout: it is read as it is)."""
    with path.open("rb") as f:
        head = f.read(1 << 16)
    if "EncryptedPackage".encode("utf-16-le") in head or path.suffix.lower() not in (".xls",):
        return Masalah(str(path), what="berkas dilindungi kata sandi (terenkripsi)",
                       todo="minta pegawai menyimpan ulang tanpa kata sandi berkas")
    if _carries_layout(path):
        return None
    return Masalah(str(path), what="berkas format Excel 97-2003 (.xls), bukan .xlsx",
                   todo="buka di Excel dan simpan sebagai Buku Kerja Excel (.xlsx), lalu kirim ulang")


def _carries_layout(path: Path) -> bool:
    """Whether an .xls or .ods holds skpkit's hidden sheet (LibreOffice and Excel keep it when saving)."""
    from python_calamine import CalamineError, CalamineWorkbook

    from skpkit.generator.layout import labels

    try:
        return labels()["sheets"]["meta"] in CalamineWorkbook.from_path(str(path)).sheet_names
    except (CalamineError, OSError, ValueError):
        return False


def _check_grid(path: Path, z: zipfile.ZipFile, limits: Limits) -> None:
    for name in z.namelist():
        if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
            continue
        last_row, tail = 0, b""
        with z.open(name) as f:
            first = True
            while chunk := f.read(1 << 20):
                data = tail + chunk
                if first:
                    dim = _DIMENSION.search(data[:4096])
                    if dim and (_col_number(dim.group(1)) > 702 or int(dim.group(2)) > limits.rows):
                        _too_big(path, name, dim.group(1).decode() + dim.group(2).decode())
                    first = False
                if _WIDE.search(data):
                    _too_big(path, name, "kolom setelah ZZ")
                rows = _ROW.findall(data)
                if rows:
                    last_row = max(last_row, int(rows[-1]))
                    if last_row > limits.rows:
                        _too_big(path, name, f"baris {last_row:,}")
                tail = data[-64:]


def _too_big(path: Path, member: str, where: str) -> None:
    raise UserError(Masalah(str(path), member.rsplit("/", 1)[-1], what=f"lembar kerja terlalu besar untuk dibaca "
                            f"({where})", todo="hapus isi di luar tabel (Ctrl+End menunjukkan sel terakhir), simpan, "
                            "kirim ulang"))


def check_container(path: Path, limits: Limits) -> None:
    """Raise :class:`UserError` for a file of another kind, encrypted, corrupt, truncated or oversized
    (zip bomb, a giant sheet)."""
    path = Path(path)
    suffix = path.suffix.lower()
    with path.open("rb") as f:
        head = f.read(8)
    if head == OLE_MAGIC:
        problem = _ole_kind(path)
        if problem is not None:
            raise UserError(problem)
        return
    if suffix == ".xlsb" or suffix == ".ods" and not _carries_layout(path):
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
            _check_grid(path, z, limits)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as e:
        raise UserError(Masalah(str(path), what=f"berkas rusak atau terpotong ({e})",
                                todo="minta pegawai mengirim ulang berkas")) from None
