"""The printed forms (issue 12): a filled unit workbook converted to PDF by LibreOffice prints at most 8 pages
per pegawai (triwulanan), each Dokumen Evaluasi on one page with the year's predikat and the three
signatories, each period page with every indikator, its target and realisasi, and no internal id."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest
from skpkit.generator.read.workbook import read_workbook
from skpkit.generator.layout import labels
from skpkit.generator.layout.cetak import CetakGeometry
from libreoffice import require_libreoffice


def _pdftotext() -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        import os
        if os.environ.get("SKP_REQUIRE_LIBREOFFICE"):
            pytest.fail("pdftotext (poppler-utils) is required here but not installed")
        pytest.skip("pdftotext not installed: apt-get install poppler-utils")
    return exe


@pytest.fixture(scope="module", params=["a4", "f4"])
def printed(request, tmp_path_factory, demo_full_session):
    """A full-year unit printed by ``skp print`` on A4 and on F4: (data, pages as text, word boxes per page,
    paper)."""
    from lxml import etree

    from skpkit.generator.commands.cetak import print_pdf

    require_libreoffice()
    exe = _pdftotext()
    out = tmp_path_factory.mktemp("cetak")
    unit = next((demo_full_session / "terisi").glob("*aplikasi*.xlsx"))
    (pdf,) = print_pdf([unit], out / "pdf", per="unit", kertas=request.param).written
    subprocess.run([exe, "-layout", str(pdf), str(out / "out.txt")], check=True)
    pages = (out / "out.txt").read_text(encoding="utf-8").split("\f")[:-1]
    subprocess.run([exe, "-bbox-layout", str(pdf), str(out / "box.html")], check=True)
    root = etree.parse(str(out / "box.html"), etree.HTMLParser())
    boxes = [[(w.text or "", *(float(w.get(k)) for k in ("xmin", "ymin", "xmax", "ymax"))) for w in page.iter("word")]
             for page in root.iter("page")]
    assert len(boxes) == len(pages)
    return read_workbook(unit), pages, boxes, request.param


def _owner(page: str) -> str | None:
    m = re.search(r"Pegawai: .+? \((?:NIP|NI PPPK) (\d{18})\)", page)
    return m[1] if m else None


_TITLES = {"SASARAN KINERJA PEGAWAI": "skp", "DOKUMEN EVALUASI KINERJA PEGAWAI": "dokumen",
           "EVALUASI KINERJA PEGAWAI": "evaluasi"}


def _forms(pages: list[str]) -> list[tuple[str | None, str, int]]:
    """(owner, form, page index) of each page: a page without a title continues the form before it."""
    out, form = [], "?"
    for i, page in enumerate(pages):
        for title, name in _TITLES.items():
            if re.search(rf"^\s*{title}\s*$", page, re.M):
                form = name
                break
        out.append((_owner(page), form, i))
    return out


def test_pages_per_pegawai_within_the_bounds(printed):
    """Issue 21: SKP at most 2 pages, one page per period, the Dokumen Evaluasi 1, on A4 and F4."""
    data, pages, _, paper = printed
    counts: dict[tuple, int] = {}
    for owner, form, _ in _forms(pages):
        counts[(owner, form)] = counts.get((owner, form), 0) + 1
    n = data.plan.jenis_periode.jumlah
    for sp in data.plan.sheets:
        nip = sp.pegawai.nip
        assert 1 <= counts.get((nip, "skp"), 0) <= 2, (paper, sp.name, counts)
        assert counts.get((nip, "evaluasi")) == n, (paper, sp.name, counts)
        assert counts.get((nip, "dokumen")) == 1, (paper, sp.name, counts)
    assert {owner for owner, _, _ in _forms(pages)} == {sp.pegawai.nip for sp in data.plan.sheets}


def test_no_two_words_overlap(printed):
    """Issue 21: text never runs over its row into another's (it did: wrapped RHK and indikator over the
    next row and the header)."""
    _, _, boxes, paper = printed
    for k, words in enumerate(boxes):
        words = sorted(words, key=lambda w: w[2])
        for i, (t1, x0, y0, x1, y1) in enumerate(words):
            for t2, u0, v0, u1, v1 in words[i + 1:]:
                if v0 >= y1 - 0.5:
                    break
                overlap_x = min(x1, u1) - max(x0, u0)
                overlap_y = min(y1, v1) - max(y0, v0)
                # the lines of one cell touch by a fraction of a point (their glyph boxes); text run over
                # another row's covers a good part of a line
                assert overlap_x <= 0.5 or overlap_y <= 0.25 * min(y1 - y0, v1 - v0), (paper, k, t1, t2)


def test_dokumen_evaluasi_is_one_page_with_the_year_and_the_signatories(printed):
    """The Dokumen Evaluasi: PERIODE: AKHIR, the pegawai's own PERIODE PENILAIAN (from their TMT jabatan when
    it falls in the year, RULES.md section 10), sections 1-5, tempat and 31 December, the three signatories."""
    from skpkit.generator.layout import labels
    from skpkit.rules.tampil import mulai_teks

    data, pages, _, _ = printed
    for sp in data.plan.sheets:
        mine = [p for p in pages if _owner(p) == sp.pegawai.nip and "DOKUMEN EVALUASI KINERJA PEGAWAI" in p]
        assert len(mine) == 1, sp.name
        page = mine[0]
        start = mulai_teks(sp.pegawai.tmt_jabatan if sp.pegawai.is_fungsional else None, 2027,
                           labels()["cetak"]["bulan"])
        assert "PERIODE: AKHIR" in page and f"PERIODE PENILAIAN: {start} SD 31 DESEMBER 2027" in page
        for section in ("1. PEGAWAI YANG DINILAI", "2. PEJABAT PENILAI KINERJA", "4. EVALUASI KINERJA",
                        "5. CATATAN / REKOMENDASI"):
            assert section in page
        assert "Sukamaju, 31 Desember 2027" in page
        g = data.geometry
        predikat = data.grids[sp.name](g.evaluasi_row("predikat"), g.value_col(None))
        assert predikat and predikat in page
        for who in (sp.pegawai.nama, sp.pegawai.nip, sp.penilai.nama, sp.penilai.nip):
            assert who in page, (sp.name, who)
        if sp.atasan_penilai.nip:
            assert sp.atasan_penilai.nama in page and sp.atasan_penilai.nip in page


def test_the_skp_period_starts_on_the_pegawais_own_first_day(printed):
    """RULES.md section 10: the SKP's PERIODE PENILAIAN begins on the TMT jabatan when it falls in the year
    (the demo has two fungsional appointed in May), else on 1 January."""
    from skpkit.generator.layout import labels
    from skpkit.rules.tampil import mulai_teks

    data, pages, _, _ = printed
    starts = []
    for sp in data.plan.sheets:
        start = mulai_teks(sp.pegawai.tmt_jabatan if sp.pegawai.is_fungsional else None, 2027,
                           labels()["cetak"]["bulan"])
        starts.append(start)
        skp = [p for o, f, i in _forms(pages) if o == sp.pegawai.nip and f == "skp" for p in [pages[i]]]
        assert any(f"PERIODE PENILAIAN: {start} SD 31 DESEMBER 2027" in p for p in skp), (sp.name, start)
    assert {"1 MEI 2027", "15 MEI 2027"} <= set(starts)


def test_a_period_before_the_tmt_prints_tidak_dinilai(printed):
    """RULES.md section 8: a period that ends before the pegawai's TMT jabatan has no rating, predikat or AK;
    its EVALUASI says "tidak dinilai" (the demo's two fungsional appointed in May: the first quarter)."""
    from skpkit.rules import ak

    data, pages, _, _ = printed
    ends = {1: dt.date(2027, 3, 31), 2: dt.date(2027, 6, 30), 3: dt.date(2027, 9, 30), 4: dt.date(2027, 12, 31)}
    seen = 0
    for sp in data.plan.sheets:
        tmt = ak.tanggal(sp.pegawai.tmt_jabatan) if sp.pegawai.is_fungsional else None
        evaluasi = [pages[i] for o, f, i in _forms(pages) if o == sp.pegawai.nip and f == "evaluasi"]
        for p, page in enumerate(evaluasi, start=1):
            outside = tmt is not None and tmt > ends[p]
            seen += outside
            assert ("TIDAK DINILAI" in page) == outside, (sp.name, p)
            if outside:
                rows = re.findall(r"PREDIKAT KINERJA PEGAWAI\s+(\S+ \S+)", page)
                assert rows == ["tidak dinilai"], (sp.name, p, rows)
    assert seen == 2


def _numbers(text: str) -> set[float]:
    """Every number of a page, read with either locale's separators (LibreOffice prints its own)."""
    out = set()
    for token in re.findall(r"\d[\d.,]*", text):
        token = token.rstrip(".,")
        for group, dec in ((",", "."), (".", ",")):
            try:
                out.add(round(float(token.replace(group, "").replace(dec, ".")), 2))
            except ValueError:
                pass
    return out


def _shown(x: float, numbers: set[float]) -> bool:
    """``x`` printed to two decimals: a half rounded either way (LibreOffice rounds 2.175 to 2.17, Excel
    to 2.18)."""
    return any(abs(x - n) <= 0.005 + 1e-9 for n in numbers)


def test_each_period_page_holds_what_its_capaian_used(printed):
    """Issue 21: each EVALUASI page holds every used indikator with the target and the realisasi its capaian
    was computed from (the period's target, the realisasi to date), the perilaku section, the pola
    distribusi, tempat and the period's last day; no empty slot prints."""
    from skpkit.rules import masa
    from skpkit.rules.agregasi import realisasi_periode, target_periode

    data, pages, _, paper = printed
    jenis = data.plan.jenis_periode
    last_day = {1: "31 Maret 2027", 2: "30 Juni 2027", 3: "30 September 2027", 4: "31 Desember 2027"}
    for sp in data.plan.sheets:
        for p in range(1, jenis.jumlah + 1):
            name = jenis.nama(p).upper()
            mine = [x for x in pages if _owner(x) == sp.pegawai.nip and "EVALUASI KINERJA PEGAWAI" in x
                    and "DOKUMEN" not in x and re.search(rf"PERIODE: {name}(-AKHIR)? 2027", x)]
            assert len(mine) == 1, (sp.name, p)
            flat = re.sub(r"\s+", " ", mine[0])
            numbers = _numbers(flat)
            for heading in ("PERILAKU KERJA", "Berorientasi Pelayanan", "Kolaboratif", "RATING PERILAKU KERJA",
                            "POLA DISTRIBUSI", "RATING HASIL KERJA", "PREDIKAT KINERJA PEGAWAI"):
                assert heading in flat, (sp.name, p, heading)
            assert f"Sukamaju, {last_day[p]}" in flat
            used = 0
            for slot in sp.slots:
                texts = [sp.indikator_value(ind, "indikator") for ind in slot.indikator]
                used += any(texts)
                for ind, teks in zip(slot.indikator, texts):
                    if not teks:
                        continue
                    assert str(teks).split()[0] in flat
                    ag = sp.indikator_value(ind, "agregasi")
                    first = masa.awal(jenis.jumlah, 2027, masa.mulai(sp.pegawai.tmt_jabatan, sp.pegawai.tmt_masuk))
                    lo = target_periode(sp.indikator_value(ind, "target_min"), ag, p, jenis.jumlah, first)
                    assert _shown(lo, numbers), (paper, sp.name, p, teks, lo)
                    values = [sp.isian.get(ind.id, "realisasi", q) for q in range(1, p + 1)]
                    real = realisasi_periode(values, ag, p)
                    if real is not None:
                        assert _shown(real, numbers), (paper, sp.name, p, teks, real)
            table = mine[0].split("A. UTAMA")[1].split("RATING HASIL KERJA")[0]
            rows = re.findall(r"^\s{0,8}(\d)\s+\S", table, re.M)
            assert len(rows) == used, (paper, sp.name, p, rows)  # no empty slot blocks


def test_no_internal_id_on_any_page(printed):
    _, pages, _, _ = printed
    assert not [m for p in pages for m in re.findall(r"\b[RI]-[0-9a-f]{6,}", p)]


def test_form_rows_fit_their_pages():
    cg = CetakGeometry(8, 3, 4, 6)
    forms = cg.forms()
    assert list(forms) == ["skp", "evaluasi-1", "evaluasi-2", "evaluasi-3", "evaluasi-4", "dokumen"]
    spans = sorted(forms.values())
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:]))


