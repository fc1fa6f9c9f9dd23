"""HASIL KERJA of a pegawai's sheet: the RHK slots with their indikator, per-period realisasi and
computed capaian and ratings, the intervensi choices, and the section's validations."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from skpkit.errors import MARK, Invalid
from skpkit.evaluasi import HasilPegawai
from skpkit.rules.indikator import cek_target
from skpkit.generator.write.book import write_formula, write_value
from skpkit.plan import CHOICE_SEP, choice_label
from skpkit.generator.layout import a1, quote_sheet
from skpkit.plan import INDIKATOR_FIELDS, PERIOD_FIELDS, RHKSlot, SheetPlan
from skpkit.generator.write.sheets.context import Context

__all__ = ["write", "validations", "conditional"]


def write(ctx: Context, ws: Worksheet, sp: SheetPlan) -> None:
    g, s, lab = ctx.g, ctx.s, ctx.labels["pegawai"]
    ws.write_string(g.hasil_title, 0, lab["hasil"], s.section)
    groups = {0: lab["columns"], -1: lab["hidden_columns"], None: lab["annual_columns"]}
    for c, spec, p in g.column_specs():
        ws.write_string(g.column_header, c, groups.get(p, lab["period_columns"])[spec["key"]], s.header)
    for p in g.periods():
        c0 = g.col("realisasi", p) if p else g.col("kumulatif", None)
        label = ctx.plan.jenis_periode.nama(p) if p else ctx.labels["tahunan"]
        ws.merge_range(g.group_header, c0, g.group_header, g.col("rating_rhk", p), label, s.header)
    ws.set_row(g.column_header, 36)
    ws.write_string(g.utama_label, 0, lab["utama"], s.section)
    if ctx.plan.n_tambahan:
        ws.write_string(g.tambahan_label, 0, lab["tambahan"], s.section)
    _choices(ctx, ws, sp)
    res = ctx.results[sp.name]
    for i, slot in enumerate(sp.slots):
        _slot(ctx, ws, sp, i, slot, res)


def _choices(ctx: Context, ws: Worksheet, sp: SheetPlan) -> None:
    """The superior's RHK as the intervensi list, in hidden columns: live or as issued."""
    g, s = ctx.g, ctx.s
    cid, clabel = g.col("pilihan_id"), g.col("pilihan_label")
    for i in range(g.n_slots):
        r = g.slot_row(0) + i
        if sp.choices_sheet:
            sup = quote_sheet(sp.choices_sheet)
            id_ref = f"{sup}{a1(g.slot_row(i), g.col('id_rhk'), True)}"
            text_ref = f"{sup}{a1(g.slot_row(i), g.col('rhk'), True)}"
            known = ctx.plan.sheet_choice(sp.choices_sheet, i)
            ws.write_formula(r, cid, f'=IF({text_ref}="","",{id_ref})', s.hidden, known[0] if known[1] else "")
            ws.write_formula(r, clabel, f'=IF({text_ref}="","",{id_ref}&"{CHOICE_SEP}"&{text_ref})',
                             s.hidden, choice_label(*known) if known[1] else "")
        elif i < len(sp.choices):
            ws.write_string(r, cid, sp.choices[i][0], s.hidden)
            ws.write_string(r, clabel, choice_label(*sp.choices[i]), s.hidden)


def _slot(ctx: Context, ws: Worksheet, sp: SheetPlan, i: int, slot: RHKSlot, res: HasilPegawai) -> None:
    g, s = ctx.g, ctx.s
    r0, last = g.slot_row(i), g.slot_row(i, g.k - 1)
    ws.write_string(r0, g.col("id_rhk"), slot.id, s.hidden)
    ws.write_string(r0, g.col("jenis"), slot.jenis.value, s.hidden)
    fmt = s.issued if slot.issued else s.input
    # one RHK spans its indikator rows: merged, the value in the top-left cell
    for col in (g.col("no"), g.col("intervensi"), g.col("rhk")):
        ws.merge_range(r0, col, last, col, "", s.text if col == g.col("no") else fmt)
    ws.write_string(r0, g.col("no"), str(i + 1 if g.slot_is_utama(i) else i - g.n_utama + 1), s.text)
    label = ctx.plan.intervensi_label(sp, sp.rhk_value(slot, "intervensi") or "")
    write_value(ws, r0, g.col("intervensi"), label or None, fmt)
    write_value(ws, r0, g.col("rhk"), sp.rhk_value(slot, "rhk") or None, fmt)
    for j, ind in enumerate(slot.indikator):
        _indikator(ctx, ws, sp, i, j, ind, res)
    for p in g.periods():
        hp = res.tahunan if p is None else res.periode[p - 1]
        ceks = f"{a1(r0, g.col('cek', p))}:{a1(last, g.col('cek', p))}"
        rts = f"{a1(r0, g.col('rating_indikator', p))}:{a1(last, g.col('rating_indikator', p))}"
        write_formula(ws, r0, g.col("status_rhk", p), ctx.engine.status_rhk(ceks, rts), s.hidden,
                      _status_value(hp.indikator[i], hp.rhk[i]))
        ws.merge_range(r0, g.col("rating_rhk", p), last, g.col("rating_rhk", p), "", s.computed)
        write_formula(ws, r0, g.col("rating_rhk", p),
                      ctx.engine.rating_rhk(a1(r0, g.col("status_rhk", p)), ceks, rts), s.computed, hp.rhk[i])


