"""Files are never half-written: every output goes to a temporary file beside it, then is renamed."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from skpkit.generator.problems import Masalah, UserError

__all__ = ["atomic_target", "clean_temporaries", "check_writable", "TMP_MARK"]

TMP_MARK = ".skptmp-"


def check_writable(target: Path) -> None:
    """Refuse a target that is open in Excel/LibreOffice or read-only, before writing anything."""
    locks = [target.with_name("~$" + target.name), target.with_name(f".~lock.{target.name}#")]
    if any(lock.exists() for lock in locks):
        raise UserError(Masalah(str(target), what="berkas sedang dibuka di Excel/LibreOffice",
                                todo="tutup berkas lalu jalankan lagi"))
    if target.exists() and not os.access(target, os.W_OK):
        raise UserError(Masalah(str(target), what="berkas hanya-baca", todo="ubah izin berkas atau pilih folder lain"))


def clean_temporaries(folder: Path) -> int:
    """Remove temporaries an interrupted run left behind; return how many."""
    n = 0
    for tmp in folder.glob(f".*{TMP_MARK}*"):
        tmp.unlink(missing_ok=True)
        n += 1
    return n


@contextmanager
def atomic_target(target: Path) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; rename it onto ``target`` on success.

    On any error (or Ctrl-C) the temporary file is removed and ``target`` is untouched.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    check_writable(target)
    tmp = target.with_name(f".{target.stem}{TMP_MARK}{os.getpid()}{target.suffix}")
    try:
        yield tmp
        try:
            os.replace(tmp, target)
        except PermissionError:
            raise UserError(Masalah(str(target), what="berkas tidak dapat ditimpa (sedang dibuka?)",
                                    todo="tutup berkas lalu jalankan lagi")) from None
    finally:
        if tmp.exists():
            tmp.unlink()
