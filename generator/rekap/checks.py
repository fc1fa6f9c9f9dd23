"""One validation of a workbook that came back: every verb that reads a returned file (check, consolidate,
refresh, tetapkan, print) reports the problems :func:`validate` finds in it, the same for the same file.

What is wrong, each named at its file, sheet and cell:

- what the reader could not read (a sheet renamed or deleted, rows moved, settings not found);
- a NIP that is no NIP;
- the sheet's protection removed, a formula overwritten with a value, a formula typed in an input cell
  (files read from their XML; an .ods or .xls read by position is said to be so, as information);
- an indikator that is invalid (target 0, realisasi that is not a number, ...);
- a rating the penilai typed that is no rating (a BerAKHLAK value, a rating hasil or perilaku);
- a computed cell whose stored value is not what the rules give (the formula was changed);
- with the manifest the file was issued with: issued content changed (cell, old, new), a sheet the manifest
  does not list, a manifest entry whose fingerprint does not match.

Periods not filled yet are information, not problems; a sheet of an earlier layout that shows an older
rule's results is a note (:attr:`Temuan.notes`). Nothing here opens a file.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from xlsxwriter.utility import xl_cell_to_rowcol

from skpkit.errors import InputError, Invalid
from skpkit.evaluasi import HasilPegawai
from skpkit.generator.layout import LAYOUT_VERSION, Geometry, a1
from skpkit.sidik import fingerprint, issued_value, manifest_entries
from skpkit.generator.errors import Masalah
from skpkit.generator.layout.stored import Grid, WorkbookData
from skpkit.nip import parse_nip
from skpkit.model import Rating
from skpkit.plan import TAHUNAN, SheetPlan, cell_value, posisi_cells
from skpkit.rules.hasil import final
from skpkit.rules.nilai import Alasan, angka
from skpkit.i18n import _

__all__ = ["Temuan", "validate", "issued_changes", "formula_refs"]


@dataclass
class Temuan:
    """Findings for one file: problems (exit 1) and information (periods not filled yet, how it was read),
    and the evaluation of each pegawai sheet that was valid enough to evaluate."""

    path: Path
    problems: list[Masalah] = field(default_factory=list)
    info: list[str] = field(default_factory=list)
    #: findings that need no action (a sheet of an earlier layout showing an older rule's results): ``skp
    #: check`` prints them as information, the rekap lists them beside the problems
    notes: list[Masalah] = field(default_factory=list)
    #: sheet name -> the sheet's evaluation (what the rekap and the checks of cached values use)
    results: dict[str, HasilPegawai] = field(default_factory=dict)
    #: sheets left out of the rekap (a NIP that is no NIP)
    skipped: set[str] = field(default_factory=set)


def _cell(grid: Grid, ref: str) -> Any:
    r, c = xl_cell_to_rowcol(ref)
    return grid(r, c)


def issued_changes(data: WorkbookData, entries: dict[str, dict], key: bytes | None) -> list[Masalah]:
    """Compare every issued cell with the manifest; verify the manifest entry's own fingerprint."""
    path = data.path
    out: list[Masalah] = []
    by_nip = data.by_nip
    for nip, entry in entries.items():
        actual = by_nip.get(nip)
        sheet = actual.name if actual is not None else entry.get("sheet", "")
        if actual is not None and entry.get("sheet") != sheet:
            out.append(Masalah(str(path), sheet, "", _("manifest menyebut sheet {x!r} untuk NIP {nip}").format(
                                                         x=entry.get('sheet'), nip=nip),
                               _("gunakan manifest asli dari skp generate atau skp refresh")))
        cells = entry.get("issued", {})
        if fingerprint(entry.get("file", path.name), nip, cells, key) != entry.get("fingerprint"):
            out.append(Masalah(str(path), sheet, "", _("sidik jari manifest tidak cocok: manifest diubah atau "
                                                       "kunci berbeda"), _("gunakan manifest dan kunci yang dipakai saat berkas "
                                                  "diterbitkan")))
            continue
        grid = data.grids.get(sheet)
        if grid is None:
            continue  # the reader already reported the sheet
        for ref, old in cells.items():
            new = issued_value(_cell(grid, ref))
            new = None if new == "" else new
            if new != (None if old == "" else old):  # a blank issued cell is blank however it was recorded
                out.append(Masalah(str(path), sheet, ref, _("isi yang diterbitkan diubah: {old!r} menjadi "
                                                            "{new!r}").format(old=old, new=new),
                                   _("kembalikan isian semula; perubahan target/RHK dari atasan lewat skp "
                                     "refresh")))
    return out


