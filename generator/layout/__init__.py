"""Where everything sits in a workbook, computed from ``workbook_templates/layout.json``: the one shared
description that the writer, the readers, the checks and ``skp print`` all ask (this package: a pegawai
sheet's :class:`Geometry`; :mod:`.pengaturan`, :mod:`.cetak` for the settings and print sheets;
:mod:`.stored` for a workbook as read back; :mod:`.xlwings` for what the add-in's workbooks need).

The writer and the reader both ask a :class:`Geometry` (a pegawai sheet) or a
:class:`PengaturanGeometry` for cells, so a cell address is decided in one place; every
label a user sees is in the layout's ``labels`` tree (:func:`labels`). Rows and columns
are 0-based here, as in XlsxWriter; :func:`a1` turns them into A1 references.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib.resources import files
from typing import Any, Iterator

from xlsxwriter.utility import xl_cell_to_rowcol, xl_rowcol_to_cell

from skpkit.issuing import Roster, SlotCounts, build_plans
from skpkit.model import Agregasi, Arah, Aspek, JenisRHK, Jenjang, Predikat, PredikatOrganisasi, Rating
from skpkit.plan import WorkbookPlan

__all__ = ["load_layout", "labels", "Geometry", "PengaturanGeometry", "a1", "quote_sheet", "col_index", "ENUMS",
           "LAYOUT_VERSION", "LAYOUT_FILES", "PAPER_SIZES", "MAX_TEXT", "least_slots", "plans_for"]

#: the most characters one cell holds (Excel's specification; XlsxWriter cuts longer text with a warning):
#: text longer than this is refused where it comes in and where it would be written, never cut
MAX_TEXT = 32767

#: layout version -> the file describing it; a workbook is read with the layout of its own version
#: OOXML paper codes of the papers the forms print on (``Settings.kertas``): A4, and Folio (8.5 x 13 in,
#: 216 x 330 mm) for F4
PAPER_SIZES: dict[str, int] = {"A4": 9, "F4": 14}
LAYOUT_FILES: dict[int, str] = {1: "layout_v1.json", 2: "layout_v2.json", 3: "layout_v3.json", 4: "layout_v4.json",
                              5: "layout.json"}
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


@lru_cache(maxsize=65536)  # the writer asks for the same few thousand cells on every sheet
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
    #: part of equality and hash: two layout versions place cells differently (cached lookups key on it)
    version: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        object.__setattr__(self, "version", self.layout.get("version", 0))

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

    def identity_keys(self) -> list[str]:
        """The identity rows: those of all three blocks, then (layout 2) the pegawai's angka kredit rows, then
        (layout 5) the days they joined and left the unit."""
        idn = self._pg["identity"]
        return idn["rows"] + idn.get("ak_rows", []) + idn.get("masa_rows", [])

    def issued_keys(self, fungsional: bool) -> list[str]:
        """The identity rows issued from the roster into the pegawai's block (blue, locked, in the manifest):
        the angka kredit rows for a fungsional; from layout 5 the TMT jabatan and the unit's days for everyone
        (their own SKP period, RULES.md section 10)."""
        idn = self._pg["identity"]
        masa = idn.get("masa_rows", [])
        ak = idn.get("ak_rows", [])
        if fungsional:
            return ak + masa
        return ["tmt_jabatan"] + masa if masa else []

    @property
    def has_masa(self) -> bool:
        """Whether the sheet holds the pegawai's own SKP period (layout 5)."""
        return "masa_rows" in self._pg["identity"]

    @property
    def awal_cell(self) -> tuple[int, int] | None:
        """The hidden cell of the pegawai's first period (:func:`skpkit.rules.masa.awal`; layout 5)."""
        return (self.evaluasi_row("masa"), self.col("skor_1")) if self.has_masa else None

    @property
    def awal_ref(self) -> str | None:
        """:attr:`awal_cell`, absolute A1."""
        return a1(*self.awal_cell, True) if self.awal_cell else None

    def identity(self, key: str) -> int:
        return self.identity_row + 1 + self.identity_keys().index(key)

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

    def ak_posisi_row(self, key: str) -> int:
        """A row of the angka kredit position after the year (layout 2), below the sum of the periods."""
        return self.jumlah_ak_row + 1 + self._pg["ak_posisi"].index(key)

    @property
    def lampiran_title(self) -> int:
        return self.jumlah_ak_row + 2 + len(self._pg.get("ak_posisi", ()))

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
        rows = [r["key"] for r in self._pg["evaluasi"]["rows"]]
        keys += [k for k in ("bulan_ak", "angka_kredit") if k in rows] if fungsional else []
        cells += [(self.evaluasi_row(key), self.value_col(p)) for key in keys for p in self.periods()]
        if fungsional:
            cells.append((self.jumlah_ak_row, self.value_col(None)))
            cells += [(self.ak_posisi_row(k), self.value_col(None)) for k in self.ak_formula_keys()]
        return cells

    def ak_formula_keys(self) -> list[str]:
        """The angka kredit position rows that hold formulas (all but the listed conditions)."""
        return [k for k in self._pg.get("ak_posisi", ()) if k != "syarat_jenjang"]

    def periods(self) -> list[int | None]:
        """1..n, then ``None`` for the year."""
        return [*range(1, self.n_periode + 1), None]


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


# the Pengaturan sheet's positions live in their own module; reachable here with the rest of the layout
from skpkit.generator.layout.pengaturan import PengaturanGeometry  # noqa: E402


def least_slots(version: int = LAYOUT_VERSION) -> SlotCounts:
    """The layout's slot counts per sheet (RHK utama, RHK tambahan, indikator per RHK)."""
    s = load_layout(version)["slots"]
    return SlotCounts(s["utama"], s["tambahan"], s["indikator"])


def plans_for(roster: Roster, **kw: Any) -> Iterator[tuple[str, WorkbookPlan]]:
    """:func:`skpkit.issuing.build_plans` with this layout's slot counts and sheet name prefix."""
    return build_plans(roster, least=least_slots(), prefix=labels()["sheets"]["pegawai_prefix"], **kw)
