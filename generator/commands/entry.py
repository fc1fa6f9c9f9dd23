"""The entry point of ``skp`` and ``python -m skpkit``: the language first, then the commands.

Help texts are translated when the command module is imported, so the language asked for (``--lang`` before
the verb, or ``SKP_LANG``) is set before that import.
"""

from __future__ import annotations

import os
import sys
from typing import Sequence

from skpkit.i18n import choose, use

__all__ = ["run"]


def run(argv: Sequence[str] | None = None) -> None:
    """Run ``skp`` with ``argv`` (default: the process's arguments); exits with the command's code."""
    args = list(sys.argv[1:] if argv is None else argv)
    use(choose(args, os.environ))
    from skpkit.generator.commands.cli import main

    main.main(args=args, prog_name="skp")
