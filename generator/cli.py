"""The ``skp`` command."""

from __future__ import annotations

import click

from skp import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="skpkit")
def main() -> None:
    """skpkit: SKP (PermenPANRB 6/2022) workbooks for a whole unit, offline.

    Generate per-unit workbooks with the superior's RHK cascaded, let staff fill
    them in any spreadsheet program, and consolidate them into one rekap.
    """


if __name__ == "__main__":  # pragma: no cover
    main()
