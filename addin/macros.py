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

__all__ = ["konsolidasi_folder"]


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
    from generator.rekap import consolidate

    caller = _caller(book)
    folder = Path(caller.fullname).parent
    out = folder / f"REKAP-{datetime.now():%Y%m%d-%H%M%S}.xlsx"
    manifest = folder / "manifest.json"
    consolidate([folder], out, manifest=manifest if manifest.exists() else None, progress=False)
    if open_result and xw is not None and book is None:
        xw.Book(str(out))
    return out
