"""One event open: a header and the tabs Agenda, Participantes, Logística, Materiales y tareas, Revisión."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from talentdesk.services.event_view import EventData, load_event_data
from talentdesk.ui.context import AppContext
from talentdesk.ui.events.agenda import AgendaTab
from talentdesk.ui.events.logistics import LogisticsTab
from talentdesk.ui.events.materials import MaterialsTab
from talentdesk.ui.events.participants import ParticipantsTab
from talentdesk.ui.events.review import ReviewTab
from talentdesk.ui.exports.actions import EVENT_KEYS, event_source, fill_menu, open_export
from talentdesk.ui.tasks import error_message
from talentdesk.ui.widgets.fitting import ElidedLabel


class EventWorkspace(QWidget):
    back = Signal()
    edit_requested = Signal(object)  # EventInfo
    loaded = Signal()

    AGENDA, PARTICIPANTS, LOGISTICS, MATERIALS, REVIEW = range(5)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("event-workspace")
        self.event_id: int | None = None
        self.data: EventData | None = None
        self.loading = False
        self.generation = 0

        self.back_button = QPushButton(self.tr("← All events"))
        self.back_button.setObjectName("event-back")
        self.back_button.clicked.connect(self.back.emit)
        self.title = ElidedLabel()
        self.title.setObjectName("event-title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.info = ElidedLabel()
        self.info.setObjectName("event-info")
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton(self.tr("Edit &event…"))
        self.edit_button.setObjectName("event-edit-open")
        self.edit_button.clicked.connect(self._edit)
        self.export_button = QToolButton()
        self.export_button.setObjectName("event-export")
        self.export_button.setText(self.tr("E&xport"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self.tr("Export"), self)
        self.export_menu.setObjectName("event-export-menu")
        fill_menu(self.export_menu, EVENT_KEYS, lambda key: self.export(key), prefix="event-export")
        self.export_button.setMenu(self.export_menu)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.title)
        names.addWidget(self.info)
        header.addLayout(names, 1)
        header.addWidget(self.export_button)
        header.addWidget(self.edit_button)

        self.agenda = AgendaTab(ctx)
        self.participants = ParticipantsTab(ctx)
        self.logistics = LogisticsTab()
        self.materials = MaterialsTab(ctx)
        self.review = ReviewTab()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("event-tabs")
        self.tabs.addTab(self.agenda, self.tr("Agenda"))
        self.tabs.addTab(self.participants, self.tr("Participants"))
        self.tabs.addTab(self.logistics, self.tr("Logistics"))
        self.tabs.addTab(self.materials, self.tr("Materials and tasks"))
        self.tabs.addTab(self.review, self.tr("Review"))
        self.participants.export_requested.connect(lambda key: self.export(key, prefer_selection=True))
        self.review.problem_activated.connect(self.go_to_record)
        self.logistics.participant_activated.connect(lambda pid: self.go_to_record("participant", pid))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    # -- loading ------------------------------------------------------------------------------

    def open_event(self, event_id: int) -> None:
        if event_id != self.event_id:
            self.data = None
            self.tabs.setCurrentIndex(self.AGENDA)
        self.event_id = event_id
        self.reload()

    def reload(self) -> None:
        event_id = self.event_id
        if event_id is None:
            return
        self.generation += 1
        generation = self.generation
        self.loading = True
        if self.data is None:
            self.title.setText(self.tr("Loading…"))
            self.info.clear()

        def done(data: EventData) -> None:
            if generation != self.generation:
                return
            self.loading = False
            self.show_data(data)

        def failed(exc: BaseException) -> None:
            if generation != self.generation:
                return
            self.loading = False
            self.ctx.error.emit(error_message(exc))
            self.event_id, self.data = None, None
            self.back.emit()

        self.ctx.read(
            lambda session, _task: load_event_data(session, event_id), done, on_failure=failed, owner=self
        )

    def show_data(self, data: EventData) -> None:
        self.data = data
        event = data.event
        self.title.setText(event.name)
        dates = f"{event.starts_on:%d/%m/%Y}–{event.ends_on:%d/%m/%Y}"
        place = ", ".join(filter(None, [event.venue_name, event.city]))
        self.info.setText(" · ".join(filter(None, [dates, place, event.status.label])))
        self.agenda.set_data(data)
        self.participants.set_data(data)
        self.logistics.set_data(data)
        self.materials.set_data(data)
        self.review.set_data(data)
        self.tabs.setTabText(
            self.PARTICIPANTS, self.tr("Participants (%1)").replace("%1", str(len(data.participants)))
        )
        problems = len(data.problems)
        self.tabs.setTabText(
            self.REVIEW,
            self.tr("Review (%1)").replace("%1", str(problems)) if problems else self.tr("Review"),
        )
        self.agenda.after_reload()
        self.loaded.emit()

    def export(self, key: str, *, prefer_selection: bool = False) -> None:
        """An export of the open event; the participants selected in its tab travel along."""
        if self.data is None:
            return
        source = event_source(self.data, self.participants.selected_ids())
        open_export(self.ctx, key, source, self, prefer_selection=prefer_selection)

    def _edit(self) -> None:
        if self.data is not None:
            self.edit_requested.emit(self.data.event)

    # -- navigation ---------------------------------------------------------------------------

    def go_to_record(self, kind: str, record_id: int) -> bool:
        """Switch to the tab that shows the record and select it."""
        if kind == "participant":
            self.tabs.setCurrentIndex(self.PARTICIPANTS)
            found = self.participants.select_participant(record_id)
            self.participants.table.setFocus()
            return found
        if kind == "session":
            self.tabs.setCurrentIndex(self.AGENDA)
            found = self.agenda.select_session(record_id)
            self.agenda.view.setFocus()
            return found
        if kind == "room":
            self.tabs.setCurrentIndex(self.AGENDA)
            return True
        return False

    def current_tab(self) -> QWidget:
        return self.tabs.currentWidget()
