"""Files as units really return them, and runs that go wrong: each case ends in one clear line (or the
right result), never a traceback, never a silent wrong result, and no input file changes.

A corpus that grows with every class of problem found; each test names the class it stands for.
"""

from __future__ import annotations

import datetime as dt

import hashlib
import os
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import edits
import skpkit
from skpkit.generator.commands.cli import main
from skpkit.generator.read.registry import get_reader

V1 = Path(__file__).parent / "fixtures" / "layout_v1"
ROSTER_HEAD = "NIP;Nama;Jabatan;Jenis Jabatan;Jenjang;Unit Kerja;NIP Atasan\n"


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.output


def _sums(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _one_line(output: str) -> str:
    lines = [line for line in output.strip().splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in output, output
    return lines[0]


@pytest.fixture()
def unit(tmp_path):
    """A generated unit (3 pegawai) with its roster and manifest."""
    roster = skpkit.sample_roster(tmp_path / "roster.csv")
    files = skpkit.generate(roster, tmp_path / "unit", tahun=2027)
    return tmp_path, roster, files


# --- tracebacks ------------------------------------------------------------------------------

def test_roster_saved_by_excel_on_windows_cp1252(tmp_path):
    """class: tracebacks (a roster 'CSV' in Windows-1252)"""
    text = ROSTER_HEAD + ("197001011995031001;Désirée Ñoño;Kepala Bidang;Administrator;;Bidang Ü;\n"
                          "198502022010012002;Ani;Staf;Pelaksana;;Bidang Ü;197001011995031001\n")
    path = tmp_path / "roster.csv"
    path.write_bytes(text.encode("cp1252"))
    code, output = _cli("generate", "--roster", str(path), "--out", str(tmp_path / "out"), "--tahun", "2027",
                        "--quiet")
    assert code == 0, output
    data = get_reader("skp").read(next((tmp_path / "out").glob("*.xlsx")))
    assert {s.pegawai.nama for s in data.plan.sheets} == {"Désirée Ñoño", "Ani"}


def test_malformed_manifest_is_one_line(unit):
    """class: tracebacks (a manifest cut short)"""
    tmp, _, files = unit
    bad = tmp / "bad.json"
    bad.write_text('{"files": [', encoding="utf-8")
    code, output = _cli("check", str(files[0]), "--manifest", str(bad))
    assert code == 1 and "manifest tidak dapat dibaca" in _one_line(output)


def test_unwritable_output_is_one_line(unit):
    """class: tracebacks (an output folder that cannot be made)"""
    tmp, roster, _ = unit
    code, output = _cli("generate", "--roster", str(roster), "--out", "/proc/skpkit/out", "--tahun", "2027")
    line = _one_line(output)
    assert code == 1 and ("tidak ditemukan" in line or "izin" in line)


def test_debug_shows_the_traceback(unit):
    tmp, roster, _ = unit
    result = CliRunner().invoke(main, ["--debug", "generate", "--roster", str(roster), "--out", "/proc/skpkit/out",
                                       "--tahun", "2027"])
    assert isinstance(result.exception, OSError)


def test_damaged_sheet_inside_an_intact_zip(unit):
    """class: one file stops the whole consolidation (a sheet's XML broken, the zip sound)"""
    tmp, _, files = unit
    damaged = tmp / "unit" / "rusak.xlsx"
    with zipfile.ZipFile(files[0]) as zin, zipfile.ZipFile(damaged, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "xl/worksheets/sheet3.xml":
                data = data[: len(data) // 2]  # cut in the middle of an element
            zout.writestr(item, data)
    before = _sums(tmp / "unit")
    summary = skpkit.consolidate([damaged, files[0]], tmp / "rekap.xlsx")
    assert summary.files_read == 1 and summary.masalah >= 1
    found = skpkit.check([damaged])[0]
    assert found.problems and "rusak" in found.problems[0].what
    assert _sums(tmp / "unit") == before


# --- silent wrong results --------------------------------------------------------------------

def test_year_zero_is_refused(unit):
    """class: silent wrong results (--tahun 0)"""
    tmp, roster, _ = unit
    code, output = _cli("generate", "--roster", str(roster), "--out", str(tmp / "x"), "--tahun", "0")
    assert code == 1 and "--tahun" in output and len(output.strip().splitlines()) == 1


def test_superior_of_another_year_is_refused(unit):
    """class: silent wrong results (an --atasan of another year cascaded without a word)"""
    tmp, _, _ = unit
    head = V1 / "SKP-2027-sekretariat-daerah.xlsx"
    code, output = _cli("generate", "--roster", str(V1 / "roster.xlsx"), "--atasan", str(head), "--out",
                        str(tmp / "x"), "--tahun", "2028", "--quiet")
    assert code == 1 and "tahun 2027" in _one_line(output)
    assert not (tmp / "x").exists() or not list((tmp / "x").glob("*.xlsx"))


def test_units_differing_only_in_case_are_refused(tmp_path):
    """class: silent wrong results (two units writing one file)"""
    text = ROSTER_HEAD + ("197001011995031001;Kepala;Kepala;Administrator;;Bidang Umum;\n"
                          "198502022010012002;Ani;Staf;Pelaksana;;BIDANG  UMUM;197001011995031001\n")
    (tmp_path / "r.csv").write_text(text, encoding="utf-8")
    code, output = _cli("generate", "--roster", str(tmp_path / "r.csv"), "--out", str(tmp_path / "o"),
                        "--tahun", "2027", "--quiet")
    assert code == 1 and "nama berkas yang sama" in _one_line(output)


def _first_row_typed(path, values: dict):
    """A staff sheet of ``path`` in openpyxl with its first indikator row typed in (``realisasi``: period 1):
    (sheet plan, geometry, workbook, worksheet, row)."""
    data = get_reader("skp").read(path)
    sheet = next(s for s in data.plan.sheets if s.pegawai.jenis_jabatan.value != "Administrator")
    g = data.geometry
    wb = edits.load(path)
    ws = wb[sheet.name]
    r = g.slot_row(0)
    for col, value in values.items():
        ws.cell(r + 1, (g.col(col, 1) if col == "realisasi" else g.col(col)) + 1, value)
    return sheet, g, wb, ws, r


def test_realisasi_typed_as_text_is_named_not_counted(unit):
    """class: silent wrong results (text 'inf', '1_000' as realisasi)"""
    tmp, _, files = unit
    _, g, wb, ws, r = _first_row_typed(files[0], {"indikator": "Laporan", "target_min": 10, "arah": "naik",
                                                  "agregasi": "jumlah"})
    ws.cell(r + 1, g.col("realisasi", 1) + 1).value = "inf"
    ws.cell(r + 1, g.col("realisasi", 1) + 1).data_type = "s"
    edited = tmp / "teks.xlsx"
    wb.save(edited)
    rekap = skpkit.consolidate([edited], tmp / "rekap.xlsx")
    assert rekap.masalah >= 1
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(tmp / "rekap.xlsx")).get_sheet_by_name("Masalah").to_python()
    from skpkit.generator.layout import a1

    cell = a1(r, g.col("realisasi", 1))
    assert any("bukan angka" in str(row) and cell in row for row in rows[1:]), rows


@pytest.mark.parametrize("where, fmt", [("realisasi", "0%"), ("realisasi", "0.0%"), ("target_max", "0.00%"),
                                        ("realisasi", '#,##0.0"%"')])
def test_a_number_shown_as_a_percentage_is_named_not_counted(unit, where, fmt):
    """class: numbers whose cell shows another value (RULES.md section 8): 99% typed in Excel is stored as 0.99
    in a percent format; check and consolidate name the cell and never rate 0.99 against a target of 90-100.
    Neighbour: a format that only writes a % sign as text (``"%"``) shows the number as it is: read as typed."""
    tmp, _, files = unit
    sheet, g, wb, ws, r = _first_row_typed(files[0], {"indikator": "Laporan", "target_min": 90, "target_max": 100,
                                                      "arah": "naik", "agregasi": "rata-rata", "realisasi": 95})
    c = g.col(where, 1) if where == "realisasi" else g.col(where)
    cell = ws.cell(r + 1, c + 1)
    cell.value = 0.99 if where == "realisasi" else 1.0
    cell.number_format = fmt
    edited = tmp / "persen.xlsx"
    wb.save(edited)
    from skpkit.generator.layout import a1

    (found,) = skpkit.check([edited])
    named = [m for m in found.problems if m.cell == a1(r, c)]
    if '"%"' in fmt:  # the % is text of the format: the cell shows 0,99 and that is what is read
        assert named == [] or all("persen" not in m.what for m in named)
        return
    assert len(named) == 1 and "persen" in named[0].what and "tersimpan" in named[0].what, found.problems
    assert not [m for m in found.problems if "rumus ditimpa" in m.what]  # the sheet's own results not blamed
    res = found.results[sheet.name]
    assert res.periode[0].indikator[0][0].capaian.reason  # no capaian from the fraction: invalid, with a reason


# --- data lost ---------------------------------------------------------------------------------

def test_consolidate_out_naming_an_input_is_refused(unit):
    """class: data lost (--out naming one of the input workbooks)"""
    tmp, _, files = unit
    before = _sums(tmp / "unit")
    code, output = _cli("consolidate", str(tmp / "unit"), "--out", str(files[0]), "--quiet")
    assert code == 1 and "tidak ditimpa" in _one_line(output)
    assert _sums(tmp / "unit") == before


def test_refresh_keeps_each_files_own_pengaturan(tmp_path):
    """class: data lost (refresh of several files reset each file's Pengaturan to the first's)"""
    work = tmp_path / "w"
    work.mkdir()
    for f in V1.glob("SKP-2027-*.xlsx"):
        if "sekretariat-daerah" not in f.name:
            shutil.copy2(f, work / f.name)

    target = work / "SKP-2027-sekretariat.xlsx"
    wb = edits.load(target)
    ws = wb["Pengaturan"]
    ws["B8"] = 150  # CapaianMaks of this file only
    wb.save(target)
    result = skpkit.refresh(sorted(work.glob("*.xlsx")), V1 / "SKP-2027-sekretariat-daerah.xlsx", out=tmp_path / "o")
    maks = {p.name: get_reader("skp").read(p).plan.settings.capaian_maks for p in result.written}
    assert maks == {"SKP-2027-pimpinan-dinas.xlsx": 200.0, "SKP-2027-sekretariat.xlsx": 150.0}


# --- manifest forgery ----------------------------------------------------------------------------

@pytest.mark.parametrize("forgery", ["delete entry", "change sheet", "delete file"])
def test_manifest_forgery_is_found(tmp_path, forgery):
    """class: manifest forgery (an entry deleted or its sheet changed after an issued target was edited)"""
    key = tmp_path / "kunci"
    key.write_text("rahasia")
    files = skpkit.generate(skpkit.sample_roster(tmp_path / "r.csv"), tmp_path / "u", tahun=2027, key=b"rahasia")
    manifest = tmp_path / "u" / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    pegawai = data["files"][0]["pegawai"]
    if forgery == "delete entry":
        pegawai.pop(1)
    elif forgery == "change sheet":
        pegawai[1]["sheet"], pegawai[2]["sheet"] = pegawai[2]["sheet"], pegawai[1]["sheet"]
    else:
        data["files"] = []
    manifest.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, output = _cli("check", *map(str, files), "--manifest", str(manifest), "--key", str(key))
    assert code == 1 and "manifest diubah" in output


# --- unbounded reading, files of other kinds ------------------------------------------------------

def _with_sheet(src: Path, dst: Path, member: str, edit) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            zout.writestr(item, edit(data) if item.filename == member else data)
    return dst


@pytest.mark.parametrize("where", ["XFD1048576", "A1048576", "AAA7"])
def test_one_value_far_away_is_refused_before_reading(unit, where):
    """class: unbounded reading (one value typed in cell XFD1048576 of a small workbook)"""
    tmp, _, files = unit
    row = int("".join(ch for ch in where if ch.isdigit()))

    def edit(data: bytes) -> bytes:
        cell = f'<row r="{row}"><c r="{where}" t="inlineStr"><is><t>x</t></is></c></row>'.encode()
        return data.replace(b"</sheetData>", cell + b"</sheetData>")

    far = _with_sheet(files[0], tmp / "jauh.xlsx", "xl/worksheets/sheet3.xml", edit)
    found = skpkit.check([far])[0]
    assert found.problems and "terlalu besar" in found.problems[0].what, found.problems
    summary = skpkit.consolidate([far, files[0]], tmp / "rekap.xlsx")
    assert (summary.files_read, summary.masalah) == (1, 1)


def test_a_sheet_of_the_users_own_far_away_is_not_read(unit):
    """The neighbour: a sheet the user added (notes down to row 500,000) is none of skpkit's, so its size refuses
    nothing: every pegawai sheet is read, no problem (the search for copied pegawai sheets passes it by)."""
    tmp, _, files = unit
    own = edits.edit(files[0], tmp / "catatan.xlsx",
                     lambda wb: wb.create_sheet("Catatan Saya").__setitem__("A500000", "catatan"))
    found = skpkit.check([own])[0]
    assert found.problems == [] and len(found.results) == len(skpkit.read_workbook(files[0]).plan.sheets)


@pytest.mark.parametrize("suffix,head,expected", [
    (".ods", b"PK\x03\x04", "OpenDocument"),
    (".xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "Excel 97-2003"),
    (".xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"), "kata sandi"),
])
def test_files_of_another_kind_are_named(unit, suffix, head, expected):
    """class: silent wrong results (a returned .ods ignored; an .xls reported as password-protected)"""
    tmp, _, files = unit
    folder = tmp / "masuk"
    folder.mkdir()
    shutil.copy2(files[0], folder / files[0].name)
    (folder / f"lain{suffix}").write_bytes(head)
    summary = skpkit.consolidate([folder], tmp / "rekap.xlsx")
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(tmp / "rekap.xlsx")).get_sheet_by_name("Masalah").to_python()
    assert summary.masalah == 1 and expected in str(rows[1]), rows


def test_a_workbook_of_another_year_is_not_merged(unit, tmp_path):
    """class: silent wrong results (a 2026 workbook merged into a 2027 rekap)"""
    tmp, roster, files = unit
    other = skpkit.generate(roster, tmp_path / "lama", tahun=2026)
    summary = skpkit.consolidate([files[0], other[0]], tmp / "rekap.xlsx", manifest=tmp / "unit" / "manifest.json")
    assert summary.files_read == 1 and summary.masalah >= 1


# --- data lost, concurrency ------------------------------------------------------------------------

def test_generate_over_filled_workbooks_keeps_them_first(unit):
    """class: data lost (generate into a folder of filled workbooks replaced them without a backup)"""
    tmp, roster, files = unit
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    code, output = _cli("generate", "--roster", str(roster), "--out", str(tmp / "unit"), "--tahun", "2027",
                        "--quiet")
    assert code == 0 and "disimpan dulu sebagai cadangan" in output, output
    backups = list((tmp / "unit" / "_cadangan").glob("*.xlsx"))
    assert len(backups) == len(files) and sorted(p.name for p in (tmp / "unit").glob("*.xlsx")) == sorted(before)
    assert sorted(hashlib.sha256(p.read_bytes()).hexdigest() for p in backups) == sorted(before.values())
    assert skpkit.consolidate([tmp / "unit"], tmp / "rekap.xlsx").masalah == 0  # backups are not inputs


def test_a_second_generate_into_the_same_folder_is_refused(unit):
    """class: concurrency (overlapping runs deleted each other's temporaries)"""
    from filelock import FileLock

    tmp, roster, _ = unit
    with FileLock(tmp / "unit" / ".skp.lock"):  # a run in progress holds the folder's lock
        code, output = _cli("generate", "--roster", str(roster), "--out", str(tmp / "unit"), "--tahun", "2027")
    assert code == 1 and "sedang dipakai" in _one_line(output)
    (tmp / "unit" / ".skp.lock").write_text("999999999")  # left by a run that died (no one holds it): taken over
    code, output = _cli("generate", "--roster", str(roster), "--out", str(tmp / "unit"), "--tahun", "2027", "--quiet")
    assert code == 0, output


# --- full disks and read-only folders (a small tmpfs: root only) ---------------------------------------

@pytest.fixture(params=["64k"])
def small_disk(tmp_path, request):
    """A small tmpfs (64 KiB: too small for a unit workbook). Needs root (CI); skipped with the reason elsewhere."""
    import os
    import subprocess

    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs to fill the disk needs root (CI runs as root)")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={request.param}", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"tmpfs cannot be mounted here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def _link(fd: Path) -> str:
    try:
        return os.readlink(fd)
    except OSError:  # closed meanwhile
        return ""


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
def test_full_disk_during_generate_leaves_nothing_half_written(unit, small_disk):
    """class: tracebacks (a full disk during generate); and no file of the output folder left open (on
    Windows an open file cannot be removed: the half-written workbook would stay)"""
    import gc

    tmp, roster, _ = unit
    code, output = _cli("generate", "--roster", str(roster), "--out", str(small_disk / "out"), "--tahun", "2027",
                        "--quiet")
    held = [_link(f) for f in Path("/proc/self/fd").iterdir() if str(small_disk) in _link(f)]
    assert held == []
    gc.collect()  # a zip still open would complain here, closing on a full disk
    assert code == 1 and "disk penuh" in _one_line(output)
    left = [p.name for p in small_disk.rglob("*") if p.is_file()]
    assert not [n for n in left if n.endswith((".xlsx", ".xlsm")) or ".skptmp-" in n], left


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("small_disk", ["8k"], indirect=True)
def test_full_disk_during_consolidate_keeps_the_inputs(small_disk):
    """class: tracebacks (a full disk during consolidate); no file of the output folder left open"""
    import gc

    before = _sums(V1)
    code, output = _cli("consolidate", *map(str, V1.glob("SKP-2027-*.xlsx")), "--out", str(small_disk / "rekap.xlsx"),
                        "--csv", str(small_disk / "csv"), "--quiet")
    assert code == 1 and "disk penuh" in _one_line(output)
    assert _sums(V1) == before
    assert not any(".skptmp-" in p.name for p in small_disk.rglob("*"))
    assert [_link(f) for f in Path("/proc/self/fd").iterdir() if str(small_disk) in _link(f)] == []
    gc.collect()  # a zip still open would complain here


def test_read_only_folder_is_one_line(unit, small_disk):
    """class: tracebacks (a read-only output folder)"""
    import subprocess

    tmp, roster, _ = unit
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True, capture_output=True)
    code, output = _cli("generate", "--roster", str(roster), "--out", str(small_disk), "--tahun", "2027", "--quiet")
    assert code == 1 and "izin" in _one_line(output)


# --- random single-cell edits --------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

EDITS = st.one_of(
    st.none(), st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12), st.sampled_from(["=1/0", "=HYPERLINK(\"x\")", "+5", "@x", "inf", "nan", "1_000",
                                                      "80%", "Di Atas Ekspektasi", "DIATAS EKSPEKTASI", "  "]),
    st.floats(allow_nan=False, allow_infinity=False, width=32), st.sampled_from([1e308, -1e308, 0.0, -1.0, 1e-300]),
    st.integers(-10**9, 10**9), st.dates(), st.booleans(),
)


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(sheet=st.sampled_from(["SKP Bambang Setiawan", "Pengaturan", "_skp", "Matriks Peran Hasil"]),
       row=st.integers(0, 90), col=st.integers(0, 60), value=EDITS)
