"""The printed forms of one pegawai (``Cetak <nama>``), as in the Anak Lampiran of PermenPANRB 6/2022:
SKP (rencana), EVALUASI KINERJA for each period, and DOKUMEN EVALUASI KINERJA PEGAWAI for the year.

Every cell is a live reference to the pegawai's sheet (no internal id: the intervensi's id is cut off),
so what prints is what was entered and computed. Portrait A4, fitted to the page width, a page break
before each form (and before PERILAKU KERJA of the SKP): the SKP on two pages, one page per period
and one for the Dokumen Evaluasi. :class:`CetakGeometry` gives each form's rows (``skp print`` prints
one form by setting the print area to them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from xlsxwriter.worksheet import Worksheet

from skpkit.model import BERAKHLAK, JenisPeriode
from skpkit.rules import bulat
from skpkit.generator.write.book import as_text
from skpkit.plan import CHOICE_SEP
from skpkit.rules.formula import text_literal
from skpkit.generator.layout import Geometry, a1, quote_sheet
from skpkit.plan import Identitas, SheetPlan
from skpkit.generator.layout.cetak import CetakGeometry
from skpkit.generator.write.sheets.context import Context

__all__ = ["write"]

def write(ctx: Context, ws: Worksheet, sp: SheetPlan, shown: dict) -> None:
    """The print sheet of ``sp``; ``shown`` holds what each cell of the pegawai's sheet shows (the cached
    values of these formulas, so the forms print right before any recalculation)."""
    g, lab = ctx.g, ctx.labels["cetak"]
    cg = ctx.cg
    for c, w in enumerate(ctx.layout["cetak"]["widths"]):
        ws.set_column(c, c, w)
    src = Src(quote_sheet(sp.name), shown)
    _skp(ctx, ws, sp, cg, src)
    for p in range(1, g.n_periode + 1):
        _evaluasi(ctx, ws, sp, cg, src, p)
    _dokumen(ctx, ws, sp, cg, src)
    ws.set_portrait()
    ws.set_paper(ctx.paper)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws.print_area(0, 0, cg.dokumen_end, cg.last_col)
    ws.set_h_pagebreaks([cg.skp_perilaku] + [cg.evaluasi_start(p) for p in range(1, g.n_periode + 1)]
                        + [cg.dokumen_start])
    ws.set_header(lab["header"].format(nama=sp.pegawai.nama.replace("&", "&&"), nip=sp.pegawai.nip,
                                       instansi=ctx.plan.instansi.replace("&", "&&")))
    ws.set_footer(lab["footer"])


# --- cells -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Src:
    """The pegawai's sheet: references to its cells and what they show."""

    prefix: str
    shown: dict

    def ref(self, r: int, c: int) -> str:
        return f"{self.prefix}{a1(r, c, True)}"

    def text(self, r: int, c: int) -> str:
        """What ``=ref&""`` shows."""
        return as_text(self.shown.get((r, c)))


def _text(ws: Worksheet, r: int, c0: int, c1: int, formula: str, fmt, value: str = "") -> None:
    if c1 > c0:
        ws.merge_range(r, c0, r, c1, "", fmt)
    ws.write_formula(r, c0, formula, fmt, value)


def _link(ws: Worksheet, r: int, c0: int, c1: int, src: Src, row: int, col: int, fmt) -> None:
    """A cell showing a cell of the pegawai's sheet as text (blank stays blank, not 0)."""
    _text(ws, r, c0, c1, f'={src.ref(row, col)}&""', fmt, src.text(row, col))


def _label(ws: Worksheet, r: int, c0: int, c1: int, text: str, fmt) -> None:
    if c1 > c0:
        ws.merge_range(r, c0, r, c1, text, fmt)
    else:
        ws.write_string(r, c0, text, fmt)


def _title(ctx: Context, ws: Worksheet, r: int, title: str, second: str, shows: str) -> None:
    """The form's title, the instansi, and its period line (``second`` is the formula, ``shows`` its text)."""
    s = ctx.s
    ws.merge_range(r, 0, r, ctx.cg.last_col, title, s.form_title)
    ws.merge_range(r + 1, 0, r + 1, ctx.cg.last_col, "", s.form_subtitle)
    ws.write_formula(r + 1, 0, "=Instansi", s.form_subtitle, ctx.plan.instansi)
    ws.merge_range(r + 2, 0, r + 2, ctx.cg.last_col, "", s.form_subtitle)
    ws.write_formula(r + 2, 0, second, s.form_subtitle, shows)


