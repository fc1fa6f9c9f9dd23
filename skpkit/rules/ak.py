"""Angka kredit across years (RULES.md section 6): the months a pegawai held the jabatan in the year,
the AK carried in from earlier years, the cumulative AK and the shortfall for the next pangkat and
jenjang, and what a kenaikan jenjang does to them.

The AK of one period is :func:`angka_kredit` with the months of :func:`bulan_dinilai`. Each rule in its
three forms side by side: scalar, array (:func:`angka_kredit_array`) and the formula of its cell
(:func:`angka_kredit_formula`, :func:`bulan_ak_formula`, :func:`ak_kumulatif_formula`, :func:`ak_kurang_formula`);
the rekap's ``Angka Kredit`` sheet is held to the same functions.
"""

from __future__ import annotations

from dataclasses import dataclass

from skpkit.errors import InputError
from skpkit.model import Jenjang, Predikat, Settings
from skpkit.rules.formula import ERR, carries_reason, text_literal
from skpkit.rules.lazy import kolom, np
from skpkit.rules.nilai import BULAN_SALAH, angka
from skpkit.rules.bulan import (TMT_SALAH, bulan_ak_formula, bulan_dinilai, bulan_mulai,  # noqa: F401 (re-exported)
                                bulan_mulai_formula, tanggal, tanggal_sel)

__all__ = ["TMT_SALAH", "AK_AWAL_SALAH", "tanggal", "tanggal_sel", "bulan_mulai", "bulan_dinilai", "bulan_mulai_formula",
           "PosisiAK", "posisi_ak",
           "kenaikan_jenjang", "JENJANG_BERIKUT", "syarat_kenaikan_jenjang", "angka_kredit", "angka_kredit_array",
           "angka_kredit_formula", "angka_kredit_udf_formula", "bulan_ak_formula", "ak_kumulatif_formula",
           "ak_kurang_formula", "di_golongan_puncak", "syarat_pangkat", "golongan_puncak_formula", "ak_kurang_pangkat_formula",
           "jumlah_formula"]

DEFAULT = Settings()
AK_AWAL_SALAH = "AK awal bukan angka"
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


#: characters read as spaces around a golongan in a pangkat cell ("Penata Tk. I (III/d)", "III/d, Penata")
_PEMISAH_GOLONGAN = "(),"


def di_golongan_puncak(pangkat: object, jenjang, *, settings: Settings = DEFAULT) -> bool:
    """Whether a pangkat cell holds the top golongan of ``jenjang`` (RULES.md section 6) as a word of its own,
    in any case: there the next pangkat lies in the next jenjang.

    Examples
    --------
    >>> di_golongan_puncak("Penata Tk. I (III/d)", "Ahli Muda"), di_golongan_puncak("III/d", "ahli muda")
    (True, True)
    >>> di_golongan_puncak("Penata (III/c)", "Ahli Muda"), di_golongan_puncak("Penata Tk. I (III/d)", "Terampil")
    (False, False)
    """
    top = settings.golongan_puncak.get(Jenjang.parse(jenjang)) or ""
    text = f" {'' if pangkat is None else pangkat} "
    for ch in _PEMISAH_GOLONGAN:
        text = text.replace(ch, " ")
    return bool(top.strip()) and f" {top} ".casefold() in text.casefold()


