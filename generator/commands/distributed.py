"""Consolidation past one machine: read and recompute files on Dask workers, one result per file.

Files are read where the workers see them (a shared path); each worker returns one small
:class:`~skpkit.generator.commands.consolidate.FileResult` per file, gathered as they complete, so the client
holds results, never workbooks. ``--scheduler local`` starts a local cluster.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from skpkit.generator.commands.consolidate import read_filled
from skpkit.generator.rekap.rows import FileResult
from skpkit.generator.read.package import Limits
from skpkit.generator.errors import Masalah, UserError
from skpkit.i18n import _

__all__ = ["collect_dask"]


def collect_dask(files: list[Path], scheduler: str, manifest: dict | None = None, key: bytes | None = None,
                 limits: Limits = Limits(), workers: int = 2) -> Iterator[FileResult]:
    """Yield one result per file, in the order of ``files``, computed on a Dask cluster."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise UserError(Masalah("", what=_("--scheduler perlu Dask"), todo=_("pip install 'skpkit[dask]'"))) from None
    cluster = None
    if scheduler == "local":
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as e:
            raise UserError(Masalah("", what=_("scheduler Dask {scheduler} tidak dapat dihubungi ({e})").format(
                                                 scheduler=scheduler, e=e),
                                    todo=_("periksa alamat tcp://HOST:PORT dan bahwa scheduler berjalan"))) from None
    try:
        futures = {client.submit(read_filled, str(f), limits, manifest, key, pure=False): i
                   for i, f in enumerate(files)}
        done: dict[int, FileResult] = {}
        nxt = 0
        for future in as_completed(futures):
            done[futures[future]] = future.result()
            future.release()
            while nxt in done:  # stream back in file order as soon as the prefix is complete
                yield done.pop(nxt)
                nxt += 1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
