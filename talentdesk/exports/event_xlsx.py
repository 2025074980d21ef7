"""The spreadsheets of a Jornada: participants, the rooming list per hotel, arrivals and
departures for airport transfers, materials and tasks.

An event is small (hundreds of participants): each export reads the event in a few queries
(participants with their travel and lodging eagerly loaded), then writes. People who declined
or cancelled are left out of the logistics lists (rooming, arrivals): they are not coming;
everyone else who has travel or lodging is listed, with their status, so a booking for
someone not yet confirmed is seen rather than silently dropped.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy.orm import Session

from talentdesk.core.countries import country_name
from talentdesk.core.errors import NotFoundError, TalentDeskError
from talentdesk.core.text import clean, fold, name_sort_key, printable
from talentdesk.db.session import SessionFactory, read_scope
from talentdesk.exports.files import ExportResult, Progress, atomic_output, check_abort
from talentdesk.exports.xlsx import (
    TIME_FORMAT,
    SheetColumn,
    SheetWriter,
    new_workbook,
    save_workbook,
    sheet_title,
    styled_cell,
)
from talentdesk.services.event_view import (
    EventInfo,
    ParticipantRow,
    TaskRow,
    TravelRow,
    load_event,
    load_materials,
    load_participants,
    load_tasks,
)
from talentdesk.services.event_workflow import NOT_COMING

#: Not coming: left out of the rooming list and the transfers.
NO_HOTEL_SHEET = "Sin hotel"
#: The last block of the arrivals and departures sheets: travellers whose time is not known.
NO_TIME = "Sin fecha u hora"
#: What the number in the rooming totals row counts: each guest's nights, added up.
GUEST_NIGHTS = "noches-huésped"

# -- reading --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventSheetData:
    """The event and its participants as the Jornadas window reads them (``event_view``)."""

    event: EventInfo
    participants: tuple[ParticipantRow, ...]  # Spanish name order, with travel and lodging

    def select(self, participant_ids: Sequence[int] | None) -> list[ParticipantRow]:
        """The given participants (all when None) in name order; an id of another event is
        an error rather than a silently shorter list."""
        if participant_ids is None:
            return list(self.participants)
        wanted = set(participant_ids)
        missing = sorted(wanted - {p.id for p in self.participants})
        if missing:
            raise NotFoundError(
                f"El participante con id {missing[0]} no pertenece al evento «{self.event.name}» "
                f"(id {self.event.id})."
            )
        return [p for p in self.participants if p.id in wanted]


def load_sheet_data(session: Session, event_id: int) -> EventSheetData:
    """The event and its participants with travel and lodging, in four queries."""
    return EventSheetData(load_event(session, event_id), load_participants(session, event_id))


def surname_first(p: ParticipantRow) -> str:
    """'Núñez Ávila, María José': the form a list sorted by surname reads best in."""
    surnames = " ".join(s for s in (clean(p.paternal_surname), clean(p.maternal_surname)) if s)
    given = clean(p.given_names)
    return f"{surnames}, {given}" if surnames and given else surnames or given


def needs(p: ParticipantRow) -> str | None:
    parts = []
    if clean(p.dietary_needs):
        parts.append(f"Alimentación: {clean(p.dietary_needs)}")
    if clean(p.accessibility_needs):
        parts.append(f"Accesibilidad: {clean(p.accessibility_needs)}")
    return "; ".join(parts) or None


def nights(check_in: date | None, check_out: date | None) -> int | None:
    """Nights between the dates; None when a date is missing or check-out comes first."""
    if check_in is None or check_out is None or check_out < check_in:
        return None
    return (check_out - check_in).days


def yes_no(value: bool) -> str:
    return "Sí" if value else "No"


def _roommates(people: Sequence[ParticipantRow]) -> dict[int, list[ParticipantRow]]:
    """Who shares a room with whom, whichever of the two records carries the link."""
    by_id = {p.id: p for p in people}
    mates: dict[int, dict[int, ParticipantRow]] = defaultdict(dict)
    for p in people:
        other_id = p.lodging.shares_with_id if p.lodging else None
        if other_id is not None and other_id in by_id:
            mates[p.id][other_id] = by_id[other_id]
            mates[other_id][p.id] = p
    return {pid: sorted(m.values(), key=lambda o: (o.sort_key, o.id)) for pid, m in mates.items()}


def _mates_text(mates: dict[int, list[ParticipantRow]], p: ParticipantRow) -> str | None:
    return "; ".join(surname_first(o) for o in mates.get(p.id, [])) or None


_NUMBER = re.compile(r"(\d+)")


def spanish_key(text: str | None) -> str:
    """A text in Spanish order: accents and case ignored, ñ after n ("Hotel Ñu" after
    "Hotel Nube"), as the name lists and the window's tables sort."""
    return name_sort_key(text, None, None)


