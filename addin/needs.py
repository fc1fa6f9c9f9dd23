"""What the add-in and the workbooks of the ``xlwings`` engine agree on, from the workbook description
(``workbook_templates/layout.json``, block ``xlwings``): the UDF module and the pinned xlwings release."""

from __future__ import annotations

import json
from importlib.resources import files

__all__ = ["UDF_MODULES", "XLWINGS_VERSION"]

_X = json.loads(files("skpkit.workbook_templates").joinpath("layout.json").read_text("utf-8"))["xlwings"]
#: the module xlwings imports the UDFs from
UDF_MODULES: str = _X["udf_modules"]
#: the xlwings release whose VBA every generated .xlsm carries
XLWINGS_VERSION: str = _X["version"]
