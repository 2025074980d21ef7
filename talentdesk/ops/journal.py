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

PostgreSQL: the triggers are part of the schema (``db/journal_triggers.py``, migration 0012) and
record only in a transaction that set ``talentdesk.journal`` to ``on``; they append the row
images as ``jsonb`` to a temporary table of the connection, read back typed with
``jsonb_populate_record`` (the values exactly as stored). Foreign keys there are deferrable, so
an undo can put parents and children back in any order, as on SQLite.
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
from talentdesk.core.errors import ConflictError, DatabaseError
from talentdesk.core.i18n import _
from talentdesk.core.models import Base
from talentdesk.db import journal_triggers

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


#: One recorded row event: sequence number, table, kind, the images before and after (None
#: where the kind has none), each as the table's columns in order.
_Entry = tuple[int, str, Kind, tuple[Any, ...] | None, tuple[Any, ...] | None]


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _build(specs: dict[str, _TableSpec], entries: Iterable[_Entry]) -> Journal:
    """The journal from the recorded images, in order; an update that changed nothing (same
    values of the same types) is left out, and an update keeps only its changed columns."""
    changes = []
    for _seq, name, kind, old, new in entries:
        spec = specs[name]
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


# SQLite ------------------------------------------------------------------------------------


def _sqlite_specs(conn: Connection) -> dict[str, _TableSpec]:
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


def _sqlite_read(conn: Connection, specs: dict[str, _TableSpec]) -> list[_Entry]:
    entries = conn.exec_driver_sql("SELECT seq, tbl, kind FROM temp.td_journal ORDER BY seq").fetchall()
    images: dict[int, dict[int, tuple[Any, ...]]] = {}
    for name in {tbl for _seq, tbl, _kind in entries}:
        for row in conn.exec_driver_sql(f"SELECT * FROM temp.{_q(specs[name].shadow)}"):
            images.setdefault(row[0], {})[row[1]] = tuple(row[2:])
    return [(seq, name, kind, images[seq].get(0), images[seq].get(1)) for seq, name, kind in entries]


def _sqlite_clear(conn: Connection, specs: dict[str, _TableSpec]) -> None:
    conn.exec_driver_sql("DELETE FROM temp.td_journal")
    for spec in specs.values():
        conn.exec_driver_sql(f"DELETE FROM temp.{_q(spec.shadow)}")


def _sqlite_active(conn: Connection, on: bool) -> None:
    conn.exec_driver_sql(f"UPDATE temp.td_journal_state SET active = {int(on)}")


# PostgreSQL --------------------------------------------------------------------------------

_PG_TEMP = f"pg_temp.{journal_triggers.TEMP_TABLE}"

# Resolved like the unqualified names of every other statement (the search path), so the
# journal reads the tables the application writes. ``pkpos`` is the column's place in the
# primary key (0: not in it).
_PG_COLUMNS = f"""
SELECT c.relname, a.attname,
       coalesce(array_position(i.indkey::int2[], a.attnum) - array_lower(i.indkey::int2[], 1) + 1, 0) AS pkpos,
       EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid
               AND t.tgname = '{journal_triggers.TRIGGER}' AND t.tgenabled <> 'D') AS journaled
FROM unnest(%s::text[]) AS n(name)
JOIN pg_class c ON c.oid = to_regclass(quote_ident(n.name))
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
ORDER BY c.relname, a.attnum
"""


def _pg_specs(conn: Connection) -> dict[str, _TableSpec]:
    names = [t.name for t in journaled_tables()]
    columns: dict[str, list[str]] = {}
    keys: dict[str, list[tuple[int, str]]] = {}
    missing: set[str] = set()
    for table, column, pkpos, journaled in conn.exec_driver_sql(_PG_COLUMNS, (names,)):
        columns.setdefault(table, []).append(column)
        if pkpos:
            keys.setdefault(table, []).append((pkpos, column))
        if not journaled:
            missing.add(table)
    if missing:  # the schema is not what this version expects: recording would miss rows
        raise DatabaseError(
            _(
                "No se puede registrar el cambio para poder deshacerlo: la tabla «{table}» de la base de datos no tiene el disparador del historial de cambios ({trigger}). Actualice el esquema (talentdesk db upgrade). No se cambió nada."
            ).format(table=sorted(missing)[0], trigger=journal_triggers.TRIGGER)
        )
    specs = {}
    for name in names:  # a table of a newer model not migrated here is absent: nothing to record
        if name not in columns:
            continue
        if name not in keys:
            raise RuntimeError(f"table {name} has no primary key: it cannot be journaled")
        specs[name] = _TableSpec(name, columns[name], [c for _pos, c in sorted(keys[name])])
    return specs


