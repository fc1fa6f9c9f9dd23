"""NIP (Nomor Induk Pegawai) and NI PPPK: 18 digits, always text.

A NIP: birth date ``YYYYMMDD``, TMT CPNS ``YYYYMM``, gender digit (1 laki-laki, 2 perempuan), sequence
``NNN``. An NI PPPK (RULES.md section 9): birth date, year of appointment ``YYYY``, a two-digit code that
is not a month (commonly 21), gender, sequence. A number that reached us as a number (``1.9E+17``,
``199001012015031001.0``) has lost digits or will: it is refused, never guessed back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from skpkit.errors import InputError

__all__ = ["NipParts", "parse_nip", "is_nip", "PNS", "PPPK", "PPPK_PARUH_WAKTU", "STATUSES", "parse_status",
           "golongan_pppk", "status_of"]

PNS, PPPK, PPPK_PARUH_WAKTU = "PNS", "PPPK", "PPPK Paruh Waktu"
#: the statuses a roster names (its ``Status`` column)
STATUSES = (PNS, PPPK, PPPK_PARUH_WAKTU)


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
          "XVII")


def golongan_pppk(text: str) -> str:
    """The golongan of a PPPK (I-XVII) in a roster's pangkat cell (``IX``, ``Ahli Pertama / IX``), or ``""``.

    Examples
    --------
    >>> golongan_pppk("IX"), golongan_pppk("Ahli Pertama / IX"), golongan_pppk("III/a"), golongan_pppk("XVIII")
    ('IX', 'IX', '', '')
    """
    words = text.replace("/", " ").replace("-", " ").split()
    word = words[-1].upper() if words else ""
    return word if word in _ROMAN else ""


def status_of(number: str) -> str:
    """PNS or PPPK as digits 13-14 of a number say (a month: PNS), without validating it; for files of
    releases that did not store the status.

    Examples
    --------
    >>> status_of("199203152021211001"), status_of("198503152010122002")
    ('PPPK', 'PNS')
    """
    code = str(number).strip()[12:14]
    return PPPK if code.isdigit() and int(code) >= 13 else PNS


def parse_status(value: object) -> str:
    """A roster's status cell as one of :data:`STATUSES`; blank is ``""`` (decided by the number).

    Examples
    --------
    >>> parse_status("pppk"), parse_status("P3K Paruh Waktu"), parse_status("CPNS"), parse_status(None)
    ('PPPK', 'PPPK Paruh Waktu', 'PNS', '')
    """
    t = " ".join(str(value if value is not None else "").replace("-", " ").split()).casefold()
    if not t:
        return ""
    if t in ("pns", "cpns", "asn pns"):
        return PNS
    if t.replace("p3k", "pppk") in ("pppk", "asn pppk"):
        return PPPK
    if "paruh" in t and ("pppk" in t or "p3k" in t):
        return PPPK_PARUH_WAKTU
    raise InputError(f"status kepegawaian {value!r} tidak dikenal", "isi status: " + ", ".join(STATUSES))

_SCI = re.compile(r"^\s*\d+(\.\d+)?[eE][+-]?\d+\s*$")
_FLOATY = re.compile(r"^\s*\d+\.\d*\s*$")
_HINT_TEXT = "simpan NIP sebagai teks (format sel Teks, atau awali dengan tanda petik ')"


@dataclass(frozen=True)
class NipParts:
    """The parts of a valid NIP."""

    nip: str
    tanggal_lahir: date
    #: TMT CPNS (year, month); for an NI PPPK (year of appointment, 0)
    tmt_cpns: tuple[int, int]
    jenis_kelamin: str
    urut: int
    #: the code in digits 13-14 of an NI PPPK ("" for a NIP)
    kode_pppk: str = ""

    @property
    def pppk(self) -> bool:
        """Whether the number is an NI PPPK."""
        return bool(self.kode_pppk)

    @property
    def laki_laki(self) -> bool:
        return self.jenis_kelamin == "L"


def parse_nip(value: object, status: str = "") -> NipParts:
    """Validate a NIP or an NI PPPK and return its parts.

    Parameters
    ----------
    value : str
        The number as text. Spaces inside are allowed (``"19900101 201503 1 001"``).
    status : str
        The status the roster gives (:data:`STATUSES`), or ``""``: then digits 13-14 decide (a month: a
        NIP; any other code: an NI PPPK). A status that contradicts the number is refused.

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
    >>> parse_nip("199203152021211001").kode_pppk
    '21'
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
    month = 1 <= tmt_m <= 12  # a NIP's TMT month; an NI PPPK's code is 13-99
    pppk = status in (PPPK, PPPK_PARUH_WAKTU) or not status and tmt_m >= 13
    if pppk:
        if tmt_m < 13:
            raise InputError(f"NI PPPK {digits}: digit 13-14 ({digits[12:14]}) berupa bulan atau 00, bukan kode PPPK",
                             "periksa NI PPPK, atau status pegawai (PNS?) di roster")
        if tmt_y <= lahir.year:
            raise InputError(f"NI PPPK {digits}: tahun pengangkatan {digits[8:12]} tidak valid",
                             "digit 9-12 NI PPPK adalah tahun pengangkatan, sesudah tahun lahir")
    elif not month or (tmt_y, tmt_m) <= (lahir.year, lahir.month):
        raise InputError(f"NIP {digits}: TMT CPNS {digits[8:14]} tidak valid" + (
                             f" (status {status}; kode {digits[12:14]} adalah kode PPPK)" if status and tmt_m >= 13 else ""),
                         "digit 9-14 NIP adalah tahun dan bulan TMT CPNS, sesudah tanggal lahir")
    if digits[14] not in "12":
        raise InputError(f"NIP {digits}: digit jenis kelamin {digits[14]} bukan 1 atau 2",
                         "digit ke-15 NIP: 1 laki-laki, 2 perempuan")
    urut = int(digits[15:18])
    if urut == 0:
        raise InputError(f"NIP {digits}: nomor urut 000", "3 digit terakhir NIP adalah nomor urut 001-999")
    return NipParts(digits, lahir, (tmt_y, 0 if pppk else tmt_m), "L" if digits[14] == "1" else "P", urut,
                    digits[12:14] if pppk else "")


def is_nip(value: object) -> bool:
    """True when :func:`parse_nip` accepts ``value`` (a NIP or an NI PPPK).

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
