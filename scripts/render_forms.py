"""Render the printed forms of one demo pegawai into ``docs/`` (the README links them).

Writes the full-year demo, prints its Bidang Aplikasi Informatika unit with ``skp print`` and the angka
kredit documents of its rekap with ``skp print --form ak`` (LibreOffice), and renders the pages of one
fungsional with ``pdftoppm`` (poppler-utils)::

    python scripts/render_forms.py            # docs/cetak-*.png
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from skpkit.generator.commands.cetak import print_pdf
from skpkit.generator.commands.consolidate import consolidate
from skpkit.generator.commands.demo import run_demo

DOCS = Path(__file__).resolve().parent.parent / "docs"
#: the demo pegawai shown, and the pages of her print sheet: SKP, Evaluasi Triwulan III, Dokumen Evaluasi
PEGAWAI = "Dewi-Anggraini"
FORMS = {"cetak-skp": 1, "cetak-evaluasi-triwulan-iii": 5, "cetak-dokumen": 7}
AK = {"cetak-ak-konversi": 1, "cetak-ak-akumulasi": 2, "cetak-ak-penetapan": 3}


def _render(pdf: Path, page: int, name: str) -> None:
    out = DOCS / name
    subprocess.run(["pdftoppm", "-r", "70", "-f", str(page), "-l", str(page), "-singlefile", "-png", str(pdf),
                    str(out)], check=True)
    print(f"{out}.png")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="skp-render-") as tmp:
        work = Path(tmp)
        run_demo(work / "demo", tahun=2027, periods_filled=4, progress=False)
        unit = next((work / "demo" / "terisi").glob("*aplikasi*.xlsx"))
        written = print_pdf([unit], work / "pdf").written
        pdf = next(p for p in written if PEGAWAI in p.name)
        for name, page in FORMS.items():
            _render(pdf, page, name)
        consolidate([work / "demo" / "terisi"], work / "rekap.xlsx", progress=False)
        ak = print_pdf([work / "rekap.xlsx"], work / "ak", form="ak").written
        pdf = next(p for p in ak if re.search(PEGAWAI, p.name))
        for name, page in AK.items():
            _render(pdf, page, name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
