"""The rekap's tables as columns (key, header) and records of shown values, for the rekap workbook
(:mod:`.workbook`) and its flat copies (:mod:`.exports`). Every header is the layout's
(``labels.rekap_berkas`` of ``workbook_templates/layout.json``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from skpkit.generator.layout import labels
from skpkit.generator.rekap.merge import RULE_SLOTS, Rekap
from skpkit.generator.rekap.rows import record
from skpkit.rules.masa import TIDAK_DINILAI
from skpkit.model import Jenjang, Predikat

__all__ = ["Columns", "texts", "pegawai_table", "unit_table", "ak_table", "ak_data", "AK_DATA_KEYS", "belum_table", "masalah_table",
           "safe_text"]

Columns = list[tuple[str, str]]


def texts() -> dict[str, Any]:
    """The rekap file's labels."""
    return labels()["rekap_berkas"]


def safe_text(value: Any) -> Any:
    """Text a spreadsheet could take for a formula gets a leading apostrophe (flat files only).

    Examples
    --------
    >>> safe_text("=HYPERLINK(1)"), safe_text("-5 hari"), safe_text(3)
    ("'=HYPERLINK(1)", "'-5 hari", 3)
    """
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _columns(key: str) -> Columns:
    return list(texts()[key].items())


def pegawai_table(rekap: Rekap) -> tuple[Columns, list[dict]]:
    return _columns("pegawai"), [record(b) for b in rekap.rows]


def belum_table(rekap: Rekap) -> tuple[Columns, list[dict]]:
    return _columns("belum"), [record(b) for b in rekap.belum]


def masalah_table(rekap: Rekap) -> tuple[Columns, list[dict]]:
    return _columns("masalah"), [{**record(m), "file": Path(m.file).name} for m in rekap.masalah]


def unit_table(rekap: Rekap) -> tuple[Columns, list[dict]]:
    t = texts()["unit"]
    cols = [("unit", t["unit"]), ("periode_nama", t["periode_nama"]), ("organisasi", t["organisasi"])]
    cols += [(f"n_{p.name}", p.value) for p in Predikat] + [("n", t["n"])]
    for k in range(RULE_SLOTS):
        cols += [(f"aturan_{k}", t["aturan"].format(k=k + 1)), (f"jumlah_{k}", t["jumlah"]),
                 (f"batas_{k}", t["batas"]), (f"ok_{k}", t["ok"])]
    cols.append(("semua", t["semua"]))
    records = []
    for u in rekap.units:
        rec: dict[str, Any] = {"unit": u.unit, "periode_nama": u.periode_nama, "organisasi": u.organisasi,
                               "n": u.n, **{f"n_{p.name}": u.jumlah[p] for p in Predikat}}
        for k, a in enumerate(u.aturan):
            rec.update({f"aturan_{k}": a.teks, f"jumlah_{k}": a.jumlah, f"batas_{k}": a.batas,
                        f"ok_{k}": t["ya"] if a.terpenuhi else t["tidak"]})
        rec["semua"] = (t["ya"] if all(a.terpenuhi for a in u.aturan) else t["tidak"]) if u.aturan else \
            t["tanpa_organisasi"]
        records.append(rec)
    return cols, records


#: the keys of the hidden angka kredit sheet besides the per-period ones (``periode_p``, ``predikat_p``,
#: ``bulan_p``, ``nama_p``)
AK_DATA_KEYS = ("nip", "nama", "status", "pangkat", "jabatan", "jenjang", "unit", "tmt_jabatan", "bulan", "koefisien",
                "predikat_tahunan", "tahunan", "jumlah", "ak_awal_pangkat", "ak_awal_jenjang", "ak_pangkat",
                "ak_jenjang", "kumulatif_pangkat", "kurang_pangkat", "kumulatif_jenjang", "kurang_jenjang", "syarat",
                "penilai_nama", "penilai_nip", "tahun", "instansi", "tempat", "kertas")


def _at(values: list, i: int):
    return values[i] if i < len(values) else None


