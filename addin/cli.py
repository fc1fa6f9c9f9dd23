"""``skp addin``: the xlwings add-in (registered as an ``skpkit.commands`` entry point)."""

from __future__ import annotations

from pathlib import Path

import click
from skpkit.i18n import _

__all__ = ["addin"]


@click.group(options_metavar=_("[OPSI]"), subcommand_metavar=_("PERINTAH [ARG]..."), help=_("Add-in xlwings: aturan skpkit sebagai fungsi Excel (install, status, import: Excel di Windows; "
                     "lite: xlwings Lite di Excel mana pun)."))
def addin() -> None:
    """The xlwings add-in."""


@addin.command("install", options_metavar=_("[OPSI]"), help=_("Pasang add-in xlwings dan isi UDF Modules = skpkit.addin.functions serta Python ini."))
def addin_install() -> None:
    """Install xlwings' add-in and configure it."""
    from skpkit.addin.install import install

    for line in install():
        click.echo(line)


@addin.command("status", options_metavar=_("[OPSI]"), help=_("Tampilkan status add-in xlwings dan pengaturan skpkit di xlwings.conf."))
def addin_status() -> None:
    """Show the add-in's status."""
    from skpkit.addin.install import status

    for line in status():
        click.echo(line)


@addin.command("import", options_metavar=_("[OPSI]"), help=_("Impor fungsi skpkit ke setiap .xlsm di FOLDER (Import Functions dari xlwings)."))
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
def addin_import(folder: Path) -> None:
    """Import the functions into every .xlsm under a folder."""
    from skpkit.addin.install import import_functions

    done = import_functions(sorted(folder.rglob("*.xlsm")))
    click.echo(_("fungsi diimpor ke {n} buku kerja").format(n=len(done)))


@addin.command("lite", options_metavar=_("[OPSI]"), help=_("Tulis main.py untuk xlwings Lite: fungsi skpkit dan inti yang diperlukannya, dalam satu berkas."))
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=Path("main.py"),
              show_default=True, help=_("Tempat menulis main.py untuk editor xlwings Lite."))
def addin_lite(out: Path) -> None:
    """Write main.py for xlwings Lite."""
    from skpkit.addin.lite_bundle import write_main_py

    write_main_py(out)
    click.echo(_("ditulis {out}: buka add-in xlwings Lite di Excel, tempelkan isinya menggantikan main.py, lalu "
                 "simpan; sesudah itu =SKP_PREDIKAT(...) dan fungsi SKP_ lain bekerja di buku kerja itu").format(out=out))
