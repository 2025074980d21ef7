"""Linkage programmes (services/programs.py): kinds, validation, the status workflow, people,
outcomes, and what happens to them when a member is deleted, merged or anonymised."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from talentdesk.core.errors import ConflictError, ValidationError
from talentdesk.core.models import AuditEntry, Chapter, Organization
from talentdesk.core.programs import (
    OutcomeKind,
    Program,
    ProgramKind,
    ProgramPerson,
    ProgramRole,
    ProgramStatus,
    ProgramStatusChange,
)
from talentdesk.db.session import Database
from talentdesk.services import programs
from talentdesk.services.program_views import ProgramFilter, load_programs, program_detail, program_json

from .helpers import add

BUILTIN = {
    "pasantia": "Pasantía",
    "mentoria": "Mentoría a institución mexicana",
    "visita": "Visita / conferencia en México",
    "comite_evaluacion": "Comité de evaluación de proyectos",
    "mision": "Misión comercial o de aprendizaje",
    "innovacion_binacional": "Proyecto de innovación binacional",
    "atencion_capitulo": "Atención a capítulo",
}


def _program(s: Session, **values: object) -> Program:
    data: dict[str, object] = {"kind_id": 1, "title": "Pasantías de verano en salud", "sector_id": 3}
    data.update(values)
    return programs.create_program(s, data)


def test_built_in_kinds_are_seeded_with_codes(db: Database) -> None:
    with db.reader() as s:
        kinds = programs.list_kinds(s)
        assert {k.code: k.name for k in kinds} == BUILTIN
        assert all(k.builtin for k in kinds)
        assert [k.code for k in kinds][:2] == ["pasantia", "mentoria"]  # founding order
        assert programs.find_kind(s, "comite").code == "comite_evaluacion"
        assert programs.find_kind(s, "Misión comercial o de aprendizaje").code == "mision"
        with pytest.raises(ValidationError, match="Tipo de programa: no existe el tipo «tango»"):
            programs.find_kind(s, "tango")


def test_the_office_adds_renames_and_removes_its_own_kinds(db: Database) -> None:
    with db.session() as s:
        kind = programs.create_kind(s, "  Estancia  de investigación ")
        assert (kind.code, kind.name, kind.builtin) == (
            "estancia_de_investigacion",
            "Estancia de investigación",
            False,
        )
    with db.session() as s:
        with pytest.raises(ValidationError, match="Nombre: ya existe el tipo «Pasantía»"):
            programs.create_kind(s, "pasantia")
        with pytest.raises(ConflictError, match="tipo de programa de origen"):
            programs.delete_kind(s, 1)
        _program(s, kind_id=kind.id)
        s.flush()
        with pytest.raises(ConflictError, match="lo usa 1 programa; cámbiele el tipo antes"):
            programs.delete_kind(s, kind.id)
        programs.rename_kind(s, 1, "Pasantía profesional")
        assert programs.find_kind(s, "pasantia").name == "Pasantía profesional"  # the code stays


def test_a_bad_programme_is_refused_naming_each_field_and_nothing_is_written(db: Database) -> None:
    with db.session() as s, pytest.raises(ValidationError) as info:
        programs.create_program(
            s,
            {
                "kind_id": None,
                "title": "   ",
                "starts_on": "2025-06-01",
                "ends_on": "31/05/2025",
                "sector_ids": [3, 99],
                "organization_ids": [12345],
            },
        )
    messages = {e.field: e.message for e in info.value.errors}
    assert messages == {
        "kind_id": "Tipo de programa: es obligatorio.",
        "title": "Título: es obligatorio.",
        "ends_on": "Fecha de fin: termina antes de empezar (01/06/2025).",
        "sector_ids": "Sectores: no existe el id 99.",
        "organization_ids": "Organizaciones: no existe el id 12345.",
    }
    with (
        db.session() as s,
        pytest.raises(ValidationError, match="Fecha de inicio: «32/13/2025» no es una fecha"),
    ):
        programs.create_program(s, {"kind_id": 1, "title": "X", "starts_on": "32/13/2025"})
    with db.session() as s, pytest.raises(ValidationError, match=r"Título: tiene un carácter de control"):
        programs.create_program(s, {"kind_id": 1, "title": "Pasantías\x1b[31m"})
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Program)) == 0
        assert (
            s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "program")) == 0
        )


def test_status_moves_along_the_workflow_with_its_dates_audited(db: Database) -> None:
    with db.session() as s:
        org = Organization(name="Universidad Demo de Puebla")
        chapter = s.scalars(select(Chapter).where(Chapter.name == "Houston")).one()
        s.add(org)
        s.flush()
        program = _program(s, organization_ids=[org.id], chapter_ids=[chapter.id], sector_ids=[3, 4])
        pid = program.id
    with db.session() as s:
        with pytest.raises(ValidationError, match="no se puede pasar de «Propuesta» a «Concluido»"):
            programs.change_status(s, pid, "concluido")
        with pytest.raises(ValidationError, match=r"Fecha del cambio: la fecha .* está en el futuro"):
            programs.change_status(s, pid, "en_curso", on=date(2999, 1, 1))
        assert programs.change_status(s, pid, "En curso", on="03/02/2025") is ProgramStatus.PROPOSED
    with db.session() as s:
        programs.change_status(s, pid, ProgramStatus.CONCLUDED, on=date(2025, 6, 30))
    with db.reader() as s:
        program = programs.get_program(s, pid)
        assert (program.status, program.starts_on, program.ends_on) == (
            ProgramStatus.CONCLUDED,
            date(2025, 2, 3),  # starting filled the empty start date
            date(2025, 6, 30),
        )
        history = s.scalars(select(ProgramStatusChange).where(ProgramStatusChange.program_id == pid)).all()
        assert [(h.status, h.at.date()) for h in history][1:] == [
            (ProgramStatus.IN_PROGRESS, date(2025, 2, 3)),
            (ProgramStatus.CONCLUDED, date(2025, 6, 30)),
        ]
        assert history[0].status is ProgramStatus.PROPOSED
        audit = s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "program", AuditEntry.action == "update")
        ).all()
        assert [(a.field, a.old_value, a.new_value) for a in audit] == [
            ("status", "propuesta", "en_curso"),
            ("starts_on", None, "2025-02-03"),
            ("status", "en_curso", "concluido"),
            ("ends_on", None, "2025-06-30"),
        ]
        detail = program_json(program_detail(s, pid))
        assert detail["organizations"] == ["Universidad Demo de Puebla"]
        assert detail["chapters"] == ["Houston"]
        assert detail["sector_ids"] == [3, 4]
        assert [h["status"] for h in detail["history"]] == ["propuesta", "en_curso", "concluido"]


def test_a_programme_recorded_after_the_fact_starts_its_history_there(db: Database) -> None:
    with db.session() as s:
        pid = _program(s, status="concluido", starts_on="2009-03-01", ends_on="2009-04-15").id
        s.flush()
        history = s.scalars(select(ProgramStatusChange).where(ProgramStatusChange.program_id == pid)).all()
        assert [h.status for h in history] == [ProgramStatus.CONCLUDED]


def test_people_roles_hours_and_the_same_role_twice_refused(db: Database) -> None:
    with db.session() as s:
        ana = add(s, "Ana", "Ruiz", email="ana@example.org")
        beto = add(s, "Beto", "Soto")
        pid = _program(s).id
        person = programs.add_person(s, pid, {"member_id": ana.id, "role": "mentor", "hours": "12,5"})
        assert (person.role, person.hours) == (ProgramRole.MENTOR, 12.5)
        programs.add_person(s, pid, {"member_id": ana.id, "role": "ponente"})  # a second role is fine
        with pytest.raises(
            ValidationError, match="Rol: Ana Ruiz ya participa en este programa como «Mentor»"
        ):
            programs.add_person(s, pid, {"member_id": ana.id, "role": "Mentor"})
        with pytest.raises(ValidationError) as info:
            programs.add_person(s, pid, {"member_id": 9999, "role": "bailarín", "hours": -3})
        assert [e.message for e in info.value.errors] == [
            "Miembro: elija un miembro que exista.",
            "Rol: valor desconocido «bailarín» (use: Mentor, Evaluador, Ponente, Anfitrión de pasantes, "
            "Líder de proyecto, Asesor, Coordinador, Participante).",
            "Horas: entre 0 y 10000.",
        ]
        added = programs.add_people(s, pid, [ana.id, beto.id, ana.id], "mentor")
        assert [p.member_id for p in added] == [beto.id]  # Ana was a mentor already
        programs.update_person(s, person.id, {"notes": "Dio seguimiento mensual.", "hours": None})
        rows = program_detail(s, pid).people
        assert [(r.name, r.role) for r in rows] == [
            ("Ana Ruiz", ProgramRole.MENTOR),
            ("Beto Soto", ProgramRole.MENTOR),
            ("Ana Ruiz", ProgramRole.SPEAKER),
        ]


def test_outcomes_are_typed_numbers_with_a_narrative(db: Database) -> None:
    with db.session() as s:
        pid = _program(s).id
        programs.add_outcome(
            s, pid, {"kind": "estudiantes_colocados", "quantity": "12", "achieved_on": "2025-08-01"}
        )
        programs.add_outcome(
            s, pid, {"kind": "Inversión promovida (USD)", "quantity": "1,500,000", "narrative": "Planta"}
        )
        with pytest.raises(ValidationError) as info:
            programs.add_outcome(s, pid, {"kind": "", "quantity": "doce"})
        assert [e.message for e in info.value.errors] == [
            "Tipo: es obligatorio.",
            "Cantidad: «doce» no es un número entero.",
        ]
        with pytest.raises(ValidationError, match="Cantidad: debe estar entre 0"):
            programs.add_outcome(s, pid, {"kind": "platicas", "quantity": -1})
        row = load_programs(s)[0]
        assert row.outcome_text == "Estudiantes colocados: 12 · Inversión promovida (USD): 1,500,000"
        assert [o["kind"] for o in program_json(program_detail(s, pid))["outcomes"]] == [
            OutcomeKind.STUDENTS_PLACED.value,
            OutcomeKind.INVESTMENT_USD.value,
        ]


def test_the_list_filters_by_kind_status_sector_and_year(db: Database) -> None:
    with db.session() as s:
        a = _program(
            s, title="Pasantías 2008", starts_on="2008-05-01", ends_on="2008-08-01", status="concluido"
        ).id
        b = _program(
            s, kind_id=3, title="Visita 2012", sector_id=5, starts_on="2012-02-01", ends_on="2012-02-03"
        ).id
        c = _program(
            s,
            kind_id=2,
            title="Mentoría larga",
            sector_id=None,
            sector_ids=[5],
            starts_on="2010-01-01",
            ends_on="2013-12-31",
        ).id
    with db.reader() as s:

        def ids(**f: object) -> set[int]:
            return {r.id for r in load_programs(s, ProgramFilter(**f))}  # type: ignore[arg-type]

        assert ids() == {a, b, c}
        assert ids(kind_id=3) == {b}
        assert ids(status=ProgramStatus.CONCLUDED) == {a}
        assert ids(sector_id=5) == {b, c}  # responsible PNCS or one of its sectors
        assert ids(year=2012) == {b, c}
        assert ids(year=2008) == {a}
        assert ids(text="mentoria") == {c}
        assert [r.years for r in load_programs(s)] == ["2012", "2010–2013", "2008"]


def test_a_deleted_member_stays_counted_anonymously(db: Database) -> None:
    with db.session() as s:
        ana = add(s, "Ana", "Ruiz")
        pid = _program(s).id
        programs.add_person(s, pid, {"member_id": ana.id, "role": "evaluador"})
    from talentdesk.services.members import delete_member

    with db.session() as s:
        delete_member(s, ana.id)
    with db.reader() as s:
        (row,) = program_detail(s, pid).people
        assert (row.member_id, row.name, row.role) == (None, "(miembro eliminado)", ProgramRole.EVALUATOR)
        assert load_programs(s)[0].people == 1


def test_merging_moves_programme_participations_without_doubling_a_role(db: Database) -> None:
    from talentdesk.services.member_merge import merge_members

    with db.session() as s:
        keep, drop = add(s, "Ana", "Ruiz"), add(s, "Ana", "Ruiz", "López")
        first, second = _program(s).id, _program(s, title="Otro").id
        programs.add_person(s, first, {"member_id": keep.id, "role": "mentor"})
        programs.add_person(s, first, {"member_id": drop.id, "role": "mentor"})
        programs.add_person(s, second, {"member_id": drop.id, "role": "ponente"})
    with db.session() as s:
        merge_members(s, keep.id, drop.id)
    with db.reader() as s:
        held = s.execute(select(ProgramPerson.program_id, ProgramPerson.member_id, ProgramPerson.role)).all()
        assert sorted(held) == [(first, keep.id, ProgramRole.MENTOR), (second, keep.id, ProgramRole.SPEAKER)]


def test_anonymising_keeps_the_participation_and_removes_what_was_written_about_them(db: Database) -> None:
    from talentdesk.services.privacy import anonymize_member, personal_data

    with db.session() as s:
        ana = add(s, "Ana", "Ruiz", email="ana.ruiz@example.org")
        pid = _program(s, status="concluido", starts_on="2010-01-01", ends_on="2010-02-01").id
        person = programs.add_person(
            s,
            pid,
            {
                "member_id": ana.id,
                "role": "mentor",
                "hours": 20,
                "notes": "Ana Ruiz, ana.ruiz@example.org, llamar por la tarde",
            },
        )
        person_id = person.id
    with db.reader() as s:
        section = next(x for x in personal_data(s, ana.id).sections if x.key == "programas")
        (record,) = section.records
        assert dict(record)["Programa"] == "Pasantías de verano en salud"
        assert dict(record)["Rol"] == "Mentor"
        assert dict(record)["Notas"].startswith("Ana Ruiz")
    with db.session() as s:
        anonymize_member(s, ana.id)
    with db.reader() as s:
        kept = s.get(ProgramPerson, person_id)
        assert kept is not None
        assert (kept.member_id, kept.role, kept.hours, kept.notes) == (ana.id, ProgramRole.MENTOR, 20.0, None)
        leftovers = s.execute(
            text("SELECT count(*) FROM audit_log WHERE old_value LIKE '%tarde%' OR new_value LIKE '%tarde%'")
        ).scalar()
        assert leftovers == 0
    with db.session() as s, pytest.raises(ValidationError, match="fue anonimizado"):
        programs.add_person(s, pid, {"member_id": ana.id, "role": "ponente"})


def test_deleting_a_programme_takes_its_people_outcomes_and_history(db: Database) -> None:
    with db.session() as s:
        ana = add(s, "Ana", "Ruiz")
        pid = _program(s).id
        programs.add_person(s, pid, {"member_id": ana.id})
        programs.add_outcome(s, pid, {"kind": "platicas", "quantity": 3})
    with db.session() as s:
        programs.delete_program(s, pid)
    with db.reader() as s:
        for table in ("programs", "program_people", "program_outcomes", "program_status_changes"):
            assert s.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0, table
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "program", AuditEntry.action == "delete")
        ).one()
        assert "Pasantías de verano en salud" in (entry.old_value or "")


def test_a_status_change_keeps_its_time(db: Database) -> None:
    with db.session() as s:
        pid = _program(s).id
        programs.change_status(s, pid, "en_curso", on=datetime(2024, 5, 6, 9, 30))
        assert s.get(Program, pid).status_changed_at == datetime(2024, 5, 6, 9, 30)  # type: ignore[union-attr]
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(ProgramKind)) == 7


def test_messages_and_labels_speak_english_when_asked(db: Database) -> None:
    from talentdesk.core import i18n

    i18n.set_language("en")
    try:
        assert ProgramStatus.IN_PROGRESS.label == "In progress"
        assert ProgramStatus.parse("En curso") is ProgramStatus.IN_PROGRESS  # the Spanish label still parses
        assert ProgramStatus.parse("in progress") is ProgramStatus.IN_PROGRESS
        with db.session() as s, pytest.raises(ValidationError) as info:
            programs.create_program(s, {"kind_id": 1, "title": ""})
        assert info.value.errors[0].message == "Title: is required."
    finally:
        i18n.set_language("es")
