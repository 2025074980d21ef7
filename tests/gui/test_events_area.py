"""The Jornadas area: the events list and forms, and the demo event's tabs driven through the widgets."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.core import i18n
from talentdesk.core.enums import MaterialStatus, ParticipantRole, ParticipantStatus
from talentdesk.core.events import AgendaSession, Event, EventTask, Material, Participant, Room
from talentdesk.core.models import Member
from talentdesk.services import event_checks, event_workflow
from talentdesk.services import events as service
from talentdesk.services.demo_event import DEMO_NAME
from talentdesk.ui.context import AppContext
from talentdesk.ui.events.area import EventsArea
from tests.gui.helpers import (
    YES,
    answer,
    click,
    dialog_named,
    double_click,
    error_of,
    field,
    read,
    replace_text,
    show_area,
    type_text,
    wait_data,
)

pytestmark = pytest.mark.gui


def demo_id(ctx: AppContext) -> int:
    return int(read(ctx, lambda s: s.scalar(select(Event.id).where(Event.name == DEMO_NAME))))


@pytest.fixture()
def area(qtbot: QtBot, ctx: AppContext) -> EventsArea:
    widget: EventsArea = show_area(qtbot, EventsArea(ctx), rows=1, size=(1400, 900))
    return widget


@pytest.fixture()
def opened(qtbot: QtBot, area: EventsArea) -> EventsArea:
    """The demo Jornada open in the workspace."""
    assert area.current_row() is not None
    assert area.current_row().name == DEMO_NAME  # type: ignore[union-attr]
    click(qtbot, area, "event-open")
    wait_data(qtbot, area.workspace, lambda d: True)
    assert area.stack.currentWidget() is area.workspace
    return area


# -- models -------------------------------------------------------------------------------------


def test_every_model_passes_the_model_tester(qtmodeltester: Any, opened: EventsArea) -> None:
    ws = opened.workspace
    qtmodeltester.check(opened.model)
    for i in range(ws.agenda.day.count()):
        ws.agenda.day.setCurrentIndex(i)
        assert ws.agenda.model.rowCount() > 0
        qtmodeltester.check(ws.agenda.model)
    qtmodeltester.check(ws.participants.model)
    qtmodeltester.check(ws.logistics.arrivals_model)
    qtmodeltester.check(ws.logistics.departures_model)
    assert ws.logistics.occupancy_model.rowCount() > 0
    qtmodeltester.check(ws.logistics.occupancy_model)
    qtmodeltester.check(ws.materials.material_model)
    qtmodeltester.check(ws.materials.task_model)
    qtmodeltester.check(ws.review.model)


# -- the list and the event forms ---------------------------------------------------------------


def test_list_shows_the_demo_event(area: EventsArea) -> None:
    row = area.current_row()
    assert row is not None and row.name == DEMO_NAME
    assert row.participants == 151
    assert area.title() == "Events"
    assert all(area.supports(a) for a in ("search", "new", "open", "delete"))


def test_new_event_end_before_start_is_refused_at_the_field_then_saved(
    qtbot: QtBot, area: EventsArea, ctx: AppContext
) -> None:
    click(qtbot, area, "event-new")
    dialog = dialog_named(area, "event-dialog")
    type_text(field(dialog, "name"), "Jornada Informativa en Monterrey")
    type_text(field(dialog, "edition"), "2028")
    type_text(field(dialog, "starts_on"), "10/03/2028")
    type_text(field(dialog, "ends_on"), "09/03/2028")
    type_text(field(dialog, "city"), "Monterrey, Nuevo León")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: error_of(dialog, "ends_on") != "", timeout=5000)
    assert "ends before it starts" in error_of(dialog, "ends_on")
    assert error_of(dialog, "starts_on") == ""
    assert dialog.isVisible()
    assert read(ctx, lambda s: s.scalar(select(func.count()).select_from(Event))) == 1

    replace_text(field(dialog, "ends_on"), "11/03/2028")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    event = read(ctx, lambda s: s.scalar(select(Event).where(Event.edition == "2028")))
    assert (event.name, event.starts_on, event.ends_on, event.city) == (
        "Jornada Informativa en Monterrey",
        date(2028, 3, 10),
        date(2028, 3, 11),
        "Monterrey, Nuevo León",
    )
    qtbot.waitUntil(lambda: area.model.rowCount() == 2 and not area.loading, timeout=5000)
    current = area.current_row()
    assert current is not None and current.id == event.id

    ctx.undo.undo()
    qtbot.waitUntil(lambda: area.model.rowCount() == 1 and not area.loading, timeout=5000)
    assert read(ctx, lambda s: s.get(Event, event.id)) is None


def test_edit_and_delete_an_event(
    qtbot: QtBot, area: EventsArea, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ctx.db.session() as session:
        event_id = service.create_event(
            session, {"name": "Borrador", "starts_on": date(2029, 1, 5), "ends_on": date(2029, 1, 5)}
        ).id
    area.refresh()
    qtbot.waitUntil(lambda: area.model.rowCount() == 2 and not area.loading, timeout=5000)
    area.table.selectRow(area.model.row_of(event_id) or 0)
    click(qtbot, area, "event-edit")
    dialog = dialog_named(area, "event-dialog")
    replace_text(field(dialog, "name"), "Jornada de Mérida")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert read(ctx, lambda s: s.get(Event, event_id).name) == "Jornada de Mérida"

    asked = answer(monkeypatch, YES)
    qtbot.waitUntil(lambda: not area.loading, timeout=5000)
    area.table.selectRow(area.model.row_of(event_id) or 0)
    click(qtbot, area, "event-delete")
    assert asked and "Jornada de Mérida" in asked[0]
    qtbot.waitUntil(lambda: area.model.rowCount() == 1 and not area.loading, timeout=5000)
    assert read(ctx, lambda s: s.get(Event, event_id)) is None


def test_copy_the_demo_event_to_a_new_edition(qtbot: QtBot, area: EventsArea, ctx: AppContext) -> None:
    source_id = demo_id(ctx)
    click(qtbot, area, "event-copy")
    dialog = dialog_named(area, "copy-event-dialog")
    type_text(field(dialog, "edition"), "2028")
    type_text(field(dialog, "starts_on"), "32/02/2028")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: error_of(dialog, "starts_on") != "", timeout=5000)
    assert read(ctx, lambda s: s.scalar(select(func.count()).select_from(Event))) == 1
    replace_text(field(dialog, "starts_on"), "17/02/2028")
    assert not field(dialog, "with_participants").isChecked()
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)

    def facts(s: Session, event_id: int) -> tuple[Any, ...]:
        event = service.get_event(s, event_id)
        return (
            event.starts_on,
            event.ends_on,
            sorted(r.name for r in event.rooms),
            sorted(
                (x.title, x.starts_at, x.ends_at, x.room.name if x.room else None) for x in event.sessions
            ),
            len(event.participants),
            len(event.materials),
        )

    new_id = read(ctx, lambda s: s.scalar(select(Event.id).where(Event.edition == "2028")))
    old = read(ctx, lambda s: facts(s, source_id))
    new = read(ctx, lambda s: facts(s, new_id))
    shift = timedelta(days=(date(2028, 2, 17) - date(2027, 2, 18)).days)
    assert new[0] == date(2028, 2, 17) and new[1] == date(2028, 2, 18)
    assert new[2] == old[2] == ["Auditorio", "Sala A", "Sala B"]
    assert len(new[3]) == 26
    assert new[3] == sorted((t, a + shift, b + shift, r) for t, a, b, r in old[3])
    assert new[4] == 0 and old[4] == 151
    assert new[5] == old[5] == 6

    # the copy opens in the workspace with its agenda
    data = wait_data(qtbot, area.workspace, lambda d: d.event.id == new_id)
    assert area.stack.currentWidget() is area.workspace
    assert len(data.sessions) == 26
    assert area.workspace.participants.model.rowCount() == 0


# -- agenda -------------------------------------------------------------------------------------


def test_agenda_grid_shows_every_session_in_its_room_and_day(opened: EventsArea, ctx: AppContext) -> None:
    agenda = opened.workspace.agenda
    expected = read(
        ctx,
        lambda s: {
            x.id: (x.starts_at.date(), x.room.name if x.room else None, x.title)
            for x in s.scalars(select(AgendaSession).where(AgendaSession.event_id == demo_id(ctx)))
        },
    )
    assert len(expected) == 26
    shown: dict[int, tuple[date, str | None, str]] = {}
    days = []
    for i in range(agenda.day.count()):
        agenda.day.setCurrentIndex(i)
        layout = agenda.model.layout
        assert layout is not None
        days.append(layout.day)
        for (row, column), placement in agenda.model.anchors.items():
            header = agenda.model.headerData(column, Qt.Orientation.Horizontal)
            lane = layout.lanes[column]
            assert placement.session.id not in shown
            shown[placement.session.id] = (layout.day, lane.room_name or None, placement.session.title)
            assert str(header).startswith(lane.room_name or "(no room)")
            index = agenda.model.index(row, column)
            assert agenda.model.data(index) == placement.session.title
            # one slot per quarter hour: a session of an hour spans four rows
            minutes = (placement.session.ends_at - placement.session.starts_at).seconds // 60
            assert agenda.view.rowSpan(row, column) == max(minutes // 15, 1)
            assert agenda.model.headerData(
                row, Qt.Orientation.Vertical
            ) == placement.session.starts_at.strftime("%H:%M")
    assert shown == expected
    # the two event days, plus the day of the session put outside them
    assert days == [date(2027, 2, 18), date(2027, 2, 19), date(2027, 2, 20)]
    # the double booking of Sala A gets a second column
    agenda.day.setCurrentIndex(0)
    headers = [
        agenda.model.headerData(c, Qt.Orientation.Horizontal) for c in range(agenda.model.columnCount())
    ]
    assert headers == ["Auditorio", "Sala A", "Sala A (2)", "Sala B"]


def test_edit_a_session_time_in_the_editor(qtbot: QtBot, opened: EventsArea, ctx: AppContext) -> None:
    agenda = opened.workspace.agenda
    target = next(s for s in opened.workspace.data.sessions if s.title == "Inauguración")  # type: ignore[union-attr]
    assert agenda.select_session(target.id)
    double_click(qtbot, agenda.view, agenda.model.find(target.id))
    dialog = dialog_named(agenda, "session-dialog")
    assert field(dialog, "title").text() == "Inauguración"
    assert field(dialog, "room").currentText() == "Auditorio"
    assert field(dialog, "speakers").checked_ids() == list(target.speaker_ids)
    ends = field(dialog, "ends_at")
    ends.setFocus()
    ends.setCurrentSection(ends.Section.HourSection)
    QTest.keyClick(ends, Qt.Key.Key_Up)  # 10:30 -> 11:30
    assert ends.time() == QTime(11, 30)
    # an end before the start is refused at the field
    starts = field(dialog, "starts_at")
    starts.setTime(QTime(12, 0))
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: error_of(dialog, "ends_at") != "", timeout=5000)
    assert "ends before it starts" in error_of(dialog, "ends_at")
    starts.setTime(QTime(9, 30))
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    stored = read(ctx, lambda s: s.get(AgendaSession, target.id))
    assert (stored.starts_at, stored.ends_at) == (datetime(2027, 2, 18, 9, 30), datetime(2027, 2, 18, 11, 30))
    wait_data(qtbot, opened.workspace, lambda d: d.session(target.id).ends_at.hour == 11)  # type: ignore[union-attr]
    row, column = agenda.model.find(target.id).row(), agenda.model.find(target.id).column()
    assert agenda.view.rowSpan(row, column) == 8
    assert agenda.selected_session_id() == target.id

    ctx.undo.undo()
    wait_data(qtbot, opened.workspace, lambda d: d.session(target.id).ends_at.hour == 10)  # type: ignore[union-attr]
    assert read(ctx, lambda s: s.get(AgendaSession, target.id).ends_at) == datetime(2027, 2, 18, 10, 30)


def test_double_click_an_empty_slot_creates_a_session_there(
    qtbot: QtBot, opened: EventsArea, ctx: AppContext
) -> None:
    agenda = opened.workspace.agenda
    agenda.day.setCurrentIndex(1)  # 19/02
    layout = agenda.model.layout
    assert layout is not None
    column = next(i for i, lane in enumerate(layout.lanes) if lane.room_name == "Sala B")
    row = next(r for r in range(layout.slots) if layout.slot_time(r).strftime("%H:%M") == "08:00")
    assert agenda.model.placement(agenda.model.index(row, column)) is None
    double_click(qtbot, agenda.view, agenda.model.index(row, column))
    dialog = dialog_named(agenda, "session-dialog")
    assert field(dialog, "room").currentText() == "Sala B"
    assert field(dialog, "starts_at").time() == QTime(8, 0)
    assert field(dialog, "ends_at").time() == QTime(9, 0)
    assert field(dialog, "day").text() == "19/02/2027"
    type_text(field(dialog, "title"), "Desayuno con patrocinadores")
    speakers = field(dialog, "speakers")
    names = [speakers.list.item(i).text().split(" — ")[0] for i in range(speakers.list.count())]
    chosen = next(n for n in names if len(n.split()) == 3 and names.count(n) == 1)  # someone of the demo
    given, paternal = chosen.split()[:2]
    type_text(speakers.filter, f"{given[:3]} {paternal}")  # a name typed in part, as a person would
    visible = [
        speakers.list.item(i) for i in range(speakers.list.count()) if not speakers.list.item(i).isHidden()
    ]
    assert len(visible) == 1
    visible[0].setCheckState(Qt.CheckState.Checked)
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    stored = read(
        ctx,
        lambda s: s.scalar(select(AgendaSession).where(AgendaSession.title == "Desayuno con patrocinadores")),
    )
    assert stored.starts_at == datetime(2027, 2, 19, 8, 0)
    assert read(ctx, lambda s: s.get(AgendaSession, stored.id).room.name) == "Sala B"
    assert read(ctx, lambda s: [p.full_name for p in s.get(AgendaSession, stored.id).speakers]) == [chosen]
    wait_data(qtbot, opened.workspace, lambda d: d.session(stored.id) is not None)
    assert agenda.selected_session_id() == stored.id


# -- participants -------------------------------------------------------------------------------


def _select(tab: Any, ids: list[int]) -> None:
    tab.table.clearSelection()
    selection = tab.table.selectionModel()
    for pid in ids:
        row = tab.model.row_of(pid)
        assert row is not None
        selection.select(
            tab.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def _statuses(ctx: AppContext, ids: list[int]) -> list[ParticipantStatus]:
    return read(ctx, lambda s: [s.get(Participant, pid).status for pid in ids])


def _menu_actions(tab: Any) -> dict[str, Any]:
    """The status menu as the button shows it, for the current selection."""
    menu: QMenu = tab.status_menu
    menu.aboutToShow.emit()
    return {a.objectName(): a for a in menu.actions() if a.objectName()}


def test_status_menu_offers_only_allowed_transitions(opened: EventsArea) -> None:
    tab = opened.workspace.participants
    data = opened.workspace.data
    assert data is not None
    confirmed = next(p for p in data.participants if p.status is ParticipantStatus.CONFIRMED)
    _select(tab, [confirmed.id])
    offered = set(_menu_actions(tab))
    # the event has not started: no attendance or no-shows yet
    assert offered == {"status-registrado", "status-cancelo", "status-invitado"}
    invited = next(p for p in data.participants if p.status is ParticipantStatus.INVITED)
    _select(tab, [invited.id])
    assert set(_menu_actions(tab)) == {"status-confirmado", "status-declino", "status-cancelo"}
    tab.today = date(2027, 2, 18)
    _select(tab, [confirmed.id])
    assert "status-asistio" in _menu_actions(tab)


def test_bulk_status_change_then_undo(qtbot: QtBot, opened: EventsArea, ctx: AppContext) -> None:
    tab = opened.workspace.participants
    opened.workspace.tabs.setCurrentWidget(tab)
    tab.status_filter.setCurrentIndex(tab.status_filter.findData(ParticipantStatus.CONFIRMED.value))
    assert tab.model.rowCount() > 3
    ids = [tab.model.row(n).id for n in range(3)]
    _select(tab, ids)
    assert tab.status_button.isEnabled()
    _menu_actions(tab)["status-registrado"].trigger()
    qtbot.waitUntil(lambda: _statuses(ctx, ids) == [ParticipantStatus.REGISTERED] * 3, timeout=5000)
    data = wait_data(
        qtbot, opened.workspace, lambda d: d.participant(ids[0]).status is ParticipantStatus.REGISTERED
    )  # type: ignore[union-attr]
    assert all(data.participant(i).status is ParticipantStatus.REGISTERED for i in ids)  # type: ignore[union-attr]
    # the filter (confirmed) hides them now, the others remain
    assert all(tab.model.row_of(i) is None for i in ids)

    assert ctx.undo.undo_text() == "Change status to “Registered”"
    ctx.undo.undo()
    qtbot.waitUntil(lambda: _statuses(ctx, ids) == [ParticipantStatus.CONFIRMED] * 3, timeout=5000)
    wait_data(qtbot, opened.workspace, lambda d: d.participant(ids[0]).status is ParticipantStatus.CONFIRMED)  # type: ignore[union-attr]
    assert all(tab.model.row_of(i) is not None for i in ids)
    ctx.undo.redo()
    qtbot.waitUntil(lambda: _statuses(ctx, ids) == [ParticipantStatus.REGISTERED] * 3, timeout=5000)


def test_bulk_status_change_refused_moves_nobody(
    qtbot: QtBot, opened: EventsArea, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warnings.append(text))
    tab = opened.workspace.participants
    data = opened.workspace.data
    assert data is not None
    invited = next(p for p in data.participants if p.status is ParticipantStatus.INVITED)
    confirmed = next(p for p in data.participants if p.status is ParticipantStatus.CONFIRMED)
    ids = [invited.id, confirmed.id]
    _select(tab, ids)
    actions = _menu_actions(tab)
    assert "status-registrado" in actions  # one of them may move there
    actions["status-registrado"].trigger()
    qtbot.waitUntil(lambda: bool(warnings), timeout=5000)
    assert f"{invited.name}: cannot go from “Invited” to “Registered”." in warnings[0]
    assert confirmed.name not in warnings[0]
    assert _statuses(ctx, ids) == [ParticipantStatus.INVITED, ParticipantStatus.CONFIRMED]
    assert not ctx.undo.can_undo()


def test_add_a_member_found_by_search(qtbot: QtBot, opened: EventsArea, ctx: AppContext) -> None:
    event_id = demo_id(ctx)
    registered = read(
        ctx, lambda s: set(s.scalars(select(Participant.member_id).where(Participant.event_id == event_id)))
    )
    member = read(
        ctx,
        lambda s: next(m for m in s.scalars(select(Member).order_by(Member.id)) if m.id not in registered),
    )
    tab = opened.workspace.participants
    click(qtbot, tab, "participant-add-member")
    dialog = dialog_named(tab, "add-member-dialog")
    picker = field(dialog, "member")
    type_text(picker.search, f"{member.given_names} {member.paternal_surname}")
    qtbot.waitUntil(lambda: not picker.loading and picker.model.row_of(member.id) is not None, timeout=5000)
    picker.table.selectRow(picker.model.row_of(member.id))
    field(dialog, "role").setCurrentIndex(list(ParticipantRole).index(ParticipantRole.SPEAKER))
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    added = read(
        ctx,
        lambda s: s.scalar(
            select(Participant).where(Participant.event_id == event_id, Participant.member_id == member.id)
        ),
    )
    assert added.role is ParticipantRole.SPEAKER and added.status is ParticipantStatus.INVITED
    assert added.paternal_surname == member.paternal_surname
    wait_data(qtbot, opened.workspace, lambda d: d.participant(added.id) is not None)
    assert tab.selected_ids() == [added.id]

    # the same member again: refused, the message stays in the dialog
    click(qtbot, tab, "participant-add-member")
    again = dialog_named(tab, "add-member-dialog")
    picker = field(again, "member")
    type_text(picker.search, f"{member.given_names} {member.paternal_surname}")
    qtbot.waitUntil(lambda: not picker.loading and picker.model.row_of(member.id) is not None, timeout=5000)
    picker.table.selectRow(picker.model.row_of(member.id))
    click(qtbot, again, "save")
    label = again.findChild(QLabel, "form-message")
    qtbot.waitUntil(lambda: not label.isHidden(), timeout=5000)
    assert "is already registered" in label.text()
    again.modified = False
    again.reject()


def test_add_an_external_guest(qtbot: QtBot, opened: EventsArea, ctx: AppContext) -> None:
    tab = opened.workspace.participants
    click(qtbot, tab, "participant-add-guest")
    dialog = dialog_named(tab, "participant-dialog")
    type_text(field(dialog, "given_names"), "Itzél")
    type_text(field(dialog, "email"), "no-es-correo")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: error_of(dialog, "paternal_surname") != "", timeout=5000)
    assert error_of(dialog, "email") != ""
    replace_text(field(dialog, "email"), "itzel.nunez@example.org")
    type_text(field(dialog, "paternal_surname"), "Núñez")
    type_text(field(dialog, "organization"), "Secretaría de Economía")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    guest = read(ctx, lambda s: s.scalar(select(Participant).where(Participant.paternal_surname == "Núñez")))
    assert guest.member_id is None and guest.given_names == "Itzél"
    assert guest.email == "itzel.nunez@example.org"
    assert guest.role is ParticipantRole.SPECIAL_GUEST
    data = wait_data(qtbot, opened.workspace, lambda d: d.participant(guest.id) is not None)
    assert len(data.participants) == 152
    assert tab.selected_ids() == [guest.id]
    ctx.undo.undo()
    wait_data(qtbot, opened.workspace, lambda d: len(d.participants) == 151)
    assert read(ctx, lambda s: s.get(Participant, guest.id)) is None


def test_travel_and_lodging_dialogs_save(qtbot: QtBot, opened: EventsArea, ctx: AppContext) -> None:
    tab = opened.workspace.participants
    data = opened.workspace.data
    assert data is not None
    person = next(p for p in data.participants if p.travel is None and p.coming)
    _select(tab, [person.id])
    click(qtbot, tab, "participant-travel")
    dialog = dialog_named(tab, "travel-dialog")
    type_text(field(dialog, "arrival_flight"), "AM 123")
    type_text(field(dialog, "arrival_at"), "17/02/2027 25:00")
    click(qtbot, dialog, "save")
    assert error_of(dialog, "arrival_at") != ""
    replace_text(field(dialog, "arrival_at"), "17/02/2027 14:05")
    field(dialog, "needs_transfer").setChecked(True)
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    travel = read(ctx, lambda s: s.get(Participant, person.id).travel)
    assert (travel.arrival_flight, travel.arrival_at, travel.needs_transfer) == (
        "AM 123",
        datetime(2027, 2, 17, 14, 5),
        True,
    )
    wait_data(qtbot, opened.workspace, lambda d: d.participant(person.id).travel is not None)  # type: ignore[union-attr]
    _select(tab, [person.id])
    click(qtbot, tab, "participant-lodging")
    dialog = dialog_named(tab, "lodging-dialog")
    field(dialog, "hotel").setCurrentText("Hotel Sede (demostración)")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    lodging = read(ctx, lambda s: s.get(Participant, person.id).lodging)
    assert (lodging.hotel, lodging.check_in, lodging.check_out) == (
        "Hotel Sede (demostración)",
        date(2027, 2, 17),  # the day the flight lands, not the event's first day (issue 12, item 4)
        date(2027, 2, 19),  # no flight home yet: the event's last day
    )


def test_lodging_dates_default_to_the_flights(qtbot: QtBot, opened: EventsArea, ctx: AppContext) -> None:
    """A new booking starts on the day the flight lands and ends on the day the flight home
    leaves, so Revisión has no hotel/flight mismatch to report (issue 12, item 4)."""
    tab = opened.workspace.participants
    data = opened.workspace.data
    assert data is not None
    person = next(p for p in data.participants if p.travel is None and p.lodging is None and p.coming)
    _enter_flights(qtbot, opened, person.id, "16/02/2027 23:50", "20/02/2027 07:15")
    _select(tab, [person.id])
    click(qtbot, tab, "participant-lodging")
    dialog = dialog_named(tab, "lodging-dialog")
    assert field(dialog, "check_in").value() == date(2027, 2, 16)
    assert field(dialog, "check_out").value() == date(2027, 2, 20)


# -- logistics ----------------------------------------------------------------------------------


def test_logistics_counts_match_the_database(qtbot: QtBot, opened: EventsArea, ctx: AppContext) -> None:
    event_id = demo_id(ctx)

    def expected(s: Session) -> tuple[Counter[date], Counter[date], Counter[tuple[date, str]]]:
        arrivals: Counter[date] = Counter()
        departures: Counter[date] = Counter()
        nights: Counter[tuple[date, str]] = Counter()
        for p in service.get_event(s, event_id).participants:
            if p.status in event_workflow.NOT_COMING:
                continue
            if p.travel and p.travel.arrival_at:
                arrivals[p.travel.arrival_at.date()] += 1
            if p.travel and p.travel.departure_at:
                departures[p.travel.departure_at.date()] += 1
            lodging = p.lodging
            if lodging and lodging.hotel and lodging.check_in and lodging.check_out:
                night = lodging.check_in
                while night < lodging.check_out:
                    nights[(night, lodging.hotel)] += 1
                    night += timedelta(days=1)
        return arrivals, departures, nights

    arrivals, departures, nights = read(ctx, expected)
    assert sum(arrivals.values()) > 50
    tab = opened.workspace.logistics
    assert tab.day.currentData() is None
    assert tab.arrivals_model.rowCount() == sum(arrivals.values())
    assert tab.departures_model.rowCount() == sum(departures.values())
    for i in range(1, tab.day.count()):
        tab.day.setCurrentIndex(i)
        day = tab.day.currentData()
        assert tab.arrivals_model.rowCount() == arrivals[day]
        assert tab.departures_model.rowCount() == departures[day]
    assert {d for d in arrivals} | {d for d in departures} == {
        tab.day.itemData(i) for i in range(1, tab.day.count())
    }

    model = tab.occupancy_model
    hotels = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount() - 1)]
    shown = Counter(
        {
            (model.data_.nights[r], hotels[c]): int(model.data(model.index(r, c)))
            for r in range(model.rowCount())
            for c in range(len(hotels))
            if int(model.data(model.index(r, c)))
        }
    )
    assert shown == nights
    total_column = len(hotels)
    for r in range(model.rowCount()):
        assert int(model.data(model.index(r, total_column))) == sum(
            n for (night, _h), n in nights.items() if night == model.data_.nights[r]
        )
    # selecting a cell lists its guests
    tab.occupancy.setCurrentIndex(model.index(1, 0))
    assert tab.guests.count() == int(model.data(model.index(1, 0))) > 0


def _enter_flights(qtbot: QtBot, opened: EventsArea, person_id: int, arrival: str, departure: str) -> None:
    """Arrival and departure typed in the participant's travel dialog, saved and shown."""
    tab = opened.workspace.participants
    _select(tab, [person_id])
    click(qtbot, tab, "participant-travel")
    dialog = dialog_named(tab, "travel-dialog")
    type_text(field(dialog, "arrival_flight"), "AM 401")
    type_text(field(dialog, "arrival_at"), arrival)
    type_text(field(dialog, "departure_at"), departure)
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    wait_data(qtbot, opened.workspace, lambda d: d.participant(person_id).travel is not None)  # type: ignore[union-attr]


