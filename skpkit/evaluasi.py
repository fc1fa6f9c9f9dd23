"""One pegawai's evaluation from what was entered: the rules of :mod:`skpkit.rules` composed.

This is what the workbook computes, cell by cell, written once in Python: the
generator's formulas, the recalculation tests and consolidation are all held to
it. An entered value is ``None`` when its cell is empty. A computed value is a
member of :class:`Rating` / :class:`Predikat`, a float, ``None`` (not filled yet)
or :class:`Invalid` (its cell shows ``#SKP! <reason>``).

How the workbook composes the rules (project defaults, see the README):

- an indikator slot counts in a period when its indikator text, a target, or that
  period's realisasi is filled; an RHK counts when one of its indikator does;
- an invalid indikator makes its RHK ``#SKP! indikator tidak valid`` and an invalid RHK
  makes the hasil kerja ``#SKP! RHK tidak valid``; predikat and angka kredit carry the
  reason of the rating they stand on;
- an override (the penilai's rating) replaces the suggestion;
- a JPT's suggested hasil kerja comes from the predikat of the organisation;
- the year: annual realisasi (per agregasi, once the last period is filled) against the
  full target; annual perilaku the most frequent periodic rating, ties to the later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from skpkit import rules
from skpkit.errors import InputError, Invalid
from skpkit.model import Agregasi, JenisRHK, Rating, Settings
from skpkit.rules import ak as aturan_ak, masa
from skpkit.rules.bulan import bulan_lama
from skpkit.rules.hasil import ERROR_RHK, final
from skpkit.rules.nilai import is_blank
from skpkit.rules.rhk import ERROR_INDIKATOR

__all__ = ["cek_target", "IsianIndikator", "IsianRHK", "IsianPegawai", "HasilIndikator", "HasilPeriode",
           "HasilPegawai", "evaluasi", "ERROR_INDIKATOR", "ERROR_RHK", "is_blank", "safe", "carry"]

def safe(fn: Callable, *args, **kw):
    """``fn(*args, **kw)``, or the reason it raised as :class:`Invalid` (the value a cell shows)."""
    try:
        return fn(*args, **kw)
    except InputError as e:
        return Invalid(e.reason)


@dataclass(frozen=True)
class IsianIndikator:
    """Entered values of one indikator slot; ``realisasi`` has one entry per period."""

    teks: Any = None
    target_min: Any = None
    target_max: Any = None
    arah: Any = "naik"
    agregasi: Any = "jumlah"
    realisasi: tuple = ()

    def used(self, periode: int | None) -> bool:
        """Whether the slot counts in period ``periode`` (1-based; ``None``: the year)."""
        if not (is_blank(self.teks) and is_blank(self.target_min) and is_blank(self.target_max)):
            return True
        values = self.realisasi if periode is None else self.realisasi[periode - 1:periode]
        return not all(is_blank(v) for v in values)


@dataclass(frozen=True)
class IsianRHK:
    jenis: JenisRHK = JenisRHK.UTAMA
    indikator: tuple[IsianIndikator, ...] = ()


@dataclass(frozen=True)
class IsianPegawai:
    """Everything entered on one pegawai's sheet that the evaluation reads.

    Per-period tuples have ``n`` entries; ``override_*`` and ``predikat_organisasi``
    have ``n + 1`` (the periods, then the year). ``perilaku`` is seven tuples (one per
    BerAKHLAK value) of ``n`` ratings.
    """

    n: int
    rhk: tuple[IsianRHK, ...] = ()
    perilaku: tuple[tuple, ...] = ()
    override_hasil: tuple = ()
    override_perilaku: tuple = ()
    predikat_organisasi: tuple = ()
    pimpinan: bool = False
    jenjang: Any = None
    bulan_per_periode: float = 3
    #: TMT jabatan, the year, and the AK carried in (RULES.md section 6); blank TMT: every month counts
    tmt_jabatan: Any = None
    tahun: int = 0
    ak_awal_pangkat: Any = None
    ak_awal_jenjang: Any = None
    #: a PPPK: AK toward the next jenjang only, no pangkat (RULES.md section 9)
    pppk: bool = False
    #: the pangkat cell, for the top golongan of the jenjang (:func:`skpkit.rules.ak.posisi_ak`)
    pangkat: str = ""
    #: the days they joined and left the unit in the year: with the TMT, their own SKP period (RULES.md
    #: section 10; :mod:`skpkit.rules.masa`)
    tmt_masuk: Any = None
    tmt_keluar: Any = None
    #: a kenaikan jenjang in the year: the jenjang before the TMT jabatan (RULES.md section 10)
    jenjang_sebelumnya: Any = None

    def _get(self, values: tuple, i: int):
        return values[i] if i < len(values) else None

    @property
    def mulai(self):
        return masa.mulai(self.tmt_jabatan, self.tmt_masuk, self.jenjang_sebelumnya)

    def dinilai(self, periode: int | None) -> bool:
        """Whether period ``periode`` (``None``: the year) lies in the pegawai's own SKP period."""
        return not self.tahun or masa.dinilai(periode, self.n, self.tahun, self.mulai, self.tmt_keluar)

    def bulan_lama(self, periode: int | None, settings: Settings = rules.DEFAULT) -> int:
        """The months of ``periode`` in the jenjang before the TMT jabatan (0 without one, or a TMT no date)."""
        if is_blank(self.jenjang_sebelumnya) or not self.tahun or aturan_ak.tanggal_sel(self.tmt_jabatan) is None:
            return 0
        return bulan_lama(self.tmt_jabatan, self.tahun, periode, self.n, masuk=self.tmt_masuk,
                          keluar=self.tmt_keluar, settings=settings)

    @property
    def awal(self) -> int:
        """The first period of the pegawai's own SKP period (:func:`skpkit.rules.masa.awal`)."""
        return masa.awal(self.n, self.tahun, self.mulai) if self.tahun else 1


