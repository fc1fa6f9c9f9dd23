"""The year's result written for SIASN: its codes and record shapes, beside the readable CSV.

Two files (the README lists each field and where it comes from):

- ``siasn_skp22.csv``: one annual SKP record per pegawai rated for the year (SIASN's ``skp22``):
  rating hasil and perilaku kerja as codes 1-3, kuadran 1-5, the penilai with golongan and unor;
- ``siasn_kinerja_periodik.csv``: one record per fungsional and period that earned angka kredit (SIASN's
  ``kinerjaperiodik``): periodik code (1 bulanan, 2 triwulan), the months from-to held in the jabatan,
  the ratings and kuadran codes, the jenjang code, koefisien and AK (a kenaikan jenjang within a period gives
  two records: the months before its TMT with the earlier jenjang, the rest with the new one).

What skpkit does not hold (PNS id, the penilai's golongan id) comes from optional roster columns; a
field left blank is named in ``DATA_KURANG`` of its row, never made up.
"""

from __future__ import annotations

from typing import Any

from skpkit.errors import InputError
from skpkit.model import JenisPeriode, Jenjang, Predikat, Rating
from skpkit.nip import parse_nip
from skpkit.generator.layout.outputs import PERIODIK_COLUMNS, SKP22_COLUMNS

__all__ = ["SKP22_COLUMNS", "PERIODIK_COLUMNS", "skp22_rows", "periodik_rows"]


def _kode(enum, value) -> int | None:
    """SIASN's code of a rating or predikat of the rekap (``None`` where there is none)."""
    return value.kode if isinstance(value, enum) else None


def _penilai(b, golongan: dict[str, str]) -> dict[str, Any]:
    try:
        status = "ASN" if parse_nip(b.penilai_nip) else ""
    except InputError:
        status = ""
    return {"penilaiNipNrp": b.penilai_nip, "penilaiNama": b.penilai_nama, "penilaiJabatan": b.penilai_jabatan,
            "penilaiGolongan": golongan.get(b.penilai_nip, ""), "penilaiUnorNama": b.penilai_unit,
            "statusPenilai": status}


def _kurang(rec: dict[str, Any], needed: list[str]) -> dict[str, Any]:
    rec["DATA_KURANG"] = ", ".join(k for k in needed if rec.get(k) in (None, ""))
    return rec


_NEEDED = ["pnsDinilaiId", "hasilKinerjaNilai", "perilakuKerjaNilai", "kuadranKinerjaNilai", "penilaiNipNrp",
           "penilaiNama", "penilaiGolongan", "penilaiUnorNama", "statusPenilai"]


def skp22_rows(rekap) -> list[dict[str, Any]]:
    """One annual record per pegawai whose year is rated (predikat set), SIASN's codes."""
    golongan = {b.nip: b.golongan_id for b in rekap.rows if b.golongan_id}
    out = []
    for b in rekap.rows:
        if b.periode != 0 or _kode(Predikat, b.predikat) is None:
            continue
        rec = {"tahun": rekap.tahun, "nipBaru": b.nip, "pnsDinilaiId": b.pns_id,
               "hasilKinerjaNilai": _kode(Rating, b.hasil), "perilakuKerjaNilai": _kode(Rating, b.perilaku),
               "kuadranKinerjaNilai": _kode(Predikat, b.predikat), **_penilai(b, golongan)}
        out.append(_kurang(rec, _NEEDED))
    return out


def periodik_rows(rekap) -> list[dict[str, Any]]:
    """One record per fungsional and rated period with months held in the jabatan (the AK record)."""
    golongan = {b.nip: b.golongan_id for b in rekap.rows if b.golongan_id}
    jenis = JenisPeriode.BULANAN if rekap.n_periode == 12 else JenisPeriode.TRIWULANAN
    ak = {a.nip: a for a in rekap.ak}
    settings = rekap.settings
    out = []
    for b in rekap.rows:
        a = ak.get(b.nip)
        if b.periode == 0 or a is None or not b.jenjang or _kode(Predikat, b.predikat) is None:
            continue
        months = a.bulan_periode[b.periode - 1] if b.periode <= len(a.bulan_periode) else None
        if months is None:
            months = jenis.bulan
        if months == 0:
            continue  # a period before the TMT earns nothing: no record
        last = b.periode * jenis.bulan
        lama = a.bulan_lama[b.periode - 1] if a.jenjang_sebelumnya and b.periode <= len(a.bulan_lama) else 0
        early = a.ak_lama[b.periode - 1] if b.periode <= len(a.ak_lama) else None
        # a kenaikan jenjang in the period: the months before its TMT, and what they earned (the evaluation's), are
        # a record of the earlier jenjang
        parts = [(a.jenjang_sebelumnya, lama, early), (b.jenjang, months - lama, b.angka_kredit - early)] \
            if 0 < lama < months and early is not None and isinstance(b.angka_kredit, float) else \
            [(a.jenjang_sebelumnya if lama else b.jenjang, months, b.angka_kredit)]
        start = last - months + 1
        for name, n, earned in parts:
            jenjang = Jenjang.parse(name)
            rec = {"tahun": rekap.tahun, "nipBaru": b.nip, "pnsDinilaiId": b.pns_id, "periodikId": jenis.kode,
                   "bulanMulaiPenilaian": start, "bulanSelesaiPenilaian": start + n - 1,
                   "tahunMulaiPenilaian": rekap.tahun, "tahunSelesaiPenilaian": rekap.tahun,
                   "hasilKinerjaNilai": _kode(Rating, b.hasil), "perilakuKerjaNilai": _kode(Rating, b.perilaku),
                   "kuadranKinerjaNilai": _kode(Predikat, b.predikat), "jenjangKode": jenjang.kode_siasn,
                   "koefisien": settings.koefisien[jenjang], "angkaKredit": earned, **_penilai(b, golongan)}
            out.append(_kurang(rec, _NEEDED + ["angkaKredit"]))
            start += n
    return out
