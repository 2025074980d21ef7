"""Either language complete: in English mode no Spanish label or message is left below the UI,
and exported documents stay Spanish whatever the UI speaks (they go to Mexican institutions).

The Spanish direction of the GUI (every tr() source translated in the .ts) is
tests/unit/test_translations.py; the catalogue's completeness is test_core_translations.py.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from python_calamine import CalamineWorkbook

from talentdesk.core import enums, i18n, programs, validation
from talentdesk.core.enums import LabeledEnum
from talentdesk.core.errors import Cancelled
from talentdesk.core.models import BUILTIN_CONTRIBUTIONS, ContributionType
from talentdesk.db.session import Database

PO = Path(i18n.locale_dir()) / "en" / "LC_MESSAGES" / "talentdesk.po"

#: What gives Spanish away in a text that should be English: its letters and punctuation, and
#: words English never uses on its own.
SPANISH = re.compile(
    r"[áéíóúñÁÉÍÓÚÑ¿¡«»]|\b(el|la|los|las|del|de|que|para|por|una|con|sin|está|están|hay|miembros?|"
    r"sí|fecha|nombre|correo|evento|participantes?|sesión|sesiones)\b",
    re.IGNORECASE,
)


def spanish_words(text: str) -> list[str]:
    """Spanish giveaways in ``text``, ignoring {placeholders} (the welcome letter's fields are
    Spanish names on purpose)."""
    return [m.group(0) for m in SPANISH.finditer(re.sub(r"\{[^{}]*\}", "", text))]


def catalogue() -> dict[str, str]:
    with PO.open("rb") as fh:
        return {m.id: m.string for m in read_po(fh) if m.id and isinstance(m.id, str)}


def all_vocabularies() -> list[type[LabeledEnum]]:
    found: list[type[LabeledEnum]] = []
    pending = list(LabeledEnum.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if list(cls):
            found.append(cls)
    return found


@pytest.fixture()
def english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("es")


def test_the_walk_sees_every_vocabulary() -> None:
    names = {cls.__name__ for cls in all_vocabularies()}
    assert {
        "MemberStatus",
        "DegreeLevel",
        "Gender",
        "ParticipantStatus",
        "SessionKind",
        "PrintField",
    } <= names
    assert {"ProgramStatus", "CandidateStage"} <= names  # core/programs.py
    assert enums and programs


def test_every_enum_label_is_english_in_english_mode(english: None) -> None:
    table = catalogue()
    wrong = []
    for cls in all_vocabularies():
        for item in cls:
            source = item.source_label
            expected = table.get(source)
            if not expected or item.label != expected or spanish_words(item.label):
                wrong.append(f"{cls.__name__}.{item.name}: {source!r} -> {item.label!r}")
            assert cls.parse(item.label) is item and cls.parse(source) is item
    assert not wrong, "translate in the .po (scripts/fill-po.py):\n" + "\n".join(wrong)


def test_every_enum_label_is_spanish_in_spanish_mode() -> None:
    i18n.set_language("es")
    for cls in all_vocabularies():
        for item in cls:
            assert item.label == item.source_label


def test_field_labels_and_contributions_are_english(english: None) -> None:
    table = catalogue()
    for field, source in validation.FIELD_LABELS.items():
        assert validation.label(field) == table[source] and not spanish_words(validation.label(field)), field
    for name in BUILTIN_CONTRIBUTIONS:
        shown = ContributionType(code="x", name=name).label
        assert shown == table[name] and not spanish_words(shown), name
    assert (
        ContributionType(code="x", name="Asesoría fiscal").label == "Asesoría fiscal"
    )  # typed by the office


def test_badge_sheet_names_are_english(english: None) -> None:
    from talentdesk.exports.badges import SHIPPED_LABELS, list_layouts

    layouts = list_layouts()
    assert {layout.label for layout in layouts} == set(SHIPPED_LABELS)
    for layout in layouts:
        assert not spanish_words(layout.shown_label), layout.shown_label
    i18n.set_language("es")
    assert {layout.shown_label for layout in layouts} == set(SHIPPED_LABELS)


def test_the_english_catalogue_holds_no_spanish() -> None:
    leftovers = {msgid: text for msgid, text in catalogue().items() if spanish_words(text)}
    assert not leftovers, leftovers


def test_validation_messages_are_english(english: None) -> None:
    samples = [
        validation.normalize_email("nadie@", "email")[1],
        validation.normalize_phone("12", None)[1],
        validation.normalize_phone("12", "MX")[1],
        validation.normalize_country("Narnia")[1],
        validation.normalize_url("no es web")[1],
        validation.parse_date("31/02/2020", "joined_on")[1],
        validation.control_error("notes", "a\x1bb"),
    ]
    for error in samples:
        assert error is not None
        assert not spanish_words(error.message.replace("«", "").replace("»", "")), error.message
    assert samples[0] is not None and samples[0].message.startswith("E-mail: ")
    assert Cancelled().message == "Operation cancelled: nothing was saved."
    i18n.set_language("es")
    again = validation.normalize_email("nadie@", "email")[1]
    assert (
        again is not None
        and again.message == "Correo electrónico: «nadie@» no es una dirección de correo válida."
    )


# -- documents stay Spanish ----------------------------------------------------------------------


def test_spanish_holds_for_this_thread_only(english: None) -> None:
    from talentdesk.core.enums import MemberStatus

    seen: list[str] = []
    with i18n.spanish():
        assert MemberStatus.ACTIVE.label == "Activo"
        worker = threading.Thread(target=lambda: seen.append(MemberStatus.ACTIVE.label))
        worker.start()
        worker.join()
    assert seen == ["Active"]  # the GUI thread's language, while a worker writes a document
    assert MemberStatus.ACTIVE.label == "Active"


@pytest.fixture()
def demo(demo_db_path: Path) -> Iterator[Database]:
    database = Database.open(demo_db_path)
    yield database
    database.close()


def _cells(path: Path) -> set[str]:
    book = CalamineWorkbook.from_path(str(path))
    return {
        str(cell)
        for name in book.sheet_names
        for row in book.get_sheet_by_name(name).to_python()
        for cell in row
        if cell != ""
    }


def test_exports_stay_spanish_when_the_ui_is_english(english: None, demo: Database, tmp_path: Path) -> None:
    from talentdesk.core.events import Event
    from talentdesk.exports.registry import ExportRequest, run_export
    from talentdesk.services.search import MemberQuery

    run_export("members", demo.sessions, ExportRequest(query=MemberQuery()), tmp_path / "m.xlsx", log=False)
    members = _cells(tmp_path / "m.xlsx")
    assert {"Activo", "Sí"} <= members and not {"Active", "Yes", "Master's degree"} & members
    with demo.reader() as session:
        event_id = session.query(Event.id).scalar()
    assert event_id is not None
    request = ExportRequest(event_id=event_id)
    run_export("participants", demo.sessions, request, tmp_path / "p.xlsx", log=False)
    participants = _cells(tmp_path / "p.xlsx")
    assert "Confirmado" in participants or "Invitado" in participants
    assert not {"Confirmed", "Invited", "Speaker", "Attendee"} & participants
    assert i18n.language() == "en"  # the export did not switch the person's language


# -- service, import and Revisión messages ------------------------------------------------------


def test_service_and_import_messages_are_english(english: None, db: Database) -> None:
    from talentdesk.core.errors import TalentDeskError, ValidationError
    from talentdesk.imports.mapping import FIELDS, mapping_problems
    from talentdesk.services import events, members

    said: list[str] = []
    with db.session() as session:
        for attempt in (
            lambda: members.get_member(session, 999_999),
            lambda: events.get_event(session, 999_999),
            lambda: members.create_member(session, {"given_names": "", "email": "x@"}),
        ):
            with pytest.raises(TalentDeskError) as caught:
                attempt()
            said.append(caught.value.message)
            if isinstance(caught.value, ValidationError):
                said += [e.message for e in caught.value.errors]
    said += mapping_problems(["A", "B"], ["given_names", "given_names"])
    said += mapping_problems(["A"], ["email"])
    said += [f.label for f in FIELDS]
    assert said[0] == "There is no member with id 999999."
    for text in said:
        assert not spanish_words(text.replace("«", "").replace("»", "")), text


def test_revision_messages_are_english(english: None, demo: Database) -> None:
    """Every kind of problem of the demo Jornada (it has one of each), in English; names and
    titles are data and stay as typed."""
    from talentdesk.core.events import Event
    from talentdesk.services import event_checks
    from talentdesk.services.event_view import load_event_data

    with demo.reader() as session:
        event = session.query(Event).one()
        problems = event_checks.check_event(session, event.id)
        data = [p.full_name for p in event.participants] + [p.code for p in event.participants]
        data += [s.title for s in event.sessions] + [r.name for r in event.rooms]
        rows = load_event_data(session, event.id).problems
    assert {p.kind for p in problems} == set(event_checks.KINDS)
    for problem in problems:
        text = problem.message
        for value in sorted(data, key=len, reverse=True):
            text = text.replace(value, "")
        assert not spanish_words(text), problem.message
    for row in rows:
        assert not spanish_words(row.kind_label), row.kind_label
