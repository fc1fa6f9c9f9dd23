"""skp check names every change to what was issued (split from ``test_refresh_check`` so the two halves
run side by side)."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import edits
from skpkit.generator.commands.check import check_file
from skpkit.generator.commands.generate import GenerateOptions, generate
from skpkit.generator.read.manifest import load_manifest
from skpkit.generator.read.workbook import read_workbook
from skpkit.issuing import Roster
from synthetic import roster
from test_refresh_check import _cli


def test_check_names_an_edited_target(demo, tmp_path):
    src = next((demo / "terisi").glob("*aplikasi*"))
    data = read_workbook(src)
    sheet = data.plan.sheets[1]
    g = data.geometry
    ind = sheet.slots[0].indikator[0]
    assert sheet.isian.get(ind.id, "target_min") is not None
    wb = edits.load(src)
    ws = wb[sheet.name]
    ws.cell(g.slot_row(0) + 1, g.col("target_min") + 1, 1)
    edited = tmp_path / src.name
    wb.save(edited)
    code, output = _cli("check", str(edited), "--manifest", str(demo / "terisi" / "manifest.json"))
    assert code == 1
    cell = f"{chr(ord('A') + g.col('target_min'))}{g.slot_row(0) + 1}"
    assert f"sel {cell}" in output and "diubah" in output
    for folder in ("kosong", "terisi"):
        code, output = _cli("check", *map(str, (demo / folder).glob("*.xlsx")), "--manifest",
                            str(demo / folder / "manifest.json"))
        assert code == 0, output


def test_check_with_key_and_structure(tmp_path):
    key = tmp_path / "kunci.txt"
    key.write_text("rahasia-instansi")
    people = Roster(roster(12, unit_size=12, seed=2))
    files = generate(people, tmp_path / "out", GenerateOptions(tahun=2027, progress=False, key=b"rahasia-instansi"))
    manifest = tmp_path / "out" / "manifest.json"
    assert load_manifest(manifest)["fingerprint"] == "hmac-sha256"
    code, output = _cli("check", *map(str, files), "--manifest", str(manifest), "--key", str(key))
    assert code == 0, output
    code, output = _cli("check", *map(str, files), "--manifest", str(manifest))
    assert code == 1 and "sidik jari" in output  # without the key the fingerprints cannot be verified
    # forging the manifest to match an edit is caught by the HMAC
    data = json.loads(manifest.read_text())
    entry = data["files"][0]["pegawai"][0]
    ref = next(iter(entry["issued"]))
    entry["issued"][ref] = "palsu"
    manifest.write_text(json.dumps(data))
    code, output = _cli("check", *map(str, files), "--manifest", str(manifest), "--key", str(key))
    assert code == 1 and "sidik jari manifest tidak cocok" in output
    # protection removed and a formula overwritten
    path = max(files, key=lambda f: len(read_workbook(f).plan.sheets))
    book = read_workbook(path)
    sheet, g = book.plan.sheets[1], book.geometry
    wb = edits.load(path)
    ws = wb[sheet.name]
    ws.protection.sheet = False
    ws.cell(g.evaluasi_row("predikat") + 1, g.value_col(1) + 1, "Sangat Baik")
    wb.save(tmp_path / "x.xlsx")
    found = check_file(tmp_path / "x.xlsx")
    whats = [m.what for m in found.problems]
    assert "proteksi sheet dilepas" in whats and any("rumus ditimpa" in w for w in whats)


_ISSUED: dict[tuple[int, bool], tuple[Path, dict]] = {}


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck),
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(st.data())
def test_check_catches_every_single_cell_change(tmp_path_factory, data):
    use_key = data.draw(st.booleans())
    key = b"k3y" if use_key else None
    seed = data.draw(st.integers(0, 2))
    if (seed, use_key) not in _ISSUED:  # each roster issued once; every example edits a fresh copy of it
        out = tmp_path_factory.mktemp("issued")
        path = generate(Roster(roster(4, unit_size=4, seed=seed)), out, GenerateOptions(tahun=2027, progress=False,
                                                                                        key=key))[-1]
        _ISSUED[seed, use_key] = (path, load_manifest(out / "manifest.json"))
    src, manifest = _ISSUED[seed, use_key]
    entry = data.draw(st.sampled_from(next(f for f in manifest["files"] if f["file"] == src.name)["pegawai"]))
    ref = data.draw(st.sampled_from(sorted(entry["issued"])))
    old = entry["issued"][ref]
    new = data.draw(st.one_of(st.just(None), st.integers(1, 999), st.text("abcXYZ -", min_size=1, max_size=8))
                    .filter(lambda v: v != old and (not isinstance(v, str) or v.strip())))
    path = tmp_path_factory.mktemp("prop") / src.name
    if data.draw(st.integers(0, 3)) == 0:  # re-saved by openpyxl, as a user's script would
        edits.edit(src, path, lambda wb: wb[entry["sheet"]].__setitem__(ref, new))
    else:  # the one cell changed in place, as a program that writes only what changed
        edits.edit_cell(src, path, entry["sheet"], ref, new)
    found = check_file(path, manifest, key)
    assert any(m.cell == ref and m.sheet == entry["sheet"] for m in found.problems), [str(m) for m in found.problems]


def test_check_accepts_shared_formulas_as_excel_saves_them(tmp_path):
    """Excel saves repeated formulas as shared formulas: ``<f t="shared" si="0"/>`` with no text. Read from
    the sheet XML, they are still formulas, not values typed over them."""
    files = generate(Roster(roster(4, unit_size=4, seed=2)), tmp_path / "out", GenerateOptions(tahun=2027, progress=False))
    src, dst = files[0], tmp_path / "shared.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "xl/worksheets/sheet3.xml":
                text = data.decode("utf-8")
                text, n = re.subn(r"<f>([^<]*)</f>", lambda m: '<f t="shared" si="0"/>', text)
                assert n > 100
                data = text.encode("utf-8")
            zout.writestr(item, data)
    whats = [m.what for m in check_file(dst).problems]
    assert not any("rumus ditimpa" in w for w in whats), whats[:3]
