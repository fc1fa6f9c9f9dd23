"""Angka kredit across years (RULES.md section 6): the months a pegawai held the jabatan in the year,
the AK carried in from earlier years, the cumulative AK and the shortfall for the next pangkat and
jenjang, and what a kenaikan jenjang does to them.

The AK of one period is :func:`skpkit.rules.angka_kredit` with the months of :func:`bulan_dinilai`;
the workbook's formulas and the rekap's ``Angka Kredit`` sheet are held to these functions.
"""

from __future__ import annotations

import datetime as dt
import numbers
from dataclasses import dataclass

from skpkit.errors import InputError
from skpkit.model import Jenjang, Settings
from skpkit.nilai import angka

__all__ = ["TMT_SALAH", "AK_AWAL_SALAH", "tanggal", "bulan_mulai", "bulan_dinilai", "PosisiAK", "posisi_ak",
           "kenaikan_jenjang", "JENJANG_BERIKUT", "syarat_kenaikan_jenjang"]

DEFAULT = Settings()
TMT_SALAH = "TMT jabatan bukan tanggal"
AK_AWAL_SALAH = "AK awal bukan angka"
#: the spreadsheet day 0 (Excel's 1900 system, as LibreOffice reads .xlsx)
_EPOCH = dt.date(1899, 12, 30)

#: the next jenjang of each (None: the top of its ladder)
JENJANG_BERIKUT: dict[Jenjang, Jenjang | None] = {
    Jenjang.PEMULA: Jenjang.TERAMPIL, Jenjang.TERAMPIL: Jenjang.MAHIR, Jenjang.MAHIR: Jenjang.PENYELIA,
    Jenjang.PENYELIA: None, Jenjang.AHLI_PERTAMA: Jenjang.AHLI_MUDA, Jenjang.AHLI_MUDA: Jenjang.AHLI_MADYA,
    Jenjang.AHLI_MADYA: Jenjang.AHLI_UTAMA, Jenjang.AHLI_UTAMA: None,
}
#: conditions of kenaikan jenjang other than the AK (RULES.md section 6): reported to verify, never computed
SYARAT_JENJANG = ("predikat kinerja paling rendah Baik", "paling singkat 1 tahun dalam jenjang",
                  "lulus uji kompetensi")
SYARAT_PENGEMBANGAN = "pengembangan profesi"
_DENGAN_PENGEMBANGAN = (Jenjang.PENYELIA, Jenjang.AHLI_MADYA, Jenjang.AHLI_UTAMA)


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


def bulan_mulai(tmt: object, tahun: int, *, batas_hari: int = DEFAULT.tmt_batas_hari) -> int:
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
    return d.month + (1 if d.day > batas_hari else 0)


def bulan_dinilai(tmt: object, tahun: int, periode: int | None = None, jumlah_periode: int = 4, *,
                  batas_hari: int = DEFAULT.tmt_batas_hari) -> int:
    """Months of period ``periode`` (1-based; ``None``: the year) held in the jabatan, from
    :func:`bulan_mulai` to December: a period before the TMT earns nothing.

    Examples
    --------
    >>> [bulan_dinilai(dt.date(2027, 5, 1), 2027, p) for p in (1, 2, 3, 4)], bulan_dinilai(dt.date(2027, 5, 1), 2027)
    ([0, 2, 3, 3], 8)
    >>> bulan_dinilai(dt.date(2027, 5, 15), 2027), bulan_dinilai(None, 2027, 2, 12)
    (7, 1)
    """
    mulai = bulan_mulai(tmt, tahun, batas_hari=batas_hari)
    if periode is None:
        first, last = 1, 12
    else:
        per = 12 // jumlah_periode
        first, last = (periode - 1) * per + 1, periode * per
    return max(0, last - max(mulai, first) + 1)


@dataclass(frozen=True)
class PosisiAK:
    """Where a fungsional stands after the year: cumulative AK and shortfall, toward pangkat and jenjang.

    ``kurang_jenjang`` and ``ak_jenjang`` are ``None`` at the top of the ladder (Penyelia, Ahli Utama).
    """

    kumulatif_pangkat: float
    kurang_pangkat: float
    ak_pangkat: float
    kumulatif_jenjang: float
    kurang_jenjang: float | None
    ak_jenjang: float | None


def _awal(x: object) -> float:
    try:
        v = angka(x)
    except InputError:
        raise InputError(AK_AWAL_SALAH, "isi AK awal sebagai angka di roster, lalu skp refresh") from None
    if v is not None and v < 0:
        raise InputError(AK_AWAL_SALAH, "AK awal tidak boleh negatif")
    return v or 0.0


def posisi_ak(ak_tahun: float, jenjang, ak_awal_pangkat: object = None, ak_awal_jenjang: object = None, *,
              settings: Settings = DEFAULT) -> PosisiAK:
    """Cumulative AK = AK awal + this year's AK, and the shortfall = requirement - cumulative, never below 0.

    Parameters
    ----------
    ak_tahun : float
        This year's AK, unrounded (the annual evaluation's).
    jenjang : Jenjang or str
    ak_awal_pangkat, ak_awal_jenjang : float or None
        The AK held at the start of the year toward the next pangkat and the next jenjang (latest PAK,
        konversi or integrasi); blank is 0.

    Examples
    --------
    >>> p = posisi_ak(25.0, "Ahli Muda", 150, 150)  # a Baik year on 150 carried in
    >>> p.kumulatif_jenjang, p.kurang_jenjang, p.kurang_pangkat
    (175.0, 25.0, 0.0)
    >>> posisi_ak(50.0, "Ahli Utama").kurang_jenjang is None
    True
    """
    jj = Jenjang.parse(jenjang)
    kp = _awal(ak_awal_pangkat) + ak_tahun
    kj = _awal(ak_awal_jenjang) + ak_tahun
    need_p, need_j = settings.ak_pangkat[jj], settings.ak_jenjang[jj]
    return PosisiAK(kp, max(need_p - kp, 0.0), need_p, kj,
                    None if need_j is None else max(need_j - kj, 0.0), need_j)


def kenaikan_jenjang(posisi: PosisiAK) -> tuple[float, float]:
    """AK awal (pangkat, jenjang) in the new jenjang after a kenaikan jenjang: the AK for jenjang starts
    again from 0; the excess over the pangkat requirement carries to the next pangkat.

    Examples
    --------
    >>> kenaikan_jenjang(posisi_ak(25.0, "Ahli Muda", 180, 180))
    (105.0, 0.0)
    """
    return max(posisi.kumulatif_pangkat - posisi.ak_pangkat, 0.0), 0.0


def syarat_kenaikan_jenjang(jenjang) -> tuple[str, ...]:
    """Conditions of kenaikan jenjang other than the AK, to verify (empty at the top of the ladder).

    Examples
    --------
    >>> syarat_kenaikan_jenjang("Ahli Muda")[-1]
    'pengembangan profesi'
    >>> syarat_kenaikan_jenjang("Ahli Utama")
    ()
    """
    berikut = JENJANG_BERIKUT[Jenjang.parse(jenjang)]
    if berikut is None:
        return ()
    return SYARAT_JENJANG + ((SYARAT_PENGEMBANGAN,) if berikut in _DENGAN_PENGEMBANGAN else ())
