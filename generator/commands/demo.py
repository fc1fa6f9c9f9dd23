"""``skp demo``: the embedded sample organisation, generated end to end, blank and filled."""

from __future__ import annotations

import datetime as dt

import random
from dataclasses import dataclass
from pathlib import Path

import xlsxwriter

from skpkit.model import BERAKHLAK, JenisJabatan, JenisPeriode, Jenjang, Pegawai, Rating, Settings
from skpkit.generator.commands import demo_data as D
from skpkit.issuing import Roster
from skpkit.generator.files import atomic_target
from skpkit.generator.commands.generate import GenerateOptions, default_year, generate
from skpkit.plan import WorkbookPlan
from skpkit.generator.read.registry import get_reader
from skpkit.generator.commands.template import write_template

__all__ = ["DemoResult", "run_demo", "demo_pegawai", "fill_plan"]


def _nip(i: int, lahir_year: int, gender: int) -> str:
    month, day = 1 + i % 12, 1 + (i * 7) % 28
    tmt = lahir_year + 24 + i % 6
    return f"{lahir_year:04d}{month:02d}{day:02d}{tmt:04d}{1 + i % 12:02d}{gender}{i + 1:03d}"


def demo_pegawai() -> tuple[Pegawai, list[Pegawai]]:
    """The Sekda (the external superior) and the roster of the dinas."""
    sekda = Pegawai(D.SEKDA[0], D.SEKDA[1], D.SEKDA[2], JenisJabatan.parse(D.SEKDA[3]), D.SEKDA[4], "",
                    D.SEKDA[5])
    nips = {"sekda": sekda.nip}
    for i, row in enumerate(D.ROSTER):
        nips[row[0]] = _nip(i, 1968 + (i * 5) % 30, 1 + i % 2)
    roster = []
    for key, nama, jab, jenis, jenjang, pangkat, unit, up in D.ROSTER:
        tmt, awal = D.AK_AWAL.get(key, (None, None))
        roster.append(Pegawai(nips[key], nama, jab, JenisJabatan.parse(jenis), unit, nips[up], pangkat,
                              Jenjang.parse(jenjang) if jenjang else None,
                              tmt_jabatan=dt.date.fromisoformat(tmt) if tmt else None,
                              ak_awal_pangkat=awal, ak_awal_jenjang=awal))
    return sekda, roster


def _write_roster(path: Path, roster: list[Pegawai]) -> None:
    with atomic_target(path) as tmp:
        wb = xlsxwriter.Workbook(str(tmp))
        ws = wb.add_worksheet("Roster")
        text = wb.add_format({"num_format": "@"})
        date = wb.add_format({"num_format": "dd-mm-yyyy"})
        head = ["NIP", "Nama", "Jabatan", "Jenis Jabatan", "Jenjang", "Pangkat/Golongan", "Unit Kerja", "NIP Atasan",
                "TMT Jabatan", "AK Awal"]
        ws.write_row(0, 0, head, wb.add_format({"bold": True}))
        for r, p in enumerate(roster, start=1):
            ws.write_string(r, 0, p.nip, text)
            ws.write_row(r, 1, [p.nama, p.jabatan, p.jenis_jabatan.value, p.jenjang.value if p.jenjang else "",
                                p.pangkat, p.unit])
            ws.write_string(r, 7, p.nip_atasan, text)
            if p.tmt_jabatan is not None:
                ws.write_datetime(r, 8, p.tmt_jabatan, date)
            if p.ak_awal_pangkat is not None:
                ws.write_number(r, 9, p.ak_awal_pangkat)
        ws.set_column(0, 0, 21)
        ws.set_column(1, 2, 40)
        ws.set_column(3, 9, 18)
        wb.close()


def _fill_sekda(plan: WorkbookPlan) -> None:
    sheet = plan.sheets[0]
    for slot, text in zip(sheet.slots, D.SEKDA_RHK):
        sheet.isian.rhk[slot.id] = text
    block = plan.matriks[0]
    for bawahan in block.bawahan:
        for i, text in D.SEKDA_MATRIKS.items():
            block.entries[(bawahan.nip, sheet.slots[i].id)] = text


@dataclass
class _Filler:
    periods_filled: int
    seed: int = 2027

    def __call__(self, plan: WorkbookPlan) -> None:
        fill_plan(plan, self.periods_filled, self.seed)