def _pg_start(conn: Connection) -> None:
    """This connection's temporary table, empty, and recording on until the capture ends (or
    the transaction does: the setting is local to it)."""
    if conn.exec_driver_sql(f"SELECT to_regclass('{_PG_TEMP}')").scalar() is None:
        conn.exec_driver_sql(
            f"CREATE TEMP TABLE {journal_triggers.TEMP_TABLE} (seq bigint GENERATED ALWAYS AS IDENTITY, "
            "tbl text NOT NULL, kind text NOT NULL, old_row jsonb, new_row jsonb)"
        )
    else:
        conn.exec_driver_sql(f"DELETE FROM {_PG_TEMP}")
    _pg_active(conn, True)


def _pg_active(conn: Connection, on: bool) -> None:
    value = "on" if on else "off"
    conn.exec_driver_sql(f"SELECT set_config('{journal_triggers.SETTING}', '{value}', true)")


def _pg_read(conn: Connection, specs: dict[str, _TableSpec]) -> list[_Entry]:
    found = conn.exec_driver_sql(f"SELECT DISTINCT tbl FROM {_PG_TEMP}").scalars().all()
    entries: list[_Entry] = []
    for name in found:
        spec = specs[name]
        width = len(spec.columns)
        cols = (
            ", ".join(f"o.{_q(c)}" for c in spec.columns)
            + ", "
            + ", ".join(f"n.{_q(c)}" for c in spec.columns)
        )
        rows = conn.exec_driver_sql(
            f"SELECT j.seq, j.kind, {cols} FROM {_PG_TEMP} AS j "
            f"CROSS JOIN LATERAL jsonb_populate_record(NULL::{_q(name)}, j.old_row) AS o "
            f"CROSS JOIN LATERAL jsonb_populate_record(NULL::{_q(name)}, j.new_row) AS n "
            "WHERE j.tbl = %s",
            (name,),
        )
        for seq, kind, *images in rows:
            old = tuple(images[:width]) if kind != "insert" else None
            new = tuple(images[width:]) if kind != "delete" else None
            entries.append((seq, name, kind, old, new))
    entries.sort(key=lambda e: e[0])
    return _pg_causal_order(conn, specs, entries)


# The foreign keys whose ON DELETE action writes other rows (CASCADE, SET NULL, SET DEFAULT),
# with their columns in order, among the journaled tables.
_PG_CASCADES = """
SELECT cc.relname, pc.relname, k.confdeltype,
       ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY AS u(n, i)
             JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i),
       ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY AS u(n, i)
             JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i)
FROM pg_constraint k
JOIN pg_class cc ON cc.oid = k.conrelid
JOIN pg_class pc ON pc.oid = k.confrelid
WHERE k.contype = 'f' AND k.confdeltype IN ('c', 'n', 'd')
  AND k.conrelid IN (SELECT to_regclass(quote_ident(n)) FROM unnest(%s::text[]) AS n)
"""


@dataclass(frozen=True)
class _Cascade:
    child: str
    parent: str
    deletes: bool  # CASCADE: the child row is deleted; else its columns are set (NULL, default)
    columns: tuple[str, ...]  # in the child
    referenced: tuple[str, ...]  # in the parent


def _pg_causal_order(conn: Connection, specs: dict[str, _TableSpec], entries: list[_Entry]) -> list[_Entry]:
    """The entries with each row a foreign-key action wrote placed just before the delete that
    caused it, as SQLite records them.

    PostgreSQL runs ON DELETE actions after the deleting statement's own row triggers, so the
    parent's delete comes first; undoing an undo would then delete the parent first, and its
    cascade would take the children before their own entries could. A row whose old image
    references a row deleted earlier in the journal, through such a key, was written by that
    delete (nothing else can: the action ran at the end of that very statement).
    """
    if not any(kind == "delete" for _seq, _name, kind, _old, _new in entries):
        return entries
    cascades: dict[str, list[_Cascade]] = {}
    referenced: dict[str, set[tuple[str, ...]]] = {}
    for child, parent, action, columns, refs in conn.exec_driver_sql(_PG_CASCADES, (list(specs),)):
        cascade = _Cascade(child, parent, action == "c", tuple(columns), tuple(refs))
        cascades.setdefault(child, []).append(cascade)
        referenced.setdefault(parent, set()).add(cascade.referenced)
    deleted: dict[tuple[str, tuple[str, ...], tuple[Any, ...]], int] = {}
    effects: dict[int, list[int]] = {}
    caused: set[int] = set()
    for i, (_seq, name, kind, old, new) in enumerate(entries):
        columns = specs[name].columns
        if old is not None:
            row = dict(zip(columns, old, strict=True))
            after = dict(zip(columns, new, strict=True)) if new is not None else {}
            for fk in cascades.get(name, ()):
                if fk.deletes != (kind == "delete"):
                    continue
                if not fk.deletes and all(after[c] == row[c] for c in fk.columns):
                    continue
                cause = deleted.get((fk.parent, fk.referenced, tuple(row[c] for c in fk.columns)))
                if cause is not None:
                    effects.setdefault(cause, []).append(i)
                    caused.add(i)
                    break
        image = old if kind == "delete" else new
        assert image is not None
        row = dict(zip(columns, image, strict=True))
        for refs in referenced.get(name, ()):
            ref = (name, refs, tuple(row[c] for c in refs))
            if kind == "delete":
                deleted[ref] = i
            else:  # the same key written again: later rows reference the new row
                deleted.pop(ref, None)
    ordered: list[_Entry] = []

    def place(i: int) -> None:
        for effect in effects.get(i, ()):
            place(effect)
        ordered.append(entries[i])

    for i in range(len(entries)):
        if i not in caused:
            place(i)
    return ordered


