"""PERILAKU KERJA (BerAKHLAK ratings per period) and EVALUASI KINERJA (ratings, predikat and angka
kredit per period and for the year) of a pegawai's sheet."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from skpkit.rules import ak, masa
from skpkit.isian import IsianPerilakuSKP
from skpkit.model import BERAKHLAK, JenisJabatan, Rating
from skpkit.generator.write.book import write_formula, write_value
from skpkit.plan import posisi_cells
from skpkit.rules.formula import text_literal
from skpkit.generator.layout import a1
from skpkit.plan import TAHUNAN, SheetPlan
from skpkit.generator.write.sheets.context import Context

__all__ = ["write_perilaku", "write"]


def write_perilaku(ctx: Context, ws: Worksheet, sp: SheetPlan) -> None:
    g, s, pl = ctx.g, ctx.s, ctx.layout["pegawai"]["perilaku"]
    lab = ctx.labels["pegawai"]
    head = lab["perilaku_headers"]
    ws.write_string(g.perilaku_title, 0, lab["perilaku"], s.section)
    h = g.perilaku_header
    ws.write_string(h, 0, head["no"], s.header)
    ws.write_string(h, g.col(pl["nilai_column"]), head["nilai"], s.header)
    pc = [g.col(c) for c in pl["panduan_columns"]]
    ec = [g.col(c) for c in pl["ekspektasi_columns"]]
    ws.merge_range(h, pc[0], h, pc[1], head["panduan"], s.header)
    ws.merge_range(h, ec[0], h, ec[1], head["ekspektasi"], s.header)
    for p in range(1, g.n_periode + 1):
        ws.write_string(h, g.col(pl["rating_column"], p), head["rating"].format(
            periode=ctx.plan.jenis_periode.nama(p)), s.header)
        ws.write_string(h, g.col(pl["umpan_balik_column"], p), head["umpan_balik"], s.header)
    for i, (nilai, panduan) in enumerate(BERAKHLAK):
        r = g.perilaku_row(i)
        ws.set_row(r, 48)
        ws.write_string(r, 0, str(i + 1), s.text)
        ws.write_string(r, g.col(pl["nilai_column"]), nilai, s.label)
        ws.merge_range(r, pc[0], r, pc[1], "", s.text)
        ws.write_string(r, pc[0], "• " + panduan.replace("; ", "\n• "), s.text)
        row = sp.isian.perilaku.get(i, IsianPerilakuSKP())
        ws.merge_range(r, ec[0], r, ec[1], "", s.input)
        write_value(ws, r, ec[0], row.ekspektasi, s.input)
        for p in range(1, g.n_periode + 1):
            write_value(ws, r, g.col(pl["rating_column"], p), row.rating.get(p), s.input)
            write_value(ws, r, g.col(pl["umpan_balik_column"], p), row.umpan_balik.get(p), s.input)


def write(ctx: Context, ws: Worksheet, sp: SheetPlan) -> None:
    g, s = ctx.g, ctx.s
    ev, lab = ctx.layout["pegawai"]["evaluasi"], ctx.labels["pegawai"]
    lc = [g.col(c) for c in ev["label_columns"]]
    ws.write_string(g.evaluasi_title, 0, lab["evaluasi"], s.section)
    ws.merge_range(g.evaluasi_header, lc[0], g.evaluasi_header, lc[1], "", s.header)
    for p in g.periods():
        ws.write_string(g.evaluasi_header, g.value_col(p),
                        ctx.plan.jenis_periode.nama(p) if p else ctx.labels["tahunan"], s.header)
    for row in ev["rows"]:
        r = g.evaluasi_row(row["key"])
        ws.merge_range(r, lc[0], r, lc[1], lab["evaluasi_rows"][row["key"]], s.label)
    for p in g.periods():
        _period(ctx, ws, sp, p)
    r, n = g.jumlah_ak_row, g.n_periode
    ws.merge_range(r, lc[0], r, lc[1], lab["jumlah_ak"], s.label)
    if sp.pegawai.is_fungsional:
        cells = [a1(g.evaluasi_row("angka_kredit"), g.value_col(q)) for q in range(1, n + 1)]
        write_formula(ws, r, g.value_col(None), ctx.engine.jumlah(cells), s.ak,
                      ctx.results[sp.name].angka_kredit_periode)
    else:
        ws.write_string(r, g.value_col(None), lab["tidak_berlaku"], s.computed)
    if "ak_posisi" in ctx.layout["pegawai"]:
        _posisi(ctx, ws, sp)


def _posisi(ctx: Context, ws: Worksheet, sp: SheetPlan) -> None:
    """The angka kredit after the year (skpkit.ak.posisi_ak): cumulative with the AK carried in, the
    shortfall for the next pangkat and jenjang, and the other conditions of kenaikan jenjang to verify."""
    g, s, eng, lab = ctx.g, ctx.s, ctx.engine, ctx.labels["pegawai"]
    lc = [g.col(c) for c in ctx.layout["pegawai"]["evaluasi"]["label_columns"]]
    c = g.value_col(None)
    keys = ctx.layout["pegawai"]["ak_posisi"]
    for key in keys:
        r = g.ak_posisi_row(key)
        ws.merge_range(r, lc[0], r, lc[1], lab["ak_posisi"][key], s.label)
        if not sp.pegawai.is_fungsional:
            ws.write_string(r, c, lab["tidak_berlaku"], s.computed)
    if not sp.pegawai.is_fungsional:
        return
    col = g.identity_col("pegawai")
    awal_p, awal_j = (a1(g.identity(k), col, True) for k in ("ak_awal_pangkat", "ak_awal_jenjang"))
    jenjang = a1(g.identity("jenjang"), col, True)
    ak_tahun = a1(g.evaluasi_row("angka_kredit"), c)
    top = lab["tidak_berlaku"]
    cached = posisi_cells(ctx.results[sp.name].posisi_ak, top)
    cell = {k: a1(g.ak_posisi_row(k), c) for k in keys}
    formulas = {
        "ak_kumulatif_pangkat": eng.ak_kumulatif(ak_tahun, awal_p, awal_j),
        "kurang_pangkat": eng.ak_kurang_pangkat(cell["ak_kumulatif_pangkat"], jenjang,
                                                a1(g.identity("pangkat"), col, True), top),
        "ak_kumulatif_jenjang": eng.ak_kumulatif(ak_tahun, awal_j, awal_p),
        "kurang_jenjang": eng.ak_kurang(cell["ak_kumulatif_jenjang"], jenjang, "AKJenjang", top),
    }
    if sp.pegawai.is_pppk:  # a golongan, not a pangkat: AK toward the next jenjang only (RULES.md section 9)
        formulas["ak_kumulatif_pangkat"] = formulas["kurang_pangkat"] = "=" + text_literal(top)
    if g.has_masa:  # no annual AK outside the pegawai's period: no position after it either
        flag = a1(g.evaluasi_row("masa"), c)
        formulas = {k: masa.gate_formula(flag, v) for k, v in formulas.items()}
    for key, text in formulas.items():
        write_formula(ws, g.ak_posisi_row(key), c, text, s.ak, cached[key])
    syarat = ak.syarat_kenaikan_jenjang(sp.pegawai.jenjang) if sp.pegawai.jenjang else ()
    ws.write_string(g.ak_posisi_row("syarat_jenjang"), c, "; ".join(syarat) or lab["puncak_jenjang"], s.computed)


def _masa(ctx: Context, ws: Worksheet, sp: SheetPlan, p: int | None) -> str | None:
    """The period's ``masa`` cell (dinilai / tidak dinilai, RULES.md sections 8 and 10); for the year, the last
    period's. Its reference, or ``None`` in a layout without it."""
    g, s = ctx.g, ctx.s
    if not g.has_masa:
        return None
    r, c, n = g.evaluasi_row("masa"), g.value_col(p), g.n_periode
    res = ctx.results[sp.name]
    ref = _dates(g)
    if p is None:
        write_formula(ws, r, c, "=" + a1(r, g.value_col(n)), s.computed, masa_value(res.dinilai[n]))
        ws.write_formula(r, g.col("skor_1"), masa.awal_formula(ref["tmt_jabatan"], ref["tmt_masuk"],
                                                               ref["jenjang_sebelumnya"]), s.hidden, res.awal)
    else:
        write_formula(ws, r, c, masa.dinilai_formula(ref["tmt_jabatan"], ref["tmt_masuk"], ref["tmt_keluar"], p,
                                                     ref["jenjang_sebelumnya"]),
                      s.computed, masa_value(res.dinilai[p - 1]))
    return a1(r, c)


