"""Moving a formula to another cell as a spreadsheet does: its relative references shift, its absolute
ones, its texts and its names stay. Shared by the writer (which writes a column's run of formulas that
differ only by their row once, as a shared formula) and the reader (which expands them back).

Only A1 cell references are shifted. A formula holding something whose shift this module does not model
(a bare row range such as ``3:5``, an R1C1 text) gives ``None``, and the writer then writes it in full.
"""

from __future__ import annotations

import re
from functools import lru_cache

from xlsxwriter.utility import xl_cell_to_rowcol, xl_col_to_name

__all__ = ["shifted", "RowTemplate"]

#: a quoted sheet name or text literal (kept as it is), a cell reference, or a bare row range
_TOKEN = re.compile(r"""
    (?P<quoted>'(?:[^']|'')*'|"(?:[^"]|"")*")
  | (?<![A-Za-z0-9_.$])(?P<ref>(?P<cabs>\$?)(?P<col>[A-Z]{1,3})(?P<rabs>\$?)(?P<row>[0-9]{1,7}))(?![0-9A-Za-z_(!])
  | (?<![A-Za-z0-9_.$:])(?P<rows>\$?[0-9]+:\$?[0-9]+)(?![0-9A-Za-z_.])
""", re.VERBOSE)

_MAX_ROW, _MAX_COL = 1_048_576, 16_384


class _Unmodelled(Exception):
    pass


def shifted(formula: str, rows: int, cols: int = 0) -> str | None:
    """``formula`` as it reads when moved ``rows`` down and ``cols`` right; ``None`` when a reference
    would leave the sheet or the formula holds a reference this module does not shift.

    Examples
    --------
    >>> shifted('IF(A19="","",$B$2*A19+Sheet!C3)', 2)
    'IF(A21="","",$B$2*A21+Sheet!C5)'
    >>> print(shifted("'SKP A1'!$C19&D$2&" + '"B7"', 1, 1))
    'SKP A1'!$C20&E$2&"B7"
    >>> shifted("LOG10(1E-09)*JumlahPeriode", 5)
    'LOG10(1E-09)*JumlahPeriode'
    >>> shifted("SUM(3:5)", 1) is None
    True
    """
    def move(m: re.Match) -> str:
        if m.group("quoted"):
            return m.group("quoted")
        if m.group("rows"):
            raise _Unmodelled
        row, col = xl_cell_to_rowcol(m.group("col") + m.group("row"))
        if not m.group("rabs"):
            row += rows
        if not m.group("cabs"):
            col += cols
        if not (0 <= row < _MAX_ROW and 0 <= col < _MAX_COL):
            raise _Unmodelled
        return f"{m.group('cabs')}{xl_col_to_name(col)}{m.group('rabs')}{row + 1}"

    try:
        return _TOKEN.sub(move, formula)
    except _Unmodelled:
        return None


class RowTemplate:
    """A formula split once at its relative row numbers, to write it ``rows`` further down many times
    cheaply (:meth:`down` is :func:`shifted` with ``cols=0``, without scanning the text again).

    Examples
    --------
    >>> t = RowTemplate.of('IF(A19="",$B$2,A19+C20)')
    >>> t.down(2)
    'IF(A21="",$B$2,A21+C22)'
    >>> RowTemplate.of("SUM(3:5)") is None
    True
    """

    __slots__ = ("text", "rows")

    def __init__(self, text: str, rows: tuple[int, ...]) -> None:
        self.text, self.rows = text, rows

    @classmethod
    @lru_cache(maxsize=4096)  # a unit's pegawai sheets repeat the same formulas at the same cells
    def of(cls, formula: str) -> RowTemplate | None:
        """The template of ``formula``; ``None`` when it holds a reference :func:`shifted` does not move."""
        parts, rows, at = [], {}, 0
        for m in _TOKEN.finditer(formula):
            if m.group("rows"):
                return None
            if m.group("ref") and not m.group("rabs"):
                row = int(m.group("row"))
                parts.append(formula[at:m.start("row")].replace("{", "{{").replace("}", "}}"))
                parts.append("{%d}" % rows.setdefault(row, len(rows)))
                at = m.end("row")
        parts.append(formula[at:].replace("{", "{{").replace("}", "}}"))
        return cls("".join(parts), tuple(rows))

    def down(self, rows: int) -> str | None:
        """The formula moved ``rows`` down; ``None`` when a reference would leave the sheet."""
        moved = [row + rows for row in self.rows]
        if moved and not (0 < min(moved) and max(moved) <= _MAX_ROW):
            return None
        return self.text.format(*moved)
