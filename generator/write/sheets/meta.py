"""The hidden ``_skp`` sheet: layout version, period and slot counts, who is on which sheet with which
stable ids and choices, what was issued, and where each matriks block starts. Read by the reader."""

from __future__ import annotations

import json

from xlsxwriter.worksheet import Worksheet

from skpkit.plan import choice_label
from skpkit.plan import SheetPlan
from skpkit.generator.layout.tables import meta_rows
from skpkit.generator.write.sheets.context import Context
from skpkit.generator.layout.xlwings import xlwings_version

__all__ = ["write"]


def write(ctx: Context, ws: Worksheet) -> None:
    s, plan = ctx.s, ctx.plan
    facts = [("layout_version", str(ctx.layout["version"])), ("jenis_periode", plan.jenis_periode.value),
             ("n_periode", str(plan.jenis_periode.jumlah)), ("n_utama", str(plan.n_utama)),
             ("n_tambahan", str(plan.n_tambahan)), ("k", str(plan.k)), ("tahun", str(plan.tahun)),
             ("instansi", plan.instansi), ("engine", plan.engine), *sorted(plan.meta.items())]
    if plan.engine == "xlwings":
        facts.append(("xlwings_version", xlwings_version()))
    pegawai = []
    for sp in plan.sheets:
        p = sp.pegawai
        row = {"sheet": sp.name, "nip": p.nip, "nama": p.nama, "jabatan": p.jabatan,
               "jenis_jabatan": p.jenis_jabatan.value, "jenjang": p.jenjang.value if p.jenjang else "",
               "pangkat": p.pangkat, "unit": p.unit, "nip_atasan": p.nip_atasan, "kurva_unit": sp.kurva_unit,
               "choices_sheet": sp.choices_sheet or "", "penilai_nip": sp.penilai.nip,
               "atasan_penilai_nip": sp.atasan_penilai.nip,
               "choices": "\n".join(choice_label(i, t) for i, t in sp.choices), "issued": _issued(sp),
               "pns_id": p.pns_id, "golongan_id": p.golongan_id, "status": p.status}
        pegawai.append([row[c] for c in ctx.layout["meta"]["pegawai_columns"]])
    for r, values in enumerate(meta_rows(facts, pegawai, ctx.matriks, ctx.layout)):
        for c, v in enumerate(values):
            if isinstance(v, int):
                ws.write_number(r, c, v)
            elif r == 0:
                ws.write_string(r, c, v, s.label)
            else:
                ws.write_string(r, c, v)


def _issued(sp: SheetPlan) -> str:
    """Ids of the RHK and indikator handed down from above (locked), for the reader."""
    return json.dumps({"rhk": [s.id for s in sp.slots if s.issued],
                       "indikator": [i.id for s in sp.slots for i in s.indikator if i.issued],
                       "ditetapkan": [s.id for s in sp.slots if s.ditetapkan]})
