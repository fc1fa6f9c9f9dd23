"""Edit workbooks the way only LibreOffice does: rows and columns inserted or deleted with every formula and
defined name moved along, sheets copied, moved and renamed; then saved as .xlsx by LibreOffice.

Run by the system Python that has LibreOffice's ``uno`` module (Debian ``python3-uno``), not the test venv:

    python3 tests/lo_edit.py jobs.json

``jobs.json`` is a list of ``{"src": path, "dst": path, "ops": [[op, sheet, ...], ...]}``; ops:

- ``["insert_rows", sheet, index, count]``, ``["delete_rows", sheet, index, count]`` (0-based rows)
- ``["insert_cols", sheet, index, count]``, ``["delete_cols", sheet, index, count]`` (0-based columns)
- ``["copy_sheet", sheet, new_name, position]``, ``["move_sheet", sheet, position]``,
  ``["rename_sheet", sheet, new_name]``
- ``["set_cell", sheet, row, col, value]``: a number or text typed into a cell (of a copied sheet, say)

A protected sheet is unprotected first (the workbooks skpkit writes have no password, so any user can), as
the user must before LibreOffice lets them insert or delete. One LibreOffice process serves every job.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def _prop(name: str, value) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _connect(pipe: str):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(300):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(0.1)
    raise RuntimeError("LibreOffice did not answer on its pipe")


def _apply(doc, op: list) -> None:
    kind, name, *args = op
    sheets = doc.Sheets
    sheet = sheets.getByName(name)
    if kind.endswith(("_rows", "_cols", "_cell")) and sheet.isProtected():
        sheet.unprotect("")
    if kind == "insert_rows":
        sheet.Rows.insertByIndex(*args)
    elif kind == "delete_rows":
        sheet.Rows.removeByIndex(*args)
    elif kind == "insert_cols":
        sheet.Columns.insertByIndex(*args)
    elif kind == "delete_cols":
        sheet.Columns.removeByIndex(*args)
    elif kind == "copy_sheet":
        sheets.copyByName(name, args[0], args[1])
    elif kind == "move_sheet":
        sheets.moveByName(name, args[0])
    elif kind == "rename_sheet":
        sheet.Name = args[0]
    elif kind == "set_cell":
        row, col, value = args
        cell = sheet.getCellByPosition(col, row)
        if isinstance(value, (int, float)):
            cell.setValue(value)
        else:
            cell.setString(str(value))
    else:
        raise ValueError(f"unknown op {kind}")


def main(jobs_file: str) -> None:
    jobs = json.load(open(jobs_file, encoding="utf-8"))
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    profile = tempfile.mkdtemp(prefix="skp-lo-edit-")
    pipe = f"skp-edit-{os.getpid()}"
    proc = subprocess.Popen([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                             "--nologo", "--nodefault", f"--accept=pipe,name={pipe};urp;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = _connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for job in jobs:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(job["src"])), "_blank", 0,
                                               (_prop("Hidden", True),))
            try:
                for op in job["ops"]:
                    _apply(doc, op)
                doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(job["dst"])),
                               (_prop("FilterName", "Calc MS Excel 2007 XML"),))
            finally:
                doc.close(True)
        try:
            desktop.terminate()
        except Exception:  # the bridge goes down with the office
            pass
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1])
