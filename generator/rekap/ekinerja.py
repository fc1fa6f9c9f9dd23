"""An e-Kinerja rekap merged into the rekap of the workbooks, per pegawai and period.

A period a workbook has rated stays the workbook's (a different e-Kinerja predikat for it is named); a
period the workbooks leave empty, or a pegawai they do not hold, takes e-Kinerja's row. The kurva is then
checked over both, so a unit that ran part of the year in e-Kinerja gets one rekap and one kurva check.
The rows come already read (:func:`skpkit.generator.read.ekinerja.read_ekinerja`); nothing is opened here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from skpkit import rules
from skpkit.nip import status_of
from skpkit.ekinerja import EKinerjaRow
from skpkit.errors import InputError
from skpkit.generator.errors import Masalah
from skpkit.generator.rekap.merge import Rekap, units_of
from skpkit.generator.rekap.rows import TAHUNAN_LABEL, Baris, predikat_of
from skpkit.model import JenisPeriode
from skpkit.i18n import _

__all__ = ["merge_ekinerja", "SUMBER", "jenis_of"]

#: the sheet column of a row taken from e-Kinerja
SUMBER = "e-Kinerja"


def jenis_of(rekap: Rekap) -> JenisPeriode:
    """The period type of the rekap (what an e-Kinerja file is read with)."""
    return JenisPeriode.BULANAN if rekap.n_periode == 12 else JenisPeriode.TRIWULANAN


def merge_ekinerja(rekap: Rekap, path: Path, rows: Sequence[EKinerjaRow], periode: int | None) -> None:
    """Merge the rows of the e-Kinerja rekap ``path`` into ``rekap`` (in place) and check the kurva again."""
    n = rekap.n_periode
    jenis = jenis_of(rekap)
    organisasi = rekap.organisasi
    rekap.files_read += 1
    have = {(b.nip, b.periode): i for i, b in enumerate(rekap.rows)}
    ak_of = {a.nip: a for a in rekap.ak}
    for row in rows:
        if periode is not None and row.periode != periode:
            continue
        col = row.periode or n + 1
        if row.organisasi:
            organisasi.setdefault((row.unit, col), row.organisasi)
        nama = TAHUNAN_LABEL if row.periode == 0 else jenis.nama(row.periode)
        i = have.get((row.nip, row.periode))
        known = ak_of.get(row.nip)
        jenjang = row.jenjang or (known.jenjang if known else "")
        ak = None
        if jenjang and row.predikat is not None:
            # the months held from the workbook's TMT jabatan where the pegawai has one, else the whole period
            months = (known.bulan if row.periode == 0 else known.bulan_periode[row.periode - 1]) if known else None
            try:
                ak = rules.angka_kredit(row.predikat, jenjang, (12 if row.periode == 0 else jenis.bulan)
                                        if months is None else months, settings=rekap.settings)
            except InputError:
                ak = None
        if i is not None:
            old = rekap.rows[i]
            if predikat_of(old.predikat) is not None:
                if row.predikat is not None and predikat_of(old.predikat) is not row.predikat:
                    rekap.masalah.append(Masalah(str(path), "", "", _("{nip} {nama}: e-Kinerja {value}, berkas "
                                                                      "{file} {predikat}").format(
                                                                        nip=row.nip, nama=nama, value=row.predikat.value, file=old.file, predikat=old.predikat), _("dipakai predikat dari berkas; samakan "
                                                                                        "salah satunya")))
                continue
        base = rekap.rows[i] if i is not None else None
        baris = Baris(row.nip, row.nama or (base.nama if base else ""), row.unit or (base.unit if base else ""),
                      base.kurva_unit if base else row.unit, row.jabatan or (base.jabatan if base else ""),
                      base.jenis_jabatan if base else "", jenjang or (base.jenjang if base else ""), row.periode,
                      nama, organisasi.get((row.unit, col), ""), None, row.hasil, None, row.perilaku, row.predikat,
                      ak, "", "", "", path.name, SUMBER,
                      status=base.status if base else status_of(row.nip))
        if i is None:
            have[(row.nip, row.periode)] = len(rekap.rows)
            rekap.rows.append(baris)
        else:
            rekap.rows[i] = baris
    rekap.units = units_of(rekap.rows, organisasi, n, rekap.settings)
