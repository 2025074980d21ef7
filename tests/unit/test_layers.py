"""Layering: nothing outside talentdesk.ui (core, db, services, exports, imports, CLI) imports Qt."""

from __future__ import annotations

import subprocess
import sys


def non_gui_modules() -> list[str]:
    """Every module of the package but the GUI (and migration scripts, which Alembic loads)."""
    import pkgutil

    import talentdesk

    return [
        m.name
        for m in pkgutil.walk_packages(talentdesk.__path__, "talentdesk.")
        if not m.name.startswith(("talentdesk.ui", "talentdesk.db.migrations", "talentdesk.__main__"))
    ]


def test_the_walk_finds_the_layers() -> None:
    names = non_gui_modules()
    assert {"talentdesk.cli", "talentdesk.exports.badges", "talentdesk.imports.members"} <= set(names)
    assert len(names) > 50


def test_non_gui_modules_do_not_import_pyside6() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {non_gui_modules()!r}:\n"
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
