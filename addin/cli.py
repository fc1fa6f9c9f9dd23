"""``skp addin``: the xlwings add-in (registered as an ``skpkit.commands`` entry point)."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["addin"]


@click.group()
def addin() -> None:
    """The xlwings add-in: the skpkit rules as Excel functions (Windows or macOS with Excel)."""


@addin.command("install")
def addin_install() -> None:
    """Install xlwings' add-in and set UDF Modules = skpkit.addin.functions and this interpreter."""
    from skpkit.addin.install import install

    for line in install():
        click.echo(line)


@addin.command("status")
def addin_status() -> None:
    """Show xlwings' add-in status and the skpkit settings of xlwings.conf."""
    from skpkit.addin.install import status

    for line in status():
        click.echo(line)


@addin.command("import")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
def addin_import(folder: Path) -> None:
    """Import the skpkit functions into every .xlsm under FOLDER (xlwings' Import Functions)."""
    from skpkit.addin.install import import_functions

    done = import_functions(sorted(folder.rglob("*.xlsm")))
    click.echo(f"functions imported into {len(done)} workbooks")


@addin.command("lite")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=Path("main.py"),
              show_default=True, help="Where to write main.py for the xlwings Lite editor.")
def addin_lite(out: Path) -> None:
    """Write main.py for xlwings Lite: the skpkit functions and the core they need, in one file."""
    from skpkit.addin.lite_bundle import write_main_py

    write_main_py(out)
    click.echo(f"written {out}: open the xlwings Lite add-in in Excel, paste it over main.py, and save; "
               "then =SKP_PREDIKAT(...) and the other SKP_ functions work in that workbook")
