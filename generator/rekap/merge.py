"""The rekap: per-file results merged into one, the manifest's gaps and strangers reported, the kurva
checked per unit and period. Written by :mod:`.workbook` and :mod:`.exports`.

Which copy of a pegawai counts is decided by content, never by file name or date: a copy with entries wins
over a blank one (and the blank one is named); two copies with the same entries are one; two copies with
different entries are both named and neither is used, until one of them is sent again.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from skpkit import rules
from skpkit.errors import InputError
from skpkit.sidik import manifest_pegawai
from skpkit.generator.errors import Masalah
from skpkit.generator.rekap.mutasi import gabung, is_parts
from skpkit.generator.rekap.rows import TAHUNAN_LABEL, Baris, BarisAK, BelumLengkap, FileResult, predikat_of
from skpkit.model import Predikat, Settings
from skpkit.i18n import _

__all__ = ["Rekap", "UnitRow", "build_rekap", "units_of", "RULE_SLOTS"]

RULE_SLOTS = max(len(v) for v in rules.KURVA.values())


@dataclass
class UnitRow:
    unit: str
    periode: int
    periode_nama: str
    organisasi: str
    jumlah: dict[Predikat, int]
    n: int
    aturan: list[rules.AturanKurva]


@dataclass
class Rekap:
    rows: list[Baris] = field(default_factory=list)
    units: list[UnitRow] = field(default_factory=list)
    ak: list[BarisAK] = field(default_factory=list)
    belum: list[BelumLengkap] = field(default_factory=list)
    masalah: list[Masalah] = field(default_factory=list)
    n_periode: int = 4
    files_read: int = 0
    files: int = 0
    tahun: int = 0
    #: the settings of the workbooks merged (the first one's; the defaults when none was read)
    settings: Settings = field(default_factory=Settings)
    #: the predikat kinerja organisasi of every unit and period column (n + 1: the year)
    organisasi: dict[tuple[str, int], str] = field(default_factory=dict)
    #: whether any pegawai of the files read has entered anything
    filled: bool = False
    #: the instansi of the workbooks merged (the first one's that names it)
    instansi: str = ""


def _choose(rekap: Rekap, copies: dict[str, list[FileResult]]) -> dict[str, FileResult]:
    """Per NIP, the copy that counts (by content); what was decided is named in ``rekap.masalah``."""
    chosen: dict[str, FileResult] = {}
    for nip, rs in copies.items():
        if len(rs) == 1:
            chosen[nip] = rs[0]
            continue
        filled = [r for r in rs if r.filled.get(nip)]
        names = ", ".join(Path(r.path).name for r in rs)
        if not filled:
            chosen[nip] = rs[0]
            continue
        distinct = {r.content.get(nip) for r in filled}
        if len(distinct) == 1:
            chosen[nip] = filled[0]
            for r in rs:
                if r not in filled:
                    rekap.masalah.append(Masalah(r.path, what=_("pegawai {nip} di berkas ini kosong; yang "
                                                                "berisi ada di {name}: itu yang direkap").format(
                                                                  nip=nip, name=Path(filled[0].path).name),
                                                 todo=_("tidak perlu tindakan; salinan kosong tidak dipakai")))
            continue
        rekap.masalah.append(Masalah(names, what=_("pegawai {nip} ada di {n} berkas dengan isian berbeda "
                                                   "({names}): tidak direkap sampai jelas mana yang benar").format(
                                                     nip=nip, n=len(filled), names=names),
                                     todo=_("tanyakan pegawai berkas mana yang terakhir, minta ia mengirim "
                                            "ulang berkas itu saja; berkas lain tidak perlu dihapus")))
    return chosen


def build_rekap(results: Sequence[FileResult], manifest: dict | None = None, periode: int | None = None) -> Rekap:
    """Merge per-file results: one copy per pegawai by content, manifest gaps and strangers reported,
    kurva checked per unit and period. ``periode``: keep one period (0 the year)."""
    rekap = Rekap(files=len(results))
    expected = None if manifest is None else manifest_pegawai(manifest)
    readable = [r for r in results if r.read and r.kind == "skp"]
    # one year and one period type per rekap: the manifest's, else the most files'
    year = int(manifest["tahun"]) if manifest and manifest.get("tahun") else \
        Counter(r.tahun for r in readable).most_common(1)[0][0] if readable else 0
    periods = Counter(r.n_periode for r in readable if r.tahun == year).most_common(1)
    n_periode = periods[0][0] if periods else 4
    copies: dict[str, list[FileResult]] = {}
    for r in results:
        rekap.masalah += r.masalah
        if not r.read or r.kind != "skp":
            continue
        if r.tahun != year or r.n_periode != n_periode:
            what = (_("berkas tahun {tahun}, rekap tahun {year}").format(tahun=r.tahun, year=year) if r.tahun != year
                    else _("berkas dengan {n} periode setahun, rekap dengan {m}").format(n=r.n_periode, m=n_periode))
            rekap.masalah.append(Masalah(r.path, what=_("{what}: tidak ikut direkap (kurva tidak dicampur)").format(
                                                          what=what),
                                         todo=_("rekap berkas satu tahun dan satu jenis periode sekaligus")))
            continue
        rekap.files_read += 1
        rekap.n_periode = r.n_periode
        rekap.tahun = year
        nips = dict.fromkeys(b.nip for b in r.rows)
        if expected is not None and nips and not any(nip in expected for nip in nips):
            rekap.masalah.append(Masalah(r.path, what=_("berkas dari unit lain: pegawainya tidak ada di "
                                                        "manifest"),
                                         todo=_("pisahkan berkas unit lain; tidak ikut direkap")))
            continue
        for nip in nips:
            copies.setdefault(nip, []).append(r)
    # a mutasi: the pegawai's copies hold parts of the year that do not overlap (RULES.md section 10)
    parts = {nip: rs for nip, rs in copies.items() if len(rs) > 1 and is_parts(nip, rs)}
    chosen = _choose(rekap, {nip: rs for nip, rs in copies.items() if nip not in parts})
    if expected is not None:
        for nip, info in expected.items():
            if nip not in copies:
                rekap.masalah.append(Masalah(info["file"], info.get("sheet", ""),
                                             what=_("berkas untuk {x} ({nip}) belum masuk").format(
                                                      x=info.get('nama', nip), nip=nip),
                                             todo=_("kumpulkan berkas ini")))
    organisasi: dict[tuple[str, int], str] = {}
    settings: Settings | None = None
    used = [*chosen.values(), *(r for rs in parts.values() for r in rs)]
    for r in {id(r): r for r in used}.values():
        settings = settings or r.settings
        for key, v in r.organisasi.items():
            if key in organisasi and organisasi[key] != v:
                rekap.masalah.append(Masalah(r.path, "Pengaturan", what=_("predikat organisasi {key} periode {key2} "
                                                                          "berbeda antar berkas ({organisasi} / "
                                                                          "{v})").format(
                                                                            key=key[0], key2=key[1], organisasi=organisasi[key], v=v),
                                             todo=_("samakan di Pengaturan; dipakai yang pertama")))
            organisasi.setdefault(key, v)
    current = max((r.last_filled for r in used), default=0)
    n = rekap.n_periode
    for nip, r in chosen.items():
        rekap.filled = rekap.filled or r.filled.get(nip, False)
        rekap.rows += [b for b in r.rows if b.nip == nip and (periode is None or b.periode == periode)]
        rekap.belum += [b for b in r.belum if b.nip == nip and (b.periode and b.periode <= current
                                                                or b.periode == 0 and current >= n)
                        and (periode is None or b.periode == periode)]
        rekap.ak += [a for a in r.ak if a.nip == nip]
    rekap.settings = settings or Settings()
    for nip, rs in parts.items():
        rekap.filled = rekap.filled or any(r.filled.get(nip, False) for r in rs)
        rows, ak, belum = gabung(nip, rs, n, rekap.settings)
        rekap.rows += [b for b in rows if periode is None or b.periode == periode]
        rekap.belum += [b for b in belum if (b.periode and b.periode <= current or b.periode == 0 and current >= n)
                        and (periode is None or b.periode == periode)]
        rekap.ak += ak
    rekap.instansi = next((r.instansi for r in readable if r.instansi), "")
    rekap.organisasi = organisasi
    rekap.units = units_of(rekap.rows, organisasi, n, rekap.settings)
    return rekap


def units_of(rows: list[Baris], organisasi: dict, n: int, settings: Settings) -> list[UnitRow]:
    """Per unit and period: the count per predikat and the kurva of its predikat organisasi."""
    out = []
    units = sorted({b.kurva_unit for b in rows})
    for unit in units:
        for periode in sorted({b.periode for b in rows}, key=lambda p: p or n + 1):
            preds = [predikat_of(b.predikat) for b in rows if b.kurva_unit == unit and b.periode == periode]
            org = organisasi.get((unit, periode or n + 1), "")
            label = next((b.periode_nama for b in rows if b.periode == periode), TAHUNAN_LABEL)
            try:
                hasil = rules.cek_kurva(org, preds, settings=settings) if org else None
            except InputError:
                hasil = None
            counts = rules.hitung_predikat(preds)
            out.append(UnitRow(unit, periode, label, org, counts, sum(counts.values()),
                               list(hasil.aturan) if hasil else []))
    return out
