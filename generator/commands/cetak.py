"""``skp print``: PDFs of the official forms through LibreOffice headless.

For each workbook a copy is made in a temporary folder where only the chosen print sheets (``Cetak
<nama>``) are visible and each one's print area is the chosen form (SKP, EVALUASI of a period, DOKUMEN
EVALUASI); LibreOffice recalculates it on load and writes the PDF. A rekap workbook (``skp
consolidate``) is printed as it is (landscape at 9 pt, its columns over several pages with the header
row and the NIP and name repeated).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath  # noqa: F401 (the examples)
from typing import Sequence

from skpkit.generator.layout.cetak import CetakGeometry, cetak_names
from skpkit.generator.layout.cetak_v3 import CetakGeometryV3
from skpkit.generator.layout.fit import print_fit
from skpkit.generator.commands.cetak_ak import ak_jobs
from skpkit.generator.layout import PAPER_SIZES, a1, labels
from skpkit.generator.errors import Masalah, UserError
from skpkit.generator.read.package import Package, open_source
from skpkit.generator.read.registry import get_reader, is_ours
from skpkit.generator.rekap.checks import validate
from skpkit.generator.write.print_ranges import RowFit, print_copy
from skpkit.i18n import _
from skpkit.kertas import parse_kertas

__all__ = ["FORMS", "PrintResult", "print_pdf", "soffice"]

FORMS = ("skp", "evaluasi", "dokumen", "ak")
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
    #: what is wrong with the workbooks printed (the problems ``skp check`` names)
    problems: list[Masalah] = field(default_factory=list)


def profile_arg(folder: PurePath) -> str:
    """LibreOffice's option for a user profile in ``folder``, as a file URI on any system.

    Examples
    --------
    >>> profile_arg(PureWindowsPath(r"C:\\Users\\Sekretaris\\AppData\\Local\\Temp\\skp-print\\profile"))
    '-env:UserInstallation=file:///C:/Users/Sekretaris/AppData/Local/Temp/skp-print/profile'
    >>> profile_arg(PurePosixPath("/tmp/skp print/profile"))
    '-env:UserInstallation=file:///tmp/skp%20print/profile'
    """
    return f"-env:UserInstallation={folder.as_uri()}"


def _installed() -> list[Path]:
    """Where LibreOffice's installers put the program: Windows (both Program Files), macOS."""
    out = [Path(os.environ[var]) / "LibreOffice" / "program" / "soffice.exe"
           for var in ("PROGRAMFILES", "PROGRAMFILES(X86)", "PROGRAMW6432") if os.environ.get(var)]
    return out + [Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")]


def soffice() -> str:
    """The LibreOffice program: ``SKP_SOFFICE`` if set, else ``soffice`` (or ``libreoffice``) on PATH, else
    where its installer puts it; or a one-line error naming it."""
    chosen = os.environ.get("SKP_SOFFICE", "").strip()
    if chosen:
        if Path(chosen).is_file():
            return chosen
        raise UserError(Masalah(chosen, what=_("SKP_SOFFICE menunjuk berkas yang tidak ada"),
                                todo=_("isi SKP_SOFFICE dengan letak soffice.exe, atau hapus agar dicari "
                                       "sendiri")))
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        exe = next((str(p) for p in _installed() if p.is_file()), None)
    if exe is None:
        raise UserError(Masalah("", what=_("LibreOffice (soffice) tidak ditemukan: skp print membuat PDF "
                                           "dengannya"),
                                todo=_("pasang LibreOffice (libreoffice.org; Debian/Ubuntu: apt-get install "
                                       "libreoffice-calc-nogui), atau isi SKP_SOFFICE dengan letak soffice.exe, "
                                       "atau cetak sheet 'Cetak ...' dari Excel")))
    return exe


def _geometry(g) -> CetakGeometry | CetakGeometryV3:
    """Where the forms sit on the print sheets of a workbook of ``g``'s layout version."""
    if int(g.layout.get("version", 0)) < 4:
        return CetakGeometryV3(g.n_slots, g.k, g.n_periode, g.layout)
    return CetakGeometry(g.n_slots, g.k, g.n_periode, g.n_utama, g.layout)


def _rows(cg: CetakGeometry | CetakGeometryV3, form: str | None, periode: int | None) -> tuple[int, int]:
    forms = cg.forms()
    if form is None:
        return 0, cg.dokumen_end
    if form == "evaluasi" and periode is not None:
        return forms[f"evaluasi-{periode}"]
    if form == "evaluasi":
        return forms["evaluasi-1"][0], forms[f"evaluasi-{cg.n_periode}"][1]
    return forms[form]


def print_pdf(files: Sequence[Path], out: Path, *, form: str | None = None, periode: int | None = None,
              per: str = "pegawai", kertas: str | None = None, roster: Path | None = None) -> PrintResult:
    """PDFs of ``files`` in ``out``: per pegawai (``<file>-<sheet>.pdf``) or per unit (``<file>.pdf``);
    ``form`` one of :data:`FORMS` (default all), ``periode`` a period of the EVALUASI form, ``kertas`` the
    paper (A4 or F4; default each workbook's ``Kertas`` in Pengaturan, a rekap as it was written). ``form``
    ``ak`` prints the angka kredit documents of a rekap's fungsional (:mod:`.cetak_ak`), with the optional
    identity fields of ``roster``."""
    exe = soffice()
    asked = None if kertas is None else PAPER_SIZES[parse_kertas(kertas)]
    out.mkdir(parents=True, exist_ok=True)
    result = PrintResult()
    names = labels()["sheets"]
    with tempfile.TemporaryDirectory(prefix="skp-print-") as tmp:
        work = Path(tmp)
        jobs: list[tuple[Path, Path]] = []
        for f in map(Path, files):
            source = open_source(f)
            if form == "ak":
                if is_ours(source):
                    raise UserError(Masalah(str(f), what=_("dokumen angka kredit dicetak dari rekap, bukan dari buku "
                                                           "kerja SKP"),
                                            todo=_("jalankan skp consolidate, lalu skp print rekap.xlsx --form ak")))
                jobs += ak_jobs(source, f, work, out, per, kertas, roster)
                continue
            if not is_ours(source):  # a rekap or any other workbook: as it prints, on the paper asked for
                copy = work / f"{f.stem}.xlsx"
                if asked is not None and isinstance(source, Package):
                    print_copy(source.data, source.workbook_part, copy, paper=asked, sheet_parts=source.parts.values())
                else:
                    copy.write_bytes(source.data)
                jobs.append((copy, out / f"{f.stem}.pdf"))
                continue
            if not isinstance(source, Package):
                raise UserError(Masalah(str(f), what=_("berkas {suffix} dibaca menurut posisi; formulirnya "
                                                       "dicetak dari .xlsx").format(suffix=f.suffix), todo=_("simpan sebagai .xlsx (Excel 2007-365), "
                                                                     "lalu skp print")))
            problems: list[Masalah] = []
            data = get_reader("skp").read(source, problems)
            result.problems += validate(data, problems).problems
            g = data.geometry
            if periode is not None and not 1 <= periode <= g.n_periode:
                raise UserError(Masalah(str(f), what=_("periode {periode} di luar 1-{n_periode}").format(
                                                         periode=periode, n_periode=g.n_periode)))
            cetak = cetak_names([sp.name for sp in data.plan.sheets], names)
            sheets = list(cetak.values())
            if not sheets or not set(sheets) <= set(source.sheet_names) or "cetak" not in g.layout:
                raise UserError(Masalah(str(f), what=_("berkas ini belum punya sheet Cetak (tata letak versi "
                                                       "{x}) atau sheet Cetak diganti nama").format(
                                                         x=g.layout.get('version')),
                                        todo=_("terbitkan ulang dengan skp refresh, lalu skp print")))
            cg = _geometry(g)
            r0, r1 = _rows(cg, form, periode)
            area = f"{a1(r0, 0, True)}:{a1(r1, cg.last_col, True)}"
            paper = asked or PAPER_SIZES[data.plan.settings.kertas]
            fits = {}
            if isinstance(cg, CetakGeometry):  # rows as tall as their text, empty slots left out
                for sp in data.plan.sheets:
                    grid = data.grids[sp.name]

                    def ratings(i: int, j: int, p: int, grid=grid) -> str:
                        return str(grid(g.slot_row(i, j), g.col("rating_indikator", p)) or "")

                    heights, hidden = print_fit(data.plan, sp, cg, ratings)
                    fits[source.parts[cetak[sp.name]]] = RowFit(heights, hidden)
            groups = [[s] for s in sheets] if per == "pegawai" else [sheets]
            for k, group in enumerate(groups):
                stem = f.stem if per == "unit" else f"{f.stem}-{k + 1:02d}-{_safe(group[0])}"
                copy = work / f"{stem}.xlsx"
                print_copy(source.data, source.workbook_part, copy, set(group), {s: area for s in group}, paper=paper,
                           sheet_parts=[source.parts[s] for s in group], fits=fits)
                jobs.append((copy, out / f"{stem}.pdf"))
        if not jobs:
            return result
        profile = work / "profile" / "user"
        profile.mkdir(parents=True)
        (profile / "registrymodifications.xcu").write_text(_XCU)
        pdfdir = work / "pdf"
        cmd = [exe, profile_arg(profile.parent), "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(pdfdir), *[str(c) for c, _ in jobs]]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
        for copy, target in jobs:
            made = pdfdir / (copy.stem + ".pdf")
            if not made.exists():
                raise UserError(Masalah(str(copy.name), what=_("LibreOffice tidak membuat PDF ({x})").format(
                                                                 x=proc.stderr.strip()[:200]),
                                        todo=_("buka berkasnya di LibreOffice untuk melihat masalahnya")))
            shutil.move(str(made), target)
            result.written.append(target)
    return result


def _safe(name: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "-", name).strip("-")
