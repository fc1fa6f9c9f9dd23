"""The fingerprint of what was issued on a sheet, and the signature of a manifest, in pure Python.

What a superior issued to a sheet (the hidden ids, the NIP, the RHK and intervensi handed down, and every
target present when the file was issued) is recorded cell by cell in the manifest beside the workbooks, so
that a check can name the cell that changed. The fingerprint over it is SHA-256, or HMAC-SHA256 with a key,
which whoever edits a workbook or the manifest cannot recompute; the manifest as a whole is signed the same
way (its head, then every entry in order), so a deleted entry or an edited field is found.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from typing import Any

__all__ = ["issued_value", "fingerprint", "canonical", "signer", "signature_matches", "manifest_pegawai",
           "manifest_entries"]


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


def canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def signer(key: bytes | None, head: dict):
    """SHA-256, or HMAC-SHA256 with ``key``, started on the manifest's head (everything but its files and
    the signature itself); each file entry is added in order."""
    signer = hmac.new(key, digestmod=hashlib.sha256) if key else hashlib.sha256()
    signer.update(canonical({k: v for k, v in head.items() if k not in ("files", "signature")}))
    return signer


def signature_matches(manifest: dict, key: bytes | None) -> bool:
    """Whether the manifest's ``signature`` covers its head and every entry as they are now.

    Examples
    --------
    >>> m = {"layout_version": 1, "files": [{"file": "a.xlsx", "pegawai": []}]}
    >>> s = signer(None, m); s.update(b"\\n" + canonical(m["files"][0]))
    >>> m["signature"] = s.hexdigest()
    >>> signature_matches(m, None)
    True
    >>> m["files"] = []
    >>> signature_matches(m, None)
    False
    """
    s = signer(key, manifest)
    for entry in manifest.get("files", []):
        s.update(b"\n" + canonical(entry))
    return hmac.compare_digest(s.hexdigest(), str(manifest.get("signature", "")))


def manifest_pegawai(manifest: dict) -> dict[str, dict]:
    """NIP -> that pegawai's manifest entry, with the file it was issued in.

    Examples
    --------
    >>> manifest_pegawai({"files": [{"file": "a.xlsx", "pegawai": [{"nip": "1"}]}]})
    {'1': {'nip': '1', 'file': 'a.xlsx'}}
    """
    return {p["nip"]: {**p, "file": f["file"]} for f in manifest["files"] for p in f["pegawai"]}


def manifest_entries(manifest: dict) -> dict[str, list[dict]]:
    """NIP -> every manifest entry of that pegawai, each with the file it was issued in (after a mutasi a
    pegawai has one in each unit's file).

    Examples
    --------
    >>> m = {"files": [{"file": "a.xlsx", "pegawai": [{"nip": "1"}]}, {"file": "b.xlsx", "pegawai": [{"nip": "1"}]}]}
    >>> [e["file"] for e in manifest_entries(m)["1"]]
    ['a.xlsx', 'b.xlsx']
    """
    out: dict[str, list[dict]] = {}
    for f in manifest["files"]:
        for p in f["pegawai"]:
            out.setdefault(p["nip"], []).append({**p, "file": f["file"]})
    return out
