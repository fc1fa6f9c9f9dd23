"""A pegawai's sheet (``SKP <nama>``): header and identities, then its sections in order.

HASIL KERJA is :mod:`.hasil`, PERILAKU KERJA and EVALUASI :mod:`.evaluasi`, LAMPIRAN SKP and
DOKUMEN EVALUASI :mod:`.dokumen`.
"""

from __future__ import annotations

import datetime as dt

from xlsxwriter.worksheet import Worksheet

from skpkit.rules import ak
from skpkit.errors import InputError
from skpkit.generator.write.book import write_value
from skpkit.rules.formula import text_literal
from skpkit.generator.layout import col_index
from skpkit.plan import Identitas, SheetPlan
from skpkit.generator.write.sheets import dokumen, evaluasi, hasil
from skpkit.generator.write.sheets.context import Context, nip_label

__all__ = ["write"]


def write(ctx: Context, ws: Worksheet, sp: SheetPlan) -> None:
    g = ctx.g
    for c, spec, _ in g.column_specs():
        ws.set_column(c, c, spec["width"], None, {"hidden": bool(spec.get("hidden"))})
    _header(ctx, ws, sp)
    hasil.write(ctx, ws, sp)
    evaluasi.write_perilaku(ctx, ws, sp)
    evaluasi.write(ctx, ws, sp)
    dokumen.write(ctx, ws, sp)
    hasil.validations(ctx, ws)
    hasil.conditional(ctx, ws)
    ws.freeze_panes(g.column_header + 1, g.col("rhk") + 1)
    # The entry sheet prints its header and identities only (one page): the official forms print
    # from the pegawai's ``Cetak`` sheet, so a unit's workbook prints a few pages per pegawai.
    ws.set_landscape()
    ws.set_paper(ctx.paper)
    ws.fit_to_pages(1, 1)
    ws.print_area(0, 0, g.identity(g.identity_keys()[-1]), g.last_visible_col)
    ws.set_header(ctx.labels["cetak"]["isian_header"].format(
        nama=sp.pegawai.nama.replace("&", "&&"), nip=sp.pegawai.nip, nip_label=nip_label(ctx, sp), cetak=ctx.cetak[sp.name].replace("&", "&&")))
    ws.set_footer(ctx.labels["pegawai"]["footer"])


def _header(ctx: Context, ws: Worksheet, sp: SheetPlan) -> None:
    g, s, plan, lab = ctx.g, ctx.s, ctx.plan, ctx.labels
    ws.write_string(0, 0, lab["title"], s.title)
    ws.write_formula(1, 0, "=Instansi", s.subtitle, plan.instansi)
    periode = lab["periode_penilaian"]
    ws.write_formula(2, 0, "=" + text_literal(periode) + "&Tahun", s.subtitle, f"{periode}{plan.tahun}")
    idn, idl = ctx.layout["pegawai"]["identity"], lab["pegawai"]
    tanggal = plan.meta.get("ditetapkan")
    if tanggal:  # penetapan (skp tetapkan): the agreed plan is locked since this day
        day = dt.date.fromisoformat(tanggal).strftime("%d-%m-%Y")
        ws.write_string(2, g.identity_col("penilai"), idl["ditetapkan"].format(tanggal=day), s.subtitle)
    blocks = {"pegawai": Identitas.of(sp.pegawai), "penilai": sp.penilai, "atasan": sp.atasan_penilai}
    ws.merge_range(g.identity_row, 0, g.identity_row, 1, "", s.header)
    for key, (c0, c1) in idn["blocks"].items():
        ws.merge_range(g.identity_row, g.identity_col(key), g.identity_row, g.identity_col(key) + _span(c0, c1),
                       idl["identity_headers"][key], s.header)
    pppk = any(b.pppk for b in blocks.values())  # the labels are shared by the three blocks
    for key in idn["rows"]:
        r = g.identity(key)
        label = idl["identity_rows_pppk"].get(key, idl["identity_rows"][key]) if pppk else idl["identity_rows"][key]
        ws.merge_range(r, 0, r, 1, label, s.label)
        fmt = s.nip if key == "nip" else s.text
        for block, (c0, c1) in idn["blocks"].items():
            c = g.identity_col(block)
            ws.merge_range(r, c, r, c + _span(c0, c1), "", fmt)
            ws.write_string(r, c, getattr(blocks[block], key) or "", fmt)
    for key in idn.get("ak_rows", []) + idn.get("masa_rows", []):
        _ak_row(ctx, ws, sp, key)


def _ak_row(ctx: Context, ws: Worksheet, sp: SheetPlan, key: str) -> None:
    """TMT jabatan and AK awal of a fungsional, the TMT and the days they joined and left the unit of everyone
    (layout 5), issued from the roster (blue, locked; in the manifest)."""
    g, s, idn = ctx.g, ctx.s, ctx.layout["pegawai"]["identity"]
    r = g.identity(key)
    ws.merge_range(r, 0, r, 1, ctx.labels["pegawai"]["identity_rows"][key], s.label)
    for block, (c0, c1) in idn["blocks"].items():
        c = g.identity_col(block)
        ws.merge_range(r, c, r, c + _span(c0, c1), "", s.issued if block == "pegawai" else s.text)
    value = getattr(sp.pegawai, key) if key in g.issued_keys(sp.pegawai.is_fungsional) else None
    c = g.identity_col("pegawai")
    if key == "jenjang_sebelumnya":
        write_value(ws, r, c, value or None, s.issued)
    elif key.startswith("tmt_") and value is not None:
        try:
            ws.write_datetime(r, c, ak.tanggal(value), s.issued_date)
        except InputError:  # not a date: shown as it is, and the formulas name it
            write_value(ws, r, c, value, s.issued)
    else:
        write_value(ws, r, c, value, s.issued_num)


def _span(c0: str, c1: str) -> int:
    return col_index(c1) - col_index(c0)
