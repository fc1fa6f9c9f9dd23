"""The rekap's rows of one workbook read back, as typed objects: one :class:`Baris` per pegawai and period
(ratings and predikat as the core's members, a reason as :class:`~skpkit.errors.Invalid`), what is not
complete yet (:class:`BelumLengkap`), and the angka kredit of each fungsional (:class:`BarisAK`).

Everything is recomputed with :meth:`skpkit.plan.WorkbookPlan.evaluate` from what was entered; a stored
formula result is never trusted (:mod:`.checks` compares it). Nothing is formatted to text here: the rekap
workbook, the CSV files and the DataFrames format at the edge (:func:`shown`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, fields
from typing import Any, Callable

from skpkit.errors import InputError, Invalid  # noqa: F401 (Invalid: the examples use it)
from skpkit.bagian import Bagian, bagian
from skpkit.issuing import has_content
from skpkit.evaluasi import HasilPegawai
from skpkit.generator.errors import Masalah
from skpkit.generator.layout.stored import WorkbookData
from skpkit.i18n import _
from skpkit.model import Jenjang, Predikat, Rating, Settings
from skpkit.plan import SheetPlan, cell_value
from skpkit.rules import ak as aturan_ak
from skpkit.rules.ak import PosisiAK
from skpkit.rules.masa import TIDAK_DINILAI
from skpkit.rules.nilai import angka, is_blank

__all__ = ["Baris", "BarisAK", "BelumLengkap", "FileResult", "rows_of", "shown", "predikat_of", "record",
           "TAHUNAN_LABEL", "ak_value", "predikat_label"]

TAHUNAN_LABEL = "Tahunan"
#: a rating or predikat cell: the member, the reason it could not be computed, or nothing yet
Nilai = Any


def shown(value: Any) -> Any:
    """A typed value as the rekap shows it: numbers stay numbers, members their label, a reason
    ``#SKP! ...``, nothing ``""``.

    Examples
    --------
    >>> shown(Rating.SESUAI), shown(None), shown(Invalid("target 0")), shown(2.5)
    ('Sesuai Ekspektasi', '', '#SKP! target 0', 2.5)
    """
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    return str(cell_value(value))


def predikat_of(value: Any) -> Predikat | None:
    """The predikat of a row, ``None`` where there is none (not rated, or a reason)."""
    return value if isinstance(value, Predikat) else None


@dataclass
class Baris:
    """One row of ``Rekap Pegawai``: a pegawai in one period (``periode`` 0 is the year)."""

    nip: str
    nama: str
    unit: str
    kurva_unit: str
    jabatan: str
    jenis_jabatan: str
    jenjang: str
    periode: int
    periode_nama: str
    organisasi: str
    hasil_saran: Nilai
    hasil: Nilai
    perilaku_saran: Nilai
    perilaku: Nilai
    predikat: Nilai
    #: a number, :data:`~skpkit.rules.masa.TIDAK_DINILAI` outside the pegawai's period, or none
    angka_kredit: Any
    penilai_nama: str
    penilai_nip: str
    penilai_jabatan: str
    file: str
    sheet: str
    #: SIASN's ids of the pegawai, from the roster (blank where it had none)
    pns_id: str = ""
    golongan_id: str = ""
    penilai_unit: str = ""
    #: PNS, PPPK or PPPK Paruh Waktu
    status: str = "PNS"


@dataclass
class BelumLengkap:
    nip: str
    nama: str
    unit: str
    periode: int
    periode_nama: str
    apa: str
    siapa: str
    file: str
    sheet: str


@dataclass
class BarisAK:
    """The angka kredit of one fungsional for the year (RULES.md section 6): per period and for the year, the
    months from the TMT jabatan, the AK carried in, and the position after the year."""

    nip: str
    nama: str
    unit: str
    jenjang: str
    #: AK per period (``None``: not rated)
    periode: list[float | None]
    tahunan: float | None
    #: the sum of the periods
    jumlah: float | None
    ak_pangkat: float | None
    ak_jenjang: float | None
    tmt_jabatan: dt.date | None
    #: months of the year held in the jabatan, and of each period
    bulan: int | None
    bulan_periode: list[int | None]
    ak_awal_pangkat: float | None
    ak_awal_jenjang: float | None
    kumulatif_pangkat: float | None = None
    kurang_pangkat: float | None = None
    kumulatif_jenjang: float | None = None
    kurang_jenjang: float | None = None
    #: other conditions of kenaikan jenjang, to verify
    syarat: str = ""
    pns_id: str = ""
    golongan_id: str = ""
    #: for the angka kredit documents (``skp print rekap.xlsx --form ak``): pangkat/golongan, jabatan,
    #: status (PNS, PPPK), the predikat of each period and of the year, the koefisien a year of the jenjang
    pangkat: str = ""
    jabatan: str = ""
    status: str = ""
    predikat_periode: list[str | None] = field(default_factory=list)
    predikat_tahunan: str | None = None
    koefisien: float | None = None
    #: a kenaikan jenjang in the year (roster ``Jenjang Sebelumnya``): that jenjang, and of each period and of
    #: the year (last) the months held in it (they come first in the period) and the AK they earn (a part of
    #: the period's), as the evaluation gives them
    jenjang_sebelumnya: str = ""
    bulan_lama: list[int] = field(default_factory=list)
    ak_lama: list[float | None] = field(default_factory=list)


@dataclass
class FileResult:
    """What one file gave the rekap: rows, what is not complete, problems, and the file's settings."""

    path: str
    rows: list[Baris] = field(default_factory=list)
    belum: list[BelumLengkap] = field(default_factory=list)
    masalah: list[Masalah] = field(default_factory=list)
    organisasi: dict[tuple[str, int], str] = field(default_factory=dict)
    settings: Settings | None = None
    n_periode: int = 0
    ak: list[BarisAK] = field(default_factory=list)
    read: bool = False
    tahun: int = 0
    #: the latest period with any realisasi in this file
    last_filled: int = 0
    #: ``skp`` (one of ours) or ``ekinerja`` (an e-Kinerja rekap, read when the rekap's period type is known)
    kind: str = "skp"
    #: NIP -> whether anything was entered on that pegawai's sheet (a blank copy loses to a filled one)
    filled: dict[str, bool] = field(default_factory=dict)
    #: NIP -> a digest of what was entered (two copies with the same entries are one)
    content: dict[str, str] = field(default_factory=dict)
    #: NIP -> the part of the pegawai's year this file holds (a mutasi: :mod:`skpkit.bagian`)
    bagian: dict[str, Bagian] = field(default_factory=dict)
    instansi: str = ""


