"""Layering: nothing outside talentdesk.ui (core, db, services, exports, imports, CLI) imports Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


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
    assert {"talentdesk.cli", "talentdesk.exports.badges", "talentdesk.imports.plan"} <= set(names)
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


# The static contracts (pyproject.toml [tool.importlinter], run by scripts/run-tests) see lazy
# imports inside functions too; the check above sees what really loads. Below: the contracts
# themselves fail when the rule is broken, on a throwaway package named like ours.

ROOT = Path(__file__).resolve().parents[2]

#: The smallest tree that keeps every contract of pyproject.toml: one module per layer and the
#: CLI's one way into the window.
CLEAN_TREE = {
    "__init__.py": "",
    "__main__.py": "import talentdesk.cli\n",
    "cli/__init__.py": "import talentdesk.cli.db\ndef main():\n    from talentdesk.ui import app\n",
    **{
        f"cli/{name}.py": "import talentdesk.cli.args\nimport talentdesk.ops\n"
        for name in (
            "db",
            "demo",
            "events",
            "export",
            "exports_log",
            "imports",
            "lists",
            "members",
            "programs",
        )
    },
    "cli/args.py": "import talentdesk.cli.common\n",
    "cli/common.py": "import talentdesk.services.x\n",
    "cli/terminal.py": "import talentdesk.core.z\n",
    "ui/__init__.py": "",
    "ui/app.py": "import PySide6\nimport talentdesk.ops\n",
    "ops/__init__.py": "import talentdesk.exports.files\nimport talentdesk.imports.reading\n",
    "exports/__init__.py": "",
    "exports/files.py": "import talentdesk.services.x\nimport talentdesk.resources\n",
    "imports/__init__.py": "",
    "imports/reading.py": "import talentdesk.services.x\n",
    "services/__init__.py": "",
    "services/x.py": "import talentdesk.db.y\n",
    "db/__init__.py": "",
    "db/y.py": "import talentdesk.core.z\n",
    "core/__init__.py": "",
    "core/z.py": "",
    "resources/__init__.py": "",
}


def lint(tmp_path: Path, tree: dict[str, str], contract: str) -> subprocess.CompletedProcess[str]:
    for name, text in tree.items():
        path = tmp_path / "src" / "talentdesk" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return subprocess.run(
        [
            str(Path(sys.executable).with_name("lint-imports")),
            "--no-logo",
            "--no-cache",
            "--contract",
            contract,
            str(ROOT / "pyproject.toml"),
        ],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path / "src")},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("contract", ["layers", "cli", "no-qt-below-ui"])
def test_a_clean_tree_keeps_the_contract(tmp_path: Path, contract: str) -> None:
    result = lint(tmp_path, CLEAN_TREE, contract)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("contract", "change", "message"),
    [
        # imports/report.py wrote its spreadsheet with the exports' writer (now ops/import_report.py)
        (
            "layers",
            {"imports/report.py": "import talentdesk.exports.files\n"},
            "talentdesk.imports is not allowed to import talentdesk.exports",
        ),
        (
            "layers",
            {"db/z.py": "def f():\n    import talentdesk.services.x\n"},
            "talentdesk.db is not allowed to import talentdesk.services",
        ),
        (
            "layers",
            {"ui/w.py": "import talentdesk.cli\n"},
            "talentdesk.ui is not allowed to import talentdesk.cli",
        ),
        ("layers", {"helpers.py": ""}, "talentdesk.helpers"),  # every top-level module is placed
        # cli_programs borrowed the CLI's private helpers: command modules share only args/common
        (
            "cli",
            {"cli/programs.py": "import talentdesk.cli.members\n"},
            "talentdesk.cli.programs is not allowed to import talentdesk.cli.members",
        ),
        (
            "cli",
            {"cli/common.py": "def f():\n    import talentdesk.cli.export\n"},
            "talentdesk.cli.common is not allowed to import talentdesk.cli.export",
        ),
        ("cli", {"cli/helpers.py": ""}, "talentdesk.cli.helpers"),  # every CLI module is placed
        (
            "no-qt-below-ui",
            {"services/q.py": "def f():\n    from PySide6 import QtCore\n"},
            "talentdesk.services is not allowed to import PySide6",
        ),
        (
            "no-qt-below-ui",
            {
                "cli/__init__.py": "def main():\n    from talentdesk.ui import app, w\n",
                "ui/w.py": "import PySide6\n",
            },
            "talentdesk.cli is not allowed to import PySide6",
        ),
    ],
)
def test_a_broken_rule_breaks_the_contract(
    tmp_path: Path, contract: str, change: dict[str, str], message: str
) -> None:
    result = lint(tmp_path, {**CLEAN_TREE, **change}, contract)
    assert result.returncode == 1, result.stdout + result.stderr
    assert message in result.stdout
