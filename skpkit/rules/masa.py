"""The pegawai's own SKP period in the year (RULES.md sections 8 and 10), its scalar and formula forms side by side.

The period is the pegawai's, not the year's: it starts on 1 January or on the later of the TMT jabatan and the
day they joined the unit (``tmt_masuk``), and ends on 31 December or the day before ``tmt_keluar`` (the TMT of
the mutasi out, promotion or pension: the first day no longer in the unit; a "tanggal keluar" typed as the last
day in the unit gives the same periods). A period of the year that overlaps it is rated (*dinilai*); one that
does not has no rating, no predikat and no angka kredit: it shows :attr:`Masa.TIDAK_DINILAI`. The year is rated
when its last period is (the annual evaluation is the last pejabat penilai's, RULES.md section 10).

A ``jumlah`` target is shared over the periods from the first rated one to the end of the year: a pegawai who
joins in July was given targets for July-December (project default; a pegawai who leaves keeps the year's
shares, their targets were set for the year).

Dates are cells: a date, a spreadsheet serial, or blank. Text is no date here, as to the sheet's formulas
(the roster reader turns a roster's text into dates before).
"""

from __future__ import annotations

import datetime as dt

from skpkit.label import Label
from skpkit.rules.bulan import bulan_periode, bulan_periode_formula, tanggal_sel

__all__ = ["Masa", "TIDAK_DINILAI", "mulai", "dinilai", "awal", "mulai_formula", "dinilai_formula",
           "awal_formula", "gate_formula"]


class Masa(Label):
    """Whether a period lies in the pegawai's own SKP period."""

    DINILAI = "dinilai"
    TIDAK_DINILAI = "tidak dinilai"


#: the value of every rating, predikat and angka kredit of a period outside the pegawai's SKP period
TIDAK_DINILAI = Masa.TIDAK_DINILAI


def mulai(tmt_jabatan: object = None, tmt_masuk: object = None, jenjang_lama: object = None) -> dt.date | None:
    """The first day of the pegawai's SKP period: the later of the TMT jabatan and the day they joined the unit
    (``None``: neither is a date, the period starts with the year). A TMT of a kenaikan jenjang in the unit
    (``jenjang_lama``, the jenjang held before it) starts no period: the months before it are rated too.

    Examples
    --------
    >>> mulai(dt.date(2020, 3, 1), dt.date(2027, 7, 1)), mulai(None, None)
    (datetime.date(2027, 7, 1), None)
    >>> mulai(dt.date(2027, 7, 1)), mulai(dt.date(2027, 7, 1), jenjang_lama="Ahli Pertama")
    (datetime.date(2027, 7, 1), None)
    """
    lama = jenjang_lama is not None and str(jenjang_lama).strip()
    days = [d for d in (None if lama else tanggal_sel(tmt_jabatan), tanggal_sel(tmt_masuk)) if d is not None]
    return max(days, default=None)


def dinilai(periode: int | None, jumlah_periode: int, tahun: int, mulai_: object = None,
            keluar: object = None) -> bool:
    """Whether period ``periode`` (1-based; ``None``: the year) of ``tahun`` overlaps the pegawai's period from
    ``mulai_`` (:func:`mulai`) to the day before ``keluar``.

    Examples
    --------
    >>> [dinilai(p, 4, 2027, dt.date(2027, 5, 2), dt.date(2027, 10, 1)) for p in (1, 2, 3, 4, None)]
    [False, True, True, False, False]
    >>> [dinilai(p, 4, 2027, keluar="30-06-2027") for p in (1, 4, None)]  # text: no date, the whole year
    [True, True, True]
    """
    if periode is None:
        periode = jumlah_periode
    first, last = bulan_periode(periode, jumlah_periode)
    start = dt.date(tahun, first, 1)
    end = dt.date(tahun + (last == 12), last % 12 + 1, 1) - dt.timedelta(days=1)
    m, k = tanggal_sel(mulai_), tanggal_sel(keluar)
    return (m is None or m <= end) and (k is None or k > start)


def awal(jumlah_periode: int, tahun: int, mulai_: object = None) -> int:
    """The first period of the year in the pegawai's SKP period (1 when it starts before the year); where
    ``jumlah`` targets start being shared (:func:`skpkit.rules.agregasi.target_periode`).

    Examples
    --------
    >>> awal(4, 2027, dt.date(2027, 7, 1)), awal(12, 2027, dt.date(2027, 7, 15)), awal(4, 2027)
    (3, 7, 1)
    """
    return next((p for p in range(1, jumlah_periode + 1) if dinilai(p, jumlah_periode, tahun, mulai_)),
                jumlah_periode)


# --- formula -------------------------------------------------------------------------------------------

def _day(ref: str) -> str:
    """A date cell as a day number, 0 when it holds no date (blank or text)."""
    return f"IF(ISNUMBER({ref}),{ref},0)"


def mulai_formula(tmt_jabatan: str, tmt_masuk: str, jenjang_lama: str | None = None) -> str:
    """:func:`mulai` as a day number (0: none)."""
    tmt = _day(tmt_jabatan) if jenjang_lama is None else f'IF({jenjang_lama}="",{_day(tmt_jabatan)},0)'
    return f"MAX({tmt},{_day(tmt_masuk)})"


def dinilai_formula(tmt_jabatan: str, tmt_masuk: str, keluar: str, periode: int, jenjang_lama: str | None = None) -> str:
    """The ``masa`` cell of period ``periode``: :attr:`Masa.DINILAI` or :attr:`Masa.TIDAK_DINILAI` (:func:`dinilai`;
    ``Tahun`` and ``BulanPerPeriode`` of Pengaturan)."""
    first, last = bulan_periode_formula(periode)
    end, start = f"DATE(Tahun,{last}+1,0)", f"DATE(Tahun,{first},1)"
    inside = f"AND({mulai_formula(tmt_jabatan, tmt_masuk, jenjang_lama)}<={end},OR(NOT(ISNUMBER({keluar})),{keluar}>{start}))"
    return f'=IF({inside},"{Masa.DINILAI.value}","{Masa.TIDAK_DINILAI.value}")'


def awal_formula(tmt_jabatan: str, tmt_masuk: str, jenjang_lama: str | None = None) -> str:
    """:func:`awal`: the period that holds :func:`mulai` (1 when it is before the year or none, the last when
    after it)."""
    m = mulai_formula(tmt_jabatan, tmt_masuk, jenjang_lama)
    return (f"=IF({m}<DATE(Tahun,1,1),1,IF({m}>DATE(Tahun,12,31),JumlahPeriode,"
            f"ROUNDUP(MONTH({m})/BulanPerPeriode,0)))")


def gate_formula(masa: str, formula: str) -> str:
    """``formula`` (with its ``=``) shown only in a rated period: :attr:`Masa.TIDAK_DINILAI` where ``masa`` says so."""
    value = Masa.TIDAK_DINILAI.value
    return f'=IF({masa}="{value}","{value}",{formula[1:]})'
