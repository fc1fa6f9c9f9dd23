"""Where the printed forms sat on the print sheets of layout versions 1-3 (``skp print`` prints the
workbooks issued then by these rows; :mod:`skpkit.generator.layout.cetak` is the current layout)."""

from __future__ import annotations

from dataclasses import dataclass, field

from skpkit.generator.layout import load_layout
from skpkit.model import BERAKHLAK

__all__ = ["CetakGeometryV3"]


@dataclass(frozen=True)
class CetakGeometryV3:
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
    def _c(self) -> dict:
        return self.layout["cetak"]

    @property
    def last_col(self) -> int:
        return self._c["last_col"]

    @property
    def identity_keys(self) -> list[str]:
        return self._c["identity_rows"]

    @property
    def evaluasi_keys(self) -> list[str]:
        return self._c["evaluasi_rows"]

    @property
    def dokumen_keys(self) -> list[str]:
        return self._c["dokumen_rows"]

    @property
    def rows(self) -> int:
        return self.n_slots * self.k

    @property
    def _identity_block(self) -> int:
        """One identity block: its heading row and its rows."""
        return 1 + len(self.identity_keys)

    @property
    def skp_hasil(self) -> int:
        return self._c["skp_hasil_row"]

    @property
    def skp_perilaku(self) -> int:
        return self.skp_hasil + self.rows + self._c["gap"]

    @property
    def skp_lampiran(self) -> int:
        return self.skp_perilaku + self._c["section_rows"] + len(BERAKHLAK) + self._c["gap"]

    @property
    def skp_sign(self) -> int:
        return self.skp_lampiran + 1 + len(self.layout["pegawai"]["lampiran"]) + self._c["gap"]

    @property
    def skp_end(self) -> int:
        return self.skp_sign + self._c["sign_rows"] - 1

    def evaluasi_start(self, p: int) -> int:
        return self.skp_end + 1 + self._c["gap"] + (p - 1) * self.evaluasi_height

    @property
    def evaluasi_height(self) -> int:
        c = self._c
        head = c["title_rows"] + self._identity_block + c["gap"]
        return (head + c["section_rows"] + self.rows + c["gap"] + len(self.evaluasi_keys) + c["gap"]
                + c["sign_rows"] + c["gap"])

    def evaluasi_end(self, p: int) -> int:
        return self.evaluasi_start(p) + self.evaluasi_height - 1 - self._c["gap"]

    @property
    def dokumen_start(self) -> int:
        return self.evaluasi_start(self.n_periode + 1)

    @property
    def dokumen_end(self) -> int:
        c = self._c
        return (self.dokumen_start + c["title_rows"] + 3 * self._identity_block + len(self.dokumen_keys)
                + len(self.layout["pegawai"]["dokumen"]) + c["gap"] + c["sign_rows"])

    def forms(self) -> dict[str, tuple[int, int]]:
        """Form -> (first, last row): ``skp``, ``evaluasi-1`` ... ``evaluasi-n``, ``dokumen``."""
        out = {"skp": (0, self.skp_end)}
        out.update({f"evaluasi-{p}": (self.evaluasi_start(p), self.evaluasi_end(p))
                    for p in range(1, self.n_periode + 1)})
        out["dokumen"] = (self.dokumen_start, self.dokumen_end)
        return out