@lru_cache(maxsize=64)
def formula_refs(g: Geometry, fungsional: bool) -> tuple[tuple[tuple[int, int], str], ...]:
    """Every formula cell of a pegawai sheet with its A1 reference, once per layout geometry."""
    return tuple(((r, c), a1(r, c)) for r, c in g.formula_cells(fungsional))


def _structure(data: WorkbookData, sheet: SheetPlan) -> tuple[list[Masalah], set[str]]:
    """Protection removed and formulas overwritten with values (from the sheet XML); the cells named."""
    path, g = data.path, data.geometry
    out: list[Masalah] = []
    if data.formulas is None or data.protected is None or sheet.name not in data.formulas:
        return out, set()
    if not data.protected.get(sheet.name, False):
        out.append(Masalah(str(path), sheet.name, "", _("proteksi sheet dilepas"),
                           _("minta berkas baru atau lindungi kembali sheet (Review > Protect Sheet)")))
    formulas = data.formulas[sheet.name]
    grid = data.grids.get(sheet.name)
    gone: set[str] = set()
    refs = formula_refs(g, sheet.pegawai.is_fungsional)
    moved = _moved(refs, formulas, grid)
    if moved is not None:  # the formulas are all there, shifted: rows or columns inserted or deleted
        (r, c), (dr, dc) = moved
        out.append(Masalah(str(path), sheet.name, a1(r, c), _(
            "baris atau kolom disisipkan atau dihapus: rumus sel ini kini di {x}").format(x=a1(r + dr, c + dc)),
            _("hapus baris/kolom yang disisipkan (atau kembalikan yang dihapus), atau minta berkas baru "
              "(skp refresh); rekap memakai hasil hitung ulang")))
        return out, {ref for _, ref in refs}
    for (r, c), ref in refs:
        if ref not in formulas:
            gone.add(ref)
            v = grid(r, c) if grid is not None else None
            out.append(Masalah(str(path), sheet.name, ref, _("rumus ditimpa dengan nilai {v!r}").format(v=v),
                               _("minta berkas baru (skp refresh) agar rumus kembali; nilai isian tetap terbawa")))
    cells = [(f, 0) for f in ("target_min", "target_max")] + [("realisasi", p) for p in range(1, g.n_periode + 1)]
    for i in range(g.n_slots):
        for j in range(g.k):
            r = g.slot_row(i, j)
            for name, p in cells:
                ref = a1(r, g.col(name, p))
                if ref in formulas:
                    out.append(Masalah(str(path), sheet.name, ref, _("rumus di sel isian: yang dibaca hanya "
                                                                     "nilai tersimpannya (kosong bila berkas "
                                                                     "disimpan tanpa hasil hitung)"),
                                       _("ketik angkanya, bukan rumus")))
    return out, gone


def _moved(refs: tuple[tuple[tuple[int, int], str], ...], formulas: frozenset[str], grid: Grid | None
           ) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The first formula cell found without its formula and the shift that finds every such cell's formula a few
    rows or columns away: rows or columns inserted or deleted by a program that moves formulas along (the cells
    left behind are empty, a band of at most three rows or columns), or ``None``. A formula typed over, or one
    cleared in place, is no shift."""
    lost = [rc for rc, ref in refs if ref not in formulas]
    if not lost or grid is None or any(grid(r, c) is not None for r, c in lost):
        return None
    for axis in (0, 1):
        band = {rc[axis] for rc in lost}
        if len(lost) < 3 or max(band) - min(band) > 2:  # a band of at most three rows (columns) left empty
            continue
        for d in (1, -1, 2, -2, 3, -3):
            shift = (d, 0) if axis == 0 else (0, d)
            if all(rc[axis] + d >= 0 and a1(rc[0] + shift[0], rc[1] + shift[1]) in formulas
                                       for rc in lost):
                return min(lost), shift
    return None


def _indikator(data: WorkbookData, sheet: SheetPlan, res: HasilPegawai) -> list[Masalah]:
    """One problem per invalid indikator row (the first reason it shows), naming its cell; a row whose reason is
    an entry that is no number names every such entry."""
    g = data.geometry
    out: list[Masalah] = []
    seen: set[tuple[int, int]] = set()
    for hp in (*res.periode, res.tahunan):
        for i, rows in enumerate(hp.indikator):
            for j, hi in enumerate(rows):
                if hi is None or not isinstance(hi.capaian, Invalid) or (i, j) in seen:
                    continue
                seen.add((i, j))
                reason = hi.capaian.reason
                for c in _bad_cols(sheet, g, i, j, hp.periode, reason):
                    out.append(Masalah(str(data.path), sheet.name, a1(g.slot_row(i, j), c),
                                       _("indikator tidak valid: {reason}").format(reason=reason),
                                       Alasan.HINTS.get(reason, "perbaiki isian")))
    return out


def _bad_cols(sheet: SheetPlan, g: Geometry, i: int, j: int, periode: int | None, reason: str) -> list[int]:
    """The columns of the cells an invalid indikator row's ``reason`` is about: every target and realisasi that
    is no number; else the target for row checks and the period's realisasi for the others."""
    ind = sheet.slots[i].indikator[j]
    if reason == Alasan.BUKAN_ANGKA:
        cols = [g.col(key) for key in ("target_min", "target_max")
                if not _is_number_or_blank(sheet.indikator_value(ind, key))]
        cols += [g.col("realisasi", p) for p in range(1, g.n_periode + 1)
                 if not _is_number_or_blank(sheet.isian.get(ind.id, "realisasi", p))]
        return cols or [g.col("realisasi", periode or 1)]
    if "realisasi" in reason:
        return [g.col("realisasi", periode or 1)]
    return [g.col("target_min")]


