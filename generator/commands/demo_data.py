"""The embedded sample organisation of ``skp demo``: one dinas of a kabupaten, about 40 pegawai."""

from __future__ import annotations

INSTANSI = "Pemerintah Kabupaten Sukamaju"
#: where the demo instansi signs its forms (Tempat in Pengaturan)
TEMPAT = "Sukamaju"
DINAS = "Dinas Komunikasi dan Informatika"

#: the superior above the dinas (not in the roster): their workbook is the ``--atasan`` input
SEKDA = ("196805121993031004", "Drs. H. Ahmad Fauzi, M.Si.", "Sekretaris Daerah", "JPT",
         "Sekretariat Daerah", "Pembina Utama Madya (IV/d)")
SEKDA_RHK = [
    "Meningkatnya kualitas pelayanan publik berbasis elektronik",
    "Meningkatnya keterbukaan informasi publik daerah",
    "Meningkatnya akuntabilitas kinerja dan keuangan perangkat daerah",
]
#: what the Sekda hands the head of the dinas (matriks peran hasil): RHK index -> own RHK text ("v": as is)
SEKDA_MATRIKS = {
    0: "Terwujudnya layanan SPBE yang terintegrasi di seluruh perangkat daerah",
    1: "Meningkatnya diseminasi informasi publik yang akurat dan cepat",
    2: "v",
}

