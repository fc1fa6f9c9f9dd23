"""The rekap's chart plots the period it names, one series per predikat, from the right rows (issue 12)."""

from __future__ import annotations

import re
import zipfile

import skpkit
from python_calamine import CalamineWorkbook
from skpkit.model import Predikat
from xlsxwriter.utility import xl_cell_to_rowcol


def _refs(xml: str, tag: str) -> list[str]:
    return re.findall(rf"<c:{tag}>.*?<c:f>([^<]+)</c:f>", xml, re.S)


def _cells(ref: str) -> list[tuple[int, int]]:
    a, _, b = ref.split("!")[1].replace("$", "").partition(":")
    (r0, c0), (r1, c1) = xl_cell_to_rowcol(a), xl_cell_to_rowcol(b or a)
    return [(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]


def test_chart_series_read_the_named_period(demo_session, tmp_path):
    out = tmp_path / "rekap.xlsx"
    skpkit.consolidate([demo_session[0] / "terisi"], out)
    with zipfile.ZipFile(out) as z:
        xml = z.read("xl/charts/chart1.xml").decode()
    grid = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Rekap Unit").to_python(skip_empty_area=False)
    title = re.search(r"Distribusi predikat per unit \(([^)]+)\)", xml)[1]
    assert title == "Triwulan II"  # the demo fills two quarters
    names, cats, vals = _refs(xml, "tx"), _refs(xml, "cat"), _refs(xml, "val")
    assert [grid[r][c] for ref in names for r, c in _cells(ref)] == [p.value for p in Predikat]
    end = next(i for i, row in enumerate(grid) if not row or row[0] == "")  # the table, before the chart's block
    table = {(row[0], row[1]): row for row in grid[1:end]}
    head = grid[0]
    units = [grid[r][c] for r, c in _cells(cats[0])]
    assert len(units) == len({u for u, _ in table}) >= 4 and all(c == cats[0] for c in cats)
    for p, ref in zip(Predikat, vals):
        got = [grid[r][c] for r, c in _cells(ref)]
        want = [table[(u, title)][head.index(p.value)] for u in units]  # the named period's counts
        assert got == want, p
