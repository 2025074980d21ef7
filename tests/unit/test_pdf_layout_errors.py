"""Text too long for a page: reportlab's LayoutError becomes a Spanish TalentDeskError.

The services refuse participant and logistics text longer than its column, but a database
may hold older or imported data: every platypus export (sign-in sheets, agenda, directory,
packets) must then say in Spanish what does not fit, quoting the text, and leave no file.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from reportlab.platypus import BaseDocTemplate, Frame, KeepTogether, PageTemplate, Paragraph, Table
from reportlab.platypus.doctemplate import LayoutError
from sqlalchemy import update

from talentdesk.core.enums import ParticipantStatus
from talentdesk.core.errors import TalentDeskError
from talentdesk.core.events import Lodging, Participant
from talentdesk.core.models import Member
from talentdesk.db.session import Database
from talentdesk.exports import agenda_pdf
from talentdesk.exports.agenda_pdf import export_agenda_pdf
from talentdesk.exports.directory_pdf import export_directory_pdf
from talentdesk.exports.packets_pdf import export_packets_pdf
from talentdesk.exports.pdf import NumberedDocTemplate, pages_fit, styles
from talentdesk.exports.signin_pdf import export_signin_pdf
from talentdesk.services import event_logistics, event_participants, event_workflow
from talentdesk.services import events as ev

from .helpers import add

pytestmark = pytest.mark.sqlite_only(reason="a value longer than its column exists only in a SQLite file (SQLite does not enforce VARCHAR lengths, PostgreSQL refuses it)")

S = ParticipantStatus
DAY = date(2027, 3, 9)
LEGACY_ORG = ("Instituto " * 450)[:4499]  # stored before the services checked lengths
GOOD = b"the good file from yesterday"


@pytest.fixture()
def out_dir(tmp_path: Path) -> Path:
    """Where documents go (``tmp_path`` also holds the test's database)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def huge_table(text: str) -> Table:
    body = styles()["body"]
    return Table(
        [[Paragraph("Nombre", body), Paragraph("Organización", body)], ["Ana", Paragraph(text, body)]]
    )


@pytest.fixture()
def event_id(db: Database) -> int:
    """An event whose one guest has an organisation written before the length check."""
    with db.session() as s:
        event = ev.create_event(s, {"name": "Jornada Larga", "starts_on": DAY, "ends_on": DAY})
        p = event_participants.add_guest(s, event.id, {"given_names": "Ana", "paternal_surname": "Ortiz"})
        event_workflow.change_status(s, [p.id], S.CONFIRMED)
        s.execute(update(Participant).where(Participant.id == p.id).values(organization=LEGACY_ORG))
        event_logistics.set_lodging(s, p.id, {"hotel": "Hotel Sede", "check_in": DAY, "check_out": DAY})
        return event.id


def assert_refused_and_nothing_written(error: pytest.ExceptionInfo[TalentDeskError], out: Path) -> None:
    message = error.value.message
    assert "no cabe en una página" in message, message
    assert "Acórtelo" in message
    assert out.read_bytes() == GOOD
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left


def test_the_message_quotes_the_text_that_does_not_fit() -> None:
    doc = NumberedDocTemplate(io.BytesIO(), title="Lista de prueba")
    with pytest.raises(TalentDeskError) as error:
        doc.build([Paragraph("Antes", styles()["body"]), huge_table(LEGACY_ORG)])
    assert error.value.message == (
        "Un elemento de «Lista de prueba» no cabe en una página: el texto «Instituto Instituto "
        "Instituto Instituto Instituto…» (4,499 caracteres) es demasiado largo para imprimirse. "
        "Acórtelo y vuelva a exportar."
    )
    assert isinstance(error.value.__cause__, LayoutError)


def small_doc() -> BaseDocTemplate:
    doc = BaseDocTemplate(io.BytesIO())
    doc.addPageTemplates([PageTemplate(id="p", frames=[Frame(0, 0, 300, 300, id="f")])])
    return doc


def test_pages_fit_serves_any_doc_template_and_nested_flowables() -> None:
    doc = small_doc()
    refused = pytest.raises(TalentDeskError, match=r"«Paquete» no cabe en una página: el texto «Hotel Hotel")
    with refused, pages_fit("Paquete"):
        doc.build([KeepTogether([huge_table("Hotel " * 900)])])
    with pages_fit("Paquete"):  # what fits is untouched
        small_doc().build([Paragraph("Hotel Sede", styles()["body"])])


def test_signin_sheet_with_a_legacy_organisation(db: Database, event_id: int, out_dir: Path) -> None:
    out = out_dir / "firmas.pdf"
    out.write_bytes(GOOD)
    with pytest.raises(TalentDeskError) as error:
        export_signin_pdf(db.sessions, event_id, out)
    assert_refused_and_nothing_written(error, out)
    assert "«Lista de asistencia — Jornada Larga»" in error.value.message
    assert "«Instituto Instituto" in error.value.message and "(4,499 caracteres)" in error.value.message


def test_packets_with_a_legacy_hotel_name(db: Database, event_id: int, out_dir: Path) -> None:
    with db.session() as s:
        s.execute(update(Lodging).values(hotel="Hotel Gran Plaza " * 600))
    out = out_dir / "paquetes.pdf"
    out.write_bytes(GOOD)
    with pytest.raises(TalentDeskError) as error:
        export_packets_pdf(db.sessions, event_id, out)
    assert_refused_and_nothing_written(error, out)
    assert "«Hotel Gran Plaza Hotel" in error.value.message


def test_directory_with_a_legacy_employer(db: Database, out_dir: Path) -> None:
    with db.session() as s:
        member = add(s, "Ana", "Ortiz", directory_consent=True, print_fields=["employer"])
        s.execute(update(Member).where(Member.id == member.id).values(employer="Universidad " * 900))
        member_id = member.id
    out = out_dir / "directorio.pdf"
    out.write_bytes(GOOD)
    with pytest.raises(TalentDeskError) as error:
        export_directory_pdf(db.sessions, [member_id], out)
    assert_refused_and_nothing_written(error, out)
    assert "«Universidad Universidad" in error.value.message


def test_agenda_turns_a_layout_error_into_a_spanish_message(
    db: Database, event_id: int, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No agenda text found that overflows a page today; the agenda shares the same build."""
    monkeypatch.setattr(agenda_pdf, "agenda_story", lambda *_a, **_k: [huge_table("Ponencia " * 900)])
    out = out_dir / "agenda.pdf"
    out.write_bytes(GOOD)
    with pytest.raises(TalentDeskError) as error:
        export_agenda_pdf(db.sessions, event_id, out)
    assert_refused_and_nothing_written(error, out)
    assert "«Agenda — Jornada Larga»" in error.value.message
