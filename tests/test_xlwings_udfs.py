"""The classic add-in as Windows Excel runs it: xlwings' own decorators and conversion pipeline
(``xlwings_com``), every UDF with one cell, a row, a column and a table, compared with the scalar
rules; and the xlwings-engine workbook evaluated through them, the instansi's settings included."""

from __future__ import annotations

import pytest

from skpkit import rules
from skpkit.model import Jenjang, JenisPeriode, Predikat, Rating
from skpkit.issuing import Roster
from skpkit.generator.layout import plans_for
from skpkit.generator.layout import Geometry, a1
from skpkit.generator.write.workbook import write_workbook
from excel_eval import drift
from synthetic import random_fill, roster
from xlwings_com import call, column, row, windows_udfs

A, S, B = (r.value for r in Rating)


@pytest.fixture(scope="module")
def udfs():
    with windows_udfs() as functions:
        yield functions


def _shapes(values: list):
    """The same values as Excel passes them: one cell (the first value), a row, a column, a 2-row table."""
    yield "cell", values[0], [[values[0]]]
    yield "row", row(*values), [list(values)]
    yield "column", column(*values), [[v] for v in values]
    half = len(values) // 2
    yield "table", (tuple(values[:half]), tuple(values[half:2 * half])), [values[:half], values[half:2 * half]]


def _expect(grid, fn):
    return [[fn(v) for v in r] for r in grid]


def _shown(v):
    return "" if v is None else str(v) if not isinstance(v, float) else v


def test_predikat_column_in_column_out(udfs):
    hasil, perilaku = [A, S, B], [S, B, A]
    out = call(udfs.SKP_PREDIKAT, column(*hasil), column(*perilaku))
    assert out == [[str(rules.predikat(h, p))] for h, p in zip(hasil, perilaku)]


@pytest.mark.parametrize("shape", ["cell", "row", "column", "table"])
def test_every_udf_keeps_the_shape_of_its_first_range(udfs, shape):
    ratings = [A, S, B, None, S, A]
    preds = [p.value for p in Predikat] + [None]
    real = [120.0, 80.0, 0.0, None, 95.0, 100.0]
    cases = {
        "SKP_PREDIKAT": (ratings, lambda v: _shown(rules.predikat(v, S)), (S,)),
        "SKP_CAPAIAN": (real, lambda v: _shown(rules.capaian(v, 90.0, 100.0, "naik")), (90.0, 100.0, "naik")),
        "SKP_RATING_INDIKATOR": (real, lambda v: _shown(rules.rating_indikator(v, 90.0, 100.0, "turun")),
                                 (90.0, 100.0, "turun")),
        "SKP_ANGKA_KREDIT": (preds, lambda v: _shown(rules.angka_kredit(v, "Ahli Muda", 3)), ("Ahli Muda", 3.0)),
        "SKP_RATING_RHK": (ratings, None, ()),
        "SKP_RATING_HASIL": (ratings, None, ("Utama",)),
    }
    for name, (values, scalar, rest) in cases.items():
        for kind, value, grid in _shapes(values):
            if kind != shape:
                continue
            out = call(getattr(udfs, name), value, *rest)
            assert len(out) == len(grid) and all(len(a) == len(b) for a, b in zip(out, grid)), (name, kind, out)
            if scalar is not None:
                assert out == _expect(grid, scalar), (name, kind)


def test_rhk_and_hasil_group_rules_over_the_whole_range(udfs):
    out = call(udfs.SKP_RATING_RHK, column(A, S, S, B), column("R1", "R1", "R2", "R2"))
    assert out == [[A], [A], [B], [B]]
    assert call(udfs.SKP_RATING_RHK, column(A, S), None, 0.6) == [[S], [S]]  # PorsiDiAtas 0.6
    out = call(udfs.SKP_RATING_HASIL, column(S, A), column("Utama", "Tambahan"))
    assert out == [[str(rules.rating_hasil_kerja([S], [A]))]] * 2


def test_perilaku_one_pegawai_period_or_a_table(udfs):
    seven = [A, A, A, A, S, S, None]
    want = str(rules.rating_perilaku(seven))
    assert call(udfs.SKP_RATING_PERILAKU, column(*seven)) == [[want]]
    assert call(udfs.SKP_RATING_PERILAKU, row(*seven)) == [[want]]
    table = (tuple(seven), (B,) + (S,) * 6)
    assert call(udfs.SKP_RATING_PERILAKU, table) == [[want], [B]]
    # PerilakuMinDiAtas 5: four Di Atas is no longer enough
    assert call(udfs.SKP_RATING_PERILAKU, column(*seven), 5.0) == [[S]]


