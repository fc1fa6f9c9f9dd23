"""A unit as large as the generator writes is readable by every verb: the reader's bounds follow what skpkit
itself writes (issue 23; RULES and DESIGN leave the size of a unit open: 2,000 pegawai is the largest
unit a pemda has)."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from skpkit.generator.commands.check import check_file
from skpkit.generator.commands.consolidate import consolidate
from skpkit.generator.commands.generate import GenerateOptions, generate
from skpkit.generator.read.package import Limits
from skpkit.issuing import Roster
from synthetic import roster

UNIT = 2000


def _unit(n: int, out: Path) -> Path:
    """One workbook with a unit of ``n`` pegawai (and its head's own, which is left aside)."""
    generate(Roster(roster(n + 1, unit_size=n + 1, seed=7)), out, GenerateOptions(tahun=2027, progress=False))
    return max(out.glob("*.xlsx"), key=lambda p: p.stat().st_size)


def _sizes(path: Path) -> tuple[int, int, int]:
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        return len(infos), sum(i.file_size for i in infos), path.stat().st_size


def test_the_reader_bounds_hold_a_unit_of_2000_pegawai(tmp_path):
    """Measured on units of 10 and 20 pegawai, extrapolated to 2,000 (every part of a unit workbook grows
    linearly in its pegawai: two sheets each, the rekap's rows); the real 2,000 is the benchmark's and
    ``SKP_TEST_PEMDA=1``'s."""
    small, large = _unit(10, tmp_path / "s"), _unit(20, tmp_path / "l")
    (n0, raw0, packed0), (n1, raw1, packed1) = _sizes(small), _sizes(large)
    entries = n0 + (n1 - n0) / 10 * (UNIT - 10)
    raw = raw0 + (raw1 - raw0) / 10 * (UNIT - 10)
    packed = packed0 + (packed1 - packed0) / 10 * (UNIT - 10)
    lim = Limits()
    assert entries <= lim.files_in_zip and raw <= lim.uncompressed_bytes and packed <= lim.file_bytes, \
        (entries, raw, packed)
    assert raw / packed <= lim.compression_ratio
    assert not check_file(large).problems


@pytest.mark.skipif(not os.environ.get("SKP_TEST_PEMDA"),
                    reason="generates, checks and consolidates a unit of 2,000 pegawai (about 5 minutes): set "
                           "SKP_TEST_PEMDA=1 to run it (benchmarks/run.py does the same and reports it)")
def test_a_unit_of_2000_pegawai_round_trips(tmp_path):
    big = _unit(UNIT, tmp_path / "unit")
    assert not check_file(big).problems
    summary = consolidate([big], tmp_path / "rekap.xlsx", progress=False)
    assert summary.pegawai == UNIT
