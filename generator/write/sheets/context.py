"""Everything the sheet writers share, decided before the first cell is written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from skpkit.evaluasi import HasilPegawai
from skpkit.generator.write.book import Book, Styles
from skpkit.rules.engine import get_engine
from skpkit.generator.layout import PAPER_SIZES, Geometry, PengaturanGeometry, load_layout
from skpkit.plan import Identitas, RHKSlot, SheetPlan, WorkbookPlan
from skpkit.generator.layout.cetak import CetakGeometry, cetak_names
from skpkit.generator.layout.tables import MatriksGeometry

__all__ = ["Context", "make_context", "matriks_rows", "nip_label"]


@dataclass(frozen=True)
class Context:
    """A workbook being written: the plan, its layout and geometry, and what is computed up front."""

    plan: WorkbookPlan
    layout: dict
    g: Geometry
    pg: PengaturanGeometry
    engine: Any
    wb: Book
    s: Styles
    #: every sheet's evaluation (the cached value of each formula)
    results: dict[str, HasilPegawai]
    #: (sheet, slot index, slot) of RHK whose superior RHK is gone: listed in ``Arsip``
    arsip: list[tuple[SheetPlan, int, RHKSlot]]
    #: (superior NIP, first row) of each matriks block
    matriks: list[tuple[str, int]]
    #: pegawai sheet name -> its print sheet (``Cetak <nama>``)
    cetak: dict[str, str]
    #: where the printed forms sit on a print sheet
    cg: CetakGeometry

    @property
    def labels(self) -> dict:
        return self.layout["labels"]

    @property
    def paper(self) -> int:
        """The paper code every sheet prints on (``Kertas`` in Pengaturan)."""
        return PAPER_SIZES[self.plan.settings.kertas]

    @property
    def names(self) -> dict[str, str]:
        """Defined name of each Pengaturan scalar, by field."""
        return {sc["field"]: sc["name"] for sc in self.layout["pengaturan"]["scalars"]}


def matriks_rows(plan: WorkbookPlan, layout: dict) -> list[tuple[str, int]]:
    """(superior NIP, first row) of each matriks peran hasil block, in plan order."""
    starts = MatriksGeometry(layout).starts([len(b.bawahan) for b in plan.matriks])
    return [(block.atasan_nip, row) for block, row in zip(plan.matriks, starts)]


def make_context(plan: WorkbookPlan, wb: Book) -> Context:
    layout = load_layout()
    n = plan.jenis_periode.jumlah
    results = {sp.name: plan.evaluate(sp) for sp in plan.sheets}
    arsip = [(sp, i, sl) for sp in plan.sheets for i, sl in enumerate(sp.slots)
             if (rid := sp.rhk_value(sl, "intervensi")) and rid not in {c for c, _ in plan.choices_of(sp)}]
    cetak = cetak_names([sp.name for sp in plan.sheets], layout["labels"]["sheets"])
    g = Geometry(n, plan.n_utama, plan.n_tambahan, plan.k, layout)
    return Context(plan, layout, g, PengaturanGeometry(len(plan.units), layout), get_engine(plan.engine), wb,
                   Styles(wb, layout["styles"]), results, arsip, matriks_rows(plan, layout), cetak,
                   CetakGeometry(g.n_slots, g.k, g.n_periode, g.n_utama, layout))


def nip_label(ctx: Context, sp: SheetPlan) -> str:
    """``NIP``, or ``NI PPPK`` for a PPPK (RULES.md section 9): how the forms and headers name the number."""
    lab = ctx.labels["cetak"]
    return lab["identitas_rows_pppk" if Identitas.of(sp.pegawai).pppk else "identitas_rows"]["nip"]
