"""The row journal: exact undo of what an operation touched, cascades included."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from talentdesk import ops
from talentdesk.core.errors import Cancelled, ConflictError
from talentdesk.core.jobs import Job
from talentdesk.db.session import Database
from talentdesk.services import chapters, event_participants, events, members
from tests.unit.ops_support import dump

pytestmark = pytest.mark.sqlite_only(reason="the row journal that makes every operation undoable is SQLite's (temporary triggers); PostgreSQL's is not built yet (issue 16)")


def _member(session: Session, given: str, email: str | None = None) -> int:
    return members.create_member(
        session, {"given_names": given, "paternal_surname": "Núñez", "email": email, "country": "US"}
    ).id


@pytest.fixture()
def board_member(db: Database) -> dict[str, int]:
    """A member who sits on a chapter board and is a participant of a Jornada."""
    with db.session() as s:
        member_id = _member(s, "Inés", "ines@example.com")
        chapter_id = chapters.create_chapter(s, {"name": "Capítulo de prueba", "country": "CA"}).id
        chapters.add_board_position(s, chapter_id, member_id, "presidente", date(2026, 1, 1))
        event = events.create_event(
            s, {"name": "Jornada 2027", "starts_on": date(2027, 3, 10), "ends_on": date(2027, 3, 11)}
        )
        participant_id = event_participants.add_member(s, event.id, member_id).id
    return {"member": member_id, "chapter": chapter_id, "event": event.id, "participant": participant_id}


def _delete(member_id: int) -> ops.Op[None]:
    return ops.Op("Eliminar miembro", lambda s, _job: members.delete_member(s, member_id))


def test_undo_of_delete_puts_back_board_position_and_participant_link(
    db: Database, board_member: dict[str, int]
) -> None:
    before = dump(db)
    done = ops.perform(db, _delete(board_member["member"]))
    after = dump(db)
    with db.reader() as s:
        assert s.execute(text("SELECT member_id FROM participants")).scalar() is None
        assert s.execute(text("SELECT count(*) FROM board_positions")).scalar() == 0
    assert done.undo is not None
    assert done.changes.members and done.changes.chapters and done.changes.events

    redo = ops.apply_step(db, done.undo)
    assert dump(db) == before
    with db.reader() as s:
        assert s.execute(text("SELECT member_id FROM participants")).scalar() == board_member["member"]
        assert s.execute(text("SELECT count(*) FROM board_positions")).scalar() == 1

    again = ops.apply_step(db, redo)
    assert dump(db) == after
    ops.apply_step(db, again)
    assert dump(db) == before


def test_undo_refuses_when_the_record_changed_since(db: Database, board_member: dict[str, int]) -> None:
    done = ops.perform(
        db,
        ops.Op("Editar", lambda s, _j: members.update_member(s, board_member["member"], {"city": "Houston"})),
    )
    with db.session() as s:  # somebody edits the same member afterwards
        members.update_member(s, board_member["member"], {"city": "Austin"})
    before = dump(db)
    assert done.undo is not None
    with pytest.raises(ConflictError, match="Inés"):
        ops.apply_step(db, done.undo)
    assert dump(db) == before


def test_undo_refuses_to_cascade_onto_rows_created_since(db: Database) -> None:
    done = ops.perform(db, ops.Op("Nuevo", lambda s, _j: _member(s, "Beto", "beto@example.com")))
    with db.session() as s:  # later: the new member joins a Jornada
        event = events.create_event(
            s, {"name": "Jornada", "starts_on": date(2027, 3, 10), "ends_on": date(2027, 3, 11)}
        )
        chapter_id = chapters.create_chapter(s, {"name": "Capítulo nuevo", "country": "CA"}).id
        chapters.add_board_position(s, chapter_id, done.value, "tesorero", date(2026, 1, 1))
        del event
    before = dump(db)
    assert done.undo is not None
    with pytest.raises(ConflictError, match="mesa directiva"):
        ops.apply_step(db, done.undo)
    assert dump(db) == before


def test_an_operation_that_writes_nothing_has_no_undo(db: Database) -> None:
    done = ops.perform(db, ops.Op("Nada", lambda s, _j: None))
    assert done.undo is None
    assert not done.changes


def test_cancel_rolls_back_everything(db: Database) -> None:
    before = dump(db)
    job = Job()

    def work(s: Session, j: Job) -> None:
        _member(s, "Uno", "uno@example.com")
        j.cancel()
        j.check()

    with pytest.raises(Cancelled):
        ops.perform(db, ops.Op("Cancelar", work), job)
    assert dump(db) == before


def test_history_moves_steps_between_stacks(db: Database) -> None:
    history = ops.History()
    done = ops.perform(db, ops.Op("Nuevo", lambda s, _j: _member(s, "Caro", "caro@example.com")))
    assert done.undo is not None
    history.record(done.undo)
    assert history.undo_label == "Nuevo"
    step = history.take_undo()
    assert step is not None
    history.undone_as(ops.apply_step(db, step))
    assert history.redo_label == "Nuevo" and not history.done
    redo = history.take_redo()
    assert redo is not None
    history.redone_as(ops.apply_step(db, redo))
    assert history.undo_label == "Nuevo" and not history.undone


def test_undo_and_redo_are_audited(db: Database, board_member: dict[str, int]) -> None:
    done = ops.perform(db, _delete(board_member["member"]))
    assert done.undo is not None
    redo = ops.apply_step(db, done.undo, action="undo")
    ops.apply_step(db, redo, action="redo")
    with db.reader() as s:
        rows = s.execute(
            text(
                "SELECT action, entity, old_value FROM audit_log WHERE action IN ('undo', 'redo') ORDER BY id"
            )
        ).all()
    member_rows = [r for r in rows if r.entity == "member"]
    assert [r.action for r in member_rows] == ["undo", "redo"]
    assert "Eliminar miembro" in member_rows[0].old_value
    assert {r.entity for r in rows} >= {"member", "board_position", "participant"}
