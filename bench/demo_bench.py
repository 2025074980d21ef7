"""Time ``talentdesk demo --members N`` (Core issue goal: ≤ 60 s for 1,000,000 here).

Run by hand:  python bench/demo_bench.py [--members N] [--runs R] [--quick]

Each run writes a fresh database with the real command (a new process, as a user runs it).
The baseline, measured in the same run: plain SQLAlchemy Core ``execute(insert(members),
rows)`` of the same member rows, made beforehand, into an empty schema with no full-text
index, no sectors and no contributions — the floor the issue quotes (≈ 13 s).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchutil import QUICK_HELP, demo_database
from sqlalchemy import insert

from talentdesk.core.models import Base
from talentdesk.db.session import Database
from talentdesk.services.demo import BATCH, _BatchMaker


def run_baseline(path: Path, members: int) -> float:
    db = Database.open(path)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER members_fts_ai")
    maker = _BatchMaker(
        1,
        [(1, "San José", "US"), (2, "Houston", "US"), (3, "Detroit", "US")],
        list(range(1, 10)),
        list(range(1, 12)),
    )
    batches = [maker.make(first, min(BATCH, members - first + 1)) for first in range(1, members + 1, BATCH)]
    table = Base.metadata.tables["members"]
    start = time.perf_counter()
    with db.engine.begin() as conn:
        for batch in batches:
            conn.execute(insert(table), batch.members)
    elapsed = time.perf_counter() - start
    db.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help=QUICK_HELP)
    args = parser.parse_args()
    if args.quick:
        args.members, args.runs = 300, 1
    ours, base = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.runs):
            ours.append(demo_database(Path(tmp) / f"demo-{i}.sqlite", args.members))
            base.append(run_baseline(Path(tmp) / f"base-{i}.sqlite", args.members))
            for f in Path(tmp).iterdir():
                f.unlink()
            print(f"run {i + 1}: demo {ours[-1]:.1f} s, bare Core insert {base[-1]:.1f} s", file=sys.stderr)
    print("| measure | seconds |")
    print("|---|---:|")
    print(
        f"| `talentdesk demo --members {args.members:,}` (whole command) | {statistics.median(ours):.1f} s |"
    )
    print(f"| bare SQLAlchemy Core insert of the same member rows only | {statistics.median(base):.1f} s |")


if __name__ == "__main__":
    main()
