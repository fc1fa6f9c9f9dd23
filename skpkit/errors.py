"""The one error type the domain raises for input a user can correct, and the marker its cell shows."""

from __future__ import annotations

#: what begins every cell, rekap value and UDF result that carries a reason instead of a value
MARK = "#SKP!"


class InputError(ValueError):
    """Input a user can correct: a target of 0, an unknown rating text, a NIP as number.

    Parameters
    ----------
    reason : str
        Short reason in the words shown inside a workbook cell (``"target 0"``).
    hint : str, optional
        What the user should do about it; appended to ``str(error)``.

    Examples
    --------
    >>> e = InputError("target 0", "isi target lebih dari 0")
    >>> e.reason
    'target 0'
    >>> str(e)
    'target 0: isi target lebih dari 0'
    """

    def __init__(self, reason: str, hint: str = "") -> None:
        self.reason = reason
        self.hint = hint
        super().__init__(f"{reason}: {hint}" if hint else reason)


class Invalid:
    """An error carried as a value by the array forms: one bad element, not a failed call.

    Examples
    --------
    >>> v = Invalid("target 0")
    >>> str(v)
    '#SKP! target 0'
    >>> v == Invalid("target 0")
    True
    """

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def __str__(self) -> str:
        return f"{MARK} {self.reason}"

    def __repr__(self) -> str:
        return f"Invalid({self.reason!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Invalid) and other.reason == self.reason

    def __hash__(self) -> int:
        return hash(("Invalid", self.reason))
