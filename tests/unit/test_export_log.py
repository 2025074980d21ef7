"""The export log: every export with personal data recorded once it is written (who, when,
which document, how many people, filters, file, members in it); nothing for a failed or
cancelled export; statistics are not logged."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from talentdesk.core.errors import Cancelled, DatabaseError, TalentDeskError
from talentdesk.core.events import Event, Participant
from talentdesk.core.models import Chapter, ExportLogEntry
from talentdesk.db.session import Database
from talentdesk.exports.registry import ExportRequest, run_export
from talentdesk.services import audit, event_participants, export_log
from talentdesk.services.search import MemberQuery, matching_ids

from .helpers import add


@pytest.fixture()
def demo(demo_db_path: Path) -> Iterator[Database]:
    database = Database.open(demo_db_path)
    yield database
    database.close()


def _entries(db: Database) -> list[export_log.LogEntry]:
    with db.reader() as s:
        return export_log.entries(s)


def _ids(db: Database, entry_id: int) -> list[int]:
    with db.reader() as s:
        return list(export_log.member_ids_of(s, entry_id))


def test_ids_pack_small_and_come_back() -> None:
    ids = list(range(1, 100_001))
    blob, count, first, last = export_log.pack_ids(reversed(ids))
    assert (count, first, last) == (100_000, 1, 100_000) and len(blob) < 4_000
    assert list(export_log.unpack_ids(blob)) == ids
    assert export_log.pack_ids([]) == (b"", 0, None, None) and list(export_log.unpack_ids(None)) == []
    assert list(export_log.unpack_ids(export_log.pack_ids([9, 3, 3, 700])[0])) == [3, 9, 700]


def test_members_export_is_logged_with_who_what_filters_people_file_and_members(
    demo: Database, tmp_path: Path
) -> None:
    with demo.reader() as s:
        houston = s.scalar(select(Chapter).where(Chapter.name == "Houston"))
        assert houston is not None
        query = MemberQuery(chapter_ids=(houston.id,))
        expected = sorted(matching_ids(s, query))
    out = tmp_path / "houston.xlsx"
    result = run_export("members", demo.sessions, ExportRequest(query=query), out)
    [entry] = _entries(demo)
    assert entry.status == export_log.COMPLETE and entry.kind == "members"
    assert entry.user == audit.current_user()
    assert entry.people == result.rows == len(expected) > 0 and entry.members == len(expected)
    assert entry.filters == {"Capítulo": ["Houston"], "Copia externa": False}
    assert entry.filters_text == "Capítulo: Houston · Copia externa: no"
    assert entry.file_name == str(out.absolute())
    assert _ids(demo, entry.id) == expected


def test_external_copy_logs_only_the_members_written(demo: Database, tmp_path: Path) -> None:
    result = run_export(
        "members", demo.sessions, ExportRequest(query=MemberQuery(), external=True), tmp_path / "e.xlsx"
    )
    [entry] = _entries(demo)
    with demo.reader() as s:
        listed = set(matching_ids(s, MemberQuery(directory_consent=True)))
    assert entry.filters["Copia externa"] is True
    assert entry.people == result.rows == len(_ids(demo, entry.id)) < 300
    assert set(_ids(demo, entry.id)) <= listed


def test_directory_logs_the_members_printed(demo: Database, tmp_path: Path) -> None:
    result = run_export(
        "directory", demo.sessions, ExportRequest(query=MemberQuery(), group_by="country"), tmp_path / "d.pdf"
    )
    [entry] = _entries(demo)
    assert entry.filters == {"Agrupado por": "país"}
    assert entry.people == result.rows == len(_ids(demo, entry.id))


def test_event_documents_log_the_members_behind_the_participants(demo: Database, tmp_path: Path) -> None:
    with demo.reader() as s:
        event = s.scalars(select(Event)).first()
        assert event is not None
        event_id, event_name = event.id, event.name
        participants = list(
            s.execute(select(Participant.id, Participant.member_id).where(Participant.event_id == event_id))
        )
    with demo.session() as s:
        guest = event_participants.add_guest(
            s, event_id, {"given_names": "Inés", "paternal_surname": "Guerra"}
        ).id
    result = run_export("participants", demo.sessions, ExportRequest(event_id=event_id), tmp_path / "p.xlsx")
    [entry] = _entries(demo)
    assert entry.people == result.rows == len(participants) + 1  # the guest counts as a person
    assert _ids(demo, entry.id) == sorted({m for _p, m in participants if m is not None})
    assert entry.filters == {"Evento": f"{event_name} (id {event_id})"}

    chosen = [p for p, _m in participants[:2]] + [guest]
    run_export(
        "badges",
        demo.sessions,
        ExportRequest(event_id=event_id, participant_ids=tuple(chosen)),
        tmp_path / "g.pdf",
    )
    badges = _entries(demo)[0]
    assert badges.kind == "badges" and badges.people == 3
    assert badges.filters["Participantes seleccionados"] == 3
    assert _ids(demo, badges.id) == sorted(m for _p, m in participants[:2] if m is not None)


def test_statistics_are_not_logged(demo: Database, tmp_path: Path) -> None:
    run_export("stats", demo.sessions, ExportRequest(), tmp_path / "s.xlsx")
    assert _entries(demo) == []


def test_cancelled_and_failed_exports_log_nothing_and_leave_files_alone(
    demo: Database, tmp_path: Path
) -> None:
    out = tmp_path / "m.xlsx"
    out.write_bytes(b"before")
    abort = threading.Event()
    abort.set()
    with pytest.raises(Cancelled):
        run_export("members", demo.sessions, ExportRequest(query=MemberQuery()), out, abort=abort)
    with pytest.raises(TalentDeskError, match=r"debe terminar en \.xlsx"):
        run_export("members", demo.sessions, ExportRequest(query=MemberQuery()), tmp_path / "m.pdf")
    assert _entries(demo) == [] and out.read_bytes() == b"before"
    with demo.reader() as s:
        assert s.scalar(select(ExportLogEntry.id)) is None


def test_a_database_that_cannot_record_the_export_refuses_it_before_any_file(
    demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*_a: object, **_k: object) -> int:
        raise DatabaseError("La base de datos está bloqueada por otro proceso.")

    monkeypatch.setattr(export_log, "begin", locked)
    out = tmp_path / "m.xlsx"
    with pytest.raises(TalentDeskError, match=r"No se exportó nada: .*bitácora.*bloqueada"):
        run_export("members", demo.sessions, ExportRequest(query=MemberQuery()), out)
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_an_outcome_that_cannot_be_recorded_leaves_the_entry_in_progress(
    demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fails(*_a: object, **_k: object) -> None:
        raise DatabaseError("El disco está lleno.")

    monkeypatch.setattr(export_log, "complete", fails)
    out = tmp_path / "m.xlsx"
    with pytest.raises(TalentDeskError, match=r"Se escribió .*m\.xlsx.*en curso.*lleno"):
        run_export("members", demo.sessions, ExportRequest(query=MemberQuery()), out)
    assert out.exists()
    [entry] = _entries(demo)
    assert entry.status == export_log.IN_PROGRESS and entry.status_label == "En curso (sin confirmar)"


def test_entries_including_a_member_across_exports(db: Database, tmp_path: Path) -> None:
    with db.session() as s:
        ana = add(s, "Ana", "Ruiz", directory_consent=True).id
        beto = add(s, "Beto", "Sosa").id
        far = add(s, "Ciro", "Vela").id
    run_export("members", db.sessions, ExportRequest(member_ids=(ana, beto)), tmp_path / "1.xlsx")
    run_export("members", db.sessions, ExportRequest(member_ids=(beto,)), tmp_path / "2.xlsx")
    run_export("members", db.sessions, ExportRequest(query=MemberQuery(), external=True), tmp_path / "3.xlsx")
    with db.reader() as s:
        assert [e.file_name[-6:] for e in export_log.entries_including(s, ana)] == ["1.xlsx", "3.xlsx"]
        assert [e.file_name[-6:] for e in export_log.entries_including(s, beto)] == ["1.xlsx", "2.xlsx"]
        assert export_log.entries_including(s, far) == []
        assert export_log.count(s) == 3


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        ("participants", "p.xlsx"),
        ("rooming", "r.xlsx"),
        ("arrivals", "a.xlsx"),
        ("badges", "b.pdf"),
        ("packets", "k.pdf"),
        ("signin", "s.pdf"),
        ("agenda", "g.pdf"),
    ],
)
def test_every_event_document_completes_its_entry(
    demo: Database, tmp_path: Path, kind: str, name: str
) -> None:
    with demo.reader() as s:
        event_id = s.scalar(select(Event.id))
        members = set(s.scalars(select(Participant.member_id).where(Participant.member_id.is_not(None))))
    result = run_export(kind, demo.sessions, ExportRequest(event_id=event_id), tmp_path / name)
    [entry] = _entries(demo)
    assert (entry.kind, entry.status) == (kind, export_log.COMPLETE)
    assert 0 < entry.people <= result.rows or kind in ("arrivals", "agenda")
    assert entry.people > 0 and 0 < len(_ids(demo, entry.id)) <= entry.people
    assert set(_ids(demo, entry.id)) <= members
