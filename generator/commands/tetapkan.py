"""``skp tetapkan``: penetapan. The plans as the pegawai and the pejabat penilai agreed them become issued
content: every RHK with text and every indikator with text or a target is locked (blue), recorded in the
manifest with its fingerprint, and the SKP shows the date of penetapan. From then on ``skp check`` and
``skp consolidate --manifest`` report a changed target like any issued cell; a revision goes through
``skp refresh`` (which carries every realisasi) and a new penetapan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from skpkit.generator.files import Batch
from skpkit.generator.write.manifest import MANIFEST, write_manifest
from skpkit.issuing import tetapkan_sheet
from skpkit.generator.errors import Masalah, UserError
from skpkit.generator.read.registry import get_reader
from skpkit.generator.rekap.checks import validate
from skpkit.generator.commands.refresh import reissue
from skpkit.i18n import _

__all__ = ["TetapkanResult", "tetapkan", "DITETAPKAN"]

#: the ``_skp`` key of the date of penetapan
DITETAPKAN = "ditetapkan"


@dataclass
class TetapkanResult:
    written: list[Path] = field(default_factory=list)
    backups: list[Path] = field(default_factory=list)
    #: per pegawai (nama, NIP): RHK and indikator fixed
    fixed: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: what is wrong with the files read (the problems ``skp check`` names)
    problems: list[Masalah] = field(default_factory=list)


def tetapkan(files: Sequence[Path], *, tanggal: dt.date | None = None, key: bytes | None = None,
             backup: bool = True, now: dt.datetime | None = None) -> TetapkanResult:
    """Penetapan of every sheet of ``files``, in place (each old file kept as a backup); the manifest beside
    each file gets the new fingerprints. Every file is read before anything is written."""
    now = now or dt.datetime.now()
    tanggal = tanggal or now.date()
    datas = [(Path(f), get_reader("skp").read(Path(f))) for f in files]
    if not datas:
        raise UserError(Masalah("", what=_("tidak ada berkas untuk ditetapkan")))
    result = TetapkanResult(problems=[m for _, d in datas for m in validate(d).problems])
    entries: dict[Path, list[dict]] = {}
    heads: dict[Path, dict] = {}
    with Batch(backup=backup, now=now) as batch:
        for path, data in datas:
            plan = data.plan
            for sheet in plan.sheets:
                result.fixed[f"{sheet.pegawai.nama} ({sheet.pegawai.nip})"] = tetapkan_sheet(sheet)
            plan.meta[DITETAPKAN] = tanggal.isoformat()
            entries.setdefault(path.parent, []).append(reissue(plan, path, batch, key))
            result.written.append(path)
            heads[path.parent] = {"tahun": plan.tahun, "jenis_periode": plan.jenis_periode.value}
        for folder, items in entries.items():
            write_manifest(folder, items, heads[folder], key, into=batch.stage(folder / MANIFEST))
        result.backups = batch.commit()
    return result
