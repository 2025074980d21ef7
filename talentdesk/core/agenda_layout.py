"""The agenda's day grid, without Qt: rows are 15-minute slots, columns are room lanes.

Every day of an event shares one time range (8:00–18:00, widened to the whole hours any session
of the event needs), so switching days keeps the rows in place. Each room gets one lane; two
sessions at once in one room (a double booking) get a second lane for that room, so both stay
visible — interval partitioning: a session goes to the room's first lane free at its start.
Sessions without a room get a lane of their own, only on days that have one. The Jornadas
agenda tab (``ui/events/agenda.py``) draws this layout; it is tested headless here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Generic, Protocol, TypeVar

SLOT_MINUTES = 15
DEFAULT_FIRST = 8 * 60
DEFAULT_LAST = 18 * 60
DAY_MINUTES = 24 * 60


class TimedSession(Protocol):
    """What the layout needs of a session (``ui.events.data.SessionRow`` has it)."""

    @property
    def id(self) -> int: ...

    @property
    def starts_at(self) -> datetime: ...

    @property
    def ends_at(self) -> datetime: ...

    @property
    def room_id(self) -> int | None: ...


class NamedRoom(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...


S = TypeVar("S", bound=TimedSession)


@dataclass(frozen=True)
class Lane:
    room_id: int | None
    room_name: str  # "" for the sessions without a room
    number: int  # 0 for a room's first column, 1+ for sessions that overlap in it


@dataclass(frozen=True)
class Placement(Generic[S]):
    row: int  # the session's first slot
    column: int  # its lane
    span: int  # slots it covers (at least 1)
    session: S


@dataclass(frozen=True)
class DayLayout(Generic[S]):
    day: date
    first_minute: int
    slots: int
    lanes: tuple[Lane, ...]
    placements: tuple[Placement[S], ...]

    def slot_time(self, row: int) -> time:
        """When slot ``row`` starts (23:59 for a slot past midnight)."""
        minutes = self.first_minute + row * SLOT_MINUTES
        return time(min(minutes // 60, 23), minutes % 60 if minutes < DAY_MINUTES else 59)


def minute_of_day(moment: datetime, day: date) -> int:
    """``moment`` as minutes since ``day``'s midnight, clamped to the day (0 before, 1440 after)."""
    if moment.date() < day:
        return 0
    if moment.date() > day:
        return DAY_MINUTES
    return moment.hour * 60 + moment.minute


def time_range(sessions: Iterable[TimedSession]) -> tuple[int, int]:
    """First and last minute of the grid: 8:00–18:00, widened to the whole hours sessions need
    (a session running past midnight widens it to midnight)."""
    first, last = DEFAULT_FIRST, DEFAULT_LAST
    for s in sessions:
        first = min(first, minute_of_day(s.starts_at, s.starts_at.date()) // 60 * 60)
        end = minute_of_day(s.ends_at, s.starts_at.date())
        last = max(last, -(-end // 60) * 60)
    return first, min(last, DAY_MINUTES)


def layout_day(sessions: Sequence[S], rooms: Sequence[NamedRoom], day: date) -> DayLayout[S]:
    """The grid of ``day``: a lane per room (in ``rooms`` order, more where sessions overlap)
    and each session of that day at its first slot, spanning the slots it covers within the
    grid. ``sessions`` are the whole event's (they set the time range); other days' are left out.
    """
    first, last = time_range(sessions)
    slots = max((last - first) // SLOT_MINUTES, 1)
    todays = sorted(
        (s for s in sessions if s.starts_at.date() == day), key=lambda s: (s.starts_at, s.ends_at, s.id)
    )
    columns: list[tuple[int | None, str]] = [(r.id, r.name) for r in rooms]
    if any(s.room_id is None for s in todays):
        columns.append((None, ""))
    lanes: list[Lane] = []
    placements: list[Placement[S]] = []
    for room_id, room_name in columns:
        lane_ends: list[datetime] = []
        mine: list[tuple[int, S]] = []
        for s in (s for s in todays if s.room_id == room_id):
            lane = next((i for i, end in enumerate(lane_ends) if end <= s.starts_at), None)
            if lane is None:
                lane_ends.append(s.ends_at)
                lane = len(lane_ends) - 1
            else:
                lane_ends[lane] = s.ends_at
            mine.append((lane, s))
        base = len(lanes)
        lanes += [Lane(room_id, room_name, n) for n in range(max(len(lane_ends), 1))]
        for lane, s in mine:
            start = max((minute_of_day(s.starts_at, day) - first) // SLOT_MINUTES, 0)
            end = min(-(-(minute_of_day(s.ends_at, day) - first) // SLOT_MINUTES), slots)
            placements.append(Placement(min(start, slots - 1), base + lane, max(end - start, 1), s))
    return DayLayout(day, first, slots, tuple(lanes), tuple(placements))
