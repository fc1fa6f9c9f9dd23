"""Bahasa Indonesia for everything a user reads, English on request (issue 22).

Every command's ``--help`` and a representative run of each verb, in the default language, must hold no
English sentence; with ``--lang en`` (or ``SKP_LANG=en``) the same read in English. The catalogs hold every
message of the source, each translated, and the installed ``.mo`` files are compiled from them.
"""

from __future__ import annotations

import gettext
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import skpkit
from skpkit import i18n
from skpkit.generator.commands.cli import main

ROOT = Path(__file__).resolve().parents[1]
V1 = Path(__file__).parent / "fixtures" / "layout_v1"

#: words of English prose that Bahasa Indonesia never uses as words (domain terms such as RHK, predikat,
#: jabatan and names such as Excel, LibreOffice, xlwings Lite are the same in both)
ENGLISH = frozenset("""the and of to is are was were with for from into this that which not be by an in on at as it
its will can has have or if than then when only each every written show shows exit usage options commands missing
error invalid required such try default files file year open found problems problem kept read write workbook
workbooks period periods name see does given got choose did you mean""".split())
#: and the other way round, for English output
INDONESIAN = frozenset("""yang dan tidak untuk dengan atau berkas ke di dari ini itu sebagai bila lalu belum sudah
tulis baca buku kerja""".split())


def _prose(text: str) -> str:
    """``text`` without what is not prose: paths and file names, options, quoted names, addresses."""
    return re.sub(r"""(\w+://\S+|\S*[/\\]\S*|\S+\.(xlsx|xlsm|csv|json|py|pdf|ods|xls|exe|dll|conf|mo|po)\b"""
                  r"""|--?[\w-]+|'[^']*'|"[^"]*")""", " ", text)


def foreign(text: str, lang: str = "id") -> list[str]:
    """The words of ``text`` that belong to the other language."""
    words = ENGLISH if lang == "id" else INDONESIAN
    return sorted({w for w in re.findall(r"[A-Za-z]+", _prose(text)) if w.lower() in words})


def test_the_detector_finds_what_it_looks_for():
    assert foreign("3 workbooks written to out/ (manifest.json beside)") == ["to", "workbooks", "written"]
    assert foreign("Usage: skp [OPTIONS]") == ["OPTIONS", "Usage"]
    assert foreign("3 buku kerja ditulis ke C:\\Data\\SKP (manifest.json di sebelahnya)") == []
    assert foreign("sheet 'Read me', --no-backup, https://example.org/the-file") == []
    assert foreign("3 buku kerja ditulis", "en") == ["buku", "kerja"]


def _commands(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    ctx = click.Context(group)
    out = [path]
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        out += _commands(command, path + (name,)) if isinstance(command, click.Group) else [path + (name,)]
    return out


COMMANDS = _commands(main)


def test_every_command_is_found():
    assert {("generate",), ("consolidate",), ("check",), ("refresh",), ("tetapkan",), ("print",), ("demo",),
            ("template", "atasan"), ("addin", "lite"), ("addin", "status")} <= set(COMMANDS)


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "skp")
def test_every_help_reads_in_bahasa_indonesia(path):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert foreign(result.output) == [], result.output
    assert "Pemakaian:" in result.output and ("Opsi:" in result.output)


