"""Shared formulas (:mod:`skpkit.generator.write.shared`): every cell reads, in an independent reader, the
formula skpkit built for it, and moving a formula is what a spreadsheet does."""

from __future__ import annotations

import zipfile

from lxml import etree
import pytest
from hypothesis import given
from hypothesis import strategies as st
from xlsxwriter.utility import xl_col_to_name

from skpkit.generator.layout import plans_for
from skpkit.generator.layout.references import RowTemplate, shifted
from skpkit.generator.read.cells import read_cells
from skpkit.generator.read.package import open_source
from skpkit.generator.write.shared import shared_runs
from skpkit.generator.write.workbook import write_workbook
from skpkit.issuing import Roster
from synthetic import random_fill, roster

import edits


@pytest.fixture(scope="module")
def unit(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("shared")
    stem, plan = max(plans_for(Roster(roster(7, unit_size=3, seed=4)), tahun=2027, instansi="x"),
                     key=lambda sp: len(sp[1].sheets))
    assert len(plan.sheets) >= 3
    random_fill(plan, seed=1, periods=2)
    path = tmp / f"{stem}.xlsx"
    write_workbook(plan, path)
    return path, plan


def test_every_cell_reads_its_own_formula_in_openpyxl(unit):
    """openpyxl expands shared formulas with its own translator (the semantics of ECMA-376): the text of
    every formula cell equals the one our reader gives, which equals what the sheet writer built."""
    path, plan = unit
    ours = read_cells(path)
    theirs = edits.load(path)
    shared = 0
    for sp in plan.sheets:
        ws = theirs[sp.name]
        for (r, c), cell in ours[sp.name].items():
            if cell.formula is None:
                continue
            assert not cell.formula.startswith("shared:"), (sp.name, r, c)
            value = ws.cell(r + 1, c + 1).value
            assert value == "=" + cell.formula, (sp.name, r, c)
        root = etree.fromstring(zipfile.ZipFile(path).read(_part(path, sp.name)))
        shared += sum(f.get("t") == "shared" for f in root.iter("{%s}f" % root.nsmap[None]))
    assert shared > 400 * len(plan.sheets)  # the entry sheets' indikator columns are shared


def _part(path, sheet: str) -> str:
    return open_source(path).parts[sheet]


def test_entry_sheet_stores_less_than_half_the_formula_text(unit):
    path, plan = unit
    z = zipfile.ZipFile(path)
    for sp in plan.sheets:
        root = etree.fromstring(z.read(_part(path, sp.name)))
        stored = sum(len(f.text or "") for f in root.iter("{%s}f" % root.nsmap[None]))
        built = sum(len(c.formula) for c in read_cells(path, {sp.name})[sp.name].values() if c.formula)
        assert stored < built / 4, (sp.name, stored, built)


cols = st.integers(0, 40).map(xl_col_to_name)
refs = st.tuples(st.booleans(), cols, st.booleans(), st.integers(1, 500)).map(
    lambda t: f"{'$' * t[0]}{t[1]}{'$' * t[2]}{t[3]}")
texts = st.text(alphabet="AB1 $:!", max_size=6).map(lambda s: '"' + s.replace('"', '""') + '"')
sheets = st.sampled_from(["", "'SKP A1'!", "'O''Brien 2'!", "Data!"])
pieces = st.one_of(refs, st.tuples(sheets, refs).map("".join), texts,
                   st.sampled_from(["+", "*", ",", "SUM(", ")", "LOG10(", "1E-09", "JumlahPeriode", "TRUE"]))


@given(st.lists(pieces, min_size=1, max_size=12).map("".join), st.integers(0, 50), st.integers(0, 5))
def test_moving_a_formula_and_back_gives_it_again(formula, rows, cols):
    moved = shifted(formula, rows, cols)
    if moved is not None:
        assert shifted(moved, -rows, -cols) == formula
    template = RowTemplate.of(formula)
    assert (template.down(rows) if template else None) == shifted(formula, rows)


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 3), st.sampled_from(["A{r}*2", "$A$1+B{r}", "C{r}"])),
                unique_by=lambda t: t[:2]))
def test_a_run_holds_only_cells_whose_text_is_the_first_moved(cells):
    formulas = [(r, c, f.format(r=r + 1)) for r, c, f in cells]
    runs = shared_runs(formulas)
    text = {xl_col_to_name(c) + str(r + 1): f for r, c, f in formulas}
    first = {run.index: cell for cell, run in runs.items() if run.ref}
    for cell, run in runs.items():
        head = first[run.index]
        top, bottom = run_bounds(runs[head].ref)
        assert top <= int(cell.lstrip("ABCD")) <= bottom
        assert shifted(text[head], int(cell.lstrip("ABCD")) - top) == text[cell]


def run_bounds(ref: str) -> tuple[int, int]:
    a, b = ref.split(":")
    return int(a.lstrip("ABCD")), int(b.lstrip("ABCD"))


@pytest.mark.parametrize("engine", ["native", "xlwings"])
def test_fast_cells_write_the_bytes_xlsxwriter_writes(tmp_path, engine):
    """:mod:`skpkit.generator.write.fastcells` writes every part exactly as XlsxWriter's own cell code does,
    for a filled unit with invalid rows, blank, error and text values (and the add-in's .xlsm)."""
    from skpkit.generator.write import fastcells

    stem, plan = max(plans_for(Roster(roster(9, unit_size=9, seed=6)), tahun=2027, instansi="x & <y>"),
                     key=lambda sp: len(sp[1].sheets))
    random_fill(plan, seed=2, periods=3)
    plan.engine = engine
    suffix = ".xlsm" if engine == "xlwings" else ".xlsx"
    write_workbook(plan, tmp_path / f"fast{suffix}")
    fastcells.FastCells.fast_cells = False
    try:
        write_workbook(plan, tmp_path / f"stock{suffix}")
    finally:
        fastcells.FastCells.fast_cells = True
    fast, stock = zipfile.ZipFile(tmp_path / f"fast{suffix}"), zipfile.ZipFile(tmp_path / f"stock{suffix}")
    assert fast.namelist() == stock.namelist()
    for name in fast.namelist():
        if name != "docProps/core.xml":  # its creation time
            assert fast.read(name) == stock.read(name), name
