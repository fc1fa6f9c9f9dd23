"""skp refresh keeps every value (skp check's side is ``test_check_issued``)."""

from __future__ import annotations

import hashlib
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import openpyxl
from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import edits
from skpkit.issuing import Roster
from skpkit.generator.commands.cli import main
from skpkit.generator.commands.generate import GenerateOptions, generate
from skpkit.generator.files import TMP_MARK
from skpkit.generator.read.workbook import read_workbook
from skpkit.generator.commands.refresh import refresh
from skpkit.issuing import DEFAULTS
from synthetic import random_fill, roster

TESTS = Path(__file__).parent


def _cli(*args: str):
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def _norm(v):
    return float(v) if isinstance(v, (int, float)) else str(v).strip()


def _entries(folder: Path) -> dict[str, dict]:
    out = {}
    for f in sorted(folder.glob("SKP-*.xlsx")):
        if f.stem.count(".") == 0:
            for sp in read_workbook(f).plan.sheets:
                out[sp.pegawai.nip] = {k: _norm(v) for k, v in sp.isian.items()}
    return out


def _change_superior(src: Path, dst: Path) -> dict:
    """Rename RHK 1, drop RHK 2, add RHK 4 handed to the same subordinates."""
    data = read_workbook(src)
    sheet = data.plan.sheets[0]
    g = data.geometry
    wb = edits.load(src)
    ws = wb[sheet.name]
    rhk_col = g.col("rhk") + 1
    ws.cell(g.slot_row(0) + 1, rhk_col, "Meningkatnya kualitas layanan publik digital (revisi)")
    ws.cell(g.slot_row(1) + 1, rhk_col).value = None
    ws.cell(g.slot_row(3) + 1, rhk_col, "Meningkatnya literasi digital masyarakat")
    m = wb["Matriks Peran Hasil"]
    for row in m.iter_rows():
        if isinstance(row[0].value, str) and row[0].value.isdigit() and len(row[0].value) == 18:
            row[2 + 3].value = "v"
    wb.save(dst)
    return {"renamed": sheet.slots[0].id, "dropped": sheet.slots[1].id, "added": sheet.slots[3].id}


def test_demo_refresh_keeps_every_value(demo, tmp_path):
    atasan = tmp_path / "atasan.xlsx"
    changed = _change_superior(next((demo / "atasan").glob("*.xlsx")), atasan)
    before = _entries(demo / "terisi")
    code, output = _cli("refresh", *map(str, sorted((demo / "terisi").glob("*.xlsx"))), "--atasan", str(atasan),
                        "--out", str(tmp_path / "baru"))
    assert code == 0, output
    after = _entries(tmp_path / "baru")
    assert set(after) == set(before)
    lost = [(nip, k, v, after[nip].get(k)) for nip, e in before.items() for k, v in e.items()
            if after[nip].get(k) != v and k[0] not in ("rhk", "intervensi") and DEFAULTS.get(k[0]) != v]
    assert lost == []
    kadis_book = read_workbook(next((tmp_path / "baru").glob("*pimpinan*")))
    kadis = kadis_book.plan.sheets[0]
    issued = [s for s in kadis.slots if s.issued]
    assert {s.intervensi for s in issued} == {changed["renamed"], changed["added"], read_workbook(atasan).plan.sheets[0].slots[2].id}
    renamed = next(s for s in issued if s.intervensi == changed["renamed"])
    assert renamed.teks  # the Kepala Dinas's own text for it was kept (handed down with a text)
    # the RHK whose superior RHK was dropped is still there, not locked, and listed in Arsip
    dropped = [s for s in kadis.slots if s.intervensi == changed["dropped"]]
    assert dropped and not dropped[0].issued
    wb = openpyxl.load_workbook(next((tmp_path / "baru").glob("*pimpinan*")), read_only=True)
    arsip = [r for r in wb["Arsip"].iter_rows(values_only=True)]
    assert any(dropped[0].id in r for r in arsip)
    # the new RHK is offered to the Kepala Dinas's subordinates
    kabid = next(s for s in read_workbook(next((tmp_path / "baru").glob("*aplikasi*"))).plan.sheets
                 if s.pegawai.nip_atasan == kadis.pegawai.nip)
    new_id = next(s.id for s in issued if s.intervensi == changed["added"])
    assert new_id in {c for c, _ in kabid.choices}
    assert "RHK atasan tidak ada lagi" in output and "RHK baru dari atasan" in output


