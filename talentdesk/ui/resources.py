"""The shipped font and icon, loaded into Qt (the file paths live in ``talentdesk.resources``)."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon, QPixmap

from talentdesk.resources import FONT_FAMILY, font_path, icon_path

log = logging.getLogger(__name__)

FONT_POINT_SIZE = 10

_loaded_family: str | None = None


def load_fonts() -> str | None:
    """Register the shipped DejaVu Sans (regular and bold) once; returns its family name."""
    global _loaded_family
    if _loaded_family is None:
        families: list[str] = []
        for bold in (False, True):
            font_id = QFontDatabase.addApplicationFont(str(font_path(bold)))
            if font_id < 0:
                log.warning("could not load font %s", font_path(bold))
                continue
            families += QFontDatabase.applicationFontFamilies(font_id)
        if families:
            _loaded_family = FONT_FAMILY if FONT_FAMILY in families else families[0]
    return _loaded_family


def app_font() -> QFont:
    """The application font: the shipped family at ~10 pt (the platform font if it failed)."""
    family = load_fonts()
    font = QFont(family) if family else QFont()
    font.setPointSize(FONT_POINT_SIZE)
    return font


def apply_app_font(app: QGuiApplication) -> QFont:
    font = app_font()
    app.setFont(font)
    return font


def app_icon() -> QIcon:
    return QIcon(str(icon_path()))


def app_pixmap(size: int = 64) -> QPixmap:
    return app_icon().pixmap(size, size)
