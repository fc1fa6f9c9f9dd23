"""The printed forms (issue 12): a filled unit workbook converted to PDF by LibreOffice prints at most 8 pages
per pegawai (triwulanan), each Dokumen Evaluasi on one page with the year's predikat and the three
signatories, each period page with every indikator, its target and realisasi, and no internal id."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from skpkit.generator.read.workbook import read_workbook
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


@pytest.fixture(scope="module")
def printed(tmp_path_factory, demo_full_session):
    exe = require_libreoffice()
    text = _pdftotext()
    out = tmp_path_factory.mktemp("cetak")
    unit = next((demo_full_session / "terisi").glob("*aplikasi*.xlsx"))
    profile = out / "profile"  # its own LibreOffice profile: tests may run side by side
    subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to",
                    "pdf", "--outdir", str(out / "pdf"), str(unit)], capture_output=True, timeout=600, check=True)
    pdf = out / "pdf" / (unit.stem + ".pdf")
    subprocess.run([text, "-layout", str(pdf), str(out / "out.txt")], check=True)
    pages = (out / "out.txt").read_text(encoding="utf-8").split("\f")
    return read_workbook(unit), pages


def _owner(page: str) -> str | None:
    m = re.search(r"Pegawai: .+? \(NIP (\d{18})\)", page)
    return m[1] if m else None


def test_pages_per_pegawai_within_the_bounds(printed):
    data, pages = printed
    per = {sp.pegawai.nip: 0 for sp in data.plan.sheets}
    for page in pages:
        if _owner(page) in per:
            per[_owner(page)] += 1
    assert len(per) >= 8 and all(1 <= n <= 8 for n in per.values()), per
    assert len(pages) < 10 * len(per)  # was about 30 a pegawai


def test_dokumen_evaluasi_is_one_page_with_the_year_and_the_signatories(printed):
    data, pages = printed
    for sp in data.plan.sheets:
        mine = [p for p in pages if _owner(p) == sp.pegawai.nip and "DOKUMEN EVALUASI KINERJA PEGAWAI" in p]
        assert len(mine) == 1, sp.name
        page = mine[0]
        g = data.geometry
        predikat = data.grids[sp.name](g.evaluasi_row("predikat"), g.value_col(None))
        assert predikat and predikat in page
        for who in (sp.pegawai.nama, sp.pegawai.nip, sp.penilai.nama, sp.penilai.nip):
            assert who in page, (sp.name, who)
        if sp.atasan_penilai.nip:
            assert sp.atasan_penilai.nama in page and sp.atasan_penilai.nip in page


def test_each_period_page_holds_every_indikator_with_target_and_realisasi(printed):
    data, pages = printed
    for sp in data.plan.sheets:
        for p in range(1, data.plan.jenis_periode.jumlah + 1):
            name = data.plan.jenis_periode.nama(p).upper()
            mine = [x for x in pages if _owner(x) == sp.pegawai.nip and "EVALUASI KINERJA PEGAWAI" in x
                    and "DOKUMEN" not in x and re.search(rf"PERIODE: {name}(-AKHIR)? 2027", x)]
            assert len(mine) == 1, (sp.name, p)
            flat = re.sub(r"\s+", " ", mine[0])
            for slot in sp.slots:
                for ind in slot.indikator:
                    teks = sp.indikator_value(ind, "indikator")
                    if not teks:
                        continue
                    assert str(teks).split()[0] in flat
                    lo = sp.indikator_value(ind, "target_min")
                    assert f"{lo:g}" in flat, (sp.name, p, teks)
                    real = sp.isian.get(ind.id, "realisasi", p)
                    if isinstance(real, (int, float)):
                        assert f"{real:g}" in flat, (sp.name, p, teks, real)


def test_no_internal_id_on_any_page(printed):
    _, pages = printed
    assert not [m for p in pages for m in re.findall(r"\b[RI]-[0-9a-f]{6,}", p)]


def test_form_rows_fit_their_pages():
    cg = CetakGeometry(8, 3, 4)
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
    unit = next((demo_session[0] / "terisi").glob("*statistik*.xlsx"))
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
