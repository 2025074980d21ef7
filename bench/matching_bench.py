"""Talent matching at 1,000,000 members (issue 14 goal: the first 50 ranked results with their
reasons in ≤ 200 ms), beside the plain member search on the same database in the same run.

Run by hand::

    python bench/matching_bench.py [--db PATH] [--runs R] [--quick]

The database is a copy of the shared 1M one upgraded to the current schema
(``talentdesk --db COPY db upgrade``; default ``bench/data/match-1m.sqlite``). The needs are
fixed here, from broad to narrow:

* broad — any sector, contribution "Mentoría a empresas mexicanas";
* narrow — Salud + «biotecnología» + Houston (US);
* full — Salud + «vacunas, biología molecular» + Houston (US) + the Houston chapter + mentoring
  + doctorate + English: every criterion, so every tier of the candidate search runs;
* diverse — the full need with the diversity option;
* the first demo need of the database (its own criteria), when it has one.

Each is timed as ``services.matching.match_members(limit=50)`` does it (candidate search, loading,
scoring, reasons) in a fresh session, interleaved in shuffled order with the **baseline**: the
plain members search (``services.search.search_members``, first page of 100 ids and the total)
for the same indexed filters. One untimed warm-up round first (the file cache is warm, SQLite's
page cache starts cold with each session's connection). Prints Markdown for docs/benchmarks.md
with the load average before and after.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from benchutil import QUICK_HELP, bench_database

DEFAULT_DB = Path(__file__).parent / "data" / "match-1m.sqlite"


def needs(session: Any) -> list[tuple[str, Any, Any]]:
    """(label, match criteria, the members search with the same indexed filters)."""
    from dataclasses import replace

    from talentdesk.core.enums import DegreeLevel
    from talentdesk.core.programs import Need
    from talentdesk.services import reference
    from talentdesk.services.matching import MatchCriteria, criteria_for_need
    from talentdesk.services.search import MemberQuery

    salud = reference.find_sector(session, "Salud").id
    houston = reference.find_chapter(session, "Houston").id
    mentoring = reference.find_contribution(session, "mentoria_empresas").id
    full = MatchCriteria(
        sector_ids=(salud,),
        keywords="vacunas, biología molecular",
        country="US",
        city="Houston",
        chapter_id=houston,
        contribution_id=mentoring,
        degree_level=DegreeLevel.DOCTORADO,
        languages="inglés",
    )
    out = [
        (
            "broad: any sector, Mentoría",
            MatchCriteria(contribution_id=mentoring),
            MemberQuery(contribution_ids=(mentoring,)),
        ),
        (
            "narrow: Salud + biotecnología + Houston",
            MatchCriteria(sector_ids=(salud,), keywords="biotecnología", country="US", city="Houston"),
            MemberQuery(text="biotecnologa houston", sector_ids=(salud,), countries=("US",)),
        ),
        (
            "full: every criterion",
            full,
            MemberQuery(
                text="vacunas houston",
                sector_ids=(salud,),
                countries=("US",),
                chapter_ids=(houston,),
                contribution_ids=(mentoring,),
                degrees=(DegreeLevel.DOCTORADO, DegreeLevel.POSDOCTORADO),
            ),
        ),
        (
            "full, diverse",
            replace(full, diverse=True),
            MemberQuery(sector_ids=(salud,), chapter_ids=(houston,)),
        ),
    ]
    need = session.query(Need).order_by(Need.id).first()
    if need is not None:
        criteria = criteria_for_need(session, need)
        if not criteria.is_empty():
            out.append((f"demo need {need.id}", criteria, MemberQuery(sector_ids=criteria.sector_ids)))
    return out


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = work()
    return (time.perf_counter() - start) * 1000, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--quick", action="store_true", help=QUICK_HELP)
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    given = args.db or (None if args.quick else DEFAULT_DB)

    from talentdesk.db.session import Database
    from talentdesk.services.matching import match_members
    from talentdesk.services.members import count_members
    from talentdesk.services.search import search_members

    load_before = os.getloadavg()
    with bench_database(given, args.quick) as path:
        database = Database.open(path)
        with database.reader() as session:
            members = count_members(session)
            cases = needs(session)
        times: dict[tuple[str, str], list[float]] = {}
        facts: dict[str, tuple[int, int, float, int]] = {}
        for round_ in range(runs + 1):
            order = [(label, kind) for label, *_r in cases for kind in ("match", "search")]
            random.Random(round_).shuffle(order)
            for label, kind in order:
                _l, criteria, query = next(c for c in cases if c[0] == label)
                with database.reader() as session:
                    if kind == "match":
                        ms, result = timed(partial(match_members, session, criteria, limit=50))
                        facts[label] = (
                            len(result.items),
                            result.queries,
                            result.items[0].score if result.items else 0.0,
                            result.total,
                        )
                    else:
                        ms, _page = timed(partial(search_members, session, query, limit=100))
                if round_:  # the first round warms the file cache
                    times.setdefault((label, kind), []).append(ms)
        database.close()
    load_after = os.getloadavg()

    print(f"\n{members:,} members, {runs} runs per need after one warm-up; medians in ms.\n")
    print(
        "| need | results | index queries | best score | match median | match p95 | members search median |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, *_r in cases:
        match = sorted(times[(label, "match")])
        search = times[(label, "search")]
        p95 = match[min(len(match) - 1, round(0.95 * (len(match) - 1)))]
        n, queries, best, _total = facts[label]
        print(
            f"| {label} | {n} | {queries} | {best:g} | {statistics.median(match):.1f} | {p95:.1f} "
            f"| {statistics.median(search):.1f} |"
        )
    print(f"\nLoad average before: {load_before[0]:.2f}, after: {load_after[0]:.2f}.")


if __name__ == "__main__":
    main()
