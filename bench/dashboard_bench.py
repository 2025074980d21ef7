"""The Tablero's figures on a 1,000,000-member database (issue 15), as the area counts them.

Run by hand:  python bench/dashboard_bench.py [--db PATH] [--runs R] [--quick]

Each run is a fresh process (cold Python, the file in the OS cache as a user's second opening
finds it) that times (wall clock, and the process's CPU time: on a shared machine the wall time
is mostly waiting for a core), for all members and for one chapter:

* ``load_dashboard(growth=False)``: every chart the Tablero paints first;
* ``growth_chart``: the members by year joined, added when counted;

and, in the same process, the baseline: the plain grouped queries a person would write for the
same figures (chapter, sector, country, degree, contribution, year joined, Jornada statuses) with
the ``sqlite3`` module, no ORM. Prints a Markdown table of medians for docs/benchmarks.md. Give
it a copy: opening the database brings its schema up to date.
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

BASELINE = {
    "all": [
        "SELECT chapter_id, count(*) FROM members GROUP BY 1",
        "SELECT sector_id, count(*) FROM member_sectors GROUP BY 1",
        "SELECT country, count(*) FROM members GROUP BY 1",
        "SELECT degree_level, count(*) FROM members GROUP BY 1",
        "SELECT contribution_id, count(*) FROM member_contributions GROUP BY 1",
        "SELECT e.id, p.status, count(*) FROM events e JOIN participants p ON p.event_id = e.id GROUP BY 1, 2",
    ],
    "years": ["SELECT strftime('%Y', joined_on), count(*) FROM members GROUP BY 1"],
}


def child(db: Path) -> None:
    """One fresh process: time ours and the baseline once each, print JSON."""
    started = time.perf_counter()
    from talentdesk.db.session import Database
    from talentdesk.services.dashboard import DashboardFilter, growth_chart, load_dashboard

    out: dict[str, float] = {"import": time.perf_counter() - started}
    database = Database.open(db)
    try:
        with database.reader() as session:
            for name, flt in (("all", DashboardFilter()), ("chapter", DashboardFilter(chapter_id=3))):
                start, cpu = time.perf_counter(), time.process_time()
                load_dashboard(session, flt, growth=False)
                out[f"{name} first charts"] = time.perf_counter() - start
                out[f"{name} first charts, CPU"] = time.process_time() - cpu
                start, cpu = time.perf_counter(), time.process_time()
                growth_chart(session, flt)
                out[f"{name} growth"] = time.perf_counter() - start
                out[f"{name} growth, CPU"] = time.process_time() - cpu
    finally:
        database.close()
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    for name, queries in BASELINE.items():
        start, cpu = time.perf_counter(), time.process_time()
        for sql in queries:
            con.execute(sql).fetchall()
        out[f"baseline {name}"] = time.perf_counter() - start
        out[f"baseline {name}, CPU"] = time.process_time() - cpu
    con.close()
    print(json.dumps(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help=QUICK_HELP)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.db)
        return
    runs = 1 if args.quick else args.runs
    with bench_database(args.db, args.quick) as db:
        samples: dict[str, list[float]] = {}
        load = os.getloadavg()[0]
        for _ in range(runs):
            done = subprocess.run(
                [sys.executable, __file__, "--child", "--db", str(db)], capture_output=True, text=True, check=True
            )
            for key, value in json.loads(done.stdout.strip().splitlines()[-1]).items():
                samples.setdefault(key, []).append(value * 1000)
    print(f"{runs} fresh processes; load average {load:.2f} at the start ({os.cpu_count()} cores).\n")
    print("| measurement | median ms | min ms |")
    print("|---|---:|---:|")
    for key, values in samples.items():
        print(f"| {key} | {statistics.median(values):,.0f} | {min(values):,.0f} |")


if __name__ == "__main__":
    main()
