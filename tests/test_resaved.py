"""Workbooks as other programs save them (issue 19): re-saved by LibreOffice, by openpyxl, with the
workbook part's attributes shuffled and its namespace prefixed, and in the strict conformance class. Every
verb reads each as the original (the same rekap, the same findings) or names it in one line; each input
file is opened at most twice per verb; ``skp print --form dokumen`` of a LibreOffice-saved unit workbook
gives one page per pegawai."""

from __future__ import annotations

import builtins
import io
import random
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from python_calamine import CalamineWorkbook

import edits
import skpkit
from libreoffice import require_libreoffice

TRANSITIONAL = {
    b"http://schemas.openxmlformats.org/spreadsheetml/2006/main": b"http://purl.oclc.org/ooxml/spreadsheetml/main",
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
    b"http://schemas.openxmlformats.org/drawingml/2006/main": b"http://purl.oclc.org/ooxml/drawingml/main",
}


def _rewrite(src: Path, dst: Path, edit) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info, edit(info.filename, data))
    return dst


def strict(src: Path, dst: Path) -> Path:
    """``src`` in the strict conformance class (Excel's "Strict Open XML Spreadsheet"): every part in the
    strict namespaces, the relationship types too."""
    def edit(name: str, data: bytes) -> bytes:
        if not name.endswith((".xml", ".rels")):
            return data
        for a, b in TRANSITIONAL.items():
            data = data.replace(a, b)
        return data.replace(b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
                            b"http://purl.oclc.org/ooxml/officeDocument/relationships/")
    return _rewrite(src, dst, edit)


def shuffled(src: Path, dst: Path, seed: int = 1) -> Path:
    """``src`` with ``xl/workbook.xml`` re-serialised: every element's attributes in a random order and the
    main namespace under a prefix (``x:sheet``), as some programs write it."""
    rnd = random.Random(seed)
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    def edit(name: str, data: bytes) -> bytes:
        if name != "xl/workbook.xml":
            return data
        root = etree.fromstring(data)
        nsmap = {k: v for k, v in root.nsmap.items() if k is not None}
        nsmap["x"] = main
        out = etree.Element(f"{{{main}}}workbook", nsmap=nsmap)

        def copy(src_el, dst_parent):
            items = list(src_el.attrib.items())
            rnd.shuffle(items)
            el = etree.SubElement(dst_parent, src_el.tag) if dst_parent is not None else out
            for k, v in items:
                el.set(k, v)
            el.text = src_el.text
            for child in src_el:
                copy(child, el)
        for child in root:
            copy(child, out)
        return etree.tostring(out, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _rewrite(src, dst, edit)


def by_openpyxl(src: Path, dst: Path) -> Path:
    """``src`` loaded and saved by openpyxl (formulas kept, their stored results dropped)."""
    wb = edits.load(src)
    wb.save(dst)
    return dst


def by_libreoffice(files: list[Path], outdir: Path) -> list[Path]:
    """``files`` opened and saved again as .xlsx by LibreOffice, as a user of it would (no recalculation)."""
    exe = require_libreoffice()
    profile = outdir / "profile"
    subprocess.run([exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir), *map(str, files)],
                   capture_output=True, timeout=600, check=True)
    return [outdir / f.name for f in files]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, demo_session):
    """(name, folder of the demo's filled unit workbooks saved that way, manifest) for every way."""
    demo, _ = demo_session
    # two units of the demo: the head of the dinas alone, and a bidang of eight pegawai
    src = [demo / "terisi" / "SKP-2027-pimpinan-dinas.xlsx",
           demo / "terisi" / "SKP-2027-bidang-informasi-dan-komunikasi-publik.xlsx"]
    root = tmp_path_factory.mktemp("resaved")
    out = {}
    for name, make in (("asli", lambda f, d: shutil.copy2(f, d) and d), ("strict", strict), ("acak", shuffled),
                       ("openpyxl", by_openpyxl)):
        folder = root / name
        folder.mkdir()
        for f in src:
            make(f, folder / f.name)
        out[name] = folder
    lo = root / "libreoffice"
    lo.mkdir()
    by_libreoffice(src, lo)
    out["libreoffice"] = lo
    return out, demo / "terisi" / "manifest.json", demo / "atasan" / "SKP-2027-sekretariat-daerah.xlsx"


def _rows(path: Path) -> list[tuple]:
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Rekap Pegawai").to_python()
    head = sheet[0]
    keep = [head.index(k) for k in ("NIP", "Periode", "Rating Hasil Kerja", "Rating Perilaku Kerja",
                                    "Predikat Kinerja", "Angka Kredit")]
    return sorted(tuple(r[i] for i in keep) for r in sheet[1:])


def _findings(path: Path, manifest: Path) -> list[tuple[str, str, str]]:
    return sorted((m.sheet, m.cell, m.what) for t in skpkit.check([path], manifest=manifest) for m in t.problems)


