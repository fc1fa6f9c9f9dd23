"""The baselines: what the bare libraries do for the same work, in a plain loop."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import xlsxwriter
from python_calamine import CalamineWorkbook


def capture(path: Path) -> dict:
    """Everything a generated workbook holds that a writer must produce: cell values and formulas with
    their formats, merges, validations, column widths, defined names, protection (read with openpyxl)."""
    wb = openpyxl.load_workbook(path)
    sheets = []
    for ws in wb.worksheets:
        cells = []
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and not c.has_style:
                    continue
                fill = c.fill.fgColor.rgb if c.fill and c.fill.fill_type == "solid" else None
                style = (fill if isinstance(fill, str) else None, bool(c.protection.locked), c.number_format,
                         bool(c.font.bold))
                cells.append((c.row - 1, c.column - 1, c.value, style))
        validations = [(str(dv.sqref), dv.type, dv.formula1, dv.prompt, dv.error) for dv in ws.data_validations.dataValidation]
        widths = {k: d.width for k, d in ws.column_dimensions.items() if d.width}
        sheets.append({"name": ws.title, "cells": cells, "merges": [str(m) for m in ws.merged_cells.ranges],
                       "validations": validations, "widths": widths})
    names = [(n, dn.attr_text) for n, dn in wb.defined_names.items()]
    return {"sheets": sheets, "names": names}


def replay(shape: dict, path: Path) -> None:
    """Write ``shape`` with XlsxWriter, cell by cell."""
    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False,
                                         "strings_to_urls": False})
    formats: dict = {}

    def fmt(style):
        if style not in formats:
            fill, locked, num, bold = style
            props = {"locked": locked, "num_format": num, "bold": bold, "border": 1, "text_wrap": True}
            if fill and len(fill) == 8:
                props["bg_color"] = "#" + fill[2:]
            formats[style] = wb.add_format(props)
        return formats[style]

    for sh in shape["sheets"]:
        ws = wb.add_worksheet(sh["name"])
        for col, width in sh["widths"].items():
            idx = openpyxl.utils.column_index_from_string(col) - 1
            ws.set_column(idx, idx, width)
        for rng in sh["merges"]:
            ws.merge_range(rng, "", None)
        for r, c, v, style in sh["cells"]:
            f = fmt(style)
            if isinstance(v, str) and v.startswith("="):
                ws.write_formula(r, c, v, f, "")
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                ws.write_number(r, c, v, f)
            elif v is None:
                ws.write_blank(r, c, None, f)
            else:
                ws.write_string(r, c, str(v), f)
        for sqref, kind, formula1, prompt, error in sh["validations"]:
            first = sqref.split()[0]
            opts = {"validate": {"list": "list", "decimal": "decimal"}.get(kind, "any")}
            if opts["validate"] == "list":
                opts["source"] = "=" + formula1 if formula1 and not formula1.startswith("=") else formula1
            elif opts["validate"] == "decimal":
                opts.update({"criteria": ">=", "value": 0})
            if prompt:
                opts["input_message"] = prompt[:255]
            ws.data_validation(first, opts)
        ws.protect("")
    for name, ref in shape["names"]:
        wb.define_name(name, "=" + ref)
    wb.close()


def read_all(path: Path) -> int:
    """Read every sheet's values with python-calamine; return how many cells."""
    wb = CalamineWorkbook.from_path(str(path))
    n = 0
    for name in wb.sheet_names:
        rows = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
        n += sum(len(r) for r in rows)
    return n
