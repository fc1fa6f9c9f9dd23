"""Synthetic rosters and random fill-ins for the generator tests and benchmarks."""

from __future__ import annotations

import datetime as dt
import random

from skpkit.model import BERAKHLAK, JenisJabatan, Jenjang, Pegawai, Rating, Settings
from skpkit.plan import TAHUNAN, WorkbookPlan


def nip(i: int) -> str:
    return f"{1960 + i % 40:04d}{1 + i % 12:02d}{1 + i % 28:02d}{2000 + i % 20:04d}{1 + i % 12:02d}{1 + i % 2}{1 + i % 999:03d}"


def _pangkat(jenjang: Jenjang | None, seed: int, i: int) -> str:
    """A pangkat cell: for a fungsional sometimes the top golongan of the jenjang (RULES.md section 6), in
    the forms rosters write it; drawn apart from the roster's own random stream, which stays as it was."""
    if jenjang is None:
        return "Penata (III/c)"
    top = Settings().golongan_puncak[jenjang]
    return random.Random(seed * 100_003 + i).choice(["Penata (III/c)", "Penata (III/c)", f"Pembina ({top})", top,
                                                      f"{top.lower()}, Pembina"])


def roster(n: int, unit_size: int = 10, seed: int = 1) -> list[Pegawai]:
    """n pegawai in units of ``unit_size``: a head (Administrator or JPT) and staff of every kind."""
    rnd = random.Random(seed)
    out: list[Pegawai] = []
    kinds = [JenisJabatan.PENGAWAS, JenisJabatan.FUNGSIONAL, JenisJabatan.FUNGSIONAL, JenisJabatan.PELAKSANA]
    top = nip(0)
    for i in range(n):
        unit = f"Unit {i // unit_size + 1:03d}"
        if i == 0:
            out.append(Pegawai(top, "Kepala Dinas Satu", "Kepala Dinas", JenisJabatan.JPT, "Pimpinan", ""))
            continue
        if i % unit_size == 0 or i == 1:
            out.append(Pegawai(nip(i), f"Kepala {unit}", f"Kepala {unit}", JenisJabatan.ADMINISTRATOR, unit, top))
            head = nip(i)
            continue
        kind = rnd.choice(kinds)
        jenjang = rnd.choice(list(Jenjang)) if kind is JenisJabatan.FUNGSIONAL else None
        ak: dict = {}
        if jenjang is not None and rnd.random() < 0.8:
            # TMT jabatan before, in (on the 1st, or later in the month) and after the year; AK carried in
            year = rnd.choice([2020, 2026, 2027, 2027, 2027, 2028])
            ak["tmt_jabatan"] = dt.date(year, rnd.randint(1, 12), rnd.choice([1, 1, 2, 15, 28]))
            awal = rnd.choice([None, 0.0, 12.5, 49.99, 150.0, 199.5, 450.0, 1000.0])
            ak["ak_awal_pangkat"] = awal
            ak["ak_awal_jenjang"] = awal if rnd.random() < 0.7 else rnd.choice([None, 0.0, 30.25])
        ak.update(_masa(random.Random(f"masa-{seed}-{i}")))
        lama = random.Random(f"lama-{seed}-{i}")
        if getattr(ak.get("tmt_jabatan"), "year", 0) == 2027 and lama.random() < 0.5:  # a kenaikan jenjang
            ak["jenjang_sebelumnya"] = lama.choice([j for j in Jenjang if j is not jenjang])
        out.append(Pegawai(nip(i), f"Pegawai {i} Nama", f"Staf {i}", kind, unit, head, _pangkat(jenjang, seed, i),
                           jenjang, **ak))
    return out


def _masa(rnd: random.Random) -> dict:
    """Joined or left the unit in the year (a mutasi), or both, for about a quarter of the staff; on the 1st, mid
    month, the last day, or a period's boundary (its own random stream: the roster's other choices stay)."""
    x = rnd.random()

    def day() -> dt.date:
        month = rnd.randint(1, 12)
        return dt.date(2027, month, rnd.choice([1, 1, 2, 15, 28]))
    if x < 0.1:
        return {"tmt_masuk": day()}
    if x < 0.2:
        return {"tmt_keluar": day()}
    if x < 0.25:
        a, b = sorted({day(), day(), dt.date(2027, 12, 31)})[:2]
        return {"tmt_masuk": a, "tmt_keluar": b}
    return {}


EDGE_TARGETS = [(0, 0), (5, 3), (None, None), (-1, 4), (2, None), (0, 10)]


