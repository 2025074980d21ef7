"""Consent history and the "no contactar" flag (oposición): recorded by the services on every
consent change, honoured by every list that leaves IME or is used to invite people."""

from __future__ import annotations

from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from talentdesk import ops
from talentdesk.core.enums import ConsentChannel, ParticipantRole, PrintField
from talentdesk.core.models import ConsentChange, Member
from talentdesk.db.session import Database
from talentdesk.exports.directory_pdf import export_directory_pdf
from talentdesk.exports.members_xlsx import COLUMNS, export_members_xlsx
from talentdesk.exports.packets_data import load_directory
from talentdesk.imports.apply import apply_import
from talentdesk.imports.prepare import prepare_import
from talentdesk.imports.reading import read_source
from talentdesk.ops import members as ops_members
from talentdesk.services import consent_history, event_participants, member_merge
from talentdesk.services import events as ev
from talentdesk.services.consent_history import Origin
from talentdesk.services.members import get_member, member_values, update_member
from talentdesk.services.search import MemberQuery

from .helpers import add
from .import_files import write_csv


def _history(db: Database, member_id: int) -> list[consent_history.ConsentRecord]:
    with db.reader() as s:
        return consent_history.records(s, member_id)


def test_history_keeps_who_when_and_through_what_on_every_consent_change(db: Database) -> None:
    with db.session() as s:
        plain = add(s, "Sin", "Consentimiento").id  # nothing recorded about consent: no entry
        ana = add(
            s,
            "Ana",
            "Ruiz",
            directory_consent=True,
            print_fields=["email"],
            consent_source="correo del 12/03/2024",
        )
    assert _history(db, plain) == []
    [first] = _history(db, ana.id)
    assert first.channel is ConsentChannel.OTHER and first.user
    assert first.directory_consent and first.print_fields == (PrintField.EMAIL,) and not first.no_contact
    assert first.source == "correo del 12/03/2024"

    with db.session() as s:
        update_member(s, ana.id, {"city": "Austin", "employer": "Acme"})  # not about consent
    assert len(_history(db, ana.id)) == 1
    with db.session() as s:
        update_member(s, ana.id, {"print_fields": ["email", "phone"]}, origin=consent_history.FORM)
    with db.session() as s:
        update_member(s, ana.id, {"no_contact": "sí"}, origin=consent_history.imported("consulado.xlsx"))
    with db.session() as s:
        update_member(s, ana.id, {"no_contact": True}, origin=consent_history.CLI)  # no change: no entry
    history = _history(db, ana.id)
    assert [h.channel for h in history] == [ConsentChannel.OTHER, ConsentChannel.FORM, ConsentChannel.IMPORT]
    assert history[1].print_fields == (PrintField.EMAIL, PrintField.PHONE) and not history[1].no_contact
    assert history[2].no_contact and history[2].origin_text == "Importación: consulado.xlsx"
    assert history[0].at <= history[1].at <= history[2].at


def test_a_refused_change_records_no_history(db: Database) -> None:
    with db.session() as s:
        member = add(s, "Ana", "Ruiz")
    with pytest.raises(Exception, match="Correo"), db.session() as s:
        update_member(s, member.id, {"directory_consent": True, "email": "no es correo"})
    assert _history(db, member.id) == []


def test_merge_keeps_the_persons_history_and_undo_of_delete_brings_it_back(db: Database) -> None:
    with db.session() as s:
        keep = add(s, "Ana", "Ruiz", email="ana@example.com").id
        drop = add(s, "Ana", "Ruiz", directory_consent=True, print_fields=["city"]).id
    with db.session() as s:
        member_merge.merge_members(s, keep, drop, {"directory_consent": "drop", "print_fields": "drop"})
    history = _history(db, keep)
    assert [h.channel for h in history] == [ConsentChannel.OTHER, ConsentChannel.MERGE]
    assert history[1].detail == f"combinado con el miembro {drop}" and history[1].directory_consent

    done = ops.perform(db, ops_members.delete([keep]))
    with db.reader() as s:
        assert s.scalar(select(ConsentChange.id).where(ConsentChange.member_id == keep)) is None
    assert done.undo is not None
    ops.apply_step(db, done.undo)
    assert _history(db, keep) == history
    with db.reader() as s:
        assert member_values(get_member(s, keep))["directory_consent"] is True


