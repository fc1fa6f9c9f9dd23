"""``skp template atasan``: the blank superior's workbook for the top of the tree."""

from __future__ import annotations

from dataclasses import replace

from pathlib import Path
from typing import Sequence

from skpkit.cascade import check_roster
from skpkit.model import JenisJabatan, JenisPeriode, Pegawai, Settings
from skpkit.issuing import Roster
from skpkit.generator.layout import plans_for
from skpkit.generator.files import atomic_target
from skpkit.generator.write.workbook import write_workbook

__all__ = ["write_template"]


def write_template(top: Pegawai, bawahan: Sequence[Pegawai], out: Path, *, tahun: int, instansi: str,
                   jenis_periode: JenisPeriode = JenisPeriode.TRIWULANAN, fill=None,
                   settings: Settings | None = None) -> Path:
    """Write a one-sheet workbook for ``top`` whose matriks peran hasil lists ``bawahan``.

    The superior fills their RHK and ticks the matriks; ``skp generate --atasan`` reads it.
    """
    top = Pegawai(top.nip, top.nama, top.jabatan, top.jenis_jabatan, top.unit, "", top.pangkat, top.jenjang)
    direct = [Pegawai(p.nip, p.nama, p.jabatan, p.jenis_jabatan, p.unit, top.nip, p.pangkat, p.jenjang)
              for p in bawahan if p.nip_atasan == top.nip]
    check_roster([top, *direct])
    roster = Roster([top, *direct])
    stem, plan = next(iter(plans_for(roster, split="pegawai", jenis_periode=jenis_periode, tahun=tahun,
                                       instansi=instansi,
                                       settings=replace(settings or Settings(), jenis_periode=jenis_periode))))
    plan.sheets = plan.sheets[:1]
    plan.units = [top.unit]
    for block in plan.matriks:
        block.bawahan = direct
    if fill is not None:
        fill(plan)
    with atomic_target(out) as tmp:
        write_workbook(plan, tmp)
    return out


def pegawai_from_options(nip: str, nama: str, jabatan: str, unit: str, jenis: str = "JPT",
                         pangkat: str = "") -> Pegawai:
    return Pegawai(nip, nama, jabatan, JenisJabatan.parse(jenis), unit, "", pangkat)
