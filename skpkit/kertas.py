"""The papers the official forms print on (RULES.md section 11): A4, or F4 (215 x 330 mm), chosen by the
instansi (``Settings.kertas``, ``Kertas`` in Pengaturan)."""

from __future__ import annotations

from skpkit.errors import InputError

__all__ = ["KERTAS", "parse_kertas"]

#: the papers the forms print on, by the names instansi use (F4 is also sold as Folio)
KERTAS = ("A4", "F4")


def parse_kertas(value: object) -> str:
    """A paper name as :data:`KERTAS` spells it: any case and spacing; ``Folio`` is F4.

    Examples
    --------
    >>> parse_kertas(" f4 "), parse_kertas("Folio"), parse_kertas("a4")
    ('F4', 'F4', 'A4')
    """
    text = str(value or "").strip().upper()
    text = "F4" if text == "FOLIO" else text
    if text not in KERTAS:
        raise InputError(f"ukuran kertas {value!r} bukan A4 atau F4", "isi A4 atau F4")
    return text
