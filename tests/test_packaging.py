"""The package installs under one import name, the command runs, and the code keeps its shape:
the domain core imports no file or Excel library, no module over 400 lines, no private
name imported from another module, ``generator`` never imports ``addin``."""

import ast
import doctest
import importlib
import os
import pkgutil
import re
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest

import skpkit

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("skpkit", "generator", "addin", "workbook_templates")
SOURCES = sorted(p for folder in FOLDERS + ("benchmarks",) for p in (ROOT / folder).rglob("*.py"))


def _modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(skpkit.__path__, "skpkit."))


def test_skp_imports_no_io_library():
    pattern = re.compile(r"^\s*(import|from)\s+(openpyxl|pandas|xlwings|xlsxwriter|python_calamine)\b",
                         re.MULTILINE)
    offenders = [p.name for p in (ROOT / "skpkit").rglob("*.py") if pattern.search(p.read_text())]
    assert offenders == []


def test_design_card_folders_stay_at_the_top():
    for folder in ("addin", "generator", "workbook_templates", "tests"):
        assert (ROOT / folder).is_dir(), folder


def test_one_import_name_in_the_project_metadata():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert {p.split(".")[0] for p in meta["packages"]} == {"skpkit"}
    # the one mapping rule: the core folder is the package, every other top folder X is skpkit.X
    assert meta["package-dir"] == {"skpkit": "skpkit", **{f"skpkit.{f}": f for f in FOLDERS[1:]}}


def test_every_package_folder_is_installed():
    """A folder with an ``__init__.py`` that pyproject does not list would be missing from the wheel."""
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    folder_of = {v: k for k, v in meta["package-dir"].items()}
    found = set()
    for top in FOLDERS:
        for init in (ROOT / top).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT / top).parts
            found.add(".".join((folder_of[top], *rel)))
    assert found == set(meta["packages"])


def test_modules_stay_small():
    big = {str(p.relative_to(ROOT)): n for p in SOURCES if (n := len(p.read_text().splitlines())) > 400}
    assert big == {}


def _imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.module, [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            for a in node.names:
                yield a.name, []


def test_no_private_name_imported_from_another_module():
    offenders = [(str(p.relative_to(ROOT)), mod, name) for p in SOURCES for mod, names in _imports(p)
                 # "_" is gettext's marker (skpkit.i18n), public by convention
                 for name in names if name.startswith("_") and not name.startswith("__") and name != "_"]
    assert offenders == []


def test_only_skpkit_imports_and_generator_never_imports_addin():
    old = re.compile(r"^(skp|generator|addin|workbook_templates)(\.|$)")
    offenders = [(str(p.relative_to(ROOT)), mod) for p in SOURCES for mod, _ in _imports(p) if old.match(mod)]
    assert offenders == []
    gen = [(str(p.relative_to(ROOT)), mod) for p in sorted((ROOT / "generator").rglob("*.py"))
           for mod, _ in _imports(p) if mod.startswith("skpkit.addin")]
    assert gen == []


@pytest.mark.parametrize("name", _modules())
def test_doctests(name):
    """The numpydoc examples of every module of the installed package run."""
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def test_public_api():
    for name in ("generate", "consolidate", "check", "refresh", "read_workbook", "evaluasi_pegawai", "read_roster"):
        assert callable(getattr(skpkit, name)), name
    assert {"generate", "consolidate", "evaluasi_pegawai"} <= set(skpkit.__all__)
    assert skpkit.evaluasi.evaluasi is skpkit.evaluasi_pegawai  # the module stays reachable


def test_version_and_help():
    out = subprocess.run([sys.executable, "-m", "skpkit.generator.commands.cli", "--version"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    assert skpkit.__version__ in out.stdout
    out = subprocess.run([sys.executable, "-m", "skpkit.generator.commands.cli", "--help"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    assert "Pemakaian" in out.stdout


@pytest.mark.skipif(not os.environ.get("CI") and not os.environ.get("SKP_TEST_INSTALL"),
                    reason="builds the sdist and the wheel, installs the wheel in a fresh venv and runs the demo (about "
                           "30 s): set SKP_TEST_INSTALL=1 to run it locally; CI runs it")
def test_the_built_wheel_installs_one_name_and_runs_the_demo(tmp_path):
    """An install a secretary can do: the sdist and the wheel built from the checkout (the wheel from the
    sdist, so the sdist holds everything), the wheel installed (not editable) into a fresh venv, and the demo
    run from it away from the checkout. The venv takes the dependencies of the running one through a path
    file, so nothing is downloaded; the wheel's own skpkit comes first."""
    import sysconfig

    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT)], check=True,
                   capture_output=True)
    assert len(list(dist.glob("skpkit-*.tar.gz"))) == 1
    (wheel,) = dist.glob("skpkit-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "-q", "--no-deps", str(wheel)],
                   check=True, capture_output=True)
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    Path(site, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    out = subprocess.run([str(py), "-c", (
        "import importlib.metadata as m, skpkit, pathlib;"
        "d = m.distribution('skpkit');"
        "print(sorted({f.parts[0] for f in d.files if not f.parts[0].endswith('.dist-info') and f.parts[0] != '..'}));"
        "print(skpkit.__file__)")], capture_output=True, text=True, check=True, cwd=tmp_path)
    first, where = out.stdout.splitlines()
    assert first == "['skpkit']"
    assert str(env_dir) in where
    demo = subprocess.run([str(py), "-m", "skpkit", "demo", "--out", "demo"], capture_output=True, text=True,
                          cwd=tmp_path, env={**os.environ, "PYTHONPATH": ""})
    assert demo.returncode == 0, demo.stderr[-2000:]
    assert len(list((tmp_path / "demo" / "terisi").glob("*.xlsx"))) == 5
    version = subprocess.run([str(py), "-m", "skpkit", "--version"], capture_output=True, text=True, check=True)
    assert skpkit.__version__ in version.stdout