def _book(qtbot: QtBot, opened: EventsArea, person_id: int, hotel: str) -> None:
    """Flights and a hotel entered through the participant's dialogs."""
    tab = opened.workspace.participants
    _enter_flights(qtbot, opened, person_id, "17/02/2027 09:40", "20/02/2027 18:00")
    _select(tab, [person_id])
    click(qtbot, tab, "participant-lodging")
    dialog = dialog_named(tab, "lodging-dialog")
    field(dialog, "hotel").setCurrentText(hotel)
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    wait_data(qtbot, opened.workspace, lambda d: d.participant(person_id).lodging is not None)  # type: ignore[union-attr]


def test_logistics_shows_everyone_not_declined_with_status_and_filter(
    qtbot: QtBot, opened: EventsArea
) -> None:
    """Issue 12, item 5: people still «Invitado» with flights and hotel were left out ("0
    travellers"); declined and cancelled people stay out unless the filter asks for them."""
    data = opened.workspace.data
    assert data is not None
    invited = next(p for p in data.participants if p.status is ParticipantStatus.INVITED and p.travel is None)
    declined = next(
        p for p in data.participants if p.status is ParticipantStatus.DECLINED and p.travel is None
    )
    _book(qtbot, opened, invited.id, "Hotel Invitados")
    _book(qtbot, opened, declined.id, "Hotel Invitados")
    tab = opened.workspace.logistics
    tab.select_day(date(2027, 2, 17))
    rows = [tab.arrivals_model.row(r) for r in range(tab.arrivals_model.rowCount())]
    assert invited.name in [m.name for m in rows] and declined.name not in [m.name for m in rows]
    headers = [
        tab.arrivals_model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(tab.arrivals_model.columnCount())
    ]
    status_column = headers.index("Status")
    mine = next(r for r, m in enumerate(rows) if m.name == invited.name)
    assert (
        tab.arrivals_model.data(tab.arrivals_model.index(mine, status_column))
        == ParticipantStatus.INVITED.label
    )
    model = tab.occupancy_model
    hotel = model.data_.hotels.index("Hotel Invitados")
    night = model.data_.nights.index(date(2027, 2, 17))
    assert model.names(model.index(night, hotel)) == (invited.name,)

    status = tab.status
    status.setCurrentIndex(status.findData(ParticipantStatus.INVITED))
    assert {m.status for m in tab.arrivals_model.rows} == {ParticipantStatus.INVITED}
    assert tab.arrivals_label.text().startswith("1 traveller")
    status.setCurrentIndex(status.findData(ParticipantStatus.DECLINED))
    assert [m.name for m in tab.arrivals_model.rows] == [declined.name]
    assert model.names(model.index(model.data_.nights.index(date(2027, 2, 17)), 0)) == (declined.name,)
    status.setCurrentIndex(0)  # back to everyone expected
    assert tab.arrivals_model.rowCount() == len(rows)


