"""Privacy from the command line: the export log (``talentdesk exports log``), ``members add
--no-contact``, the person's data (``members export-personal``) and ``members anonymize``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

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
    assert "2 de 2 exportaciones." in text

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


def _member(cli: Cli, db_path: Path, *extra: str) -> int:
    data = cli(
        "--db", db_path, "members", "add", "--given-names", "Zoraida", "--paternal", "Quintanar",
        "--email", "zq@example.org", "--city", "Austin", "--country", "US", "--chapter", "Houston", *extra, "--json",
    ).json()  # fmt: skip
    return int(data["id"])


def test_export_personal_writes_pdf_and_json_and_logs_it(cli: Cli, db_path: Path, tmp_path: Path) -> None:
    member = _member(cli, db_path)
    out = ok(cli("--db", db_path, "members", "export-personal", member, "-o", tmp_path / "acceso"))
    files = sorted(p.name for p in (tmp_path / "acceso").iterdir())
    assert [f.rsplit(".", 1)[1] for f in files] == ["json", "pdf"] and all(
        f"miembro-{member}-" in f for f in files
    )
    assert files[1] in out and files[0] in out and "bitácora" in out
    log = cli("--db", db_path, "exports", "log", "--member", member, "--json").json()
    assert [i["tipo"] for i in log["items"]] == ["personal"]
    missing = cli("--db", db_path, "members", "export-personal", 999, "-o", tmp_path / "x")
    assert (
        missing.code == 1
        and "No existe el miembro con id 999" in missing.err
        and not (tmp_path / "x").exists()
    )


def test_anonymize_needs_a_written_confirmation(
    cli: Cli, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    member = _member(cli, db_path)
    scripted = cli("--db", db_path, "members", "anonymize", member)  # no terminal, no --yes
    assert scripted.code == 2 and "--yes" in scripted.err and "No se cambió nada" in scripted.err
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda _prompt: "anonimizar")
    wrong = cli("--db", db_path, "members", "anonymize", member)
    assert wrong.code == 1 and "no coincide" in wrong.err and "NO SE PUEDE DESHACER" in wrong.out
    assert query(db_path, "SELECT email FROM members WHERE id = ?", (member,)) == [("zq@example.org",)]
    monkeypatch.setattr("builtins.input", lambda _prompt: "ANONIMIZAR")
    done = cli("--db", db_path, "members", "anonymize", member)
    assert done.code == 0 and f"Miembro {member} anonimizado" in done.out
    row = query(
        db_path,
        "SELECT given_names, email, city, country, anonymized_at FROM members WHERE id = ?",
        (member,),
    )
    assert row[0][:4] == ("Persona", None, None, "US") and row[0][4]
    again = cli("--db", db_path, "members", "anonymize", member, "--yes")
    assert again.code == 1 and "ya fue anonimizado" in again.err


def test_anonymize_is_refused_while_a_certificate_must_keep_answering(cli: Cli, db_path: Path) -> None:
    from datetime import date

    from talentdesk.core.enums import ParticipantStatus
    from talentdesk.db.session import Database
    from talentdesk.services import certificates, event_participants, event_workflow
    from talentdesk.services import events as ev

    member = _member(cli, db_path)
    db = Database.open(db_path)
    try:
        with db.session() as s:
            event = ev.create_event(
                s, {"name": "Jornada 2024", "starts_on": "2024-03-10", "ends_on": "2024-03-11"}
            )
            pid = event_participants.add_member(s, event.id, member).id
            event_workflow.change_status(s, [pid], ParticipantStatus.CONFIRMED, today=date(2024, 3, 1))
            event_workflow.change_status(s, [pid], ParticipantStatus.ATTENDED, today=date(2024, 3, 10))
            code = certificates.issue_certificates(s, [pid])[pid]
    finally:
        db.close()
    refused = cli("--db", db_path, "members", "anonymize", member, "--yes")
    assert refused.code == 1 and code in refused.err and "Jornada 2024" in refused.err
    assert "Traceback" not in refused.err
    assert query(db_path, "SELECT email FROM members WHERE id = ?", (member,)) == [("zq@example.org",)]
    assert ok(cli("--db", db_path, "certificates", "verify", code))  # still answers


def test_anonymize_yes_in_a_script(cli: Cli, demo_db_path: Path) -> None:
    free = query(demo_db_path, "SELECT id FROM members WHERE id NOT IN (SELECT member_id FROM participants "
                 "WHERE member_id IS NOT NULL) LIMIT 1")[0][0]  # fmt: skip
    assert ok(cli("--db", demo_db_path, "members", "anonymize", free, "--yes"))
    assert query(demo_db_path, "SELECT paternal_surname FROM members WHERE id = ?", (free,)) == [
        ("Anonimizada",)
    ]
    assert "Anonimizado:" in ok(cli("--db", demo_db_path, "members", "show", free))
