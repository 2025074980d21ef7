"""A database server (PostgreSQL) as a person names it: host, port, database, user.

The password is never remembered: what goes to the settings, the recent list or the screen is
the URL without it (issue 16: "never stored in plain text"); it lives in the memory of the
running app only, and is asked for again at the next start.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
DEFAULT_DATABASE = "talentdesk"


def _default_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container)
        return ""


@dataclass(frozen=True)
class ServerAddress:
    """Where a shared database lives; the password is separate and never part of it."""

    host: str = "localhost"
    port: int = DEFAULT_PORT
    database: str = DEFAULT_DATABASE
    user: str = ""

    @classmethod
    def default(cls) -> ServerAddress:
        return cls(user=_default_user())

    @classmethod
    def from_target(cls, target: str) -> ServerAddress | None:
        """The address inside a PostgreSQL URL; None for a file or anything else."""
        url = _parse(target)
        if url is None or url.get_backend_name() != "postgresql":
            return None
        return cls(
            host=url.host or "localhost",
            port=url.port or DEFAULT_PORT,
            database=url.database or DEFAULT_DATABASE,
            user=url.username or "",
        )

    def url(self, password: str | None = None) -> str:
        """The URL to connect with (with ``password`` when given: keep it in memory only)."""
        return URL.create(
            DRIVER,
            username=self.user or None,
            password=password or None,
            host=self.host,
            port=self.port,
            database=self.database,
        ).render_as_string(hide_password=False)


def _parse(target: str) -> URL | None:
    if "://" not in target:
        return None
    try:
        return make_url(target)
    except ArgumentError:
        return None


def without_password(target: str) -> str:
    """``target`` as it may be remembered: a URL loses its password, a file path stays."""
    url = _parse(target)
    if url is None or url.password is None:
        return target
    # URL.set(password=None) keeps the old password: build the URL again without it.
    return URL.create(
        url.drivername,
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=url.query,
    ).render_as_string(hide_password=False)


def with_password(target: str, password: str) -> str:
    url = _parse(target)
    if url is None:
        return target
    return url.set(password=password).render_as_string(hide_password=False)


def has_password(target: str) -> bool:
    url = _parse(target)
    return url is not None and bool(url.password)


def is_server(target: str) -> bool:
    """True for a database on a server (the connect dialog's kind of target)."""
    url = _parse(target)
    return url is not None and url.get_backend_name() != "sqlite"
