"""The public Python API of skpkit, as ``import skpkit`` exposes it: the ``skp`` verbs as functions.

Examples
--------
The whole round, on a small unit:

>>> import tempfile, pathlib, skpkit
>>> tmp = pathlib.Path(tempfile.mkdtemp())
>>> files = skpkit.generate(skpkit.sample_roster(tmp / "roster.csv"), tmp / "unit", tahun=2027)
>>> [f.name for f in files]
['SKP-2027-bidang-contoh.xlsx']
>>> summary = skpkit.consolidate([tmp / "unit"], tmp / "rekap.xlsx", manifest=tmp / "unit" / "manifest.json")
>>> summary.files_read, summary.pegawai
(1, 3)
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Sequence

from skpkit.model import JenisPeriode
from skpkit.generator.commands.check import Temuan, check_file
from skpkit.generator.commands.consolidate import Summary, consolidate as _consolidate_files
from skpkit.generator.commands.generate import GenerateOptions, default_year, generate as _generate_files, load_roster
from skpkit.generator.read.manifest import load_manifest, verify_manifest
from skpkit.generator.commands.refresh import RefreshResult, refresh as _refresh_files

__all__ = ["generate", "consolidate", "check", "refresh", "sample_roster"]

SAMPLE = [
    ("NIP", "Nama", "Jabatan", "Jenis Jabatan", "Jenjang", "Unit Kerja", "NIP Atasan"),
    ("197001011995031001", "Kepala Contoh", "Kepala Bidang Contoh", "Administrator", "", "Bidang Contoh", ""),
    ("198502022010012002", "Ani Contoh", "Pranata Komputer Ahli Muda", "Fungsional", "Ahli Muda", "Bidang Contoh",
     "197001011995031001"),
    ("199003032015031003", "Budi Contoh", "Pengelola Data", "Pelaksana", "", "Bidang Contoh", "197001011995031001"),
]


def sample_roster(path: str | Path) -> Path:
    """Write a three-pegawai roster (CSV) to ``path``, for trying skpkit out.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = sample_roster(pathlib.Path(tempfile.mkdtemp()) / "roster.csv")
    >>> p.read_text(encoding="utf-8-sig").splitlines()[0]
    'NIP,Nama,Jabatan,Jenis Jabatan,Jenjang,Unit Kerja,NIP Atasan'
    """
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows(SAMPLE)
    return path


def generate(roster: str | Path, out: str | Path, *, atasan: str | Path | None = None, split: str = "unit",
             periode: str = "triwulanan", tahun: int | None = None, engine: str = "native",
             password: str | None = None, instansi: str = "", jobs: int = 1, key: bytes | None = None,
             progress: bool = False) -> list[Path]:
    """``skp generate``: one workbook per unit (or pegawai) with the superior's RHK cascaded, and
    ``manifest.json``; returns the workbooks written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> files = generate(sample_roster(tmp / "r.csv"), tmp / "out", split="pegawai", tahun=2027)
    >>> len(files), (tmp / "out" / "manifest.json").exists()
    (3, True)
    """
    roster_ = load_roster(Path(roster), Path(atasan) if atasan else None)
    year = tahun or (roster_.atasan.tahun if roster_.atasan else default_year())
    opts = GenerateOptions(split=split, jenis_periode=JenisPeriode.parse(periode), tahun=year, engine=engine,
                           password=password, jobs=jobs, progress=progress, instansi=instansi, key=key)
    return _generate_files(roster_, Path(out), opts)


def consolidate(paths: Sequence[str | Path], out: str | Path, *, manifest: str | Path | None = None,
                periode: int | None = None, csv_dir: str | Path | None = None, parquet: str | Path | None = None,
                jobs: int = 1, key: bytes | None = None, progress: bool = False) -> Summary:
    """``skp consolidate``: every filled workbook under ``paths`` in, the rekap workbook ``out`` (and flat
    copies) out. ``periode``: one period only (0 the year).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> _ = generate(sample_roster(tmp / "r.csv"), tmp / "out", tahun=2027)
    >>> consolidate([tmp / "out"], tmp / "rekap.xlsx").written[0].name
    'rekap.xlsx'
    """
    return _consolidate_files([Path(p) for p in paths], Path(out), manifest=Path(manifest) if manifest else None,
                              periode=periode, csv_dir=Path(csv_dir) if csv_dir else None,
                              parquet=Path(parquet) if parquet else None, jobs=jobs, progress=progress, key=key)


def check(paths: Sequence[str | Path], *, manifest: str | Path | None = None, key: bytes | None = None) -> list[Temuan]:
    """``skp check``: what is wrong with each returned workbook (problems, and periods not filled as info);
    with a manifest whose signature does not match, a first finding for the manifest itself.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> files = generate(sample_roster(tmp / "r.csv"), tmp / "out", tahun=2027)
    >>> [t.problems for t in check(files, manifest=tmp / "out" / "manifest.json")]
    [[]]
    """
    data = load_manifest(Path(manifest)) if manifest else None
    found = [check_file(Path(p), data, key) for p in paths]
    whole = verify_manifest(data, manifest, key) if data is not None else None
    return ([Temuan(Path(manifest), [whole])] if whole is not None else []) + found


def refresh(files: Sequence[str | Path], atasan: str | Path, *, roster: str | Path | None = None,
            out: str | Path | None = None, backup: bool = True, key: bytes | None = None) -> RefreshResult:
    """``skp refresh``: re-issue ``files`` from the superior's workbook as it is now, carrying every entered
    value by stable id.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> files = generate(sample_roster(tmp / "r.csv"), tmp / "out", split="pegawai", tahun=2027)
    >>> head = next(f for f in files if "kepala" in f.name)
    >>> others = [f for f in files if f != head]
    >>> len(refresh(others, head, out=tmp / "baru").written)
    2
    """
    return _refresh_files([Path(f) for f in files], Path(atasan), roster_path=Path(roster) if roster else None,
                          out=Path(out) if out else None, backup=backup, key=key)
