"""The months of the year that earn angka kredit (RULES.md sections 6 and 10), from the dates of a pegawai's
sheet: the TMT jabatan, the days they joined and left the unit, and the jenjang held before the TMT when it
changed in the year. Scalar and formula side by side; :mod:`skpkit.rules.ak` turns months into AK.
"""

from __future__ import annotations

import datetime as dt
import numbers

from skpkit.errors import InputError
from skpkit.model import Settings
from skpkit.rules.formula import ERR

__all__ = ["TMT_SALAH", "tanggal", "tanggal_sel", "bulan_mulai", "bulan_dinilai", "bulan_lama", "bulan_periode",
           "bulan_mulai_formula", "bulan_periode_formula", "bulan_ak_formula", "bulan_lama_formula"]

DEFAULT = Settings()
TMT_SALAH = "TMT jabatan bukan tanggal"
#: the spreadsheet day 0 (Excel's 1900 system, as LibreOffice reads .xlsx)
_EPOCH = dt.date(1899, 12, 30)


def tanggal(x: object) -> dt.date | None:
    """A cell's date: ``None`` for empty; a date, a datetime, or a spreadsheet serial number.

    Text is not a date here (the cell's formulas could not read it either); the roster reader turns
    the text of a roster into dates before.

    Examples
    --------
    >>> tanggal(dt.date(2027, 5, 15)), tanggal(46522.0), tanggal(None)
    (datetime.date(2027, 5, 15), datetime.date(2027, 5, 15), None)
    """
    if x is None or (isinstance(x, str) and not x.strip()):
        return None
    if isinstance(x, dt.datetime):
        return x.date()
    if isinstance(x, dt.date):
        return x
    if isinstance(x, numbers.Real) and not isinstance(x, bool) and 1 <= x < 2958466:
        return _EPOCH + dt.timedelta(days=int(x))
    raise InputError(TMT_SALAH, "isi TMT jabatan sebagai tanggal (DD-MM-YYYY) di roster, lalu skp refresh")


def bulan_mulai(tmt: object, tahun: int, *, batas_hari: int | None = None, settings: Settings = DEFAULT) -> int:
    """The first month of ``tahun`` that earns AK: 1 when the TMT is before the year (or blank), 13 when
    after it; in the year, the TMT's month when its day is at most ``batas_hari``, else the next month.

    Examples
    --------
    >>> bulan_mulai(dt.date(2027, 5, 1), 2027), bulan_mulai(dt.date(2027, 5, 15), 2027)
    (5, 6)
    >>> bulan_mulai(dt.date(2020, 5, 15), 2027), bulan_mulai(None, 2027), bulan_mulai(dt.date(2028, 1, 1), 2027)
    (1, 1, 13)
    """
    d = tanggal(tmt)
    if d is None or d.year < tahun:
        return 1
    if d.year > tahun:
        return 13
    return d.month + (1 if d.day > (settings.tmt_batas_hari if batas_hari is None else batas_hari) else 0)


def bulan_dinilai(tmt: object, tahun: int, periode: int | None = None, jumlah_periode: int = 4, *,
                  masuk: object = None, keluar: object = None, batas_hari: int | None = None,
                  settings: Settings = DEFAULT) -> int:
    """Months of period ``periode`` (1-based; ``None``: the year) held in the jabatan and the unit: from the later
    of :func:`bulan_mulai` of the TMT and of the day they joined the unit (``masuk``) to the month before
    :func:`bulan_mulai` of the day they left (``keluar``; RULES.md section 10), so the two parts of a mutasi
    never count a month twice. A period outside earns nothing. ``masuk`` and ``keluar`` that hold no date
    (blank, text) are not there.

    Examples
    --------
    >>> [bulan_dinilai(dt.date(2027, 5, 1), 2027, p) for p in (1, 2, 3, 4)], bulan_dinilai(dt.date(2027, 5, 1), 2027)
    ([0, 2, 3, 3], 8)
    >>> bulan_dinilai(dt.date(2027, 5, 15), 2027), bulan_dinilai(None, 2027, 2, 12)
    (7, 1)
    >>> bulan_dinilai(None, 2027, keluar=dt.date(2027, 7, 1)), bulan_dinilai(None, 2027, masuk=dt.date(2027, 7, 1))
    (6, 6)
    """
    b = settings.tmt_batas_hari if batas_hari is None else batas_hari
    mulai = max(bulan_mulai(tmt, tahun, batas_hari=b), bulan_mulai(tanggal_sel(masuk), tahun, batas_hari=b))
    return _dalam(mulai, _akhir(keluar, tahun, b), periode, jumlah_periode)


def tanggal_sel(x: object) -> dt.date | None:
    """A date cell as the sheet's formulas read it (``ISNUMBER``): a date or a serial; blank and text are none
    (``tanggal_sel("1 Juli 2027") is None``)."""
    try:
        return tanggal(x)
    except InputError:
        return None

