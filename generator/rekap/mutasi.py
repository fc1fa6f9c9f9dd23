"""A pegawai found in several workbooks whose own SKP periods do not overlap (a mutasi between units, RULES.md
section 10): one year in the rekap, each period from the unit it was rated in, the year brought together by
:func:`skpkit.bagian.tahunan` (the last pejabat penilai's)."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from skpkit.bagian import tahunan, terpisah
from skpkit.evaluasi import safe
from skpkit.generator.rekap.rows import Baris, BarisAK, BelumLengkap, FileResult, ak_value, predikat_label
from skpkit.model import Settings
from skpkit.rules import ak as aturan_ak
from skpkit.rules.ak import PosisiAK

__all__ = ["is_parts", "gabung"]


def is_parts(nip: str, results: Sequence[FileResult]) -> bool:
    """Whether the copies of ``nip`` in ``results`` are the parts of one year (no period rated in two)."""
    return all(nip in r.bagian for r in results) and terpisah([r.bagian[nip] for r in results])


def gabung(nip: str, results: Sequence[FileResult], n: int,
           settings: Settings) -> tuple[list[Baris], list[BarisAK], list[BelumLengkap]]:
    """The rekap rows, angka kredit and open items of ``nip`` from the parts ``results`` (:func:`is_parts`)."""
    parts = sorted(results, key=lambda r: r.bagian[nip].periods[0])
    last = parts[-1]

    def part_of(p: int) -> FileResult:
        return next((r for r in parts if p in r.bagian[nip].periods), last)

    rows = [b for p in range(1, n + 1) for b in part_of(p).rows if b.nip == nip and b.periode == p]
    t = tahunan([r.bagian[nip] for r in parts], settings)
    year = next(b for b in last.rows if b.nip == nip and b.periode == 0)
    rows.append(replace(year, hasil_saran=t.hasil_saran, hasil=t.hasil, perilaku_saran=t.perilaku_saran,
                        perilaku=t.perilaku, predikat=t.predikat, angka_kredit=ak_value(t.angka_kredit)))
    belum = [b for p in range(1, n + 1) for b in part_of(p).belum if b.nip == nip and b.periode == p]
    if t.predikat is None:
        belum += [b for b in last.belum if b.nip == nip and b.periode == 0]
    ak = [_ak(nip, parts, t, n, settings)] if any(a.nip == nip for r in parts for a in r.ak) else []
    return rows, ak, belum


def _ak(nip: str, parts: list[FileResult], t, n: int, settings: Settings) -> BarisAK:
    """The last part's angka kredit row with each period from its part and the year from all of them."""
    mine = {id(r): next((a for a in r.ak if a.nip == nip), None) for r in parts}
    base = next(a for r in reversed(parts) if (a := mine[id(r)]) is not None)

    def of(p: int) -> BarisAK | None:
        r = next((r for r in parts if p in r.bagian[nip].periods), None)
        return mine[id(r)] if r is not None else None

    def at(values: list, p: int):
        return values[p - 1] if p - 1 < len(values) else None

    periode = [at(a.periode, p) if (a := of(p)) else None for p in range(1, n + 1)]
    tahun = t.angka_kredit if isinstance(t.angka_kredit, float) else None
    out = replace(base, periode=periode, tahunan=tahun,
                  jumlah=sum(x for x in periode if isinstance(x, float)) if any(isinstance(x, float) for x in periode)
                  else None,
                  bulan=t.bulan, bulan_periode=[at(a.bulan_periode, p) if (a := of(p)) else None for p in range(1, n + 1)],
                  predikat_periode=[at(a.predikat_periode, p) if (a := of(p)) else None for p in range(1, n + 1)],
                  # a kenaikan jenjang within a part splits its periods; the year of two parts is not split
                  bulan_lama=[at(a.bulan_lama, p) or 0 if (a := of(p)) else 0 for p in range(1, n + 1)] + [0],
                  ak_lama=[at(a.ak_lama, p) if (a := of(p)) else None for p in range(1, n + 1)] + [None],
                  predikat_tahunan=predikat_label(t.predikat), kumulatif_pangkat=None, kurang_pangkat=None,
                  kumulatif_jenjang=None, kurang_jenjang=None)
    if tahun is None:
        return out
    posisi = safe(aturan_ak.posisi_ak, tahun, base.jenjang, base.ak_awal_pangkat, base.ak_awal_jenjang,
                  settings=settings, pppk=base.status.startswith("PPPK"), pangkat=base.pangkat)
    if isinstance(posisi, PosisiAK):
        out = replace(out, kumulatif_pangkat=posisi.kumulatif_pangkat, kurang_pangkat=posisi.kurang_pangkat,
                      kumulatif_jenjang=posisi.kumulatif_jenjang, kurang_jenjang=posisi.kurang_jenjang)
    return out
