"""Where everything sits in a workbook, computed from ``workbook_templates/layout.json``.

The writer and the reader both ask a :class:`Geometry` (a pegawai sheet) or a
:class:`PengaturanGeometry` for cells, so a cell address is decided in one place; every
label a user sees is in the layout's ``labels`` tree (:func:`labels`). Rows and columns
are 0-based here, as in XlsxWriter; :func:`a1` turns them into A1 references.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib.resources import files
from typing import Any

from xlsxwriter.utility import xl_cell_to_rowcol, xl_rowcol_to_cell

from skpkit.model import Agregasi, Arah, Aspek, JenisRHK, Jenjang, Predikat, PredikatOrganisasi, Rating

__all__ = ["load_layout", "labels", "Geometry", "PengaturanGeometry", "a1", "quote_sheet", "col_index", "ENUMS",
           "LAYOUT_VERSION", "LAYOUT_FILES"]

#: layout version -> the file describing it; a workbook is read with the layout of its own version
LAYOUT_FILES: dict[int, str] = {1: "layout_v1.json", 2: "layout.json"}
LAYOUT_VERSION: int = max(LAYOUT_FILES)


@cache
def _load(version: int) -> dict[str, Any]:
    text = files("skpkit.workbook_templates").joinpath(LAYOUT_FILES[version]).read_text("utf-8")
    return json.loads(text)


def load_layout(version: int = LAYOUT_VERSION) -> dict[str, Any]:
    """The layout data of ``version`` shipped in ``skpkit.workbook_templates`` (default: the current one).

    Examples
    --------
    >>> load_layout()["version"] == LAYOUT_VERSION
    True
    """
    return _load(version)


def labels(version: int = LAYOUT_VERSION) -> dict[str, Any]:
    """Every label a user sees, by sheet: the one place a label changes.

    Examples
    --------
    >>> labels()["sheets"]["pengaturan"]
    'Pengaturan'
    """
    return load_layout(version)["labels"]


def a1(row: int, col: int, absolute: bool = False) -> str:
    """A1 reference of a 0-based cell.

    Examples
    --------
    >>> a1(0, 0), a1(9, 27, absolute=True)
    ('A1', '$AB$10')
    """
    return xl_rowcol_to_cell(row, col, row_abs=absolute, col_abs=absolute)


def quote_sheet(name: str) -> str:
    """A sheet name as a formula reference prefix.

    Examples
    --------
    >>> quote_sheet("SKP Ani")
    "'SKP Ani'!"
    """
    return "'" + name.replace("'", "''") + "'!"


@dataclass(frozen=True)
class Geometry:
    """Cell positions of one pegawai sheet, for a workbook's period count and slot counts."""

    n_periode: int
    n_utama: int
    n_tambahan: int
    k: int
    layout: dict = field(default_factory=load_layout, repr=False, compare=False, hash=False)

    # --- columns -----------------------------------------------------------------
    @property
    def _pg(self) -> dict:
        return self.layout["pegawai"]

    def column_specs(self) -> list[tuple[int, dict, int | None]]:
        """(column, spec, period) for every column of the HASIL KERJA table; period None: annual."""
        out: list[tuple[int, dict, int | None]] = []
        col = 0
        for spec in self._pg["columns"]:
            out.append((col, spec, 0))
            col += 1
        for p in range(1, self.n_periode + 1):
            for spec in self._pg["period_columns"]:
                out.append((col, spec, p))
                col += 1
        for spec in self._pg["annual_columns"]:
            out.append((col, spec, None))
            col += 1
        for spec in self._pg["hidden_columns"]:
            out.append((col, {**spec, "hidden": True}, -1))
            col += 1
        return out

    @cached_property
    def _index(self) -> dict[tuple[str, int | None], int]:
        return {(spec["key"], p): c for c, spec, p in self.column_specs()}

    def col(self, key: str, periode: int | None = 0) -> int:
        """Column of ``key``: fixed and hidden keys with ``periode=0``; period blocks 1..n;
        the annual block with ``None``."""
        if (key, periode) in self._index:
            return self._index[(key, periode)]
        return self._index[(key, -1)]

    @property
    def last_col(self) -> int:
        return len(self.column_specs()) - 1

    @property
    def last_visible_col(self) -> int:
        return self.col("rating_rhk", None)

    # --- rows --------------------------------------------------------------------
    @property
    def identity_row(self) -> int:
        return self._pg["identity"]["first_row"]

    def identity(self, key: str) -> int:
        return self.identity_row + 1 + self._pg["identity"]["rows"].index(key)

    def identity_col(self, block: str) -> int:
        """First column of an identity block (``pegawai``, ``penilai``, ``atasan``)."""
        return col_index(self._pg["identity"]["blocks"][block][0])

    @property
    def hasil_title(self) -> int:
        return self._pg["hasil_title_row"]

    @property
    def group_header(self) -> int:
        return self.hasil_title + 1

    @property
    def column_header(self) -> int:
        return self.hasil_title + 2

    @property
    def utama_label(self) -> int:
        return self.hasil_title + 3

    @property
    def n_slots(self) -> int:
        return self.n_utama + self.n_tambahan

    @property
    def tambahan_label(self) -> int:
        return self.utama_label + 1 + self.n_utama * self.k

    def slot_row(self, slot: int, j: int = 0) -> int:
        """Row of indikator ``j`` of RHK slot ``slot`` (utama slots first, then tambahan)."""
        if slot < self.n_utama:
            return self.utama_label + 1 + slot * self.k + j
        return self.tambahan_label + 1 + (slot - self.n_utama) * self.k + j

    def slot_is_utama(self, slot: int) -> bool:
        return slot < self.n_utama

    def utama_rows(self) -> tuple[int, int]:
        return self.slot_row(0), self.slot_row(self.n_utama - 1, self.k - 1)

    def tambahan_rows(self) -> tuple[int, int] | None:
        if not self.n_tambahan:
            return None
        return self.slot_row(self.n_utama), self.slot_row(self.n_slots - 1, self.k - 1)

    @property
    def hasil_end(self) -> int:
        return self.slot_row(self.n_slots - 1, self.k - 1)

    @property
    def perilaku_title(self) -> int:
        return self.hasil_end + 2

    @property
    def perilaku_header(self) -> int:
        return self.perilaku_title + 1

    def perilaku_row(self, i: int) -> int:
        return self.perilaku_header + 1 + i

    @property
    def evaluasi_title(self) -> int:
        return self.perilaku_row(6) + 2

    @property
    def evaluasi_header(self) -> int:
        return self.evaluasi_title + 1

    def evaluasi_row(self, key: str) -> int:
        keys = [r["key"] for r in self._pg["evaluasi"]["rows"]]
        return self.evaluasi_header + 1 + keys.index(key)

    @property
    def jumlah_ak_row(self) -> int:
        return self.evaluasi_header + 1 + len(self._pg["evaluasi"]["rows"])

    @property
    def lampiran_title(self) -> int:
        return self.jumlah_ak_row + 2

    def lampiran_row(self, key: str) -> int:
        return self.lampiran_title + 1 + self._pg["lampiran"].index(key)

    @property
    def dokumen_title(self) -> int:
        return self.lampiran_title + 1 + len(self._pg["lampiran"]) + 1

    def dokumen_row(self, key: str) -> int:
        keys = ["organisasi", "predikat"] + self._pg["dokumen"]
        return self.dokumen_title + 1 + keys.index(key)

    @property
    def signature_row(self) -> int:
        return self.dokumen_row(self._pg["dokumen"][-1]) + 2

    @property
    def last_row(self) -> int:
        return self.signature_row + 5

    def value_col(self, periode: int | None) -> int:
        """The column holding a period's (or the year's) value in PERILAKU and EVALUASI."""
        return self.col(self._pg["evaluasi"]["value_column"], periode)

    def formula_cells(self, fungsional: bool) -> list[tuple[int, int]]:
        """Every cell of a pegawai sheet that holds a formula (``skp check`` looks for overwritten ones)."""
        cells: list[tuple[int, int]] = []
        for i in range(self.n_slots):
            cells += [(self.slot_row(i), self.col("status_rhk", p)) for p in self.periods()]
            cells += [(self.slot_row(i), self.col("rating_rhk", p)) for p in self.periods()]
            for j in range(self.k):
                r = self.slot_row(i, j)
                cells.append((r, self.col("cek_baris")))
                for p in self.periods():
                    cells += [(r, self.col(key, p)) for key in ("kumulatif", "cek", "capaian", "rating_indikator")]
        keys = ["organisasi", "hasil_saran", "hasil", "perilaku_saran", "perilaku", "predikat"]
        keys += ["angka_kredit"] if fungsional else []
        cells += [(self.evaluasi_row(key), self.value_col(p)) for key in keys for p in self.periods()]
        if fungsional:
            cells.append((self.jumlah_ak_row, self.value_col(None)))
        return cells

    def periods(self) -> list[int | None]:
        """1..n, then ``None`` for the year."""
        return [*range(1, self.n_periode + 1), None]


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


def col_index(letter: str) -> int:
    """0-based index of a column letter.

    Examples
    --------
    >>> col_index("A"), col_index("AB")
    (0, 27)
    """
    return xl_cell_to_rowcol(letter + "1")[1]


#: the enums that layout.json names (Pengaturan lists)
ENUMS: dict[str, type] = {e.__name__: e for e in (
    Rating, Predikat, PredikatOrganisasi, Jenjang, Aspek, Arah, Agregasi, JenisRHK)}
