"""Changing a setting in Pengaturan recomputes the workbook as skpkit.rules would with that setting."""

from __future__ import annotations

import pytest
from python_calamine import CalamineWorkbook

import edits
from skpkit.issuing import Roster

from skpkit.generator.layout import plans_for
from skpkit.plan import cell_value, posisi_cells
from skpkit.rules.ak import PosisiAK
from skpkit.evaluasi import evaluasi
from skpkit.generator.layout import Geometry, load_layout
from skpkit.generator.read.workbook import read_workbook
from skpkit.generator.write.workbook import write_workbook
from libreoffice import recalculate, require_libreoffice
from synthetic import random_fill, roster
from test_generate_recalc import _at, _same, error_cells

CHANGES = {"CapaianMaks": 150, "PorsiDiAtas": 1, "PerilakuMinDiAtas": 6, "KurvaMaksTerbesar": 50}


@pytest.mark.libreoffice
def test_changed_settings_recompute(tmp_path):
    require_libreoffice()
    stem, plan = max(plans_for(Roster(roster(12, unit_size=12, seed=21)), tahun=2027, instansi="Uji"),
                     key=lambda sp: len(sp[1].sheets))
    random_fill(plan, seed=3)
    path = tmp_path / "a.xlsx"
    write_workbook(plan, path)
    wb = edits.load(path)
    for name, value in CHANGES.items():
        sheet, ref = next(iter(wb.defined_names[name].destinations))
        wb[sheet][ref.replace("$", "")] = value
    koef_sheet, koef_ref = next(iter(wb.defined_names["Koefisien"].destinations))
    first = koef_ref.replace("$", "").split(":")[0]
    wb[koef_sheet][first] = 7.5  # Pemula
    top_sheet, top_ref = next(iter(wb.defined_names["GolPuncak"].destinations))
    for row in wb[top_sheet][top_ref.replace("$", "")]:
        for cell in row:
            cell.value = None  # no top golongan: the shortfall for pangkat is AKPangkat's again
    edited = tmp_path / "edited" / "a.xlsx"
    edited.parent.mkdir()
    wb.save(edited)
    (lo,) = recalculate([edited], tmp_path / "lo")
    assert error_cells(lo) == []
    data = read_workbook(lo)
    s = data.plan.settings
    assert (s.capaian_maks, s.porsi_di_atas, s.perilaku_min_di_atas, s.kurva_maks_terbesar) == (150, 1, 6, 50)
    assert s.koefisien[next(iter(s.koefisien))] == 7.5
    assert set(s.golongan_puncak.values()) == {""}
    book = CalamineWorkbook.from_path(str(lo))
    n = plan.jenis_periode.jumlah
    g = Geometry(n, plan.n_utama, plan.n_tambahan, plan.k)
    changed = positions = 0
    for sheet in data.plan.sheets:
        grid = book.get_sheet_by_name(sheet.name).to_python(skip_empty_area=False)
        new = evaluasi(sheet.evaluasi_input(data.plan.jenis_periode.jumlah, data.plan.organisasi, data.plan.jenis_periode, data.plan.tahun), s)
        old = evaluasi(sheet.evaluasi_input(data.plan.jenis_periode.jumlah, data.plan.organisasi, data.plan.jenis_periode, data.plan.tahun), plan.settings)
        for p in g.periods():
            hp = new.tahunan if p is None else new.periode[p - 1]
            hold = old.tahunan if p is None else old.periode[p - 1]
            for key in ("hasil_saran", "perilaku_saran", "predikat"):
                assert _same(_at(grid, g.evaluasi_row(key), g.value_col(p)), cell_value(getattr(hp, key)))
                changed += getattr(hp, key) != getattr(hold, key)
            if p is None and isinstance(new.posisi_ak, PosisiAK):
                top = load_layout()["labels"]["pegawai"]["tidak_berlaku"]
                got = _at(grid, g.ak_posisi_row("kurang_pangkat"), g.value_col(None))
                assert _same(got, posisi_cells(new.posisi_ak, top)["kurang_pangkat"]), sheet.name
                positions += 1
                changed += new.posisi_ak.kurang_pangkat != getattr(old.posisi_ak, "kurang_pangkat", None)
            for i, rows in enumerate(hp.indikator):
                changed += hp.rhk[i] != hold.rhk[i]
                for j, hi in enumerate(rows):
                    assert _same(_at(grid, g.slot_row(i, j), g.col("capaian", p)), cell_value(hi and hi.capaian))
                    changed += hi is not None and hi.capaian != hold.indikator[i][j].capaian
    assert changed > 0 and positions > 0
    assert load_layout()["pengaturan"]["scalars"]