def _is_number_or_blank(v: Any) -> bool:
    try:
        angka(v)
        return True
    except InputError:
        return False


def _percent(data: WorkbookData, sheet: SheetPlan) -> list[Masalah]:
    """A target or realisasi whose cell shows a number as a percentage (``99%`` typed in Excel is stored as
    0.99): named at its cell, never compared as the fraction (RULES.md section 8); the sheet's own results,
    computed by the spreadsheet from the fraction, are not compared either."""
    refs = data.percent.get(sheet.name)
    grid = data.grids.get(sheet.name)
    if not refs or grid is None:
        return []
    g = data.geometry
    cols = [g.col("target_min"), g.col("target_max")] + [g.col("realisasi", p) for p in range(1, g.n_periode + 1)]
    out = []
    for i in range(g.n_slots):
        for j in range(g.k):
            r = g.slot_row(i, j)
            for c in cols:
                if a1(r, c) in refs and isinstance(v := grid(r, c), (int, float)):
                    out.append(Masalah(str(data.path), sheet.name, a1(r, c), _(
                        "angka tampil sebagai persen ({shown}; tersimpan {v}): tidak dihitung").format(
                            shown=f"{v * 100:.10g}%", v=v),
                        _("ketik angkanya tanpa % (mis. {n}), format sel Umum/General").format(n=f"{v * 100:.10g}")))
    return out


def _ratings(data: WorkbookData, sheet: SheetPlan, res: HasilPegawai) -> list[Masalah]:
    """A rating typed by the penilai (a BerAKHLAK value, an override) that is no rating, at its cell."""
    g, e = data.geometry, sheet.isian
    out: list[Masalah] = []
    hint = Rating.hint()
    col = g.layout["pegawai"]["perilaku"]["rating_column"]
    for p in g.periods():
        key = TAHUNAN if p is None else p
        for name, row in (("hasil_penilai", "hasil_penilai"), ("perilaku_penilai", "perilaku_penilai")):
            value = getattr(e, name).get(key)
            if isinstance(final(value, None), Invalid):
                out.append(Masalah(str(data.path), sheet.name, a1(g.evaluasi_row(row), g.value_col(p)),
                                   final(value, None).reason, hint))
        if p is None:
            continue
        for i, value in sorted((i, r.rating.get(p)) for i, r in e.perilaku.items()):
            if isinstance(final(value, None), Invalid):
                out.append(Masalah(str(data.path), sheet.name, a1(g.perilaku_row(i), g.col(col, p)),
                                   final(value, None).reason, hint))
    return out


