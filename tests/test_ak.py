"""Angka kredit across years (RULES.md section 6): BKN's worked example, months from the TMT jabatan, AK
carried in, the shortfall for the next pangkat and jenjang, and a kenaikan jenjang; in the rules, in the
roster, and in the workbook (the formula engine here; LibreOffice in test_generate_recalc)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from skpkit import rules
from skpkit.rules import ak
from skpkit.errors import InputError
from skpkit.model import Jenjang


def test_bkn_worked_example():
    """Ahli Pertama, Baik for 2 months: 2/12 x 100 % x 12.5 = 2.08; a year of Sangat Baik on top: 20.83."""
    dua = rules.angka_kredit("Baik", "Ahli Pertama", 2)
    assert rules.bulat(dua) == 2.08
    assert rules.bulat(dua + rules.angka_kredit("Sangat Baik", "Ahli Pertama", 12)) == 20.83


@pytest.mark.parametrize("tmt,months,per_quarter", [
    (dt.date(2027, 5, 1), 8, [0, 2, 3, 3]),    # a TMT on the 1st counts its month
    (dt.date(2027, 5, 15), 7, [0, 1, 3, 3]),   # a later day counts from the next month
    (dt.date(2027, 1, 1), 12, [3, 3, 3, 3]),
    (dt.date(2027, 12, 2), 0, [0, 0, 0, 0]),   # from January of the next year
    (dt.date(2019, 8, 17), 12, [3, 3, 3, 3]),  # held before the year
    (dt.date(2028, 1, 1), 0, [0, 0, 0, 0]),    # not yet held
    (None, 12, [3, 3, 3, 3]),                  # no TMT given: the whole year
])
def test_months_held(tmt, months, per_quarter):
    assert ak.bulan_dinilai(tmt, 2027) == months
    assert [ak.bulan_dinilai(tmt, 2027, p, 4) for p in range(1, 5)] == per_quarter
    monthly = [ak.bulan_dinilai(tmt, 2027, p, 12) for p in range(1, 13)]
    assert sum(monthly) == months and set(monthly) <= {0, 1}


def test_tmt_day_limit_is_a_setting():
    assert ak.bulan_dinilai(dt.date(2027, 5, 15), 2027, batas_hari=15) == 8
    assert ak.bulan_dinilai(dt.date(2027, 5, 16), 2027, batas_hari=15) == 7


def test_a_may_tmt_earns_from_may():
    """The annual AK of a pegawai appointed on 1 May: 8/12 of the year's; the period before earns 0."""
    year = rules.angka_kredit("Baik", "Ahli Pertama", ak.bulan_dinilai(dt.date(2027, 5, 1), 2027))
    assert year == pytest.approx(8 / 12 * 12.5)
    assert rules.angka_kredit("Baik", "Ahli Pertama", ak.bulan_dinilai(dt.date(2027, 5, 1), 2027, 1)) == 0.0
    assert rules.angka_kredit("Baik", "Ahli Pertama", ak.bulan_dinilai(dt.date(2027, 5, 15), 2027)) == \
        pytest.approx(7 / 12 * 12.5)


def test_ak_awal_150_ahli_muda_after_a_baik_year():
    """The issue's case: shown as missing 175 for jenjang before (one year against the whole requirement)."""
    year = rules.angka_kredit("Baik", "Ahli Muda")
    p = ak.posisi_ak(year, "Ahli Muda", 150, 150)
    assert (year, p.kumulatif_jenjang, p.kurang_jenjang) == (25.0, 175.0, 25.0)
    assert (p.kumulatif_pangkat, p.kurang_pangkat) == (175.0, 0.0)  # never below 0


