"""Child processes for the fault tests: run Python or the CLI in a real separate process.

Each child is a fresh interpreter (its own SQLite connections and locks), started with
``sys.executable`` from the repository root so that ``talentdesk`` and ``tests`` import.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "TALENTDESK_DB"}
    env["PYTHONUTF8"] = "1"
    env["PYTHONPATH"] = str(ROOT)
    return env


def _start(argv: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        argv,
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def start_python(code: str, *args: str | os.PathLike[str]) -> subprocess.Popen[str]:
    """``python -c CODE ARGS`` (CODE dedented); stdout and stderr are captured as text."""
    return _start([sys.executable, "-c", textwrap.dedent(code), *(str(a) for a in args)])


def start_cli(*args: str | os.PathLike[str]) -> subprocess.Popen[str]:
    """``talentdesk ARGS`` in a child process."""
    return _start([sys.executable, "-m", "talentdesk", *(str(a) for a in args)])


def finish(proc: subprocess.Popen[str], timeout: float = 120) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def wait_for_line(proc: subprocess.Popen[str], expected: str, timeout: float = 60) -> None:
    """Read the child's stdout until a line equal to ``expected`` (the child says where it is)."""
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.strip() == expected:
            return
        if not line and proc.poll() is not None:
            err = proc.stderr.read() if proc.stderr else ""
            raise AssertionError(f"child ended ({proc.returncode}) before «{expected}»: {err}")
    raise AssertionError(f"child did not reach «{expected}» in {timeout} s")


def wait_for_file(path: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            raise AssertionError(f"{path} did not appear in {timeout} s")
        time.sleep(0.02)


def run_in_private_mounts(script: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run a shell ``script`` in its own user and mount namespaces (``unshare -rm``), where it may
    mount a small or read-only tmpfs without touching the machine's mounts. ``$PY`` is this
    interpreter; ``talentdesk`` is ``$PY -m talentdesk``."""
    env = _env()
    env["PY"] = sys.executable
    return subprocess.run(
        ["unshare", "-rm", "sh", "-euc", textwrap.dedent(script)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )
