"""Which files under the paths a user names are inputs: workbooks (ours, as they came back, and an
e-Kinerja rekap) and the CSV files that carry an e-Kinerja rekap's columns; never a lock file, a
temporary, a backup skpkit kept (in ``_cadangan``, or beside the file from releases before it), or a rekap
or CSV skpkit wrote (known by content, :mod:`skpkit.generator.layout.outputs`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from skpkit.generator.errors import UserError
from skpkit.generator.files import BACKUP_DIR
from skpkit.generator.read.ekinerja import looks_like_ekinerja
from skpkit.generator.read.package import SPREADSHEET_SUFFIXES, Limits, open_source
from skpkit.generator.read.registry import written_by_us

__all__ = ["find_files", "BACKUP"]

#: the name of a backup releases before 0.3 kept beside the file (``NAME.YYYYMMDD-HHMMSS.xlsx``): not an input
BACKUP = re.compile(r"\.\d{8}-\d{6}(-\d+)?\.[A-Za-z]+$")


def _ekinerja_csv(path: Path) -> bool:
    """A CSV found in a folder is an input when it carries an e-Kinerja rekap's columns and is not one
    skpkit wrote."""
    try:
        if path.stat().st_size > Limits.file_bytes:
            return False
        source = open_source(path)
        return written_by_us(source) is None and looks_like_ekinerja(source)
    except (UserError, OSError, ValueError):
        return False


def _our_rekap(path: Path) -> bool:
    try:
        return written_by_us(open_source(path)) is not None
    except (UserError, OSError, ValueError):  # unreadable here: the verb that reads it says why
        return False


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Every input under ``paths`` (recursively), leaving out lock and temporary files and the backups
    skpkit keeps beside re-issued workbooks; a CSV named on the command line is an input, one found in a
    folder only when it carries an e-Kinerja rekap's columns."""
    found: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_file():  # named: the verb reads it and refuses what it cannot take, saying why
            if p.suffix.lower() in (*SPREADSHEET_SUFFIXES, ".csv"):
                found.append(p)
            continue
        for f in sorted(x for x in p.rglob("*") if x.is_file()):
            if (f.name.startswith(("~$", ".~lock", ".")) or BACKUP.search(f.name)
                    or BACKUP_DIR in f.relative_to(p).parts[:-1]):
                continue
            suffix = f.suffix.lower()
            if suffix in SPREADSHEET_SUFFIXES and not _our_rekap(f) or suffix == ".csv" and _ekinerja_csv(f):
                found.append(f)
    return found