def _cached(data: WorkbookData, sheet: SheetPlan, res: HasilPegawai, gone: set[str]) -> tuple[list[Masalah], bool]:
    """Computed cells whose stored value is not what the rules give (``gone``: cells already named as
    overwritten), and whether they are a note (results of an older layout's rules, or of formulas intact but not
    recalculated) rather than a problem."""
    g, path = data.geometry, data.path
    grid = data.grids.get(sheet.name)
    if grid is None:
        return [], False
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
                    top = g.layout["labels"]["pegawai"]["tidak_berlaku"]
                    checks += [(g.ak_posisi_row(k), g.value_col(None), v)
                               for k, v in posisi_cells(res.posisi_ak, top).items()]
        for i, rows in enumerate(hp.indikator):
            checks.append((g.slot_row(i), g.col("rating_rhk", p), hp.rhk[i]))
            for j, hi in enumerate(rows):
                checks.append((g.slot_row(i, j), g.col("capaian", p), hi and hi.capaian))
    differ: list[tuple[str, Any, Any]] = []
    for r, c, want in checks:
        got = grid(r, c)
        if got is None or a1(r, c) in gone:
            continue  # no stored value (a file saved by a program that keeps none), or already named
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
                        _("berkas tata letak versi {version}: {n} sel dihitung dengan aturan lama (mis. {cell}: "
                          "tersimpan {got!r}, aturan sekarang {expect!r})").format(
                            version=version, n=len(differ), cell=cell, got=got, expect=expect),
                        _("rekap memakai aturan sekarang; terbitkan ulang berkas dengan skp refresh agar sheet "
                          "sama"))], True
    formulas = (data.formulas or {}).get(sheet.name)
    if differ and formulas is not None and all(cell in formulas for cell, _got, _expect in differ):
        # every formula is in place: the file was saved by a program that did not recalculate (a script, Excel
        # with manual calculation); the sheet shows old results until it is. One finding a sheet.
        cell, got, expect = differ[0]
        return [Masalah(str(path), sheet.name, cell,
                        _("{n} sel menampilkan hasil lama, rumusnya utuh (berkas disimpan tanpa hitung ulang; mis. "
                          "{cell}: tersimpan {got!r}, seharusnya {expect!r})").format(
                            n=len(differ), cell=cell, got=got, expect=expect),
                        _("buka berkas di Excel atau LibreOffice dengan hitung otomatis, lalu simpan; rekap memakai "
                          "hasil hitung ulang"))], True
    return [Masalah(str(path), sheet.name, cell, _("nilai tersimpan {got!r} bukan hasil rumus ({expect!r}): "
                                                   "rumus ditimpa?").format(got=got, expect=expect),
                    _("kembalikan rumus (minta berkas baru dengan skp refresh); rekap memakai hasil hitung "
                      "ulang"))
            for cell, got, expect in differ], False


def _manifest(data: WorkbookData, manifest: dict, key: bytes | None) -> list[Masalah]:
    path = data.path
    listed = manifest_entries(manifest)
    by_nip = data.by_nip
    entries = {nip: e for nip, es in listed.items() for e in es if e["file"] == path.name}
    for nip, sheet in by_nip.items():
        if nip in listed and nip not in entries:  # a renamed file: its pegawai's entry found by content
            same = [e for e in listed[nip] if (e.get("sheet"), e.get("unit")) == (sheet.name, sheet.pegawai.unit)]
            entries[nip] = (same or listed[nip])[-1]
    if not entries:
        return [Masalah(str(path), what=_("berkas tidak ada di manifest (unit lain?)"),
                        todo=_("periksa manifest yang dipakai"))]
    out = [Masalah(str(path), sheet.name, "", _("NIP {nip} tidak ada di manifest: isi yang diterbitkan tidak "
                                                "dapat diperiksa").format(nip=sheet.pegawai.nip), _("gunakan manifest asli dari skp generate atau skp refresh"))
           for sheet in data.plan.sheets if sheet.pegawai.nip not in listed]
    return out + issued_changes(data, entries, key)


def validate(data: WorkbookData, read_problems: list[Masalah] = (), manifest: dict | None = None,
             key: bytes | None = None) -> Temuan:
    """Everything wrong with one workbook read back (``read_problems``: what the reader reported), and each
    valid sheet's evaluation. Never raises for a bad file."""
    found = Temuan(data.path, list(read_problems))
    plan = data.plan
    if data.kind != "xlsx":
        found.info.append(_("{suffix} dibaca menurut posisi; rumus dan proteksi tidak diperiksa (simpan sebagai "
                            ".xlsx agar diperiksa)").format(suffix=data.path.suffix))
    if manifest is not None:
        found.problems += _manifest(data, manifest, key)
    for sheet in plan.sheets:
        try:
            parse_nip(sheet.pegawai.nip)
        except InputError as e:
            found.problems.append(Masalah(str(data.path), sheet.name, "", e.reason, e.hint))
            found.skipped.add(sheet.name)
            continue
        res = found.results[sheet.name] = plan.evaluate(sheet)
        structure, gone = _structure(data, sheet)
        found.problems += structure
        shown = _percent(data, sheet)
        named = {m.cell for m in shown}
        found.problems += shown
        # a number shown as a percentage is named once, as that (its row's reason: no number)
        found.problems += [m for m in _indikator(data, sheet, res) if m.cell not in named]
        found.problems += _ratings(data, sheet, res)
        cached, note = ([], False) if shown else _cached(data, sheet, res, gone)
        if note:
            found.notes += cached
        else:
            found.problems += cached
    n = plan.jenis_periode.jumlah
    for sheet in plan.sheets:
        filled = sheet.isian.periods_filled()
        res = found.results.get(sheet.name)
        missing = [plan.jenis_periode.nama(p) for p in range(1, n + 1)
                   if p not in filled and (res is None or res.dinilai[p - 1])]  # never one outside its period
        if missing:
            found.info.append(_("{sheet}: periode belum diisi: {missing}").format(sheet=sheet.name,
                                                                                    missing=", ".join(missing)))
    return found
