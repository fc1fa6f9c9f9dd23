"""Cell positions of the ``Pengaturan`` sheet, from the layout data (re-exported by
:mod:`skpkit.generator.layout`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from skpkit.model import Rating
from skpkit.generator.layout import ENUMS, load_layout

__all__ = ["PengaturanGeometry"]


@dataclass(frozen=True)
class PengaturanGeometry:
    """Cell positions of the ``Pengaturan`` sheet: blocks in the layout's order, a gap between them.

    The blocks are ``scalars`` (one setting a row), ``lists`` (each a heading, then its labels
    with the tables keyed by them beside), ``matrix`` (the predikat matrix) and ``organisasi``
    (predikat kinerja organisasi per unit and period; ``n_units`` rows).

    Examples
    --------
    >>> g = PengaturanGeometry(n_units=3)
    >>> g.scalar_row("instansi"), g.block_row("organisasi") > g.block_row("matrix")
    (2, True)
    """

    n_units: int = 1
    layout: dict = field(default_factory=load_layout, repr=False, compare=False, hash=False)

    @property
    def _p(self) -> dict:
        return self.layout["pengaturan"]

    def list_members(self, list_name: str) -> list:
        return list(ENUMS[self._p["lists"][list_name]])

    def height(self, block: str) -> int:
        if block == "scalars":
            return len(self._p["scalars"])
        if block == "lists":
            return sum(len(self.list_members(n)) + 2 for n in self._p["lists"]) - 1
        if block == "matrix":
            return 1 + len(Rating)
        if block == "ejaan":
            return 2 + len(self.ejaan())
        return 2 + max(self.n_units, 1)

    def ejaan(self) -> list[tuple[str, Any]]:
        """(spelling, member) of the accepted rating spellings, grouped by member in member order."""
        return ENUMS[self._p["ejaan"]["enum"]].accepted() if "ejaan" in self._p else []

    @cached_property
    def _starts(self) -> dict[str, int]:
        row, out = self._p["first_row"], {}
        for block in self._p["blocks"]:
            out[block] = row
            row += self.height(block) + self._p["gap"]
        return out

    def block_row(self, block: str) -> int:
        """First row of ``block``."""
        return self._starts[block]

    def scalar_row(self, field_name: str) -> int:
        fields = [sc["field"] for sc in self._p["scalars"]]
        return self.block_row("scalars") + fields.index(field_name)

    def list_row(self, list_name: str) -> int:
        """The heading row of a list; its labels follow, one a row."""
        row = self.block_row("lists")
        for name in self._p["lists"]:
            if name == list_name:
                return row
            row += len(self.list_members(name)) + 2
        raise KeyError(list_name)

    def tables_of(self, list_name: str) -> list[tuple[str, dict]]:
        """(defined name, spec) of the tables keyed by ``list_name``, in their column order (from 2)."""
        return [(t, spec) for t, spec in self._p["tables"].items() if spec["keys"] == list_name]

    @property
    def last_row(self) -> int:
        return max(self._starts[b] + self.height(b) - 1 for b in self._p["blocks"])

    def names(self, sheet: str, n_periode: int) -> dict[str, tuple[str, int, int, int, int]]:
        """Every defined name of the sheet as (sheet, r0, c0, r1, c1), 0-based: the same ranges the
        writer defines, for files that keep values but not names (an .xls or .ods saved elsewhere).

        Examples
        --------
        >>> PengaturanGeometry(n_units=2).names("Pengaturan", 4)["Instansi"]
        ('Pengaturan', 2, 1, 2, 1)
        """
        out = {sc["name"]: (sheet, self.scalar_row(sc["field"]), 1, self.scalar_row(sc["field"]), 1)
               for sc in self._p["scalars"]}
        for list_name in self._p["lists"]:
            row, m = self.list_row(list_name), len(self.list_members(list_name))
            out[list_name] = (sheet, row + 1, 1, row + m, 1)
            for j, (table, _) in enumerate(self.tables_of(list_name), start=2):
                out[table] = (sheet, row + 1, j, row + m, j)
        row = self.block_row("matrix")
        out[self._p["matrix_name"]] = (sheet, row + 1, 2, row + len(Rating), 1 + len(Rating))
        if "ejaan" in self._p:
            out.update(self.ejaan_names(sheet))
        row, last = self.block_row("organisasi"), self.block_row("organisasi") + 1 + max(self.n_units, 1)
        out[self._p["units_name"]] = (sheet, row + 2, 0, last, 0)
        out[self._p["organisasi_name"]] = (sheet, row + 2, 1, last, n_periode + 1)
        return out


    def ejaan_names(self, sheet: str) -> dict[str, tuple[str, int, int, int, int]]:
        """The spelling table's names: all spellings, their labels, and the spellings of each member."""
        e, rows = self._p["ejaan"], self.ejaan()
        first = self.block_row("ejaan") + 2
        last = first + len(rows) - 1
        out = {e["name"]: (sheet, first, 1, last, 1), e["label_name"]: (sheet, first, 2, last, 2)}
        for name, member in zip(e["group_names"], ENUMS[e["enum"]]):
            idx = [i for i, (_, m) in enumerate(rows) if m is member]
            out[name] = (sheet, first + idx[0], 1, first + idx[-1], 1)
        return out
