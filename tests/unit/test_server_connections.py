"""Server addresses and what a refused or unreachable server says (issue 16)."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from talentdesk.core.errors import DatabaseError, SignInError
from talentdesk.db.servers import ServerAddress, has_password, is_server, with_password, without_password
from talentdesk.db.session import Database
from tests.conftest import needs_pg


def test_without_password_keeps_everything_but_the_password() -> None:
    url = "postgresql+psycopg://ana:s%40cr%3At@servidor.ime.local:5433/red?sslmode=require"
    stripped = without_password(url)
    parsed = make_url(stripped)
    assert parsed.password is None and "s%40cr" not in stripped and "s@cr:t" not in stripped
    assert (parsed.username, parsed.host, parsed.port, parsed.database) == (
        "ana",
        "servidor.ime.local",
        5433,
        "red",
    )
    assert parsed.query == {"sslmode": "require"}
    assert make_url(with_password(stripped, "s@cr:t")).password == "s@cr:t"
    assert has_password(url) and not has_password(stripped)


def test_files_are_not_servers_and_stay_as_they_are() -> None:
    assert without_password("/home/ana/talentdesk.sqlite") == "/home/ana/talentdesk.sqlite"
    assert not is_server("/home/ana/talentdesk.sqlite") and not is_server("sqlite:///x.sqlite")
    assert is_server("postgresql+psycopg://ana@servidor/red")
    assert ServerAddress.from_target("/home/ana/talentdesk.sqlite") is None
    assert ServerAddress.from_target("sqlite:///x.sqlite") is None


def test_an_address_round_trips_through_its_url() -> None:
    address = ServerAddress(host="10.0.0.5", port=6543, database="talentdesk_ime", user="luis")
    assert ServerAddress.from_target(address.url("pw")) == address
    assert make_url(address.url("pw")).password == "pw"
    assert make_url(address.url()).password is None
    assert ServerAddress.from_target("postgresql+psycopg://ana@servidor") == ServerAddress(
        host="servidor", user="ana"
    )


def _open_fails(url: str) -> DatabaseError:
    with pytest.raises(DatabaseError) as raised:
        Database.open(url)
    return raised.value


@needs_pg
def test_a_server_asking_for_a_password_is_a_sign_in_error(pg_url: str) -> None:
    missing = _open_fails(without_password(pg_url))
    wrong = _open_fails(with_password(pg_url, "not-the-password"))
    assert isinstance(missing, SignInError) and isinstance(wrong, SignInError)
    assert "contraseña" in missing.message and "contraseña" in wrong.message
    assert missing.message != wrong.message


@needs_pg
def test_a_missing_database_or_server_says_so_in_spanish(pg_url: str) -> None:
    url = make_url(pg_url)
    no_database = _open_fails(url.set(database="no_such_db").render_as_string(hide_password=False))
    assert not isinstance(no_database, SignInError)
    assert "«no_such_db» no existe en el servidor" in no_database.message
    unknown_host = _open_fails(url.set(host="no-such-host.invalid").render_as_string(hide_password=False))
    assert "No se encuentra el servidor" in unknown_host.message
    refused = _open_fails(url.set(port=1).render_as_string(hide_password=False))
    assert "No se puede conectar con el servidor" in refused.message
