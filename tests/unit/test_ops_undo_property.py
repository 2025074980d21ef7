"""Every operation undoes exactly: dump -> apply -> undo -> same dump; redo -> same as applied.

Runs each registered operation on a generated database that has board positions, Jornada
participations with travel and lodging, speakers and certificates, choosing the records with a
seeded random generator (several seeds per operation). The audit log is left out of the
comparison: it records the undo, it is not taken back.
"""

from __future__ import annotations

import itertools
import os
import random
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.orm import Session

from talentdesk import ops
from talentdesk.core.enums import MemberStatus
from talentdesk.db.session import Database
from talentdesk.ops import (
    chapters,
    events,
    members,
    needs,
    organizations,
    programs,
    saved_lists,
    sectors,
    settings,
)
from talentdesk.ops.registry import load_all
from talentdesk.services.certificates import issue_certificates
from talentdesk.services.search import MemberQuery
from tests.conftest import PG_URL
from tests.unit.ops_support import dump, timeless

Example = Callable[[Session, random.Random], ops.Op[Any]]


def _ids(s: Session, sql: str) -> list[int]:
    return [int(r[0]) for r in s.execute(text(sql))]


def _one(s: Session, r: random.Random, sql: str) -> int:
    ids = _ids(s, sql)
    assert ids, sql
    return r.choice(ids)


def _some(s: Session, r: random.Random, sql: str, k: int) -> list[int]:
    ids = _ids(s, sql)
    assert ids, sql
    return r.sample(ids, min(k, len(ids)))


#: Members who sit on a board AND take part in a Jornada: the hardest cases to put back.
BOARD_AND_EVENT = (
    "SELECT DISTINCT b.member_id FROM board_positions b JOIN participants p ON p.member_id = b.member_id"
)
UNCERTIFIED = "SELECT id FROM participants WHERE id NOT IN (SELECT participant_id FROM certificates)"
EVENT = "SELECT id FROM events"


def _new_member(r: random.Random) -> dict[str, Any]:
    n = r.randrange(10**6)
    return {
        "given_names": "Ximena",
        "paternal_surname": f"Prueba{n}",
        "email": f"x{n}@example.org",
        "country": "MX",
    }


def _invite(s: Session, r: random.Random) -> ops.Op[Any]:
    """New members, one already in the event and one who objected to contact (reported, refused)."""
    event_id = _one(s, r, EVENT)
    fresh = _some(s, r, f"SELECT id FROM members WHERE NOT no_contact AND id NOT IN (SELECT member_id FROM "
                  f"participants WHERE event_id = {event_id} AND member_id IS NOT NULL)", 4)  # fmt: skip
    there = _ids(
        s, f"SELECT member_id FROM participants WHERE event_id = {event_id} AND member_id IS NOT NULL"
    )
    objected = _ids(s, "SELECT id FROM members WHERE no_contact")
    return events.invite_members(event_id, [*fresh, *there[:1], *objected[:1]])


def _member_edit(s: Session, r: random.Random) -> ops.Op[Any]:
    member_id = _one(s, r, BOARD_AND_EVENT)
    return members.update(member_id, {"city": "Monterrey", "employer": f"Empresa {r.randrange(99)}"})