def _pages(pdf) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", out)[1])


def test_skp_print_chooses_forms_and_names_a_missing_program(tmp_path, monkeypatch, demo_session):
    from click.testing import CliRunner
    from skpkit.generator.commands.cli import main

    require_libreoffice()
    _pdftotext()
    unit = next((demo_session[0] / "terisi").glob("*pimpinan*.xlsx"))  # one pegawai: the whole unit is the fixture's
    n = len(read_workbook(unit).plan.sheets)
    run = CliRunner().invoke
    assert run(main, ["print", str(unit), "--per", "unit", "--out", str(tmp_path / "all")]).exit_code == 0
    assert _pages(next((tmp_path / "all").glob("*.pdf"))) == 7 * n  # SKP 2, four periods, Dokumen Evaluasi 1
    assert run(main, ["print", str(unit), "--periode", "2", "--per", "unit", "--out", str(tmp_path / "p2")]).exit_code == 0
    assert _pages(next((tmp_path / "p2").glob("*.pdf"))) == n
    one = CliRunner().invoke(main, ["print", str(unit), "--periode", "tahunan", "--out", str(tmp_path / "d")])
    assert one.exit_code == 0
    assert {_pages(p) for p in (tmp_path / "d").glob("*.pdf")} == {1} and len(list((tmp_path / "d").glob("*.pdf"))) == n
    monkeypatch.setattr(shutil, "which", lambda name: None)
    result = run(main, ["print", str(unit), "--out", str(tmp_path / "x")])
    assert result.exit_code == 1 and "LibreOffice (soffice) tidak ditemukan" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_workbook_without_print_sheets_is_named():
    from pathlib import Path

    from skpkit.generator.commands.cetak import print_pdf
    from skpkit.generator.errors import UserError

    require_libreoffice()
    v1 = Path(__file__).parent / "fixtures" / "layout_v1" / "SKP-2027-sekretariat.xlsx"
    with pytest.raises(UserError, match="belum punya sheet Cetak"):
        print_pdf([v1], Path("/tmp/unused-skp-print"))