def test_random_single_cell_edits_never_crash(tmp_path_factory, sheet, row, col, value):
    """Any cell, any type: consolidate, check and refresh end in a result or a named problem, and refresh
    never loses a value that was entered."""
    import openpyxl

    from skpkit.issuing import DEFAULTS

    tmp = tmp_path_factory.mktemp("edit")
    src = V1 / "SKP-2027-pimpinan-dinas.xlsx"
    wb = edits.load(src)
    cell = wb[sheet].cell(row + 1, col + 1)
    if isinstance(cell, openpyxl.cell.cell.MergedCell):
        return
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # typed text, never a formula
    edited = tmp / src.name
    wb.save(edited)
    from skpkit.generator.errors import UserError

    try:
        summary = skpkit.consolidate([edited], tmp / "rekap.xlsx")
        assert summary.files == 1
    except UserError as e:  # nothing readable (the layout version blanked): said so, naming the file
        assert src.name in str(e)
    skpkit.check([edited], manifest=V1 / "manifest.json")
    try:
        data = get_reader("skp").read(edited)
    except Exception as e:  # the reader refuses it as a whole: that must be a named problem
        assert isinstance(e, UserError), e
        return
    try:
        result = skpkit.refresh([edited], V1 / "SKP-2027-sekretariat-daerah.xlsx", out=tmp / "baru")
    except UserError:
        return
    after = {sp.pegawai.nip: dict(sp.isian.items()) for f in result.written for sp in get_reader("skp").read(f).plan.sheets}
    for sp in data.plan.sheets:
        for k, v in sp.isian.items():
            if k[0] in ("rhk", "intervensi") or DEFAULTS.get(k[0]) == v:
                continue
            got = after[sp.pegawai.nip].get(k)
            # a date typed into an input cell is re-issued as its day's text (a date is no entry of the SKP:
            # never a number, RULES.md section 8; the text shows the same day)
            # (a day before 1900 reaches the reader as a time of day, and is kept as that text the same way)
            date_kept = isinstance(v, (dt.date, dt.datetime, dt.time)) and got == v.isoformat().replace("T", " ")
            assert got == v or date_kept or (isinstance(v, (int, float)) and isinstance(got, (int, float))
                                             and float(got) == float(v)), (k, v, got)


