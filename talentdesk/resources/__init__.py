"""Files shipped with TalentDesk: the font, the icon and the compiled translations.

Qt-free on purpose: the PDF exports embed the same TrueType font as the GUI shows, so they need
its path without loading PySide6.
"""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent
FONTS_DIR = RESOURCES_DIR / "fonts"
ICONS_DIR = RESOURCES_DIR / "icons"
I18N_DIR = RESOURCES_DIR / "i18n"

FONT_FAMILY = "DejaVu Sans"
"""The family name inside the shipped TTF files (what Qt and ReportLab see)."""

_FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}


def font_path(bold: bool = False) -> Path:
    """The shipped DejaVu Sans TrueType file (regular or bold)."""
    return FONTS_DIR / _FONT_FILES[bold]


def font_license_path() -> Path:
    return FONTS_DIR / "LICENSE-DejaVu.txt"


def icon_path() -> Path:
    """The application icon (SVG)."""
    return ICONS_DIR / "talentdesk.svg"


def translation_path(language: str) -> Path:
    """The compiled Qt translation (.qm) of the UI for ``language`` ('es'); may not exist."""
    return I18N_DIR / f"talentdesk_{language}.qm"
