"""The skpkit rules as Excel functions (classic xlwings UDFs, Windows): ``UDF Modules = skpkit.addin.functions``.

Each function is a thin wrapper over the array forms of :mod:`skpkit.arrays`. Every range argument
is declared ``ndim=2``, so one cell, a row, a column and a table all arrive as a list of rows; the
rule runs once for the whole range, and the result has the shape of the first range argument
(column in, column out; one cell in, one value out). Each result is what a cell shows: a number, a
label, ``""`` for not filled yet, or ``#SKP! <reason>`` for a bad input. One bad cell never fails
the others, and no Python traceback reaches a cell, so a sheet needs one call per column.

The instansi's settings reach the rules through optional trailing arguments that take the
``Pengaturan`` defined names (``CapaianMaks``, ``PorsiDiAtas``, ``PorsiDiBawah``, ``PerilakuMinDiAtas``, ``PersenAK``,
``Koefisien``, the ``Kurva*`` bounds); the formulas of ``skp generate --engine xlwings`` pass them.
Left out, the project's defaults apply.

xlwings' decorators register the functions with Excel on Windows; elsewhere they leave them plain
Python functions. Called from Python, a 1-D list is returned as a 1-D list.
"""

from __future__ import annotations

from typing import Any, Callable

from skpkit import arrays
from skpkit.addin.shapes import (
    blank, cell, columns, flat, grid, guard, kurva_table, nip_table, settings_from, shape_like,
)

try:
    import xlwings as xw
except ImportError:  # the 'addin' extra is not installed: plain functions still work
    xw = None

__all__ = ["SKP_CAPAIAN", "SKP_RATING_INDIKATOR", "SKP_RATING_RHK", "SKP_RATING_HASIL", "SKP_RATING_PERILAKU",
           "SKP_PREDIKAT", "SKP_ANGKA_KREDIT", "SKP_KURVA", "SKP_NIP", "UDFS"]


def _udf(**docs: str) -> Callable:
    """xlwings' func/arg/ret: every argument ``ndim=2`` with a one-line description for the function wizard."""
    def wrap(fn: Callable) -> Callable:
        if xw is None:
            return fn
        out = xw.ret()(fn)
        for name, doc in docs.items():
            out = xw.arg(name, ndim=2, doc=doc)(out)
        return xw.func(category="skpkit")(out)
    return wrap


def _map(rule: Callable, first: Any, *others: Any) -> Any:
    cols = columns(first, *others)
    return shape_like([cell(v) for v in rule(*cols)], first)


# --- the functions ---------------------------------------------------------------------------

_INDIKATOR = dict(realisasi="Realisasi (sel atau kolom)", target_min="Target minimum",
                  target_max="Target maksimum (kosong: = minimum)", arah="naik atau turun")


@_udf(**_INDIKATOR, capaian_maks="Batas atas capaian (%): nama CapaianMaks; kosong: 200")
@guard
def SKP_CAPAIAN(realisasi, target_min, target_max=None, arah="naik", capaian_maks=None):
    """Capaian (%) per indikator: realisasi terhadap target (skpkit.rules.capaian)."""
    maks = settings_from(capaian_maks=capaian_maks).capaian_maks
    return _map(lambda r, lo, hi, a: arrays.capaian(r, lo, hi, a, maks=maks), realisasi, target_min,
                target_max, arah)


@_udf(**_INDIKATOR)
@guard
def SKP_RATING_INDIKATOR(realisasi, target_min, target_max=None, arah="naik"):
    """Saran rating per indikator (skpkit.rules.rating_indikator)."""
    return _map(lambda r, lo, hi, a: arrays.rating_indikator(r, lo, hi, a), realisasi, target_min, target_max, arah)


@_udf(rating="Rating indikator (kolom)", kelompok="ID RHK tiap baris (kolom); kosong: satu RHK",
      porsi_di_atas="Porsi Di Atas: nama PorsiDiAtas; kosong: 0,5")
@guard
def SKP_RATING_RHK(rating, kelompok=None, porsi_di_atas=None):
    """Saran rating RHK dari rating indikatornya, untuk tiap baris (skpkit.rules.rating_rhk)."""
    porsi = settings_from(porsi_di_atas=porsi_di_atas).porsi_di_atas
    if kelompok is None:
        return _map(lambda r: arrays.rating_rhk(r, porsi_di_atas=porsi), rating)
    return _map(lambda r, g: arrays.rating_rhk(r, g, porsi_di_atas=porsi), rating, kelompok)


