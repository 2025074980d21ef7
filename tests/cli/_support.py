"""Helpers for the CLI tests: run ``main`` in-process, and look at database files directly."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from talentdesk.cli import main

SQLITE_HEADER = b"SQLite format 3\x00"
NEWER_REVISION = "ffff9999"


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def run_cli(capsys: pytest.CaptureFixture[str], *args: str | os.PathLike[str]) -> Result:
    """``talentdesk ARGS`` in-process; argparse's SystemExit becomes the exit code."""
    capsys.readouterr()  # drop anything printed before
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)


def run_subprocess(*args: str, env_db: Path | None = None, timeout: float = 60) -> Result:
    """The real entry point: ``python -m talentdesk ARGS`` in a child process."""
    env = {k: v for k, v in os.environ.items() if k != "TALENTDESK_DB"}
    env["PYTHONUTF8"] = "1"
    if env_db is not None:
        env["TALENTDESK_DB"] = str(env_db)
    proc = subprocess.run(
        [sys.executable, "-m", "talentdesk", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=timeout,
        check=False,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def query(path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Read a database file with plain sqlite3 (read-only, so the file is never touched)."""
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        return con.execute(sql, params).fetchall()


def count_rows(path: Path, table: str = "members") -> int:
    return int(query(path, f"SELECT count(*) FROM {table}")[0][0])


def member_names(path: Path) -> list[tuple[str, str, str | None]]:
    return [
        (r[0], r[1], r[2])
        for r in query(
            path, "SELECT given_names, paternal_surname, maternal_surname FROM members ORDER BY id"
        )
    ]


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def set_journal_mode(path: Path, mode: str) -> None:
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as con:
        got = con.execute(f"PRAGMA journal_mode={mode}").fetchone()[0]
    assert got.lower() == mode.lower()


def make_schema_newer(path: Path, journal_mode: str = "delete") -> None:
    """Pretend a newer TalentDesk wrote this file: an alembic revision this version doesn't know."""
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as con:
        con.execute(f"PRAGMA journal_mode={journal_mode}")
        con.execute("UPDATE alembic_version SET version_num = ?", (NEWER_REVISION,))
    assert query(path, "SELECT version_num FROM alembic_version") == [(NEWER_REVISION,)]