@dataclass(frozen=True)
class PosisiAK:
    """Where a fungsional stands after the year: cumulative AK and shortfall, toward pangkat and jenjang.

    ``kurang_jenjang`` and ``ak_jenjang`` are ``None`` at the top of the ladder (Penyelia, Ahli Utama); the
    three pangkat fields are ``None`` for a PPPK, who has a golongan, not a pangkat (RULES.md section 9).
    At the top golongan of a jenjang the requirement for pangkat is the jenjang's (an Ahli Muda III/d needs
    200 for IV/a), so ``kurang_pangkat`` and ``ak_pangkat`` are ``None`` at the top golongan of a ladder's
    top jenjang (Penyelia III/d, Ahli Utama IV/e): no next pangkat to count toward.
    """

    kumulatif_pangkat: float | None
    kurang_pangkat: float | None
    ak_pangkat: float | None
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
              settings: Settings = DEFAULT, pppk: bool = False, pangkat: object = None) -> PosisiAK:
    """Cumulative AK = AK awal + this year's AK, and the shortfall = requirement - cumulative, never below 0.

    Parameters
    ----------
    ak_tahun : float
        This year's AK, unrounded (the annual evaluation's).
    jenjang : Jenjang or str
    ak_awal_pangkat, ak_awal_jenjang : float or None
        The AK held at the start of the year toward the next pangkat and the next jenjang (latest PAK,
        konversi or integrasi); blank is 0.
    pppk : bool
        A PPPK: the AK counts toward the next jenjang only; the pangkat fields are ``None``.
    pangkat : str, optional
        The pangkat cell (``Penata Tk. I (III/d)``): at the top golongan of the jenjang
        (:func:`di_golongan_puncak`) the requirement for pangkat is the jenjang's.

    Examples
    --------
    >>> p = posisi_ak(25.0, "Ahli Muda", 150, 150)  # a Baik year on 150 carried in
    >>> p.kumulatif_jenjang, p.kurang_jenjang, p.kurang_pangkat
    (175.0, 25.0, 0.0)
    >>> posisi_ak(50.0, "Ahli Utama").kurang_jenjang is None
    True
    >>> p = posisi_ak(12.5, "Ahli Pertama", None, 40, pppk=True)
    >>> p.kurang_pangkat, p.kumulatif_jenjang, p.kurang_jenjang
    (None, 52.5, 47.5)
    >>> p = posisi_ak(25.0, "Ahli Muda", 150, 150, pangkat="Penata Tk. I (III/d)")  # IV/a is Ahli Madya's
    >>> p.ak_pangkat, p.kurang_pangkat
    (200.0, 25.0)
    >>> posisi_ak(25.0, "Penyelia", 90, 90, pangkat="III/d").kurang_pangkat is None
    True
    """
    jj = Jenjang.parse(jenjang)
    kp = _awal(ak_awal_pangkat) + ak_tahun
    kj = _awal(ak_awal_jenjang) + ak_tahun
    need_j = settings.ak_jenjang[jj]
    kurang_j = None if need_j is None else max(need_j - kj, 0.0)
    if pppk:
        return PosisiAK(None, None, None, kj, kurang_j, need_j)
    need_p = syarat_pangkat(jj, pangkat, settings=settings)
    return PosisiAK(kp, None if need_p is None else max(need_p - kp, 0.0), need_p, kj, kurang_j, need_j)


def syarat_pangkat(jenjang, pangkat: object = None, *, settings: Settings = DEFAULT) -> float | None:
    """The AK a fungsional needs for the next pangkat: the jenjang's ``AKPangkat``, or at the top golongan of
    the jenjang (:func:`di_golongan_puncak`) its ``AKJenjang`` (``None`` at a ladder's top).

    Examples
    --------
    >>> syarat_pangkat("Ahli Muda", "Penata (III/c)"), syarat_pangkat("Ahli Muda", "Penata Tk. I (III/d)")
    (100.0, 200.0)
    """
    jj = Jenjang.parse(jenjang)
    if di_golongan_puncak(pangkat, jj, settings=settings):
        return settings.ak_jenjang[jj]
    return settings.ak_pangkat[jj]


def kenaikan_jenjang(posisi: PosisiAK) -> tuple[float | None, float]:
    """AK awal (pangkat, jenjang) in the new jenjang after a kenaikan jenjang: the AK for jenjang starts
    again from 0; the excess over the pangkat requirement carries to the next pangkat (none for a PPPK).

    Examples
    --------
    >>> kenaikan_jenjang(posisi_ak(25.0, "Ahli Muda", 180, 180))
    (105.0, 0.0)
    """
    if posisi.kumulatif_pangkat is None or posisi.ak_pangkat is None:
        return None, 0.0
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


