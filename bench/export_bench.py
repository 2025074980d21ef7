"""Members spreadsheet export (documents issue goals: ≤ 1.1× raw openpyxl write-only for
100,000 members; peak memory growth ≤ 50 MB whatever the row count).

Run by hand:  python bench/export_bench.py [--db PATH] [--rows N] [--runs R] [--log]

Each measurement runs in a fresh process. TalentDesk: ``export_members_xlsx`` from the
database to a file (query, formatting, writing). Baseline, same run: the very same rows,
fetched beforehand into memory, appended with bare openpyxl write-only (dates as date
objects) and saved. Memory: peak RSS growth of the process during the export, at N rows and
at N/10 rows — flat means streaming.

``--log``: what the export log costs instead. The same export through
``exports.registry.run_export`` (which records the entry and the compressed member ids) against
the bare ``export_members_xlsx``, alternating in fresh processes, same run.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchutil import QUICK_HELP, bench_database


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(kind: str, db: str, rows: int, out: str) -> dict[str, float]:
    from talentdesk.db.session import Database
    from talentdesk.exports.members_xlsx import COLUMNS, export_members_xlsx

    database = Database.open(db)
    ids = list(range(1, rows + 1))
    if kind == "talentdesk":
        before = rss_mb()
        start = time.perf_counter()
        export_members_xlsx(database.sessions, ids, out)
        return {"seconds": time.perf_counter() - start, "growth_mb": rss_mb() - before}
    if kind == "bookkeeping":  # the log alone: entry, filters, 100k ids packed, two commits
        from talentdesk.exports.files import ExportResult
        from talentdesk.exports.registry import ExportRequest, logged_export

        times = []
        for _ in range(5):
            start = time.perf_counter()
            with logged_export(
                "members", database.sessions, ExportRequest(member_ids=tuple(ids)), out
            ) as finish:
                finish(ExportResult(Path(out), len(ids), member_ids=ids))
            times.append(time.perf_counter() - start)
        return {"seconds": statistics.median(times), "growth_mb": 0.0}
    if kind == "logged":
        from talentdesk.exports.registry import ExportRequest, run_export

        before = rss_mb()
        start = time.perf_counter()
        run_export("members", database.sessions, ExportRequest(member_ids=tuple(ids)), out)
        return {"seconds": time.perf_counter() - start, "growth_mb": rss_mb() - before}
    from openpyxl import Workbook

    from talentdesk.exports.members_xlsx import _Lookups, rows_for  # same content, made before timing

    with database.reader() as session:
        lookups = _Lookups.read(session)
        data = []
        for first in range(0, rows, 2000):
            data.extend(rows_for(session, ids[first : first + 2000], lookups))
    start = time.perf_counter()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Miembros")
    sheet.append([col.header for _key, col in COLUMNS])
    for row in data:
        sheet.append(row)
    workbook.save(out)
    return {"seconds": time.perf_counter() - start, "growth_mb": 0.0}


def run(kind: str, db: Path, rows: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                kind,
                "--db",
                str(db),
                "--rows",
                str(rows),
                "--out",
                str(Path(tmp) / "x.xlsx"),
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child")
    parser.add_argument("--out")
    parser.add_argument("--log", action="store_true", help="measure the export log's cost instead")
    parser.add_argument("--quick", action="store_true", help=QUICK_HELP)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, str(args.db), args.rows, args.out)))
        return
    if args.quick:
        args.rows, args.runs = 300, 1
    with bench_database(args.db, args.quick) as args.db:
        measure(args)


def measure(args: argparse.Namespace) -> None:
    if args.log:
        bare, logged = [], []
        for _ in range(args.runs):
            bare.append(run("talentdesk", args.db, args.rows)["seconds"])
            logged.append(run("logged", args.db, args.rows)["seconds"])
        t_bare, t_logged = statistics.median(bare), statistics.median(logged)
        print("| measure | time |")
        print("|---|---:|")
        print(f"| export_members_xlsx, {args.rows:,} members, no log | {t_bare:.2f} s |")
        print(f"| the same through run_export, logged with its member ids | {t_logged:.2f} s |")
        print(f"| difference | {t_logged - t_bare:+.2f} s ({t_logged / t_bare - 1:+.1%}) |")
        keeping = run("bookkeeping", args.db, args.rows)["seconds"]
        print(f"| the log's own work alone (median of 5 in one process) | {keeping * 1000:.0f} ms |")
        return
    ours, raw = [], []
    for _ in range(args.runs):
        ours.append(run("talentdesk", args.db, args.rows))
        raw.append(run("raw", args.db, args.rows))
    small = run("talentdesk", args.db, args.rows // 10)
    t_ours = statistics.median(r["seconds"] for r in ours)
    t_raw = statistics.median(r["seconds"] for r in raw)
    print("| measure | value |")
    print("|---|---:|")
    print(f"| export_members_xlsx, {args.rows:,} members (query + format + write) | {t_ours:.1f} s |")
    print(f"| bare openpyxl write-only, same rows already in memory | {t_raw:.1f} s |")
    print(f"| ratio | {t_ours / t_raw:.2f}× |")
    print(
        f"| peak RSS growth during the export: {args.rows:,} rows | "
        f"{statistics.median(r['growth_mb'] for r in ours):.0f} MB |"
    )
    print(f"| peak RSS growth during the export: {args.rows // 10:,} rows | {small['growth_mb']:.0f} MB |")


if __name__ == "__main__":
    main()
