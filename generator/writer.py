"""Write a :class:`~generator.plan.WorkbookPlan` to an .xlsx file with XlsxWriter, in one pass.

Every computed cell gets its formula from the engine (:mod:`generator.formulas`) and,
as its cached value, what :mod:`skp.evaluasi` computes for the same entries, so a
file shows correct values even before a spreadsheet recalculates it.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any, Sequence

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from skp import rules
from skp.errors import Invalid
from skp.evaluasi import HasilPegawai, IsianIndikator, cek_target
from skp.model import BERAKHLAK, JenisJabatan, Predikat, Rating
from generator.formulas import get_engine
from generator.isian import cell_value, evaluate_sheet, indikator_value, rhk_value
from generator.layout import ENUMS, Geometry, a1, col_index, load_layout, quote_sheet
from generator.plan import TAHUNAN, Identitas, SheetPlan, WorkbookPlan
from generator.problems import Masalah, UserError

__all__ = ["write_workbook", "choice_label", "choice_ids", "intervensi_label", "CHOICE_SEP"]

CHOICE_SEP = " · "


def choice_label(rhk_id: str, teks: str) -> str:
    """What an intervensi dropdown shows and stores: the stable id, then the text.

    Examples
    --------
    >>> choice_label("R-1a2b", "Meningkatnya layanan")
    'R-1a2b · Meningkatnya layanan'
    """
    return f"{rhk_id}{CHOICE_SEP}{teks}" if teks else rhk_id


class _Styles:
    def __init__(self, wb: xlsxwriter.Workbook, st: dict) -> None:
        base = {"font_name": "Arial", "font_size": 9, "valign": "top", "text_wrap": True, "border": 1}
        self.title = wb.add_format({"font_name": "Arial", "bold": True, "font_size": 13})
        self.subtitle = wb.add_format({"font_name": "Arial", "font_size": 10})
        self.header = wb.add_format({**base, "bold": True, "bg_color": st["header_fill"],
                                     "font_color": st["header_font"], "align": "center", "valign": "vcenter"})
        self.section = wb.add_format({"font_name": "Arial", "bold": True, "font_size": 10,
                                      "bg_color": st["section_fill"]})
        self.label = wb.add_format({**base, "bold": True})
        self.text = wb.add_format(base)
        self.input = wb.add_format({**base, "bg_color": st["input_fill"], "locked": False})
        self.input_num = wb.add_format({**base, "bg_color": st["input_fill"], "locked": False,
                                        "num_format": "#,##0.##"})
        self.input_int = wb.add_format({**base, "bg_color": st["input_fill"], "locked": False, "num_format": "0"})
        self.issued = wb.add_format({**base, "bg_color": st["issued_fill"]})
        self.issued_num = wb.add_format({**base, "bg_color": st["issued_fill"], "num_format": "#,##0.##"})
        self.computed = wb.add_format({**base, "bg_color": st["computed_fill"]})
        self.pct = wb.add_format({**base, "bg_color": st["computed_fill"], "num_format": "0.00"})
        self.ak = wb.add_format({**base, "bg_color": st["computed_fill"], "num_format": "0.00"})
        self.nip = wb.add_format({**base, "num_format": "@"})
        self.hidden = wb.add_format({"font_name": "Arial", "font_size": 8, "font_color": "#808080"})
        self.error = wb.add_format({"bg_color": st["error_fill"], "font_color": "#9C0006"})
        self.colors = {label: wb.add_format({"bg_color": color})
                       for label, color in {**st["predikat_colors"], **st["rating_colors"]}.items()}
        self.sign = wb.add_format({"font_name": "Arial", "font_size": 9, "align": "center"})
        self.sign_line = wb.add_format({"font_name": "Arial", "font_size": 9, "align": "center",
                                        "top": 1})


class _Sheet(Worksheet):
    """XlsxWriter's worksheet minus the rewriting of newer-Excel function names in cell formulas.

    skpkit writes only functions Excel 2010 knows (a test parses every formula), so that
    rewriting never changes one of ours, and it was three quarters of generation time in
    the profile (30 regular expressions over every formula). Validation and conditional
    format formulas still go through XlsxWriter's own preparation.
    """

    def _prepare_formula(self, formula, expand_future_functions=False):
        if expand_future_functions:
            return super()._prepare_formula(formula, True)
        return formula[1:] if formula.startswith("=") else formula


class _Book(xlsxwriter.Workbook):
    worksheet_class = _Sheet


def _write(ws: Worksheet, row: int, col: int, value: Any, fmt) -> None:
    """A literal value: text stays text (never a formula), numbers stay numbers."""
    if value is None or (isinstance(value, float) and value != value):
        ws.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, fmt)
    elif isinstance(value, (int, float)):
        ws.write_number(row, col, value, fmt)
    else:
        ws.write_string(row, col, str(value), fmt)


def _formula(ws: Worksheet, row: int, col: int, text: str, fmt, value: Any) -> None:
    ws.write_formula(row, col, text, fmt, cell_value(value))


class _Writer:
    def __init__(self, plan: WorkbookPlan, path: Path) -> None:
        self.plan = plan
        self.layout = load_layout()
        self.g = Geometry(plan.jenis_periode.jumlah, plan.n_utama, plan.n_tambahan, plan.k)
        self.engine = get_engine(plan.engine)
        self.wb = _Book(str(path), {
            "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
        })
        self.s = _Styles(self.wb, self.layout["styles"])
        self.names = {sc["field"]: sc["name"] for sc in self.layout["pengaturan"]["scalars"]}
        self.results: dict[str, HasilPegawai] = {}

    # --- whole workbook -------------------------------------------------------------
    def write(self) -> None:
        sheets = self.layout["sheets"]
        n = self.plan.jenis_periode.jumlah
        for sp in self.plan.sheets:
            self.results[sp.name] = evaluate_sheet(sp, n, self.plan.organisasi, self.plan.jenis_periode,
                                                   self.plan.settings)
        petunjuk = self.wb.add_worksheet(sheets["petunjuk"])
        pengaturan = self.wb.add_worksheet(sheets["pengaturan"])
        pegawai = [self.wb.add_worksheet(sp.name) for sp in self.plan.sheets]
        matriks = self.wb.add_worksheet(sheets["matriks"])
        rekap = self.wb.add_worksheet(sheets["rekap"])
        self.flagged = [(sp, i, sl) for sp in self.plan.sheets for i, sl in enumerate(sp.slots)
                        if (rid := rhk_value(sp, sl, "intervensi"))
                        and rid not in {c for c, _ in choice_ids(self.plan, sp)}]
        arsip_ws = self.wb.add_worksheet(sheets["arsip"]) if self.flagged else None
        conf = self._xlwings() if self.plan.engine == "xlwings" else []
        meta = self.wb.add_worksheet(sheets["meta"])
        self._petunjuk(petunjuk)
        self._pengaturan(pengaturan)
        for ws, sp in zip(pegawai, self.plan.sheets):
            self._pegawai(ws, sp)
        self._matriks(matriks)
        self._rekap(rekap)
        arsip = [arsip_ws] if arsip_ws is not None else []
        if arsip_ws is not None:
            self._arsip(arsip_ws)
        self._meta(meta)
        for ws in (petunjuk, pengaturan, *pegawai, matriks, rekap, *arsip, *conf, meta):
            self._protect(ws)
        meta.hide()
        petunjuk.activate()
        self.wb.close()

    def _protect(self, ws: Worksheet) -> None:
        ws.protect(self.plan.password or "", {
            "select_locked_cells": True, "select_unlocked_cells": True,
            "format_columns": True, "format_rows": True,
        })

    # --- Petunjuk -------------------------------------------------------------------
    def _petunjuk(self, ws: Worksheet) -> None:
        ws.set_column(0, 0, 4)
        ws.set_column(1, 1, 110)
        ws.write_string(0, 1, f"{self.layout['labels']['title']}: PETUNJUK PENGISIAN", self.s.title)
        ws.write_string(1, 1, f"{self.plan.instansi} · Tahun {self.plan.tahun} · "
                              f"periode {self.plan.jenis_periode.value}", self.s.subtitle)
        row = 3
        for line in self.layout["petunjuk"]:
            ws.write_string(row, 1, line, self.s.text)
            row += 1
        row += 1
        ws.write_string(row, 1, "Arti warna", self.s.section)
        styles = {"input": self.s.input, "computed": self.s.computed, "issued": self.s.issued,
                  "error": self.s.error}
        for key, text in self.layout["legend"]:
            row += 1
            ws.write_string(row, 0, "", styles[key])
            ws.write_string(row, 1, text, self.s.text)
        row += 2
        ws.write_string(row, 1, "Sheet pegawai dalam berkas ini", self.s.section)
        for sp in self.plan.sheets:
            row += 1
            ws.write_url(row, 1, f"internal:{quote_sheet(sp.name)}A1", string=f"{sp.name} — "
                         f"{sp.pegawai.nama} ({sp.pegawai.jabatan})")

    # --- Pengaturan -----------------------------------------------------------------
    def _define(self, name: str, sheet: str, r0: int, c0: int, r1: int | None = None, c1: int | None = None) -> None:
        ref = a1(r0, c0, True) if r1 is None else f"{a1(r0, c0, True)}:{a1(r1, c1, True)}"
        self.wb.define_name(name, f"={quote_sheet(sheet)}{ref}")

    def _pengaturan(self, ws: Worksheet) -> None:
        lay = self.layout["pengaturan"]
        name = ws.get_name()
        st, plan = self.plan.settings, self.plan
        ws.set_column(0, 0, 58)
        ws.set_column(1, 30, 18)
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.write_string(0, 0, "PENGATURAN", self.s.title)
        ws.write_string(1, 0, "Sel kuning boleh diubah instansi; semua rumus membaca nilai di sini.",
                        self.s.subtitle)
        values = {"instansi": plan.instansi, "tahun": plan.tahun, "jenis_periode": plan.jenis_periode.value,
                  "jumlah_periode": plan.jenis_periode.jumlah, "bulan_per_periode": plan.jenis_periode.bulan}
        row = lay["first_row"]
        for sc in lay["scalars"]:
            value = values[sc["field"]] if sc["field"] in values else getattr(st, sc["field"])
            ws.write_string(row, 0, sc["label"], self.s.label)
            if sc["field"] == "tahun":
                fmt = self.s.input_int
            elif sc.get("input") and not isinstance(value, str):
                fmt = self.s.input_num
            else:
                fmt = self.s.input if sc.get("input") else self.s.computed
            _write(ws, row, 1, value, fmt)
            self._define(sc["name"], name, row, 1)
            row += 1
        row += 1
        # Lists of labels; tables keyed by them sit in the columns beside.
        self.list_rows: dict[str, tuple[int, int]] = {}
        for list_name, enum_name in lay["lists"].items():
            members = list(ENUMS[enum_name])
            ws.write_string(row, 0, list_name, self.s.section)
            tables = [(t, spec) for t, spec in lay["tables"].items() if spec["keys"] == list_name]
            if tables:
                ws.set_row(row, 30)
            for j, (t, spec) in enumerate(tables, start=2):
                ws.write_string(row, j, spec["label"], self.s.header)
            for i, m in enumerate(members, start=1):
                ws.write_string(row + i, 1, m.value, self.s.computed)
                for j, (t, spec) in enumerate(tables, start=2):
                    v = getattr(st, spec["field"])[m]
                    _write(ws, row + i, j, v.value if hasattr(v, "value") else v, self.s.input_num
                           if not hasattr(v, "value") else self.s.input)
            self._define(list_name, name, row + 1, 1, row + len(members), 1)
            for j, (t, spec) in enumerate(tables, start=2):
                self._define(t, name, row + 1, j, row + len(members), j)
            if any(spec["field"] == "rating_pimpinan" for _, spec in tables):
                col = 2 + [spec["field"] for _, spec in tables].index("rating_pimpinan")
                ws.data_validation(row + 1, col, row + len(members), col,
                                   {"validate": "list", "source": "=DaftarRating"})
            row += len(members) + 2
        # The predikat matrix of PermenPANRB 6/2022 (regulation: locked).
        ws.write_string(row, 0, "Matriks predikat (hasil kerja x perilaku kerja)", self.s.section)
        for j, r in enumerate(Rating):
            ws.write_string(row, 2 + j, r.value, self.s.header)
        for i, r in enumerate(Rating):
            ws.write_string(row + 1 + i, 1, r.value, self.s.header)
            for j, pred in enumerate(rules.PREDIKAT_MATRIX[i]):
                ws.write_string(row + 1 + i, 2 + j, pred.value, self.s.computed)
        self._define(lay["matrix_name"], name, row + 1, 2, row + 3, 4)
        row += 5
        # Predikat kinerja organisasi per unit and period: set by the leader one level up.
        n = plan.jenis_periode.jumlah
        ws.write_string(row, 0, "Predikat kinerja organisasi per unit dan periode (diisi pimpinan satu tingkat di atas)",
                        self.s.section)
        ws.write_string(row + 1, 0, "Unit", self.s.header)
        for c in range(1, n + 2):
            ws.write_string(row + 1, c, plan.jenis_periode.nama(c) if c <= n else "Tahunan", self.s.header)
        for i, unit in enumerate(plan.units):
            r = row + 2 + i
            ws.write_string(r, 0, unit, self.s.label)
            for c in range(1, n + 2):
                _write(ws, r, c, plan.organisasi.get((unit, c)), self.s.input)
        last = row + 1 + max(len(plan.units), 1)
        self._define(lay["units_name"], name, row + 2, 0, last, 0)
        self._define(lay["organisasi_name"], name, row + 2, 1, last, n + 1)
        ws.data_validation(row + 2, 1, last, n + 1, {
            "validate": "list", "source": "=DaftarOrganisasi",
            "input_title": "Predikat organisasi", "input_message": "Pilih predikat kinerja organisasi unit ini."})
        ws.data_validation(lay["first_row"], 1, lay["first_row"] + len(lay["scalars"]), 1, {
            "validate": "any", "input_title": "Pengaturan",
            "input_message": "Mengubah nilai ini menghitung ulang seluruh berkas."})

    # --- pegawai sheet --------------------------------------------------------------
    def _pegawai(self, ws: Worksheet, sp: SheetPlan) -> None:
        g, s, lay = self.g, self.s, self.layout
        res = self.results[sp.name]
        pg = lay["pegawai"]
        for c, spec, p in g.column_specs():
            ws.set_column(c, c, spec["width"], None, {"hidden": bool(spec.get("hidden"))})
        ws.write_string(0, 0, lay["labels"]["title"], s.title)
        ws.write_formula(1, 0, "=Instansi", s.subtitle, self.plan.instansi)
        ws.write_formula(2, 0, f'="{lay["labels"]["periode_penilaian"]}: 1 Januari s.d. 31 Desember "&Tahun',
                         s.subtitle, f"{lay['labels']['periode_penilaian']}: 1 Januari s.d. 31 Desember "
                         f"{self.plan.tahun}")
        # identity block
        idn = pg["identity"]
        blocks = {"pegawai": Identitas.of(sp.pegawai), "penilai": sp.penilai, "atasan": sp.atasan_penilai}
        ws.merge_range(g.identity_row, 0, g.identity_row, 1, "", s.header)
        for key, (c0, c1) in idn["blocks"].items():
            cc0, cc1 = col_index(c0), col_index(c1)
            ws.merge_range(g.identity_row, cc0, g.identity_row, cc1, idn["headers"][key], s.header)
        for key in idn["rows"]:
            r = g.identity(key)
            ws.merge_range(r, 0, r, 1, idn["labels"][key], s.label)
            for block, (c0, c1) in idn["blocks"].items():
                value = getattr(blocks[block], key)
                ws.merge_range(r, col_index(c0), r, col_index(c1), "", s.nip if key == "nip" else s.text)
                ws.write_string(r, col_index(c0), value or "", s.nip if key == "nip" else s.text)
        # HASIL KERJA headers
        ws.write_string(g.hasil_title, 0, lay["labels"]["hasil"], s.section)
        for c, spec, p in g.column_specs():
            ws.write_string(g.column_header, c, spec["label"], s.header)
        for p in g.periods():
            c0 = g.col("realisasi", p) if p else g.col("kumulatif", None)
            c1 = g.col("rating_rhk", p)
            label = self.plan.jenis_periode.nama(p) if p else lay["labels"]["tahunan"]
            ws.merge_range(g.group_header, c0, g.group_header, c1, label, s.header)
        ws.set_row(g.column_header, 36)
        ws.write_string(g.utama_label, 0, lay["labels"]["utama"], s.section)
        if self.plan.n_tambahan:
            ws.write_string(g.tambahan_label, 0, lay["labels"]["tambahan"], s.section)
        self._choices(ws, sp)
        for slot_i, slot in enumerate(sp.slots):
            self._slot(ws, sp, slot_i, slot, res)
        self._perilaku(ws, sp, res)
        self._evaluasi(ws, sp, res)
        self._lampiran(ws, sp, res)
        self._validations(ws, sp)
        self._conditional(ws)
        ws.freeze_panes(g.column_header + 1, g.col("rhk") + 1)
        # Printed: the plan (RHK, indikator, target) on the first pages, then one page column per
        # period (and the year), each repeating No / intervensi / RHK at the left.
        ws.set_landscape()
        ws.set_paper(9)
        ws.set_print_scale(60)
        ws.print_area(0, 0, g.last_row, g.last_visible_col)
        ws.set_h_pagebreaks([g.perilaku_title, g.evaluasi_title, g.lampiran_title, g.dokumen_title])
        ws.set_v_pagebreaks([g.col("realisasi", p) for p in range(1, g.n_periode + 1)] + [g.col("kumulatif", None)])
        ws.repeat_columns(0, g.col("rhk"))
        ws.set_footer("&L&8skpkit&R&8Halaman &P dari &N")

    def _choices(self, ws: Worksheet, sp: SheetPlan) -> None:
        """The superior's RHK as the intervensi list, in hidden columns: live or as issued."""
        g = self.g
        cid, clabel = g.col("pilihan_id"), g.col("pilihan_label")
        for i in range(g.n_slots):
            r = g.slot_row(0) + i
            if sp.choices_sheet:
                sup = quote_sheet(sp.choices_sheet)
                id_ref = f"{sup}{a1(g.slot_row(i), g.col('id_rhk'), True)}"
                text_ref = f"{sup}{a1(g.slot_row(i), g.col('rhk'), True)}"
                known = sheet_choice(self.plan, sp.choices_sheet, i)
                ws.write_formula(r, cid, f'=IF({text_ref}="","",{id_ref})', self.s.hidden,
                                 known[0] if known[1] else "")
                ws.write_formula(r, clabel, f'=IF({text_ref}="","",{id_ref}&"{CHOICE_SEP}"&{text_ref})',
                                 self.s.hidden, choice_label(*known) if known[1] else "")
            elif i < len(sp.choices):
                ws.write_string(r, cid, sp.choices[i][0], self.s.hidden)
                ws.write_string(r, clabel, choice_label(*sp.choices[i]), self.s.hidden)

    def _slot(self, ws: Worksheet, sp: SheetPlan, i: int, slot, res: HasilPegawai) -> None:
        g, s, eng = self.g, self.s, self.engine
        r0 = g.slot_row(i)
        ws.write_string(r0, g.col("id_rhk"), slot.id, s.hidden)
        ws.write_string(r0, g.col("jenis"), slot.jenis.value, s.hidden)
        interv = rhk_value(sp, slot, "intervensi") or ""
        label = intervensi_label(self.plan, sp, interv)
        last = g.slot_row(i, g.k - 1)
        fmt = s.issued if slot.issued else s.input
        # one RHK spans its indikator rows: merged, the value in the top-left cell
        for col in (g.col("no"), g.col("intervensi"), g.col("rhk")):
            ws.merge_range(r0, col, last, col, "", s.text if col == g.col("no") else fmt)
        ws.write_string(r0, g.col("no"), str(i + 1 if g.slot_is_utama(i) else i - g.n_utama + 1), s.text)
        _write(ws, r0, g.col("intervensi"), label or None, fmt)
        _write(ws, r0, g.col("rhk"), rhk_value(sp, slot, "rhk") or None, fmt)
        for j, ind in enumerate(slot.indikator):
            r = g.slot_row(i, j)
            ws.write_string(r, g.col("id_indikator"), ind.id, s.hidden)
            for field in ("aspek", "indikator", "target_min", "target_max", "satuan", "arah", "agregasi"):
                v = indikator_value(sp, ind, field)
                num = field.startswith("target")
                fmt = (s.issued_num if num else s.issued) if ind.issued else (s.input_num if num else s.input)
                _write(ws, r, g.col(field), v if v != "" else None, fmt)
            ref = {f: a1(r, g.col(f)) for f in ("indikator", "target_min", "target_max", "arah", "agregasi")}
            cek_baris = a1(r, g.col("cek_baris"))
            ws.write_formula(r, g.col("cek_baris"), eng.cek_baris(ref["target_min"], ref["target_max"],
                                                                  ref["arah"], ref["agregasi"]),
                             s.hidden, _cek_baris_value(sp, ind))
            for p in g.periods():
                hp = res.tahunan if p is None else res.periode[p - 1]
                hi = hp.indikator[i][j]
                real = [a1(r, g.col("realisasi", q)) for q in range(1, (p or g.n_periode) + 1)]
                if p is not None:
                    for field in ("realisasi", "bukti", "umpan_balik"):
                        _write(ws, r, g.col(field, p), sp.entries.get((field, ind.id, p)),
                               s.input_num if field == "realisasi" else s.input)
                kum, cek = a1(r, g.col("kumulatif", p)), a1(r, g.col("cek", p))
                _formula(ws, r, g.col("kumulatif", p), eng.kumulatif(real, ref["agregasi"]),
                         s.computed if p is None else s.hidden, hi.realisasi if hi else None)
                _formula(ws, r, g.col("cek", p), eng.cek(ref["indikator"], ref["target_min"], ref["target_max"],
                                                        cek_baris, real, kum, p),
                         s.hidden, _cek_value(hi))
                args = (cek, kum, ref["target_min"], ref["target_max"], ref["arah"], ref["agregasi"], p)
                _formula(ws, r, g.col("capaian", p), eng.capaian(*args), s.pct, hi.capaian if hi else None)
                _formula(ws, r, g.col("rating_indikator", p), eng.rating_indikator(*args), s.computed,
                         hi.rating if hi else None)
        for p in g.periods():
            hp = res.tahunan if p is None else res.periode[p - 1]
            ceks = f"{a1(r0, g.col('cek', p))}:{a1(g.slot_row(i, g.k - 1), g.col('cek', p))}"
            rts = (f"{a1(r0, g.col('rating_indikator', p))}:"
                   f"{a1(g.slot_row(i, g.k - 1), g.col('rating_indikator', p))}")
            st = a1(r0, g.col("status_rhk", p))
            _formula(ws, r0, g.col("status_rhk", p), eng.status_rhk(ceks, rts), s.hidden,
                     _status_value(hp.indikator[i], hp.rhk[i]))
            ws.merge_range(r0, g.col("rating_rhk", p), g.slot_row(i, g.k - 1), g.col("rating_rhk", p), "", s.computed)
            _formula(ws, r0, g.col("rating_rhk", p), eng.rating_rhk(st, ceks, rts), s.computed, hp.rhk[i])

    def _perilaku(self, ws: Worksheet, sp: SheetPlan, res: HasilPegawai) -> None:
        g, s, pl = self.g, self.s, self.layout["pegawai"]["perilaku"]
        ws.write_string(g.perilaku_title, 0, self.layout["labels"]["perilaku"], s.section)
        h = g.perilaku_header
        ws.write_string(h, 0, "No", s.header)
        ws.write_string(h, g.col(pl["nilai_column"]), "Nilai BerAKHLAK", s.header)
        pc = [g.col(c) for c in pl["panduan_columns"]]
        ec = [g.col(c) for c in pl["ekspektasi_columns"]]
        ws.merge_range(h, pc[0], h, pc[1], "Panduan Perilaku", s.header)
        ws.merge_range(h, ec[0], h, ec[1], "Ekspektasi Khusus Pimpinan", s.header)
        for p in range(1, g.n_periode + 1):
            ws.write_string(h, g.col(pl["rating_column"], p), f"Rating {self.plan.jenis_periode.nama(p)}", s.header)
            ws.write_string(h, g.col(pl["umpan_balik_column"], p), "Umpan Balik", s.header)
        for i, (nilai, panduan) in enumerate(BERAKHLAK):
            r = g.perilaku_row(i)
            ws.set_row(r, 48)
            ws.write_string(r, 0, str(i + 1), s.text)
            ws.write_string(r, g.col(pl["nilai_column"]), nilai, s.label)
            ws.merge_range(r, pc[0], r, pc[1], "", s.text)
            ws.write_string(r, pc[0], "• " + panduan.replace("; ", "\n• "), s.text)
            ws.merge_range(r, ec[0], r, ec[1], "", s.input)
            _write(ws, r, ec[0], sp.entries.get(("ekspektasi", i)), s.input)
            for p in range(1, g.n_periode + 1):
                _write(ws, r, g.col(pl["rating_column"], p), sp.entries.get(("perilaku", i, p)), s.input)
                _write(ws, r, g.col(pl["umpan_balik_column"], p),
                       sp.entries.get(("perilaku_umpan_balik", i, p)), s.input)

    def _evaluasi(self, ws: Worksheet, sp: SheetPlan, res: HasilPegawai) -> None:
        g, s, eng, ev = self.g, self.s, self.engine, self.layout["pegawai"]["evaluasi"]
        pl = self.layout["pegawai"]["perilaku"]
        lc = [g.col(c) for c in ev["label_columns"]]
        ws.write_string(g.evaluasi_title, 0, self.layout["labels"]["evaluasi"], s.section)
        ws.merge_range(g.evaluasi_header, lc[0], g.evaluasi_header, lc[1], "", s.header)
        n = g.n_periode
        unit_ref = a1(g.identity("unit"), col_index(self.layout["pegawai"]["identity"]["blocks"]["pegawai"][0]), True)
        jenjang_ref = a1(g.identity("jenjang"),
                         col_index(self.layout["pegawai"]["identity"]["blocks"]["pegawai"][0]), True)
        for p in g.periods():
            ws.write_string(g.evaluasi_header, g.value_col(p),
                            self.plan.jenis_periode.nama(p) if p else self.layout["labels"]["tahunan"], s.header)
        for row in ev["rows"]:
            r = g.evaluasi_row(row["key"])
            ws.merge_range(r, lc[0], r, lc[1], row["label"], s.label)
        fungsional = sp.pegawai.is_fungsional
        pimpinan = sp.pegawai.jenis_jabatan is JenisJabatan.JPT
        for p in g.periods():
            hp = res.tahunan if p is None else res.periode[p - 1]
            c = g.value_col(p)
            cell = lambda key: a1(g.evaluasi_row(key), c)  # noqa: E731
            col_org = p if p is not None else n + 1
            _formula(ws, g.evaluasi_row("organisasi"), c, eng.organisasi(unit_ref, col_org), s.computed,
                     self.plan.organisasi.get((sp.pegawai.unit, col_org)))
            if pimpinan:
                saran = eng.hasil_pimpinan(cell("organisasi"))
            else:
                ut, tb = g.utama_rows(), g.tambahan_rows()
                rng = lambda key, rows: f"{a1(rows[0], g.col(key, p))}:{a1(rows[1], g.col(key, p))}"  # noqa: E731
                saran = eng.hasil_saran(rng("status_rhk", ut), rng("rating_rhk", ut),
                                        rng("status_rhk", tb) if tb else None,
                                        rng("rating_rhk", tb) if tb else None)
            _formula(ws, g.evaluasi_row("hasil_saran"), c, saran, s.computed, hp.hasil_saran)
            key = TAHUNAN if p is None else p
            _write(ws, g.evaluasi_row("hasil_penilai"), c, sp.entries.get(("hasil_penilai", key)), s.input)
            _formula(ws, g.evaluasi_row("hasil"), c, eng.final(cell("hasil_penilai"), cell("hasil_saran")),
                     s.computed, hp.hasil)
            if p is None:
                finals = [a1(g.evaluasi_row("perilaku"), g.value_col(q)) for q in range(1, n + 1)]
                skor = [g.col(f"skor_{k}") for k in (1, 2, 3)]
                rp = g.evaluasi_row("perilaku_saran")
                periodic = [x.perilaku for x in res.periode]
                for k, rating in zip(skor, Rating):
                    hits = [i for i, v in enumerate(periodic, 1) if v is rating]
                    ws.write_formula(rp, k, eng.perilaku_skor(finals, rating.value), s.hidden,
                                     len(hits) * 1000 + max(hits, default=0))
                scores = f"{a1(rp, skor[0])}:{a1(rp, skor[-1])}"
                _formula(ws, rp, c, eng.perilaku_tahunan(scores), s.computed, hp.perilaku_saran)
            else:
                col = g.col(pl["rating_column"], p)
                cells = [a1(g.perilaku_row(i), col) for i in range(len(BERAKHLAK))]
                block = f"{cells[0]}:{cells[-1]}"
                _formula(ws, g.evaluasi_row("perilaku_saran"), c, eng.perilaku_saran(cells, block), s.computed,
                         hp.perilaku_saran)
            _write(ws, g.evaluasi_row("perilaku_penilai"), c, sp.entries.get(("perilaku_penilai", key)),
                   s.input)
            _formula(ws, g.evaluasi_row("perilaku"), c,
                     eng.final(cell("perilaku_penilai"), cell("perilaku_saran")), s.computed, hp.perilaku)
            _formula(ws, g.evaluasi_row("predikat"), c, eng.predikat(cell("hasil"), cell("perilaku")),
                     s.computed, hp.predikat)
            if fungsional:
                bulan = "BulanPerPeriode" if p is not None else "12"
                _formula(ws, g.evaluasi_row("angka_kredit"), c, eng.angka_kredit(cell("predikat"), jenjang_ref, bulan),
                         s.ak, hp.angka_kredit)
            else:
                ws.write_string(g.evaluasi_row("angka_kredit"), c, "-", s.computed)
        r = g.jumlah_ak_row
        ws.merge_range(r, lc[0], r, lc[1], ev["jumlah_ak_label"], s.label)
        if fungsional:
            cells = [a1(g.evaluasi_row("angka_kredit"), g.value_col(q)) for q in range(1, n + 1)]
            _formula(ws, r, g.value_col(None), eng.jumlah(cells), s.ak, res.angka_kredit_periode)
        else:
            ws.write_string(r, g.value_col(None), "-", s.computed)

    def _lampiran(self, ws: Worksheet, sp: SheetPlan, res: HasilPegawai) -> None:
        g, s, lay = self.g, self.s, self.layout
        lc = [g.col(c) for c in lay["pegawai"]["evaluasi"]["label_columns"]]
        wide = (g.col("realisasi", 1), g.last_visible_col)
        ws.write_string(g.lampiran_title, 0, lay["labels"]["lampiran"], s.section)
        self._text_rows(ws, sp, "lampiran", g.lampiran_row, lc, wide)
        ws.write_string(g.dokumen_title, 0, lay["labels"]["dokumen"], s.section)
        ev = (g.evaluasi_row("organisasi"), g.evaluasi_row("predikat"))
        for key, label, src in (("organisasi", "Capaian Kinerja Organisasi (tahunan)", ev[0]),
                                ("predikat", "Predikat Kinerja Pegawai (tahunan)", ev[1])):
            r = g.dokumen_row(key)
            ws.merge_range(r, lc[0], r, lc[1], label, s.label)
            value = res.tahunan.predikat if key == "predikat" else self.plan.organisasi.get(
                (sp.pegawai.unit, g.n_periode + 1))
            _formula(ws, r, wide[0], f"={a1(src, g.value_col(None))}&\"\"", s.computed, value)
        self._text_rows(ws, sp, "dokumen", g.dokumen_row, lc, wide)
        r = g.signature_row
        people = [Identitas.of(sp.pegawai), sp.penilai, sp.atasan_penilai]
        span = max((g.last_visible_col + 1) // 3, 1)
        for k, (title, who) in enumerate(zip(lay["labels"]["tanda_tangan"], people)):
            c0, c1 = k * span, min((k + 1) * span - 1, g.last_visible_col)
            ws.merge_range(r, c0, r, c1, f"{lay['labels']['tanggal']}: ....................", s.sign)
            ws.merge_range(r + 1, c0, r + 1, c1, title, s.sign)
            ws.merge_range(r + 4, c0, r + 4, c1, who.nama or "", s.sign_line)
            ws.merge_range(r + 5, c0, r + 5, c1, f"NIP {who.nip}" if who.nip else "", s.sign)

    def _text_rows(self, ws: Worksheet, sp: SheetPlan, group: str, row_of, labels: list[int],
                   wide: tuple[int, int]) -> None:
        """Free-text input rows (lampiran SKP, dokumen evaluasi): a label, then one wide input cell."""
        s = self.s
        for item in self.layout["pegawai"][group]:
            r = row_of(item["key"])
            ws.set_row(r, 30)
            ws.merge_range(r, labels[0], r, labels[1], item["label"], s.label)
            ws.merge_range(r, wide[0], r, wide[1], "", s.input)
            _write(ws, r, wide[0], sp.entries.get((group, item["key"])), s.input)

    def _validations(self, ws: Worksheet, sp: SheetPlan) -> None:
        g = self.g
        first, last = g.slot_row(0), g.hasil_end
        lists = {"aspek": ("DaftarAspek", "Aspek", "Pilih aspek: Kuantitas, Kualitas, Waktu, atau Biaya."),
                 "arah": ("DaftarArah", "Arah", "naik: makin besar makin baik; turun: makin kecil makin baik "
                                                 "(waktu, biaya, keluhan)."),
                 "agregasi": ("DaftarAgregasi", "Agregasi", "jumlah: realisasi dijumlah antar periode; "
                                                             "rata-rata: dirata-rata; terakhir: nilai periode terakhir.")}
        for field, (source, title, msg) in lists.items():
            ws.data_validation(first, g.col(field), last, g.col(field), {
                "validate": "list", "source": f"={source}", "input_title": title, "input_message": msg,
                "error_title": title, "error_message": "Pilih dari daftar."})
        for field in ("target_min", "target_max"):
            ws.data_validation(first, g.col(field), last, g.col(field), {
                "validate": "decimal", "criteria": ">=", "value": 0, "input_title": "Target",
                "input_message": "Angka >= 0. Isi Target Maks bila target berupa rentang.",
                "error_title": "Target", "error_message": "Target harus angka >= 0."})
        choices = (f"={a1(g.slot_row(0), g.col('pilihan_label'), True)}:"
                   f"{a1(g.slot_row(0) + g.n_slots - 1, g.col('pilihan_label'), True)}")
        ws.data_validation(first, g.col("intervensi"), last, g.col("intervensi"), {
            "validate": "list", "source": choices, "input_title": "RHK pimpinan",
            "input_message": "Pilih RHK atasan yang diintervensi RHK ini.",
            "error_title": "RHK pimpinan", "error_message": "Pilih dari daftar RHK atasan."})
        for p in range(1, g.n_periode + 1):
            c = g.col("realisasi", p)
            ws.data_validation(first, c, last, c, {
                "validate": "decimal", "criteria": ">=", "value": 0, "input_title": "Realisasi",
                "input_message": f"Realisasi {self.plan.jenis_periode.nama(p)} (angka). Kosongkan bila belum ada.",
                "error_title": "Realisasi", "error_message": "Realisasi harus angka >= 0."})
            rc = g.value_col(p)
            ws.data_validation(g.perilaku_row(0), rc, g.perilaku_row(6), rc, {
                "validate": "list", "source": "=DaftarRating", "input_title": "Rating perilaku",
                "input_message": "Diisi pejabat penilai.", "error_title": "Rating",
                "error_message": "Pilih dari daftar."})
        for p in g.periods():
            for key in ("hasil_penilai", "perilaku_penilai"):
                r, c = g.evaluasi_row(key), g.value_col(p)
                ws.data_validation(r, c, r, c, {
                    "validate": "list", "source": "=DaftarRating", "input_title": "Pejabat penilai",
                    "input_message": "Kosongkan untuk memakai saran; isi untuk menetapkan rating.",
                    "error_title": "Rating", "error_message": "Pilih dari daftar."})

    def _conditional(self, ws: Worksheet) -> None:
        g, s = self.g, self.s
        first, last = g.slot_row(0), g.last_row
        ws.conditional_format(first, 0, last, g.last_visible_col, {
            "type": "text", "criteria": "begins with", "value": "#SKP!", "format": s.error})
        for label, fmt in s.colors.items():
            ws.conditional_format(first, g.col("realisasi", 1), last, g.last_visible_col, {
                "type": "cell", "criteria": "==", "value": f'"{label}"', "format": fmt})

    # --- Matriks Peran Hasil ----------------------------------------------------------
    def _matriks(self, ws: Worksheet) -> None:
        s, g, lay = self.s, self.g, self.layout["matriks"]
        ws.set_column(0, 0, 22)
        ws.set_column(1, 1, 28)
        ws.set_column(2, 2 + g.n_slots, 24)
        ws.write_string(0, 0, lay["title"], s.title)
        ws.write_string(1, 0, lay["note"], s.subtitle)
        row = lay["first_row"]
        self.matriks_rows: list[tuple[str, int]] = []
        for block in self.plan.matriks:
            sup = quote_sheet(block.atasan_sheet)
            sup_plan = next(x for x in self.plan.sheets if x.name == block.atasan_sheet)
            ws.merge_range(row, 0, row, 1, f"Atasan: {sup_plan.pegawai.nama} ({block.atasan_nip})", s.section)
            ws.write_string(row + 1, 0, "NIP", s.header)
            ws.write_string(row + 1, 1, "Nama", s.header)
            for i in range(g.n_slots):
                text_ref = f"{sup}{a1(g.slot_row(i), g.col('rhk'), True)}"
                id_ref = f"{sup}{a1(g.slot_row(i), g.col('id_rhk'), True)}"
                known = sheet_choice(self.plan, block.atasan_sheet, i)
                ws.write_formula(row + 1, 2 + i, f'=IF({text_ref}="",{id_ref},{id_ref}&": "&{text_ref})',
                                 s.header, f"{known[0]}: {known[1]}" if known[1] else known[0])
            self.matriks_rows.append((block.atasan_nip, row))
            for k, p in enumerate(block.bawahan):
                r = row + 2 + k
                ws.write_string(r, 0, p.nip, s.nip)
                ws.write_string(r, 1, p.nama, s.text)
                for i, sl in enumerate(sup_plan.slots):
                    _write(ws, r, 2 + i, block.entries.get((p.nip, sl.id)), s.input)
            row += 2 + len(block.bawahan) + 1
        if not self.plan.matriks:
            ws.write_string(row, 0, "Tidak ada atasan dengan bawahan di berkas ini.", s.text)

    # --- Rekap Unit -------------------------------------------------------------------
    def _rekap(self, ws: Worksheet) -> None:
        s, g, eng = self.s, self.g, self.engine
        n = g.n_periode
        periods = g.periods()
        ws.set_column(0, 0, 44)
        ws.set_column(1, n + 4, 16)
        ws.write_string(0, 0, self.layout["rekap"]["title"], s.title)
        ws.write_string(1, 0, "Jumlah pegawai per predikat dan cek pola distribusi (kurva) per unit. "
                              "Pimpinan unit dihitung pada unit atasannya.", s.subtitle)
        # The list of pegawai with their predikat (live), which the counts read.
        units = list(dict.fromkeys(sp.kurva_unit for sp in self.plan.sheets if sp.kurva_unit))
        names = {sc["field"]: sc["name"] for sc in self.layout["pengaturan"]["scalars"]}
        block_rows = 8 + 4 * self.layout["rekap"]["rule_rows"]
        list_row = 3 + len(units) * (block_rows + 1) + 1
        ws.write_string(list_row, 0, "Daftar pegawai", s.section)
        head = ["Nama", "NIP", "Unit", "Dihitung pada unit"] + [
            self.plan.jenis_periode.nama(p) if p else "Tahunan" for p in periods]
        for c, h in enumerate(head):
            ws.write_string(list_row + 1, c, h, s.header)
        first = list_row + 2
        for k, sp in enumerate(self.plan.sheets):
            r = first + k
            res = self.results[sp.name]
            ws.write_string(r, 0, sp.pegawai.nama, s.text)
            ws.write_string(r, 1, sp.pegawai.nip, s.nip)
            ws.write_string(r, 2, sp.pegawai.unit, s.text)
            ws.write_string(r, 3, sp.kurva_unit, s.text)
            for c, p in enumerate(periods, start=4):
                src = f"{quote_sheet(sp.name)}{a1(g.evaluasi_row('predikat'), g.value_col(p), True)}"
                hp = res.tahunan if p is None else res.periode[p - 1]
                _formula(ws, r, c, f"={src}&\"\"", s.computed, hp.predikat)
        last = first + max(len(self.plan.sheets), 1) - 1
        unit_col = f"${'D'}${first + 1}:$D${last + 1}"
        row = 3
        for unit in units:
            ws.merge_range(row, 0, row, len(periods), f"Unit: {unit}", s.section)
            ws.write_string(row + 1, 0, "Periode", s.header)
            for c, p in enumerate(periods, start=1):
                ws.write_string(row + 1, c, self.plan.jenis_periode.nama(p) if p else "Tahunan", s.header)
            org_r = row + 2
            ws.write_string(org_r, 0, "Predikat organisasi", s.label)
            unit_lit = '"' + unit.replace('"', '""') + '"'
            for c, p in enumerate(periods, start=1):
                col_org = p if p is not None else n + 1
                ws.write_formula(org_r, c, eng.organisasi(unit_lit, col_org), s.computed,
                                 self.plan.organisasi.get((unit, col_org), ""))
            count_rows = {pr: org_r + 1 + i for i, pr in enumerate(Predikat)}
            for pr, r in count_rows.items():
                ws.write_string(r, 0, pr.value, s.label)
            n_row = org_r + 1 + len(Predikat)
            ws.write_string(n_row, 0, "Jumlah dinilai", s.label)
            for c, p in enumerate(periods, start=1):
                pred_col = f"{a1(first, 4 + c - 1, True)}:{a1(last, 4 + c - 1, True)}"
                predikats = [self._predikat_of(sp, p) for sp in self.plan.sheets if sp.kurva_unit == unit]
                counts = rules.hitung_predikat(predikats)
                organisasi = self.plan.organisasi.get((unit, p or n + 1))
                aturan = rules.cek_kurva(organisasi, predikats, settings=self.plan.settings).aturan \
                    if organisasi else ()
                for pr, r in count_rows.items():
                    ws.write_formula(r, c, eng.hitung(unit_col, unit_lit, pred_col, pr.value), s.computed,
                                     counts[pr])
                cnt = {pr: a1(r, c) for pr, r in count_rows.items()}
                ws.write_formula(n_row, c, f"=SUM({cnt[Predikat.SANGAT_BAIK]}:{cnt[Predikat.SANGAT_KURANG]})",
                                 s.computed, sum(counts.values()))
                org = a1(org_r, c)
                for slot in range(self.layout["rekap"]["rule_rows"]):
                    base = n_row + 1 + 4 * slot
                    rule = aturan[slot] if slot < len(aturan) else None
                    cells = {"teks": a1(base, c), "jumlah": a1(base + 1, c), "batas": a1(base + 2, c)}
                    for k, part in enumerate(("teks", "jumlah", "batas", "terpenuhi")):
                        value = "" if rule is None else {
                            "teks": rule.teks, "jumlah": rule.jumlah, "batas": rule.batas,
                            "terpenuhi": "Ya" if rule.terpenuhi else "Tidak"}[part]
                        ws.write_formula(base + k, c, eng.kurva(part, slot, org, cnt, a1(n_row, c), names,
                                                                cells["jumlah"], cells["batas"]),
                                         s.computed, value)
            for slot in range(self.layout["rekap"]["rule_rows"]):
                base = n_row + 1 + 4 * slot
                for k, part in enumerate(("Aturan", "jumlah", "batas", "terpenuhi")):
                    ws.write_string(base + k, 0, f"Aturan {slot + 1}" if k == 0 else f"  {part}", s.label)
            ws.conditional_format(n_row + 1, 1, n_row + 4 * self.layout["rekap"]["rule_rows"], len(periods), {
                "type": "cell", "criteria": "==", "value": '"Tidak"', "format": s.error})
            self._chart(ws, unit, row, count_rows, periods)
            row += block_rows + 1
        ws.freeze_panes(3, 1)
        ws.autofilter(list_row + 1, 0, last, len(head) - 1)
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)

    def _predikat_of(self, sp: SheetPlan, p: int | None):
        res = self.results[sp.name]
        v = (res.tahunan if p is None else res.periode[p - 1]).predikat
        return v if isinstance(v, Predikat) else None

    def _chart(self, ws: Worksheet, unit: str, row: int, count_rows: dict, periods: Sequence) -> None:
        chart = self.wb.add_chart({"type": "column"})
        name = ws.get_name()
        r0, r1 = min(count_rows.values()), max(count_rows.values())
        for c, p in enumerate(periods, start=1):
            chart.add_series({
                "name": [name, row + 1, c],
                "categories": [name, r0, 0, r1, 0],
                "values": [name, r0, c, r1, c],
            })
        chart.set_title({"name": f"Distribusi predikat: {unit}", "name_font": {"size": 10}})
        chart.set_y_axis({"name": "Jumlah pegawai", "major_gridlines": {"visible": True}})
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": 560, "height": 300})
        ws.insert_chart(row, len(periods) + 2, chart)

    # --- xlwings engine ---------------------------------------------------------------------
    def _xlwings(self) -> list[Worksheet]:
        """The VBA project of xlwings' standalone workbook and its configuration sheet."""
        vba = xlwings_vba_project()
        self.wb.add_vba_project(io.BytesIO(vba), is_stream=True)
        self.wb.set_vba_name("ThisWorkbook")
        ws = self.wb.add_worksheet("xlwings.conf")
        for r, (k, v) in enumerate((("UDF Modules", "addin.functions"), ("Debug UDFs", "False"),
                                    ("Use UDF Server", "False"))):
            ws.write_string(r, 0, k)
            ws.write_string(r, 1, v)
        ws.set_column(0, 1, 24)
        return [ws]

    # --- Arsip -----------------------------------------------------------------------------
    def _arsip(self, ws: Worksheet) -> None:
        """RHK whose superior RHK is gone: they stay on the pegawai's sheet; listed here to re-point."""
        s, g = self.s, self.g
        ws.write_string(0, 0, "ARSIP: RHK yang RHK atasannya tidak ada lagi", s.title)
        ws.write_string(1, 0, "Baris dan nilainya tetap di sheet pegawai. Pilih RHK atasan yang baru pada kolom "
                              "intervensi, atau biarkan sebagai catatan.", s.subtitle)
        head = ["Nama", "NIP", "Sheet", "ID RHK", "RHK", "RHK atasan (lama)", "Baris"]
        head += [f"Realisasi {self.plan.jenis_periode.nama(p)}" for p in range(1, g.n_periode + 1)]
        for c, h in enumerate(head):
            ws.write_string(3, c, h, s.header)
        ws.set_column(0, 0, 26)
        ws.set_column(1, 1, 21)
        ws.set_column(2, 5, 30)
        r = 4
        for sp, i, sl in self.flagged:
            for j, ind in enumerate(sl.indikator):
                values = [sp.pegawai.nama, sp.pegawai.nip, sp.name, sl.id, rhk_value(sp, sl, "rhk") or "",
                          rhk_value(sp, sl, "intervensi"), a1(g.slot_row(i, j), g.col("indikator"))]
                for c, v in enumerate(values):
                    ws.write_string(r, c, str(v), s.nip if c == 1 else s.text)
                for p in range(1, g.n_periode + 1):
                    _write(ws, r, len(values) + p - 1, sp.entries.get(("realisasi", ind.id, p)), s.text)
                r += 1
        ws.freeze_panes(4, 0)

    # --- _skp ---------------------------------------------------------------------------
    def _meta(self, ws: Worksheet) -> None:
        s, plan = self.s, self.plan
        rows = [("layout_version", str(self.layout["version"])), ("jenis_periode", plan.jenis_periode.value),
                ("n_periode", str(plan.jenis_periode.jumlah)), ("n_utama", str(plan.n_utama)),
                ("n_tambahan", str(plan.n_tambahan)), ("k", str(plan.k)), ("tahun", str(plan.tahun)),
                ("instansi", plan.instansi), ("engine", plan.engine),
                *sorted(plan.meta.items())]
        ws.write_string(0, 0, "kunci", s.label)
        ws.write_string(0, 1, "nilai", s.label)
        for i, (k, v) in enumerate(rows, start=1):
            ws.write_string(i, 0, k)
            ws.write_string(i, 1, v)
        r = len(rows) + 2
        cols = ["sheet", "nip", "nama", "jabatan", "jenis_jabatan", "jenjang", "pangkat", "unit", "nip_atasan",
                "kurva_unit", "choices_sheet", "penilai_nip", "atasan_penilai_nip", "choices", "issued"]
        ws.write_string(r, 0, "pegawai")
        for c, h in enumerate(cols):
            ws.write_string(r + 1, c, h)
        for k, sp in enumerate(plan.sheets, start=r + 2):
            p = sp.pegawai
            values = [sp.name, p.nip, p.nama, p.jabatan, p.jenis_jabatan.value,
                      p.jenjang.value if p.jenjang else "", p.pangkat, p.unit, p.nip_atasan, sp.kurva_unit,
                      sp.choices_sheet or "", sp.penilai.nip, sp.atasan_penilai.nip,
                      "\n".join(choice_label(i, t) for i, t in sp.choices), _issued(sp)]
            for c, v in enumerate(values):
                ws.write_string(k, c, v)
        r = r + 2 + len(plan.sheets) + 1
        ws.write_string(r, 0, "matriks")
        for k, (nip, mrow) in enumerate(getattr(self, "matriks_rows", []), start=r + 1):
            ws.write_string(k, 0, nip)
            ws.write_number(k, 1, mrow)