def record(row: Any) -> dict[str, Any]:
    """A row as a record of shown values (:func:`shown`), for a table, a CSV or a DataFrame."""
    return {f.name: shown(getattr(row, f.name)) for f in fields(row)}


def _number_or_none(x: Any) -> float | None:
    try:
        return angka(x)
    except InputError:
        return None


def predikat_label(x: Any) -> str | None:
    """A predikat as its label, ``tidak dinilai`` outside the pegawai's period; ``None`` for none or a reason."""
    return x.value if isinstance(x, Predikat) or x is TIDAK_DINILAI else None


def _float(x: Any) -> float | None:
    return x if isinstance(x, float) else None


def ak_value(x: Any) -> float | str | None:
    """A period's AK as the rekap shows it: the number, ``tidak dinilai`` outside the pegawai's period, or none."""
    return x if x is TIDAK_DINILAI else _float(x)


def _belum(sheet: SheetPlan, res: HasilPegawai, n: int, nama_periode: Callable[[int], str],
           file: str) -> list[BelumLengkap]:
    out: list[BelumLengkap] = []
    p_ = sheet.pegawai

    def add(periode: int, apa: str, siapa: str) -> None:
        label = TAHUNAN_LABEL if periode == 0 else nama_periode(periode)
        out.append(BelumLengkap(p_.nip, p_.nama, p_.unit, periode, label, apa, siapa, file, sheet.name))

    used = [ind for slot in sheet.slots for ind in slot.indikator
            if not is_blank(sheet.indikator_value(ind, "indikator"))
            or not is_blank(sheet.indikator_value(ind, "target_min"))]
    for p in [*range(1, n + 1), 0]:
        hp = res.tahunan if p == 0 else res.periode[p - 1]
        if hp.predikat is TIDAK_DINILAI:  # outside the pegawai's own SKP period: nothing is due
            continue
        if not sheet.pimpinan and not used:
            add(p, _("RHK dan indikator belum diisi"), _("pegawai"))
            continue
        if p:
            missing = sum(1 for ind in used if is_blank(sheet.isian.get(ind.id, "realisasi", p)))
            if missing:
                add(p, _("realisasi belum diisi: {missing} dari {n} indikator").format(missing=missing, n=len(used)), _("pegawai"))
            if hp.perilaku_saran is None and is_blank(sheet.isian.perilaku_penilai.get(p)):
                add(p, _("rating perilaku kerja belum diberikan"), _("pejabat penilai"))
        if sheet.pimpinan and hp.hasil is None:
            add(p, _("predikat kinerja organisasi belum diisi di Pengaturan"), _("pimpinan satu tingkat di atas"))
        if hp.predikat is None and not any(b.periode == p for b in out):
            add(p, _("predikat belum dapat dihitung"), _("pegawai dan pejabat penilai"))
    return out


def _jenjang(x: object) -> str:
    """A jenjang's name, or "" where there is none (the sheet's checks name one that is no jenjang)."""
    try:
        return "" if is_blank(x) else Jenjang.parse(x).value
    except InputError:
        return ""