# -- materials and tasks ------------------------------------------------------------------------


def test_materials_and_tasks(qtbot: QtBot, opened: EventsArea, ctx: AppContext) -> None:
    tab = opened.workspace.materials
    assert tab.material_model.rowCount() == 6 and tab.task_model.rowCount() == 6
    # toggle a task through its check box
    row = next(n for n in range(tab.task_model.rowCount()) if not tab.task_model.row(n).done)
    task_id = tab.task_model.row(row).id
    assert tab.task_model.setData(
        tab.task_model.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    qtbot.waitUntil(lambda: read(ctx, lambda s: s.get(EventTask, task_id).done), timeout=5000)
    wait_data(qtbot, opened.workspace, lambda d: next(t for t in d.tasks if t.id == task_id).done)
    assert "4 done" in tab.task_count.text()

    # a material's status from the menu, then undo
    tab.materials.selectRow(0)
    material = tab.current_material()
    assert material is not None
    target = MaterialStatus.READY if material.status is not MaterialStatus.READY else MaterialStatus.PENDING
    action = next(
        a for a in tab.material_status_menu.actions() if a.objectName() == f"material-status-{target.value}"
    )
    action.trigger()
    qtbot.waitUntil(lambda: read(ctx, lambda s: s.get(Material, material.id).status) is target, timeout=5000)
    wait_data(
        qtbot,
        opened.workspace,
        lambda d: next(m for m in d.materials if m.id == material.id).status is target,
    )
    ctx.undo.undo()
    qtbot.waitUntil(
        lambda: read(ctx, lambda s: s.get(Material, material.id).status) is material.status, timeout=5000
    )

    # add and edit a material
    wait_data(qtbot, opened.workspace, lambda d: True)
    click(qtbot, tab, "material-add")
    dialog = dialog_named(tab, "material-dialog")
    type_text(field(dialog, "item"), "Botellas de agua")
    field(dialog, "quantity").setValue(300)
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    added = read(ctx, lambda s: s.scalar(select(Material).where(Material.item == "Botellas de agua")))
    assert added.quantity == 300 and added.status is MaterialStatus.PENDING
    wait_data(qtbot, opened.workspace, lambda d: len(d.materials) == 7)
    tab.materials.selectRow(tab.material_model.row_of(added.id) or 0)
    click(qtbot, tab, "material-edit")
    dialog = dialog_named(tab, "material-dialog")
    replace_text(field(dialog, "item"), "")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: error_of(dialog, "item") != "", timeout=5000)
    replace_text(field(dialog, "item"), "Garrafones de agua")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert read(ctx, lambda s: s.get(Material, added.id).item) == "Garrafones de agua"

    # add a task with a due date
    click(qtbot, tab, "task-add")
    dialog = dialog_named(tab, "task-dialog")
    type_text(field(dialog, "title"), "Contratar intérpretes")
    type_text(field(dialog, "due_on"), "01/02/2027")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    task = read(ctx, lambda s: s.scalar(select(EventTask).where(EventTask.title == "Contratar intérpretes")))
    assert task.due_on == date(2027, 2, 1) and not task.done


