"""``python -m skpkit``: the ``skp`` command, for a machine where the ``skp`` script is not on PATH
(Windows with ``py -m skpkit``)."""

from skpkit.generator.commands.entry import run

if __name__ == "__main__":
    run()