# --- the corpus: more hostile inputs, each a clear line or the right result ---------------------------------

ROSTER_ROWS = {
    "nip as number": "1.97001E+17;Kepala;Kepala;Administrator;;Bidang;\n",
    "nip too short": "19700101199503;Kepala;Kepala;Administrator;;Bidang;\n",
    "duplicate nip": ("197001011995031001;Kepala;Kepala;Administrator;;Bidang;\n"
                      "197001011995031001;Kepala Dua;Kepala;Administrator;;Bidang;\n"),
    "unknown atasan": "197001011995031001;Kepala;Kepala;Administrator;;Bidang;199912312020121001\n",
    "cycle": ("197001011995031001;A;Kepala;Administrator;;Bidang;198502022010012002\n"
              "198502022010012002;B;Staf;Pelaksana;;Bidang;197001011995031001\n"),
    "unknown jenis": "197001011995031001;Kepala;Kepala;Direktur Utama;;Bidang;\n",
    "fungsional without jenjang": "197001011995031001;Ani;Analis;Fungsional;;Bidang;\n",
    "unknown jenjang": "197001011995031001;Ani;Analis;Fungsional;Ahli Tengah;Bidang;\n",
    "empty nama": "197001011995031001;;Kepala;Administrator;;Bidang;\n",
    "only the header": "",
}


