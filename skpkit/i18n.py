"""The language of what a user reads: Bahasa Indonesia by default, English with ``SKP_LANG=en`` (or ``skp
--lang en``).

Messages are written in Bahasa Indonesia in the source and marked with :func:`_` (translated where they are
made; the command's help texts are made when the command module is imported, after the entry point has set
the language) or :func:`N_` (marked only, for texts translated later). The
gettext catalogs live in ``skpkit/locale``: ``en`` turns skpkit's messages into English and ``id`` turns
click's own messages (usage errors, "Usage:", "Options") into Bahasa Indonesia. Babel extracts the messages
(``scripts/catalogs.py``) and compiles the catalogs when the package is built.

Texts that are also cell values stay Indonesian in both languages: the ``#SKP!`` reasons of the rules and the
NIP checks are what the workbook's formulas and the add-in's functions show in a cell, and the workbook's
labels are the official forms' words.

Examples
--------
>>> from skpkit.i18n import _, use
>>> use("id"); _("berkas tidak ditemukan")
'berkas tidak ditemukan'
>>> use("en"); _("berkas tidak ditemukan") if has_catalog("en") else "file not found"
'file not found'
>>> use("id")
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path
from typing import Mapping, Sequence

__all__ = ["LANGUAGES", "DEFAULT", "_", "N_", "ngettext", "use", "language", "choose", "has_catalog"]

#: the languages a user can choose, the first the default
LANGUAGES = ("id", "en")
DEFAULT = LANGUAGES[0]
#: one gettext domain for skpkit's messages and click's
DOMAIN = "skpkit"
LOCALE = Path(__file__).with_name("locale")

_state: dict[str, object] = {"lang": DEFAULT, "tr": gettext.NullTranslations()}


def has_catalog(lang: str) -> bool:
    """Whether the compiled catalog of ``lang`` is installed (the build compiles it)."""
    return (LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()


def use(lang: str) -> None:
    """Make ``lang`` the language of messages from now on, in this process and the processes it starts.

    It also points Python's global gettext domain at skpkit's catalogs and sets ``LANGUAGE``, which is how
    click's own messages are translated (click calls ``gettext.gettext``); worker processes read
    ``SKP_LANG`` when they import this module.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"language {lang!r}: one of {', '.join(LANGUAGES)}")
    _state["lang"] = lang
    _state["tr"] = gettext.translation(DOMAIN, LOCALE, languages=[lang], fallback=True)
    os.environ["SKP_LANG"] = lang
    os.environ["LANGUAGE"] = lang
    gettext.bindtextdomain(DOMAIN, str(LOCALE))
    gettext.textdomain(DOMAIN)


def language() -> str:
    """The language in use (``"id"`` or ``"en"``)."""
    return str(_state["lang"])


def choose(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language a command line asks for: ``--lang X`` or ``--lang=X`` before the verb, else ``SKP_LANG``,
    else Bahasa Indonesia. An unknown value is left for the command's own option check.

    Examples
    --------
    >>> choose(["--lang", "en", "demo"], {}), choose(["demo"], {"SKP_LANG": "en"}), choose(["demo"], {})
    ('en', 'en', 'id')
    """
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg.partition("=")[2] \
            if arg.startswith("--lang=") else None
        if value in LANGUAGES:
            return value
    env = environ.get("SKP_LANG", "").strip().lower()
    return env if env in LANGUAGES else DEFAULT


def _(message: str) -> str:
    """``message`` (written in Bahasa Indonesia) in the language in use."""
    return _state["tr"].gettext(message)  # type: ignore[attr-defined]


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it yet (texts made at import)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message for ``n`` (Bahasa Indonesia has one form)."""
    return _state["tr"].ngettext(singular, plural, n)  # type: ignore[attr-defined]


if os.environ.get("SKP_LANG", "").strip().lower() in LANGUAGES[1:]:
    use(os.environ["SKP_LANG"].strip().lower())