def fill_plan(plan: WorkbookPlan, periods_filled: int, seed: int = 2027) -> None:
    """Add what staff and penilai would have entered by period ``periods_filled``: RHK, indikator,
    targets, realisasi, bukti, perilaku ratings, a few overrides, and the predikat organisasi."""
    n = plan.jenis_periode.jumlah
    by_name = {s.name: s for s in plan.sheets}
    org_cycle = ["Baik", "Istimewa", "Baik", "Baik", "Butuh Perbaikan"]
    for unit in plan.units:  # the same unit gets the same predikat in every workbook
        for p in range(1, periods_filled + 1):
            plan.organisasi[(unit, p)] = org_cycle[(sum(map(ord, unit)) + p) % len(org_cycle)]
    for sheet in plan.sheets:
        rnd = random.Random(f"{seed}-{sheet.pegawai.nip}")
        e = sheet.isian
        if sheet.choices_sheet:
            sup = by_name[sheet.choices_sheet]
            choices = [(s.id, str(sup.isian.rhk.get(s.id, s.teks))) for s in sup.slots
                       if sup.isian.rhk.get(s.id, s.teks)]
        else:
            choices = list(sheet.choices)
        tema = D.TEMA[sum(map(ord, sheet.pegawai.unit)) % len(D.TEMA)]
        utama = [s for s in sheet.slots if s.jenis.value == "Utama"]
        n_rhk = max(sum(1 for s in utama if s.issued), 2)
        for k, slot in enumerate(utama[:n_rhk]):
            theme = D.TEMA[(sum(map(ord, sheet.pegawai.unit)) + k) % len(D.TEMA)] if k else tema
            if not slot.issued:
                e.rhk[slot.id] = f"{theme[0]} ({sheet.pegawai.jabatan.split(' ')[0].lower()})"
                if choices:
                    e.intervensi[slot.id] = choices[k % len(choices)][0]
            for j, (teks, satuan, aspek, arah, agregasi, lo, hi) in enumerate(theme[1]):
                row = e.indikator_of(slot.indikator[j].id)
                scale = 1 if satuan == "%" or agregasi != "jumlah" else rnd.choice([1, 1, 2])
                row.indikator, row.satuan, row.aspek, row.arah, row.agregasi = teks, satuan, aspek, arah, agregasi
                row.target_min, row.target_max = lo * scale, hi * scale
                for p in range(1, periods_filled + 1):
                    per = (lo * scale / n) if agregasi == "jumlah" else lo
                    real = per * rnd.choices([0.9, 1.0, 1.05, 1.1, 1.3], weights=[1, 8, 4, 3, 2])[0]
                    row.realisasi[p] = round(real) if satuan not in ("%", "hari") else round(real, 1)
                    row.bukti[p] = f"Laporan {plan.jenis_periode.nama(p)} - {satuan}"
        for p in range(1, periods_filled + 1):
            for v in range(len(BERAKHLAK)):
                e.perilaku_of(v).rating[p] = rnd.choices(list(Rating), weights=[4, 12, 0.15])[0].value
            if rnd.random() < 0.15:
                e.hasil_penilai[p] = rnd.choice(list(Rating)).value
            e.perilaku_of(0).umpan_balik[p] = "Pertahankan kualitas layanan."
        e.lampiran["sumber_daya"] = "Anggaran DPA, perangkat kerja, dan akses aplikasi"
        e.lampiran["skema"] = "Laporan bulanan kepada pejabat penilai"
        e.lampiran["konsekuensi"] = "Sesuai ketentuan disiplin dan kinerja ASN"


@dataclass
class DemoResult:
    atasan: Path
    roster: Path
    kosong: list[Path]
    terisi: list[Path]


def run_demo(out: Path, *, tahun: int | None = None, jenis_periode: JenisPeriode = JenisPeriode.TRIWULANAN,
             periods_filled: int = 2, progress: bool = True, jobs: int = 1) -> DemoResult:
    """Write the demo into ``out``: the superior's workbook, the roster, ``kosong/`` and ``terisi/``."""
    tahun = tahun or default_year()
    out.mkdir(parents=True, exist_ok=True)
    sekda, pegawai = demo_pegawai()
    atasan = out / "atasan" / f"SKP-{tahun}-sekretariat-daerah.xlsx"
    atasan.parent.mkdir(parents=True, exist_ok=True)
    write_template(sekda, pegawai, atasan, tahun=tahun, instansi=D.INSTANSI, jenis_periode=jenis_periode,
                   fill=_fill_sekda, settings=Settings(tempat=D.TEMPAT))
    roster_path = out / "roster.xlsx"
    _write_roster(roster_path, pegawai)
    sup = get_reader("skp").read(atasan)
    roster = Roster(get_reader("roster").read(roster_path, external=tuple(sup.by_nip)), sup.plan)
    opts = GenerateOptions(jenis_periode=jenis_periode, tahun=tahun, progress=progress, jobs=jobs,
                           instansi=D.INSTANSI)
    kosong = generate(roster, out / "kosong", opts)
    terisi = generate(roster, out / "terisi", opts, fill=_Filler(periods_filled))
    return DemoResult(atasan, roster_path, kosong, terisi)