@pytest.mark.parametrize("case", sorted(ROSTER_ROWS))
def test_bad_roster_rows(tmp_path, case):
    """class: tracebacks / silent wrong results (rosters as units really keep them)"""
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER_HEAD + ROSTER_ROWS[case], encoding="utf-8")
    code, output = _cli("generate", "--roster", str(path), "--out", str(tmp_path / "o"), "--tahun", "2027", "--quiet")
    assert code == 1 and "roster.csv" in _one_line(output)
    assert not list((tmp_path / "o").glob("*.xlsx")) if (tmp_path / "o").exists() else True


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04broken", b"just text, not a workbook", bytes(range(256)) * 40])
def test_not_a_workbook_at_all(unit, content):
    """class: one file stops the whole consolidation (empty, truncated, random bytes)"""
    tmp, _, files = unit
    bad = tmp / "unit" / "rusak.xlsx"
    bad.write_bytes(content)
    summary = skpkit.consolidate([tmp / "unit"], tmp / "rekap.xlsx")
    assert summary.files_read == 1 and summary.masalah >= 1
    found = skpkit.check([bad])[0]
    assert found.problems
    code, output = _cli("refresh", str(bad), "--atasan", str(files[0]), "--out", str(tmp / "o"))
    assert code == 1 and _one_line(output)