def _dates(g) -> dict[str, str]:
    """The identity cells the pegawai's own period and AK months are read from (absolute)."""
    keys = ("tmt_jabatan", "tmt_masuk", "tmt_keluar", "jenjang_sebelumnya")
    return {k: a1(g.identity(k), g.identity_col("pegawai"), True) for k in keys if k in g.identity_keys()}


def masa_value(dinilai: bool) -> str:
    return (masa.Masa.DINILAI if dinilai else masa.Masa.TIDAK_DINILAI).value


def _period(ctx: Context, ws: Worksheet, sp: SheetPlan, p: int | None) -> None:
    """One column of EVALUASI: period ``p`` (``None``: the year)."""
    g, s, eng, plan = ctx.g, ctx.s, ctx.engine, ctx.plan
    res = ctx.results[sp.name]
    hp = res.tahunan if p is None else res.periode[p - 1]
    n, c = g.n_periode, g.value_col(p)
    unit_ref = a1(g.identity("unit"), g.identity_col("pegawai"), True)
    jenjang_ref = a1(g.identity("jenjang"), g.identity_col("pegawai"), True)
    flag = _masa(ctx, ws, sp, p)

    def cell(key: str) -> str:
        return a1(g.evaluasi_row(key), c)

    def gated(text: str) -> str:
        return text if flag is None else masa.gate_formula(flag, text)

    col_org = p if p is not None else n + 1
    write_formula(ws, g.evaluasi_row("organisasi"), c, eng.organisasi(unit_ref, col_org), s.computed,
                  plan.organisasi.get((sp.pegawai.unit, col_org)))
    if sp.pegawai.jenis_jabatan is JenisJabatan.JPT:
        saran = eng.hasil_pimpinan(cell("organisasi"))
    else:
        ut, tb = g.utama_rows(), g.tambahan_rows()

        def rng(key: str, rows: tuple[int, int]) -> str:
            return f"{a1(rows[0], g.col(key, p))}:{a1(rows[1], g.col(key, p))}"

        saran = eng.hasil_saran(rng("status_rhk", ut), rng("rating_rhk", ut),
                                rng("status_rhk", tb) if tb else None, rng("rating_rhk", tb) if tb else None)
    write_formula(ws, g.evaluasi_row("hasil_saran"), c, gated(saran), s.computed, hp.hasil_saran)
    key = TAHUNAN if p is None else p
    write_value(ws, g.evaluasi_row("hasil_penilai"), c, sp.isian.hasil_penilai.get(key), s.input)
    write_formula(ws, g.evaluasi_row("hasil"), c, gated(eng.final(cell("hasil_penilai"), cell("hasil_saran"))),
                  s.computed, hp.hasil)
    rp = g.evaluasi_row("perilaku_saran")
    if p is None:
        finals = [a1(g.evaluasi_row("perilaku"), g.value_col(q)) for q in range(1, n + 1)]
        skor = [g.col(f"skor_{k}") for k in (1, 2, 3)]
        periodic = [x.perilaku for x in res.periode]
        for k, rating in zip(skor, Rating):
            hits = [i for i, v in enumerate(periodic, 1) if v is rating]
            ws.write_formula(rp, k, eng.perilaku_skor(finals, rating.value), s.hidden,
                             len(hits) * 1000 + max(hits, default=0))
        write_formula(ws, rp, c, gated(eng.perilaku_tahunan(f"{a1(rp, skor[0])}:{a1(rp, skor[-1])}", finals[-1])),
                      s.computed, hp.perilaku_saran)
    else:
        col = g.col(ctx.layout["pegawai"]["perilaku"]["rating_column"], p)
        cells = [a1(g.perilaku_row(i), col) for i in range(len(BERAKHLAK))]
        write_formula(ws, rp, c, gated(eng.perilaku_saran(cells, f"{cells[0]}:{cells[-1]}")), s.computed,
                      hp.perilaku_saran)
    write_value(ws, g.evaluasi_row("perilaku_penilai"), c, sp.isian.perilaku_penilai.get(key), s.input)
    write_formula(ws, g.evaluasi_row("perilaku"), c,
                  gated(eng.final(cell("perilaku_penilai"), cell("perilaku_saran"))), s.computed, hp.perilaku)
    write_formula(ws, g.evaluasi_row("predikat"), c, gated(eng.predikat(cell("hasil"), cell("perilaku"))), s.computed,
                  hp.predikat)
    if sp.pegawai.is_fungsional:
        ref = _dates(g)
        lama = ak_lama = None
        if g.has_masa:  # the months in a jenjang held before the TMT (a kenaikan jenjang in the year), hidden
            rb = g.evaluasi_row("bulan_ak")
            lama, ak_lama = a1(rb, g.col("cek", p)), ref["jenjang_sebelumnya"]
            ws.write_formula(rb, g.col("cek", p), eng.bulan_lama(ref["tmt_jabatan"], p, ref["tmt_masuk"],
                                                                 ref["tmt_keluar"], ak_lama), s.hidden,
                             res.bulan_lama[n if p is None else p - 1])
        bulan = (eng.bulan_ak(ref["tmt_jabatan"], p, ref["tmt_masuk"], ref["tmt_keluar"], lama) if g.has_masa
                 else eng.bulan_ak(ref["tmt_jabatan"], p))
        write_formula(ws, g.evaluasi_row("bulan_ak"), c, gated(bulan), s.computed, hp.bulan_ak)
        write_formula(ws, g.evaluasi_row("angka_kredit"), c,
                      gated(eng.angka_kredit(cell("predikat"), jenjang_ref, cell("bulan_ak"), ak_lama, lama)), s.ak,
                      hp.angka_kredit)
    else:
        for key in ("bulan_ak", "angka_kredit"):
            ws.write_string(g.evaluasi_row(key), c, ctx.labels["pegawai"]["tidak_berlaku"], s.computed)
