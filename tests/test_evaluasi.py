"""skpkit.evaluasi: how the workbook composes the rules for one pegawai."""

from skpkit.errors import Invalid
from skpkit.evaluasi import ERROR_INDIKATOR, ERROR_RHK, IsianIndikator, IsianPegawai, IsianRHK, evaluasi
from skpkit.model import JenisRHK, Predikat, Rating

A, S, B = Rating


def _ind(real, lo=10, hi=None, arah="naik", agregasi="jumlah", teks="x"):
    return IsianIndikator(teks, lo, hi, arah, agregasi, tuple(real))


def _isian(rhk, perilaku=((S,) * 4,) * 7, **kw):
    return IsianPegawai(4, rhk=tuple(rhk), perilaku=perilaku, **kw)


def test_incomplete_rhk_utama_means_no_hasil_yet():
    done = IsianRHK(JenisRHK.UTAMA, (_ind([3, None, None, None], 10),))
    waiting = IsianRHK(JenisRHK.UTAMA, (_ind([None, None, None, None], 10),))
    h = evaluasi(_isian([done, waiting]))
    assert h.periode[0].rhk == (A, None)
    assert h.periode[0].hasil_saran is None and h.periode[0].predikat is None


def test_invalid_indikator_propagates_as_reason():
    bad = IsianRHK(JenisRHK.UTAMA, (_ind([1, 1, 1, 1], 0),))
    h = evaluasi(_isian([bad]))
    p = h.periode[0]
    assert p.indikator[0][0].capaian == Invalid("target 0")
    assert p.rhk[0] == Invalid(ERROR_INDIKATOR)
    assert p.hasil == Invalid(ERROR_RHK) == p.predikat


def test_unused_slots_do_not_count_and_overrides_win():
    used = IsianRHK(JenisRHK.UTAMA, (_ind([3, 2, 2, 3], 10), IsianIndikator()))
    empty = IsianRHK(JenisRHK.UTAMA, (IsianIndikator(),))
    h = evaluasi(_isian([used, empty], override_hasil=(None, B.value)))
    assert h.periode[0].rhk == (A, None) and h.periode[0].hasil == A
    assert h.periode[1].hasil_saran == S and h.periode[1].hasil == B


def test_jpt_rating_from_predikat_organisasi_and_annual_perilaku():
    h = evaluasi(_isian([], perilaku=((A, S, S, A),) * 7, pimpinan=True,
                        predikat_organisasi=("Istimewa", "Baik", None, None, "Baik")))
    assert [p.hasil_saran for p in h.periode] == [A, S, None, None]
    assert h.tahunan.hasil_saran == S
    assert h.tahunan.perilaku_saran == A  # two Di Atas, two Sesuai: the later period wins
    assert h.tahunan.predikat == Predikat.BAIK


def test_angka_kredit_per_period_and_year():
    rhk = IsianRHK(JenisRHK.UTAMA, (_ind([3, 3, 2, 2], 10),))
    h = evaluasi(_isian([rhk], jenjang="Ahli Pertama", bulan_per_periode=3))
    assert [p.predikat for p in h.periode] == [Predikat.BAIK] * 4  # Di Atas x Sesuai
    assert [p.angka_kredit for p in h.periode] == [3 / 12 * 100 / 100 * 12.5] * 4
    assert h.tahunan.angka_kredit == 12.5
    assert abs(h.angka_kredit_periode - sum(p.angka_kredit for p in h.periode)) < 1e-12