@pytest.mark.parametrize("value", ["TA 2027", 1e308, -5, "", "=1+1"])
@pytest.mark.parametrize("cell", ["B3", "B4", "B8", "B9", "B10"])  # Instansi, Tahun, CapaianMaks, PorsiDiAtas, PerilakuMinDiAtas
def test_pengaturan_cells_typed_wrong(tmp_path, cell, value):
    """class: one file stops the whole consolidation (a yellow Pengaturan cell typed as text or 1e308)"""

    src = V1 / "SKP-2027-pimpinan-dinas.xlsx"
    wb = edits.load(src)
    wb["Pengaturan"][cell] = value
    if isinstance(value, str):
        wb["Pengaturan"][cell].data_type = "s"
    edited = tmp_path / src.name
    wb.save(edited)
    summary = skpkit.consolidate([edited], tmp_path / "rekap.xlsx")
    assert summary.files == 1
    assert skpkit.check([edited])[0] is not None


@pytest.mark.parametrize("edit", ["rename Pengaturan", "delete _skp", "layout version 9", "rename pegawai sheet",
                                  "clear meta"])
def test_structure_edited(tmp_path, edit):
    """class: one file stops the whole consolidation (Pengaturan renamed, the hidden _skp sheet edited)"""

    src = V1 / "SKP-2027-sekretariat.xlsx"
    wb = edits.load(src)
    if edit == "rename Pengaturan":
        wb["Pengaturan"].title = "Setelan"
    elif edit == "delete _skp":
        del wb["_skp"]
    elif edit == "layout version 9":
        wb["_skp"]["B2"] = "9"
    elif edit == "rename pegawai sheet":
        wb[wb.sheetnames[2]].title = "Sheet Lain"
    else:
        for row in wb["_skp"].iter_rows():
            for c in row:
                c.value = None
    edited = tmp_path / src.name
    wb.save(edited)
    other = tmp_path / "utuh.xlsx"
    shutil.copy2(V1 / "SKP-2027-pimpinan-dinas.xlsx", other)
    summary = skpkit.consolidate([edited, other], tmp_path / "rekap.xlsx")
    assert summary.files_read >= 1 and (summary.masalah >= 1 or edit == "rename Pengaturan")
    assert skpkit.check([edited])[0] is not None
    code, output = _cli("refresh", str(edited), "--atasan", str(V1 / "SKP-2027-sekretariat-daerah.xlsx"),
                        "--out", str(tmp_path / "o"))
    assert code in (0, 1) and "Traceback" not in output