def test_the_printed_rekap_is_readable(tmp_path, demo_session):
    """Issue 21: landscape, at least 8 pt, the columns over several pages with the NIP and the name on each
    (it was every column on one page, text about 3.5 pt)."""
    from lxml import etree

    from skpkit.generator.commands.cetak import print_pdf
    from skpkit.generator.commands.consolidate import consolidate

    require_libreoffice()
    exe = _pdftotext()
    consolidate([demo_session[0] / "terisi"], tmp_path / "rekap.xlsx", progress=False)
    (pdf,) = print_pdf([tmp_path / "rekap.xlsx"], tmp_path / "pdf").written
    subprocess.run([exe, "-bbox", str(pdf), str(tmp_path / "box.html")], check=True)
    root = etree.parse(str(tmp_path / "box.html"), etree.HTMLParser())
    pages = root.iter("page")
    nips = {sp.pegawai.nip for f in (demo_session[0] / "terisi").glob("*.xlsx")
            for sp in read_workbook(f).plan.sheets}
    with_data = 0
    for page in pages:
        assert float(page.get("width")) > float(page.get("height"))  # landscape
        words = [(w.text or "", float(w.get("ymax")) - float(w.get("ymin"))) for w in page.iter("word")]
        assert min(h for _, h in words) >= 8, min(words, key=lambda w: w[1])
        texts = {t for t, _ in words}
        if texts & nips:  # a page of the pegawai table: every band of columns keeps who each row is
            with_data += 1
            assert "NIP" in texts and "Nama" in texts
    assert with_data >= 2  # the columns did not fit one page: they ran over, NIP and name repeated