def typed_rating(rnd: random.Random, rating: Rating) -> object:
    """A rating as people paste it: mostly the label, else another spelling the national systems write
    (any case, spaces and dashes), SIASN's numeric code, or an unknown text."""
    x = rnd.random()
    if x < 0.85:
        return rating.value
    if x < 0.95:
        text = rnd.choice([s for s, m in Rating.accepted() if m is rating and not s.isdigit()])
        text = rnd.choice([text.upper(), text.title(), text, "  " + text.replace(" ", "  ") + " "])
        return text.replace(" ", "-", 1) if rnd.random() < 0.2 else text
    if x < 0.99:
        return rnd.choice([rating.kode, float(rating.kode), str(rating.kode)])
    return rnd.choice(["Baik sekali", 4, "Di Atas Harapan"])


def random_fill(plan: WorkbookPlan, seed: int = 0, periods: int | None = None) -> None:
    """Fill every sheet with random entries, edge cases included (target 0, min > max, blanks,
    turun realised at 0, overrides, missing perilaku, predikat organisasi blanks)."""
    rnd = random.Random(seed)
    n = plan.jenis_periode.jumlah
    periods = n if periods is None else periods
    for unit in plan.units:
        for c in range(1, n + 2):
            if rnd.random() < 0.85:
                plan.organisasi[(unit, c)] = rnd.choice(["Istimewa", "Baik", "Baik", "Butuh Perbaikan", "Kurang",
                                                         "Sangat Kurang"])
    for sheet in plan.sheets:
        e = sheet.isian
        for slot in sheet.slots:
            if rnd.random() < 0.35:
                continue
            e.rhk[slot.id] = f"RHK {slot.id}"
            for ind in slot.indikator[:rnd.choice([1, 1, 2, 3])]:
                arah = rnd.choice(["naik", "naik", "turun"])
                agregasi = rnd.choice(["jumlah", "rata-rata", "terakhir"])
                if rnd.random() < 0.06:
                    lo, hi = rnd.choice(EDGE_TARGETS)
                else:
                    lo = rnd.choice([1, 2, 4, 5, 8, 10, 12, 20, 50, 100])
                    hi = rnd.choice([None, lo, lo + rnd.choice([1, 2, 4, 10])])
                row = e.indikator_of(ind.id)
                row.indikator, row.arah, row.agregasi = f"Indikator {ind.id}", arah, agregasi
                row.target_min, row.target_max = lo, hi
                base = (lo or 4) / (n if agregasi == "jumlah" else 1)
                for p in range(1, periods + 1):
                    if rnd.random() < 0.15:
                        continue
                    real = rnd.choice([0, 0.5, 1, 2]) if rnd.random() < 0.1 else \
                        round(base * rnd.choice([0.5, 0.75, 1, 1, 1.25, 1.5, 2]) * 4) / 4
                    if rnd.random() < 0.02:  # a number typed as text: never read as a number
                        real = rnd.choice(["12", "1_000", "80%", "inf"])
                    row.realisasi[p] = real
        for p in range(1, periods + 1):
            for v in range(len(BERAKHLAK)):
                if rnd.random() < 0.8:
                    e.perilaku_of(v).rating[p] = typed_rating(rnd, rnd.choices(list(Rating), weights=[3, 6, 1])[0])
            if rnd.random() < 0.1:
                e.hasil_penilai[p] = typed_rating(rnd, rnd.choice(list(Rating)))
            if rnd.random() < 0.1:
                e.perilaku_penilai[p] = typed_rating(rnd, rnd.choice(list(Rating)))
        if rnd.random() < 0.1:
            e.hasil_penilai[TAHUNAN] = typed_rating(rnd, rnd.choice(list(Rating)))
        if rnd.random() < 0.1:
            e.perilaku_penilai[TAHUNAN] = typed_rating(rnd, rnd.choice(list(Rating)))


def write_filled(folder, people: list[Pegawai], prefix: str = "", **plan_options) -> list:
    """Plans for ``people``, each randomly filled (seed = its position) and written to ``folder``:
    ``[(path, plan)]``."""
    from skpkit.issuing import Roster
    from skpkit.generator.layout import plans_for
    from skpkit.generator.write.workbook import write_workbook

    out = []
    for k, (stem, plan) in enumerate(plans_for(Roster(people), tahun=2027, instansi="Uji", **plan_options)):
        random_fill(plan, seed=k)
        path = folder / f"{prefix}{stem}.xlsx"
        write_workbook(plan, path)
        out.append((path, plan))
    return out
