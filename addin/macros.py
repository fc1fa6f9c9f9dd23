"""Macros for secretaries, run from Excel through xlwings (RunPython or the add-in's imported subs).

Thin: each finds its folder from the calling workbook and hands over to ``generator``.
On Linux there is no calling workbook; pass ``book`` (anything with ``fullname``) to test them.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

try:  # the add-in extra; the macros only need it when called from Excel
    import xlwings as xw
except ImportError:  # pragma: no cover
    xw = None

__all__ = ["konsolidasi_folder", "buat_bawahan", "refresh_bawahan"]


def _sub(fn):
    return xw.sub(fn) if xw is not None else fn


def _caller(book: Any | None) -> Any:
    if book is not None:
        return book
    if xw is None:
        raise RuntimeError("xlwings is not installed: pip install 'skpkit[addin]'")
    return xw.Book.caller()


@_sub
def konsolidasi_folder(book: Any | None = None, open_result: bool = True) -> Path:
    """Consolidate every skpkit workbook in the folder of the active workbook into REKAP-<time>.xlsx."""
    from skpkit.generator.consolidate import consolidate

    caller = _caller(book)
    folder = Path(caller.fullname).parent
    out = folder / f"REKAP-{datetime.now():%Y%m%d-%H%M%S}.xlsx"
    manifest = folder / "manifest.json"
    consolidate([folder], out, manifest=manifest if manifest.exists() else None, progress=False)
    if open_result and xw is not None and book is None:
        xw.Book(str(out))
    return out


def _roster(folder: Path) -> Path:
    for name in ("roster.xlsx", "roster.csv"):
        if (folder / name).exists():
            return folder / name
    raise FileNotFoundError(f"no roster.xlsx or roster.csv beside {folder}")


@_sub
def buat_bawahan(book: Any | None = None) -> list[Path]:
    """Generate the subordinates' workbooks from the active (superior's) workbook into ``bawahan/``,
    with the roster (``roster.xlsx`` or ``roster.csv``) beside it."""
    from skpkit.generator.generate import GenerateOptions, generate, load_roster

    path = Path(_caller(book).fullname)
    roster = load_roster(_roster(path.parent), path)
    tahun = roster.atasan.plan.tahun if roster.atasan else datetime.now().year
    return generate(roster, path.parent / "bawahan", GenerateOptions(tahun=tahun, progress=False))


@_sub
def refresh_bawahan(book: Any | None = None) -> list[Path]:
    """Re-issue the workbooks in ``bawahan/`` from the active (superior's) workbook, keeping every value."""
    from skpkit.generator.refresh import refresh

    path = Path(_caller(book).fullname)
    files = sorted(p for p in (path.parent / "bawahan").glob("SKP-*.xls*") if p.stem.count(".") == 0)
    roster = path.parent / "roster.xlsx"
    return refresh(files, path, roster_path=roster if roster.exists() else None).written