def _who(sp: SheetPlan, block: str) -> Identitas:
    return {"pegawai": Identitas.of(sp.pegawai), "penilai": sp.penilai, "atasan": sp.atasan_penilai}[block]


def _row_label(ctx: Context, sp: SheetPlan, block: str, key: str) -> str:
    """An identity row's label in one block: NI PPPK and GOLONGAN for a PPPK (RULES.md section 9)."""
    lab = ctx.labels["cetak"]
    if _who(sp, block).pppk:
        return lab["identitas_rows_pppk"].get(key, lab["identitas_rows"][key])
    return lab["identitas_rows"][key]


def _identity(ctx: Context, ws: Worksheet, r: int, g: Geometry, src: str, blocks: tuple[str, ...],
              sp: SheetPlan) -> int:
    """Identity blocks side by side (two) or stacked (three); returns the next free row."""
    s, lab = ctx.s, ctx.labels["cetak"]
    if len(blocks) == 2:
        spans = ((0, 1, 2, 3), (4, 4, 5, 7))
        for (l0, l1, v0, v1), block in zip(spans, blocks):
            _label(ws, r, l0, v1, lab["identitas"][block], s.header)
            for i, key in enumerate(ctx.cg.identity_keys, start=1):
                _label(ws, r + i, l0, l1, _row_label(ctx, sp, block, key), s.label)
                _link(ws, r + i, v0, v1, src, g.identity(key), g.identity_col(block), s.text)
        return r + len(ctx.cg.identity_keys) + 1
    for block in blocks:
        _label(ws, r, 0, ctx.cg.last_col, lab["identitas"][block], s.header)
        for i, key in enumerate(ctx.cg.identity_keys, start=1):
            _label(ws, r + i, 0, 2, _row_label(ctx, sp, block, key), s.label)
            _link(ws, r + i, 3, ctx.cg.last_col, src, g.identity(key), g.identity_col(block), s.text)
        r += len(ctx.cg.identity_keys) + 1
    return r


def _intervensi(src: Src, r: int, c: int) -> tuple[str, str]:
    """The superior's RHK without its internal id (the dropdown shows ``id · text``): formula and text."""
    ref, sep = src.ref(r, c), text_literal(CHOICE_SEP)
    shown = src.text(r, c)
    return (f'=IFERROR(MID({ref},FIND({sep},{ref})+{len(CHOICE_SEP)},1000),{ref}&"")',
            shown.split(CHOICE_SEP, 1)[1] if CHOICE_SEP in shown else shown)


def _target(src: Src, r: int, lo_c: int, hi_c: int) -> tuple[str, str]:
    """``min`` or ``min-max``: formula and text."""
    lo, hi = src.ref(r, lo_c), src.ref(r, hi_c)
    vlo, vhi = src.shown.get((r, lo_c)), src.shown.get((r, hi_c))
    text = "" if vlo in (None, "") else as_text(vlo) + ("" if vhi in (None, "") or vhi == vlo else "-" + as_text(vhi))
    return f'=IF({lo}="","",{lo}&IF(OR({hi}="",{hi}={lo}),"","-"&{hi}))', text


def _put(ws: Worksheet, r: int, c: int, src: Src, row: int, col: int, fmt) -> None:
    """``=ref&""`` in one cell, with what it shows."""
    ws.write_formula(r, c, f'={src.ref(row, col)}&""', fmt, src.text(row, col))


def _rounded(src: Src, row: int, col: int) -> tuple[str, str]:
    """A number rounded to 2 decimals as text (a reason or blank as it is): formula and text."""
    ref, v = src.ref(row, col), src.shown.get((row, col))
    shown = as_text(bulat(v)) if isinstance(v, (int, float)) and not isinstance(v, bool) else as_text(v)
    return f'=IF(ISNUMBER({ref}),ROUND({ref},2)&"",{ref}&"")', shown


def _sign_block(ctx: Context, ws: Worksheet, r: int, c0: int, c1: int, g: Geometry, src: Src, block: str,
                sp: SheetPlan) -> None:
    s, lab = ctx.s, ctx.labels["cetak"]
    ws.merge_range(r, c0, r, c1, lab["tempat_tanggal"], s.sign)
    ws.merge_range(r + 1, c0, r + 1, c1, lab["ttd"][block], s.sign)
    ws.merge_range(r + 4, c0, r + 4, c1, "", s.sign_line)
    _put(ws, r + 4, c0, src, g.identity("nama"), g.identity_col(block), s.sign_line)
    row, col = g.identity("nip"), g.identity_col(block)
    nip, shown = src.ref(row, col), src.text(row, col)
    prefix, _, suffix = lab["nip_pppk" if _who(sp, block).pppk else "nip"].partition("{nip}")
    ws.merge_range(r + 5, c0, r + 5, c1, "", s.sign)
    ws.write_formula(r + 5, c0, f'=IF({nip}="","",{text_literal(prefix)}&{nip}&{text_literal(suffix)})', s.sign,
                     f"{prefix}{shown}{suffix}" if shown else "")