@dataclass(frozen=True)
class HasilIndikator:
    realisasi: Any
    target_min: Any
    target_max: Any
    capaian: Any
    rating: Any


@dataclass(frozen=True)
class HasilPeriode:
    """Computed values of one period (or the year, ``periode=None``)."""

    periode: int | None
    indikator: tuple[tuple[HasilIndikator | None, ...], ...]
    rhk: tuple[Any, ...]
    hasil_saran: Any
    hasil: Any
    perilaku_saran: Any
    perilaku: Any
    predikat: Any
    angka_kredit: Any
    #: months of the period that earn angka kredit (fungsional only)
    bulan_ak: Any = None
    #: of ``angka_kredit``, what the months in the jenjang held before a kenaikan jenjang earn (None: none)
    angka_kredit_lama: float | None = None


@dataclass(frozen=True)
class HasilPegawai:
    periode: tuple[HasilPeriode, ...]
    tahunan: HasilPeriode
    angka_kredit_periode: float | None = field(default=None)
    #: cumulative AK and shortfall after the year (:class:`skpkit.ak.PosisiAK`), its reason, or None
    posisi_ak: Any = None
    #: whether each period, then the year, lies in the pegawai's own SKP period (:mod:`skpkit.rules.masa`)
    dinilai: tuple[bool, ...] = ()
    #: the first period of it, where ``jumlah`` targets start being shared
    awal: int = 1
    #: per period, then the year: the months in the jenjang held before the TMT (a kenaikan jenjang in the year)
    bulan_lama: tuple[int, ...] = ()


def carry(*values):
    """The first :class:`Invalid` among values, if any."""
    return next((v for v in values if isinstance(v, Invalid)), None)


def cek_target(ind: IsianIndikator) -> Invalid | None:
    """The checks of an indikator row that do not depend on the period (:func:`skpkit.rules.cek_target`)."""
    return rules.cek_target(ind.target_min, ind.target_max, ind.arah, ind.agregasi)


def _indikator(ind: IsianIndikator, periode: int | None, n: int, s: Settings, awal: int = 1) -> HasilIndikator | None:
    if not ind.used(periode):
        return None
    p = n if periode is None else periode
    row = cek_target(ind)
    if row is not None and row.reason.startswith(Agregasi.kind()):
        return HasilIndikator(row, None, None, row, row)
    values = tuple(ind.realisasi) + (None,) * (n - len(ind.realisasi))
    real = safe(rules.realisasi_periode, values, ind.agregasi, p)
    bad = real if isinstance(real, Invalid) else row
    if bad is not None:
        return HasilIndikator(real, None, None, bad, bad)
    if periode is None:
        lo, hi = ind.target_min, ind.target_max
    else:
        lo = rules.target_periode(ind.target_min, ind.agregasi, p, n, awal)
        hi = rules.target_periode(ind.target_max, ind.agregasi, p, n, awal)
    cap = safe(rules.capaian, real, lo, hi, ind.arah, settings=s)
    rating = safe(rules.rating_indikator, real, lo, hi, ind.arah)
    return HasilIndikator(real, lo, hi, cap, rating)


def _rhk(rows: Sequence[HasilIndikator | None], s: Settings):
    used = [r for r in rows if r is not None]
    if not used:
        return None
    if any(isinstance(r.rating, Invalid) for r in used):
        return Invalid(ERROR_INDIKATOR)
    return rules.rating_rhk([r.rating for r in used], settings=s)


