"""How tall a printed row must be for its wrapped text: spreadsheets do not grow a row for text a formula
returns (nor for merged cells), and XlsxWriter writes no heights of its own, so the forms' rows get
heights computed here from the text and the column widths.

The measure is conservative: a line holds the characters of Arial 9 pt that fit the column at its
widest glyphs' average (capitals and digits), words wrap whole, a word longer than a line is cut.
"""

from __future__ import annotations

import math
import textwrap
from functools import lru_cache
from typing import Callable, Iterable

from skpkit.generator.layout.cetak import CetakGeometry
from skpkit.plan import SheetPlan, WorkbookPlan, split_choice

__all__ = ["LINE_PT", "PAD_PT", "chars_per_line", "lines", "row_height", "form_texts", "used_rows", "print_fit"]

#: height of one line of Arial 9 pt, and the padding of a row (points)
LINE_PT = 11.5
PAD_PT = 3.0
#: characters of Arial 9 pt per unit of column width (a width unit is one '0' of Calibri 11: 7 px; an
#: average Arial 9 pt character of mixed text is about 5.4 px, capitals 6.5)
_CHARS_PER_UNIT = 7 / 6.0


def chars_per_line(width: float) -> int:
    """How many characters a line of a column ``width`` wide (Excel units, less the cell's margins) holds.

    Examples
    --------
    >>> chars_per_line(24), chars_per_line(4)
    (26, 2)
    """
    return max(1, int((width - 1.5) * _CHARS_PER_UNIT))


@lru_cache(maxsize=65536)
def lines(text: str, width: float) -> int:
    """Lines ``text`` wraps to in a column ``width`` wide (each line break starts a line).

    Examples
    --------
    >>> lines("", 24), lines("Persentase ketersediaan layanan aplikasi", 24), lines("a\\nb", 24)
    (1, 2, 2)
    """
    n = chars_per_line(width)
    return max(1, sum(max(1, len(textwrap.wrap(part, n, break_long_words=True, break_on_hyphens=False)))
                      for part in str(text).split("\n")))


def row_height(cells: Iterable[tuple[str, float]], minimum: float = 0.0) -> float:
    """The height (points) of a row whose cells hold ``(text, width)``: its tallest cell, at least
    ``minimum`` and one line.

    Examples
    --------
    >>> row_height([("Persentase ketersediaan layanan aplikasi", 24), ("95", 11)])
    26.0
    """
    tallest = max((lines(t, w) for t, w in cells if t), default=1)
    return max(minimum, math.ceil((tallest * LINE_PT + PAD_PT) * 4) / 4)


def form_texts(cg: CetakGeometry, widths: list[float], texts: Callable[[str, int, int], str],
               umpan_label: str = "") -> dict[int, list[tuple[str, float]]]:
    """The cells of each print row whose text is what a pegawai entered: row -> ``(text, width)``.

    ``texts(key, slot, j)`` gives the text of ``intervensi``, ``rhk`` (of a slot), ``indikator`` (of its
    indikator ``j``), and of that indikator in period p: ``rating-p``, ``bukti-p``, ``umpan_balik-p``
    (printed after ``umpan_label``). The SKP's and each EVALUASI's HASIL KERJA rows; the writer and
    ``skp print`` both size rows by it.

    Examples
    --------
    >>> cg = CetakGeometry(n_slots=1, k=1, n_periode=1, n_utama=1)
    >>> cells = form_texts(cg, [4, 20, 20, 9, 22, 10, 18, 24], lambda key, i, j: key)
    >>> cells[cg.table_row(cg.skp_table, 0, 0)]
    [('indikator', 22), ('intervensi', 20), ('rhk', 20)]
    >>> cells[cg.table_row(cg.evaluasi_parts(1)["table"], 0, 0)][1]  # the realisasi with its bukti dukung
    ('000.000,00\\nbukti-1', 18)
    """
    w = widths
    out: dict[int, list[tuple[str, float]]] = {}
    for i, j, row in cg.slot_rows(cg.skp_table):
        cells = [(texts("indikator", i, j), w[4])]
        if j == 0:
            cells += [(texts("intervensi", i, j), w[1]), (texts("rhk", i, j), w[2])]
        out[row] = cells
    for p in range(1, cg.n_periode + 1):
        for i, j, row in cg.slot_rows(cg.evaluasi_parts(p)["table"]):
            bukti, umpan = texts(f"bukti-{p}", i, j), texts(f"umpan_balik-{p}", i, j)
            result = "000,00 % " + texts(f"rating-{p}", i, j) + (f"\n{umpan_label}{umpan}" if umpan else "")
            cells = [(texts("indikator", i, j), w[4]), ("000.000,00" + (f"\n{bukti}" if bukti else ""), w[6]),
                     (result, w[7])]
            if j == 0:
                cells += [(texts("intervensi", i, j), w[1]), (texts("rhk", i, j), w[2])]
            out[row] = cells
    return out