# -- review -------------------------------------------------------------------------------------


def test_review_lists_one_problem_of_each_kind_and_jumps_to_the_record(
    qtbot: QtBot, opened: EventsArea
) -> None:
    ws = opened.workspace
    review = ws.review
    ws.tabs.setCurrentWidget(review)
    kinds = len(event_checks.KINDS)
    assert review.model.rowCount() == kinds
    labels = [review.model.data(review.model.index(r, 0)) for r in range(kinds)]
    assert sorted(labels) == sorted(i18n._(kind) for kind in event_checks.KINDS.values())
    assert ws.tabs.tabText(ws.REVIEW) == f"Review ({kinds})"

    # a participant problem: the participants tab, with that row selected
    row = next(r for r in range(kinds) if review.model.row(r).record_type == "participant")
    problem = review.model.row(row)
    ws.participants.filter.setText("zzz no such person")
    review.table.setFocus()
    review.table.selectRow(row)
    QTest.keyClick(review.table, Qt.Key.Key_Return)
    assert ws.tabs.currentWidget() is ws.participants
    assert ws.participants.selected_ids() == [problem.record_id]
    assert ws.participants.filter.text() == ""

    # a session outside the event dates: the agenda, on that day, with the session selected
    ws.tabs.setCurrentWidget(review)
    row = next(r for r in range(kinds) if review.model.row(r).kind == "session_outside_dates")
    problem = review.model.row(row)
    double_click(qtbot, review.table, review.model.index(row, 0))
    assert ws.tabs.currentWidget() is ws.agenda
    assert ws.agenda.current_day() == date(2027, 2, 20)
    assert ws.agenda.selected_session_id() == problem.record_id