def test_settings_reach_every_udf(udfs):
    assert call(udfs.SKP_CAPAIAN, 300.0, 100.0) == [[200.0]]
    assert call(udfs.SKP_CAPAIAN, 300.0, 100.0, None, "naik", 150.0) == [[150.0]]
    persen = column(150.0, 100.0, 80.0, 50.0, 25.0)
    koef = column(*[rules.DEFAULT.koefisien[j] for j in Jenjang])
    assert call(udfs.SKP_ANGKA_KREDIT, "Butuh Perbaikan", "Ahli Muda", 12.0, persen, koef) == [[20.0]]
    bad = call(udfs.SKP_ANGKA_KREDIT, "Baik", "Ahli Muda", 12.0, column(1.0, 2.0))
    assert bad[0][0].startswith("#SKP! persen_ak harus 5 angka")
    kurva = call(udfs.SKP_KURVA, "Baik", column("Baik", "Baik", "Butuh Perbaikan"), 50.0)
    assert kurva[1][:2] == ["Baik paling banyak 50%", "Tidak"]


def test_kurva_and_nip_return_tables(udfs):
    table = call(udfs.SKP_KURVA, "Baik", column("Baik", "Baik", "Sangat Baik", None, "Butuh Perbaikan"))
    assert [r[1] for r in table] == ["Ya", "Ya", "Ya"] and all(len(r) == 4 for r in table)
    assert call(udfs.SKP_NIP, "199001012015031001")[0][:2] == ["199001012015031001", "1990-01-01"]
    assert len(call(udfs.SKP_NIP, column("199001012015031001", "199101012015031002"))) == 2


def _xlsm(tmp_path, settings_changes: dict):
    from dataclasses import replace

    out = []
    for k, (stem, plan) in enumerate(plans_for(Roster(roster(14, unit_size=7, seed=4)), tahun=2027,
                                                 instansi="x", engine="xlwings")):
        if k % 2:
            plan.jenis_periode = JenisPeriode.BULANAN
        plan.settings = replace(plan.settings, **settings_changes)
        random_fill(plan, seed=k)
        path = tmp_path / f"{stem}.xlsm"
        write_workbook(plan, path)
        out.append((path, plan))
    return out


@pytest.fixture(scope="module")
def instansi_xlsm(tmp_path_factory):
    """Two xlwings-engine units (triwulanan and bulanan) under an instansi's own Pengaturan: CapaianMaks 150,
    PerilakuMinDiAtas 3, PersenAK with Butuh Perbaikan at 80."""
    persen = {**rules.DEFAULT.persen_ak, Predikat.BUTUH_PERBAIKAN: 80.0}
    return _xlsm(tmp_path_factory.mktemp("xlsm"), {"capaian_maks": 150.0, "perilaku_min_di_atas": 3,
                                                   "persen_ak": persen})


def test_xlwings_workbook_with_the_instansi_settings_equals_the_rules(udfs, instansi_xlsm):
    """Every formula of xlwings-engine workbooks, the UDFs called through xlwings' conversion, equals
    the rules under the workbook's own Pengaturan (CapaianMaks 150, PerilakuMinDiAtas 3, PersenAK)."""
    functions = {name: (lambda *args, fn=fn: call(fn, *args)) for name, fn in udfs.UDFS.items()}
    assert [line for path, _ in instansi_xlsm for line in drift(path, udfs=functions)] == []


def test_capaian_150_from_the_workbook(udfs, instansi_xlsm):
    """The acceptance case: CapaianMaks 150, realisasi 300 against target 100."""
    path, plan = instansi_xlsm[1]
    from excel_eval import Workbook

    sheet = next(s for s in plan.sheets if s.isian.indikator)
    g = Geometry(plan.jenis_periode.jumlah, plan.n_utama, plan.n_tambahan, plan.k)
    r = g.slot_row(0)
    wb = Workbook(path, udfs={name: (lambda *args, fn=fn: call(fn, *args)) for name, fn in udfs.UDFS.items()})
    cells = wb.cells[sheet.name]
    formula = cells[(r, g.col("capaian", None))].formula
    assert "SKP_CAPAIAN(" in formula and "CapaianMaks" in formula
    inputs = {(r, g.col("target_min")): 100.0, (r, g.col("target_max")): None, (r, g.col("arah")): "naik",
              (r, g.col("agregasi")): "terakhir", (r, g.col("indikator")): "uji"}
    for p in range(1, g.n_periode + 1):
        inputs[(r, g.col("realisasi", p))] = 300.0
    for key, value in inputs.items():
        cells[key] = type(cells.get(key) or next(iter(cells.values())))(value, None, False)
    assert wb.value(sheet.name, r, g.col("capaian", None)) == 150.0, a1(r, g.col("capaian", None))


def test_macros_are_scripts_without_parameters(udfs, monkeypatch):
    """Under xlwings' Windows decorators each macro is a sub (``xw.script``) that Excel lists: no parameters."""
    import importlib
    import inspect

    import xlwings
    import xlwings.udfs

    import skpkit.addin.macros as macros

    monkeypatch.setattr(xlwings, "script", xlwings.udfs.xlsub)
    try:
        reloaded = importlib.reload(macros)
        for macro in reloaded.MACROS:
            assert macro.__xlfunc__["sub"] is True and not inspect.signature(macro).parameters, macro.__name__
    finally:
        monkeypatch.undo()
        importlib.reload(macros)


def test_no_outdated_xlwings_api_in_the_add_in():
    from pathlib import Path

    source = "\n".join(p.read_text() for p in (Path(__file__).parents[1] / "addin").glob("*.py"))
    assert "xw.sub" not in source and "SampleCall" not in source
