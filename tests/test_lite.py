"""The xlwings Lite module: the same functions as the classic add-in, from the pure-Python core, and the
``main.py`` that ``skp addin lite`` writes runs in Pyodide (Node, offline) with the golden answers.

Pyodide's npm package is found through ``SKP_PYODIDE_DIR`` (a folder holding ``node_modules/pyodide``;
``.ci/run`` installs it); without Node or that folder the Pyodide test skips locally and fails in CI
(``SKP_REQUIRE_PYODIDE=1``), as the LibreOffice tests do.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import skpkit.addin.functions as classic
import skpkit.addin.lite as lite
from skpkit import rules
from skpkit.addin.lite_bundle import main_py
from skpkit.model import Jenjang, Rating

A, S, B = (r.value for r in Rating)
HERE = Path(__file__).parent


def column(*values):
    return [[v] for v in values]


#: (function, arguments as Excel passes them with ndim=2) for every function, with edge cases
CASES = [
    ("SKP_PREDIKAT", [[[A]], [[S]]]),
    ("SKP_PREDIKAT", [column(A, S, B, None, "bagus"), column(S, B, A, S, S)]),
    ("SKP_CAPAIAN", [column(120.0, 80.0, 0.0, None, 300.0), [[90.0]], [[100.0]], [["naik"]]]),
    ("SKP_CAPAIAN", [[[300.0]], [[100.0]], [[None]], [["naik"]], [[150.0]]]),
    ("SKP_CAPAIAN", [column(5.0, 0.0, 12.0), column(10.0, 10.0, 0.0), [[None]], [["turun"]]]),
    ("SKP_RATING_INDIKATOR", [column(120.0, 95.0, 80.0, 9.0), [[90.0]], [[100.0]], column("naik", "naik", "naik", "turun")]),
    ("SKP_RATING_RHK", [column(A, S, S, B, None, A), column("R1", "R1", "R2", "R2", "R3", "R3")]),
    ("SKP_RATING_RHK", [column(A, S), [[None]], [[0.6]]]),
    ("SKP_RATING_HASIL", [column(S, A, A, S, B), column("Utama", "Tambahan", "Utama", "Utama", "Utama"),
                          column("p1", "p1", "p2", "p2", "p3")]),
    ("SKP_RATING_PERILAKU", [column(A, A, A, A, S, S, None)]),
    ("SKP_RATING_PERILAKU", [[[A, A, A, A, S, S, None], [B, S, S, S, S, S, S], [A, A, A, S, S, S, S]]]),
    ("SKP_RATING_PERILAKU", [column(A, A, A, S, S, S, S), [[3.0]]]),
    ("SKP_ANGKA_KREDIT", [column("Baik", "Sangat Baik", None, "Cukup"), [["Ahli Pertama"]], column(2.0, 12.0, 12.0, 3.0)]),
    ("SKP_ANGKA_KREDIT", [[["Butuh Perbaikan"]], [["Ahli Muda"]], [[12.0]], column(150.0, 100.0, 80.0, 50.0, 25.0),
                          column(*[rules.DEFAULT.koefisien[j] for j in Jenjang])]),
    ("SKP_KURVA", [[["Baik"]], column("Baik", "Baik", "Sangat Baik", None, "Butuh Perbaikan")]),
    ("SKP_NIP", [column("199001012015031001", 1.9e17)]),
]


def _golden() -> list:
    """The answers of the scalar rules, written out for the cases above."""
    ak = rules.angka_kredit
    return [
        "Baik",
        [["Baik"], ["Kurang/Misconduct"], ["Butuh Perbaikan"], [""], ["#SKP! rating tidak dikenal: 'bagus'"]],
        [[rules.capaian(120, 90, 100)], [rules.capaian(80, 90, 100)], [0.0], [""], [200.0]],
        150.0,
        [[200.0], [200.0], ["#SKP! target 0"]],
        [[A], [S], [B], [A]],
        [[A], [A], [B], [B], [""], [""]],
        [[S], [S]],
        [[str(rules.rating_hasil_kerja([S], [A]))]] * 2 + [[str(rules.rating_hasil_kerja([A, S]))]] * 2 + [[B]],
        A,
        [[A], [B], [S]],
        A,
        [[ak("Baik", "Ahli Pertama", 2)], [ak("Sangat Baik", "Ahli Pertama", 12)], [""], [ak("Cukup", "Ahli Pertama", 3)]],
        20.0,
        [["Baik kelompok terbesar", "Ya", 2.0, 1.0], ["Baik paling banyak 70%", "Ya", 2.0, 2.0],
         ["Butuh Perbaikan + Kurang/Misconduct paling sedikit 1", "Ya", 1.0, 1.0]],
        [["199001012015031001", "1990-01-01", "2015-03", "L", 1.0],
         ["#SKP! NIP berupa angka (1.9e+17), digit bisa hilang", "", "", "", ""]],
    ]


def _close(a, b) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-9 * max(1.0, abs(b))
    return a == b


def test_golden_cases_in_python():
    for (name, args), want in zip(CASES, _golden()):
        assert _close(getattr(lite, name)(*args), want), name
        assert _close(getattr(classic, name)(*args), want), name  # the classic add-in agrees


def test_lite_names_the_same_functions_as_the_classic_add_in():
    import inspect

    assert set(lite.FUNCTIONS) == set(classic.UDFS)
    for name, fn in lite.FUNCTIONS.items():
        assert list(inspect.signature(fn).parameters) == list(inspect.signature(classic.UDFS[name]).parameters)


def test_main_py_holds_no_numpy_and_no_file_io():
    text = main_py()
    for forbidden in ("import numpy", "from numpy", "open(", "pathlib", "python_calamine", "openpyxl"):
        assert forbidden not in text, forbidden
    compile(text, "main.py", "exec")


def _pyodide_dir() -> Path | None:
    candidates = [os.environ.get("SKP_PYODIDE_DIR"), HERE / "lite" / "node_modules"]
    return next((Path(c) for c in candidates if c and (Path(c) / "pyodide" / "pyodide.asm.wasm").exists()), None)


def _xlwings_wheel() -> Path | None:
    """xlwings' pure wheel (what xlwings Lite loads), as ``.ci/run`` downloads it into tests/lite/wheels."""
    named = os.environ.get("SKP_XLWINGS_WHEEL")
    found = [Path(named)] if named else sorted((HERE / "lite" / "wheels").glob("xlwings-*-py3-none-any.whl"))
    return next((p for p in found if p.exists()), None)


