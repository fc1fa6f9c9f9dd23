"""One validation (issue 19): the same corpus of bad returned files given to ``skp check`` and to ``skp
consolidate`` gives the same problems, file, sheet and cell, from both; refresh, tetapkan and print report
them too."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from python_calamine import CalamineWorkbook

import edits
import skpkit
from skpkit.generator.commands.cli import main
from skpkit.generator.layout import a1
from skpkit.generator.read.workbook import read_workbook


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, demo_session):
    """Copies of a filled unit workbook, each edited as a user would get it wrong, with the manifest."""
    demo, _ = demo_session
    tmp = tmp_path_factory.mktemp("satu-validasi")
    src = demo / "terisi" / "SKP-2027-bidang-informasi-dan-komunikasi-publik.xlsx"
    data = read_workbook(src)
    g = data.geometry
    first, second = data.plan.sheets[0], data.plan.sheets[1]
    r0 = g.slot_row(0) + 1  # 1-based rows for openpyxl

    def cell(wb, sheet, row, col, value):
        wb[sheet.name].cell(row, col + 1, value)

    changes = {
        "teks-di-realisasi": lambda wb: cell(wb, first, r0, g.col("realisasi", 1), "3 laporan"),
        "target-nol": lambda wb: (cell(wb, first, r0, g.col("target_min"), 0), cell(wb, first, r0, g.col("target_max"), 0)),
        "rumus-ditimpa": lambda wb: cell(wb, second, g.evaluasi_row("predikat") + 1, g.value_col(1), "Sangat Baik"),
        "rumus-di-isian": lambda wb: cell(wb, second, r0, g.col("realisasi", 2), "=2+3"),
        "proteksi-dilepas": lambda wb: setattr(wb[first.name].protection, "sheet", False),
        "target-diterbitkan-diubah": lambda wb: cell(wb, second, r0, g.col("target_max"), 999),
        "nip-angka": lambda wb: cell(wb, second, g.identity("nip") + 1, g.identity_col("pegawai"),
                                     float(second.pegawai.nip)),
        "sheet-dihapus": lambda wb: wb.remove(wb[first.name]),
        "rating-tidak-dikenal": lambda wb: cell(wb, first, g.evaluasi_row("hasil_penilai") + 1, g.value_col(1), "bagus"),
    }
    files = []
    for name, fn in changes.items():
        files.append(edits.edit(src, tmp / f"{name}.xlsx", fn))
    return tmp, files, demo / "terisi" / "manifest.json"


def _triples(problems) -> list[tuple[str, str, str]]:
    return sorted((Path(m.file).name, m.sheet, m.cell) for m in problems)


def test_check_and_consolidate_name_the_same_problems(corpus, tmp_path):
    tmp, files, manifest = corpus
    for f in files:
        # the manifest names the unit's file as issued: the copy is that file under another name
        issued = tmp_path / f.stem / "SKP-2027-bidang-informasi-dan-komunikasi-publik.xlsx"
        issued.parent.mkdir()
        shutil.copy2(f, issued)
        found = skpkit.check([issued], manifest=manifest)[-1]
        assert found.problems, f.name  # every edit is a problem
        skpkit.consolidate([issued], tmp_path / f"{f.stem}-rekap.xlsx", manifest=manifest)
        rows = CalamineWorkbook.from_path(str(tmp_path / f"{f.stem}-rekap.xlsx")).get_sheet_by_name("Masalah").to_python()
        listed = sorted((r[0], r[1], r[2]) for r in rows[1:] if r[0] == issued.name and "belum masuk" not in r[3])
        assert listed == _triples(found.problems), f.name


def test_a_realisasi_typed_with_its_unit_is_a_problem_for_every_verb(corpus, tmp_path):
    tmp, files, manifest = corpus
    bad = next(f for f in files if f.stem == "teks-di-realisasi")
    found = skpkit.check([bad])[0]
    assert any("bukan angka" in m.what for m in found.problems)
    summary = skpkit.consolidate([bad], tmp_path / "rekap.xlsx")
    assert summary.masalah >= 1
    runner = CliRunner()
    work = tmp_path / "w"
    work.mkdir()
    shutil.copy2(bad, work / bad.name)
    out = runner.invoke(main, ["tetapkan", str(work / bad.name), "--no-backup"])
    assert out.exit_code == 0 and "bukan angka" in out.output, out.output


def test_a_file_saved_without_recalculating_is_a_note_not_overwritten_formulas(demo_session, tmp_path):
    """A realisasi changed by a program that keeps every formula but does not recalculate (a script, Excel with
    manual calculation): the sheet shows old results, named once as such (a note; check still OK), never as
    formulas overwritten; a formula really typed over in the same file stays a problem at its cell."""
    demo, _ = demo_session
    src = demo / "terisi" / "SKP-2027-bidang-informasi-dan-komunikasi-publik.xlsx"
    data = read_workbook(src)
    g, first, second = data.geometry, data.plan.sheets[0], data.plan.sheets[1]
    old = first.isian.indikator_of(first.slots[0].indikator[0].id).realisasi[1]
    stale = edits.edit_cell(src, tmp_path / "basi.xlsx", first.name,
                            a1(g.slot_row(0), g.col("realisasi", 1)), old * 3 + 7)
    (found,) = skpkit.check([stale])
    assert found.problems == [], [str(m) for m in found.problems]
    notes = [m for m in found.notes if m.sheet == first.name]
    assert len(notes) == 1 and "hasil lama, rumusnya utuh" in notes[0].what, [str(m) for m in found.notes]
    typed = edits.edit_cell(stale, tmp_path / "ditimpa.xlsx", second.name,
                            a1(g.evaluasi_row("predikat"), g.value_col(1)), "Sangat Baik")
    (found,) = skpkit.check([typed])
    assert [m.cell for m in found.problems if m.sheet == second.name] == [
        a1(g.evaluasi_row("predikat"), g.value_col(1))], [str(m) for m in found.problems]
