"""The reader reads back what the writer wrote, through the same layout."""

from __future__ import annotations

import pytest
from skpkit.plan import TAHUNAN
from skpkit.generator.errors import UserError
from skpkit.generator.read.workbook import read_workbook
from synthetic import roster, write_filled


def _norm(v):
    return float(v) if isinstance(v, (int, float)) else str(v).strip()


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    return write_filled(tmp_path_factory.mktemp("reader"), roster(24, unit_size=12, seed=5))


def test_entries_round_trip(written):
    for path, plan in written:
        data = read_workbook(path)
        assert [s.name for s in data.plan.sheets] == [s.name for s in plan.sheets]
        for before, after in zip(plan.sheets, data.plan.sheets):
            want = {k: _norm(v) for k, v in before.isian.items()}
            got = {k: _norm(v) for k, v in after.isian.items() if k in want}
            assert got == want, before.name
            assert after.pegawai == before.pegawai
            assert [s.id for s in after.slots] == [s.id for s in before.slots]


def test_read_plan_evaluates_like_the_written_one(written):
    for path, plan in written:
        data = read_workbook(path)
        assert data.plan.organisasi == plan.organisasi
        for before, after in zip(plan.sheets, data.plan.sheets):
            a = plan.evaluate(before)
            b = data.plan.evaluate(after)
            assert [p.predikat for p in a.periode] + [a.tahunan.predikat] == \
                   [p.predikat for p in b.periode] + [b.tahunan.predikat]


def test_not_a_skpkit_workbook(tmp_path):
    import xlsxwriter
    path = tmp_path / "other.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet("Sheet1").write(0, 0, "x")
    wb.close()
    with pytest.raises(UserError, match="bukan berkas skpkit"):
        read_workbook(path)


def test_tahunan_override_key_is_read(written):
    path, plan = written[0]
    data = read_workbook(path)
    keys = {k for s in data.plan.sheets for k, _ in s.isian.items() if k[0] == "hasil_penilai"}
    assert all(k[1] in (*range(1, plan.jenis_periode.jumlah + 1), TAHUNAN) for k in keys)
