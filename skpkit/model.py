"""The SKP domain model: labelled enums, pegawai, RHK, indikator, periods and settings.

Every enum member's value is the label users see (Bahasa Indonesia) and the
member is a ``str``, so ``Predikat.BAIK == "Baik"`` holds and printing shows the
label. ``parse`` accepts the label in any case and spacing, plus listed synonyms.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from skpkit.errors import InputError
from skpkit.label import Label, normalise_label

__all__ = [
    "Label", "Rating", "Predikat", "PredikatOrganisasi", "JenisJabatan", "Jenjang",
    "Aspek", "Arah", "Agregasi", "JenisRHK", "JenisPeriode", "Pegawai", "RHK",
    "Indikator", "Settings", "BERAKHLAK", "normalise_label"
]


class Rating(Label):
    """Rating hasil kerja or perilaku kerja, best first."""

    DI_ATAS = "Di Atas Ekspektasi"
    SESUAI = "Sesuai Ekspektasi"
    DI_BAWAH = "Di Bawah Ekspektasi"

    @classmethod
    def synonyms(cls):
        # SIASN and local SIMPEG write "DIATAS EKSPEKTASI", "…ESPEKTASI", "…Ekspetasi" (RULES.md section 8)
        out = {}
        for name, heads in (("DI_ATAS", ("di atas", "diatas")), ("SESUAI", ("sesuai",)),
                            ("DI_BAWAH", ("di bawah", "dibawah"))):
            for head in heads:
                out[head] = name
                for word in ("ekspektasi", "espektasi", "ekspetasi"):
                    out[f"{head} {word}"] = name
        return out

    @classmethod
    def codes(cls):
        return {1: "DI_ATAS", 2: "SESUAI", 3: "DI_BAWAH"}


class Predikat(Label):
    """Predikat kinerja pegawai, best first."""

    SANGAT_BAIK = "Sangat Baik"
    BAIK = "Baik"
    BUTUH_PERBAIKAN = "Butuh Perbaikan"
    KURANG = "Kurang/Misconduct"
    SANGAT_KURANG = "Sangat Kurang"

    @classmethod
    def synonyms(cls):
        return {"cukup": "BUTUH_PERBAIKAN", "kurang": "KURANG", "misconduct": "KURANG",
                "kurang / misconduct": "KURANG", "kurang/ misconduct": "KURANG", "kurang /misconduct": "KURANG"}

    @classmethod
    def codes(cls):
        # SIASN's kuadran kinerja
        return {1: "SANGAT_BAIK", 2: "BAIK", 3: "BUTUH_PERBAIKAN", 4: "KURANG", 5: "SANGAT_KURANG"}


class PredikatOrganisasi(Label):
    """Predikat kinerja organisasi, set by the leader one level up (SE MenPANRB 3/2023)."""

    ISTIMEWA = "Istimewa"
    BAIK = "Baik"
    BUTUH_PERBAIKAN = "Butuh Perbaikan"
    KURANG = "Kurang"
    SANGAT_KURANG = "Sangat Kurang"

    @classmethod
    def kind(cls):
        return "predikat organisasi"


class JenisJabatan(Label):
    JPT = "JPT"
    ADMINISTRATOR = "Administrator"
    PENGAWAS = "Pengawas"
    FUNGSIONAL = "Fungsional"
    PELAKSANA = "Pelaksana"

    @classmethod
    def synonyms(cls):
        return {"jabatan pimpinan tinggi": "JPT", "jf": "FUNGSIONAL", "jft": "FUNGSIONAL",
                "jabatan fungsional": "FUNGSIONAL", "jabatan fungsional tertentu": "FUNGSIONAL",
                "fungsional tertentu": "FUNGSIONAL", "jfu": "PELAKSANA", "jabatan fungsional umum": "PELAKSANA",
                "fungsional umum": "PELAKSANA", "jabatan pelaksana": "PELAKSANA"}

    @classmethod
    def kind(cls):
        return "jenis jabatan"


class Jenjang(Label):
    """Jenjang of a jabatan fungsional (Keterampilan, then Keahlian)."""

    PEMULA = "Pemula"
    TERAMPIL = "Terampil"
    MAHIR = "Mahir"
    PENYELIA = "Penyelia"
    AHLI_PERTAMA = "Ahli Pertama"
    AHLI_MUDA = "Ahli Muda"
    AHLI_MADYA = "Ahli Madya"
    AHLI_UTAMA = "Ahli Utama"

    @classmethod
    def synonyms(cls):
        # SIASN's jenjang codes (RULES.md section 8)
        return {"pm": "PEMULA", "tr": "TERAMPIL", "mh": "MAHIR", "py": "PENYELIA", "pt": "AHLI_PERTAMA",
                "mu": "AHLI_MUDA", "ma": "AHLI_MADYA", "ut": "AHLI_UTAMA"}

    @property
    def kode_siasn(self) -> str:
        """SIASN's two-letter code.

        Examples
        --------
        >>> Jenjang.AHLI_MUDA.kode_siasn
        'MU'
        """
        return next(k for k, v in self.synonyms().items() if v == self.name).upper()


class Aspek(Label):
    KUANTITAS = "Kuantitas"
    KUALITAS = "Kualitas"
    WAKTU = "Waktu"
    BIAYA = "Biaya"


class Arah(Label):
    """Direction of an indikator: ``naik`` more is better, ``turun`` less is better."""

    NAIK = "naik"
    TURUN = "turun"


class Agregasi(Label):
    """How period realisasi add up: sum, mean of filled periods, or last filled period."""

    JUMLAH = "jumlah"
    RATA_RATA = "rata-rata"
    TERAKHIR = "terakhir"

    @classmethod
    def synonyms(cls):
        return {"sum": "JUMLAH", "rerata": "RATA_RATA", "mean": "RATA_RATA",
                "last": "TERAKHIR"}


class JenisRHK(Label):
    UTAMA = "Utama"
    TAMBAHAN = "Tambahan"

    @classmethod
    def kind(cls):
        return "jenis RHK"


class JenisPeriode(Label):
    """Period type: quarterly (the official form's example) or monthly (as e-Kinerja)."""

    TRIWULANAN = "triwulanan"
    BULANAN = "bulanan"

    @classmethod
    def synonyms(cls):
        return {"triwulan": "TRIWULANAN", "bulan": "BULANAN"}

    @classmethod
    def codes(cls):
        # SIASN's periodik
        return {1: "BULANAN", 2: "TRIWULANAN"}

    @classmethod
    def kind(cls):
        return "jenis periode"

    @property
    def jumlah(self) -> int:
        """Number of periods in a year."""
        return 4 if self is JenisPeriode.TRIWULANAN else 12

    @property
    def bulan(self) -> int:
        """Months in one period."""
        return 12 // self.jumlah

    def nama(self, periode: int) -> str:
        """Label of period ``periode`` (1-based).

        Examples
        --------
        >>> JenisPeriode.TRIWULANAN.nama(4)
        'Triwulan IV'
        >>> JenisPeriode.BULANAN.nama(2)
        'Februari'
        """
        if not 1 <= periode <= self.jumlah:
            raise InputError(f"periode {periode} di luar 1-{self.jumlah}")
        if self is JenisPeriode.TRIWULANAN:
            return "Triwulan " + ("I", "II", "III", "IV")[periode - 1]
        return _BULAN[periode - 1]


_BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")

#: The seven BerAKHLAK core values with their three panduan perilaku (SE MenPANRB 20/2021).
BERAKHLAK: tuple[tuple[str, str], ...] = (
    ("Berorientasi Pelayanan", "Memahami dan memenuhi kebutuhan masyarakat; Ramah, cekatan, "
     "solutif, dan dapat diandalkan; Melakukan perbaikan tiada henti"),
    ("Akuntabel", "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan "
     "berintegritas tinggi; Menggunakan kekayaan dan barang milik negara secara bertanggung "
     "jawab, efektif, dan efisien; Tidak menyalahgunakan kewenangan jabatan"),
    ("Kompeten", "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah; "
     "Membantu orang lain belajar; Melaksanakan tugas dengan kualitas terbaik"),
    ("Harmonis", "Menghargai setiap orang apapun latar belakangnya; Suka menolong orang lain; "
     "Membangun lingkungan kerja yang kondusif"),
    ("Loyal", "Memegang teguh ideologi Pancasila, UUD NRI 1945, setia kepada NKRI serta "
     "pemerintahan yang sah; Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara; "
     "Menjaga rahasia jabatan dan negara"),
    ("Adaptif", "Cepat menyesuaikan diri menghadapi perubahan; Terus berinovasi dan "
     "mengembangkan kreativitas; Bertindak proaktif"),
    ("Kolaboratif", "Memberi kesempatan kepada berbagai pihak untuk berkontribusi; Terbuka "
     "dalam bekerja sama untuk menghasilkan nilai tambah; Menggerakkan pemanfaatan berbagai "
     "sumber daya untuk tujuan bersama"),
)


@dataclass(frozen=True)
class Pegawai:
    """One pegawai of the roster. ``nip`` and ``nip_atasan`` are 18-digit text."""

    nip: str
    nama: str
    jabatan: str
    jenis_jabatan: JenisJabatan
    unit: str
    nip_atasan: str = ""
    pangkat: str = ""
    jenjang: Jenjang | None = None
    #: TMT of the jabatan (and jenjang) held: months before it earn no angka kredit, periods before it are not
    #: rated (RULES.md section 10)
    tmt_jabatan: Any = None
    #: AK held at the start of the year toward the next pangkat / jenjang (latest PAK, konversi, integrasi)
    ak_awal_pangkat: float | None = None
    ak_awal_jenjang: float | None = None
    #: SIASN's own ids, taken from the roster where it has them (never made up): PNS id, golongan id
    pns_id: str = ""
    golongan_id: str = ""
    #: PNS, PPPK or PPPK Paruh Waktu (:data:`skpkit.nip.STATUSES`): from the roster's status column, else the
    #: code in digits 13-14 of the number
    status: str = "PNS"
    #: the days they joined and left the unit in the year (mutasi, berhenti): their own SKP period
    tmt_masuk: Any = None
    tmt_keluar: Any = None
    #: a kenaikan jenjang in the year: the jenjang held before the TMT jabatan (its months earn with its koefisien)
    jenjang_sebelumnya: Jenjang | None = None

    @property
    def is_fungsional(self) -> bool:
        return self.jenis_jabatan is JenisJabatan.FUNGSIONAL

    @property
    def is_pppk(self) -> bool:
        """A PPPK: their number is an NI PPPK, their golongan I-XVII, their AK toward jenjang only."""
        return self.status.startswith("PPPK")


@dataclass(frozen=True)
class Indikator:
    """Indikator kinerja individu of one RHK, with its target range [min, max]."""

    id: str
    teks: str
    target_min: float
    target_max: float
    satuan: str = ""
    aspek: Aspek = Aspek.KUANTITAS
    arah: Arah = Arah.NAIK
    agregasi: Agregasi = Agregasi.JUMLAH


@dataclass(frozen=True)
class RHK:
    """Rencana hasil kerja; ``intervensi`` is the id of the superior's RHK it serves."""

    id: str
    teks: str
    jenis: JenisRHK = JenisRHK.UTAMA
    intervensi: str = ""
    indikator: tuple[Indikator, ...] = ()


class FrozenTable(dict):
    """A read-only mapping for the tables of :class:`Settings`; unlike MappingProxyType it pickles,
    so settings travel to worker processes."""

    def _readonly(self, *args, **kwargs):
        raise TypeError("Settings tables are read-only; build a new Settings instead")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _readonly  # type: ignore

    def __reduce__(self):
        return (type(self), (dict(self),))

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(sorted(self.items(), key=repr)))


