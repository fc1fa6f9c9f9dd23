"""Write the rekap: the workbook a unit secretary reports from, and its flat copies (CSV, Parquet)."""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Sequence

import xlsxwriter

from skp import rules
from skp.errors import InputError
from skp.model import Predikat, Settings
from generator.consolidate import TAHUNAN_LABEL, Baris, BelumLengkap, FileResult, predikat_or_none
from generator.files import atomic_target
from generator.manifest import load_manifest, manifest_pegawai
from generator.problems import Masalah, UserError

__all__ = ["Rekap", "build_rekap", "write_rekap", "write_csv", "write_parquet", "SIASN_COLUMNS", "safe_text"]

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


def build_rekap(results: Sequence[FileResult], manifest: dict | None = None, periode: int | None = None) -> Rekap:
    """Merge per-file results: newest file wins per pegawai, manifest gaps and strangers reported,
    kurva checked per unit and period. ``periode``: keep one period (0 the year)."""
    rekap = Rekap(files=len(results))
    expected = None if manifest is None else manifest_pegawai(manifest)
    newest: dict[str, FileResult] = {}
    for r in results:
        rekap.masalah += r.masalah
        if not r.read:
            continue
        rekap.files_read += 1
        rekap.n_periode = r.n_periode
        rekap.tahun = rekap.tahun or r.tahun
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
    rekap.units = _units(rekap.rows, organisasi, n, settings or Settings())
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


# --- writing -------------------------------------------------------------------------------

def _table(wb, ws, columns: list[tuple[str, str]], records: list[dict], fmt: dict, widths: dict | None = None) -> None:
    for c, (_, label) in enumerate(columns):
        ws.write_string(0, c, label, fmt["header"])
        ws.set_column(c, c, (widths or {}).get(columns[c][0], 16))
    for r, rec in enumerate(records, start=1):
        for c, (key, _) in enumerate(columns):
            v = rec.get(key)
            if v is None or v == "":
                ws.write_blank(r, c, None, fmt["cell"])
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                ws.write_number(r, c, v, fmt["ak"] if key.startswith(("angka_kredit", "ak_", "kurang")) else fmt["cell"])
            else:
                ws.write_string(r, c, str(v), fmt["text"] if key in ("nip", "penilai_nip") else fmt["cell"])
    ws.freeze_panes(1, 2 if len(columns) > 4 else 0)
    ws.autofilter(0, 0, max(len(records), 1), len(columns) - 1)
    ws.protect("", {"autofilter": True, "sort": True, "format_columns": True, "select_locked_cells": True})
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)


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
    n = rekap.n_periode
    names = [x.periode_nama for x in rekap.units if x.periode][:n] if rekap.units else []
    cols = [("nip", "NIP"), ("nama", "Nama"), ("unit", "Unit Kerja"), ("jenjang", "Jenjang")]
    cols += [(f"ak_{p}", names[p - 1] if p - 1 < len(names) else f"Periode {p}") for p in range(1, n + 1)]
    cols += [("ak_jumlah", "Jumlah periode"), ("ak_tahunan", "AK Tahunan"), ("ak_pangkat", "AK untuk pangkat"),
             ("kurang_pangkat", "Kekurangan (pangkat)"), ("ak_jenjang", "AK untuk jenjang"),
             ("kurang_jenjang", "Kekurangan (jenjang)")]
    records = []
    for a in rekap.ak:
        rec = {"nip": a["nip"], "nama": a["nama"], "unit": a["unit"], "jenjang": a["jenjang"],
               "ak_jumlah": a["jumlah"], "ak_tahunan": a["tahunan"], "ak_pangkat": a["ak_pangkat"],
               "ak_jenjang": a["ak_jenjang"]}
        for p, v in enumerate(a["periode"], start=1):
            rec[f"ak_{p}"] = v
        # this year's AK against what the next pangkat / jenjang needs (earlier years are not in the file)
        earned = a["tahunan"] if a["tahunan"] is not None else (a["jumlah"] or 0.0)
        for key, need in (("kurang_pangkat", a["ak_pangkat"]), ("kurang_jenjang", a["ak_jenjang"])):
            rec[key] = max(need - earned, 0.0) if need is not None else None
        records.append(rec)
    return cols, records


