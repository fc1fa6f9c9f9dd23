"""What a workbook of the ``xlwings`` engine needs (the layout's ``xlwings`` block): the module its UDFs come
from, the xlwings release whose VBA it carries, and the installed xlwings, for the manifest and ``_skp``."""

from __future__ import annotations

from skpkit.generator.layout import load_layout
from skpkit.generator.errors import Masalah, UserError
from skpkit.i18n import _

__all__ = ["UDF_MODULES", "XLWINGS_VERSION", "SHEET", "CONF", "xlwings_version"]

_X = load_layout()["xlwings"]
#: the module xlwings imports the UDFs from
UDF_MODULES: str = _X["udf_modules"]
#: the xlwings release skpkit's ``addin`` extra pins: its VBA (in every .xlsm) loads ``xlwings64-<version>.dll``
XLWINGS_VERSION: str = _X["version"]
SHEET: str = _X["sheet"]
#: the workbook's xlwings settings, with the upper-case keys xlwings documents
CONF: tuple[tuple[str, str], ...] = tuple((k, v) for k, v in _X["conf"])


def xlwings_version() -> str:
    """The installed xlwings version: the VBA it ships is what a generated .xlsm carries."""
    try:
        import xlwings
    except ImportError:
        raise UserError(Masalah("", what=_("--engine xlwings perlu xlwings"), todo=_("pip install 'skpkit[addin]'"))) from None
    return xlwings.__version__
