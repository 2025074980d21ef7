"""UI languages: Spanish (es-MX) first, English second.

Source strings in ``self.tr()`` are English; ``talentdesk/resources/i18n/talentdesk_es.ts`` holds
the Spanish translations (edit it with ``pyside6-linguist`` or by hand, then run
``scripts/update-translations``). Spanish also loads Qt's own ``qtbase_es.qm`` so the standard
dialogs (message box buttons, file dialogs...) speak Spanish too.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from talentdesk.core import i18n as core_i18n
from talentdesk.resources import translation_path

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "es"
LANGUAGES: dict[str, str] = {"es": "Español", "en": "English"}
"""Code → the language's name in itself (shown as is, never translated)."""

_LOCALES = {
    "es": QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
}

_installed: list[QTranslator] = []


def normalize_language(language: str | None) -> str:
    """A supported language code; anything unknown falls back to Spanish."""
    code = (language or "").strip().lower().replace("-", "_").split("_")[0]
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def install_translations(app: QCoreApplication, language: str | None) -> str:
    """Install the translators for ``language`` (replacing any installed before); returns the
    language used. English is the source language: its file holds only the plural forms
    ("%n member(s)" → "1 member", "3 members")."""
    remove_translations(app)
    code = normalize_language(language)
    QLocale.setDefault(_LOCALES[code])
    core_i18n.set_language(code)  # services, operations and enum labels follow the same choice
    if code == "en":
        _install_ours(app, code)
        return code
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{code}", qt_dir):
        _install(app, qt)
    else:
        log.warning("missing Qt translation qtbase_%s in %s", code, qt_dir)
    # Installed last, so asked first: it also words some of Qt's texts the Mexican way
    # ("archivo", not "fichero") and fills what qtbase_es lacks (ui/qt_wording.py).
    _install_ours(app, code)
    return code


def _install_ours(app: QCoreApplication, code: str) -> None:
    ours = QTranslator(app)
    if ours.load(str(translation_path(code))):
        _install(app, ours)
    else:
        log.warning("missing UI translation %s", translation_path(code))


def prefer_mexican_dates() -> None:
    """Qt's file dialog writes dates in the *system* locale, which Qt reads once, when the
    application object is made: where the environment names no locale (C/POSIX, as under a bare
    X server) use Mexican Spanish dates rather than "7 12 2026". Call before QApplication."""
    if os.environ.get("LC_ALL"):
        return  # set on purpose: it overrides everything, leave it
    chosen = os.environ.get("LC_TIME") or os.environ.get("LANG") or ""
    if chosen.split(".")[0] in ("", "C", "POSIX"):
        os.environ["LC_TIME"] = "es_MX.UTF-8"


def remove_translations(app: QCoreApplication) -> None:
    """Back to the English source strings and the system locale (tests use it to clean up)."""
    while _installed:
        translator = _installed.pop()
        app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale.system())


def installed_translators() -> list[QTranslator]:
    return list(_installed)


def _install(app: QCoreApplication, translator: QTranslator) -> None:
    app.installTranslator(translator)
    _installed.append(translator)
