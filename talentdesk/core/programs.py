"""Vinculación: linkage programmes, the needs (*solicitudes*) that start them, and saved lists.

A programme (*programa de vinculación*) is the work a PNCS does with the Network: an internship
scheme, mentoring of a Mexican institution, a visit, an evaluation committee… Its kind comes from
a table (built-in kinds plus those the office adds); members take part with a role; outcomes are
typed numbers (students placed, agreements signed, investment…) with a narrative and a date.

A need comes from a PNCS or a Mexican organisation and says who is wanted; candidates move
contactado → interesado → aceptado / declinó, and accepted ones become a programme's people.

Saved lists (a members search kept by name, or chosen member ids) live here too: they are
members' working sets like the candidates of a need.

Status and stage changes keep their date in a history table, like Jornada participants.
People in a programme keep their row when the member is deleted (``member_id`` becomes NULL):
the programme still counts them, anonymously.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from talentdesk.core.enums import DegreeLevel, LabeledEnum
from talentdesk.core.i18n import N_
from talentdesk.core.models import Base, Chapter, ContributionType, Organization, Sector, enum_column, utcnow


class _Vocabulary(LabeledEnum):
    """A closed vocabulary whose Spanish labels are translated below the UI (gettext)."""

    @property
    def source_label(self) -> str:
        return _VOCABULARY[self]


class ProgramStatus(_Vocabulary):
    PROPOSED = "propuesta"
    IN_PROGRESS = "en_curso"
    CONCLUDED = "concluido"
    CANCELLED = "cancelado"


class ProgramRole(_Vocabulary):
    """How a member takes part in a programme."""

    MENTOR = "mentor"
    EVALUATOR = "evaluador"
    SPEAKER = "ponente"
    INTERN_HOST = "anfitrion_pasantes"
    PROJECT_LEAD = "lider_proyecto"
    ADVISER = "asesor"
    COORDINATOR = "coordinador"
    PARTICIPANT = "participante"


class OutcomeKind(_Vocabulary):
    """What an outcome counts; investment in whole pesos or dollars."""

    STUDENTS_PLACED = "estudiantes_colocados"
    STUDENTS_SERVED = "estudiantes_atendidos"
    INSTITUTIONS_MENTORED = "instituciones_mentoradas"
    PROJECTS_EVALUATED = "proyectos_evaluados"
    AGREEMENTS_SIGNED = "convenios_firmados"
    INVESTMENT_MXN = "inversion_mxn"
    INVESTMENT_USD = "inversion_usd"
    TALKS_GIVEN = "platicas"
    ATTENDEES = "asistentes"


class NeedStatus(_Vocabulary):
    OPEN = "abierta"
    COVERED = "cubierta"
    CLOSED = "cerrada"


class CandidateStage(_Vocabulary):
    CONTACTED = "contactado"
    INTERESTED = "interesado"
    ACCEPTED = "aceptado"
    DECLINED = "declino"


class SavedListKind(_Vocabulary):
    SMART = "inteligente"  # a query, evaluated again when opened
    FIXED = "fija"  # chosen member ids


_VOCABULARY: dict[Any, str] = {
    ProgramStatus.PROPOSED: N_("Propuesta"),
    ProgramStatus.IN_PROGRESS: N_("En curso"),
    ProgramStatus.CONCLUDED: N_("Concluido"),
    ProgramStatus.CANCELLED: N_("Cancelado"),
    ProgramRole.MENTOR: N_("Mentor"),
    ProgramRole.EVALUATOR: N_("Evaluador"),
    ProgramRole.SPEAKER: N_("Ponente"),
    ProgramRole.INTERN_HOST: N_("Anfitrión de pasantes"),
    ProgramRole.PROJECT_LEAD: N_("Líder de proyecto"),
    ProgramRole.ADVISER: N_("Asesor"),
    ProgramRole.COORDINATOR: N_("Coordinador"),
    ProgramRole.PARTICIPANT: N_("Participante"),
    OutcomeKind.STUDENTS_PLACED: N_("Estudiantes colocados"),
    OutcomeKind.STUDENTS_SERVED: N_("Estudiantes atendidos"),
    OutcomeKind.INSTITUTIONS_MENTORED: N_("Instituciones mentoradas"),
    OutcomeKind.PROJECTS_EVALUATED: N_("Proyectos evaluados"),
    OutcomeKind.AGREEMENTS_SIGNED: N_("Convenios firmados"),
    OutcomeKind.INVESTMENT_MXN: N_("Inversión promovida (MXN)"),
    OutcomeKind.INVESTMENT_USD: N_("Inversión promovida (USD)"),
    OutcomeKind.TALKS_GIVEN: N_("Pláticas impartidas"),
    OutcomeKind.ATTENDEES: N_("Asistentes"),
    NeedStatus.OPEN: N_("Abierta"),
    NeedStatus.COVERED: N_("Cubierta"),
    NeedStatus.CLOSED: N_("Cerrada"),
    CandidateStage.CONTACTED: N_("Contactado"),
    CandidateStage.INTERESTED: N_("Interesado"),
    CandidateStage.ACCEPTED: N_("Aceptado"),
    CandidateStage.DECLINED: N_("Declinó"),
    SavedListKind.SMART: N_("Búsqueda guardada"),
    SavedListKind.FIXED: N_("Lista fija"),
}

program_sectors = Table(
    "program_sectors",
    Base.metadata,
    Column("program_id", ForeignKey("programs.id", ondelete="CASCADE"), primary_key=True),
    Column("sector_id", ForeignKey("sectors.id", ondelete="CASCADE"), primary_key=True, index=True),
)
program_organizations = Table(
    "program_organizations",
    Base.metadata,
    Column("program_id", ForeignKey("programs.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "organization_id", ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)
program_chapters = Table(
    "program_chapters",
    Base.metadata,
    Column("program_id", ForeignKey("programs.id", ondelete="CASCADE"), primary_key=True),
    Column("chapter_id", ForeignKey("chapters.id", ondelete="CASCADE"), primary_key=True, index=True),
)
need_sectors = Table(
    "need_sectors",
    Base.metadata,
    Column("need_id", ForeignKey("needs.id", ondelete="CASCADE"), primary_key=True),
    Column("sector_id", ForeignKey("sectors.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class ProgramKind(Base):
    """A kind of programme: the built-in ones (``builtin``, code fixed) and those the office adds."""

    __tablename__ = "program_kinds"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)


class Program(Base):
    __tablename__ = "programs"
    __table_args__ = (Index("ix_programs_status_starts", "status", "starts_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind_id: Mapped[int] = mapped_column(ForeignKey("program_kinds.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    #: The PNCS responsible (a sector and its contact institution).
    sector_id: Mapped[int | None] = mapped_column(ForeignKey("sectors.id", ondelete="SET NULL"), index=True)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[ProgramStatus] = mapped_column(enum_column(ProgramStatus), default=ProgramStatus.PROPOSED)
    status_changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    kind: Mapped[ProgramKind] = relationship()
    responsible: Mapped[Sector | None] = relationship()
    sectors: Mapped[list[Sector]] = relationship(secondary=program_sectors, order_by=Sector.number)
    organizations: Mapped[list[Organization]] = relationship(
        secondary=program_organizations, order_by=Organization.name
    )
    chapters: Mapped[list[Chapter]] = relationship(secondary=program_chapters, order_by=Chapter.name)
    people: Mapped[list[ProgramPerson]] = relationship(
        back_populates="program", cascade="all, delete-orphan", order_by="ProgramPerson.id"
    )
    outcomes: Mapped[list[ProgramOutcome]] = relationship(
        back_populates="program", cascade="all, delete-orphan", order_by="ProgramOutcome.id"
    )
    history: Mapped[list[ProgramStatusChange]] = relationship(
        back_populates="program", cascade="all, delete-orphan", order_by="ProgramStatusChange.id"
    )


class ProgramStatusChange(Base):
    """The date of each status change of a programme (and the status it was created with)."""

    __tablename__ = "program_status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("programs.id", ondelete="CASCADE"), index=True)
    status: Mapped[ProgramStatus] = mapped_column(enum_column(ProgramStatus))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    program: Mapped[Program] = relationship(back_populates="history")


class ProgramPerson(Base):
    """A member taking part in a programme with a role. ``member_id`` is NULL once the member was
    deleted: the programme keeps counting the participation, anonymously."""

    __tablename__ = "program_people"
    __table_args__ = (UniqueConstraint("program_id", "member_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("programs.id", ondelete="CASCADE"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"), index=True)
    role: Mapped[ProgramRole] = mapped_column(enum_column(ProgramRole), default=ProgramRole.PARTICIPANT)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    hours: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str | None] = mapped_column(Text)

    program: Mapped[Program] = relationship(back_populates="people")


class ProgramOutcome(Base):
    """One counted result of a programme, dated, with what it means in words."""

    __tablename__ = "program_outcomes"

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("programs.id", ondelete="CASCADE"), index=True)
    kind: Mapped[OutcomeKind] = mapped_column(enum_column(OutcomeKind))
    quantity: Mapped[int] = mapped_column(Integer)
    achieved_on: Mapped[date | None] = mapped_column(Date)
    narrative: Mapped[str | None] = mapped_column(Text)

    program: Mapped[Program] = relationship(back_populates="outcomes")


class Need(Base):
    """A *solicitud*: what a PNCS or a Mexican organisation asks the Network for, and the
    criteria a member should meet (empty criteria mean "any")."""

    __tablename__ = "needs"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    #: Who asks: a PNCS (sector), a Mexican organisation, or both.
    sector_id: Mapped[int | None] = mapped_column(ForeignKey("sectors.id", ondelete="SET NULL"), index=True)
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    keywords: Mapped[str | None] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(2))
    city: Mapped[str | None] = mapped_column(String(120))
    chapter_id: Mapped[int | None] = mapped_column(ForeignKey("chapters.id", ondelete="SET NULL"), index=True)
    contribution_id: Mapped[int | None] = mapped_column(
        ForeignKey("contribution_types.id", ondelete="SET NULL"), index=True
    )
    #: The least degree wanted (a doctorate also meets "maestría").
    degree_level: Mapped[DegreeLevel | None] = mapped_column(enum_column(DegreeLevel))
    languages: Mapped[str | None] = mapped_column(String(200))
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    people_wanted: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[NeedStatus] = mapped_column(enum_column(NeedStatus), default=NeedStatus.OPEN)
    #: The programme the need feeds: accepted candidates become its people.
    program_id: Mapped[int | None] = mapped_column(ForeignKey("programs.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    sector: Mapped[Sector | None] = relationship(foreign_keys=[sector_id])
    organization: Mapped[Organization | None] = relationship()
    chapter: Mapped[Chapter | None] = relationship()
    contribution: Mapped[ContributionType | None] = relationship()
    program: Mapped[Program | None] = relationship()
    sectors: Mapped[list[Sector]] = relationship(secondary=need_sectors, order_by=Sector.number)
    candidates: Mapped[list[NeedCandidate]] = relationship(
        back_populates="need", cascade="all, delete-orphan", order_by="NeedCandidate.id"
    )


class NeedCandidate(Base):
    __tablename__ = "need_candidates"
    __table_args__ = (UniqueConstraint("need_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("needs.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    stage: Mapped[CandidateStage] = mapped_column(
        enum_column(CandidateStage), default=CandidateStage.CONTACTED
    )
    stage_changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    #: Why the member was proposed (the matching's reasons, when it found them).
    reasons: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)

    need: Mapped[Need] = relationship(back_populates="candidates")
    history: Mapped[list[CandidateStageChange]] = relationship(
        back_populates="candidate", cascade="all, delete-orphan", order_by="CandidateStageChange.id"
    )


class CandidateStageChange(Base):
    """The date of each stage of a candidate (the first one: when they were added)."""

    __tablename__ = "need_candidate_stages"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("need_candidates.id", ondelete="CASCADE"), index=True
    )
    stage: Mapped[CandidateStage] = mapped_column(enum_column(CandidateStage))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    candidate: Mapped[NeedCandidate] = relationship(back_populates="history")


class SavedList(Base):
    """A named members list: a search kept as JSON (``query``, evaluated again when opened) or
    chosen members (``SavedListMember``)."""

    __tablename__ = "saved_lists"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[SavedListKind] = mapped_column(enum_column(SavedListKind))
    query: Mapped[str | None] = mapped_column(Text)
    user: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class SavedListMember(Base):
    __tablename__ = "saved_list_members"

    list_id: Mapped[int] = mapped_column(ForeignKey("saved_lists.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
