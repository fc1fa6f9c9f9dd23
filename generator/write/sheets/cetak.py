"""The printed forms of one pegawai (``Cetak <nama>``), as in the Anak Lampiran of PermenPANRB 6/2022 and
RULES.md section 11: SKP (rencana), EVALUASI KINERJA PEGAWAI for each period, and DOKUMEN EVALUASI
KINERJA PEGAWAI for the year.

Every cell is a live reference to the pegawai's sheet (no internal id: the intervensi's id is cut off),
so what prints is what was entered and computed; numbers print as text grouped and rounded
(:mod:`skpkit.rules.tampil`); the EVALUASI prints the target and realisasi its capaian used. The
references are relative, so a column's like formulas are stored once (shared). Portrait on the paper of
``Pengaturan``, fitted to the page width, a page break before each form (and before PERILAKU KERJA of the
SKP). :class:`CetakGeometry` gives each form's rows (``skp print`` prints one form by setting the print
area to them, and hides the slots not in use); rows are as tall as the text they hold when written
(:func:`row_heights`; ``skp print`` measures them again from what was entered).
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from xlsxwriter.worksheet import Worksheet

from skpkit.errors import InputError
from skpkit.model import BERAKHLAK, JenisPeriode, PredikatOrganisasi
from skpkit.rules import kurva, tampil
from skpkit.plan import CHOICE_SEP
from skpkit.rules.formula import text_literal
from skpkit.rules.masa import TIDAK_DINILAI
from skpkit.generator.layout import a1, quote_sheet
from skpkit.generator.layout.fit import form_texts, row_height
from skpkit.plan import SheetPlan
from skpkit.generator.layout.cetak import CetakGeometry
from skpkit.generator.write.sheets.cetak_cells import (Src, annual_target, intervensi, is_number, label, link,
                                                      number, period_targets, put, range_text, text_cell)
from skpkit.generator.write.sheets.cetak_blocks import (identity, no, outside, periode_penilaian, result_row,
                                                       signatures, table, title, own_dates)
from skpkit.generator.write.sheets.context import Context, nip_label

__all__ = ["write", "row_heights"]

def write(ctx: Context, ws: Worksheet, sp: SheetPlan, shown: dict) -> None:
    """The print sheet of ``sp``; ``shown`` holds what each cell of the pegawai's sheet shows (the cached
    values of these formulas, so the forms print right before any recalculation)."""
    g, lab = ctx.g, ctx.labels["cetak"]
    cg = ctx.cg
    for c, w in enumerate(ctx.layout["cetak"]["widths"]):
        ws.set_column(c, c, w)
    ws.set_column(_HELPERS[0], _HELPERS[1], 10, None, {"hidden": True})
    src = Src(quote_sheet(sp.name), shown)
    _skp(ctx, ws, sp, cg, src)
    for p in range(1, g.n_periode + 1):
        _evaluasi(ctx, ws, sp, cg, src, p)
    _dokumen(ctx, ws, sp, cg, src)
    for row, height in row_heights(ctx, sp, cg, src).items():
        ws.set_row(row, height)
    ws.set_portrait()
    ws.set_paper(ctx.paper)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws.print_area(0, 0, cg.dokumen_end, cg.last_col)
    ws.set_h_pagebreaks([cg.skp_perilaku] + [cg.evaluasi_start(p) for p in range(1, g.n_periode + 1)]
                        + [cg.dokumen_start])
    ws.set_header(lab["header"].format(nama=sp.pegawai.nama.replace("&", "&&"), nip=sp.pegawai.nip,
                                       nip_label=nip_label(ctx, sp), instansi=ctx.plan.instansi.replace("&", "&&")))
    ws.set_footer(lab["footer"])


def _slot_head(ctx: Context, ws: Worksheet, src: Src, out: int, i: int, j: int, row: int) -> None:
    """The first five cells of an indikator row in the SKP and the EVALUASI: no, RHK pimpinan and RHK (on the
    RHK's first row), aspek, indikator."""
    g, s = ctx.g, ctx.s
    top = g.slot_row(i)
    if j == 0:
        ws.write_string(out, 0, no(g, i), s.text)
        formula, shown = intervensi(src, top, g.col("intervensi"))
        ws.write_formula(out, 1, formula, s.text, shown)
        put(ws, out, 2, src, top, g.col("rhk"), s.text)
    else:
        for c in (0, 1, 2):
            ws.write_blank(out, c, None, s.text)
    ind = src.ref(row, g.col("indikator"))
    ws.write_formula(out, 3, f'=IF({ind}="","",{src.ref(row, g.col("aspek"))}&"")', s.text,
                     src.text(row, g.col("aspek")) if src.text(row, g.col("indikator")) else "")
    put(ws, out, 4, src, row, g.col("indikator"), s.text)


# --- the three forms ---------------------------------------------------------------------------------

def _skp(ctx: Context, ws: Worksheet, sp: SheetPlan, cg: CetakGeometry, src: Src) -> None:
    g, s, lab = ctx.g, ctx.s, ctx.labels["cetak"]
    dates_f, dates_t = periode_penilaian(ctx, 1, 12, own_dates(ctx, src), sp)
    second, shows = f'={text_literal(lab["periode_penilaian"])}&{dates_f}', lab["periode_penilaian"] + dates_t
    tanggal = ctx.plan.meta.get("ditetapkan")
    signed = None
    if tanggal:
        day = dt.date.fromisoformat(tanggal)
        text = " - " + ctx.labels["pegawai"]["ditetapkan"].format(tanggal=day.strftime("%d-%m-%Y"))
        second, shows = second + "&" + text_literal(text), shows + text
        signed_text = tampil.tanggal_teks(day.day, day.month, day.year, lab["bulan_tanggal"])
        signed = (text_literal(signed_text), signed_text)
    else:
        signed = (tampil.tanggal_formula(1, lab["bulan_tanggal"]),
                  tampil.tanggal_teks(1, 1, ctx.plan.tahun, lab["bulan_tanggal"]))
    title(ctx, ws, 0, lab["skp_title"], [(second, shows)])
    identity(ctx, ws, 3, g, src, ("pegawai", "penilai"), sp)

    def cells(out: int, i: int, j: int, row: int) -> None:
        _slot_head(ctx, ws, src, out, i, j, row)
        formula, shown = annual_target(src, row, g)
        ws.write_formula(out, 5, formula, s.text, shown)
        ws.merge_range(out, 6, out, 7, "", s.text)
        put(ws, out, 6, src, row, g.col("satuan"), s.text)

    table(ctx, ws, cg.skp_table, lab["skp_head"], _SKP_SPANS, cells)
    r = cg.skp_perilaku
    label(ws, r, 0, cg.last_col, lab["perilaku"], s.section)
    heads = lab["perilaku_head"]
    ws.write_string(r + 1, 0, heads[0], s.header)
    ws.write_string(r + 1, 1, heads[1], s.header)
    ws.merge_range(r + 1, 2, r + 1, 4, heads[2], s.header)
    ws.merge_range(r + 1, 5, r + 1, cg.last_col, heads[3], s.header)
    pl = ctx.layout["pegawai"]["perilaku"]
    for i, (nilai, panduan) in enumerate(BERAKHLAK):
        out = r + 2 + i
        ws.write_string(out, 0, str(i + 1), s.text)
        ws.write_string(out, 1, nilai, s.text)
        ws.merge_range(out, 2, out, 4, "• " + panduan.replace("; ", "\n• "), s.text)
        link(ws, out, 5, cg.last_col, src, g.perilaku_row(i), g.col(pl["ekspektasi_columns"][0]), s.text)
    r = cg.skp_lampiran
    label(ws, r, 0, cg.last_col, lab["lampiran"], s.section)
    wide = g.col("realisasi", 1)
    for i, key in enumerate(ctx.layout["pegawai"]["lampiran"], start=1):
        label(ws, r + i, 0, 2, ctx.labels["pegawai"]["lampiran_rows"][key], s.label)
        link(ws, r + i, 3, cg.last_col, src, g.lampiran_row(key), wide, s.text)
    signatures(ctx, ws, cg.skp_sign, g, src, ("pegawai", "penilai"), sp, signed)


def _evaluasi(ctx: Context, ws: Worksheet, sp: SheetPlan, cg: CetakGeometry, src: Src, p: int) -> None:
    g, s, lab, jenis = ctx.g, ctx.s, ctx.labels["cetak"], ctx.plan.jenis_periode
    parts = cg.evaluasi_parts(p)
    periode = jenis.nama(p).upper() + (lab["akhir"] if jenis is JenisPeriode.TRIWULANAN and p == g.n_periode else "")
    line = lab["periode"] + periode + " "
    dates_f, dates_t = periode_penilaian(ctx, (p - 1) * jenis.bulan + 1, p * jenis.bulan)
    off = outside(ctx, src, sp, p)
    tail = text_literal(" - " + TIDAK_DINILAI.value.upper())
    title(ctx, ws, cg.evaluasi_start(p), lab["evaluasi_title"],
           [(f'={text_literal(line)}&Tahun&" ("&{dates_f}&")"&IF({off[0]},{tail},"")',
             f"{line}{ctx.plan.tahun} ({dates_t})" + (" - " + TIDAK_DINILAI.value.upper() if off[1] else ""))])
    identity(ctx, ws, parts["identity"], g, src, ("pegawai", "penilai"), sp)
    org_r, value_c = g.evaluasi_row("organisasi"), g.value_col(p)
    result_row(ctx, ws, parts["head"], "organisasi", src, org_r, value_c)
    label(ws, parts["head"] + 1, 0, 3, lab["evaluasi_rows"]["pola"], s.label)
    text_cell(ws, parts["head"] + 1, 4, cg.last_col, kurva.pola_formula(src.ref(org_r, value_c), ctx.names), s.text,
          _safe(lambda: kurva.pola_teks(src.value(org_r, value_c), settings=ctx.plan.settings)))

    def cells(out: int, i: int, j: int, row: int) -> None:
        _slot_head(ctx, ws, src, out, i, j, row)
        lo, hi = period_targets(src, row, g, p)
        for c, (formula, value) in zip(_HELPERS, (lo, hi)):
            ws.write_formula(out, c, formula, s.hidden, value)
        formula, shown = range_text(a1(out, _HELPERS[0]), a1(out, _HELPERS[1]), lo[1], hi[1])
        ws.write_formula(out, 5, formula, s.text, shown)
        real_c, bukti_c = g.col("kumulatif", p), g.col("bukti", p)
        f_real, t_real = number(src.ref(row, real_c), src.value(row, real_c))
        bukti, t_bukti = src.ref(row, bukti_c), src.text(row, bukti_c)
        ws.write_formula(out, 6, f'={f_real}&IF({bukti}="","",CHAR(10)&{bukti})', s.text,
                         t_real + (f"\n{t_bukti}" if t_bukti else ""))
        cap_c, rating_c, umpan_c = g.col("capaian", p), g.col("rating_indikator", p), g.col("umpan_balik", p)
        cap, rating, umpan = src.ref(row, cap_c), src.ref(row, rating_c), src.ref(row, umpan_c)
        f_cap, t_cap = number(cap, src.value(row, cap_c), 2)
        t_rating, t_umpan = src.text(row, rating_c), src.text(row, umpan_c)
        shown = " ".join(x for x in (t_cap + (" %" if is_number(src.value(row, cap_c)) else ""), t_rating) if x)
        ws.write_formula(out, 7, f'=TRIM({f_cap}&IF(ISNUMBER({cap})," %","")&" "&{rating})'
                                 f'&IF({umpan}="","",CHAR(10)&{text_literal(lab["umpan_balik"])}&{umpan})', s.text,
                         shown + (f"\n{lab['umpan_balik']}{t_umpan}" if t_umpan else ""))

    table(ctx, ws, parts["table"], lab["evaluasi_head"], [(c, c) for c in range(8)], cells)
    label(ws, parts["catatan"], 0, cg.last_col, lab["catatan_target"], s.note)
    result_row(ctx, ws, parts["hasil"], "hasil", src, g.evaluasi_row("hasil"), value_c, off)
    r = parts["perilaku"]
    label(ws, r, 0, cg.last_col, lab["perilaku"], s.section)
    heads = lab["evaluasi_perilaku_head"]
    for (c0, c1), head in zip(_PERILAKU_SPANS, heads):
        label(ws, r + 1, c0, c1, head, s.header)
    pl = ctx.layout["pegawai"]["perilaku"]
    for i, (nilai, _) in enumerate(BERAKHLAK):
        out, row = r + 2 + i, g.perilaku_row(i)
        ws.write_string(out, 0, str(i + 1), s.text)
        ws.write_string(out, 1, nilai, s.text)
        for (c0, c1), col in zip(_PERILAKU_SPANS[2:], (g.col(pl["ekspektasi_columns"][0]),
                                                      g.col(pl["umpan_balik_column"], p), g.col(pl["rating_column"], p))):
            link(ws, out, c0, c1, src, row, col, s.text)
    result_row(ctx, ws, parts["rating_perilaku"], "perilaku", src, g.evaluasi_row("perilaku"), value_c, off)
    for i, key in enumerate(cg.evaluasi_keys):
        result_row(ctx, ws, parts["rows"] + i, key, src, g.evaluasi_row(key), value_c, off)
    end = p * jenis.bulan
    tanggal = (tampil.tanggal_formula(end, lab["bulan_tanggal"], akhir=True),
               tampil.tanggal_teks(tampil.akhir_bulan(ctx.plan.tahun, end), end, ctx.plan.tahun, lab["bulan_tanggal"]))
    signatures(ctx, ws, parts["sign"], g, src, ("penilai",), sp, tanggal)


#: the SKP's HASIL KERJA columns (SATUAN over the last two)
_SKP_SPANS = [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 7)]
#: hidden helper cells right of an EVALUASI's indikator row: the target min and max its capaian used
_HELPERS = (8, 9)
#: the EVALUASI's PERILAKU KERJA columns: no, nilai, ekspektasi khusus pimpinan, umpan balik, rating
_PERILAKU_SPANS = ((0, 0), (1, 1), (2, 3), (4, 5), (6, 7))


