"""Recalculate workbooks in LibreOffice headless and read the values back.

LibreOffice keeps cached values on load unless told otherwise: the profile below sets
``OOXMLRecalcMode`` to 0 (always recalculate), then ``--convert-to xlsx`` writes the
recalculated file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_libreoffice() -> str:
    """The soffice binary; skip (locally) or fail (CI, SKP_REQUIRE_LIBREOFFICE=1) without it."""
    exe = soffice()
    if exe is None:
        if os.environ.get("SKP_REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice (soffice) is required here (SKP_REQUIRE_LIBREOFFICE=1) but not installed")
        pytest.skip("LibreOffice not installed: apt-get install libreoffice-calc-nogui to run recalculation tests")
    return exe


def uno_python() -> str:
    """A Python that imports LibreOffice's ``uno`` (Debian ``python3-uno`` for the system Python, or the one
    LibreOffice bundles); skip (locally) or fail (CI) without one."""
    require_libreoffice()
    exe = soffice()
    program = Path(os.path.realpath(exe)).parent if exe else None  # LibreOffice's own (Windows: python.exe)
    candidates = [shutil.which("python3"), "/usr/bin/python3", *(str(program / n) for n in ("python", "python.exe")
                                                               if program is not None)]
    for py in dict.fromkeys(c for c in candidates if c and Path(c).exists()):
        if subprocess.run([py, "-c", "import uno"], capture_output=True).returncode == 0:
            return py
    if os.environ.get("SKP_REQUIRE_LIBREOFFICE"):
        pytest.fail("LibreOffice's Python bridge (uno) is required here but missing: apt-get install python3-uno")
    pytest.skip("LibreOffice's Python bridge (uno) not installed: apt-get install python3-uno to run these edits")


def lo_edit(jobs: list[dict], workdir: Path) -> None:
    """Apply LibreOffice-only edits (``tests/lo_edit.py``: rows and columns inserted or deleted, sheets copied,
    moved, renamed, cells typed) and save each result as .xlsx, in one LibreOffice process."""
    import json

    py = uno_python()
    workdir.mkdir(parents=True, exist_ok=True)
    spec = workdir / "lo-jobs.json"
    spec.write_text(json.dumps([{**j, "src": str(j["src"]), "dst": str(j["dst"])} for j in jobs]), encoding="utf-8")
    proc = subprocess.run([py, str(Path(__file__).with_name("lo_edit.py")), str(spec)], capture_output=True,
                          text=True, timeout=900)
    missing = [j["dst"] for j in jobs if not Path(j["dst"]).exists()]
    if proc.returncode or missing:
        raise RuntimeError(f"LibreOffice edits failed ({missing}): {proc.stdout} {proc.stderr}")


def recalculate(files: list[Path], outdir: Path) -> list[Path]:
    """Recalculate ``files`` in one LibreOffice call; return the recalculated copies in ``outdir``."""
    exe = require_libreoffice()
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="skp-lo-") as profile:
        user = Path(profile) / "user"
        user.mkdir()
        (user / "registrymodifications.xcu").write_text(_XCU)
        cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir), *map(str, files)]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    out = [outdir / (Path(f).stem + ".xlsx") for f in files]
    missing = [p for p in out if not p.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice did not convert {missing}: {proc.stdout} {proc.stderr}")
    return out
