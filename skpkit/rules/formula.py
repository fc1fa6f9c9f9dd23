"""Pieces of formula text the rules' formula forms share: literals, nested IFs, the label fold, the marker.

A rule's formula form writes plain spreadsheet formulas that Excel 2010, WPS and LibreOffice compute
(IF, AND, OR, INDEX, MATCH, COUNTIF(S), SUMPRODUCT, IFERROR, MIN, MAX, SUM, AVERAGE, TRIM, SUBSTITUTE,
YEAR, MONTH, DAY); it refers to the workbook's defined names (``CapaianMaks``, ``DaftarArah``, ...).
"""

from __future__ import annotations

from typing import Sequence

from skpkit.errors import MARK

__all__ = ["ERR", "MARK", "text_literal", "nested_if", "fold", "unknown", "nonnum", "carries_reason"]

#: the marker as a reason's cell text begins with it
ERR = MARK + " "


def text_literal(text: str) -> str:
    """A string literal for a formula.

    Examples
    --------
    >>> print(text_literal('a"b'))
    "a""b"
    """
    return '"' + text.replace('"', '""') + '"'


def nested_if(cases: Sequence[tuple[str, str]], otherwise: str) -> str:
    """``IF(c1,v1,IF(c2,v2,...otherwise))``: the first case that holds gives the value.

    Examples
    --------
    >>> nested_if([("A1=1", '"x"')], '"y"')
    'IF(A1=1,"x","y")'
    """
    out = otherwise
    for cond, value in reversed(cases):
        out = f"IF({cond},{value},{out})"
    return out


def fold(ref: str) -> str:
    """The text of a cell folded as :func:`skpkit.label.normalise_label` folds it (dashes and underscores
    as spaces, runs of spaces as one); MATCH ignores case, as the fold does."""
    return f'TRIM(SUBSTITUTE(SUBSTITUTE({ref},"-"," "),"_"," "))'


def unknown(kind: str, ref: str) -> str:
    """The reason :meth:`skpkit.label.Label.parse` gives for an unknown text: ``<kind> tidak dikenal: '<text>'``."""
    return f"{text_literal(kind + ' tidak dikenal: ' + chr(39))}&TRIM({ref})&\"'\""


def nonnum(ref: str) -> str:
    """A filled cell that is not a number (text is never read as a number, RULES.md section 8)."""
    return f'AND({ref}<>"",NOT(ISNUMBER({ref})))'


def carries_reason(ref: str) -> str:
    """The cell shows a reason (``#SKP! ...``) instead of a value."""
    return f'LEFT({ref},{len(MARK)})="{MARK}"'
