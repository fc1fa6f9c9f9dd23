"""The parts the printed forms share (``Cetak <nama>``): titles with the period, identity blocks,
signatures under tempat and tanggal, the HASIL KERJA table's frame, result rows, and the pegawai's own
period (from their TMT jabatan, RULES.md sections 8 and 10)."""

from __future__ import annotations

from typing import Callable

from xlsxwriter.worksheet import Worksheet

from skpkit.generator.layout import Geometry
from skpkit.generator.write.sheets.cetak_cells import Src, label, link, number, put, text_cell
from skpkit.generator.write.sheets.context import Context
from skpkit.plan import Identitas, SheetPlan
from skpkit.rules import tampil
from skpkit.rules.formula import text_literal
from skpkit.rules import masa
from skpkit.rules.masa import TIDAK_DINILAI

__all__ = ["title", "periode_penilaian", "own_dates", "identity", "signatures", "no", "table", "result_row", "outside"]


def title(ctx: Context, ws: Worksheet, r: int, title: str, lines: list[tuple[str, str]]) -> None:
    """The form's title, the instansi, and its period lines (each a formula and what it shows)."""
    s, last = ctx.s, ctx.cg.last_col
    ws.merge_range(r, 0, r, last, title, s.form_title)
    for i, (formula, shows) in enumerate([("=Instansi", ctx.plan.instansi)] + lines, start=1):
        ws.merge_range(r + i, 0, r + i, last, "", s.form_subtitle)
        ws.write_formula(r + i, 0, formula, s.form_subtitle, shows)


def periode_penilaian(ctx: Context, first_month: int, last_month: int,
                       masa_: tuple[str, ...] | None = None, sp: SheetPlan | None = None) -> tuple[str, str]:
    """``1 JANUARI 2027 SD 31 MARET 2027`` of months ``first_month``-``last_month`` of the workbook's year;
    ``masa_`` (the TMT jabatan, TMT masuk, TMT keluar and earlier jenjang cells of ``sp``'s sheet, :func:`own_dates`) runs it
    over the pegawai's own SKP period instead (RULES.md section 10)."""
    months, tahun = ctx.labels["cetak"]["bulan"], ctx.plan.tahun
    end_f = tampil.tanggal_formula(last_month, months, akhir=True)
    end_t = tampil.tanggal_teks(tampil.akhir_bulan(tahun, last_month), last_month, tahun, months)
    if masa_ is not None and sp is not None:
        tmt_, masuk, keluar, lama = masa_
        p_ = sp.pegawai
        return (f'{tampil.mulai_formula(masa.mulai_formula(tmt_, masuk, lama), months)}&" SD "&'
                f'{tampil.selesai_formula(keluar, months)}',
                f"{tampil.mulai_teks(masa.mulai(p_.tmt_jabatan, p_.tmt_masuk, p_.jenjang_sebelumnya), tahun, months)} SD "
                f"{tampil.selesai_teks(p_.tmt_keluar, tahun, months)}")
    return (f'{tampil.tanggal_formula(first_month, months)}&" SD "&{end_f}',
            f"{tampil.tanggal_teks(1, first_month, tahun, months)} SD {end_t}")


def own_dates(ctx: Context, src: Src) -> tuple[str, ...]:
    """The pegawai's TMT jabatan, TMT masuk, TMT keluar and earlier jenjang cells on their sheet (layout 5)."""
    c = ctx.g.identity_col("pegawai")
    return tuple(src.ref(ctx.g.identity(k), c) for k in ("tmt_jabatan", "tmt_masuk", "tmt_keluar", "jenjang_sebelumnya"))


def _who(sp: SheetPlan, block: str) -> Identitas:
    return {"pegawai": Identitas.of(sp.pegawai), "penilai": sp.penilai, "atasan": sp.atasan_penilai}[block]


def _row_label(ctx: Context, sp: SheetPlan, block: str, key: str) -> str:
    """An identity row's label in one block: NI PPPK and GOLONGAN for a PPPK (RULES.md section 9)."""
    lab = ctx.labels["cetak"]
    if _who(sp, block).pppk:
        return lab["identitas_rows_pppk"].get(key, lab["identitas_rows"][key])
    return lab["identitas_rows"][key]


def identity(ctx: Context, ws: Worksheet, r: int, g: Geometry, src: Src, blocks: tuple[str, ...],
              sp: SheetPlan, headings: dict[str, str] | None = None) -> int:
    """Identity blocks side by side (two) or stacked (three); returns the next free row."""
    s, lab = ctx.s, ctx.labels["cetak"]
    headings = headings or lab["identitas"]
    if len(blocks) == 2:
        spans = ((0, 1, 2, 3), (4, 4, 5, 7))
        for (l0, l1, v0, v1), block in zip(spans, blocks):
            label(ws, r, l0, v1, headings[block], s.header)
            for i, key in enumerate(ctx.cg.identity_keys, start=1):
                label(ws, r + i, l0, l1, _row_label(ctx, sp, block, key), s.label)
                link(ws, r + i, v0, v1, src, g.identity(key), g.identity_col(block), s.text)
        return r + len(ctx.cg.identity_keys) + 1
    for block in blocks:
        label(ws, r, 0, ctx.cg.last_col, headings[block], s.header)
        for i, key in enumerate(ctx.cg.identity_keys, start=1):
            label(ws, r + i, 0, 2, _row_label(ctx, sp, block, key), s.label)
            link(ws, r + i, 3, ctx.cg.last_col, src, g.identity(key), g.identity_col(block), s.text)
        r += len(ctx.cg.identity_keys) + 1
    return r


