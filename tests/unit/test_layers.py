"""Layering: the core, db, services and CLI never import Qt."""

from __future__ import annotations

import subprocess
import sys

MODULES = [
    "talentdesk.core.models",
    "talentdesk.db.session",
    "talentdesk.services.search",
    "talentdesk.services.demo",
    "talentdesk.cli",
]


def test_non_gui_modules_do_not_import_pyside6() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print('OK' if not qt else 'QT ' + ' '.join(qt))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "OK"


def test_the_check_itself_can_fail() -> None:
    code = "import PySide6, sys; print(any(m.startswith('PySide6') for m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.stdout.strip() == "True"
