"""Sheet names the writer derives (kept apart so the context can compute them before any sheet is written)."""

from __future__ import annotations

__all__ = ["cetak_name", "cetak_names"]


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


def cetak_names(sheet_names: list[str], labels: dict) -> dict[str, str]:
    """Pegawai sheet name -> its print sheet's name, unique among the workbook's sheets (``labels``: the
    layout's ``labels["sheets"]``). The writer and ``skp print`` both name them through this.

    Examples
    --------
    >>> cetak_names(["SKP Ani"], {"pegawai_prefix": "SKP ", "cetak_prefix": "Cetak ", "petunjuk": "Petunjuk"})
    {'SKP Ani': 'Cetak Ani'}
    """
    taken = set(sheet_names) | {v for k, v in labels.items() if k not in ("pegawai_prefix", "cetak_prefix")}
    return {n: cetak_name(n, labels["cetak_prefix"], labels["pegawai_prefix"], taken) for n in sheet_names}

