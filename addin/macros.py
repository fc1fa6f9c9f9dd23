"""Macros for secretaries, run from Excel through xlwings (RunPython, or imported by the add-in).

Each macro is an ``xw.script`` without parameters, so that it shows in Excel's macro list; it reads
its input from the workbook that called it (``xw.Book.caller()``) and hands over to a plain function
of the same name with ``_di`` (``konsolidasi_folder_di(path)``), which the tests and other Python
code call directly.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import skpkit
from skpkit.i18n import _

try:  # the add-in extra; the macros only need it when called from Excel
    import xlwings as xw
except ImportError:  # pragma: no cover
    xw = None

__all__ = ["konsolidasi_folder", "buat_bawahan", "refresh_bawahan", "konsolidasi_folder_di", "buat_bawahan_di",
           "refresh_bawahan_di", "MACROS"]


def _script(fn):
    return xw.script(fn) if xw is not None else fn


def _caller_path() -> Path:
    if xw is None:
        raise RuntimeError(_("xlwings belum terpasang: pip install 'skpkit[addin]'"))
    return Path(xw.Book.caller().fullname)


def konsolidasi_folder_di(path: Path) -> Path:
    """Consolidate every skpkit workbook in the folder of ``path`` into ``REKAP-<time>.xlsx`` there."""
    folder = Path(path).parent
    out = folder / f"REKAP-{datetime.now():%Y%m%d-%H%M%S}.xlsx"
    manifest = folder / "manifest.json"
    skpkit.consolidate([folder], out, manifest=manifest if manifest.exists() else None)
    return out


def _roster(folder: Path) -> Path:
    for name in ("roster.xlsx", "roster.csv"):
        if (folder / name).exists():
            return folder / name
    raise FileNotFoundError(_("tidak ada roster.xlsx atau roster.csv di {folder}").format(folder=folder))


def buat_bawahan_di(path: Path) -> list[Path]:
    """Generate the subordinates' workbooks from the superior's workbook ``path`` into ``bawahan/``,
    with the roster (``roster.xlsx`` or ``roster.csv``) beside it."""
    path = Path(path)
    return skpkit.generate(_roster(path.parent), path.parent / "bawahan", atasan=path)


def refresh_bawahan_di(path: Path) -> list[Path]:
    """Re-issue the workbooks in ``bawahan/`` from the superior's workbook ``path``, keeping every value."""
    path = Path(path)
    files = sorted(p for p in (path.parent / "bawahan").glob("SKP-*.xls*") if p.stem.count(".") == 0)
    roster = path.parent / "roster.xlsx"
    return skpkit.refresh(files, path, roster=roster if roster.exists() else None).written


@_script
def konsolidasi_folder() -> None:
    """Rekap of the active workbook's folder: REKAP-<time>.xlsx, opened in Excel."""
    out = konsolidasi_folder_di(_caller_path())
    xw.Book(str(out))


@_script
def buat_bawahan() -> None:
    """The subordinates' workbooks from the active (superior's) workbook, into bawahan/."""
    buat_bawahan_di(_caller_path())


@_script
def refresh_bawahan() -> None:
    """Re-issue bawahan/ from the active (superior's) workbook, keeping every value."""
    refresh_bawahan_di(_caller_path())


#: the macros Excel lists
MACROS = (konsolidasi_folder, buat_bawahan, refresh_bawahan)
