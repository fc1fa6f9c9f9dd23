from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skpkit.errors import InputError
from skpkit.nip import is_nip, parse_nip


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
    ("198503152010132002", "TMT CPNS"),
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
