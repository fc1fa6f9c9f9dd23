"""Build an offline install bundle of skpkit for Windows: the skpkit wheel, every dependency's wheel for
Windows (64-bit, one Python version), and ``install.cmd``, which a unit secretary double-clicks on a PC
without internet.

    python scripts/bundle_windows.py --out dist/skpkit-windows [--python-version 3.12]

pip evaluates environment markers against the machine it runs on, not the ``--platform`` it downloads for,
so a dependency that only Windows needs (colorama, for click and tqdm) is named here and the bundle is
checked against a Windows marker environment (:func:`missing_for_windows`) before it is written.
"""

from __future__ import annotations

import argparse
import email.parser
import subprocess
import sys
import zipfile
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

ROOT = Path(__file__).resolve().parents[1]
#: what a dependency needs on Windows only (markers pip does not evaluate for the target platform)
WINDOWS_ONLY = ("colorama",)

INSTALL_CMD = r"""@echo off
rem skpkit: pasang tanpa internet, dari folder ini.
setlocal
set "HERE=%~dp0"
set "TARGET=%LOCALAPPDATA%\skpkit"
where py >nul 2>nul
if errorlevel 1 (
  echo Python tidak ditemukan. Pasang Python {version} dari python.org (centang "Add python.exe to PATH"^), lalu jalankan lagi.
  pause
  exit /b 1
)
py -{version} -m venv "%TARGET%"
if errorlevel 1 (
  echo Python {version} tidak ditemukan. Pasang Python {version} dari python.org, lalu jalankan lagi.
  pause
  exit /b 1
)
"%TARGET%\Scripts\python.exe" -m pip install --no-index --find-links "%HERE%wheels" skpkit
if errorlevel 1 (
  echo Pemasangan gagal: lihat pesan di atas.
  pause
  exit /b 1
)
echo.
echo skpkit terpasang. Jalankan perintah skp dengan:
echo   "%TARGET%\Scripts\skp.exe" --help
echo Contoh: "%TARGET%\Scripts\skp.exe" demo --out "%USERPROFILE%\Documents\skp-demo"
pause
"""


def windows_environment(python_version: str) -> dict[str, str]:
    """The marker environment of CPython ``python_version`` on 64-bit Windows."""
    return {"os_name": "nt", "sys_platform": "win32", "platform_system": "Windows", "platform_machine": "AMD64",
            "platform_release": "10", "platform_version": "10.0", "implementation_name": "cpython",
            "platform_python_implementation": "CPython", "python_version": python_version,
            "python_full_version": python_version + ".0", "implementation_version": python_version + ".0",
            "extra": ""}


def _requirements(wheel: Path) -> list[Requirement]:
    with zipfile.ZipFile(wheel) as z:
        meta = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        message = email.parser.Parser().parsestr(z.read(meta).decode("utf-8"))
    return [Requirement(r) for r in message.get_all("Requires-Dist") or ()]


def missing_for_windows(wheels: Path, python_version: str, root: str = "skpkit") -> list[str]:
    """What installing ``root`` on Windows would still need that ``wheels`` does not hold (empty: complete)."""
    env = windows_environment(python_version)
    have = {}
    for w in wheels.glob("*.whl"):
        name, version, _, _ = parse_wheel_filename(w.name)
        have[canonicalize_name(name)] = (version, w)
    missing, todo, seen = [], [canonicalize_name(root)], set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        if name not in have:
            missing.append(name)
            continue
        for req in _requirements(have[name][1]):
            if req.marker is not None and not req.marker.evaluate(env):
                continue
            dep = canonicalize_name(req.name)
            if dep in have and have[dep][0] not in req.specifier:
                missing.append(f"{dep}{req.specifier} (bundle has {have[dep][0]})")
            todo.append(dep)
    return missing


def build(out: Path, python_version: str) -> Path:
    """Write the bundle into ``out``: ``wheels/`` and ``install.cmd``; return ``out``."""
    wheels = out / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)], check=True)
    skpkit = max(wheels.glob("skpkit-*.whl"), key=lambda p: p.stat().st_mtime)
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--only-binary=:all:", "--platform", "win_amd64",
                    "--python-version", python_version, "--implementation", "cp", "--dest", str(wheels),
                    str(skpkit), *WINDOWS_ONLY], check=True)
    missing = missing_for_windows(wheels, python_version)
    if missing:
        raise SystemExit(f"bundle incomplete for Windows: {', '.join(missing)}")
    (out / "install.cmd").write_bytes(INSTALL_CMD.format(version=python_version).replace("\n", "\r\n").encode("cp1252"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "skpkit-windows")
    parser.add_argument("--python-version", default="3.12")
    args = parser.parse_args()
    print(build(args.out, args.python_version))


if __name__ == "__main__":
    main()
