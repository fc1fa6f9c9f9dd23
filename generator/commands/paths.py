"""The files a verb takes from the paths a user names: one rule for every verb."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from skpkit.generator.errors import Masalah, UserError
from skpkit.generator.files import BACKUP_DIR
from skpkit.generator.read.inputs import find_files
from skpkit.i18n import _

__all__ = ["inputs", "left_out_lines"]


def inputs(paths: Iterable[Path], writes: bool) -> list[Path]:
    """The input files under ``paths`` (files, or folders with their subfolders), as every verb finds them
    (:func:`~skpkit.generator.read.inputs.find_files`); a verb that writes refuses a backup kept in
    ``_cadangan``."""
    paths = list(paths)
    found = find_files(paths)
    if not found:
        raise UserError(Masalah(", ".join(map(str, paths)), what=_("tidak ada berkas .xlsx/.xlsm"),
                                todo=_("sebutkan berkas atau folder berisi berkas SKP")))
    for f in found:
        if writes and BACKUP_DIR in f.resolve().parts:
            raise UserError(Masalah(str(f), what=_("berkas cadangan skpkit ({folder}): tidak diubah").format(
                                        folder=BACKUP_DIR),
                                    todo=_("salin berkas keluar dari {folder} bila memang ingin memakainya").format(
                                        folder=BACKUP_DIR)))
    return found


def left_out_lines(left_out: list, atasan_path: Path | None) -> list[str]:
    """Say which pegawai of a whole organisation's roster were not issued, and name the tops of their lines
    (the pegawai whose superior is in neither the roster nor the superior's workbook: a mistyped NIP atasan
    shows up here)."""
    if not left_out:
        return []
    nips = {p.nip for p in left_out}
    tops = [p for p in left_out if p.nip_atasan and p.nip_atasan not in nips]
    lines = [_("{n} pegawai roster tidak di bawah {atasan} (di atasnya, di cabang lain, atau di buku kerja itu "
                 "sendiri): tidak dibuat").format(n=len(left_out), atasan=atasan_path)]
    if tops:
        lines.append(_("  atasan mereka di luar roster: {names}").format(
            names="; ".join(f"{p.nama} ({p.nip}) -> {p.nip_atasan}" for p in tops[:10])
            + ("; ..." if len(tops) > 10 else "")))
    return lines
