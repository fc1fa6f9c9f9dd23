"""The superior's RHK offered to a pegawai as intervensi choices: ``id · text``, live or as issued."""

from __future__ import annotations

from skpkit.generator.isian import rhk_value
from skpkit.generator.plan import SheetPlan, WorkbookPlan

__all__ = ["CHOICE_SEP", "choice_label", "split_choice", "sheet_choice", "choice_ids", "intervensi_label"]

CHOICE_SEP = " · "


def choice_label(rhk_id: str, teks: str) -> str:
    """What an intervensi dropdown shows and stores: the stable id, then the text.

    Examples
    --------
    >>> choice_label("R-1a2b", "Meningkatnya layanan")
    'R-1a2b · Meningkatnya layanan'
    """
    return f"{rhk_id}{CHOICE_SEP}{teks}" if teks else rhk_id


def split_choice(text: str) -> tuple[str, str]:
    """(id, text) of a stored choice label; the id alone when there is no text.

    Examples
    --------
    >>> split_choice("R-1a2b · Meningkatnya layanan"), split_choice("R-1a2b")
    (('R-1a2b', 'Meningkatnya layanan'), ('R-1a2b', ''))
    """
    head, _, tail = text.partition(CHOICE_SEP)
    return head.strip(), tail


def sheet_choice(plan: WorkbookPlan, sheet_name: str, slot: int) -> tuple[str, str]:
    """(id, text) of RHK slot ``slot`` on the sheet ``sheet_name`` of ``plan``."""
    sup = next(x for x in plan.sheets if x.name == sheet_name)
    sl = sup.slots[slot]
    return sl.id, str(rhk_value(sup, sl, "rhk") or "")


def choice_ids(plan: WorkbookPlan, sp: SheetPlan) -> list[tuple[str, str]]:
    """The superior's RHK (id, text) offered to ``sp``: live from a sheet of ``plan``, or as issued."""
    if sp.choices_sheet:
        sup = next(x for x in plan.sheets if x.name == sp.choices_sheet)
        return [(sl.id, str(rhk_value(sup, sl, "rhk") or "")) for sl in sup.slots]
    return list(sp.choices)


def intervensi_label(plan: WorkbookPlan, sp: SheetPlan, rhk_id: str) -> str:
    """What the intervensi cell shows for ``rhk_id``: ``id · text`` when the superior's RHK is known."""
    if not rhk_id:
        return ""
    for cid, text in choice_ids(plan, sp):
        if cid == rhk_id:
            return choice_label(cid, text)
    return rhk_id
