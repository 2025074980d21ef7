"""Translation of the text below the UI: service messages, enum labels, operation names.

The source text is Spanish (the office's language, and what the CLI prints by default); English
comes from a gettext catalogue shipped in the package (``resources/locale``). The GUI calls
:func:`set_language` with the person's choice at start-up; the CLI follows ``TALENTDESK_LANG``
(``es`` or ``en``). Plurals use real plural forms (:func:`ngettext`), never "miembro(s)".

Write messages as ``_("No existe el miembro con id {id}.").format(id=member_id)`` — the
placeholder stays inside the translatable text so a translator sees the whole sentence.

Documents for Mexican institutions (everything under ``exports``) stay Spanish whatever the UI
speaks: they render inside :func:`spanish`, which switches the current thread (context) only, so
the GUI thread keeps its language while a worker writes a PDF.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from importlib import resources

DOMAIN = "talentdesk"
LANGUAGES = ("es", "en")

_SOURCE = gettext.NullTranslations()
_current: gettext.NullTranslations = _SOURCE
_language = "es"
_override: ContextVar[gettext.NullTranslations | None] = ContextVar("talentdesk_translations", default=None)


def locale_dir() -> str:
    return str(resources.files("talentdesk.resources") / "locale")


def set_language(language: str) -> None:
    """``es`` shows the source text; any other supported language loads its catalogue."""
    global _current, _language
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    _language = language
    if language == "es":
        _current = _SOURCE
    else:
        _current = gettext.translation(DOMAIN, locale_dir(), languages=[language])


def language() -> str:
    """The language text is produced in here and now (``es`` inside :func:`spanish`)."""
    return "es" if _override.get() is not None else _language


def _translations() -> gettext.NullTranslations:
    override = _override.get()
    return _current if override is None else override


def _(message: str) -> str:
    return _translations().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations().ngettext(singular, plural, n)


@contextmanager
def spanish() -> Iterator[None]:
    """Within the block (this thread only) every message and label is the Spanish source:
    exported documents go to Mexican institutions, whatever language the person works in."""
    token = _override.set(_SOURCE)
    try:
        yield
    finally:
        _override.reset(token)


def N_(message: str) -> str:
    """Marks text for the catalogue where it is written; translated later with ``_()``."""
    return message


def from_environment() -> None:
    """The CLI's language: ``TALENTDESK_LANG=en`` for English, Spanish otherwise."""
    wanted = os.environ.get("TALENTDESK_LANG", "es").strip().lower()[:2]
    set_language(wanted if wanted in LANGUAGES else "es")
