"""CLI test fixtures: no test may ever reach the user's real database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli._support import Result, run_cli


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A test that forgets ``--db`` lands in a throw-away file, never in the user's data dir."""
    sentinel = tmp_path / "sentinel" / "env-default.sqlite"
    monkeypatch.setenv("TALENTDESK_DB", str(sentinel))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    return sentinel


@pytest.fixture()
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    def run(*args: object) -> Result:
        return run_cli(capsys, *(str(a) for a in args))

    return run