def _page_size(pdf) -> tuple[float, float]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    w, h = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", out).groups()
    return float(w), float(h)


#: A4 and F4 (Folio, 8.5 x 13 in) in points, portrait
A4, F4 = (595.3, 841.9), (612.0, 936.0)


def test_forms_print_on_the_paper_pengaturan_or_skp_print_chooses(tmp_path, demo_session):
    """Issue 21 item 3: A4 or F4, chosen in Pengaturan (Kertas) and by ``skp print --kertas``; every form fits
    the chosen paper (the Dokumen Evaluasi stays one page a pegawai on either)."""
    import edits
    from click.testing import CliRunner

    from skpkit.generator.commands.cli import main

    require_libreoffice()
    _pdftotext()
    unit = next((demo_session[0] / "terisi").glob("*pimpinan*.xlsx"))  # one pegawai: five prints stay quick
    n = len(read_workbook(unit).plan.sheets)

    def printed(path, *extra):
        out = tmp_path / f"pdf-{len(list(tmp_path.iterdir()))}"
        result = CliRunner().invoke(main, ["print", str(path), "--periode", "tahunan", "--per", "unit", *extra,
                                           "--out", str(out)])
        assert result.exit_code == 0, result.output
        (pdf,) = out.glob("*.pdf")
        return _page_size(pdf), _pages(pdf)

    def near(size, paper):
        return all(abs(a - b) < 2 for a, b in zip(size, paper))

    size, pages = printed(unit)
    assert near(size, A4) and pages == n
    size, pages = printed(unit, "--kertas", "f4")
    assert near(size, F4) and pages == n
    wb = edits.load(unit)
    sheet, ref = next(iter(wb.defined_names["Kertas"].destinations))
    wb[sheet][ref.replace("$", "")] = "F4"
    (tmp_path / "f4").mkdir()
    wb.save(tmp_path / "f4" / unit.name)
    size, pages = printed(tmp_path / "f4" / unit.name)
    assert near(size, F4) and pages == n
    assert read_workbook(tmp_path / "f4" / unit.name).plan.settings.kertas == "F4"
    size, _ = printed(tmp_path / "f4" / unit.name, "--kertas", "A4")
    assert near(size, A4)


