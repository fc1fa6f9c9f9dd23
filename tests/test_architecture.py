"""The tree shows the stages (issue 19): the import-linter contracts of pyproject.toml hold, and a forbidden
import breaks them; mypy resolves every ``skpkit`` import under the README's install; the README's
architecture table names the folders that exist."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    exe = BIN / (name + (".exe" if os.name == "nt" else ""))
    if not exe.exists():
        pytest.fail(f"{name} is not installed in this environment: pip install -e '.[test]'")
    return str(exe)


def _installed_package(cwd: Path) -> Path:
    """Where the installed ``skpkit`` lives (away from the checkout, whose core folder would shadow it)."""
    out = subprocess.run([sys.executable, "-c", "import importlib.util as u; "
                          "print(u.find_spec('skpkit').submodule_search_locations[0])"],
                         capture_output=True, text=True, cwd=cwd, check=True, env=_env())
    return Path(out.stdout.strip())


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(extra)
    return env


def test_the_contracts_hold(tmp_path):
    out = subprocess.run([_tool("lint-imports"), str(ROOT / "pyproject.toml"), "--no-cache"], capture_output=True,
                         text=True, cwd=tmp_path, env=_env())
    assert out.returncode == 0, out.stdout + out.stderr
    assert "3 kept, 0 broken" in out.stdout


def test_a_forbidden_import_breaks_the_contract(tmp_path):
    """rekap/ reading a file itself (importing read/): the contract names the import and fails."""
    copy = tmp_path / "pkg" / "skpkit"
    shutil.copytree(_installed_package(tmp_path), copy, symlinks=False,
                    ignore=shutil.ignore_patterns("__pycache__"))
    merge = copy / "generator" / "rekap" / "merge.py"
    merge.write_text(merge.read_text() + "\nfrom skpkit.generator.read.package import open_source  # noqa\n")
    out = subprocess.run([_tool("lint-imports"), str(ROOT / "pyproject.toml"), "--no-cache"], capture_output=True,
                         text=True, cwd=copy.parent, env=_env(PYTHONPATH=str(copy.parent)))
    assert out.returncode == 1, out.stdout
    assert "BROKEN" in out.stdout and "skpkit.generator.rekap.merge -> skpkit.generator.read.package" in out.stdout


def test_mypy_resolves_every_skpkit_import(tmp_path):
    """Under the README's install (editable, strict mode), mypy finds every module of the one import name."""
    out = subprocess.run([sys.executable, "-m", "mypy", "-p", "skpkit", "--no-incremental", "--config-file",
                          str(ROOT / "pyproject.toml")], capture_output=True, text=True, cwd=tmp_path, env=_env())
    assert "Package 'skpkit' cannot be type checked" not in out.stdout, out.stdout  # it ships py.typed
    unresolved = [line for line in out.stdout.splitlines() if "import-not-found" in line and "skpkit" in line]
    assert unresolved == []
    assert re.search(r"checked \d+ source files", out.stdout)
    checked = int(re.search(r"checked (\d+) source files", out.stdout).group(1))
    assert checked >= len(list(ROOT.glob("generator/**/*.py"))), out.stdout[-500:]


def test_the_readme_table_names_the_tree():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("## Architecture", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"^\| `([\w/]+/)`", table, re.MULTILINE))
    assert named, "the README's architecture table is missing"
    for folder in named:
        assert (ROOT / folder).is_dir(), folder
    for stage in ("skpkit/", "skpkit/rules/", "generator/read/", "generator/write/", "generator/rekap/",
                  "generator/commands/", "generator/layout/", "addin/", "workbook_templates/"):
        assert stage in named, stage
