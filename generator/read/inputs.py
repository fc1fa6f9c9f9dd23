"""Which files under the paths a user names are inputs: workbooks (ours, as they came back, and an
e-Kinerja rekap) and the CSV files that carry an e-Kinerja rekap's columns; never a lock file, a
temporary, or a backup skpkit kept."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from skpkit.generator.errors import UserError
from skpkit.generator.read.ekinerja import looks_like_ekinerja
from skpkit.generator.read.package import SPREADSHEET_SUFFIXES, Limits, open_source

__all__ = ["find_files", "BACKUP"]

#: the name of a backup skpkit kept (``NAME.YYYYMMDD-HHMMSS.xlsx``): not an input
BACKUP = re.compile(r"\.\d{8}-\d{6}\.[A-Za-z]+$")


def _ekinerja_csv(path: Path) -> bool:
    try:
        return path.stat().st_size <= Limits.file_bytes and looks_like_ekinerja(open_source(path))
    except (UserError, OSError):
        return False


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Every input under ``paths`` (recursively), leaving out lock and temporary files and the backups
    skpkit keeps beside re-issued workbooks; a CSV named on the command line is an input, one found in a
    folder only when it carries an e-Kinerja rekap's columns."""
    found: list[Path] = []
    for p in paths:
        p = Path(p)
        candidates = [p] if p.is_file() else sorted(x for x in p.rglob("*") if x.is_file())
        for f in candidates:
            if f.name.startswith(("~$", ".~lock", ".")) or BACKUP.search(f.name):
                continue
            suffix = f.suffix.lower()
            if suffix in SPREADSHEET_SUFFIXES or suffix == ".csv" and (p.is_file() or _ekinerja_csv(f)):
                found.append(f)
    return found
