"""The command line and control characters (issue 10, item 3): `members add` refuses them with a
Spanish message, and nothing the CLI prints — a member stored before, an import's error lines,
an unknown argument — ever sends a raw escape sequence to the terminal."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from tests.cli._support import Result, count_rows, run_subprocess
from tests.unit.import_files import write_csv

Cli = Callable[..., Result]
ESC = "Beto\x1b[1m"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def no_raw_controls(result: Result) -> None:
    assert RAW.search(result.out) is None, result.out
    assert RAW.search(result.err) is None, result.err


def test_members_add_refuses_an_escape_sequence(cli: Cli, db_path: Path) -> None:
    result = cli("--db", db_path, "members", "add", "--given-names", ESC, "--paternal", "Pérez")
    assert result.code == 1
    assert result.err.startswith(
        "Error: Nombre(s): tiene un carácter de control invisible (U+001B, posición 5)"
    )
    no_raw_controls(result)
    assert count_rows(db_path) == 0


def _stored(cli: Cli, db_path: Path) -> int:
    """A member whose names an older version stored with escape sequences in them."""
    created = cli("--db", db_path, "members", "add", "--given-names", "Beto", "--paternal", "Pérez", "--json")
    assert created.code == 0, created.err
    member_id = int(created.json()["id"])
    con = sqlite3.connect(db_path)
    try:
        con.execute(
            "UPDATE members SET given_names = ?, employer = ?, city = ? WHERE id = ?",
            (ESC, "Acme\x9b31m", "Mon\rterrey", member_id),
        )
        con.commit()
    finally:
        con.close()
    return member_id


def test_members_show_and_search_print_escapes_not_sequences(cli: Cli, db_path: Path) -> None:
    member_id = _stored(cli, db_path)
    shown = cli("--db", db_path, "members", "show", str(member_id))
    assert shown.code == 0, shown.err
    no_raw_controls(shown)
    assert "Beto\\u001b[1m" in shown.out and "Acme\\u009b31m" in shown.out and "Mon\\u000dterrey" in shown.out

    found = cli("--db", db_path, "members", "search", "Perez")
    assert found.code == 0, found.err
    no_raw_controls(found)
    assert "Beto\\u001b[1m" in found.out


def test_json_output_stays_valid_and_exact(cli: Cli, db_path: Path) -> None:
    member_id = _stored(cli, db_path)
    for args in (("members", "show", str(member_id), "--json"), ("members", "search", "Perez", "--json")):
        result = cli("--db", db_path, *args)
        assert result.code == 0, result.err
        no_raw_controls(result)
        data = json.loads(result.out)
        member = data["items"][0] if "items" in data else data
        assert (member["given_names"], member["employer"]) == (ESC, "Acme\x9b31m")  # the data, exactly


def test_import_messages_print_escapes(cli: Cli, db_path: Path, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "alta.csv", [["Nombre(s)", "Apellido paterno"], [ESC, "Pérez"]])
    result = cli("--db", db_path, "import", "members", source)
    assert result.code == 1
    no_raw_controls(result)
    assert "Fila 2, columna «Nombre(s)»: Nombre(s): tiene un carácter de control invisible" in result.err


def test_the_real_entry_point_escapes_too(db_path: Path) -> None:
    result = run_subprocess("--db", str(db_path), "members", "add", "--given-names", ESC, "--paternal", "P")
    assert result.code == 1
    no_raw_controls(result)
    assert "U+001B" in result.err
    usage = run_subprocess("--db", str(db_path), "members", "search", "--status", "\x1b[2J")
    assert usage.code == 2
    no_raw_controls(usage)
