"""The pandas API: filled workbooks, a rekap and the SIASN export as DataFrames, for an analyst at a BKD
(``skpkit.read_filled``, ``read_rekap``, ``read_siasn``).

NIP is the ``string`` dtype (never a number); ratings and predikat are ordered categoricals, worst
first, so ``df.predikat >= "Baik"`` and sorting work as the regulation orders them.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from skpkit.generator.rekap.rows import record
from skpkit.generator.rekap.tables import texts
from skpkit.model import Predikat, Rating

if TYPE_CHECKING:  # pandas loads on first use: ``import skpkit`` stays light
    import pandas as pd

__all__ = ["read_filled", "read_rekap", "read_siasn", "FRAME_COLUMNS"]  # and RATING_DTYPE, PREDIKAT_DTYPE

#: Rekap Pegawai's columns (and read_filled's): key -> header in the rekap workbook (the layout's labels)
FRAME_COLUMNS = dict(texts()["pegawai"])
_RATINGS = ("hasil_saran", "hasil", "perilaku_saran", "perilaku")


def _dtypes():
    import pandas as pd
    return (pd.CategoricalDtype([r.value for r in reversed(Rating)], ordered=True),
            pd.CategoricalDtype([p.value for p in reversed(Predikat)], ordered=True))


def __getattr__(name: str):
    if name in ("RATING_DTYPE", "PREDIKAT_DTYPE"):
        return _dtypes()[name == "PREDIKAT_DTYPE"]
    raise AttributeError(name)


def _typed(frame: "pd.DataFrame") -> "pd.DataFrame":
    """NIP columns as strings, ratings and predikat as ordered categoricals (a reason or blank: missing)."""
    import pandas as pd
    rating, predikat = _dtypes()
    for col in ("nip", "penilai_nip", "nipBaru", "penilaiNipNrp"):
        if col in frame:
            frame[col] = frame[col].astype("string")
    for col in _RATINGS:
        if col in frame:
            frame[col] = frame[col].where(frame[col].isin(rating.categories)).astype(rating)
    if "predikat" in frame:
        frame["predikat"] = frame["predikat"].where(frame["predikat"].isin(predikat.categories)).astype(predikat)
    if "angka_kredit" in frame:
        frame["angka_kredit"] = pd.to_numeric(frame["angka_kredit"], errors="coerce")
    return frame


def read_filled(paths: Iterable[str | Path] | str | Path) -> "pd.DataFrame":
    """One row per pegawai per period and for the year (``periode`` 0), recomputed from filled workbooks
    (folders are searched as ``skp consolidate`` searches them). What could not be read is in
    ``df.attrs["masalah"]`` (file, sheet, cell, what, todo).

    Examples
    --------
    A unit as issued (three pegawai, nothing filled yet: no predikat), one row per pegawai and period:

    >>> import skpkit, tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> _ = skpkit.generate(skpkit.sample_roster(tmp / "roster.csv"), tmp / "unit", tahun=2027)
    >>> df = skpkit.read_filled(tmp / "unit")
    >>> str(df.nip.dtype), len(df), sorted(int(p) for p in df.periode.unique()), bool(df.predikat.isna().all())
    ('string', 15, [0, 1, 2, 3, 4], True)
    >>> df.predikat.dtype.ordered, list(df.predikat.cat.categories)
    (True, ['Sangat Kurang', 'Kurang/Misconduct', 'Butuh Perbaikan', 'Baik', 'Sangat Baik'])
    """
    import pandas as pd

    from skpkit.generator.commands.consolidate import read_filled as read_one
    from skpkit.generator.read.inputs import find_files

    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    rows, masalah = [], []
    for f in find_files(Path(p) for p in paths):
        result = read_one(f)
        rows += [record(b) for b in result.rows]
        masalah += [asdict(m) for m in result.masalah]
    frame = pd.DataFrame(rows, columns=[*FRAME_COLUMNS, "periode", "kurva_unit"])
    frame["periode"] = frame["periode"].astype("int64")
    frame = _typed(frame)
    frame.attrs["masalah"] = masalah
    return frame


def read_rekap(path: str | Path) -> "pd.DataFrame":
    """The ``Rekap Pegawai`` sheet of a rekap workbook (``skp consolidate``), typed.

    Examples
    --------
    >>> import skpkit, tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> _ = skpkit.generate(skpkit.sample_roster(tmp / "roster.csv"), tmp / "unit", tahun=2027)
    >>> _ = skpkit.consolidate([tmp / "unit"], tmp / "rekap.xlsx")
    >>> rekap = skpkit.read_rekap(tmp / "rekap.xlsx")
    >>> len(rekap), bool(rekap.nip.str.len().eq(18).all()), list(rekap.predikat.cat.categories)[-1]
    (15, True, 'Sangat Baik')
    """
    import pandas as pd

    frame = pd.read_excel(path, sheet_name=texts()["sheets"]["pegawai"], engine="calamine", dtype=object)
    frame = frame.rename(columns={v: k for k, v in FRAME_COLUMNS.items()})
    frame = frame.replace({"": None})
    return _typed(frame)


def read_siasn(path: str | Path) -> "pd.DataFrame":
    """One of the SIASN files of ``skp consolidate --csv`` (``siasn_skp22.csv`` or
    ``siasn_kinerja_periodik.csv``), with SIASN's codes kept and the regulation's labels beside them
    (``hasil``, ``perilaku``, ``predikat``, ordered categoricals).
    """
    import pandas as pd

    frame = pd.read_csv(path, dtype={"nipBaru": "string", "pnsDinilaiId": "string", "penilaiNipNrp": "string",
                                     "penilaiGolongan": "string"}, encoding="utf-8-sig", keep_default_na=False,
                        na_values=[""])
    for code, label, enum in (("hasilKinerjaNilai", "hasil", Rating), ("perilakuKerjaNilai", "perilaku", Rating),
                              ("kuadranKinerjaNilai", "predikat", Predikat)):
        names = {m.kode: m.value for m in enum}
        frame[label] = frame[code].map(names)
    return _typed(frame)
