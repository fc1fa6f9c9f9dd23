"""NIP (Nomor Induk Pegawai): 18 digits, always text.

Layout: birth date ``YYYYMMDD``, TMT CPNS ``YYYYMM``, gender digit (1 laki-laki,
2 perempuan), sequence ``NNN``. A NIP that reached us as a number (``1.9E+17``,
``199001012015031001.0``) has lost digits or will: it is refused, never guessed back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from skpkit.errors import InputError

__all__ = ["NipParts", "parse_nip", "is_nip"]

_SCI = re.compile(r"^\s*\d+(\.\d+)?[eE][+-]?\d+\s*$")
_FLOATY = re.compile(r"^\s*\d+\.\d*\s*$")
_HINT_TEXT = "simpan NIP sebagai teks (format sel Teks, atau awali dengan tanda petik ')"


@dataclass(frozen=True)
class NipParts:
    """The parts of a valid NIP."""

    nip: str
    tanggal_lahir: date
    tmt_cpns: tuple[int, int]
    jenis_kelamin: str
    urut: int

    @property
    def laki_laki(self) -> bool:
        return self.jenis_kelamin == "L"


def parse_nip(value: object) -> NipParts:
    """Validate a NIP and return its parts.

    Parameters
    ----------
    value : str
        The NIP as text. Spaces inside are allowed (``"19900101 201503 1 001"``).

    Raises
    ------
    InputError
        For a number, scientific notation, a wrong length, non-digits, an impossible
        birth date or TMT, a gender digit other than 1 or 2, or sequence 000.

    Examples
    --------
    >>> p = parse_nip("199001012015031001")
    >>> p.tanggal_lahir, p.tmt_cpns, p.jenis_kelamin, p.urut
    (datetime.date(1990, 1, 1), (2015, 3), 'L', 1)
    >>> parse_nip(1.9e17)
    Traceback (most recent call last):
    ...
    skpkit.errors.InputError: NIP berupa angka (1.9e+17), digit bisa hilang: simpan NIP sebagai teks (format sel Teks, atau awali dengan tanda petik ')
    """
    if isinstance(value, bool) or not isinstance(value, str):
        if isinstance(value, (int, float)):
            raise InputError(f"NIP berupa angka ({value!r}), digit bisa hilang", _HINT_TEXT)
        raise InputError(f"NIP bukan teks: {value!r}", "isi NIP 18 digit sebagai teks")
    text = value.strip()
    if not text:
        raise InputError("NIP kosong", "isi NIP 18 digit")
    if _SCI.match(text) or _FLOATY.match(text):
        raise InputError(f"NIP tertulis sebagai angka ({text}), digit bisa hilang", _HINT_TEXT)
    digits = text.replace(" ", "")
    if not digits.isdigit() or not digits.isascii():
        raise InputError(f"NIP {text!r} berisi selain angka", "NIP hanya 18 digit angka")
    if len(digits) != 18:
        raise InputError(f"NIP {text!r} {len(digits)} digit, seharusnya 18", "periksa NIP")
    try:
        lahir = date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise InputError(f"NIP {digits}: tanggal lahir {digits[0:8]} tidak valid",
                         "8 digit pertama NIP adalah tanggal lahir TTTTBBHH") from None
    tmt_y, tmt_m = int(digits[8:12]), int(digits[12:14])
    if not 1 <= tmt_m <= 12 or (tmt_y, tmt_m) <= (lahir.year, lahir.month):
        raise InputError(f"NIP {digits}: TMT CPNS {digits[8:14]} tidak valid",
                         "digit 9-14 NIP adalah tahun dan bulan TMT CPNS, sesudah tanggal lahir")
    if digits[14] not in "12":
        raise InputError(f"NIP {digits}: digit jenis kelamin {digits[14]} bukan 1 atau 2",
                         "digit ke-15 NIP: 1 laki-laki, 2 perempuan")
    urut = int(digits[15:18])
    if urut == 0:
        raise InputError(f"NIP {digits}: nomor urut 000", "3 digit terakhir NIP adalah nomor urut 001-999")
    return NipParts(digits, lahir, (tmt_y, tmt_m), "L" if digits[14] == "1" else "P", urut)


def is_nip(value: object) -> bool:
    """True when :func:`parse_nip` accepts ``value``.

    Examples
    --------
    >>> is_nip("199001012015031001"), is_nip("1990010120150310")
    (True, False)
    """
    try:
        parse_nip(value)
    except InputError:
        return False
    return True
