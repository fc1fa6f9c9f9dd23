"""The rekap: per-file results merged into one (newest file per pegawai), the manifest's gaps and
strangers reported, the kurva checked per unit and period. Written by :mod:`.rekap_workbook` and
:mod:`.exports`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence


from skpkit import rules
from skpkit.errors import InputError
from skpkit.model import Predikat, Settings
from skpkit.generator.rekap.rows import TAHUNAN_LABEL, Baris, BelumLengkap, FileResult, predikat_or_none
from skpkit.generator.manifest import manifest_pegawai
from skpkit.generator.rekap.ekinerja import merge_ekinerja
from skpkit.generator.layout import labels
from skpkit.generator.problems import Masalah

__all__ = ["Rekap", "UnitRow", "build_rekap", "unit_records", "ak_records", "safe_text", "PEGAWAI_COLUMNS",
           "BELUM_COLUMNS", "MASALAH_COLUMNS", "SIASN_COLUMNS", "RULE_SLOTS"]

PEGAWAI_COLUMNS = [
    ("nip", "NIP"), ("nama", "Nama"), ("unit", "Unit Kerja"), ("jabatan", "Jabatan"),
    ("jenis_jabatan", "Jenis Jabatan"), ("jenjang", "Jenjang"), ("periode_nama", "Periode"),
    ("organisasi", "Predikat Organisasi"), ("hasil_saran", "Rating Hasil Kerja (saran)"),
    ("hasil", "Rating Hasil Kerja"), ("perilaku_saran", "Rating Perilaku Kerja (saran)"),
    ("perilaku", "Rating Perilaku Kerja"), ("predikat", "Predikat Kinerja"), ("angka_kredit", "Angka Kredit"),
    ("penilai_nama", "Pejabat Penilai"), ("penilai_nip", "NIP Pejabat Penilai"), ("file", "Berkas"),
    ("sheet", "Sheet"),
]
BELUM_COLUMNS = [("nip", "NIP"), ("nama", "Nama"), ("unit", "Unit Kerja"), ("periode_nama", "Periode"),
                 ("apa", "Yang belum"), ("siapa", "Oleh"), ("file", "Berkas"), ("sheet", "Sheet")]
MASALAH_COLUMNS = [("file", "Berkas"), ("sheet", "Sheet"), ("cell", "Sel"), ("what", "Masalah"),
                   ("todo", "Yang perlu dilakukan")]
SIASN_COLUMNS = ["PNS_DINILAI_ID", "TAHUN", "HASIL_KERJA", "PERILAKU_KERJA", "PENILAI_NAMA", "NIP_NIK_PENILAI",
                 "PENILAI_JABATAN_NM", "STATUS_PENILAIAN"]
RULE_SLOTS = max(len(v) for v in rules.KURVA.values())


def safe_text(value: Any) -> Any:
    """Text a spreadsheet could take for a formula gets a leading apostrophe (flat files only).

    Examples
    --------
    >>> safe_text("=HYPERLINK(1)"), safe_text("-5 hari"), safe_text(3)
    ("'=HYPERLINK(1)", "'-5 hari", 3)
    """
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


@dataclass
class UnitRow:
    unit: str
    periode: int
    periode_nama: str
    organisasi: str
    jumlah: dict[Predikat, int]
    n: int
    aturan: list[rules.AturanKurva]


@dataclass
class Rekap:
    rows: list[Baris] = field(default_factory=list)
    units: list[UnitRow] = field(default_factory=list)
    ak: list[dict[str, Any]] = field(default_factory=list)
    belum: list[BelumLengkap] = field(default_factory=list)
    masalah: list[Masalah] = field(default_factory=list)
    n_periode: int = 4
    files_read: int = 0
    files: int = 0
    tahun: int = 0
    #: the settings of the workbooks merged (the first one's; the defaults when none was read)
    settings: Settings = field(default_factory=Settings)


def build_rekap(results: Sequence[FileResult], manifest: dict | None = None, periode: int | None = None) -> Rekap:
    """Merge per-file results: newest file wins per pegawai, manifest gaps and strangers reported,
    kurva checked per unit and period. ``periode``: keep one period (0 the year)."""
    rekap = Rekap(files=len(results))
    expected = None if manifest is None else manifest_pegawai(manifest)
    newest: dict[str, FileResult] = {}
    readable = [r for r in results if r.read and r.kind == "skp"]
    # one year and one period type per rekap: the manifest's, else the most files'
    year = int(manifest["tahun"]) if manifest and manifest.get("tahun") else \
        Counter(r.tahun for r in readable).most_common(1)[0][0] if readable else 0
    periods = Counter(r.n_periode for r in readable if r.tahun == year).most_common(1)
    n_periode = periods[0][0] if periods else 4
    for r in results:
        rekap.masalah += r.masalah
        if not r.read or r.kind != "skp":
            continue
        if r.tahun != year or r.n_periode != n_periode:
            what = (f"berkas tahun {r.tahun}, rekap tahun {year}" if r.tahun != year else
                    f"berkas dengan {r.n_periode} periode setahun, rekap dengan {n_periode}")
            rekap.masalah.append(Masalah(r.path, what=f"{what}: tidak ikut direkap (kurva tidak dicampur)",
                                         todo="rekap berkas satu tahun dan satu jenis periode sekaligus"))
            continue
        rekap.files_read += 1
        rekap.n_periode = r.n_periode
        rekap.tahun = year
        nips = dict.fromkeys(b.nip for b in r.rows)
        if expected is not None and nips and not any(nip in expected for nip in nips):
            rekap.masalah.append(Masalah(r.path, what="berkas dari unit lain: pegawainya tidak ada di manifest",
                                         todo="pisahkan berkas unit lain; tidak ikut direkap"))
            continue
        for nip in nips:
            if expected is not None and nip not in expected:
                rekap.masalah.append(Masalah(r.path, what=f"pegawai {nip} tidak ada di manifest",
                                             todo="periksa asal berkas; tetap direkap"))
            other = newest.get(nip)
            if other is not None:
                keep, drop = (r, other) if r.mtime >= other.mtime else (other, r)
                rekap.masalah.append(Masalah(drop.path, what=f"pegawai {nip} juga ada di {Path(keep.path).name} "
                                             f"(lebih baru): yang dipakai {Path(keep.path).name}",
                                             todo="hapus salinan yang lama"))
                newest[nip] = keep
            else:
                newest[nip] = r
    if expected is not None:
        for nip, info in expected.items():
            if nip not in newest:
                rekap.masalah.append(Masalah(info["file"], info.get("sheet", ""),
                                             what=f"berkas untuk {info.get('nama', nip)} ({nip}) belum masuk",
                                             todo="kumpulkan berkas ini"))
    organisasi: dict[tuple[str, int], str] = {}
    settings: Settings | None = None
    for r in {id(r): r for r in newest.values()}.values():
        settings = settings or r.settings
        for key, v in r.organisasi.items():
            if key in organisasi and organisasi[key] != v:
                rekap.masalah.append(Masalah(r.path, "Pengaturan", what=f"predikat organisasi {key[0]} periode "
                                             f"{key[1]} berbeda antar berkas ({organisasi[key]} / {v})",
                                             todo="samakan di Pengaturan; dipakai yang pertama"))
            organisasi.setdefault(key, v)
    current = max((r.last_filled for r in newest.values()), default=0)
    n = rekap.n_periode
    for nip, r in newest.items():
        rekap.rows += [b for b in r.rows if b.nip == nip and (periode is None or b.periode == periode)]
        rekap.belum += [b for b in r.belum if b.nip == nip and (b.periode and b.periode <= current
                                                                or b.periode == 0 and current >= n)
                        and (periode is None or b.periode == periode)]
        if nip in r.ak:
            first = next(b for b in r.rows if b.nip == nip)
            rekap.ak.append({"nip": nip, "nama": first.nama, "unit": first.unit, "jenjang": first.jenjang,
                             **r.ak[nip]})
    rekap.settings = settings or Settings()
    for r in results:
        if r.read and r.kind == "ekinerja":
            merge_ekinerja(rekap, Path(r.path), organisasi, year or None, periode)
    rekap.units = _units(rekap.rows, organisasi, n, rekap.settings)
    return rekap


def _units(rows: list[Baris], organisasi: dict, n: int, settings: Settings) -> list[UnitRow]:
    out = []
    units = sorted({b.kurva_unit for b in rows})
    for unit in units:
        for periode in sorted({b.periode for b in rows}, key=lambda p: p or n + 1):
            preds = [predikat_or_none(b.predikat) for b in rows if b.kurva_unit == unit and b.periode == periode]
            org = organisasi.get((unit, periode or n + 1), "")
            label = next((b.periode_nama for b in rows if b.periode == periode), TAHUNAN_LABEL)
            try:
                hasil = rules.cek_kurva(org, preds, settings=settings) if org else None
            except InputError:
                hasil = None
            counts = rules.hitung_predikat(preds)
            out.append(UnitRow(unit, periode, label, org, counts, sum(counts.values()),
                               list(hasil.aturan) if hasil else []))
    return out


def unit_records(rekap: Rekap) -> tuple[list[tuple[str, str]], list[dict]]:
    cols = [("unit", "Unit"), ("periode_nama", "Periode"), ("organisasi", "Predikat Organisasi")]
    cols += [(f"n_{p.name}", p.value) for p in Predikat] + [("n", "Jumlah Dinilai")]
    for k in range(RULE_SLOTS):
        cols += [(f"aturan_{k}", f"Aturan {k + 1}"), (f"jumlah_{k}", "Jumlah"), (f"batas_{k}", "Batas"),
                 (f"ok_{k}", "Terpenuhi")]
    cols.append(("semua", "Kurva terpenuhi"))
    records = []
    for u in rekap.units:
        rec: dict[str, Any] = {"unit": u.unit, "periode_nama": u.periode_nama, "organisasi": u.organisasi,
                               "n": u.n, **{f"n_{p.name}": u.jumlah[p] for p in Predikat}}
        for k, a in enumerate(u.aturan):
            rec.update({f"aturan_{k}": a.teks, f"jumlah_{k}": a.jumlah, f"batas_{k}": a.batas,
                        f"ok_{k}": "Ya" if a.terpenuhi else "Tidak"})
        rec["semua"] = ("Ya" if all(a.terpenuhi for a in u.aturan) else "Tidak") if u.aturan else \
            "predikat organisasi belum diisi"
        records.append(rec)
    return cols, records


def ak_records(rekap: Rekap) -> tuple[list[tuple[str, str]], list[dict]]:
    """The ``Angka Kredit`` sheet: per fungsional, the AK of each period and of the year (months from the TMT
    jabatan), the AK carried in, and the cumulative AK and shortfall toward the next pangkat and jenjang."""
    n = rekap.n_periode
    names = [x.periode_nama for x in rekap.units if x.periode][:n] if rekap.units else []
    cols = [("nip", "NIP"), ("nama", "Nama"), ("unit", "Unit Kerja"), ("jenjang", "Jenjang"),
            ("tmt_jabatan", "TMT Jabatan"), ("bulan", "Bulan dinilai")]
    cols += [(f"ak_{p}", names[p - 1] if p - 1 < len(names) else f"Periode {p}") for p in range(1, n + 1)]
    cols += [("ak_jumlah", "Jumlah periode"), ("ak_tahunan", "AK Tahunan"),
             ("ak_awal_pangkat", "AK Awal (pangkat)"), ("kumulatif_pangkat", "AK Kumulatif (pangkat)"),
             ("ak_pangkat", "AK untuk pangkat"), ("kurang_pangkat", "Kekurangan (pangkat)"),
             ("ak_awal_jenjang", "AK Awal (jenjang)"), ("kumulatif_jenjang", "AK Kumulatif (jenjang)"),
             ("ak_jenjang", "AK untuk jenjang"), ("kurang_jenjang", "Kekurangan (jenjang)"),
             ("syarat", "Syarat lain kenaikan jenjang (diverifikasi)")]
    records = []
    for a in rekap.ak:
        rec = {k: a.get(k) for k, _ in cols if k in a}
        rec.update({"ak_jumlah": a["jumlah"], "ak_tahunan": a["tahunan"]})
        rec["tmt_jabatan"] = a["tmt_jabatan"].strftime("%d-%m-%Y") if a.get("tmt_jabatan") else ""
        for p, v in enumerate(a["periode"], start=1):
            rec[f"ak_{p}"] = v
        if a.get("ak_jenjang") is None:  # the top of the ladder: no next jenjang
            lab = labels()["pegawai"]
            rec["kurang_jenjang"], rec["syarat"] = lab["tidak_berlaku"], lab["puncak_jenjang"]
        records.append(rec)
    return cols, records
