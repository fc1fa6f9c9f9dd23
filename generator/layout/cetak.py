"""Where the printed forms sit on a pegawai's print sheet (``Cetak <nama>``), from the layout's ``cetak``
block: the writer places them there and ``skp print`` prints them by these rows (and fits and hides
their rows by them). Also the print sheets' names, which both derive the same way. Workbooks of layout
versions 1-3 print by :mod:`skpkit.generator.layout.cetak_v3`."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from skpkit.generator.layout import load_layout
from skpkit.model import BERAKHLAK

__all__ = ["CetakBlock", "CetakGeometry", "cetak_name", "cetak_names"]


class CetakBlock(ABC):
    """What every version's print geometry reads from its layout's ``cetak`` block (``self.layout``)."""

    layout: dict
    n_periode: int

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
    def _identity_block(self) -> int:
        """One identity block: its heading row and its rows."""
        return 1 + len(self.identity_keys)

    # after the SKP's PERILAKU KERJA (``skp_perilaku``) and of every EVALUASI's height (``evaluasi_height``)
    # where each version puts them:

    @property
    @abstractmethod
    def skp_perilaku(self) -> int:
        """The SKP's PERILAKU KERJA section row."""

    @property
    @abstractmethod
    def evaluasi_height(self) -> int:
        """Rows from one EVALUASI's first row to the next's."""

    @abstractmethod
    def evaluasi_end(self, p: int) -> int:
        """The last row of period ``p``'s EVALUASI."""

    @property
    @abstractmethod
    def dokumen_end(self) -> int:
        """The DOKUMEN EVALUASI's last row."""

    @property
    def dokumen_start(self) -> int:
        return self.evaluasi_start(self.n_periode + 1)

    def forms(self) -> dict[str, tuple[int, int]]:
        """Form -> (first, last row): ``skp``, ``evaluasi-1`` ... ``evaluasi-n``, ``dokumen``."""
        out = {"skp": (0, self.skp_end)}
        out.update({f"evaluasi-{p}": (self.evaluasi_start(p), self.evaluasi_end(p))
                    for p in range(1, self.n_periode + 1)})
        out["dokumen"] = (self.dokumen_start, self.dokumen_end)
        return out

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


