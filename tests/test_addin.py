"""The xlwings add-in: UDFs over the array rules, the xlwings engine's workbooks, and the Linux answers."""

from __future__ import annotations

import inspect
import math
import re
import zipfile

from skpkit.generator.read.cells import read_cells
import pytest
from click.testing import CliRunner
from python_calamine import CalamineWorkbook

import skpkit.addin.functions as f
from skpkit.errors import InputError
from skpkit import rules
from skpkit.model import BERAKHLAK, Rating
from skpkit.issuing import Roster
from skpkit.generator.layout import plans_for
from skpkit.generator.commands.cli import main
from skpkit.generator.layout import Geometry
from skpkit.generator.write.workbook import write_workbook
from synthetic import random_fill, roster
from test_formulas import EXCEL_2010

A, S, B = (r.value for r in Rating)


def test_acceptance_example():
    assert f.SKP_PREDIKAT("Di Atas Ekspektasi", "Di Bawah Ekspektasi") == "Kurang/Misconduct"


@pytest.mark.parametrize("hasil,perilaku,expected", [
    (A, S, "Baik"),                                   # one cell each
    ([A, B, None], [S, B, S], ["Baik", "Sangat Kurang", ""]),       # a row or column (1-D)
    ([[A], [B], [None]], [[S], [B], [S]], [["Baik"], ["Sangat Kurang"], [""]]),  # a column as 2-D
    ([[A, B]], [[S, S]], [["Baik", "Butuh Perbaikan"]]),  # a row as 2-D
    ([A, "bagus"], S, ["Baik", "#SKP! rating tidak dikenal: 'bagus'"]),  # a bad cell, the others kept
])
def test_shapes(hasil, perilaku, expected):
    assert f.SKP_PREDIKAT(hasil, perilaku) == expected


def test_numbers_arrive_as_floats_and_blanks_as_none():
    assert f.SKP_CAPAIAN([[45.0], [None], [3.0], [""]], [[40.0]] * 4, [[50.0], [50.0], [0.0], [50.0]], "naik") == \
        [[90.0], [""], ["#SKP! target min > maks"], [""]]
    assert f.SKP_RATING_INDIKATOR(0.0, 5.0, 6.0, "turun") == A
    assert f.SKP_ANGKA_KREDIT("Baik", "Ahli Pertama", 2.0) == pytest.approx(2.0833333)
    assert f.SKP_RATING_RHK([A, S, S], ["R1", "R1", "R2"]) == [A, A, S]
    assert f.SKP_RATING_HASIL([S, A], ["Utama", "Tambahan"]) == [S, S]  # 1 of 2 is not "most" (RULES.md section 2)
    assert f.SKP_RATING_HASIL([S, A, A], ["Utama", "Utama", "Tambahan"]) == [A, A, A]
    assert f.SKP_RATING_PERILAKU([[A], [A], [A], [A], [S], [S], [None]]) == A
    assert f.SKP_RATING_PERILAKU([[A] * 4 + [S] * 3, [B] + [S] * 6]) == [[A], [B]]


def test_kurva_and_nip_tables():
    table = f.SKP_KURVA("Baik", [["Baik"], ["Baik"], ["Sangat Baik"], [""], ["Butuh Perbaikan"]])
    assert [row[:2] for row in table] == [["Baik kelompok terbesar", "Ya"], ["Baik paling banyak 70%", "Ya"],
                                          ["Butuh Perbaikan + Kurang/Misconduct paling sedikit 1", "Ya"]]
    assert f.SKP_NIP([["199001012015031001"], [1.9e17]]) == [
        ["199001012015031001", "1990-01-01", "2015-03", "L", 1.0],
        ["#SKP! NIP berupa angka (1.9e+17), digit bisa hilang", "", "", "", ""]]


