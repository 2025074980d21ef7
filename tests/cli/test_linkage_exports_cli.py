"""`talentdesk export program-people|candidates|talent`: Vinculación's spreadsheets, read back;
the copy for outside IME keeps only members who consented (and did not object to contact), each
with only the contact fields they allowed, and leaves the internal notes and reasons out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from python_calamine import CalamineWorkbook

from talentdesk.db.session import Database
from talentdesk.services import needs, programs, reference
from tests.cli._support import Result
from tests.unit.helpers import add

Cli = Callable[..., Result]


def sheet(path: Path) -> tuple[str, list[list[Any]]]:
    book = CalamineWorkbook.from_path(str(path))
    (name,) = book.sheet_names
    return name, book.get_sheet_by_name(name).to_python()


@pytest.fixture()
def linked(db_path: Path) -> dict[str, int]:
    """Three members of Salud in Houston: one who consented and allowed only e-mail, one who did
    not consent, one who objected to contact; a programme and a need with all three."""
    database = Database.open(db_path)
    with database.session() as s:
        salud = reference.find_sector(s, "Salud").id
        common: dict[str, Any] = {
            "sector_ids": [salud],
            "primary_sector_id": salud,
            "country": "US",
            "city": "Houston",
            "status": "activo",
            "expertise": "Biotecnología",
            "employer": "Rice University",
            "phone": "+1 713 555 0100",
        }
        found = {
            "open": add(s, "Ana", "Torres", None, email="ana@example.org", directory_consent=True,
                        print_fields=["email"], **common).id,
            "private": add(s, "Beto", "Luna", None, email="beto@example.org", **common).id,
            "objected": add(s, "Gala", "Ríos", None, email="gala@example.org", directory_consent=True,
                            print_fields=["email", "phone"], no_contact=True, **common).id,
        }  # fmt: skip
        kind = programs.list_kinds(s)[0].id
        program = programs.create_program(s, {"title": "Comité Salud", "kind_id": kind})
        for member_id in found.values():
            programs.add_person(
                s, program.id, {"member_id": member_id, "role": "evaluador", "notes": "interna"}
            )
        need = needs.create_need(
            s, {"title": "Expertos en biotecnología", "sector_ids": [salud], "sector_id": salud}
        )
        needs.add_candidates(s, need.id, list(found.values()), reasons={found["open"]: "sector Salud"},
                             despite_no_contact=True)  # fmt: skip
        found["program"], found["need"] = program.id, need.id
    database.close()
    return found


def test_program_people_internal_then_external(
    cli: Cli, db_path: Path, linked: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "personas.xlsx"
    result = cli("--db", db_path, "export", "program-people", "--program", linked["program"], "-o", out)
    assert result.code == 0, result.err
    assert result.out.strip() == f"Se exportaron 3 personas a {out}."
    name, rows = sheet(out)
    assert name == "Personas"
    assert rows[0][:2] == ["Rol", "Nombre"] and rows[0][-1] == "Notas"
    assert sorted(r[1] for r in rows[1:]) == ["Ana Torres", "Beto Luna", "Gala Ríos"]
    assert {r[0] for r in rows[1:]} == {"Evaluador"}
    assert all(r[-1] == "interna" for r in rows[1:])

    external = tmp_path / "externa.xlsx"
    result = cli("--db", db_path, "export", "program-people", "--program", linked["program"], "--external",
                 "-o", external)  # fmt: skip
    assert result.code == 0, result.err
    _, rows = sheet(external)
    header = rows[0]
    assert "Notas" not in header
    (ana,) = rows[1:]  # Beto did not consent; Gala objected to being contacted
    values = dict(zip(header, ana, strict=True))
    assert values["Nombre"] == "Ana Torres" and values["Correo electrónico"] == "ana@example.org"
    assert values["Teléfono"] == "" and values["Empleador"] == "" and values["Ciudad"] == ""


def test_candidates_and_talent(cli: Cli, db_path: Path, linked: dict[str, int], tmp_path: Path) -> None:
    out = tmp_path / "candidatos.xlsx"
    assert cli("--db", db_path, "export", "candidates", "--need", linked["need"], "-o", out).code == 0
    name, rows = sheet(out)
    assert name == "Candidatos" and rows[0][0] == "Etapa"
    assert len(rows) == 4 and "Por qué se propuso" in rows[0]
    why = rows[0].index("Por qué se propuso")
    assert [r[why] for r in rows[1:] if r[2] == "Ana Torres"] == ["sector Salud"]

    ranked = tmp_path / "talento.xlsx"
    result = cli("--db", db_path, "export", "talent", "--sector", "Salud", "--keywords", "biotecnología",
                 "--city", "Houston", "--country", "US", "-o", ranked)  # fmt: skip
    assert result.code == 0, result.err
    name, rows = sheet(ranked)
    assert name == "Talento" and rows[0][:3] == ["Lugar", "Puntaje", "Nombre"]
    # matching never proposes who objected to contact; ranked best first
    assert sorted(r[2] for r in rows[1:]) == ["Ana Torres", "Beto Luna"]
    assert [r[0] for r in rows[1:]] == [1, 2] and rows[1][1] >= rows[2][1]
    assert "Houston" in rows[1][rows[0].index("Por qué")]

    external = tmp_path / "talento-externo.xlsx"
    assert (
        cli("--db", db_path, "export", "talent", "--need", linked["need"], "--external", "-o", external).code
        == 0
    )
    _, rows = sheet(external)
    assert [r[2] for r in rows[1:]] == ["Ana Torres"] and "Por qué" not in rows[0]


def test_errors_are_spanish_and_write_nothing(cli: Cli, db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    result = cli("--db", db_path, "export", "program-people", "--program", 999, "-o", out)
    assert result.code == 1 and "programa" in result.err.lower() and "Traceback" not in result.err
    result = cli("--db", db_path, "export", "candidates", "--need", 999, "-o", out)
    assert result.code == 1 and "solicitud" in result.err.lower()
    result = cli("--db", db_path, "export", "talent", "-o", out)
    assert result.code == 1 and "criterio" in result.err.lower()
    assert cli("--db", db_path, "export", "candidates", "-o", out).code == 2  # --need is required
    assert not out.exists()


def test_events_invite_reports_and_refuses(cli: Cli, db_path: Path, linked: dict[str, int]) -> None:
    from datetime import date

    from talentdesk.services import events

    database = Database.open(db_path)
    with database.session() as s:
        event_id = events.create_event(
            s, {"name": "Jornada Houston", "starts_on": date(2027, 3, 1), "ends_on": date(2027, 3, 2)}
        ).id
    database.close()
    result = cli("--db", db_path, "events", "invite", event_id, linked["open"], linked["objected"], "--json")
    assert result.code == 0, result.err
    assert result.json() == {
        "added": 1,
        "already": [],
        "refused": ["Gala Ríos pidió no ser contactado (derecho de oposición): no se le invita."],
    }
    result = cli("--db", db_path, "events", "invite", event_id, linked["open"], linked["private"])
    assert result.code == 0, result.err
    assert (
        result.out.strip()
        == "Se invitó a 1 miembro a «Jornada Houston». 1 ya estaba en el evento: Ana Torres."
    )
    result = cli("--db", db_path, "events", "invite", event_id, linked["open"])
    assert result.code == 1 and result.err.startswith("Error: No se invitó a nadie a «Jornada Houston».")
    assert cli("--db", db_path, "events", "invite", event_id).code == 2