def angka_kredit(predikat_pegawai, jenjang, bulan: float = 12, *, settings: Settings = DEFAULT) -> float | None:
    """Angka kredit earned: bulan / 12 x percent(predikat) x koefisien(jenjang), unrounded.

    Keep the full value, sum full values, show :func:`~skpkit.rules.nilai.bulat` of it.

    Examples
    --------
    >>> ak = angka_kredit("Baik", "Ahli Pertama", 2)
    >>> round(ak, 4)
    2.0833
    >>> angka_kredit("Sangat Baik", "Ahli Pertama")
    18.75
    """
    if predikat_pegawai is None or (isinstance(predikat_pegawai, str) and not predikat_pegawai.strip()):
        return None
    pr = Predikat.parse(predikat_pegawai)
    jj = Jenjang.parse(jenjang)
    b = angka(bulan)
    if b is None or b < 0 or b > 12:
        raise InputError(BULAN_SALAH, "isi jumlah bulan penilaian 0 sampai 12")
    return b / 12 * settings.persen_ak[pr] / 100 * settings.koefisien[jj]


def angka_kredit_array(predikat_pegawai, jenjang, bulan=12, *, settings: Settings = DEFAULT) -> np.ndarray:
    """Array form of :func:`angka_kredit` (full precision floats).

    Examples
    --------
    >>> [round(x, 4) for x in angka_kredit_array(["Baik", "Sangat Baik"], "Ahli Pertama", [2, 12])]
    [2.0833, 18.75]
    """
    n = kolom.length(predikat_pegawai, jenjang, bulan)
    p, p_why = kolom.encode(predikat_pegawai, Predikat, n)
    j, j_why = kolom.encode(jenjang, Jenjang, n)
    b, b_why = kolom.floats(bulan, n)
    persen = np.array([settings.persen_ak[x] for x in Predikat])
    koef = np.array([settings.koefisien[x] for x in Jenjang])
    with np.errstate(invalid="ignore"):
        bad_b = np.isnan(b) | (b < 0) | (b > 12)
        ak = b / 12 * persen[np.clip(p, 0, None)] / 100 * koef[np.clip(j, 0, None)]
    reasons = kolom.first_reason((p == kolom.ERROR, p_why), (j == kolom.ERROR, j_why),
                            (j == kolom.BLANK, f"{Jenjang.kind()} kosong"),
                            (kolom.has_reason(b_why), b_why), (bad_b, BULAN_SALAH))
    if reasons is not None:
        reasons[p == kolom.BLANK] = None
    return kolom.with_errors(ak, p == kolom.BLANK, reasons)


def _ak_gate(predikat: str, bulan: str, value: str) -> str:
    """Blank until the predikat is set; the predikat's, then the months' reason carried (skpkit.evaluasi)."""
    return (f'=IF({predikat}="","",IF({carries_reason(predikat)},{predikat},'
            f'IF({carries_reason(bulan)},{bulan},{value})))')


def _persen(predikat: str) -> str:
    return f"INDEX(PersenAK,MATCH({predikat},DaftarPredikat,0))/100"


def _koefisien(jenjang: str) -> str:
    return f"INDEX(Koefisien,MATCH({jenjang},DaftarJenjang,0))"


def angka_kredit_formula(predikat: str, jenjang: str, bulan: str, lama: str | None = None,
                         bulan_lama: str | None = None) -> str:
    """The period's AK cell (:func:`angka_kredit`) from Pengaturan's PersenAK and Koefisien; with a jenjang held
    before the TMT (the cell ``lama``), the ``bulan_lama`` months of ``bulan`` earn with its koefisien."""
    if not lama:
        return _ak_gate(predikat, bulan, f"{bulan}/12*{_persen(predikat)}*{_koefisien(jenjang)}")
    return _ak_gate(predikat, bulan, f"{_persen(predikat)}*(({bulan}-{bulan_lama})*{_koefisien(jenjang)}+"
                                     f"IF({bulan_lama}>0,{bulan_lama}*{_koefisien(lama)},0))/12")


