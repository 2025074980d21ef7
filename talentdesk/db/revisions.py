"""Is a database at the newest schema revision? Answered without importing Alembic (a third of
a second and 16 MB at start-up, issue 13): opening a current database, the usual case, needs no
more. Anything else (older, newer, empty, unreadable) goes through ``db/migrate.py``."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

#: Alembic's script directory (``db/migrate.py`` reads it from here too: one place to point).
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_DECLARATION = re.compile(r'^(down_revision|revision)(?:: [^=\n]+)? = (?:None|"([^"]+)")', re.MULTILINE)


def head_revision() -> str | None:
    """The one revision no migration builds on; None when the files do not say it plainly
    (then Alembic decides)."""
    return _head_in(MIGRATIONS_DIR / "versions")


@cache
def _head_in(versions: Path) -> str | None:
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in versions.glob("*.py"):
        found = {name: value for name, value in _DECLARATION.findall(path.read_text(encoding="utf-8"))}
        if "revision" not in found or "down_revision" not in found:
            return None
        revisions.add(found["revision"])
        if found["down_revision"]:
            parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def is_current(engine: Engine) -> bool:
    """The database says it is at the head revision. False whenever in doubt."""
    head = head_revision()
    if head is None:
        return False
    try:
        with engine.connect() as conn:
            stored = [row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))]
            conn.rollback()
    except SQLAlchemyError:
        return False
    return stored == [head]