def _issued(sp: SheetPlan) -> str:
    """Ids of the RHK and indikator handed down from above (locked), for the reader."""
    return json.dumps({"rhk": [s.id for s in sp.slots if s.issued],
                       "indikator": [i.id for s in sp.slots for i in s.indikator if i.issued]})


def _cek_value(hi) -> str:
    if hi is None:
        return ""
    return hi.capaian.reason if isinstance(hi.capaian, Invalid) else "ok"


def _cek_baris_value(sp: SheetPlan, ind) -> str:
    """What the row check shows: the reason of the period-independent checks, or 'ok'."""
    row = cek_target(IsianIndikator(
        target_min=indikator_value(sp, ind, "target_min"), target_max=indikator_value(sp, ind, "target_max"),
        arah=indikator_value(sp, ind, "arah"), agregasi=indikator_value(sp, ind, "agregasi")))
    return "ok" if row is None else row.reason


def _status_value(rows, rhk) -> str:
    if all(r is None for r in rows):
        return ""
    if isinstance(rhk, Invalid):
        return "galat"
    return "belum" if rhk is None else "lengkap"


def sheet_choice(plan: WorkbookPlan, sheet_name: str, slot: int) -> tuple[str, str]:
    """(id, text) of RHK slot ``slot`` on the sheet ``sheet_name`` of ``plan``."""
    sup = next(x for x in plan.sheets if x.name == sheet_name)
    sl = sup.slots[slot]
    return sl.id, str(rhk_value(sup, sl, "rhk") or "")


