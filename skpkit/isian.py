"""What was entered on one pegawai's SKP sheet, by stable id: the filled SKP as a typed object.

RHK and indikator are keyed by their stable ids, so every value follows its RHK or indikator
wherever a re-issue puts it; periods are numbered from 1, and ``0`` stands for the year in the
penilai's overrides. A value is what the cell held (text or number); a field nobody filled is
absent (``None``). Writer, reader, refresh, check and consolidation all pass this object.

Examples
--------
>>> isian = IsianSKP()
>>> isian.rhk["R-1"] = "Meningkatnya layanan"
>>> ind = isian.indikator_of("R-1.1")
>>> ind.target_min, ind.realisasi[1] = 10, 4
>>> isian.perilaku_of(0).rating[1] = "Sesuai Ekspektasi"
>>> sorted(k for k, _ in isian.items())
[('perilaku', 0, 1), ('realisasi', 'R-1.1', 1), ('rhk', 'R-1'), ('target_min', 'R-1.1')]
>>> isian.periods_filled()
{1}
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Iterator

__all__ = ["IsianIndikatorSKP", "IsianPerilakuSKP", "IsianSKP", "INDIKATOR_FIELDS", "PERIOD_FIELDS", "TAHUNAN"]

#: the fields of an indikator row a pegawai fills once, and those filled per period
INDIKATOR_FIELDS = ("indikator", "aspek", "target_min", "target_max", "satuan", "arah", "agregasi")
PERIOD_FIELDS = ("realisasi", "bukti", "umpan_balik")
#: the period number that stands for the year in the penilai's overrides
TAHUNAN = 0


@dataclass
class IsianIndikatorSKP:
    """One indikator row: its plan (filled once) and, per period, realisasi, bukti dukung and umpan balik."""

    indikator: Any = None
    aspek: Any = None
    target_min: Any = None
    target_max: Any = None
    satuan: Any = None
    arah: Any = None
    agregasi: Any = None
    realisasi: dict[int, Any] = field(default_factory=dict)
    bukti: dict[int, Any] = field(default_factory=dict)
    umpan_balik: dict[int, Any] = field(default_factory=dict)


@dataclass
class IsianPerilakuSKP:
    """One BerAKHLAK value: the ekspektasi khusus pimpinan, and per period a rating and umpan balik."""

    ekspektasi: Any = None
    rating: dict[int, Any] = field(default_factory=dict)
    umpan_balik: dict[int, Any] = field(default_factory=dict)


@dataclass
class IsianSKP:
    """Everything entered on one pegawai's sheet."""

    #: RHK id -> the RHK text the pegawai wrote
    rhk: dict[str, Any] = field(default_factory=dict)
    #: RHK id -> id of the superior's RHK it intervenes
    intervensi: dict[str, Any] = field(default_factory=dict)
    #: indikator id -> its row
    indikator: dict[str, IsianIndikatorSKP] = field(default_factory=dict)
    #: BerAKHLAK value (0-6) -> its row
    perilaku: dict[int, IsianPerilakuSKP] = field(default_factory=dict)
    #: period (0: the year) -> the penilai's rating hasil kerja, where it replaces the suggestion
    hasil_penilai: dict[int, Any] = field(default_factory=dict)
    #: period (0: the year) -> the penilai's rating perilaku kerja, where it replaces the suggestion
    perilaku_penilai: dict[int, Any] = field(default_factory=dict)
    #: LAMPIRAN SKP key -> text
    lampiran: dict[str, Any] = field(default_factory=dict)
    #: DOKUMEN EVALUASI key -> text
    dokumen: dict[str, Any] = field(default_factory=dict)

    def indikator_of(self, indikator_id: str) -> IsianIndikatorSKP:
        """The row of ``indikator_id``, added empty if nothing was entered yet."""
        return self.indikator.setdefault(indikator_id, IsianIndikatorSKP())

    def perilaku_of(self, i: int) -> IsianPerilakuSKP:
        """The row of BerAKHLAK value ``i``, added empty if nothing was entered yet."""
        return self.perilaku.setdefault(i, IsianPerilakuSKP())

    def get(self, indikator_id: str, name: str, periode: int | None = None) -> Any:
        """A value of an indikator row without adding the row: a plan field, or a period field of ``periode``."""
        row = self.indikator.get(indikator_id)
        if row is None:
            return None
        value = getattr(row, name)
        return value.get(periode) if isinstance(value, dict) else value

    def items(self) -> Iterator[tuple[tuple, Any]]:
        """Every entered value as ``(field, id[, period])``, value: a flat view for comparing and reporting."""
        for name in ("rhk", "intervensi"):
            for rid, v in getattr(self, name).items():
                yield (name, rid), v
        for iid, row in self.indikator.items():
            for f in fields(row):
                value = getattr(row, f.name)
                if isinstance(value, dict):
                    for p, v in value.items():
                        yield (f.name, iid, p), v
                elif value is not None:
                    yield (f.name, iid), value
        for i, row in self.perilaku.items():
            if row.ekspektasi is not None:
                yield ("ekspektasi", i), row.ekspektasi
            for p, v in row.rating.items():
                yield ("perilaku", i, p), v
            for p, v in row.umpan_balik.items():
                yield ("perilaku_umpan_balik", i, p), v
        for name in ("hasil_penilai", "perilaku_penilai", "lampiran", "dokumen"):
            for k, v in getattr(self, name).items():
                yield (name, k), v

    def periods_filled(self) -> set[int]:
        """The periods in which some realisasi was entered."""
        return {p for row in self.indikator.values() for p, v in row.realisasi.items() if v is not None}

    def entered_for(self, ids: set[str], defaults: dict[str, Any]) -> bool:
        """Whether anything was entered for the RHK or indikator ``ids``, not counting a plan field that
        holds its default (the pre-selected value every empty row shows)."""
        return any(len(k) > 1 and k[1] in ids and defaults.get(k[0]) != v for k, v in self.items())

    def without_rhk(self, rhk_ids: set[str]) -> "IsianSKP":
        """A copy without the RHK text and intervensi of ``rhk_ids`` (what the superior now hands down)."""
        return IsianSKP({k: v for k, v in self.rhk.items() if k not in rhk_ids},
                        {k: v for k, v in self.intervensi.items() if k not in rhk_ids},
                        dict(self.indikator), dict(self.perilaku), dict(self.hasil_penilai),
                        dict(self.perilaku_penilai), dict(self.lampiran), dict(self.dokumen))
