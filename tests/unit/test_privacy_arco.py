"""The ARCO rights of one member: Acceso (everything held, as PDF and JSON) and Cancelación
(anonymising for good: personal data, copies in Jornadas, audit values and search words gone;
statistics kept; refused while a constancia must keep answering)."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from talentdesk import ops
from talentdesk.core.enums import ConsentChannel, DegreeLevel, MemberStatus, ParticipantStatus
from talentdesk.core.errors import Cancelled, ConflictError, ValidationError
from talentdesk.core.events import Lodging, Participant, Travel
from talentdesk.core.models import (
    AuditEntry,
    BoardPosition,
    Chapter,
    ConsentChange,
    ImportRun,
    ImportRunMember,
)
from talentdesk.db.session import Database
from talentdesk.exports.registry import ExportRequest, run_export
from talentdesk.imports.history import apply_and_record
from talentdesk.imports.prepare import prepare_import
from talentdesk.imports.reading import read_source
from talentdesk.ops import privacy as privacy_ops
from talentdesk.services import (
    certificates,
    chapters,
    consent_history,
    event_logistics,
    event_participants,
    event_workflow,
    export_log,
    import_history,
    member_merge,
    privacy,
)
from talentdesk.services import events as ev
from talentdesk.services.members import FIELDS, STATISTICS_FIELDS, get_member, member_values, update_member
from talentdesk.services.search import MemberQuery, search_members

from .helpers import add
from .import_files import write_csv

EMAIL = "zoraida.quintanar@example.org"
PHONE = "+14085550199"


@dataclass
class Person:
    db: Database
    path: Path | None  # the SQLite file (None on PostgreSQL)
    member_id: int
    other_id: int
    event_id: int
    participant_id: int
    houston: int


@pytest.fixture()
def person(db: Database, tmp_path: Path) -> Iterator[Person]:
    """Zoraida: consent given by e-mail, a board position, a Jornada with travel and hotel, an
    earlier duplicate merged into her, a change of e-mail in the audit; Beto: someone else."""
    with db.session() as s:
        houston = s.scalar(select(Chapter.id).where(Chapter.name == "Houston"))
        assert houston is not None
        member = add(
            s,
            "Zoraida",
            "Quintanar",
            "Xolalpa",
            email="zq.old@example.org",
            phone=PHONE,
            country="US",
            city="Austin",
            employer="Acme Ñandú",
            job_title="Ingeniera",
            chapter_id=houston,
            sector_ids=[2],
            degree_level="doctorado",
            status="activo",
            joined_on="2019-05-20",
            expertise="robótica submarina",
            notes="Prefiere llamadas en la tarde",
            directory_consent=True,
            print_fields=["email", "city"],
            consent_source="correo de Zoraida del 12/03/2024",
        ).id
        duplicate = add(s, "Zoraida", "Quintanar", email="zoraida.dup@example.org", city="Austin").id
        other = add(s, "Beto", "Sosa", email="beto@example.org", directory_consent=True).id
    with db.session() as s:
        update_member(s, member, {"email": EMAIL}, origin=consent_history.FORM)
        member_merge.merge_members(s, member, duplicate)
        chapters.add_board_position(s, houston, member, "presidente", "2020-01-01", "2021-12-31")
        event = ev.create_event(
            s, {"name": "Jornada Ñandú", "starts_on": "2024-03-10", "ends_on": "2024-03-11"}
        )
        p = event_participants.add_member(s, event.id, member)
        event_participants.update_participant(
            s, p.id, {"dietary_needs": "vegetariana", "notes": "llega tarde"}
        )
        event_logistics.set_travel(s, p.id, {"arrival_flight": "AM123", "arrival_at": "2024-03-09 18:00"})
        event_logistics.set_lodging(s, p.id, {"hotel": "Hotel Ámbar", "room": "305"})
        event_participants.add_member(s, event.id, other)
        ids = (event.id, p.id)
    run_export("members", db.sessions, ExportRequest(member_ids=(member, other)), tmp_path / "lista.xlsx")
    sheet = write_csv(tmp_path / "consulado.csv", [["Id", "Puesto"], [member, "Investigadora principal"]])
    with db.session() as s:
        apply_and_record(s, prepare_import(s, read_source(sheet)))
    path = (
        Path(db.engine.url.database)
        if db.engine.dialect.name == "sqlite" and db.engine.url.database
        else None
    )
    yield Person(db, path, member, other, ids[0], ids[1], houston)


# -- Acceso -------------------------------------------------------------------------------------


def _sections(person: Person) -> dict[str, privacy.Section]:
    with person.db.reader() as s:
        data = privacy.personal_data(s, person.member_id)
    return {section.key: section for section in data.sections}


def test_personal_data_gathers_everything_held(person: Person) -> None:
    sections = _sections(person)
    assert list(sections) == [
        "perfil",
        "consentimiento",
        "historial_del_consentimiento",
        "mesas_directivas",
        "jornadas",
        "constancias",
        "programas",
        "solicitudes",
        "importaciones",
        "bitacora",
        "exportaciones",
    ]
    profile = dict(sections["perfil"].fields)
    assert profile["Correo electrónico"] == EMAIL and profile["Notas"] == "Prefiere llamadas en la tarde"
    assert profile["Capítulo"] == "Houston" and profile["Nivel de estudios"] == "Doctorado"
    assert (
        dict(sections["consentimiento"].fields)["Origen del consentimiento"]
        == "correo de Zoraida del 12/03/2024"
    )
    assert len(sections["historial_del_consentimiento"].records) == 1
    [board] = [dict(r) for r in sections["mesas_directivas"].records]
    assert (board["Capítulo"], board["Cargo"]) == ("Houston", "Presidente")
    [jornada] = [dict(r) for r in sections["jornadas"].records]
    assert jornada["Jornada"] == "Jornada Ñandú" and jornada["Necesidades alimentarias"] == "vegetariana"
    assert jornada["Hotel"] == "Hotel Ámbar" and jornada["Vuelo de llegada"] == "AM123"
    assert sections["constancias"].records == [] and "ningún programa" in sections["programas"].empty
    audit_text = json.dumps(sections["bitacora"].as_json(), ensure_ascii=False)
    assert "zq.old@example.org" in audit_text  # the e-mail change is about her
    assert "zoraida.dup@example.org" in audit_text  # so is the duplicate merged into her
    assert "beto@example.org" not in audit_text
    [imported] = [dict(r) for r in sections["importaciones"].records]
    assert imported["Archivo"] == "consulado.csv" and imported["Campos"] == ["job_title"]
    [export] = [dict(r) for r in sections["exportaciones"].records]
    assert export["Archivo"].endswith("lista.xlsx") and export["Personas en el archivo"] == 2


def test_personal_export_writes_a_readable_pdf_and_json_and_is_logged(person: Person, tmp_path: Path) -> None:
    out = tmp_path / "acceso"  # created: its parent exists
    result = run_export("personal", person.db.sessions, ExportRequest(member_ids=(person.member_id,)), out)
    stem = f"datos-personales-miembro-{person.member_id}-{date.today().isoformat()}"
    assert result.path == out / f"{stem}.pdf" and sorted(p.name for p in out.iterdir()) == [
        f"{stem}.json",
        f"{stem}.pdf",
    ]
    data = json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))
    assert data["miembro_id"] == person.member_id and data["perfil"]["Correo electrónico"] == EMAIL
    assert (
        data["jornadas"][0]["Hotel"] == "Hotel Ámbar"
        and data["consentimiento"]["No contactar (oposición)"] is False
    )
    reader = PdfReader(out / f"{stem}.pdf")
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Zoraida Quintanar Xolalpa" in text and EMAIL in text and "Hotel Ámbar" in text
    assert re.search(rf"Página 1 de\s*{len(reader.pages)}\b", text)
    assert "Zoraida" in (reader.metadata or {}).get("/Title", "")
    fonts = {
        font["/BaseFont"].split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()  # type: ignore[index, union-attr]
    }
    assert fonts <= {"DejaVuSans", "DejaVuSans-Bold"}
    with person.db.reader() as s:
        [entry] = [e for e in export_log.entries(s) if e.kind == "personal"]
        assert list(export_log.member_ids_of(s, entry.id)) == [person.member_id]
        assert entry.filters == {"Miembro": person.member_id} and entry.people == 1
    # The next Acceso lists the previous one among the exports that included her.
    assert len(_sections(person)["exportaciones"].records) == 2


def test_a_cancelled_personal_export_leaves_nothing(person: Person, tmp_path: Path) -> None:
    abort = threading.Event()
    abort.set()
    out = tmp_path / "nueva"
    with pytest.raises(Cancelled):
        run_export(
            "personal", person.db.sessions, ExportRequest(member_ids=(person.member_id,)), out, abort=abort
        )
    assert not out.exists()
    with person.db.reader() as s:
        assert [e.kind for e in export_log.entries(s)] == ["members"]


# -- Cancelación ------------------------------------------------------------------------------------


def _anonymize(person: Person) -> privacy.AnonymizeResult:
    outcome = ops.perform(person.db, privacy_ops.anonymize(person.member_id))
    assert outcome.undo is None  # deliberately not undoable
    assert privacy_ops.purge(person.db)
    return outcome.value


def test_anonymizing_removes_personal_data_and_keeps_statistics(person: Person) -> None:
    result = _anonymize(person)
    assert (result.participations, result.board_positions) == (1, 1) and result.audit_rows > 0
    with person.db.reader() as s:
        member = get_member(s, person.member_id)
        values = member_values(member)
        assert (member.given_names, member.paternal_surname) == ("Persona", "Anonimizada")
        assert member.full_name == f"Persona Anonimizada #{person.member_id}"  # told apart, not named
        for field in (
            "email",
            "phone",
            "city",
            "employer",
            "job_title",
            "expertise",
            "notes",
        ):
            assert values[field] is None, field
        assert (
            values["consent_source"] is None
            and not values["directory_consent"]
            and values["print_fields"] == []
        )
        assert member.no_contact and member.anonymized_at is not None
        for field in privacy.REMOVED_FIELDS:  # every field statistics do not keep is emptied
            assert values[field] in (None, False, [], "Persona", "Anonimizada", f"#{person.member_id}") or (
                field == "no_contact"
            ), field
        assert set(privacy.REMOVED_FIELDS) | STATISTICS_FIELDS | {"primary_sector_id"} == set(FIELDS)
        # statistics keep chapter, sectors, country, degree, status and the year joined
        assert (values["chapter_id"], values["sector_ids"], values["country"]) == (person.houston, [2], "US")
        assert (values["degree_level"], values["status"]) == (DegreeLevel.DOCTORADO, MemberStatus.ACTIVE)
        assert values["joined_on"] == date(2019, 1, 1)
        # the participation stays, anonymous, with its status history; travel and hotel go
        p = s.get(Participant, person.participant_id)
        assert p is not None and p.full_name == member.full_name and p.member_id == person.member_id
        assert (p.email, p.phone, p.organization, p.dietary_needs, p.notes) == (None,) * 5
        assert p.history and s.get(Travel, p.id) is None and s.get(Lodging, p.id) is None
        assert s.scalar(select(BoardPosition.id).where(BoardPosition.member_id == person.member_id)) is None
        # the search index forgets her words
        for word in ("zoraida", "quintanar", "xolalpa", "robotica", "acme", "austin"):
            assert search_members(s, MemberQuery(text=word)).total == 0, word
        # Beto is untouched
        beto = get_member(s, person.other_id)
        assert beto.email == "beto@example.org" and beto.anonymized_at is None


def test_the_audit_keeps_that_it_happened_not_the_removed_values(person: Person) -> None:
    _anonymize(person)
    with person.db.reader() as s:
        entries = list(s.scalars(select(AuditEntry)))
        texts = " ".join(f"{e.old_value} {e.new_value}" for e in entries)
        for value in (
            EMAIL,
            "zq.old@example.org",
            "zoraida.dup@example.org",
            PHONE,
            "Xolalpa",
            "vegetariana",
            "Ámbar",
            "robótica",
            "Investigadora",
        ):
            assert value not in texts, value
        imported = " ".join(f"{r.before} {r.after}" for r in s.scalars(select(ImportRunMember)))
        assert "Ingeniera" not in imported and "Investigadora" not in imported and imported.strip()
        assert "beto@example.org" in texts  # other people's history stays
        [done] = [e for e in entries if e.action == "anonymize"]
        assert (
            done.entity_id == person.member_id
            and json.loads(done.new_value or "{}")["cargos_eliminados"] == 1
        )
        history = consent_history.records(s, person.member_id)
        assert history[-1].channel is ConsentChannel.ANONYMIZATION and history[-1].no_contact
        assert all(h.source in (None, privacy.REMOVED) for h in history)
        assert s.scalar(select(ConsentChange.id).where(ConsentChange.source.like("%Zoraida%"))) is None


def _raw(path: Path) -> bytes:
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


REMOVED_WORDS = (EMAIL, "Xolalpa", "xolalpa", "robotica submarina", "Prefiere llamadas")


@pytest.mark.sqlite_only(reason="it reads the SQLite database file for leftovers of the removed values")
def test_the_removed_values_are_not_left_in_the_database_file(person: Person) -> None:
    assert person.path is not None
    before = _raw(person.path)
    assert all(value.encode() in before for value in REMOVED_WORDS)  # the check can fail
    _anonymize(person)
    person.db.close()
    after = _raw(person.path)
    for value in REMOVED_WORDS:
        assert value.encode() not in after, value


def test_anonymizing_is_refused_while_a_certificate_must_keep_answering(person: Person) -> None:
    with person.db.session() as s:
        ev.update_event(s, person.event_id, {"starts_on": "2024-03-10"})
        event_workflow.change_status(
            s, [person.participant_id], ParticipantStatus.CONFIRMED, today=date(2024, 3, 1)
        )
        event_workflow.change_status(
            s, [person.participant_id], ParticipantStatus.ATTENDED, today=date(2024, 3, 10)
        )
        code = certificates.issue_certificates(s, [person.participant_id])[person.participant_id]
    with pytest.raises(ConflictError) as info:
        ops.perform(person.db, privacy_ops.anonymize(person.member_id))
    message = info.value.message
    assert "No se puede anonimizar a Zoraida Quintanar Xolalpa" in message
    assert code in message and "Jornada Ñandú" in message and "no se cambió nada" in message
    with person.db.reader() as s:
        assert get_member(s, person.member_id).email == EMAIL  # nothing changed
        assert s.scalar(select(AuditEntry.id).where(AuditEntry.action == "anonymize")) is None
        assert privacy.refusal(s, get_member(s, person.member_id)) == message


def test_an_anonymized_member_takes_no_personal_data_again_nor_a_second_anonymization(person: Person) -> None:
    _anonymize(person)
    with pytest.raises(ValidationError, match="fue anonimizado") as info, person.db.session() as s:
        update_member(s, person.member_id, {"city": "Austin", "given_names": "Zoraida"})
    assert "Ciudad" in info.value.errors[0].message and "Nombre(s)" in info.value.errors[0].message
    with person.db.session() as s:  # what statistics keep may still change
        assert update_member(s, person.member_id, {"status": "inactivo", "chapter_id": None})
    with pytest.raises(ConflictError, match="ya fue anonimizado"):
        ops.perform(person.db, privacy_ops.anonymize(person.member_id))
    with pytest.raises(ValidationError, match="anonimizado"), person.db.session() as s:
        member_merge.merge_members(s, person.other_id, person.member_id)
    with pytest.raises(ConflictError, match="cambió desde entonces"), person.db.session() as s:
        import_history.undo_run(s, s.scalar(select(ImportRun.id)) or 0)  # would put the old job back


def test_acceso_after_anonymization_shows_nothing_personal(person: Person) -> None:
    _anonymize(person)
    text = json.dumps({k: v.as_json() for k, v in _sections(person).items()}, ensure_ascii=False, default=str)
    for value in (EMAIL, "Xolalpa", "vegetariana", "Zoraida"):
        assert value not in text, value


def test_two_anonymized_members_in_one_jornada_are_not_taken_for_one_person(person: Person) -> None:
    from talentdesk.services.event_checks import check_event

    _anonymize(person)
    ops.perform(person.db, privacy_ops.anonymize(person.other_id))
    with person.db.reader() as s:
        names = {
            p.full_name for p in s.scalars(select(Participant).where(Participant.event_id == person.event_id))
        }
        assert names == {
            f"Persona Anonimizada #{person.member_id}",
            f"Persona Anonimizada #{person.other_id}",
        }
        assert not [p for p in check_event(s, person.event_id) if p.kind == "duplicate_participant"]
