"""How an indikator's realisasi add up over the periods (``agregasi``, RULES.md section 2) and the target a
period is measured against, in the three forms side by side.

``jumlah`` sums the filled periods and pro-rates the target to the period; ``rata-rata`` averages the
filled periods; ``terakhir`` takes the period's own value; the last two keep the whole target.
"""

from __future__ import annotations

from typing import Sequence

from skpkit.errors import InputError
from skpkit.model import Agregasi
from skpkit.rules.formula import ERR, nested_if, text_literal
from skpkit.rules.lazy import kolom, np
from skpkit.rules.nilai import Alasan, angka

__all__ = ["target_periode", "realisasi_periode", "target_periode_array", "realisasi_periode_array",
           "targets_formula", "used_formula", "agregasi_error", "kumulatif_formula"]


def _share(periode: int, jumlah_periode: int, awal: int) -> float:
    """The share of a ``jumlah`` target due by ``periode``: the periods from ``awal`` (the pegawai's first, see
    :func:`skpkit.rules.masa.awal`) to it, of those from ``awal`` to the end of the year; a period before
    ``awal`` takes the first one's."""
    return (max(periode, awal) - awal + 1) / (jumlah_periode - awal + 1)


def target_periode(target: float | None, agregasi, periode: int, jumlah_periode: int, awal: int = 1) -> float | None:
    """The target that period ``periode`` (1-based, cumulative) is measured against.

    ``jumlah`` targets are pro-rated over the pegawai's periods, from ``awal`` to the end of the year
    (target x (periode - awal + 1) / (jumlah_periode - awal + 1)); others stay whole.

    Examples
    --------
    >>> target_periode(100, "jumlah", 1, 4)
    25.0
    >>> target_periode(80, "rata-rata", 1, 4)
    80.0
    >>> target_periode(100, "jumlah", 3, 4, awal=3)  # joined the unit in July: targets for July-December
    50.0
    """
    t = angka(target)
    if t is None:
        return None
    if Agregasi.parse(agregasi) is Agregasi.JUMLAH:
        return t * _share(periode, jumlah_periode, awal)
    return t


def realisasi_periode(values: Sequence, agregasi, periode: int | None = None) -> float | None:
    """Cumulative realisasi of an indikator up to period ``periode`` (1-based; default: the year).

    ``None`` when that period itself is not filled. ``jumlah`` sums the filled periods,
    ``rata-rata`` averages them, ``terakhir`` takes that period's value.

    Examples
    --------
    >>> realisasi_periode([10, None, 5, 5], "jumlah")
    20.0
    >>> realisasi_periode([80, 90, None, None], "rata-rata", 2)
    85.0
    >>> realisasi_periode([80, 90, None, None], "terakhir") is None
    True
    """
    agregasi = Agregasi.parse(agregasi)
    n = len(values) if periode is None else periode
    if not 1 <= n <= len(values):
        raise InputError(f"periode {n} di luar 1-{len(values)}")
    nums = [angka(v) for v in values[:n]]
    if nums[-1] is None:
        return None
    if agregasi is Agregasi.TERAKHIR:
        return nums[-1]
    total, count = 0.0, 0
    for v in nums:
        if v is not None:
            total += v
            count += 1
    return total if agregasi is Agregasi.JUMLAH else total / count


# --- array ---------------------------------------------------------------------------------------------

def target_periode_array(target, agregasi, periode: int, jumlah_periode: int, awal: int = 1) -> np.ndarray:
    """Array form of :func:`target_periode`.

    Examples
    --------
    >>> target_periode_array([100, 80], ["jumlah", "rata-rata"], 1, 4).tolist()
    [25.0, 80.0]
    """
    n = kolom.length(target, agregasi)
    t, t_why = kolom.floats(target, n)
    g, g_why = kolom.encode(agregasi, Agregasi, n)
    out = np.where(g == Agregasi.JUMLAH.code, t * _share(periode, jumlah_periode, awal), t)
    reasons = kolom.first_reason((g == kolom.ERROR, g_why), (g == kolom.BLANK, f"{Agregasi.kind()} kosong"),
                            (kolom.has_reason(t_why), t_why))
    return kolom.with_errors(out, np.isnan(t), reasons)


