"""How the printed forms show a number and a date: the scalar text and the formula side by side.

A form cell holds text (a target range ``30-37,5`` is one cell), so a number is turned into text by
``FIXED``, which groups thousands and writes decimals with the separators of the reader's Excel or
LibreOffice (``40.000`` in an Indonesian Excel). Whole numbers print without decimals, others with as
many as they need, at most two; capaian with two. The scalar forms write the Indonesian separators (the
cached value a workbook carries until it is recalculated).
"""

from __future__ import annotations

import calendar
import datetime as dt
import math

from skpkit.rules.bulan import tanggal_sel
from skpkit.rules.nilai import bulat

__all__ = ["desimal", "angka_teks", "angka_formula", "akhir_bulan", "tanggal_teks", "tanggal_formula", "mulai_teks",
           "mulai_formula", "selesai_teks", "selesai_formula"]


def desimal(x: float) -> int:
    """Decimals a number prints with: 0 for a whole number, else 1 or 2.

    Examples
    --------
    >>> desimal(40000), desimal(37.5), desimal(104.525), desimal(2.0000001)
    (0, 1, 2, 0)
    """
    if bulat(x, 0) == bulat(x, 2):
        return 0
    return 1 if bulat(x, 1) == bulat(x, 2) else 2


def angka_teks(x: float, decimals: int | None = None) -> str:
    """``x`` as the form prints it (Indonesian separators).

    Examples
    --------
    >>> angka_teks(40000), angka_teks(37.5), angka_teks(104.5, 2), angka_teks(-1234567.891)
    ('40.000', '37,5', '104,50', '-1.234.567,89')
    """
    if not math.isfinite(x):
        return str(x)
    d = desimal(x) if decimals is None else decimals
    text = f"{bulat(x, d):,.{d}f}"  # half away from zero, as FIXED rounds
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def angka_formula(expr: str, decimals: int | None = None) -> str:
    """:func:`angka_teks` as a formula over ``expr`` (a number; the caller tests that it is one).

    Examples
    --------
    >>> angka_formula("A1", 2)
    'FIXED(A1,2)'
    >>> angka_formula("A1")
    'FIXED(A1,IF(ROUND(A1,0)=ROUND(A1,2),0,IF(ROUND(A1,1)=ROUND(A1,2),1,2)))'
    """
    if decimals is not None:
        return f"FIXED({expr},{decimals})"
    return f"FIXED({expr},IF(ROUND({expr},0)=ROUND({expr},2),0,IF(ROUND({expr},1)=ROUND({expr},2),1,2)))"


def akhir_bulan(tahun: int, bulan: int) -> int:
    """The last day of a month.

    Examples
    --------
    >>> akhir_bulan(2028, 2), akhir_bulan(2027, 2), akhir_bulan(2027, 12)
    (29, 28, 31)
    """
    return calendar.monthrange(tahun, bulan)[1]


def tanggal_teks(hari: int, bulan: int, tahun: int, months: list[str]) -> str:
    """A date as the forms write it, ``months`` the twelve names.

    Examples
    --------
    >>> tanggal_teks(31, 3, 2027, ["Jan", "Feb", "Maret"] + ["?"] * 9)
    '31 Maret 2027'
    """
    return f"{hari} {months[bulan - 1]} {tahun}"


def tanggal_formula(bulan: int, months: list[str], tahun: str = "Tahun", akhir: bool = False) -> str:
    """:func:`tanggal_teks` of day 1 (or the month's last day, ``akhir``) of ``bulan`` in the year ``tahun``
    (a formula; the workbook's ``Tahun``), so the forms follow the year when it is changed.

    Examples
    --------
    >>> tanggal_formula(2, ["?"] + ["Februari"] + ["?"] * 10, akhir=True)
    'DAY(DATE(Tahun,3,0))&" Februari "&Tahun'
    >>> tanggal_formula(1, ["Januari"] + ["?"] * 11)
    '"1 Januari "&Tahun'
    """
    name = months[bulan - 1].replace('"', '""')
    if not akhir:
        return f'"1 {name} "&{tahun}'
    return f'DAY(DATE({tahun},{bulan + 1},0))&" {name} "&{tahun}'


def mulai_teks(mulai: object, tahun: int, months: list[str]) -> str:
    """The first day of the pegawai's SKP period in ``tahun`` (RULES.md section 10; :func:`skpkit.rules.masa.mulai`)
    when it falls in the year, else 1 January.

    Examples
    --------
    >>> months = ["JANUARI", "FEBRUARI", "MARET", "APRIL"] + ["?"] * 8
    >>> mulai_teks(dt.date(2027, 4, 15), 2027, months), mulai_teks(dt.date(2020, 4, 15), 2027, months)
    ('15 APRIL 2027', '1 JANUARI 2027')
    """
    day = tanggal_sel(mulai)
    if day is not None and day.year == tahun:
        return tanggal_teks(day.day, day.month, tahun, months)
    return tanggal_teks(1, 1, tahun, months)


def selesai_teks(keluar: object, tahun: int, months: list[str]) -> str:
    """The last day of the pegawai's SKP period in ``tahun``: the day before ``keluar`` when that falls in the
    year, else 31 December.

    Examples
    --------
    >>> months = ["?"] * 5 + ["JUNI"] + ["?"] * 5 + ["DESEMBER"]
    >>> selesai_teks(dt.date(2027, 7, 1), 2027, months), selesai_teks(None, 2027, months)
    ('30 JUNI 2027', '31 DESEMBER 2027')
    """
    day = tanggal_sel(keluar)
    if day is not None and (day - dt.timedelta(days=1)).year == tahun:
        day -= dt.timedelta(days=1)
        return tanggal_teks(day.day, day.month, tahun, months)
    return tanggal_teks(31, 12, tahun, months)


def _hari_formula(expr: str, months: list[str], otherwise: str, tahun: str) -> str:
    """The day ``expr`` as the forms write it when it is a date of the year, else ``otherwise``."""
    names = ",".join('"' + m.replace('"', '""') + '"' for m in months)
    return (f'IF(AND(ISNUMBER({expr}),IFERROR(YEAR({expr})={tahun},FALSE)),DAY({expr})&" "&CHOOSE(MONTH({expr}),'
            f'{names})&" "&{tahun},{otherwise})')


def mulai_formula(mulai: str, months: list[str], tahun: str = "Tahun") -> str:
    """:func:`mulai_teks` as a formula over ``mulai`` (a cell or :func:`skpkit.rules.masa.mulai_formula`)."""
    return _hari_formula(mulai, months, tanggal_formula(1, months, tahun), tahun)


def selesai_formula(keluar: str, months: list[str], tahun: str = "Tahun") -> str:
    """:func:`selesai_teks` as a formula over the ``keluar`` cell (blank or text: 31 December)."""
    return _hari_formula(f"({keluar}-1)", months, tanggal_formula(12, months, tahun, akhir=True), tahun)
