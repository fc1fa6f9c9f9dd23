"""Open a workbook in openpyxl to edit it as a user would, parsing each file once per test process.

openpyxl's full load of a unit workbook takes seconds; a test that makes many edited copies of one file
loads it once and gets each further copy from a pickle of the loaded workbook (under a second). The cache
is keyed by the file's path, size and modification time, so a file changed on disk is parsed again.
"""

from __future__ import annotations

import pickle
from collections import OrderedDict
from pathlib import Path
from typing import Callable

import openpyxl
from openpyxl.workbook.workbook import Workbook

_CACHE: OrderedDict[tuple, bytes] = OrderedDict()
_KEEP = 6


def load(path: Path | str) -> Workbook:
    """A fresh, editable openpyxl workbook of ``path`` (equal to ``openpyxl.load_workbook(path)``)."""
    path = Path(path)
    st = path.stat()
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return pickle.loads(_CACHE[key])
    wb = openpyxl.load_workbook(path)
    _CACHE[key] = pickle.dumps(wb, protocol=pickle.HIGHEST_PROTOCOL)
    while len(_CACHE) > _KEEP:
        _CACHE.popitem(last=False)
    return wb


def edit(src: Path | str, dst: Path | str, change: Callable[[Workbook], object]) -> Path:
    """Save ``src`` with ``change`` applied to its workbook as ``dst``; return ``dst``."""
    wb = load(src)
    change(wb)
    wb.save(dst)
    return Path(dst)
