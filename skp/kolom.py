"""Columns for the array rules: labels to small integer codes and back, cells to floats, and the
reasons of invalid elements. Shared by :mod:`skpkit.arrays`; pure NumPy."""

from __future__ import annotations

from itertools import repeat
from typing import Any

import numpy as np

from skpkit import rules
from skpkit.errors import InputError, Invalid
from skpkit.model import Label

__all__ = ["BLANK", "ERROR", "column", "length", "encode", "decode", "floats", "first_reason", "with_errors"]

#: codes of an empty cell, an unknown label, and (internally) a text that needs parsing
BLANK, ERROR, MISS = -1, -2, -3


def column(values: Any, n: int | None = None) -> np.ndarray:
    """A 1-D object array; a scalar (or length-1 input) is repeated to length ``n``."""
    if hasattr(values, "to_numpy"):  # pandas Series / Index without importing pandas
        values = values.to_numpy(dtype=object)
    arr = np.asarray(values, dtype=object)
    if arr.ndim == 0 or arr.size == 1 and n not in (None, 1):
        return np.full(1 if n is None else n, arr.reshape(-1)[0], dtype=object)
    return arr.reshape(-1)


def length(*columns: Any) -> int:
    sizes = {np.size(c) for c in columns if c is not None and np.ndim(c) > 0 and np.size(c) != 1}
    if len(sizes) > 1:
        raise ValueError(f"columns of different lengths: {sorted(sizes)}")
    return sizes.pop() if sizes else 1


def _lookup_table(enum: type[Label]) -> dict:
    table: dict = {None: BLANK, "": BLANK}
    for m in enum:
        table[m] = m.code
        table[m.value] = m.code
    return table


_TABLES: dict[type, dict] = {}


def encode(values: Any, enum: type[Label], n: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Labels to int8 codes (``BLANK`` for empty, ``ERROR`` for unknown) and reasons.

    Examples
    --------
    >>> from skpkit.model import Predikat
    >>> codes, why = encode(["Baik", None, "cukup", "x"], Predikat)
    >>> codes.tolist()
    [1, -1, 2, -2]
    >>> why[3]
    "predikat tidak dikenal: 'x'"
    """
    arr = column(values, n)
    table = _TABLES.get(enum)
    if table is None:
        table = _TABLES[enum] = _lookup_table(enum)
    codes = np.fromiter(map(table.get, arr, repeat(MISS)), dtype=np.int8, count=arr.size)
    reasons = np.full(arr.size, None, dtype=object)
    misses = np.flatnonzero(codes == MISS)
    memo: dict = {}
    for i in misses:  # only texts that are not exact labels: typed by hand, few and repeated
        v = arr[i]
        key = (type(v), v) if isinstance(v, str) else None
        if key is not None and key in memo:
            codes[i], reasons[i] = memo[key]
            continue
        if v is None or isinstance(v, float) and v != v or isinstance(v, str) and not v.strip():
            got = (BLANK, None)
        else:
            try:
                got = (enum.parse(v).code, None)
            except InputError as e:
                got = (ERROR, e.reason)
        codes[i], reasons[i] = got
        if key is not None:
            memo[key] = got
    return codes, reasons


def decode(codes: np.ndarray, enum: type[Label], reasons: np.ndarray | None = None) -> np.ndarray:
    """Codes back to an object array of members, ``None`` and :class:`Invalid`."""
    members = np.array([None, *enum], dtype=object)
    out = members[np.clip(codes.astype(np.int16) + 1, 0, None)]
    if reasons is not None:
        bad = np.flatnonzero(codes == ERROR)
        out[bad] = [Invalid(r) for r in reasons[bad]]
    return out


def floats(values: Any, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Numbers as float64 (NaN for empty) and the per-element 'bukan angka' reasons."""
    arr = column(values, n)
    reasons = np.full(arr.size, None, dtype=object)
    try:
        return arr.astype(np.float64), reasons
    except (TypeError, ValueError):
        pass
    out = np.empty(arr.size, dtype=np.float64)
    for i, v in enumerate(arr):  # slow path only when some cell holds text
        try:
            x = rules.angka(v)
        except InputError as e:
            x, reasons[i] = np.nan, e.reason
        out[i] = np.nan if x is None else x
    return out, reasons


def first_reason(*pairs: tuple[np.ndarray, Any]) -> np.ndarray:
    """Per element, the reason of the first mask (in scalar check order) that is true."""
    n = len(pairs[0][0])
    out = np.full(n, None, dtype=object)
    for mask, reason in reversed(pairs):
        if isinstance(reason, np.ndarray):
            out[mask] = reason[mask]
        else:
            out[mask] = reason
    return out


def with_errors(values: np.ndarray, blank: np.ndarray, reasons: np.ndarray) -> np.ndarray:
    out = values.astype(object)
    out[blank] = None
    bad = np.flatnonzero(reasons != None)  # noqa: E711
    out[bad] = [Invalid(x) for x in reasons[bad]]
    return out