def _signatures(ctx: Context, ws: Worksheet, r: int, g: Geometry, src: Src, blocks: tuple[str, ...],
                sp: SheetPlan) -> None:
    spans = {1: ((4, ctx.cg.last_col),), 2: ((0, 3), (4, ctx.cg.last_col)), 3: ((0, 2), (3, 4), (5, ctx.cg.last_col))}[len(blocks)]
    for (c0, c1), block in zip(spans, blocks):
        _sign_block(ctx, ws, r, c0, c1, g, src, block, sp)


def _no(g: Geometry, i: int) -> str:
    return str(i + 1 if g.slot_is_utama(i) else i - g.n_utama + 1)


# --- the three forms ---------------------------------------------------------------------------------

def _skp(ctx: Context, ws: Worksheet, sp: SheetPlan, cg: CetakGeometry, src: Src) -> None:
    g, s, lab = ctx.g, ctx.s, ctx.labels["cetak"]
    second, shows = "=" + text_literal(lab["periode_tahun"]) + "&Tahun", f"{lab['periode_tahun']}{ctx.plan.tahun}"
    tanggal = ctx.plan.meta.get("ditetapkan")
    if tanggal:
        text = " - " + ctx.labels["pegawai"]["ditetapkan"].format(
            tanggal=dt.date.fromisoformat(tanggal).strftime("%d-%m-%Y"))
        second, shows = second + "&" + text_literal(text), shows + text
    _title(ctx, ws, 0, lab["skp_title"], second, shows)
    _identity(ctx, ws, 3, g, src, ("pegawai", "penilai"), sp)
    r = cg.skp_hasil - 2
    _label(ws, r, 0, cg.last_col, lab["hasil"], s.section)
    for c, head in enumerate(lab["skp_head"]):
        ws.write_string(r + 1, c, head, s.header)
    for i in range(g.n_slots):
        top = g.slot_row(i)
        for j in range(g.k):
            out, row = cg.skp_hasil + i * g.k + j, g.slot_row(i, j)
            if j == 0:
                ws.write_string(out, 0, _no(g, i), s.text)
                formula, shown = _intervensi(src, top, g.col("intervensi"))
                ws.write_formula(out, 1, formula, s.text, shown)
                _put(ws, out, 2, src, top, g.col("rhk"), s.text)
                rhk = src.ref(top, g.col("rhk"))
                ws.write_formula(out, 7, f'=IF({rhk}="","",{src.ref(top, g.col("jenis"))}&"")', s.text,
                                 src.text(top, g.col("jenis")) if src.text(top, g.col("rhk")) else "")
            else:
                for c in (0, 1, 2, 7):
                    ws.write_blank(out, c, None, s.text)
            ind = src.ref(row, g.col("indikator"))
            ws.write_formula(out, 3, f'=IF({ind}="","",{src.ref(row, g.col("aspek"))}&"")', s.text,
                             src.text(row, g.col("aspek")) if src.text(row, g.col("indikator")) else "")
            _put(ws, out, 4, src, row, g.col("indikator"), s.text)
            formula, shown = _target(src, row, g.col("target_min"), g.col("target_max"))
            ws.write_formula(out, 5, formula, s.text, shown)
            _put(ws, out, 6, src, row, g.col("satuan"), s.text)
    r = cg.skp_perilaku
    _label(ws, r, 0, cg.last_col, lab["perilaku"], s.section)
    heads = lab["perilaku_head"]
    ws.write_string(r + 1, 0, heads[0], s.header)
    ws.write_string(r + 1, 1, heads[1], s.header)
    ws.merge_range(r + 1, 2, r + 1, 4, heads[2], s.header)
    ws.merge_range(r + 1, 5, r + 1, cg.last_col, heads[3], s.header)
    pl = ctx.layout["pegawai"]["perilaku"]
    for i, (nilai, panduan) in enumerate(BERAKHLAK):
        out = r + 2 + i
        ws.set_row(out, 40)
        ws.write_string(out, 0, str(i + 1), s.text)
        ws.write_string(out, 1, nilai, s.text)
        ws.merge_range(out, 2, out, 4, "• " + panduan.replace("; ", "\n• "), s.text)
        _link(ws, out, 5, cg.last_col, src, g.perilaku_row(i), g.col(pl["ekspektasi_columns"][0]), s.text)
    r = cg.skp_lampiran
    _label(ws, r, 0, cg.last_col, lab["lampiran"], s.section)
    wide = g.col("realisasi", 1)
    for i, key in enumerate(ctx.layout["pegawai"]["lampiran"], start=1):
        _label(ws, r + i, 0, 2, ctx.labels["pegawai"]["lampiran_rows"][key], s.label)
        _link(ws, r + i, 3, cg.last_col, src, g.lampiran_row(key), wide, s.text)
    _signatures(ctx, ws, cg.skp_sign, g, src, ("pegawai", "penilai"), sp)


