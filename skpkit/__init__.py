"""skpkit: SKP (Sasaran Kinerja Pegawai, PermenPANRB 6/2022) in Excel, offline.

``import skpkit`` gives the public API: the ``skp`` verbs as functions (:func:`generate`,
:func:`consolidate`, :func:`check`, :func:`refresh`), reading (:func:`read_workbook`,
:func:`read_roster`; as pandas DataFrames :func:`read_filled`, :func:`read_rekap`, :func:`read_siasn`)
and evaluating one pegawai (:func:`evaluasi_pegawai`, the same as
``skpkit.evaluasi.evaluasi``). The domain core is this package
itself (``skpkit.rules``, ``skpkit.arrays``, ``skpkit.model``, ...: no file or Excel code); files
are :mod:`skpkit.generator`, Excel add-ins :mod:`skpkit.addin`, the workbook's description
:mod:`skpkit.workbook_templates`. The file-handling parts load on first use.

Examples
--------
>>> import skpkit
>>> skpkit.rules.predikat("Di Atas Ekspektasi", "Sesuai Ekspektasi").value
'Baik'
"""

from importlib import import_module
from pkgutil import extend_path
from typing import Any

# pyproject maps the top folders generator/, addin/ and workbook_templates/ into this package. Run from a
# source checkout, this folder is found first; the installed package (an editable install's link tree)
# holds the mapped folders, so it joins the search path of the subpackages.
__path__ = extend_path(__path__, __name__)

from skpkit import evaluasi as _evaluasi_module, rules
from skpkit.evaluasi import IsianPegawai

#: one pegawai's evaluation from what was entered (:func:`skpkit.evaluasi.evaluasi`)
evaluasi_pegawai = _evaluasi_module.evaluasi

__version__ = "0.2.0"

_LAZY = {
    "generate": "skpkit.generator.commands.api", "consolidate": "skpkit.generator.commands.api", "check": "skpkit.generator.commands.api",
    "refresh": "skpkit.generator.commands.api", "sample_roster": "skpkit.generator.commands.api",
    "read_workbook": "skpkit.generator.read.workbook", "read_roster": "skpkit.generator.read.roster",
    "read_filled": "skpkit.generator.commands.frames", "read_rekap": "skpkit.generator.commands.frames",
    "read_siasn": "skpkit.generator.commands.frames", "tetapkan": "skpkit.generator.commands.tetapkan",
}
__all__ = ["rules", "evaluasi_pegawai", "IsianPegawai", *_LAZY, "__version__"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'skpkit' has no attribute {name!r}")
