"""The manifest beside issued workbooks: who is in which file, what was issued, and its fingerprint.

What a superior issued to a sheet (the hidden ids, the NIP, the RHK and intervensi handed down, and
every target present when the file was issued) is recorded cell by cell, so that ``skp check`` can
name the cell that changed. The fingerprint over it is SHA-256, or HMAC-SHA256 with a key (``--key
FILE`` or ``SKP_KEY``), which whoever edits a workbook or the manifest cannot recompute.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from skpkit.rules import ak
from skpkit.errors import InputError
from skpkit.evaluasi import is_blank
from skpkit.generator.files import atomic_target
from skpkit.generator.layout import LAYOUT_VERSION, Geometry, a1
from skpkit.plan import SheetPlan, WorkbookPlan
from skpkit.generator.problems import Masalah, UserError
from skpkit.generator.xlwings_needs import xlwings_version

__all__ = ["issued_value", "issued_cells", "fingerprint", "manifest_entry", "ManifestWriter", "write_manifest", "load_manifest",
           "manifest_pegawai",
           "load_key", "MANIFEST", "verify_manifest"]

MANIFEST = "manifest.json"


def issued_value(v: Any) -> Any:
    """A cell's value as the manifest records it: numbers as float, text stripped.

    Examples
    --------
    >>> issued_value(3), issued_value(" R-1 "), issued_value(None)
    (3.0, 'R-1', None)
    """
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, (dt.date, dt.datetime)):  # a date cell, as calamine returns it: its day
        return (v.date() if isinstance(v, dt.datetime) else v).isoformat()
    return str(v).strip()


def issued_cells(plan: WorkbookPlan, sheet: SheetPlan, g: Geometry) -> dict[str, Any]:
    """A1 cell -> value of everything issued on ``sheet`` of ``plan``."""
    cells: dict[str, Any] = {a1(g.identity("nip"), g.identity_col("pegawai")): sheet.pegawai.nip}
    if sheet.pegawai.is_fungsional:  # TMT jabatan and AK awal (layout 2): issued from the roster
        for key in g.layout["pegawai"]["identity"].get("ak_rows", ()):
            v = getattr(sheet.pegawai, key)
            if not is_blank(v):
                cells[a1(g.identity(key), g.identity_col("pegawai"))] = _day(v) if key == "tmt_jabatan" else v
    for i, slot in enumerate(sheet.slots):
        cells[a1(g.slot_row(i), g.col("id_rhk"))] = slot.id
        if slot.issued:
            cells[a1(g.slot_row(i), g.col("rhk"))] = sheet.rhk_value(slot, "rhk")
            cells[a1(g.slot_row(i), g.col("intervensi"))] = plan.intervensi_label(sheet, slot.intervensi)
        for j, ind in enumerate(slot.indikator):
            r = g.slot_row(i, j)
            cells[a1(r, g.col("id_indikator"))] = ind.id
            for field in ("target_min", "target_max"):
                v = sheet.indikator_value(ind, field)
                if not is_blank(v):
                    cells[a1(r, g.col(field))] = v
    return {k: issued_value(v) for k, v in cells.items()}


def _day(v: Any) -> Any:
    """A TMT as its cell holds it: a day (a serial number is the spreadsheet's day)."""
    try:
        return ak.tanggal(v)
    except InputError:
        return v


def fingerprint(file: str, nip: str, cells: dict[str, Any], key: bytes | None = None) -> str:
    """SHA-256 (or HMAC-SHA256 with ``key``) of the issued cells of one pegawai's sheet.

    Examples
    --------
    >>> len(fingerprint("a.xlsx", "1", {"A1": 1.0})), fingerprint("a.xlsx", "1", {}, b"k")[:8]
    (64, 'e9396dda')
    """
    data = json.dumps({"file": file, "nip": nip, "cells": cells}, sort_keys=True, ensure_ascii=False).encode()
    if key:
        return hmac.new(key, data, hashlib.sha256).hexdigest()
    return hashlib.sha256(data).hexdigest()


def manifest_entry(path: Path, plan: WorkbookPlan, key: bytes | None) -> dict:
    g = Geometry(plan.jenis_periode.jumlah, plan.n_utama, plan.n_tambahan, plan.k)
    pegawai = []
    for s in plan.sheets:
        cells = issued_cells(plan, s, g)
        pegawai.append({"nip": s.pegawai.nip, "nama": s.pegawai.nama, "sheet": s.name, "unit": s.pegawai.unit,
                        "issued": cells, "fingerprint": fingerprint(path.name, s.pegawai.nip, cells, key)})
    entry = {"file": path.name, "layout_version": LAYOUT_VERSION, "jenis_periode": plan.jenis_periode.value,
             "engine": plan.engine, "pegawai": pegawai}
    if plan.engine == "xlwings":  # the .xlsm's VBA names the DLL of this xlwings version
        entry["xlwings_version"] = xlwings_version()
    return entry


class ManifestWriter:
    """Collect manifest entries on disk as workbooks are written, so memory stays flat in their number;
    :meth:`close` writes ``out/manifest.json`` atomically, keeping entries of files not rewritten."""

    def __init__(self, out: Path, extra: dict | None = None, key: bytes | None = None) -> None:
        self.out, self.extra, self.key = Path(out), extra or {}, key
        self.names: list[str] = []
        self.spool = tempfile.TemporaryFile("w+", encoding="utf-8", dir=self.out)

    def add(self, entry: dict) -> None:
        self.spool.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.names.append(entry["file"])

    def close(self) -> Path:
        target = self.out / MANIFEST
        previous: list[dict] = []
        if target.exists():
            try:
                previous = json.loads(target.read_text(encoding="utf-8")).get("files", [])
            except (OSError, ValueError):
                previous = []
        names = set(self.names)
        kept = [e for e in previous if e.get("file") not in names and (self.out / e.get("file", "")).exists()]
        head = {"layout_version": LAYOUT_VERSION, "fingerprint": "hmac-sha256" if self.key else "sha256",
                **self.extra}
        signer = _signer(self.key, head)
        self.spool.seek(0)
        with atomic_target(target) as tmp, tmp.open("w", encoding="utf-8") as f:
            f.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "files": [\n')
            lines = [json.dumps(e, ensure_ascii=False) for e in sorted(kept, key=lambda e: e["file"])]
            for k, line in enumerate([*lines, *(x.rstrip("\n") for x in self.spool)]):
                f.write(("," if k else "") + line + "\n")
                signer.update(b"\n" + _canonical(json.loads(line)))
            f.write(f'], "signature": "{signer.hexdigest()}"}}\n')
        self.spool.close()
        return target


def _canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _signer(key: bytes | None, head: dict):
    """SHA-256, or HMAC-SHA256 with ``key``, started on the manifest's head (everything but its files and
    the signature itself); each file entry is added in order."""
    signer = hmac.new(key, digestmod=hashlib.sha256) if key else hashlib.sha256()
    signer.update(_canonical({k: v for k, v in head.items() if k not in ("files", "signature")}))
    return signer


def verify_manifest(manifest: dict, path: Path | str, key: bytes | None) -> Masalah | None:
    """The problem with a manifest as a whole, or ``None``: its signature covers the head and every entry,
    so a deleted entry or an edited field is found. A manifest of a release before the signature has
    none; that is a problem only when a key says the issuer meant to sign it.

    Examples
    --------
    >>> m = {"layout_version": 1, "files": [{"file": "a.xlsx", "pegawai": []}]}
    >>> signer = _signer(None, m); signer.update(b"\\n" + _canonical(m["files"][0]))
    >>> m["signature"] = signer.hexdigest()
    >>> verify_manifest(m, "manifest.json", None) is None
    True
    >>> m["files"] = []
    >>> verify_manifest(m, "manifest.json", None).what
    'manifest diubah: tanda tangannya tidak cocok dengan isinya'
    """
    if "signature" not in manifest:
        if key is None:
            return None
        return Masalah(str(path), what="manifest tanpa tanda tangan (dari versi lama, atau dibuat ulang)",
                       todo="terbitkan ulang dengan skp refresh --key agar manifest ditandatangani")
    signer = _signer(key, manifest)
    for entry in manifest.get("files", []):
        signer.update(b"\n" + _canonical(entry))
    if not hmac.compare_digest(signer.hexdigest(), str(manifest["signature"])):
        return Masalah(str(path), what="manifest diubah: tanda tangannya tidak cocok dengan isinya",
                       todo="gunakan manifest dan kunci yang dipakai saat berkas diterbitkan")
    return None


def write_manifest(out: Path, entries: list[dict], extra: dict | None = None, key: bytes | None = None) -> Path:
    """Write ``out/manifest.json`` atomically; files already listed there and not rewritten are kept."""
    writer = ManifestWriter(out, extra, key)
    for entry in entries:
        writer.add(entry)
    return writer.close()


def manifest_pegawai(manifest: dict) -> dict[str, dict]:
    """NIP -> that pegawai's manifest entry, with the file it was issued in.

    Examples
    --------
    >>> manifest_pegawai({"files": [{"file": "a.xlsx", "pegawai": [{"nip": "1"}]}]})
    {'1': {'nip': '1', 'file': 'a.xlsx'}}
    """
    return {p["nip"]: {**p, "file": f["file"]} for f in manifest["files"] for p in f["pegawai"]}


def load_manifest(path: Path) -> dict:
    """A manifest.json as skpkit writes it; anything else is one line naming the file and what is wrong."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        _check_shape(data)
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise UserError(Masalah(str(path), what=f"manifest tidak dapat dibaca ({e})",
                                todo="gunakan manifest.json dari skp generate atau skp refresh")) from None
    return data


def _check_shape(data: Any) -> None:
    if not isinstance(data, dict) or not isinstance(data.get("files"), list):
        raise ValueError("bukan manifest skpkit: tidak ada daftar 'files'")
    for entry in data["files"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str) \
                or not isinstance(entry.get("pegawai"), list):
            raise ValueError(f"entri berkas tidak lengkap: {str(entry)[:60]}")
        for p in entry["pegawai"]:
            if not isinstance(p, dict) or not isinstance(p.get("nip"), str) \
                    or not isinstance(p.get("issued", {}), dict):
                raise ValueError(f"entri pegawai tidak lengkap di {entry['file']}: {str(p)[:60]}")


def load_key(path: Path | None) -> bytes | None:
    """The HMAC key: the contents of ``path``, else the environment variable ``SKP_KEY``, else none."""
    if path is not None:
        try:
            key = Path(path).read_bytes().strip()
        except OSError as e:
            raise UserError(Masalah(str(path), what=f"kunci tidak dapat dibaca ({e})")) from None
        if not key:
            raise UserError(Masalah(str(path), what="berkas kunci kosong"))
        return key
    env = os.environ.get("SKP_KEY", "").strip()
    return env.encode() if env else None
