"""Reading one filled workbook for consolidation: read, recompute, report.

Every file is read through the layout that wrote it and everything is recomputed
with :mod:`skpkit.evaluasi` (cached formula values are only compared, never trusted).
One bad file never stops the run: it becomes rows of ``Masalah``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from skpkit import rules
from skpkit.rules import ak as aturan_ak
from skpkit.rules.ak import PosisiAK
from skpkit.errors import MARK, Invalid
from skpkit.rules.nilai import angka
from skpkit.evaluasi import HasilPegawai, is_blank
from skpkit.model import Predikat, Settings
from skpkit.nip import parse_nip
from skpkit.errors import InputError
from skpkit.generator.isian import cell_value, evaluate_sheet, indikator_value, posisi_cells
from skpkit.generator.layout import LAYOUT_VERSION, Geometry, a1
from skpkit.generator.parallel import bounded_map
from skpkit.generator.plan import SheetPlan
from skpkit.generator.problems import Masalah, UserError
from skpkit.generator.rekap.checks import issued_changes
from skpkit.generator.manifest import manifest_pegawai
from skpkit.generator.read.container import SPREADSHEET_SUFFIXES, Limits, check_container
from skpkit.generator.read.ekinerja import looks_like_ekinerja
from skpkit.generator.read.package import FormulaScan
from skpkit.generator.read.workbook import WorkbookData
from skpkit.generator.read.registry import get_reader

__all__ = ["Baris", "BelumLengkap", "FileResult", "read_filled", "find_files", "collect", "Limits"]

TAHUNAN_LABEL = "Tahunan"


@dataclass
class Baris:
    """One row of ``Rekap Pegawai``: a pegawai in one period (``periode`` 0 is the year)."""

    nip: str
    nama: str
    unit: str
    kurva_unit: str
    jabatan: str
    jenis_jabatan: str
    jenjang: str
    periode: int
    periode_nama: str
    organisasi: str
    hasil_saran: str
    hasil: str
    perilaku_saran: str
    perilaku: str
    predikat: str
    angka_kredit: float | None
    penilai_nama: str
    penilai_nip: str
    penilai_jabatan: str
    file: str
    sheet: str
    #: SIASN's ids of the pegawai, from the roster (blank where it had none)
    pns_id: str = ""
    golongan_id: str = ""
    penilai_unit: str = ""


@dataclass
class BelumLengkap:
    nip: str
    nama: str
    unit: str
    periode: int
    periode_nama: str
    apa: str
    siapa: str
    file: str
    sheet: str


@dataclass
class FileResult:
    path: str
    mtime: float
    rows: list[Baris] = field(default_factory=list)
    belum: list[BelumLengkap] = field(default_factory=list)
    masalah: list[Masalah] = field(default_factory=list)
    organisasi: dict[tuple[str, int], str] = field(default_factory=dict)
    settings: Settings | None = None
    n_periode: int = 0
    ak: dict[str, dict[str, Any]] = field(default_factory=dict)
    read: bool = False
    tahun: int = 0
    #: the latest period with any realisasi in this file
    last_filled: int = 0
    #: ``skp`` (one of ours) or ``ekinerja`` (an e-Kinerja rekap, read when the rekap's period type is known)
    kind: str = "skp"


#: the name of a backup skpkit kept (``NAME.YYYYMMDD-HHMMSS.xlsx``): not an input
BACKUP = re.compile(r"\.\d{8}-\d{6}\.[A-Za-z]+$")


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Every workbook under ``paths`` (recursively), leaving out lock and temporary files and the backups
    skpkit keeps beside re-issued workbooks."""
    found: list[Path] = []
    for p in paths:
        p = Path(p)
        candidates = [p] if p.is_file() else sorted(x for x in p.rglob("*") if x.is_file())
        for f in candidates:
            if f.name.startswith(("~$", ".~lock", ".")) or BACKUP.search(f.name):
                continue
            # a CSV is an input when named, or when it carries an e-Kinerja rekap's columns
            if f.suffix.lower() in SPREADSHEET_SUFFIXES or f.suffix.lower() == ".csv" and (
                    p.is_file() or f.stat().st_size <= Limits.uncompressed_bytes and looks_like_ekinerja(f)):
                found.append(f)
    return found


def _s(x: Any) -> str:
    return "" if x is None else str(cell_value(x))


