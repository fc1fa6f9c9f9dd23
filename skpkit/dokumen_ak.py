"""The angka kredit documents of one fungsional for the year (PerBKN 3/2023 Pasal 12, Lampiran II;
RULES.md sections 6 and 11): KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT, AKUMULASI ANGKA KREDIT and
PENETAPAN ANGKA KREDIT, from the figures the rekap's Angka Kredit sheet holds (one source: the numbers
are the rekap's, this module only lays them out and draws the conclusions the form asks for).

Choices where the form leaves them to the instansi (README, "Defaults"):

- Konversi lists every period's predikat with its months and AK, and the year's evaluation, which is the
  one that counts (RULES.md section 4: the annual predikat is its own evaluation). A kenaikan jenjang in
  the year splits a period (and the year) into two rows, each with its jenjang's months and koefisien.
- Akumulasi is the year as one masa penilaian: the AK held at its start (``AK Awal``, from the latest
  PAK, konversi or integrasi) and the year's konversi, and their total.
- Penetapan puts the AK held at the start in the LAMA column (as AK JF lama) and the year's konversi in
  BARU; AK dasar, penyesuaian and pendidikan are not known to skpkit and print as ``-``. The minimum for
  pangkat at the top golongan of a jenjang is the jenjang's requirement (RULES.md section 6); a PPPK has
  no pangkat (section 9).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from skpkit.model import Predikat, Settings

__all__ = ["BarisKonversi", "Kenaikan", "DokumenAK", "dokumen_ak"]


@dataclass(frozen=True)
class BarisKonversi:
    """One conversion: the period, its months, predikat, percent, koefisien and AK."""

    periode: str
    bulan: int | None
    predikat: str | None
    persen: float | None
    koefisien: float | None
    ak: float | None


@dataclass(frozen=True)
class Kenaikan:
    """Toward the next pangkat or jenjang: the cumulative AK, the minimum, the excess (>= 0) or shortfall
    (> 0), and whether it can be considered (``None``: not applicable, ``alasan`` says why)."""

    kumulatif: float | None
    minimal: float | None
    kelebihan: float | None
    kekurangan: float | None
    dapat: bool | None
    alasan: str = ""


@dataclass(frozen=True)
class DokumenAK:
    """The three documents of one fungsional: identity, konversi per period and for the year, the AK held
    at the start, and the position toward pangkat and jenjang."""

    identitas: Mapping[str, Any]
    konversi: tuple[BarisKonversi, ...]
    tahunan: BarisKonversi
    ak_awal_pangkat: float | None
    ak_awal_jenjang: float | None
    pangkat: Kenaikan
    jenjang: Kenaikan
    #: other conditions of kenaikan jenjang, to verify (uji kompetensi, ...)
    syarat: str = ""
    #: a kenaikan jenjang in the year: the year's conversion in its two parts (the earlier jenjang, the new)
    tahunan_bagian: tuple[BarisKonversi, ...] = ()

    @property
    def jumlah_konversi(self) -> float | None:
        """The year's AK (what the Penetapan adds): the annual conversion."""
        return self.tahunan.ak

    @property
    def pppk(self) -> bool:
        """A PPPK: no pangkat, the AK held counts toward jenjang only (RULES.md section 9)."""
        return str(self.identitas.get("status") or "PNS").startswith("PPPK")

    @property
    def ak_awal(self) -> float | None:
        """The AK held at the start that the Akumulasi and the Penetapan add to (pangkat; jenjang for a PPPK)."""
        return self.ak_awal_jenjang if self.pppk else self.ak_awal_pangkat

    @property
    def akumulasi(self) -> float | None:
        """AK held at the start plus the year's: the Akumulasi's and the Penetapan's total."""
        if self.tahunan.ak is None:
            return None
        return (self.ak_awal or 0.0) + self.tahunan.ak


def _number(x: Any) -> float | None:
    return float(x) if isinstance(x, (int, float)) and not isinstance(x, bool) else None


def _persen(predikat: Any, settings: Settings, given: Any = None) -> float | None:
    if _number(given) is not None:  # the rekap's own (its workbooks' PersenAK)
        return _number(given)
    try:
        return settings.persen_ak[Predikat.parse(predikat)] if predikat else None
    except Exception:  # not a predikat: the rekap shows the reason
        return None


def _kenaikan(kumulatif: Any, minimal: Any, tidak_berlaku: str) -> Kenaikan:
    kum, need = _number(kumulatif), _number(minimal)
    if need is None:
        return Kenaikan(kum, None, None, None, None, tidak_berlaku)
    if kum is None:
        return Kenaikan(None, need, None, None, None)
    diff = kum - need
    return Kenaikan(kum, need, max(diff, 0.0), max(-diff, 0.0), diff >= 0)