@pytest.mark.parametrize("way", ["strict", "acak", "openpyxl", "libreoffice"])
def test_every_verb_reads_a_resaved_workbook_as_the_original(corpus, tmp_path, way):
    folders, manifest, atasan = corpus
    want = skpkit.consolidate([folders["asli"]], tmp_path / "asli.xlsx")
    got = skpkit.consolidate([folders[way]], tmp_path / f"{way}.xlsx")
    assert (got.files_read, got.pegawai) == (want.files_read, want.pegawai)
    assert _rows(tmp_path / f"{way}.xlsx") == _rows(tmp_path / "asli.xlsx")
    for f in sorted(folders[way].glob("SKP-*.xlsx")):
        assert _findings(f, manifest) == _findings(folders["asli"] / f.name, manifest), (way, f.name)
    # refresh and tetapkan carry every value of the re-saved file
    work = tmp_path / "kerja"
    shutil.copytree(folders[way], work, ignore=shutil.ignore_patterns("profile"))
    files = sorted(work.glob("SKP-*.xlsx"))
    before = {sp.pegawai.nip: dict(sp.isian.items()) for f in files for sp in skpkit.read_workbook(f).plan.sheets}
    result = skpkit.refresh(files, atasan, out=tmp_path / "baru")
    after = {sp.pegawai.nip: dict(sp.isian.items()) for f in result.written
             for sp in skpkit.read_workbook(f).plan.sheets}
    lost = [(nip, k) for nip, e in before.items() for k, v in e.items()
            if k[0] not in ("rhk", "intervensi") and after[nip].get(k) != v]
    assert lost == []
    fixed = skpkit.tetapkan(files[:1], backup=False)
    assert fixed.written == files[:1]


class _Opens:
    """Counts the opens of each file, by Python and by python-calamine."""

    def __init__(self, monkeypatch):
        self.count: dict[str, int] = {}
        real_open = builtins.open
        real_io_open = io.open
        from python_calamine import CalamineWorkbook as CW

        real_from_path = CW.from_path.__func__ if hasattr(CW.from_path, "__func__") else None

        def counted(opener):
            def run(file, *args, **kwargs):
                if isinstance(file, (str, Path)):
                    key = str(Path(file).resolve())
                    self.count[key] = self.count.get(key, 0) + 1
                return opener(file, *args, **kwargs)
            return run

        monkeypatch.setattr(builtins, "open", counted(real_open))
        monkeypatch.setattr(io, "open", counted(real_io_open))
        import python_calamine

        def from_path(path, *args, **kwargs):
            key = str(Path(path).resolve())
            self.count[key] = self.count.get(key, 0) + 1
            return python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(Path(path).read_bytes()))
        monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", staticmethod(from_path))
        monkeypatch.setattr(python_calamine, "load_workbook", from_path)
        assert real_from_path is None or callable(real_from_path)

    def of(self, path: Path) -> int:
        return self.count.get(str(path.resolve()), 0)


def test_each_input_is_opened_at_most_twice_per_verb(corpus, tmp_path, monkeypatch):
    folders, manifest, atasan = corpus
    work = tmp_path / "kerja"
    shutil.copytree(folders["libreoffice"], work, ignore=shutil.ignore_patterns("profile"))
    files = sorted(work.glob("SKP-*.xlsx"))
    verbs = {
        "check": lambda: skpkit.check(files, manifest=manifest),
        "consolidate": lambda: skpkit.consolidate(files, tmp_path / "rekap.xlsx", manifest=manifest),
        "refresh": lambda: skpkit.refresh(files, atasan, out=tmp_path / "baru"),
        "tetapkan": lambda: skpkit.tetapkan(files, backup=False),
    }
    for verb, run in verbs.items():
        opens = _Opens(monkeypatch)
        run()
        monkeypatch.undo()
        counts = {f.name: opens.of(f) for f in files}
        assert all(1 <= n <= 2 for n in counts.values()), (verb, counts)


def _pdf_pages(pdf: Path) -> list[str]:
    exe = shutil.which("pdftotext")
    if exe is None:
        from test_cetak import _pdftotext
        exe = _pdftotext()
    out = pdf.with_suffix(".txt")
    subprocess.run([exe, "-layout", str(pdf), str(out)], check=True)
    return [p for p in out.read_text(encoding="utf-8").split("\f") if p.strip()]


def test_print_dokumen_of_a_libreoffice_saved_unit_is_one_page_per_pegawai(corpus, tmp_path):
    folders, _, _ = corpus
    unit = next(folders["libreoffice"].glob("*informasi*.xlsx"))
    data = skpkit.read_workbook(unit)
    from skpkit.generator.commands.cetak import print_pdf

    result = print_pdf([unit], tmp_path / "pdf", form="dokumen")
    assert len(result.written) == len(data.plan.sheets)
    for pdf in result.written:
        pages = _pdf_pages(pdf)
        assert len(pages) == 1, (pdf.name, len(pages))
        assert "DOKUMEN EVALUASI KINERJA PEGAWAI" in pages[0]
        assert re.search(r"NIP \d{18}", pages[0])
