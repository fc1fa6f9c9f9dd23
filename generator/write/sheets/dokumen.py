"""LAMPIRAN SKP and DOKUMEN EVALUASI of a pegawai's sheet, with the signature blocks."""

from __future__ import annotations

from typing import Callable

from xlsxwriter.worksheet import Worksheet

from skpkit.generator.write.book import write_formula, write_value
from skpkit.generator.layout import a1
from skpkit.plan import Identitas, SheetPlan
from skpkit.generator.write.sheets.context import Context

__all__ = ["write"]


def write(ctx: Context, ws: Worksheet, sp: SheetPlan) -> None:
    g, s, lab = ctx.g, ctx.s, ctx.labels["pegawai"]
    lc = [g.col(c) for c in ctx.layout["pegawai"]["evaluasi"]["label_columns"]]
    wide = (g.col("realisasi", 1), g.last_visible_col)
    ws.write_string(g.lampiran_title, 0, lab["lampiran"], s.section)
    _text_rows(ctx, ws, sp, "lampiran", g.lampiran_row, lc, wide)
    ws.write_string(g.dokumen_title, 0, lab["dokumen"], s.section)
    res = ctx.results[sp.name]
    for key, value in (("organisasi", ctx.plan.organisasi.get((sp.pegawai.unit, g.n_periode + 1))),
                       ("predikat", res.tahunan.predikat)):
        r = g.dokumen_row(key)
        ws.merge_range(r, lc[0], r, lc[1], lab["dokumen_rows"][key], s.label)
        src = a1(g.evaluasi_row(key), g.value_col(None))
        write_formula(ws, r, wide[0], f'={src}&""', s.computed, value)
    _text_rows(ctx, ws, sp, "dokumen", g.dokumen_row, lc, wide)
    _signatures(ctx, ws, sp)


def _text_rows(ctx: Context, ws: Worksheet, sp: SheetPlan, group: str, row_of: Callable[[str], int],
               labels: list[int], wide: tuple[int, int]) -> None:
    """Free-text input rows (lampiran SKP, dokumen evaluasi): a label, then one wide input cell."""
    s = ctx.s
    for key in ctx.layout["pegawai"][group]:
        r = row_of(key)
        ws.set_row(r, 30)
        ws.merge_range(r, labels[0], r, labels[1], ctx.labels["pegawai"][f"{group}_rows"][key], s.label)
        ws.merge_range(r, wide[0], r, wide[1], "", s.input)
        write_value(ws, r, wide[0], getattr(sp.isian, group).get(key), s.input)


def _signatures(ctx: Context, ws: Worksheet, sp: SheetPlan) -> None:
    g, s, lab = ctx.g, ctx.s, ctx.labels["pegawai"]
    r = g.signature_row
    people = [Identitas.of(sp.pegawai), sp.penilai, sp.atasan_penilai]
    span = max((g.last_visible_col + 1) // 3, 1)
    for k, (title, who) in enumerate(zip(lab["tanda_tangan"], people)):
        c0, c1 = k * span, min((k + 1) * span - 1, g.last_visible_col)
        ws.merge_range(r, c0, r, c1, lab["tanggal"], s.sign)
        ws.merge_range(r + 1, c0, r + 1, c1, title, s.sign)
        ws.merge_range(r + 4, c0, r + 4, c1, who.nama or "", s.sign_line)
        ws.merge_range(r + 5, c0, r + 5, c1, lab["nip_pppk" if who.pppk else "nip"].format(nip=who.nip) if who.nip else "",
                       s.sign)
