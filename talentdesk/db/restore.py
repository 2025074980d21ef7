"""Restore a backup into the live SQLite file without losing anyone's committed work.

The order is the whole point (issue 10, item 1): take the write lock first, with a bounded
wait; then, under that lock, the safety copy of what is there now; then replace the content in
the same write transaction. While the lock is held no other process can commit, so everything
committed before is in the safety copy, and everything after sees the restored content.

The replacement is plain SQL in one transaction on the live file (drop every object, recreate
the backup's schema, copy its rows, then its indexes and triggers), not a page copy: the backup
API cannot write into a database its own connection holds locked, and replacing the file would
pull it from under other processes' open connections. A kill, a full disk or a cancel rolls
back to exactly the content before.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from talentdesk.core.errors import Cancelled, DatabaseError
from talentdesk.core.i18n import _
from talentdesk.core.jobs import check_abort
from talentdesk.core.models import utcnow
from talentdesk.core.user import current_user
from talentdesk.db.backup import (
    BackupKind,
    automatic_backup,
    check_restore_source,
    kind_of_path,
    require_file,
)
from talentdesk.db.engine import ro_uri
from talentdesk.db.errors import spanish_reason

#: Progress of a restore: (step done, steps, what is happening, in Spanish).
Progress = Callable[[int, int, str], None]
#: How long a restore waits for another process to finish writing before it refuses.
DEFAULT_WAIT_S = 10.0
_FTS5_SHADOWS = ("data", "idx", "content", "docsize", "config")


def _cancelled() -> str:
    """What a cancelled restore says (a ``core.errors.Cancelled``: calm, never an error box)."""
    return _("Restauración cancelada: la base de datos quedó como estaba.")


@dataclass(frozen=True)
class _Object:
    kind: str
    name: str
    sql: str


def restore_sqlite(
    engine: Engine,
    source_file: Path,
    *,
    wait: float = DEFAULT_WAIT_S,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> Path:
    """Replace the database's content with ``source_file``; returns the safety copy's path."""
    target = require_file(engine)
    source_file = source_file.expanduser().resolve()
    check_restore_source(source_file)
    report = progress or (lambda _d, _t, _s: None)
    con = sqlite3.connect(target, timeout=wait, isolation_level=None, uri=True)
    try:
        con.execute("PRAGMA foreign_keys=OFF")  # rows arrive table by table
        con.execute("ATTACH DATABASE ? AS src", (ro_uri(source_file),))
        report(0, 0, _("Esperando a que ningún otro proceso esté guardando…"))
        _lock(con, target, wait)
        try:
            _check_abort(abort)
            report(0, 0, _("Copia de seguridad de la base actual…"))
            safety = automatic_backup(engine, BackupKind.RESTORE, keep=source_file)
            assert safety is not None  # a SQLite file (require_file above)
            _check_abort(abort)
            if kind_of_path(safety) is BackupKind.DAMAGED:
                # Its damaged pages cannot even be dropped: copy the backup's pages over them.
                con.execute("ROLLBACK")
                report(0, 0, _("Restaurando sobre una base dañada…"))
                _page_copy(source_file, target, wait)
                con.execute("BEGIN IMMEDIATE")
            else:
                _replace(con, report, abort)
            _audit(con, source_file, safety)
            con.execute("COMMIT")
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
    except sqlite3.Error as exc:
        if abort is not None and abort.is_set():
            raise Cancelled(_cancelled()) from exc
        raise DatabaseError(
            _("No se pudo restaurar: {spanish_reason}. La base de datos quedó como estaba.").format(
                spanish_reason=spanish_reason(exc)
            )
        ) from exc
    finally:
        con.close()
    return safety


def _lock(con: sqlite3.Connection, target: Path, wait: float) -> None:
    try:
        con.execute("BEGIN IMMEDIATE")  # other writers wait; readers (and our safety copy) read on
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        raise DatabaseError(
            _(
                "La base de datos «{target}» está en uso por otro proceso que está guardando cambios (esperé {wait:g} s). No se restauró nada: intente de nuevo cuando termine."
            ).format(target=target, wait=wait)
        ) from exc


def _page_copy(source_file: Path, target: Path, wait: float) -> None:
    """The backup API, page by page, over a damaged file (it never reads the old pages).

    Only for a database that failed its check: between releasing our lock and the copy taking
    its own, another process could write, but TalentDesk refuses to write into a damaged file.
    """
    deadline = time.monotonic() + wait

    def give_up_when_busy_too_long(status: int, _remaining: int, _total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise DatabaseError(
                _(
                    "La base de datos «{target}» está en uso por otro proceso que está guardando cambios (esperé {wait:g} s). No se restauró nada: intente de nuevo cuando termine."
                ).format(target=target, wait=wait)
            )

    with (
        contextlib.closing(sqlite3.connect(ro_uri(source_file), uri=True)) as src,
        contextlib.closing(sqlite3.connect(target, timeout=wait)) as dst,
    ):
        src.backup(dst, progress=give_up_when_busy_too_long, sleep=0.05)


def _check_abort(abort: threading.Event | None) -> None:
    check_abort(abort, _cancelled())


def _objects(con: sqlite3.Connection, schema: str) -> list[_Object]:
    rows = con.execute(
        f"SELECT type, name, sql FROM {schema}.sqlite_master "
        "WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
    ).fetchall()
    return [_Object(kind, name, sql) for kind, name, sql in rows]


def _shadow_names(objects: list[_Object]) -> set[str]:
    """FTS5 keeps its index in shadow tables named after it; they come and go with it."""
    virtual = [o.name for o in objects if o.kind == "table" and o.sql.upper().startswith("CREATE VIRTUAL")]
    return {f"{v}_{suffix}" for v in virtual for suffix in _FTS5_SHADOWS}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _replace(con: sqlite3.Connection, report: Progress, abort: threading.Event | None) -> None:
    if abort is not None:
        con.set_progress_handler(lambda: int(abort.is_set()), 10_000)  # cancels a long statement
    old, new = _objects(con, "main"), _objects(con, "src")
    old_shadows, new_shadows = _shadow_names(old), _shadow_names(new)
    for obj in old:
        if obj.kind in ("view", "trigger"):
            con.execute(f"DROP {obj.kind.upper()} IF EXISTS main.{_quote(obj.name)}")
    for obj in old:
        if obj.kind == "table" and obj.name not in old_shadows:
            con.execute(f"DROP TABLE IF EXISTS main.{_quote(obj.name)}")
    tables = [o for o in new if o.kind == "table" and o.name not in new_shadows]
    for obj in tables:
        con.execute(obj.sql)  # unqualified names are created in main
    filled = [o.name for o in new if o.kind == "table" and not o.sql.upper().startswith("CREATE VIRTUAL")]
    steps = len(filled) + 2
    for n, name in enumerate(filled):
        _check_abort(abort)
        report(n, steps, f"Restaurando {name}…")
        if name in new_shadows:
            con.execute(f"DELETE FROM main.{_quote(name)}")  # the new index's empty rows
        con.execute(f"INSERT INTO main.{_quote(name)} SELECT * FROM src.{_quote(name)}")
    _copy_sequences(con)
    report(len(filled), steps, "Índices…")
    for obj in new:
        if obj.kind in ("index", "view", "trigger"):
            _check_abort(abort)
            con.execute(obj.sql)
    for pragma in ("user_version", "application_id"):
        value = int(con.execute(f"PRAGMA src.{pragma}").fetchone()[0])
        con.execute(f"PRAGMA main.{pragma}={value}")
    report(len(filled) + 1, steps, "Verificando…")
    result = [r[0] for r in con.execute("PRAGMA main.quick_check").fetchall()]
    if result != ["ok"]:
        raise DatabaseError(_("La base restaurada no pasó la verificación: se dejó la anterior."))
    report(steps, steps, "Listo.")
    con.set_progress_handler(None, 0)


def _audit(con: sqlite3.Connection, source_file: Path, safety: Path) -> None:
    """The restored database says it was restored, from what, and where the replaced one went."""
    con.execute(
        "INSERT INTO main.audit_log (at, user, entity, action, new_value) "
        "VALUES (?, ?, 'database', 'restore', ?)",
        (
            f"{utcnow():%Y-%m-%d %H:%M:%S.%f}",
            current_user(),
            f"restaurada desde {source_file}; la anterior quedó en {safety}",
        ),
    )


def _copy_sequences(con: sqlite3.Connection) -> None:
    has = "SELECT 1 FROM {}.sqlite_master WHERE name = 'sqlite_sequence'"
    if con.execute(has.format("main")).fetchone() is not None:
        con.execute("DELETE FROM main.sqlite_sequence")
        if con.execute(has.format("src")).fetchone() is not None:
            con.execute("INSERT INTO main.sqlite_sequence SELECT * FROM src.sqlite_sequence")
