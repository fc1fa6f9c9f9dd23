import pytest

from skpkit.cascade import Peran, cascade, check_roster, stable_id, urutan
from skpkit.errors import InputError
from skpkit.model import RHK, Indikator, JenisJabatan as J, Pegawai

KEPALA = Pegawai("197001012000031001", "Kepala", "Kepala Bidang", J.ADMINISTRATOR, "Bidang", "EXT")
KASI = Pegawai("198001012005031002", "Kasi", "Kepala Seksi", J.PENGAWAS, "Bidang", KEPALA.nip)
STAF = Pegawai("199001012015032003", "Staf", "Analis", J.PELAKSANA, "Bidang", KASI.nip)
TOP = [RHK("R1", "Meningkatnya layanan"), RHK("R2", "Tertibnya administrasi")]


def test_roster_ok_with_external_superior():
    check_roster([KEPALA, KASI, STAF], external=["EXT"])


def test_duplicate_nip():
    with pytest.raises(InputError, match="NIP ganda 198001012005031002"):
        check_roster([KEPALA, KASI, KASI], external=["EXT"])


def test_unknown_atasan():
    with pytest.raises(InputError, match="NIP atasan EXT .* tidak ada di roster"):
        check_roster([KEPALA, KASI])


def test_cycle():
    a = Pegawai("1", "A", "x", J.PELAKSANA, "U", "3")
    b = Pegawai("2", "B", "x", J.PELAKSANA, "U", "1")
    c = Pegawai("3", "C", "x", J.PELAKSANA, "U", "2")
    with pytest.raises(InputError, match="siklus atasan"):
        check_roster([a, b, c])
    with pytest.raises(InputError, match="atasan dirinya sendiri"):
        check_roster([Pegawai("1", "A", "x", J.PELAKSANA, "U", "1")])


def test_urutan_superior_first():
    assert [p.nama for p in urutan([STAF, KASI, KEPALA])] == ["Kepala", "Kasi", "Staf"]


def test_cascade_links_by_id_and_ids_are_stable():
    ind = Indikator("tmp", "Jumlah layanan", 100, 120, "layanan")
    matriks = [Peran(KASI.nip, "R1", "Layanan seksi", (ind,)), Peran(STAF.nip, "R2"),
               Peran(KASI.nip, "R1"), Peran(KASI.nip, "R2")]
    out = cascade(TOP, [KASI, STAF], matriks)
    kasi = out[KASI.nip]
    assert [r.intervensi for r in kasi] == ["R1", "R1", "R2"]
    assert kasi[0].teks == "Layanan seksi" and kasi[1].teks == "Meningkatnya layanan"
    assert kasi[0].indikator[0].id == kasi[0].id + ".1"
    assert kasi[0].indikator[0].target_max == 120
    assert len({r.id for r in kasi}) == 3
    again = cascade(TOP, [KASI, STAF], list(reversed(matriks[1:])) + matriks[:1])
    assert {r.id for r in again[KASI.nip]} == {r.id for r in kasi}
    assert out[STAF.nip][0].id == stable_id("R", STAF.nip, "R2", 1)


def test_cascade_unknown_rhk_or_pegawai():
    with pytest.raises(InputError, match="RHK atasan 'R9'"):
        cascade(TOP, [KASI], [Peran(KASI.nip, "R9")])
    with pytest.raises(InputError, match="bukan bawahan"):
        cascade(TOP, [KASI], [Peran(STAF.nip, "R1")])


def test_pegawai_without_peran_gets_empty_list():
    assert cascade(TOP, [KASI, STAF], [Peran(KASI.nip, "R1")])[STAF.nip] == ()