def _tempat_tanggal(ctx: Context, tanggal: tuple[str, str] | None) -> tuple[str, str]:
    """``Tempat, tanggal`` (dots while either is unknown): formula and text."""
    lab = ctx.labels["cetak"]
    dots_place, dots_date = text_literal(lab["tempat_kosong"]), text_literal(lab["tanggal_kosong"])
    date_f, date_t = tanggal if tanggal else (dots_date, lab["tanggal_kosong"])
    tempat = ctx.plan.settings.tempat or lab["tempat_kosong"]
    return f'=IF(TRIM(Tempat)="",{dots_place},TRIM(Tempat))&", "&{date_f}', f"{tempat}, {date_t}"


def _sign_block(ctx: Context, ws: Worksheet, r: int, c0: int, c1: int, g: Geometry, src: Src, block: str,
                sp: SheetPlan, place: tuple[str, str]) -> None:
    s, lab = ctx.s, ctx.labels["cetak"]
    ws.merge_range(r, c0, r, c1, "", s.sign)
    if place[0]:
        ws.write_formula(r, c0, place[0], s.sign, place[1])
    ws.merge_range(r + 1, c0, r + 1, c1, lab["ttd"][block], s.sign)
    ws.merge_range(r + 4, c0, r + 4, c1, "", s.sign_line)
    put(ws, r + 4, c0, src, g.identity("nama"), g.identity_col(block), s.sign_line)
    row, col = g.identity("nip"), g.identity_col(block)
    nip, shown = src.ref(row, col), src.text(row, col)
    prefix, _, suffix = lab["nip_pppk" if _who(sp, block).pppk else "nip"].partition("{nip}")
    ws.merge_range(r + 5, c0, r + 5, c1, "", s.sign)
    ws.write_formula(r + 5, c0, f'=IF({nip}="","",{text_literal(prefix)}&{nip}&{text_literal(suffix)})', s.sign,
                     f"{prefix}{shown}{suffix}" if shown else "")


def signatures(ctx: Context, ws: Worksheet, r: int, g: Geometry, src: Src, blocks: tuple[str, ...],
                sp: SheetPlan, tanggal: tuple[str, str] | None) -> None:
    """Signature blocks; the tempat and tanggal over the last one (the pejabat penilai's)."""
    last = ctx.cg.last_col
    spans = {1: ((4, last),), 2: ((0, 3), (4, last)), 3: ((0, 2), (3, 4), (5, last))}[len(blocks)]
    place = _tempat_tanggal(ctx, tanggal)
    for k, ((c0, c1), block) in enumerate(zip(spans, blocks)):
        _sign_block(ctx, ws, r, c0, c1, g, src, block, sp, place if k == len(blocks) - 1 else ("", ""))


def no(g: Geometry, i: int) -> str:
    return str(i + 1 if g.slot_is_utama(i) else i - g.n_utama + 1)


def table(ctx: Context, ws: Worksheet, first: int, heads: list[str], spans: list[tuple[int, int]],
           cells: Callable[[int, int, int, int], None]) -> None:
    """A HASIL KERJA table: the section and header rows above ``first``, A. UTAMA at ``first``, B. TAMBAHAN,
    and ``cells(out, slot, j, entry_row)`` filling each indikator row."""
    s, lab, g, cg = ctx.s, ctx.labels["cetak"], ctx.g, ctx.cg
    label(ws, first - 2, 0, cg.last_col, lab["hasil"], s.section)
    for (c0, c1), head in zip(spans, heads):
        label(ws, first - 1, c0, c1, head, s.header)
    label(ws, first, 0, cg.last_col, lab["utama"], s.label)
    label(ws, cg.tambahan_row(first), 0, cg.last_col, lab["tambahan"], s.label)
    for i, j, out in cg.slot_rows(first):
        cells(out, i, j, g.slot_row(i, j))



def result_row(ctx: Context, ws: Worksheet, r: int, key: str, src: Src, row: int, col: int,
                outside: tuple[str, bool] | None = None) -> None:
    """A labelled result (rating, predikat, angka kredit) of the pegawai's sheet; ``tidak dinilai`` where
    ``outside`` (a condition and its value) says the period lies outside the pegawai's own."""
    s, lab = ctx.s, ctx.labels["cetak"]
    label(ws, r, 0, 3, lab["evaluasi_rows"][key], s.label)
    formula, shown = number(src.ref(row, col), src.value(row, col), 2)
    if outside is not None:
        formula = f'IF({outside[0]},{text_literal(TIDAK_DINILAI.value)},{formula})'
        shown = TIDAK_DINILAI.value if outside[1] else shown
    text_cell(ws, r, 4, ctx.cg.last_col, "=" + formula, s.form_result if key == "predikat" else s.text, shown)


def outside(ctx: Context, src: Src, sp: SheetPlan, periode: int) -> tuple[str, bool]:
    """Whether period ``periode`` lies outside the pegawai's own SKP period (the ``masa`` cell of their sheet,
    :mod:`skpkit.rules.masa`): the condition as a formula, and its value now."""
    r, c = ctx.g.evaluasi_row("masa"), ctx.g.value_col(periode)
    return (f'{src.ref(r, c)}="{TIDAK_DINILAI.value}"', not ctx.results[sp.name].dinilai[periode - 1])
