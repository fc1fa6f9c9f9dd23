"""Keep the message catalogs in step with the source (Babel): extract, update, check.

    python scripts/catalogs.py update   # extract skpkit's and click's messages; merge them into the .po files
    python scripts/catalogs.py check    # exit 1 if a message is new, gone, untranslated or fuzzy
    python scripts/catalogs.py compile  # the .mo files gettext reads (the build does this: setup.py)

``skpkit/locale/en/LC_MESSAGES/skpkit.po`` turns skpkit's messages (written in Bahasa Indonesia) into English;
``skpkit/locale/id/LC_MESSAGES/skpkit.po`` turns click's own messages (written in English) into Bahasa
Indonesia. A translator edits the ``msgstr`` lines; the build compiles both (``setup.py``). The check runs in
the test suite (``tests/test_i18n.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "skpkit" / "locale"
#: the folders whose user-facing messages are skpkit's (the installed package's sources)
SOURCES = ("skpkit", "generator", "addin")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
#: click's messages that it translates from a variable (``_(extra["required"])``), which extraction cannot see
CLICK_DYNAMIC = ("required",)


def _catalog(locale: str) -> Catalog:
    return Catalog(locale=locale, domain="skpkit", project="skpkit", charset="utf-8",
                   msgid_bugs_address="", copyright_holder="skpkit")


def extract_skpkit() -> Catalog:
    """Every message of skpkit's sources, with where it is used."""
    out = _catalog("en")
    for folder in SOURCES:
        for filename, lineno, message, comments, context in extract_from_dir(
                ROOT / folder, keywords=KEYWORDS, directory_filter=lambda d: "__pycache__" not in d):
            out.add(message, locations=[(f"{folder}/{filename}", lineno)], auto_comments=comments, context=context)
    return out


def extract_click() -> Catalog:
    """Every message of the installed click (its usage errors and help headings)."""
    import click

    out = _catalog("id")
    root = Path(click.__file__).parent
    for filename, lineno, message, comments, context in extract_from_dir(root, keywords=dict(
            KEYWORDS, gettext=None)):
        out.add(message, locations=[(f"click/{filename}", lineno)], context=context)
    for message in CLICK_DYNAMIC:
        out.add(message, locations=[("click/core.py", 0)])
    return out


def po_path(locale: str) -> Path:
    return LOCALE / locale / "LC_MESSAGES" / "skpkit.po"


def _read(locale: str) -> Catalog:
    path = po_path(locale)
    if not path.exists():
        return _catalog(locale)
    with path.open("rb") as f:
        return read_po(f, locale=locale)


def _template(locale: str) -> Catalog:
    return extract_skpkit() if locale == "en" else extract_click()


def update() -> None:
    """Merge the messages found now into each .po (new ones empty, gone ones dropped)."""
    for locale in ("en", "id"):
        catalog = _read(locale)
        catalog.update(_template(locale), no_fuzzy_matching=True)
        catalog.obsolete.clear()
        path = po_path(locale)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as f:
            write_po(f, catalog, width=110, omit_header=False, sort_output=False, include_previous=False)


def problems() -> list[str]:
    """What is out of step: a message not in its catalog, one the source no longer has, one untranslated,
    or one a merge marked fuzzy."""
    out = []
    for locale in ("en", "id"):
        catalog, template = _read(locale), _template(locale)
        have = {m.id for m in catalog if m.id}
        want = {m.id for m in template if m.id}
        out += [f"{locale}: not in the catalog: {m!r}" for m in sorted(want - have, key=str)]
        out += [f"{locale}: gone from the source: {m!r}" for m in sorted(have - want, key=str)]
        for m in catalog:
            if not m.id:
                continue
            strings = m.string if isinstance(m.string, tuple) else (m.string,)
            if not all(strings):
                out.append(f"{locale}: untranslated: {m.id!r}")
            if m.fuzzy:
                out.append(f"{locale}: fuzzy: {m.id!r}")
    return out


def compile_all(locale_dir: Path = LOCALE) -> list[Path]:
    """Write ``skpkit.mo`` beside each ``skpkit.po`` under ``locale_dir``; return the files written."""
    written = []
    for po in sorted(locale_dir.glob("*/LC_MESSAGES/skpkit.po")):
        with po.open("rb") as f:
            catalog = read_po(f, locale=po.parent.parent.name)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as f:
            write_mo(f, catalog, use_fuzzy=False)
        written.append(mo)
    return written


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        update()
        return 0
    if argv[:1] == ["compile"]:
        print("\n".join(map(str, compile_all())))
        return 0
    if argv[:1] == ["check"]:
        found = problems()
        print("\n".join(found) or "catalogs complete")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
