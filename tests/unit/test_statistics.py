"""The counts the statistics workbook, the Tablero and the reports share, checked against plain
SQL on the demo data: all members (counted from the full-text vocabulary) and a selection made
with the members search (counted through its matches), on both the FTS5 and the LIKE path."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest

import talentdesk.services.statistics as statistics_module
from talentdesk.core.enums import MemberStatus
from talentdesk.db.session import Database
from talentdesk.services.search import MemberQuery, matching_ids
from talentdesk.services.statistics import MemberCounts, member_counts

SELECTION = MemberQuery(text="a", statuses=(MemberStatus.ACTIVE,))


def plain(path: Path, ids: list[int] | None) -> dict[str, Counter[object]]:
    """Contributions and years joined straight from the tables (``ids``: a selection)."""
    with sqlite3.connect(path) as con:
        con.execute("CREATE TEMP TABLE chosen (id INTEGER PRIMARY KEY)")
        if ids is None:
            con.execute("INSERT INTO chosen SELECT id FROM members")
        else:
            con.executemany("INSERT INTO chosen VALUES (?)", [(i,) for i in ids])
        offered = Counter(
            {
                k: n
                for k, n in con.execute(
                    "SELECT contribution_id, count(*) FROM member_contributions "
                    "WHERE member_id IN (SELECT id FROM chosen) GROUP BY 1"
                )
            }
        )
        years: Counter[object] = Counter()
        for joined, n in con.execute(
            "SELECT joined_on, count(*) FROM members WHERE id IN (SELECT id FROM chosen) GROUP BY 1"
        ):
            years[int(joined[:4]) if joined else None] += n
        chapters = Counter(
            {
                k: n
                for k, n in con.execute(
                    "SELECT chapter_id, count(*) FROM members WHERE id IN (SELECT id FROM chosen) GROUP BY 1"
                )
            }
        )
    return {"contribution": offered, "joined_year": years, "chapter": chapters}


def check(counts: MemberCounts, expected: dict[str, Counter[object]]) -> None:
    assert +counts.contribution == +expected["contribution"]
    assert +counts.joined_year == +expected["joined_year"]
    assert +counts.chapter == +expected["chapter"]
    assert counts.total == sum(expected["chapter"].values())


def test_all_members_agree_with_plain_sql(
    demo: Database, demo_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with demo.reader() as session:
        counts = member_counts(session, years=True)
    expected = plain(demo_db_path, None)
    check(counts, expected)
    assert len(counts.contribution) > 3 and len(counts.joined_year) > 3  # the demo spreads them
    with demo.reader() as session:
        monkeypatch.setattr(statistics_module, "_from_index", lambda _session, _counts: False)
        scanned = member_counts(session, years=True)
    assert scanned == counts  # the full-text vocabulary and the tables say the same


@pytest.mark.parametrize("path", ["fts", "like"])
def test_a_selection_agrees_with_plain_sql_on_both_paths(
    demo: Database, demo_db_path: Path, path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with demo.reader() as session:
        ids = list(matching_ids(session, SELECTION))
        if path == "like":
            monkeypatch.setattr(statistics_module, "uses_fts", lambda _session: False)
        counts = member_counts(session, SELECTION, years=True)
    assert 0 < len(ids) < 300
    check(counts, plain(demo_db_path, ids))


def test_years_of_all_members_come_from_the_joined_on_index(db: Database, db_path: Path) -> None:
    """Every year between the first and the last (an empty one counts nothing), members without
    a date under None, and each year read as a range of ``ix_members_joined_on``, not the table."""
    from datetime import date

    from tests.unit.helpers import add

    with db.session() as s:
        for n, joined in enumerate(
            [date(2011, 1, 1), date(2011, 12, 31), date(2014, 6, 1), None, date(2015, 1, 1), None]
        ):
            add(s, f"Ana{n}", "López", joined_on=joined)
    statements: list[str] = []
    with db.reader() as session:
        from sqlalchemy import event

        conn = session.connection()
        event.listen(conn, "before_cursor_execute", lambda *a: statements.append(a[2]))
        counts = member_counts(session, years=True)
    assert dict(counts.joined_year) == {2011: 2, 2014: 1, 2015: 1, None: 2}
    assert +counts.joined_year == +plain(db_path, None)["joined_year"]
    year_reads = [sql for sql in statements if "joined_on" in sql]
    assert year_reads and not any("strftime" in sql for sql in year_reads)
    with sqlite3.connect(db_path) as con:
        for sql in year_reads:
            params = [None] * sql.count("?")
            plan = " ".join(str(row) for row in con.execute(f"EXPLAIN QUERY PLAN {sql}", params))
            assert "ix_members_joined_on" in plan, (sql, plan)


def test_primary_sectors_of_all_members_come_from_their_index(demo: Database, demo_db_path: Path) -> None:
    """Members by primary sector: the same as plain SQL, read from ``ix_member_sectors_primary``
    (the range of primary links) rather than every link in the table."""
    from sqlalchemy import event

    statements: list[tuple[str, object]] = []
    with demo.reader() as session:
        conn = session.connection()
        event.listen(conn, "before_cursor_execute", lambda *a: statements.append((a[2], a[3])))
        counts = member_counts(session)
    with sqlite3.connect(demo_db_path) as con:
        plain_primary = dict(
            con.execute("SELECT sector_id, count(*) FROM member_sectors WHERE is_primary GROUP BY 1").fetchall()
        )
        without = con.execute(
            "SELECT count(*) FROM members WHERE id NOT IN (SELECT member_id FROM member_sectors WHERE is_primary)"
        ).fetchone()[0]
        [(sql, params)] = [(s, p) for s, p in statements if "is_primary" in s]
        plan = " ".join(str(r) for r in con.execute(f"EXPLAIN QUERY PLAN {sql}", params))  # type: ignore[arg-type]
    assert {k: v for k, v in counts.primary_sector.items() if k is not None} == plain_primary
    assert counts.primary_sector.get(None, 0) == without
    assert "ix_member_sectors_primary" in plan, plan