def _konversi(baris: Mapping[str, Any], nama: str, bulan: Any, lama: Any, ak_lama: Any, predikat: str | None,
              persen: float | None, ak: Any) -> list[BarisKonversi]:
    """One period's conversion, or two where a kenaikan jenjang falls in it (``lama`` months, first, with the
    earlier jenjang's koefisien and the AK they earned, ``ak_lama``; the rest with the new one's). Both figures
    are the rekap's: the new part is the total less the earlier, so the rows add up to it."""
    bulan, lama, ak, early = _number(bulan), _number(lama) or 0.0, _number(ak), _number(ak_lama)
    koef, koef_lama = _number(baris.get("koefisien")), _number(baris.get("koefisien_sebelumnya"))
    months = None if bulan is None else int(bulan)
    if not lama or koef_lama is None or bulan is None:
        return [BarisKonversi(nama, months, predikat, persen, koef, ak)]
    if lama >= bulan:
        return [BarisKonversi(nama, months, predikat, persen, koef_lama, ak)]
    return [BarisKonversi(f"{nama} ({baris.get('jenjang_sebelumnya')})", int(lama), predikat, persen, koef_lama, early),
            BarisKonversi(f"{nama} ({baris.get('jenjang')})", int(bulan - lama), predikat, persen, koef,
                          None if early is None or ak is None else ak - early)]


def dokumen_ak(baris: Mapping[str, Any], periode_nama: list[str], *, settings: Settings = Settings(),
               tahunan_nama: str = "Tahunan", puncak: str = "", tanpa_pangkat: str = "") -> DokumenAK:
    """The documents of the fungsional whose rekap row is ``baris`` (the keys of the rekap's hidden
    ``_angka_kredit`` sheet: ``periode_p``, ``predikat_p``, ``bulan_p`` per period p, ``tahunan``,
    ``predikat_tahunan``, ``bulan``, ``koefisien``, ``ak_awal_*``, ``kumulatif_*``, ``ak_pangkat``,
    ``ak_jenjang``, ``status``, ...); ``puncak`` and ``tanpa_pangkat`` are the reasons printed where no
    next jenjang or no pangkat applies.

    Examples
    --------
    >>> d = dokumen_ak({"status": "PNS", "koefisien": 25.0, "predikat_tahunan": "Baik", "bulan": 12,
    ...                 "tahunan": 25.0, "ak_awal_pangkat": 150.0, "ak_awal_jenjang": 150.0,
    ...                 "kumulatif_pangkat": 175.0, "ak_pangkat": 200.0, "kumulatif_jenjang": 175.0,
    ...                 "ak_jenjang": 200.0}, [])
    >>> d.tahunan.persen, d.akumulasi, d.pangkat.kekurangan, d.pangkat.dapat
    (100.0, 175.0, 25.0, False)
    """
    rows = []
    for p, nama in enumerate(periode_nama, start=1):
        pred = baris.get(f"predikat_{p}") or None
        rows += _konversi(baris, nama, baris.get(f"bulan_{p}"), baris.get(f"lama_{p}"), baris.get(f"ak_lama_{p}"), pred,
                          _persen(pred, settings, baris.get(f"persen_{p}")), baris.get(f"periode_{p}"))
    pred = baris.get("predikat_tahunan") or None
    bulan = _number(baris.get("bulan"))
    persen = _persen(pred, settings, baris.get("persen_tahunan"))
    bagian = _konversi(baris, tahunan_nama, bulan, baris.get("lama"), baris.get("ak_lama"), pred, persen,
                       baris.get("tahunan"))
    tahunan = BarisKonversi(tahunan_nama, None if bulan is None else int(bulan), pred, persen,
                            bagian[0].koefisien if len(bagian) == 1 else None, _number(baris.get("tahunan")))
    pppk = str(baris.get("status") or "PNS").startswith("PPPK")
    pangkat = (Kenaikan(None, None, None, None, None, tanpa_pangkat) if pppk else
               _kenaikan(baris.get("kumulatif_pangkat"), baris.get("ak_pangkat"), puncak))
    return DokumenAK(identitas=dict(baris), konversi=tuple(rows), tahunan=tahunan,
                     tahunan_bagian=tuple(bagian) if len(bagian) > 1 else (),
                     ak_awal_pangkat=None if pppk else _number(baris.get("ak_awal_pangkat")),
                     ak_awal_jenjang=_number(baris.get("ak_awal_jenjang")), pangkat=pangkat,
                     jenjang=_kenaikan(baris.get("kumulatif_jenjang"), baris.get("ak_jenjang"), puncak),
                     syarat=str(baris.get("syarat") or ""))
