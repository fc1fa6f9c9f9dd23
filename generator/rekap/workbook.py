"""The rekap workbook a unit secretary reports from: Rekap Pegawai, Rekap Unit (with a chart),
Angka Kredit, Belum Lengkap and Masalah."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import xlsxwriter

from skpkit.model import Predikat
from skpkit.generator.files import atomic_target, release_zips
from skpkit.generator.layout.outputs import REKAP_AK, REKAP_MARK
from skpkit.generator.rekap.merge import RULE_SLOTS, Rekap
from skpkit.generator.rekap.tables import ak_data, ak_table, belum_table, masalah_table, pegawai_table, texts, unit_table

__all__ = ["write_rekap"]

#: the columns of angka kredit, shown with two decimals
_AK_KEYS = ("angka_kredit", "periode_", "jumlah", "tahunan", "ak_", "kumulatif_", "kurang_")


def _table(wb, ws, columns: list[tuple[str, str]], records: Iterable[dict], fmt: dict,
           widths: dict | None = None, ak: bool = False) -> None:
    """A header row and one row per record, written in row order (the workbook streams rows to disk)."""
    for c, (_, label) in enumerate(columns):
        ws.set_column(c, c, (widths or {}).get(columns[c][0], 16))
    for c, (_, label) in enumerate(columns):
        ws.write_string(0, c, label, fmt["header"])
    r = 0
    for r, rec in enumerate(records, start=1):
        for c, (key, _) in enumerate(columns):
            v = rec.get(key)
            if v is None or v == "":
                ws.write_blank(r, c, None, fmt["cell"])
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                ws.write_number(r, c, v, fmt["ak"] if key == "angka_kredit" or ak and key.startswith(_AK_KEYS)
                                else fmt["cell"])
            else:
                ws.write_string(r, c, str(v), fmt["text"] if key in ("nip", "penilai_nip") else fmt["cell"])
    ws.freeze_panes(1, 2 if len(columns) > 4 else 0)
    ws.autofilter(0, 0, max(r, 1), len(columns) - 1)
    ws.protect("", {"autofilter": True, "sort": True, "format_columns": True, "select_locked_cells": True})
    # printed at its own size (9 pt) in landscape: the columns run over as many pages as they need, each
    # with the header row and, on a table of pegawai, the NIP and the name repeated at its left; pages
    # go across before down, so one band of rows is complete before the next
    ws.set_landscape()
    ws.set_paper(9)
    ws.repeat_rows(0)
    keys = [key for key, _ in columns]
    if "nip" in keys and "nama" in keys:
        ws.repeat_columns(0, max(keys.index("nip"), keys.index("nama")))
    ws.print_across()



def write_rekap(rekap: Rekap, out: Path) -> Path:
    """The rekap workbook: Rekap Pegawai, Rekap Unit (with a chart), Angka Kredit, Belum Lengkap, Masalah."""
    with atomic_target(out) as tmp:
        # constant_memory: each row goes to disk as it is written, so memory stays flat in the rows
        wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False,
                                            "strings_to_numbers": False, "constant_memory": True})
        base = {"font_name": "Arial", "font_size": 9, "border": 1, "valign": "top"}
        fmt = {"header": wb.add_format({**base, "bold": True, "bg_color": "#1F4E78", "font_color": "#FFFFFF",
                                        "text_wrap": True}),
               "cell": wb.add_format(base), "text": wb.add_format({**base, "num_format": "@"}),
               "ak": wb.add_format({**base, "num_format": "0.00"})}
        sheets = texts()["sheets"]
        ws = wb.add_worksheet(sheets["pegawai"])
        _table(wb, ws, *pegawai_table(rekap), fmt,
               {"nip": 21, "nama": 28, "unit": 28, "jabatan": 30, "penilai_nama": 26, "penilai_nip": 21,
                "file": 30})
        cols, records = unit_table(rekap)
        wu = wb.add_worksheet(sheets["unit"])
        _table(wb, wu, cols, records, fmt, {"unit": 30, **{f"aturan_{k}": 34 for k in range(RULE_SLOTS)}})
        _chart(wb, wu, rekap, records, fmt)
        _table(wb, wb.add_worksheet(sheets["ak"]), *ak_table(rekap), fmt, {"nip": 21, "nama": 28, "unit": 28}, ak=True)
        _table(wb, wb.add_worksheet(sheets["belum"]), *belum_table(rekap), fmt,
               {"nip": 21, "nama": 28, "unit": 28, "apa": 48, "file": 30})
        _table(wb, wb.add_worksheet(sheets["masalah"]), *masalah_table(rekap), fmt,
               {"file": 34, "what": 60, "todo": 50})
        data = wb.add_worksheet(REKAP_AK)  # by stable key, for the angka kredit documents (skp print --form ak)
        _table(wb, data, *ak_data(rekap), fmt)
        data.hide()
        mark = wb.add_worksheet(REKAP_MARK[0])  # known again by content: never read back as an input
        mark.write_string(0, 0, REKAP_MARK[1])
        mark.hide()
        try:
            wb.close()
        except BaseException as e:  # a full disk: XlsxWriter leaves its zip open (Windows keeps it locked)
            release_zips(e)
            raise
    return out


def _chart(wb, ws, rekap: Rekap, records: list[dict], fmt: dict) -> None:
    """Clustered bars: per unit, the count per predikat, for the latest period with predikat.

    The rows of one period are not next to each other in the table (it is sorted by unit, then period),
    so the chart reads a block of its own below the table: the period's name, then one row per unit with
    its count per predikat; one series per predikat over that block.
    """
    with_data = [u.periode for u in rekap.units if u.n]
    if not with_data:
        return
    latest = max(with_data, key=lambda p: p or rekap.n_periode + 1)
    units = [u for u in rekap.units if u.periode == latest]
    label = units[0].periode_nama
    top = len(records) + 3  # the table, a blank row, then the block
    chart_text = texts()["chart"]
    ws.write_string(top, 0, chart_text["data"].format(periode=label), fmt["header"])
    for k, p in enumerate(Predikat, start=1):
        ws.write_string(top, k, p.value, fmt["header"])
    for i, u in enumerate(units, start=top + 1):
        ws.write_string(i, 0, u.unit, fmt["cell"])
        for k, p in enumerate(Predikat, start=1):
            ws.write_number(i, k, u.jumlah[p], fmt["cell"])
    first, last = top + 1, top + len(units)
    chart = wb.add_chart({"type": "bar"})
    name = ws.get_name()
    for k, p in enumerate(Predikat, start=1):
        chart.add_series({"name": [name, top, k], "categories": [name, first, 0, last, 0],
                          "values": [name, first, k, last, k]})
    chart.set_title({"name": chart_text["title"].format(periode=label), "name_font": {"size": 10}})
    chart.set_x_axis({"name": chart_text["x"]})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 720, "height": 120 + 40 * len(units)})
    ws.insert_chart(last + 2, 0, chart)
