"""NumPy and the column helpers, loaded when an array form first runs.

The rule modules keep each rule's scalar, array and formula forms side by side; the scalar forms must also
run where NumPy is not loaded (the xlwings Lite module on Pyodide's core), so the array forms reach NumPy
through these stand-ins, which import the real module on first attribute access.
"""

from __future__ import annotations

import importlib
import types
from typing import Any

__all__ = ["np", "kolom"]


class _Lazy(types.ModuleType):
    """A stand-in for the module ``name``, imported on first attribute access."""

    def __getattr__(self, attr: str) -> Any:
        module = importlib.import_module(self.__name__)
        return getattr(module, attr)


np: Any = _Lazy("numpy")
kolom: Any = _Lazy("skpkit.rules.kolom")
