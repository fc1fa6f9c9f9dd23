"""Cells of the printed forms (``Cetak <nama>``): live references to the pegawai's sheet, as text, with what
each shows before any recalculation (its cached value)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xlsxwriter.worksheet import Worksheet

from skpkit.generator.layout import Geometry, a1
from skpkit.generator.write.book import as_text
from skpkit.plan import CHOICE_SEP
from skpkit.rules import agregasi, tampil
from skpkit.rules.formula import text_literal

__all__ = ["Src", "text_cell", "link", "label", "put", "number", "is_number", "range_text", "annual_target",
           "period_targets", "intervensi"]


@dataclass(frozen=True)
class Src:
    """The pegawai's sheet: references to its cells and what they show."""

    prefix: str
    shown: dict

    def ref(self, r: int, c: int) -> str:
        return f"{self.prefix}{a1(r, c)}"

    def text(self, r: int, c: int) -> str:
        """What ``=ref&""`` shows."""
        return as_text(self.shown.get((r, c)))

    def value(self, r: int, c: int) -> Any:
        return self.shown.get((r, c))


def text_cell(ws: Worksheet, r: int, c0: int, c1: int, formula: str, fmt, value: str = "") -> None:
    if c1 > c0:
        ws.merge_range(r, c0, r, c1, "", fmt)
    ws.write_formula(r, c0, formula, fmt, value)


def link(ws: Worksheet, r: int, c0: int, c1: int, src: Src, row: int, col: int, fmt) -> None:
    """A cell showing a cell of the pegawai's sheet as text (blank stays blank, not 0)."""
    text_cell(ws, r, c0, c1, f'={src.ref(row, col)}&""', fmt, src.text(row, col))


def label(ws: Worksheet, r: int, c0: int, c1: int, text: str, fmt) -> None:
    if c1 > c0:
        ws.merge_range(r, c0, r, c1, text, fmt)
    else:
        ws.write_string(r, c0, text, fmt)


def intervensi(src: Src, r: int, c: int) -> tuple[str, str]:
    """The superior's RHK without its internal id (the dropdown shows ``id · text``): formula and text."""
    ref, sep = src.ref(r, c), text_literal(CHOICE_SEP)
    shown = src.text(r, c)
    return (f'=IFERROR(MID({ref},FIND({sep},{ref})+{len(CHOICE_SEP)},1000),{ref}&"")',
            shown.split(CHOICE_SEP, 1)[1] if CHOICE_SEP in shown else shown)


def is_number(v: Any) -> bool:
    """A number a cell holds (not a bool)."""
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def number(expr: str, value: Any, decimals: int | None = None) -> tuple[str, str]:
    """A number as the form prints it (a reason or text as it is): formula (no ``=``) and text."""
    shows = tampil.angka_teks(value, decimals) if is_number(value) else as_text(value)
    return f'IF(ISNUMBER({expr}),{tampil.angka_formula(expr, decimals)},{expr}&"")', shows


def range_text(lo: str, hi: str, vlo: Any, vhi: Any) -> tuple[str, str]:
    """``min`` or ``min-max`` of two cells (``lo`` blank: blank; not a number: as it is; ``hi`` blank or equal:
    ``min`` alone): formula and what it shows for the values ``vlo``, ``vhi``."""
    f_lo, t_lo = tampil.angka_formula(lo), tampil.angka_teks(vlo) if is_number(vlo) else ""
    f_hi, t_hi = tampil.angka_formula(hi), tampil.angka_teks(vhi) if is_number(vhi) else ""
    formula = (f'=IF({lo}="","",IF(ISNUMBER({lo}),{f_lo}&IF(AND(ISNUMBER({hi}),{hi}<>{lo}),"-"&{f_hi},""),'
               f'{lo}&""))')
    if not is_number(vlo):
        return formula, as_text(vlo)
    return formula, t_lo + (f"-{t_hi}" if is_number(vhi) and vhi != vlo else "")


def annual_target(src: Src, r: int, g: Geometry) -> tuple[str, str]:
    """The SKP's target, ``min`` or ``min-max``: formula and text."""
    lo_c, hi_c = g.col("target_min"), g.col("target_max")
    return range_text(src.ref(r, lo_c), src.ref(r, hi_c), src.value(r, lo_c), src.value(r, hi_c))


def period_targets(src: Src, r: int, g: Geometry, periode: int) -> tuple[tuple[str, Any], tuple[str, Any]]:
    """The target min and max period ``periode``'s capaian was measured against
    (:func:`skpkit.rules.agregasi.targets_formula`), each as a formula and its value: two helper cells, so the
    text that prints them refers to them instead of repeating them (a target typed as text stays text)."""
    lo_c, hi_c, ag_c = g.col("target_min"), g.col("target_max"), g.col("agregasi")
    lo = src.ref(r, lo_c)
    awal = src.prefix + g.awal_ref if g.awal_ref else None
    tmin, tmax = agregasi.targets_formula(lo, src.ref(r, hi_c), src.ref(r, ag_c), periode, awal)
    first = src.value(*g.awal_cell) if g.awal_cell else 1
    vlo, vhi, ag = src.value(r, lo_c), src.value(r, hi_c), src.value(r, ag_c)
    vmin: Any = as_text(vlo)
    vmax: Any = ""
    if is_number(vlo):
        try:
            vmin = agregasi.target_periode(vlo, ag, periode, g.n_periode, first)
            vmax = agregasi.target_periode(vhi if is_number(vhi) else vlo, ag, periode, g.n_periode, first)
        except Exception:  # an agregasi the rules refuse: the entry sheet names it; this cell shows the target
            vmin, vmax = vlo, vhi if is_number(vhi) else vlo
    return ((f'=IF({lo}="","",IFERROR({tmin},{lo}&""))', vmin),
            (f'=IF({lo}="","",IFERROR({tmax},""))', vmax))


def put(ws: Worksheet, r: int, c: int, src: Src, row: int, col: int, fmt) -> None:
    """``=ref&""`` in one cell, with what it shows."""
    ws.write_formula(r, c, f'={src.ref(row, col)}&""', fmt, src.text(row, col))