EXAMPLES: dict[str, Example] = {
    "members.create": lambda s, r: members.create(_new_member(r)),
    "members.update": _member_edit,
    "members.set_chapter": lambda s, r: members.set_chapter(
        _some(s, r, "SELECT id FROM members", 40), _one(s, r, "SELECT id FROM chapters")
    ),
    "members.set_status": lambda s, r: members.set_status(
        _some(s, r, "SELECT id FROM members", 40), "inactivo"
    ),
    "members.add_sector": lambda s, r: members.add_sector(
        _some(s, r, "SELECT id FROM members", 40), _one(s, r, "SELECT id FROM sectors")
    ),
    "members.remove_sector": lambda s, r: members.remove_sector(
        _some(s, r, "SELECT member_id FROM member_sectors", 40), _one(s, r, "SELECT id FROM sectors")
    ),
    "members.delete": lambda s, r: members.delete(
        [*_some(s, r, BOARD_AND_EVENT, 2), *_some(s, r, "SELECT id FROM members", 20)]
    ),
    "members.merge": lambda s, r: members.merge(*_some(s, r, BOARD_AND_EVENT, 2)),
    "chapters.create": lambda s, r: chapters.create(
        {"name": f"Capítulo {r.randrange(10**6)}", "country": "CA"}
    ),
    "chapters.update": lambda s, r: chapters.update(
        _one(s, r, "SELECT chapter_id FROM board_positions"), {"city": "Toronto", "sector_ids": [1, 3]}
    ),
    "chapters.delete": lambda s, r: chapters.delete(_one(s, r, "SELECT chapter_id FROM board_positions")),
    "chapters.add_board_position": lambda s, r: chapters.add_board_position(
        _one(s, r, "SELECT id FROM chapters"), _one(s, r, "SELECT id FROM members"), "vocal", date(2026, 1, 1)
    ),
    "chapters.remove_board_position": lambda s, r: chapters.remove_board_position(
        _one(s, r, "SELECT id FROM board_positions")
    ),
    "sectors.update": lambda s, r: sectors.update(
        _one(s, r, "SELECT id FROM sectors"), {"notes": "Nota nueva"}
    ),
    "sectors.add_contact": lambda s, r: sectors.add_contact(
        _one(s, r, "SELECT id FROM sectors"), {"name": "Contacto de prueba", "email": "c@example.org"}
    ),
    "sectors.update_contact": lambda s, r: sectors.update_contact(
        _one(s, r, "SELECT id FROM sector_contacts"), {"name": "Otro nombre"}
    ),
    "sectors.remove_contact": lambda s, r: sectors.remove_contact(
        _one(s, r, "SELECT id FROM sector_contacts")
    ),
    "organizations.create": lambda s, r: organizations.create(
        {"name": f"Universidad {r.randrange(10**6)}", "sector_ids": [2]}
    ),
    "organizations.update": lambda s, r: organizations.update(
        _one(s, r, "SELECT id FROM organizations"), {"city": "Puebla", "sector_ids": [4, 5]}
    ),
    "organizations.delete": lambda s, r: organizations.delete(_one(s, r, "SELECT id FROM organizations")),
    "settings.set_welcome_letter": lambda s, r: settings.set_welcome_letter(
        "Hola {nombre}: bienvenida a {evento}."
    ),
    "settings.save_mapping": lambda s, r: settings.save_mapping(
        "Consulado", {"Nombre": "given_names", "X": None}
    ),
    "settings.delete_mapping": lambda s, r: _saved_then(s, settings.delete_mapping("Para borrar")),
    "settings.set_backup_retention": lambda s, r: settings.set_backup_retention(10, 2),
    "imports.apply": lambda s, r: _import_plan(s, r),
    "events.create": lambda s, r: events.create(
        {"name": "Jornada 2031", "starts_on": date(2031, 3, 3), "ends_on": date(2031, 3, 4)}
    ),
    "events.update": lambda s, r: events.update(_one(s, r, EVENT), {"venue_name": "Palacio de Minería"}),
    "events.delete": lambda s, r: _uncertified_event(s, r),
    "events.copy": lambda s, r: events.copy(
        _one(s, r, EVENT),
        name="Jornada 2032",
        edition="2032",
        starts_on=date(2032, 3, 1),
        with_participants=True,
    ),
    "events.add_room": lambda s, r: events.add_room(_one(s, r, EVENT), "Sala Nueva", 40),
    "events.add_session": lambda s, r: events.add_session(
        _one(s, r, EVENT),
        {"title": "Mesa nueva", "starts_at": _event_day(s, 10), "ends_at": _event_day(s, 11)},
    ),
    "events.update_session": lambda s, r: events.update_session(
        _one(s, r, "SELECT session_id FROM session_speakers"), {"title": "Título cambiado", "speaker_ids": []}
    ),
    "events.delete_session": lambda s, r: events.delete_session(
        _one(s, r, "SELECT session_id FROM session_speakers")
    ),
    "events.add_members": lambda s, r: events.add_members(
        _one(s, r, EVENT),
        _some(
            s,
            r,
            "SELECT id FROM members WHERE id NOT IN (SELECT member_id FROM participants "
            "WHERE member_id IS NOT NULL)",
            5,
        ),
    ),
    "events.invite_members": lambda s, r: _invite(s, r),
    "events.add_member": lambda s, r: events.add_member(
        _one(s, r, EVENT),
        _one(
            s,
            r,
            "SELECT id FROM members WHERE id NOT IN (SELECT member_id FROM participants WHERE member_id IS NOT NULL)",
        ),
        "ponente",
    ),
    "events.add_guest": lambda s, r: events.add_guest(
        _one(s, r, EVENT), {"given_names": "Invitada", "paternal_surname": "Externa"}
    ),
    "events.update_participant": lambda s, r: events.update_participant(
        _one(s, r, UNCERTIFIED), {"organization": "UNAM"}
    ),
    "events.change_status": lambda s, r: events.change_status(
        _some(s, r, "SELECT id FROM participants WHERE status = 'invitado'", 5), "confirmado"
    ),
    "events.remove_participants": lambda s, r: events.remove_participants(
        _some(
            s,
            r,
            "SELECT moderator_id FROM event_sessions WHERE moderator_id IS NOT NULL AND moderator_id NOT IN "
            "(SELECT participant_id FROM certificates)",
            1,
        )
        + _some(s, r, UNCERTIFIED, 3)
    ),
    "events.set_travel": lambda s, r: events.set_travel(
        _one(s, r, "SELECT participant_id FROM travels"), {"arrival_flight": "AM 401"}
    ),
    "events.set_lodging": lambda s, r: events.set_lodging(
        _one(s, r, "SELECT participant_id FROM lodgings"), {"hotel": "Hotel Prueba"}
    ),
    "events.add_material": lambda s, r: events.add_material(_one(s, r, EVENT), "Carpetas", 150, "Logística"),
    "events.update_material": lambda s, r: events.update_material(
        _one(s, r, "SELECT id FROM materials"), {"quantity": 7}
    ),
    "events.set_material_status": lambda s, r: events.set_material_status(
        _one(s, r, "SELECT id FROM materials WHERE status != 'listo'"), "listo"
    ),
    "events.delete_material": lambda s, r: events.delete_material(_one(s, r, "SELECT id FROM materials")),
    "events.add_task": lambda s, r: events.add_task(_one(s, r, EVENT), "Confirmar salas", "2031-01-10"),
    "events.update_task": lambda s, r: events.update_task(
        _one(s, r, "SELECT id FROM event_tasks"), {"title": "Otra"}
    ),
    "events.set_task_done": lambda s, r: events.set_task_done(
        _one(s, r, "SELECT id FROM event_tasks WHERE NOT done"), True
    ),
    "events.delete_task": lambda s, r: events.delete_task(_one(s, r, "SELECT id FROM event_tasks")),
    # vinculación (the demo data has programmes with people, outcomes and needs with candidates)
    "programs.create_kind": lambda s, r: programs.create_kind(
        f"Estancia de investigación {r.randrange(10**6)}"
    ),
    "programs.rename_kind": lambda s, r: programs.rename_kind(
        _one(s, r, "SELECT kind_id FROM programs"), f"Tipo renombrado {r.randrange(99)}"
    ),
    "programs.delete_kind": lambda s, r: _kind_then(s, programs.delete_kind),
    "programs.create": lambda s, r: programs.create(
        {
            "kind_id": _one(s, r, "SELECT id FROM program_kinds"),
            "title": "Pasantías de prueba",
            "sector_id": 3,
            "sector_ids": [3, 4],
            "organization_ids": _some(s, r, "SELECT id FROM organizations", 2),
            "chapter_ids": _some(s, r, "SELECT id FROM chapters", 1),
            "starts_on": date(2026, 1, 5),
            "status": "en_curso",
        },
        on=date(2026, 1, 5),
    ),
    "programs.update": lambda s, r: programs.update(
        _one(s, r, "SELECT program_id FROM program_organizations"),
        {
            "title": "Título nuevo",
            "organization_ids": _some(s, r, "SELECT id FROM organizations", 2),
            "chapter_ids": [],
        },
    ),
    "programs.delete": lambda s, r: programs.delete(
        _one(s, r, "SELECT program_id FROM needs WHERE program_id IS NOT NULL")
    ),
    "programs.change_status": lambda s, r: _program_status(s, r),
    "programs.add_person": lambda s, r: _add_person(s, r),
    "programs.add_people": lambda s, r: programs.add_people(
        _one(s, r, "SELECT id FROM programs"), _some(s, r, "SELECT id FROM members", 4), "evaluador"
    ),
    "programs.update_person": lambda s, r: programs.update_person(
        _one(s, r, "SELECT id FROM program_people"), {"hours": 7.5, "notes": "Dio seguimiento."}
    ),
    "programs.remove_people": lambda s, r: programs.remove_people(
        _some(s, r, "SELECT id FROM program_people", 3)
    ),
    "programs.add_outcome": lambda s, r: programs.add_outcome(
        _one(s, r, "SELECT id FROM programs"),
        {
            "kind": "convenios_firmados",
            "quantity": 2,
            "achieved_on": "2025-06-30",
            "narrative": "Dos convenios.",
        },
    ),
    "programs.update_outcome": lambda s, r: programs.update_outcome(
        _one(s, r, "SELECT id FROM program_outcomes"), {"quantity": 99}
    ),
    "programs.remove_outcome": lambda s, r: programs.remove_outcome(
        _one(s, r, "SELECT id FROM program_outcomes")
    ),
    "needs.create": lambda s, r: needs.create(
        {
            "title": "Se buscan evaluadores",
            "sector_id": 5,
            "sector_ids": [5],
            "keywords": "nanomateriales",
            "people_wanted": 3,
        }
    ),
    "needs.update": lambda s, r: needs.update(
        _one(s, r, "SELECT id FROM needs"), {"keywords": "robótica", "sector_ids": [1, 2], "country": "US"}
    ),
    "needs.set_status": lambda s, r: _need_status(s, r),
    "needs.delete": lambda s, r: needs.delete(_one(s, r, "SELECT need_id FROM need_candidates")),
    "needs.add_candidates": lambda s, r: _add_candidates(s, r),
    "needs.change_stage": lambda s, r: _candidate_stage(s, r),
    "needs.update_candidate": lambda s, r: needs.update_candidate(
        _one(s, r, "SELECT id FROM need_candidates"), "Respondió por correo."
    ),
    "needs.remove_candidates": lambda s, r: needs.remove_candidates(
        _some(s, r, "SELECT id FROM need_candidates", 3)
    ),
    "needs.accept_into_program": lambda s, r: _accept(s, r),
    # saved lists: the demo data has none, so each example saves the lists it works on first
    "saved_lists.save_query": lambda s, r: saved_lists.save_query(
        f"Búsqueda {r.randrange(99)}",
        MemberQuery(text="a", chapter_ids=(1, 999), statuses=(MemberStatus.ACTIVE,)),
    ),
    "saved_lists.save_fixed": lambda s, r: saved_lists.save_fixed(
        "Elegidos", _some(s, r, "SELECT id FROM members", 5)
    ),
    "saved_lists.rename": lambda s, r: saved_lists.rename(_two_lists(s, r)[0], "Otro nombre"),
    "saved_lists.delete": lambda s, r: saved_lists.delete(_two_lists(s, r)[r.randrange(2)]),
    "saved_lists.add_members": lambda s, r: saved_lists.add_members(
        _two_lists(s, r)[1], _some(s, r, "SELECT id FROM members", 4)
    ),
    "saved_lists.remove_members": lambda s, r: saved_lists.remove_members(
        _two_lists(s, r)[1], _some(s, r, "SELECT member_id FROM saved_list_members", 2)
    ),
}