def _run(*args: str, env: dict | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bahasa")
    roster = skpkit.sample_roster(tmp / "roster.csv")
    v1 = tmp / "v1"
    shutil.copytree(V1, v1)
    return tmp, roster, v1


def test_each_verb_reports_in_bahasa_indonesia(work):
    tmp, roster, v1 = work
    runs = [
        ("generate", "--roster", str(roster), "--out", str(tmp / "unit"), "--tahun", "2027", "--quiet"),
        ("generate", "--roster", str(roster), "--out", str(tmp / "unit"), "--tahun", "2027", "--quiet"),  # backups
        ("template", "atasan", "--out", str(tmp / "atasan.xlsx"), "--nip", "197001011990031001", "--nama", "A",
         "--jabatan", "Kepala", "--unit", "Dinas", "--tahun", "2027"),
        ("consolidate", str(v1), "--out", str(tmp / "rekap.xlsx"), "--quiet"),
        ("check", str(v1 / "SKP-2027-pimpinan-dinas.xlsx"), "--manifest", str(v1 / "manifest.json")),
        ("refresh", str(v1 / "SKP-2027-pimpinan-dinas.xlsx"), "--atasan", str(v1 / "SKP-2027-sekretariat-daerah.xlsx"),
         "--out", str(tmp / "baru")),
        ("addin", "lite", "--out", str(tmp / "main.py")),
    ]
    seen = []
    for args in runs:
        code, output = _run(*args)
        assert code in (0, 1), (args, output)
        assert output.strip() and foreign(output) == [], (args, output)
        seen.append(output)
    unit = sorted((tmp / "unit").glob("*.xlsx"))
    code, output = _run("tetapkan", *map(str, unit), "--no-backup")
    assert code == 0 and "ditetapkan" in output and foreign(output) == [], output
    code, output = _run("print", str(unit[0]), "--out", str(tmp / "pdf"), env={"SKP_SOFFICE": str(tmp / "tidak-ada.exe")})
    assert code == 1 and "SKP_SOFFICE" in output and foreign(output) == [], output
    assert any("cadangan" in o for o in seen) and any("BERMASALAH" in o or ": OK" in o for o in seen)


@pytest.mark.parametrize("args, fragment", [
    (("generate", "--bogus"), "Tidak ada opsi"),
    (("generate", "--out", "x"), "belum diisi"),
    (("generate", "--roster", "r.csv", "--out", "x", "--split", "bidang"), "bukan salah satu dari"),
    (("generate", "--roster", "r.csv", "--out", "x", "--tahun", "1999"), "di luar rentang"),
    (("consolidate", "tidak-ada-folder", "--out", "r.xlsx"), "tidak ada"),
    (("bikin",), "Tidak ada perintah"),
    (("generate", "--roster", "tidak-ada.csv", "--out", "x"), "berkas roster tidak ditemukan"),
])
def test_usage_and_input_errors_are_one_line_in_bahasa_indonesia(args, fragment, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, output = _run(*args)
    lines = [line for line in output.splitlines() if line.strip()]
    assert code == 1 and len(lines) == 1 and fragment in lines[0], output
    assert foreign(lines[0]) == [], output


def _skp(*args: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "skpkit", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "SKP_LANG": "", **(env or {})})


@pytest.mark.skipif(not i18n.has_catalog("en"), reason="catalogs not compiled: pip install -e . compiles them")
def test_english_on_request(tmp_path):
    done = _skp("--lang", "en", "generate", "--help")
    assert done.returncode == 0 and "Usage:" in done.stdout and "Options:" in done.stdout
    assert "Write one workbook per unit" in done.stdout and foreign(done.stdout, "en") == [], done.stdout
    done = _skp("generate", "--roster", "tidak-ada.csv", "--out", "x", env={"SKP_LANG": "en"}, cwd=tmp_path)
    assert done.returncode == 1 and done.stderr.strip() == "Error: tidak-ada.csv: roster file not found"
    done = _skp("--lang", "en", "generate", "--bogus", cwd=tmp_path)
    assert done.returncode == 1 and "No such option" in done.stderr and "see skp generate --help" in done.stderr
    done = _skp("generate", "--help", cwd=tmp_path)  # the default, whatever the machine's locale
    assert "Pemakaian:" in done.stdout


def test_the_catalogs_hold_every_message_translated():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from catalogs import problems
    finally:
        sys.path.pop(0)
    assert problems() == []


@pytest.mark.skipif(not i18n.has_catalog("en"), reason="catalogs not compiled: pip install -e . compiles them")
def test_the_installed_catalogs_are_compiled_from_the_po_files():
    from babel.messages.pofile import read_po

    for lang in i18n.LANGUAGES:
        po = i18n.LOCALE / lang / "LC_MESSAGES" / "skpkit.po"
        with po.open("rb") as f:
            catalog = read_po(f, locale=lang)
        tr = gettext.translation(i18n.DOMAIN, i18n.LOCALE, languages=[lang])
        for m in catalog:
            if m.id and not isinstance(m.id, tuple):
                assert tr.gettext(m.id) == m.string, (lang, m.id, "the .mo is older than the .po: pip install -e .")


def test_translations_keep_every_placeholder():
    from babel.messages.pofile import read_po

    def holes(text: str) -> list[str]:
        return sorted(re.findall(r"\{[^{}]*\}|%\(\w+\)s", text))

    for lang in i18n.LANGUAGES:
        with (i18n.LOCALE / lang / "LC_MESSAGES" / "skpkit.po").open("rb") as f:
            for m in read_po(f, locale=lang):
                if m.id and not isinstance(m.id, tuple):
                    assert holes(m.id) == holes(m.string), (lang, m.id, m.string)


def test_the_readme_command_table_shows_the_help_as_skp_prints_it():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text[text.index("| command | `--help` says"):].split("\n\n")[0].splitlines()[2:]
    shown = {}
    for row in table:
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]]
        path = re.match(r"`skp ((?:addin|template) \w+|\w+)", cells[0]).group(1).split()
        shown[tuple(path)] = cells[1]

    def short(path):
        command = main
        for name in path:
            command = command.get_command(click.Context(command), name)
        return command.get_short_help_str(limit=400)

    leaves = {p for p in COMMANDS if p and p not in {("addin",), ("template",)}}
    assert leaves <= set(shown) | {("addin", "status"), ("addin", "import")}, leaves - set(shown)
    assert shown.pop(("addin", "install")) == " / ".join(short(("addin", n)) for n in ("install", "status", "import"))
    for path, help_text in shown.items():
        assert help_text == short(path), path
