"""What the small record tables list (chapters, sectors, organisations): plain frozen rows.

The GUI areas read these in the background and the spreadsheet exports (``exports/
reference_xlsx.py``, ``talentdesk export chapters|sectors|organizations``) read the very same
rows, so a file made from the command line lists what the window shows. No ORM object leaves
the loading function, and nothing here knows about Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from talentdesk.core.countries import country_name
from talentdesk.core.enums import BoardRole, ChapterStatus, OrganizationKind
from talentdesk.core.models import BoardPosition, Chapter, Organization
from talentdesk.core.text import fold, name_sort_key
from talentdesk.services import chapters as chapter_service
from talentdesk.services import organizations as organization_service
from talentdesk.services import reference
from talentdesk.services import sectors as sector_service

ROLE_ORDER = {role: i for i, role in enumerate(BoardRole)}


# -- order --------------------------------------------------------------------------------------


def text_key(value: str | None) -> str:
    """One text in Spanish order: accents and case ignored, ñ after n ("Ñuñoa" after "Nuevo")."""
    return name_sort_key(value, None, None)


def cell_key(value: object) -> tuple[int, Any]:
    """How a table column sorts its values: numbers and dates first in their own order, then
    texts in Spanish order, empty cells last. The GUI tables and their exports share it."""
    if value is None or value == "":
        return (2, "")
    if isinstance(value, int | float | date):
        return (0, value)
    return (1, text_key(str(value)))


# -- chapters -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BoardRow:
    id: int
    member_id: int
    member_name: str
    role: BoardRole
    term_start: date | None
    term_end: date | None

    def current(self, today: date) -> bool:
        return (self.term_start is None or self.term_start <= today) and (
            self.term_end is None or today <= self.term_end
        )


@dataclass(frozen=True)
class ChapterRow:
    id: int
    name: str
    city: str | None
    country: str | None
    status: ChapterStatus
    founded_on: date | None
    contact_email: str | None
    notes: str | None
    members: int
    sector_ids: tuple[int, ...]
    sector_names: tuple[str, ...]
    board: tuple[BoardRow, ...]

    @property
    def country_name(self) -> str:
        return country_name(self.country)

    @property
    def place(self) -> str:
        return ", ".join(filter(None, [self.city, self.country_name]))

    def president(self, today: date | None = None) -> str:
        """The president in office today, else the latest one."""
        presidents = [p for p in self.board if p.role is BoardRole.PRESIDENT]
        if not presidents:
            return ""
        now = [p for p in presidents if p.current(today or date.today())]
        latest = max(now or presidents, key=lambda p: p.term_start or date.min)
        return latest.member_name


@dataclass(frozen=True)
class ChapterData:
    chapters: list[ChapterRow]
    sectors: list[tuple[int, str]]  # (id, "1. Name") for the chapter form's checklist


def load_chapters(session: Session) -> ChapterData:
    """Every chapter with its member count, sectors and board, in Spanish order of name."""
    counts = chapter_service.member_counts(session)
    stmt = select(Chapter).options(
        selectinload(Chapter.board).selectinload(BoardPosition.member), selectinload(Chapter.sectors)
    )
    rows = []
    for chapter in session.scalars(stmt):
        board = sorted(
            (
                BoardRow(p.id, p.member_id, p.member.full_name, p.role, p.term_start, p.term_end)
                for p in chapter.board
            ),
            key=lambda b: (ROLE_ORDER[b.role], -(b.term_start or date.min).toordinal(), fold(b.member_name)),
        )
        rows.append(
            ChapterRow(
                id=chapter.id,
                name=chapter.name,
                city=chapter.city,
                country=chapter.country,
                status=chapter.status,
                founded_on=chapter.founded_on,
                contact_email=chapter.contact_email,
                notes=chapter.notes,
                members=counts.get(chapter.id, 0),
                sector_ids=tuple(s.id for s in chapter.sectors),
                sector_names=tuple(s.name for s in chapter.sectors),
                board=tuple(board),
            )
        )
    rows.sort(key=lambda r: (text_key(r.name), r.id))
    return ChapterData(rows, sector_choices(session))


def sector_choices(session: Session) -> list[tuple[int, str]]:
    return [(s.id, f"{s.number}. {s.name}") for s in reference.sectors(session)]


# -- sectors ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContactRow:
    id: int
    sector_id: int
    name: str
    role: str | None
    email: str | None
    phone: str | None


@dataclass(frozen=True)
class SectorRow:
    id: int
    number: int
    name: str
    contact_institution: str | None
    notes: str | None
    members: int
    contacts: tuple[ContactRow, ...]

    @property
    def title(self) -> str:
        return f"{self.number}. {self.name}"


def load_sectors(session: Session) -> list[SectorRow]:
    """The nine sectors by number, with their contacts and member counts."""
    counts = sector_service.member_counts(session)
    return [
        SectorRow(
            id=s.id,
            number=s.number,
            name=s.name,
            contact_institution=s.contact_institution,
            notes=s.notes,
            members=counts.get(s.id, 0),
            contacts=tuple(ContactRow(c.id, s.id, c.name, c.role, c.email, c.phone) for c in s.contacts),
        )
        for s in sector_service.list_sectors(session)
    ]


# -- organisations ------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrganizationRow:
    id: int
    name: str
    kind: OrganizationKind
    state: str | None
    city: str | None
    contact_name: str | None
    contact_email: str | None
    contact_phone: str | None
    notes: str | None
    sector_ids: tuple[int, ...]
    sector_numbers: tuple[int, ...]


@dataclass(frozen=True)
class OrganizationData:
    rows: list[OrganizationRow]
    total: int  # organisations in the database, whatever the search
    sectors: list[tuple[int, str]]


def load_organizations(
    session: Session, text: str = "", kind: OrganizationKind | None = None
) -> OrganizationData:
    """The organisations matching what was typed and the kind chosen (all when both are empty)."""
    rows = [
        OrganizationRow(
            id=o.id,
            name=o.name,
            kind=o.kind,
            state=o.state,
            city=o.city,
            contact_name=o.contact_name,
            contact_email=o.contact_email,
            contact_phone=o.contact_phone,
            notes=o.notes,
            sector_ids=tuple(s.id for s in o.sectors),
            sector_numbers=tuple(s.number for s in o.sectors),
        )
        for o in organization_service.search_organizations(session, text, kind)
    ]
    total = int(session.scalar(select(func.count()).select_from(Organization)) or 0)
    return OrganizationData(rows, total, sector_choices(session))