def _evaluasi(ctx: Context, ws: Worksheet, sp: SheetPlan, cg: CetakGeometry, src: Src, p: int) -> None:
    g, s, lab, jenis = ctx.g, ctx.s, ctx.labels["cetak"], ctx.plan.jenis_periode
    r0 = cg.evaluasi_start(p)
    periode = jenis.nama(p).upper() + (lab["akhir"] if jenis is JenisPeriode.TRIWULANAN and p == g.n_periode else "")
    line = lab["periode"] + periode + " "
    _title(ctx, ws, r0, lab["evaluasi_title"], "=" + text_literal(line) + "&Tahun", f"{line}{ctx.plan.tahun}")
    r = _identity(ctx, ws, r0 + 3, g, src, ("pegawai", "penilai"), sp) + 1
    _label(ws, r, 0, cg.last_col, lab["hasil"], s.section)
    for c, head in enumerate(lab["evaluasi_head"]):
        ws.write_string(r + 1, c, head, s.header)
    first = r + 2
    for i in range(g.n_slots):
        for j in range(g.k):
            out, row = first + i * g.k + j, g.slot_row(i, j)
            if j == 0:
                ws.write_string(out, 0, _no(g, i), s.text)
                _put(ws, out, 1, src, g.slot_row(i), g.col("rhk"), s.text)
            else:
                ws.write_blank(out, 0, None, s.text)
                ws.write_blank(out, 1, None, s.text)
            _put(ws, out, 2, src, row, g.col("indikator"), s.text)
            formula, shown = _target(src, row, g.col("target_min"), g.col("target_max"))
            ws.write_formula(out, 3, formula, s.text, shown)
            _put(ws, out, 4, src, row, g.col("realisasi", p), s.text)
            formula, shown = _rounded(src, row, g.col("capaian", p))
            ws.write_formula(out, 5, formula, s.text, shown)
            _put(ws, out, 6, src, row, g.col("umpan_balik", p), s.text)
            _put(ws, out, 7, src, row, g.col("rating_indikator", p), s.text)
    r = first + g.n_slots * g.k + 1
    for i, key in enumerate(cg.evaluasi_keys):
        _label(ws, r + i, 0, 3, lab["evaluasi_rows"][key], s.label)
        formula, shown = _rounded(src, g.evaluasi_row(key), g.value_col(p))
        _text(ws, r + i, 4, cg.last_col, formula, s.form_result if key == "predikat" else s.text, shown)
    _signatures(ctx, ws, r + len(cg.evaluasi_keys) + 1, g, src, ("penilai",), sp)


def _dokumen(ctx: Context, ws: Worksheet, sp: SheetPlan, cg: CetakGeometry, src: Src) -> None:
    g, s, lab = ctx.g, ctx.s, ctx.labels["cetak"]
    r0 = cg.dokumen_start
    _title(ctx, ws, r0, lab["dokumen_title"], "=" + text_literal(lab["tahunan"]) + "&Tahun",
           f"{lab['tahunan']}{ctx.plan.tahun}")
    r = _identity(ctx, ws, r0 + 3, g, src, ("pegawai", "penilai", "atasan"), sp)
    for i, key in enumerate(cg.dokumen_keys):
        _label(ws, r + i, 0, 2, lab["dokumen_rows"][key], s.label)
        _link(ws, r + i, 3, cg.last_col, src, g.evaluasi_row(key), g.value_col(None),
              s.form_result if key == "predikat" else s.text)
    r += len(cg.dokumen_keys)
    wide = g.col("realisasi", 1)
    for i, key in enumerate(ctx.layout["pegawai"]["dokumen"]):
        ws.set_row(r + i, 36)
        _label(ws, r + i, 0, 2, lab["dokumen_rows"][key], s.label)
        _link(ws, r + i, 3, cg.last_col, src, g.dokumen_row(key), wide, s.text)
    _signatures(ctx, ws, r + 5, g, src, ("pegawai", "penilai", "atasan"), sp)
