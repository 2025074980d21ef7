"""`talentdesk lists list|show|save|rename|delete` and `export members|directory --list`: JSON
shapes, exit codes (0 ok, 1 Spanish message, 2 usage), nothing written on errors, and an
anonymised member never exported through a list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from talentdesk.db.session import Database
from talentdesk.services import privacy, reference
from tests.cli._support import Result, count_rows
from tests.unit.helpers import add

Cli = Callable[..., Result]


def ok(result: Result) -> Any:
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    return result.json() if result.out.lstrip().startswith(("{", "[")) else result.out


def refused(result: Result, message: str) -> None:
    assert result.code == 1, result.out
    assert "Traceback" not in result.err
    assert message in result.err


@pytest.fixture()
def people(db_path: Path) -> dict[str, int]:
    database = Database.open(db_path)
    with database.session() as s:
        houston = reference.find_chapter(s, "Houston").id
        found = {
            "ana": add(
                s,
                "Ana",
                "Torres",
                "Ruiz",
                expertise="robótica",
                country="US",
                chapter_id=houston,
                directory_consent=True,
            ).id,
            "beto": add(s, "Beto", "Luna", None, expertise="robótica", country="US", chapter_id=houston).id,
            "irma": add(s, "Irma", "Leal", None, expertise="robótica", country="US", chapter_id=houston).id,
            "luis": add(
                s, "Luis", "Marín", None, expertise="finanzas", country="ES", directory_consent=True
            ).id,
        }
    database.close()
    return found


def test_save_show_and_list_a_search_as_json(cli: Cli, db_path: Path, people: dict[str, int]) -> None:
    saved = ok(
        cli(
            "--db", db_path, "lists", "save", "Robótica Houston", "robotica", "--chapter", "Houston", "--json"
        )
    )
    assert {k: saved[k] for k in ("name", "kind", "search", "members")} == {
        "name": "Robótica Houston",
        "kind": "inteligente",
        "search": "members",
        "members": None,
    }
    assert saved["description"] == "«robotica» · Capítulo: Houston"
    shown = ok(cli("--db", db_path, "lists", "show", "robotica houston", "--json"))
    assert shown["total"] == 3 and shown["hidden"] == 0 and shown["notes"] == []
    assert [i["id"] for i in shown["items"]] == [people["irma"], people["beto"], people["ana"]]
    assert set(shown["items"][0]) >= {"id", "given_names", "paternal_surname", "email", "chapter"}
    assert shown["list"]["name"] == "Robótica Houston"
    listed = ok(cli("--db", db_path, "lists", "list", "--json"))
    assert listed["total"] == 1 and listed["items"][0]["id"] == saved["id"]
    # the search is run again when shown: a new member joins the list
    add_member(db_path, "Abel", "Alba", expertise="robótica", chapter="Houston")
    assert (
        ok(cli("--db", db_path, "lists", "show", "Robótica Houston", "--json", "--limit", "1"))["total"] == 4
    )


def add_member(db_path: Path, given: str, paternal: str, *, chapter: str, **values: Any) -> int:
    database = Database.open(db_path)
    with database.session() as s:
        member_id = add(
            s, given, paternal, None, chapter_id=reference.find_chapter(s, chapter).id, **values
        ).id
    database.close()
    return member_id


def test_a_fixed_list_hides_anonymised_members_everywhere(
    cli: Cli, db_path: Path, people: dict[str, int], tmp_path: Path
) -> None:
    ids = f"{people['ana']},{people['irma']},{people['luis']}"
    assert ok(cli("--db", db_path, "lists", "save", "Elegidos", "--members", ids, "--json"))["members"] == 3
    database = Database.open(db_path)
    with database.session() as s:
        privacy.anonymize_member(s, people["irma"])
    database.close()
    shown = ok(cli("--db", db_path, "lists", "show", "Elegidos", "--json"))
    assert [i["id"] for i in shown["items"]] == [people["luis"], people["ana"]]
    assert shown["hidden"] == 1
    out = tmp_path / "elegidos.xlsx"
    assert "Se exportaron 2 miembros" in ok(
        cli("--db", db_path, "export", "members", "--list", "elegidos", "-o", out)
    )
    book = load_workbook(out, read_only=True)  # read-only keeps the file open until closed
    emails = {str(c) for row in book.worksheets[0].iter_rows(values_only=True) for c in row if c}
    book.close()
    assert not any("leal" in e.lower() for e in emails)
    directory = tmp_path / "directorio.pdf"
    assert "Se exportaron 2 miembros" in ok(
        cli("--db", db_path, "export", "directory", "--list", "Elegidos", "-o", directory)
    )


def test_rename_and_delete(cli: Cli, db_path: Path, people: dict[str, int]) -> None:
    ok(cli("--db", db_path, "lists", "save", "Todos"))
    assert "Lista «Todos» renombrada a «Toda la red»." in ok(
        cli("--db", db_path, "lists", "rename", "todos", "Toda la red")
    )
    assert "Lista «Toda la red» eliminada." in ok(cli("--db", db_path, "lists", "delete", "TODA LA RED"))
    assert count_rows(db_path, "saved_lists") == 0


def test_errors_are_spanish_and_write_nothing(
    cli: Cli, db_path: Path, people: dict[str, int], tmp_path: Path
) -> None:
    ok(cli("--db", db_path, "lists", "save", "Elegidos", "--members", str(people["ana"])))
    refused(
        cli("--db", db_path, "lists", "save", "ELEGIDOS", "robotica"),
        "Error: Ya existe una lista llamada «Elegidos»: elija otro nombre.",
    )
    refused(cli("--db", db_path, "lists", "save", "Otra", "--members", "1,x"), "«x» no es un id de miembro")
    refused(
        cli("--db", db_path, "lists", "save", "Otra", "--members", "999999"), "No existe el miembro 999999."
    )
    refused(
        cli("--db", db_path, "lists", "save", "Otra", "texto", "--members", "1"),
        "no se combina con texto ni filtros",
    )
    refused(cli("--db", db_path, "lists", "save", "Otra", "%%%"), "escriba letras o números")
    refused(
        cli("--db", db_path, "lists", "show", "Nadie"), "No existe ninguna lista guardada llamada «Nadie»."
    )
    refused(cli("--db", db_path, "lists", "delete", "Nadie"), "llamada «Nadie»")
    refused(cli("--db", db_path, "lists", "rename", "Elegidos", " "), "Nombre de la lista: es obligatorio.")
    out = tmp_path / "x.xlsx"
    refused(
        cli("--db", db_path, "export", "members", "--list", "Elegidos", "--chapter", "Houston", "-o", out),
        "no se combina con --query",
    )
    refused(cli("--db", db_path, "export", "members", "--list", "Nadie", "-o", out), "llamada «Nadie»")
    assert not out.exists()
    assert count_rows(db_path, "saved_lists") == 1
    assert cli("--db", db_path, "lists").code == 2  # usage: a verb is required
    assert cli("--db", db_path, "export", "stats", "--list", "Elegidos", "-o", out).code == 2  # no audience


def test_a_deleted_chapter_is_a_warning_not_a_crash(cli: Cli, db_path: Path, people: dict[str, int]) -> None:
    ok(cli("--db", db_path, "lists", "save", "Houston", "--chapter", "Houston"))
    database = Database.open(db_path)
    with database.session() as s:
        from talentdesk.services.chapters import delete_chapter

        delete_chapter(s, reference.find_chapter(s, "Houston").id)
    database.close()
    result = cli("--db", db_path, "lists", "show", "Houston", "--json")
    assert ok(result)["notes"] == ["El capítulo «Houston» ya no existe: nadie coincide con él."]
    assert "Aviso: El capítulo «Houston» ya no existe" in result.err
