"""Every native formula equals the Python rules, checked without a spreadsheet program.

Generated workbooks (random fills with edge cases, plus pegawai set exactly on the rules'
boundaries) are evaluated by the small engine in ``excel_eval`` and every formula cell must equal
the value the writer cached from :mod:`skpkit.evaluasi`. The mutation tests prove the check bites:
a one-character change to the RHK, perilaku or angka kredit formula is caught. LibreOffice holds
the engine itself honest in ``test_generate_recalc`` (same fills, recalculated for real).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from skpkit.model import JenisJabatan, JenisPeriode, Jenjang, Rating, Settings
from skpkit.rules.ak import PosisiAK
from skpkit.issuing import Roster
from skpkit.generator.layout import plans_for
from skpkit.rules.engine import NativeFormulas
from skpkit.generator.write.workbook import write_workbook
from excel_eval import drift
from synthetic import random_fill, roster


def _boundary(plan) -> None:
    """The first staff sheet of each workbook on the boundaries of three rules, period 1:
    RHK with exactly half its indikator Di Atas (PorsiDiAtas 0.5, compared with >=), a hasil kerja with
    exactly half its RHK Di Atas (Sesuai: >) and, in period 2, half Di Bawah (Di Bawah: >=); exactly
    PerilakuMinDiAtas (4) BerAKHLAK values Di Atas; a fungsional with an angka kredit."""
    sheet = next((s for s in plan.sheets if s.pegawai.jenis_jabatan is not JenisJabatan.JPT), None)
    if sheet is None:
        return
    sheet.pegawai = type(sheet.pegawai)(**{**sheet.pegawai.__dict__, "jenis_jabatan": JenisJabatan.FUNGSIONAL,
                                           "jenjang": Jenjang.AHLI_MUDA})
    isian = sheet.isian
    slot = sheet.slots[0]
    isian.rhk[slot.id] = "RHK di batas"
    for ind in slot.indikator:
        isian.indikator.pop(ind.id, None)
    for ind, real, real2 in zip(slot.indikator[:2], (12, 10), (5, 10)):
        row = isian.indikator_of(ind.id)
        row.indikator, row.arah, row.agregasi, row.target_min = "batas", "naik", "terakhir", 10
        row.realisasi.clear()
        row.realisasi.update({1: real, 2: real2})
    # a second RHK utama, Sesuai in periods 1 and 2: the hasil kerja of period 1 is 1 Di Atas of 2 RHK
    # (not "most": Sesuai, PorsiDiAtas compared with >), of period 2 is 1 Di Bawah of 2 (Di Bawah,
    # PorsiDiBawah compared with >=)
    second = sheet.slots[1]
    isian.rhk[second.id] = "RHK kedua"
    for ind in second.indikator:
        isian.indikator.pop(ind.id, None)
    row = isian.indikator_of(second.indikator[0].id)
    row.indikator, row.arah, row.agregasi, row.target_min, row.target_max = "batas", "naik", "terakhir", 10, None
    row.realisasi.clear()
    row.realisasi.update({1: 10, 2: 10})
    for other in sheet.slots[2:]:
        isian.rhk.pop(other.id, None)
        for ind in other.indikator:
            isian.indikator.pop(ind.id, None)
    # numbers typed as text are not numbers, in the formulas as in the rules (RULES.md section 8),
    # on another pegawai's sheet: in an earlier period, the current one blank, and in the current one
    other = next((s for s in plan.sheets if s is not sheet and s.pegawai.jenis_jabatan is not JenisJabatan.JPT), None)
    if other is not None:
        for ind, (text, periode) in zip(other.slots[0].indikator, (("12", 1), ("inf", 2), ("1_000", 1))):
            row = other.isian.indikator_of(ind.id)
            row.indikator, row.arah, row.agregasi, row.target_min = "teks", "naik", "jumlah", 10
            row.realisasi = {periode: text}
    for v in range(7):
        isian.perilaku_of(v).rating[1] = (Rating.DI_ATAS if v < 4 else Rating.SESUAI).value
    for p in (1, 2):
        isian.hasil_penilai.pop(p, None)
        isian.perilaku_penilai.pop(p, None)
    _top_golongan(plan, exclude={sheet.name})


#: the pangkat of the sheets set at the top golongan of their jenjang (RULES.md section 6)
PUNCAK = "Puncak ({})"


def _top_golongan(plan, exclude: set[str]) -> None:
    """A fungsional whose year is rated, moved to the top golongan of a jenjang whose requirements for
    pangkat and jenjang differ: the shortfall for pangkat is then the jenjang's."""
    settings = Settings()
    for s in plan.sheets:
        j = s.pegawai.jenjang
        if s.name in exclude or j is None or settings.ak_jenjang[j] in (None, settings.ak_pangkat[j]):
            continue
        if isinstance(plan.evaluate(s).posisi_ak, PosisiAK):
            # no AK carried in, so the two requirements give two shortfalls
            s.pegawai = type(s.pegawai)(**{**s.pegawai.__dict__, "pangkat": PUNCAK.format(settings.golongan_puncak[j]),
                                           "ak_awal_pangkat": None})
            return


