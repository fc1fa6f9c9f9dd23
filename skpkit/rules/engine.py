"""Formula engines: given cell references, the text of each computed cell, from the rules' formula forms.

``native`` writes each rule module's formula form (``capaian_formula``, ``predikat_formula``, ...): plain
formulas that Excel 2010, WPS and LibreOffice compute. ``xlwings`` writes the same cells with the rule
itself as a call of the add-in's Python function (``SKP_CAPAIAN``, ...), keeping the native gating.
Engines register by name (:func:`get_engine`), as pandas registers its Excel writers.
"""

from __future__ import annotations

from typing import Sequence

from skpkit.model import Predikat
from skpkit.rules import agregasi as periode_rule, ak, bulan, hasil, indikator, kurva, matriks, perilaku, rhk

__all__ = ["NativeFormulas", "XlwingsFormulas", "register_engine", "get_engine", "ENGINES"]


class NativeFormulas:
    """The default engine: native spreadsheet formulas, one method per computed cell kind."""

    name = "native"

    # one indikator (skpkit.rules.agregasi, indikator)
    def targets(self, lo: str, hi: str, agregasi: str, periode: int | None,
                awal: str | None = None) -> tuple[str, str]:
        return periode_rule.targets_formula(lo, hi, agregasi, periode, awal)

    def kumulatif(self, real: Sequence[str], agregasi: str, teks: str = "", lo: str = "", hi: str = "",
                  cek_baris: str = "", periode: int | None = None) -> str:
        return periode_rule.kumulatif_formula(real, agregasi, teks, lo, hi, cek_baris, periode)

    def cek_baris(self, lo: str, hi: str, arah: str, agregasi: str) -> str:
        return indikator.cek_baris_formula(lo, hi, arah, agregasi)

    def cek(self, teks: str, lo: str, hi: str, cek_baris: str, real: Sequence[str], kumulatif: str,
            periode: int | None) -> str:
        return indikator.cek_formula(teks, lo, hi, cek_baris, real, kumulatif, periode)

    def capaian(self, cek: str, kumulatif: str, lo: str, hi: str, arah: str, agregasi: str,
                periode: int | None, awal: str | None = None) -> str:
        return indikator.capaian_formula(cek, kumulatif, lo, hi, arah, agregasi, periode, awal)

    def rating_indikator(self, cek: str, kumulatif: str, lo: str, hi: str, arah: str, agregasi: str,
                         periode: int | None, awal: str | None = None) -> str:
        return indikator.rating_indikator_formula(cek, kumulatif, lo, hi, arah, agregasi, periode, awal)

    # one RHK (skpkit.rules.rhk)
    def status_rhk(self, ceks: str, ratings: str) -> str:
        return rhk.status_rhk_formula(ceks, ratings)

    def rating_rhk(self, status: str, ceks: str, ratings: str) -> str:
        return rhk.rating_rhk_formula(status, ceks, ratings)

    # the pegawai per period (skpkit.rules.hasil, perilaku, matriks, ak)
    def hasil_saran(self, status_utama: str, rating_utama: str, status_tambahan: str | None,
                    rating_tambahan: str | None) -> str:
        return hasil.hasil_saran_formula(status_utama, rating_utama, status_tambahan, rating_tambahan)

    def organisasi(self, unit: str, column: int) -> str:
        return hasil.organisasi_formula(unit, column)

    def hasil_pimpinan(self, organisasi: str) -> str:
        return hasil.hasil_pimpinan_formula(organisasi)

    def final(self, override: str, saran: str) -> str:
        return hasil.final_formula(override, saran)

    def perilaku_saran(self, cells: Sequence[str], block: str) -> str:
        return perilaku.perilaku_saran_formula(cells, block)

    def perilaku_skor(self, cells: Sequence[str], label: str) -> str:
        return perilaku.perilaku_skor_formula(cells, label)

    def perilaku_tahunan(self, scores: str, last: str) -> str:
        return perilaku.perilaku_tahunan_formula(scores, last)

    def predikat(self, hasil: str, perilaku: str) -> str:
        return matriks.predikat_formula(hasil, perilaku)

    def angka_kredit(self, predikat: str, jenjang: str, bulan: str, lama: str | None = None,
                     bulan_lama: str | None = None) -> str:
        return ak.angka_kredit_formula(predikat, jenjang, bulan, lama, bulan_lama)

    def bulan_ak(self, tmt: str, periode: int | None, masuk: str | None = None, keluar: str | None = None,
                 lama: str | None = None) -> str:
        return ak.bulan_ak_formula(tmt, periode, masuk, keluar, lama)

    def bulan_lama(self, tmt: str, periode: int | None, masuk: str, keluar: str, jenjang_lama: str) -> str:
        return bulan.bulan_lama_formula(tmt, periode, masuk, keluar, jenjang_lama)

    def ak_kumulatif(self, ak_tahun: str, awal: str, awal_lain: str) -> str:
        return ak.ak_kumulatif_formula(ak_tahun, awal, awal_lain)

    def ak_kurang(self, kumulatif: str, jenjang: str, table: str, top: str) -> str:
        return ak.ak_kurang_formula(kumulatif, jenjang, table, top)

    def ak_kurang_pangkat(self, kumulatif: str, jenjang: str, pangkat: str, top: str) -> str:
        return ak.ak_kurang_pangkat_formula(kumulatif, jenjang, pangkat, top)

    def jumlah(self, cells: Sequence[str]) -> str:
        return ak.jumlah_formula(list(cells))

    # the unit (skpkit.rules.kurva)
    def hitung(self, units: str, unit: str, predikat_col: str, label: str) -> str:
        return kurva.hitung_formula(units, unit, predikat_col, label)

    def kurva(self, part: str, slot: int, organisasi: str, counts: dict[Predikat, str], n: str,
              names: dict[str, str], jumlah: str = "", batas: str = "",
              yes_no: tuple[str, str] = ("Ya", "Tidak")) -> str:
        return kurva.kurva_formula(part, slot, organisasi, counts, n, names, jumlah, batas, yes_no)


