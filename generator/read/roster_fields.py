"""Values of a roster's optional columns as SIASN, SIMPEG and hand-made rosters write them: dates, angka
kredit, and the eselon that tells a SIASN "Jabatan Struktural" apart (JPT, Administrator, Pengawas)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from skpkit.errors import InputError
from skpkit.model import JenisJabatan
from skpkit.i18n import _

__all__ = ["roster_date", "roster_number", "jenis_struktural", "BULAN"]

#: month names as Indonesian rosters write them (and their three-letter forms)
BULAN = {name: i for i, name in enumerate(("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
                                           "september", "oktober", "november", "desember"), start=1)}
BULAN.update({name[:3]: i for name, i in list(BULAN.items())})
BULAN.update({"agt": 8, "ags": 8, "okt": 10, "des": 12})
_DMY = re.compile(r"^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][\d:.]+)?$")
_NAMED = re.compile(r"^(\d{1,2})[- ]([a-z]+)[- ](\d{4})$")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


def roster_date(value: Any) -> dt.date | None:
    """A date cell, or text as rosters write it: ``DD-MM-YYYY`` (``/`` and ``.`` too), ``YYYY-MM-DD``
    (SIASN), ``1 Mei 2027``. A bare number is refused: in a CSV it cannot be told from a serial.

    Examples
    --------
    >>> roster_date("15-05-2027"), roster_date("2027-05-15"), roster_date("1 Mei 2027")
    (datetime.date(2027, 5, 15), datetime.date(2027, 5, 15), datetime.date(2027, 5, 1))
    >>> roster_date("") is None
    True
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip().casefold()
    try:
        if m := _DMY.match(text):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        if m := _YMD.match(text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if (m := _NAMED.match(text)) and m[2] in BULAN:
            return dt.date(int(m[3]), BULAN[m[2]], int(m[1]))
    except ValueError:
        pass
    raise InputError(_("tanggal tidak dikenal: {x!r}").format(x=str(value).strip()), _("tulis tanggal sebagai DD-MM-YYYY"))


def roster_number(value: Any) -> float | None:
    """A non-negative number, or its text with a decimal point or comma (``150,5``).

    Examples
    --------
    >>> roster_number(150), roster_number("150,5"), roster_number(" ")
    (150.0, 150.5, None)
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value != value or value in (float("inf"), float("-inf")) or value < 0:
            raise InputError(_("angka kredit tidak valid: {value!r}").format(value=value), _("isi angka 0 atau lebih"))
        return float(value)
    text = str(value).strip()
    if _NUMBER.match(text):
        return float(text.replace(",", "."))
    raise InputError(_("angka kredit bukan angka: {text!r}").format(text=text), _("isi angka saja, mis. 150 atau 150,5"))


def jenis_struktural(eselon: Any) -> JenisJabatan:
    """JPT, Administrator or Pengawas from an eselon: SIASN's id (``21``, ``32``, ``41``) or its name
    (``II.a``, ``Eselon III.b``, ``IV``): eselon I-II JPT, III Administrator, IV-V Pengawas.

    Examples
    --------
    >>> [jenis_struktural(x).value for x in ("II.a", "Eselon III.b", 41, "IV")]
    ['JPT', 'Administrator', 'Pengawas', 'Pengawas']
    """
    text = str(eselon).strip().upper().removeprefix("ESELON").strip() if eselon is not None else ""
    if isinstance(eselon, float) and eselon.is_integer():
        text = str(int(eselon))
    level = None
    if text.isdigit() and len(text) == 2:
        level = int(text[0])
    elif m := re.match(r"^(IV|V|I{1,3})\b", text):
        level = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}[m[1]]
    if level is None or not 1 <= level <= 5:
        raise InputError(_("eselon tidak dikenal: {eselon!r}").format(eselon=str(eselon).strip()) if text else
                         _("jabatan struktural tanpa eselon"),
                         _("isi kolom ESELON (II.a, III.a, IV.a) atau jenis jabatan JPT/Administrator/Pengawas"))
    return JenisJabatan.JPT if level <= 2 else JenisJabatan.ADMINISTRATOR if level == 3 else JenisJabatan.PENGAWAS
