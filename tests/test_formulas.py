"""Every formula skpkit writes uses only functions Excel 2010, WPS and LibreOffice compute."""

from __future__ import annotations

import re

from skpkit.generator.read.cells import read_cells
import pytest
from xlsxwriter.worksheet import Worksheet, re_dynamic_function

from skpkit.issuing import Roster

from skpkit.generator.layout import plans_for
from skpkit.rules.engine import get_engine
from skpkit.generator.write.book import FastSheet
from skpkit.generator.write.workbook import write_workbook
from synthetic import random_fill, roster

EXCEL_2010 = {"IF", "SUBSTITUTE", "YEAR", "MONTH", "DAY", "MID", "FIND", "ROUND", "AND", "OR", "NOT", "INDEX", "MATCH", "COUNTIF", "COUNTIFS", "SUMPRODUCT", "IFERROR",
              "ISNA", "ISNUMBER", "MIN", "MAX", "SUM", "AVERAGE", "COUNT", "COUNTA", "TRIM", "LEFT", "INT",
              "ROUNDUP", "CHOOSE", "SEARCH", "FIXED", "DATE", "CHAR"}
FUNCTION = re.compile(r"([A-Z][A-Z0-9.]*)\(")


@pytest.fixture(scope="module")
def formulas(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("formulas")
    out = []
    for k, (stem, plan) in enumerate(plans_for(Roster(roster(30, unit_size=15)), tahun=2027, instansi="x")):
        random_fill(plan, seed=k)
        path = tmp / f"{stem}.xlsx"
        write_workbook(plan, path)
        out += ["=" + c.formula for cells in read_cells(path).values() for c in cells.values() if c.formula]
    return out


def test_only_excel_2010_functions(formulas):
    used = {name for f in formulas for name in FUNCTION.findall(re.sub(r'"[^"]*"', '""', f))}
    assert used <= EXCEL_2010, used - EXCEL_2010
    assert len(formulas) > 1000


def test_formula_length_and_nesting_within_excel_limits(formulas):
    assert max(map(len, formulas)) < 8192
    depth = max(max(_depth(f) for f in formulas), 0)
    assert depth < 64


def _depth(formula: str) -> int:
    d = best = 0
    for ch in re.sub(r'"[^"]*"', '""', formula):
        d += ch == "("
        d -= ch == ")"
        best = max(best, d)
    return best


def test_sheet_writes_formulas_as_xlsxwriter_would(formulas):
    """The writer's worksheet skips XlsxWriter's newer-function rewriting and dynamic-array check (cells,
    validations and conditional formats alike); for our formulas neither changes anything."""
    mine, theirs = FastSheet(), Worksheet()
    for f in formulas[:3000]:
        f = "=" + f.lstrip("=")
        assert mine._prepare_formula(f) == theirs._prepare_formula(f)
        assert mine._prepare_formula(f, True) == theirs._prepare_formula(f, True)
        assert not re_dynamic_function.search(f)


def test_unknown_engine_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown formula engine 'nope'"):
        get_engine("nope")