def _safe(make: Callable[[], str]) -> str:
    try:
        return make()
    except InputError:  # a value typed past the list (a cached value only: the formula shows what the sheet does)
        return ""


def _dokumen(ctx: Context, ws: Worksheet, sp: SheetPlan, cg: CetakGeometry, src: Src) -> None:
    g, s, lab = ctx.g, ctx.s, ctx.labels["cetak"]
    parts, sections = cg.dokumen_parts, lab["dokumen_sections"]
    dates_f, dates_t = periode_penilaian(ctx, 1, 12, own_dates(ctx, src), sp)
    title(ctx, ws, cg.dokumen_start, lab["dokumen_title"],
           [("=" + text_literal(lab["tahunan"]), lab["tahunan"]),
            (f'={text_literal(lab["periode_penilaian"])}&{dates_f}', lab["periode_penilaian"] + dates_t)])
    identity(ctx, ws, parts["identity"], g, src, ("pegawai", "penilai", "atasan"), sp, sections)
    r = parts["evaluasi"]
    label(ws, r, 0, cg.last_col, sections["evaluasi"], s.header)
    for i, key in enumerate(cg.dokumen_keys, start=1):
        label(ws, r + i, 0, 2, lab["dokumen_rows"][key], s.label)
        link(ws, r + i, 3, cg.last_col, src, g.evaluasi_row(key), g.value_col(None),
              s.form_result if key == "predikat" else s.text)
    r = parts["catatan"]
    label(ws, r, 0, cg.last_col, sections["catatan"], s.header)
    wide = g.col("realisasi", 1)
    for i, key in enumerate(cg.dokumen_text_keys, start=1):
        label(ws, r + i, 0, 2, lab["dokumen_rows"][key], s.label)
        link(ws, r + i, 3, cg.last_col, src, g.dokumen_row(key), wide, s.text)
    tanggal = (tampil.tanggal_formula(12, lab["bulan_tanggal"], akhir=True),
               tampil.tanggal_teks(31, 12, ctx.plan.tahun, lab["bulan_tanggal"]))
    signatures(ctx, ws, parts["sign"], g, src, ("pegawai", "penilai", "atasan"), sp, tanggal)


