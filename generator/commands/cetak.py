"""``skp print``: PDFs of the official forms through LibreOffice headless.

For each workbook a copy is made in a temporary folder where only the chosen print sheets (``Cetak
<nama>``) are visible and each one's print area is the chosen form (SKP, EVALUASI of a period, DOKUMEN
EVALUASI); LibreOffice recalculates it on load and writes the PDF. A rekap workbook (``skp
consolidate``) is printed as it is (landscape, fitted to the width, header row repeated).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from skpkit.generator.layout import a1, labels, quote_sheet
from skpkit.generator.problems import Masalah, UserError
from skpkit.generator.read.registry import get_reader, sheet_names
from skpkit.generator.write.sheets.cetak import CetakGeometry
from skpkit.generator.write.sheets.names import cetak_names

__all__ = ["FORMS", "PrintResult", "print_pdf", "soffice"]

FORMS = ("skp", "evaluasi", "dokumen")
#: LibreOffice recalculates .xlsx files on load with this profile setting (the forms are live formulas)
_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


@dataclass
class PrintResult:
    written: list[Path] = field(default_factory=list)


def soffice() -> str:
    """The LibreOffice program, or a one-line error naming it."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise UserError(Masalah("", what="LibreOffice (soffice) tidak ditemukan: skp print membuat PDF dengannya",
                                todo="pasang LibreOffice (Debian/Ubuntu: apt-get install libreoffice-calc-nogui; "
                                     "Windows: libreoffice.org), atau cetak sheet 'Cetak ...' dari Excel"))
    return exe


def _rows(cg: CetakGeometry, form: str | None, periode: int | None) -> tuple[int, int]:
    forms = cg.forms()
    if form is None:
        return 0, cg.dokumen_end
    if form == "evaluasi" and periode is not None:
        return forms[f"evaluasi-{periode}"]
    if form == "evaluasi":
        return forms["evaluasi-1"][0], forms[f"evaluasi-{cg.n_periode}"][1]
    return forms[form]


def _copy_with(src: Path, dst: Path, visible: set[str], areas: dict[str, str]) -> None:
    """``src`` with only ``visible`` sheets shown and ``areas`` (sheet -> A1 range) as their print areas."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/workbook.xml":
                data = _workbook_xml(data.decode("utf-8"), visible, areas).encode("utf-8")
            zout.writestr(info, data)


def _workbook_xml(xml: str, visible: set[str], areas: dict[str, str]) -> str:
    names = re.findall(r'<sheet\b[^>]*\bname="([^"]*)"', xml)
    unescape = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}

    def plain(n: str) -> str:
        for k, v in unescape.items():
            n = n.replace(k, v)
        return n

    def sheet(m: re.Match) -> str:
        tag = re.sub(r'\s+state="[^"]*"', "", m.group(0))
        if plain(re.search(r'\bname="([^"]*)"', tag)[1]) not in visible:
            tag = tag.replace("<sheet ", '<sheet state="hidden" ', 1)
        return tag

    xml = re.sub(r"<sheet\b[^>]*/>", sheet, xml)
    first = next(i for i, n in enumerate(names) if plain(n) in visible)
    xml = re.sub(r'\bactiveTab="\d+"', f'activeTab="{first}"', xml)
    if "activeTab=" not in xml:
        xml = xml.replace("<workbookView ", f'<workbookView activeTab="{first}" ', 1)
    xml = re.sub(r'\bfirstSheet="\d+"', f'firstSheet="{first}"', xml)
    xml = re.sub(r'<definedName name="_xlnm.Print_Area" localSheetId="\d+"[^>]*>[^<]*</definedName>', "", xml)
    new = "".join(f'<definedName name="_xlnm.Print_Area" localSheetId="{names.index(_xml_name(n))}">'
                  f"{_xml_text(quote_sheet(n))}{rng}</definedName>" for n, rng in areas.items())
    if "<definedNames>" in xml:
        return xml.replace("<definedNames>", "<definedNames>" + new, 1)
    return xml.replace("</sheets>", "</sheets><definedNames>" + new + "</definedNames>", 1)


def _xml_text(t: str) -> str:
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xml_name(t: str) -> str:
    return _xml_text(t).replace('"', "&quot;")


def print_pdf(files: Sequence[Path], out: Path, *, form: str | None = None, periode: int | None = None,
              per: str = "pegawai") -> PrintResult:
    """PDFs of ``files`` in ``out``: per pegawai (``<file>-<sheet>.pdf``) or per unit (``<file>.pdf``);
    ``form`` one of :data:`FORMS` (default all), ``periode`` a period of the EVALUASI form."""
    exe = soffice()
    out.mkdir(parents=True, exist_ok=True)
    result = PrintResult()
    names = labels()["sheets"]
    with tempfile.TemporaryDirectory(prefix="skp-print-") as tmp:
        work = Path(tmp)
        jobs: list[tuple[Path, Path]] = []
        for f in map(Path, files):
            if get_reader("skp").detect(f):
                data = get_reader("skp").read(f)
                g = data.geometry
                if periode is not None and not 1 <= periode <= g.n_periode:
                    raise UserError(Masalah(str(f), what=f"periode {periode} di luar 1-{g.n_periode}"))
                cg = CetakGeometry(g.n_slots, g.k, g.n_periode)
                r0, r1 = _rows(cg, form, periode)
                sheets = list(cetak_names([sp.name for sp in data.plan.sheets], names).values())
                have = set(sheet_names(f))
                if not sheets or not set(sheets) <= have:
                    raise UserError(Masalah(str(f), what="berkas ini belum punya sheet Cetak (tata letak versi "
                                            f"{g.layout.get('version')}) atau sheet Cetak diganti nama",
                                            todo="terbitkan ulang dengan skp refresh, lalu skp print"))
                area = f"{a1(r0, 0, True)}:{a1(r1, 7, True)}"
                groups = [[s] for s in sheets] if per == "pegawai" else [sheets]
                for k, group in enumerate(groups):
                    stem = f.stem if per == "unit" else f"{f.stem}-{k + 1:02d}-{_safe(group[0])}"
                    copy = work / f"{stem}.xlsx"
                    _copy_with(f, copy, set(group), {s: area for s in group})
                    jobs.append((copy, out / f"{stem}.pdf"))
            else:  # a rekap or any other workbook: as it prints
                copy = work / f"{f.stem}.xlsx"
                shutil.copy2(f, copy)
                jobs.append((copy, out / f"{f.stem}.pdf"))
        profile = work / "profile" / "user"
        profile.mkdir(parents=True)
        (profile / "registrymodifications.xcu").write_text(_XCU)
        pdfdir = work / "pdf"
        cmd = [exe, f"-env:UserInstallation=file://{profile.parent}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(pdfdir), *[str(c) for c, _ in jobs]]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
        for copy, target in jobs:
            made = pdfdir / (copy.stem + ".pdf")
            if not made.exists():
                raise UserError(Masalah(str(copy.name), what=f"LibreOffice tidak membuat PDF ({proc.stderr.strip()[:200]})",
                                        todo="buka berkasnya di LibreOffice untuk melihat masalahnya"))
            shutil.move(str(made), target)
            result.written.append(target)
    return result


def _safe(name: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "-", name).strip("-")
