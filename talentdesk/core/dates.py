"""Dates as Spanish documents write them ("martes 10 de marzo de 2027", "10 y 11 de marzo").

Written out here rather than taken from the system locale: a workstation's locale may be
English, and every document must read the same whoever prints it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

MONTHS = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
WEEKDAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")


def spanish_date(day: date) -> str:
    """'10 de marzo de 2027'."""
    return f"{day.day} de {MONTHS[day.month - 1]} de {day.year}"


def spanish_day(day: date) -> str:
    """'martes 10 de marzo de 2027' (lower case, as inside a sentence; capitalise for a heading)."""
    return f"{WEEKDAYS[day.weekday()]} {spanish_date(day)}"


def spanish_date_range(start: date, end: date) -> str:
    """The dates of an event as written alone: '10 de marzo de 2027', '10 y 11 de marzo de 2027',
    'del 10 al 12 de marzo de 2027', 'del 30 de marzo al 1 de abril de 2027'."""
    if end <= start:
        return spanish_date(start)
    if start.year != end.year:
        return f"del {spanish_date(start)} al {spanish_date(end)}"
    if start.month != end.month:
        return f"del {start.day} de {MONTHS[start.month - 1]} al {spanish_date(end)}"
    if (end - start).days == 1:
        return f"{start.day} y {spanish_date(end)}"
    return f"del {start.day} al {spanish_date(end)}"


def spanish_dates_phrase(start: date, end: date) -> str:
    """The same inside a sentence ('celebrada …'): 'el 10 de marzo de 2027',
    'los días 10 y 11 de marzo de 2027', 'del 10 al 12 de marzo de 2027'."""
    text = spanish_date_range(start, end)
    if end <= start:
        return f"el {text}"
    if text.startswith("del "):
        return text
    return f"los días {text}"


def time_range(starts_at: datetime, ends_at: datetime) -> str:
    """'9:30–10:45' (24-hour clock, as programmes in Mexico print it)."""
    return f"{starts_at.hour}:{starts_at.minute:02d}–{ends_at.hour}:{ends_at.minute:02d}"


def local_stamp(moment: datetime) -> str:
    """A stored moment (naive UTC, as every ``at``/``created_at`` column keeps it) as the
    workstation's local "dd/mm/yyyy hh:mm"."""
    return moment.replace(tzinfo=UTC).astimezone().strftime("%d/%m/%Y %H:%M")
