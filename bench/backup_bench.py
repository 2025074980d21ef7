"""Checks, backups and restore on a 1,000,000-member database (issue 10).

Run by hand:  python bench/backup_bench.py [--db PATH] [--runs R] [--quick]

Works on a copy of the database in a temporary folder (the original is never modified) and
times, each against a baseline measured in the same run:

* ``PRAGMA quick_check`` (what the GUI runs after opening and the CLI before a write) and
  ``PRAGMA integrity_check`` (``db check``), against reading the whole file sequentially;
* opening the database (``Database.open``: what stands between a click and the first window);
* an automatic backup (online backup API + quick_check of the copy + rotation), against a plain
  file copy;
* a restore (lock, safety copy, SQL replacement in one transaction, quick_check), against the
  backup API copying the same backup over a file (the unsafe page copy restore used before).

Prints a Markdown table (medians) for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchutil import QUICK_HELP, bench_database

from talentdesk.db.backup import BackupKind, automatic_backup, backup_sqlite
from talentdesk.db.restore import restore_sqlite
from talentdesk.db.session import Database

CPU: dict[float, float] = {}  # wall median -> CPU median of the same measurement


def timed(work: Callable[[], object], runs: int) -> float:
    """Median wall time; the median CPU time of this process is kept in ``CPU`` (on a shared,
    busy machine the wall time mostly measures waiting for a core)."""
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    median = statistics.median(times)
    CPU[median] = statistics.median(cpu)
    return median


def pragma(path: Path, name: str) -> None:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        assert con.execute(f"PRAGMA {name}").fetchall() == [("ok",)]


def read_all(path: Path) -> None:
    with path.open("rb") as fh:
        while fh.read(1 << 20):
            pass


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help=QUICK_HELP)
    args = parser.parse_args()
    if args.quick:
        args.runs = 1
    with bench_database(args.db, args.quick) as args.db, tempfile.TemporaryDirectory(dir=args.db.parent) as tmp:
        live = Path(tmp) / "live.sqlite"
        shutil.copyfile(args.db, live)
        Database.open(live).close()  # current schema, WAL, as the app leaves it
        read_all(live)  # warm the page cache once: every figure below reads from memory
        rows: list[tuple[str, float, str, float]] = []

        rows.append(
            (
                "`PRAGMA quick_check`",
                timed(lambda: pragma(live, "quick_check"), args.runs),
                "read the file sequentially",
                timed(lambda: read_all(live), args.runs),
            )
        )
        rows.append(
            (
                "`PRAGMA integrity_check` (`db check`)",
                timed(lambda: pragma(live, "integrity_check"), 1),
                "`quick_check`",
                rows[0][1],
            )
        )
        rows.append(("`Database.open` (no check on the way to the window)", timed(lambda: Database.open(live).close(), args.runs), "—", 0.0))

        db = Database.open(live)
        copy = Path(tmp) / "copia.sqlite"
        try:
            backup = timed(lambda: automatic_backup(db.engine, BackupKind.MANUAL), args.runs)
            plain = timed(lambda: shutil.copyfile(live, copy), args.runs)
            rows.append(("automatic backup: backup API + quick_check of the copy + rotation", backup, "plain file copy", plain))
            source = backup_sqlite(db.engine, Path(tmp) / "fuente.sqlite")
            restore = timed(lambda: restore_sqlite(db.engine, source, wait=60), 1)

            def page_copy() -> None:
                with contextlib.closing(sqlite3.connect(source)) as src, contextlib.closing(
                    sqlite3.connect(copy)
                ) as dst:
                    src.backup(dst)

            rows.append(("restore: lock, safety copy, SQL replacement, quick_check", restore, "backup API page copy over a file", timed(page_copy, 1)))
        finally:
            db.close()
    print("| what | median s (CPU s) | baseline | baseline s (CPU s) |")
    print("|---|---:|---|---:|")
    for what, seconds, base, base_s in rows:
        baseline = f"{base_s:.2f} ({CPU[base_s]:.2f})" if base_s else ""
        print(f"| {what} | {seconds:.2f} ({CPU[seconds]:.2f}) | {base} | {baseline} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
