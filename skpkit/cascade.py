"""Cascading (intervensi): the superior's RHK handed down through the matriks peran hasil.

A subordinate's RHK links to the superior's RHK it intervenes by stable id, never
by text. Ids are derived from (NIP, superior RHK id, ordinal), so issuing the same
matriks again gives the same ids, whatever the order of its rows.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from skpkit.errors import InputError
from skpkit.model import RHK, Indikator, JenisRHK, Pegawai
from skpkit.i18n import _

__all__ = ["Peran", "stable_id", "check_roster", "below", "urutan", "cascade"]


@dataclass(frozen=True)
class Peran:
    """One entry of the matriks peran hasil: pegawai ``nip`` takes on superior RHK ``rhk_atasan``.

    ``teks`` and ``indikator`` are the subordinate's own RHK text and indikator where
    the superior already wrote them; empty means the pegawai writes them.
    """

    nip: str
    rhk_atasan: str
    teks: str = ""
    indikator: tuple[Indikator, ...] = ()
    jenis: JenisRHK = JenisRHK.UTAMA


def stable_id(prefix: str, *parts: object) -> str:
    """A short id that depends only on ``parts``.

    Examples
    --------
    >>> stable_id("R", "199001012015031001", "R1", 1)
    'R-b536838b'
    >>> stable_id("R", "199001012015031001", "R1", 1) == stable_id("R", "199001012015031001", "R1", 2)
    False
    """
    digest = hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=4).hexdigest()
    return f"{prefix}-{digest}"


def check_roster(pegawai: Sequence[Pegawai], external: Iterable[str] = ()) -> None:
    """Refuse a roster with a duplicate NIP, an unknown NIP atasan or a cycle of atasan.

    ``external`` are NIP atasan that are not in the roster but known (the superior
    whose sheet the unit is generated from). An empty NIP atasan is the top of the tree.

    Examples
    --------
    >>> from skpkit.model import JenisJabatan as J
    >>> a = Pegawai("199001012015031001", "A", "Kepala", J.ADMINISTRATOR, "U", "199101012015031002")
    >>> b = Pegawai("199101012015031002", "B", "Staf", J.PELAKSANA, "U", "199001012015031001")
    >>> check_roster([a, b])
    Traceback (most recent call last):
    ...
    skpkit.errors.InputError: siklus atasan: 199001012015031001 -> 199101012015031002 -> 199001012015031001: setiap pegawai harus berujung pada pimpinan tertinggi
    """
    seen: dict[str, Pegawai] = {}
    for p in pegawai:
        if p.nip in seen:
            raise InputError(_("NIP ganda {nip} ({nama}; {nama2})").format(
                                 nip=p.nip, nama=seen[p.nip].nama, nama2=p.nama),
                             _("setiap pegawai hanya satu baris di roster"))
        seen[p.nip] = p
    known = set(seen) | set(external)
    for p in pegawai:
        if p.nip_atasan and p.nip_atasan not in known:
            raise InputError(_("NIP atasan {nip_atasan} dari {nip} ({nama}) tidak ada di roster").format(
                                 nip_atasan=p.nip_atasan, nip=p.nip, nama=p.nama),
                             _("tambahkan atasan ke roster atau perbaiki NIP atasan"))
        if p.nip_atasan == p.nip:
            raise InputError(_("{nip} ({nama}) menjadi atasan dirinya sendiri").format(nip=p.nip, nama=p.nama), _("perbaiki NIP atasan"))
    state: dict[str, int] = {}  # 1 visiting, 2 done
    for start in seen:
        path: list[str] = []
        nip = start
        while nip in seen and state.get(nip) != 2:
            if state.get(nip) == 1:
                cycle = path[path.index(nip):] + [nip]
                raise InputError(_("siklus atasan: {cycle}").format(cycle=" -> ".join(cycle)),
                                 _("setiap pegawai harus berujung pada pimpinan tertinggi"))
            state[nip] = 1
            path.append(nip)
            nip = seen[nip].nip_atasan
        for n in path:
            state[n] = 2


def below(pegawai: Sequence[Pegawai], tops: Iterable[str]) -> tuple[list[Pegawai], list[Pegawai]]:
    """The pegawai whose line of superiors in the roster reaches one of ``tops`` (a superior's workbook's
    sheets), and the others (``tops`` themselves, those above them, other branches), each in roster order.

    One roster serves every level: with the Kepala Dinas's workbook as the superior, the bidang and everyone
    under them are below it; the Kepala Dinas, the Sekretaris Daerah above and other dinas are not.

    Examples
    --------
    >>> from skpkit.model import JenisJabatan as J
    >>> sekda = Pegawai("197001011990031001", "Sekda", "Sekda", J.JPT, "Setda", "")
    >>> kadis = Pegawai("197501012000031002", "Kadis", "Kadis", J.JPT, "Dinas", sekda.nip)
    >>> kabid = Pegawai("198001012005031003", "Kabid", "Kabid", J.ADMINISTRATOR, "Bidang", kadis.nip)
    >>> staf = Pegawai("199001012015031004", "Staf", "Staf", J.PELAKSANA, "Bidang", kabid.nip)
    >>> inside, outside = below([sekda, kadis, kabid, staf], [kadis.nip])
    >>> [p.nama for p in inside], [p.nama for p in outside]
    (['Kabid', 'Staf'], ['Sekda', 'Kadis'])
    """
    by = {p.nip: p for p in pegawai}
    tops = set(tops)
    known: dict[str, bool] = {}
    for p in pegawai:
        chain, nip, result = [], p.nip_atasan, False
        while nip and nip not in chain:
            if nip in tops:
                result = True
                break
            if nip in known:
                result = known[nip]
                break
            chain.append(nip)
            nip = by[nip].nip_atasan if nip in by else ""
        for n in chain:
            known[n] = result
        known.setdefault(p.nip, result) if p.nip not in tops else None
    inside = [p for p in pegawai if p.nip not in tops and known.get(p.nip, False)]
    taken = {p.nip for p in inside}
    return inside, [p for p in pegawai if p.nip not in taken]


def urutan(pegawai: Sequence[Pegawai]) -> list[Pegawai]:
    """Pegawai ordered superior first (stable within a level); the roster must pass :func:`check_roster`.

    Examples
    --------
    >>> from skpkit.model import JenisJabatan as J
    >>> b = Pegawai("2", "B", "Staf", J.PELAKSANA, "U", "1")
    >>> a = Pegawai("1", "A", "Kepala", J.ADMINISTRATOR, "U", "")
    >>> [p.nama for p in urutan([b, a])]
    ['A', 'B']
    """
    by_nip = {p.nip: p for p in pegawai}
    depth: dict[str, int] = {}

    def level(p: Pegawai) -> int:
        if p.nip not in depth:
            up = by_nip.get(p.nip_atasan)
            depth[p.nip] = 0 if up is None else level(up) + 1
        return depth[p.nip]

    order = {p.nip: i for i, p in enumerate(pegawai)}
    return sorted(pegawai, key=lambda p: (level(p), order[p.nip]))


def cascade(atasan_rhk: Sequence[RHK], bawahan: Sequence[Pegawai],
            matriks: Iterable[Peran]) -> dict[str, tuple[RHK, ...]]:
    """Each subordinate's draft RHK from the superior's RHK and the matriks peran hasil.

    Returns, for every pegawai of ``bawahan`` (in that order), its RHK with stable
    ids and ``intervensi`` set to the superior's RHK id; a pegawai the matriks does
    not name gets an empty tuple (they choose in the workbook).

    Raises
    ------
    InputError
        For a matriks entry naming an unknown pegawai or an unknown superior RHK.

    Examples
    --------
    >>> from skpkit.model import JenisJabatan as J
    >>> top = [RHK("R1", "Meningkatnya kualitas layanan")]
    >>> staf = [Pegawai("199001012015031001", "Ani", "Analis", J.PELAKSANA, "U", "x")]
    >>> out = cascade(top, staf, [Peran("199001012015031001", "R1")])
    >>> [(r.teks, r.intervensi) for r in out["199001012015031001"]]
    [('Meningkatnya kualitas layanan', 'R1')]
    """
    by_id = {r.id: r for r in atasan_rhk}
    result: dict[str, list[RHK]] = {p.nip: [] for p in bawahan}
    ordinal: defaultdict[tuple[str, str], int] = defaultdict(int)
    for peran in matriks:
        if peran.nip not in result:
            raise InputError(_("matriks peran hasil menyebut NIP {nip} yang bukan bawahan").format(nip=peran.nip),
                             _("periksa NIP pada matriks peran hasil"))
        sumber = by_id.get(peran.rhk_atasan)
        if sumber is None:
            raise InputError(_("matriks peran hasil menyebut RHK atasan {rhk_atasan!r} yang tidak ada").format(
                                 rhk_atasan=peran.rhk_atasan),
                             _("pilih RHK atasan dari daftar"))
        ordinal[(peran.nip, peran.rhk_atasan)] += 1
        rid = stable_id("R", peran.nip, peran.rhk_atasan, ordinal[(peran.nip, peran.rhk_atasan)])
        indikator = tuple(replace(ind, id=f"{rid}.{j}") for j, ind in enumerate(peran.indikator, 1))
        result[peran.nip].append(RHK(rid, peran.teks or sumber.teks, peran.jenis, sumber.id, indikator))
    return {nip: tuple(rs) for nip, rs in result.items()}
