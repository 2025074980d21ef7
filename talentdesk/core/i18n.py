"""Translation of the text below the UI: service messages, enum labels, operation names.

The source text is Spanish (the office's language, and what the CLI prints by default); English
comes from a gettext catalogue shipped in the package (``resources/locale``). The GUI calls
:func:`set_language` with the person's choice at start-up; the CLI follows ``TALENTDESK_LANG``
(``es`` or ``en``). Plurals use real plural forms (:func:`ngettext`), never "miembro(s)".

Write messages as ``_("No existe el miembro con id {id}.").format(id=member_id)`` — the
placeholder stays inside the translatable text so a translator sees the whole sentence.
"""

from __future__ import annotations

import gettext
import os
from importlib import resources

DOMAIN = "talentdesk"
LANGUAGES = ("es", "en")

_current: gettext.NullTranslations = gettext.NullTranslations()
_language = "es"


def locale_dir() -> str:
    return str(resources.files("talentdesk.resources") / "locale")


def set_language(language: str) -> None:
    """``es`` shows the source text; any other supported language loads its catalogue."""
    global _current, _language
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    _language = language
    if language == "es":
        _current = gettext.NullTranslations()
    else:
        _current = gettext.translation(DOMAIN, locale_dir(), languages=[language])


def language() -> str:
    return _language


def _(message: str) -> str:
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks text for the catalogue where it is written; translated later with ``_()``."""
    return message


def from_environment() -> None:
    """The CLI's language: ``TALENTDESK_LANG=en`` for English, Spanish otherwise."""
    wanted = os.environ.get("TALENTDESK_LANG", "es").strip().lower()[:2]
    set_language(wanted if wanted in LANGUAGES else "es")