def _periode(isian: IsianPegawai, periode: int | None, s: Settings,
             perilaku_periodik: Sequence = ()) -> HasilPeriode:
    n = isian.n
    awal = isian.awal
    ind = tuple(tuple(_indikator(i, periode, n, s, awal) for i in rhk.indikator) for rhk in isian.rhk)
    rhk = tuple(_rhk(rows, s) for rows in ind)
    if not isian.dinilai(periode):  # outside the pegawai's own SKP period (RULES.md section 8)
        t = masa.TIDAK_DINILAI
        return HasilPeriode(periode, ind, rhk, t, t, t, t, t, t if isian.jenjang else None,
                            t if isian.jenjang else None)
    k = n if periode is None else periode - 1  # index into the n + 1 per-row tuples
    if isian.pimpinan:
        saran = safe(rules.rating_hasil_pimpinan, isian._get(isian.predikat_organisasi, k), settings=s)
    else:
        used = [(r, x) for r, rows, x in zip(isian.rhk, ind, rhk) if any(row is not None for row in rows)]
        if any(isinstance(x, Invalid) for _, x in used):
            saran = Invalid(ERROR_RHK)
        else:
            saran = rules.rating_hasil_kerja(
                [x for r, x in used if r.jenis is JenisRHK.UTAMA],
                [x for r, x in used if r.jenis is JenisRHK.TAMBAHAN], settings=s)
    hasil = final(isian._get(isian.override_hasil, k), saran)
    if periode is None:
        p_saran = safe(rules.rating_perilaku_tahunan,
                        [v if isinstance(v, Rating) else None for v in perilaku_periodik])
    else:
        p_saran = safe(rules.rating_perilaku, [isian._get(v, k) for v in isian.perilaku],
                        settings=s)
    perilaku = final(isian._get(isian.override_perilaku, k), p_saran)
    pred = carry(hasil, perilaku) or rules.predikat(hasil, perilaku)
    ak = bulan = ak_lama = None
    if isian.jenjang is not None and not is_blank(isian.jenjang):
        bulan = safe(aturan_ak.bulan_dinilai, isian.tmt_jabatan, isian.tahun, periode, n,
                     masuk=isian.tmt_masuk, keluar=isian.tmt_keluar, settings=s)
        lama = isian.bulan_lama(periode, s) if isinstance(bulan, int) else 0
        if pred is None or isinstance(pred, Invalid):
            ak = pred
        elif isinstance(bulan, Invalid):
            ak = bulan
        else:
            ak = safe(rules.angka_kredit, pred, isian.jenjang, bulan, settings=s)
            if lama and isinstance(ak, float):
                ak_lama = safe(rules.angka_kredit, pred, isian.jenjang_sebelumnya, lama, settings=s)
                ak = carry(ak_lama) or ak + ak_lama
        if isinstance(bulan, int):
            bulan += lama
    return HasilPeriode(periode, ind, rhk, saran, hasil, p_saran, perilaku, pred, ak, bulan,
                        ak_lama if isinstance(ak_lama, float) else None)


def evaluasi(isian: IsianPegawai, settings: Settings = rules.DEFAULT) -> HasilPegawai:
    """Evaluate every period and the year of one pegawai.

    Examples
    --------
    >>> ind = IsianIndikator("Jumlah layanan", 100, 120, "naik", "jumlah", (30, None, None, None))
    >>> isian = IsianPegawai(4, rhk=(IsianRHK(JenisRHK.UTAMA, (ind,)),),
    ...                      perilaku=((Rating.SESUAI,) + (None,) * 3,) * 7)
    >>> h = evaluasi(isian)
    >>> h.periode[0].indikator[0][0].capaian, str(h.periode[0].hasil)
    (100.0, 'Sesuai Ekspektasi')
    >>> str(h.periode[0].predikat), h.periode[1].predikat
    ('Baik', None)
    """
    periods = tuple(_periode(isian, p, settings) for p in range(1, isian.n + 1))
    tahunan = _periode(isian, None, settings, [p.perilaku for p in periods])
    aks = [p.angka_kredit for p in periods if isinstance(p.angka_kredit, float)]
    posisi = tahunan.angka_kredit
    if isinstance(posisi, float):
        posisi = safe(aturan_ak.posisi_ak, posisi, isian.jenjang, isian.ak_awal_pangkat, isian.ak_awal_jenjang,
                       settings=settings, pppk=isian.pppk, pangkat=isian.pangkat)
    keys = (*range(1, isian.n + 1), None)
    return HasilPegawai(periods, tahunan, sum(aks) if aks else None, posisi, tuple(isian.dinilai(p) for p in keys),
                        isian.awal, tuple(isian.bulan_lama(p, settings) for p in keys))

