"""Privacy from the command line: the export log (``talentdesk exports log``), ``members add
--no-contact``, the person's data (``members export-personal``) and ``members anonymize``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.cli._support import Result, query

Cli = Callable[..., Result]


def ok(result: Result) -> str:
    assert result.code == 0, result.err
    return result.out


def test_exports_are_logged_and_listed(cli: Cli, demo_db_path: Path, tmp_path: Path) -> None:
    assert "No hay exportaciones registradas." in ok(cli("--db", demo_db_path, "exports", "log"))
    ok(cli("--db", demo_db_path, "export", "members", "-o", tmp_path / "a.xlsx", "--chapter", "Houston"))
    ok(cli("--db", demo_db_path, "export", "stats", "-o", tmp_path / "s.xlsx"))  # counts only: not logged
    ok(cli("--db", demo_db_path, "export", "members", "-o", tmp_path / "b.xlsx", "--external"))
    houston = {
        r[0]
        for r in query(
            demo_db_path,
            "SELECT m.id FROM members m JOIN chapters c ON c.id = m.chapter_id WHERE c.name = 'Houston'",
        )
    }
    data = cli("--db", demo_db_path, "exports", "log", "--json").json()
    assert data["total"] == 2
    newest, oldest = data["items"]
    assert newest["archivo"] == str(tmp_path / "b.xlsx") and newest["filtros"] == {"Copia externa": True}
    assert oldest["filtros"] == {"Capítulo": ["Houston"], "Copia externa": False}
    assert oldest["personas"] == oldest["miembros"] == len(houston)
    assert oldest["usuario"] and oldest["estado"] == "Completa" and oldest["fecha"]

    text = ok(cli("--db", demo_db_path, "exports", "log"))
    assert "Capítulo: Houston · Copia externa: no" in text and str(tmp_path / "a.xlsx") in text
    assert "2 de 2 exportación(es)." in text

    member = min(houston)
    mine = cli("--db", demo_db_path, "exports", "log", "--member", member, "--json").json()
    assert [i["archivo"][-6:] for i in mine["items"]][-1] == "a.xlsx"
    assert ok(cli("--db", demo_db_path, "exports", "log", "--limit", "1")).count(".xlsx") == 1


def test_exports_log_refuses_bad_input_in_spanish(cli: Cli, demo_db_path: Path) -> None:
    bad = cli("--db", demo_db_path, "exports", "log", "--limit", "-1")
    assert bad.code == 1 and "--limit" in bad.err and "Traceback" not in bad.err
    missing = cli("--db", demo_db_path, "exports", "log", "--member", "999999")
    assert missing.code == 1 and "No existe el miembro con id 999999" in missing.err


def test_members_add_no_contact_and_show(cli: Cli, db_path: Path) -> None:
    data = cli(
        "--db", db_path, "members", "add", "--given-names", "Ana", "--paternal", "Ruiz",
        "--directory-consent", "yes", "--no-contact", "--json",
    ).json()  # fmt: skip
    assert data["no_contact"] is True
    assert query(db_path, "SELECT channel, no_contact, directory_consent FROM consent_changes") == [
        ("linea_de_comandos", 1, 1)
    ]
    assert "No contactar:      sí (oposición)" in ok(cli("--db", db_path, "members", "show", data["id"]))