def _pg_clear(conn: Connection) -> None:
    conn.exec_driver_sql(f"DELETE FROM {_PG_TEMP}")


# Both --------------------------------------------------------------------------------------


def _connection(session: Session) -> Connection:
    conn = session.connection()
    if conn.dialect.name not in ("sqlite", "postgresql"):
        raise NotImplementedError(f"the row journal does not support {conn.dialect.name}")
    return conn


def _is_pg(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


@contextmanager
def capture(session: Session) -> Iterator[_Capture]:
    """Record every row change made through ``session`` inside the block.

    The journal is available as ``.journal`` after the block; pending ORM changes are flushed
    before the capture ends so they are recorded too.
    """
    conn = _connection(session)
    pg = _is_pg(conn)
    if pg:
        specs = _pg_specs(conn)
        _pg_start(conn)
    else:
        specs = _sqlite_specs(conn)
        _install(conn, specs)
        _sqlite_clear(conn, specs)
        _sqlite_active(conn, True)
    cap = _Capture(conn, specs)
    try:
        yield cap
        session.flush()
    except BaseException:
        # A full disk or an I/O error makes SQLite roll the whole transaction back by itself,
        # temp tables included; on PostgreSQL a failed statement aborts the transaction (the
        # setting goes with it). This cleanup must not hide the error that explains it.
        with contextlib.suppress(DBAPIError):
            (_pg_active if pg else _sqlite_active)(conn, False)
        raise
    if pg:
        _pg_active(conn, False)
        cap.journal = _build(specs, _pg_read(conn, specs))
        _pg_clear(conn)
    else:
        _sqlite_active(conn, False)
        cap.journal = _build(specs, _sqlite_read(conn, specs))
        _sqlite_clear(conn, specs)


# ------------------------------------------------------------------------------------ apply


def _mark(conn: Connection) -> str:
    """The driver's placeholder (SQLite ``?``, psycopg ``%s``)."""
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def _where(mark: str, spec_key: Sequence[str], key: Key, extra: Row | None = None) -> tuple[str, list[Any]]:
    """Every column equal to its value (``IS NULL`` for None: ``=`` keeps the index usable on
    PostgreSQL, where ``IS NOT DISTINCT FROM`` would not)."""
    parts = []
    params = []
    for column, value in [*zip(spec_key, key, strict=True), *(extra or {}).items()]:
        if value is None:
            parts.append(f"{_q(column)} IS NULL")
        else:
            parts.append(f"{_q(column)} = {mark}")
            params.append(value)
    return " AND ".join(parts), params


def describe(change: RowChange, conn: Connection | None = None, key_columns: Sequence[str] = ()) -> str:
    """A Spanish name for a record in a conflict message (an update keeps only the changed
    columns, so its name is read from the row as it is now when possible)."""
    from talentdesk.ops.names import record_name

    row = dict(change.before or change.after or {})
    if change.kind == "update" and conn is not None and key_columns:
        where, params = _where(_mark(conn), key_columns, change.key)
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
    mark = _mark(conn)
    if change.kind == "insert":
        assert change.after is not None
        others = {c: v for c, v in change.after.items() if c not in key_columns}
        where, params = _where(mark, key_columns, change.key, others)
        if conn.exec_driver_sql(f"DELETE FROM {table} WHERE {where}", tuple(params)).rowcount != 1:
            raise _conflict(change, conn, key_columns)
    elif change.kind == "update":
        assert change.before is not None and change.after is not None
        key_after = tuple(change.after.get(c, k) for c, k in zip(key_columns, change.key, strict=True))
        sets = ", ".join(f"{_q(c)} = {mark}" for c in change.before)
        where, params = _where(mark, key_columns, key_after, change.after)
        sql = f"UPDATE {table} SET {sets} WHERE {where}"
        if conn.exec_driver_sql(sql, (*change.before.values(), *params)).rowcount != 1:
            raise _conflict(change, conn, key_columns)
    else:
        assert change.before is not None
        cols = ", ".join(_q(c) for c in change.before)
        marks = ", ".join(mark for _ in change.before)
        exists_where, exists_params = _where(mark, key_columns, change.key)
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
    # Parents and children in any order; checked at commit (on PostgreSQL every foreign key is
    # DEFERRABLE INITIALLY IMMEDIATE: migration 0012).
    if _is_pg(conn):
        conn.exec_driver_sql("SET CONSTRAINTS ALL DEFERRED")
    else:
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
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
