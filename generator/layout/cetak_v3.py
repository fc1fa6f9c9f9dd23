"""Where the printed forms sat on the print sheets of layout versions 1-3 (``skp print`` prints the
workbooks issued then by these rows; :mod:`skpkit.generator.layout.cetak` is the current layout)."""

from __future__ import annotations

from dataclasses import dataclass, field

from skpkit.generator.layout import load_layout
from skpkit.generator.layout.cetak import CetakBlock

__all__ = ["CetakGeometryV3"]


@dataclass(frozen=True)
class CetakGeometryV3(CetakBlock):
    """Rows of the forms on a print sheet (0-based): each form's first and last row.

    The SKP: its title, two identity blocks side by side, HASIL KERJA (one row per indikator slot),
    PERILAKU KERJA (a heading, a header, the seven values), LAMPIRAN, signatures; then one EVALUASI per
    period; then the DOKUMEN EVALUASI (three identity blocks one below the other).
    """

    n_slots: int
    k: int
    n_periode: int
    layout: dict = field(default_factory=lambda: load_layout(3), repr=False, compare=False, hash=False)

    @property
    def rows(self) -> int:
        return self.n_slots * self.k

    @property
    def skp_hasil(self) -> int:
        return self._c["skp_hasil_row"]

    @property
    def skp_perilaku(self) -> int:
        return self.skp_hasil + self.rows + self._c["gap"]

    @property
    def evaluasi_height(self) -> int:
        c = self._c
        head = c["title_rows"] + self._identity_block + c["gap"]
        return (head + c["section_rows"] + self.rows + c["gap"] + len(self.evaluasi_keys) + c["gap"]
                + c["sign_rows"] + c["gap"])

    def evaluasi_end(self, p: int) -> int:
        return self.evaluasi_start(p) + self.evaluasi_height - 1 - self._c["gap"]


    @property
    def dokumen_end(self) -> int:
        c = self._c
        return (self.dokumen_start + c["title_rows"] + 3 * self._identity_block + len(self.dokumen_keys)
                + len(self.layout["pegawai"]["dokumen"]) + c["gap"] + c["sign_rows"])

