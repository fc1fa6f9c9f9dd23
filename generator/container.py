"""Open a returned file safely: encrypted, corrupt or oversized files are refused as problems."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from skpkit.generator.problems import Masalah, UserError

__all__ = ["Limits", "check_container", "OLE_MAGIC"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class Limits:
    """Reading is bounded: a workbook past these is refused as a problem (zip bombs, giant sheets)."""

    uncompressed_bytes: int = 200 * 1024 * 1024
    compression_ratio: float = 200.0
    files_in_zip: int = 2000


def check_container(path: Path, limits: Limits) -> None:
    """Raise :class:`UserError` for an encrypted, corrupt, truncated or oversized (zip bomb) file."""
    with path.open("rb") as f:
        head = f.read(8)
    if head == OLE_MAGIC:
        raise UserError(Masalah(str(path), what="berkas dilindungi kata sandi (terenkripsi)",
                                todo="minta pegawai menyimpan ulang tanpa kata sandi berkas"))
    # The zip's directory only (declared sizes): nothing is decompressed here. A damaged part is
    # found when it is read, and reported then (see skpkit.generator.readers).
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, EOFError) as e:
        raise UserError(Masalah(str(path), what=f"berkas rusak atau terpotong ({e})",
                                todo="minta pegawai mengirim ulang berkas")) from None
    total = sum(i.file_size for i in infos)
    packed = max(sum(i.compress_size for i in infos), 1)
    if len(infos) > limits.files_in_zip or total > limits.uncompressed_bytes or total / packed > limits.compression_ratio:
        raise UserError(Masalah(str(path), what=f"berkas terlalu besar untuk dibaca ({total:,} byte setelah "
                                f"dibuka, {len(infos)} bagian)", todo="periksa berkas; bukan berkas SKP biasa"))
