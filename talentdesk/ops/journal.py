"""The row journal: every row an operation really touched, and how to put it back.

An operation's inverse is not written by hand. While the operation runs, triggers record each
inserted, updated and deleted row of every journaled table — including the rows that foreign-key
cascades delete and the columns ``ON DELETE SET NULL`` clears, which the ORM never sees. Undo
applies those records backwards; the journal of the undo itself is the redo.

Applying checks the database still holds what the operation left (a later edit, another
workstation's change): if a row differs, or undoing would touch a row the operation never
touched (a cascade onto a row created since), nothing is applied and a ``ConflictError`` says
which record blocks it.

SQLite: temporary triggers on the writing connection copy the row images, with their exact
stored values, into temporary shadow tables (one per table, same columns). They exist only on
connections that have captured once, and record only while a capture is active.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Connection, Table
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

import talentdesk.core.events  # (registers the Jornada tables)
import talentdesk.core.programs  # noqa: F401  (registers the linkage tables)
from talentdesk.core.errors import ConflictError
from talentdesk.core.models import Base

Kind = Literal["insert", "update", "delete"]
Key = tuple[Any, ...]
Row = dict[str, Any]

#: Tables whose rows are a record of what happened, not data an undo may take back.
NOT_JOURNALED_INFO_KEY = "journal"


def journaled_tables() -> list[Table]:
    """Every table of the schema except append-only records (``info={"journal": False}``)."""
    return [t for t in Base.metadata.sorted_tables if t.info.get(NOT_JOURNALED_INFO_KEY, True)]


@dataclass(frozen=True)
class RowChange:
    """One row touched once. ``before``/``after`` hold every column for inserts and deletes and
    the changed columns only for updates (plus nothing else: the key is separate)."""

    table: str
    kind: Kind
    key: Key
    before: Row | None
    after: Row | None

    @property
    def ref(self) -> tuple[str, Key]:
        return self.table, self.key


@dataclass(frozen=True)
class Journal:
    """What one operation (or one undo) changed, in the order it happened."""

    changes: tuple[RowChange, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changes)

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(c.table for c in self.changes)

    def rows(self, table: str) -> list[RowChange]:
        return [c for c in self.changes if c.table == table]


# ---------------------------------------------------------------------------------- capture


@dataclass
class _TableSpec:
    name: str
    columns: list[str]
    key: list[str]

    @property
    def shadow(self) -> str:
        return f"td_j_{self.name}"


@dataclass
class _Capture:
    conn: Connection
    specs: dict[str, _TableSpec]
    journal: Journal = field(default_factory=Journal)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _live_specs(conn: Connection) -> dict[str, _TableSpec]:
    specs = {}
    for table in journaled_tables():
        info = conn.exec_driver_sql(f"PRAGMA main.table_info({_q(table.name)})").fetchall()
        if not info:  # a table of a newer model not migrated here: nothing to record
            continue
        columns = [row[1] for row in info]
        key = [row[1] for row in sorted((r for r in info if r[5]), key=lambda r: r[5])]
        if not key:
            raise RuntimeError(f"table {table.name} has no primary key: it cannot be journaled")
        specs[table.name] = _TableSpec(table.name, columns, key)
    return specs


def _signature(specs: dict[str, _TableSpec]) -> str:
    text = ";".join(f"{s.name}:{','.join(s.columns)}" for s in specs.values())
    return hashlib.sha1(text.encode()).hexdigest()


def _install(conn: Connection, specs: dict[str, _TableSpec]) -> None:
    """Create (or, after a schema change, recreate) the temp triggers on this connection."""
    signature = _signature(specs)
    have = conn.exec_driver_sql(
        "SELECT 1 FROM temp.sqlite_master WHERE type='table' AND name='td_journal_state'"
    ).first()
    if have is not None:
        current = conn.exec_driver_sql("SELECT signature FROM temp.td_journal_state").scalar()
        if current == signature:
            return
        _uninstall(conn)
    run = conn.exec_driver_sql
    run("CREATE TEMP TABLE td_journal_state (active INTEGER NOT NULL, signature TEXT NOT NULL)")
    run("INSERT INTO temp.td_journal_state VALUES (0, ?)", (signature,))
    run("CREATE TEMP TABLE td_journal (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, kind TEXT NOT NULL)")
    # Trigger bodies may not qualify the tables they write; unqualified names find temp first.
    guard = "WHEN (SELECT active FROM td_journal_state)"
    last = "(SELECT max(seq) FROM td_journal)"
    for spec in specs.values():
        cols = ", ".join(_q(c) for c in spec.columns)
        run(f"CREATE TEMP TABLE {_q(spec.shadow)} (td_seq INTEGER NOT NULL, td_new INTEGER NOT NULL, {cols})")
        old = ", ".join(f"OLD.{_q(c)}" for c in spec.columns)
        new = ", ".join(f"NEW.{_q(c)}" for c in spec.columns)
        shadow = _q(spec.shadow)
        head = f"INSERT INTO td_journal (tbl, kind) VALUES ('{spec.name}',"
        table = f"main.{_q(spec.name)}"
        run(
            f"CREATE TEMP TRIGGER {_q(spec.shadow + '_i')} AFTER INSERT ON {table} {guard} BEGIN "
            f"{head} 'insert'); INSERT INTO {shadow} VALUES ({last}, 1, {new}); END"
        )
        run(
            f"CREATE TEMP TRIGGER {_q(spec.shadow + '_u')} AFTER UPDATE ON {table} {guard} BEGIN "
            f"{head} 'update'); INSERT INTO {shadow} VALUES ({last}, 0, {old}); "
            f"INSERT INTO {shadow} VALUES ({last}, 1, {new}); END"
        )
        run(
            f"CREATE TEMP TRIGGER {_q(spec.shadow + '_d')} AFTER DELETE ON {table} {guard} BEGIN "
            f"{head} 'delete'); INSERT INTO {shadow} VALUES ({last}, 0, {old}); END"
        )


def _uninstall(conn: Connection) -> None:
    rows = conn.exec_driver_sql(
        "SELECT type, name FROM temp.sqlite_master WHERE name LIKE 'td\\_j%' ESCAPE '\\' "
        "AND type IN ('trigger', 'table')"
    ).fetchall()
    for kind, name in sorted(rows, key=lambda r: r[0] != "trigger"):  # triggers first
        conn.exec_driver_sql(f"DROP {kind.upper()} IF EXISTS temp.{_q(name)}")
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.td_journal_state")


def _read(conn: Connection, specs: dict[str, _TableSpec]) -> Journal:
    entries = conn.exec_driver_sql("SELECT seq, tbl, kind FROM temp.td_journal ORDER BY seq").fetchall()
    if not entries:
        return Journal()
    images: dict[int, dict[int, tuple[Any, ...]]] = {}
    for name in {tbl for _seq, tbl, _kind in entries}:
        for row in conn.exec_driver_sql(f"SELECT * FROM temp.{_q(specs[name].shadow)}"):
            images.setdefault(row[0], {})[row[1]] = tuple(row[2:])
    changes = []
    for seq, name, kind in entries:
        spec = specs[name]
        old = images[seq].get(0)
        new = images[seq].get(1)
        before = dict(zip(spec.columns, old, strict=True)) if old is not None else None
        after = dict(zip(spec.columns, new, strict=True)) if new is not None else None
        if kind == "update":
            assert before is not None and after is not None
            changed = [
                c for c in spec.columns if before[c] != after[c] or type(before[c]) is not type(after[c])
            ]
            if not changed:
                continue
            key = tuple(before[c] for c in spec.key)
            if any(c in spec.key for c in changed):  # a key changed: keep it whole
                changed = list(spec.columns)
            changes.append(
                RowChange(
                    name, "update", key, {c: before[c] for c in changed}, {c: after[c] for c in changed}
                )
            )
        else:
            image = before if kind == "delete" else after
            assert image is not None
            changes.append(RowChange(name, kind, tuple(image[c] for c in spec.key), before, after))
    return Journal(tuple(changes))


def _clear(conn: Connection, specs: dict[str, _TableSpec]) -> None:
    conn.exec_driver_sql("DELETE FROM temp.td_journal")
    for spec in specs.values():
        conn.exec_driver_sql(f"DELETE FROM temp.{_q(spec.shadow)}")


def _connection(session: Session) -> Connection:
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        raise NotImplementedError(f"the row journal does not support {conn.dialect.name} yet")
    return conn


@contextmanager
def capture(session: Session) -> Iterator[_Capture]:
    """Record every row change made through ``session`` inside the block.

    The journal is available as ``.journal`` after the block; pending ORM changes are flushed
    before the capture ends so they are recorded too.
    """
    conn = _connection(session)
    specs = _live_specs(conn)
    _install(conn, specs)
    _clear(conn, specs)
    conn.exec_driver_sql("UPDATE temp.td_journal_state SET active = 1")
    cap = _Capture(conn, specs)
    try:
        yield cap
        session.flush()
    except BaseException:
        # A full disk or an I/O error makes SQLite roll the whole transaction back by itself,
        # temp tables included: this cleanup must not hide the error that explains it.
        with contextlib.suppress(DBAPIError):
            conn.exec_driver_sql("UPDATE temp.td_journal_state SET active = 0")
        raise
    conn.exec_driver_sql("UPDATE temp.td_journal_state SET active = 0")
    cap.journal = _read(conn, specs)
    _clear(conn, specs)


# ------------------------------------------------------------------------------------ apply


def _where(spec_key: Sequence[str], key: Key, extra: Row | None = None) -> tuple[str, list[Any]]:
    parts = [f"{_q(c)} IS ?" for c in spec_key]
    params = list(key)
    for column, value in (extra or {}).items():
        parts.append(f"{_q(column)} IS ?")
        params.append(value)
    return " AND ".join(parts), params


def describe(change: RowChange, conn: Connection | None = None, key_columns: Sequence[str] = ()) -> str:
    """A Spanish name for a record in a conflict message (an update keeps only the changed
    columns, so its name is read from the row as it is now when possible)."""
    from talentdesk.ops.names import record_name

    row = dict(change.before or change.after or {})
    if change.kind == "update" and conn is not None and key_columns:
        where, params = _where(key_columns, change.key)
        current = conn.exec_driver_sql(f"SELECT * FROM {_q(change.table)} WHERE {where}", tuple(params))
        found = current.mappings().first()
        if found is not None:
            row = {**found, **row}
    return record_name(change.table, change.key, row)


def _conflict(change: RowChange, conn: Connection, key_columns: Sequence[str]) -> ConflictError:
    return ConflictError(
        f"No se puede deshacer: {describe(change, conn, key_columns)} cambió después de esta acción "
        "(otra edición u otra estación de trabajo). No se cambió nada."
    )


def _undo_one(conn: Connection, change: RowChange, key_columns: list[str]) -> None:
    table = _q(change.table)
    if change.kind == "insert":
        assert change.after is not None
        others = {c: v for c, v in change.after.items() if c not in key_columns}
        where, params = _where(key_columns, change.key, others)
        if conn.exec_driver_sql(f"DELETE FROM {table} WHERE {where}", tuple(params)).rowcount != 1:
            raise _conflict(change, conn, key_columns)
    elif change.kind == "update":
        assert change.before is not None and change.after is not None
        key_after = tuple(change.after.get(c, k) for c, k in zip(key_columns, change.key, strict=True))
        sets = ", ".join(f"{_q(c)} = ?" for c in change.before)
        where, params = _where(key_columns, key_after, change.after)
        sql = f"UPDATE {table} SET {sets} WHERE {where}"
        if conn.exec_driver_sql(sql, (*change.before.values(), *params)).rowcount != 1:
            raise _conflict(change, conn, key_columns)
    else:
        assert change.before is not None
        cols = ", ".join(_q(c) for c in change.before)
        marks = ", ".join("?" for _ in change.before)
        exists_where, exists_params = _where(key_columns, change.key)
        if conn.exec_driver_sql(f"SELECT 1 FROM {table} WHERE {exists_where}", tuple(exists_params)).first():
            raise _conflict(change, conn, key_columns)
        conn.exec_driver_sql(f"INSERT INTO {table} ({cols}) VALUES ({marks})", tuple(change.before.values()))


def revert(session: Session, journal: Journal, *, check: Any = None) -> Journal:
    """Put back what ``journal`` recorded; returns the journal of this revert (its own inverse).

    ``check`` (optional) is called between rows so a long undo can be cancelled (it raises).
    Raises ConflictError, touching nothing (the caller's transaction rolls back), when the
    database no longer holds what the journal left or reverting would reach other rows.
    """
    conn = _connection(session)
    session.flush()
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # parents and children in any order
    with capture(session) as cap:
        specs = cap.specs
        for n, change in enumerate(reversed(journal.changes)):
            if check is not None and n % 200 == 0:
                check()
            spec = specs.get(change.table)
            if spec is None:
                raise ConflictError(
                    f"No se puede deshacer: la tabla «{change.table}» ya no existe en esta base de datos."
                )
            _undo_one(conn, change, spec.key)
    _refuse_wider_reach(journal, cap.journal)
    return cap.journal


def _refuse_wider_reach(journal: Journal, undone: Journal) -> None:
    expected = {c.ref for c in journal.changes}
    for change in undone.changes:
        if change.ref not in expected:
            raise ConflictError(
                f"No se puede deshacer: también cambiaría {describe(change)}, que se creó o cambió "
                "después de esta acción. No se cambió nada."
            )


def merge(journals: Iterable[Journal]) -> Journal:
    """Several journals as one (an operation made of steps)."""
    return Journal(tuple(c for j in journals for c in j.changes))