def write_rekap(rekap: Rekap, out: Path) -> Path:
    """The rekap workbook: Rekap Pegawai, Rekap Unit (with a chart), Angka Kredit, Belum Lengkap, Masalah."""
    with atomic_target(out) as tmp:
        wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False,
                                            "strings_to_numbers": False})
        base = {"font_name": "Arial", "font_size": 9, "border": 1, "valign": "top"}
        fmt = {"header": wb.add_format({**base, "bold": True, "bg_color": "#1F4E78", "font_color": "#FFFFFF",
                                        "text_wrap": True}),
               "cell": wb.add_format(base), "text": wb.add_format({**base, "num_format": "@"}),
               "ak": wb.add_format({**base, "num_format": "0.00"})}
        ws = wb.add_worksheet("Rekap Pegawai")
        _table(wb, ws, PEGAWAI_COLUMNS, [asdict(b) for b in rekap.rows], fmt,
               {"nip": 21, "nama": 28, "unit": 28, "jabatan": 30, "penilai_nama": 26, "penilai_nip": 21,
                "file": 30})
        cols, records = unit_records(rekap)
        wu = wb.add_worksheet("Rekap Unit")
        _table(wb, wu, cols, records, fmt, {"unit": 30, **{f"aturan_{k}": 34 for k in range(RULE_SLOTS)}})
        _chart(wb, wu, rekap, records)
        cols, records = ak_records(rekap)
        _table(wb, wb.add_worksheet("Angka Kredit"), cols, records, fmt, {"nip": 21, "nama": 28, "unit": 28})
        _table(wb, wb.add_worksheet("Belum Lengkap"), BELUM_COLUMNS, [asdict(b) for b in rekap.belum], fmt,
               {"nip": 21, "nama": 28, "unit": 28, "apa": 48, "file": 30})
        _table(wb, wb.add_worksheet("Masalah"), MASALAH_COLUMNS,
               [{**asdict(m), "file": Path(m.file).name} for m in rekap.masalah], fmt,
               {"file": 34, "what": 60, "todo": 50})
        wb.close()
    return out


def _chart(wb, ws, rekap: Rekap, records: list[dict]) -> None:
    """Clustered bars: per unit, the count per predikat, for the latest period with predikat."""
    with_data = [u.periode for u in rekap.units if u.n]
    if not with_data:
        return
    latest = max(with_data, key=lambda p: p or rekap.n_periode + 1)
    rows = [i + 1 for i, u in enumerate(rekap.units) if u.periode == latest]
    if not rows:
        return
    chart = wb.add_chart({"type": "bar"})
    name = ws.get_name()
    for k, p in enumerate(Predikat):
        col = 3 + k
        chart.add_series({"name": p.value, "categories": [name, rows[0], 0, rows[-1], 0],
                          "values": [name, rows[0], col, rows[-1], col]})
    label = rekap.units[rows[0] - 1].periode_nama
    chart.set_title({"name": f"Distribusi predikat per unit ({label})", "name_font": {"size": 10}})
    chart.set_x_axis({"name": "Jumlah pegawai"})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 720, "height": 120 + 40 * len(rows)})
    ws.insert_chart(len(records) + 3, 0, chart)


