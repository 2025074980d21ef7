"""CLI test fixtures: no test may ever reach the user's real database."""

from __future__ import annotations

import shutil
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


@pytest.fixture(scope="session")
def fuzz_template(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fuzz tests' database (a few members, one small past event), built once per run."""
    from tests.cli._fuzz import build_fuzz_database

    path = tmp_path_factory.mktemp("fuzz-template") / "fuzz.sqlite"
    shutil.copyfile(template_db, path)
    build_fuzz_database(path)
    return path


@pytest.fixture()
def fuzz_db(fuzz_template: Path, tmp_path: Path) -> Path:
    """A copy of the fuzz tests' database, for the regression tests of what they found."""
    path = tmp_path / "fuzz.sqlite"
    shutil.copyfile(fuzz_template, path)
    path.chmod(0o600)  # as TalentDesk creates it
    return path
