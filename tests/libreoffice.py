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
