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

__all__ = ["Src", "text_cell", "link", "label", "put", "numbered", "number", "target", "intervensi"]


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


def _isnumber(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def number(expr: str, value: Any, decimals: int | None = None) -> tuple[str, str]:
    """A number as the form prints it (a reason or text as it is): formula (no ``=``) and text."""
    shows = tampil.angka_teks(value, decimals) if _isnumber(value) else as_text(value)
    return f'IF(ISNUMBER({expr}),{tampil.angka_formula(expr, decimals)},{expr}&"")', shows


def _range(lo: str, hi: str, vlo: Any, vhi: Any) -> tuple[str, str]:
    """``min`` or ``min-max`` of two number expressions (their values ``vlo``, ``vhi``): formula and text."""
    f_lo, t_lo = number(lo, vlo)
    f_hi, t_hi = number(hi, vhi)
    formula = (f'=IF(ISNUMBER({lo}),{f_lo}&IF(AND(ISNUMBER({hi}),{hi}<>{lo}),"-"&{f_hi},""),{lo}&"")')
    if not _isnumber(vlo):
        return formula, as_text(vlo)
    return formula, t_lo + (f"-{t_hi}" if _isnumber(vhi) and vhi != vlo else "")


def target(src: Src, r: int, g: Geometry, periode: int | None) -> tuple[str, str]:
    """The annual target (``periode`` None) or the target period ``periode``'s capaian was measured against
    (:func:`skpkit.rules.agregasi.targets_formula`): formula and text."""
    lo_c, hi_c, ag_c = g.col("target_min"), g.col("target_max"), g.col("agregasi")
    vlo, vhi, ag = src.value(r, lo_c), src.value(r, hi_c), src.value(r, ag_c)
    if vhi in (None, ""):
        vhi = vlo
    if periode is None:
        lo, hi = src.ref(r, lo_c), f'IF({src.ref(r, hi_c)}="",{src.ref(r, lo_c)},{src.ref(r, hi_c)})'
    else:
        lo, hi = agregasi.targets_formula(src.ref(r, lo_c), src.ref(r, hi_c), src.ref(r, ag_c), periode)
        if _isnumber(vlo):
            try:
                vlo = agregasi.target_periode(vlo, ag, periode, g.n_periode)
                vhi = agregasi.target_periode(vhi, ag, periode, g.n_periode) if _isnumber(vhi) else vlo
            except Exception:  # an agregasi the rules refuse: the sheet shows its reason, this cell the target
                pass
    formula, shows = _range(lo, hi, vlo, vhi)
    return f'=IF({src.ref(r, lo_c)}="","",{formula[1:]})', ("" if vlo in (None, "") else shows)


def put(ws: Worksheet, r: int, c: int, src: Src, row: int, col: int, fmt) -> None:
    """``=ref&""`` in one cell, with what it shows."""
    ws.write_formula(r, c, f'={src.ref(row, col)}&""', fmt, src.text(row, col))


def numbered(ws: Worksheet, r: int, c: int, src: Src, row: int, col: int, fmt, decimals: int | None = None) -> None:
    formula, shows = number(src.ref(row, col), src.value(row, col), decimals)
    ws.write_formula(r, c, "=" + formula, fmt, shows)
