"""Where the users are (issue 22): no POSIX-only call in the package, and each Windows behaviour that can be
simulated here: a folder lock whose process is gone, another run holding it, a file held open by Excel (a
sharing violation on replace and on read), a ``C:\\`` path made into LibreOffice's profile URI, LibreOffice
found where its Windows installer puts it, ``xlwings.conf`` in the code page its VBA reads, CSV files with
Windows line ends."""

from __future__ import annotations

import ast
import locale
import os
from pathlib import Path, PureWindowsPath

import pytest
from click.testing import CliRunner
from filelock import FileLock

import skpkit
from skpkit.generator.commands.cli import main
from skpkit.generator.errors import UserError

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = [p for folder in ("skpkit", "generator", "addin") for p in sorted((ROOT / folder).rglob("*.py"))]

#: calls, attributes and modules that exist or behave only on POSIX systems
POSIX_ONLY = {"os.kill", "os.killpg", "os.getuid", "os.geteuid", "os.getgid", "os.getegid", "os.fork", "os.setsid",
              "os.getpgid", "os.setuid", "os.chown", "os.symlink", "os.mkfifo", "signal.SIGKILL", "signal.SIGHUP",
              "signal.SIGUSR1", "signal.SIGUSR2", "signal.SIGALRM", "signal.alarm", "signal.pause"}
POSIX_MODULES = {"fcntl", "pwd", "grp", "termios", "resource", "posix", "pty", "tty"}


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def test_no_posix_only_api_in_the_package():
    found = []
    for path in PACKAGE:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                      if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)) and n.body
                      and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if id(node) in docstrings:
                continue  # the examples of a docstring show URIs
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Attribute) and _dotted(node) in POSIX_ONLY:
                found.append((where, _dotted(node)))
            elif isinstance(node, ast.Import):
                found += [(where, a.name) for a in node.names if a.name.split(".")[0] in POSIX_MODULES]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in POSIX_MODULES:
                found.append((where, node.module))
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and "file://" in node.value:
                found.append((where, "a hand-made file:// URI (use Path.as_uri())"))
            elif isinstance(node, ast.JoinedStr) and any(isinstance(v, ast.Constant) and "file://" in str(v.value)
                                                        for v in node.values):
                found.append((where, "a hand-made file:// URI (use Path.as_uri())"))
    assert found == []


def test_the_guard_finds_what_it_looks_for(tmp_path):
    """The guard above is not vacuous: each kind of finding is found in a sample."""
    sample = 'import fcntl\nimport os, signal\nos.kill(1, 0)\nsignal.SIGKILL\nuri = f"file://{x}"\n'
    tree = ast.parse(sample)
    kinds = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _dotted(node) in POSIX_ONLY:
            kinds.add(_dotted(node))
        elif isinstance(node, ast.Import):
            kinds |= {a.name for a in node.names if a.name in POSIX_MODULES}
        elif isinstance(node, ast.JoinedStr):
            kinds.add("file://")
    assert kinds == {"fcntl", "os.kill", "signal.SIGKILL", "file://"}


@pytest.fixture
def roster(tmp_path):
    return skpkit.sample_roster(tmp_path / "roster.csv")


def _generate(roster: Path, out: Path):
    return CliRunner().invoke(main, ["generate", "--roster", str(roster), "--out", str(out), "--tahun", "2027",
                                     "--quiet"])


def test_a_lock_whose_process_is_gone_is_taken_over(tmp_path, roster):
    out = tmp_path / "unit"
    out.mkdir()
    (out / ".skp.lock").write_text("999999999")  # left by a run that died: no process holds it
    result = _generate(roster, out)
    assert result.exit_code == 0, result.output


def test_a_folder_in_use_by_another_run_is_one_line(tmp_path, roster):
    out = tmp_path / "unit"
    out.mkdir()
    with FileLock(out / ".skp.lock"):
        result = _generate(roster, out)
    assert result.exit_code == 1 and "sedang dipakai" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not list(out.glob("*.xlsx"))


