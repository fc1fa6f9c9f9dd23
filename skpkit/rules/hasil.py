"""The rating hasil kerja of a pegawai for a period (RULES.md section 2), in its three forms side by side:
the suggestion from the RHK ratings (:func:`rating_hasil_kerja`), a JPT's from the predikat kinerja
organisasi (:func:`rating_hasil_pimpinan`), and the penilai's override (:func:`final`).

Suggestion, after BKN's e-Kinerja wording: Di Bawah when at least ``PorsiDiBawah`` of the RHK utama are;
Di Atas when none is Di Bawah and strictly more than ``PorsiDiAtas`` of them are Di Atas, each RHK
tambahan that is Di Atas counted in (a tambahan only lifts); else Sesuai. An invalid RHK makes it
:data:`ERROR_RHK`.
"""

from __future__ import annotations

from typing import Any, Iterable

from skpkit.errors import InputError, Invalid
from skpkit.model import JenisRHK, PredikatOrganisasi, Rating, Settings
from skpkit.rules.formula import ERR, fold, unknown
from skpkit.rules.lazy import kolom, np
from skpkit.rules.nilai import ratings
from skpkit.rules.rhk import first_per_group, groups

__all__ = ["ERROR_RHK", "rating_hasil_kerja", "rating_hasil_pimpinan", "final", "rating_hasil_kerja_array",
           "rating_hasil_pimpinan_array", "hasil_saran_formula", "organisasi_formula", "hasil_pimpinan_formula",
           "final_formula"]

#: the reason the rating hasil kerja shows when one of the RHK is invalid
ERROR_RHK = "RHK tidak valid"
_DEFAULT = Settings()


def _rate_hasil(utama: list[Rating], lift: int, porsi_di_atas: float, porsi_di_bawah: float) -> Rating:
    bawah = utama.count(Rating.DI_BAWAH)
    if bawah >= porsi_di_bawah * len(utama):
        return Rating.DI_BAWAH
    if bawah == 0 and utama.count(Rating.DI_ATAS) + lift > porsi_di_atas * (len(utama) + lift):
        return Rating.DI_ATAS
    return Rating.SESUAI


def rating_hasil_kerja(utama: Iterable, tambahan: Iterable = (), *, porsi_di_atas: float | None = None,
                       porsi_di_bawah: float | None = None, settings: Settings = _DEFAULT) -> Rating | None:
    """Suggested rating hasil kerja from the RHK ratings (project default after BKN's e-Kinerja wording).

    ``None`` until every RHK utama is rated.

    Examples
    --------
    >>> S, A, B = "Sesuai Ekspektasi", "Di Atas Ekspektasi", "Di Bawah Ekspektasi"
    >>> [str(rating_hasil_kerja(x)) for x in ([S] * 4 + [B], [A, S], [A, A, S], [B, S])]
    ['Sesuai Ekspektasi', 'Sesuai Ekspektasi', 'Di Atas Ekspektasi', 'Di Bawah Ekspektasi']
    >>> str(rating_hasil_kerja([S, A], [A]))
    'Di Atas Ekspektasi'
    """
    parts = ratings(utama)
    if not parts or None in parts:
        return None
    lift = sum(t is Rating.DI_ATAS for t in ratings(tambahan))
    return _rate_hasil(parts, lift, settings.porsi_di_atas if porsi_di_atas is None else porsi_di_atas,
                       settings.porsi_di_bawah if porsi_di_bawah is None else porsi_di_bawah)


def rating_hasil_pimpinan(predikat_organisasi, *, settings: Settings = _DEFAULT) -> Rating | None:
    """Rating hasil kerja of a JPT or unit leader from the predikat kinerja organisasi (SE 3/2023).

    Examples
    --------
    >>> str(rating_hasil_pimpinan("Istimewa"))
    'Di Atas Ekspektasi'
    >>> str(rating_hasil_pimpinan("kurang"))
    'Di Bawah Ekspektasi'
    """
    if predikat_organisasi is None or (isinstance(predikat_organisasi, str)
                                       and not predikat_organisasi.strip()):
        return None
    return settings.rating_pimpinan[PredikatOrganisasi.parse(predikat_organisasi)]


def final(override: Any, saran: Any) -> Any:
    """The rating of a period: the penilai's (``override``, any spelling) where typed, else the suggestion.

    Examples
    --------
    >>> str(final("DIATAS EKSPEKTASI", Rating.SESUAI)), final(None, Rating.SESUAI) is Rating.SESUAI
    ('Di Atas Ekspektasi', True)
    >>> final("bagus", Rating.SESUAI)
    Invalid("rating tidak dikenal: 'bagus'")
    """
    if override is None or (isinstance(override, str) and not override.strip()) or \
            (isinstance(override, float) and override != override):
        return saran
    try:
        return Rating.parse(override)
    except InputError as e:
        return Invalid(e.reason)


