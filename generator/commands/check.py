"""``skp check``: what is wrong with returned workbooks, against the manifest they were issued with: the
problems :func:`~skpkit.generator.rekap.checks.validate` finds (the same as ``skp consolidate`` lists),
and the periods not filled yet as information."""

from __future__ import annotations

from pathlib import Path

from skpkit.generator.errors import Masalah, UserError
from skpkit.generator.read.package import Limits, open_source
from skpkit.generator.read.registry import get_reader, require_ours
from skpkit.generator.rekap.checks import Temuan, validate

__all__ = ["check_file", "Temuan"]


def check_file(path: Path, manifest: dict | None = None, key: bytes | None = None,
               limits: Limits = Limits()) -> Temuan:
    """Everything wrong with one returned workbook; never raises for a bad file."""
    path = Path(path)
    problems: list[Masalah] = []
    try:
        source = open_source(path, limits)
        require_ours(source)
        data = get_reader("skp").read(source, problems)
    except UserError as e:
        return Temuan(path, [e.masalah])
    return validate(data, problems, manifest, key)
