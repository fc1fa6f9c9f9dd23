"""Flat copies of the rekap: one CSV per sheet, the SIASN-style file, and Parquet."""

from __future__ import annotations

import csv
from pathlib import Path

from skpkit.generator.files import atomic_target
from skpkit.generator.errors import Masalah, UserError
from skpkit.generator.rekap.merge import Rekap
from skpkit.generator.rekap.rows import predikat_of, record, shown
from skpkit.rules.masa import TIDAK_DINILAI
from skpkit.generator.rekap.siasn import PERIODIK_COLUMNS, SKP22_COLUMNS, periodik_rows, skp22_rows
from skpkit.generator.rekap.tables import (
    ak_table, belum_table, masalah_table, pegawai_table, safe_text, texts, unit_table,
)
from skpkit.i18n import _

__all__ = ["write_csv", "write_parquet", "siasn_rows"]


def write_csv(rekap: Rekap, folder: Path) -> list[Path]:
    """One CSV per sheet (UTF-8 with BOM for Excel, text quoted so NIP stays text), the readable SIASN-style
    file, and the two files in SIASN's codes and record shapes (:mod:`skpkit.generator.rekap.siasn`)."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = {
        "rekap_pegawai": pegawai_table(rekap),
        "rekap_unit": unit_table(rekap),
        "angka_kredit": ak_table(rekap),
        "belum_lengkap": belum_table(rekap),
        "masalah": masalah_table(rekap),
    }
    written = []
    for name, (cols, records) in tables.items():
        written.append(_csv(folder / f"{name}.csv", [label for _, label in cols],
                            ([safe_text(rec.get(k)) for k, _ in cols] for rec in records)))
    written.append(_csv(folder / "siasn_rekonsiliasi.csv", texts()["siasn"], siasn_rows(rekap)))
    for name, cols, records in (("siasn_skp22.csv", SKP22_COLUMNS, skp22_rows(rekap)),
                                ("siasn_kinerja_periodik.csv", PERIODIK_COLUMNS, periodik_rows(rekap))):
        written.append(_csv(folder / name, cols, ([safe_text(rec.get(k)) for k in cols] for rec in records)))
    return written


def siasn_rows(rekap: Rekap) -> list[list]:
    """The year's result per pegawai in SIASN-style rekonsiliasi columns."""
    out = []
    for b in rekap.rows:
        if b.periode != 0:
            continue
        done = predikat_of(b.predikat) is not None
        shows = done or b.predikat is TIDAK_DINILAI  # outside the pegawai's own period: said so (RULES.md section 8)
        status = texts()["siasn_status"]
        out.append([b.nip, rekap.tahun, shown(b.hasil) if shows else "", shown(b.perilaku) if shows else "",
                    safe_text(b.penilai_nama), b.penilai_nip, safe_text(b.penilai_jabatan),
                    status[0] if done else status[1]])
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
        frame = pd.DataFrame([record(b) for b in rekap.rows], columns=[k for k, _ in pegawai_table(rekap)[0]] +
                             ["kurva_unit", "periode", "penilai_jabatan"])
        frame["nip"] = frame["nip"].astype("string")
        # a typed column: the AK as numbers, none where there is none (blank, or a period outside the pegawai's
        # own: the predikat column says "tidak dinilai"); text beside numbers is refused by Parquet
        frame["angka_kredit"] = pd.to_numeric(frame["angka_kredit"].replace("", None), errors="coerce")
        with atomic_target(path) as tmp:
            frame.to_parquet(tmp, index=False)
    except ImportError as e:
        raise UserError(Masalah(str(path), what=_("--parquet perlu pandas dan pyarrow ({e})").format(e=e),
                                todo=_("pip install pandas pyarrow"))) from None
    return path
