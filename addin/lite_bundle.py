"""``skp addin lite``: one ``main.py`` for the xlwings Lite editor, holding :mod:`skpkit.addin.lite` and the
pure-Python core it imports (skpkit is not on PyPI, so Lite cannot install it from ``requirements.txt``).

The modules travel as source text and are installed into ``sys.modules`` when ``main.py`` runs, in
dependency order, so the functions run exactly the code the tests hold to the rules.
"""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

from skpkit import __version__

__all__ = ["main_py", "write_main_py", "LITE_MODULES"]

#: what the Lite module needs, in the order it is installed (each imports only those before it)
LITE_MODULES = ("skpkit.errors", "skpkit.label", "skpkit.model", "skpkit.rules.formula", "skpkit.rules.lazy",
                "skpkit.rules.nilai", "skpkit.rules.agregasi", "skpkit.rules.indikator", "skpkit.rules.rhk", "skpkit.rules.hasil",
                "skpkit.rules.perilaku", "skpkit.rules.matriks", "skpkit.rules.bulan", "skpkit.rules.ak", "skpkit.rules.kurva",
                "skpkit.rules", "skpkit.nip", "skpkit.addin.shapes", "skpkit.addin.lite")
#: packages made before the modules; a package's own ``__init__`` source is run into it (its __path__ kept)
PACKAGES = ("skpkit", "skpkit.rules", "skpkit.addin")

_LOADER = '''
import sys
import types


def _install(packages, modules):
    for name in packages:
        if name not in sys.modules:
            module = types.ModuleType(name)
            module.__path__ = []
            sys.modules[name] = module
            if "." in name:
                parent, _, child = name.rpartition(".")
                setattr(sys.modules[parent], child, module)
    for name, source in modules:
        module = sys.modules[name] if name in packages else types.ModuleType(name)
        module.__file__ = "<skpkit " + name + ">"
        sys.modules[name] = module
        parent, _, child = name.rpartition(".")
        setattr(sys.modules[parent], child, module)
        exec(compile(source, module.__file__, "exec"), module.__dict__)
'''


def main_py() -> str:
    """The text of ``main.py``: the loader, the embedded modules, and the functions bound at top level
    (where xlwings Lite looks for them).

    Examples
    --------
    >>> text = main_py()
    >>> "def SKP_PREDIKAT" in text and "import numpy" not in text
    True
    """
    from skpkit.addin import lite

    modules = [(name, inspect.getsource(importlib.import_module(name))) for name in LITE_MODULES]
    names = ", ".join(n for n in lite.__all__ if n.startswith("SKP_"))
    return "\n".join([
        f'"""skpkit {__version__}: the SKP rules (PermenPANRB 6/2022) as xlwings Lite custom functions.',
        "",
        "Written by `skp addin lite`; paste into the xlwings Lite editor as main.py. No package to install:",
        f"the pure-Python core of skpkit travels below. Functions: {names}.",
        '"""',
        _LOADER,
        f"_PACKAGES = {PACKAGES!r}",
        "_MODULES = [",
        *(f"    ({name!r}, {source!r})," for name, source in modules),
        "]",
        "_install(_PACKAGES, _MODULES)",
        "",
        f"from skpkit.addin.lite import {names}  # noqa: E402,F401  (xlwings Lite registers them from here)",
        "",
    ])


def write_main_py(out: Path) -> Path:
    """Write :func:`main_py` to ``out``."""
    out = Path(out)
    out.write_text(main_py(), encoding="utf-8")
    return out