def _two_lists(s: Session, r: random.Random) -> tuple[int, int]:
    """A smart list and a fixed one of three members, committed: (smart id, fixed id)."""
    from talentdesk.services import saved_lists as lists_service

    smart = lists_service.save_search(s, "Salud en Houston", MemberQuery(text="houston", sector_ids=(1,)))
    fixed = lists_service.save_fixed(s, "Mentores", _some(s, r, "SELECT id FROM members", 3))
    s.commit()
    return smart.id, fixed.id


def _kind_then(s: Session, factory: Callable[[int], ops.Op[Any]]) -> ops.Op[Any]:
    from talentdesk.services.programs import create_kind

    kind = create_kind(s, "Tipo para borrar")
    s.commit()
    return factory(kind.id)


def _program_status(s: Session, r: random.Random) -> ops.Op[Any]:
    from talentdesk.core.programs import ProgramStatus
    from talentdesk.services.programs import TRANSITIONS

    program_id = _one(s, r, "SELECT id FROM programs")
    status = ProgramStatus(
        s.execute(text("SELECT status FROM programs WHERE id = :i"), {"i": program_id}).scalar()
    )
    return programs.change_status(program_id, sorted(TRANSITIONS[status])[0].value)


def _add_person(s: Session, r: random.Random) -> ops.Op[Any]:
    program_id = _one(s, r, "SELECT id FROM programs")
    member_id = _one(
        s,
        r,
        f"SELECT id FROM members WHERE id NOT IN (SELECT member_id FROM program_people WHERE program_id = {program_id})",
    )
    return programs.add_person(
        program_id, {"member_id": member_id, "role": "mentor", "hours": "12", "notes": "Mentora"}
    )


