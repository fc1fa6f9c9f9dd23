"""Two tables the writer lays out and the reader finds again, described once from the layout's ``meta`` and
``matriks`` blocks: the hidden ``_skp`` sheet (the workbook's facts, then who is on which sheet, then where
each matriks block starts) and the blocks of the ``Matriks Peran Hasil`` sheet."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from skpkit.generator.layout import load_layout

__all__ = ["MetaTable", "meta_rows", "parse_meta", "MatriksGeometry"]


@dataclass
class MetaTable:
    """The ``_skp`` sheet read back: the workbook's facts (key -> value), one row per pegawai sheet (column ->
    value, by the header the file carries), and each matriks block (superior's NIP, first row)."""

    facts: dict[str, str] = field(default_factory=dict)
    pegawai: list[dict[str, str]] = field(default_factory=list)
    matriks: list[tuple[str, int]] = field(default_factory=list)


def meta_rows(facts: Sequence[tuple[str, str]], pegawai: Sequence[Sequence[str]], matriks: Sequence[tuple[str, int]],
              layout: dict | None = None) -> list[list[Any]]:
    """The ``_skp`` sheet's rows: a head, the facts, a blank row, the pegawai section (its header is the
    layout's ``pegawai_columns``), a blank row, the matriks section.

    Examples
    --------
    >>> rows = meta_rows([("layout_version", "2")], [["SKP Ani", "1"]], [("1", 3)])
    >>> rows[0], rows[1], rows[3][0], rows[6], rows[7]
    (['kunci', 'nilai'], ['layout_version', '2'], 'pegawai', [], ['matriks'])
    """
    m = (layout or load_layout())["meta"]
    rows: list[list[Any]] = [list(m["head"]), *[[k, v] for k, v in facts], [], [m["pegawai_section"]],
                             list(m["pegawai_columns"]), *[list(r) for r in pegawai], [], [m["matriks_section"]]]
    rows += [[nip, row] for nip, row in matriks]
    return rows


def parse_meta(cell: Callable[[int, int], Any], text: Callable[[Any], str], layout: dict | None = None) -> MetaTable:
    """The ``_skp`` sheet of a file, from its cells (``cell(row, col)``, ``None`` when empty), found by the
    layout's section markers, the pegawai columns by the header the file carries."""
    m = (layout or load_layout())["meta"]
    out = MetaTable()
    r = 1
    while cell(r, 0) is not None:
        out.facts[text(cell(r, 0))] = text(cell(r, 1))
        r += 1
    r += 1  # the blank row after the facts
    if text(cell(r, 0)) != m["pegawai_section"]:
        return out
    header = r + 1
    cols = [text(cell(header, c)) for c in range(64) if cell(header, c) is not None]
    r = header + 1
    while cell(r, 0) is not None:
        out.pegawai.append({c: text(cell(r, i)) for i, c in enumerate(cols)})
        r += 1
    r += 1
    if text(cell(r, 0)) == m["matriks_section"]:
        r += 1
        while cell(r, 0) is not None:
            out.matriks.append((text(cell(r, 0)), int(cell(r, 1))))
            r += 1
    return out


@dataclass(frozen=True)
class MatriksGeometry:
    """Where the blocks of the ``Matriks Peran Hasil`` sheet sit: one block per superior in the workbook (a
    heading row, a header row with the superior's RHK as columns, one row per direct subordinate), a gap."""

    layout: dict = field(default_factory=load_layout, repr=False, compare=False, hash=False)

    @property
    def _m(self) -> dict:
        return self.layout["matriks"]

    @property
    def first_row(self) -> int:
        return self._m["first_row"]

    @property
    def nip_col(self) -> int:
        return self._m["nip_column"]

    @property
    def nama_col(self) -> int:
        return self._m["nama_column"]

    def rhk_col(self, i: int) -> int:
        """The column of the superior's RHK slot ``i``."""
        return self._m["first_rhk_column"] + i

    def header_row(self, block_row: int) -> int:
        return block_row + 1

    def bawahan_row(self, block_row: int, k: int) -> int:
        """The row of the ``k``-th subordinate of the block starting at ``block_row``."""
        return block_row + self._m["header_rows"] + k

    def starts(self, sizes: Sequence[int]) -> list[int]:
        """The first row of each block, for blocks of ``sizes`` subordinates.

        Examples
        --------
        >>> MatriksGeometry().starts([2, 1])
        [3, 8]
        """
        row, out = self.first_row, []
        for n in sizes:
            out.append(row)
            row += self._m["header_rows"] + n + self._m["gap"]
        return out
