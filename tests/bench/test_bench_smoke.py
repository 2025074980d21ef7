"""Every benchmark still runs: each ``bench/*_bench.py`` at a tiny size, in its own process.

Benches are run by hand and only now and then, so a refactor could break one unnoticed
(``packets_bench.py`` called a function that no longer existed). Their figures mean nothing
here: only that the script exits 0 and prints its Markdown table. A new bench is found by the
glob and runs with ``--quick`` (see bench/benchutil.py) unless it is listed below.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"

#: How each bench runs here, one argument list per run: the one place to say it. ``{db}`` is a
#: demo database of 1,000 members built once for all (a bench given no --db builds its own).
SMOKE_RUNS: dict[str, list[list[str]]] = {
    "backup_bench.py": [["--quick", "--db", "{db}"]],
    "badges_bench.py": [["--quick"]],
    "demo_bench.py": [["--quick"]],
    "directory_bench.py": [["--quick"]],
    "export_bench.py": [["--quick", "--db", "{db}"], ["--quick", "--db", "{db}", "--log"]],
    "gui_bench.py": [["--quick", "--db", "{db}"]],
    "import_bench.py": [["--quick", "--db", "{db}"]],
    "packets_bench.py": [["--quick"]],
    "search_bench.py": [["--quick", "--db", "{db}"]],
}
DEFAULT_RUNS = [["--quick"]]

#: A Markdown table: a row of cells, then the header's separator line.
TABLE = re.compile(r"^\|.*\|\n\|(?:\s*:?-+:?\s*\|)+$", re.MULTILINE)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "members.sqlite"
    subprocess.run(
        [sys.executable, "-m", "talentdesk", "--db", str(path), "demo", "--members", "1000"],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return path


def benches() -> list[str]:
    return sorted(path.name for path in BENCH.glob("*_bench.py"))


def smoke_runs() -> list[tuple[str, list[str]]]:
    return [(name, args) for name in benches() for args in SMOKE_RUNS.get(name, DEFAULT_RUNS)]


def test_the_glob_finds_the_benches() -> None:
    assert {"packets_bench.py", "search_bench.py", "gui_bench.py"} <= set(benches())
    assert set(SMOKE_RUNS) <= set(benches()), "SMOKE_RUNS names a bench that is gone"


def test_the_table_check_can_fail() -> None:
    assert TABLE.search("| a | b |\n|---|---:|\n| 1 | 2 |")
    assert not TABLE.search("  talentdesk   1.00 s\n  baseline   2.00 s")


@pytest.mark.bench
@pytest.mark.parametrize(
    ("name", "args"), smoke_runs(), ids=lambda v: " ".join(v) if isinstance(v, list) else v
)
def test_bench_runs_at_tiny_size(name: str, args: list[str], tmp_path: Path, demo_db: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH / name), *(arg.format(db=demo_db) for arg in args)],
        cwd=tmp_path,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, f"{name} {' '.join(args)} failed:\n{result.stderr[-4000:]}"
    assert TABLE.search(result.stdout), f"{name} printed no Markdown table:\n{result.stdout[-2000:]}"
