"""Columns for the array rules: labels to small integer codes and back, cells to floats, and the
reasons of invalid elements. Shared by :mod:`skpkit.arrays`; pure NumPy."""

from __future__ import annotations

from itertools import repeat
from typing import Any

import numpy as np


from skpkit.errors import InputError, Invalid
from skpkit.model import Label
from skpkit.rules.nilai import Alasan, angka

__all__ = ["BLANK", "ERROR", "column", "length", "encode", "decode", "floats", "first_reason", "with_errors",
           "has_reason"]

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
    table = _TABLES.get(enum)
    if table is None:
        table = _TABLES[enum] = _lookup_table(enum)
    if isinstance(values, (str, Label)) or values is None:  # one label for every row: parsed once
        code, reason = encode([values], enum)
        size = 1 if n is None else n
        return np.full(size, code[0], dtype=np.int8), np.full(size, reason[0], dtype=object)
    arr = column(values, n)
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


def floats(values: Any, n: int) -> tuple[np.ndarray, np.ndarray | None]:
    """Numbers as float64 (NaN for empty) and the per-element 'bukan angka' reasons (``None``: no element
    has one). A numeric array is taken as it is; other input is converted element by element only
    where a plain conversion fails (some cell holds text)."""
    if isinstance(values, np.ndarray) and values.dtype.kind in "fiu":
        arr = values.astype(np.float64, copy=False).reshape(-1)
        arr = np.full(n, arr[0]) if arr.size == 1 and n != 1 else arr
        inf = np.isinf(arr)
        if not inf.any():
            return arr, None
        return np.where(inf, np.nan, arr), np.where(inf, Alasan.BUKAN_ANGKA, None).astype(object)
    if isinstance(values, (int, float)) and not isinstance(values, bool) and not np.isinf(values):
        return np.full(n, float(values)), None
    arr = column(values, n)
    if not ({type(v) for v in arr} & {str, bool, np.str_, np.bool_}):  # NumPy would read "12" as 12
        try:
            out = arr.astype(np.float64)
        except (TypeError, ValueError):
            pass
        else:
            if not np.isinf(out).any():
                return out, None
    reasons = np.full(arr.size, None, dtype=object)
    out = np.empty(arr.size, dtype=np.float64)
    for i, v in enumerate(arr):  # slow path only when some cell holds text
        try:
            x = angka(v)
        except InputError as e:
            x, reasons[i] = np.nan, e.reason
        out[i] = np.nan if x is None else x
    return out, reasons


def has_reason(reasons: np.ndarray | None) -> np.ndarray | bool:
    """The elements that carry a reason (``False`` when ``reasons`` is ``None``)."""
    if reasons is None:
        return False
    return np.frompyfunc(lambda x: x is not None, 1, 1)(reasons).astype(bool)


def first_reason(*pairs: tuple[Any, Any]) -> np.ndarray | None:
    """Per element, the reason of the first mask (in scalar check order) that is true; ``None`` when no
    mask is true anywhere. Masks that are ``False`` are skipped; reasons are looked at only where a mask hits."""
    hits = [(m, r) for m, r in pairs if m is not False and m is not None and np.any(m)]
    if not hits:
        return None
    n = next(len(m) for m, _ in hits)
    out = np.full(n, None, dtype=object)
    for mask, reason in reversed(hits):
        idx = np.flatnonzero(mask)
        out[idx] = reason[idx] if isinstance(reason, np.ndarray) else reason
    return out


def with_errors(values: np.ndarray, blank: np.ndarray, reasons: np.ndarray | None) -> np.ndarray:
    """The object array a rule returns: numbers, ``None`` where ``blank``, :class:`Invalid` where a reason is."""
    out = values.astype(object)
    if blank.any():
        out[blank] = None
    if reasons is not None:
        bad = np.flatnonzero(has_reason(reasons))
        out[bad] = [Invalid(x) for x in reasons[bad]]
    return out
