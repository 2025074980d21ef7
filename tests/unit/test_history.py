"""What a member, an organisation and a chapter did with the Network (services/history.py), and
the demo's linkage data (services/demo_programs.py) that gives those histories something to show."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import select, text

from talentdesk.core.models import Chapter, Member, MemberSector, Organization
from talentdesk.core.programs import Program, ProgramPerson
from talentdesk.db.session import Database
from talentdesk.services import event_agenda, event_participants, events, needs, programs
from talentdesk.services.history import (
    JORNADA,
    NEED,
    PROGRAM,
    chapter_history,
    member_history,
    organization_history,
)

from .helpers import add


def _world(db: Database) -> dict[str, int]:
    """Ana (Houston) mentors in 2009 and speaks at a 2011 Jornada; an organisation asks for help."""
    with db.session() as s:
        houston = s.scalars(select(Chapter.id).where(Chapter.name == "Houston")).one()
        ana = add(s, "Ana", "Ruiz", chapter_id=houston)
        beto = add(s, "Beto", "Soto", chapter_id=houston)
        org = Organization(name="Universidad Demo de Puebla")
        s.add(org)
        s.flush()
        mentoring = programs.create_program(
            s,
            {
                "kind_id": 2,
                "title": "Mentoría al posgrado de la UDP",
                "sector_id": 3,
                "organization_ids": [org.id],
                "starts_on": "2009-02-01",
                "ends_on": "2009-11-30",
                "status": "concluido",
            },
        )
        programs.add_person(s, mentoring.id, {"member_id": ana.id, "role": "mentor", "hours": 40})
        programs.add_outcome(s, mentoring.id, {"kind": "instituciones_mentoradas", "quantity": 1})
        programs.add_outcome(s, mentoring.id, {"kind": "estudiantes_atendidos", "quantity": 35})
        visit = programs.create_program(
            s,
            {
                "kind_id": 7,
                "title": "Reunión del capítulo Houston",
                "chapter_ids": [houston],
                "starts_on": "2015-03-01",
            },
        )
        event = events.create_event(
            s,
            {
                "name": "Jornada Informativa",
                "edition": "2011",
                "starts_on": date(2011, 3, 9),
                "ends_on": date(2011, 3, 10),
            },
        )
        speaker = event_participants.add_member(s, event.id, ana.id, "ponente")
        event_participants.add_member(s, event.id, beto.id)
        event_agenda.add_session(
            s,
            event.id,
            {
                "title": "Salud binacional",
                "starts_at": "2011-03-09 10:00",
                "ends_at": "2011-03-09 11:00",
                "speaker_ids": [speaker.id],
            },
        )
        event_participants.add_guest(
            s,
            event.id,
            {
                "given_names": "Invitada",
                "paternal_surname": "Local",
                "organization": "universidad demo de PUEBLA",
            },
        )
        need = needs.create_need(
            s, {"title": "Mentores en salud", "organization_id": org.id, "starts_on": "2020-01-15"}
        )
        needs.add_candidates(s, need.id, [ana.id])
        return {
            "ana": ana.id,
            "org": org.id,
            "houston": houston,
            "mentoring": mentoring.id,
            "visit": visit.id,
            "event": event.id,
            "need": need.id,
        }


def test_a_members_history_lists_programmes_jornadas_and_candidacies_newest_first(db: Database) -> None:
    ids = _world(db)
    with db.reader() as s:
        rows = member_history(s, ids["ana"])
    assert [(r.kind, r.record_id, r.year) for r in rows] == [
        (NEED, ids["need"], 2020),
        (JORNADA, ids["event"], 2011),
        (PROGRAM, ids["mentoring"], 2009),
    ]
    need, jornada, program = rows
    assert (program.what, program.title, program.role, program.status) == (
        "Mentoría a institución mexicana",
        "Mentoría al posgrado de la UDP",
        "Mentor · 40 h",
        "Concluido",
    )
    assert program.outcome == "Estudiantes atendidos: 35 · Instituciones mentoradas: 1"
    assert (jornada.what, jornada.title, jornada.role, jornada.status, jornada.outcome) == (
        "Jornada Informativa",
        "Jornada Informativa 2011",
        "Ponente",
        "Invitado",
        "Salud binacional",
    )
    assert (need.role, need.status, need.outcome) == ("Candidato", "Contactado", "Abierta")
    assert program.as_json()["year"] == 2009


def test_an_organisations_history_has_its_programmes_needs_and_guests(db: Database) -> None:
    ids = _world(db)
    with db.reader() as s:
        rows = organization_history(s, ids["org"])
    assert [(r.kind, r.record_id) for r in rows] == [
        (NEED, ids["need"]),
        (JORNADA, ids["event"]),
        (PROGRAM, ids["mentoring"]),
    ]
    assert rows[0].role == "Pide" and rows[0].outcome == "1 candidato, 0 aceptados"
    assert rows[1].role == "1 persona registrada con esta organización (Asistente: 1)"
    assert rows[2].role == "Organización participante"


def test_a_chapters_history_counts_its_members(db: Database) -> None:
    ids = _world(db)
    with db.reader() as s:
        rows = chapter_history(s, ids["houston"])
    assert [(r.kind, r.record_id) for r in rows] == [
        (PROGRAM, ids["visit"]),
        (JORNADA, ids["event"]),
        (PROGRAM, ids["mentoring"]),
    ]
    assert rows[0].role == "Capítulo participante"
    assert rows[1].role == "2 personas del capítulo (Asistente: 1, Ponente: 1)"
    assert rows[2].role == "1 miembro del capítulo (Mentor: 1)"


def test_the_demo_has_linkage_work_over_the_years_coherent_with_the_network(demo: Database) -> None:
    with demo.reader() as s:
        years = Counter(p.starts_on.year for p in s.scalars(select(Program)) if p.starts_on)
        assert min(years) == 2005 and max(years) >= 2026
        assert len(years) >= 15  # spread over the years, not one
        statuses = {row[0] for row in s.execute(text("SELECT DISTINCT status FROM programs"))}
        assert {"concluido", "propuesta"} <= statuses
        for table in (
            "program_people",
            "program_outcomes",
            "needs",
            "need_candidates",
            "program_status_changes",
        ):
            assert s.execute(text(f"SELECT count(*) FROM {table}")).scalar(), table
        # people come from the responsible PNCS's sector (or the programme's chapter) most of the time
        people = s.execute(
            select(Program.sector_id, MemberSector.sector_id, Program.id)
            .join(ProgramPerson, ProgramPerson.program_id == Program.id)
            .join(MemberSector, (MemberSector.member_id == ProgramPerson.member_id) & MemberSector.is_primary)
        ).all()
        same = sum(responsible == sector for responsible, sector, _pid in people)
        assert same / len(people) > 0.5
        # a need's accepted candidates are the people of the programme it fed
        accepted = s.execute(
            text(
                "SELECT c.member_id, n.program_id FROM need_candidates c JOIN needs n ON n.id = c.need_id "
                "WHERE c.stage = 'aceptado'"
            )
        ).all()
        assert accepted
        for member_id, program_id in accepted:
            assert s.execute(
                text("SELECT count(*) FROM program_people WHERE member_id = :m AND program_id = :p"),
                {"m": member_id, "p": program_id},
            ).scalar()
        # a member with a history shows it
        member_id = s.scalars(select(ProgramPerson.member_id).limit(1)).one()
        assert member_id is not None and s.get(Member, member_id) is not None
        assert any(r.kind == PROGRAM for r in member_history(s, member_id))
