"""``skp print rekap.xlsx --form ak``: the angka kredit documents of every fungsional of a rekap (KONVERSI,
AKUMULASI, PENETAPAN; RULES.md section 11), from the rekap's hidden ``_angka_kredit`` sheet (its figures by
stable key: the same numbers as its Angka Kredit sheet), with the optional identity fields of a roster."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from skpkit.dokumen_ak import DokumenAK, dokumen_ak
from skpkit.generator.errors import Masalah, UserError
from skpkit.generator.layout import labels
from skpkit.generator.layout.outputs import REKAP_AK
from skpkit.generator.read.identitas import from_nip, read_identitas
from skpkit.generator.read.package import Source
from skpkit.generator.write.ak_dokumen import write_ak_dokumen
from skpkit.i18n import _
from skpkit.kertas import parse_kertas

__all__ = ["read_dokumen", "ak_jobs"]


def _value(v: Any) -> Any:
    return None if v == "" else v


def read_dokumen(source: Source) -> list[DokumenAK]:
    """The documents of every fungsional of the rekap ``source``; a one-line error when it has no angka
    kredit figures (not a rekap, or one written before they were kept)."""
    if REKAP_AK not in source.sheet_names:
        raise UserError(Masalah(str(source.path), what=_("bukan rekap skpkit dengan data angka kredit (sheet {x} "
                                                          "tidak ada)").format(x=REKAP_AK),
                                todo=_("buat rekap dengan skp consolidate, lalu skp print rekap.xlsx --form ak")))
    head, *rows = source.grid(REKAP_AK).rows or [[]]
    keys = [str(k) for k in head]
    lab = labels()["ak_dokumen"]
    n = sum(1 for k in keys if re.fullmatch(r"nama_\d+", k))
    docs = []
    for row in rows:
        baris = {k: _value(v) for k, v in zip(keys, row)}
        if not baris.get("nip"):
            continue
        names = [str(baris.get(f"nama_{p}") or f"Periode {p}") for p in range(1, n + 1)]
        tahun = baris.get("tahun")
        baris["tahun"] = int(tahun) if isinstance(tahun, float) else tahun
        docs.append(dokumen_ak(baris, names, tahunan_nama=lab["tahunan"].format(tahun=baris["tahun"] or ""),
                               puncak=lab["puncak"], tanpa_pangkat=lab["tanpa_pangkat"]))
    return docs


def ak_jobs(source: Source, f: Path, work: Path, out: Path, per: str, kertas: str | None,
            roster: Path | None) -> list[tuple[Path, Path]]:
    """The workbooks to convert for ``f`` and the PDF each becomes: one per fungsional (``per`` pegawai) or
    one for the rekap; an empty list when it has no fungsional."""
    docs = read_dokumen(source)
    extra = read_identitas(roster) if roster is not None else {}
    pairs = [(d, {**from_nip(str(d.identitas.get("nip"))), **extra.get(str(d.identitas.get("nip")), {})})
             for d in docs]
    if not pairs:
        return []
    paper = parse_kertas(kertas) if kertas else str(pairs[0][0].identitas.get("kertas") or "A4")
    groups = [[p] for p in pairs] if per == "pegawai" else [pairs]
    jobs = []
    for k, group in enumerate(groups, start=1):
        name = re.sub(r"[^0-9A-Za-z]+", "-", str(group[0][0].identitas.get("nama"))).strip("-")
        stem = f"{f.stem}-AK" if per == "unit" else f"{f.stem}-AK-{k:02d}-{name}"
        copy = work / f"{stem}.xlsx"
        write_ak_dokumen(group, copy, paper)
        jobs.append((copy, out / f"{stem}.pdf"))
    return jobs