def _indikator(ctx: Context, ws: Worksheet, sp: SheetPlan, i: int, j: int, ind, res: HasilPegawai) -> None:
    g, s, eng = ctx.g, ctx.s, ctx.engine
    r = g.slot_row(i, j)
    ws.write_string(r, g.col("id_indikator"), ind.id, s.hidden)
    for field in INDIKATOR_FIELDS:
        v = sp.indikator_value(ind, field)
        num = field.startswith("target")
        fmt = (s.issued_num if num else s.issued) if ind.issued else (s.input_num if num else s.input)
        write_value(ws, r, g.col(field), v if v != "" else None, fmt)
    ref = {f: a1(r, g.col(f)) for f in ("indikator", "target_min", "target_max", "arah", "agregasi")}
    cek_baris = a1(r, g.col("cek_baris"))
    ws.write_formula(r, g.col("cek_baris"), eng.cek_baris(ref["target_min"], ref["target_max"], ref["arah"],
                                                          ref["agregasi"]), s.hidden, _cek_baris_value(sp, ind))
    for p in g.periods():
        hi = (res.tahunan if p is None else res.periode[p - 1]).indikator[i][j]
        real = [a1(r, g.col("realisasi", q)) for q in range(1, (p or g.n_periode) + 1)]
        if p is not None:
            for field in PERIOD_FIELDS:
                write_value(ws, r, g.col(field, p), sp.isian.get(ind.id, field, p),
                            s.input_num if field == "realisasi" else s.input)
        kum, cek = a1(r, g.col("kumulatif", p)), a1(r, g.col("cek", p))
        write_formula(ws, r, g.col("kumulatif", p), eng.kumulatif(real, ref["agregasi"], ref["indikator"],
                                                                  ref["target_min"], ref["target_max"], cek_baris, p),
                      s.computed if p is None else s.hidden, hi.realisasi if hi else None)
        write_formula(ws, r, g.col("cek", p), eng.cek(ref["indikator"], ref["target_min"], ref["target_max"],
                                                      cek_baris, real, kum, p), s.hidden, _cek_value(hi))
        args = (cek, kum, ref["target_min"], ref["target_max"], ref["arah"], ref["agregasi"], p, g.awal_ref)
        write_formula(ws, r, g.col("capaian", p), eng.capaian(*args), s.pct, hi.capaian if hi else None)
        write_formula(ws, r, g.col("rating_indikator", p), eng.rating_indikator(*args), s.computed,
                      hi.rating if hi else None)


def validations(ctx: Context, ws: Worksheet) -> None:
    g, val = ctx.g, ctx.labels["pegawai"]["validasi"]
    first, last = g.slot_row(0), g.hasil_end

    def rule(r0: int, c0: int, r1: int, c1: int, key: str, spec: dict, **fmt) -> None:
        title, message, error = val[key]
        ws.data_validation(r0, c0, r1, c1, {**spec, "input_title": title, "input_message": message.format(**fmt),
                                            "error_title": fmt.get("error_title", title), "error_message": error})

    for field, source in (("aspek", "DaftarAspek"), ("arah", "DaftarArah"), ("agregasi", "DaftarAgregasi")):
        rule(first, g.col(field), last, g.col(field), field, {"validate": "list", "source": f"={source}"})
    number = {"validate": "decimal", "criteria": ">=", "value": 0}
    for field in ("target_min", "target_max"):
        rule(first, g.col(field), last, g.col(field), "target", number)
    choices = (f"={a1(g.slot_row(0), g.col('pilihan_label'), True)}:"
               f"{a1(g.slot_row(0) + g.n_slots - 1, g.col('pilihan_label'), True)}")
    rule(first, g.col("intervensi"), last, g.col("intervensi"), "intervensi", {"validate": "list", "source": choices})
    rating = {"validate": "list", "source": "=DaftarRating"}
    for p in range(1, g.n_periode + 1):
        c = g.col("realisasi", p)
        rule(first, c, last, c, "realisasi", number, periode=ctx.plan.jenis_periode.nama(p))
        rc = g.value_col(p)
        rule(g.perilaku_row(0), rc, g.perilaku_row(6), rc, "perilaku", rating, error_title=val["error_title_rating"])
    for p in g.periods():
        for key in ("hasil_penilai", "perilaku_penilai"):
            r, c = g.evaluasi_row(key), g.value_col(p)
            rule(r, c, r, c, "penilai", rating, error_title=val["error_title_rating"])


def conditional(ctx: Context, ws: Worksheet) -> None:
    g, s = ctx.g, ctx.s
    first, last = g.slot_row(0), g.last_row
    ws.conditional_format(first, 0, last, g.last_visible_col, {
        "type": "text", "criteria": "begins with", "value": MARK, "format": s.error})
    for label, fmt in s.colors.items():
        ws.conditional_format(first, g.col("realisasi", 1), last, g.last_visible_col, {
            "type": "cell", "criteria": "==", "value": f'"{label}"', "format": fmt})


def _cek_value(hi) -> str:
    if hi is None:
        return ""
    return hi.capaian.reason if isinstance(hi.capaian, Invalid) else "ok"


def _cek_baris_value(sp: SheetPlan, ind) -> str:
    """What the row check shows: the reason of the period-independent checks, or 'ok'."""
    row = cek_target(*(sp.indikator_value(ind, f) for f in ("target_min", "target_max", "arah", "agregasi")))
    return "ok" if row is None else row.reason


def _status_value(rows, rhk) -> str:
    if all(r is None for r in rows):
        return ""
    if isinstance(rhk, Invalid):
        return "galat"
    return "belum" if rhk is None else "lengkap"