def test_a_workbook_issued_for_f4_prints_f4_from_excel_too(tmp_path):
    """The page setup of every sheet carries the paper (Excel and WPS print from it without skp print)."""
    import dataclasses
    import zipfile

    from skpkit.generator.layout import plans_for
    from skpkit.generator.read.package import open_source
    from skpkit.generator.write.workbook import write_workbook
    from skpkit.issuing import Roster
    from synthetic import roster

    stem, plan = next(iter(plans_for(Roster(roster(3, unit_size=3)), tahun=2027, instansi="x")))
    plan.settings = dataclasses.replace(plan.settings, kertas="F4")
    write_workbook(plan, tmp_path / "a.xlsx")
    package = open_source(tmp_path / "a.xlsx")
    with zipfile.ZipFile(tmp_path / "a.xlsx") as z:
        for name, part in package.parts.items():
            if not name.startswith("_"):
                assert b'paperSize="14"' in z.read(part), name
    assert read_workbook(tmp_path / "a.xlsx").plan.settings.kertas == "F4"


def test_a_workbook_of_layout_3_prints_its_own_forms(tmp_path):
    """A workbook issued before the forms of issue 21 (layout version 3) prints by its own rows: the Dokumen
    Evaluasi on one page, with its title (not a slice of the new rows)."""
    from pathlib import Path

    from skpkit.generator.commands.cetak import print_pdf

    require_libreoffice()
    exe = _pdftotext()
    v3 = Path(__file__).parent / "fixtures" / "layout_v3" / "SKP-2027-pimpinan-dinas.xlsx"
    assert read_workbook(v3).geometry.layout["version"] == 3
    (pdf,) = print_pdf([v3], tmp_path, form="dokumen", per="unit").written
    assert _pages(pdf) == 1
    text = subprocess.run([exe, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "DOKUMEN EVALUASI KINERJA PEGAWAI" in text and "PERIODE: TAHUNAN" in text


@pytest.mark.parametrize("typed, shown", [("Luar biasa", ""), ("  baik ", "Baik kelompok terbesar")])
def test_a_predikat_organisasi_typed_past_the_list_still_writes_the_forms(tmp_path, typed, shown):
    """A value of Pengaturan's predikat organisasi the list does not know (a re-issued workbook keeps what was
    typed) leaves the pola distribusi blank instead of stopping the writer; another spelling of a known one
    (case, spaces) gives its pola."""
    from python_calamine import CalamineWorkbook
    from synthetic import roster

    from skpkit.generator.layout import plans_for
    from skpkit.generator.layout.cetak import cetak_names
    from skpkit.generator.write.workbook import write_workbook
    from skpkit.issuing import Roster

    (stem, plan), *_ = plans_for(Roster(roster(5, unit_size=5, seed=1)), tahun=2027, instansi="x")
    for unit in plan.units:
        plan.organisasi[(unit, 1)] = typed
    write_workbook(plan, tmp_path / "u.xlsx")
    sheet = cetak_names([plan.sheets[-1].name], labels()["sheets"])[plan.sheets[-1].name]
    rows = CalamineWorkbook.from_path(str(tmp_path / "u.xlsx")).get_sheet_by_name(sheet).to_python()
    pola = CetakGeometry(8, 3, 4, 6).evaluasi_parts(1)["head"] + 1
    assert rows[pola][0] == labels()["cetak"]["evaluasi_rows"]["pola"]
    assert rows[pola][4].startswith(shown)
