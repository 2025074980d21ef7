"""Opening export dialogs from where the data is: the members table, an open event, a record
table as shown, the menu."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QTableView, QWidget
from sqlalchemy.orm import Session

from talentdesk.exports.kinds import EVENT, MEMBERS
from talentdesk.services.event_view import EventData, EventInfo, load_event_data, load_events
from talentdesk.ui.context import AppContext
from talentdesk.ui.exports.kinds import (
    KINDS,
    EventSource,
    Source,
    TableSource,
    available,
    kind,
)
from talentdesk.ui.tasks import Task, error_message
from talentdesk.ui.widgets.records import shown_table

if TYPE_CHECKING:  # the dialog (and the writers behind it) loads on first use
    from talentdesk.ui.exports.dialog import ExportDialog

MEMBER_KEYS = tuple(k.key for k in KINDS if k.scope == MEMBERS)
EVENT_KEYS = tuple(k.key for k in KINDS if k.scope == EVENT)


def open_export(
    ctx: AppContext, key: str, source: Source, parent: QWidget | None, *, prefer_selection: bool = False
) -> ExportDialog:
    """Show the export dialog of ``key`` (window-modal; deleted when closed)."""
    from talentdesk.ui.exports.dialog import ExportDialog

    dialog = ExportDialog(ctx, kind(key), source, parent, prefer_selection=prefer_selection)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def event_source(data: EventData, selected_ids: Sequence[int] = ()) -> EventSource:
    sessions = sorted(data.sessions, key=lambda s: (s.starts_at, s.title))
    return EventSource(
        event_id=data.event.id,
        name=data.event.name,
        days=tuple(data.event.days()),
        sessions=tuple(
            (s.id, f"{s.starts_at:%d/%m %H:%M} · {s.title}" + (f" ({s.room_name})" if s.room_name else ""))
            for s in sessions
        ),
        selected_ids=tuple(selected_ids),
    )


def table_source(table: QTableView, name: str, title: str, total: int = -1) -> TableSource:
    """A small table as it is on screen, read now on the GUI thread (``records.shown_table``)."""
    columns, rows = shown_table(table)
    return TableSource(name=name, title=title, columns=columns, rows=rows, total=total)


def load_event_source(
    ctx: AppContext, event_id: int, on_done: Callable[[EventSource], None], owner: QWidget
) -> Task:
    """Read an event in the background and hand its export source to ``on_done``."""

    def failed(exc: BaseException) -> None:
        ctx.error.emit(error_message(exc))

    return ctx.read(
        lambda session, _task: load_event_data(session, event_id),
        lambda data: on_done(event_source(data)),
        on_failure=failed,
        owner=owner,
    )


def choose_event(
    ctx: AppContext, parent: QWidget, on_chosen: Callable[[int], None], preselect: int | None = None
) -> None:
    """Ask which event (the list is read in the background first)."""

    def ask(rows: list[EventInfo]) -> None:
        if not rows:
            ctx.error.emit(
                QCoreApplication.translate(
                    "ExportActions", "There are no events yet: create one in Events first."
                )
            )
            return
        labels = [f"{r.name} ({r.starts_on:%d/%m/%Y})" for r in rows]
        current = next((i for i, r in enumerate(rows) if r.id == preselect), 0)
        label, ok = QInputDialog.getItem(
            parent,
            QCoreApplication.translate("ExportActions", "Choose an event"),
            QCoreApplication.translate("ExportActions", "Event:"),
            labels,
            current,
            False,
        )
        if ok and label in labels:
            on_chosen(rows[labels.index(label)].id)

    def query(session: Session, _task: Task) -> list[EventInfo]:
        return load_events(session)

    ctx.read(query, ask, on_failure=lambda exc: ctx.error.emit(error_message(exc)), owner=parent)


def fill_menu(
    menu: QMenu, keys: Sequence[str], trigger: Callable[[str], None], prefix: str = "export"
) -> list[QAction]:
    """One action per export kind, named ``<prefix>-<key>``; kinds whose module is missing
    are shown disabled."""
    actions = []
    for key in keys:
        export_kind = kind(key)
        action = menu.addAction(export_kind.label() + "…")
        action.setObjectName(f"{prefix}-{key}")
        action.triggered.connect(lambda _checked=False, k=key: trigger(k))
        action.setEnabled(available(export_kind))
        actions.append(action)
    return actions
