"""Formula engines: given cell references, the text of each computed cell.

``native`` writes plain formulas that Excel 2010, WPS and LibreOffice compute
(IF, AND, OR, INDEX, MATCH, COUNTIF, SUMPRODUCT, IFERROR, MIN, MAX, SUM, AVERAGE, TRIM, SUBSTITUTE,
YEAR, MONTH, DAY);
each method mirrors one step of :mod:`skpkit.evaluasi` in the same order of checks, with
labels, reasons and constants taken from :mod:`skp` (never typed here), and the
recalculation tests hold the two equal. Engines register by name
(:func:`get_engine`), as pandas registers its Excel writers.
"""

from __future__ import annotations

from typing import Callable, Sequence

from skpkit import ak, evaluasi, rules
from skpkit.model import Agregasi, Arah, Predikat, Rating
from skpkit.rules import KURVA, Alasan, KurvaSpec

__all__ = ["NativeFormulas", "XlwingsFormulas", "register_engine", "get_engine", "ENGINES", "text_literal"]

A, S, B = (f'"{r.value}"' for r in Rating)
ERR = "#SKP! "


def text_literal(text: str) -> str:
    """A string literal for a formula."""
    return '"' + text.replace('"', '""') + '"'


def _unknown(kind: str, ref: str) -> str:
    # Mirrors Label.parse: "<kind> tidak dikenal: '<text>'"
    return f"{text_literal(kind + ' tidak dikenal: ' + chr(39))}&TRIM({ref})&\"'\""


def _fold(ref: str) -> str:
    """The text of a cell folded as :func:`skpkit.model.normalise_label` folds it (dashes and underscores
    as spaces, runs of spaces as one); MATCH ignores case, as the fold does."""
    return f'TRIM(SUBSTITUTE(SUBSTITUTE({ref},"-"," "),"_"," "))'


def _nonnum(ref: str) -> str:
    return f'AND({ref}<>"",NOT(ISNUMBER({ref})))'


def _nested_if(cases: Sequence[tuple[str, str]], otherwise: str) -> str:
    out = otherwise
    for cond, value in reversed(cases):
        out = f"IF({cond},{value},{out})"
    return out