def _indikator_problems(path: Path, sheet: SheetPlan, g: Geometry, res: HasilPegawai) -> list[Masalah]:
    """One problem per invalid indikator row (the first reason it shows), naming its cell."""
    out: list[Masalah] = []
    seen: set[tuple[int, int]] = set()
    for hp in (*res.periode, res.tahunan):
        for i, rows in enumerate(hp.indikator):
            for j, hi in enumerate(rows):
                if hi is None or not isinstance(hi.capaian, Invalid) or (i, j) in seen:
                    continue
                seen.add((i, j))
                reason = hi.capaian.reason
                col = "realisasi" if "realisasi" in reason or reason == rules.Alasan.BUKAN_ANGKA else "target_min"
                c = g.col(col, hp.periode or 1) if col == "realisasi" else g.col(col)
                out.append(Masalah(str(path), sheet.name, a1(g.slot_row(i, j), c),
                                   f"indikator tidak valid: {reason}", rules.Alasan.HINTS.get(reason, "perbaiki isian")))
    return out


def _cached_problems(path: Path, data: WorkbookData, sheet: SheetPlan, g: Geometry,
                     res: HasilPegawai) -> list[Masalah]:
    """Computed cells whose stored value is not what the rules give: a formula was overwritten."""
    grid = data.grids.get(sheet.name)
    out: list[Masalah] = []
    if grid is None:
        return out
    checks: list[tuple[int, int, Any]] = []
    for p in g.periods():
        hp = res.tahunan if p is None else res.periode[p - 1]
        for key in ("hasil_saran", "hasil", "perilaku", "predikat"):
            checks.append((g.evaluasi_row(key), g.value_col(p), getattr(hp, key)))
        if sheet.pegawai.is_fungsional:
            checks.append((g.evaluasi_row("angka_kredit"), g.value_col(p), hp.angka_kredit))
            if g.ak_formula_keys():
                checks.append((g.evaluasi_row("bulan_ak"), g.value_col(p), hp.bulan_ak))
                if p is None:
                    checks += [(g.ak_posisi_row(k), g.value_col(None), v)
                               for k, v in posisi_cells(res.posisi_ak, g.layout["labels"]["pegawai"]["tidak_berlaku"]).items()]
        for i, rows in enumerate(hp.indikator):
            checks.append((g.slot_row(i), g.col("rating_rhk", p), hp.rhk[i]))
            for j, hi in enumerate(rows):
                checks.append((g.slot_row(i, j), g.col("capaian", p), hi and hi.capaian))
    differ: list[tuple[str, Any, Any]] = []
    for r, c, want in checks:
        got = grid(r, c)
        if got is None:
            continue  # no stored value (a file saved by a program that does not keep results)
        expect = cell_value(want)
        same = (math.isclose(got, expect, rel_tol=1e-9, abs_tol=1e-9)
                if isinstance(got, (int, float)) and isinstance(expect, float) else got == expect)
        if not same:
            differ.append((a1(r, c), got, expect))
    version = g.layout.get("version", LAYOUT_VERSION)
    if differ and version < LAYOUT_VERSION:
        # the file's formulas are those of its layout version and a rule changed since (RULES.md section 2,
        # in version 2): the sheet shows the old rule's result where the rules differ. One finding a sheet.
        cell, got, expect = differ[0]
        return [Masalah(str(path), sheet.name, cell,
                        f"berkas tata letak versi {version}: {len(differ)} sel dihitung dengan aturan lama "
                        f"(mis. {cell}: tersimpan {got!r}, aturan sekarang {expect!r})",
                        "rekap memakai aturan sekarang; terbitkan ulang berkas dengan skp refresh agar sheet sama")]
    return [Masalah(str(path), sheet.name, cell, f"nilai tersimpan {got!r} bukan hasil rumus ({expect!r}): rumus ditimpa?",
                    "kembalikan rumus (minta berkas baru dengan skp refresh); rekap memakai hasil hitung ulang")
            for cell, got, expect in differ]


