"""The README's run command: the demo, every workbook recalculated in LibreOffice with zero error cells."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from skpkit.generator.commands.cli import main
from libreoffice import recalculate, require_libreoffice
from test_generate_recalc import compare_with_cache, error_cells


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo") / "demo"
    result = CliRunner().invoke(main, ["demo", "--out", str(out), "--tahun", "2027"])
    assert result.exit_code == 0, result.output
    return out, result.output


def test_demo_writes_both_sets_with_manifests(demo):
    out, output = demo
    kosong, terisi = sorted((out / "kosong").glob("*.xlsx")), sorted((out / "terisi").glob("*.xlsx"))
    assert len(kosong) == len(terisi) >= 4
    assert [p.name for p in kosong] == [p.name for p in terisi]
    for folder in ("kosong", "terisi"):
        manifest = json.loads((out / folder / "manifest.json").read_text())
        assert sum(len(f["pegawai"]) for f in manifest["files"]) == 40
    assert "buka lebih dulu" in output


def test_demo_mixes_every_kind_of_jabatan():
    from skpkit.generator.commands.demo import demo_pegawai
    _, roster = demo_pegawai()
    kinds = {p.jenis_jabatan.value for p in roster}
    assert kinds == {"JPT", "Administrator", "Pengawas", "Fungsional", "Pelaksana"}
    assert len({p.jenjang for p in roster if p.jenjang}) >= 5
    assert 35 <= len(roster) <= 45


@pytest.mark.libreoffice
def test_demo_recalculates_without_errors(demo, tmp_path):
    require_libreoffice()
    out, _ = demo
    files, recalculated = [], []
    for folder in ("atasan", "kosong", "terisi"):  # same file names in kosong/ and terisi/
        found = sorted((out / folder).glob("*.xlsx"))
        if folder == "kosong":  # as issued: the head of the dinas and one bidang (the rest differ in size only)
            found = [f for f in found if "pimpinan" in f.name or "aplikasi" in f.name]
            assert len(found) == 2
        files += found
        recalculated += recalculate(found, tmp_path / folder)
    assert [e for f in recalculated for e in error_cells(f)] == []
    diffs = [d for f, lo in zip(files, recalculated) for d in compare_with_cache(f, lo)]
    assert diffs[:20] == []