def used_rows(cg: CetakGeometry, sp: SheetPlan) -> tuple[set[int], set[int]]:
    """The HASIL KERJA rows of the SKP and every EVALUASI that print for ``sp`` (an RHK with text or an
    indikator in use: its first row, and each indikator with text, a target or a realisasi), and those that
    do not (the empty slots).

    Examples
    --------
    >>> from skpkit.plan import IndikatorSlot, RHKSlot
    >>> from skpkit.model import JenisJabatan, JenisRHK, Pegawai
    >>> sp = SheetPlan("SKP A", Pegawai("1" * 18, "A", "Staf", JenisJabatan.PELAKSANA, "Unit"), None, None,
    ...                [RHKSlot("R1", JenisRHK.UTAMA, [IndikatorSlot("I1", "x"), IndikatorSlot("I2")], "rhk")])
    >>> used, empty = used_rows(CetakGeometry(n_slots=1, k=2, n_periode=1, n_utama=1), sp)
    >>> len(used), len(empty)  # the first indikator on the SKP and the EVALUASI; the second
    (2, 2)
    """
    used: set[int] = set()
    empty: set[int] = set()
    firsts = [cg.skp_table] + [cg.evaluasi_parts(p)["table"] for p in range(1, cg.n_periode + 1)]
    for i, slot in enumerate(sp.slots[:cg.n_slots]):
        rows_used = [sp.indikator_input(ind, cg.n_periode).used(None) for ind in slot.indikator[:cg.k]]
        slot_used = bool(str(sp.rhk_value(slot, "rhk") or "").strip()) or any(rows_used)
        for j in range(cg.k):
            keep = slot_used and (j == 0 or (j < len(rows_used) and rows_used[j]))
            for first in firsts:
                (used if keep else empty).add(cg.table_row(first, i, j))
    return used, empty


def print_fit(plan: WorkbookPlan, sp: SheetPlan, cg: CetakGeometry,
              ratings: Callable[[int, int, int], str] | None = None) -> tuple[dict[int, float], frozenset[int]]:
    """Heights of the print rows of ``sp`` from what was entered, and the rows of empty slots to hide:
    what ``skp print`` sets on its copy of the print sheet. ``ratings(slot, j, p)`` gives an indikator's
    rating text in period p (the rating column is computed: its height counts two lines when given)."""
    widths = cg.layout["cetak"]["widths"]
    slots = sp.slots

    def texts(key: str, i: int, j: int) -> str:
        if i >= len(slots):
            return ""
        slot = slots[i]
        if key == "rhk":
            return str(sp.rhk_value(slot, "rhk") or "")
        if key == "intervensi":
            rid = sp.rhk_value(slot, "intervensi")
            return split_choice(plan.intervensi_label(sp, rid))[1] if rid else ""
        if j >= len(slot.indikator):
            return ""
        ind = slot.indikator[j]
        if key == "indikator":
            return str(sp.indikator_value(ind, "indikator") or "")
        name, _, p = key.partition("-")
        if name == "rating":
            return ratings(i, j, int(p)) if ratings else ""
        return str(sp.isian.get(ind.id, name, int(p)) or "")

    _, empty = used_rows(cg, sp)
    umpan = cg.layout["labels"]["cetak"]["umpan_balik"]
    heights = {row: row_height(cells) for row, cells in form_texts(cg, widths, texts, umpan).items()
               if row not in empty}
    return heights, frozenset(empty)
