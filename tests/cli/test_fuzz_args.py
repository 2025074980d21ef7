"""Fuzz: every subcommand with generated arguments (huge and negative numbers, empty strings,
control characters, undecodable bytes, very long text, paths that are missing, directories or
unwritable). Whatever comes in, the CLI exits 0, 1 or 2, never shows a traceback or English
Python text, and a failed command leaves the database and existing files as they were.

Bounded and reproducible: a fixed number of examples, the same on every run (so CI never fails
by chance). Explore with more, random ones:
``HYPOTHESIS_PROFILE=explore TALENTDESK_FUZZ_EXAMPLES=2000 pytest tests/cli/test_fuzz_args.py``.
Every bug found this way gets its own named regression test (tests/cli/test_hostile_arguments.py,
test_hostile_file_names.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.cli._fuzz import COMMANDS, argv_for, check_outcome, playground, snapshot
from tests.cli._support import Result, run_cli


def _settings(examples: int) -> settings:
    """A fixed number of examples (more with TALENTDESK_FUZZ_EXAMPLES); which ones comes from the
    profile in tests/conftest.py: the same on every run unless HYPOTHESIS_PROFILE=explore."""
    return settings(
        max_examples=int(os.environ.get("TALENTDESK_FUZZ_EXAMPLES", examples)),
        deadline=None,  # bounded by the number of examples: a time limit would fail at random
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


@_settings(examples=100)
@given(data=st.data())
def test_any_arguments_in_process(
    data: st.DataObject, capsys: pytest.CaptureFixture[str], tmp_path: Path, fuzz_template: Path
) -> None:
    command = data.draw(st.sampled_from(COMMANDS), label="command")
    with playground(tmp_path, fuzz_template) as ground:
        argv = ["--db", str(ground.db), *data.draw(argv_for(command, ground), label="argv")]
        before = snapshot(ground)
        result = run_cli(capsys, *argv)
        event(f"exit {result.code}")
        check_outcome(result, argv, before, ground)


@_settings(examples=3)
@given(data=st.data())
def test_any_arguments_through_the_real_entry_point(
    data: st.DataObject, tmp_path: Path, fuzz_template: Path
) -> None:
    """A few in a child process: real argv bytes (undecodable ones included), real streams."""
    command = data.draw(st.sampled_from(COMMANDS), label="command")
    with playground(tmp_path, fuzz_template) as ground:
        argv = ["--db", str(ground.db), *data.draw(argv_for(command, ground), label="argv")]
        before = snapshot(ground)
        result = run_bytes_subprocess(argv)
        check_outcome(result, argv, before, ground)


def run_bytes_subprocess(argv: list[str]) -> Result:
    """``python -m talentdesk`` with argv as the bytes a shell would pass (surrogates → bytes)."""
    import subprocess

    env = {k: v for k, v in os.environ.items() if k != "TALENTDESK_DB"}
    env["PYTHONUTF8"] = "1"
    proc = subprocess.run(
        [os.fsencode(sys.executable), b"-m", b"talentdesk", *(os.fsencode(a) for a in argv)],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        env=env,
        timeout=120,
        cwd=os.getcwd(),
        check=False,
    )
    decode = lambda b: b.decode("utf-8", errors="replace")  # noqa: E731
    return Result(proc.returncode, decode(proc.stdout), decode(proc.stderr))