def test_back_to_the_list_keeps_the_event_selected(qtbot: QtBot, opened: EventsArea, ctx: AppContext) -> None:
    click(qtbot, opened.workspace, "event-back")
    assert opened.stack.currentIndex() == 0
    row = opened.current_row()
    assert row is not None and row.id == demo_id(ctx)
    opened.open_current()
    assert opened.stack.currentWidget() is opened.workspace


def test_add_a_room(
    qtbot: QtBot, opened: EventsArea, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Sala C", True))
    click(qtbot, opened.workspace.agenda, "room-add")
    qtbot.waitUntil(
        lambda: (
            read(ctx, lambda s: s.scalar(select(func.count()).select_from(Room).where(Room.name == "Sala C")))
            == 1
        ),
        timeout=5000,
    )
    wait_data(qtbot, opened.workspace, lambda d: len(d.rooms) == 4)
    headers = [
        opened.workspace.agenda.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(opened.workspace.agenda.model.columnCount())
    ]
    assert "Sala C" in headers


def test_refused_delete_keeps_the_open_event(
    qtbot: QtBot, opened: EventsArea, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An event with constancias issued cannot be deleted; the workspace keeps showing it."""
    from talentdesk.services.certificates import issue_certificates

    event_id = demo_id(ctx)
    with ctx.db.session() as session:
        someone = session.scalars(select(Participant).where(Participant.event_id == event_id)).first()
        assert someone is not None
        someone.status = ParticipantStatus.ATTENDED
        session.flush()
        code = issue_certificates(session, [someone.id])[someone.id]
    answer(monkeypatch, YES)
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *_a: errors.append(text))
    opened.delete_event()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert code in errors[0]
    assert opened.workspace.event_id == event_id and opened.workspace.data is not None
    assert read(ctx, lambda s: s.get(Event, event_id)) is not None
