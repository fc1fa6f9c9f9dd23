"""An e-Kinerja rekap as input of consolidation: per pegawai and period, the ratings and the predikat (kuadran)
the national app gave, so a unit that ran part of the year there still gets one rekap and one kurva check.

Columns are matched by header, tolerantly (the README names them): NIP, nama, unit kerja, periode, and the
predikat (``PREDIKAT`` / ``KUADRAN``, label or SIASN code 1-5) and/or the two ratings (label, any spelling
of RULES.md section 8, or code 1-3); optional tahun, jabatan, jenjang and predikat organisasi. A row with
both ratings and a predikat that the matrix does not give is named; the matrix wins.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from xlsxwriter.utility import xl_col_to_name

from skpkit import rules
from skpkit.ekinerja import EKinerjaRow
from skpkit.errors import InputError
from skpkit.model import JenisPeriode, Jenjang, Predikat, Rating
from skpkit.nip import parse_nip
from skpkit.generator.layout.stored import text
from skpkit.generator.errors import Masalah, UserError
from skpkit.generator.read.package import Source, open_source
from skpkit.generator.read.table import normalise_header, table_rows
from skpkit.i18n import _

__all__ = ["EKINERJA_COLUMNS", "EKinerjaRow", "looks_like_ekinerja", "read_ekinerja", "parse_periode"]

EKINERJA_COLUMNS: dict[str, tuple[str, ...]] = {
    "nip": ("nip", "nip pegawai", "nip baru", "nip pns"),
    "nama": ("nama", "nama pegawai", "nama pns"),
    "unit": ("unit kerja", "unit", "unor", "unor nama", "satuan kerja", "unit organisasi"),
    "periode": ("periode", "periode penilaian", "periode kinerja", "bulan", "triwulan", "periodik"),
    "tahun": ("tahun", "tahun penilaian"),
    "hasil": ("rating hasil kerja", "hasil kerja", "hasil kinerja", "rating hasil", "hasil kinerja nilai"),
    "perilaku": ("rating perilaku kerja", "perilaku kerja", "rating perilaku", "perilaku kerja nilai"),
    "predikat": ("predikat", "predikat kinerja", "predikat kinerja pegawai", "kuadran", "kuadran kinerja",
                 "kuadran kinerja nilai", "kuadran nilai"),
    "jabatan": ("jabatan", "nama jabatan", "jabatan nama"),
    "jenjang": ("jenjang", "jenjang jabatan"),
    "organisasi": ("predikat organisasi", "predikat kinerja organisasi", "capaian kinerja organisasi"),
}
_TAHUNAN = ("tahunan", "akhir", "iv akhir", "tahun", "0")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_BULAN = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
          "november", "desember")


def _header(rows: list[list[Any]]) -> tuple[int, dict[str, int]] | None:
    for i, row in enumerate(rows[:10]):
        head = [normalise_header(c) for c in row]
        cols: dict[str, int] = {}
        for key, names in EKINERJA_COLUMNS.items():
            hit = next((j for j, h in enumerate(head) if h in names), None)
            if hit is not None:
                cols[key] = hit
        if {"nip", "periode"} <= cols.keys() and ("predikat" in cols or {"hasil", "perilaku"} <= cols.keys()):
            return i, cols
    return None


def looks_like_ekinerja(source: Source) -> bool:
    """Whether a .csv/.xlsx file carries an e-Kinerja rekap's columns."""
    try:
        _cols, rows = table_rows(source)
    except (UserError, ValueError, OSError):  # not readable as such: not this kind
        return False
    return _header(rows) is not None


def parse_periode(value: Any, jenis: JenisPeriode) -> int:
    """A period as e-Kinerja and SIASN write it: ``Triwulan II``, ``II``, ``2``, ``Februari``, ``Tahunan``
    (``IV-AKHIR``, ``Akhir``); 0 is the year.

    Examples
    --------
    >>> [parse_periode(x, JenisPeriode.TRIWULANAN) for x in ("Triwulan II", "iv", 3.0, "Tahunan")]
    [2, 4, 3, 0]
    >>> parse_periode("Februari", JenisPeriode.BULANAN)
    2
    """
    t = normalise_header(text(value))
    t = t.removeprefix("triwulan ").removeprefix("tw ").removeprefix("bulan ").strip()
    if t in _TAHUNAN:
        return 0
    n = jenis.jumlah
    if t in _ROMAN and jenis is JenisPeriode.TRIWULANAN:
        return _ROMAN[t]
    if t in _BULAN and jenis is JenisPeriode.BULANAN:
        return _BULAN.index(t) + 1
    if t.isdigit() and 1 <= int(t) <= n:
        return int(t)
    raise InputError(_("periode tidak dikenal untuk {value}: {x!r}").format(value=jenis.value, x=text(value)),
                     _("tulis Triwulan I-IV, nama bulan, nomor periode, atau Tahunan"))