def _plans():
    out = []
    people = roster(30, unit_size=15, seed=11)
    # a kenaikan jenjang in the year (the earlier jenjang's months: their own AK formula) for the first fungsional
    # with a TMT in it; the others keep a TMT that starts their period
    k = next(i for i, p in enumerate(people) if getattr(p.tmt_jabatan, "year", 0) == 2027)
    people[k] = replace(people[k], jenjang_sebelumnya=Jenjang.TERAMPIL)
    for k, (stem, plan) in enumerate(plans_for(Roster(people), tahun=2027, instansi="Uji")):
        if k % 2:
            plan.jenis_periode = JenisPeriode.BULANAN
        random_fill(plan, seed=100 + k)
        _boundary(plan)
        out.append((stem, plan))
    return out


@pytest.fixture(scope="module")
def plans():
    return _plans()


def _write_all(plans, folder):
    paths = []
    for stem, plan in plans:
        path = folder / f"{stem}.xlsx"
        write_workbook(plan, path)
        paths.append(path)
    return paths


def _drift(paths) -> list[str]:
    """Drift of every sheet but the printed forms of all but the first pegawai of each workbook: their
    formulas are written by one code path, so one print sheet a workbook checks them (the LibreOffice
    recalculation tests compare every cell of every sheet)."""
    from skpkit.generator.layout import labels
    from skpkit.generator.read.package import open_source

    prefix = labels()["sheets"]["cetak_prefix"]
    out = []
    for p in paths:
        names = open_source(p).sheet_names
        printed = [n for n in names if n.startswith(prefix)]
        out += drift(p, {n for n in names if n not in printed[1:]})
    return out


def test_every_formula_equals_the_rules(plans, tmp_path):
    paths = _write_all(plans, tmp_path)
    assert len(paths) >= 2
    assert _drift(paths) == []


def test_the_boundary_cases_are_really_on_the_boundary(plans):
    """Without this, the mutation tests below could pass by luck."""

    boundary = [(plan, s) for _, plan in plans for s in plan.sheets if s.isian.rhk.get(s.slots[0].id) == "RHK di batas"]
    assert len(boundary) >= 2
    for plan, sheet in boundary:
        res = plan.evaluate(sheet)
        assert res.periode[0].rhk[0] is Rating.DI_ATAS
        assert res.periode[0].hasil_saran is Rating.SESUAI  # 1 of 2 RHK Di Atas
        assert res.periode[1].rhk[:2] == (Rating.DI_BAWAH, Rating.SESUAI)
        assert res.periode[1].hasil_saran is Rating.DI_BAWAH  # 1 of 2 RHK Di Bawah
        assert res.periode[0].perilaku_saran is Rating.DI_ATAS
        assert isinstance(res.periode[0].angka_kredit, float)
    top = [(plan, s) for _, plan in plans for s in plan.sheets if s.pegawai.pangkat.startswith("Puncak (")]
    assert top and all(isinstance(plan.evaluate(s).posisi_ak, PosisiAK) for plan, s in top)
    plan, s = top[0]
    posisi = plan.evaluate(s).posisi_ak
    assert posisi.ak_pangkat == Settings().ak_jenjang[s.pegawai.jenjang] != Settings().ak_pangkat[s.pegawai.jenjang]
    assert 0 < posisi.kurang_pangkat  # a mutation to the pangkat requirement changes the cell


MUTATIONS = {
    "rating_rhk": (">=PorsiDiAtas", ">PorsiDiAtas"),
    "hasil_saran": (">PorsiDiAtas", ">=PorsiDiAtas"),
    "hasil_saran_bawah": (">=PorsiDiBawah", ">PorsiDiBawah"),
    "perilaku_saran": (">=PerilakuMinDiAtas", ">PerilakuMinDiAtas"),
    "angka_kredit": ("/100*", "/10*"),
    "ak_kurang_pangkat": ("INDEX(AKJenjang", "INDEX(AKPangkat"),
}


@pytest.mark.parametrize("method", sorted(MUTATIONS))
def test_a_one_character_mutation_is_caught(plans, tmp_path, monkeypatch, method):
    old, new = MUTATIONS[method]
    method = method.removesuffix("_bawah")
    original = getattr(NativeFormulas, method)

    def mutated(self, *args, **kw):
        text = original(self, *args, **kw)
        assert old in text, f"the mutation no longer applies to {method}: update MUTATIONS"
        return text.replace(old, new)

    monkeypatch.setattr(NativeFormulas, method, mutated)
    # one unit, and only the sheets that hold the boundary cases (with the settings they read)
    unit = plans[1:2] if method != "ak_kurang_pangkat" else \
        [next(p for p in plans if any(s.pegawai.pangkat.startswith("Puncak (") for s in p[1].sheets))]
    stem, plan = unit[0]
    sheets = {"Pengaturan"} | {s.name for s in plan.sheets if s.isian.rhk.get(s.slots[0].id) == "RHK di batas"
                               or s.pegawai.pangkat.startswith("Puncak (")}
    assert len(sheets) >= 2
    # only those sheets (and the superiors they read their choices from) are written: the mutation is in
    # their formulas
    by_name, keep = {s.name: s for s in plan.sheets}, set(sheets) - {"Pengaturan"}
    for name in list(keep):
        while by_name[name].choices_sheet:
            name = by_name[name].choices_sheet
            keep.add(name)
    small = replace(plan, sheets=[s for s in plan.sheets if s.name in keep],
                    matriks=[m for m in plan.matriks if m.atasan_sheet in keep])
    found = [line for p in _write_all([(stem, small)], tmp_path) for line in drift(p, sheets)]
    assert found, f"a mutated {method} formula was not caught"
