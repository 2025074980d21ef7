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


def test_programme_charts_agree_with_sql_and_with_the_programmes_list(demo: Database, demo_db_path: Path) -> None:
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


def test_programme_charts_follow_the_sector_filter_and_say_what_a_country_does_not_filter(demo: Database) -> None:
    from talentdesk.services.program_views import ProgramFilter, load_programs

    board = load(demo)
    sector = next(b for b in board.chart("sector").bars if b.query is not None)
    assert sector.query is not None
    sector_id = sector.query.sector_ids[0]
    narrowed = load(demo, DashboardFilter(sector_id=sector_id))
    with demo.reader() as session:
        assert narrowed.chart("programs").total == len(load_programs(session, ProgramFilter(sector_id=sector_id)))
    assert narrowed.chart("programs").total < board.chart("programs").total
    assert narrowed.chart("programs").note == ""
    by_country = load(demo, DashboardFilter(country="US"))
    assert by_country.chart("programs").note == "Los programas no se filtran por país."
    assert by_country.chart("programs").total == board.chart("programs").total