def rating_hasil_kerja_array(values, jenis="Utama", kelompok=None, *, porsi_di_atas: float | None = None,
                             porsi_di_bawah: float | None = None, settings: Settings = _DEFAULT) -> np.ndarray:
    """Array form of :func:`rating_hasil_kerja`: one row per RHK with its ``jenis`` (Utama/Tambahan); per
    row, the rating hasil kerja of its group (``kelompok``: pegawai-period).

    Examples
    --------
    >>> out = rating_hasil_kerja_array(["Sesuai Ekspektasi", "Di Atas Ekspektasi", "Di Atas Ekspektasi"],
    ...                                ["Utama", "Utama", "Tambahan"])
    >>> [str(x) for x in out]
    ['Di Atas Ekspektasi', 'Di Atas Ekspektasi', 'Di Atas Ekspektasi']
    """
    porsi_di_atas = settings.porsi_di_atas if porsi_di_atas is None else porsi_di_atas
    porsi_di_bawah = settings.porsi_di_bawah if porsi_di_bawah is None else porsi_di_bawah
    n = kolom.length(values, jenis, kelompok)
    c, why = kolom.encode(values, Rating, n)
    j, j_why = kolom.encode(jenis, JenisRHK, n)
    inv, k = groups(kelompok, n)
    count = lambda m: np.bincount(inv, weights=m, minlength=k)  # noqa: E731
    utama, tambahan = j == JenisRHK.UTAMA.code, j == JenisRHK.TAMBAHAN.code
    lift = count(tambahan & (c == Rating.DI_ATAS.code))
    total, atas = count(utama), count(utama & (c == Rating.DI_ATAS.code))
    bawah = count(utama & (c == Rating.DI_BAWAH.code))
    codes = np.where(bawah >= porsi_di_bawah * total, Rating.DI_BAWAH.code,
                     np.where((bawah == 0) & (atas + lift > porsi_di_atas * (total + lift)), Rating.DI_ATAS.code,
                              Rating.SESUAI.code)).astype(np.int8)
    codes[(total == 0) | (count(utama & (c == kolom.BLANK)) > 0)] = kolom.BLANK
    jenis_err = first_per_group((j == kolom.ERROR) | (j == kolom.BLANK), inv,
                                np.where(j == kolom.BLANK, f"{JenisRHK.kind()} kosong", j_why), k)
    utama_err = first_per_group(utama & (c == kolom.ERROR), inv, why, k)
    tambahan_err = first_per_group(tambahan & (c == kolom.ERROR), inv, why, k)
    err = np.where(jenis_err != None, jenis_err,  # noqa: E711
                   np.where(utama_err != None, utama_err,  # noqa: E711
                            np.where(codes == kolom.BLANK, None, tambahan_err)))
    codes[err != None] = kolom.ERROR  # noqa: E711
    return kolom.decode(codes, Rating, err)[inv]


def rating_hasil_pimpinan_array(predikat_organisasi, *, settings: Settings = _DEFAULT) -> np.ndarray:
    """Array form of :func:`rating_hasil_pimpinan`.

    Examples
    --------
    >>> [str(x) for x in rating_hasil_pimpinan_array(["Istimewa", "Baik"])]
    ['Di Atas Ekspektasi', 'Sesuai Ekspektasi']
    """
    c, why = kolom.encode(predikat_organisasi, PredikatOrganisasi)
    table = np.array([settings.rating_pimpinan[o].code for o in PredikatOrganisasi], dtype=np.int8)
    codes = np.where(c >= 0, table[np.clip(c, 0, None)], c).astype(np.int8)
    return kolom.decode(codes, Rating, why)


def hasil_saran_formula(status_utama: str, rating_utama: str, status_tambahan: str | None,
                        rating_tambahan: str | None) -> str:
    """The suggested rating hasil kerja cell (:func:`rating_hasil_kerja`) over the RHK status and rating cells."""
    a, s, b = (f'"{r.value}"' for r in Rating)
    galat = f'COUNTIF({status_utama},"galat")'
    lift = "0"
    if status_tambahan:
        galat += f'+COUNTIF({status_tambahan},"galat")'
        lift = f"COUNTIF({rating_tambahan},{a})"
    used = f'COUNTIF({status_utama},"lengkap")+COUNTIF({status_utama},"belum")'
    n = f'COUNTIF({status_utama},"lengkap")'
    bawah = f"COUNTIF({rating_utama},{b})"
    return (f'=IF({galat}>0,"{ERR}{ERROR_RHK}",IF({used}=0,"",'
            f'IF(COUNTIF({status_utama},"belum")>0,"",IF({bawah}>=PorsiDiBawah*{n},{b},'
            f'IF(AND({bawah}=0,COUNTIF({rating_utama},{a})+{lift}>PorsiDiAtas*({n}+{lift})),'
            f'{a},{s})))))')


def organisasi_formula(unit: str, column: int) -> str:
    """The predikat kinerja organisasi of ``unit`` for period column ``column`` (Pengaturan's table)."""
    return f'=IFERROR(INDEX(PredikatOrganisasi,MATCH({unit},DaftarUnit,0),{column})&"","")'


def hasil_pimpinan_formula(organisasi: str) -> str:
    """:func:`rating_hasil_pimpinan`: the rating of Pengaturan's RatingPimpinan row for the organisasi, in
    any spelling of EjaanRating (an instansi may type SIASN's code there)."""
    row = f"MATCH(TRIM({organisasi}),DaftarOrganisasi,0)"
    typed = fold(f"INDEX(RatingPimpinan,{row})")
    return (f'=IF(TRIM({organisasi})="","",IF(ISNA({row}),"{ERR}"&{unknown("predikat organisasi", organisasi)},'
            f'IFERROR(INDEX(EjaanRatingLabel,MATCH({typed},EjaanRating,0)),'
            f'"{ERR}"&{unknown("rating", f"INDEX(RatingPimpinan,{row})")})))')


def final_formula(override: str, saran: str) -> str:
    """:func:`final`: the penilai's rating where typed (any spelling of Pengaturan's EjaanRating), else the
    suggestion."""
    return (f'=IF(TRIM({override})="",{saran},IFERROR(INDEX(EjaanRatingLabel,MATCH({fold(override)},'
            f'EjaanRating,0)),"{ERR}"&{unknown("rating", override)}))')
