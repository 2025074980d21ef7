"""The Tablero's figures against plain SQL on the demo data, and every linked bar against the
members search it opens: the count on the chart is the count of the list."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from talentdesk.db.session import Database
from talentdesk.services.dashboard import TOP_COUNTRIES, Dashboard, DashboardFilter, load_dashboard
from talentdesk.services.search import count_members


def sql(path: Path, query: str, *params: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as con:
        return con.execute(query, params).fetchall()


def load(db: Database, flt: DashboardFilter | None = None) -> Dashboard:
    with db.reader() as session:
        return load_dashboard(session, flt)


def test_every_chart_agrees_with_plain_sql(demo: Database, demo_db_path: Path) -> None:
    board = load(demo)
    assert board.members == sql(demo_db_path, "SELECT count(*) FROM members")[0][0] == 300
    chapters = dict(
        sql(
            demo_db_path,
            "SELECT c.name, count(*) FROM members m JOIN chapters c ON c.id = m.chapter_id GROUP BY 1",
        )
    )
    assert {b.label: b.count for b in board.chart("chapter").bars if b.query} == chapters
    sectors = Counter(
        {
            f"{n}. {name}": k
            for n, name, k in sql(
                demo_db_path,
                "SELECT s.number, s.name, count(*) FROM member_sectors ms JOIN sectors s ON s.id = ms.sector_id GROUP BY s.id",
            )
        }
    )
    assert {b.label: b.count for b in board.chart("sector").bars} == sectors
    countries = board.chart("country")
    assert countries.total == 300
    assert len([b for b in countries.bars if b.query]) <= TOP_COUNTRIES
    years = dict(
        sql(
            demo_db_path,
            "SELECT CAST(strftime('%Y', joined_on) AS INT), count(*) FROM members WHERE joined_on IS NOT NULL GROUP BY 1",
        )
    )
    growth = {int(b.label): b.count for b in board.chart("growth").bars}
    assert {y: n for y, n in growth.items() if n} == years
    assert list(growth) == list(range(min(years), max(years) + 1))  # every year, even an empty one
    offered = sql(demo_db_path, "SELECT count(*) FROM member_contributions")[0][0]
    assert board.chart("contribution").total == offered
    participants = dict(
        sql(
            demo_db_path,
            "SELECT status, count(*) FROM participants WHERE status IN ('invitado','confirmado','asistio','no_se_presento') GROUP BY 1",
        )
    )
    assert board.chart("jornadas").total == sum(participants.values()) > 0


def test_every_linked_bar_counts_what_its_list_shows(demo: Database) -> None:
    board = load(demo)
    with demo.reader() as session:
        for chart in board.charts:
            for bar in chart.bars:
                if bar.query is not None:
                    assert count_members(session, bar.query) == bar.count, (chart.key, bar.label)


@pytest.mark.parametrize("which", ["chapter", "sector", "country"])
def test_a_filter_narrows_every_chart_and_the_lists_agree(demo: Database, which: str) -> None:
    board = load(demo)
    first = next(b for b in board.chart(which).bars if b.query is not None)
    assert first.query is not None
    flt = DashboardFilter(
        chapter_id=first.query.chapter_ids[0] if which == "chapter" else None,
        sector_id=first.query.sector_ids[0] if which == "sector" else None,
        country=first.query.countries[0] if which == "country" else None,
    )
    narrowed = load(demo, flt)
    assert narrowed.members == first.count < board.members
    assert narrowed.chart("degree").total == first.count
    with demo.reader() as session:
        for chart in narrowed.charts:
            for bar in chart.bars:
                if bar.query is not None:
                    assert count_members(session, bar.query) == bar.count, (chart.key, bar.label)
    assert narrowed.chart("jornadas").total <= board.chart("jornadas").total
