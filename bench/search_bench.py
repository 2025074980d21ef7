"""Search first-page latency on a 1,000,000-member database (Core issue, goal ≤ 30 ms p95).

Run by hand:  python bench/search_bench.py [--db PATH] [--members N] [--runs R]

Builds the database with ``talentdesk demo`` if it does not exist (timed: that is the demo
figure), then times each query of a fixed set: count + first page of 100 ids in Spanish
name order, as ``search_members`` does it. For comparison, the same run times the plain
FTS5 approach (join the matches, ORDER BY the sort key) for every query: the baseline the
planner has to beat. Prints a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from talentdesk.core.enums import MemberStatus
from talentdesk.db.session import Database
from talentdesk.services import reference
from talentdesk.services import search as search_mod
from talentdesk.services.search import MemberQuery, search_members

DEFAULT_DB = Path(__file__).parent / "data" / "members-1m.sqlite"


def build(db_path: Path, members: int) -> float:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "talentdesk", "--db", str(db_path), "demo", "--members", str(members)],
        check=True,
    )
    return time.perf_counter() - start


def queries(db: Database) -> list[tuple[str, MemberQuery]]:
    with db.reader() as session:
        houston = reference.find_chapter(session, "Houston").id
        tic = reference.find_sector(session, "2").id
    return [
        ("narrow surname `zavala`", MemberQuery(text="zavala")),
        ("1-letter prefix `m`", MemberQuery(text="m")),
        ("2-letter prefix `ma`", MemberQuery(text="ma")),
        ("accentless `nunez` (Núñez)", MemberQuery(text="nunez")),
        ("accentless name `jose castaneda`", MemberQuery(text="jose castaneda")),
        ("e-mail fragment `maria.garcia12`", MemberQuery(text="maria.garcia12")),
        ("employer word `hidalgo`", MemberQuery(text="hidalgo")),
        ("filters only: Houston + sector 2", MemberQuery(chapter_ids=(houston,), sector_ids=(tic,))),
        (
            "combined: `mar` + Houston + activo",
            MemberQuery(text="mar", chapter_ids=(houston,), statuses=(MemberStatus.ACTIVE,)),
        ),
        ("everything (no query)", MemberQuery()),
    ]


def timed(fn: object, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    if not args.db.exists():
        print(f"demo --members {args.members}: {build(args.db, args.members):.1f} s", file=sys.stderr)
    db = Database.open(args.db)
    print("| query | matches | plan | median ms | p95 ms | plain FTS5 sort: median ms |")
    print("|---|---:|---|---:|---:|---:|")
    for name, query in queries(db):
        with db.reader() as session:
            search_members(session, query)  # warm the page cache as a user's second keystroke would
            page = search_members(session, query)
            ours = timed(lambda s=session, q=query: search_members(s, q, limit=100), args.runs)
            original = search_mod._choose_plan
            search_mod._choose_plan = lambda *_a: "sort"  # type: ignore[assignment]
            try:
                baseline = timed(
                    lambda s=session, q=query: search_members(s, q, limit=100), max(5, args.runs // 4)
                )
            finally:
                search_mod._choose_plan = original
        print(
            f"| {name} | {page.total:,} | {page.plan} | {statistics.median(ours):.1f} | {p95(ours):.1f} | "
            f"{statistics.median(baseline):.1f} |"
        )
    db.close()


if __name__ == "__main__":
    main()
