"""One roster, every level: a filled workbook of any level is the --atasan of the pegawai below its sheets.

The demo's roster is the whole dinas (the Kepala Dinas whose superior, the Sekretaris Daerah, is not in it):
level by level, generate and refresh take from it the pegawai below the superior's workbook and leave the
others out, saying so.
"""

from __future__ import annotations

import shutil
from pathlib import Path


from skpkit.generator.read.workbook import read_workbook

import edits
from run_cli import skp



def _file(paths, part: str) -> Path:
    return next(p for p in paths if part in p.name)


def test_whole_roster_level_by_level(demo_session, tmp_path):
    out, demo = demo_session
    kadis_file = _file(demo.terisi, "pimpinan")
    kadis = read_workbook(kadis_file).plan.sheets[0]

    # level 2: the Kepala Dinas's filled workbook hands its RHK to every bidang
    code, text = skp("generate", "--roster", demo.roster, "--atasan", kadis_file, "--out", tmp_path / "l2",
                      "--quiet", "--split", "pegawai")
    assert code == 0, text
    assert "1 pegawai roster tidak di bawah" in text and kadis.pegawai.nip in text  # the Kadis himself, named
    l2 = sorted((tmp_path / "l2").glob("*.xlsx"))
    roster_size = len(read_workbook(_file(demo.kosong, "aplikasi")).plan.sheets)
    assert len(l2) >= roster_size  # one file a pegawai, the Kadis not among them
    kadis_rhk = [s.id for s in kadis.slots if kadis.isian.rhk.get(s.id) or s.teks]
    kabid_files = []
    for path in l2:
        sheet = read_workbook(path).plan.sheets[0]
        assert sheet.pegawai.nip != kadis.pegawai.nip
        if sheet.pegawai.nip_atasan == kadis.pegawai.nip:
            kabid_files.append(path)
            # the choices are the Kadis's RHK, by id, with the text he filled in
            assert [c[0] for c in sheet.choices] == kadis_rhk
    assert len(kabid_files) == 4  # sekretaris and three kepala bidang

    # level 3: one kepala bidang's per-pegawai file, his first RHK written in, is the atasan of his staff only
    data = read_workbook(kabid_files[0])
    kabid, g = data.plan.sheets[0], data.geometry
    kabid_file = edits.edit(kabid_files[0], tmp_path / "kabid.xlsx", lambda wb: wb[kabid.name].cell(
        g.slot_row(0) + 1, g.col("rhk") + 1, "Tersusunnya rencana kerja bidang"))
    code, text = skp("generate", "--roster", demo.roster, "--atasan", kabid_file, "--out", tmp_path / "l3",
                      "--quiet")
    assert code == 0, text
    l3 = read_workbook(next((tmp_path / "l3").glob("*.xlsx"))).plan
    assert l3.sheets and all(s.pegawai.nip_atasan == kabid.pegawai.nip or
                             l3.by_nip.get(s.pegawai.nip_atasan) for s in l3.sheets)
    below = [s for s in l3.sheets if s.pegawai.nip_atasan == kabid.pegawai.nip]
    assert below and all((kabid.slots[0].id, "Tersusunnya rencana kerja bidang") in
                         [tuple(c[:2]) for c in s.choices] for s in below), below[0].choices

    # the lowest level's workbook: nobody below it, one line, exit 1, nothing written
    code, text = skp("generate", "--roster", demo.roster, "--atasan", next((tmp_path / "l3").glob("*.xlsx")),
                      "--out", tmp_path / "l4", "--quiet")
    assert code == 1 and len(text.strip().splitlines()) == 1 and "tidak ada pegawai di roster" in text
    assert not (tmp_path / "l4").exists()


def test_refresh_with_the_whole_roster_reissues_only_its_units(demo_session, tmp_path):
    out, demo = demo_session
    kadis_file = _file(demo.terisi, "pimpinan")
    work = tmp_path / "kerja"
    work.mkdir()
    bidang = shutil.copy(_file(demo.kosong, "aplikasi"), work)
    before = read_workbook(bidang).plan
    code, text = skp("refresh", bidang, "--atasan", kadis_file, "--roster", demo.roster, "--no-backup")
    assert code == 0, text
    assert "1 buku kerja diterbitkan ulang" in text
    after = read_workbook(bidang).plan
    assert [s.pegawai.nip for s in after.sheets] == [s.pegawai.nip for s in before.sheets]
    assert sorted(p.name for p in work.iterdir()) == ["SKP-2027-bidang-aplikasi-informatika.xlsx", "manifest.json"]
    assert "tidak di bawah" in text  # the other bidang and the Kadis, counted


def test_a_pemdas_roster_is_split_exactly():
    """20,000 pegawai (a pemda) split in one pass (by NIP sets; a pairwise comparison took ~130 s here, which
    the suite's own time would show): the top is out, everyone under it in, in roster order."""
    from skpkit.cascade import below
    from synthetic import roster

    people = roster(20_000, unit_size=10, seed=1)
    inside, outside = below(people, [people[0].nip])
    assert [p.nip for p in outside] == [people[0].nip] and [p.nip for p in inside] == [p.nip for p in people[1:]]