def room_key(room: str | None) -> tuple[int, tuple[tuple[int, int | str], ...]]:
    """Rooms in natural order (9 before 10, '2-B' after '2-A'); rooms not yet assigned last."""
    text = clean(room)
    if not text:
        return (1, ())
    parts = tuple((0, int(s)) if s.isdecimal() else (1, spanish_key(s)) for s in _NUMBER.split(text) if s)
    return (0, parts)


# -- writing --------------------------------------------------------------------------------------


@contextmanager
def _workbook(
    sessions: SessionFactory, out_path: Path | str, abort: threading.Event | None
) -> Iterator[tuple[Session, Workbook, list[SheetWriter], Path]]:
    """A read session, a write-only workbook and the temporary file; on failure every sheet's
    stream is discarded and no file is left behind."""
    check_abort(abort)
    with read_scope(sessions) as session, atomic_output(out_path, suffix=".xlsx") as temp:
        workbook = new_workbook(temp)
        sheets: list[SheetWriter] = []
        try:
            yield session, workbook, sheets, temp
            check_abort(abort)
        except BaseException:
            for sheet in sheets:
                sheet.discard()
            raise
        for sheet in sheets:
            sheet.close()
        save_workbook(workbook, temp)


def _print_header(sheet: SheetWriter, *lines: str) -> None:
    """Printed pages carry the event (and hotel) the list belongs to; '&' is a code there.

    One line: a line break is stored as ``_x000a_``, which LibreOffice prints as it is."""
    text = " · ".join(printable(line).replace("&", "&&") for line in lines if line)
    sheet.sheet.oddHeader.center.text = text
    sheet.sheet.print_title_rows = "1:1"


# -- participants ---------------------------------------------------------------------------------

PARTICIPANT_COLUMNS = (
    SheetColumn("Código", 14),
    SheetColumn("Apellido paterno", 18),
    SheetColumn("Apellido materno", 18),
    SheetColumn("Nombre(s)", 20),
    SheetColumn("Rol", 14),
    SheetColumn("Estatus", 13),
    SheetColumn("Organización", 28),
    SheetColumn("Correo electrónico", 30),
    SheetColumn("Teléfono", 16),
    SheetColumn("País", 16),
    SheetColumn("Necesidades alimentarias", 22),
    SheetColumn("Necesidades de accesibilidad", 22),
    SheetColumn("Vuelo de llegada", 12),
    SheetColumn("Aerolínea de llegada", 14),
    SheetColumn("Llegada", 16),
    SheetColumn("Vuelo de salida", 12),
    SheetColumn("Aerolínea de salida", 14),
    SheetColumn("Salida", 16),
    SheetColumn("Traslado", 9),
    SheetColumn("Hotel", 26),
    SheetColumn("Habitación", 11),
    SheetColumn("Comparte habitación con", 24),
    SheetColumn("Entrada al hotel", 12),
    SheetColumn("Salida del hotel", 12),
    SheetColumn("Noches", 8),
    SheetColumn("Confirmación", 14),
    SheetColumn("Id de miembro", 10),
)


