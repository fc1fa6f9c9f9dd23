"""Sheet names the writer derives (kept apart so the context can compute them before any sheet is written)."""

from __future__ import annotations

__all__ = ["cetak_name"]


def cetak_name(sheet_name: str, prefix: str, pegawai_prefix: str, taken: set[str]) -> str:
    """The print sheet's name for a pegawai sheet: ``Cetak <nama>``, at most 31 characters, unique.

    Examples
    --------
    >>> cetak_name("SKP Ani", "Cetak ", "SKP ", set())
    'Cetak Ani'
    """
    base = (prefix + sheet_name.removeprefix(pegawai_prefix))[:31]
    name, k = base, 2
    while name in taken:
        tail = f" ({k})"
        name, k = base[:31 - len(tail)] + tail, k + 1
    taken.add(name)
    return name
