"""The manifest beside issued workbooks, read back: its shape checked, its signature verified, and the key
the fingerprints were made with."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from skpkit.generator.errors import Masalah, UserError
from skpkit.sidik import signature_matches
from skpkit.i18n import _

__all__ = ["load_manifest", "verify_manifest", "load_key"]


def verify_manifest(manifest: dict, path: Path | str | None, key: bytes | None) -> Masalah | None:
    """The problem with a manifest as a whole, or ``None``: its signature covers the head and every entry,
    so a deleted entry or an edited field is found. A manifest of a release before the signature has
    none; that is a problem only when a key says the issuer meant to sign it."""
    if "signature" not in manifest:
        if key is None:
            return None
        return Masalah(str(path or ""), what=_("manifest tanpa tanda tangan (dari versi lama, atau dibuat "
                                               "ulang)"),
                       todo=_("terbitkan ulang dengan skp refresh --key agar manifest ditandatangani"))
    if not signature_matches(manifest, key):
        return Masalah(str(path or ""), what=_("manifest diubah: tanda tangannya tidak cocok dengan isinya"),
                       todo=_("gunakan manifest dan kunci yang dipakai saat berkas diterbitkan"))
    return None


def load_manifest(path: Path) -> dict:
    """A manifest.json as skpkit writes it; anything else is one line naming the file and what is wrong."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        _check_shape(data)
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise UserError(Masalah(str(path), what=_("manifest tidak dapat dibaca ({e})").format(e=e),
                                todo=_("gunakan manifest.json dari skp generate atau skp refresh"))) from None
    return data


def _check_shape(data: Any) -> None:
    if not isinstance(data, dict) or not isinstance(data.get("files"), list):
        raise ValueError(_("bukan manifest skpkit: tidak ada daftar 'files'"))
    for entry in data["files"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str) \
                or not isinstance(entry.get("pegawai"), list):
            raise ValueError(_("entri berkas tidak lengkap: {entry}").format(entry=str(entry)[:60]))
        for p in entry["pegawai"]:
            if not isinstance(p, dict) or not isinstance(p.get("nip"), str) \
                    or not isinstance(p.get("issued", {}), dict):
                raise ValueError(_("entri pegawai tidak lengkap di {file}: {entry}").format(
                    file=entry["file"], entry=str(p)[:60]))


def load_key(path: Path | None) -> bytes | None:
    """The HMAC key: the contents of ``path``, else the environment variable ``SKP_KEY``, else none."""
    if path is not None:
        try:
            key = Path(path).read_bytes().strip()
        except OSError as e:
            raise UserError(Masalah(str(path), what=_("kunci tidak dapat dibaca ({e})").format(e=e))) from None
        if not key:
            raise UserError(Masalah(str(path), what=_("berkas kunci kosong")))
        return key
    env = os.environ.get("SKP_KEY", "").strip()
    return env.encode() if env else None
