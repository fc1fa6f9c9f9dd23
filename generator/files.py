"""Files are never half-written: every output goes to a temporary file beside it, then is renamed."""

from __future__ import annotations

import os
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import Iterator

from filelock import FileLock, Timeout

from skpkit.generator.errors import Masalah, UserError, sharing_violation
from skpkit.i18n import _

__all__ = ["atomic_target", "clean_temporaries", "check_writable", "TMP_MARK", "LOCK_NAME", "backup_name",
           "folder_lock"]

TMP_MARK = ".skptmp-"
#: the lock file of a folder a verb writes into
LOCK_NAME = ".skp.lock"


def check_writable(target: Path) -> None:
    """Refuse a target that is open in Excel/LibreOffice or read-only, before writing anything."""
    locks = [target.with_name("~$" + target.name), target.with_name(f".~lock.{target.name}#")]
    if any(lock.exists() for lock in locks):
        raise UserError(Masalah(str(target), what=_("berkas sedang dibuka di Excel/LibreOffice"),
                                todo=_("tutup berkas lalu jalankan lagi")))
    if target.exists() and not os.access(target, os.W_OK):
        raise UserError(Masalah(str(target), what=_("berkas hanya-baca"), todo=_("ubah izin berkas atau pilih folder lain")))


def backup_name(path: Path, now: datetime) -> Path:
    """Where an old file is kept before it is replaced: ``NAME.YYYYMMDD-HHMMSS.ext`` beside it.

    Examples
    --------
    >>> backup_name(Path("u/SKP-2027-a.xlsx"), datetime(2027, 1, 5, 8, 30)).name
    'SKP-2027-a.20270105-083000.xlsx'
    """
    return path.with_name(f"{path.stem}.{now:%Y%m%d-%H%M%S}{path.suffix}")


@contextmanager
def folder_lock(folder: Path, what: str) -> Iterator[None]:
    """One run at a time in ``folder``: a second one is refused with one line. The lock is the operating
    system's (filelock: ``fcntl`` on Linux and macOS, ``msvcrt`` on Windows), so a run that died holds none."""
    lock = FileLock(folder / LOCK_NAME, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise UserError(Masalah(str(folder), what=_("folder sedang dipakai {what} lain").format(what=what),
                                todo=_("tunggu sampai selesai, atau pakai folder lain"))) from None
    try:
        yield
    finally:
        # Removed while still held, so a run waiting on this file finds it gone and makes a new one
        # (filelock checks); on Windows an open file cannot be removed and filelock removes it on release.
        with suppress(OSError):
            (folder / LOCK_NAME).unlink()
        lock.release()


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
        except PermissionError as e:
            what = (_("berkas sedang dibuka program lain (Excel?): tidak ditimpa") if sharing_violation(e)
                    else _("berkas tidak dapat ditimpa (sedang dibuka, atau hanya-baca)"))
            raise UserError(Masalah(str(target), what=what, todo=_("tutup berkas lalu jalankan lagi"))) from None
    finally:
        if tmp.exists():
            tmp.unlink()
