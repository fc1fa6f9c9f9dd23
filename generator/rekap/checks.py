"""``skp check``: what is wrong with a workbook that came back, against the manifest it was issued with."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from xlsxwriter.utility import xl_cell_to_rowcol

from skpkit.errors import InputError
from skpkit.nip import parse_nip
from skpkit.generator.read.container import Limits, check_container
from skpkit.generator.layout import Geometry, a1
from skpkit.generator.manifest import issued_value, fingerprint, manifest_pegawai
from skpkit.generator.problems import Masalah, UserError
from skpkit.generator.read.workbook import Grid, WorkbookData
from skpkit.generator.read.package import FormulaScan
from skpkit.generator.read.registry import get_reader

__all__ = ["Temuan", "check_file", "issued_changes"]


@dataclass
class Temuan:
    """Findings for one file: problems (exit 1) and information (periods not filled yet)."""

    path: Path
    problems: list[Masalah] = field(default_factory=list)
    info: list[str] = field(default_factory=list)


def _cell(grid: Grid, ref: str) -> Any:
    r, c = xl_cell_to_rowcol(ref)
    return grid(r, c)


def issued_changes(path: Path, data: WorkbookData, entries: dict[str, dict], key: bytes | None) -> list[Masalah]:
    """Compare every issued cell with the manifest; verify the manifest's own fingerprint."""
    out: list[Masalah] = []
    for nip, entry in entries.items():
        actual = data.by_nip.get(nip)
        sheet = actual.name if actual is not None else entry.get("sheet", "")
        if actual is not None and entry.get("sheet") != sheet:
            out.append(Masalah(str(path), sheet, "", f"manifest menyebut sheet {entry.get('sheet')!r} untuk NIP {nip}",
                               "gunakan manifest asli dari skp generate atau skp refresh"))
        cells = entry.get("issued", {})
        if fingerprint(entry.get("file", path.name), nip, cells, key) != entry.get("fingerprint"):
            out.append(Masalah(str(path), sheet, "", "sidik jari manifest tidak cocok: manifest diubah atau "
                               "kunci berbeda", "gunakan manifest dan kunci yang dipakai saat berkas diterbitkan"))
            continue
        grid = data.grids.get(sheet)
        if grid is None:
            continue  # the reader already reported the sheet
        for ref, old in cells.items():
            new = issued_value(_cell(grid, ref))
            new = None if new == "" else new
            if new != (None if old == "" else old):  # a blank issued cell is blank however it was recorded
                out.append(Masalah(str(path), sheet, ref, f"isi yang diterbitkan diubah: {old!r} menjadi {new!r}",
                                   "kembalikan isian semula; perubahan target/RHK dari atasan lewat skp refresh"))
    return out


@lru_cache(maxsize=64)
def formula_refs(g: Geometry, fungsional: bool) -> tuple[tuple[tuple[int, int], str], ...]:
    """Every formula cell of a pegawai sheet with its A1 reference, once per layout geometry."""
    return tuple(((r, c), a1(r, c)) for r, c in g.formula_cells(fungsional))


def _structure(path: Path, data: WorkbookData, scans: dict[str, FormulaScan]) -> list[Masalah]:
    """Formulas overwritten with values and protection removed, from the scan of the sheet XML that the
    container check made (calamine sees values only; a full openpyxl load binds every merged range and
    is a hundred times slower)."""
    out: list[Masalah] = []
    for sheet in data.plan.sheets:
        scan = scans.get(sheet.name)
        if scan is None:
            continue
        if not scan.protected:
            out.append(Masalah(str(path), sheet.name, "", "proteksi sheet dilepas",
                               "minta berkas baru atau lindungi kembali sheet (Review > Protect Sheet)"))
        grid = data.grids.get(sheet.name)
        for (r, c), ref in formula_refs(data.geometry, sheet.pegawai.is_fungsional):
            if ref not in scan.formulas:
                v = grid(r, c) if grid is not None else None
                out.append(Masalah(str(path), sheet.name, a1(r, c), f"rumus ditimpa dengan nilai {v!r}",
                                   "minta berkas baru (skp refresh) agar rumus kembali; nilai isian tetap terbawa"))
    return out


def check_file(path: Path, manifest: dict | None = None, key: bytes | None = None) -> Temuan:
    """Everything wrong with one returned workbook; never raises for a bad file."""
    path = Path(path)
    found = Temuan(path)
    problems: list[Masalah] = []
    try:
        scans = check_container(path, Limits())
        data = get_reader("skp").read(path, problems)
    except UserError as e:
        found.problems.append(e.masalah)
        return found
    found.problems += problems
    for sheet in data.plan.sheets:
        try:
            parse_nip(sheet.pegawai.nip)
        except InputError as e:
            found.problems.append(Masalah(str(path), sheet.name, "", e.reason, e.hint))
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        found.info.append(f"{path.suffix} dibaca menurut posisi; rumus dan proteksi tidak diperiksa "
                          "(simpan sebagai .xlsx agar diperiksa)")
    else:
        found.problems += _structure(path, data, scans)
    if manifest is not None:
        entries = {nip: e for nip, e in manifest_pegawai(manifest).items()
                   if nip in data.by_nip or e["file"] == path.name}
        if not entries:
            found.problems.append(Masalah(str(path), what="berkas tidak ada di manifest (unit lain?)",
                                          todo="periksa manifest yang dipakai"))
        else:
            listed = manifest_pegawai(manifest)
            for sheet in data.plan.sheets:
                if sheet.pegawai.nip not in listed:
                    found.problems.append(Masalah(str(path), sheet.name, "", f"NIP {sheet.pegawai.nip} tidak ada di "
                                                  "manifest: isi yang diterbitkan tidak dapat diperiksa",
                                                  "gunakan manifest asli dari skp generate atau skp refresh"))
        found.problems += issued_changes(path, data, entries, key)
    n = data.plan.jenis_periode.jumlah
    for sheet in data.plan.sheets:
        filled = sheet.isian.periods_filled()
        missing = [data.plan.jenis_periode.nama(p) for p in range(1, n + 1) if p not in filled]
        if missing:
            found.info.append(f"{sheet.name}: periode belum diisi: {', '.join(missing)}")
    return found
