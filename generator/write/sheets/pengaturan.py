"""The ``Pengaturan`` sheet: every value a formula reads, each under a defined name.

Blocks sit where :class:`~skpkit.generator.layout.PengaturanGeometry` puts them; the reader
finds them by the same defined names.
"""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from skpkit import rules
from skpkit.model import Rating
from skpkit.generator.write.book import write_value
from skpkit.generator.layout import a1, quote_sheet
from skpkit.generator.write.sheets.context import Context

__all__ = ["write", "define"]


def define(ctx: Context, name: str, sheet: str, r0: int, c0: int, r1: int | None = None,
           c1: int | None = None) -> None:
    ref = a1(r0, c0, True) if r1 is None else f"{a1(r0, c0, True)}:{a1(r1, c1, True)}"
    ctx.wb.define_name(name, f"={quote_sheet(sheet)}{ref}")


def write(ctx: Context, ws: Worksheet) -> None:
    lay, lab, pg = ctx.layout["pengaturan"], ctx.labels["pengaturan"], ctx.pg
    s = ctx.s
    ws.set_column(0, 0, 58)
    ws.set_column(1, 30, 18)
    ws.set_landscape()
    ws.set_paper(ctx.paper)
    ws.fit_to_pages(1, 0)
    ws.write_string(0, 0, lab["title"], s.title)
    ws.write_string(1, 0, lab["subtitle"], s.subtitle)
    _scalars(ctx, ws)
    for list_name in lay["lists"]:
        _list(ctx, ws, list_name)
    _matrix(ctx, ws)
    if "ejaan" in lay:
        _ejaan(ctx, ws)
    _organisasi(ctx, ws)
    first = pg.block_row("scalars")
    ws.data_validation(first, 1, first + len(lay["scalars"]) - 1, 1, {
        "validate": "any", "input_title": lab["scalar_input_title"], "input_message": lab["scalar_input"]})


def _scalars(ctx: Context, ws: Worksheet) -> None:
    plan, s = ctx.plan, ctx.s
    values = {"instansi": plan.instansi, "tahun": plan.tahun, "jenis_periode": plan.jenis_periode.value,
              "jumlah_periode": plan.jenis_periode.jumlah, "bulan_per_periode": plan.jenis_periode.bulan}
    for sc in ctx.layout["pengaturan"]["scalars"]:
        row = ctx.pg.scalar_row(sc["field"])
        value = values[sc["field"]] if sc["field"] in values else getattr(plan.settings, sc["field"])
        ws.write_string(row, 0, ctx.labels["pengaturan"]["scalars"][sc["field"]], s.label)
        if sc["field"] == "tahun":
            fmt = s.input_int
        elif sc.get("input") and not isinstance(value, str):
            fmt = s.input_num
        else:
            fmt = s.input if sc.get("input") else s.computed
        write_value(ws, row, 1, value, fmt)
        define(ctx, sc["name"], ws.get_name(), row, 1)


def _list(ctx: Context, ws: Worksheet, list_name: str) -> None:
    """A list of labels (a defined name), with the tables keyed by it in the columns beside."""
    s, st = ctx.s, ctx.plan.settings
    row, members = ctx.pg.list_row(list_name), ctx.pg.list_members(list_name)
    tables = ctx.pg.tables_of(list_name)
    ws.write_string(row, 0, ctx.labels["pengaturan"]["lists"][list_name], s.section)
    if tables:
        ws.set_row(row, 30)
    for j, (t, _) in enumerate(tables, start=2):
        ws.write_string(row, j, ctx.labels["pengaturan"]["tables"][t], s.header)
    for i, m in enumerate(members, start=1):
        ws.write_string(row + i, 1, m.value, s.computed)
        for j, (_, spec) in enumerate(tables, start=2):
            v = getattr(st, spec["field"])[m]
            is_text = hasattr(v, "value") or isinstance(v, str)
            v = getattr(v, "value", v)
            write_value(ws, row + i, j, None if v == "" else v, s.input if is_text else s.input_num)
    name = ws.get_name()
    define(ctx, list_name, name, row + 1, 1, row + len(members), 1)
    for j, (t, spec) in enumerate(tables, start=2):
        define(ctx, t, name, row + 1, j, row + len(members), j)
        if spec["field"] == "rating_pimpinan":
            ws.data_validation(row + 1, j, row + len(members), j, {"validate": "list", "source": "=DaftarRating"})


def _matrix(ctx: Context, ws: Worksheet) -> None:
    """The predikat matrix of PermenPANRB 6/2022 (regulation: locked)."""
    s, row = ctx.s, ctx.pg.block_row("matrix")
    ws.write_string(row, 0, ctx.labels["pengaturan"]["matrix"], s.section)
    for j, r in enumerate(Rating):
        ws.write_string(row, 2 + j, r.value, s.header)
    for i, r in enumerate(Rating):
        ws.write_string(row + 1 + i, 1, r.value, s.header)
        for j, pred in enumerate(rules.PREDIKAT_MATRIX[i]):
            ws.write_string(row + 1 + i, 2 + j, pred.value, s.computed)
    define(ctx, ctx.layout["pengaturan"]["matrix_name"], ws.get_name(), row + 1, 2, row + len(Rating),
           1 + len(Rating))


def _ejaan(ctx: Context, ws: Worksheet) -> None:
    """The rating spellings the formulas accept (SIASN, e-Kinerja, SIMPEG), from the model's own list:
    a pasted ``DIATAS EKSPEKTASI`` or ``1`` counts as the rules count it."""
    s, pg, lab = ctx.s, ctx.pg, ctx.labels["pengaturan"]
    row = pg.block_row("ejaan")
    ws.write_string(row, 0, lab["ejaan"], s.section)
    for j, head in enumerate(lab["ejaan_headers"], start=1):
        ws.write_string(row + 1, j, head, s.header)
    for i, (spelling, member) in enumerate(pg.ejaan(), start=row + 2):
        ws.write_string(i, 1, spelling, s.computed)
        ws.write_string(i, 2, member.value, s.computed)
    for name, (_, r0, c0, r1, c1) in pg.ejaan_names(ws.get_name()).items():
        define(ctx, name, ws.get_name(), r0, c0, r1, c1)


def _organisasi(ctx: Context, ws: Worksheet) -> None:
    """Predikat kinerja organisasi per unit and period: set by the leader one level up."""
    s, plan, lab, lay = ctx.s, ctx.plan, ctx.labels["pengaturan"], ctx.layout["pengaturan"]
    n, row = plan.jenis_periode.jumlah, ctx.pg.block_row("organisasi")
    ws.write_string(row, 0, lab["organisasi"], s.section)
    ws.write_string(row + 1, 0, lab["unit"], s.header)
    for c in range(1, n + 2):
        ws.write_string(row + 1, c, plan.jenis_periode.nama(c) if c <= n else ctx.labels["tahunan"], s.header)
    for i, unit in enumerate(plan.units):
        r = row + 2 + i
        ws.write_string(r, 0, unit, s.label)
        for c in range(1, n + 2):
            write_value(ws, r, c, plan.organisasi.get((unit, c)), s.input)
    last = row + 1 + max(len(plan.units), 1)
    define(ctx, lay["units_name"], ws.get_name(), row + 2, 0, last, 0)
    define(ctx, lay["organisasi_name"], ws.get_name(), row + 2, 1, last, n + 1)
    ws.data_validation(row + 2, 1, last, n + 1, {
        "validate": "list", "source": "=DaftarOrganisasi",
        "input_title": lab["organisasi_input_title"], "input_message": lab["organisasi_input"]})
