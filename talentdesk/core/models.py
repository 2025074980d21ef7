"""SQLAlchemy 2 typed models: the schema of a TalentDesk database.

Members carry two derived columns kept up to date on every flush: ``sort_key`` (Spanish name
order in plain binary comparison) and ``search_text`` (folded words and filter words that the
full-text index is built from). Bulk loaders compute them with the same functions.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    event,
    false,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship
from sqlalchemy.sql.elements import ColumnElement

from talentdesk.core.enums import (
    BoardRole,
    ChapterStatus,
    ConsentChannel,
    DegreeLevel,
    Gender,
    MemberStatus,
    OrganizationKind,
    PrintField,
)
from talentdesk.core.errors import ValidationError
from talentdesk.core.i18n import N_, _
from talentdesk.core.text import build_search_text, full_name, name_sort_key

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: Binary collation on PostgreSQL so the sort key orders exactly as on SQLite.
SortKey = String(400).with_variant(String(400, collation="C"), "postgresql")


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def enum_column(kind: type[enum.Enum]) -> Enum:
    return Enum(
        kind,
        values_callable=lambda e: [m.value for m in e],
        native_enum=False,
        create_constraint=False,
        length=24,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


chapter_sectors = Table(
    "chapter_sectors",
    Base.metadata,
    Column("chapter_id", ForeignKey("chapters.id", ondelete="CASCADE"), primary_key=True),
    Column("sector_id", ForeignKey("sectors.id", ondelete="CASCADE"), primary_key=True),
)

organization_sectors = Table(
    "organization_sectors",
    Base.metadata,
    Column("organization_id", ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True),
    Column("sector_id", ForeignKey("sectors.id", ondelete="CASCADE"), primary_key=True),
)

member_contributions = Table(
    "member_contributions",
    Base.metadata,
    Column("member_id", ForeignKey("members.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "contribution_id",
        ForeignKey("contribution_types.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


class Sector(Base):
    """One of the nine PNCS (Puntos Nacionales de Contacto Sectorial)."""

    __tablename__ = "sectors"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    contact_institution: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)

    contacts: Mapped[list[SectorContact]] = relationship(
        back_populates="sector", cascade="all, delete-orphan", order_by="SectorContact.id"
    )


class SectorContact(Base):
    __tablename__ = "sector_contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    sector_id: Mapped[int] = mapped_column(ForeignKey("sectors.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(32))

    sector: Mapped[Sector] = relationship(back_populates="contacts")


#: The built-in contributions (migration 0001), marked for the catalogue: a name the office has
#: not changed is shown in the person's language; a name it typed is shown as typed.
BUILTIN_CONTRIBUTIONS = frozenset(
    {
        N_("Visión estratégica"),
        N_("Promoción de las capacidades de México"),
        N_("Alianzas estratégicas"),
        N_("Aprendizaje de mejores prácticas"),
        N_("Transferencia de conocimiento y desarrollo de habilidades"),
        N_("Proyectos específicos"),
        N_("Mentoría a empresas mexicanas"),
        N_("Misiones comerciales y de aprendizaje de negocios"),
        N_("Mentoría de programas académicos"),
        N_("Orientación sobre habilidades que demanda el mercado laboral"),
        N_("Pasantías y estancias profesionales"),
    }
)


class ContributionType(Base):
    """An *aportación*: what a member offers to contribute."""

    __tablename__ = "contribution_types"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)

    @property
    def label(self) -> str:
        """The name in the person's language (built-in names are translated)."""
        return _(self.name) if self.name in BUILTIN_CONTRIBUTIONS else self.name


class Chapter(Base):
    """An autonomous regional chapter abroad."""

    __tablename__ = "chapters"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    city: Mapped[str | None] = mapped_column(String(120))
    country: Mapped[str | None] = mapped_column(String(2))
    founded_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[ChapterStatus] = mapped_column(enum_column(ChapterStatus), default=ChapterStatus.FORMING)
    contact_email: Mapped[str | None] = mapped_column(String(254))
    notes: Mapped[str | None] = mapped_column(Text)

    sectors: Mapped[list[Sector]] = relationship(secondary=chapter_sectors, order_by=Sector.number)
    board: Mapped[list[BoardPosition]] = relationship(
        back_populates="chapter", cascade="all, delete-orphan", order_by="BoardPosition.id"
    )


