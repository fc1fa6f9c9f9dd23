"""Read the roster (xlsx or csv): one row per pegawai, headers matched tolerantly."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook
from xlsxwriter.utility import xl_col_to_name

from skpkit.cascade import check_roster
from skpkit.errors import InputError
from skpkit.model import JenisJabatan, Jenjang, Pegawai
from skpkit.nip import parse_nip
from skpkit.generator.problems import Masalah, UserError

__all__ = ["read_roster", "COLUMNS", "normalise_header", "decode_csv"]

#: canonical column -> accepted header spellings (after :func:`normalise_header`)
COLUMNS: dict[str, tuple[str, ...]] = {
    "nip": ("nip", "nip pegawai", "nomor induk pegawai", "nip baru"),
    "nama": ("nama", "nama pegawai", "nama lengkap"),
    "jabatan": ("jabatan", "nama jabatan"),
    "jenis_jabatan": ("jenis jabatan", "jenis", "kategori jabatan", "tipe jabatan"),
    "jenjang": ("jenjang", "jenjang jabatan", "jenjang jf", "jenjang fungsional"),
    "pangkat": ("pangkat", "golongan", "pangkat golongan", "gol", "pangkat gol ruang", "gol ruang"),
    "unit": ("unit", "unit kerja", "satuan kerja", "unor", "unit organisasi"),
    "nip_atasan": ("nip atasan", "nip atasan langsung", "atasan", "nip penilai", "nip pejabat penilai"),
}
REQUIRED = ("nip", "nama", "jabatan", "jenis_jabatan", "unit", "nip_atasan")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise_header(text: Any) -> str:
    """Fold a header for matching.

    Examples
    --------
    >>> normalise_header("  NIP Atasan_Langsung ")
    'nip atasan langsung'
    >>> normalise_header("Pangkat/Gol. Ruang")
    'pangkat gol ruang'
    """
    return _NON_ALNUM.sub(" ", str(text).casefold()).strip()


def decode_csv(data: bytes) -> str:
    """The text of a CSV file, by a stated rule: UTF-8 (a byte-order mark dropped) when the bytes are
    valid UTF-8, else Windows-1252 (what Excel on Windows writes for "CSV"), else Latin-1.

    Examples
    --------
    >>> decode_csv("NIP;Nama\\nx;Désirée".encode("cp1252")).splitlines()[1]
    'x;Désirée'
    >>> decode_csv("\\ufeffNIP".encode("utf-8"))
    'NIP'
    """
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _rows(path: Path) -> tuple[str, list[list[Any]]]:
    if path.suffix.lower() == ".csv":
        text = decode_csv(path.read_bytes())
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        return "", [row for row in csv.reader(io.StringIO(text, newline=""), dialect)]
    try:
        wb = CalamineWorkbook.from_path(str(path))
    except Exception as e:  # calamine raises its own error types for unreadable files
        raise UserError(Masalah(str(path), what=f"tidak dapat dibaca sebagai xlsx/csv ({e})",
                                todo="simpan roster sebagai .xlsx atau .csv")) from None
    names = wb.sheet_names
    name = next((n for n in names if normalise_header(n) in ("roster", "pegawai", "daftar pegawai")), names[0])
    return name, wb.get_sheet_by_name(name).to_python(skip_empty_area=False)


def read_roster(path: str | Path, external: tuple[str, ...] = ()) -> list[Pegawai]:
    """Read and validate a roster; raise :class:`UserError` naming the cell at the first problem.

    ``external`` are NIP atasan that are allowed although not in the roster (the
    superior whose sheet the unit is generated from).
    """
    path = Path(path)
    if not path.exists():
        raise UserError(Masalah(str(path), what="berkas roster tidak ditemukan"))
    sheet, rows = _rows(path)
    header_i = next((i for i, r in enumerate(rows) if any(str(c).strip() for c in r)), None)
    if header_i is None:
        raise UserError(Masalah(str(path), sheet, what="roster kosong"))
    header = [normalise_header(c) for c in rows[header_i]]
    cols: dict[str, int] = {}
    for key, names in COLUMNS.items():
        for i, h in enumerate(header):
            if h in names and key not in cols:
                cols[key] = i
    missing = [k for k in REQUIRED if k not in cols]
    if missing:
        raise UserError(Masalah(str(path), sheet, f"baris {header_i + 1}",
                                f"kolom {', '.join(missing)} tidak ditemukan",
                                "beri judul kolom: " + ", ".join(COLUMNS[k][0].upper() for k in missing)))
    out: list[Pegawai] = []
    for i, row in enumerate(rows[header_i + 1:], start=header_i + 2):
        if not any(str(c).strip() for c in row):
            continue

        def get(key: str) -> Any:
            c = cols.get(key)
            return row[c] if c is not None and c < len(row) else ""

        def fail(key: str, e: InputError | str) -> UserError:
            cell = f"{xl_col_to_name(cols[key])}{i}" if key in cols else f"baris {i}"
            what = e.reason if isinstance(e, InputError) else e
            todo = e.hint if isinstance(e, InputError) else ""
            return UserError(Masalah(str(path), sheet, cell, what, todo))

        try:
            nip = parse_nip(get("nip")).nip
        except InputError as e:
            raise fail("nip", e) from None
        atasan = get("nip_atasan")
        if isinstance(atasan, str):
            atasan = atasan.strip()
        if atasan not in ("", None):
            try:
                atasan = parse_nip(atasan).nip
            except InputError as e:
                raise fail("nip_atasan", e) from None
        else:
            atasan = ""
        text = {k: str(get(k)).strip() for k in ("nama", "jabatan", "unit", "pangkat")}
        for k in ("nama", "jabatan", "unit"):
            if not text[k]:
                raise fail(k, f"{k} kosong")
        try:
            jenis = JenisJabatan.parse(get("jenis_jabatan"))
        except InputError as e:
            raise fail("jenis_jabatan", e) from None
        jenjang = None
        raw = get("jenjang")
        if jenis is JenisJabatan.FUNGSIONAL or str(raw).strip():
            try:
                jenjang = Jenjang.parse(raw)
            except InputError as e:
                raise fail("jenjang", e if str(raw).strip() else
                           InputError("jenjang kosong untuk jabatan fungsional",
                                      "isi jenjang: " + ", ".join(j.value for j in Jenjang))) from None
        out.append(Pegawai(nip, text["nama"], text["jabatan"], jenis, text["unit"], atasan,
                           text["pangkat"], jenjang))
    if not out:
        raise UserError(Masalah(str(path), sheet, what="roster tidak berisi pegawai"))
    try:
        check_roster(out, external)
    except InputError as e:
        raise UserError(Masalah(str(path), sheet, "", e.reason, e.hint)) from None
    return out