def _frozen(mapping: Mapping) -> Mapping:
    return FrozenTable(mapping)


@dataclass(frozen=True)
class Settings:
    """Every value RULES.md leaves to the instansi, with the project's defaults.

    The workbook's ``Pengaturan`` sheet holds each under a defined name.
    """

    jenis_periode: JenisPeriode = JenisPeriode.TRIWULANAN
    #: the paper the forms print on (RULES.md section 11): ``A4``, or ``F4`` (215 x 330 mm, common in
    #: Indonesian government), chosen by the instansi
    kertas: str = "A4"
    #: where the forms are signed (``Tempat`` in Pengaturan: the town of the instansi); the forms print
    #: dots for it while blank
    tempat: str = ""
    #: capaian (percent) never exceeds this; a ``turun`` indikator realised at 0 gets it.
    capaian_maks: float = 200.0
    #: an RHK is Di Atas when at least this share of its indikator is (and none below); the rating
    #: hasil kerja when strictly more than this share of its RHK is (and none below).
    porsi_di_atas: float = 0.5
    #: the rating hasil kerja is Di Bawah when at least this share of its RHK is.
    porsi_di_bawah: float = 0.5
    #: perilaku is Di Atas when at least this many of the seven values are.
    perilaku_min_di_atas: int = 4
    #: rating hasil kerja of a JPT / unit leader from the predikat of the organisation.
    rating_pimpinan: Mapping[PredikatOrganisasi, Rating] = field(default_factory=lambda: _frozen({
        PredikatOrganisasi.ISTIMEWA: Rating.DI_ATAS,
        PredikatOrganisasi.BAIK: Rating.SESUAI,
        PredikatOrganisasi.BUTUH_PERBAIKAN: Rating.DI_BAWAH,
        PredikatOrganisasi.KURANG: Rating.DI_BAWAH,
        PredikatOrganisasi.SANGAT_KURANG: Rating.DI_BAWAH,
    }))
    #: percent of the koefisien earned per predikat (PermenPANRB 1/2023 Pasal 37).
    persen_ak: Mapping[Predikat, float] = field(default_factory=lambda: _frozen({
        Predikat.SANGAT_BAIK: 150.0, Predikat.BAIK: 100.0, Predikat.BUTUH_PERBAIKAN: 75.0,
        Predikat.KURANG: 50.0, Predikat.SANGAT_KURANG: 25.0,
    }))
    #: koefisien angka kredit per year by jenjang.
    koefisien: Mapping[Jenjang, float] = field(default_factory=lambda: _frozen({
        Jenjang.PEMULA: 3.75, Jenjang.TERAMPIL: 5.0, Jenjang.MAHIR: 12.5,
        Jenjang.PENYELIA: 25.0, Jenjang.AHLI_PERTAMA: 12.5, Jenjang.AHLI_MUDA: 25.0,
        Jenjang.AHLI_MADYA: 37.5, Jenjang.AHLI_UTAMA: 50.0,
    }))
    #: angka kredit needed for the next pangkat, by jenjang.
    ak_pangkat: Mapping[Jenjang, float] = field(default_factory=lambda: _frozen({
        Jenjang.PEMULA: 15.0, Jenjang.TERAMPIL: 20.0, Jenjang.MAHIR: 50.0,
        Jenjang.PENYELIA: 100.0, Jenjang.AHLI_PERTAMA: 50.0, Jenjang.AHLI_MUDA: 100.0,
        Jenjang.AHLI_MADYA: 150.0, Jenjang.AHLI_UTAMA: 200.0,
    }))
    #: angka kredit needed for the next jenjang (None: top of the ladder).
    ak_jenjang: Mapping[Jenjang, float | None] = field(default_factory=lambda: _frozen({
        Jenjang.PEMULA: 15.0, Jenjang.TERAMPIL: 60.0, Jenjang.MAHIR: 100.0,
        Jenjang.PENYELIA: None, Jenjang.AHLI_PERTAMA: 100.0, Jenjang.AHLI_MUDA: 200.0,
        Jenjang.AHLI_MADYA: 450.0, Jenjang.AHLI_UTAMA: None,
    }))
    #: the top golongan of each jenjang (RULES.md section 6): there the next pangkat lies in the next jenjang, so
    #: the AK for pangkat is the jenjang's requirement (Pemula has one golongan, II/a)
    golongan_puncak: Mapping[Jenjang, str] = field(default_factory=lambda: _frozen({
        Jenjang.PEMULA: "II/a", Jenjang.TERAMPIL: "II/d", Jenjang.MAHIR: "III/b",
        Jenjang.PENYELIA: "III/d", Jenjang.AHLI_PERTAMA: "III/b", Jenjang.AHLI_MUDA: "III/d",
        Jenjang.AHLI_MADYA: "IV/c", Jenjang.AHLI_UTAMA: "IV/e",
    }))
    #: angka kredit months: a TMT jabatan up to this day of the month counts that month, a later day
    #: counts from the next month (project default 1: only a TMT on the 1st counts its month).
    tmt_batas_hari: int = 1
    #: kurva (SE MenPANRB 3/2023) percentages.
    kurva_maks_terbesar: float = 70.0
    kurva_min_dominan: float = 60.0
    kurva_min_pendamping: float = 10.0
    kurva_maks_sangat_baik: float = 10.0

    def __post_init__(self) -> None:
        for name in ("rating_pimpinan", "persen_ak", "koefisien", "ak_pangkat", "ak_jenjang", "golongan_puncak"):
            table = getattr(self, name)
            if not isinstance(table, FrozenTable):
                object.__setattr__(self, name, FrozenTable(table))
