"""Read the roster (xlsx or csv): one row per pegawai, headers matched tolerantly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from xlsxwriter.utility import xl_col_to_name

from skpkit.cascade import check_roster
from skpkit.errors import InputError
from skpkit.generator.layout import MAX_TEXT
from skpkit.model import JenisJabatan, Jenjang, Pegawai
from skpkit.nip import PNS, PPPK, golongan_pppk, parse_nip, parse_status
from skpkit.generator.errors import Masalah, UserError
from skpkit.generator.read.package import Source, open_source
from skpkit.generator.read.roster_fields import jenis_struktural, roster_date, roster_number
from skpkit.generator.read.table import normalise_header, table_rows
from skpkit.i18n import _

__all__ = ["read_roster", "roster_table", "COLUMNS"]

#: canonical column -> accepted header spellings (after :func:`normalise_header`)
COLUMNS: dict[str, tuple[str, ...]] = {
    "nip": ("nip", "nip pegawai", "nomor induk pegawai", "nip baru", "nip 18", "ni pppk", "nip ni pppk",
            "nip atau ni pppk", "nomor induk pppk"),
    "nama": ("nama", "nama pegawai", "nama lengkap", "nama pns"),
    "jabatan": ("jabatan", "nama jabatan", "jabatan nama", "jabatan nm"),
    "jenis_jabatan": ("jenis jabatan", "jenis", "kategori jabatan", "tipe jabatan", "jenis jabatan nama",
                      "jenis jabatan nm"),
    "jenjang": ("jenjang", "jenjang jabatan", "jenjang jf", "jenjang fungsional", "jenjang kode", "kode jenjang"),
    "pangkat": ("pangkat", "golongan", "pangkat golongan", "gol", "pangkat gol ruang", "gol ruang",
                "gol akhir nama", "golongan nama", "gol ruang akhir", "pangkat akhir"),
    "unit": ("unit", "unit kerja", "satuan kerja", "unor", "unit organisasi", "unor nama", "unit kerja nama",
             "unor nm"),
    "nip_atasan": ("nip atasan", "nip atasan langsung", "atasan", "nip penilai", "nip pejabat penilai",
                   "atasan nip", "atasan langsung nip", "nip atasan baru"),
    # optional: eselon (to tell a SIASN "Jabatan Struktural" apart), gelar, and for angka kredit and SIASN
    "eselon": ("eselon", "eselon nama", "eselon id", "eselon nm", "level eselon"),
    "gelar_depan": ("gelar depan",),
    "gelar_belakang": ("gelar belakang",),
    "tmt_jabatan": ("tmt jabatan", "tmt jab", "tmt jabatan fungsional", "tmt jf", "tmt jenjang"),
    # the pegawai's own SKP period in the unit (RULES.md section 10): joined / left it in the year
    "tmt_masuk": ("tmt masuk", "tmt masuk unit", "tanggal masuk", "tanggal masuk unit", "tgl masuk",
                  "tmt mutasi masuk", "tmt pindah masuk", "mulai di unit"),
    "jenjang_sebelumnya": ("jenjang sebelumnya", "jenjang lama", "jenjang sebelum tmt", "jenjang terdahulu"),
    "tmt_keluar": ("tmt keluar", "tmt keluar unit", "tanggal keluar", "tanggal keluar unit", "tgl keluar",
                   "tmt mutasi keluar", "tmt pindah keluar", "tmt berhenti", "tmt pensiun", "keluar dari unit"),
    "ak_awal": ("ak awal", "angka kredit awal", "ak kumulatif", "angka kredit kumulatif", "ak terakhir",
                "angka kredit terakhir"),
    "ak_awal_pangkat": ("ak awal pangkat", "ak awal untuk pangkat", "angka kredit awal pangkat"),
    "ak_awal_jenjang": ("ak awal jenjang", "ak awal untuk jenjang", "angka kredit awal jenjang"),
    "pns_id": ("pns id", "id pns", "pns orang id", "orang id"),
    "golongan_id": ("golongan id", "gol akhir id", "gol id", "id golongan"),
    # PNS / PPPK / PPPK Paruh Waktu (RULES.md section 9); without it the number's digits 13-14 decide
    "status": ("status", "status pegawai", "jenis pegawai", "status kepegawaian", "status asn", "jenis asn",
               "kedudukan pegawai"),
}
REQUIRED = ("nip", "nama", "jabatan", "jenis_jabatan", "unit", "nip_atasan")


def _jenis(raw: Any, eselon: Any) -> JenisJabatan:
    """The jenis jabatan; SIASN's "Jabatan Struktural" (or "Struktural") by its eselon."""
    if normalise_header(raw) in ("struktural", "jabatan struktural"):
        return jenis_struktural(eselon)
    return JenisJabatan.parse(raw)


