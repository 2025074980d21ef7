"""The Tablero's figures against plain SQL on the demo data, and every linked bar against the
members search it opens: the count on the chart is the count of the list."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from talentdesk.db.session import Database
from talentdesk.services.dashboard import (
    TOP_COUNTRIES,
    Dashboard,
    DashboardFilter,
    growth_chart,
    load_dashboard,
)
from talentdesk.services.reports import YearRange, within_years
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


def test_every_country_has_exactly_one_region() -> None:
    import pycountry

    from talentdesk.core.regions import REGIONS, region_of

    codes = {c.alpha_2 for c in pycountry.countries}
    listed = [code for _name, group in REGIONS for code in group]
    assert len(listed) == len(set(listed))  # no code in two regions
    assert set(listed) == codes
    assert region_of("us") == "Norteamérica"
    assert region_of("MX") == "América Latina y el Caribe"
    assert region_of("XX") is None


def test_regions_add_up_to_the_countries_and_open_their_members(demo: Database, demo_db_path: Path) -> None:
    board = load(demo)
    regions = board.chart("region")
    assert regions.total == board.chart("country").total == board.members
    by_country = dict(sql(demo_db_path, "SELECT country, count(*) FROM members GROUP BY 1"))
    from talentdesk.core.regions import region_of

    expected: Counter[str] = Counter()
    for code, n in by_country.items():
        expected[region_of(str(code)) or "Sin país" if code else "Sin país"] += int(str(n))
    assert {b.label: b.count for b in regions.bars} == dict(expected)
    north = next(b for b in regions.bars if b.label == "Norteamérica")
    assert north.query is not None and "US" in north.query.countries


def test_programme_charts_agree_with_sql_and_with_the_programmes_list(
    demo: Database, demo_db_path: Path
) -> None:
    from talentdesk.services.program_views import load_programs

    board = load(demo)
    programs = board.chart("programs")
    per = dict(
        ((kind, status), n)
        for kind, status, n in sql(
            demo_db_path,
            "SELECT k.name, p.status, count(*) FROM programs p JOIN program_kinds k ON k.id = p.kind_id GROUP BY 1, 2",
        )
    )
    assert programs.total == sql(demo_db_path, "SELECT count(*) FROM programs")[0][0] > 0
    with demo.reader() as session:
        for bar in programs.bars:
            assert bar.programs is not None
            assert bar.programs.status is not None
            assert per.get((bar.label, bar.programs.status.value), 0) == bar.count
            assert len(load_programs(session, bar.programs)) == bar.count, (bar.label, bar.series)
    outcomes = board.chart("outcomes")
    counted = sql(
        demo_db_path,
        "SELECT sum(quantity) FROM program_outcomes WHERE achieved_on IS NOT NULL AND kind NOT LIKE 'inversion%'",
    )[0][0]
    assert outcomes.total == counted > 0
    assert all(b.programs is None for b in outcomes.bars)


def test_programme_charts_follow_the_sector_filter_and_say_what_a_country_does_not_filter(
    demo: Database,
) -> None:
    from talentdesk.services.program_views import ProgramFilter, load_programs

    board = load(demo)
    sector = next(b for b in board.chart("sector").bars if b.query is not None)
    assert sector.query is not None
    sector_id = sector.query.sector_ids[0]
    narrowed = load(demo, DashboardFilter(sector_id=sector_id))
    with demo.reader() as session:
        assert narrowed.chart("programs").total == len(
            load_programs(session, ProgramFilter(sector_id=sector_id))
        )
    assert narrowed.chart("programs").total < board.chart("programs").total
    assert narrowed.chart("programs").note == ""
    by_country = load(demo, DashboardFilter(country="US"))
    assert by_country.chart("programs").note == "Los programas no se filtran por país."
    assert by_country.chart("programs").total == board.chart("programs").total


# -- filtered charts against plain SQL, on both engines ------------------------------------------


def _filtered_members(flt: DashboardFilter) -> tuple[str, dict[str, object]]:
    """The filter as plain SQL: the ids of the members it selects."""
    clauses, params = ["1 = 1"], dict[str, object]()
    if flt.chapter_id is not None:
        clauses.append("chapter_id = :chapter")
        params["chapter"] = flt.chapter_id
    if flt.country is not None:
        clauses.append("country = :country")
        params["country"] = flt.country
    if flt.sector_id is not None:
        clauses.append("id IN (SELECT member_id FROM member_sectors WHERE sector_id = :sector)")
        params["sector"] = flt.sector_id
    return "SELECT id FROM members WHERE " + " AND ".join(clauses), params


def _plain_charts(session: Session, flt: DashboardFilter) -> dict[str, Counter[object]]:
    chosen, params = _filtered_members(flt)

    def grouped(sql: str) -> Counter[object]:
        return Counter({k: int(n) for k, n in session.execute(text(sql.format(chosen=chosen)), params)})

    years: Counter[object] = Counter()
    for (joined,) in session.execute(text(f"SELECT joined_on FROM members WHERE id IN ({chosen})"), params):
        years[None if joined is None else int(str(joined)[:4])] += 1
    return {
        "chapter": grouped("SELECT chapter_id, count(*) FROM members WHERE id IN ({chosen}) GROUP BY 1"),
        "sector": grouped(
            "SELECT sector_id, count(*) FROM member_sectors WHERE member_id IN ({chosen}) GROUP BY 1"
        ),
        "country": grouped("SELECT country, count(*) FROM members WHERE id IN ({chosen}) GROUP BY 1"),
        "degree": grouped("SELECT degree_level, count(*) FROM members WHERE id IN ({chosen}) GROUP BY 1"),
        "contribution": grouped(
            "SELECT contribution_id, count(*) FROM member_contributions WHERE member_id IN ({chosen}) GROUP BY 1"
        ),
        "growth": years,
        "jornadas": grouped(
            "SELECT status, count(*) FROM participants WHERE member_id IN ({chosen}) "
            "AND status IN ('invitado', 'confirmado', 'asistio', 'no_se_presento') GROUP BY 1"
        ),
    }


@pytest.mark.parametrize(
    "which", ["chapter", "sector", "country", "chapter+sector", "sector+country", "all three"]
)
def test_filtered_charts_agree_with_plain_sql_and_their_lists(db: Database, which: str) -> None:
    """Every member chart of a filtered Tablero counts what plain SQL counts for the same filter,
    and each linked bar what its members list shows (SQLite: the full-text path or, for one
    chapter, its index; PostgreSQL: the LIKE form)."""
    from talentdesk.services.demo import generate_demo

    with db.session() as s:
        generate_demo(s, 160, seed=23)
    with db.reader() as session:
        # the most common chapter, sector and country, so that combinations still select someone
        chapter, sector, country = (
            session.execute(text(sql)).first()[0]  # type: ignore[index]
            for sql in (
                "SELECT chapter_id FROM members WHERE chapter_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1",
                "SELECT sector_id FROM member_sectors GROUP BY 1 ORDER BY count(*) DESC, 1",
                "SELECT country FROM members WHERE country IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1",
            )
        )
        flt = DashboardFilter(
            chapter_id=chapter if "chapter" in which or which == "all three" else None,
            sector_id=sector if "sector" in which or which == "all three" else None,
            country=country if "country" in which or which == "all three" else None,
        )
        board = load_dashboard(session, flt, growth=False)  # a filtered board has its growth line
        expected = _plain_charts(session, flt)
        total = sum(expected["chapter"].values())
        assert board.members == total > 0
        chapters = {b.query.chapter_ids[0]: b.count for b in board.chart("chapter").bars if b.query}
        assert chapters == {k: n for k, n in expected["chapter"].items() if k is not None}
        sectors = {b.label.split(". ")[0]: b.count for b in board.chart("sector").bars}
        numbers = dict(session.execute(text("SELECT id, number FROM sectors")).all())
        assert sectors == {str(numbers[k]): n for k, n in expected["sector"].items()}
        countries = board.chart("country")
        assert countries.total == total
        assert {b.query.countries[0]: b.count for b in countries.bars if b.query} == {
            k: n for k, n in expected["country"].most_common(len([b for b in countries.bars if b.query])) if k
        }
        degrees = {b.query.degrees[0].value: b.count for b in board.chart("degree").bars if b.query}
        assert degrees == {k: n for k, n in expected["degree"].items() if k}
        offered = {b.query.contribution_ids[0]: b.count for b in board.chart("contribution").bars if b.query}
        assert offered == dict(expected["contribution"])
        growth = {int(b.label): b.count for b in board.chart("growth").bars}
        assert {y: n for y, n in growth.items() if n} == {y: n for y, n in expected["growth"].items() if y}
        assert board.chart("jornadas").total == sum(expected["jornadas"].values())
        for chart in board.charts:
            for bar in chart.bars:
                if bar.query is not None:
                    assert count_members(session, bar.query) == bar.count, (chart.key, bar.label)
        cut = within_years(session, board, YearRange(min(growth) + 1, max(growth) - 1))
        assert {int(b.label) for b in cut.chart("growth").bars} == set(range(min(growth) + 1, max(growth)))
        assert growth_chart(session, flt) == board.chart("growth")  # the unfiltered board's second step