# (key, nama, jabatan, jenis jabatan, jenjang, pangkat, unit, key of atasan)
ROSTER = [
    ("kadis", "Ir. Bambang Setiawan, M.T.", "Kepala Dinas Komunikasi dan Informatika", "JPT", "",
     "Pembina Utama Muda (IV/c)", "Pimpinan Dinas", "sekda"),
    ("sekdin", "Hj. Sri Wahyuni, S.Sos., M.AP.", "Sekretaris Dinas", "Administrator", "",
     "Pembina Tingkat I (IV/b)", "Sekretariat", "kadis"),
    ("kaum", "Dedi Kurniawan, S.E.", "Kepala Subbagian Umum dan Kepegawaian", "Pengawas", "",
     "Penata Tingkat I (III/d)", "Sekretariat", "sekdin"),
    ("kakeu", "Rina Marlina, S.E., M.Ak.", "Kepala Subbagian Keuangan", "Pengawas", "",
     "Penata Tingkat I (III/d)", "Sekretariat", "sekdin"),
    ("sdm1", "Yusuf Hidayat, S.Psi.", "Analis SDM Aparatur Ahli Pertama", "Fungsional", "Ahli Pertama",
     "Penata Muda Tingkat I (III/b)", "Sekretariat", "kaum"),
    ("pum1", "Siti Aminah", "Pengadministrasi Perkantoran", "Pelaksana", "", "Pengatur (II/c)",
     "Sekretariat", "kaum"),
    ("pum2", "Agus Salim", "Pengelola Layanan Operasional", "Pelaksana", "", "Pengatur Tingkat I (II/d)",
     "Sekretariat", "kaum"),
    ("ben1", "Lestari Handayani, A.Md.", "Bendahara", "Pelaksana", "", "Penata Muda (III/a)",
     "Sekretariat", "kakeu"),
    ("akn1", "Fajar Nugroho, S.Ak.", "Analis Keuangan Pusat dan Daerah Ahli Pertama", "Fungsional",
     "Ahli Pertama", "Penata Muda (III/a)", "Sekretariat", "kakeu"),
    ("kabidapt", "Hendra Gunawan, S.Kom., M.T.", "Kepala Bidang Aplikasi Informatika", "Administrator", "",
     "Pembina (IV/a)", "Bidang Aplikasi Informatika", "kadis"),
    ("pk1", "Dewi Anggraini, S.T., M.Kom.", "Pranata Komputer Ahli Madya", "Fungsional", "Ahli Madya",
     "Pembina (IV/a)", "Bidang Aplikasi Informatika", "kabidapt"),
    ("pk2", "Rizky Pratama, S.Kom.", "Pranata Komputer Ahli Muda", "Fungsional", "Ahli Muda",
     "Penata Tingkat I (III/d)", "Bidang Aplikasi Informatika", "kabidapt"),
    ("pk3", "Nurul Fitriani, S.Kom.", "Pranata Komputer Ahli Muda", "Fungsional", "Ahli Muda",
     "Penata (III/c)", "Bidang Aplikasi Informatika", "kabidapt"),
    ("pk4", "Andi Saputra, S.Kom.", "Pranata Komputer Ahli Pertama", "Fungsional", "Ahli Pertama",
     "Penata Muda Tingkat I (III/b)", "Bidang Aplikasi Informatika", "kabidapt"),
    ("pk5", "Maya Sari, S.T.", "Pranata Komputer Ahli Pertama", "Fungsional", "Ahli Pertama",
     "Penata Muda (III/a)", "Bidang Aplikasi Informatika", "kabidapt"),
    ("pk6", "Bayu Wicaksono, A.Md.", "Pranata Komputer Mahir", "Fungsional", "Mahir",
     "Pengatur Tingkat I (II/d)", "Bidang Aplikasi Informatika", "kabidapt"),
    ("pk7", "Eko Prasetyo, A.Md.", "Pranata Komputer Terampil", "Fungsional", "Terampil",
     "Pengatur (II/c)", "Bidang Aplikasi Informatika", "kabidapt"),
    ("apt1", "Wahyu Hidayat", "Pengelola Sistem dan Jaringan", "Pelaksana", "", "Pengatur Muda Tingkat I (II/b)",
     "Bidang Aplikasi Informatika", "kabidapt"),
    ("apt2", "Putri Rahmawati, A.Md.", "Pengelola Data Aplikasi", "Pelaksana", "", "Pengatur (II/c)",
     "Bidang Aplikasi Informatika", "kabidapt"),
    ("kabidikp", "Dra. Yuliana Kartika", "Kepala Bidang Informasi dan Komunikasi Publik", "Administrator", "",
     "Pembina (IV/a)", "Bidang Informasi dan Komunikasi Publik", "kadis"),
    ("ph1", "Teguh Santoso, S.I.Kom.", "Pranata Humas Ahli Muda", "Fungsional", "Ahli Muda",
     "Penata Tingkat I (III/d)", "Bidang Informasi dan Komunikasi Publik", "kabidikp"),
    ("ph2", "Indah Permatasari, S.I.Kom.", "Pranata Humas Ahli Pertama", "Fungsional", "Ahli Pertama",
     "Penata Muda Tingkat I (III/b)", "Bidang Informasi dan Komunikasi Publik", "kabidikp"),
    ("ph3", "Dimas Aditya, S.Sos.", "Pranata Humas Ahli Pertama", "Fungsional", "Ahli Pertama",
     "Penata Muda (III/a)", "Bidang Informasi dan Komunikasi Publik", "kabidikp"),
    ("ph4", "Sutrisno", "Pranata Humas Penyelia", "Fungsional", "Penyelia", "Penata (III/c)",
     "Bidang Informasi dan Komunikasi Publik", "kabidikp"),
    ("ph5", "Ratna Dewi, A.Md.", "Pranata Humas Terampil", "Fungsional", "Terampil", "Pengatur (II/c)",
     "Bidang Informasi dan Komunikasi Publik", "kabidikp"),
    ("ikp1", "Joko Susilo", "Pengelola Informasi Publik", "Pelaksana", "", "Pengatur Muda (II/a)",
     "Bidang Informasi dan Komunikasi Publik", "kabidikp"),
    ("ikp2", "Ayu Lestari", "Pengelola Media Sosial", "Pelaksana", "", "Pengatur Muda Tingkat I (II/b)",
     "Bidang Informasi dan Komunikasi Publik", "kabidikp"),
    ("kabidsp", "Ahmad Rifai, S.Si., M.Stat.", "Kepala Bidang Statistik dan Persandian", "Administrator", "",
     "Pembina (IV/a)", "Bidang Statistik dan Persandian", "kadis"),
    ("kasisan", "Galih Permana, S.T.", "Kepala Seksi Persandian", "Pengawas", "", "Penata Tingkat I (III/d)",
     "Bidang Statistik dan Persandian", "kabidsp"),
    ("st1", "Novi Kurniasih, S.Si.", "Statistisi Ahli Muda", "Fungsional", "Ahli Muda",
     "Penata Tingkat I (III/d)", "Bidang Statistik dan Persandian", "kabidsp"),
    ("st2", "Arif Rahman, S.Stat.", "Statistisi Ahli Pertama", "Fungsional", "Ahli Pertama",
     "Penata Muda Tingkat I (III/b)", "Bidang Statistik dan Persandian", "kabidsp"),
    ("st3", "Wulan Septiani, S.Stat.", "Statistisi Ahli Pertama", "Fungsional", "Ahli Pertama",
     "Penata Muda (III/a)", "Bidang Statistik dan Persandian", "kabidsp"),
    ("sd1", "Bagus Firmansyah, S.Kom.", "Sandiman Ahli Pertama", "Fungsional", "Ahli Pertama",
     "Penata Muda (III/a)", "Bidang Statistik dan Persandian", "kasisan"),
    ("sd2", "Tono Sugiarto", "Sandiman Pemula", "Fungsional", "Pemula", "Pengatur Muda (II/a)",
     "Bidang Statistik dan Persandian", "kasisan"),
    ("sd3", "Fitri Ramadhani, A.Md.", "Sandiman Terampil", "Fungsional", "Terampil", "Pengatur (II/c)",
     "Bidang Statistik dan Persandian", "kasisan"),
    ("sp1", "Hadi Purnomo", "Pengelola Data Statistik", "Pelaksana", "", "Pengatur (II/c)",
     "Bidang Statistik dan Persandian", "kabidsp"),
    ("sp2", "Sari Puspita", "Pengadministrasi Persandian", "Pelaksana", "", "Pengatur Muda Tingkat I (II/b)",
     "Bidang Statistik dan Persandian", "kasisan"),
    ("sp3", "Yoga Pratama", "Operator Layanan Persandian", "Pelaksana", "", "Pengatur Muda (II/a)",
     "Bidang Statistik dan Persandian", "kasisan"),
    ("sp4", "Mega Wati", "Pengolah Data", "Pelaksana", "", "Pengatur Muda (II/a)",
     "Bidang Statistik dan Persandian", "kabidsp"),
    ("sp5", "Rudi Hartono", "Pengadministrasi Umum", "Pelaksana", "", "Pengatur Muda (II/a)",
     "Sekretariat", "kaum"),
]

