"""The skpkit rules as Excel functions (xlwings UDFs): ``UDF Modules = skpkit.addin.functions``.

Each function is a thin wrapper over the array forms of :mod:`skpkit.arrays`: it shapes the
arguments (one cell, a row, a column or a table), calls the rule once for the whole range,
and turns each result into what a cell shows: a number, a label, ``""`` for not filled yet,
or ``#SKP! <reason>`` for a bad input. One bad cell never fails the others, and no Python
traceback reaches a cell. The result has the shape of the first argument, so a sheet needs
one call per column, not one per cell.

On Windows and macOS the xlwings decorators register the functions with Excel; elsewhere
they leave them plain Python functions, which is how the tests call them.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from skpkit import arrays, rules
from skpkit.errors import InputError, Invalid
from skpkit.model import Label
from skpkit.nip import parse_nip

try:
    import xlwings as xw
except ImportError:  # the 'addin' extra is not installed: plain functions still work
    xw = None

__all__ = ["SKP_CAPAIAN", "SKP_RATING_INDIKATOR", "SKP_RATING_RHK", "SKP_RATING_HASIL", "SKP_RATING_PERILAKU",
           "SKP_PREDIKAT", "SKP_ANGKA_KREDIT", "SKP_KURVA", "SKP_NIP", "UDFS"]


def _udf(**docs: str) -> Callable:
    """xlwings' func/arg/ret with a one-line description per argument for the function wizard."""
    def wrap(fn: Callable) -> Callable:
        if xw is None:
            return fn
        out = xw.ret()(fn)
        for name, doc in docs.items():
            out = xw.arg(name, doc=doc)(out)
        return xw.func(category="skpkit")(out)
    return wrap


def _kind(x: Any) -> str:
    if isinstance(x, (list, tuple, np.ndarray)):
        return "2d" if len(x) and isinstance(x[0], (list, tuple, np.ndarray)) else "1d"
    return "scalar"


def _flat(x: Any) -> list:
    k = _kind(x)
    if k == "scalar":
        return [x]
    if k == "1d":
        return list(x)
    return [v for row in x for v in row]


def _shape_like(values: list, like: Any) -> Any:
    k = _kind(like)
    if k == "scalar":
        return values[0]
    if k == "1d":
        return values
    width = len(like[0])
    return [values[i:i + width] for i in range(0, len(values), width)]


def _cell(v: Any) -> Any:
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, Invalid):
        return str(v)
    if isinstance(v, Label):
        return str(v)
    if isinstance(v, (int, float, np.floating)) and not isinstance(v, bool):
        return float(v)
    return str(v)


def _blank(v: Any) -> Any:
    return None if isinstance(v, str) and not v.strip() else v


def _columns(first: Any, *others: Any) -> tuple[list, ...]:
    """Every argument flattened to the length of the first; a single cell is repeated."""
    n = len(_flat(first))
    out = [[_blank(v) for v in _flat(first)]]
    for x in others:
        flat = [_blank(v) for v in _flat(x)]
        if len(flat) == 1:
            flat = flat * n
        if len(flat) != n:
            raise ValueError(f"ranges of different sizes: {n} and {len(flat)} cells")
        out.append(flat)
    return tuple(out)


