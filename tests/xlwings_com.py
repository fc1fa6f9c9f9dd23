"""xlwings' own Windows UDF machinery, run on Linux: its decorators (``xlwings.udfs``) and its conversion
pipeline with the Windows engine (``xlwings._xlwindows``), pywin32 and the Windows DLLs stubbed.

:func:`windows_udfs` reloads ``skpkit.addin.functions`` under those decorators, as Excel's COM server
would import it, and :func:`call` does what ``xlwings.udfs.call_udf`` does with the values Excel
passes: a missing argument becomes its default, each argument goes through ``conversion.read``
with the options the decorators declared, and the result through ``conversion.write``. Excel passes
one cell as a value and a range as a tuple of row tuples (``Range.Value`` over COM).
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import sys
import types
from typing import Any, Iterator

STUBBED = ("pythoncom", "pywintypes", "win32api", "win32con", "win32gui", "win32process", "win32timezone",
           "win32event", "win32com", "win32com.client", "win32com.client.dynamic", "win32com.server",
           "win32com.server.util", "win32com.server.dispatcher", "win32com.server.policy")
MISSING = object()


class _Anything(types.ModuleType):
    """A pywin32 module stand-in: every attribute is a harmless class."""

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        value = type(name, (), {"__init__": lambda self, *a, **k: None, "__call__": lambda self, *a, **k: None})
        setattr(self, name, value)
        return value


class _Dll:
    def __getattr__(self, name: str):
        return _Dll()

    def __call__(self, *args, **kwargs):
        return 0


@contextlib.contextmanager
def windows_udfs() -> Iterator[types.ModuleType]:
    """``skpkit.addin.functions`` as Windows Excel's xlwings imports it; everything restored afterwards."""
    saved = {name: sys.modules.get(name) for name in (*STUBBED, "xlwings._xlwindows", "xlwings.udfs")}
    saved_ctypes = {name: getattr(ctypes, name, MISSING) for name in ("oledll", "windll", "PyDLL")}
    import xlwings
    saved_xw = {name: getattr(xlwings, name) for name in ("func", "arg", "ret")}
    saved_engines = list(xlwings.engines)
    try:
        for name in STUBBED:
            sys.modules[name] = _Anything(name)
        sys.modules["pythoncom"].CoInitialize = lambda: None
        sys.modules["pythoncom"].__file__ = "pythoncom"
        ctypes.oledll = ctypes.windll = _Dll()
        ctypes.PyDLL = lambda *a, **k: _Dll()
        import xlwings._xlwindows as xlwindows
        import xlwings.udfs as udfs
        from xlwings.main import Engine

        if "excel" not in [e.name for e in xlwings.engines]:
            xlwings.engines.add(Engine(impl=xlwindows.engine))
        xlwings.func, xlwings.arg, xlwings.ret = udfs.xlfunc, udfs.xlarg, udfs.xlret
        import skpkit.addin.functions as functions
        yield importlib.reload(functions)
    finally:
        for name, value in saved_xw.items():
            setattr(xlwings, name, value)
        for name, value in saved_ctypes.items():
            if value is MISSING:
                if hasattr(ctypes, name):
                    delattr(ctypes, name)
            else:
                setattr(ctypes, name, value)
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
        xlwings.engines.engines[:] = saved_engines
        xlwings.engines.engines_by_name = {e.name: e for e in saved_engines}
        import skpkit.addin.functions as functions
        importlib.reload(functions)


def call(fn, *values: Any) -> Any:
    """What Excel's cell gets from ``=FN(values...)``, through xlwings' conversion (``call_udf``)."""
    from xlwings import conversion

    info = fn.__xlfunc__
    args = list(values)
    for i, (arg, arg_info) in enumerate(zip(args, info["args"])):
        if arg is MISSING:
            args[i] = arg_info.get("optional")
        else:
            args[i] = conversion.read(None, arg, arg_info["options"])
    for arg_info in info["args"][len(args):]:
        args.append(arg_info.get("optional"))
    return conversion.write(fn(*args), None, info["ret"]["options"])


def column(*values: Any) -> tuple:
    """A column range as COM passes it."""
    return tuple((v,) for v in values)


def row(*values: Any) -> tuple:
    """A row range as COM passes it."""
    return (tuple(values),)
