"""What the benches share. Not a bench itself: tests/bench runs every ``bench/*_bench.py``.

Every bench takes ``--quick``: tiny sizes, one run, everything in temporary files. It proves the
bench still runs (tests/bench/test_bench_smoke.py runs each one that way); its figures mean
nothing.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

QUICK_HELP = "tiny size, one run, temporary files: checks the bench still works (figures mean nothing)"


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