def read_ekinerja(source: str | Path | Source, jenis: JenisPeriode, tahun: int | None,
                  problems: list[Masalah]) -> list[EKinerjaRow]:
    """The rows of an e-Kinerja rekap; a row that cannot be read is named (file, sheet, cell) in ``problems``
    and left out. A file of another year (its ``TAHUN`` column) is refused as a whole."""
    source = source if isinstance(source, Source) else open_source(source)
    path = source.path
    sheet, rows = table_rows(source)
    found = _header(rows)
    if found is None:
        raise UserError(Masalah(str(path), sheet, what=_("kolom rekap e-Kinerja tidak ditemukan"),
                                todo=_("perlu kolom NIP, PERIODE, dan PREDIKAT/KUADRAN atau kedua rating")))
    first, cols = found
    if jenis is JenisPeriode.TRIWULANAN:
        # a monthly file's "1".."4" would read as quarters: a file with any month in it is refused whole
        c = cols["periode"]
        for row in rows[first + 1:]:
            value = row[c] if c < len(row) else ""
            try:
                parse_periode(value, jenis)
            except InputError:
                try:
                    parse_periode(value, JenisPeriode.BULANAN)
                except InputError:
                    continue
                raise UserError(Masalah(str(path), sheet, what=_("rekap e-Kinerja bulanan ({x!r}), rekap "
                                                                 "triwulanan: tidak ikut direkap").format(
                                                                   x=text(value)),
                                        todo=_("rekap berkas satu jenis periode sekaligus"))) from None
    out: list[EKinerjaRow] = []
    for i, row in enumerate(rows[first + 1:], start=first + 2):
        if not any(text(c) for c in row):
            continue

        def get(key: str) -> Any:
            c = cols.get(key)
            return row[c] if c is not None and c < len(row) and row[c] != "" else None

        def where(key: str) -> str:
            return f"{xl_col_to_name(cols[key])}{i}" if key in cols else f"baris {i}"

        try:
            key = "tahun"
            year = get("tahun")
            if tahun is not None and year is not None and text(year) != str(tahun):
                raise UserError(Masalah(str(path), sheet, where("tahun"), _("rekap e-Kinerja tahun {x}, bukan {tahun}").format(
                                                                              x=text(year), tahun=tahun), _("rekap berkas satu tahun sekaligus")))
            key = "nip"
            nip = parse_nip(get("nip")).nip
            key = "periode"
            periode = parse_periode(get("periode"), jenis)
            key = "hasil"
            hasil = Rating.parse(get("hasil")) if get("hasil") is not None else None
            key = "perilaku"
            perilaku = Rating.parse(get("perilaku")) if get("perilaku") is not None else None
            key = "predikat"
            predikat = Predikat.parse(get("predikat")) if get("predikat") is not None else None
            key = "jenjang"
            jenjang = Jenjang.parse(get("jenjang")).value if get("jenjang") is not None else ""
        except InputError as e:
            problems.append(Masalah(str(path), sheet, where(key), e.reason, e.hint or _("perbaiki baris ini")))
            continue
        if hasil is not None and perilaku is not None:
            matrix = rules.predikat(hasil, perilaku)
            if predikat is not None and predikat is not matrix:
                problems.append(Masalah(str(path), sheet, where("predikat"),
                                        _("predikat {value} bukan hasil matriks ({value2})").format(
                                            value=predikat.value, value2=matrix.value),
                                        _("dipakai predikat dari matriks; periksa di e-Kinerja")))
            predikat = matrix
        out.append(EKinerjaRow(nip, text(get("nama")), text(get("unit")), periode, hasil, perilaku, predikat,
                               text(get("jabatan")), jenjang, text(get("organisasi"))))
    return out