def _sharing_violation(*args, **kwargs):
    e = PermissionError(13, "The process cannot access the file because it is being used by another process")
    e.winerror = 32
    raise e


def test_a_file_open_in_excel_is_not_replaced(tmp_path, roster, monkeypatch):
    out = tmp_path / "unit"
    files = skpkit.generate(roster, out, tahun=2027)
    before = files[0].read_bytes()
    monkeypatch.setattr("skpkit.generator.files.os.replace", _sharing_violation)
    with pytest.raises(UserError) as e:
        skpkit.generate(roster, out, tahun=2027)
    assert "sedang dibuka program lain" in str(e.value)
    assert files[0].read_bytes() == before  # nothing lost
    assert not [p for p in out.iterdir() if ".skptmp-" in p.name]  # no temporary left


def test_a_file_open_in_excel_when_read_is_one_problem(tmp_path, roster, monkeypatch):
    files = skpkit.generate(roster, tmp_path / "unit", tahun=2027)
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == files[0].name:
            _sharing_violation()
        return real(self)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    found = skpkit.check(files)[0]
    assert [m.what for m in found.problems] == [
        "berkas sedang dibuka program lain (Excel?): tidak dapat dibaca atau ditulis"]
    assert found.problems[0].file == str(files[0])


def test_a_windows_path_becomes_a_file_uri():
    from skpkit.generator.commands.cetak import profile_arg

    arg = profile_arg(PureWindowsPath(r"C:\Users\Sekretaris Dinas\AppData\Local\Temp\skp-print-1\profile"))
    assert arg == "-env:UserInstallation=file:///C:/Users/Sekretaris%20Dinas/AppData/Local/Temp/skp-print-1/profile"


def test_libreoffice_is_found_where_its_windows_installer_puts_it(tmp_path, monkeypatch):
    from skpkit.generator.commands import cetak

    program = tmp_path / "Program Files" / "LibreOffice" / "program"
    program.mkdir(parents=True)
    (program / "soffice.exe").write_bytes(b"")
    monkeypatch.setattr(cetak.shutil, "which", lambda name: None)
    monkeypatch.setenv("PROGRAMFILES", str(tmp_path / "Program Files"))
    monkeypatch.delenv("SKP_SOFFICE", raising=False)
    assert cetak.soffice() == str(program / "soffice.exe")
    monkeypatch.setenv("SKP_SOFFICE", str(tmp_path / "lain" / "soffice.exe"))
    with pytest.raises(UserError, match="SKP_SOFFICE"):
        cetak.soffice()


def test_xlwings_conf_is_written_in_the_code_page_its_vba_reads(monkeypatch):
    from skpkit.addin import install

    monkeypatch.setattr(locale, "getpreferredencoding", lambda do_setlocale=True: "cp1252")
    data = install.conf_text({"UDF MODULES": "skpkit.addin.functions", "INTERPRETER_WIN": r"C:\Users\Désirée\py.exe",
                              "X": "ruang 漢"})
    assert data.decode("cp1252").splitlines() == [
        '"UDF MODULES","skpkit.addin.functions"', r'"INTERPRETER_WIN","C:\Users\Désirée\py.exe"', '"X","ruang ?"']
    assert data.count(b"\r\n") == 3 and "é".encode("cp1252") in data


def test_csv_files_end_lines_as_windows_does(tmp_path, roster):
    files = skpkit.generate(roster, tmp_path / "unit", tahun=2027)
    skpkit.consolidate(files, tmp_path / "rekap.xlsx", csv_dir=tmp_path / "csv")
    for f in (tmp_path / "csv").glob("*.csv"):
        data = f.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b""), f.name


@pytest.mark.skipif(os.name != "nt", reason="runs only on Windows: the rest of this file simulates it")
def test_on_windows_the_lock_and_replace_are_the_real_ones(tmp_path, roster):  # pragma: no cover
    out = tmp_path / "unit"
    files = skpkit.generate(roster, out, tahun=2027)
    with files[0].open("rb"):  # held open, as Excel holds it
        with pytest.raises(UserError):
            skpkit.generate(roster, out, tahun=2027)
