"""Is the file sound? ``PRAGMA quick_check`` and what to say when it is not.

quick_check reads every page (about 1.2 s for a 1,000,000-member file on this project's
machines, docs/benchmarks.md), so it is not run on the way to the first window: the GUI runs it
on its write thread right after opening (writes queue behind it, reads go on), the CLI before
any command that writes. A damaged file refuses writes, and the message names the newest backup
that still passes the same check.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from talentdesk.core.errors import DatabaseError
from talentdesk.db.engine import small_cache, sqlite_path
from talentdesk.db.errors import spanish_reason

_MAX_LINES = 20


class DamagedDatabaseError(DatabaseError):
    """The file failed quick_check: writing into it would spread the damage."""


def quick_check(engine: Engine) -> list[str]:
    """The problems quick_check finds (empty when sound); a server database is not checked."""
    if sqlite_path(engine) is None:
        return []
    try:
        with engine.connect() as conn, small_cache(conn):
            rows = conn.exec_driver_sql("PRAGMA quick_check").fetchall()
            conn.rollback()
    except (DBAPIError, sqlite3.DatabaseError) as exc:  # so damaged it cannot even be checked
        return [spanish_reason(exc)]
    result = [str(r[0]) for r in rows[:_MAX_LINES]]
    return [] if result == ["ok"] else result


def integrity_check(engine: Engine) -> list[str]:
    """The thorough check (indexes against tables too) for ``talentdesk db check``."""
    try:
        with engine.connect() as conn:
            rows = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
            conn.rollback()
    except (DBAPIError, sqlite3.DatabaseError) as exc:
        return [spanish_reason(exc)]
    result = [str(r[0]) for r in rows[:_MAX_LINES]]
    return [] if result == ["ok"] else result


def damage_error(engine: Engine) -> DamagedDatabaseError:
    """The Spanish refusal, offering the newest backup that still passes quick_check."""
    from talentdesk.db.backup import newest_good_backup

    db_file = sqlite_path(engine)
    where = f"«{db_file}» " if db_file else ""
    text = (
        f"La base de datos {where}está dañada (la verificación del archivo encontró problemas): "
        "no se guardan cambios en ella para no extender el daño."
    )
    good = newest_good_backup(db_file) if db_file else None
    if good is not None:
        members = f", {good.members:,} miembros" if good.members is not None else ""
        text += (
            f" La copia de seguridad más reciente en buen estado es «{good.path}» "
            f"({good.taken_at:%d/%m/%Y %H:%M}{members}); para restaurarla: "
            f"talentdesk db restore «{good.path}» (o Archivo → Restaurar…)."
        )
    else:
        text += " No hay copias de seguridad en buen estado junto a ella."
    return DamagedDatabaseError(text)


def verify(engine: Engine) -> None:
    """Raise DamagedDatabaseError when quick_check finds damage."""
    problems = quick_check(engine)
    if problems:
        raise damage_error(engine)
