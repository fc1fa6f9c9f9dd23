"""Excel's shapes and settings for the add-in's functions, in pure Python (no NumPy, no files), shared
by the classic UDFs (:mod:`.functions`) and the xlwings Lite module (:mod:`.lite`).

An argument arrives as one value, a 1-D list (Python callers) or a list of rows (``ndim=2``); a
result goes back in the shape of the first argument, one cell as one value.
"""

from __future__ import annotations

from dataclasses import replace
from functools import wraps
from typing import Any, Callable

from skpkit import rules
from skpkit.errors import MARK, InputError, Invalid
from skpkit.model import Jenjang, Label, Predikat, Settings
from skpkit.nip import parse_nip

__all__ = ["grid", "flat", "shape_like", "cell", "blank", "columns", "guard", "settings_from", "kurva_table", "nip_table"]


def grid(x: Any) -> tuple[list, str]:
    """The values of an argument as rows, and how it came: ``cell``, ``list`` (1-D, Python callers) or ``rows``."""
    if isinstance(x, (list, tuple)):
        if x and all(isinstance(r, (list, tuple)) for r in x):
            return [list(r) for r in x], "rows"
        return [[v] for v in x], "list"
    if hasattr(x, "tolist"):  # NumPy arrays
        return grid(x.tolist())
    return [[x]], "cell"


def flat(x: Any) -> list:
    return [v for row in grid(x)[0] for v in row]


def shape_like(values: list, like: Any) -> Any:
    """``values`` (one per cell of ``like``) in the shape ``like`` came in; one cell gives one value."""
    rows, kind = grid(like)
    if kind == "list":
        return values
    if len(rows) == 1 and len(rows[0]) == 1:
        return values[0]
    width = len(rows[0])
    return [values[i:i + width] for i in range(0, len(values), width)]


def cell(v: Any) -> Any:
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, (Invalid, Label)):
        return str(v)
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v)
    if hasattr(v, "item"):  # NumPy scalars
        return float(v.item())
    return str(v)


def blank(v: Any) -> Any:
    return None if isinstance(v, str) and not v.strip() else v


def columns(first: Any, *others: Any) -> tuple[list, ...]:
    """Every argument flattened to the length of the first; a single cell is repeated."""
    n = len(flat(first))
    out = [[blank(v) for v in flat(first)]]
    for x in others:
        values = [blank(v) for v in flat(x)]
        if len(values) == 1:
            values = values * n
        if len(values) != n:
            raise ValueError(f"ranges of different sizes: {n} and {len(values)} cells")
        out.append(values)
    return tuple(out)


def guard(fn: Callable) -> Callable:
    """Whatever goes wrong becomes a cell text, never a traceback. The wrapper keeps the function's name,
    docstring and annotations (xlwings reads the type hints to describe the arguments to Excel)."""
    @wraps(fn)
    def run(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (InputError, ValueError, TypeError, KeyError) as e:
            return f"{MARK} {getattr(e, 'reason', str(e))}"
    return run


def _number(x: Any, name: str) -> float | None:
    values = [v for v in flat(x) if blank(v) is not None] if x is not None else []
    if not values:
        return None
    if len(values) != 1 or not isinstance(values[0], (int, float)) or isinstance(values[0], bool):
        raise ValueError(f"{name} harus satu angka")
    return float(values[0])


def _table(x: Any, keys: list, name: str) -> dict | None:
    values = flat(x) if x is not None else []
    if not any(blank(v) is not None for v in values):
        return None
    if len(values) != len(keys) or not all(isinstance(v, (int, float)) for v in values):
        raise ValueError(f"{name} harus {len(keys)} angka, urut seperti di Pengaturan")
    return {k: float(v) for k, v in zip(keys, values)}


def settings_from(capaian_maks: Any = None, porsi_di_atas: Any = None, perilaku_min_di_atas: Any = None,
                  persen_ak: Any = None, koefisien: Any = None, kurva: tuple = (),
                  porsi_di_bawah: Any = None) -> Settings:
    """The project's defaults with what the workbook's Pengaturan says (the arguments that are given).

    Examples
    --------
    >>> settings_from(capaian_maks=[[150.0]]).capaian_maks
    150.0
    >>> settings_from(persen_ak=[[150], [100], [80], [50], [25]]).persen_ak[Predikat.BUTUH_PERBAIKAN]
    80.0
    """
    kw: dict[str, Any] = {}
    for name, value in (("capaian_maks", capaian_maks), ("porsi_di_atas", porsi_di_atas),
                        ("perilaku_min_di_atas", perilaku_min_di_atas), ("porsi_di_bawah", porsi_di_bawah)):
        v = _number(value, name)
        if v is not None:
            kw[name] = int(v) if name == "perilaku_min_di_atas" else v
    for name, value, keys in (("persen_ak", persen_ak, list(Predikat)), ("koefisien", koefisien, list(Jenjang))):
        table = _table(value, keys, name)
        if table is not None:
            kw[name] = table
    fields = ("kurva_maks_terbesar", "kurva_min_dominan", "kurva_min_pendamping", "kurva_maks_sangat_baik")
    for name, value in zip(fields, kurva):
        v = _number(value, name)
        if v is not None:
            kw[name] = v
    return replace(rules.DEFAULT, **kw) if kw else rules.DEFAULT


def kurva_table(organisasi: Any, predikat: Any, settings: Settings) -> list[list]:
    """``SKP_KURVA``'s table: one row per rule of the kurva: rule, met (Ya/Tidak), count, bound."""
    values = [v for v in (blank(x) for x in flat(predikat)) if v is not None and not str(v).startswith(MARK)]
    hasil = rules.cek_kurva(flat(organisasi)[0], values, settings=settings)
    return [[a.teks, "Ya" if a.terpenuhi else "Tidak", float(a.jumlah), float(a.batas)] for a in hasil.aturan]


def nip_table(nip: Any) -> list:
    """``SKP_NIP``'s rows: NIP, birth date, TMT CPNS, gender, sequence; or ``#SKP! <reason>``. One NIP: one row."""
    rows = []
    for v in flat(nip):
        try:
            p = parse_nip(v)
            rows.append([p.nip, p.tanggal_lahir.isoformat(), f"{p.tmt_cpns[0]:04d}-{p.tmt_cpns[1]:02d}",
                         p.jenis_kelamin, float(p.urut)])
        except InputError as e:
            rows.append([str(Invalid(e.reason)), "", "", "", ""])
    return rows[0] if len(rows) == 1 else rows
