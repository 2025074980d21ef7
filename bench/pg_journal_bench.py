"""What the row journal's PostgreSQL triggers cost a bulk write (migration 0012).

Run by hand:  python bench/pg_journal_bench.py --url postgresql+psycopg://… [--members N] [--runs R]
              (or with TALENTDESK_TEST_PG set, e.g. after ``source scripts/pg-cluster``)

Into a fresh, migrated database, inserts N demo members with ``db/bulk.bulk_insert`` (what
``talentdesk demo`` uses) in one transaction, rolled back after each measure, three ways
interleaved in every run:

* **off** — the schema as shipped: the ``td_journal`` trigger is there and its ``WHEN`` finds the
  journal off (every bulk load, import and restore);
* **dropped** — the baseline, same transaction with the trigger dropped first (as before 0012);
* **on** — inside a journal capture (recording every row: what an undoable bulk edit pays);
* **no notices** — the schema as shipped but without the ``td_notify`` statement trigger
  (migration 0013: committed changes announce their table to the other workstations), to
  measure what that trigger adds to ``off``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from benchutil import QUICK_HELP
from sqlalchemy import Connection, create_engine, make_url

from talentdesk.core.models import Base
from talentdesk.db.bulk import bulk_insert
from talentdesk.db.session import Database
from talentdesk.ops import journal
from talentdesk.services.demo import _BatchMaker

NAME = "talentdesk_bench_journal"


def _members(count: int) -> list[dict[str, Any]]:
    maker = _BatchMaker(
        1,
        [(1, "San José", "US"), (2, "Houston", "US"), (3, "Detroit", "US")],
        list(range(1, 10)),
        list(range(1, 12)),
    )
    rows: list[dict[str, Any]] = []
    while len(rows) < count:
        rows.extend(maker.make(len(rows) + 1, min(25_000, count - len(rows))).members)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default=os.environ.get("TALENTDESK_TEST_PG", ""))
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help=QUICK_HELP)
    args = parser.parse_args()
    if args.quick:
        args.members, args.runs = 500, 1
    print("| measure | seconds |")
    print("|---|---:|")
    if not args.url:
        print("| no PostgreSQL server (--url or TALENTDESK_TEST_PG): nothing measured | – |")
        return
    server = create_engine(args.url, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {NAME} WITH (FORCE)")
        conn.exec_driver_sql(f"CREATE DATABASE {NAME}")
    db = Database.open(make_url(args.url).set(database=NAME).render_as_string(hide_password=False))
    table = Base.metadata.tables["members"]
    rows = _members(args.members)

    def off(conn: Connection) -> None:
        bulk_insert(conn, table, rows)

    def dropped(conn: Connection) -> None:
        conn.exec_driver_sql('DROP TRIGGER td_journal ON "members"')
        bulk_insert(conn, table, rows)

    def no_notices(conn: Connection) -> None:
        conn.exec_driver_sql('DROP TRIGGER td_notify ON "members"')
        bulk_insert(conn, table, rows)

    times: dict[str, list[float]] = {"off": [], "dropped": [], "on": [], "no notices": []}

    def measure(name: str, work: Callable[[Connection], None]) -> None:
        with db.engine.connect() as conn:
            start = time.perf_counter()
            work(conn)
            times[name].append(time.perf_counter() - start)
            conn.rollback()

    try:
        for run in range(args.runs):
            measure("off", off)
            measure("dropped", dropped)
            measure("no notices", no_notices)
            with db.sessions() as session:
                start = time.perf_counter()
                with journal.capture(session) as cap:
                    bulk_insert(session.connection(), table, rows)
                times["on"].append(time.perf_counter() - start)
                assert len(cap.journal.changes) == len(rows)
                session.rollback()
            print(
                f"run {run + 1}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in times.items()),
                file=sys.stderr,
            )
    finally:
        db.close()
        with server.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {NAME} WITH (FORCE)")
        server.dispose()
    n = f"{args.members:,}"
    median = {k: statistics.median(v) for k, v in times.items()}
    print(f"| insert {n} members, trigger present, journal off (as shipped) | {median['off']:.2f} s |")
    print(f"| baseline: the same with the trigger dropped | {median['dropped']:.2f} s |")
    print(f"| the same inside a journal capture (every row recorded and read back) | {median['on']:.2f} s |")
    print(
        f"| as shipped but without the change-notice trigger (before 0013) | {median['no notices']:.2f} s |"
    )


if __name__ == "__main__":
    main()
