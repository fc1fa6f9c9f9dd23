"""What skpkit writes, known again by its content: the rekap workbook carries a hidden ``_rekap`` sheet, and
each CSV it writes has a header row of its own. A verb that walks a folder leaves these out, and one named
on the command line is refused as an input (:func:`output_kind`), so a rekap or an export never comes back
as an e-Kinerja rekap or a pegawai's workbook."""

from __future__ import annotations

from typing import Any, Sequence

from skpkit.generator.layout import labels

__all__ = ["SKP22_COLUMNS", "PERIODIK_COLUMNS", "REKAP_MARK", "REKAP_AK", "output_kind", "output_kind_of_header"]

#: the columns of SIASN's annual SKP record (``skp22``), as ``siasn_skp22.csv`` has them
SKP22_COLUMNS = ["tahun", "nipBaru", "pnsDinilaiId", "hasilKinerjaNilai", "perilakuKerjaNilai", "kuadranKinerjaNilai",
                 "penilaiNipNrp", "penilaiNama", "penilaiJabatan", "penilaiGolongan", "penilaiUnorNama",
                 "statusPenilai", "DATA_KURANG"]
#: the columns of SIASN's periodic record (``kinerjaperiodik``), as ``siasn_kinerja_periodik.csv`` has them
PERIODIK_COLUMNS = ["tahun", "nipBaru", "pnsDinilaiId", "periodikId", "bulanMulaiPenilaian", "bulanSelesaiPenilaian",
                    "tahunMulaiPenilaian", "tahunSelesaiPenilaian", "hasilKinerjaNilai", "perilakuKerjaNilai",
                    "kuadranKinerjaNilai", "jenjangKode", "koefisien", "angkaKredit", "penilaiNipNrp", "penilaiNama",
                    "penilaiJabatan", "penilaiGolongan", "penilaiUnorNama", "statusPenilai", "DATA_KURANG"]

#: the hidden sheet that marks a rekap workbook, and what its first cell says
REKAP_MARK = ("_rekap", "skpkit rekap")
#: the rekap's hidden sheet of angka kredit figures by stable key (``skp print rekap.xlsx --form ak`` reads it)
REKAP_AK = "_angka_kredit"


def _norm(value: Any) -> str:
    return " ".join(str(value if value is not None else "").split()).casefold()


def output_kind_of_header(header: Sequence[Any]) -> str | None:
    """Which file of the rekap's CSV set a header row is (its name without ``.csv``), or None.

    A header is skpkit's when it is one of the headers the rekap's CSV files have, cell by cell; the angka
    kredit table's period columns (named after the periods) and the unit table's rule columns may be any.

    Examples
    --------
    >>> output_kind_of_header(SKP22_COLUMNS)
    'siasn_skp22'
    >>> output_kind_of_header(["NIP", "Nama", "Unit Kerja", "Periode", "Predikat"]) is None
    True
    """
    cells = [_norm(c) for c in header]
    while cells and not cells[-1]:
        cells.pop()
    t = labels()["rekap_berkas"]
    fixed = {"siasn_skp22": SKP22_COLUMNS, "siasn_kinerja_periodik": PERIODIK_COLUMNS,
             "siasn_rekonsiliasi": t["siasn"], "rekap_pegawai": list(t["pegawai"].values()),
             "belum_lengkap": list(t["belum"].values()), "masalah": list(t["masalah"].values())}
    for name, cols in fixed.items():
        if cells == [_norm(c) for c in cols]:
            return name
    ak = [_norm(v) for v in t["ak"].values()]
    cut = next(i for i, v in enumerate(t["ak"].values()) if "{" in v)
    before, after = ak[:cut], ak[cut + 1:]
    if len(cells) > len(before) + len(after) and cells[:cut] == before and cells[len(cells) - len(after):] == after:
        return "angka_kredit"
    u = [_norm(t["unit"][k]) for k in ("unit", "periode_nama", "organisasi")]
    if len(cells) > 4 and cells[:3] == u and cells[-1] == _norm(t["unit"]["semua"]):
        return "rekap_unit"
    return None


def output_kind(sheet_names: Sequence[str], header: Sequence[Any] | None = None) -> str | None:
    """``"rekap"`` for a workbook skpkit wrote as a rekap (its mark sheet, or, from releases before the mark,
    all five rekap sheets and no ``_skp`` sheet), a CSV's name for a CSV skpkit wrote, else None.

    Examples
    --------
    >>> output_kind(["Rekap Pegawai", "Rekap Unit", "Angka Kredit", "Belum Lengkap", "Masalah", "_rekap"])
    'rekap'
    >>> output_kind(["SKP Ani", "_skp"]) is None
    True
    """
    names = set(sheet_names)
    if REKAP_MARK[0] in names:
        return "rekap"
    if set(labels()["rekap_berkas"]["sheets"].values()) <= names and labels()["sheets"]["meta"] not in names:
        return "rekap"
    if header is not None:
        return output_kind_of_header(header)
    return None
