"""Setting up the classic xlwings add-in the way xlwings documents it: Excel on Windows only (xlwings'
UDFs run through a COM server that exists only there; on macOS and the web use xlwings Lite)."""

from __future__ import annotations

import csv
import io
import locale
import subprocess
import sys
from pathlib import Path

from skpkit.errors import InputError
from skpkit.addin.needs import UDF_MODULES, XLWINGS_VERSION
from skpkit.i18n import _

__all__ = ["install", "status", "import_functions", "CONF", "conf_text", "conf_encoding", "require_excel_platform", "updated_conf", "UDF_MODULE",
           "version_note"]

#: xlwings' user configuration, read by its add-in
CONF = Path.home() / ".xlwings" / "xlwings.conf"
UDF_MODULE = UDF_MODULES
#: the module name of releases before the one-package layout, rewritten wherever it is found
OLD_UDF_MODULE = "addin.functions"


def require_excel_platform(what: str) -> None:
    if sys.platform != "win32":
        raise InputError(_("{what} perlu Excel di Windows: UDF xlwings hanya berjalan di Windows (ini {platform})").format(
                             what=what, platform=sys.platform),
                         _("jalankan di sana sesudah 'pip install skpkit[addin]'; di tempat lain pakai buku kerja "
                           "biasa dari 'skp generate' atau xlwings Lite ('skp addin lite')"))


def conf_encoding() -> str:
    """The encoding of ``xlwings.conf``: the system's ANSI code page on Windows (cp1252 in most of Indonesia),
    which is what xlwings' VBA (``Line Input``) and its own Python (``open(..., "w")``) use.

    Examples
    --------
    >>> conf_encoding() == locale.getpreferredencoding(False)
    True
    """
    return locale.getpreferredencoding(False)


def conf_text(conf: dict[str, str]) -> bytes:
    """``xlwings.conf``'s bytes: one quoted ``"KEY","value"`` line each, Windows line ends, the code page's
    encoding (a character it lacks becomes ``?``, never a failed install).

    Examples
    --------
    >>> conf_text({"UDF MODULES": "skpkit.addin.functions"})
    b'"UDF MODULES","skpkit.addin.functions"\\r\\n'
    """
    out = io.StringIO(newline="")
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(conf.items())
    return out.getvalue().encode(conf_encoding(), errors="replace")


def _read_conf() -> dict[str, str]:
    if not CONF.exists():
        return {}
    data = CONF.read_bytes()
    try:
        text = data.decode("utf-8")  # written by an earlier release
    except UnicodeDecodeError:
        text = data.decode(conf_encoding(), errors="replace")
    return {row[0]: row[1] for row in csv.reader(io.StringIO(text, newline="")) if len(row) >= 2}


def updated_conf(conf: dict[str, str]) -> dict[str, str]:
    """xlwings.conf with upper-case keys (as xlwings documents them; it takes the first match, so a
    mixed-case duplicate would hide a value) and skpkit's module in ``UDF MODULES``: the old module
    name replaced, other modules kept (xlwings takes several, separated by ``;``).

    Examples
    --------
    >>> updated_conf({"UDF Modules": "addin.functions;my_udfs", "Debug UDFs": "False"})
    {'UDF MODULES': 'skpkit.addin.functions;my_udfs', 'DEBUG UDFS': 'False'}
    >>> updated_conf({"UDF MODULES": "", "udf modules": "x"})
    {'UDF MODULES': 'skpkit.addin.functions;x'}
    """
    out: dict[str, str] = {}
    modules: list[str] = []
    for key, value in conf.items():
        k = key.strip().upper()
        if k == "UDF MODULES":
            modules += [m.strip() for m in str(value).split(";") if m.strip()]
        out.setdefault(k, value)
    modules = [UDF_MODULE if m == OLD_UDF_MODULE else m for m in modules]
    if UDF_MODULE not in modules:
        modules.insert(0, UDF_MODULE)
    out["UDF MODULES"] = ";".join(dict.fromkeys(modules))
    return out


def version_note(installed: str | None, needed: str = XLWINGS_VERSION) -> str:
    """One line on the xlwings versions: the .xlsm files need the one whose DLL their VBA names.

    Examples
    --------
    >>> version_note("0.37.8")
    'xlwings 0.37.8: versi yang diperlukan buku kerja skpkit'
    >>> version_note("0.33.0").startswith("xlwings 0.33.0 terpasang, buku kerja memerlukan 0.37.8")
    True
    """
    if installed is None:
        return _("xlwings belum terpasang: pip install \"skpkit[addin]\" (xlwings {needed})").format(needed=needed)
    if installed == needed:
        return _("xlwings {installed}: versi yang diperlukan buku kerja skpkit").format(installed=installed)
    return _("xlwings {installed} terpasang, buku kerja memerlukan {needed} (VBA-nya memuat xlwings64-{needed}.dll): "
             "pip install \"xlwings=={needed}\"").format(installed=installed, needed=needed)


def install() -> list[str]:
    """``xlwings addin install``, then this interpreter and ``UDF Modules = skpkit.addin.functions`` in xlwings.conf."""
    require_excel_platform("skp addin install")
    subprocess.run([sys.executable, "-m", "xlwings.cli", "addin", "install"], check=True)
    conf = updated_conf(_read_conf())
    conf["INTERPRETER_WIN" if sys.platform == "win32" else "INTERPRETER_MAC"] = sys.executable
    CONF.parent.mkdir(parents=True, exist_ok=True)
    CONF.write_bytes(conf_text(conf))
    return [f"{k} = {v}" for k, v in conf.items()]


def status() -> list[str]:
    """What xlwings reports about its add-in, and the skpkit settings in xlwings.conf."""
    require_excel_platform("skp addin status")
    done = subprocess.run([sys.executable, "-m", "xlwings.cli", "addin", "status"], capture_output=True, text=True)
    conf = _read_conf()
    lines = [done.stdout.strip() or done.stderr.strip(), version_note(_installed_version())]
    upper = {k.upper(): v for k, v in conf.items()}
    lines += [f"{k} = {upper.get(k, _('(belum diisi)'))}" for k in ("UDF MODULES", "INTERPRETER_WIN", "INTERPRETER_MAC")]
    return lines


def _installed_version() -> str | None:
    try:
        import xlwings
    except ImportError:
        return None
    return xlwings.__version__


def import_functions(paths: list[Path]) -> list[Path]:
    """Import ``skpkit.addin.functions`` into each workbook (xlwings' "Import Functions"), then save it."""
    require_excel_platform("skp addin import")
    import xlwings as xw
    from xlwings.udfs import import_udfs

    done = []
    with xw.App(visible=False) as app:
        for path in paths:
            book = app.books.open(str(path))
            import_udfs(UDF_MODULE, book.api)
            book.save()
            book.close()
            done.append(path)
    return done