class NativeFormulas:
    """The default engine: native spreadsheet formulas."""

    name = "native"

    # --- one indikator -----------------------------------------------------------
    @staticmethod
    def targets(lo: str, hi: str, agregasi: str, periode: int | None) -> tuple[str, str]:
        """Expressions of the target min/max a period is measured against (rules.target_periode)."""
        if periode is None:
            return lo, f'IF({hi}="",{lo},{hi})'
        jumlah = f'TRIM({agregasi})="{Agregasi.JUMLAH.value}"'
        tmin = f"IF({jumlah},{lo}*{periode}/JumlahPeriode,{lo})"
        return tmin, f'IF({hi}="",{tmin},IF({jumlah},{hi}*{periode}/JumlahPeriode,{hi}))'

    @staticmethod
    def used(teks: str, lo: str, hi: str, real: Sequence[str], periode: int | None) -> str:
        """Whether an indikator slot counts (IsianIndikator.used): its text, a target, or the period's
        realisasi (for the year: any period's) is filled."""
        used_real = real if periode is None else real[-1:]
        return "OR(" + ",".join([f'{teks}<>""', f'{lo}<>""', f'{hi}<>""'] + [f'{r}<>""' for r in used_real]) + ")"

    def kumulatif(self, real: Sequence[str], agregasi: str, teks: str = "", lo: str = "", hi: str = "",
                  cek_baris: str = "", periode: int | None = None) -> str:
        """rules.realisasi_periode over the realisasi cells of periods 1..p, gated as skp.evaluasi gates it:
        an unused slot is blank, an agregasi error and realisasi that is not a number show their reason."""
        last, cells = real[-1], ",".join(real)
        ag = f"TRIM({agregasi})"
        value = (f'IF({last}="","",IF({ag}="{Agregasi.TERAKHIR.value}",{last},'
                 f'IF({ag}="{Agregasi.JUMLAH.value}",SUM({cells}),'
                 f'IF({ag}="{Agregasi.RATA_RATA.value}",AVERAGE({cells}),""))))')
        if not teks:
            return "=" + value
        agregasi_error = f'LEFT({cek_baris},{len(Agregasi.kind())})="{Agregasi.kind()}"'
        return "=" + _nested_if([
            (f"NOT({self.used(teks, lo, hi, real, periode)})", '""'),
            (agregasi_error, f'"{ERR}"&{cek_baris}'),
            (f"COUNTA({cells})<>COUNT({cells})", text_literal(ERR + Alasan.BUKAN_ANGKA)),
        ], value)

    def cek_baris(self, lo: str, hi: str, arah: str, agregasi: str) -> str:
        """The period-independent checks of an indikator row, in the order of skpkit.evaluasi:
        agregasi, target numbers, arah, then the target rules; 'ok' when all pass."""
        hie = f'IF({hi}="",{lo},{hi})'
        ref = f'IF(TRIM({arah})="{Arah.TURUN.value}",{lo},{hie})'
        return "=" + _nested_if([
            (f'TRIM({agregasi})=""', text_literal(f"{Agregasi.kind()} kosong")),
            (f"ISNA(MATCH(TRIM({agregasi}),DaftarAgregasi,0))", _unknown(Agregasi.kind(), agregasi)),
            (f"OR({_nonnum(lo)},{_nonnum(hi)})", text_literal(Alasan.BUKAN_ANGKA)),
            (f'TRIM({arah})=""', text_literal(f"{Arah.kind()} kosong")),
            (f"ISNA(MATCH(TRIM({arah}),DaftarArah,0))", _unknown(Arah.kind(), arah)),
            (f'{lo}=""', text_literal(Alasan.TARGET_KOSONG)),
            (f"OR({lo}<0,{hie}<0)", text_literal(Alasan.TARGET_NEGATIF)),
            (f"{lo}>{hie}", text_literal(Alasan.TARGET_TERBALIK)),
            (f"{ref}=0", text_literal(Alasan.TARGET_NOL)),
        ], '"ok"')

    def cek(self, teks: str, lo: str, hi: str, cek_baris: str, real: Sequence[str], kumulatif: str,
            periode: int | None) -> str:
        """'' for an unused slot, the reason of an invalid indikator, else 'ok' (evaluasi._indikator):
        agregasi errors first, then realisasi that is not a number, then the row's checks."""
        used = self.used(teks, lo, hi, real, periode)
        cells = ",".join(real)
        agregasi_error = f'LEFT({cek_baris},{len(Agregasi.kind())})="{Agregasi.kind()}"'
        return "=" + _nested_if([
            (f"NOT({used})", '""'),
            (agregasi_error, cek_baris),
            (f"COUNTA({cells})<>COUNT({cells})", text_literal(Alasan.BUKAN_ANGKA)),
            (f'{cek_baris}<>"ok"', cek_baris),
            (f'AND({real[-1]}<>"",{kumulatif}<0)', text_literal(Alasan.REALISASI_NEGATIF)),
        ], '"ok"')

    @staticmethod
    def _checked(cek: str, kumulatif: str, value: str) -> str:
        return f'=IF({cek}="","",IF({cek}<>"ok","{ERR}"&{cek},IF({kumulatif}="","",{value})))'

    def capaian(self, cek: str, kumulatif: str, lo: str, hi: str, arah: str, agregasi: str,
                periode: int | None) -> str:
        tmin, tmax = self.targets(lo, hi, agregasi, periode)
        value = (f'IF(TRIM({arah})="{Arah.TURUN.value}",IF({kumulatif}=0,CapaianMaks,'
                 f'MIN({tmin}/{kumulatif}*100,CapaianMaks)),MIN({kumulatif}/{tmax}*100,CapaianMaks))')
        return self._checked(cek, kumulatif, value)

    def rating_indikator(self, cek: str, kumulatif: str, lo: str, hi: str, arah: str, agregasi: str,
                         periode: int | None) -> str:
        tmin, tmax = self.targets(lo, hi, agregasi, periode)
        turun = f'TRIM({arah})="{Arah.TURUN.value}"'
        eps = repr(rules.EPS).upper()
        value = (f"IF({kumulatif}>{tmax}+{eps}*{tmax},IF({turun},{B},{A}),"
                 f"IF({kumulatif}<{tmin}-{eps}*{tmin},IF({turun},{A},{B}),{S}))")
        return self._checked(cek, kumulatif, value)

    # --- one RHK -------------------------------------------------------------------
    def status_rhk(self, ceks: str, ratings: str) -> str:
        """'' unused, 'galat' an indikator invalid, 'belum' not all rated, 'lengkap'."""
        return (f'=IF(SUMPRODUCT(--({ceks}<>""))=0,"",'
                f'IF(SUMPRODUCT(({ceks}<>"")*({ceks}<>"ok"))>0,"galat",'
                f'IF(SUMPRODUCT(({ceks}="ok")*({ratings}=""))>0,"belum","lengkap")))')

    def rating_rhk(self, status: str, ceks: str, ratings: str) -> str:
        return (f'=IF({status}="galat","{ERR}{evaluasi.ERROR_INDIKATOR}",IF({status}<>"lengkap","",'
                f'IF(COUNTIF({ratings},{B})>0,{B},'
                f'IF(COUNTIF({ratings},{A})>=PorsiDiAtas*SUMPRODUCT(--({ceks}<>"")),{A},{S}))))')

    # --- the pegawai, per period ---------------------------------------------------
    def hasil_saran(self, status_utama: str, rating_utama: str, status_tambahan: str | None,
                    rating_tambahan: str | None) -> str:
        """rules.rating_hasil_kerja: Di Bawah from PorsiDiBawah of the RHK utama (>=); Di Atas above
        PorsiDiAtas (>) of the utama and the tambahan that are Di Atas, with none below; else Sesuai."""
        galat = f'COUNTIF({status_utama},"galat")'
        lift = "0"
        if status_tambahan:
            galat += f'+COUNTIF({status_tambahan},"galat")'
            lift = f"COUNTIF({rating_tambahan},{A})"
        used = f'COUNTIF({status_utama},"lengkap")+COUNTIF({status_utama},"belum")'
        n = f'COUNTIF({status_utama},"lengkap")'
        bawah = f"COUNTIF({rating_utama},{B})"
        return (f'=IF({galat}>0,"{ERR}{evaluasi.ERROR_RHK}",IF({used}=0,"",'
                f'IF(COUNTIF({status_utama},"belum")>0,"",IF({bawah}>=PorsiDiBawah*{n},{B},'
                f'IF(AND({bawah}=0,COUNTIF({rating_utama},{A})+{lift}>PorsiDiAtas*({n}+{lift})),'
                f'{A},{S})))))')

    def organisasi(self, unit: str, column: int) -> str:
        return f'=IFERROR(INDEX(PredikatOrganisasi,MATCH({unit},DaftarUnit,0),{column})&"","")'

    def hasil_pimpinan(self, organisasi: str) -> str:
        """The rating of Pengaturan's RatingPimpinan row for the organisasi, in any spelling of EjaanRating
        (an instansi may type SIASN's code there)."""
        row = f"MATCH(TRIM({organisasi}),DaftarOrganisasi,0)"
        typed = _fold(f"INDEX(RatingPimpinan,{row})")
        return (f'=IF(TRIM({organisasi})="","",IF(ISNA({row}),"{ERR}"&{_unknown("predikat organisasi", organisasi)},'
                f'IFERROR(INDEX(EjaanRatingLabel,MATCH({typed},EjaanRating,0)),'
                f'"{ERR}"&{_unknown("rating", f"INDEX(RatingPimpinan,{row})")})))')

    def final(self, override: str, saran: str) -> str:
        """The penilai's rating where typed (any spelling of Pengaturan's EjaanRating), else the suggestion."""
        return (f'=IF(TRIM({override})="",{saran},IFERROR(INDEX(EjaanRatingLabel,MATCH({_fold(override)},'
                f'EjaanRating,0)),"{ERR}"&{_unknown("rating", override)}))')

    def perilaku_saran(self, cells: Sequence[str], block: str) -> str:
        """rules.rating_perilaku over the seven values, each read in any spelling of EjaanRating."""
        folded = _fold(block)
        first_bad = _nested_if([(f'AND(TRIM({c})<>"",ISNA(MATCH({_fold(c)},EjaanRating,0)))', c) for c in cells],
                               '""')
        filled = f'SUMPRODUCT(--(TRIM({block})<>""))'

        def count(group: str) -> str:
            return f"SUMPRODUCT(--ISNUMBER(MATCH({folded},{group},0)))"

        known = f"SUMPRODUCT(--ISNUMBER(MATCH({folded},EjaanRating,0)))"
        return (f'=IF({filled}=0,"",IF({filled}>{known},'
                f'"{ERR}rating tidak dikenal: \'"&TRIM({first_bad})&"\'",'
                f"IF({count('EjaanDiBawah')}>0,{B},IF({count('EjaanDiAtas')}>=PerilakuMinDiAtas,{A},{S}))))")

    def perilaku_skor(self, cells: Sequence[str], label: str) -> str:
        """Score of one rating for rules.rating_perilaku_tahunan: count x 1000 + last period."""
        lit = text_literal(label)
        count = "+".join(f"({c}={lit})" for c in cells)
        last = ",".join(f"IF({c}={lit},{i},0)" for i, c in enumerate(cells, 1))
        return f"=({count})*1000+MAX({last})"

    def perilaku_tahunan(self, scores: str) -> str:
        return f'=IF(MAX({scores})=0,"",INDEX(DaftarRating,MATCH(MAX({scores}),{scores},0)))'

    def predikat(self, hasil: str, perilaku: str) -> str:
        return (f'=IF(LEFT({hasil},5)="#SKP!",{hasil},IF(LEFT({perilaku},5)="#SKP!",{perilaku},'
                f'IF(OR({hasil}="",{perilaku}=""),"",INDEX(TabelPredikat,MATCH({hasil},DaftarRating,0),'
                f'MATCH({perilaku},DaftarRating,0)))))')

    @staticmethod
    def _ak_gate(predikat: str, bulan: str, value: str) -> str:
        """Blank until the predikat is set; the predikat's, then the months' reason carried (skpkit.evaluasi)."""
        return (f'=IF({predikat}="","",IF(LEFT({predikat},5)="#SKP!",{predikat},'
                f'IF(LEFT({bulan},5)="#SKP!",{bulan},{value})))')

    def angka_kredit(self, predikat: str, jenjang: str, bulan: str) -> str:
        return self._ak_gate(predikat, bulan, f'{bulan}/12*INDEX(PersenAK,MATCH({predikat},DaftarPredikat,0))/100*'
                                              f'INDEX(Koefisien,MATCH({jenjang},DaftarJenjang,0))')

    def bulan_ak(self, tmt: str, periode: int | None) -> str:
        """skpkit.ak.bulan_dinilai: the period's months from the TMT's first month (Tahun, TmtBatasHari)."""
        mulai = (f"IF(YEAR({tmt})<Tahun,1,IF(YEAR({tmt})>Tahun,13,"
                 f"MONTH({tmt})+IF(DAY({tmt})>TmtBatasHari,1,0)))")
        if periode is None:
            first, last, full = "1", "12", "12"
        else:
            first, last, full = (f"{periode - 1}*BulanPerPeriode+1", f"{periode}*BulanPerPeriode",
                                 "BulanPerPeriode")
        return (f'=IF({tmt}="",{full},IF(ISNUMBER({tmt}),MAX(0,{last}-MAX({mulai},{first})+1),'
                f'"{ERR}{ak.TMT_SALAH}"))')

    @staticmethod
    def _carried(ref: str) -> str:
        return f'OR({ref}="",LEFT({ref},5)="#SKP!")'

    def ak_kumulatif(self, ak_tahun: str, awal: str, awal_lain: str) -> str:
        """skpkit.ak.posisi_ak: AK awal (blank 0) + the year's AK; both AK awal cells must be numbers >= 0."""
        bad = "OR(" + ",".join(f'AND({a}<>"",OR(NOT(ISNUMBER({a})),{a}<0))' for a in (awal_lain, awal)) + ")"
        return (f'=IF({self._carried(ak_tahun)},{ak_tahun},IF({bad},"{ERR}{ak.AK_AWAL_SALAH}",'
                f'IF({awal}="",0,{awal})+{ak_tahun}))')

    def ak_kurang(self, kumulatif: str, jenjang: str, table: str, top: str) -> str:
        """Requirement (AKPangkat / AKJenjang of the jenjang) - cumulative, never below 0; ``top`` text at the
        top of the ladder (no requirement)."""
        need = f"INDEX({table},MATCH({jenjang},DaftarJenjang,0))"
        return (f'=IF({self._carried(kumulatif)},{kumulatif},IF({need}="",{text_literal(top)},'
                f'MAX(0,{need}-{kumulatif})))')

    def jumlah(self, cells: Sequence[str]) -> str:
        joined = ",".join(cells)
        return f'=IF(COUNT({joined})=0,"",SUM({joined}))'

    # --- the unit -----------------------------------------------------------------
    def hitung(self, units: str, unit: str, predikat_col: str, label: str) -> str:
        return f"=COUNTIFS({units},{unit},{predikat_col},{text_literal(label)})"

    @staticmethod
    def _count(spec: KurvaSpec, counts: dict[Predikat, str]) -> str:
        return "+".join(counts[p] for p in spec.kelompok)

    @staticmethod
    def _bound(spec: KurvaSpec, counts: dict[Predikat, str], n: str, names: dict[str, str]) -> str:
        if spec.jenis == "terbesar":
            return "MAX(" + ",".join(v for p, v in counts.items() if p not in spec.kelompok) + ")"
        if spec.persen is None:
            return str(spec.tetap)
        p = names[spec.persen]
        return f"INT({p}*{n}/100)" if spec.jenis == "maks" else f"ROUNDUP({p}*{n}/100,0)"

    @staticmethod
    def _text(spec: KurvaSpec, names: dict[str, str]) -> str:
        if spec.persen is None or spec.jenis == "terbesar":
            return text_literal(spec.teks())
        head = spec.teks().rsplit(" ", 1)[0] + " "
        return f'{text_literal(head)}&{names[spec.persen]}&"%"'

    def kurva(self, part: str, slot: int, organisasi: str, counts: dict[Predikat, str], n: str,
              names: dict[str, str], jumlah: str = "", batas: str = "",
              yes_no: tuple[str, str] = ("Ya", "Tidak")) -> str:
        """One cell of kurva rule ``slot`` for the unit's organisasi: part teks/jumlah/batas/terpenuhi."""
        def pick(make: Callable[[KurvaSpec], str]) -> str:
            choices = [make(specs[slot]) if slot < len(specs) else '""' for specs in KURVA.values()]
            return (f'IF(TRIM({organisasi})="","",IFERROR(CHOOSE(MATCH(TRIM({organisasi}),'
                    f'DaftarOrganisasi,0),{",".join(choices)}),""))')

        if part == "teks":
            return "=" + pick(lambda s: self._text(s, names))
        if part == "jumlah":
            return "=" + pick(lambda s: self._count(s, counts))
        if part == "batas":
            return "=" + pick(lambda s: self._bound(s, counts, n, names))
        yes, no = (text_literal(x) for x in yes_no)
        return "=" + pick(lambda s: f'IF({jumlah}{"<=" if s.jenis == "maks" else ">="}{batas},{yes},{no})')