def _need_status(s: Session, r: random.Random) -> ops.Op[Any]:
    need_id = _one(s, r, "SELECT id FROM needs")
    current = s.execute(text("SELECT status FROM needs WHERE id = :i"), {"i": need_id}).scalar()
    return needs.set_status(need_id, "cerrada" if current != "cerrada" else "abierta")


def _add_candidates(s: Session, r: random.Random) -> ops.Op[Any]:
    need_id = _one(s, r, "SELECT id FROM needs")
    members = _some(
        s,
        r,
        f"SELECT id FROM members WHERE id NOT IN (SELECT member_id FROM need_candidates WHERE need_id = {need_id})",
        4,
    )
    return needs.add_candidates(need_id, members, reasons={members[0]: "sector Salud (principal)"})


def _candidate_stage(s: Session, r: random.Random) -> ops.Op[Any]:
    from talentdesk.core.programs import CandidateStage
    from talentdesk.services.needs import STAGES

    candidate_id = _one(s, r, "SELECT id FROM need_candidates")
    stage = CandidateStage(
        s.execute(text("SELECT stage FROM need_candidates WHERE id = :i"), {"i": candidate_id}).scalar()
    )
    return needs.change_stage([candidate_id], sorted(STAGES[stage])[0].value)


def _accept(s: Session, r: random.Random) -> ops.Op[Any]:
    need_id = _one(s, r, "SELECT need_id FROM need_candidates WHERE stage = 'aceptado'")
    program_id = _one(
        s, r, f"SELECT id FROM programs WHERE id NOT IN (SELECT program_id FROM needs WHERE id = {need_id})"
    )
    return needs.accept_into_program(need_id, program_id, "participante")