def export_participants_xlsx(
    sessions: SessionFactory,
    event_id: int,
    out_path: Path | str,
    *,
    participant_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    """One row per participant (all, or the given ones) in Spanish name order."""
    with _workbook(sessions, out_path, abort) as (session, workbook, sheets, _temp):
        data = load_sheet_data(session, event_id)
        people = data.select(participant_ids)
        mates = _roommates(data.participants)  # a roommate may be outside the selection
        sheet = SheetWriter(workbook, "Participantes", PARTICIPANT_COLUMNS)
        sheets.append(sheet)
        _print_header(sheet, data.event.title, "Participantes")
        total = len(people)
        for n, p in enumerate(people, start=1):
            t, lodging = p.travel, p.lodging
            sheet.row(
                [
                    p.code,
                    p.paternal_surname,
                    p.maternal_surname,
                    p.given_names,
                    p.role.label,
                    p.status.label,
                    p.organization,
                    p.email,
                    p.phone,
                    (country_name(p.country) or p.country) if p.country else None,
                    p.dietary_needs,
                    p.accessibility_needs,
                    t.arrival_flight if t else None,
                    t.arrival_airline if t else None,
                    t.arrival_at if t else None,
                    t.departure_flight if t else None,
                    t.departure_airline if t else None,
                    t.departure_at if t else None,
                    yes_no(t.needs_transfer) if t else None,
                    lodging.hotel if lodging else None,
                    lodging.room if lodging else None,
                    _mates_text(mates, p),
                    lodging.check_in if lodging else None,
                    lodging.check_out if lodging else None,
                    nights(lodging.check_in, lodging.check_out) if lodging else None,
                    lodging.confirmation if lodging else None,
                    p.member_id,
                ]
            )
            _tick(n, total, progress, abort)
        _done(total, progress)
        listed = [p.id for p in people]
    return ExportResult(Path(out_path), total, participant_ids=listed)


def _tick(n: int, total: int, progress: Progress | None, abort: threading.Event | None) -> None:
    if n % 50 == 0:
        check_abort(abort)
        if progress is not None:
            progress(n, total)


def _done(total: int, progress: Progress | None) -> None:
    if progress is not None:
        progress(total, total)


# -- rooming list ---------------------------------------------------------------------------------

ROOMING_COLUMNS = (
    SheetColumn("Habitación", 11),
    SheetColumn("Huésped", 32),
    SheetColumn("Comparte con", 30),
    SheetColumn("Código", 14),
    SheetColumn("Estatus", 13),
    SheetColumn("Entrada", 12),
    SheetColumn("Salida", 12),
    SheetColumn("Noches", 8),
    SheetColumn("Confirmación", 14),
    SheetColumn("Necesidades", 34),
    SheetColumn("Observaciones", 30),
)


def needs_hotel(p: ParticipantRow) -> bool:
    """Expected, without a hotel, and either from abroad or with a lodging record begun."""
    if p.status in NOT_COMING or (p.lodging is not None and clean(p.lodging.hotel)):
        return False
    return p.lodging is not None or p.from_abroad


def export_rooming_xlsx(
    sessions: SessionFactory,
    event_id: int,
    out_path: Path | str,
    *,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    """The rooming list: one sheet per hotel (guests by room, then name) with a totals row,
    and a "Sin hotel" sheet for those expected who still need one (only if there are any)."""
    with _workbook(sessions, out_path, abort) as (session, workbook, sheets, _temp):
        data = load_sheet_data(session, event_id)
        mates = _roommates([p for p in data.participants if p.status not in NOT_COMING])
        hotels: dict[str, list[ParticipantRow]] = defaultdict(list)
        names: dict[str, str] = {}
        homeless: list[ParticipantRow] = []
        for p in data.participants:
            if p.status in NOT_COMING:
                continue
            hotel = clean(p.lodging.hotel) if p.lodging else ""
            if hotel:
                names.setdefault(fold(hotel), hotel)  # one sheet even if typed two ways
                hotels[fold(hotel)].append(p)
            elif needs_hotel(p):
                homeless.append(p)
        groups = [(names[k], hotels[k]) for k in sorted(hotels, key=lambda k: (spanish_key(names[k]), k))]
        if homeless:
            groups.append((NO_HOTEL_SHEET, homeless))
        if not groups:
            raise TalentDeskError(
                f"El evento «{data.event.name}» no tiene hospedaje registrado: no hay lista de hotel que exportar."
            )
        taken = {NO_HOTEL_SHEET}  # reserved even when unused: a hotel may not take the name
        total = sum(len(g) for _h, g in groups)
        written = 0
        listed: list[int] = []
        for hotel, guests in groups:
            title = NO_HOTEL_SHEET if guests is homeless else sheet_title(hotel, taken)
            sheet = SheetWriter(workbook, title, ROOMING_COLUMNS)
            sheets.append(sheet)
            _print_header(sheet, data.event.title, f"Lista de hospedaje: {hotel}")
            guests.sort(key=lambda p: (room_key(p.lodging.room if p.lodging else None), p.sort_key, p.id))
            guest_nights = 0
            for p in guests:
                lodging = p.lodging
                check_in = lodging.check_in if lodging else None
                check_out = lodging.check_out if lodging else None
                count = nights(check_in, check_out)
                guest_nights += count or 0
                sheet.row(
                    [
                        lodging.room if lodging else None,
                        surname_first(p),
                        _mates_text(mates, p),
                        p.code,
                        p.status.label,
                        check_in,
                        check_out,
                        count,
                        lodging.confirmation if lodging else None,
                        needs(p),
                        _lodging_problem(check_in, check_out, hotel=guests is not homeless),
                    ]
                )
                written += 1
                listed.append(p.id)
                _tick(written, total, progress, abort)
            _totals(sheet, len(guests), guest_nights)
        _done(total, progress)
    return ExportResult(Path(out_path), written, participant_ids=listed)


def _lodging_problem(check_in: date | None, check_out: date | None, *, hotel: bool) -> str | None:
    if check_in and check_out and check_out < check_in:
        return "La salida es anterior a la entrada"
    if hotel and (check_in is None or check_out is None):
        return "Faltan fechas de entrada o salida"
    if check_in and check_out and check_in == check_out:
        return "Entrada y salida el mismo día"
    return None


def _totals(sheet: SheetWriter, guests: int, guest_nights: int) -> None:
    """A bold totals row under the list; outside the autofilter so sorting leaves it last.
    The nights are each guest's nights added up (two guests sharing a room for three nights
    count six), so the unit is written beside the number: it is not the rooms to pay for."""
    bold = [styled_cell(sheet, None, bold=True) for _ in sheet.columns]
    bold[0].value = "Total"
    bold[1].value = f"{guests} huésped{'es' if guests != 1 else ''}"
    bold[7].value = guest_nights
    bold[8].value = GUEST_NIGHTS
    sheet.sheet.append(bold)


# -- arrivals and departures ----------------------------------------------------------------------

MOVEMENT_COLUMNS = (
    SheetColumn("Fecha", 12),
    SheetColumn("Hora", 8),
    SheetColumn("Vuelo", 11),
    SheetColumn("Aerolínea", 14),
    SheetColumn("Aeropuerto", 22),
    SheetColumn("Terminal", 9),
    SheetColumn("Nombre", 32),
    SheetColumn("Teléfono", 16),
    SheetColumn("Traslado", 9),
    SheetColumn("Hotel", 28),
    SheetColumn("Accesibilidad", 22),
    SheetColumn("Código", 14),
)


def export_arrivals_xlsx(
    sessions: SessionFactory,
    event_id: int,
    out_path: Path | str,
    *,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    """Sheets "Llegadas" and "Salidas" for airport transfers: by date and time, a blank row
    between days, real date and time cells; then, after a blank row, a "Sin fecha u hora"
    block of those whose flight (or transfer) is recorded but not the date and time, by
    name, so the transfer team sees them too. Rows = arrivals + departures written.

    An event without any travel to list is an error, as the rooming list is without lodging.
    """
    with _workbook(sessions, out_path, abort) as (session, workbook, sheets, _temp):
        data = load_sheet_data(session, event_id)
        travelling = [
            (p, p.travel) for p in data.participants if p.travel is not None and p.status not in NOT_COMING
        ]
        plans = []
        for title, arriving in (("Llegadas", True), ("Salidas", False)):
            moves = [(at, p, t) for p, t in travelling if (at := _when(t, arriving)) is not None]
            moves.sort(key=lambda m: (m[0], m[1].sort_key, m[1].id))
            untimed = [(p, t) for p, t in travelling if _untimed(t, arriving)]  # already in name order
            plans.append((title, arriving, moves, untimed))
        if not any(moves or untimed for _t, _a, moves, untimed in plans):
            raise TalentDeskError(
                f"El evento «{data.event.name}» no tiene viajes registrados: no hay llegadas ni "
                "salidas que exportar."
            )
        written = 0
        for title, arriving, moves, untimed in plans:
            check_abort(abort)
            sheet = SheetWriter(workbook, title, MOVEMENT_COLUMNS)
            sheets.append(sheet)
            _print_header(sheet, data.event.title, title)
            day: date | None = None
            for at, p, t in moves:
                if day is not None and at.date() != day:
                    sheet.row([None] * len(MOVEMENT_COLUMNS))  # a blank row between days
                day = at.date()
                time_cell = styled_cell(
                    sheet, at.time().replace(second=0, microsecond=0), number_format=TIME_FORMAT
                )
                sheet.row([at.date(), time_cell, *_movement(p, t, arriving)])
                written += 1
            if untimed and moves:
                sheet.row([None] * len(MOVEMENT_COLUMNS))
            for p, t in untimed:
                # the label in the date column: the rows stay marked when sorted or filtered
                sheet.row([NO_TIME, None, *_movement(p, t, arriving)])
                written += 1
            if progress is not None:
                progress(1 if arriving else 2, 2)
        listed = {m[1].id for _t, _a, moves, _u in plans for m in moves} | {
            u[0].id for _t, _a, _m, untimed in plans for u in untimed
        }
    return ExportResult(Path(out_path), written, participant_ids=sorted(listed), people=len(listed))


def _movement(p: ParticipantRow, t: TravelRow, arriving: bool) -> list[object]:
    """The columns after date and time."""
    return [
        t.arrival_flight if arriving else t.departure_flight,
        t.arrival_airline if arriving else t.departure_airline,
        t.arrival_airport if arriving else t.departure_airport,
        t.arrival_terminal if arriving else t.departure_terminal,
        p.name,
        p.phone,
        yes_no(t.needs_transfer),
        p.lodging.hotel if p.lodging else None,
        p.accessibility_needs,
        p.code,
    ]


def _when(t: TravelRow, arriving: bool) -> datetime | None:
    return t.arrival_at if arriving else t.departure_at


def _untimed(t: TravelRow, arriving: bool) -> bool:
    """No date and time for this way, though a flight detail or a transfer is recorded."""
    if _when(t, arriving) is not None:
        return False
    if arriving:
        details = (t.arrival_flight, t.arrival_airline, t.arrival_airport, t.arrival_terminal)
    else:
        details = (t.departure_flight, t.departure_airline, t.departure_airport, t.departure_terminal)
    return t.needs_transfer or any(clean(d) for d in details)


# -- materials and tasks --------------------------------------------------------------------------

MATERIAL_COLUMNS = (
    SheetColumn("Material", 36),
    SheetColumn("Cantidad", 10),
    SheetColumn("Responsable", 26),
    SheetColumn("Estatus", 12),
)
TASK_COLUMNS = (
    SheetColumn("Tarea", 40),
    SheetColumn("Fecha límite", 12),
    SheetColumn("Responsable", 26),
    SheetColumn("Hecha", 8),
)


def export_materials_xlsx(
    sessions: SessionFactory,
    event_id: int,
    out_path: Path | str,
    *,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    """Sheets "Materiales" (as listed in the event) and "Tareas" (by due date; undated last).
    Rows = materials + tasks."""
    with _workbook(sessions, out_path, abort) as (session, workbook, sheets, _temp):
        event = load_event(session, event_id)
        materials = load_materials(session, event_id)
        tasks = sorted(load_tasks(session, event_id), key=_task_order)
        sheet = SheetWriter(workbook, "Materiales", MATERIAL_COLUMNS)
        sheets.append(sheet)
        _print_header(sheet, event.title, "Materiales")
        for m in materials:
            sheet.row([m.item, m.quantity, m.responsible, m.status.label])
        check_abort(abort)
        sheet = SheetWriter(workbook, "Tareas", TASK_COLUMNS)
        sheets.append(sheet)
        _print_header(sheet, event.title, "Tareas")
        for task in tasks:
            sheet.row([task.title, task.due_on, task.responsible, yes_no(task.done)])
        _done(len(materials) + len(tasks), progress)
    return ExportResult(Path(out_path), len(materials) + len(tasks))


def _task_order(task: TaskRow) -> tuple[bool, date, str, int]:
    return (task.due_on is None, task.due_on or date.min, spanish_key(task.title), task.id)
