"""The Reporte sectorial and the Informe anual on a 1,000,000-member database (issue 15).

Run by hand:  python bench/reports_bench.py --db COPY.sqlite [--runs R] [--quick]

Each run is a fresh process (cold Python, the file in the OS cache) that times, wall clock and
CPU (``time.process_time``: the figure to trust on a loaded machine):

* the read models ``services.reports.sector_report`` (sector 3) and ``annual_report`` (2020);
* the whole documents: the sector report as PDF (with its directory of every consenting member
  of the sector, thousands of pages) and as xlsx, the annual report as PDF;

and, in the same process, the baseline: the raw grouped queries a person would write for the
same figures with the ``sqlite3`` module, no ORM. Prints a Markdown table of medians for
docs/benchmarks.md. Give it a copy: opening the database brings its schema up to date.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchutil import QUICK_HELP, bench_database, fresh_runs

SECTOR, YEAR = 3, 2020
IN_SECTOR = f"m.id IN (SELECT member_id FROM member_sectors WHERE sector_id = {SECTOR})"
BASELINE = {
    "sector": [
        f"SELECT m.country, count(*) FROM members m WHERE {IN_SECTOR} GROUP BY 1",
        f"SELECT m.chapter_id, count(*) FROM members m WHERE {IN_SECTOR} GROUP BY 1",
        f"SELECT m.degree_level, count(*) FROM members m WHERE {IN_SECTOR} GROUP BY 1",
        f"SELECT strftime('%Y', m.joined_on), count(*) FROM members m WHERE {IN_SECTOR} GROUP BY 1",
        "SELECT mc.contribution_id, count(*) FROM member_contributions mc WHERE mc.member_id IN "
        f"(SELECT member_id FROM member_sectors WHERE sector_id = {SECTOR}) GROUP BY 1",
        f"SELECT count(*) FROM member_sectors WHERE sector_id = {SECTOR} AND is_primary",
        f"SELECT m.id FROM members m WHERE {IN_SECTOR} AND m.directory_consent = 1 AND NOT m.no_contact",
        f"SELECT p.event_id, p.status, count(*) FROM participants p JOIN members m ON m.id = p.member_id "
        f"WHERE {IN_SECTOR} GROUP BY 1, 2",
        f"SELECT id FROM programs WHERE sector_id = {SECTOR} OR id IN "
        f"(SELECT program_id FROM program_sectors WHERE sector_id = {SECTOR})",
    ],
    "annual": [
        f"SELECT count(*) FROM members WHERE joined_on <= '{YEAR}-12-31'",
        f"SELECT chapter_id, count(*) FROM members WHERE joined_on BETWEEN '{YEAR}-01-01' AND '{YEAR}-12-31' "
        "GROUP BY 1",
        "SELECT ms.sector_id, count(*) FROM member_sectors ms JOIN members m ON m.id = ms.member_id "
        f"WHERE m.joined_on BETWEEN '{YEAR}-01-01' AND '{YEAR}-12-31' GROUP BY 1",
        f"SELECT strftime('%Y', joined_on), count(*) FROM members WHERE joined_on <= '{YEAR}-12-31' GROUP BY 1",
        f"SELECT id FROM programs WHERE starts_on <= '{YEAR}-12-31' AND (ends_on IS NULL OR ends_on >= '{YEAR}-01-01')",
        f"SELECT e.id, p.status, count(*) FROM events e JOIN participants p ON p.event_id = e.id "
        f"WHERE e.starts_on BETWEEN '{YEAR}-01-01' AND '{YEAR}-12-31' GROUP BY 1, 2",
    ],
}


def timed(out: dict[str, float], name: str, work: Callable[[], Any]) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    out[f"{name} (wall)"] = time.perf_counter() - wall
    out[f"{name} (CPU)"] = time.process_time() - cpu


def child(db: Path) -> None:
    """One fresh process: time ours and the baseline once each, print JSON."""
    from talentdesk.core import i18n
    from talentdesk.db.session import Database
    from talentdesk.exports.reports import export_annual_report, export_sector_report
    from talentdesk.services import reports

    out: dict[str, float] = {}
    database = Database.open(db)
    try:
        with i18n.spanish(), tempfile.TemporaryDirectory() as tmp:
            with database.reader() as session:
                timed(out, "sector report: read model", lambda: reports.sector_report(session, SECTOR))
                timed(out, "annual report: read model", lambda: reports.annual_report(session, YEAR))
            folder = Path(tmp)
            sectors = database.sessions
            timed(out, "sector report: PDF", lambda: export_sector_report(sectors, SECTOR, folder / "s.pdf"))
            timed(
                out, "sector report: xlsx", lambda: export_sector_report(sectors, SECTOR, folder / "s.xlsx")
            )
            timed(out, "annual report: PDF", lambda: export_annual_report(sectors, YEAR, folder / "a.pdf"))
    finally:
        database.close()
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    for name, queries in BASELINE.items():

        def run(q: list[str] = queries) -> None:
            for sql in q:
                con.execute(sql).fetchall()

        timed(out, f"baseline {name}: raw grouped queries", run)
    con.close()
    print(json.dumps(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help=QUICK_HELP)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.db)
        return
    runs = 1 if args.quick else args.runs
    load = os.getloadavg()[0]
    with bench_database(args.db, args.quick) as db:
        samples = fresh_runs(__file__, db, runs)
    print(f"{runs} fresh processes; load average {load:.2f} at the start ({os.cpu_count()} cores).\n")
    print("| measurement | median s | min s |")
    print("|---|---:|---:|")
    for key, values in samples.items():
        print(f"| {key} | {statistics.median(values):,.2f} | {min(values):,.2f} |")


if __name__ == "__main__":
    main()
