"""The Tablero's figures on a 1,000,000-member database (issue 15), as the area counts them.

Run by hand:  python bench/dashboard_bench.py [--db PATH] [--runs R] [--compare CHECKOUT] [--quick]

Each measurement is a fresh process (cold Python, the file in the OS cache as a user's second
opening finds it) that first counts the whole Tablero once, as the area open on the screen has,
then times (wall clock, and the process's CPU time: on a shared machine the wall time is mostly
waiting for a core) one change of the filter bar, as the area counts it off the GUI thread:
``load_dashboard(growth=False)``, then ``growth_chart`` when the board came without its growth
line, each cut to the year range by ``within_years``. The cases: all members, one chapter, one
sector, one country, a chapter and a sector together, and one chapter with a year range.

In the same process, after ours, the baseline: the plain grouped queries a person would write
for the same figures of the same members (chapter, sector, country, degree, contribution, year
joined, Jornada statuses) with the ``sqlite3`` module, no ORM. ``--compare CHECKOUT`` also runs
every case with another checkout's code (``PYTHONPATH``), interleaved with ours, run by run.
Prints a Markdown table of medians for docs/benchmarks.md. Give it a copy: opening the database
brings its schema up to date.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchutil import QUICK_HELP, bench_database

#: Case: (chapter_id, sector_id, country, first year, last year). Of the demo's 1,000,000
#: members (seed 1), chapter 3 has 41,050, sector 3 185,517, the United States 788,813.
CASES: dict[str, tuple[int | None, int | None, str | None, int | None, int | None]] = {
    "all members": (None, None, None, None, None),
    "one chapter": (3, None, None, None, None),
    "one sector": (None, 3, None, None, None),
    "one country": (None, None, "US", None, None),
    "chapter + sector": (3, 3, None, None, None),
    "chapter, years 2015–2020": (3, None, None, 2015, 2020),
}

BASELINE = [
    "SELECT chapter_id, count(*) FROM members m WHERE {members} GROUP BY 1",
    "SELECT sector_id, count(*) FROM member_sectors WHERE member_id IN (SELECT id FROM members m WHERE {members}) GROUP BY 1",
    "SELECT country, count(*) FROM members m WHERE {members} GROUP BY 1",
    "SELECT degree_level, count(*) FROM members m WHERE {members} GROUP BY 1",
    "SELECT contribution_id, count(*) FROM member_contributions WHERE member_id IN (SELECT id FROM members m WHERE {members}) GROUP BY 1",
    "SELECT strftime('%Y', joined_on), count(*) FROM members m WHERE {members} GROUP BY 1",
    "SELECT p.event_id, p.status, count(*) FROM participants p WHERE p.member_id IN (SELECT id FROM members m WHERE {members}) GROUP BY 1, 2",
]


def baseline_where(chapter: int | None, sector: int | None, country: str | None) -> tuple[str, list[object]]:
    clauses, params = ["1 = 1"], list[object]()
    if chapter is not None:
        clauses.append("m.chapter_id = ?")
        params.append(chapter)
    if country is not None:
        clauses.append("m.country = ?")
        params.append(country)
    if sector is not None:
        clauses.append("m.id IN (SELECT member_id FROM member_sectors WHERE sector_id = ?)")
        params.append(sector)
    return " AND ".join(clauses), params


def child(db: Path, case: str) -> None:
    """One fresh process: the whole Tablero once (the area as opened), then one filter change
    timed, then the plain queries for the same members; prints JSON."""
    from talentdesk.db.session import Database
    from talentdesk.services.dashboard import Dashboard, DashboardFilter, growth_chart, load_dashboard
    from talentdesk.services.reports import YearRange, within_years

    chapter, sector, country, first, last = CASES[case]
    flt = DashboardFilter(chapter_id=chapter, sector_id=sector, country=country)
    years = YearRange(first, last)
    out: dict[str, float] = {}
    database = Database.open(db)
    try:
        with database.reader() as session:
            load_dashboard(session, DashboardFilter())  # the Tablero as the user has it open
        with database.reader() as session:
            start, cpu = time.perf_counter(), time.process_time()
            board = within_years(session, load_dashboard(session, flt, growth=False), years)
            out["first"], out["first CPU"] = time.perf_counter() - start, time.process_time() - cpu
        if not any(chart.key == "growth" for chart in board.charts):
            with database.reader() as session:  # the area's second read: the growth line
                within_years(session, Dashboard(0, (growth_chart(session, flt),)), years)
        out["whole"], out["whole CPU"] = time.perf_counter() - start, time.process_time() - cpu
        out["members"] = board.members
    finally:
        database.close()
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    where, params = baseline_where(chapter, sector, country)
    start, cpu = time.perf_counter(), time.process_time()
    for sql in BASELINE:
        con.execute(sql.format(members=where), params).fetchall()
    out["baseline"], out["baseline CPU"] = time.perf_counter() - start, time.process_time() - cpu
    con.close()
    print(json.dumps(out))


def run(db: Path, case: str, checkout: Path | None) -> dict[str, float]:
    env = dict(os.environ)
    if checkout is not None:
        env["PYTHONPATH"] = str(checkout)
    done = subprocess.run(
        [sys.executable, __file__, "--child", "--db", str(db), "--case", case],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--compare", type=Path, help="another checkout, measured in the same run")
    parser.add_argument("--quick", action="store_true", help=QUICK_HELP)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.db, args.case)
        return
    runs = 1 if args.quick else args.runs
    checkouts: dict[str, Path | None] = {"this": None}
    if args.compare:
        checkouts = {"compared": args.compare, **checkouts}
    with bench_database(args.db, args.quick) as db:
        samples: dict[tuple[str, str], list[dict[str, float]]] = {}
        loads = [os.getloadavg()[0]]
        for _ in range(runs):
            for case in CASES:
                for name, checkout in checkouts.items():
                    samples.setdefault((case, name), []).append(run(db, case, checkout))
            loads.append(os.getloadavg()[0])
    print(
        f"{runs} runs, a fresh process per case; load average {min(loads):.1f}–{max(loads):.1f} "
        f"({os.cpu_count()} cores). Medians, ms wall / CPU.\n"
    )

    def median(case: str, name: str, key: str) -> float:
        return statistics.median(s[key] * 1000 for s in samples[(case, name)])

    head = " | ".join(f"{name}: first charts | {name}: whole change" for name in checkouts)
    print(f"| filter (members) | {head} | plain grouped queries |")
    print("|---|" + "---:|" * (2 * len(checkouts) + 1))
    for case in CASES:
        cells = []
        for name in checkouts:
            for key in ("first", "whole"):
                cells.append(f"{median(case, name, key):,.0f} / {median(case, name, key + ' CPU'):,.0f}")
        members = int(samples[(case, "this")][0]["members"])
        baseline = f"{median(case, 'this', 'baseline'):,.0f} / {median(case, 'this', 'baseline CPU'):,.0f}"
        print(f"| {case} ({members:,}) | {' | '.join(cells)} | {baseline} |")


if __name__ == "__main__":
    main()
