"""Rules on a million indikator rows: the array forms against plain NumPy doing the same checks."""

from __future__ import annotations

N_ROWS = 1_000_000

RULES = """
import numpy as np
from skpkit import arrays, rules
from skpkit.errors import Invalid
from skpkit.model import Rating
import skpkit.addin.functions as f
rng = np.random.default_rng(0)
labels = np.array([r.value for r in Rating] + [None], dtype=object)
n = {n}
h = labels[rng.integers(0, 4, n)]
p = labels[rng.integers(0, 4, n)]
real = rng.integers(0, 120, n).astype(float)
lo = rng.integers(1, 100, n).astype(float)
hi = lo + rng.integers(0, 20, n)
hc, _ = arrays.encode(h, Rating); pc, _ = arrays.encode(p, Rating)
matrix = np.full((6, 6), -1, dtype=np.int8); matrix[3:, 3:] = [[0, 1, 3], [1, 1, 3], [2, 2, 4]]


def plain_capaian(r, lo, hi, maks=200.0):
    # the same checks and the same output (an object array: numbers, None for blank, Invalid) with plain NumPy
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.minimum(r / hi * 100, maks).astype(object)
        out[np.isnan(r)] = None
        bad = np.isnan(lo) | np.isnan(hi) | (lo < 0) | (hi < 0) | (lo > hi) | (hi == 0) | (r < 0)
        idx = np.flatnonzero(bad)
        out[idx] = [Invalid("x")] * len(idx)
    return out


def best(fn, repeat=3):
    times = []
    for _ in range(repeat):
        t = time.perf_counter(); fn(); times.append(time.perf_counter() - t)
    return min(times)


col_h = [[v] for v in h[:10000].tolist()]; col_p = [[v] for v in p[:10000].tolist()]
out = {{
    "predikat_scalar": best(lambda: [rules.predikat(a, b) for a, b in zip(h.tolist(), p.tolist())], 1),
    "predikat_array": best(lambda: arrays.predikat(h, p)),
    "predikat_codes": best(lambda: arrays.predikat_codes(hc, pc)),
    "predikat_plain": best(lambda: matrix[hc.astype(np.intp) + 3, pc.astype(np.intp) + 3]),
    "capaian_scalar": best(lambda: [rules.capaian(a, b, c) for a, b, c in zip(real.tolist(), lo.tolist(), hi.tolist())], 1),
    "capaian_array": best(lambda: arrays.capaian(real, lo, hi)),
    "capaian_plain": best(lambda: plain_capaian(real, lo, hi)),
    "udf_predikat_10k": best(lambda: f.SKP_PREDIKAT(col_h, col_p)),
}}
"""