def test_second_refresh_is_a_no_op_and_backups(demo, tmp_path):
    work = tmp_path / "w"
    shutil.copytree(demo / "terisi", work)
    atasan = next((demo / "atasan").glob("*.xlsx"))
    files = sorted(work.glob("SKP-*.xlsx"))
    before = _entries(work)
    hashes = {hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    now = datetime(2027, 1, 5, 8, 30)
    refresh(files, atasan, now=now)
    once = _entries(work)
    hashes |= {hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    refresh(files, atasan, backup=False)
    assert _entries(work) == once
    content = lambda e: {k: v for k, v in e.items() if k[0] not in ("rhk", "intervensi")  # noqa: E731
                         and DEFAULTS.get(k[0]) != v}
    assert {n: content(e) for n, e in once.items()} == {n: content(e) for n, e in before.items()}
    backups = sorted((work / "_cadangan").glob("*.xlsx"))
    assert len(backups) == len(files) and sorted(work.glob("*.xlsx")) == files
    assert len(list((work / "_cadangan").glob("manifest.*.json"))) == 1  # the manifest that went with them
    assert {hashlib.sha256(p.read_bytes()).hexdigest() for p in backups} <= hashes


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck),
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(st.data())
def test_refresh_property_every_value_survives(tmp_path_factory, data):
    """Random fill-ins, random superior changes (rename, add, drop, reorder RHK) and roster changes
    (add, move, remove pegawai): every entered value survives, and a second refresh changes nothing."""
    from skpkit.generator.commands.demo import demo_pegawai
    from skpkit.generator.commands.template import write_template
    from skpkit.generator.write.workbook import write_workbook
    from skpkit.generator.layout import plans_for
    import xlsxwriter

    tmp = tmp_path_factory.mktemp("refresh")
    sekda, _ = demo_pegawai()
    people = roster(14, unit_size=7, seed=data.draw(st.integers(0, 9)))
    top = people[0]
    people = [p if p.nip != top.nip else type(p)(p.nip, p.nama, p.jabatan, p.jenis_jabatan, p.unit, sekda.nip)
              for p in people]
    rhk = data.draw(st.lists(st.sampled_from(["RHK A", "RHK B", "RHK C", "RHK D"]), min_size=2, max_size=4,
                             unique=True))

    def fill_sup(texts):
        def fill(plan):
            sh = plan.sheets[0]
            for slot, text in zip(sh.slots, texts):
                if text:
                    sh.isian.rhk[slot.id] = text
                    plan.matriks[0].entries[(top.nip, slot.id)] = "v"
        return fill

    a1 = write_template(sekda, [people[0]], tmp / "a1.xlsx", tahun=2027, instansi="x", fill=fill_sup(rhk))
    sup = read_workbook(a1)
    files = []
    for k, (stem, plan) in enumerate(plans_for(Roster(people, sup.plan), tahun=2027, instansi="x")):
        random_fill(plan, seed=k, periods=2)
        path = tmp / f"SKP-2027-{stem}.xlsx"
        write_workbook(plan, path)
        files.append(path)
    before = _entries(tmp)
    # the superior changes: rename one, drop one, add one, reorder
    changed = list(rhk)
    changed[0] = changed[0] + " (baru)"
    if data.draw(st.booleans()):
        changed[1] = ""
    changed.append("RHK E")
    if data.draw(st.booleans()):
        changed = list(reversed(changed))
    a2 = write_template(sekda, [people[0]], tmp / "a2.xlsx", tahun=2027, instansi="x", fill=fill_sup(changed))
    # roster changes: remove one staff, move one, add one
    moved = people[5]
    new_people = [p for p in people if p.nip != people[3].nip]
    new_people = [p if p.nip != moved.nip else type(p)(p.nip, p.nama, p.jabatan, p.jenis_jabatan, people[8].unit,
                                                       people[7].nip, p.pangkat, p.jenjang) for p in new_people]
    from synthetic import nip
    new_people.append(type(top)(nip(500), "Pegawai Baru", "Staf", people[2].jenis_jabatan, people[2].unit,
                                people[1].nip, "II/a", people[2].jenjang))
    roster_path = tmp / "roster.xlsx"
    wb = xlsxwriter.Workbook(str(roster_path))
    ws = wb.add_worksheet()
    ws.write_row(0, 0, ["NIP", "Nama", "Jabatan", "Jenis Jabatan", "Jenjang", "Pangkat", "Unit", "NIP Atasan"])
    for r, p in enumerate(new_people, 1):
        ws.write_row(r, 0, [p.nip, p.nama, p.jabatan, p.jenis_jabatan.value, p.jenjang.value if p.jenjang else "",
                            p.pangkat, p.unit, p.nip_atasan])
    wb.close()
    out = tmp / "out"
    refresh(files, a2, roster_path=roster_path, out=out)
    after = _entries(out)
    for nip_, entries in before.items():
        if nip_ == people[3].nip:
            continue  # removed from the roster: kept in the old file
        for k, v in entries.items():
            if k[0] in ("rhk", "intervensi") or DEFAULTS.get(k[0]) == v:
                continue
            assert after[nip_].get(k) == v, (nip_, k, v, after[nip_].get(k))
    refresh(sorted(out.glob("SKP-*.xlsx")), a2, roster_path=roster_path, out=tmp / "out2")
    assert _entries(tmp / "out2") == after


def test_kill_during_generation_leaves_the_folder_as_it_was(tmp_path):
    """A run killed while it writes replaces nothing: the workbooks already in the folder (filled, perhaps)
    and their manifest stay byte for byte; the next run removes the temporaries."""
    out = tmp_path / "out"
    generate(Roster(roster(3, unit_size=1, seed=1)), out, GenerateOptions(tahun=2027, progress=False,
                                                                          split="pegawai"))
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    code = f"""
import sys
sys.path.insert(0, {str(TESTS)!r})
from pathlib import Path
from skpkit.issuing import Roster
from skpkit.generator.commands.generate import GenerateOptions, generate
from skpkit.generator.files import TMP_MARK
from synthetic import roster
generate(Roster(roster(400, unit_size=1, seed=1)), Path({str(out)!r}),
         GenerateOptions(tahun=2027, progress=False, split="pegawai"))
"""
    proc = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.time() + 60

    def temporaries() -> list[Path]:
        return [p for p in out.glob(".*.xlsx") if TMP_MARK in p.name]

    while time.time() < deadline and len(temporaries()) < 6:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert len(temporaries()) >= 5
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.startswith(".")} == before
    generate(Roster(roster(3, unit_size=1, seed=1)), out, GenerateOptions(tahun=2027, progress=False,
                                                                          split="pegawai"))
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def test_locked_target_is_reported_and_left_untouched(demo, tmp_path):
    work = tmp_path / "w"
    shutil.copytree(demo / "terisi", work)
    target = next(work.glob("*sekretariat*"))
    before = target.read_bytes()
    (work / f"~${target.name}").write_text("lock")
    code, output = _cli("refresh", *map(str, sorted(work.glob("SKP-*.xlsx"))), "--atasan",
                        str(next((demo / "atasan").glob("*.xlsx"))), "--no-backup")
    assert code == 1 and "sedang dibuka" in output and len(output.strip().splitlines()) == 1
    assert target.read_bytes() == before