def _needs(what: str) -> None:
    if os.environ.get("SKP_REQUIRE_PYODIDE"):
        pytest.fail(f"{what} is missing and SKP_REQUIRE_PYODIDE is set")
    pytest.skip(f"{what} not found: the xlwings Lite module is run in Pyodide in CI")


def test_organisasi_choices_are_the_predikat_organisasi():
    from skpkit.model import PredikatOrganisasi

    assert list(lite.ORGANISASI) == [p.value for p in PredikatOrganisasi]


def test_main_py_runs_in_pyodide_through_xlwings_lite_decorators(tmp_path):
    node, where, wheel = shutil.which("node"), _pyodide_dir(), _xlwings_wheel()
    if node is None or where is None:
        _needs("Node.js" if node is None else "the npm package pyodide (npm install --prefix tests/lite)")
    if wheel is None:
        _needs("xlwings' pure wheel (pip download --no-deps --only-binary=:all: --platform any xlwings==0.37.8 "
               "-d tests/lite/wheels)")
    (tmp_path / "main.py").write_text(main_py(), encoding="utf-8")
    (tmp_path / "cases.json").write_text(json.dumps(CASES), encoding="utf-8")
    done = subprocess.run([node, str(HERE / "lite" / "run_in_pyodide.js"), str(tmp_path / "main.py"),
                           str(tmp_path / "cases.json")], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "SKP_PYODIDE_DIR": str(where), "SKP_XLWINGS_WHEEL": str(wheel)})
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout)
    assert out["numpy"] is False and out["version"].startswith("3.14")
    # registered by xlwings' own Lite decorators: every function, its ranges as matrices, the organisasi list
    meta = out["meta"]
    functions = {f["name"]: f for f in meta["functions"]}
    assert set(functions) == set(lite.FUNCTIONS)
    params = {p["name"]: p for p in functions["SKP_CAPAIAN"]["parameters"]}
    assert params["realisasi"]["dimensionality"] == "matrix" and "Realisasi" in params["realisasi"]["description"]
    enum = next(e for e in meta["enums"] if e["id"] == "SKP_KURVA.ORGANISASI")
    assert [v["stringValue"] for v in enum["values"]] == list(lite.ORGANISASI)
    for (name, _), got, want in zip(CASES, out["results"], _golden()):
        assert _close(got, want), (name, got, want)