@pytest.mark.parametrize("jenjang, pangkat, need", [
    ("Ahli Muda", "Penata Tk. I (III/d)", 200.0),  # RULES.md section 6's case: IV/a is Ahli Madya's
    ("Ahli Muda", "III/d", 200.0), ("Ahli Muda", "iii/d, Penata Tk. I", 200.0),
    ("Ahli Muda", "Penata (III/c)", 100.0), ("Ahli Muda", "Penata/III/d", 100.0),  # not a word of its own
    ("Ahli Pertama", "Penata Muda Tk. I (III/b)", 100.0), ("Ahli Pertama", "Penata Muda (III/a)", 50.0),
    ("Terampil", "Pengatur Tk. I (II/d)", 60.0), ("Terampil", "Penata Muda (III/d)", 20.0),  # "II/d" in "III/d"
    ("Mahir", "Penata Muda Tk. I (III/b)", 100.0), ("Ahli Madya", "Pembina Utama Muda (IV/c)", 450.0),
    ("Penyelia", "Penata Tk. I (III/d)", None), ("Ahli Utama", "Pembina Utama (IV/e)", None),
    ("Penyelia", "Penata (III/c)", 100.0), ("Ahli Muda", "", 100.0), ("Ahli Muda", None, 100.0),
])
def test_at_the_top_golongan_the_pangkat_needs_the_jenjang_requirement(jenjang, pangkat, need):
    """RULES.md section 6: at the top golongan of a jenjang the next pangkat lies in the next jenjang; at the
    top of a ladder (Penyelia III/d, Ahli Utama IV/e) there is no next pangkat to count toward."""
    p = ak.posisi_ak(25.0, jenjang, 150, 150, pangkat=pangkat)
    assert p.ak_pangkat == need
    assert p.kurang_pangkat == (None if need is None else max(need - 175.0, 0.0))
    assert p.kumulatif_pangkat == 175.0
    assert ak.posisi_ak(25.0, jenjang, 150, 150, pangkat=pangkat, pppk=True).kurang_pangkat is None


def test_separate_pangkat_and_jenjang_awal():
    p = ak.posisi_ak(12.5, "Ahli Pertama", 40, 90)
    assert (p.kurang_pangkat, p.kurang_jenjang) == (0.0, 0.0)
    p = ak.posisi_ak(12.5, "Ahli Pertama", 10, 30)
    assert (p.kurang_pangkat, p.kurang_jenjang) == (27.5, 57.5)


def test_kenaikan_jenjang_resets_ak_jenjang_and_carries_the_pangkat_excess():
    before = ak.posisi_ak(rules.angka_kredit("Sangat Baik", "Ahli Pertama"), "Ahli Pertama", 90, 90)
    assert before.kurang_jenjang == 0.0  # 108.75 of 100: the AK for kenaikan jenjang is there
    pangkat, jenjang = ak.kenaikan_jenjang(before)
    assert (pangkat, jenjang) == (pytest.approx(108.75 - 50), 0.0)
    after = ak.posisi_ak(rules.angka_kredit("Baik", "Ahli Muda"), "Ahli Muda", pangkat, jenjang)
    assert after.kumulatif_jenjang == 25.0 and after.kurang_jenjang == 175.0
    assert after.kumulatif_pangkat == pytest.approx(58.75 + 25)


def test_top_of_the_ladder_and_conditions_to_verify():
    assert ak.posisi_ak(50.0, "Ahli Utama", 10, 10).kurang_jenjang is None
    assert ak.syarat_kenaikan_jenjang("Penyelia") == ()
    assert ak.syarat_kenaikan_jenjang("Mahir")[-1] == ak.SYARAT_PENGEMBANGAN  # to Penyelia
    assert ak.SYARAT_PENGEMBANGAN not in ak.syarat_kenaikan_jenjang("Ahli Pertama")


@pytest.mark.parametrize("bad", ["150", "x", -1.0, True])
def test_bad_ak_awal_is_named(bad):
    with pytest.raises(InputError, match=ak.AK_AWAL_SALAH):
        ak.posisi_ak(10.0, "Ahli Muda", bad, None)


@pytest.mark.parametrize("bad", ["15-05-2027", "x", True])
def test_tmt_that_is_not_a_date_is_named(bad):
    with pytest.raises(InputError, match=ak.TMT_SALAH):
        ak.bulan_dinilai(bad, 2027)


@given(st.dates(dt.date(2000, 1, 1), dt.date(2060, 12, 31)), st.integers(2001, 2059), st.sampled_from([4, 12]),
       st.integers(1, 28))
