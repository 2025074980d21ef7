"""Database targets as the File menu sees them: a SQLite file path or a SQLAlchemy URL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from talentdesk.db.engine import to_url


def is_url(target: str) -> bool:
    return "://" in target


def normalize_target(target: str) -> str:
    """File paths become absolute (so the recent list has one entry per file); URLs stay."""
    if is_url(target):
        return target
    return str(Path(target).expanduser().resolve())


def target_file(target: str) -> Path | None:
    """The SQLite file behind ``target``, or None (another server, in memory, not a URL)."""
    try:
        url = make_url(to_url(target))
    except ArgumentError:
        return None
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def target_missing(target: str) -> bool:
    """True if ``target`` names a SQLite file that is not there (a server URL is never missing)."""
    path = target_file(target)
    return path is not None and not path.is_file()


def display_target(target: str) -> str:
    """How to show ``target`` to a person: the path, or the URL without its password."""
    if not is_url(target):
        return target
    try:
        return make_url(target).render_as_string(hide_password=True)
    except ArgumentError:
        return target
