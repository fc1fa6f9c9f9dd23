"""An e-Kinerja rekap merged into the rekap of the workbooks, per pegawai and period.

A period a workbook has rated stays the workbook's (a different e-Kinerja predikat for it is named); a
period the workbooks leave empty, or a pegawai they do not hold, takes e-Kinerja's row. The kurva is then
checked over both, so a unit that ran part of the year in e-Kinerja gets one rekap and one kurva check.
"""

from __future__ import annotations

from pathlib import Path

from skpkit import rules
from skpkit.errors import InputError
from skpkit.model import JenisPeriode
from skpkit.generator.rekap.rows import TAHUNAN_LABEL, Baris, predikat_or_none
from skpkit.generator.problems import Masalah, UserError
from skpkit.generator.read.registry import get_reader

__all__ = ["merge_ekinerja", "SUMBER"]

#: the sheet column of a row taken from e-Kinerja
SUMBER = "e-Kinerja"


def merge_ekinerja(rekap, path: Path, organisasi: dict[tuple[str, int], str], tahun: int | None,
                   periode: int | None) -> None:
    """Read ``path`` with the rekap's period type and year and merge its rows into ``rekap`` (in place)."""
    n = rekap.n_periode
    jenis = JenisPeriode.BULANAN if n == 12 else JenisPeriode.TRIWULANAN
    problems: list[Masalah] = []
    try:
        rows = get_reader("ekinerja").read(path, problems, jenis=jenis, tahun=tahun)
    except UserError as e:
        rekap.masalah.append(e.masalah)
        return
    except (OSError, ValueError) as e:
        rekap.masalah.append(Masalah(str(path), what=f"rekap e-Kinerja tidak dapat dibaca ({e})"[:300],
                                     todo="simpan ulang sebagai .xlsx atau .csv"))
        return
    rekap.masalah += problems
    rekap.files_read += 1
    have = {(b.nip, b.periode): i for i, b in enumerate(rekap.rows)}
    ak_of = {a["nip"]: a for a in rekap.ak}
    for row in rows:
        if periode is not None and row.periode != periode:
            continue
        col = row.periode or n + 1
        if row.organisasi:
            organisasi.setdefault((row.unit, col), row.organisasi)
        pred = row.predikat.value if row.predikat else ""
        nama = TAHUNAN_LABEL if row.periode == 0 else jenis.nama(row.periode)
        i = have.get((row.nip, row.periode))
        known = ak_of.get(row.nip)
        jenjang = row.jenjang or (known["jenjang"] if known else "")
        ak = None
        if jenjang and row.predikat is not None:
            # the months held from the workbook's TMT jabatan where the pegawai has one, else the whole period
            months = (known.get("bulan") if row.periode == 0 else (known.get("bulan_periode") or [None] * n)[
                row.periode - 1]) if known else None
            try:
                ak = rules.angka_kredit(row.predikat, jenjang, (12 if row.periode == 0 else jenis.bulan)
                                        if months is None else months, settings=rekap.settings)
            except InputError:
                ak = None
        if i is not None:
            old = rekap.rows[i]
            if predikat_or_none(old.predikat) is not None:
                if row.predikat is not None and predikat_or_none(old.predikat) is not row.predikat:
                    rekap.masalah.append(Masalah(str(path), "", "", f"{row.nip} {nama}: e-Kinerja {pred}, berkas "
                                                 f"{old.file} {old.predikat}", "dipakai predikat dari berkas; "
                                                 "samakan salah satunya"))
                continue
        base = rekap.rows[i] if i is not None else None
        baris = Baris(row.nip, row.nama or (base.nama if base else ""), row.unit or (base.unit if base else ""),
                      base.kurva_unit if base else row.unit, row.jabatan or (base.jabatan if base else ""),
                      base.jenis_jabatan if base else "", jenjang or (base.jenjang if base else ""), row.periode,
                      nama, organisasi.get((row.unit, col), ""), "", row.hasil.value if row.hasil else "", "",
                      row.perilaku.value if row.perilaku else "", pred, ak, "", "", "", path.name, SUMBER)
        if i is None:
            have[(row.nip, row.periode)] = len(rekap.rows)
            rekap.rows.append(baris)
        else:
            rekap.rows[i] = baris