def test_errors_are_text_never_tracebacks():
    assert f.SKP_CAPAIAN([1, 2], [1, 2, 3]).startswith("#SKP! ranges of different sizes")
    assert f.SKP_KURVA("Luar Biasa", ["Baik"]).startswith("#SKP! predikat organisasi tidak dikenal")
    assert f.SKP_ANGKA_KREDIT("Baik", "Ahli Tengah", 12).startswith("#SKP! jenjang tidak dikenal")


def _lo_rows(recalculated):
    """Inputs and LibreOffice results per indikator-period and per pegawai-period of the native workbooks."""
    ind, peg = [], []
    for _, plan, lo in recalculated:
        book = CalamineWorkbook.from_path(str(lo))
        n = plan.jenis_periode.jumlah
        g = Geometry(n, plan.n_utama, plan.n_tambahan, plan.k)
        for sheet in plan.sheets:
            grid = book.get_sheet_by_name(sheet.name).to_python(skip_empty_area=False)
            at = lambda r, c: grid[r][c] if r < len(grid) and c < len(grid[r]) else ""  # noqa: E731
            for p in g.periods():
                for i in range(g.n_slots):
                    for j in range(g.k):
                        r = g.slot_row(i, j)
                        if at(r, g.col("cek", p)) != "ok" or at(r, g.col("kumulatif", p)) == "":
                            continue
                        lo_, hi = at(r, g.col("target_min")), at(r, g.col("target_max"))
                        agg = at(r, g.col("agregasi"))
                        awal = int(at(*g.awal_cell))  # the pegawai's first period (RULES.md section 10)
                        tmin = rules.target_periode(lo_, agg, p, n, awal) if p else lo_
                        tmax = (rules.target_periode(hi if hi != "" else lo_, agg, p, n, awal) if p
                                else (hi if hi != "" else lo_))
                        ind.append((at(r, g.col("kumulatif", p)), tmin, tmax, at(r, g.col("arah")),
                                    at(r, g.col("capaian", p)), at(r, g.col("rating_indikator", p))))
                c = g.value_col(p)
                ev = {k: at(g.evaluasi_row(k), c) for k in ("hasil", "perilaku", "predikat", "perilaku_saran",
                                                             "angka_kredit", "bulan_ak")}
                nilai = [at(g.perilaku_row(v), c) for v in range(len(BERAKHLAK))] if p else None
                # of those, the months in a jenjang held before the TMT (a hidden cell; 0 without one)
                ev["bulan_lama"] = at(g.evaluasi_row("bulan_ak"), g.col("cek", p)) or 0
                # the months LibreOffice counted from the TMT jabatan (held to skpkit.ak in test_generate_recalc)
                peg.append((ev, nilai, sheet.pegawai, ev["bulan_ak"]))
    return ind, peg


