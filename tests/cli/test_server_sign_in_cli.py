"""The CLI against a PostgreSQL server that asks for a password (issue 16)."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from sqlalchemy.engine import make_url

from talentdesk.db.servers import without_password
from tests.cli._support import Result
from tests.conftest import needs_pg

pytestmark = needs_pg


def _password(url: str) -> str:
    return str(make_url(url).password)


def test_without_a_terminal_the_refusal_says_how_to_give_the_password(
    cli: Callable[..., Result], pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    result = cli("--db", without_password(pg_url), "members", "search")
    assert result.code != 0
    assert "contraseña" in result.err and "PGPASSWORD" in result.err and "Traceback" not in result.err
    assert _password(pg_url) not in result.err + result.out


def test_pgpassword_in_the_environment_signs_in(
    cli: Callable[..., Result], pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGPASSWORD", _password(pg_url))
    result = cli("--db", without_password(pg_url), "members", "search", "--json")
    assert result.code == 0, result.err
    assert result.json() == {"total": 0, "items": []}


def test_at_a_terminal_the_password_is_asked_for(
    cli: Callable[..., Result], pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    typed = iter(["wrong", _password(pg_url)])
    prompts: list[str] = []

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    def getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(typed)

    monkeypatch.setattr("sys.stdin", Terminal(""))
    monkeypatch.setattr("getpass.getpass", getpass)
    result = cli("--db", without_password(pg_url), "members", "search", "--json")
    assert result.code == 0, result.err
    assert len(prompts) == 2 and "postgres" in prompts[0] and "127.0.0.1" in prompts[0]
    assert "contraseña" in result.err  # why it asked again
