"""Generated workbooks recalculated in LibreOffice equal skpkit.rules on the same inputs."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from skpkit import rules
from skpkit.rules import ak, bulan, masa
from skpkit.errors import Invalid
from skpkit.model import Predikat
from skpkit.plan import cell_value
from skpkit.evaluasi import evaluasi
from skpkit.generator.layout import Geometry

ERROR_VALUES = ("#NAME?", "#VALUE!", "#REF!", "#DIV/0!", "#N/A", "#NUM!", "#NULL!", "Err:")


def _values(path: Path) -> dict[str, list[list]]:
    wb = CalamineWorkbook.from_path(str(path))
    return {name: wb.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in wb.sheet_names}


def _at(grid: list[list], r: int, c: int):
    return grid[r][c] if r < len(grid) and c < len(grid[r]) else ""


_NUMBER = re.compile(r"(\d[\d.,]*\d|\d)")


def _same_number_text(a: str, b: str) -> bool:
    """Text with numbers the forms print (FIXED: grouped, rounded): skpkit caches them with Indonesian
    separators (``40.000``, ``37,5``), LibreOffice here shows its own locale's (``40,000``, ``37.5``); a
    half may round either way in the last digit (LibreOffice's FIXED rounds 2.175 to 2.17). The text around
    the numbers must be the same."""
    pa, pb = _NUMBER.split(a), _NUMBER.split(b)
    if len(pa) != len(pb) or pa[0::2] != pb[0::2]:
        return False
    for x, y in zip(pa[1::2], pb[1::2]):
        places = len(x.split(",")[1]) if "," in x else 0
        if places != (len(y.split(".")[1]) if "." in y else 0):
            return False
        vx, vy = float(x.replace(".", "").replace(",", ".")), float(y.replace(",", ""))
        if abs(vx - vy) > 10 ** -places + 1e-9:
            return False
    return True


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    if isinstance(a, str) and isinstance(b, str) and a != b:
        return _same_number_text(a, b)
    return a == b


def error_cells(path: Path) -> list[str]:
    """Every cell of a recalculated workbook that holds a spreadsheet error value (``t="e"`` in the sheet
    XML, or a text that starts like one, inline or shared), found in the XML with regular expressions: a
    unit's sheets in a fraction of a second (parsing every cell took seconds a unit)."""
    import html
    import zipfile

    from skpkit.generator.read.package import open_source

    parts = open_source(path).parts
    found = []
    with zipfile.ZipFile(path) as z:
        names = {n.lower(): n for n in z.namelist()}
        shared = names.get("xl/sharedstrings.xml")
        strings = [html.unescape(re.sub(r"<[^>]+>", "", si)) for si in
                   re.findall(r"<si>(.*?)</si>", z.read(shared).decode("utf-8"), re.S)] if shared else []
        bad = {str(i) for i, t in enumerate(strings) if t.startswith(ERROR_VALUES)}
        for sheet, part in parts.items():
            xml = z.read(names.get(part.lower(), part)).decode("utf-8")
            for ref, attrs, body in re.findall(r'<c r="([A-Z]+[0-9]+)"([^>]*?)(?:/>|>(.*?)</c>)', xml, re.S):
                kind = re.search(r'\bt="([a-zA-Z]+)"', attrs)
                kind = kind.group(1) if kind else "n"
                value = re.search(r"<v>(.*?)</v>", body or "", re.S)
                value = html.unescape(value.group(1)) if value else ""
                text = re.sub(r"<[^>]+>", "", body or "") if kind == "inlineStr" else value
                if kind == "e" or (kind == "s" and value in bad) or (kind in ("str", "inlineStr")
                                                                     and html.unescape(text).startswith(ERROR_VALUES)):
                    found.append(f"{path.name}!{sheet}!{ref}={strings[int(value)] if kind == 's' else text}")
    return found


def test_error_cells_finds_every_kind_of_error_value(tmp_path):
    """The finder the recalculation tests trust: an error value cached as such, and texts that start like one
    (inline, shared, a formula's text result) are all found; ordinary text and numbers are not."""
    import xlsxwriter

    path = tmp_path / "err.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Satu")
    ws.write_formula("A1", "=1/0", None, "#DIV/0!")
    ws.write_string("A2", "#N/A dari sel lain")
    ws.write_formula("A3", '="Err:502"', None, "Err:502")
    ws.write_string("A4", "baik")
    ws.write_number("A5", 3)
    wb.add_worksheet("Dua").write_formula("B2", "=NA()", None, "#N/A")
    wb.close()
    assert sorted(e.split("=")[0] for e in error_cells(path)) == ["err.xlsx!Dua!B2", "err.xlsx!Satu!A1",
                                                                 "err.xlsx!Satu!A2", "err.xlsx!Satu!A3"]