# --- row heights -------------------------------------------------------------------------------------

_LONGEST_POLA = max((kurva.pola_teks(o.value) for o in PredikatOrganisasi), key=len)


def row_heights(ctx: Context, sp: SheetPlan, cg: CetakGeometry, src: Src) -> dict[int, float]:
    """Heights (points) of the rows whose text wraps, from what the sheet holds when written."""
    g, lab, w = ctx.g, ctx.labels["cetak"], ctx.layout["cetak"]["widths"]
    def texts(key: str, i: int, j: int) -> str:
        name, _, p = key.partition("-")
        if p:
            col = {"rating": "rating_indikator"}.get(name, name)
            return src.text(g.slot_row(i, j), g.col(col, int(p)))
        row = g.slot_row(i) if name in ("intervensi", "rhk") else g.slot_row(i, j)
        text = src.text(row, g.col(name))
        return text.split(CHOICE_SEP, 1)[1] if name == "intervensi" and CHOICE_SEP in text else text

    out = {row: row_height(cells) for row, cells in form_texts(cg, w, texts, lab["umpan_balik"]).items()}
    panduan = w[2] + w[3] + w[4]
    for i, (_, text) in enumerate(BERAKHLAK):
        out[cg.skp_perilaku + 2 + i] = row_height([("• " + text.replace("; ", "\n• "), panduan)])
    for p in range(1, cg.n_periode + 1):
        parts = cg.evaluasi_parts(p)
        out[parts["catatan"]] = row_height([(lab["catatan_target"], sum(w))])
        out[parts["head"] + 1] = row_height([(_LONGEST_POLA, sum(w[4:]))])
    bold = [x * 0.85 for x in w]  # header text is bold: wider
    heads = [(cg.skp_table - 1, lab["skp_head"], _SKP_SPANS)] + [
        (cg.evaluasi_parts(p)["table"] - 1, lab["evaluasi_head"], [(c, c) for c in range(8)])
        for p in range(1, cg.n_periode + 1)]
    for row, texts_, spans in heads:
        out[row] = row_height([(t, sum(bold[c0:c1 + 1])) for t, (c0, c1) in zip(texts_, spans)])
    for i in range(len(cg.dokumen_text_keys)):
        out[cg.dokumen_parts["catatan"] + 1 + i] = 36
    return out
