"""The identity fields the angka kredit documents print that the workbooks do not carry (RULES.md section
11): no. seri Karpeg, tempat and tanggal lahir, jenis kelamin, pendidikan, masa kerja, TMT pangkat, from
optional columns of the roster; blank where the roster has no such column. The tanggal lahir and the
jenis kelamin are in the NIP (and the NI PPPK) itself: read from it where the roster is silent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from skpkit.errors import InputError
from skpkit.generator.errors import Masalah, UserError
from skpkit.generator.read.package import Source
from skpkit.generator.read.roster import COLUMNS as ROSTER_COLUMNS, roster_table
from skpkit.generator.read.roster_fields import roster_date
from skpkit.generator.layout.stored import text as _text
from skpkit.i18n import _
from skpkit.nip import parse_nip

__all__ = ["IDENTITAS_COLUMNS", "read_identitas", "from_nip"]

#: optional roster column -> accepted header spellings (after :func:`normalise_header`)
IDENTITAS_COLUMNS: dict[str, tuple[str, ...]] = {
    "karpeg": ("no seri karpeg", "nomor seri karpeg", "no karpeg", "nomor karpeg", "karpeg", "no seri kartu pegawai"),
    "tempat_lahir": ("tempat lahir", "tmp lahir"),
    "tanggal_lahir": ("tanggal lahir", "tgl lahir"),
    "jenis_kelamin": ("jenis kelamin", "kelamin", "jk"),
    "pendidikan": ("pendidikan", "pendidikan terakhir", "tingkat pendidikan", "pendidikan akhir"),
    "masa_kerja": ("masa kerja", "masa kerja golongan", "mk golongan", "masa kerja gol"),
    "tmt_pangkat": ("tmt pangkat", "tmt golongan", "tmt gol"),
}


def from_nip(nip: str) -> dict[str, str]:
    """The tanggal lahir and jenis kelamin a NIP or NI PPPK holds (empty when it is not a valid one).

    Examples
    --------
    >>> from_nip("198811152016111011")
    {'tanggal_lahir': '15-11-1988', 'jenis_kelamin': 'Laki-laki'}
    >>> from_nip("")
    {}
    """
    try:
        parts = parse_nip(nip)
    except InputError:
        return {}
    return {"tanggal_lahir": parts.tanggal_lahir.strftime("%d-%m-%Y"),
            "jenis_kelamin": _("Laki-laki") if parts.laki_laki else _("Perempuan")}


def _cell(key: str, value: Any) -> str:
    if key in ("tanggal_lahir", "tmt_pangkat"):
        try:
            day = roster_date(value)
        except InputError:
            return _text(value)
        return day.strftime("%d-%m-%Y") if day else ""
    return _text(value)


def read_identitas(source: str | Path | Source) -> dict[str, dict[str, str]]:
    """NIP -> the optional identity fields the roster at ``source`` has (only the columns it has)."""
    path, sheet, rows, header_i, header = roster_table(source)
    nip_col = next((i for i, h in enumerate(header) if h in ROSTER_COLUMNS["nip"]), None)
    if nip_col is None:
        raise UserError(Masalah(str(path), sheet, _("baris {n}").format(n=header_i + 1),
                                _("kolom {x} tidak ditemukan").format(x="nip"), _("beri judul kolom: NIP")))
    cols = {key: next(i for i, h in enumerate(header) if h in names)
            for key, names in IDENTITAS_COLUMNS.items() if any(h in names for h in header)}
    out: dict[str, dict[str, str]] = {}
    for row in rows[header_i + 1:]:
        nip = _text(row[nip_col]) if nip_col < len(row) else ""
        if nip:
            out[nip] = {key: _cell(key, row[c]) for key, c in cols.items() if c < len(row) and _text(row[c])}
    return out
