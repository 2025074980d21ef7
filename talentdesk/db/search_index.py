"""The SQLite full-text index of members (FTS5 over ``members.search_text``).

Migration 0001 created it with the same statements (migrations keep their own frozen copy;
a test checks that both agree). Row triggers keep it in step for everyday edits; bulk loads
swap the insert trigger for one set-based fill, about five times faster at a million rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, text

INSERT_TRIGGER = (
    "CREATE TRIGGER members_fts_ai AFTER INSERT ON members BEGIN "
    "INSERT INTO member_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
)


def has_fts(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


@contextmanager
def bulk_member_load(conn: Connection) -> Iterator[None]:
    """Inside the caller's transaction: insert members freely, index them once at the end.

    Only inserts are covered: the update and delete triggers stay in place.
    """
    if not has_fts(conn):
        yield
        return
    # The trigger swap is DDL inside the caller's transaction (db/engine.py begins every
    # transaction explicitly), so a rollback of a cancelled load restores the trigger too.
    first_new = int(conn.execute(text("SELECT coalesce(max(id), 0) FROM members")).scalar_one()) + 1
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS members_fts_ai")
    try:
        yield
        conn.execute(
            text(
                "INSERT INTO member_fts(rowid, search_text) "
                "SELECT id, search_text FROM members WHERE id >= :first"
            ),
            {"first": first_new},
        )
    finally:
        conn.exec_driver_sql(INSERT_TRIGGER)


def optimize(conn: Connection) -> None:
    """Merge the index segments after a large load: faster queries afterwards."""
    if has_fts(conn):
        conn.exec_driver_sql("INSERT INTO member_fts(member_fts) VALUES ('optimize')")


def rebuild(conn: Connection) -> int:
    """Drop every entry and index all members again from ``search_text``."""
    if not has_fts(conn):
        return 0
    conn.exec_driver_sql("INSERT INTO member_fts(member_fts) VALUES ('delete-all')")
    conn.exec_driver_sql("INSERT INTO member_fts(rowid, search_text) SELECT id, search_text FROM members")
    optimize(conn)
    return int(conn.exec_driver_sql("SELECT count(*) FROM members").scalar_one())


def integrity_problems(conn: Connection, *, writable: bool = True) -> list[str]:
    """What ``db check`` reports about the index; empty when it is in step with members.

    FTS5's own integrity-check cannot compare a contentless index with its source, so this
    checks that every member is indexed once: each row has exactly one consent word. The
    integrity-check command is written as an INSERT, so a read-only file skips it (it would
    fail for that reason alone, not because the index is damaged).
    """
    if not has_fts(conn):
        return []
    hint = " Ejecute «talentdesk db reindex»."
    try:
        if writable:
            conn.exec_driver_sql("INSERT INTO member_fts(member_fts, rank) VALUES ('integrity-check', 1)")
        members = conn.exec_driver_sql("SELECT count(*) FROM members").scalar_one()
        indexed = conn.exec_driver_sql(
            'SELECT count(*) FROM member_fts WHERE member_fts MATCH \'"_dc0" OR "_dc1"\''
        ).scalar_one()
    except Exception as exc:  # reported, not raised: `db check` lists every problem it finds
        return [f"Índice de búsqueda dañado: {exc}.{hint}"]
    if indexed != members:
        return [f"Índice de búsqueda desfasado: {indexed:,} entradas para {members:,} miembros.{hint}"]
    return []
