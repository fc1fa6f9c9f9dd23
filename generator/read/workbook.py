"""Read a skpkit workbook back into the core's plan and entries, through the same layout that wrote it.

The file is read once (:func:`~skpkit.generator.read.package.open_source`); values come from
python-calamine over those bytes, formula cells and protection from the sheet XML, only for the sheets
this needs (``_skp``, ``Pengaturan``, the pegawai sheets, ``Matriks Peran Hasil``; never the print
sheets). A cell is addressed only through :class:`~skpkit.generator.layout.Geometry` or a defined name.
Whole numbers arrive as floats (1.0), empty cells as ``None``.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from skpkit.isian import IsianIndikatorSKP, IsianPerilakuSKP, IsianSKP
from skpkit.nip import status_of
from skpkit.model import BERAKHLAK, JenisJabatan, JenisPeriode, Jenjang, JenisRHK, Pegawai
from skpkit.generator.layout import LAYOUT_FILES, MAX_TEXT, Geometry, a1 as _a1, load_layout
from skpkit.plan import (
    INDIKATOR_FIELDS, PERIOD_FIELDS, TAHUNAN, Identitas, IndikatorSlot, MatriksBlock, RHKSlot,
    SheetPlan, WorkbookPlan,
)
from skpkit.plan import split_choice
from skpkit.generator.layout.tables import MatriksGeometry, parse_meta
from skpkit.generator.errors import Masalah, UserError
from skpkit.generator.read.package import Damaged, Package, Source, open_source
from skpkit.generator.layout.stored import Grid, WorkbookData, text as _text
from skpkit.generator.read.pengaturan import names_by_position, read_organisasi, read_settings, read_tahun
from skpkit.i18n import _

__all__ = ["read_workbook", "WorkbookData", "Grid"]


def read_workbook(source: str | Path | Source, problems: list[Masalah] | None = None) -> WorkbookData:
    """Read a skpkit workbook (a path, or a file already opened by
    :func:`~skpkit.generator.read.package.open_source`); raise :class:`UserError` if it is not one this
    layout can read.

    With ``problems`` (a list), a pegawai sheet that cannot be read (renamed or deleted, rows
    inserted, NIP turned into a number) is reported there and left out instead of failing the file; so are a
    copy of a pegawai sheet with other entries and a cell holding more text than a cell can (both read on).
    Without it, such a cell is refused (the verbs that write a file back read this way).
    """
    wb = source if isinstance(source, Source) else open_source(source)
    path = wb.path
    lay = load_layout()
    names = lay["labels"]["sheets"]
    if names["meta"] not in wb.sheet_names:
        raise UserError(Masalah(str(path), what=_("bukan berkas skpkit (sheet _skp tidak ada)"),
                                todo=_("gunakan berkas hasil skp generate atau skp template atasan")))
    table = parse_meta(wb.grid(names["meta"]), _text, lay)
    kv = table.facts
    version = kv.get("layout_version", "")
    if not version.isdigit() or int(version) not in LAYOUT_FILES:
        raise UserError(Masalah(str(path), names["meta"], "B2",
                                _("versi tata letak {version!r}, skpkit ini membaca {known}").format(
                                    version=kv.get("layout_version"), known=", ".join(map(str, LAYOUT_FILES))),
                                _("buat ulang berkas dengan skp refresh")))
    lay = load_layout(int(version))  # each workbook is read with the layout it was written with
    jenis = JenisPeriode.parse(kv["jenis_periode"])
    g = Geometry(jenis.jumlah, int(kv["n_utama"]), int(kv["n_tambahan"]), int(kv["k"]), lay)
    if isinstance(wb, Package):
        defined = wb.names
    else:  # an .ods or .xls saved from ours keeps the cells; find them by position
        defined = names_by_position(wb, names["pengaturan"], lay, jenis.jumlah)
    pengaturan = {sheet: wb.grid(sheet) for sheet in {rng[0] for rng in defined.values()} if sheet in wb.sheet_names}
    missing: list[str] = []
    settings, scalars = read_settings(pengaturan, defined, lay, missing)
    if missing and problems is not None:
        problems.append(Masalah(str(path), names["pengaturan"], what=_(
                                    "Pengaturan tidak ditemukan untuk {names}: dipakai nilai bawaan skpkit").format(
                                    names=", ".join(missing)),
                                todo=_("kembalikan sheet Pengaturan (nama dan isinya) atau minta berkas baru")))
    grids: dict[str, Grid] = {}
    sheets: list[SheetPlan] = []
    for row in table.pegawai:
        pegawai = Pegawai(row["nip"], row["nama"], row["jabatan"], JenisJabatan.parse(row["jenis_jabatan"]),
                          row["unit"], row["nip_atasan"], row["pangkat"],
                          Jenjang.parse(row["jenjang"]) if row["jenjang"] else None,
                          pns_id=row.get("pns_id", ""), golongan_id=row.get("golongan_id", ""),
                          status=row.get("status") or status_of(row["nip"]))
        choices = [split_choice(x) for x in row.get("choices", "").split("\n") if x]
        try:
            sheets.append(_read_sheet(wb, row["sheet"], pegawai, row, g, choices, path, grids))
        except Damaged:
            raise
        except UserError as e:
            if problems is None:
                raise
            problems.append(e.masalah)
    by_nip = {sp.pegawai.nip: sp for sp in sheets}
    long = [_too_long(path, name, r, c, v) for name, grid in grids.items() for r, row in enumerate(grid.rows)
            for c, v in enumerate(row) if v.__class__ is str and len(v) > MAX_TEXT]
    if long and problems is None:  # a verb that writes it back: refused at the source, before anything is written
        raise UserError(long[0])
    if problems is not None:
        problems += _copies(wb, table.pegawai, by_nip, g, path, names) + long
    mgrid = wb.grid(names["matriks"]) if names["matriks"] in wb.sheet_names else Grid([])
    mg = MatriksGeometry(lay)
    matriks = [_read_matriks(mgrid, mrow, by_nip[nip], mg) for nip, mrow in table.matriks if nip in by_nip]
    units, organisasi = read_organisasi(pengaturan, defined, lay, g.n_periode)
    plan = WorkbookPlan(
        instansi=_text(scalars.get("instansi")) or kv.get("instansi", ""),
        tahun=read_tahun(scalars.get("tahun"), kv.get("tahun"), path, defined, problems),
        jenis_periode=jenis, settings=settings, n_utama=g.n_utama, n_tambahan=g.n_tambahan, k=g.k,
        sheets=sheets, matriks=matriks, units=units, organisasi=organisasi,
        engine=kv.get("engine", "native"),
        meta={x: v for x, v in kv.items() if x not in (
            "layout_version", "jenis_periode", "n_periode", "n_utama", "n_tambahan", "k", "tahun",
            "instansi", "engine", "xlwings_version")})
    if isinstance(wb, Package):
        scans = {sp.name: wb.scanned(sp.name) for sp in sheets}
        return WorkbookData(path, plan, g, grids, {k: s.formulas for k, s in scans.items()},
                            {k: s.protected for k, s in scans.items()}, wb.kind,
                            {k: s.percent for k, s in scans.items() if s.percent})
    return WorkbookData(path, plan, g, grids, kind=wb.kind)


def _too_long(path: Path, sheet: str, r: int, c: int, v: str) -> Masalah:
    """A cell holding more text than Excel keeps (a file written by another program): named, never cut."""
    return Masalah(str(path), sheet, _a1(r, c), _("teks {n} karakter, lebih dari {m} yang muat di satu sel").format(
        n=len(v), m=MAX_TEXT), _("persingkat teks di sel ini; Excel akan memotongnya saat berkas dibuka"))


def _copies(wb: Source, rows: list[dict], by_nip: dict[str, SheetPlan], g: Geometry, path: Path,
            names: dict) -> list[Masalah]:
    """Sheets the workbook does not list that hold a listed pegawai's sheet (a copy made in Excel or
    LibreOffice): a copy whose entries differ from the listed sheet is named with both names (only the listed
    one is read); an identical copy changes nothing. The print sheets of the listed pegawai are not read."""
    listed = {r["sheet"] for r in rows}
    known = set(names.values()) | listed | {names["cetak_prefix"] + x.removeprefix(names["pegawai_prefix"])
                                            for x in listed}
    out = []
    for name in wb.sheet_names:
        if name in known:
            continue
        try:
            grid = wb.grid(name)
        except UserError:  # a sheet of the user's own past the bounds: no copy of a pegawai sheet, not read
            continue
        nip = _text(grid(g.identity("nip"), g.identity_col("pegawai")))
        original = by_nip.get(nip)
        if original is None:
            continue
        row = next(r for r in rows if r["nip"] == nip)
        try:
            copy = _read_sheet(wb, name, original.pegawai, row, g, original.choices, path, {})
            same = copy.isian == original.isian
        except UserError:
            same = False
        if not same:
            out.append(Masalah(str(path), name, what=_("salinan sheet {orig!r} (NIP {nip}) dengan isian berbeda: "
                                                       "yang dibaca hanya {orig!r}").format(orig=original.name, nip=nip),
                               todo=_("pindahkan isian ke sheet {orig!r}, lalu hapus salinannya").format(
                                   orig=original.name)))
    return out


def _as_shown(v: Any, ref: str, percent: frozenset[str]) -> Any:
    """``v`` as its cell shows it when the cell shows a number as a percentage (``99%`` typed in Excel is
    stored as 0.99): the text, which the rules name as no number (RULES.md section 8)."""
    if ref in percent and isinstance(v, (int, float)) and not isinstance(v, bool):
        return f"{v * 100:.10g}%"
    return v


def _value(v: Any) -> Any:
    if isinstance(v, str):
        v = v.strip()
        return v or None
    return v


def _read_sheet(wb: Source, name: str, pegawai: Pegawai, row: dict, g: Geometry,
                choices: list, path: Path, grids: dict) -> SheetPlan:
    if name not in wb.sheet_names:
        raise UserError(Masalah(str(path), name, what=_("sheet pegawai tidak ditemukan (diganti nama atau "
                                                        "dihapus)"),
                                todo=_("kembalikan sheet {nama} dengan nama {name!r}").format(
                                         nama=pegawai.nama, name=name)))
    grid = wb.grid(name)
    lay = g.layout["pegawai"]
    _check_sheet(grid, name, pegawai, g, path, lay)
    grids[name] = grid
    # the TMT, AK awal and the unit's days, as the formulas read them (issued, and in the manifest)
    pegawai = replace(pegawai, **{key: _value(grid(g.identity(key), g.identity_col("pegawai")))
                                  for key in g.issued_keys(pegawai.is_fungsional)})
    e = IsianSKP()
    slots: list[RHKSlot] = []
    percent = wb.scanned(name).percent if isinstance(wb, Package) else frozenset()
    plan_cols = [g.col(f) for f in INDIKATOR_FIELDS]
    period_keys = [(f, p) for p in range(1, g.n_periode + 1) for f in PERIOD_FIELDS]
    period_cols = [g.col(f, p) for f, p in period_keys]
    for i in range(g.n_slots):
        r0 = g.slot_row(i)
        rid = _text(grid(r0, g.col("id_rhk")))
        jenis = JenisRHK.UTAMA if g.slot_is_utama(i) else JenisRHK.TAMBAHAN
        teks = _text(grid(r0, g.col("rhk")))
        interv = _text(grid(r0, g.col("intervensi")))
        interv_id = split_choice(interv)[0] if interv else ""
        inds = []
        for j in range(g.k):
            r = g.slot_row(i, j)
            iid = _text(grid(r, g.col("id_indikator")))
            cells = [_value(v) for v in grid.row(r, plan_cols + period_cols)]
            if percent:  # a number the cell shows as a percentage is what was typed, never its fraction
                cells = [_as_shown(v, _a1(r, c), percent) for v, c in zip(cells, plan_cols + period_cols)]
            vals = dict(zip(INDIKATOR_FIELDS, cells))
            per: dict[str, dict[int, Any]] = {f: {} for f in PERIOD_FIELDS}
            for (f, p), v in zip(period_keys, cells[len(plan_cols):]):
                if v is not None:
                    per[f][p] = v
            if any(v is not None for v in vals.values()) or any(per.values()):
                e.indikator[iid] = IsianIndikatorSKP(**vals, **per)
            inds.append(IndikatorSlot(iid, _text(vals["indikator"]), _text(vals["aspek"]) or "Kuantitas",
                                      vals["target_min"], vals["target_max"], _text(vals["satuan"]),
                                      _text(vals["arah"]) or "naik", _text(vals["agregasi"]) or "jumlah"))
        if teks:
            e.rhk[rid] = teks
        if interv_id:
            e.intervensi[rid] = interv_id
        slots.append(RHKSlot(rid, jenis, inds, teks, interv_id))
    pl = lay["perilaku"]
    for i in range(len(BERAKHLAK)):
        r = g.perilaku_row(i)
        ekspektasi = _value(grid(r, g.col(pl["ekspektasi_columns"][0])))
        per = {key: {p: v for p in range(1, g.n_periode + 1) if (v := _value(grid(r, g.col(pl[col], p)))) is not None}
               for key, col in (("rating", "rating_column"), ("umpan_balik", "umpan_balik_column"))}
        if ekspektasi is not None or any(per.values()):
            e.perilaku[i] = IsianPerilakuSKP(ekspektasi, **per)
    for p in g.periods():
        for key in ("hasil_penilai", "perilaku_penilai"):
            v = _value(grid(g.evaluasi_row(key), g.value_col(p)))
            if v is not None:
                getattr(e, key)[TAHUNAN if p is None else p] = v
    wide = g.col("realisasi", 1)
    for group, row_of in (("lampiran", g.lampiran_row), ("dokumen", g.dokumen_row)):
        for key in lay[group]:
            v = _value(grid(row_of(key), wide))
            if v is not None:
                getattr(e, group)[key] = v
    issued = json.loads(row.get("issued") or "{}")
    for slot in slots:
        slot.issued = slot.id in issued.get("rhk", ())
        slot.ditetapkan = slot.id in issued.get("ditetapkan", ())
        for ind in slot.indikator:
            ind.issued = ind.id in issued.get("indikator", ())
    ident = {block: Identitas(**{key: _text(grid(g.identity(key), g.identity_col(block)))
                                 for key in lay["identity"]["rows"]}) for block in lay["identity"]["blocks"]}
    return SheetPlan(name, pegawai, ident["penilai"], ident["atasan"], slots, choices=choices,
                     choices_sheet=row.get("choices_sheet") or None, kurva_unit=row.get("kurva_unit", ""),
                     pimpinan=pegawai.jenis_jabatan is JenisJabatan.JPT, isian=e)


def _check_sheet(grid: Grid, name: str, pegawai: Pegawai, g: Geometry, path: Path, lay: dict) -> None:
    """Refuse a sheet whose rows moved (inserted or deleted) or whose NIP became a number."""
    col = g.identity_col("pegawai")
    r = g.identity("nip")
    nip = grid(r, col)
    if isinstance(nip, (int, float)):
        raise UserError(Masalah(str(path), name, f"{_a1(r, col)}",
                                _("NIP berupa angka ({nip!r}), digit bisa hilang").format(nip=nip),
                                _("ketik ulang NIP sebagai teks (awali dengan tanda petik ')")))
    if _text(nip) != pegawai.nip:
        moved = next(((rr, cc) for rr in range(r + 12) for cc in range(col + 8)
                      if (rr, cc) != (r, col) and _text(grid(rr, cc)) == pegawai.nip), None)
        if moved is not None:  # rows or columns inserted or deleted above or before the identity block
            raise UserError(Masalah(str(path), name, f"{_a1(r, col)}", _(
                "baris atau kolom disisipkan atau dihapus: NIP {nip} ada di sel {x}, bukan di sini").format(
                    nip=pegawai.nip, x=_a1(*moved)), _("hapus baris/kolom yang disisipkan (atau kembalikan yang "
                                                        "dihapus), atau minta berkas baru (skp refresh)")))
        raise UserError(Masalah(str(path), name, f"{_a1(r, col)}", _("NIP {x!r} bukan {nip}").format(
                                                                       x=_text(nip), nip=pegawai.nip),
                                _("jangan mengubah identitas; minta berkas baru dari pengelola kinerja")))
    for i in range(g.n_slots):
        rid = _text(grid(g.slot_row(i), g.col("id_rhk")))
        ind_ids = [_text(grid(g.slot_row(i, j), g.col("id_indikator"))) for j in range(g.k)]
        own = {x.rsplit(".", 1)[0] for x in ind_ids}
        # the RHK id cell is the one that changed when its indikator ids still agree among themselves
        rhk_changed = not rid or (len(own) == 1 and ind_ids == [f"{min(own)}.{j + 1}" for j in range(g.k)]
                                  and rid not in own)
        wrong = (g.slot_row(i), g.col("id_rhk")) if rhk_changed else None
        for j in range(g.k):
            r = g.slot_row(i, j)
            if wrong is None and _text(grid(r, g.col("id_indikator"))) != f"{rid}.{j + 1}":
                wrong = (r, g.col("id_indikator"))
        if wrong is not None:
            raise UserError(Masalah(str(path), name, _a1(*wrong),
                                    _("baris disisipkan atau dihapus, atau ID tersembunyi diubah: tata letak "
                                      "tidak sesuai"),
                                    _("kembalikan baris seperti semula atau minta berkas baru (skp refresh)")))
    for i, (nilai, _uraian) in enumerate(BERAKHLAK):
        if _text(grid(g.perilaku_row(i), g.col(lay["perilaku"]["nilai_column"]))) != nilai:
            raise UserError(Masalah(str(path), name, _a1(g.perilaku_row(i), 0),
                                    _("baris disisipkan atau dihapus di bagian perilaku kerja"),
                                    _("kembalikan baris seperti semula atau minta berkas baru (skp refresh)")))


def _read_matriks(grid: Grid, row: int, sup: SheetPlan, mg: MatriksGeometry) -> MatriksBlock:
    bawahan: list[Pegawai] = []
    entries: dict[tuple[str, str], str] = {}
    k = 0
    while grid(r := mg.bawahan_row(row, k), mg.nip_col) is not None:
        nip = _text(grid(r, mg.nip_col))
        bawahan.append(Pegawai(nip, _text(grid(r, mg.nama_col)), "", JenisJabatan.PELAKSANA, ""))
        for i, sl in enumerate(sup.slots):
            v = _text(grid(r, mg.rhk_col(i)))
            if v:
                entries[(nip, sl.id)] = v
        k += 1
    return MatriksBlock(sup.name, sup.pegawai.nip, bawahan, entries)