@pytest.mark.parametrize("manifest", ['[]', '{"files": {}}', '{"files": [{"file": 1}]}', '{"files": [{"pegawai": 5}]}',
                                      '{"files": [{"file": "a.xlsx", "pegawai": [{"nip": null}]}]}', 'null'])
def test_manifest_of_the_wrong_shape(unit, manifest):
    """class: tracebacks (a malformed manifest)"""
    tmp, _, files = unit
    path = tmp / "m.json"
    path.write_text(manifest, encoding="utf-8")
    code, output = _cli("check", str(files[0]), "--manifest", str(path))
    assert code == 1 and "manifest tidak dapat dibaca" in _one_line(output)
    code, output = _cli("consolidate", str(files[0]), "--out", str(tmp / "r.xlsx"), "--manifest", str(path), "--quiet")
    assert code == 1 and "manifest tidak dapat dibaca" in _one_line(output)


def test_empty_key_file_is_one_line(unit):
    tmp, _, files = unit
    (tmp / "kunci").write_text("  \n")
    code, output = _cli("check", str(files[0]), "--key", str(tmp / "kunci"))
    assert code == 1 and "kunci kosong" in _one_line(output)


@pytest.mark.libreoffice
@pytest.mark.parametrize("kind", ["ods", "xls"])
def test_saved_as_ods_or_xls_still_read(tmp_path, kind):
    """class: silent wrong results (a returned .ods ignored): an .ods or .xls saved from one of ours keeps
    its hidden sheet, and is read by position, to the same rekap as the .xlsx."""
    import subprocess

    from libreoffice import require_libreoffice
    from python_calamine import CalamineWorkbook

    exe = require_libreoffice()
    sources = [V1 / "SKP-2027-pimpinan-dinas.xlsx", V1 / "SKP-2027-sekretariat.xlsx"]
    profile = tmp_path / "profile"
    subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", kind,
                    "--outdir", str(tmp_path / "conv"), *map(str, sources)], capture_output=True, timeout=300, check=True)
    converted = sorted((tmp_path / "conv").glob(f"*.{kind}"))
    assert len(converted) == 2

    def rows(path):
        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Rekap Pegawai").to_python()
        keep = [sheet[0].index(k) for k in ("NIP", "Periode", "Rating Hasil Kerja", "Rating Perilaku Kerja",
                                            "Predikat Kinerja", "Angka Kredit")]
        return sorted(tuple(r[i] for i in keep) for r in sheet[1:])

    want = skpkit.consolidate(sources, tmp_path / "a.xlsx")
    got = skpkit.consolidate(converted, tmp_path / "b.xlsx")
    assert got.files_read == 2 and rows(tmp_path / "b.xlsx") == rows(tmp_path / "a.xlsx"), (want, got)
    found = skpkit.check(converted[:1])[0]
    assert found.problems == [] and any("menurut posisi" in line for line in found.info)


def test_formula_typed_as_realisasi_is_named(tmp_path):
    """class: silent wrong results (a formula typed as realisasi, the file saved without its result, read as empty)"""

    src = V1 / "SKP-2027-pimpinan-dinas.xlsx"
    data = get_reader("skp").read(src)
    g = data.geometry
    wb = edits.load(src)  # openpyxl stores no results: the formula's value is empty when read
    from skpkit.generator.layout import a1

    ref = a1(g.slot_row(0), g.col("realisasi", 3))
    wb[data.plan.sheets[0].name][ref] = "=40+5"
    edited = tmp_path / src.name
    wb.save(edited)
    skpkit.consolidate([edited], tmp_path / "rekap.xlsx")
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(tmp_path / "rekap.xlsx")).get_sheet_by_name("Masalah").to_python()
    assert any(ref in row and "rumus di sel isian" in str(row) for row in rows[1:]), rows


@pytest.fixture(autouse=True)
def _fixtures_unchanged():
    """No test here changes an input it was given: the layout-1 fixture's checksums before and after."""
    before = _sums(V1)
    yield
    assert _sums(V1) == before