def _import_plan(s: Session, r: random.Random) -> ops.Op[Any]:
    """A file with one new member and one known member (by e-mail) whose city changed."""
    import csv
    import tempfile

    from talentdesk.imports.prepare import prepare_import
    from talentdesk.imports.reading import read_source
    from talentdesk.ops import imports

    known = _one(s, r, "SELECT id FROM members WHERE email IS NOT NULL")
    email, given, paternal = s.execute(
        text("SELECT email, given_names, paternal_surname FROM members WHERE id = :i"), {"i": known}
    ).one()
    path = Path(tempfile.mkdtemp()) / "consulado.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Nombre", "Apellido paterno", "Correo", "Ciudad", "País"])
        writer.writerow(["Rocío", f"Importada{r.randrange(10**6)}", "", "Querétaro", "MX"])
        writer.writerow([given, paternal, email, "Oaxaca", "MX"])
    plan = prepare_import(s, read_source(path), on_duplicate="update")
    return imports.apply(plan)


def _saved_then(s: Session, op: ops.Op[Any]) -> ops.Op[Any]:
    from talentdesk.services.import_mappings import save_mapping

    save_mapping(s, "Para borrar", {"Correo": "email"})
    s.commit()
    return op


def _event_day(s: Session, hour: int) -> Any:
    from datetime import datetime, time

    starts = s.execute(text("SELECT starts_on FROM events ORDER BY id LIMIT 1")).scalar()
    return datetime.combine(date.fromisoformat(str(starts)), time(hour))


def _uncertified_event(s: Session, r: random.Random) -> ops.Op[Any]:
    return events.delete(
        _one(
            s,
            r,
            "SELECT id FROM events WHERE id NOT IN (SELECT p.event_id FROM participants p "
            "JOIN certificates c ON c.participant_id = p.id)",
        )
    )