class XlwingsFormulas(NativeFormulas):
    """The same cells, with each rule computed by the add-in's Python functions (``skpkit.addin.functions``).

    The gating that places a rule in the sheet (unused slot, invalid row, not filled yet) stays native;
    the rule itself (capaian, rating indikator, rating perilaku, predikat, angka kredit) is one UDF call,
    so a rule change in the Python package reaches the workbook without regenerating it. Each call passes
    the Pengaturan values its rule reads, by defined name.
    """

    name = "xlwings"

    def capaian(self, cek: str, kumulatif: str, lo: str, hi: str, arah: str, agregasi: str,
                periode: int | None, awal: str | None = None) -> str:
        return indikator.capaian_udf_formula(cek, kumulatif, lo, hi, arah, agregasi, periode, awal)

    def rating_indikator(self, cek: str, kumulatif: str, lo: str, hi: str, arah: str, agregasi: str,
                         periode: int | None, awal: str | None = None) -> str:
        return indikator.rating_indikator_udf_formula(cek, kumulatif, lo, hi, arah, agregasi, periode, awal)

    def perilaku_saran(self, cells: Sequence[str], block: str) -> str:
        return perilaku.perilaku_saran_udf_formula(cells, block)

    def predikat(self, hasil: str, perilaku: str) -> str:
        return matriks.predikat_udf_formula(hasil, perilaku)

    def angka_kredit(self, predikat: str, jenjang: str, bulan: str, lama: str | None = None,
                     bulan_lama: str | None = None) -> str:
        return ak.angka_kredit_udf_formula(predikat, jenjang, bulan, lama, bulan_lama)


ENGINES: dict[str, type] = {}


def register_engine(cls: type) -> type:
    ENGINES[cls.name] = cls
    return cls


register_engine(NativeFormulas)
register_engine(XlwingsFormulas)


def get_engine(name: str):
    """The formula engine registered as ``name``.

    Examples
    --------
    >>> get_engine("native").name
    'native'
    """
    try:
        return ENGINES[name]()
    except KeyError:
        raise ValueError(f"unknown formula engine {name!r}; choose one of {sorted(ENGINES)}") from None
