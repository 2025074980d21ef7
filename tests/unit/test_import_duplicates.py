"""Duplicates: same e-mail, same folded name, similar name confirmed by another field; in the
database and within the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from talentdesk.db.session import Database
from talentdesk.imports.plan import Action, ImportPlan
from talentdesk.imports.prepare import prepare_import
from talentdesk.imports.reading import SourceTable

from .helpers import add

HEADERS = [
    "Nombre(s)",
    "Apellido paterno",
    "Apellido materno",
    "Correo",
    "Ciudad",
    "Empleador",
    "Teléfono",
    "País",
]


def plan_for(db: Database, *rows: list[Any]) -> ImportPlan:
    source = SourceTable(
        Path("x.csv"), "csv", HEADERS, [list(r) for r in rows], list(range(2, len(rows) + 2))
    )
    with db.reader() as s:
        return prepare_import(s, source)


def seed(db: Database) -> dict[str, int]:
    with db.session() as s:
        ids = {
            "jose": add(s, "José", "Núñez", "Ávila", email="jose.nunez@example.com", city="Houston").id,
            "maria": add(
                s,
                "María Fernanda",
                "Hernández",
                "López",
                city="Chicago",
                employer="Acme Corp",
                phone="+13125550100",
                country="US",
            ).id,
            "luis": add(s, "Luis", "García", "Pérez", city="Austin").id,
            "luis2": add(s, "Luis", "García", "Pérez", city="Dallas", email="luis2@example.com").id,
        }
    return ids


def test_same_email_any_case(db: Database) -> None:
    ids = seed(db)
    plan = plan_for(db, ["Pepe", "Otro", "", "JOSE.Nunez@Example.com", "", "", "", ""])
    match = plan.rows[0].duplicate
    assert match is not None and match.reason == "email" and match.member_id == ids["jose"]
    assert plan.rows[0].action is Action.SKIP
    assert "Mismo correo electrónico que el miembro" in match.describe()


def test_same_folded_full_name(db: Database) -> None:
    ids = seed(db)
    plan = plan_for(db, ["JOSE", "nuñez", "avila", "otro@example.com", "Boston", "", "", ""])
    match = plan.rows[0].duplicate
    assert match is not None and (match.reason, match.member_id) == ("name", ids["jose"])


def test_same_name_shared_by_several_members_prefers_a_confirmed_one(db: Database) -> None:
    ids = seed(db)
    plan = plan_for(db, ["Luis", "García", "Pérez", "", "Dallas", "", "", ""])
    match = plan.rows[0].duplicate
    assert match is not None and match.member_id == ids["luis2"] and match.others == 1
    assert "hay 1 más con ese nombre" in match.describe()


def test_similar_name_needs_a_confirming_field(db: Database) -> None:
    ids = seed(db)
    plan = plan_for(
        db,
        ["Maria Fernada", "Hernandez", "Lopez", "", "Chicago", "", "", ""],  # typo + same city
        ["Mariia Fernanda", "Hernandez", "Lopez", "", "Miami", "", "", ""],  # typo, nothing else
        ["Maria Fernanda", "Hernandez", "", "", "", "ACME corp.", "", ""],  # no maternal + employer
        ["Marla Fernanda", "Hernández", "Lopes", "", "", "", "(312) 555-0100", "US"],  # phone
        ["Pedro", "Hernández", "López", "", "Chicago", "", "", ""],  # same city, other name
    )
    found = [
        (r.duplicate.reason, r.duplicate.member_id, r.duplicate.confirmed_by) if r.duplicate else None
        for r in plan.rows
    ]
    maria = ids["maria"]
    assert found == [
        ("similar", maria, "city"),
        None,
        ("similar", maria, "employer"),
        ("similar", maria, "phone"),
        None,
    ]
    assert plan.rows[0].duplicate is not None and 90 <= plan.rows[0].duplicate.score < 100
    assert (
        "Nombre parecido" in plan.rows[0].duplicate.describe()
        and "ciudad" in plan.rows[0].duplicate.describe()
    )


def test_duplicates_within_the_file(db: Database) -> None:
    plan = plan_for(
        db,
        ["Ana", "Ruiz", "Soto", "ana@example.com", "Austin", "", "", ""],
        ["Anita", "Ruiz", "", "ANA@example.com", "", "", "", ""],  # same e-mail as row 2
        ["ana", "RUIZ", "soto", "", "", "", "", ""],  # same folded name as row 2
        ["Anna", "Ruiz", "Soto", "", "Austin", "", "", ""],  # similar + same city as row 2
        ["Anna", "Ruiz", "Soto", "", "Denver", "", "", ""],  # similar, but also same name as row 5
        ["Berta", "Ruiz", "Soto", "berta@example.com", "Austin", "", "", ""],
    )
    got = [(r.duplicate.reason, r.duplicate.row) if r.duplicate else None for r in plan.rows]
    assert got == [None, ("email", 2), ("name", 2), ("similar", 2), ("name", 5), None]
    assert [r.action for r in plan.rows] == [
        Action.CREATE,
        Action.SKIP,
        Action.SKIP,
        Action.SKIP,
        Action.SKIP,
        Action.CREATE,
    ]
    summary = plan.summary()
    assert (summary.rows, summary.new, summary.duplicates, summary.skipped, summary.errors) == (6, 2, 4, 4, 0)


def test_rows_with_errors_are_not_matched(db: Database) -> None:
    seed(db)
    plan = plan_for(db, ["José", "Núñez", "Ávila", "no-es-correo", "", "", "", ""])
    assert plan.rows[0].errors and plan.rows[0].duplicate is None and plan.rows[0].allowed_actions() == ()
