"""A sheet's values as the readers address them: 0-based (row, col), out of range empty."""

from __future__ import annotations

from typing import Any

__all__ = ["Grid", "text"]


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
    """A cell as text: whole numbers without ``.0``, text stripped, empty as ''."""
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()