def _jenjang_in_name(jabatan: str) -> str:
    """The jenjang a jabatan fungsional's name ends with (``Analis Kebijakan Ahli Muda``), else ''.

    Examples
    --------
    >>> _jenjang_in_name("Pranata Komputer Ahli Pertama"), _jenjang_in_name("Analis")
    ('Ahli Pertama', '')
    """
    folded = normalise_header(jabatan)
    for j in sorted(Jenjang, key=lambda j: -len(j.value)):
        if folded.endswith(" " + normalise_header(j.value)):
            return j.value
    return ""


def _id(value: Any) -> str:
    """An id as text: a number read from a spreadsheet keeps no ``.0``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def roster_table(source: str | Path | Source) -> tuple[Path, str, list[list[Any]], int, list[str]]:
    """A roster's file, sheet, rows, the index of its header row (the first that is not blank) and its
    headers folded for matching; a one-line error for a missing file or an empty roster."""
    if not isinstance(source, Source):
        if not Path(source).exists():
            raise UserError(Masalah(str(source), what=_("berkas roster tidak ditemukan")))
        source = open_source(source)
    sheet, rows = table_rows(source, ("roster", "pegawai", "daftar pegawai"))
    header_i = next((i for i, r in enumerate(rows) if any(str(c).strip() for c in r)), None)
    if header_i is None:
        raise UserError(Masalah(str(source.path), sheet, what=_("roster kosong")))
    return Path(source.path), sheet, rows, header_i, [normalise_header(c) for c in rows[header_i]]


def read_roster(source: str | Path | Source, external: tuple[str, ...] = (), *,
                partial: bool = False) -> list[Pegawai]:
    """Read and validate a roster; raise :class:`UserError` naming the cell at the first problem.

    ``external`` are NIP atasan that are allowed although not in the roster (the
    superior whose sheet the unit is generated from). With ``partial`` any NIP atasan is allowed: the
    roster is a whole organisation of which a superior's workbook picks the part below it
    (:func:`skpkit.cascade.below`); duplicates, self-superiors and cycles are still refused.
    """
    path, sheet, rows, header_i, header = roster_table(source)
    cols: dict[str, int] = {}
    for key, names in COLUMNS.items():
        for i, h in enumerate(header):
            if h in names and key not in cols:
                cols[key] = i
    missing = [k for k in REQUIRED if k not in cols]
    if missing:
        raise UserError(Masalah(str(path), sheet, _("baris {n}").format(n=header_i + 1),
                                _("kolom {x} tidak ditemukan").format(x=', '.join(missing)),
                                _("beri judul kolom: {names}").format(names=", ".join(COLUMNS[k][0].upper() for k in missing))))
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
            status = parse_status(get("status"))
        except InputError as e:
            raise fail("status", e) from None
        try:
            parts = parse_nip(get("nip"), status)
        except InputError as e:
            raise fail("nip", e) from None
        nip, status = parts.nip, status or (PPPK if parts.pppk else PNS)
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
        text = {k: str(get(k)).strip() for k in ("nama", "jabatan", "unit", "pangkat", "gelar_depan",
                                                 "gelar_belakang", "pns_id", "golongan_id")}
        for k, v in text.items():  # a workbook cell holds at most MAX_TEXT characters: never cut silently
            if len(v) > MAX_TEXT:
                raise fail(k, InputError(_("teks {n} karakter, lebih dari {m} yang muat di satu sel").format(
                    n=len(v), m=MAX_TEXT), _("persingkat isinya")))
        for k in ("nama", "jabatan", "unit"):
            if not text[k]:
                raise fail(k, f"{k} kosong")
        if status != PNS and text["pangkat"] and not golongan_pppk(text["pangkat"]):
            raise fail("pangkat", InputError(_("golongan PPPK {x!r} bukan I-XVII").format(x=text["pangkat"]),
                                             _("isi golongan PPPK (I sampai XVII, mis. IX), bukan pangkat PNS")))
        if text["gelar_depan"] or text["gelar_belakang"]:  # SIASN keeps the titles apart from the name
            text["nama"] = " ".join(filter(None, (text["gelar_depan"], text["nama"]))) + (
                f", {text['gelar_belakang']}" if text["gelar_belakang"] else "")
        try:
            jenis = _jenis(get("jenis_jabatan"), get("eselon"))
        except InputError as e:
            raise fail("eselon" if "eselon" in e.reason or "struktural" in e.reason else "jenis_jabatan", e) from None
        jenjang = None
        raw = get("jenjang")
        if jenis is JenisJabatan.FUNGSIONAL and not str(raw).strip():
            raw = _jenjang_in_name(text["jabatan"])  # SIASN names the jenjang in the jabatan: "... Ahli Muda"
        if jenis is JenisJabatan.FUNGSIONAL or str(raw).strip():
            try:
                jenjang = Jenjang.parse(raw)
            except InputError as e:
                raise fail("jenjang", e if str(raw).strip() else
                           InputError(_("jenjang kosong untuk jabatan fungsional"),
                                      _("isi jenjang: {choices}").format(choices=", ".join(j.value for j in Jenjang)))) from None
        extra: dict[str, Any] = {}
        for key, parse in (("tmt_jabatan", roster_date), ("tmt_masuk", roster_date), ("tmt_keluar", roster_date),
                           ("ak_awal", roster_number),
                           ("ak_awal_pangkat", roster_number), ("ak_awal_jenjang", roster_number)):
            try:
                extra[key] = parse(get(key))
            except InputError as e:
                raise fail(key, e) from None
        lama = None
        if jenis is JenisJabatan.FUNGSIONAL and str(get("jenjang_sebelumnya")).strip():
            try:
                lama = Jenjang.parse(get("jenjang_sebelumnya"))
            except InputError as e:
                raise fail("jenjang_sebelumnya", e) from None
        start = max((d for d in (extra["tmt_jabatan"], extra["tmt_masuk"]) if d is not None), default=None)
        if extra["tmt_keluar"] is not None and start is not None and extra["tmt_keluar"] <= start:
            raise fail("tmt_keluar", InputError(
                _("TMT keluar {k} tidak sesudah TMT jabatan/masuk {m}").format(
                    k=extra["tmt_keluar"].strftime("%d-%m-%Y"), m=start.strftime("%d-%m-%Y")),
                _("periksa tanggal: pegawai keluar dari unit sesudah masuk")))
        # one AK awal column stands for both; of the two columns, one given stands for the other
        pangkat = extra["ak_awal_pangkat"] if extra["ak_awal_pangkat"] is not None else extra["ak_awal"]
        jenjang_ak = extra["ak_awal_jenjang"] if extra["ak_awal_jenjang"] is not None else extra["ak_awal"]
        pangkat, jenjang_ak = (pangkat if pangkat is not None else jenjang_ak,
                               jenjang_ak if jenjang_ak is not None else pangkat)
        if status != PNS:  # a golongan, not a pangkat: AK toward the next jenjang only (RULES.md section 9)
            pangkat = None
        out.append(Pegawai(nip, text["nama"], text["jabatan"], jenis, text["unit"], atasan,
                           text["pangkat"], jenjang, tmt_jabatan=extra["tmt_jabatan"], tmt_masuk=extra["tmt_masuk"],
                           tmt_keluar=extra["tmt_keluar"], jenjang_sebelumnya=lama, ak_awal_pangkat=pangkat,
                           ak_awal_jenjang=jenjang_ak, pns_id=text["pns_id"], golongan_id=_id(get("golongan_id")),
                           status=status))
    if not out:
        raise UserError(Masalah(str(path), sheet, what=_("roster tidak berisi pegawai")))
    if partial:
        external = tuple(set(external) | {p.nip_atasan for p in out if p.nip_atasan})
    try:
        check_roster(out, external)
    except InputError as e:
        raise UserError(Masalah(str(path), sheet, "", e.reason, e.hint)) from None
    return out
