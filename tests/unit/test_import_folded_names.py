"""Names typed without ñ or accents (US keyboards) are the same names (issue 12, item 1).

Identity folds ñ to n and drops every accent; only the sort order keeps ñ apart. The import's
exact-name test, its similar-name blocks, in-file duplicates and the merge candidate finder all
compare names that way.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from sqlalchemy import select

from talentdesk.core.models import Member
from talentdesk.db.session import Database
from talentdesk.imports.history import apply_and_record
from talentdesk.imports.plan import Action, ImportPlan
from talentdesk.imports.prepare import prepare_import
from talentdesk.imports.reading import SourceTable
from talentdesk.services.members import member_values

from .helpers import add

HEADERS = ["Nombre(s)", "Apellido paterno", "Apellido materno", "Correo", "Ciudad", "Empleador", "Teléfono"]


def plain(text: str | None) -> str:
    """What a US keyboard leaves of a name: no accents, n for ñ."""
    decomposed = unicodedata.normalize("NFD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def plan_for(db: Database, rows: list[list[Any]], on_duplicate: Action = Action.SKIP) -> ImportPlan:
    source = SourceTable(Path("x.csv"), "csv", HEADERS, rows, list(range(2, len(rows) + 2)))
    with db.reader() as s:
        return prepare_import(s, source, on_duplicate=on_duplicate)


def ines(db: Database, **extra: Any) -> int:
    with db.session() as s:
        return add(s, "Inés", "Ibáñez", "Muñoz", city="Chicago", **extra).id


def test_the_reported_case_is_a_duplicate(db: Database) -> None:
    member = ines(db)
    plan = plan_for(db, [["Ines", "Ibanez", "Munoz", "", "Chicago", "", ""]])
    match = plan.rows[0].duplicate
    assert match is not None and (match.reason, match.member_id) == ("name", member)
    assert match.confirmed_by == "city"
    assert plan.rows[0].action is Action.SKIP


def test_similar_names_are_blocked_by_the_folded_paternal_surname(db: Database) -> None:
    member = ines(db)
    plan = plan_for(db, [["Innes", "Ibanez", "Munoz", "", "Chicago", "", ""]])  # a typo too
    match = plan.rows[0].duplicate
    assert match is not None and (match.reason, match.member_id, match.confirmed_by) == (
        "similar",
        member,
        "city",
    )


def test_in_file_duplicates_fold_enye_and_accents(db: Database) -> None:
    plan = plan_for(
        db,
        [
            ["Inés", "Ibáñez", "Muñoz", "ines@example.com", "Chicago", "", ""],
            ["INES", "IBANEZ", "MUNOZ", "", "", "", ""],
            ["Innes", "Ibanez", "Munoz", "", "Chicago", "", ""],
            ["Ana", "Pena", "Nunez", "", "Austin", "", ""],
            ["Ána", "Peña", "Núñez", "", "", "", ""],
        ],
    )
    got = [(r.duplicate.reason, r.duplicate.row) if r.duplicate else None for r in plan.rows]
    assert got == [None, ("name", 2), ("similar", 2), None, ("name", 5)]


def test_every_generated_member_typed_plainly_is_found(demo: Database) -> None:
    with demo.reader() as s:
        members = s.execute(
            select(
                Member.id, Member.given_names, Member.paternal_surname, Member.maternal_surname, Member.city
            ).order_by(Member.id)
        ).all()
    with_enye = [m for m in members if "ñ" in f"{m[1]} {m[2]} {m[3] or ''}".lower()]
    assert len(with_enye) >= 10  # the generated data exercises ñ
    rows = [[plain(g), plain(p), plain(m), "", c or "", "", ""] for _i, g, p, m, c in members]
    plan = plan_for(demo, rows)
    folded = {i: plain(f"{g} {p} {m or ''}").lower() for i, g, p, m, _c in members}
    for (member_id, *_rest), row in zip(members, plan.rows, strict=True):
        assert row.ok, row.errors
        match = row.duplicate
        assert match is not None, f"row {row.number} ({folded[member_id]}) not reported"
        # The member itself, or another with the very same folded name (generated names repeat).
        assert match.reason == "name" and match.member_id is not None
        assert folded[match.member_id] == folded[member_id]
        assert row.action is Action.SKIP


def test_a_different_person_with_the_same_folded_name_is_reported_not_merged(db: Database) -> None:
    member = ines(db, email="ines.ibanez@example.com", employer="Acme", phone="+13125550100", country="US")
    with db.reader() as s:
        before = member_values(s.get_one(Member, member))
    # Another Inés: other e-mail, city, employer and phone. Even asked to fill duplicates in bulk
    # (the CLI's --on-duplicate update), the row is left for a person to decide.
    plan = plan_for(
        db,
        [["Ines", "Ibanez", "Munoz", "otra.ines@example.com", "Boston", "Globex", "+16175550199"]],
        on_duplicate=Action.FILL,
    )
    row = plan.rows[0]
    match = row.duplicate
    assert match is not None and (match.reason, match.member_id, match.confirmed_by) == ("name", member, None)
    assert row in plan.duplicates()
    assert row.action is Action.SKIP
    assert Action.CREATE in row.allowed_actions() and Action.FILL in row.allowed_actions()
    assert "ningún otro dato" in match.describe()
    assert any("ningún otro dato en común" in n for n in plan.notices)
    assert plan.choose_duplicates(Action.FILL) == 0  # the wizard's "all duplicates" leaves it too
    with db.session() as s:
        result, _run = apply_and_record(s, plan)
    assert result.created_ids == [] and result.updated_ids == []
    with db.reader() as s:
        assert member_values(s.get_one(Member, member)) == before
        assert s.query(Member).count() == 1


def test_the_merge_candidate_finder_folds_names(db: Database) -> None:
    from talentdesk.imports.duplicates import member_candidates

    with db.session() as s:
        kept = add(s, "Inés", "Ibáñez", "Muñoz", city="Chicago").id
        typed = add(s, "Ines", "Ibanez", "Munoz", city="Chicago", email="ines@example.com").id
        typo = add(s, "Innes", "Ibanez", "Munoz", city="Chicago").id
        add(s, "Inés", "Ibáñez", "Ruiz", city="Chicago")  # another maternal surname: someone else
    with db.reader() as s:
        found = member_candidates(s, kept)
    assert [(m.member_id, m.reason) for m in found] == [(typed, "name"), (typo, "similar")]
    with db.reader() as s:
        assert [m.member_id for m in member_candidates(s, typed)] == [kept, typo]