class BoardPosition(Base):
    __tablename__ = "board_positions"

    id: Mapped[int] = mapped_column(primary_key=True)
    chapter_id: Mapped[int] = mapped_column(ForeignKey("chapters.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    role: Mapped[BoardRole] = mapped_column(enum_column(BoardRole))
    term_start: Mapped[date | None] = mapped_column(Date)
    term_end: Mapped[date | None] = mapped_column(Date)

    chapter: Mapped[Chapter] = relationship(back_populates="board")
    member: Mapped[Member] = relationship()


class Organization(Base):
    """A Mexican counterpart: university, company, public agency, research centre."""

    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[OrganizationKind] = mapped_column(
        enum_column(OrganizationKind), default=OrganizationKind.OTHER
    )
    state: Mapped[str | None] = mapped_column(String(120))
    city: Mapped[str | None] = mapped_column(String(120))
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_email: Mapped[str | None] = mapped_column(String(254))
    contact_phone: Mapped[str | None] = mapped_column(String(32))
    notes: Mapped[str | None] = mapped_column(Text)

    sectors: Mapped[list[Sector]] = relationship(secondary=organization_sectors, order_by=Sector.number)


class MemberSector(Base):
    __tablename__ = "member_sectors"
    #: Members by primary sector (the Tablero, the statistics workbook) without reading the table.
    __table_args__ = (Index("ix_member_sectors_primary", "is_primary", "sector_id"),)

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), primary_key=True)
    sector_id: Mapped[int] = mapped_column(
        ForeignKey("sectors.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)

    sector: Mapped[Sector] = relationship()


def primary_link() -> ColumnElement[bool]:
    """"This link is the member's primary sector", for a join or a lookup by member.

    Written as an expression on purpose: a bare ``is_primary IS 1`` is an equality SQLite can
    answer from ``ix_member_sectors_primary``, and without statistics it did — for each member
    it walked every primary link of the table (a million at 1M: the 1M demo never finished, the
    directory by sector and the sector report's directory crawled). Through ``coalesce`` no
    index applies, so each member's links are found by the primary key (member_id first).
    Counting *all* primary links (the Tablero) still says ``is_primary = :primary`` and reads
    that index.
    """
    return func.coalesce(MemberSector.is_primary, False).is_(True)


class Member(Base):
    """A *talento*: a member of the Network."""

    __tablename__ = "members"
    __table_args__ = (
        Index("ix_members_sort_key", "sort_key"),
        Index("ix_members_joined_on", "joined_on"),  # the Tablero's members by year joined
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    given_names: Mapped[str] = mapped_column(String(120))
    paternal_surname: Mapped[str] = mapped_column(String(120))
    maternal_surname: Mapped[str | None] = mapped_column(String(120))
    preferred_name: Mapped[str | None] = mapped_column(String(120))
    gender: Mapped[Gender | None] = mapped_column(enum_column(Gender))
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    phone: Mapped[str | None] = mapped_column(String(32))
    country: Mapped[str | None] = mapped_column(String(2))
    state: Mapped[str | None] = mapped_column(String(120))
    city: Mapped[str | None] = mapped_column(String(120))
    chapter_id: Mapped[int | None] = mapped_column(ForeignKey("chapters.id", ondelete="SET NULL"), index=True)
    expertise: Mapped[str | None] = mapped_column(Text)
    degree_level: Mapped[DegreeLevel | None] = mapped_column(enum_column(DegreeLevel))
    field_of_study: Mapped[str | None] = mapped_column(String(200))
    institution: Mapped[str | None] = mapped_column(String(200))
    employer: Mapped[str | None] = mapped_column(String(200))
    job_title: Mapped[str | None] = mapped_column(String(200))
    languages: Mapped[str | None] = mapped_column(String(200))
    website: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[MemberStatus] = mapped_column(enum_column(MemberStatus), default=MemberStatus.PROSPECT)
    joined_on: Mapped[date | None] = mapped_column(Date)
    directory_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    print_fields_raw: Mapped[str] = mapped_column("print_fields", String(80), default="")
    consent_date: Mapped[date | None] = mapped_column(Date)
    consent_source: Mapped[str | None] = mapped_column(String(200))
    #: Oposición (LFPDPPP): the member asked not to be contacted; no list used for invitations
    #: or that leaves IME includes them (``exports.consent``).
    no_contact: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    #: When the member's personal data was removed (cancelación); None for everyone else.
    anonymized_at: Mapped[datetime | None] = mapped_column(DateTime)
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    sort_key: Mapped[str] = mapped_column(SortKey, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")

    chapter: Mapped[Chapter | None] = relationship()
    sector_links: Mapped[list[MemberSector]] = relationship(
        cascade="all, delete-orphan", order_by=MemberSector.sector_id
    )
    contributions: Mapped[list[ContributionType]] = relationship(
        secondary=member_contributions, order_by=ContributionType.id
    )

    @property
    def print_fields(self) -> list[PrintField]:
        return [PrintField(code) for code in self.print_fields_raw.split(",") if code]

    @print_fields.setter
    def print_fields(self, fields: list[PrintField]) -> None:
        wanted = set(fields)
        self.print_fields_raw = ",".join(f.value for f in PrintField if f in wanted)

    @property
    def full_name(self) -> str:
        return full_name(self.given_names, self.paternal_surname, self.maternal_surname)

    @property
    def sector_ids(self) -> list[int]:
        return [link.sector_id for link in self.sector_links]

    @property
    def primary_sector_id(self) -> int | None:
        return next((link.sector_id for link in self.sector_links if link.is_primary), None)

    def refresh_derived(self) -> None:
        self.sort_key = name_sort_key(self.paternal_surname, self.maternal_surname, self.given_names)
        self.search_text = member_search_text(
            texts=(
                self.given_names,
                self.paternal_surname,
                self.maternal_surname,
                self.preferred_name,
                self.email,
                self.employer,
                self.job_title,
                self.city,
                self.expertise,
            ),
            chapter_id=self.chapter_id,
            sector_ids=self.sector_ids,
            country=self.country,
            status=self.status,
            degree=self.degree_level,
            contribution_ids=[c.id for c in self.contributions],
            directory_consent=self.directory_consent,
        )


def member_search_text(
    *,
    texts: tuple[str | None, ...] | list[str | None],
    chapter_id: int | None,
    sector_ids: list[int],
    country: str | None,
    status: MemberStatus | str | None,
    degree: DegreeLevel | str | None,
    contribution_ids: list[int],
    directory_consent: bool,
) -> str:
    """The words a member is found by; one function for the ORM and the bulk loaders."""
    filters: list[tuple[str, object]] = []
    if chapter_id is not None:
        filters.append(("ch", chapter_id))
    filters += [("se", s) for s in sector_ids]
    if country:
        filters.append(("co", country))
    if status:
        filters.append(("st", _code(status)))
    if degree:
        filters.append(("dg", _code(degree)))
    filters += [("ct", c) for c in contribution_ids]
    filters.append(("dc", 1 if directory_consent else 0))
    return build_search_text(texts, filters)


def _code(value: enum.Enum | str) -> str:
    return str(value.value if isinstance(value, enum.Enum) else value)


class ImportMapping(Base):
    """A saved column mapping of a spreadsheet import, shared by everyone using the database.

    ``columns`` is JSON: ``{"header as written in the file": "field key"}``; headers are
    matched again ignoring accents, case, spaces and punctuation when the mapping is reused.
    """

    __tablename__ = "import_mappings"
    __table_args__ = (UniqueConstraint("kind", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), default="members")
    name: Mapped[str] = mapped_column(String(120))
    columns: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class AuditEntry(Base):
    """One changed field (or a whole create/delete) with who did it and when."""

    __tablename__ = "audit_log"
    #: A record of what happened: undo adds to it, never takes rows back (ops/journal.py).
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"), {"info": {"journal": False}})

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    user: Mapped[str] = mapped_column(String(120))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)


class ConsentChange(Base):
    """One recorded state of a member's consent: who recorded it, when, through what.

    Written by the services whenever the consent (directories, printable fields, no contact) or
    its record (date, stated source) changes; shown on the member form and in the Acceso export.
    """

    __tablename__ = "consent_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    user: Mapped[str] = mapped_column(String(120))
    channel: Mapped[ConsentChannel] = mapped_column(enum_column(ConsentChannel))
    #: What the channel adds: the imported file's name, "deshacer"…
    detail: Mapped[str | None] = mapped_column(String(300))
    directory_consent: Mapped[bool] = mapped_column(Boolean)
    print_fields: Mapped[str] = mapped_column(String(80), default="")
    no_contact: Mapped[bool] = mapped_column(Boolean)
    consent_date: Mapped[date | None] = mapped_column(Date)
    #: The member's "origen del consentimiento" as stated then (e.g. "correo del 12/03/2024").
    source: Mapped[str | None] = mapped_column(String(200))


class ExportLogEntry(Base):
    """One export that carried personal data: who, when, which document, how many people,
    with which filters, to which file. ``member_ids`` holds the members in it, compressed
    (``services.export_log.pack_ids``), so "which exports included me?" can be answered."""

    __tablename__ = "export_log"
    #: A record of what left the office: written outside operations, never taken back by undo.
    __table_args__ = ({"info": {"journal": False}},)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    user: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(40))
    #: "en_curso" while the file is written, "completa" once it is; an entry left "en_curso"
    #: means the outcome was never recorded (the file may exist).
    status: Mapped[str] = mapped_column(String(12))
    people: Mapped[int] = mapped_column(Integer, default=0)
    filters: Mapped[str] = mapped_column(Text, default="{}")
    file_name: Mapped[str] = mapped_column(Text)
    member_count: Mapped[int] = mapped_column(Integer, default=0)
    first_member_id: Mapped[int | None] = mapped_column(Integer)
    last_member_id: Mapped[int | None] = mapped_column(Integer)
    member_ids: Mapped[bytes | None] = mapped_column(LargeBinary)


@event.listens_for(Session, "before_flush")
def _refresh_members(session: Session, _context: Any, _instances: Any) -> None:
    for obj in list(session.new) + list(session.dirty):
        if isinstance(obj, Member):
            obj.refresh_derived()
    # Nothing longer than its column is written, on any engine (core.validation).
    from talentdesk.core.validation import flush_length_errors

    errors = flush_length_errors(session)
    if errors:
        raise ValidationError(errors)


class DocumentSetting(Base):
    """Texts the office shares for its documents (the packets' welcome letter…): kept in the
    database, not on one workstation, so the CLI and every desk print the same letter."""

    __tablename__ = "document_settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class ImportRun(Base):
    """One member import that wrote something: the file, who, when, and what it did, so it can
    be listed and undone as one step later (``services/import_history``)."""

    __tablename__ = "import_runs"
    __table_args__ = ({"info": {"journal": False}},)  # undo marks it, keeps it

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    user: Mapped[str] = mapped_column(String(120))
    file_name: Mapped[str] = mapped_column(String(255))
    rows: Mapped[int] = mapped_column(Integer, default=0)
    created: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)
    undone_by: Mapped[str | None] = mapped_column(String(120))


class ImportRunMember(Base):
    """A member an import created (``before`` empty) or changed (``before``/``after``: JSON of the
    fields it changed, as ``services.members.member_values`` gives them)."""

    __tablename__ = "import_run_members"
    __table_args__ = ({"info": {"journal": False}},)

    run_id: Mapped[int] = mapped_column(ForeignKey("import_runs.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[int] = mapped_column(Integer, primary_key=True)  # no FK: the member may go
    created: Mapped[bool] = mapped_column(Boolean)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