def _formulas_in_inputs(path: Path, sheet: SheetPlan, g: Geometry, scan: FormulaScan | None) -> list[Masalah]:
    """A formula typed in a realisasi or target cell: its value is read when the file stores it; a file
    saved without stored results would read it as empty, so each such cell is named."""
    if scan is None or not scan.formulas:
        return []
    out = []
    cells = [(f, 0) for f in ("target_min", "target_max")] + [("realisasi", p) for p in range(1, g.n_periode + 1)]
    for i in range(g.n_slots):
        for j in range(g.k):
            r = g.slot_row(i, j)
            for name, p in cells:
                ref = a1(r, g.col(name, p))
                if ref in scan.formulas:
                    out.append(Masalah(str(path), sheet.name, ref, "rumus di sel isian: yang dibaca hanya nilai "
                                       "tersimpannya (kosong bila berkas disimpan tanpa hasil hitung)",
                                       "ketik angkanya, bukan rumus"))
    return out


def _belum(sheet: SheetPlan, res: HasilPegawai, n: int, upto: int, nama_periode, file: str) -> list[BelumLengkap]:
    out: list[BelumLengkap] = []
    p_ = sheet.pegawai

    def add(periode: int, apa: str, siapa: str) -> None:
        label = TAHUNAN_LABEL if periode == 0 else nama_periode(periode)
        out.append(BelumLengkap(p_.nip, p_.nama, p_.unit, periode, label, apa, siapa, file, sheet.name))

    used = [ind for slot in sheet.slots for ind in slot.indikator
            if not is_blank(indikator_value(sheet, ind, "indikator"))
            or not is_blank(indikator_value(sheet, ind, "target_min"))]
    periods = list(range(1, upto + 1)) + ([0] if upto >= n else [])
    for p in periods:
        hp = res.tahunan if p == 0 else res.periode[p - 1]
        if not sheet.pimpinan and not used:
            add(p, "RHK dan indikator belum diisi", "pegawai")
            continue
        if p:
            missing = sum(1 for ind in used if is_blank(sheet.isian.get(ind.id, "realisasi", p)))
            if missing:
                add(p, f"realisasi belum diisi: {missing} dari {len(used)} indikator", "pegawai")
            if hp.perilaku_saran is None and is_blank(sheet.isian.perilaku_penilai.get(p)):
                add(p, "rating perilaku kerja belum diberikan", "pejabat penilai")
        if sheet.pimpinan and hp.hasil is None:
            add(p, "predikat kinerja organisasi belum diisi di Pengaturan", "pimpinan satu tingkat di atas")
        if hp.predikat is None and not any(b.periode == p for b in out):
            add(p, "predikat belum dapat dihitung", "pegawai dan pejabat penilai")
    return out