def test_import_records_the_file_and_reads_the_no_contact_column(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "consulado.csv",
        [
            ["Nombre(s)", "Apellido paterno", "Correo electrónico", "Aparece en directorios", "No contactar"],
            ["Ana", "Ruiz", "ana@example.com", "sí", "no"],
            ["Beto", "Sosa", "beto@example.com", "sí", "sí"],
            ["Carla", "Díaz", "carla@example.com", "", ""],
        ],
    )
    with db.session() as s:
        result = apply_import(s, prepare_import(s, read_source(path)))
    with db.reader() as s:
        flags = {m.given_names: m.no_contact for m in s.scalars(select(Member))}
    assert flags == {"Ana": False, "Beto": True, "Carla": False}
    by_name = dict(zip(["Ana", "Beto", "Carla"], result.created_ids, strict=True))
    [ana] = _history(db, by_name["Ana"])
    assert (ana.channel, ana.detail, ana.directory_consent, ana.no_contact) == (
        ConsentChannel.IMPORT,
        "consulado.csv",
        True,
        False,
    )
    assert _history(db, by_name["Beto"])[0].no_contact
    assert _history(db, by_name["Carla"]) == []  # nothing about consent in the file for her

    # An update by the Id column records the file too.
    update = write_csv(tmp_path / "cambios.csv", [["Id", "No contactar"], [by_name["Ana"], "sí"]])
    with db.session() as s:
        apply_import(s, prepare_import(s, read_source(update)))
    assert [h.detail for h in _history(db, by_name["Ana"])] == ["consulado.csv", "cambios.csv"]


@pytest.fixture()
def people(db: Database) -> dict[str, int]:
    """Three consenting members with every field allowed; Beto objected to being contacted."""
    ids = {}
    with db.session() as s:
        for given, paternal, no_contact in (
            ("Ana", "Ruiz", False),
            ("Beto", "Sosa", True),
            ("Ciro", "Vela", False),
        ):
            ids[given] = add(
                s,
                given,
                paternal,
                email=f"{given.lower()}@example.com",
                city="Austin",
                directory_consent=True,
                print_fields=list(PrintField),
                no_contact=no_contact,
            ).id
    return ids


def test_no_contact_is_left_out_of_the_external_copy_but_shown_inside(
    db: Database, people: dict[str, int], tmp_path: Path
) -> None:
    external = tmp_path / "externa.xlsx"
    export_members_xlsx(db.sessions, MemberQuery(), external, external=True)
    rows = CalamineWorkbook.from_path(str(external)).get_sheet_by_name("Miembros").to_python()
    assert sorted(str(r[3]) for r in rows[1:]) == ["Ana", "Ciro"]
    assert "No contactar" not in rows[0]
    full = tmp_path / "completa.xlsx"
    export_members_xlsx(db.sessions, MemberQuery(), full)
    rows = CalamineWorkbook.from_path(str(full)).get_sheet_by_name("Miembros").to_python()
    column = [key for key, _c in COLUMNS].index("no_contact")
    assert rows[0][column] == "No contactar"
    assert {str(r[3]): r[column] for r in rows[1:]} == {"Ana": "No", "Beto": "Sí", "Ciro": "No"}


def test_no_contact_is_left_out_of_the_directory(
    db: Database, people: dict[str, int], tmp_path: Path
) -> None:
    from pypdf import PdfReader

    out = tmp_path / "directorio.pdf"
    result = export_directory_pdf(db.sessions, MemberQuery(), out)
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert result.rows == 2
    assert "Ruiz" in text and "Vela" in text and "Sosa" not in text and "beto@" not in text


def test_no_contact_is_left_out_of_the_packets_participant_directory(
    db: Database, people: dict[str, int]
) -> None:
    from datetime import date

    with db.session() as s:
        event = ev.create_event(
            s, {"name": "Jornada", "starts_on": date(2030, 3, 10), "ends_on": date(2030, 3, 11)}
        )
        for member_id in people.values():
            event_participants.add_member(
                s, event.id, member_id, ParticipantRole.ATTENDEE, despite_no_contact=True
            )
    with db.reader() as s:
        listed = [entry.name for entry in load_directory(s, event.id)]
    assert listed == ["Ruiz, Ana", "Vela, Ciro"]


def test_adding_a_no_contact_member_to_a_jornada_needs_the_persons_own_request(
    db: Database, people: dict[str, int]
) -> None:
    from datetime import date

    from talentdesk.core.errors import ConflictError

    with db.session() as s:
        event_id = ev.create_event(
            s, {"name": "Jornada", "starts_on": date(2030, 3, 10), "ends_on": date(2030, 3, 11)}
        ).id
    with pytest.raises(ConflictError, match="Beto Sosa pidió no ser contactado"), db.session() as s:
        event_participants.add_member(s, event_id, people["Beto"])
    with db.session() as s:
        event_participants.add_member(s, event_id, people["Ana"])  # no objection: added as always
        event_participants.add_member(s, event_id, people["Beto"], despite_no_contact=True)
    with db.reader() as s:
        assert len(ev.get_event(s, event_id).participants) == 2


def test_origin_text_and_undo_marker() -> None:
    assert consent_history.FORM.undoing() == Origin(ConsentChannel.FORM, "deshacer")
    assert consent_history.imported("a.xlsx").undoing().detail == "a.xlsx (deshacer)"
