"""Each member's primary sector is found through the member's own links (the primary key), never
by walking the primary-sector index once per member: without SQLite statistics the planner chose
that index for ``is_primary IS 1`` and the 1M demo never finished (issue 13)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from talentdesk.core.models import Member
from talentdesk.core.programs import Program
from talentdesk.db.session import Database
from talentdesk.exports.directory_pdf import export_directory_pdf
from talentdesk.exports.reports import export_sector_report
from talentdesk.services.demo_programs import create_demo_programs


@pytest.fixture()
def statements(demo_db_path: Path) -> Iterator[tuple[Database, dict[str, list[str]]]]:
    """Every SELECT that reads member_sectors, with its plan taken on the same connection when
    it runs (it may read the connection's temporary tables, such as the Tablero's td_chosen)."""
    db = Database.open(demo_db_path)
    seen: dict[str, list[str]] = {}

    def record(_conn: Any, cursor: Any, statement: str, parameters: Any, _context: Any, many: bool) -> None:
        if not many and statement.lstrip().upper().startswith("SELECT") and "member_sectors" in statement:
            rows = cursor.connection.execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
            seen[statement] = [str(r[3]) for r in rows]

    event.listen(db.engine, "before_cursor_execute", record)
    yield db, seen
    db.close()


def _inner_steps_on_the_primary_index(plan: list[str]) -> list[str]:
    """Plan steps after the outermost loop that read ix_member_sectors_primary (a per-row walk)."""
    steps = [s for s in plan if s.startswith(("SCAN", "SEARCH"))]
    return [s for s in steps[1:] if "ix_member_sectors_primary" in s]


def test_no_member_walks_the_primary_sector_index(
    statements: tuple[Database, dict[str, list[str]]], tmp_path: Path
) -> None:
    db, seen = statements
    with db.session() as session:  # the demo's programmes pick people by primary sector
        session.query(Program).delete()
        create_demo_programs(session, random.Random(3), 300)
    with db.reader() as session:
        ids = list(session.scalars(select(Member.id)))
    export_directory_pdf(db.sessions, ids, tmp_path / "dir.pdf", group_by="sector")
    export_sector_report(db.sessions, 1, tmp_path / "sector.xlsx")  # its directory sheet
    export_sector_report(db.sessions, 1, tmp_path / "sector.pdf")
    assert len(seen) >= 3
    walks = {s: found for s, plan in seen.items() if (found := _inner_steps_on_the_primary_index(plan))}
    assert walks == {}
