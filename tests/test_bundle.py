"""An install a secretary can do (issue 22): the offline bundle for Windows holds everything pip needs to
install skpkit there with no index, and ``install.cmd`` is a Windows batch file."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bundle_windows", ROOT / "scripts" / "bundle_windows.py")
bundle = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bundle)


def _wheel(folder: Path, name: str, version: str, requires: list[str]) -> None:
    info = f"{name}-{version}.dist-info"
    meta = "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n" + "".join(
        f"Requires-Dist: {r}\n" for r in requires)
    with zipfile.ZipFile(folder / f"{name}-{version}-py3-none-any.whl", "w") as z:
        z.writestr(f"{info}/METADATA", meta)


def test_a_dependency_only_windows_needs_is_found_missing(tmp_path):
    """pip downloads for --platform win_amd64 with this machine's markers: colorama would be left out."""
    _wheel(tmp_path, "skpkit", "1.0", ["click>=8.1", "numpy>=1.24; python_version >= '3.10'"])
    _wheel(tmp_path, "click", "8.1.7", ["colorama; platform_system == 'Windows'"])
    _wheel(tmp_path, "numpy", "1.20.0", [])
    assert sorted(bundle.missing_for_windows(tmp_path, "3.12")) == ["colorama", "numpy>=1.24 (bundle has 1.20.0)"]
    _wheel(tmp_path, "colorama", "0.4.6", [])
    _wheel(tmp_path, "numpy", "2.0.0", [])
    (tmp_path / "numpy-1.20.0-py3-none-any.whl").unlink()
    assert bundle.missing_for_windows(tmp_path, "3.12") == []


@pytest.mark.skipif(not os.environ.get("SKP_TEST_BUNDLE"),
                    reason="downloads about 30 MB of Windows wheels from PyPI: set SKP_TEST_BUNDLE=1 to run it "
                           "locally; CI runs it")
def test_the_bundle_installs_on_windows_with_no_index(tmp_path):
    out = bundle.build(tmp_path / "skpkit-windows", "3.12")
    wheels = out / "wheels"
    assert bundle.missing_for_windows(wheels, "3.12") == []
    names = {p.name.split("-")[0].lower() for p in wheels.glob("*.whl")}
    assert {"skpkit", "numpy", "pandas", "lxml", "python_calamine", "colorama"} <= names
    assert all(p.name.endswith(("win_amd64.whl", "none-any.whl")) for p in wheels.glob("*.whl"))
    dry = subprocess.run([sys.executable, "-m", "pip", "install", "--dry-run", "--no-index", "--find-links",
                          str(wheels), "--platform", "win_amd64", "--only-binary=:all:", "--python-version", "3.12",
                          "--implementation", "cp", "--target", str(tmp_path / "target"), "skpkit"],
                         capture_output=True, text=True)
    assert dry.returncode == 0, dry.stdout + dry.stderr
    assert "Would install" in dry.stdout and "skpkit" in dry.stdout
    cmd = (out / "install.cmd").read_bytes()
    assert b"\r\n" in cmd and b"\n" not in cmd.replace(b"\r\n", b"")
    text = cmd.decode("cp1252")
    assert "--no-index" in text and "py -3.12 -m venv" in text
