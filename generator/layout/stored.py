"""A skpkit workbook as it came back: the core's plan (sheets, slots, entries) read through the layout
that wrote it, and what the file stores beyond that (each pegawai sheet's values, which cells hold a
formula, whether it is protected). :mod:`.read` makes it; the checks of :mod:`.rekap` and the verbs of
:mod:`.commands` use it, so every verb sees the same file the same way."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from skpkit.generator.layout import Geometry
from skpkit.plan import SheetPlan, WorkbookPlan

__all__ = ["Grid", "text", "WorkbookData"]


class Grid:
    """A sheet's values with 0-based (row, col) access; out of range is empty."""

    def __init__(self, rows: list[list[Any]]) -> None:
        self.rows = rows

    def __call__(self, r: int, c: int) -> Any:
        if r < len(self.rows) and c < len(self.rows[r]):
            v = self.rows[r][c]
            return None if v == "" else v
        return None

    def row(self, r: int, cols: list[int]) -> list[Any]:
        """The values of ``cols`` in row ``r`` (``None`` for empty), in one pass over the row."""
        values = self.rows[r] if r < len(self.rows) else ()
        n = len(values)
        return [None if c >= n or values[c] == "" else values[c] for c in cols]


def text(v: Any) -> str:
    """A cell as text: whole numbers without ``.0``, text stripped, empty as ''.

    Examples
    --------
    >>> text(3.0), text(" a "), text(None)
    ('3', 'a', '')
    """
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


@dataclass
class WorkbookData:
    """One of our workbooks as read back from ``path``."""

    path: Path
    plan: WorkbookPlan
    geometry: Geometry
    #: the values of every pegawai sheet read, for checks against cached results and issued cells
    grids: dict[str, Grid] = field(default_factory=dict)
    #: pegawai sheet -> the A1 cells that hold a formula (``None``: a file read by position, not scanned)
    formulas: dict[str, frozenset[str]] | None = None
    #: pegawai sheet -> whether its protection is on (``None`` as above)
    protected: dict[str, bool] | None = None
    #: ``xlsx`` (one of ours, or re-saved as .xlsx/.xlsm), or ``ods`` / ``xls`` read by position
    kind: str = "xlsx"
    #: pegawai sheet -> the A1 cells holding a number shown as a percentage (read as the text they show)
    percent: dict[str, frozenset[str]] = field(default_factory=dict)

    @property
    def by_nip(self) -> dict[str, SheetPlan]:
        return self.plan.by_nip

    def rhk_of(self, nip: str) -> list[tuple[str, str]]:
        """(id, text) of the RHK a pegawai wrote (slots with text)."""
        return self.plan.rhk_of(nip)
