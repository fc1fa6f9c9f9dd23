"""From a sheet's plan and entries to the evaluation input of :mod:`skpkit.evaluasi`, and back to cells.

Shared by the writer (cached values of every formula), the reader and consolidation,
so the same entries always evaluate the same way.
"""

from __future__ import annotations

from typing import Any

from skpkit.rules.ak import PosisiAK
from skpkit.errors import Invalid
from skpkit.evaluasi import HasilPegawai, IsianIndikator, IsianPegawai, IsianRHK, evaluasi
from skpkit.model import BERAKHLAK, JenisJabatan, JenisPeriode, Settings
from skpkit.generator.plan import TAHUNAN, IndikatorSlot, RHKSlot, SheetPlan

__all__ = ["indikator_value", "rhk_value", "isian_of", "evaluate_sheet", "cell_value", "posisi_cells"]


def indikator_value(sheet: SheetPlan, ind: IndikatorSlot, field: str) -> Any:
    """What an indikator cell holds: the entered value, else what the plan pre-filled."""
    value = sheet.isian.get(ind.id, field)
    if value is not None and not ind.issued:
        return value
    return getattr(ind, "teks" if field == "indikator" else field)


def rhk_value(sheet: SheetPlan, slot: RHKSlot, field: str) -> Any:
    """What an RHK cell (``rhk`` or ``intervensi``) holds: the entered value unless handed down (locked)."""
    value = getattr(sheet.isian, field).get(slot.id)
    if value is not None and not slot.issued:
        return value
    return slot.teks if field == "rhk" else slot.intervensi


def isian_of(sheet: SheetPlan, n: int, organisasi: dict[tuple[str, int], str],
             jenis_periode: JenisPeriode, tahun: int = 0) -> IsianPegawai:
    """The evaluation input of one sheet (``tahun``: the workbook's year, for the angka kredit months)."""
    isian = sheet.isian
    rhk = tuple(
        IsianRHK(slot.jenis, tuple(
            IsianIndikator(
                teks=indikator_value(sheet, ind, "indikator"),
                target_min=indikator_value(sheet, ind, "target_min"),
                target_max=indikator_value(sheet, ind, "target_max"),
                arah=indikator_value(sheet, ind, "arah"),
                agregasi=indikator_value(sheet, ind, "agregasi"),
                realisasi=tuple(isian.get(ind.id, "realisasi", p) for p in range(1, n + 1)),
            ) for ind in slot.indikator))
        for slot in sheet.slots)
    perilaku = tuple(tuple(isian.perilaku[i].rating.get(p) if i in isian.perilaku else None
                           for p in range(1, n + 1)) for i in range(len(BERAKHLAK)))
    cols = [*range(1, n + 1), TAHUNAN]
    p = sheet.pegawai
    return IsianPegawai(
        n=n, rhk=rhk, perilaku=perilaku,
        override_hasil=tuple(isian.hasil_penilai.get(c) for c in cols),
        override_perilaku=tuple(isian.perilaku_penilai.get(c) for c in cols),
        predikat_organisasi=tuple(organisasi.get((p.unit, c)) for c in range(1, n + 2)),
        pimpinan=p.jenis_jabatan is JenisJabatan.JPT,
        jenjang=p.jenjang.value if p.is_fungsional and p.jenjang else None,
        bulan_per_periode=jenis_periode.bulan,
        tmt_jabatan=p.tmt_jabatan, tahun=tahun, ak_awal_pangkat=p.ak_awal_pangkat, ak_awal_jenjang=p.ak_awal_jenjang,
    )


def evaluate_sheet(sheet: SheetPlan, n: int, organisasi: dict[tuple[str, int], str],
                   jenis_periode: JenisPeriode, settings: Settings, tahun: int = 0) -> HasilPegawai:
    return evaluasi(isian_of(sheet, n, organisasi, jenis_periode, tahun), settings)


def posisi_cells(posisi: Any, top: str) -> dict[str, Any]:
    """The angka kredit position rows' values (key -> value): ``top`` where there is no next jenjang;
    the carried reason, or blank, in every row when there is no position."""
    fields = {"ak_kumulatif_pangkat": "kumulatif_pangkat", "kurang_pangkat": "kurang_pangkat",
              "ak_kumulatif_jenjang": "kumulatif_jenjang", "kurang_jenjang": "kurang_jenjang"}
    if not isinstance(posisi, PosisiAK):
        return {k: posisi for k in fields}
    return {k: top if getattr(posisi, f) is None else getattr(posisi, f) for k, f in fields.items()}


def cell_value(x: Any) -> Any:
    """A computed value as its cell shows it: numbers, labels, '' or '#SKP! reason'."""
    if x is None or (isinstance(x, float) and x != x):
        return ""
    if isinstance(x, Invalid):
        return str(x)
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return float(x)
    return str(x)

