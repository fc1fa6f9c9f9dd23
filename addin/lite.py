"""The skpkit rules as xlwings Lite custom functions: Python inside Excel (Microsoft 365 / Excel 2021+ on
Windows and macOS, Excel on the web) with nothing installed, running on Pyodide.

The same functions, arguments and shapes as the classic add-in (:mod:`.functions`), declared the way
xlwings Lite documents it (``@func``, ``@arg(..., ndim=2)``, ``@ret``, type hints), computed with the
scalar rules of the pure-Python core: no NumPy is imported and no file is touched, so the module runs
in Pyodide's core as it is. ``skp addin lite --out main.py`` writes this module with the core it needs
into one ``main.py`` to paste into the xlwings Lite editor (:func:`main_py`).
"""

from typing import Any, Literal, get_args

from skpkit import rules
from skpkit.errors import InputError, Invalid
from skpkit.model import JenisRHK
from skpkit.addin.shapes import (
    blank, cell, columns, flat, grid, guard, kurva_table, nip_table, settings_from, shape_like,
)

try:
    from xlwings import arg, func, ret
except ImportError:  # outside Excel, without xlwings: plain functions
    def func(f=None, **kwargs):
        return f if f is not None else (lambda g: g)

    def arg(*args, **kwargs):
        return lambda g: g

    def ret(*args, **kwargs):
        return lambda g: g

__all__ = ["SKP_CAPAIAN", "SKP_RATING_INDIKATOR", "SKP_RATING_RHK", "SKP_RATING_HASIL", "SKP_RATING_PERILAKU",
           "SKP_PREDIKAT", "SKP_ANGKA_KREDIT", "SKP_KURVA", "SKP_NIP", "FUNCTIONS"]

Cells = Any  # one value, or a list of rows (ndim=2)
#: the predikat kinerja organisasi of a unit: one of five words, offered in Excel as a list (xlwings Lite
#: turns a Literal into a dropdown); held equal to :class:`skpkit.model.PredikatOrganisasi` by the tests
Organisasi = Literal["Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"]
ORGANISASI = get_args(Organisasi)


def _safe(rule, *args, **kwargs):
    try:
        return rule(*args, **kwargs)
    except InputError as e:
        return Invalid(e.reason)


def _each(rule, first: Cells, *others: Cells, **kwargs) -> Any:
    """``rule`` on every row of the aligned arguments, in the shape of the first."""
    return shape_like([cell(_safe(rule, *row, **kwargs)) for row in zip(*columns(first, *others))], first)


def _per_group(keys: list, like: Cells, rate) -> Any:
    """``rate(rows)`` once per group of equal ``keys`` (row indices), its result on every row of the group,
    in the shape of ``like``."""
    groups: dict[Any, list[int]] = {}
    for i, k in enumerate(keys):
        groups.setdefault(k, []).append(i)
    out: list = [None] * len(keys)
    for rows in groups.values():
        result = cell(rate(rows))
        for i in rows:
            out[i] = result
    return shape_like(out, like)


@func
@arg("realisasi", ndim=2, doc="Realisasi (sel atau kolom)")
@arg("target_min", ndim=2, doc="Target minimum")
@arg("target_max", ndim=2, doc="Target maksimum (kosong: = minimum)")
@arg("arah", ndim=2, doc="naik atau turun")
@arg("capaian_maks", ndim=2, doc="Batas atas capaian (%): nama CapaianMaks")
@guard
def SKP_CAPAIAN(realisasi: Cells, target_min: Cells, target_max: Cells = None, arah: Cells = "naik",
                capaian_maks: Cells = None) -> Any:
    """Capaian (%) per indikator: realisasi terhadap target (skpkit.rules.capaian)."""
    maks = settings_from(capaian_maks=capaian_maks).capaian_maks
    return _each(rules.capaian, realisasi, target_min, target_max, arah, maks=maks)


@func
@arg("realisasi", ndim=2, doc="Realisasi (sel atau kolom)")
@arg("target_min", ndim=2, doc="Target minimum")
@arg("target_max", ndim=2, doc="Target maksimum (kosong: = minimum)")
@arg("arah", ndim=2, doc="naik atau turun")
@guard
def SKP_RATING_INDIKATOR(realisasi: Cells, target_min: Cells, target_max: Cells = None, arah: Cells = "naik") -> Any:
    """Saran rating per indikator (skpkit.rules.rating_indikator)."""
    return _each(rules.rating_indikator, realisasi, target_min, target_max, arah)


@func
@arg("rating", ndim=2, doc="Rating indikator (kolom)")
@arg("kelompok", ndim=2, doc="ID RHK tiap baris (kolom); kosong: satu RHK")
@arg("porsi_di_atas", ndim=2, doc="Porsi Di Atas: nama PorsiDiAtas")
@guard
def SKP_RATING_RHK(rating: Cells, kelompok: Cells = None, porsi_di_atas: Cells = None) -> Any:
    """Saran rating RHK dari rating indikatornya, untuk tiap baris (skpkit.rules.rating_rhk)."""
    porsi = settings_from(porsi_di_atas=porsi_di_atas).porsi_di_atas
    values, keys = columns(rating, kelompok)
    return _per_group(keys, rating, lambda rows: _safe(rules.rating_rhk, [values[i] for i in rows],
                                                       porsi_di_atas=porsi))