@pytest.mark.libreoffice
def test_udfs_equal_rules_equal_libreoffice(recalculated):
    ind, peg = _lo_rows(recalculated)
    assert len(peg) >= 500 and len(ind) >= 1000
    real, tmin, tmax, arah, lo_cap, lo_rating = (list(c) for c in zip(*ind))
    udf_cap = f.SKP_CAPAIAN(real, tmin, tmax, arah)
    udf_rating = f.SKP_RATING_INDIKATOR(real, tmin, tmax, arah)
    for k in range(len(ind)):
        want = rules.capaian(real[k], tmin[k], tmax[k], arah[k])
        assert math.isclose(udf_cap[k], want, rel_tol=1e-12) and math.isclose(lo_cap[k], want, rel_tol=1e-9)
        assert udf_rating[k] == str(rules.rating_indikator(real[k], tmin[k], tmax[k], arah[k])) == lo_rating[k]
    # a period outside the pegawai's own SKP period is not rated: no rule computes it (RULES.md section 8)
    peg = [x for x in peg if x[0]["predikat"] != "tidak dinilai"]
    ok = [(ev, pg, b) for ev, _, pg, b in peg if not str(ev["hasil"]).startswith("#SKP!")
          and not str(ev["perilaku"]).startswith("#SKP!")]
    udf_pred = f.SKP_PREDIKAT([ev["hasil"] for ev, _, _ in ok], [ev["perilaku"] for ev, _, _ in ok])
    for (ev, pg, bulan), got in zip(ok, udf_pred):
        want = rules.predikat(ev["hasil"] or None, ev["perilaku"] or None)
        assert got == (str(want) if want else "") == ev["predikat"]
        if pg.is_fungsional and want is not None:
            lama = ev["bulan_lama"]
            ak = f.SKP_ANGKA_KREDIT(got, pg.jenjang.value, bulan - lama) + (
                f.SKP_ANGKA_KREDIT(got, pg.jenjang_sebelumnya, lama) if lama else 0.0)
            assert ak == pytest.approx(rules.angka_kredit(want, pg.jenjang, bulan - lama) + (
                rules.angka_kredit(want, pg.jenjang_sebelumnya, lama) if lama else 0.0)) == ev["angka_kredit"]
    periodic = [(ev, nilai) for ev, nilai, _, _ in peg if nilai is not None]
    udf_perilaku = f.SKP_RATING_PERILAKU([nilai for _, nilai in periodic])
    for (ev, nilai), got in zip(periodic, udf_perilaku):
        try:
            want = rules.rating_perilaku([None if v == "" else v for v in nilai])
            want = str(want) if want else ""
        except InputError as e:  # a pasted text that is no rating (synthetic.typed_rating)
            want = f"#SKP! {e.reason}"
        assert got[0] == want == ev["perilaku_saran"]


_CALL = re.compile(r"([A-Z][A-Z0-9_.]*)\(")


def _calls(formula: str) -> list[tuple[str, int]]:
    """(function, number of arguments) for every call in a formula."""
    text = re.sub(r'"[^"]*"', '""', formula)
    out = []
    for m in _CALL.finditer(text):
        depth, args, i = 1, 1, m.end()
        if text[i] == ")":
            out.append((m.group(1), 0))
            continue
        while depth:
            ch = text[i]
            depth += ch == "("
            depth -= ch == ")"
            args += ch == "," and depth == 1
            i += 1
        out.append((m.group(1), args))
    return out