def _ak(sheet: SheetPlan, res: HasilPegawai, settings: Settings) -> BarisAK:
    p_ = sheet.pegawai
    jenjang = p_.jenjang
    assert isinstance(jenjang, Jenjang)
    posisi = res.posisi_ak if isinstance(res.posisi_ak, PosisiAK) else None
    try:
        tmt = aturan_ak.tanggal(p_.tmt_jabatan)
    except InputError:
        tmt = None
    return BarisAK(
        p_.nip, p_.nama, p_.unit, jenjang.value,
        periode=[_float(hp.angka_kredit) for hp in res.periode], tahunan=_float(res.tahunan.angka_kredit),
        jumlah=res.angka_kredit_periode, ak_pangkat=None if p_.is_pppk else
        aturan_ak.syarat_pangkat(jenjang, p_.pangkat, settings=settings),
        ak_jenjang=settings.ak_jenjang.get(jenjang), tmt_jabatan=tmt,
        bulan=res.tahunan.bulan_ak if isinstance(res.tahunan.bulan_ak, int) else None,
        bulan_periode=[hp.bulan_ak if isinstance(hp.bulan_ak, int) else None for hp in res.periode],
        ak_awal_pangkat=None if p_.is_pppk else _number_or_none(p_.ak_awal_pangkat), ak_awal_jenjang=_number_or_none(p_.ak_awal_jenjang),
        kumulatif_pangkat=posisi and posisi.kumulatif_pangkat, kurang_pangkat=posisi and posisi.kurang_pangkat,
        kumulatif_jenjang=posisi and posisi.kumulatif_jenjang, kurang_jenjang=posisi and posisi.kurang_jenjang,
        syarat="; ".join(aturan_ak.syarat_kenaikan_jenjang(jenjang)), pns_id=p_.pns_id, golongan_id=p_.golongan_id,
        pangkat=p_.pangkat or "", jabatan=p_.jabatan or "", status="PPPK" if p_.is_pppk else "PNS",
        predikat_periode=[predikat_label(hp.predikat) for hp in res.periode], predikat_tahunan=predikat_label(res.tahunan.predikat),
        koefisien=settings.koefisien.get(jenjang),
        jenjang_sebelumnya=_jenjang(p_.jenjang_sebelumnya),
        bulan_lama=list(res.bulan_lama), ak_lama=[hp.angka_kredit_lama for hp in (*res.periode, res.tahunan)])


def rows_of(data: WorkbookData, results: dict[str, HasilPegawai], skip: set[str] = frozenset()) -> FileResult:
    """The rekap rows of one workbook read back, from each sheet's evaluation (``results``, by sheet name);
    sheets in ``skip`` (a NIP that is no NIP) give no row."""
    plan = data.plan
    n = plan.jenis_periode.jumlah
    nama = plan.jenis_periode.nama
    out = FileResult(str(data.path), organisasi=dict(plan.organisasi), settings=plan.settings, n_periode=n,
                     read=True, tahun=plan.tahun, instansi=plan.instansi)
    out.last_filled = max((p for sp in plan.sheets for p in sp.isian.periods_filled()), default=0)
    for sheet in plan.sheets:
        if sheet.name in skip:
            continue
        p_ = sheet.pegawai
        res = results[sheet.name]
        out.filled[p_.nip] = has_content(sheet)
        out.content[p_.nip] = hashlib.sha256(repr(sorted((repr(k), repr(v)) for k, v in sheet.isian.items()))
                                             .encode()).hexdigest()
        out.belum += _belum(sheet, res, n, nama, data.path.name)
        out.bagian[p_.nip] = bagian(sheet.evaluasi_input(n, plan.organisasi, plan.jenis_periode, plan.tahun), res,
                                    plan.settings)
        for periode, hp in [*enumerate(res.periode, 1), (0, res.tahunan)]:
            col = periode or n + 1
            out.rows.append(Baris(
                p_.nip, p_.nama, p_.unit, sheet.kurva_unit, p_.jabatan, p_.jenis_jabatan.value,
                p_.jenjang.value if p_.jenjang else "", periode, TAHUNAN_LABEL if periode == 0 else nama(periode),
                plan.organisasi.get((p_.unit, col), ""), hp.hasil_saran, hp.hasil, hp.perilaku_saran,
                hp.perilaku, hp.predikat, ak_value(hp.angka_kredit),
                sheet.penilai.nama, sheet.penilai.nip, sheet.penilai.jabatan, data.path.name, sheet.name,
                p_.pns_id, p_.golongan_id, sheet.penilai.unit, p_.status))
        if p_.is_fungsional and p_.jenjang:
            out.ak.append(_ak(sheet, res, plan.settings))
    return out


def rating_of(value: Any) -> Rating | None:
    """The rating of a row's cell, ``None`` where there is none."""
    return value if isinstance(value, Rating) else None