@func
@arg("rating", ndim=2, doc="Rating RHK (kolom)")
@arg("jenis", ndim=2, doc="Utama atau Tambahan (kolom)")
@arg("kelompok", ndim=2, doc="Pegawai-periode tiap baris; kosong: satu")
@arg("porsi_di_atas", ndim=2, doc="Porsi Di Atas: nama PorsiDiAtas")
@arg("porsi_di_bawah", ndim=2, doc="Porsi Di Bawah: nama PorsiDiBawah")
@guard
def SKP_RATING_HASIL(rating: Cells, jenis: Cells = "Utama", kelompok: Cells = None, porsi_di_atas: Cells = None,
                     porsi_di_bawah: Cells = None) -> Any:
    """Saran rating hasil kerja dari rating RHK (skpkit.rules.rating_hasil_kerja)."""
    s = settings_from(porsi_di_atas=porsi_di_atas, porsi_di_bawah=porsi_di_bawah)
    values, kinds, keys = columns(rating, jenis, kelompok)

    def rate(rows: list[int]) -> Any:
        parsed = [_safe(JenisRHK.parse, kinds[i]) for i in rows]
        bad = next((j for j in parsed if isinstance(j, Invalid)), None)
        if bad is not None:
            return bad
        utama = [values[i] for i, j in zip(rows, parsed) if j is JenisRHK.UTAMA]
        tambahan = [values[i] for i, j in zip(rows, parsed) if j is JenisRHK.TAMBAHAN]
        return _safe(rules.rating_hasil_kerja, utama, tambahan, porsi_di_atas=s.porsi_di_atas,
                     porsi_di_bawah=s.porsi_di_bawah)

    return _per_group(keys, rating, rate)


@func
@arg("nilai", ndim=2, doc="Rating tujuh nilai BerAKHLAK: satu baris/kolom, atau satu baris per pegawai-periode")
@arg("min_di_atas", ndim=2, doc="Jumlah Di Atas agar perilaku Di Atas: nama PerilakuMinDiAtas")
@guard
def SKP_RATING_PERILAKU(nilai: Cells, min_di_atas: Cells = None) -> Any:
    """Saran rating perilaku kerja dari rating per nilai BerAKHLAK (skpkit.rules.rating_perilaku)."""
    rows, kind = grid(nilai)
    single = kind != "rows" or len(rows) == 1 or len(rows[0]) == 1
    table = [[blank(v) for v in flat(nilai)]] if single else [[blank(v) for v in row] for row in rows]
    minimum = settings_from(perilaku_min_di_atas=min_di_atas).perilaku_min_di_atas
    out = [cell(_safe(rules.rating_perilaku, row, min_di_atas=minimum)) for row in table]
    return out[0] if single else [[v] for v in out]


@func
@arg("hasil", ndim=2, doc="Rating hasil kerja (sel atau kolom)")
@arg("perilaku", ndim=2, doc="Rating perilaku kerja (sel atau kolom)")
@guard
def SKP_PREDIKAT(hasil: Cells, perilaku: Cells) -> Any:
    """Predikat kinerja pegawai dari dua rating (matriks PermenPANRB 6/2022)."""
    return _each(rules.predikat, hasil, perilaku)


@func
@arg("predikat", ndim=2, doc="Predikat (sel atau kolom)")
@arg("jenjang", ndim=2, doc="Jenjang jabatan fungsional")
@arg("bulan", ndim=2, doc="Jumlah bulan (1-12)")
@arg("persen_ak", ndim=2, doc="Persen AK per predikat: nama PersenAK")
@arg("koefisien", ndim=2, doc="Koefisien per jenjang: nama Koefisien")
@guard
def SKP_ANGKA_KREDIT(predikat: Cells, jenjang: Cells, bulan: Cells = 12, persen_ak: Cells = None,
                     koefisien: Cells = None) -> Any:
    """Angka kredit: bulan/12 x persen(predikat) x koefisien(jenjang), tidak dibulatkan."""
    s = settings_from(persen_ak=persen_ak, koefisien=koefisien)
    return _each(rules.angka_kredit, predikat, jenjang, bulan, settings=s)


@func
@arg("organisasi", doc="Predikat kinerja organisasi unit: Istimewa, Baik, Butuh Perbaikan, Kurang, Sangat Kurang")
@arg("predikat", ndim=2, doc="Predikat pegawai unit (kolom)")
@guard
def SKP_KURVA(organisasi: Organisasi, predikat: Cells, maks_terbesar: Cells = None, min_dominan: Cells = None,
              min_pendamping: Cells = None, maks_sangat_baik: Cells = None) -> Any:
    """Cek pola distribusi (kurva): satu baris per aturan: aturan, terpenuhi, jumlah, batas."""
    s = settings_from(kurva=(maks_terbesar, min_dominan, min_pendamping, maks_sangat_baik))
    return kurva_table(organisasi, predikat, s)


@func
@arg("nip", ndim=2, doc="NIP (teks 18 digit; sel atau kolom)")
@guard
def SKP_NIP(nip: Cells) -> Any:
    """Periksa NIP: NIP, tanggal lahir, TMT CPNS, jenis kelamin, nomor urut; atau #SKP! alasannya."""
    return nip_table(nip)


#: name -> function
FUNCTIONS = {name: globals()[name] for name in __all__ if name.startswith("SKP_")}