def test_periods_add_up_to_the_year(tmt, tahun, n, batas):
    per = [ak.bulan_dinilai(tmt, tahun, p, n, batas_hari=batas) for p in range(1, n + 1)]
    assert sum(per) == ak.bulan_dinilai(tmt, tahun, batas_hari=batas)
    assert all(0 <= m <= 12 // n for m in per)
    # months held never grow when the TMT moves later
    later = tmt + dt.timedelta(days=1)
    assert ak.bulan_dinilai(later, tahun, batas_hari=batas) <= ak.bulan_dinilai(tmt, tahun, batas_hari=batas)


@given(st.floats(0, 200), st.sampled_from(list(Jenjang)), st.one_of(st.none(), st.floats(0, 1000)),
       st.one_of(st.none(), st.floats(0, 1000)))
def test_shortfall_is_requirement_minus_cumulative_never_below_zero(year, jenjang, awal_p, awal_j):
    p = ak.posisi_ak(year, jenjang, awal_p, awal_j)
    assert p.kumulatif_pangkat == (awal_p or 0) + year and p.kumulatif_jenjang == (awal_j or 0) + year
    assert p.kurang_pangkat == max(rules.DEFAULT.ak_pangkat[jenjang] - p.kumulatif_pangkat, 0)
    if p.kurang_jenjang is not None:
        assert p.kurang_jenjang == max(rules.DEFAULT.ak_jenjang[jenjang] - p.kumulatif_jenjang, 0)


def test_serial_numbers_are_spreadsheet_days():
    assert ak.tanggal(46508.0) == dt.date(2027, 5, 1)
    assert ak.tanggal(dt.datetime(2027, 5, 1, 0, 0)) == dt.date(2027, 5, 1)


def test_the_rekap_counts_the_pangkat_at_the_top_golongan_as_the_sheet_does(tmp_path):
    """An Ahli Muda at III/d needs the jenjang's 200 for pangkat; a Penyelia at III/d has no next pangkat."""
    from python_calamine import CalamineWorkbook

    from skpkit.generator.commands.consolidate import consolidate
    from skpkit.generator.layout import labels, plans_for
    from skpkit.generator.write.workbook import write_workbook
    from skpkit.issuing import Roster
    from synthetic import random_fill, roster

    stem, plan = max(plans_for(Roster(roster(12, unit_size=12, seed=21)), tahun=2027, instansi="Uji"),
                     key=lambda sp: len(sp[1].sheets))
    random_fill(plan, seed=3)
    write_workbook(plan, tmp_path / f"{stem}.xlsx")
    consolidate([tmp_path], tmp_path / "rekap" / "rekap.xlsx", progress=False)
    table = CalamineWorkbook.from_path(str(tmp_path / "rekap" / "rekap.xlsx")).get_sheet_by_name("Angka Kredit")
    head, *rows = table.to_python()
    by_nip = {r[0]: dict(zip(head, r)) for r in rows}
    cases = {s.pegawai.jenjang.value: (s, plan.evaluate(s).posisi_ak) for s in plan.sheets
             if isinstance(plan.evaluate(s).posisi_ak, ak.PosisiAK)}
    muda, muda_posisi = cases["Ahli Muda"]
    row = by_nip[muda.pegawai.nip]
    assert ak.di_golongan_puncak(muda.pegawai.pangkat, "Ahli Muda")
    assert row["AK untuk pangkat"] == 200.0
    assert row["Kekurangan (pangkat)"] == pytest.approx(muda_posisi.kurang_pangkat)
    assert muda_posisi.kurang_pangkat == pytest.approx(max(200.0 - muda_posisi.kumulatif_pangkat, 0.0))
    penyelia, _ = cases["Penyelia"]
    row = by_nip[penyelia.pegawai.nip]
    dash = labels()["pegawai"]["tidak_berlaku"]
    assert row["AK untuk pangkat"] == row["Kekurangan (pangkat)"] == dash
    # half a year entered: no position yet, but the requirement shown is already the one for III/d
    stem, plan = max(plans_for(Roster(roster(12, unit_size=12, seed=21)), tahun=2027, instansi="Uji"),
                     key=lambda sp: len(sp[1].sheets))
    random_fill(plan, seed=3, periods=2)
    (tmp_path / "half").mkdir()
    write_workbook(plan, tmp_path / "half" / f"{stem}.xlsx")
    consolidate([tmp_path / "half"], tmp_path / "rekap" / "half.xlsx", progress=False)
    head, *rows = CalamineWorkbook.from_path(str(tmp_path / "rekap" / "half.xlsx")).get_sheet_by_name(
        "Angka Kredit").to_python()
    row = {r[0]: dict(zip(head, r)) for r in rows}[muda.pegawai.nip]
    assert row["AK untuk pangkat"] == 200.0 and row["Kekurangan (pangkat)"] == ""
