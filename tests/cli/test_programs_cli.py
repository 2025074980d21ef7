"""`talentdesk programs list|show|add|status|kinds` and `talentdesk needs list|show`: JSON
shapes, text output, exit codes (0 ok, 1 Spanish message, 2 usage) and nothing written on errors."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from talentdesk.core.models import Organization
from talentdesk.db.session import Database
from tests.cli._support import Result, count_rows, query

Cli = Callable[..., Result]


def ok(result: Result) -> Any:
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    return result.json() if result.out.lstrip().startswith(("{", "[")) else result.out


@pytest.fixture()
def org_db(db_path: Path) -> Path:
    database = Database.open(db_path)
    with database.session() as s:
        s.add(Organization(name="Universidad Autónoma de Querétaro (demo)"))
        s.add(Organization(name="Universidad Autónoma de Yucatán (demo)"))
    database.close()
    return db_path


@pytest.fixture()
def demo_copy(demo_db_path: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_db_path, path)
    return path


def test_kinds_lists_the_built_in_ones(cli: Cli, db_path: Path) -> None:
    kinds = ok(cli("--db", db_path, "programs", "kinds", "--json"))
    assert [k["code"] for k in kinds] == [
        "pasantia",
        "mentoria",
        "visita",
        "comite_evaluacion",
        "mision",
        "innovacion_binacional",
        "atencion_capitulo",
    ]
    text = ok(cli("--db", db_path, "programs", "kinds"))
    assert "comite_evaluacion" in text and "Comité de evaluación de proyectos" in text


def test_add_then_move_along_the_status_and_show(cli: Cli, org_db: Path) -> None:
    added = ok(
        cli(
            "--db", org_db, "programs", "add",
            "--kind", "mentoria",
            "--title", "Mentoría al posgrado en biotecnología",
            "--pncs", "4",
            "--sector", "Salud", "--sector", "4",
            "--organization", "Universidad Autónoma de Querétaro (demo)",
            "--chapter", "Houston",
            "--start", "01/03/2025",
            "--json",
        )
    )  # fmt: skip
    pid = added["id"]
    assert added["kind"] == "Mentoría a institución mexicana"
    assert added["status"] == "propuesta"
    assert added["responsible"] == "Alimentos, Agricultura, Pesquería y Biotecnología"
    assert added["sector_ids"] == [3, 4]
    assert added["organizations"] == ["Universidad Autónoma de Querétaro (demo)"]
    assert added["chapters"] == ["Houston"]
    assert added["starts_on"] == "2025-03-01"

    refused = cli("--db", org_db, "programs", "status", pid, "concluido")
    assert refused.code == 1
    assert "no se puede pasar de «Propuesta» a «Concluido»" in refused.err
    moved = ok(cli("--db", org_db, "programs", "status", pid, "en_curso", "--on", "2025-03-03"))
    assert "de «Propuesta» a «En curso» (03/03/2025)" in moved
    again = ok(cli("--db", org_db, "programs", "status", pid, "en_curso"))
    assert "ya estaba «En curso»" in again
    shown = ok(cli("--db", org_db, "programs", "show", pid, "--json"))
    assert [h["status"] for h in shown["history"]] == ["propuesta", "en_curso"]
    text = ok(cli("--db", org_db, "programs", "show", pid))
    assert "PNCS responsable:  Alimentos, Agricultura, Pesquería y Biotecnología" in text
    assert "03/03/2025  En curso" in text
    audit = query(org_db, "SELECT action, field FROM audit_log WHERE entity = 'program' ORDER BY id")
    assert audit == [("create", None), ("update", "status")]


def test_a_bad_add_says_what_and_writes_nothing(cli: Cli, org_db: Path) -> None:
    bad_date = cli(
        "--db", org_db, "programs", "add", "--kind", "visita", "--title", "X", "--end", "31/02/2025"
    )
    assert bad_date.code == 1
    assert "Fecha de fin: «31/02/2025» no es una fecha válida" in bad_date.err
    unknown_kind = cli("--db", org_db, "programs", "add", "--kind", "tango", "--title", "X")
    assert unknown_kind.code == 1
    assert "Tipo de programa: no existe el tipo «tango»" in unknown_kind.err
    vague = cli(
        "--db", org_db, "programs", "add", "--kind", "visita", "--title", "X", "--organization", "Autónoma"
    )
    assert vague.code == 1
    assert "Organizaciones: «Autónoma» coincide con 2 organizaciones" in vague.err
    no_title = cli("--db", org_db, "programs", "add", "--kind", "visita", "--title", " ")
    assert no_title.code == 1 and "Título: es obligatorio." in no_title.err
    usage = cli(
        "--db", org_db, "programs", "add", "--kind", "visita", "--title", "X", "--status", "terminado"
    )
    assert usage.code == 2 and "opción no válida" in usage.err
    assert count_rows(org_db, "programs") == 0
    assert count_rows(org_db, "audit_log") == 0


def test_missing_records_and_bad_arguments(cli: Cli, db_path: Path) -> None:
    missing = cli("--db", db_path, "programs", "show", "999")
    assert (missing.code, missing.err.strip()) == (1, "Error: No existe el programa con id 999.")
    assert cli("--db", db_path, "programs", "status", "999", "en_curso").code == 1
    assert cli("--db", db_path, "needs", "show", "7").err.strip() == "Error: No existe la solicitud con id 7."
    assert cli("--db", db_path, "programs", "status", "1", "acabado").code == 2
    assert cli("--db", db_path, "programs", "list", "--year", "dos mil").code == 2
    empty = ok(cli("--db", db_path, "programs", "list"))
    assert empty.strip() == "No hay programas con esos filtros."


def test_list_filters_on_the_demo(cli: Cli, demo_copy: Path) -> None:
    everything = ok(cli("--db", demo_copy, "programs", "list", "--json"))
    assert everything["total"] == count_rows(demo_copy, "programs") == len(everything["items"])
    concluded = ok(cli("--db", demo_copy, "programs", "list", "--status", "concluido", "--json"))
    assert concluded["items"] and all(i["status"] == "concluido" for i in concluded["items"])
    visits = ok(cli("--db", demo_copy, "programs", "list", "--kind", "Visita", "--json"))
    assert visits["items"] and {i["kind"] for i in visits["items"]} == {"Visita / conferencia en México"}
    health = ok(cli("--db", demo_copy, "programs", "list", "--sector", "salud", "--json"))
    assert all(i["sector_id"] == 3 or 3 in i["sector_ids"] for i in health["items"])
    year = ok(cli("--db", demo_copy, "programs", "list", "--year", "2015", "--json"))
    for item in year["items"]:
        assert (item["starts_on"] or "0000") <= "2015-12-31"
    text = ok(cli("--db", demo_copy, "programs", "list", "--status", "concluido"))
    assert text.rstrip().endswith(f"{len(concluded['items'])} programas.")


def test_needs_list_and_show_on_the_demo(cli: Cli, demo_copy: Path) -> None:
    listed = ok(cli("--db", demo_copy, "needs", "list", "--json"))
    assert listed["total"] == count_rows(demo_copy, "needs")
    need = next(i for i in listed["items"] if i["candidates"].get("aceptado"))
    shown = ok(cli("--db", demo_copy, "needs", "show", need["id"], "--json"))
    accepted = [c for c in shown["candidate_list"] if c["stage"] == "aceptado"]
    assert len(accepted) == need["candidates"]["aceptado"]
    assert all(c["history"][0]["stage"] == "contactado" for c in shown["candidate_list"])
    program = ok(cli("--db", demo_copy, "programs", "show", shown["program_id"], "--json"))
    assert {c["member_id"] for c in accepted} <= {p["member_id"] for p in program["people"]}
    text = ok(cli("--db", demo_copy, "needs", "show", need["id"]))
    assert f"Candidatos ({len(shown['candidate_list'])}):" in text
    open_only = ok(cli("--db", demo_copy, "needs", "list", "--status", "abierta", "--json"))
    assert all(i["status"] == "abierta" for i in open_only["items"])