def read_filled(path: Path, limits: Limits = Limits(), manifest: dict | None = None,
                key: bytes | None = None) -> FileResult:
    """Read and recompute one filled workbook; every problem becomes a :class:`Masalah`, never an exception."""
    path = Path(path)
    result = FileResult(str(path), path.stat().st_mtime if path.exists() else 0.0)
    problems: list[Masalah] = []
    try:
        if path.suffix.lower() == ".csv":  # only an e-Kinerja rekap comes as CSV; bounded before it is read
            if path.stat().st_size > limits.uncompressed_bytes:
                raise UserError(Masalah(str(path), what=f"berkas terlalu besar untuk dibaca "
                                        f"({path.stat().st_size:,} byte)", todo="pisahkan berkasnya"))
            if not get_reader("ekinerja").detect(path):
                raise UserError(Masalah(str(path), what="CSV ini bukan rekap e-Kinerja (kolom NIP, PERIODE, "
                                        "PREDIKAT/KUADRAN atau rating tidak ada)",
                                        todo="gunakan berkas hasil skp generate, atau rekap e-Kinerja"))
            result.kind, result.read = "ekinerja", True
            return result
        scans = check_container(path, limits)  # bounded: before any reader allocates a sheet
        if get_reader("ekinerja").detect(path):
            result.kind, result.read = "ekinerja", True
            return result
        data = get_reader("skp").read(path, problems)
    except UserError as e:
        result.masalah.append(e.masalah)
        return result
    plan, g = data.plan, data.geometry
    n = plan.jenis_periode.jumlah
    result.read = True
    result.masalah += problems
    if manifest is not None:  # the same comparison as skp check: issued content changed
        entries = {nip: e for nip, e in manifest_pegawai(manifest).items() if nip in data.by_nip}
        result.masalah += issued_changes(path, data, entries, key)
    result.organisasi = plan.organisasi
    result.settings = plan.settings
    result.n_periode = n
    nama = plan.jenis_periode.nama
    result.tahun = plan.tahun
    result.last_filled = max((p for sp in plan.sheets for p in sp.isian.periods_filled()), default=0)
    for sheet in plan.sheets:
        p_ = sheet.pegawai
        try:
            parse_nip(p_.nip)
        except InputError as e:
            result.masalah.append(Masalah(str(path), sheet.name, "", e.reason, e.hint))
            continue
        res = evaluate_sheet(sheet, n, plan.organisasi, plan.jenis_periode, plan.settings, tahun=plan.tahun)
        result.masalah += _indikator_problems(path, sheet, g, res)
        result.masalah += _cached_problems(path, data, sheet, g, res)
        result.masalah += _formulas_in_inputs(path, sheet, g, scans.get(sheet.name))
        result.belum += _belum(sheet, res, n, n, nama, path.name)
        for periode, hp in [*enumerate(res.periode, 1), (0, res.tahunan)]:
            col = periode or n + 1
            result.rows.append(Baris(
                p_.nip, p_.nama, p_.unit, sheet.kurva_unit, p_.jabatan, p_.jenis_jabatan.value,
                p_.jenjang.value if p_.jenjang else "", periode, TAHUNAN_LABEL if periode == 0 else nama(periode),
                plan.organisasi.get((p_.unit, col), ""), _s(hp.hasil_saran), _s(hp.hasil), _s(hp.perilaku_saran),
                _s(hp.perilaku), _s(hp.predikat),
                hp.angka_kredit if isinstance(hp.angka_kredit, float) else None,
                sheet.penilai.nama, sheet.penilai.nip, sheet.penilai.jabatan, path.name, sheet.name,
                p_.pns_id, p_.golongan_id, sheet.penilai.unit))
        if p_.is_fungsional and p_.jenjang:
            s = plan.settings
            posisi = res.posisi_ak if isinstance(res.posisi_ak, PosisiAK) else None
            try:
                tmt = aturan_ak.tanggal(p_.tmt_jabatan)
            except InputError:
                tmt = None
            result.ak[p_.nip] = {
                "periode": [hp.angka_kredit if isinstance(hp.angka_kredit, float) else None for hp in res.periode],
                "tahunan": res.tahunan.angka_kredit if isinstance(res.tahunan.angka_kredit, float) else None,
                "jumlah": res.angka_kredit_periode,
                "ak_pangkat": s.ak_pangkat.get(p_.jenjang), "ak_jenjang": s.ak_jenjang.get(p_.jenjang),
                "tmt_jabatan": tmt, "bulan": res.tahunan.bulan_ak if isinstance(res.tahunan.bulan_ak, int) else None,
                "bulan_periode": [hp.bulan_ak if isinstance(hp.bulan_ak, int) else None for hp in res.periode],
                "ak_awal_pangkat": _number_or_none(p_.ak_awal_pangkat),
                "ak_awal_jenjang": _number_or_none(p_.ak_awal_jenjang),
                "kumulatif_pangkat": posisi and posisi.kumulatif_pangkat,
                "kurang_pangkat": posisi and posisi.kurang_pangkat,
                "kumulatif_jenjang": posisi and posisi.kumulatif_jenjang,
                "kurang_jenjang": posisi and posisi.kurang_jenjang,
                "syarat": "; ".join(aturan_ak.syarat_kenaikan_jenjang(p_.jenjang)),
                "pns_id": p_.pns_id, "golongan_id": p_.golongan_id,
            }
    return result


def collect(files: list[Path], jobs: int = 1, limits: Limits = Limits(), manifest: dict | None = None,
            key: bytes | None = None) -> Iterator[FileResult]:
    """Read every file, over ``jobs`` processes, yielding results in file order as they come."""
    yield from bounded_map(_read_one, ((f, limits, manifest, key) for f in files), jobs)


def _read_one(args: tuple[Path, Limits, dict | None, bytes | None]) -> FileResult:
    return read_filled(*args)


def _number_or_none(x: Any) -> float | None:
    try:
        return angka(x)
    except InputError:
        return None


def predikat_or_none(label: str) -> Predikat | None:
    try:
        return Predikat.parse(label) if label and not label.startswith(MARK) else None
    except InputError:
        return None
