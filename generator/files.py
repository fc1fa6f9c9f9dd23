"""Files are never half-written: every output goes to a temporary file beside it, then is renamed."""

from __future__ import annotations

import os
import traceback
import zipfile
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import Iterator

from filelock import FileLock, Timeout

from skpkit.generator.errors import Masalah, UserError, sharing_violation
from skpkit.i18n import _

__all__ = ["atomic_target", "clean_temporaries", "check_writable", "TMP_MARK", "LOCK_NAME", "BACKUP_DIR", "target_of",
           "backup_name", "folder_lock", "Batch", "release_zips"]

TMP_MARK = ".skptmp-"
#: the lock file of a folder a verb writes into
LOCK_NAME = ".skp.lock"
#: the folder, beside the files a verb replaces, where it keeps the old ones; no verb reads from it
BACKUP_DIR = "_cadangan"


def target_of(path: Path) -> Path:
    """The file a temporary staged by :class:`Batch` or :func:`atomic_target` becomes (``path`` itself when it is
    none): the name a message gives the user.

    Examples
    --------
    >>> target_of(Path("u/.SKP-2027-a.skptmp-4242-0.xlsx")).as_posix(), target_of(Path("u/b.xlsx")).as_posix()
    ('u/SKP-2027-a.xlsx', 'u/b.xlsx')
    """
    name = path.name
    if not name.startswith(".") or TMP_MARK not in name:
        return path
    return path.with_name(name[1:name.index(TMP_MARK)] + path.suffix)


def check_writable(target: Path) -> None:
    """Refuse a target that is open in Excel/LibreOffice or read-only, before writing anything."""
    locks = [target.with_name("~$" + target.name), target.with_name(f".~lock.{target.name}#")]
    if any(lock.exists() for lock in locks):
        raise UserError(Masalah(str(target), what=_("berkas sedang dibuka di Excel/LibreOffice"),
                                todo=_("tutup berkas lalu jalankan lagi")))
    if target.exists() and not os.access(target, os.W_OK):
        raise UserError(Masalah(str(target), what=_("berkas hanya-baca"), todo=_("ubah izin berkas atau pilih folder lain")))


def backup_name(path: Path, now: datetime) -> Path:
    """Where an old file is kept before it is replaced: ``_cadangan/NAME.YYYYMMDD-HHMMSS.ext`` beside it,
    with ``-2``, ``-3``, ... when that name is taken (two runs within one second keep both).

    Examples
    --------
    >>> backup_name(Path("u/SKP-2027-a.xlsx"), datetime(2027, 1, 5, 8, 30)).as_posix()
    'u/_cadangan/SKP-2027-a.20270105-083000.xlsx'
    """
    folder = path.parent / BACKUP_DIR
    stem = f"{path.stem}.{now:%Y%m%d-%H%M%S}"
    copy, n = folder / f"{stem}{path.suffix}", 1
    while copy.exists():
        n += 1
        copy = folder / f"{stem}-{n}{path.suffix}"
    return copy


def _replace(source: Path, target: Path, named: Path) -> None:
    """``os.replace`` with a file another program holds (a sharing violation on Windows) as one line
    naming ``named``, the file the user knows."""
    try:
        os.replace(source, target)
    except PermissionError as e:
        what = (_("berkas sedang dibuka program lain (Excel?): tidak ditimpa") if sharing_violation(e)
                else _("berkas tidak dapat ditimpa (sedang dibuka, atau hanya-baca)"))
        raise UserError(Masalah(str(named), what=what, todo=_("tutup berkas lalu jalankan lagi"))) from None


class Batch:
    """The files one run replaces, replaced together or not at all.

    Each target is written to a temporary file beside it (:meth:`stage`); :meth:`commit` then moves every old
    file into ``_cadangan`` and every new one into place. A failure or Ctrl+C at any point puts every old
    file back and removes the new ones, so the folder and its ``manifest.json`` (staged like any file)
    never disagree; a run that was killed leaves the old files in ``_cadangan`` and temporaries that the
    next run removes.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("lama")
    >>> with Batch(now=datetime(2027, 1, 5, 8, 30)) as batch:
    ...     _ = batch.stage(folder / "a.txt").write_text("baru")
    ...     _ = batch.stage(folder / "b.txt").write_text("baru")
    ...     kept = batch.commit()
    >>> (folder / "a.txt").read_text(), [p.name for p in kept]
    ('baru', ['a.20270105-083000.txt'])
    """

    def __init__(self, *, backup: bool = True, now: datetime | None = None) -> None:
        self.backup, self.now = backup, now or datetime.now()
        self.staged: list[tuple[Path, Path]] = []
        self._targets: set[Path] = set()

    def __enter__(self) -> "Batch":
        return self

    def __exit__(self, *exc: object) -> None:
        self.discard()

    def stage(self, target: Path) -> Path:
        """A temporary path to write ``target``'s new content to (checked writable first)."""
        target = Path(target)
        if target in self._targets:
            raise UserError(Masalah(str(target), what=_("dua hasil untuk berkas yang sama"),
                                    todo=_("beri nama unit atau pegawai yang berbeda")))
        target.parent.mkdir(parents=True, exist_ok=True)
        check_writable(target)
        tmp = target.with_name(f".{target.stem}{TMP_MARK}{os.getpid()}-{len(self.staged)}{target.suffix}")
        self.staged.append((tmp, target))
        self._targets.add(target)
        return tmp

    def discard(self) -> None:
        """Remove the temporaries not committed."""
        for tmp, _target in self.staged:
            with suppress(OSError):
                tmp.unlink()

    def commit(self) -> list[Path]:
        """Put every staged file in place, all or none; return the old files kept (none without ``backup``)."""
        aside: dict[Path, Path] = {}
        placed: list[Path] = []
        try:
            for _tmp, target in self.staged:
                if target.exists():
                    copy = backup_name(target, self.now)
                    copy.parent.mkdir(exist_ok=True)
                    _replace(target, copy, target)  # Windows refuses this for a file Excel holds: nothing replaced yet
                    aside[target] = copy
            for tmp, target in self.staged:
                _replace(tmp, target, target)
                placed.append(target)
        except BaseException:
            for target in placed:
                with suppress(OSError):
                    target.unlink()
            for target, copy in aside.items():
                with suppress(OSError):
                    os.replace(copy, target)
            raise
        finally:
            self.discard()
        if self.backup:
            return list(aside.values())
        for copy in aside.values():
            with suppress(OSError):
                copy.unlink()
        for folder in {c.parent for c in aside.values()}:
            with suppress(OSError):
                folder.rmdir()  # only when empty
        return []


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
        _replace(tmp, target, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def release_zips(error: BaseException | None) -> None:
    """Close the files of the zips that the frames of ``error`` (and of the errors it was raised from) hold
    open, and detach them, so a zip closed later by the garbage collector does nothing."""
    while error is not None:
        for frame, _line in traceback.walk_tb(error.__traceback__):
            for value in list(frame.f_locals.values()):
                if isinstance(value, zipfile.ZipFile) and value.fp is not None:
                    fp, value.fp = value.fp, None
                    try:
                        fp.close()
                    except OSError:  # the disk is full: the handle is released all the same
                        pass
        error = error.__cause__ or error.__context__
