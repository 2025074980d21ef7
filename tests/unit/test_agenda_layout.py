"""The agenda's day grid (core.agenda_layout), headless: lanes per room, extra lanes where
sessions overlap in one room, the time range every day shares, sessions outside the day or the
grid."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from talentdesk.core.agenda_layout import (
    DAY_MINUTES,
    SLOT_MINUTES,
    DayLayout,
    Lane,
    layout_day,
    minute_of_day,
    time_range,
)

DAY = date(2027, 3, 10)
NEXT = date(2027, 3, 11)


@dataclass(frozen=True)
class Room:
    id: int
    name: str


@dataclass(frozen=True)
class Item:
    id: int
    starts_at: datetime
    ends_at: datetime
    room_id: int | None


ROOMS = (Room(1, "Sala A"), Room(2, "Sala B"))


def at(hh: int, mm: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hh, mm))


def cells(layout: DayLayout[Item]) -> dict[int, tuple[int, int, int]]:
    """session id -> (first slot, lane, slots spanned)."""
    return {p.session.id: (p.row, p.column, p.span) for p in layout.placements}


def test_a_lane_per_room_and_sessions_at_their_slots() -> None:
    sessions = [Item(1, at(9), at(10), 1), Item(2, at(9, 30), at(11, 15), 2), Item(3, at(10), at(10, 5), 1)]
    layout = layout_day(sessions, ROOMS, DAY)
    assert layout.first_minute == 8 * 60
    assert layout.slots == (18 - 8) * 60 // SLOT_MINUTES
    assert layout.lanes == (Lane(1, "Sala A", 0), Lane(2, "Sala B", 0))
    # 9:00 is slot 4; an hour is 4 slots; 9:30–11:15 is 7; five minutes still take a slot
    assert cells(layout) == {1: (4, 0, 4), 2: (6, 1, 7), 3: (8, 0, 1)}
    assert layout.slot_time(4) == time(9, 0)


def test_overlapping_sessions_in_one_room_get_extra_lanes() -> None:
    sessions = [
        Item(1, at(9), at(11), 1),
        Item(2, at(10), at(12), 1),  # overlaps 1: second lane
        Item(3, at(10, 30), at(11), 1),  # overlaps 1 and 2: third lane
        Item(4, at(11), at(12), 1),  # starts as 1 ends: back in the first lane
        Item(5, at(12), at(13), 1),  # every lane free: the first
        Item(6, at(9), at(10), 2),
    ]
    layout = layout_day(sessions, ROOMS, DAY)
    assert layout.lanes == (
        Lane(1, "Sala A", 0),
        Lane(1, "Sala A", 1),
        Lane(1, "Sala A", 2),
        Lane(2, "Sala B", 0),
    )
    lanes = {sid: column for sid, (_row, column, _span) in cells(layout).items()}
    assert lanes == {1: 0, 2: 1, 3: 2, 4: 0, 5: 0, 6: 3}


def test_same_start_is_ordered_by_end_then_id() -> None:
    sessions = [Item(7, at(9), at(11), 1), Item(3, at(9), at(10), 1), Item(2, at(9), at(10), 1)]
    lanes = {sid: column for sid, (_r, column, _s) in cells(layout_day(sessions, ROOMS, DAY)).items()}
    assert lanes == {2: 0, 3: 1, 7: 2}


def test_rooms_without_sessions_keep_a_lane_and_roomless_sessions_get_one_only_that_day() -> None:
    sessions = [Item(1, at(9), at(10), None), Item(2, at(9), at(10), 1), Item(3, at(9), at(10), None)]
    layout = layout_day(sessions, ROOMS, DAY)
    assert layout.lanes == (Lane(1, "Sala A", 0), Lane(2, "Sala B", 0), Lane(None, "", 0), Lane(None, "", 1))
    assert cells(layout)[3] == (4, 3, 4)
    other = layout_day([*sessions, Item(4, at(9, day=NEXT), at(10, day=NEXT), 2)], ROOMS, NEXT)
    assert other.lanes == (Lane(1, "Sala A", 0), Lane(2, "Sala B", 0))  # no roomless session that day
    assert cells(other) == {4: (4, 1, 4)}


def test_every_day_shares_the_range_the_whole_event_needs() -> None:
    early = Item(1, at(7, 30, NEXT), at(8, 30, NEXT), 1)  # another day, before 8:00
    late = Item(2, at(17), at(18, 20), 2)  # after 18:00
    assert time_range([]) == (8 * 60, 18 * 60)
    assert time_range([early, late]) == (7 * 60, 19 * 60)
    layout = layout_day([early, late], ROOMS, DAY)
    assert (layout.first_minute, layout.slots) == (7 * 60, 12 * 60 // SLOT_MINUTES)
    assert cells(layout) == {2: (40, 1, 6)}  # only this day's; 17:00 is slot 40 from 7:00


def test_a_session_past_midnight_is_cut_at_the_end_of_the_grid() -> None:
    night = Item(1, at(22), at(1, 30, NEXT), 1)
    assert minute_of_day(night.ends_at, DAY) == DAY_MINUTES
    assert minute_of_day(night.starts_at, NEXT) == 0
    assert time_range([night]) == (8 * 60, DAY_MINUTES)
    layout = layout_day([night], ROOMS, DAY)
    assert layout.slots == 16 * 60 // SLOT_MINUTES
    assert cells(layout) == {1: (56, 0, 8)}  # 22:00 to midnight
    assert layout.slot_time(layout.slots) == time(23, 59)
    assert layout_day([night], ROOMS, NEXT).placements == ()  # shown on the day it starts


def test_sessions_in_an_unknown_room_are_not_placed() -> None:
    layout = layout_day([Item(1, at(9), at(10), 99)], ROOMS, DAY)
    assert layout.placements == ()
    assert [lane.room_id for lane in layout.lanes] == [1, 2]
