"""`talentdesk demo --members N [--seed S]`: reproducible generated data."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from tests.cli._support import Result, count_rows, member_names, query

Cli = Callable[..., Result]


def demo(cli: Cli, db: Path, *args: str) -> Result:
    result = cli("--db", db, "demo", *args)
    assert result.code == 0, result.err
    return result


def test_same_seed_gives_the_same_members(cli: Cli, db_path: Path, tmp_path: Path) -> None:
    twin = tmp_path / "twin" / "gemela.sqlite"
    twin.parent.mkdir()
    shutil.copyfile(db_path, twin)
    first = demo(cli, db_path, "--members", "50", "--seed", "3")
    second = demo(cli, twin, "--members", "50", "--seed", "3")

    assert first.out.strip() == "Se agregaron 50 miembros de demostración (ids 1–50)."
    assert second.out == first.out
    names = member_names(db_path)
    assert len(names) == 50
    assert len(set(names)) > 40  # real variety, not one name repeated
    assert member_names(twin) == names
    emails = "SELECT email FROM members ORDER BY id"
    assert query(twin, emails) == query(db_path, emails)


def test_another_seed_gives_other_members(cli: Cli, db_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "otra.sqlite"
    shutil.copyfile(db_path, other)
    demo(cli, db_path, "--members", "50", "--seed", "3")
    demo(cli, other, "--members", "50", "--seed", "4")
    assert member_names(other) != member_names(db_path)


def test_demo_data_is_searchable_and_uses_example_domains(cli: Cli, db_path: Path) -> None:
    demo(cli, db_path, "--members", "50", "--seed", "3")
    page = cli("--db", db_path, "members", "search", "--limit", "100", "--json")
    assert page.code == 0, page.err
    data = page.json()
    assert data["total"] == 50
    emails = [m["email"] for m in data["items"] if m["email"]]
    assert emails
    assert all(e.split("@")[1].startswith("example.") for e in emails)

    surname = member_names(db_path)[0][1]
    hit = cli("--db", db_path, "members", "search", surname, "--json")
    assert hit.code == 0
    assert any(m["paternal_surname"] == surname for m in hit.json()["items"])


def test_demo_appends_after_existing_members(cli: Cli, db_path: Path) -> None:
    demo(cli, db_path, "--members", "10", "--seed", "3")
    again = demo(cli, db_path, "--members", "5", "--seed", "3")
    assert again.out.strip() == "Se agregaron 5 miembros de demostración (ids 11–15)."
    assert count_rows(db_path) == 15


def test_demo_on_a_fresh_path_creates_the_database(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "nueva.sqlite"
    demo(cli, target, "--members", "5")
    assert count_rows(target) == 5
    assert count_rows(target, "sectors") == 9


def test_negative_member_count_exits_1_and_writes_nothing(cli: Cli, db_path: Path) -> None:
    result = cli("--db", db_path, "demo", "--members", "-5")
    assert result.code == 1
    assert "--members debe ser un número positivo" in result.err
    assert count_rows(db_path) == 0


def test_non_numeric_member_count_is_a_usage_error(cli: Cli, db_path: Path) -> None:
    result = cli("--db", db_path, "demo", "--members", "muchos")
    assert result.code == 2
    assert "número entero no válido" in result.err
    assert count_rows(db_path) == 0