#: RHK and indikator the demo's pegawai write, by theme: (rhk, [(indikator, satuan, aspek, arah, agregasi, min, max)])
TEMA = [
    ("Terselenggaranya layanan aplikasi yang andal",
     [("Persentase ketersediaan layanan aplikasi", "%", "Kualitas", "naik", "rata-rata", 95, 98),
      ("Jumlah aplikasi yang dikembangkan", "aplikasi", "Kuantitas", "naik", "jumlah", 4, 6)]),
    ("Terlaksananya diseminasi informasi publik",
     [("Jumlah konten informasi publik yang dipublikasikan", "konten", "Kuantitas", "naik", "jumlah", 120, 150),
      ("Waktu rata-rata tanggapan pengaduan", "hari", "Waktu", "turun", "rata-rata", 2, 3)]),
    ("Tersusunnya data statistik sektoral",
     [("Jumlah dataset yang diterbitkan di portal data", "dataset", "Kuantitas", "naik", "jumlah", 40, 50),
      ("Persentase dataset yang diperbarui tepat waktu", "%", "Kualitas", "naik", "terakhir", 90, 100)]),
    ("Tertibnya administrasi keuangan dan kepegawaian",
     [("Jumlah dokumen administrasi yang diselesaikan", "dokumen", "Kuantitas", "naik", "jumlah", 200, 240),
      ("Persentase realisasi anggaran", "%", "Biaya", "naik", "terakhir", 90, 95)]),
    ("Terjaminnya keamanan informasi perangkat daerah",
     [("Jumlah insiden keamanan informasi", "insiden", "Kuantitas", "turun", "jumlah", 1, 4),
      ("Jumlah perangkat daerah yang menerapkan sertifikat elektronik", "OPD", "Kuantitas", "naik", "jumlah", 10, 12)]),
]

# TMT jabatan and AK awal of some fungsional (key -> (TMT, AK awal)): one carried in at 150 as an Ahli
# Muda (RULES.md section 6), two appointed in May of the year (on the 1st and on the 15th)
AK_AWAL = {
    "pk1": ("2022-01-01", 310.0), "pk2": ("2024-03-01", 150.0), "pk3": ("2025-07-01", 62.5),
    "pk4": ("2027-05-01", 0.0), "pk5": ("2027-05-15", 0.0), "pk6": ("2023-04-01", 45.0),
    "ph1": ("2021-10-01", 120.0), "st1": ("2024-01-01", 190.0), "sd2": ("2026-02-01", 3.75),
}