@_udf(rating="Rating RHK (kolom)", jenis="Utama atau Tambahan (kolom)", kelompok="Pegawai-periode tiap baris; kosong: satu",
      porsi_di_atas="Porsi Di Atas: nama PorsiDiAtas; kosong: 0,5",
      porsi_di_bawah="Porsi Di Bawah: nama PorsiDiBawah; kosong: 0,5")
@guard
def SKP_RATING_HASIL(rating, jenis="Utama", kelompok=None, porsi_di_atas=None, porsi_di_bawah=None):
    """Saran rating hasil kerja dari rating RHK (skpkit.rules.rating_hasil_kerja)."""
    s = settings_from(porsi_di_atas=porsi_di_atas, porsi_di_bawah=porsi_di_bawah)
    kw = {"porsi_di_atas": s.porsi_di_atas, "porsi_di_bawah": s.porsi_di_bawah}
    if kelompok is None:
        return _map(lambda r, j: arrays.rating_hasil_kerja(r, j, **kw), rating, jenis)
    return _map(lambda r, j, g: arrays.rating_hasil_kerja(r, j, g, **kw), rating, jenis, kelompok)


@_udf(nilai="Rating tujuh nilai BerAKHLAK: satu baris/kolom, atau satu baris per pegawai-periode",
      min_di_atas="Jumlah Di Atas agar perilaku Di Atas: nama PerilakuMinDiAtas; kosong: 4")
@guard
def SKP_RATING_PERILAKU(nilai, min_di_atas=None):
    """Saran rating perilaku kerja dari rating per nilai BerAKHLAK (skpkit.rules.rating_perilaku)."""
    rows, kind = grid(nilai)
    single = kind != "rows" or len(rows) == 1 or len(rows[0]) == 1
    table = [[blank(v) for v in flat(nilai)]] if single else [[blank(v) for v in row] for row in rows]
    minimum = settings_from(perilaku_min_di_atas=min_di_atas).perilaku_min_di_atas
    out = [cell(v) for v in arrays.rating_perilaku(table, min_di_atas=minimum)]
    return out[0] if single else [[v] for v in out]


@_udf(hasil="Rating hasil kerja (sel atau kolom)", perilaku="Rating perilaku kerja (sel atau kolom)")
@guard
def SKP_PREDIKAT(hasil, perilaku):
    """Predikat kinerja pegawai dari dua rating (matriks PermenPANRB 6/2022)."""
    return _map(lambda h, p: arrays.predikat(h, p), hasil, perilaku)


@_udf(predikat="Predikat (sel atau kolom)", jenjang="Jenjang jabatan fungsional", bulan="Jumlah bulan (1-12)",
      persen_ak="Persen AK per predikat: nama PersenAK", koefisien="Koefisien per jenjang: nama Koefisien")
@guard
def SKP_ANGKA_KREDIT(predikat, jenjang, bulan=12, persen_ak=None, koefisien=None):
    """Angka kredit: bulan/12 x persen(predikat) x koefisien(jenjang), tidak dibulatkan."""
    s = settings_from(persen_ak=persen_ak, koefisien=koefisien)
    return _map(lambda p, j, b: arrays.angka_kredit(p, j, b, settings=s), predikat, jenjang, bulan)


@_udf(organisasi="Predikat kinerja organisasi unit", predikat="Predikat pegawai unit (kolom)",
      maks_terbesar="nama KurvaMaksTerbesar", min_dominan="nama KurvaMinDominan",
      min_pendamping="nama KurvaMinPendamping", maks_sangat_baik="nama KurvaMaksSangatBaik")
@guard
def SKP_KURVA(organisasi, predikat, maks_terbesar=None, min_dominan=None, min_pendamping=None,
              maks_sangat_baik=None):
    """Cek pola distribusi (kurva): satu baris per aturan: aturan, terpenuhi, jumlah, batas."""
    s = settings_from(kurva=(maks_terbesar, min_dominan, min_pendamping, maks_sangat_baik))
    return kurva_table(organisasi, predikat, s)


@_udf(nip="NIP (teks 18 digit; sel atau kolom)")
@guard
def SKP_NIP(nip):
    """Periksa NIP: NIP, tanggal lahir, TMT CPNS, jenis kelamin, nomor urut; atau #SKP! alasannya."""
    return nip_table(nip)


#: name -> function, for checking the formulas the xlwings engine writes
UDFS: dict[str, Callable] = {name: globals()[name] for name in __all__ if name.startswith("SKP_")}
