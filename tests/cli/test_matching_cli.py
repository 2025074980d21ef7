"""`talentdesk match`, `needs match|add|propose|stage|drop|accept|status`: the ranked members with
their reasons, and a need's candidates moved through the pipeline into its programme; exit codes
(0 ok, 1 Spanish message, 2 usage) and nothing written on errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from talentdesk.db.session import Database
from talentdesk.services import reference
from tests.cli._support import Result, count_rows, query
from tests.unit.helpers import add

Cli = Callable[..., Result]


def ok(result: Result) -> Any:
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    return result.json() if result.out.lstrip().startswith(("{", "[")) else result.out


@pytest.fixture()
def people(db_path: Path) -> dict[str, int]:
    database = Database.open(db_path)
    with database.session() as s:
        salud = reference.find_sector(s, "Salud").id
        common: dict[str, Any] = {
            "sector_ids": [salud],
            "primary_sector_id": salud,
            "country": "US",
            "status": "activo",
        }
        found = {
            "expert": add(s, "Ana", "Torres", "Ruiz", expertise="Biotecnología", city="Houston", **common).id,
            "dallas": add(s, "Carla", "Mora", None, expertise="Biotecnología", city="Dallas", **common).id,
            "objected": add(
                s, "Gala", "Ríos", None, expertise="Biotecnología", city="Houston", no_contact=True, **common
            ).id,
            "other": add(s, "Luis", "Marín", None, expertise="Finanzas", city="Madrid", country="ES").id,
        }
    database.close()
    return found


def test_match_ranks_with_reasons_as_json(cli: Cli, db_path: Path, people: dict[str, int]) -> None:
    data = ok(
        cli("--db", db_path, "match", "--sector", "Salud", "--keywords", "biotecnología", "--country", "US",
            "--city", "Houston", "--json")
    )  # fmt: skip
    assert data["total"] == 2
    assert [(i["member"]["id"], i["score"]) for i in data["items"]] == [
        (people["expert"], 100.0),
        (people["dallas"], 90.7),  # 30 + 30 + 8 of 75 (another city of the same country)
    ]
    assert data["items"][0]["reasons"] == [
        "sector Salud (principal)",
        "Houston",
        "«biotecnología» en especialidad",
    ]
    assert data["items"][0]["member"]["full_name"] == "Ana Torres Ruiz"  # the members search item
    text = ok(
        cli("--db", db_path, "match", "--keywords", "biotecnología", "--city", "Houston", "--limit", "1")
    )
    assert "Ana Torres Ruiz" in text and "«biotecnología» en especialidad" in text
    assert "1 de 2 miembros ordenados por puntaje." in text


def test_match_without_criteria_or_with_unknown_names(
    cli: Cli, db_path: Path, people: dict[str, int]
) -> None:
    result = cli("--db", db_path, "match")
    assert result.code == 1 and result.err.startswith("Error: Indique al menos un criterio")
    result = cli("--db", db_path, "match", "--sector", "Astrología")
    assert result.code == 1 and "no existe el sector «Astrología»" in result.err
    assert cli("--db", db_path, "match", "--degree", "kinder").code == 2


def test_a_need_from_match_to_programme(cli: Cli, db_path: Path, people: dict[str, int]) -> None:
    need = ok(
        cli("--db", db_path, "needs", "add", "--title", "Expertos en biotecnología", "--pncs", "Salud",
            "--sector", "Salud", "--keywords", "biotecnología", "--city", "Houston", "--country", "US",
            "--people", "2", "--json")
    )  # fmt: skip
    need_id = need["id"]
    ranked = ok(cli("--db", db_path, "needs", "match", need_id, "--json"))
    assert [i["member"]["id"] for i in ranked["items"]] == [people["expert"], people["dallas"]]

    added = ok(cli("--db", db_path, "needs", "propose", need_id, "--top", "2", "--json"))
    assert added["added"] == 2
    assert [c["stage"] for c in added["need"]["candidate_list"]] == ["contactado", "contactado"]
    reasons = query(db_path, "SELECT reasons FROM need_candidates ORDER BY id")
    assert reasons[0][0] == "100 puntos: sector Salud (principal) · Houston · «biotecnología» en especialidad"

    refused = cli("--db", db_path, "needs", "propose", need_id, people["objected"])
    assert refused.code == 1 and "pidió no ser contactado (oposición)" in refused.err
    assert count_rows(db_path, "need_candidates") == 2

    ok(cli("--db", db_path, "needs", "stage", need_id, "interesado", people["expert"], people["dallas"]))
    moved = ok(cli("--db", db_path, "needs", "stage", need_id, "aceptado", people["expert"], "--json"))
    assert moved["changed"] == 1
    stages = {c["member_id"]: c["stage"] for c in moved["need"]["candidate_list"]}
    assert stages == {people["expert"]: "aceptado", people["dallas"]: "interesado"}
    history = query(db_path, "SELECT stage FROM need_candidate_stages ORDER BY id")
    assert [h[0] for h in history] == ["contactado", "contactado", "interesado", "interesado", "aceptado"]

    wrong = cli("--db", db_path, "needs", "stage", need_id, "declino", people["other"])
    assert wrong.code == 1 and "no es candidato de la solicitud" in wrong.err

    no_programme = cli("--db", db_path, "needs", "accept", need_id)
    assert no_programme.code == 1 and "elija el programa" in no_programme.err
    programme = ok(
        cli("--db", db_path, "programs", "add", "--kind", "comite_evaluacion", "--title", "Comité", "--json")
    )
    accepted = ok(cli("--db", db_path, "needs", "accept", need_id, "--program", programme["id"],
                      "--role", "evaluador", "--json"))  # fmt: skip
    assert accepted["added"] == 1 and accepted["need"]["program_id"] == programme["id"]
    shown = ok(cli("--db", db_path, "programs", "show", programme["id"], "--json"))
    assert [(p["member_id"], p["role"]) for p in shown["people"]] == [(people["expert"], "evaluador")]

    ok(cli("--db", db_path, "needs", "drop", need_id, people["dallas"]))
    assert count_rows(db_path, "need_candidates") == 1
    status = ok(cli("--db", db_path, "needs", "status", need_id, "cubierta", "--json"))
    assert status["need"]["status"] == "cubierta"
    assert "«Cubierta»" in ok(cli("--db", db_path, "needs", "status", need_id, "cubierta"))


def test_propose_needs_members_or_top(cli: Cli, db_path: Path, people: dict[str, int]) -> None:
    need = ok(cli("--db", db_path, "needs", "add", "--title", "X", "--pncs", "Salud", "--json"))
    result = cli("--db", db_path, "needs", "propose", need["id"])
    assert result.code == 1 and "Indique los miembros" in result.err
    result = cli("--db", db_path, "needs", "match", need["id"])
    assert result.code == 1 and "Indique al menos un criterio" in result.err


def test_a_match_saved_as_a_list_ranks_again_when_shown(cli: Cli, db_path: Path, people: dict[str, int]) -> None:
    result = cli(
        "--db", db_path, "match", "--sector", "Salud", "--keywords", "biotecnología", "--city", "Houston",
        "--save-list", "Biotecnología en Houston",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "Biotecnología en Houston" in result.err  # the saved list is said, the ranking stays on stdout
    assert str(people["expert"]) in result.out
    shown = ok(cli("--db", db_path, "lists", "show", "Biotecnología en Houston", "--json"))
    ids = [item["id"] for item in shown["items"]]
    assert people["expert"] in ids and people["objected"] not in ids and people["other"] not in ids
    again = cli("--db", db_path, "match", "--keywords", "finanzas", "--save-list", "biotecnologia en houston")
    assert again.code == 1 and "Traceback" not in again.err  # the name is taken (accents and case aside)
    assert count_rows(db_path, "saved_lists") == 1