def bulan_lama(tmt: object, tahun: int, periode: int | None = None, jumlah_periode: int = 4, *,
               masuk: object = None, keluar: object = None, batas_hari: int | None = None,
               settings: Settings = DEFAULT) -> int:
    """Months of period ``periode`` held in the jenjang before the TMT (a kenaikan jenjang in the year, RULES.md
    section 10): from the day they joined the unit (or January) to the month before :func:`bulan_mulai` of the
    TMT, never after leaving. They earn AK with the earlier jenjang's koefisien; :func:`bulan_dinilai` counts the
    months from the TMT.

    Examples
    --------
    >>> [bulan_lama(dt.date(2027, 7, 1), 2027, p) for p in (1, 2, 3, 4)], bulan_lama(dt.date(2027, 7, 1), 2027)
    ([3, 3, 0, 0], 6)
    >>> bulan_lama(dt.date(2027, 7, 1), 2027, masuk=dt.date(2027, 4, 1)), bulan_lama(dt.date(2020, 7, 1), 2027)
    (3, 0)
    """
    b = settings.tmt_batas_hari if batas_hari is None else batas_hari
    akhir = min(bulan_mulai(tanggal_sel(tmt), tahun, batas_hari=b) - 1, _akhir(keluar, tahun, b))
    return _dalam(bulan_mulai(tanggal_sel(masuk), tahun, batas_hari=b), akhir, periode, jumlah_periode)


def bulan_periode(periode: int | None, jumlah_periode: int) -> tuple[int, int]:
    """The first and last month of period ``periode`` (1-based; ``None``: the year).

    Examples
    --------
    >>> bulan_periode(2, 4), bulan_periode(None, 4), bulan_periode(7, 12)
    ((4, 6), (1, 12), (7, 7))
    """
    if periode is None:
        return 1, 12
    per = 12 // jumlah_periode
    return (periode - 1) * per + 1, periode * per


def _akhir(keluar: object, tahun: int, batas_hari: int) -> int:
    """The last month before the one the next unit counts from (12 when ``keluar`` holds no date)."""
    day = tanggal_sel(keluar)
    return 12 if day is None else bulan_mulai(day, tahun, batas_hari=batas_hari) - 1


def _dalam(mulai: int, akhir: int, periode: int | None, jumlah_periode: int) -> int:
    """Months of period ``periode`` from month ``mulai`` to month ``akhir``."""
    first, last = bulan_periode(periode, jumlah_periode)
    return max(0, min(last, akhir) - max(mulai, first) + 1)


def bulan_mulai_formula(ref: str, blank: int) -> str:
    """:func:`bulan_mulai` of a date cell (``Tahun``, ``TmtBatasHari``); ``blank`` where it holds no date."""
    return (f"IF(ISNUMBER({ref}),IF(YEAR({ref})<Tahun,1,IF(YEAR({ref})>Tahun,13,"
            f"MONTH({ref})+IF(DAY({ref})>TmtBatasHari,1,0))),{blank})")


def bulan_periode_formula(periode: int | None) -> tuple[str, str]:
    """:func:`bulan_periode` as expressions over ``BulanPerPeriode``."""
    if periode is None:
        return "1", "12"
    return f"{periode - 1}*BulanPerPeriode+1", f"{periode}*BulanPerPeriode"


def bulan_ak_formula(tmt: str, periode: int | None, masuk: str | None = None, keluar: str | None = None,
                     lama: str | None = None) -> str:
    """The months cell (:func:`bulan_dinilai`): the period's months from the later of the TMT's and the joining
    day's first month to the month before the leaving day's (``BulanPerPeriode``), plus the months in the
    earlier jenjang held in the cell ``lama`` (:func:`bulan_lama_formula`); a TMT that is not a date is named."""
    mulai = bulan_mulai_formula(tmt, 1)
    if masuk:
        mulai = f"MAX({mulai},{bulan_mulai_formula(masuk, 1)})"
    first, last = bulan_periode_formula(periode)
    if keluar:
        last = f"MIN({last},{bulan_mulai_formula(keluar, 13)}-1)"
    plus = f"+{lama}" if lama else ""
    return (f'=IF(OR({tmt}="",ISNUMBER({tmt})),MAX(0,{last}-MAX({mulai},{first})+1){plus},'
            f'"{ERR}{TMT_SALAH}")')


def bulan_lama_formula(tmt: str, periode: int | None, masuk: str, keluar: str, jenjang_lama: str) -> str:
    """:func:`bulan_lama` of a period as a formula: 0 where the cell ``jenjang_lama`` is blank or the TMT no date."""
    first, last = bulan_periode_formula(periode)
    akhir = f"MIN({bulan_mulai_formula(tmt, 1)}-1,{bulan_mulai_formula(keluar, 13)}-1)"
    return (f'=IF(OR({jenjang_lama}="",NOT(ISNUMBER({tmt}))),0,'
            f'MAX(0,MIN({last},{akhir})-MAX({bulan_mulai_formula(masuk, 1)},{first})+1))')