def ak_data(rekap: Rekap) -> tuple[Columns, list[dict]]:
    """The hidden ``_angka_kredit`` sheet: every fungsional's figures by stable key, raw (no display
    text), with the pejabat penilai of their latest rated period and the rekap's year and settings; what
    the angka kredit documents are printed from."""
    n = rekap.n_periode
    names = [x.periode_nama for x in rekap.units if x.periode][:n] if rekap.units else []
    per = [k for p in range(1, n + 1) for k in (f"periode_{p}", f"predikat_{p}", f"persen_{p}", f"bulan_{p}",
                                                f"nama_{p}", f"lama_{p}", f"ak_lama_{p}")]
    # a kenaikan jenjang in the year: the earlier jenjang, its koefisien, its months and the AK they earned
    # (``lama``, ``ak_lama``; ``lama_p``, ``ak_lama_p`` per period)
    cols: Columns = [(k, k) for k in (*AK_DATA_KEYS, "persen_tahunan", "jenjang_sebelumnya", "koefisien_sebelumnya",
                                      "lama", "ak_lama", *per)]

    def persen(label: str | None) -> float | None:
        return rekap.settings.persen_ak[Predikat.parse(label)] if label and label != TIDAK_DINILAI else None

    penilai: dict[str, tuple[int, str, str]] = {}
    for r in rekap.rows:
        if r.penilai_nip and (r.nip not in penilai or (r.periode or n + 1) >= penilai[r.nip][0]):
            penilai[r.nip] = ((r.periode or n + 1), r.penilai_nama, r.penilai_nip)
    records = []
    for a in rekap.ak:
        rec = {k: getattr(a, k, None) for k in AK_DATA_KEYS}
        rec["tmt_jabatan"] = a.tmt_jabatan.isoformat() if a.tmt_jabatan else None
        _, rec["penilai_nama"], rec["penilai_nip"] = penilai.get(a.nip, (0, "", ""))
        rec.update(tahun=rekap.tahun, instansi=rekap.instansi, tempat=rekap.settings.tempat,
                   kertas=rekap.settings.kertas, persen_tahunan=persen(a.predikat_tahunan),
                   jenjang_sebelumnya=a.jenjang_sebelumnya or None, koefisien_sebelumnya=rekap.settings.koefisien[
                       Jenjang.parse(a.jenjang_sebelumnya)] if a.jenjang_sebelumnya else None,
                   lama=_at(a.bulan_lama, n) if a.jenjang_sebelumnya else None,
                   ak_lama=_at(a.ak_lama, n) if a.jenjang_sebelumnya else None)
        for p in range(1, n + 1):
            rec[f"periode_{p}"] = a.periode[p - 1] if p - 1 < len(a.periode) else None
            rec[f"predikat_{p}"] = a.predikat_periode[p - 1] if p - 1 < len(a.predikat_periode) else None
            rec[f"persen_{p}"] = persen(rec[f"predikat_{p}"])
            rec[f"bulan_{p}"] = a.bulan_periode[p - 1] if p - 1 < len(a.bulan_periode) else None
            rec[f"nama_{p}"] = names[p - 1] if p - 1 < len(names) else f"Periode {p}"
            rec[f"lama_{p}"] = _at(a.bulan_lama, p - 1) if a.jenjang_sebelumnya else None
            rec[f"ak_lama_{p}"] = _at(a.ak_lama, p - 1) if a.jenjang_sebelumnya else None
        records.append(rec)
    return cols, records


def ak_table(rekap: Rekap) -> tuple[Columns, list[dict]]:
    """The ``Angka Kredit`` sheet: per fungsional, the AK of each period and of the year (months from the TMT
    jabatan), the AK carried in, and the cumulative AK and shortfall toward the next pangkat and jenjang."""
    n = rekap.n_periode
    names = [x.periode_nama for x in rekap.units if x.periode][:n] if rekap.units else []
    cols: Columns = []
    for key, label in _columns("ak"):
        if key == "periode":
            cols += [(f"periode_{p}", names[p - 1] if p - 1 < len(names) else f"Periode {p}")
                     for p in range(1, n + 1)]
        else:
            cols.append((key, label))
    lab = labels()["pegawai"]
    records = []
    for a in rekap.ak:
        rec = record(a)
        rec.update({f"periode_{p}": "" if v is None else v for p, v in enumerate(a.periode, start=1)})
        if a.ak_jenjang is None:  # the top of the ladder: no next jenjang
            rec["kurang_jenjang"], rec["syarat"] = lab["tidak_berlaku"], lab["puncak_jenjang"]
        if a.kumulatif_pangkat is not None and a.kurang_pangkat is None:  # its top golongan: no next pangkat
            rec["kurang_pangkat"] = rec["ak_pangkat"] = lab["tidak_berlaku"]
        records.append(rec)
    return cols, records