def write_csv(rekap: Rekap, folder: Path) -> list[Path]:
    """One CSV per sheet (UTF-8 with BOM for Excel, text quoted so NIP stays text), plus the SIASN-style file."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = {
        "rekap_pegawai": (PEGAWAI_COLUMNS, [asdict(b) for b in rekap.rows]),
        "rekap_unit": unit_records(rekap),
        "angka_kredit": ak_records(rekap),
        "belum_lengkap": (BELUM_COLUMNS, [asdict(b) for b in rekap.belum]),
        "masalah": (MASALAH_COLUMNS, [{**asdict(m), "file": Path(m.file).name} for m in rekap.masalah]),
    }
    written = []
    for name, (cols, records) in tables.items():
        written.append(_csv(folder / f"{name}.csv", [label for _, label in cols],
                            ([safe_text(rec.get(k)) for k, _ in cols] for rec in records)))
    written.append(_csv(folder / "siasn_rekonsiliasi.csv", SIASN_COLUMNS, siasn_rows(rekap)))
    return written


def siasn_rows(rekap: Rekap) -> list[list]:
    """The year's result per pegawai in SIASN-style rekonsiliasi columns."""
    out = []
    for b in rekap.rows:
        if b.periode != 0:
            continue
        done = bool(predikat_or_none(b.predikat))
        out.append([b.nip, rekap.tahun, b.hasil if done else "", b.perilaku if done else "", safe_text(b.penilai_nama),
                    b.penilai_nip, safe_text(b.penilai_jabatan), "SUDAH DINILAI" if done else "BELUM DINILAI"])
    return out


def _csv(path: Path, header: list[str], rows) -> Path:
    with atomic_target(path) as tmp:
        with tmp.open("w", newline="", encoding="utf-8-sig") as f:
            w = csv.writer(f, quoting=csv.QUOTE_NONNUMERIC)
            w.writerow(header)
            for row in rows:
                w.writerow(["" if v is None else v for v in row])
    return path


def write_parquet(rekap: Rekap, path: Path) -> Path:
    """Rekap Pegawai as Parquet (needs pandas with pyarrow)."""
    try:
        import pandas as pd
        frame = pd.DataFrame([asdict(b) for b in rekap.rows], columns=[k for k, _ in PEGAWAI_COLUMNS] +
                             ["kurva_unit", "periode", "penilai_jabatan"])
        frame["nip"] = frame["nip"].astype("string")
        with atomic_target(path) as tmp:
            frame.to_parquet(tmp, index=False)
    except ImportError as e:
        raise UserError(Masalah(str(path), what=f"--parquet perlu pandas dan pyarrow ({e})",
                                todo="pip install pandas pyarrow")) from None
    return path


@dataclass
class Summary:
    files: int
    files_read: int
    pegawai: int
    masalah: int
    belum: int
    written: list[Path]


def consolidate(paths: Sequence[Path], out: Path, *, manifest: Path | None = None, periode: int | None = None,
                csv_dir: Path | None = None, parquet: Path | None = None, jobs: int = 1,
                progress: bool = True, key: bytes | None = None, scheduler: str | None = None) -> Summary:
    """Read every skpkit workbook under ``paths`` and write the rekap (and flat copies).

    Raises :class:`UserError` only when nothing at all could be read.
    """
    from tqdm import tqdm

    from generator.consolidate import collect, find_files

    files = [f for f in find_files(paths) if f.resolve() != Path(out).resolve() and not f.name.startswith("REKAP-")]
    if not files:
        raise UserError(Masalah(", ".join(map(str, paths)), what="tidak ada berkas .xlsx/.xlsm",
                                todo="sebutkan folder berisi berkas SKP yang sudah diisi"))
    data = load_manifest(manifest) if manifest is not None else None
    if scheduler:
        from generator.distributed import collect_dask
        source = collect_dask(files, scheduler, manifest=data, key=key, workers=max(jobs, 2))
    else:
        source = collect(files, jobs, manifest=data, key=key)
    results = list(tqdm(source, total=len(files), desc="berkas", unit="berkas",
                        disable=not progress or len(files) < 2))
    rekap = build_rekap(results, data, periode)
    if rekap.files_read == 0:
        first = rekap.masalah[0] if rekap.masalah else None
        raise UserError(Masalah(str(paths[0]), what=f"tidak ada berkas skpkit yang dapat dibaca dari {len(files)} "
                                f"berkas" + (f"; pertama: {first}" if first else ""),
                                todo="periksa berkas (lihat skp check)"))
    written = [write_rekap(rekap, out)]
    if csv_dir is not None:
        written += write_csv(rekap, csv_dir)
    if parquet is not None:
        written.append(write_parquet(rekap, parquet))
    return Summary(len(files), rekap.files_read, len({b.nip for b in rekap.rows}), len(rekap.masalah),
                   len(rekap.belum), written)
