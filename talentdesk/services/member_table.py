"""Rows of the members table: its columns, fetching a batch of rows, and ordering ids.

Qt-free so that the table view and the "export the table as shown" spreadsheet use the very
same columns and the very same order.
"""

from __future__ import annotations

import threading
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from talentdesk.core.countries import country_name
from talentdesk.core.enums import DegreeLevel, MemberStatus
from talentdesk.core.i18n import _
from talentdesk.core.jobs import check_abort
from talentdesk.core.text import fold
from talentdesk.services.search import (
    MATCHING_IDS,
    MemberQuery,
    fts_expression,
    like_condition,
    matching_ids,
    uses_fts,
)


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # Spanish, for documents; the GUI translates its own headers
    sql: str  # expression over members m / chapters c
    order: str  # 'name' (sort key), 'binary' or 'ranked' (folded order of distinct values)
    visible: bool = True


COLUMNS: tuple[Column, ...] = (
    Column("paternal_surname", "Apellido paterno", "m.paternal_surname", "name"),
    Column("maternal_surname", "Apellido materno", "m.maternal_surname", "ranked"),
    Column("given_names", "Nombre(s)", "m.given_names", "ranked"),
    Column("email", "Correo electrónico", "m.email", "binary"),
    Column("phone", "Teléfono", "m.phone", "binary", visible=False),
    Column("country", "País", "m.country", "ranked"),
    Column("state", "Estado / región", "m.state", "ranked", visible=False),
    Column("city", "Ciudad", "m.city", "ranked"),
    Column("chapter", "Capítulo", "c.name", "ranked"),
    Column(
        "primary_sector",
        "Sector principal",
        "(SELECT s.name FROM member_sectors ms JOIN sectors s ON s.id = ms.sector_id "
        "WHERE ms.member_id = m.id AND ms.is_primary)",
        "ranked",
    ),
    Column("employer", "Empleador", "m.employer", "ranked"),
    Column("job_title", "Puesto", "m.job_title", "ranked", visible=False),
    Column("degree_level", "Nivel de estudios", "m.degree_level", "ranked", visible=False),
    Column("status", "Estatus", "m.status", "ranked"),
    Column(
        "directory_consent",
        "En directorios",
        "m.directory_consent",
        "binary",
        visible=False,
    ),
    Column("joined_on", "Fecha de ingreso", "m.joined_on", "binary", visible=False),
    Column("id", "Id", "m.id", "binary", visible=False),
)
BY_KEY = {c.key: c for c in COLUMNS}
_RANK_LIMIT = 200_000  # distinct values ranked in Python; beyond that, plain binary order


def display_value(column: Column, value: Any) -> str:
    if value is None:
        return ""
    if column.key == "country":
        return country_name(value)
    if column.key == "status":
        return MemberStatus(value).label
    if column.key == "degree_level":
        return DegreeLevel(value).label
    if column.key == "directory_consent":
        return _("Sí") if value else _("No")
    if column.key == "joined_on":
        return value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else str(value)
    return str(value)


def fetch_rows(session: Session, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    """Every column for the given ids (a few hundred at a time: one indexed query)."""
    if not ids:
        return {}
    columns = ", ".join(c.sql for c in COLUMNS)
    marks = ", ".join(str(int(i)) for i in ids)  # ints only: safe to inline, and one statement
    sql = (
        f"SELECT m.id, {columns} FROM members m LEFT JOIN chapters c ON c.id = m.chapter_id "
        f"WHERE m.id IN ({marks})"
    )
    return {row[0]: tuple(row[1:]) for row in session.execute(text(sql))}


def ordered_ids(
    session: Session,
    query: MemberQuery,
    sort_key: str = "paternal_surname",
    descending: bool = False,
    abort: threading.Event | None = None,
) -> array[int]:
    """All matching ids in the order of one column (ties: Spanish name order)."""
    column = BY_KEY[sort_key]
    if column.order == "name" and not descending:
        return matching_ids(session, query)  # the search module's measured plan
    source, where, params = _source(session, query)
    return _ordered(session, source, where, params, column, descending, abort)


def ordered_among(
    session: Session,
    ids: Sequence[int],
    sort_key: str = "paternal_surname",
    descending: bool = False,
    abort: threading.Event | None = None,
) -> array[int]:
    """The given members (a saved list) in the order of one column (ties: Spanish name order)."""
    session.execute(text("CREATE TEMP TABLE IF NOT EXISTS td_among (id INTEGER PRIMARY KEY)"))
    session.execute(text("DELETE FROM temp.td_among"))
    if ids:
        session.execute(text("INSERT OR IGNORE INTO temp.td_among (id) VALUES (:i)"), [{"i": i} for i in ids])
    where = "m.id IN (SELECT id FROM temp.td_among)"
    return _ordered(session, "members m", where, {}, BY_KEY[sort_key], descending, abort)


def _ordered(
    session: Session,
    source: str,
    where: str,
    params: dict[str, Any],
    column: Column,
    descending: bool,
    abort: threading.Event | None,
) -> array[int]:
    direction = "DESC" if descending else "ASC"
    join = "LEFT JOIN chapters c ON c.id = m.chapter_id" if "c." in column.sql else ""
    if column.order == "name":
        order = f"m.sort_key {direction}, m.id {direction}"
    elif column.order == "ranked" and _rank_values(session, column):
        join += f" LEFT JOIN temp.td_rank r ON r.value = {column.sql}"
        # Empty values last whatever the direction.
        order = f"r.rank IS NULL, r.rank {direction}, m.sort_key, m.id"
    else:
        order = f"{column.sql} IS NULL, {column.sql} {direction}, m.sort_key, m.id"
    sql = f"SELECT m.id FROM {source} {join} WHERE {where} ORDER BY {order}"
    result = array("q")
    cursor = session.execute(text(sql), params)
    while batch := cursor.fetchmany(50_000):
        check_abort(abort, _("Búsqueda cancelada."))
        result.extend(row[0] for row in batch)
    return result


def _source(session: Session, query: MemberQuery) -> tuple[str, str, dict[str, Any]]:
    """FROM and WHERE for the matching members ``m`` (on SQLite: ``search.MATCHING_IDS``)."""
    if query.is_everything():
        return "members m", "1=1", {}
    if uses_fts(session):
        return "members m", f"m.id IN ({MATCHING_IDS})", {"expr": fts_expression(session, query)}
    where, params = like_condition(query)
    return "members m", where.replace("search_text", "m.search_text"), params


def _rank_values(session: Session, column: Column) -> bool:
    """Fill temp.td_rank with the column's distinct values in folded (accent-blind) order."""
    if not uses_fts(session):  # SQLite temp schema; other databases sort binary for now
        return False
    join = "LEFT JOIN chapters c ON c.id = m.chapter_id" if "c." in column.sql else ""
    values = [
        row[0]
        for row in session.execute(
            text(f"SELECT DISTINCT {column.sql} FROM members m {join} LIMIT {_RANK_LIMIT + 1}")
        )
        if row[0] is not None
    ]
    if len(values) > _RANK_LIMIT:
        return False
    shown = (lambda v: country_name(v)) if column.key == "country" else str
    values.sort(key=lambda v: (fold(shown(v)), shown(v)))
    session.execute(text("CREATE TEMP TABLE IF NOT EXISTS td_rank (value PRIMARY KEY, rank INTEGER)"))
    session.execute(text("DELETE FROM temp.td_rank"))
    if values:
        session.execute(
            text("INSERT INTO temp.td_rank (value, rank) VALUES (:v, :r)"),
            [{"v": v, "r": i} for i, v in enumerate(values)],
        )
    return True