def compare_with_cache(original: Path, recalculated: Path) -> list[str]:
    """Cells whose LibreOffice value differs from the value skpkit computed and cached."""
    a, b = _values(original), _values(recalculated)
    diffs = []
    for name, ga in a.items():
        gb = b[name]
        for r in range(max(len(ga), len(gb))):
            for c in range(max(len(ga[r]) if r < len(ga) else 0, len(gb[r]) if r < len(gb) else 0)):
                va, vb = _at(ga, r, c), _at(gb, r, c)
                if not _same(va, vb):
                    diffs.append(f"{original.name}!{name}!R{r + 1}C{c + 1}: skpkit {va!r}, LibreOffice {vb!r}")
    return diffs


@pytest.mark.libreoffice
def test_enough_pegawai_periods(recalculated):
    count = sum(len(plan.sheets) * (plan.jenis_periode.jumlah + 1) for _, plan, _ in recalculated)
    assert count >= 500, count


@pytest.mark.libreoffice
def test_no_error_value_anywhere(recalculated):
    errors = [e for _, _, lo in recalculated for e in error_cells(lo)]
    assert errors == []


@pytest.mark.libreoffice
def test_every_cell_equals_skpkit(recalculated):
    diffs = [d for path, _, lo in recalculated for d in compare_with_cache(path, lo)]
    assert diffs[:20] == []


@pytest.mark.libreoffice
def test_computed_cells_equal_rules(recalculated):
    """An independent mapping: the evaluation of skpkit.evaluasi read at the layout's cells."""
    checked = 0
    for _, plan, lo in recalculated:
        values = _values(lo)
        n = plan.jenis_periode.jumlah
        g = Geometry(n, plan.n_utama, plan.n_tambahan, plan.k)
        for sheet in plan.sheets:
            grid = values[sheet.name]
            res = plan.evaluate(sheet)
            for p in g.periods():
                hp = res.tahunan if p is None else res.periode[p - 1]
                c = g.value_col(p)
                for key, want in (("predikat", hp.predikat), ("hasil", hp.hasil), ("perilaku", hp.perilaku),
                                  ("hasil_saran", hp.hasil_saran), ("perilaku_saran", hp.perilaku_saran)):
                    assert _same(_at(grid, g.evaluasi_row(key), c), cell_value(want)), (sheet.name, p, key)
                    checked += 1
                if sheet.pegawai.is_fungsional:
                    assert _same(_at(grid, g.evaluasi_row("angka_kredit"), c), cell_value(hp.angka_kredit))
                for i, rows in enumerate(hp.indikator):
                    assert _same(_at(grid, g.slot_row(i), g.col("rating_rhk", p)), cell_value(hp.rhk[i]))
                    for j, hi in enumerate(rows):
                        r = g.slot_row(i, j)
                        assert _same(_at(grid, r, g.col("capaian", p)), cell_value(hi and hi.capaian))
                        assert _same(_at(grid, r, g.col("rating_indikator", p)), cell_value(hi and hi.rating))
                        checked += 2
    assert checked > 5000


@pytest.mark.libreoffice
def test_edge_cases_were_exercised(recalculated):
    reasons = set()
    for _, plan, _ in recalculated:
        for sheet in plan.sheets:
            res = plan.evaluate(sheet)
            for hp in (*res.periode, res.tahunan):
                for rows in hp.indikator:
                    reasons.update(hi.capaian.reason for hi in rows if hi and isinstance(hi.capaian, Invalid))
    assert {rules.Alasan.TARGET_NOL, rules.Alasan.TARGET_TERBALIK, rules.Alasan.TARGET_KOSONG,
            rules.Alasan.TARGET_NEGATIF} <= reasons


@pytest.mark.libreoffice
def test_rekap_kurva_equals_rules(recalculated):
    """Rekap Unit: counts per predikat and each kurva rule, as skpkit.rules.cek_kurva gives them."""
    checked = 0
    for _, plan, lo in recalculated:
        grid = _values(lo)["Rekap Unit"]
        n = plan.jenis_periode.jumlah
        results = {s.name: plan.evaluate(s)
                   for s in plan.sheets}
        for r, row in enumerate(grid):
            if not (row and isinstance(row[0], str) and row[0].startswith("Unit: ")):
                continue
            unit = row[0][len("Unit: "):]
            for c, p in enumerate([*range(1, n + 1), None], start=1):
                hp = lambda s: results[s.name].tahunan if p is None else results[s.name].periode[p - 1]  # noqa: E731
                preds = [hp(s).predikat for s in plan.sheets if s.kurva_unit == unit]
                preds = [x for x in preds if isinstance(x, Predikat)]
                org = plan.organisasi.get((unit, p or n + 1))
                counts = rules.cek_kurva(org or "Baik", preds).jumlah
                for i, pr in enumerate(Predikat):
                    assert _at(grid, r + 3 + i, c) == counts[pr], (unit, p, pr)
                if org:
                    for k, a in enumerate(rules.cek_kurva(org, preds, settings=plan.settings).aturan):
                        base = r + 3 + len(Predikat) + 1 + 4 * k
                        got = [_at(grid, base + x, c) for x in range(4)]
                        assert got == [a.teks, float(a.jumlah), float(a.batas), "Ya" if a.terpenuhi else "Tidak"]
                        checked += 1
    assert checked > 20


