"""Setting up the xlwings add-in the way xlwings documents it; Excel on Windows or macOS only."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

from skpkit.generator.problems import Masalah, UserError

__all__ = ["install", "status", "import_functions", "CONF", "require_excel_platform", "updated_conf", "UDF_MODULE"]

#: xlwings' user configuration, read by its add-in
CONF = Path.home() / ".xlwings" / "xlwings.conf"
UDF_MODULE = "skpkit.addin.functions"
SETTINGS = {"UDF Modules": UDF_MODULE}
#: the module name of releases before the one-package layout, rewritten wherever it is found
OLD_UDF_MODULE = "addin.functions"


def require_excel_platform(what: str) -> None:
    if sys.platform not in ("win32", "darwin"):
        raise UserError(Masalah("", what=f"{what} needs Excel on Windows or macOS (this is {sys.platform})",
                                todo="run it there after 'pip install skpkit[addin]'; here use the native "
                                     "workbooks of 'skp generate', which need nothing installed"))


def _read_conf() -> dict[str, str]:
    if not CONF.exists():
        return {}
    with CONF.open(newline="", encoding="utf-8") as f:
        return {row[0]: row[1] for row in csv.reader(f) if len(row) >= 2}


def updated_conf(conf: dict[str, str]) -> dict[str, str]:
    """xlwings.conf with skpkit's UDF module in ``UDF Modules``: the old module name replaced, other
    modules kept (xlwings takes several, separated by ``;``).

    Examples
    --------
    >>> updated_conf({"UDF Modules": "addin.functions;my_udfs", "Debug UDFs": "False"})
    {'UDF Modules': 'skpkit.addin.functions;my_udfs', 'Debug UDFs': 'False'}
    >>> updated_conf({})
    {'UDF Modules': 'skpkit.addin.functions'}
    """
    out = dict(conf)
    key = next((k for k in out if k.casefold() == "udf modules"), "UDF Modules")
    modules = [UDF_MODULE if m.strip() == OLD_UDF_MODULE else m.strip()
               for m in out.get(key, "").split(";") if m.strip()]
    if UDF_MODULE not in modules:
        modules.insert(0, UDF_MODULE)
    out[key] = ";".join(dict.fromkeys(modules))
    return out


def install() -> list[str]:
    """``xlwings addin install``, then this interpreter and ``UDF Modules = skpkit.addin.functions`` in xlwings.conf."""
    require_excel_platform("skp addin install")
    subprocess.run([sys.executable, "-m", "xlwings.cli", "addin", "install"], check=True)
    conf = updated_conf(_read_conf())
    conf["Interpreter_Win" if sys.platform == "win32" else "Interpreter_Mac"] = sys.executable
    CONF.parent.mkdir(parents=True, exist_ok=True)
    with CONF.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, quoting=csv.QUOTE_ALL).writerows(conf.items())
    return [f"{k} = {v}" for k, v in conf.items()]


def status() -> list[str]:
    """What xlwings reports about its add-in, and the skpkit settings in xlwings.conf."""
    require_excel_platform("skp addin status")
    done = subprocess.run([sys.executable, "-m", "xlwings.cli", "addin", "status"], capture_output=True, text=True)
    conf = _read_conf()
    lines = [done.stdout.strip() or done.stderr.strip()]
    lines += [f"{k} = {conf.get(k, '(not set)')}" for k in (*SETTINGS, "Interpreter_Win", "Interpreter_Mac")]
    return lines


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
