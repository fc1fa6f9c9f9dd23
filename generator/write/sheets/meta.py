"""The hidden ``_skp`` sheet: layout version, period and slot counts, who is on which sheet with which
stable ids and choices, what was issued, and where each matriks block starts. Read by the reader."""

from __future__ import annotations

import json

from xlsxwriter.worksheet import Worksheet

from skpkit.plan import choice_label
from skpkit.plan import SheetPlan
from skpkit.generator.write.sheets.context import Context
from skpkit.generator.layout.xlwings import xlwings_version

__all__ = ["write", "PEGAWAI_COLUMNS"]

#: the columns of the pegawai table in ``_skp``, which the reader reads by header
PEGAWAI_COLUMNS = ["sheet", "nip", "nama", "jabatan", "jenis_jabatan", "jenjang", "pangkat", "unit", "nip_atasan",
                   "kurva_unit", "choices_sheet", "penilai_nip", "atasan_penilai_nip", "choices", "issued",
                   "pns_id", "golongan_id"]


def write(ctx: Context, ws: Worksheet) -> None:
    s, plan = ctx.s, ctx.plan
    rows = [("layout_version", str(ctx.layout["version"])), ("jenis_periode", plan.jenis_periode.value),
            ("n_periode", str(plan.jenis_periode.jumlah)), ("n_utama", str(plan.n_utama)),
            ("n_tambahan", str(plan.n_tambahan)), ("k", str(plan.k)), ("tahun", str(plan.tahun)),
            ("instansi", plan.instansi), ("engine", plan.engine), *sorted(plan.meta.items())]
    if plan.engine == "xlwings":
        rows.append(("xlwings_version", xlwings_version()))
    ws.write_string(0, 0, "kunci", s.label)
    ws.write_string(0, 1, "nilai", s.label)
    for i, (k, v) in enumerate(rows, start=1):
        ws.write_string(i, 0, k)
        ws.write_string(i, 1, v)
    r = len(rows) + 2
    ws.write_string(r, 0, "pegawai")
    for c, h in enumerate(PEGAWAI_COLUMNS):
        ws.write_string(r + 1, c, h)
    for k, sp in enumerate(plan.sheets, start=r + 2):
        p = sp.pegawai
        values = [sp.name, p.nip, p.nama, p.jabatan, p.jenis_jabatan.value, p.jenjang.value if p.jenjang else "",
                  p.pangkat, p.unit, p.nip_atasan, sp.kurva_unit, sp.choices_sheet or "", sp.penilai.nip,
                  sp.atasan_penilai.nip, "\n".join(choice_label(i, t) for i, t in sp.choices), _issued(sp),
                  p.pns_id, p.golongan_id]
        for c, v in enumerate(values):
            ws.write_string(k, c, v)
    r = r + 2 + len(plan.sheets) + 1
    ws.write_string(r, 0, "matriks")
    for k, (nip, mrow) in enumerate(ctx.matriks, start=r + 1):
        ws.write_string(k, 0, nip)
        ws.write_number(k, 1, mrow)


def _issued(sp: SheetPlan) -> str:
    """Ids of the RHK and indikator handed down from above (locked), for the reader."""
    return json.dumps({"rhk": [s.id for s in sp.slots if s.issued],
                       "indikator": [i.id for s in sp.slots for i in s.indikator if i.issued],
                       "ditetapkan": [s.id for s in sp.slots if s.ditetapkan]})
