"""The package installs, the command runs, and the domain core imports no file or Excel library."""

import re
import subprocess
import sys
from pathlib import Path

import skp

ROOT = Path(__file__).resolve().parents[1]


def test_skp_imports_no_io_library():
    pattern = re.compile(r"^\s*(import|from)\s+(openpyxl|pandas|xlwings|xlsxwriter|python_calamine)\b",
                         re.MULTILINE)
    offenders = [p.name for p in (ROOT / "skp").glob("*.py") if pattern.search(p.read_text())]
    assert offenders == []


def test_version_and_help():
    out = subprocess.run([sys.executable, "-m", "generator.cli", "--version"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    assert skp.__version__ in out.stdout
    out = subprocess.run([sys.executable, "-m", "generator.cli", "--help"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    assert "Usage" in out.stdout