def angka_kredit_udf_formula(predikat: str, jenjang: str, bulan: str, lama: str | None = None,
                             bulan_lama: str | None = None) -> str:
    """The period's AK cell through the add-in (``SKP_ANGKA_KREDIT``), a second call for the earlier jenjang."""
    if not lama:
        return _ak_gate(predikat, bulan, f"SKP_ANGKA_KREDIT({predikat},{jenjang},{bulan},PersenAK,Koefisien)")
    return _ak_gate(predikat, bulan, f"SKP_ANGKA_KREDIT({predikat},{jenjang},{bulan}-{bulan_lama},PersenAK,Koefisien)+"
                                     f"IF({bulan_lama}>0,SKP_ANGKA_KREDIT({predikat},{lama},{bulan_lama},PersenAK,"
                                     f"Koefisien),0)")


def _carried(ref: str) -> str:
    return f'OR({ref}="",{carries_reason(ref)})'


def ak_kumulatif_formula(ak_tahun: str, awal: str, awal_lain: str) -> str:
    """The cumulative AK cell (:func:`posisi_ak`): AK awal (blank 0) + the year's AK; both AK awal cells must
    be numbers >= 0."""
    bad = "OR(" + ",".join(f'AND({a}<>"",OR(NOT(ISNUMBER({a})),{a}<0))' for a in (awal_lain, awal)) + ")"
    return (f'=IF({_carried(ak_tahun)},{ak_tahun},IF({bad},"{ERR}{AK_AWAL_SALAH}",'
            f'IF({awal}="",0,{awal})+{ak_tahun}))')


def ak_kurang_formula(kumulatif: str, jenjang: str, table: str, top: str) -> str:
    """The shortfall cell (:func:`posisi_ak`): requirement (AKPangkat / AKJenjang of the jenjang) - cumulative,
    never below 0; ``top`` text at the top of the ladder (no requirement)."""
    need = f"INDEX({table},MATCH({jenjang},DaftarJenjang,0))"
    return (f'=IF({_carried(kumulatif)},{kumulatif},IF({need}="",{text_literal(top)},'
            f'MAX(0,{need}-{kumulatif})))')


def golongan_puncak_formula(pangkat: str, jenjang: str) -> str:
    """:func:`di_golongan_puncak` of the pangkat cell: the jenjang's ``GolPuncak`` as a word of the cell."""
    cleaned = pangkat
    for ch in _PEMISAH_GOLONGAN:
        cleaned = f'SUBSTITUTE({cleaned},"{ch}"," ")'
    top = f"INDEX(GolPuncak,MATCH({jenjang},DaftarJenjang,0))"
    return f'AND(TRIM({top})<>"",ISNUMBER(SEARCH(" "&{top}&" "," "&{cleaned}&" ")))'


def ak_kurang_pangkat_formula(kumulatif: str, jenjang: str, pangkat: str, top: str) -> str:
    """The shortfall for pangkat (:func:`posisi_ak`): against AKPangkat, or AKJenjang at the top golongan of
    the jenjang (``top`` text where that has no requirement either)."""
    m = f"MATCH({jenjang},DaftarJenjang,0)"
    need = f"IF({golongan_puncak_formula(pangkat, jenjang)},INDEX(AKJenjang,{m}),INDEX(AKPangkat,{m}))"
    return (f'=IF({_carried(kumulatif)},{kumulatif},IF({need}="",{text_literal(top)},'
            f'MAX(0,{need}-{kumulatif})))')


def jumlah_formula(cells: list[str]) -> str:
    """The sum of the periods' AK: blank while none is a number."""
    joined = ",".join(cells)
    return f'=IF(COUNT({joined})=0,"",SUM({joined}))'