@dataclass(frozen=True)
class CetakGeometry(CetakBlock):
    """Rows of the forms on a print sheet (0-based), from the layout's ``cetak`` block.

    The SKP: its title, two identity blocks side by side, HASIL KERJA (A. UTAMA and B. TAMBAHAN, one row
    per indikator slot), PERILAKU KERJA, LAMPIRAN, signatures. Then one EVALUASI per period: title with
    the period's dates, identities, capaian kinerja organisasi and pola distribusi, HASIL KERJA with a note
    on the target and realisasi used and the rating, PERILAKU KERJA with the rating, predikat and angka
    kredit, the signature. Then the DOKUMEN EVALUASI: numbered sections 1-5 and three signatures.

    Examples
    --------
    >>> cg = CetakGeometry(n_slots=3, k=2, n_periode=4, n_utama=2)
    >>> cg.table_row(cg.skp_table, 0, 0), cg.table_row(cg.skp_table, 2, 0)  # after A. UTAMA; after B.
    (13, 18)
    >>> cg.forms()["skp"][0], cg.evaluasi_start(1) > cg.skp_end
    (0, True)
    """

    n_slots: int
    k: int
    n_periode: int
    n_utama: int
    layout: dict = field(default_factory=load_layout, repr=False, compare=False, hash=False)

    @property
    def evaluasi_head_keys(self) -> list[str]:
        return self._c["evaluasi_head_rows"]

    @property
    def dokumen_text_keys(self) -> list[str]:
        return self.layout["pegawai"]["dokumen"]

    # --- the HASIL KERJA table, shared by the SKP and the EVALUASI ---------------------------------------

    def table_rows(self) -> int:
        """A. UTAMA, its slots, B. TAMBAHAN, its slots."""
        return 2 + self.n_slots * self.k

    def table_row(self, first: int, slot: int, j: int = 0) -> int:
        """Row of indikator ``j`` of ``slot`` in a table whose A. UTAMA row is ``first``."""
        return first + 1 + slot * self.k + j + (0 if slot < self.n_utama else 1)

    def tambahan_row(self, first: int) -> int:
        return first + 1 + self.n_utama * self.k

    def slot_rows(self, first: int) -> list[tuple[int, int, int]]:
        """``(slot, j, row)`` of every indikator row of a table whose A. UTAMA row is ``first``."""
        return [(i, j, self.table_row(first, i, j)) for i in range(self.n_slots) for j in range(self.k)]

    # --- SKP ----------------------------------------------------------------------------------------------

    @property
    def skp_table(self) -> int:
        """The A. UTAMA row of the SKP (its section and header rows are the two above)."""
        return self._c["title_rows"] + self._identity_block + self._c["gap"] + self._c["section_rows"]

    @property
    def skp_perilaku(self) -> int:
        return self.skp_table + self.table_rows() + self._c["gap"]

    # --- EVALUASI -----------------------------------------------------------------------------------------

    def evaluasi_parts(self, p: int) -> dict[str, int]:
        """First row of each part of the EVALUASI of period ``p``: ``identity``, ``head`` (capaian kinerja
        organisasi, pola distribusi), ``table`` (A. UTAMA; section and header above), ``catatan`` (what
        the capaian used), ``hasil`` (its rating), ``perilaku`` (section, header, the seven values),
        ``rating_perilaku``, ``rows`` (predikat, angka kredit), ``sign``, ``end`` (last row)."""
        return {k: v + self.evaluasi_start(p) for k, v in self._evaluasi_offsets().items()}

    def _evaluasi_offsets(self) -> dict[str, int]:
        c, gap = self._c, self._c["gap"]
        out = {"identity": c["title_rows"]}
        out["head"] = out["identity"] + self._identity_block + gap
        out["table"] = out["head"] + len(self.evaluasi_head_keys) + gap + c["section_rows"]
        out["catatan"] = out["table"] + self.table_rows()
        out["hasil"] = out["catatan"] + 1
        out["perilaku"] = out["hasil"] + 1 + gap
        out["rating_perilaku"] = out["perilaku"] + c["section_rows"] + len(BERAKHLAK)
        out["rows"] = out["rating_perilaku"] + 1 + gap
        out["sign"] = out["rows"] + len(self.evaluasi_keys) + gap
        out["end"] = out["sign"] + c["sign_rows"] - 1
        return out

    @property
    def evaluasi_height(self) -> int:
        return self._evaluasi_offsets()["end"] + 1 + self._c["gap"]

    def evaluasi_end(self, p: int) -> int:
        return self.evaluasi_parts(p)["end"]

    # --- DOKUMEN EVALUASI ---------------------------------------------------------------------------------


    @property
    def dokumen_parts(self) -> dict[str, int]:
        """First row of each part: ``identity`` (sections 1-3 stacked), ``evaluasi`` (section 4, its
        rows below), ``catatan`` (section 5, its rows below), ``sign``, ``end``."""
        c = self._c
        out = {"identity": self.dokumen_start + c["dokumen_title_rows"]}
        out["evaluasi"] = out["identity"] + 3 * self._identity_block
        out["catatan"] = out["evaluasi"] + 1 + len(self.dokumen_keys)
        out["sign"] = out["catatan"] + 1 + len(self.dokumen_text_keys) + c["gap"]
        out["end"] = out["sign"] + c["sign_rows"] - 1
        return out

    @property
    def dokumen_end(self) -> int:
        return self.dokumen_parts["end"]



def cetak_name(sheet_name: str, prefix: str, pegawai_prefix: str, taken: set[str]) -> str:
    """The print sheet's name for a pegawai sheet: ``Cetak <nama>``, at most 31 characters, unique.

    Examples
    --------
    >>> cetak_name("SKP Ani", "Cetak ", "SKP ", set())
    'Cetak Ani'
    """
    base = (prefix + sheet_name.removeprefix(pegawai_prefix))[:31]
    name, k = base, 2
    while name in taken:
        tail = f" ({k})"
        name, k = base[:31 - len(tail)] + tail, k + 1
    taken.add(name)
    return name


def cetak_names(sheet_names: list[str], labels: dict) -> dict[str, str]:
    """Pegawai sheet name -> its print sheet's name, unique among the workbook's sheets (``labels``: the
    layout's ``labels["sheets"]``). The writer and ``skp print`` both name them through this.

    Examples
    --------
    >>> cetak_names(["SKP Ani"], {"pegawai_prefix": "SKP ", "cetak_prefix": "Cetak ", "petunjuk": "Petunjuk"})
    {'SKP Ani': 'Cetak Ani'}
    """
    taken = set(sheet_names) | {v for k, v in labels.items() if k not in ("pegawai_prefix", "cetak_prefix")}
    return {n: cetak_name(n, labels["cetak_prefix"], labels["pegawai_prefix"], taken) for n in sheet_names}
