"""The row journal: exact undo of what an operation touched, cascades included."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from talentdesk import ops
from talentdesk.core.errors import Cancelled, ConflictError
from talentdesk.core.jobs import Job
from talentdesk.db.session import Database
from talentdesk.ops import journal
from talentdesk.ops import members as ops_members
from talentdesk.services import chapters, event_participants, events, members
from tests.unit.ops_support import dump


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


def test_a_cascade_is_recorded_before_the_delete_that_caused_it(
    db: Database, board_member: dict[str, int]
) -> None:
    """ON DELETE CASCADE and SET NULL write rows the ORM never sees; both engines record them,
    each just before the parent's delete (PostgreSQL runs them after the parent's own triggers:
    the journal puts them in the order SQLite records), so an undo of the undo deletes the
    children before their parent."""
    done = ops.perform(db, _delete(board_member["member"]))
    assert done.undo is not None
    changes = [(c.table, c.kind, c.key) for c in done.undo.journal.changes]
    member = ("members", "delete", (board_member["member"],))
    assert member in changes
    before_member = changes[: changes.index(member)]
    assert ("board_positions", "delete") in {(t, k) for t, k, _ in before_member}
    [link] = [c for c in done.undo.journal.changes if c.table == "participants"]
    assert link.kind == "update" and link.before == {"member_id": board_member["member"]}
    assert link.after == {"member_id": None}
    assert ("participants", "update", (board_member["participant"],)) in before_member


#: One row of each kind of value the schema holds: dates, date-times with microseconds,
#: booleans, floating point (not exactly decimal), text with accents and emoji, NULLs.
PROGRAM = {
    "kind_id": 1,
    "title": "Misión a Querétaro — «Ñandú» 🙂",
    "description": "Línea 1\nLínea 2 con acentos: áéíóú ü ç",
    "sector_id": None,
    "starts_on": date(2027, 2, 28),
    "ends_on": None,
    "status": "en_curso",
    "status_changed_at": datetime(2027, 3, 1, 9, 30, 15, 123456),
    "created_at": datetime(2026, 12, 31, 23, 59, 59, 999999),
    "updated_at": datetime(2027, 1, 1, 0, 0, 0, 1),
}
PERSON = {"role": "mentor", "starts_on": date(2024, 2, 29), "ends_on": None, "hours": 0.1 + 0.2, "notes": ""}


def _raw_row(db: Database, table: str, row_id: int) -> dict[str, object]:
    with db.engine.connect() as conn:
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        found = conn.exec_driver_sql(f'SELECT * FROM "{table}" WHERE id = {mark}', (row_id,)).mappings().one()
    return dict(found)


def _typed(row: dict[str, object] | None) -> list[tuple[str, object, type]]:
    return sorted((k, v, type(v)) for k, v in (row or {}).items())


def test_every_kind_of_value_comes_back_exactly_as_stored(db: Database) -> None:
    with db.session() as s:
        member_id = _member(s, "Íñigo", "inigo@example.com")
    with db.session() as s, journal.capture(s) as cap:
        program_id = s.execute(
            text(
                "INSERT INTO programs (kind_id, title, description, sector_id, starts_on, ends_on, status, "
                "status_changed_at, created_at, updated_at) VALUES (:kind_id, :title, :description, "
                ":sector_id, :starts_on, :ends_on, :status, :status_changed_at, :created_at, :updated_at) "
                "RETURNING id"
            ),
            PROGRAM,
        ).scalar_one()
        person_id = s.execute(
            text(
                "INSERT INTO program_people (program_id, member_id, role, starts_on, ends_on, hours, notes) "
                "VALUES (:p, :m, :role, :starts_on, :ends_on, :hours, :notes) RETURNING id"
            ),
            {"p": program_id, "m": member_id, **PERSON},
        ).scalar_one()
        s.execute(text("UPDATE members SET no_contact = :t WHERE id = :i"), {"t": True, "i": member_id})
    stored = {
        "programs": _raw_row(db, "programs", program_id),
        "program_people": _raw_row(db, "program_people", person_id),
    }
    inserted = {c.table: c.after for c in cap.journal.changes if c.kind == "insert"}
    assert {t: _typed(r) for t, r in inserted.items()} == {t: _typed(r) for t, r in stored.items()}
    [flag] = [c for c in cap.journal.changes if c.table == "members"]
    assert _typed(flag.after) == _typed({"no_contact": _raw_row(db, "members", member_id)["no_contact"]})

    everything = {t: _typed(r) for t, r in stored.items()}
    member = _typed(_raw_row(db, "members", member_id))
    with db.session() as s, journal.capture(s) as gone:  # delete both, change every column
        s.execute(
            text(
                "UPDATE members SET given_names = 'Ana Ñ', joined_on = :d, directory_consent = :t, "
                "created_at = :at WHERE id = :i"
            ),
            {"d": date(2020, 1, 2), "t": True, "at": datetime(2001, 1, 1, 1, 1, 1, 1), "i": member_id},
        )
        s.execute(text("DELETE FROM programs WHERE id = :i"), {"i": program_id})  # cascades
    with db.session() as s:
        journal.revert(s, gone.journal)
    assert {
        t: _typed(_raw_row(db, t, r)) for t, r in (("programs", program_id), ("program_people", person_id))
    } == everything
    assert _typed(_raw_row(db, "members", member_id)) == member


def test_undo_refuses_when_another_connection_changed_the_row(db: Database) -> None:
    with db.session() as s:
        member_id = _member(s, "Olga", "olga@example.com")
    done = ops.perform(db, ops_members.update(member_id, {"city": "Tucson"}))
    with db.engine.connect() as other:  # another workstation, plain SQL, committed
        other.execute(text("UPDATE members SET city = 'Phoenix' WHERE id = :i"), {"i": member_id})
        other.commit()
    before = dump(db)
    assert done.undo is not None
    with pytest.raises(ConflictError, match="Olga"):
        ops.apply_step(db, done.undo)
    assert dump(db) == before


def test_members_edit_and_delete_undo_and_redo_through_the_operations(db: Database) -> None:
    with db.session() as s:
        member_id = _member(s, "Raúl", "raul@example.com")
    start = dump(db)
    edited = ops.perform(db, ops_members.update(member_id, {"city": "Saltillo", "joined_on": "2021-06-01"}))
    after_edit = dump(db)
    deleted = ops.perform(db, ops_members.delete([member_id]))
    after_delete = dump(db)
    assert edited.undo is not None and deleted.undo is not None
    redo_delete = ops.apply_step(db, deleted.undo)
    assert dump(db) == after_edit
    redo_edit = ops.apply_step(db, edited.undo)
    assert dump(db) == start
    assert redo_edit is not None and redo_delete is not None
    ops.apply_step(db, redo_edit, action="redo")
    assert dump(db) == after_edit
    ops.apply_step(db, redo_delete, action="redo")
    assert dump(db) == after_delete
