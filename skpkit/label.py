"""Labelled enums: a ``str`` enum whose value is the label users see, parsed tolerantly.

``parse`` accepts the label in any case and spacing, the listed synonyms, and the numeric codes the
national systems write (SIASN's rating 1-3, kuadran 1-5, periodik 1-2); :meth:`Label.accepted` lists
every accepted spelling, which the workbook's spelling table is written from.
"""

from __future__ import annotations

import math
import numbers
import re
from enum import Enum
from typing import Mapping

from skpkit.errors import InputError

__all__ = ["Label", "normalise_label"]

_SPACES = re.compile(r"[\s_]+")


def normalise_label(text: str) -> str:
    """Fold case, spacing, underscores and dashes so labels compare tolerantly.

    Examples
    --------
    >>> normalise_label("  Sesuai   EKSPEKTASI ")
    'sesuai ekspektasi'
    >>> normalise_label("rata_rata")
    'rata rata'
    """
    return _SPACES.sub(" ", str(text).replace("-", " ")).strip().casefold()


def _as_cell_text(x: numbers.Real) -> str:
    """A number as a spreadsheet's TRIM shows it (15 significant digits).

    Examples
    --------
    >>> _as_cell_text(4.0), _as_cell_text(2.5), _as_cell_text(1e20)
    ('4', '2.5', '1E+20')
    """
    return f"{float(x):.15G}"


class Label(str, Enum):
    """A str enum whose value is its Indonesian label, parsed tolerantly."""

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def synonyms(cls) -> Mapping[str, str]:
        """Extra accepted spellings (normalised text -> member name)."""
        return {}

    @classmethod
    def codes(cls) -> Mapping[int, str]:
        """Numeric codes the national systems write (code -> member name); e.g. SIASN's rating 1-3."""
        return {}

    @classmethod
    def lookup(cls) -> dict[str, "Label"]:
        table = cls.__dict__.get("_lookup_cache")
        if table is None:
            table = {normalise_label(m.value): m for m in cls}
            table.update({normalise_label(m.name): m for m in cls})
            table.update({k: cls[v] for k, v in cls.synonyms().items()})
            table.update({str(k): cls[v] for k, v in cls.codes().items()})
            table.update({m.value: m for m in cls})  # exact labels, looked up before folding
            setattr(cls, "_lookup_cache", table)
        return table

    @classmethod
    def parse(cls, text: "str | Label"):
        """Return the member for ``text`` or raise :class:`InputError`.

        Examples
        --------
        >>> from skpkit.model import Rating
        >>> Rating.parse("sesuai  ekspektasi")
        <Rating.SESUAI: 'Sesuai Ekspektasi'>
        """
        if isinstance(text, cls):
            return text
        member = cls.lookup().get(text) if isinstance(text, str) else None
        if member is not None:  # the exact label (most cells): no folding
            return member
        if text is None or isinstance(text, str) and not text.strip():
            raise InputError(f"{cls.kind()} kosong", cls.hint())
        if not isinstance(text, str):
            member = cls._by_code(text)
            if member is None:
                if isinstance(text, numbers.Real) and not isinstance(text, bool):
                    # as the workbook's formula names it: TRIM of the number
                    raise InputError(f"{cls.kind()} tidak dikenal: '{_as_cell_text(text)}'", cls.hint())
                raise InputError(f"{cls.kind()} bukan teks: {text!r}", cls.hint())
            return member
        member = cls.lookup().get(normalise_label(text))
        if member is None:
            raise InputError(f"{cls.kind()} tidak dikenal: {text.strip()!r}", cls.hint())
        return member

    @classmethod
    def _by_code(cls, value) -> "Label | None":
        """The member of a numeric code (an int, or a float with no fraction, as a cell holds it)."""
        if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
            return None
        if value != int(value):
            return None
        name = cls.codes().get(int(value))
        return cls[name] if name else None

    @classmethod
    def accepted(cls) -> list[tuple[str, "Label"]]:
        """Every accepted spelling, folded by :func:`normalise_label`, with its member; in member order.

        The workbook's spelling table is written from this list, so a cell and the Python rules accept
        the same texts.

        Examples
        --------
        >>> from skpkit.model import Rating
        >>> [s for s, m in Rating.accepted() if m is Rating.SESUAI][:3]
        ['sesuai ekspektasi', 'sesuai', 'sesuai espektasi']
        """
        seen: dict[str, Label] = {}
        for key, member in cls.lookup().items():
            folded = normalise_label(key)
            seen.setdefault(folded, member)
        return sorted(seen.items(), key=lambda kv: kv[1].code)

    @property
    def kode(self) -> int | None:
        """The national systems' numeric code of this member (SIASN), ``None`` where there is none.

        Examples
        --------
        >>> from skpkit.model import Predikat, Rating
        >>> Rating.DI_BAWAH.kode, Predikat.BAIK.kode
        (3, 2)
        """
        return next((k for k, v in type(self).codes().items() if v == self.name), None)

    @classmethod
    def kind(cls) -> str:
        return cls.__name__.lower()

    @classmethod
    def hint(cls) -> str:
        return "pilih salah satu: " + ", ".join(m.value for m in cls)

    @property
    def code(self) -> int:
        """Position in declaration order (best first where the enum is ordered)."""
        return type(self)._member_names_.index(self.name)
