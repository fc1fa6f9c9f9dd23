"""Problems found in a user's file: where (file, sheet, cell), what, and what to do."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["Masalah", "UserError"]


@dataclass(frozen=True)
class Masalah:
    """One problem, as a line on the terminal and a row of the rekap's ``Masalah`` sheet."""

    file: str
    sheet: str = ""
    cell: str = ""
    what: str = ""
    todo: str = ""

    def __str__(self) -> str:
        where = ", ".join(x for x in (Path(self.file).name if self.file else "",
                                      f"sheet {self.sheet!r}" if self.sheet else "",
                                      f"sel {self.cell}" if self.cell else "") if x)
        tail = f" ({self.todo})" if self.todo else ""
        return f"{where}: {self.what}{tail}" if where else f"{self.what}{tail}"


class UserError(Exception):
    """Bad input the user can fix: the command prints one line and exits 1, writing nothing."""

    def __init__(self, masalah: Masalah) -> None:
        self.masalah = masalah
        super().__init__(str(masalah))