def choice_ids(plan: WorkbookPlan, sp: SheetPlan) -> list[tuple[str, str]]:
    """The superior's RHK (id, text) offered to ``sp``: live from a sheet of ``plan``, or as issued."""
    if sp.choices_sheet:
        sup = next(x for x in plan.sheets if x.name == sp.choices_sheet)
        return [(sl.id, str(rhk_value(sup, sl, "rhk") or "")) for sl in sup.slots]
    return list(sp.choices)


def intervensi_label(plan: WorkbookPlan, sp: SheetPlan, rhk_id: str) -> str:
    """What the intervensi cell shows for ``rhk_id``: ``id · text`` when the superior's RHK is known."""
    if not rhk_id:
        return ""
    for cid, text in choice_ids(plan, sp):
        if cid == rhk_id:
            return choice_label(cid, text)
    return rhk_id


def xlwings_vba_project() -> bytes:
    """vbaProject.bin of the standalone workbook that xlwings ships (its RunPython and UDF plumbing)."""
    try:
        import xlwings
    except ImportError:
        raise UserError(Masalah("", what="--engine xlwings perlu xlwings", todo="pip install 'skpkit[addin]'")) from None
    template = Path(xlwings.__file__).parent / "quickstart_standalone.xlsm"
    with zipfile.ZipFile(template) as z:
        return z.read("xl/vbaProject.bin")


def write_workbook(plan: WorkbookPlan, path: Path) -> None:
    """Write ``plan`` to ``path`` (an .xlsx file), in one pass."""
    _Writer(plan, Path(path)).write()
