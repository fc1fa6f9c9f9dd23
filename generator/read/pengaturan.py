"""The Pengaturan sheet read back: settings, units with their predikat organisasi, and the year, each found by
its defined name (or, in a file saved without names, by the layout's positions)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from skpkit.errors import InputError
from skpkit.kertas import parse_kertas
from skpkit.model import JenisPeriode, Rating, Settings
from skpkit.generator.layout import ENUMS, PengaturanGeometry, a1 as _a1
from skpkit.generator.errors import Masalah
from skpkit.generator.read.package import Range, Source
from skpkit.generator.layout.stored import Grid, text as _text
from skpkit.i18n import _

__all__ = ["read_settings", "read_organisasi", "names_by_position", "read_tahun"]


def _cell(grids: dict[str, Grid], names: dict[str, Range], name: str, i: int = 0, j: int = 0) -> Any:
    """Value ``i`` rows and ``j`` columns into the range of the defined ``name`` (None when absent)."""
    rng = names.get(name)
    if rng is None or rng[0] not in grids:
        return None
    return grids[rng[0]](rng[1] + i, rng[2] + j)


def read_settings(grids: dict[str, Grid], names: dict[str, Range], lay: dict,
              missing: list[str]) -> tuple[Settings, dict[str, Any]]:
    """Settings as the workbook holds them now (an instansi may have changed them), found by defined name.
    A name that no longer points at a cell of the workbook keeps the project's default; it is added to
    ``missing``."""
    p = lay["pengaturan"]

    def found(name: str) -> bool:
        ok = name in names and names[name][0] in grids
        if not ok:
            missing.append(name)
        return ok

    values = {sc["field"]: _cell(grids, names, sc["name"]) for sc in p["scalars"] if found(sc["name"])}
    kw: dict[str, Any] = {}
    default = Settings()
    for f, v in values.items():  # every numeric setting the layout names, as the type of its default
        kind = type(getattr(default, f, None))
        if kind in (int, float) and isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v):
            kw[f] = kind(v)
    for t, spec in p["tables"].items():
        if not found(t):
            continue
        members = list(ENUMS[p["lists"][spec["keys"]]])
        table = {}
        for i, m in enumerate(members):
            v = _cell(grids, names, t, i)
            if spec["field"] == "rating_pimpinan":
                try:
                    table[m] = Rating.parse(v)
                except InputError:  # the sheet shows the reason in the leader's cell; the rekap the default
                    table[m] = getattr(default, spec["field"])[m]
                    missing.append(f"{t} ({m.value}: {v!r})")
            elif isinstance(getattr(default, spec["field"])[m], str):  # a text table (GolPuncak): blank is none
                table[m] = "" if v is None else str(v).strip()
            elif isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v):
                table[m] = float(v)
            elif v is None and spec["field"] == "ak_jenjang":
                table[m] = None  # the top of the ladder
            else:
                table[m] = getattr(default, spec["field"])[m]
        kw[spec["field"]] = table
    try:
        kw["jenis_periode"] = JenisPeriode.parse(values.get("jenis_periode"))
    except InputError:
        pass
    if values.get("kertas") not in (None, ""):
        try:
            kw["kertas"] = parse_kertas(values["kertas"])
        except InputError:
            missing.append(f"Kertas ({values['kertas']!r})")
    if isinstance(values.get("tempat"), (str, int, float)) and not isinstance(values.get("tempat"), bool):
        kw["tempat"] = _text(values["tempat"])
    return Settings(**kw), values


def read_organisasi(grids: dict[str, Grid], names: dict[str, Range], lay: dict,
                n: int) -> tuple[list[str], dict[tuple[str, int], str]]:
    """Units and their predikat kinerja organisasi per period (column n + 1: the year), by defined name."""
    p = lay["pengaturan"]
    units: list[str] = []
    org: dict[tuple[str, int], str] = {}
    rng = names.get(p["units_name"])
    if rng is None:
        return units, org
    for i in range(rng[3] - rng[1] + 1):
        unit = _text(_cell(grids, names, p["units_name"], i))
        if not unit:
            continue
        units.append(unit)
        for c in range(1, n + 2):
            v = _text(_cell(grids, names, p["organisasi_name"], i, c - 1))
            if v:
                org[(unit, c)] = v
    return units, org


def names_by_position(wb: Source, sheet: str, lay: dict, n_periode: int) -> dict[str, Range]:
    """The Pengaturan names of the layout, with the units counted down the organisasi block."""
    if sheet not in wb.sheet_names:
        return {}
    grid = wb.grid(sheet)
    first = PengaturanGeometry(1, lay).block_row("organisasi") + 2
    n_units = 0
    while grid(first + n_units, 0) is not None:
        n_units += 1
    return PengaturanGeometry(max(n_units, 1), lay).names(sheet, n_periode)


def read_tahun(typed: Any, issued: str | None, path: Path, defined: dict[str, Range],
           problems: list[Masalah] | None) -> int:
    """The year in Pengaturan; where it is not a year (``TA 2027``), the year the file was issued with,
    and a problem naming the cell."""
    try:
        fallback = int(issued or 0)
    except ValueError:
        fallback = 0
    if isinstance(typed, (int, float)) and not isinstance(typed, bool) and typed == typed and 2000 <= typed <= 2100:
        return int(typed)
    if problems is not None and typed not in (None, ""):
        where = defined.get("Tahun")
        problems.append(Masalah(str(path), where[0] if where else "", _a1(where[1], where[2]) if where else "",
                                _("tahun {typed!r} bukan tahun; dipakai tahun penerbitan {fallback}").format(
                                    typed=typed, fallback=fallback),
                                _("isi tahun sebagai angka (misal 2027)")))
    return fallback
