"""Shipped files: the font (also for PDF exports, so reachable without Qt), its licence, the icon."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET

from talentdesk.resources import FONT_FAMILY, font_license_path, font_path, icon_path


def test_font_files_are_truetype_with_their_licence() -> None:
    for bold in (False, True):
        path = font_path(bold)
        assert path.is_file(), path
        assert path.suffix == ".ttf"
        assert path.read_bytes()[:4] == b"\x00\x01\x00\x00"  # TrueType outlines
    assert font_path(True) != font_path(False)
    licence = font_license_path().read_text(encoding="utf-8")
    assert "Bitstream" in licence and "DejaVu" in licence


def test_font_family_name_is_inside_the_file() -> None:
    # The 'name' table stores the family in UTF-16BE for the Windows platform entries.
    assert FONT_FAMILY.encode("utf-16-be") in font_path().read_bytes()


def test_icon_is_an_svg() -> None:
    root = ET.parse(icon_path()).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"


def test_resource_paths_do_not_import_qt() -> None:
    code = (
        "import sys\n"
        "from talentdesk.resources import font_path\n"
        "assert font_path().is_file()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
