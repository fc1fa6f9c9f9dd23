"""The manifest beside issued workbooks, written: per file and pegawai, the layout version, every issued cell
and its fingerprint (:mod:`skpkit.sidik`), the manifest signed as a whole."""

from __future__ import annotations

import json
from contextlib import nullcontext
import tempfile
from pathlib import Path
from typing import Any

from skpkit.errors import InputError
from skpkit.generator.files import atomic_target
from skpkit.generator.layout import LAYOUT_VERSION, Geometry, a1
from skpkit.generator.layout.xlwings import xlwings_version
from skpkit.plan import SheetPlan, WorkbookPlan
from skpkit.rules import ak
from skpkit.rules.nilai import is_blank
from skpkit.sidik import canonical, fingerprint, issued_value, signer

__all__ = ["issued_cells", "manifest_entry", "ManifestWriter", "write_manifest", "MANIFEST"]

MANIFEST = "manifest.json"


def issued_cells(plan: WorkbookPlan, sheet: SheetPlan, g: Geometry) -> dict[str, Any]:
    """A1 cell -> value of everything issued on ``sheet`` of ``plan``."""
    cells: dict[str, Any] = {a1(g.identity("nip"), g.identity_col("pegawai")): sheet.pegawai.nip}
    for key in g.issued_keys(sheet.pegawai.is_fungsional):  # TMT, AK awal, the unit's days: from the roster
        v = getattr(sheet.pegawai, key)
        if not is_blank(v):
            cells[a1(g.identity(key), g.identity_col("pegawai"))] = _day(v) if key.startswith("tmt_") else v
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

    def __enter__(self) -> "ManifestWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.spool.close()  # the spool is a file in ``out``: on Windows an open file stays until it is closed

    def add(self, entry: dict) -> None:
        self.spool.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.names.append(entry["file"])

    def close(self, into: Path | None = None) -> Path:
        """Write the manifest (to ``into``, a :class:`~skpkit.generator.files.Batch`'s temporary, when given)."""
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
        sign = signer(self.key, head)
        self.spool.seek(0)
        with (nullcontext(into) if into is not None else atomic_target(target)) as tmp, \
                tmp.open("w", encoding="utf-8") as f:
            f.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "files": [\n')
            lines = [json.dumps(e, ensure_ascii=False) for e in sorted(kept, key=lambda e: e["file"])]
            for k, line in enumerate([*lines, *(x.rstrip("\n") for x in self.spool)]):
                f.write(("," if k else "") + line + "\n")
                sign.update(b"\n" + canonical(json.loads(line)))
            f.write(f'], "signature": "{sign.hexdigest()}"}}\n')
        self.spool.close()
        return target


def write_manifest(out: Path, entries: list[dict], extra: dict | None = None, key: bytes | None = None,
                   into: Path | None = None) -> Path:
    """Write ``out/manifest.json`` atomically (or to ``into``, staged in a batch); files already listed there
    and not rewritten are kept."""
    with ManifestWriter(out, extra, key) as writer:
        for entry in entries:
            writer.add(entry)
        return writer.close(into)