def realisasi_periode_array(values, agregasi, periode: int | None = None) -> np.ndarray:
    """Array form of :func:`realisasi_periode`: one row per indikator, one column per period.

    Examples
    --------
    >>> realisasi_periode_array([[10, None, 5, 5], [80, 90, None, None]], ["jumlah", "rata-rata"], 2).tolist()
    [None, 85.0]
    """
    rows = np.asarray(values, dtype=object)
    if rows.ndim != 2:
        raise ValueError("realisasi_periode needs a 2-D table: one row per indikator")
    n, p = rows.shape
    k = p if periode is None else periode
    if not 1 <= k <= p:
        raise InputError(f"periode {k} di luar 1-{p}")
    g, g_why = kolom.encode(agregasi, Agregasi, n)
    cols = [kolom.floats(rows[:, j], n) for j in range(k)]
    total = np.zeros(n)
    count = np.zeros(n)
    for col, _ in cols:  # few periods; vectorised over the rows
        filled = ~np.isnan(col)
        total = np.where(filled, total + col, total)
        count += filled
    last = cols[-1][0]
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(g == Agregasi.TERAKHIR.code, last,
                       np.where(g == Agregasi.JUMLAH.code, total, total / count))
    reasons = kolom.first_reason((g == kolom.ERROR, g_why), (g == kolom.BLANK, f"{Agregasi.kind()} kosong"),
                            *[(kolom.has_reason(why), why) for _, why in cols])
    return kolom.with_errors(out, np.isnan(last), reasons)


# --- formula -------------------------------------------------------------------------------------------

def targets_formula(lo: str, hi: str, agregasi: str, periode: int | None,
                    awal: str | None = None) -> tuple[str, str]:
    """Expressions of the target min/max a period is measured against (:func:`target_periode`; ``awal`` the
    cell of the pegawai's first period, none: 1)."""
    if periode is None:
        return lo, f'IF({hi}="",{lo},{hi})'
    jumlah = f'TRIM({agregasi})="{Agregasi.JUMLAH.value}"'
    share = (f"{periode}/JumlahPeriode" if awal is None else
             f"(MAX({periode},{awal})-{awal}+1)/(JumlahPeriode-{awal}+1)")
    tmin = f"IF({jumlah},{lo}*{share},{lo})"
    return tmin, f'IF({hi}="",{tmin},IF({jumlah},{hi}*{share},{hi}))'


def used_formula(teks: str, lo: str, hi: str, real: Sequence[str], periode: int | None) -> str:
    """Whether an indikator slot counts (:meth:`skpkit.evaluasi.IsianIndikator.used`): its text, a target,
    or the period's realisasi (for the year: any period's) is filled."""
    used_real = real if periode is None else real[-1:]
    return "OR(" + ",".join([f'{teks}<>""', f'{lo}<>""', f'{hi}<>""'] + [f'{r}<>""' for r in used_real]) + ")"


def agregasi_error(cek_baris: str) -> str:
    return f'LEFT({cek_baris},{len(Agregasi.kind())})="{Agregasi.kind()}"'


def kumulatif_formula(real: Sequence[str], agregasi: str, teks: str = "", lo: str = "", hi: str = "",
                      cek_baris: str = "", periode: int | None = None) -> str:
    """:func:`realisasi_periode` over the realisasi cells of periods 1..p, gated as :mod:`skpkit.evaluasi`
    gates it: an unused slot is blank, an agregasi error and realisasi that is not a number show their reason."""
    last, cells = real[-1], ",".join(real)
    ag = f"TRIM({agregasi})"
    value = (f'IF({last}="","",IF({ag}="{Agregasi.TERAKHIR.value}",{last},'
             f'IF({ag}="{Agregasi.JUMLAH.value}",SUM({cells}),'
             f'IF({ag}="{Agregasi.RATA_RATA.value}",AVERAGE({cells}),""))))')
    if not teks:
        return "=" + value
    return "=" + nested_if([
        (f"NOT({used_formula(teks, lo, hi, real, periode)})", '""'),
        (agregasi_error(cek_baris), f'"{ERR}"&{cek_baris}'),
        (f"COUNTA({cells})<>COUNT({cells})", text_literal(ERR + Alasan.BUKAN_ANGKA)),
    ], value)
