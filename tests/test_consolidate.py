"""Consolidation: the demo's filled copy, a corpus of broken files, and the flat outputs."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from python_calamine import CalamineWorkbook

import edits
from skpkit import rules
from skpkit.rules import ak
from skpkit.model import JenisJabatan, JenisPeriode, Jenjang, Pegawai
from skpkit.issuing import Roster
from skpkit.generator.commands.cli import main
from skpkit.generator.commands.consolidate import read_filled
from skpkit.generator.read.package import Limits
from skpkit.generator.commands.generate import GenerateOptions, generate
from skpkit.generator.layout import Geometry
from skpkit.generator.read.workbook import read_workbook

SHEETS = ["Rekap Pegawai", "Rekap Unit", "Angka Kredit", "Belum Lengkap", "Masalah"]


def _consolidate(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["consolidate", *args, "--quiet"])
    return result.exit_code, result.output


def _sheet(path: Path, name: str) -> list[dict]:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()
    return [dict(zip(rows[0], r)) for r in rows[1:]] if rows else []


def test_demo_rekap_agrees_with_rules(demo, tmp_path):
    code, output = _consolidate(str(demo / "terisi"), "--out", str(tmp_path / "rekap.xlsx"),
                                "--manifest", str(demo / "terisi" / "manifest.json"))
    assert code == 0, output
    rows = _sheet(tmp_path / "rekap.xlsx", "Rekap Pegawai")
    assert len(rows) == 40 * 5
    assert _sheet(tmp_path / "rekap.xlsx", "Masalah") == []
    books = {p.name: read_workbook(p) for p in (demo / "terisi").glob("*.xlsx")}
    filled = outside = 0
    for row in rows:
        hasil, perilaku, pred = row["Rating Hasil Kerja"], row["Rating Perilaku Kerja"], row["Predikat Kinerja"]
        if hasil == "tidak dinilai":  # a period outside the pegawai's own (RULES.md section 8): all of it
            assert perilaku == pred == "tidak dinilai" and row["Angka Kredit"] in ("", "tidak dinilai"), row
            outside += 1
            continue
        want = rules.predikat(hasil or None, perilaku or None)
        assert (str(want) if want else "") == pred
        if pred and row["Jenjang"]:
            pegawai = next(sp.pegawai for d in books.values() for sp in d.plan.sheets if sp.pegawai.nip == row["NIP"])
            periode = None if row["Periode"] == "Tahunan" else \
                next(p for p in range(1, 5) if JenisPeriode.TRIWULANAN.nama(p) == row["Periode"])
            months = ak.bulan_dinilai(pegawai.tmt_jabatan, 2027, periode, 4, masuk=pegawai.tmt_masuk,
                                      keluar=pegawai.tmt_keluar)
            assert row["Angka Kredit"] == pytest.approx(rules.angka_kredit(pred, row["Jenjang"], months))
        # the same predikat the workbook itself shows in its predikat cell
        data = books[row["Berkas"]]
        g: Geometry = data.geometry
        col = g.value_col(None if row["Periode"] == "Tahunan" else
                          ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"].index(row["Periode"]) + 1)
        assert (data.grids[row["Sheet"]](g.evaluasi_row("predikat"), col) or "") == pred
        filled += bool(pred)
    assert filled >= 60
    assert outside >= 2  # the demo's two appointees of May: triwulan I
    assert isinstance(rows[0]["NIP"], str) and len(rows[0]["NIP"]) == 18


def test_demo_belum_lengkap_lists_unfilled_periods(demo, tmp_path):
    """Through triwulan II every demo pegawai is filled; declaring triwulan III current lists everyone."""
    results = [read_filled(p) for p in sorted((demo / "terisi").glob("*.xlsx"))]
    for r in results:
        r.last_filled = 3
    from skpkit.generator.rekap.merge import build_rekap
    rekap = build_rekap(results)
    assert {b.periode_nama for b in rekap.belum} == {"Triwulan III"}
    assert len({b.nip for b in rekap.belum}) == 40
    assert any(b.siapa == "pejabat penilai" for b in rekap.belum)
    assert rekap.masalah == []


def _copy_demo(demo: Path, tmp: Path) -> Path:
    folder = tmp / "masuk"
    shutil.copytree(demo / "terisi", folder)
    (folder / "manifest.json").unlink()
    return folder


def _one_pegawai_file(tmp: Path, name: str) -> Path:
    p = Pegawai("199203042019031004", "Pegawai Lain", "Analis", JenisJabatan.FUNGSIONAL, "Unit Lain", "",
                "III/b", Jenjang.AHLI_PERTAMA)
    files = generate(Roster([p]), tmp / f"gen-{name}", GenerateOptions(tahun=2027, progress=False))
    return files[0]


def _rows_without_source(path: Path) -> list[tuple]:
    return sorted(tuple(v for k, v in r.items() if k not in ("Berkas", "Sheet")) for r in _sheet(path, "Rekap Pegawai"))


def test_acceptance_three_bad_files(demo, tmp_path):
    folder = _copy_demo(demo, tmp_path)
    code, output = _consolidate(str(folder), "--out", str(tmp_path / "clean.xlsx"))
    assert code == 0
    (folder / "rusak.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    _encrypt(next(folder.glob("SKP-*.xlsx")), folder / "sandi.xlsx")
    nip_file = _one_pegawai_file(tmp_path, "nip")
    wb = edits.load(nip_file)
    ws = wb.worksheets[2]
    g = read_workbook(nip_file).geometry
    ws.cell(g.identity("nip") + 1, 3).value = 199203042019031004
    wb.save(folder / "nip-angka.xlsx")
    code, output = _consolidate(str(folder), "--out", str(tmp_path / "rekap.xlsx"))
    assert code == 0, output
    masalah = _sheet(tmp_path / "rekap.xlsx", "Masalah")
    assert sorted(m["Berkas"] for m in masalah) == ["nip-angka.xlsx", "rusak.xlsx", "sandi.xlsx"], masalah
    assert any("kata sandi" in m["Masalah"] for m in masalah)
    assert any("NIP berupa angka" in m["Masalah"] for m in masalah)
    assert _rows_without_source(tmp_path / "rekap.xlsx") == _rows_without_source(tmp_path / "clean.xlsx")


def _encrypt(src: Path, dst: Path) -> None:
    pytest.importorskip("msoffcrypto")
    from msoffcrypto.format.ooxml import OOXMLFile

    with src.open("rb") as f, dst.open("wb") as out:
        OOXMLFile(f).encrypt("rahasia", out)


_edit = edits.edit


def test_broken_corpus_each_reported_rest_kept(demo, tmp_path):
    folder = _copy_demo(demo, tmp_path)
    code, _ = _consolidate(str(folder), "--out", str(tmp_path / "clean.xlsx"))
    clean = _rows_without_source(tmp_path / "clean.xlsx")
    src = folder / "SKP-2027-sekretariat.xlsx"
    bad = tmp_path / "bad"
    bad.mkdir()
    data = read_workbook(src)
    g = data.geometry
    first = data.plan.sheets[1]

    def sheet(wb):
        return wb[first.name]

    expect: dict[str, str] = {}

    def case(name: str, fragment: str) -> Path:
        expect[name] = fragment
        return bad / name

    case("acak.xlsx", "rusak").write_bytes(b"\x00\x01 bukan zip sama sekali")
    case("kosong.xlsx", "rusak").write_bytes(b"")
    case("terpotong.xlsx", "rusak").write_bytes(src.read_bytes()[: src.stat().st_size // 2])
    _encrypt(src, case("sandi.xlsx", "kata sandi"))
    plain = openpyxl.Workbook()
    plain.active["A1"] = "daftar hadir"
    plain.save(case("bukan-skp.xlsx", "bukan berkas skpkit"))
    _edit(src, case("versi-lama.xlsx", "versi tata letak"), lambda wb: wb["_skp"].cell(2, 2, "0"))
    _edit(src, case("sheet-diganti.xlsx", "sheet pegawai tidak ditemukan"),
          lambda wb: setattr(sheet(wb), "title", "Punya Saya"))
    _edit(src, case("sheet-dihapus.xlsx", "sheet pegawai tidak ditemukan"), lambda wb: wb.remove(sheet(wb)))
    _edit(src, case("baris-sisip.xlsx", "baris disisipkan"), lambda wb: sheet(wb).insert_rows(g.slot_row(0) + 1))
    _edit(src, case("teks-di-angka.xlsx", "bukan angka"),
          lambda wb: sheet(wb).cell(g.slot_row(0) + 1, g.col("realisasi", 1) + 1, "12 dokumen"))
    _edit(src, case("nip-angka.xlsx", "NIP berupa angka"),
          lambda wb: sheet(wb).cell(g.identity("nip") + 1, 3, float(first.pegawai.nip)))
    _edit(src, case("target-nol.xlsx", "target 0"),
          lambda wb: (sheet(wb).cell(g.slot_row(0) + 1, g.col("target_min") + 1, 0),
                      sheet(wb).cell(g.slot_row(0) + 1, g.col("target_max") + 1, 0)))
    _edit(src, case("rumus-ditimpa.xlsx", "rumus ditimpa"),
          lambda wb: sheet(wb).cell(g.evaluasi_row("predikat") + 1, g.value_col(1) + 1, "Sangat Baik"))
    case("=1+2.xlsx", "rusak").write_bytes(b"=1+2")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"\x00" * (60 * 1024 * 1024))
    case("bom.xlsx", "terlalu besar").write_bytes(bomb.getvalue())
    assert len(expect) >= 15
    for name in expect:
        result = read_filled(bad / name, Limits())
        problems = [m for m in result.masalah if expect[name] in m.what]
        assert problems, (name, [str(m) for m in result.masalah])
        if name in ("teks-di-angka.xlsx", "target-nol.xlsx", "rumus-ditimpa.xlsx", "sheet-diganti.xlsx",
                    "sheet-dihapus.xlsx", "baris-sisip.xlsx", "nip-angka.xlsx"):
            # the other pegawai of that file are still read
            assert len({r.nip for r in result.rows}) >= len(data.plan.sheets) - 1
    for name in expect:
        shutil.copy(bad / name, folder / f"x-{name}" if name != "=1+2.xlsx" else folder / name)
    code, output = _consolidate(str(folder), "--out", str(tmp_path / "rekap.xlsx"))
    assert code == 0, output
    masalah = _sheet(tmp_path / "rekap.xlsx", "Masalah")
    named = {m["Berkas"] for m in masalah}
    assert {f"x-{n}" for n in expect if n != "=1+2.xlsx"} | {"=1+2.xlsx"} <= named
    # pegawai of the other files: their rows are exactly as without the broken files
    others = {p.pegawai.nip for p in data.plan.sheets}
    rows = _rows_without_source(tmp_path / "rekap.xlsx")
    assert [r for r in rows if r[0] not in others] == [r for r in clean if r[0] not in others]
    # the same pegawai in copies with different entries: both files named, neither chosen by date
    assert any("isian berbeda" in m["Masalah"] and "x-teks-di-angka.xlsx" in m["Berkas"] for m in masalah)
    rekap = openpyxl.load_workbook(tmp_path / "rekap.xlsx")
    cell = next(c for row in rekap["Masalah"].iter_rows() for c in row if c.value == "=1+2.xlsx")
    assert cell.data_type == "s"  # text, never a formula


def test_manifest_missing_and_foreign_files(demo, tmp_path):
    folder = _copy_demo(demo, tmp_path)
    (folder / "SKP-2027-pimpinan-dinas.xlsx").unlink()
    shutil.copy(_one_pegawai_file(tmp_path, "lain"), folder / "unit-lain.xlsx")
    code, output = _consolidate(str(folder), "--out", str(tmp_path / "rekap.xlsx"),
                                "--manifest", str(demo / "terisi" / "manifest.json"))
    assert code == 0, output
    masalah = _sheet(tmp_path / "rekap.xlsx", "Masalah")
    assert any(m["Berkas"] == "unit-lain.xlsx" and "unit lain" in m["Masalah"] for m in masalah)
    assert any(m["Berkas"] == "SKP-2027-pimpinan-dinas.xlsx" and "belum masuk" in m["Masalah"] for m in masalah)
    nips = {r["NIP"] for r in _sheet(tmp_path / "rekap.xlsx", "Rekap Pegawai")}
    assert "199203042019031004" not in nips and len(nips) == 39


def test_nothing_readable_exits_1(tmp_path):
    (tmp_path / "a.xlsx").write_bytes(b"nope")
    code, output = _consolidate(str(tmp_path), "--out", str(tmp_path / "rekap.xlsx"))
    assert code == 1 and len(output.strip().splitlines()) == 1 and "tidak ada berkas skpkit" in output
    assert not (tmp_path / "rekap.xlsx").exists()


def test_a_period_past_the_workbooks_periods_is_refused(demo, tmp_path):
    """Quarterly workbooks have no period 5: one line naming the range, nothing written (it was an empty
    rekap that said it had read every file)."""
    code, output = _consolidate(str(demo / "terisi"), "--out", str(tmp_path / "rekap.xlsx"), "--periode", "5")
    assert code == 1 and "periode 5 di luar 1-4" in output and len(output.strip().splitlines()) == 1, output
    assert not (tmp_path / "rekap.xlsx").exists()
    code, output = _consolidate(str(demo / "terisi"), "--out", str(tmp_path / "rekap.xlsx"), "--periode", "4")
    assert code == 0, output


def test_flat_outputs(demo, tmp_path):
    code, output = _consolidate(str(demo / "terisi"), "--out", str(tmp_path / "rekap.xlsx"), "--csv",
                                str(tmp_path / "csv"), "--parquet", str(tmp_path / "rekap.parquet"),
                                "--periode", "tahunan")
    assert code == 0, output
    with (tmp_path / "csv" / "rekap_pegawai.csv").open(encoding="utf-8-sig") as f:
        text = f.read()
    assert '"' + _sheet(tmp_path / "rekap.xlsx", "Rekap Pegawai")[0]["NIP"] + '"' in text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["Periode"] for r in rows} == {"Tahunan"} and len(rows) == 40
    with (tmp_path / "csv" / "siasn_rekonsiliasi.csv").open(encoding="utf-8-sig") as f:
        siasn = list(csv.DictReader(f))
    assert list(siasn[0]) == ["PNS_DINILAI_ID", "TAHUN", "HASIL_KERJA", "PERILAKU_KERJA", "PENILAI_NAMA",
                              "NIP_NIK_PENILAI", "PENILAI_JABATAN_NM", "STATUS_PENILAIAN"]
    assert len(siasn) == 40 and all(len(r["PNS_DINILAI_ID"]) == 18 for r in siasn)
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    frame = pd.read_parquet(tmp_path / "rekap.parquet")
    assert len(frame) == 40 and frame["nip"].str.len().eq(18).all()
    # every period: AK numbers beside blanks and the appointees' "tidak dinilai" quarter, one typed column
    code, output = _consolidate(str(demo / "terisi"), "--out", str(tmp_path / "semua.xlsx"), "--parquet",
                                str(tmp_path / "semua.parquet"))
    assert code == 0, output
    frame = pd.read_parquet(tmp_path / "semua.parquet")
    assert len(frame) == 200 and frame["angka_kredit"].dtype.kind == "f" and frame["angka_kredit"].notna().any()
    assert (frame["predikat"] == "tidak dinilai").sum() >= 2


def test_jobs_give_the_same_rekap(demo, tmp_path):
    _consolidate(str(demo / "terisi"), "--out", str(tmp_path / "one.xlsx"))
    _consolidate(str(demo / "terisi"), "--out", str(tmp_path / "two.xlsx"), "--jobs", "2")
    for name in SHEETS:
        assert _sheet(tmp_path / "one.xlsx", name) == _sheet(tmp_path / "two.xlsx", name)


@pytest.mark.libreoffice
def test_rekap_opens_in_libreoffice_without_errors(demo, tmp_path):
    from libreoffice import recalculate, require_libreoffice
    from test_generate_recalc import error_cells

    require_libreoffice()
    _consolidate(str(demo / "terisi"), "--out", str(tmp_path / "rekap.xlsx"))
    (lo,) = recalculate([tmp_path / "rekap.xlsx"], tmp_path / "lo")
    assert error_cells(lo) == []
    assert CalamineWorkbook.from_path(str(lo)).sheet_names == SHEETS + ["_angka_kredit", "_rekap"]  # the data and the mark survive a re-save


def test_macro_consolidates_the_callers_folder(demo, tmp_path):
    from skpkit.addin.macros import konsolidasi_folder_di

    folder = _copy_demo(demo, tmp_path)
    out = konsolidasi_folder_di(next(folder.glob("*.xlsx")))
    assert out.parent == folder and len(_sheet(out, "Rekap Pegawai")) == 200


def test_manifest_check_finds_changed_issued_content(demo, tmp_path):
    folder = _copy_demo(demo, tmp_path)
    src = folder / "SKP-2027-sekretariat.xlsx"
    data = read_workbook(src)
    sheet, g = data.plan.sheets[1], data.geometry
    wb = edits.load(src)
    wb[sheet.name].cell(g.slot_row(0) + 1, g.col("target_max") + 1, 1)
    wb.save(src)
    code, output = _consolidate(str(folder), "--out", str(tmp_path / "rekap.xlsx"),
                                "--manifest", str(demo / "terisi" / "manifest.json"))
    assert code == 0, output
    masalah = _sheet(tmp_path / "rekap.xlsx", "Masalah")
    cell = f"{chr(ord('A') + g.col('target_max'))}{g.slot_row(0) + 1}"
    assert any(m["Sel"] == cell and "diubah" in m["Masalah"] for m in masalah), masalah


def test_dask_local_cluster_gives_the_same_rekap(demo, tmp_path):
    pytest.importorskip("dask.distributed")
    folder = _copy_demo(demo, tmp_path)
    (folder / "rusak.xlsx").write_bytes(b"PK\x03\x04 rusak")
    code, output = _consolidate(str(folder), "--out", str(tmp_path / "one.xlsx"))
    assert code == 0, output
    code, output = _consolidate(str(folder), "--out", str(tmp_path / "dask.xlsx"), "--scheduler", "local",
                                "--jobs", "2")
    assert code == 0, output
    for name in SHEETS:
        assert _sheet(tmp_path / "one.xlsx", name) == _sheet(tmp_path / "dask.xlsx", name), name
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        code, output = _consolidate(str(folder), "--out", str(tmp_path / "tcp.xlsx"), "--scheduler",
                                    cluster.scheduler_address)
    assert code == 0, output
    for name in SHEETS:
        assert _sheet(tmp_path / "one.xlsx", name) == _sheet(tmp_path / "tcp.xlsx", name), name
