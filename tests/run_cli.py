"""The ``skp`` command run in-process, as the tests' one way to call it."""

from __future__ import annotations

from click.testing import CliRunner

from skpkit.generator.commands.cli import main


def skp(*args) -> tuple[int, str]:
    """Run ``skp ARGS...``; return the exit code and what it printed. A traceback (an exception other than
    the exit) fails the calling test: a user error is one line and exit 1, never a traceback."""
    r = CliRunner().invoke(main, [str(a) for a in args])
    assert not isinstance(r.exception, Exception) or isinstance(r.exception, SystemExit), r.exception
    return r.exit_code, r.output
