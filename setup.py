"""The build compiles the message catalogs (``skpkit/locale/*/LC_MESSAGES/skpkit.po``) into the ``.mo`` files
gettext reads, with Babel (``scripts/catalogs.py``), before the package's files are collected; everything else
is in pyproject.toml."""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithCatalogs(build_py):
    def run(self) -> None:
        sys.path.insert(0, str(ROOT / "scripts"))
        from catalogs import compile_all

        compile_all(ROOT / "skpkit" / "locale")
        super().run()


setup(cmdclass={"build_py": BuildWithCatalogs})