def _guard(fn: Callable) -> Callable:
    """Whatever goes wrong becomes a cell text, never a traceback."""
    def run(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (InputError, ValueError, TypeError) as e:
            return f"#SKP! {getattr(e, 'reason', str(e))}"
    run.__name__, run.__doc__, run.__wrapped__ = fn.__name__, fn.__doc__, fn
    return run


def _map(rule: Callable, first: Any, *others: Any) -> Any:
    cols = _columns(first, *others)
    return _shape_like([_cell(v) for v in rule(*cols)], first)


@_udf(realisasi="Realisasi (sel atau kolom)", target_min="Target minimum", target_max="Target maksimum (kosong: = minimum)",
      arah="naik atau turun")
@_guard
def SKP_CAPAIAN(realisasi, target_min, target_max=None, arah="naik"):
    """Capaian (%) per indikator: realisasi terhadap target (skpkit.rules.capaian)."""
    return _map(lambda r, lo, hi, a: arrays.capaian(r, lo, hi, a), realisasi, target_min, target_max, arah)


@_udf(realisasi="Realisasi (sel atau kolom)", target_min="Target minimum", target_max="Target maksimum (kosong: = minimum)",
      arah="naik atau turun")
@_guard
def SKP_RATING_INDIKATOR(realisasi, target_min, target_max=None, arah="naik"):
    """Saran rating per indikator (skpkit.rules.rating_indikator)."""
    return _map(lambda r, lo, hi, a: arrays.rating_indikator(r, lo, hi, a), realisasi, target_min, target_max, arah)


@_udf(rating="Rating indikator (kolom)", kelompok="ID RHK tiap baris (kolom); kosong: satu RHK")
@_guard
def SKP_RATING_RHK(rating, kelompok=None):
    """Saran rating RHK dari rating indikatornya, untuk tiap baris (skpkit.rules.rating_rhk)."""
    if kelompok is None:
        return _map(lambda r: arrays.rating_rhk(r), rating)
    return _map(lambda r, g: arrays.rating_rhk(r, g), rating, kelompok)


@_udf(rating="Rating RHK (kolom)", jenis="Utama atau Tambahan (kolom)", kelompok="Pegawai-periode tiap baris; kosong: satu")
@_guard
def SKP_RATING_HASIL(rating, jenis="Utama", kelompok=None):
    """Saran rating hasil kerja dari rating RHK (skpkit.rules.rating_hasil_kerja)."""
    if kelompok is None:
        return _map(lambda r, j: arrays.rating_hasil_kerja(r, j), rating, jenis)
    return _map(lambda r, j, g: arrays.rating_hasil_kerja(r, j, g), rating, jenis, kelompok)


@_udf(nilai="Rating tujuh nilai BerAKHLAK: satu baris/kolom, atau satu baris per pegawai-periode")
@_guard
def SKP_RATING_PERILAKU(nilai):
    """Saran rating perilaku kerja dari rating per nilai BerAKHLAK (skpkit.rules.rating_perilaku)."""
    k = _kind(nilai)
    if k != "2d":
        table = [[_blank(v) for v in _flat(nilai)]]
    elif len(nilai[0]) == 1:  # one column of values: one pegawai-period
        table = [[_blank(row[0]) for row in nilai]]
    else:
        table = [[_blank(v) for v in row] for row in nilai]
    out = [_cell(v) for v in arrays.rating_perilaku(table)]
    if k != "2d" or len(nilai[0]) == 1:
        return out[0]
    return [[v] for v in out]


@_udf(hasil="Rating hasil kerja (sel atau kolom)", perilaku="Rating perilaku kerja (sel atau kolom)")
@_guard
def SKP_PREDIKAT(hasil, perilaku):
    """Predikat kinerja pegawai dari dua rating (matriks PermenPANRB 6/2022)."""
    return _map(lambda h, p: arrays.predikat(h, p), hasil, perilaku)


@_udf(predikat="Predikat (sel atau kolom)", jenjang="Jenjang jabatan fungsional", bulan="Jumlah bulan (1-12)")
@_guard
def SKP_ANGKA_KREDIT(predikat, jenjang, bulan=12):
    """Angka kredit: bulan/12 x persen(predikat) x koefisien(jenjang), tidak dibulatkan."""
    return _map(lambda p, j, b: arrays.angka_kredit(p, j, b), predikat, jenjang, bulan)


@_udf(organisasi="Predikat kinerja organisasi unit", predikat="Predikat pegawai unit (kolom)")
@_guard
def SKP_KURVA(organisasi, predikat):
    """Cek pola distribusi (kurva): satu baris per aturan: aturan, terpenuhi, jumlah, batas."""
    values = [v for v in (_blank(x) for x in _flat(predikat)) if v is not None and not str(v).startswith("#SKP!")]
    hasil = rules.cek_kurva(_flat(organisasi)[0], values)
    return [[a.teks, "Ya" if a.terpenuhi else "Tidak", float(a.jumlah), float(a.batas)] for a in hasil.aturan]


@_udf(nip="NIP (teks 18 digit; sel atau kolom)")
@_guard
def SKP_NIP(nip):
    """Periksa NIP: NIP, tanggal lahir, TMT CPNS, jenis kelamin, nomor urut; atau #SKP! alasannya."""
    rows = []
    for v in _flat(nip):
        try:
            p = parse_nip(v)
            rows.append([p.nip, p.tanggal_lahir.isoformat(), f"{p.tmt_cpns[0]:04d}-{p.tmt_cpns[1]:02d}",
                         p.jenis_kelamin, float(p.urut)])
        except InputError as e:
            rows.append([f"#SKP! {e.reason}", "", "", "", ""])
    return rows[0] if _kind(nip) == "scalar" else rows


#: name -> function, for checking the formulas the xlwings engine writes
UDFS: dict[str, Callable] = {name: globals()[name] for name in __all__ if name.startswith("SKP_")}
