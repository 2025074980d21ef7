"""The gettext catalogue below the UI: every message in the code has its English, and the
compiled catalogue the app loads says the same as the one translators edit."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from talentdesk.core import i18n

ROOT = Path(__file__).resolve().parents[2] / "talentdesk"
PO = ROOT / "resources" / "locale" / "en" / "LC_MESSAGES" / "talentdesk.po"
KEYWORDS = {"_": None, "ngettext": (1, 2), "N_": None}


def _code_messages() -> set[str | tuple[str, ...]]:
    found: set[str | tuple[str, ...]] = set()
    for _file, _line, message, _comments, _ctx in extract_from_dir(
        str(ROOT), keywords=KEYWORDS, callback=None, directory_filter=lambda d: Path(d).name != "ui"
    ):
        found.add(tuple(message) if isinstance(message, tuple) else message)
    return found


def _catalog() -> dict[str | tuple[str, ...], str | tuple[str, ...]]:
    with PO.open("rb") as fh:
        catalog = read_po(fh)
    out: dict[str | tuple[str, ...], str | tuple[str, ...]] = {}
    for m in catalog:
        if m.id:
            key = tuple(m.id) if isinstance(m.id, (list, tuple)) else m.id
            out[key] = tuple(m.string) if isinstance(m.string, (list, tuple)) else m.string
    return out


def test_every_message_in_the_code_has_an_english_translation() -> None:
    catalog = _catalog()
    missing = [m for m in _code_messages() if not catalog.get(m) or not all(catalog[m])]
    assert not missing, f"run scripts/update-translations and translate: {sorted(map(str, missing))[:20]}"


def test_compiled_catalogue_matches_the_translations() -> None:
    compiled = gettext.translation(i18n.DOMAIN, i18n.locale_dir(), languages=["en"])
    for msgid, msgstr in _catalog().items():
        if isinstance(msgid, tuple):
            assert isinstance(msgstr, tuple)
            assert compiled.ngettext(msgid[0], msgid[1], 1) == msgstr[0]
            assert compiled.ngettext(msgid[0], msgid[1], 2) == msgstr[1]
        else:
            assert compiled.gettext(msgid) == msgstr, "run scripts/update-translations to compile"


@pytest.fixture()
def english() -> object:
    i18n.set_language("en")
    yield
    i18n.set_language("es")


def test_plural_forms_are_real(english: object) -> None:
    assert i18n.ngettext("{n} miembro eliminado.", "{n} miembros eliminados.", 1) == "{n} member deleted."
    assert i18n.ngettext("{n} miembro eliminado.", "{n} miembros eliminados.", 3) == "{n} members deleted."
    i18n.set_language("es")
    assert i18n.ngettext("{n} miembro eliminado.", "{n} miembros eliminados.", 1) == "{n} miembro eliminado."