def _enrich(db: Database) -> None:
    from talentdesk.services import event_participants
    from talentdesk.services import events as event_service
    from talentdesk.services.demo import generate_demo

    with db.session() as s:
        generate_demo(s, 300, seed=11)
    with db.session() as s:
        attended = _ids(s, "SELECT id FROM participants ORDER BY id LIMIT 4")
        for participant_id in attended:
            s.execute(text("UPDATE participants SET status = 'asistio' WHERE id = :i"), {"i": participant_id})
        issue_certificates(s, attended)
        second = event_service.create_event(
            s, {"name": "Jornada sin constancias", "starts_on": date(2030, 5, 6), "ends_on": date(2030, 5, 7)}
        )
        for member_id in _ids(s, "SELECT id FROM members ORDER BY id LIMIT 6"):
            event_participants.add_member(s, second.id, member_id)


@pytest.fixture(scope="module")
def rich_db(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Path:
    """Demo data (members, boards, a Jornada with travel, lodging, speakers) plus certificates
    and a second, certificate-free event."""
    path = tmp_path_factory.mktemp("ops") / "rich.sqlite"
    shutil.copyfile(template_db, path)
    db = Database.open(path)
    _enrich(db)
    db.close()
    return path


@pytest.fixture(scope="module")
def rich_pg(pg_template: str) -> Iterator[str]:
    """The same data in a PostgreSQL database (a template each test copies)."""
    name = f"talentdesk_rich_{os.getpid()}"
    server = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        conn.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE {pg_template}")
    db = Database.open(_pg_url(name))
    _enrich(db)
    db.close()
    yield name
    with server.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    server.dispose()


def _pg_url(name: str) -> str:
    return str(make_url(PG_URL).set(database=name).render_as_string(hide_password=False))


#: Operations that are deliberately not undoable, each for a stated reason.
FINAL = {
    "imports.undo": "undoing an import is not redone: the file can be imported again",
    "demo.load": "demo data is written in bulk outside the journal: a new database starts over",
}


def test_every_operation_has_an_example() -> None:
    assert set(EXAMPLES) | set(FINAL) == set(load_all())


def test_final_operations_say_so(rich_db: Path, tmp_path: Path) -> None:
    from talentdesk.ops import imports

    assert imports.undo(1).undoable is False
    from talentdesk.ops import demo

    assert demo.load().undoable is False


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_undo_and_redo_are_exact(name: str, seed: int, rich_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    shutil.copyfile(rich_db, path)
    db = Database.open(path)
    try:
        _undo_and_redo_are_exact(db, name, seed)
    finally:
        db.close()


@pytest.mark.skipif(not PG_URL, reason="no PostgreSQL server in this run (TALENTDESK_TEST_PG)")
@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_undo_and_redo_are_exact_on_postgresql(name: str, rich_pg: str) -> None:
    """The same on PostgreSQL (its journal is PL/pgSQL triggers, its cascades run in another
    order), one seed per operation."""
    copy = f"{rich_pg}_{next(_COPIES)}"
    server = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {copy} TEMPLATE {rich_pg}")
    db = Database.open(_pg_url(copy))
    try:
        _undo_and_redo_are_exact(db, name, 1)
    finally:
        db.close()
        with server.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {copy} WITH (FORCE)")
        server.dispose()


_COPIES = itertools.count()


def _undo_and_redo_are_exact(db: Database, name: str, seed: int) -> None:
    with db.session() as s:
        op = EXAMPLES[name](s, random.Random(f"{name}/{seed}"))
    before = dump(db)
    done = ops.perform(db, op)
    applied = dump(db)
    assert applied != before, f"{name}: the example changed nothing"
    assert done.undo is not None and done.changes
    if not op.capture:  # its own inverse (the import history): exact but for when it ran
        assert ops.apply_step(db, done.undo) is None
        assert timeless(dump(db)) == timeless(before)
        return

    redo = ops.apply_step(db, done.undo)
    assert dump(db) == before
    undo = ops.apply_step(db, redo)
    assert dump(db) == applied
    ops.apply_step(db, undo)
    assert dump(db) == before
