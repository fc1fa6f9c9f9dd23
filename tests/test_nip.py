from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skpkit.errors import InputError
from skpkit.nip import is_nip, parse_nip, parse_status


def test_parts():
    p = parse_nip("198503152010122002")
    assert p.nip == "198503152010122002"
    assert p.tanggal_lahir == date(1985, 3, 15)
    assert p.tmt_cpns == (2010, 12)
    assert p.jenis_kelamin == "P" and not p.laki_laki
    assert p.urut == 2


def test_spaces_inside_are_allowed():
    assert parse_nip("19850315 201012 2 002").nip == "198503152010122002"


@pytest.mark.parametrize("value,fragment", [
    (198503152010122002, "berupa angka"),
    (1.98503152010122e17, "berupa angka"),
    ("1.98503E+17", "tertulis sebagai angka"),
    ("198503152010122002.0", "tertulis sebagai angka"),
    ("19850315201012200", "17 digit"),
    ("1985031520101220021", "19 digit"),
    ("19850315201012200X", "selain angka"),
    ("198502302010122002", "tanggal lahir"),
    ("198503152010002002", "TMT CPNS"),  # month 00: neither a month nor a PPPK code
    ("198503151980122002", "TMT CPNS"),
    ("198503152010123002", "jenis kelamin"),
    ("198503152010122000", "nomor urut"),
    ("", "kosong"),
    (None, "bukan teks"),
])
def test_rejected(value, fragment):
    with pytest.raises(InputError, match=fragment):
        parse_nip(value)


@given(st.dates(date(1950, 1, 1), date(2005, 12, 31)), st.integers(0, 40), st.integers(1, 12),
       st.sampled_from("12"), st.integers(1, 999))
def test_roundtrip(lahir, years_after, month, gender, urut):
    tmt_year = lahir.year + 18 + years_after
    nip = f"{lahir:%Y%m%d}{tmt_year:04d}{month:02d}{gender}{urut:03d}"
    p = parse_nip(nip)
    assert (p.tanggal_lahir, p.tmt_cpns, p.urut) == (lahir, (tmt_year, month), urut)
    assert p.jenis_kelamin == ("L" if gender == "1" else "P")
    assert not is_nip(int(nip)) and not is_nip(float(nip))


# --- NI PPPK (RULES.md section 9) ------------------------------------------------------------------------

def test_ni_pppk_parts():
    p = parse_nip("199203152021211001")
    assert (p.pppk, p.kode_pppk, p.tanggal_lahir, p.tmt_cpns, p.jenis_kelamin, p.urut) == (
        True, "21", date(1992, 3, 15), (2021, 0), "L", 1)
    assert not parse_nip("198503152010122002").pppk


@pytest.mark.parametrize("value, status, fragment", [
    ("199203152021211001", "PNS", "kode 21 adalah kode PPPK"),  # the roster says PNS, the number PPPK
    ("198503152010122002", "PPPK", "bukan kode PPPK"),  # the roster says PPPK, digits 13-14 are a month
    ("199203151990211001", "", "tahun pengangkatan"),  # appointed before birth
    ("199203152021002001", "PPPK", "bukan kode PPPK"),
])
def test_ni_pppk_rejected(value, status, fragment):
    with pytest.raises(InputError, match=fragment):
        parse_nip(value, status)


@given(st.dates(date(1960, 1, 1), date(2005, 12, 31)), st.integers(18, 40), st.integers(13, 99),
       st.sampled_from("12"), st.integers(1, 999))
def test_ni_pppk_roundtrip(lahir, years_after, kode, gender, urut):
    text = f"{lahir:%Y%m%d}{lahir.year + years_after:04d}{kode:02d}{gender}{urut:03d}"
    p = parse_nip(text)
    assert p.pppk and p.kode_pppk == f"{kode:02d}" and p.tmt_cpns == (lahir.year + years_after, 0)
    assert parse_nip(text, "PPPK") == p == parse_nip(text, "PPPK Paruh Waktu")


def test_status_words():
    assert [parse_status(v) for v in ("PNS", " pppk ", "P3K", "PPPK Paruh Waktu", "", None)] == [
        "PNS", "PPPK", "PPPK", "PPPK Paruh Waktu", "", ""]
    with pytest.raises(InputError, match="status kepegawaian"):
        parse_status("honorer")
