"""Files are never half-written: every output goes to a temporary file beside it, then is renamed."""

from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Iterator

from skpkit.generator.errors import Masalah, UserError

__all__ = ["atomic_target", "clean_temporaries", "check_writable", "TMP_MARK", "backup_name", "folder_lock"]

TMP_MARK = ".skptmp-"


def check_writable(target: Path) -> None:
    """Refuse a target that is open in Excel/LibreOffice or read-only, before writing anything."""
    locks = [target.with_name("~$" + target.name), target.with_name(f".~lock.{target.name}#")]
    if any(lock.exists() for lock in locks):
        raise UserError(Masalah(str(target), what="berkas sedang dibuka di Excel/LibreOffice",
                                todo="tutup berkas lalu jalankan lagi"))
    if target.exists() and not os.access(target, os.W_OK):
        raise UserError(Masalah(str(target), what="berkas hanya-baca", todo="ubah izin berkas atau pilih folder lain"))


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
    """One run at a time in ``folder``: a second one is refused with one line (a lock left by a run that
    died is taken over)."""
    lock = folder / ".skp.lock"
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            break
        except FileExistsError:
            try:
                pid = int(lock.read_text().strip() or 0)
            except (OSError, ValueError):
                pid = 0
            if pid and _alive(pid):
                raise UserError(Masalah(str(folder), what=f"folder sedang dipakai {what} lain (proses {pid})",
                                        todo="tunggu sampai selesai, atau pakai folder lain")) from None
            lock.unlink(missing_ok=True)
    else:  # pragma: no cover - a lock re-created between our two tries
        raise UserError(Masalah(str(folder), what=f"folder sedang dipakai {what} lain"))
    try:
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        yield
    finally:
        lock.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


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
