"""Merging two members: chosen fields, joined sectors, moved participations and boards, audit."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from talentdesk.core.enums import BoardRole
from talentdesk.core.errors import NotFoundError, ValidationError
from talentdesk.core.events import Participant
from talentdesk.core.models import AuditEntry, BoardPosition, Member
from talentdesk.db.session import Database
from talentdesk.services import event_participants, reference
from talentdesk.services import events as ev
from talentdesk.services.chapters import add_board_position
from talentdesk.services.member_merge import default_choices, merge_members
from talentdesk.services.members import get_member, member_values

from .helpers import add


def _pair(db: Database) -> tuple[int, int]:
    with db.session() as s:
        sectors = [x.id for x in reference.sectors(s)]
        keep = add(s, "Ana", "López", None, email="ana@example.com", city="Monterrey", sector_ids=sectors[:1])
        drop = add(
            s,
            "Ana María",
            "López",
            "Ruiz",
            email="ana.lopez@example.org",
            employer="CEMEX",
            phone="+52 81 1234 5678",
            sector_ids=sectors[1:3],
        )
        return keep.id, drop.id


def test_merge_takes_chosen_fields_fills_empty_and_deletes_other(db: Database) -> None:
    keep_id, drop_id = _pair(db)
    with db.session() as s:
        result = merge_members(s, keep_id, drop_id, {"given_names": "drop", "email": "drop"})
    assert result.kept_id == keep_id and result.dropped_id == drop_id
    with db.reader() as s:
        assert s.get(Member, drop_id) is None
        values = member_values(get_member(s, keep_id))
        sectors = [x.id for x in reference.sectors(s)]
    assert values["given_names"] == "Ana María"
    assert values["email"] == "ana.lopez@example.org"  # the other's e-mail, freed by its delete
    assert values["city"] == "Monterrey"  # kept
    assert values["maternal_surname"] == "Ruiz"  # empty: filled by default
    assert values["employer"] == "CEMEX"
    assert values["sector_ids"] == sorted(sectors[:3])  # joined
    assert set(result.changed) >= {"given_names", "email", "maternal_surname", "employer", "sector_ids"}


def test_keep_choice_overrides_the_fill(db: Database) -> None:
    keep_id, drop_id = _pair(db)
    with db.session() as s:
        merge_members(s, keep_id, drop_id, {"employer": "keep", "maternal_surname": "keep"})
    with db.reader() as s:
        values = member_values(get_member(s, keep_id))
    assert values["employer"] is None
    assert values["maternal_surname"] is None


def test_default_choices_prefer_the_kept_value() -> None:
    choices = default_choices({"city": "A", "employer": None}, {"city": "B", "employer": "X"})
    assert choices["city"] == "keep"
    assert choices["employer"] == "drop"
    assert choices["notes"] == "keep"


def test_participations_and_board_positions_move(db: Database) -> None:
    keep_id, drop_id = _pair(db)
    with db.session() as s:
        both = ev.create_event(
            s, {"name": "Jornada", "starts_on": date(2027, 2, 18), "ends_on": date(2027, 2, 19)}
        )
        only = ev.create_event(
            s, {"name": "Foro", "starts_on": date(2027, 3, 18), "ends_on": date(2027, 3, 19)}
        )
        event_participants.add_member(s, both.id, keep_id)
        twin = event_participants.add_member(s, both.id, drop_id)
        moved = event_participants.add_member(s, only.id, drop_id)
        chapter = reference.chapters(s)[0].id
        add_board_position(s, chapter, drop_id, BoardRole.TREASURER)
        ids = (both.id, only.id, twin.id, moved.id)
    with db.session() as s:
        result = merge_members(s, keep_id, drop_id, {})
    assert result.participations == 1
    assert result.board_positions == 1
    with db.reader() as s:
        assert s.get(Participant, ids[3]).member_id == keep_id  # type: ignore[union-attr]
        assert s.get(Participant, ids[2]).member_id is None  # type: ignore[union-attr]  # no double
        boards = list(s.scalars(select(BoardPosition).where(BoardPosition.member_id == keep_id)))
        assert [b.role for b in boards] == [BoardRole.TREASURER]


def test_audit_trail_keeps_everything(db: Database) -> None:
    keep_id, drop_id = _pair(db)
    with db.reader() as s:
        before = len(list(s.scalars(select(AuditEntry).where(AuditEntry.entity_id == drop_id))))
    with db.session() as s:
        merge_members(s, keep_id, drop_id, {"email": "drop"})
    with db.reader() as s:
        dropped = [e.action for e in s.scalars(select(AuditEntry).where(AuditEntry.entity_id == drop_id))]
        merge = s.scalars(
            select(AuditEntry).where(AuditEntry.entity_id == keep_id, AuditEntry.action == "merge")
        ).one()
        merge_new, merge_old = merge.new_value, merge.old_value
        updates = {
            e.field
            for e in s.scalars(
                select(AuditEntry).where(AuditEntry.entity_id == keep_id, AuditEntry.action == "update")
            )
        }
    assert len(dropped) == before + 1 and dropped[-1] == "delete"
    note = json.loads(merge_new or "{}")
    assert note["merged_id"] == drop_id
    assert "email" in note["from_other"]
    assert "ana.lopez@example.org" in (merge_old or "")
    assert "email" in updates


@pytest.mark.parametrize(
    ("choices", "field"),
    [({"nonsense": "keep"}, "choices"), ({"city": "left"}, "choices"), ({"sector_ids": "drop"}, "choices")],
)
def test_bad_choices_are_refused_and_nothing_changes(
    db: Database, choices: dict[str, str], field: str
) -> None:
    keep_id, drop_id = _pair(db)
    with pytest.raises(ValidationError) as info, db.session() as s:
        merge_members(s, keep_id, drop_id, choices)
    assert info.value.for_field(field)
    with db.reader() as s:
        assert s.get(Member, drop_id) is not None


def test_same_or_missing_member_is_refused(db: Database) -> None:
    keep_id, _drop_id = _pair(db)
    with pytest.raises(ValidationError), db.session() as s:
        merge_members(s, keep_id, keep_id, {})
    with pytest.raises(NotFoundError), db.session() as s:
        merge_members(s, keep_id, 999_999, {})
