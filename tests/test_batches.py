"""A verb over many files changes all of them or none, and never takes skpkit's own outputs for inputs.

Hostile sequences a unit produces: a file open in Excel at the end of a batch, a failure while the new
files are being put in place, Ctrl+C while writing, two runs within one second, the rekap and CSV files
written into the folder that is read next, `skp check` on a whole folder after refreshes.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import skpkit
from skpkit.generator.commands.cli import main
from skpkit.generator.errors import Masalah, UserError


def _skp(*args) -> tuple[int, str]:
    r = CliRunner().invoke(main, [str(a) for a in args])
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r.exit_code, r.output


def _state(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its content hash."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def kerja(demo_session, tmp_path) -> Path:
    """Two of the demo's filled workbooks (the smallest: the batch claims do not need more) and the manifest."""
    out, demo = demo_session
    work = tmp_path / "kerja"
    work.mkdir()
    for name in ("SKP-2027-pimpinan-dinas.xlsx", "SKP-2027-bidang-informasi-dan-komunikasi-publik.xlsx",
                 "manifest.json"):
        shutil.copy2(out / "terisi" / name, work)
    return work


def test_a_file_open_in_excel_at_the_end_stops_the_batch_before_anything_changes(kerja):
    before = _state(kerja)
    last = sorted(kerja.glob("SKP-*.xlsx"))[-1]
    lock = kerja / f"~${last.name}"
    lock.write_text("excel")
    code, out = _skp("tetapkan", kerja)
    assert code == 1 and "sedang dibuka" in out and len(out.strip().splitlines()) == 1, out
    lock.unlink()
    assert _state(kerja) == before


def test_a_failure_while_files_are_put_in_place_puts_every_old_one_back(kerja, monkeypatch):
    from skpkit.generator import files

    before = _state(kerja)
    real, calls = files._replace, []

    def flaky(source, target, named):
        calls.append(target)
        if len(calls) == 4:  # the old files moved aside (2 workbooks, the manifest), then a new one placed
            raise UserError(Masalah(str(named), what="berkas sedang dibuka program lain (Excel?): tidak ditimpa"))
        real(source, target, named)

    monkeypatch.setattr(files, "_replace", flaky)
    with pytest.raises(UserError):
        skpkit.tetapkan(sorted(kerja.glob("SKP-*.xlsx")))
    assert len(calls) == 4
    assert _state(kerja) == {**before}  # no _cadangan, no temporaries, manifest as it was


def test_ctrl_c_while_writing_leaves_every_input_as_it_was(kerja, demo_session, monkeypatch):
    from skpkit.generator.commands import refresh as module

    before = _state(kerja)
    real, n = module.write_workbook, []

    def interrupted(plan, path):
        n.append(path)
        if len(n) == 2:
            raise KeyboardInterrupt
        real(plan, path)

    monkeypatch.setattr(module, "write_workbook", interrupted)
    atasan = demo_session[1].atasan
    with pytest.raises(KeyboardInterrupt):
        module.refresh(sorted(kerja.glob("SKP-*.xlsx")), atasan)
    assert _state(kerja) == before


def test_backups_go_where_no_verb_reads_and_each_run_keeps_its_own(kerja, demo_session):
    atasan = demo_session[1].atasan
    workbooks = sorted(kerja.glob("SKP-*.xlsx"))
    from datetime import datetime

    from skpkit.generator.commands import refresh as refresh_module

    now = datetime(2027, 1, 5, 8, 30)
    for _ in range(2):  # two runs within the same second: both keep their backups
        refresh_module.refresh(workbooks, atasan, now=now)
    code, out = _skp("tetapkan", kerja)  # a folder: its workbooks, not the backups
    assert code == 0, out
    assert f"{len(workbooks)} buku kerja ditetapkan" in out
    kept = list((kerja / "_cadangan").glob("*.xlsx"))
    assert len(kept) == 3 * len(workbooks) and len({p.name for p in kept}) == len(kept)
    assert sum(p.name.endswith("-083000-2.xlsx") for p in kept) == len(workbooks)
    assert sorted(kerja.glob("*.xlsx")) == workbooks
    code, out = _skp("check", kerja)
    assert code == 0 and out.count(": OK") == len(workbooks), out
    code, out = _skp("tetapkan", kept[0])
    assert code == 1 and "berkas cadangan skpkit" in out and len(out.strip().splitlines()) == 1


def test_the_rekap_and_csv_files_written_into_the_folder_are_not_read_again(kerja):
    first = skpkit.consolidate([kerja], kerja / "rekap.xlsx", csv_dir=kerja / "csv")
    again = skpkit.consolidate([kerja], kerja / "rekap-2.xlsx")
    assert again.files == first.files == first.files_read == again.files_read == 2
    assert again.pegawai == first.pegawai and again.masalah == first.masalah == 0
    # named on the command line: refused in one line each, the workbooks still read
    csvs = sorted((kerja / "csv").glob("*.csv"))
    named = skpkit.consolidate([*sorted(kerja.glob("SKP-*.xlsx")), kerja / "rekap.xlsx", *csvs],
                               kerja / "rekap-3.xlsx")
    assert named.files_read == 2 and named.masalah == 1 + len(csvs)
    code, out = _skp("check", kerja / "rekap.xlsx")
    assert code == 1 and "keluaran skpkit (rekap)" in out


def test_a_folder_holding_nothing_to_read_is_one_line(tmp_path):
    (tmp_path / "kosong").mkdir()
    (tmp_path / "kosong" / "catatan.txt").write_text("bukan buku kerja")
    for verb in (("check",), ("tetapkan",), ("consolidate", "--out", tmp_path / "r.xlsx")):
        code, out = _skp(verb[0], tmp_path / "kosong", *verb[1:])
        assert code == 1 and "tidak ada berkas" in out and len(out.strip().splitlines()) == 1, (verb, out)


def test_consolidating_only_blank_workbooks_says_so(demo_session, tmp_path):
    """The issued blank workbooks (or the wrong folder) are not a rekap to report as done."""
    out, demo = demo_session
    code, text = _skp("consolidate", out / "kosong", "--out", tmp_path / "rekap.xlsx", "--quiet")
    assert code == 0 and "belum ada isian sama sekali di 5 berkas" in text, text
    code, text = _skp("consolidate", out / "terisi", "--out", tmp_path / "rekap2.xlsx", "--quiet")
    assert code == 0 and "belum ada isian" not in text
