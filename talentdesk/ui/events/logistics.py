"""Logística: who arrives and leaves each day (for pickups), and hotel occupancy per night.

Everyone not declined or cancelled counts (an invited person's flight and hotel are booked all
the same), each shown with their status; a filter narrows to one status, declined and
cancelled included (bookings that may need cancelling).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from talentdesk.core.enums import ParticipantStatus
from talentdesk.core.text import fold
from talentdesk.services.event_view import EventData
from talentdesk.services.event_workflow import NOT_COMING
from talentdesk.ui.widgets.records import Column, RecordTableModel
from talentdesk.ui.widgets.tables import make_table

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Movement:
    """One arrival or departure."""

    id: int  # the participant
    name: str
    status: ParticipantStatus
    at: datetime
    flight: str
    airline: str
    airport: str
    terminal: str
    needs_transfer: bool


#: Who Logística shows unless a status is chosen: everyone not declined or cancelled.
EXPECTED = frozenset(ParticipantStatus) - NOT_COMING


def movements(
    data: EventData, arrivals: bool, statuses: frozenset[ParticipantStatus] = EXPECTED
) -> list[Movement]:
    out = []
    for p in data.participants:
        t = p.travel
        if p.status not in statuses or t is None:
            continue
        at = t.arrival_at if arrivals else t.departure_at
        if at is None:
            continue
        out.append(
            Movement(
                p.id,
                p.name,
                p.status,
                at,
                (t.arrival_flight if arrivals else t.departure_flight) or "",
                (t.arrival_airline if arrivals else t.departure_airline) or "",
                (t.arrival_airport if arrivals else t.departure_airport) or "",
                (t.arrival_terminal if arrivals else t.departure_terminal) or "",
                t.needs_transfer,
            )
        )
    return sorted(out, key=lambda m: (m.at, fold(m.name)))


@dataclass(frozen=True)
class Occupancy:
    nights: tuple[date, ...]
    hotels: tuple[str, ...]
    guests: dict[tuple[date, str], tuple[str, ...]]  # (night, hotel) -> names


def occupancy(data: EventData, statuses: frozenset[ParticipantStatus] = EXPECTED) -> Occupancy:
    guests: dict[tuple[date, str], list[str]] = {}
    for p in data.participants:
        lodging = p.lodging
        if p.status not in statuses or lodging is None or not lodging.hotel:
            continue
        for night in lodging.nights():
            guests.setdefault((night, lodging.hotel), []).append(p.name)
    nights = tuple(sorted({n for n, _h in guests}))
    hotels = tuple(sorted({h for _n, h in guests}, key=fold))
    return Occupancy(nights, hotels, {k: tuple(sorted(v, key=fold)) for k, v in guests.items()})


class OccupancyModel(QAbstractTableModel):
    """Rows are nights, columns the hotels and a total; a cell is how many guests sleep there."""

    NAMES_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_ = Occupancy((), (), {})
        self.total_header = "Total"

    def set_occupancy(self, value: Occupancy) -> None:
        self.beginResetModel()
        self.data_ = value
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.data_.nights)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.data_.hotels else len(self.data_.hotels) + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            hotels = self.data_.hotels
            if 0 <= section < len(hotels):
                return hotels[section]
            return self.total_header if section == len(hotels) and hotels else None
        if 0 <= section < len(self.data_.nights):
            night = self.data_.nights[section]
            return f"{night:%d/%m/%Y}"
        return None

    def names(self, index: Index) -> tuple[str, ...]:
        if not index.isValid() or not 0 <= index.row() < len(self.data_.nights):
            return ()
        night = self.data_.nights[index.row()]
        hotels = self.data_.hotels
        if index.column() < len(hotels):
            return self.data_.guests.get((night, hotels[index.column()]), ())
        if index.column() == len(hotels):
            return tuple(sorted((n for h in hotels for n in self.data_.guests.get((night, h), ())), key=fold))
        return ()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(len(self.names(index)))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == self.NAMES_ROLE:
            return list(self.names(index))
        return None


class LogisticsTab(QWidget):
    participant_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logistics-tab")
        self.data: EventData | None = None
        self.all_arrivals: list[Movement] = []
        self.all_departures: list[Movement] = []

        self.day = QComboBox()
        self.day.setObjectName("logistics-day")
        self.day.currentIndexChanged.connect(lambda _i: self._show_day())
        self.status = QComboBox()
        self.status.setObjectName("logistics-status")
        self.status.addItem(self.tr("Everyone not declined or cancelled"), None)
        for status in ParticipantStatus:
            self.status.addItem(status.label, status)
        self.status.currentIndexChanged.connect(lambda _i: self._show())
        top = QHBoxLayout()
        day_label = QLabel(self.tr("&Day:"))
        day_label.setBuddy(self.day)
        status_label = QLabel(self.tr("S&tatus:"))
        status_label.setBuddy(self.status)
        top.addWidget(day_label)
        top.addWidget(self.day)
        top.addSpacing(12)
        top.addWidget(status_label)
        top.addWidget(self.status)
        top.addStretch(1)

        self.arrivals_model = self._movement_model()
        self.arrivals = self._movement_table(self.arrivals_model, "arrivals-table")
        self.arrivals_label = QLabel()
        self.arrivals_label.setObjectName("arrivals-count")
        self.departures_model = self._movement_model()
        self.departures = self._movement_table(self.departures_model, "departures-table")
        self.departures_label = QLabel()
        self.departures_label.setObjectName("departures-count")
        arrivals_box = self._box(self.tr("Arrivals"), self.arrivals_label, self.arrivals)
        departures_box = self._box(self.tr("Departures"), self.departures_label, self.departures)

        self.occupancy_model = OccupancyModel(self)
        self.occupancy_model.total_header = self.tr("Total")
        self.occupancy = QTableView()
        self.occupancy.setObjectName("occupancy-table")
        self.occupancy.setModel(self.occupancy_model)
        self.occupancy.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.occupancy.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.occupancy.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.occupancy.horizontalHeader().setHighlightSections(False)
        self.occupancy.verticalHeader().setHighlightSections(False)
        self.occupancy.selectionModel().selectionChanged.connect(lambda *_: self._show_guests())
        self.guests = QListWidget()
        self.guests.setObjectName("occupancy-names")
        self.guests_label = QLabel(self.tr("Select a night and hotel to see its guests."))
        self.guests_label.setObjectName("occupancy-names-title")
        self.guests_label.setWordWrap(True)
        hotel_box = QGroupBox(self.tr("Hotel occupancy per night"))
        hotel_layout = QHBoxLayout(hotel_box)
        hotel_layout.addWidget(self.occupancy, 3)
        guest_column = QVBoxLayout()
        guest_column.addWidget(self.guests_label)
        guest_column.addWidget(self.guests, 1)
        hotel_layout.addLayout(guest_column, 2)

        travel = QSplitter(Qt.Orientation.Horizontal)
        travel.addWidget(arrivals_box)
        travel.addWidget(departures_box)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("logistics-splitter")
        split.addWidget(travel)
        split.addWidget(hotel_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def _movement_model(self) -> RecordTableModel:
        return RecordTableModel(
            [
                Column(self.tr("Time"), lambda m: f"{m.at:%d/%m %H:%M}", sort_key=lambda m: m.at),
                Column(self.tr("Name"), lambda m: m.name),
                Column(self.tr("Status"), lambda m: m.status.label),
                Column(self.tr("Flight"), lambda m: m.flight),
                Column(self.tr("Airline"), lambda m: m.airline),
                Column(self.tr("Airport"), lambda m: m.airport),
                Column(self.tr("Terminal"), lambda m: m.terminal),
                Column(self.tr("Transfer"), lambda m: self.tr("Yes") if m.needs_transfer else self.tr("No")),
            ],
            self,
        )

    def _movement_table(self, model: RecordTableModel, name: str) -> QTableView:
        table = make_table(model, name)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = table.horizontalHeader()
        # Every column as wide as its content, the name right after the time: on a narrow
        # screen the table scrolls sideways instead of cutting the name a pickup is made by.
        header.setStretchLastSection(True)
        for column in range(model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.doubleClicked.connect(lambda index, m=model: self._activated(m, index))
        return table

    def _box(self, title: str, label: QLabel, table: QTableView) -> QGroupBox:
        box = QGroupBox(title)
        column = QVBoxLayout(box)
        column.addWidget(label)
        column.addWidget(table, 1)
        return box

    def _activated(self, model: RecordTableModel, index: QModelIndex) -> None:
        row = model.row(index.row())
        if row is not None:
            self.participant_activated.emit(row.id)

    # -- data ---------------------------------------------------------------------------------

    def set_data(self, data: EventData) -> None:
        self.data = data
        self._show()

    def statuses(self) -> frozenset[ParticipantStatus]:
        chosen = self.status.currentData()
        return EXPECTED if chosen is None else frozenset({chosen})

    def _show(self) -> None:
        """Movements and occupancy of the people the status filter keeps (the day is kept)."""
        if self.data is None:
            return
        statuses = self.statuses()
        self.all_arrivals = movements(self.data, arrivals=True, statuses=statuses)
        self.all_departures = movements(self.data, arrivals=False, statuses=statuses)
        keep = self.day.currentData()
        days = sorted(
            {m.at.date() for m in [*self.all_arrivals, *self.all_departures]} | ({keep} if keep else set())
        )
        self.day.blockSignals(True)
        self.day.clear()
        self.day.addItem(self.tr("All days"), None)
        for d in days:
            self.day.addItem(f"{d:%d/%m/%Y}", d)
        self.day.setCurrentIndex(self._day_index(keep))
        self.day.blockSignals(False)
        self._show_day()
        selected = self.occupancy.currentIndex()
        where = (selected.row(), selected.column()) if selected.isValid() else None
        self.occupancy_model.set_occupancy(occupancy(self.data, statuses))
        if where is not None:
            self.occupancy.setCurrentIndex(self.occupancy_model.index(*where))
        self._show_guests()

    def select_day(self, day: date | None) -> None:
        self.day.setCurrentIndex(self._day_index(day))

    def _day_index(self, day: date | None) -> int:
        return next((i for i in range(1, self.day.count()) if self.day.itemData(i) == day), 0)

    def _show_day(self) -> None:
        day = self.day.currentData()
        arrivals = [m for m in self.all_arrivals if day is None or m.at.date() == day]
        departures = [m for m in self.all_departures if day is None or m.at.date() == day]
        self.arrivals_model.set_rows(arrivals)
        self.departures_model.set_rows(departures)
        for label, rows in ((self.arrivals_label, arrivals), (self.departures_label, departures)):
            transfers = sum(1 for m in rows if m.needs_transfer)
            label.setText(
                self.tr("%n traveller(s)", "", len(rows))
                + " · "
                + self.tr("%n need(s) a transfer", "", transfers)
            )

    def _show_guests(self) -> None:
        index = self.occupancy.currentIndex()
        names = self.occupancy_model.names(index) if self.occupancy.selectionModel().hasSelection() else ()
        self.guests.clear()
        self.guests.addItems(list(names))
        if not index.isValid() or not self.occupancy.selectionModel().hasSelection():
            self.guests_label.setText(self.tr("Select a night and hotel to see its guests."))
            return
        night = self.occupancy_model.headerData(index.row(), Qt.Orientation.Vertical)
        hotel = self.occupancy_model.headerData(index.column(), Qt.Orientation.Horizontal)
        self.guests_label.setText(
            self.tr("Night of %1, %2: %n guest(s)", "", len(names))
            .replace("%1", str(night))
            .replace("%2", str(hotel))
        )