@pytest.mark.libreoffice
def test_angka_kredit_cells_equal_the_scalar_rules(recalculated):
    """RULES.md section 6 on the random TMT jabatan and AK awal of the synthetic roster: the months of each
    period, each period's and the year's AK, and the cumulative AK and shortfall after the year, read from
    LibreOffice's recalculation and computed here straight from skpkit.ak and skpkit.rules."""
    seen = {"tmt in the year": 0, "period outside the pegawai's": 0, "part of a period": 0, "left the unit": 0, "kenaikan jenjang": 0,
            "position": 0, "shortfall 0": 0, "top": 0, "top_golongan": 0, "puncak": 0}
    for _, plan, lo in recalculated:
        values = _values(lo)
        n, s = plan.jenis_periode.jumlah, plan.settings
        g = Geometry(n, plan.n_utama, plan.n_tambahan, plan.k)
        for sheet in plan.sheets:
            p_ = sheet.pegawai
            if not (p_.is_fungsional and p_.jenjang):
                continue
            grid = values[sheet.name]
            res = evaluasi(sheet.evaluasi_input(plan.jenis_periode.jumlah, plan.organisasi, plan.jenis_periode, plan.tahun), s)
            seen["tmt in the year"] += getattr(p_.tmt_jabatan, "year", 0) == plan.tahun
            seen["left the unit"] += p_.tmt_keluar is not None
            for p in g.periods():
                c = g.value_col(p)
                months = ak.bulan_dinilai(p_.tmt_jabatan, plan.tahun, p, n, masuk=p_.tmt_masuk, keluar=p_.tmt_keluar,
                                          batas_hari=s.tmt_batas_hari)
                lama = bulan.bulan_lama(p_.tmt_jabatan, plan.tahun, p, n, masuk=p_.tmt_masuk, keluar=p_.tmt_keluar,
                                        batas_hari=s.tmt_batas_hari) if p_.jenjang_sebelumnya else 0
                inside = masa.dinilai(p, n, plan.tahun, masa.mulai(p_.tmt_jabatan, p_.tmt_masuk, p_.jenjang_sebelumnya),
                                      p_.tmt_keluar)
                if not inside:  # RULES.md section 8: no months, no AK, no predikat; "tidak dinilai"
                    for key in ("bulan_ak", "angka_kredit", "predikat"):
                        assert _at(grid, g.evaluasi_row(key), c) == "tidak dinilai", (sheet.name, p, key)
                    seen["period outside the pegawai's"] += 1
                    continue
                assert _at(grid, g.evaluasi_row("bulan_ak"), c) == float(months + lama), (sheet.name, p)
                seen["kenaikan jenjang"] += lama > 0
                seen["part of a period"] += p is not None and 0 <= months < 12 // n
                pred = (res.tahunan if p is None else res.periode[p - 1]).predikat
                if isinstance(pred, Predikat):
                    want = rules.angka_kredit(pred, p_.jenjang, months, settings=s) + (
                        rules.angka_kredit(pred, p_.jenjang_sebelumnya, lama, settings=s) if lama else 0.0)
                    assert _same(_at(grid, g.evaluasi_row("angka_kredit"), c), want), (sheet.name, p)
            pred = res.tahunan.predikat
            if not isinstance(pred, Predikat):
                continue
            year = rules.angka_kredit(pred, p_.jenjang, ak.bulan_dinilai(p_.tmt_jabatan, plan.tahun, masuk=p_.tmt_masuk,
                                                                         keluar=p_.tmt_keluar), settings=s)
            if p_.jenjang_sebelumnya:
                year += rules.angka_kredit(pred, p_.jenjang_sebelumnya, bulan.bulan_lama(
                    p_.tmt_jabatan, plan.tahun, masuk=p_.tmt_masuk, keluar=p_.tmt_keluar), settings=s)
            want = ak.posisi_ak(year, p_.jenjang, p_.ak_awal_pangkat, p_.ak_awal_jenjang, settings=s,
                               pppk=p_.is_pppk, pangkat=p_.pangkat)
            c = g.value_col(None)
            got = {k: _at(grid, g.ak_posisi_row(k), c) for k in g.ak_formula_keys()}
            assert _same(got["ak_kumulatif_pangkat"], want.kumulatif_pangkat), sheet.name
            if want.kurang_pangkat is None:  # the top golongan of a ladder's top jenjang: no next pangkat
                assert got["kurang_pangkat"] == "-", sheet.name
                seen["top_golongan"] += 1
            else:
                assert _same(got["kurang_pangkat"], want.kurang_pangkat), sheet.name
                seen["puncak"] += ak.di_golongan_puncak(p_.pangkat, p_.jenjang, settings=s)
            assert _same(got["ak_kumulatif_jenjang"], want.kumulatif_jenjang), sheet.name
            if want.kurang_jenjang is None:
                assert got["kurang_jenjang"] == "-"
                seen["top"] += 1
            else:
                assert _same(got["kurang_jenjang"], want.kurang_jenjang), sheet.name
                seen["shortfall 0"] += want.kurang_jenjang == 0
            seen["position"] += 1
    assert all(seen.values()), seen
