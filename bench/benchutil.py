"""What the benches share. Not a bench itself: tests/bench runs every ``bench/*_bench.py``.

Every bench takes ``--quick``: tiny sizes, one run, everything in temporary files (a bench that
reads a database builds a small demo one, unless ``--db`` names one). It proves the bench still
runs (tests/bench/test_bench_smoke.py runs each one that way); its figures mean nothing.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

QUICK_HELP = "tiny size, one run, temporary files: checks the bench still works (figures mean nothing)"
QUICK_MEMBERS = 1_000
#: The 1,000,000-member database the benches share (bench/search_bench.py builds it).
DEFAULT_DB = Path(__file__).parent / "data" / "members-1m.sqlite"


def demo_database(path: Path, members: int) -> float:
    """Build ``path`` with ``talentdesk demo --members N`` in a new process, as a user runs it;
    returns the seconds it took."""
    path.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "talentdesk", "--db", str(path), "demo", "--members", str(members)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


@contextmanager
def bench_database(given: Path | None, quick: bool) -> Iterator[Path]:
    """The database a bench reads: the one named by ``--db``; else, with ``--quick``, a
    temporary demo database of QUICK_MEMBERS; else the shared 1,000,000-member one."""
    if given is not None or not quick:
        yield given or DEFAULT_DB
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "members.sqlite"
        demo_database(path, QUICK_MEMBERS)
        yield path


def fresh_runs(script: str, db: Path, runs: int) -> dict[str, list[float]]:
    """Run ``script --child --db DB`` ``runs`` times, each a new process printing one JSON line of
    measurements; the samples of each measurement, in the order first printed."""
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, script, "--child", "--db", str(db)], capture_output=True, text=True, check=True
        )
        for key, value in json.loads(done.stdout.strip().splitlines()[-1]).items():
            samples.setdefault(key, []).append(value)
    return samples
