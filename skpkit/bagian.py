"""A pegawai's year in parts (RULES.md section 10): a mutasi between units, each part evaluated in its own
workbook, brought together into one year.

Each part keeps its periods (rated where the pegawai was, :mod:`skpkit.rules.masa`); the year is the last
pejabat penilai's, from the periodic evaluations of every part (project defaults where the regulation is
silent):

- rating hasil kerja: suggested from the RHK ratings of every part, each RHK as rated in the last period of
  its part (a JPT's from the organisation, as the last part gives it); the last pejabat penilai's own annual
  rating replaces the suggestion where typed;
- rating perilaku kerja: from every periodic rating of every part (the most frequent, ties to the later);
- predikat from the two, and the year exists only when the year's last period is rated in some part
  (RULES.md section 8);
- angka kredit: per part, the year's predikat over that part's months and jenjang, summed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from skpkit import rules
from skpkit.errors import Invalid
from skpkit.evaluasi import HasilPegawai, IsianPegawai, carry, safe
from skpkit.model import JenisRHK, Predikat, Rating, Settings
from skpkit.rules import ak as aturan_ak
from skpkit.rules.hasil import ERROR_RHK, final
from skpkit.rules.masa import TIDAK_DINILAI

__all__ = ["Bagian", "bagian", "TahunanGabungan", "tahunan", "terpisah"]


@dataclass(frozen=True)
class Bagian:
    """What one part (one workbook's sheet of the pegawai) gives the year."""

    #: whether each period lies in this part
    dinilai: tuple[bool, ...]
    #: (jenis, rating) of each RHK in use, as rated in the last period of the part
    rhk: tuple[tuple[JenisRHK, Any], ...] = ()
    #: the final rating perilaku of each period (``tidak dinilai`` outside the part)
    perilaku: tuple[Any, ...] = ()
    #: months of the part that earn angka kredit in its jenjang, and that jenjang (a fungsional)
    bulan: int | None = None
    jenjang: str | None = None
    #: months of the part in the jenjang held before its TMT (a kenaikan jenjang in the part), and that jenjang
    bulan_lama: int = 0
    jenjang_lama: str | None = None
    #: the pejabat penilai's annual ratings as typed in this part's workbook
    override_hasil: Any = None
    override_perilaku: Any = None
    #: a JPT: the suggested hasil of the year is the organisation's, as this part's workbook gives it
    pimpinan: bool = False
    hasil_pimpinan: Any = None

    @property
    def periods(self) -> list[int]:
        return [p for p, d in enumerate(self.dinilai, 1) if d]


def bagian(isian: IsianPegawai, hasil: HasilPegawai, settings: Settings = rules.DEFAULT) -> Bagian:
    """The part of the year that one sheet holds.

    Examples
    --------
    >>> import datetime as dt
    >>> from skpkit.evaluasi import evaluasi
    >>> isian = IsianPegawai(4, tahun=2027, tmt_keluar=dt.date(2027, 7, 1))
    >>> bagian(isian, evaluasi(isian)).periods
    [1, 2]
    """
    dinilai = tuple(hasil.dinilai[:isian.n]) or (True,) * isian.n
    last = max((p for p, d in enumerate(dinilai, 1) if d), default=None)
    rhk: tuple[tuple[JenisRHK, Any], ...] = ()
    if last is not None:
        hp = hasil.periode[last - 1]
        rhk = tuple((r.jenis, x) for r, rows, x in zip(isian.rhk, hp.indikator, hp.rhk)
                    if any(row is not None for row in rows))
    bulan = None
    if isian.jenjang:
        months = safe(aturan_ak.bulan_dinilai, isian.tmt_jabatan, isian.tahun, None, isian.n,
                      masuk=isian.tmt_masuk, keluar=isian.tmt_keluar, settings=settings)
        bulan = months if isinstance(months, int) else None
    return Bagian(dinilai, rhk, tuple(hp.perilaku for hp in hasil.periode), bulan, isian.jenjang,
                  hasil.bulan_lama[isian.n] if isian.jenjang and hasil.bulan_lama else 0, isian.jenjang_sebelumnya or None,
                  isian._get(isian.override_hasil, isian.n), isian._get(isian.override_perilaku, isian.n),
                  isian.pimpinan, hasil.tahunan.hasil_saran if isian.pimpinan else None)


def terpisah(parts: Sequence[Bagian]) -> bool:
    """Whether ``parts`` are parts of one year: more than one, no period in two of them.

    Examples
    --------
    >>> terpisah([Bagian((True, True, False, False)), Bagian((False, False, True, True))])
    True
    >>> terpisah([Bagian((True,) * 4), Bagian((False, False, True, True))])
    False
    """
    seen: set[int] = set()
    for b in parts:
        if seen & set(b.periods) or not b.periods:
            return False
        seen |= set(b.periods)
    return len(parts) > 1


@dataclass(frozen=True)
class TahunanGabungan:
    """The year of a pegawai evaluated in parts."""

    hasil_saran: Any
    hasil: Any
    perilaku_saran: Any
    perilaku: Any
    predikat: Any
    angka_kredit: Any = None
    bulan: int | None = None


def tahunan(parts: Sequence[Bagian], settings: Settings = rules.DEFAULT) -> TahunanGabungan:
    """The year from its parts (in any order); every value ``tidak dinilai`` when the year's last period lies in
    none of them.

    Examples
    --------
    >>> S, A = Rating.SESUAI, Rating.DI_ATAS
    >>> a = Bagian((True, True, False, False), ((JenisRHK.UTAMA, A),), (S, S, None, None), 6, "Ahli Pertama")
    >>> b = Bagian((False, False, True, True), ((JenisRHK.UTAMA, A),), (None, None, A, A), 6, "Ahli Muda")
    >>> t = tahunan([b, a])
    >>> str(t.hasil), str(t.perilaku), str(t.predikat), t.angka_kredit, t.bulan  # 6/12 x 150 % x (12.5 + 25)
    ('Di Atas Ekspektasi', 'Di Atas Ekspektasi', 'Sangat Baik', 28.125, 12)
    """
    ordered = sorted(parts, key=lambda b: b.periods[0] if b.periods else 0)
    n = max(len(b.dinilai) for b in ordered)
    last = ordered[-1]
    if not any(len(b.dinilai) == n and b.dinilai[-1] for b in ordered):
        t = TIDAK_DINILAI
        return TahunanGabungan(t, t, t, t, t, t if last.jenjang else None, None)
    if last.pimpinan:
        saran = last.hasil_pimpinan
    else:
        ratings = [(j, x) for b in ordered for j, x in b.rhk]
        if any(isinstance(x, Invalid) for _, x in ratings):
            saran = Invalid(ERROR_RHK)
        else:
            saran = rules.rating_hasil_kerja([x for j, x in ratings if j is JenisRHK.UTAMA],
                                             [x for j, x in ratings if j is JenisRHK.TAMBAHAN], settings=settings)
    hasil = final(last.override_hasil, saran)
    periodic = [next((b.perilaku[p - 1] for b in ordered if p in b.periods), None) for p in range(1, n + 1)]
    p_saran = safe(rules.rating_perilaku_tahunan, [v if isinstance(v, Rating) else None for v in periodic])
    perilaku = final(last.override_perilaku, p_saran)
    pred = carry(hasil, perilaku) or rules.predikat(hasil, perilaku)
    ak = bulan = None
    months = [(j, m) for b in ordered if b.jenjang for j, m in ((b.jenjang, b.bulan or 0),
                                                                (b.jenjang_lama, b.bulan_lama)) if j and m]
    if any(b.jenjang for b in ordered):
        bulan = sum(m for _, m in months)
        if isinstance(pred, Predikat):
            each = [safe(rules.angka_kredit, pred, j, m, settings=settings) for j, m in months]
            ak = carry(*each) or sum(each, 0.0)
        else:
            ak = pred
    return TahunanGabungan(saran, hasil, p_saran, perilaku, pred, ak, bulan)
