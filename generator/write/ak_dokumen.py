"""The angka kredit documents as a workbook to print (``skp print rekap.xlsx --form ak``): for each
fungsional a sheet with KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT, AKUMULASI ANGKA KREDIT and PENETAPAN
ANGKA KREDIT, one page each (:mod:`skpkit.dokumen_ak` decides what they say). Values, not formulas: they
are printed from the rekap's figures, once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Sequence

import xlsxwriter

from skpkit.dokumen_ak import BarisKonversi, DokumenAK, Kenaikan
from skpkit.generator.layout import PAPER_SIZES, labels
from skpkit.generator.layout.cetak import cetak_name
from skpkit.generator.layout.fit import row_height
from skpkit.rules.tampil import tanggal_teks

__all__ = ["write_ak_dokumen", "WIDTHS"]

#: columns A-G: no, uraian, and five of figures
WIDTHS = [5, 34, 8, 14, 14, 14, 18]
_LAST = len(WIDTHS) - 1


class _Writer:
    def __init__(self, wb: xlsxwriter.Workbook, ws, doc: DokumenAK) -> None:
        self.wb, self.ws, self.doc, self.r = wb, ws, doc, 0
        self.lab = labels()["ak_dokumen"]
        base = {"font_name": "Arial", "font_size": 9, "valign": "top", "text_wrap": True}
        add = wb.add_format
        self.f = {"title": add({**base, "bold": True, "font_size": 11, "align": "center"}),
                  "center": add({**base, "align": "center"}),
                  "section": add({**base, "bold": True}),
                  "head": add({**base, "bold": True, "border": 1, "align": "center", "valign": "vcenter",
                               "bg_color": "#D9E1F2"}),
                  "cell": add({**base, "border": 1}),
                  "num": add({**base, "border": 1, "num_format": "0.00"}),
                  "int": add({**base, "border": 1, "num_format": "0"}),
                  "bold": add({**base, "border": 1, "bold": True}),
                  "boldnum": add({**base, "border": 1, "bold": True, "num_format": "0.00"}),
                  "plain": add(base)}

    def row(self, cells: Sequence[tuple[int, int, Any, str]], height: float | None = None) -> None:
        """One row: (first col, last col, value, format) each; its height fits its text."""
        texts = []
        for c0, c1, value, fmt in cells:
            f = self.f[fmt]
            if c1 > c0:
                self.ws.merge_range(self.r, c0, self.r, c1, "", f)
            if value is None or value == "":
                self.ws.write_blank(self.r, c0, None, f)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                self.ws.write_number(self.r, c0, value, f)
            else:
                self.ws.write_string(self.r, c0, str(value), f)
                texts.append((str(value), sum(WIDTHS[c0:c1 + 1])))
        self.ws.set_row(self.r, height or row_height(texts, 14))
        self.r += 1

    def title(self, title: str) -> None:
        tahun = self.doc.identitas.get("tahun") or ""
        self.row([(0, _LAST, title, "title")])
        self.row([(0, _LAST, self.lab["nomor"], "center")])
        self.row([(0, _LAST, self.lab["masa"].format(awal=f"1 Januari {tahun}", akhir=f"31 Desember {tahun}"),
                   "center")])
        self.r += 1

    def identitas(self, extra: dict[str, str]) -> None:
        i, lab = self.doc.identitas, self.lab
        names = {**lab["identitas"], **(lab["identitas_pppk"] if self.doc.pppk else {})}
        lahir = " / ".join(x for x in (extra.get("tempat_lahir", ""), extra.get("tanggal_lahir", "")) if x)
        tmt = _tanggal(i.get("tmt_jabatan"))
        values = {"nama": i.get("nama"), "nip": i.get("nip"), "karpeg": extra.get("karpeg", ""), "lahir": lahir,
                  "jenis_kelamin": extra.get("jenis_kelamin", ""),
                  "pangkat": " / ".join(x for x in (str(i.get("pangkat") or ""), extra.get("tmt_pangkat", "")) if x),
                  "jabatan": " / ".join(x for x in (str(i.get("jabatan") or ""), tmt) if x),
                  "unit": i.get("unit"), "instansi": i.get("instansi"), "pendidikan": extra.get("pendidikan", ""),
                  "masa_kerja": extra.get("masa_kerja", "")}
        self.row([(0, _LAST, lab["perorangan"], "section")])
        for k, key in enumerate(names, start=1):
            self.row([(0, 0, k, "int"), (1, 2, names[key], "cell"), (3, _LAST, values.get(key) or "", "cell")])
        self.r += 1

    def konversi(self) -> None:
        lab = self.lab
        self.row([(0, _LAST, lab["konversi_section"], "section")])
        self.row([(c, c, h, "head") for c, h in enumerate(lab["konversi_head"])], 26)
        rows: list[BarisKonversi] = [*self.doc.konversi, *self.doc.tahunan_bagian, self.doc.tahunan]
        for k, b in enumerate(rows, start=1):
            last = k == len(rows)
            self.row([(0, 0, k, "int"), (1, 1, b.periode, "bold" if last else "cell"), (2, 2, b.bulan, "int"),
                      (3, 3, b.predikat or "", "cell"), (4, 4, b.persen, "int"), (5, 5, b.koefisien, "num"),
                      (6, 6, b.ak, "boldnum" if last else "num")])

    def akumulasi(self) -> None:
        lab, d = self.lab, self.doc
        rows = lab["akumulasi_rows"]
        tahun = d.identitas.get("tahun") or ""
        dash = lab["tidak_berlaku"]
        self.row([(0, _LAST, lab["akumulasi_section"], "section")])
        head = lab["akumulasi_head"]
        self.row([(0, 0, head["no"], "head"), (1, 3, head["uraian"], "head"), (4, 5, head["pangkat"], "head"),
                  (6, 6, head["jenjang"], "head")])
        year = d.tahunan.ak
        pangkat_awal = dash if self.doc.pppk else d.ak_awal_pangkat
        self.row([(0, 0, 1, "int"), (1, 3, rows["awal"], "cell"), (4, 5, pangkat_awal, "num"),
                  (6, 6, d.ak_awal_jenjang, "num")])
        konv = rows["konversi"].format(tahun=tahun) + (f" ({d.tahunan.predikat}, {d.tahunan.bulan} bulan)"
                                                        if d.tahunan.bulan is not None else "")
        self.row([(0, 0, 2, "int"), (1, 3, konv, "cell"), (4, 5, dash if self.doc.pppk else year, "num"),
                  (6, 6, year, "num")])
        self.row([(0, 0, "", "cell"), (1, 3, rows["jumlah"], "bold"),
                  (4, 5, dash if self.doc.pppk else d.pangkat.kumulatif, "boldnum"),
                  (6, 6, d.jenjang.kumulatif, "boldnum")])

    def penetapan(self) -> None:
        lab, d = self.lab, self.doc
        rows, dash = lab["penetapan_rows"], lab["tidak_berlaku"]
        awal, year, total = d.ak_awal, d.tahunan.ak, d.akumulasi
        self.row([(0, _LAST, lab["penetapan_section"], "section")])
        head = lab["penetapan_head"]
        self.row([(0, 0, head["no"], "head"), (1, 2, head["uraian"], "head"), (3, 3, head["lama"], "head"),
                  (4, 4, head["baru"], "head"), (5, 5, head["jumlah"], "head"), (6, 6, head["keterangan"], "head")])
        figures = {"dasar": (dash, dash, dash), "lama": (awal, dash, awal), "penyesuaian": (dash, dash, dash),
                   "konversi": (dash, year, year), "pendidikan": (dash, dash, dash)}
        for k, key in enumerate(("dasar", "lama", "penyesuaian", "konversi", "pendidikan"), start=1):
            lama, baru, jumlah = figures[key]
            self.row([(0, 0, k, "int"), (1, 2, rows[key], "cell"), (3, 3, lama, "num"), (4, 4, baru, "num"),
                      (5, 5, jumlah, "num"), (6, 6, "", "cell")])
        self.row([(0, 0, "", "cell"), (1, 2, rows["jumlah"], "bold"), (3, 3, awal, "boldnum"), (4, 4, year, "boldnum"),
                  (5, 5, total, "boldnum"), (6, 6, "", "cell")])
        self.r += 1
        self.row([(0, _LAST, lab["keterangan_section"], "section")])
        self.row([(0, 3, "", "head"), (4, 5, lab["keterangan_head"]["pangkat"], "head"),
                  (6, 6, lab["keterangan_head"]["jenjang"], "head")])
        for key in ("minimal", "kelebihan", "kekurangan"):
            self.row([(0, 3, lab["keterangan_rows"][key], "cell"), (4, 5, _figure(d.pangkat, key, dash), "num"),
                      (6, 6, _figure(d.jenjang, key, dash), "num")])
        for key, k in (("pangkat", d.pangkat), ("jenjang", d.jenjang)):
            if k.dapat is None:
                text = k.alasan or lab["belum"]
            else:
                text = lab["dapat" if k.dapat else "tidak_dapat"].format(apa=lab["apa"][key])
            self.row([(0, _LAST, f"{lab['kenaikan'][key]}: {text}", "plain")])
        if d.syarat and d.jenjang.dapat is not None:
            self.row([(0, _LAST, lab["syarat"].format(syarat=d.syarat), "plain")])

    def sign(self, who: str, name: str, nip: str) -> None:
        i, lab = self.doc.identitas, self.lab
        tempat = i.get("tempat") or "........................"
        tahun = i.get("tahun")
        tanggal = tanggal_teks(31, 12, int(tahun), labels()["cetak"]["bulan_tanggal"]) if tahun else "............"
        self.r += 1
        self.row([(4, _LAST, lab["ditetapkan"].format(tempat=tempat, tanggal=tanggal), "center")])
        self.row([(4, _LAST, who, "center")])
        self.r += 3
        self.row([(4, _LAST, name or "(..............................)", "center")])
        self.row([(4, _LAST, lab["nip_line"].format(label="NIP", nip=nip) if nip else "NIP ..............", "center")])


def _figure(k: Kenaikan, key: str, dash: str) -> Any:
    if k.dapat is None and k.minimal is None:
        return dash
    return getattr(k, key)


def _tanggal(value: Any) -> str:
    try:
        return dt.date.fromisoformat(str(value)).strftime("%d-%m-%Y") if value else ""
    except ValueError:
        return str(value)


def _sheet_name(nama: str, taken: set[str], prefix: str) -> str:
    """``AK <nama>``, unique, at most 31 characters, without the characters a sheet name cannot hold."""
    return cetak_name("".join(ch for ch in nama if ch not in "[]:*?/\\'"), prefix, "", taken)


def write_ak_dokumen(docs: Sequence[tuple[DokumenAK, dict[str, str]]], out: Path, paper: str = "A4") -> Path:
    """The workbook of the documents of ``docs`` (each with its optional identity fields), one sheet a
    fungsional, each document on its own page of ``paper``."""
    wb = xlsxwriter.Workbook(str(out), {"strings_to_formulas": False, "strings_to_urls": False,
                                        "strings_to_numbers": False})
    lab = labels()["ak_dokumen"]
    taken: set[str] = set()
    for doc, extra in docs:
        ws = wb.add_worksheet(_sheet_name(str(doc.identitas.get("nama") or doc.identitas.get("nip")), taken,
                                          lab["sheet_prefix"]))
        for c, w in enumerate(WIDTHS):
            ws.set_column(c, c, w)
        w = _Writer(wb, ws, doc)
        breaks = []
        w.title(lab["konversi_title"])
        w.identitas(extra)
        w.konversi()
        w.sign(lab["penilai"], str(doc.identitas.get("penilai_nama") or ""), str(doc.identitas.get("penilai_nip") or ""))
        for title, part in ((lab["akumulasi_title"], w.akumulasi), (lab["penetapan_title"], w.penetapan)):
            breaks.append(w.r)
            w.title(title)
            w.identitas(extra)
            part()
            signer = (lab["penilai"], str(doc.identitas.get("penilai_nama") or ""),
                      str(doc.identitas.get("penilai_nip") or "")) if part == w.akumulasi else (lab["berwenang"], "", "")
            w.sign(*signer)
        ws.set_h_pagebreaks(breaks)
        ws.set_portrait()
        ws.set_paper(PAPER_SIZES.get(paper, PAPER_SIZES["A4"]))
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.6, right=0.6, top=0.7, bottom=0.7)
        ws.print_area(0, 0, w.r, _LAST)
        nip_label = lab["identitas_pppk"]["nip"] if doc.pppk else lab["identitas"]["nip"]
        ws.set_header(lab["header"].format(nama=str(doc.identitas.get("nama") or "").replace("&", "&&"),
                                           nip_label=nip_label, nip=doc.identitas.get("nip") or "",
                                           instansi=str(doc.identitas.get("instansi") or "").replace("&", "&&")))
        ws.set_footer(lab["footer"])
    wb.close()
    return out