@pytest.fixture(scope="module")
def xlsm(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("xlsm")
    out = []
    for k, (stem, plan) in enumerate(plans_for(Roster(roster(14, unit_size=7)), tahun=2027, instansi="x",
                                                 engine="xlwings")):
        random_fill(plan, seed=k)
        path = tmp / f"{stem}.xlsm"
        write_workbook(plan, path)
        out.append(path)
    return out


def test_xlwings_workbooks_call_only_known_functions(xlsm):
    udfs_used = set()
    formulas = [c.formula for path in xlsm for cells in read_cells(path).values() for c in cells.values() if c.formula]
    assert len(formulas) > 1000
    for formula in formulas:
        for name, n_args in _calls(formula):
            if name.startswith("SKP_"):
                params = inspect.signature(inspect.unwrap(f.UDFS[name])).parameters.values()
                required = sum(p.default is inspect.Parameter.empty for p in params)
                assert required <= n_args <= len(params), (name, n_args)
                udfs_used.add(name)
            else:
                assert name in EXCEL_2010, name
    assert {"SKP_CAPAIAN", "SKP_RATING_INDIKATOR", "SKP_PREDIKAT", "SKP_ANGKA_KREDIT",
            "SKP_RATING_PERILAKU"} <= udfs_used


def test_xlwings_workbook_carries_vba_and_config(xlsm):
    with zipfile.ZipFile(xlsm[0]) as z:
        assert "xl/vbaProject.bin" in z.namelist()
    conf = CalamineWorkbook.from_path(str(xlsm[0])).get_sheet_by_name("xlwings.conf").to_python()
    assert ["UDF MODULES", "skpkit.addin.functions"] in conf


@pytest.mark.libreoffice
def test_libreoffice_opens_xlsm(xlsm, tmp_path):
    from libreoffice import recalculate
    out = recalculate(xlsm[:1], tmp_path)
    assert all(p.exists() and p.stat().st_size > 10000 for p in out)


@pytest.mark.parametrize("args", [["addin", "install"], ["addin", "status"], ["addin", "import", "."]])
def test_addin_commands_on_linux_say_what_to_do(args, monkeypatch):
    monkeypatch.setattr("sys.platform", "linux")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1 and "perlu Excel di Windows" in result.output


def test_generate_macros(tmp_path, demo_session):
    import shutil

    from skpkit.addin.macros import MACROS, buat_bawahan_di, refresh_bawahan_di

    d = demo_session[1]
    folder = tmp_path / "kantor"
    folder.mkdir()
    shutil.copy(d.atasan, folder / "atasan.xlsx")
    shutil.copy(d.roster, folder / "roster.xlsx")
    files = buat_bawahan_di(folder / "atasan.xlsx")
    assert len(files) == 5 and all(p.parent == folder / "bawahan" for p in files)
    assert len(refresh_bawahan_di(folder / "atasan.xlsx")) == 5
    # Excel lists only macros without parameters
    assert all(not inspect.signature(m).parameters for m in MACROS)


def test_refresh_rewrites_the_old_udf_module_name(tmp_path, monkeypatch):
    """Workbooks issued before the one-package layout name ``addin.functions``; a re-issue names
    ``skpkit.addin.functions``, and ``skp addin install`` rewrites xlwings.conf the same way."""
    import skpkit
    from skpkit.addin.install import updated_conf
    from skpkit.generator.write.sheets import xlwings_conf

    old = (("UDF Modules", "addin.functions"), ("Debug UDFs", "False"), ("Use UDF Server", "False"))
    monkeypatch.setattr(xlwings_conf, "CONF", old)  # as the release before wrote it
    files = skpkit.generate(skpkit.sample_roster(tmp_path / "r.csv"), tmp_path / "old", split="pegawai",
                            engine="xlwings", tahun=2027)
    conf = lambda p: CalamineWorkbook.from_path(str(p)).get_sheet_by_name("xlwings.conf").to_python()  # noqa: E731
    assert ["UDF Modules", "addin.functions"] in conf(files[0])
    monkeypatch.undo()
    head = next(f for f in files if "kepala" in f.name)
    result = skpkit.refresh([f for f in files if f != head], head, out=tmp_path / "new")
    assert result.written and all(conf(f)[0] == ["UDF MODULES", "skpkit.addin.functions"] for f in result.written)
    assert updated_conf({"UDF Modules": "addin.functions"}) == {"UDF MODULES": "skpkit.addin.functions"}


def test_xlwings_version_pinned_and_recorded(tmp_path):
    """The .xlsm's VBA loads the DLL of the xlwings that wrote it: the extra pins that version, and the
    manifest and the hidden _skp sheet record it."""
    import json
    from pathlib import Path

    import xlwings

    import skpkit
    from skpkit.addin.install import version_note
    from skpkit.generator.layout.xlwings import XLWINGS_VERSION

    pyproject = (Path(__file__).parents[1] / "pyproject.toml").read_text()
    assert f'addin = ["xlwings=={XLWINGS_VERSION}"]' in pyproject
    assert xlwings.__version__ == XLWINGS_VERSION
    files = skpkit.generate(skpkit.sample_roster(tmp_path / "r.csv"), tmp_path / "x", engine="xlwings", tahun=2027)
    manifest = json.loads((tmp_path / "x" / "manifest.json").read_text())
    assert {f["xlwings_version"] for f in manifest["files"]} == {XLWINGS_VERSION}
    meta = CalamineWorkbook.from_path(str(files[0])).get_sheet_by_name("_skp").to_python()
    assert ["xlwings_version", XLWINGS_VERSION] in [r[:2] for r in meta]
    assert "memerlukan 0.37.8" in version_note("0.36.0") and version_note(XLWINGS_VERSION).endswith("buku kerja skpkit")