class XlwingsFormulas(NativeFormulas):
    """The same cells, with each rule computed by the add-in's Python functions (``skpkit.addin.functions``).

    The gating that places a rule in the sheet (unused slot, invalid row, not filled yet) stays
    native; the rule itself (capaian, rating indikator, rating perilaku, predikat, angka kredit)
    is one UDF call, so a rule change in the Python package reaches the workbook without
    regenerating it. Each call passes the Pengaturan values its rule reads, by defined name, so an
    instansi's settings reach the UDF as they reach the native formulas.
    """

    name = "xlwings"

    def capaian(self, cek: str, kumulatif: str, lo: str, hi: str, arah: str, agregasi: str,
                periode: int | None) -> str:
        tmin, tmax = self.targets(lo, hi, agregasi, periode)
        return self._checked(cek, kumulatif, f"SKP_CAPAIAN({kumulatif},{tmin},{tmax},TRIM({arah}),CapaianMaks)")

    def rating_indikator(self, cek: str, kumulatif: str, lo: str, hi: str, arah: str, agregasi: str,
                         periode: int | None) -> str:
        tmin, tmax = self.targets(lo, hi, agregasi, periode)
        return self._checked(cek, kumulatif, f"SKP_RATING_INDIKATOR({kumulatif},{tmin},{tmax},TRIM({arah}))")

    def perilaku_saran(self, cells: Sequence[str], block: str) -> str:
        return f"=SKP_RATING_PERILAKU({block},PerilakuMinDiAtas)"

    def predikat(self, hasil: str, perilaku: str) -> str:
        return (f'=IF(LEFT({hasil},5)="#SKP!",{hasil},IF(LEFT({perilaku},5)="#SKP!",{perilaku},'
                f'SKP_PREDIKAT({hasil},{perilaku})))')

    def angka_kredit(self, predikat: str, jenjang: str, bulan: str) -> str:
        return self._ak_gate(predikat, bulan, f"SKP_ANGKA_KREDIT({predikat},{jenjang},{bulan},PersenAK,Koefisien)")


ENGINES: dict[str, type] = {}


def register_engine(cls: type) -> type:
    ENGINES[cls.name] = cls
    return cls


register_engine(NativeFormulas)
register_engine(XlwingsFormulas)


def get_engine(name: str):
    """The formula engine registered as ``name``.

    Examples
    --------
    >>> get_engine("native").name
    'native'
    """
    try:
        return ENGINES[name]()
    except KeyError:
        raise ValueError(f"unknown formula engine {name!r}; choose one of {sorted(ENGINES)}") from None
