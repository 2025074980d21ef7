"""Reading the linkage work for lists, forms, the CLI and the histories: plain frozen rows,
never ORM objects, so the GUI can hand them across threads.

Programmes and needs are counted in hundreds or thousands (not millions like members): each
list is one query per table, joined in Python.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from talentdesk.core.enums import DegreeLevel
from talentdesk.core.i18n import _
from talentdesk.core.models import Chapter, ContributionType, Member, Organization, Sector
from talentdesk.core.programs import (
    CandidateStage,
    CandidateStageChange,
    Need,
    NeedCandidate,
    NeedStatus,
    OutcomeKind,
    Program,
    ProgramOutcome,
    ProgramPerson,
    ProgramRole,
    ProgramStatus,
    ProgramStatusChange,
    need_sectors,
    program_chapters,
    program_organizations,
    program_sectors,
)
from talentdesk.core.text import fold, full_name
from talentdesk.services.programs import get_program, list_kinds

# -- programmes list -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ProgramFilter:
    kind_id: int | None = None
    status: ProgramStatus | None = None
    sector_id: int | None = None  # responsible PNCS or one of its sectors
    year: int | None = None  # active at some time that year
    text: str = ""
    organization_id: int | None = None
    chapter_id: int | None = None


@dataclass(frozen=True)
class ProgramRow:
    id: int
    title: str
    kind_id: int
    kind: str
    status: ProgramStatus
    sector_id: int | None
    responsible: str | None  # the PNCS
    sector_ids: tuple[int, ...]
    starts_on: date | None
    ends_on: date | None
    people: int
    organizations: tuple[str, ...]
    chapters: tuple[str, ...]
    outcomes: tuple[tuple[OutcomeKind, int], ...]
    status_changed_at: datetime

    @property
    def years(self) -> str:
        first = self.starts_on.year if self.starts_on else None
        last = self.ends_on.year if self.ends_on else None
        if first and last and first != last:
            return f"{first}–{last}"
        return str(first or last or "")

    @property
    def outcome_text(self) -> str:
        return outcome_summary(self.outcomes)


def outcome_summary(outcomes: Iterable[tuple[OutcomeKind, int]]) -> str:
    """«Estudiantes colocados: 12 · Inversión promovida (USD): 250,000», totals by kind."""
    totals: dict[OutcomeKind, int] = defaultdict(int)
    for kind, quantity in outcomes:
        totals[kind] += quantity
    return " · ".join(f"{kind.label}: {totals[kind]:,}" for kind in OutcomeKind if kind in totals)


def _year_clause(stmt: Select[Any], year: int) -> Select[Any]:
    first, last = date(year, 1, 1), date(year, 12, 31)
    starts = func.coalesce(Program.starts_on, Program.ends_on, func.date(Program.created_at))
    ends = func.coalesce(Program.ends_on, Program.starts_on, func.date(Program.created_at))
    ongoing = and_(Program.ends_on.is_(None), Program.status == ProgramStatus.IN_PROGRESS)
    return stmt.where(starts <= last, or_(ends >= first, and_(ongoing, starts <= last)))


def load_programs(session: Session, wanted: ProgramFilter | None = None) -> list[ProgramRow]:
    """Programmes matching the filter, newest first."""
    f = wanted or ProgramFilter()
    stmt = select(Program.id)
    if f.kind_id is not None:
        stmt = stmt.where(Program.kind_id == f.kind_id)
    if f.status is not None:
        stmt = stmt.where(Program.status == f.status)
    if f.sector_id is not None:
        linked = select(program_sectors.c.program_id).where(program_sectors.c.sector_id == f.sector_id)
        stmt = stmt.where(or_(Program.sector_id == f.sector_id, Program.id.in_(linked)))
    if f.organization_id is not None:
        stmt = stmt.where(
            Program.id.in_(
                select(program_organizations.c.program_id).where(
                    program_organizations.c.organization_id == f.organization_id
                )
            )
        )
    if f.chapter_id is not None:
        stmt = stmt.where(
            Program.id.in_(
                select(program_chapters.c.program_id).where(program_chapters.c.chapter_id == f.chapter_id)
            )
        )
    if f.year is not None:
        stmt = _year_clause(stmt, f.year)
    ids = list(session.scalars(stmt))
    rows = programs_by_id(session, ids)
    words = fold(f.text).split()
    if words:
        rows = [r for r in rows if all(w in _haystack(r) for w in words)]
    return sorted(rows, key=lambda r: (r.starts_on or r.status_changed_at.date(), r.id), reverse=True)


def _haystack(row: ProgramRow) -> str:
    return fold(" ".join([row.title, row.kind, row.responsible or "", *row.organizations, *row.chapters]))


def _chunks(ids: Sequence[int], size: int = 500) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def programs_by_id(session: Session, ids: Sequence[int]) -> list[ProgramRow]:
    """Rows for these programmes (any order), each with its counts and links."""
    if not ids:
        return []
    kinds = {k.id: k.name for k in list_kinds(session)}
    sectors = dict(session.execute(select(Sector.id, Sector.name)).all())
    orgs: dict[int, list[str]] = defaultdict(list)
    chapters: dict[int, list[str]] = defaultdict(list)
    linked_sectors: dict[int, list[int]] = defaultdict(list)
    people: Counter[int] = Counter()
    outcomes: dict[int, list[tuple[OutcomeKind, int]]] = defaultdict(list)
    programs: list[Program] = []
    for chunk in _chunks(list(ids)):
        programs += session.scalars(select(Program).where(Program.id.in_(chunk)))
        for pid, name in session.execute(
            select(program_organizations.c.program_id, Organization.name)
            .join(Organization, Organization.id == program_organizations.c.organization_id)
            .where(program_organizations.c.program_id.in_(chunk))
        ):
            orgs[pid].append(name)
        for pid, name in session.execute(
            select(program_chapters.c.program_id, Chapter.name)
            .join(Chapter, Chapter.id == program_chapters.c.chapter_id)
            .where(program_chapters.c.program_id.in_(chunk))
        ):
            chapters[pid].append(name)
        for pid, sid in session.execute(
            select(program_sectors.c.program_id, program_sectors.c.sector_id).where(
                program_sectors.c.program_id.in_(chunk)
            )
        ):
            linked_sectors[pid].append(sid)
        for pid, count in session.execute(
            select(ProgramPerson.program_id, func.count())
            .where(ProgramPerson.program_id.in_(chunk))
            .group_by(ProgramPerson.program_id)
        ):
            people[pid] = count
        for pid, kind, quantity in session.execute(
            select(ProgramOutcome.program_id, ProgramOutcome.kind, ProgramOutcome.quantity).where(
                ProgramOutcome.program_id.in_(chunk)
            )
        ):
            outcomes[pid].append((kind, quantity))
    return [
        ProgramRow(
            id=p.id,
            title=p.title,
            kind_id=p.kind_id,
            kind=kinds.get(p.kind_id, ""),
            status=p.status,
            sector_id=p.sector_id,
            responsible=sectors.get(p.sector_id) if p.sector_id is not None else None,
            sector_ids=tuple(sorted(linked_sectors[p.id])),
            starts_on=p.starts_on,
            ends_on=p.ends_on,
            people=people[p.id],
            organizations=tuple(sorted(orgs[p.id], key=fold)),
            chapters=tuple(sorted(chapters[p.id], key=fold)),
            outcomes=tuple(outcomes[p.id]),
            status_changed_at=p.status_changed_at,
        )
        for p in programs
    ]


def program_years(session: Session) -> list[int]:
    """Every year some programme started or ended, newest first (for the year filter)."""
    years: set[int] = set()
    for starts, ends in session.execute(select(Program.starts_on, Program.ends_on)):
        years.update(d.year for d in (starts, ends) if d is not None)
    if years:
        years.update(range(min(years), max(years) + 1))
    return sorted(years, reverse=True)


# -- one programme -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonRow:
    id: int
    program_id: int
    member_id: int | None
    name: str  # "(miembro eliminado)" once the member is gone
    role: ProgramRole
    starts_on: date | None
    ends_on: date | None
    hours: float | None
    notes: str | None
    email: str | None = None
    chapter: str | None = None


@dataclass(frozen=True)
class OutcomeRow:
    id: int
    program_id: int
    kind: OutcomeKind
    quantity: int
    achieved_on: date | None
    narrative: str | None


@dataclass(frozen=True)
class ProgramDetail:
    row: ProgramRow
    description: str | None
    organization_ids: tuple[int, ...]
    chapter_ids: tuple[int, ...]
    people: tuple[PersonRow, ...]
    outcomes: tuple[OutcomeRow, ...]
    history: tuple[tuple[ProgramStatus, datetime], ...]
    needs: tuple[tuple[int, str, NeedStatus], ...]
    created_at: datetime
    updated_at: datetime


def deleted_member() -> str:
    return _("(miembro eliminado)")


def program_detail(session: Session, program_id: int) -> ProgramDetail:
    program = get_program(session, program_id)
    row = programs_by_id(session, [program_id])[0]
    people = session.execute(
        select(
            ProgramPerson,
            Member.given_names,
            Member.paternal_surname,
            Member.maternal_surname,
            Member.email,
            Chapter.name,
        )
        .outerjoin(Member, Member.id == ProgramPerson.member_id)
        .outerjoin(Chapter, Chapter.id == Member.chapter_id)
        .where(ProgramPerson.program_id == program_id)
    ).all()
    person_rows = tuple(
        sorted(
            (
                PersonRow(
                    p.id,
                    p.program_id,
                    p.member_id,
                    full_name(given, paternal, maternal) if p.member_id is not None else deleted_member(),
                    p.role,
                    p.starts_on,
                    p.ends_on,
                    p.hours,
                    p.notes,
                    email,
                    chapter,
                )
                for p, given, paternal, maternal, email, chapter in people
            ),
            key=lambda r: (list(ProgramRole).index(r.role), fold(r.name)),
        )
    )
    outcomes = tuple(
        OutcomeRow(o.id, o.program_id, o.kind, o.quantity, o.achieved_on, o.narrative)
        for o in session.scalars(
            select(ProgramOutcome)
            .where(ProgramOutcome.program_id == program_id)
            .order_by(ProgramOutcome.achieved_on.is_(None), ProgramOutcome.achieved_on, ProgramOutcome.id)
        )
    )
    history = tuple(
        (c.status, c.at)
        for c in session.scalars(
            select(ProgramStatusChange)
            .where(ProgramStatusChange.program_id == program_id)
            .order_by(ProgramStatusChange.id)
        )
    )
    needs = tuple(
        (n.id, n.title, n.status)
        for n in session.scalars(select(Need).where(Need.program_id == program_id).order_by(Need.id))
    )
    return ProgramDetail(
        row=row,
        description=program.description,
        organization_ids=tuple(o.id for o in program.organizations),
        chapter_ids=tuple(c.id for c in program.chapters),
        people=person_rows,
        outcomes=outcomes,
        history=history,
        needs=needs,
        created_at=program.created_at,
        updated_at=program.updated_at,
    )


def program_json(detail: ProgramDetail) -> dict[str, Any]:
    """What ``talentdesk programs show --json`` prints: codes for vocabularies, ISO dates."""
    row = detail.row
    return {
        **program_item(row),
        "description": detail.description,
        "organization_ids": list(detail.organization_ids),
        "chapter_ids": list(detail.chapter_ids),
        "people": [
            {
                "id": p.id,
                "member_id": p.member_id,
                "name": p.name,
                "role": p.role.value,
                "starts_on": _iso(p.starts_on),
                "ends_on": _iso(p.ends_on),
                "hours": p.hours,
                "notes": p.notes,
            }
            for p in detail.people
        ],
        "outcomes": [
            {
                "id": o.id,
                "kind": o.kind.value,
                "quantity": o.quantity,
                "achieved_on": _iso(o.achieved_on),
                "narrative": o.narrative,
            }
            for o in detail.outcomes
        ],
        "history": [{"status": s.value, "at": at.isoformat(timespec="seconds")} for s, at in detail.history],
        "needs": [{"id": i, "title": t, "status": s.value} for i, t, s in detail.needs],
    }


def program_item(row: ProgramRow) -> dict[str, Any]:
    """A programme in ``programs list --json``."""
    totals: dict[str, int] = defaultdict(int)
    for kind, quantity in row.outcomes:
        totals[kind.value] += quantity
    return {
        "id": row.id,
        "title": row.title,
        "kind_id": row.kind_id,
        "kind": row.kind,
        "status": row.status.value,
        "sector_id": row.sector_id,
        "responsible": row.responsible,
        "sector_ids": list(row.sector_ids),
        "starts_on": _iso(row.starts_on),
        "ends_on": _iso(row.ends_on),
        "people": row.people,
        "organizations": list(row.organizations),
        "chapters": list(row.chapters),
        "outcomes": dict(totals),
    }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


# -- needs -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NeedFilter:
    status: NeedStatus | None = None
    sector_id: int | None = None
    organization_id: int | None = None
    text: str = ""


@dataclass(frozen=True)
class NeedRow:
    id: int
    title: str
    status: NeedStatus
    source: str  # the PNCS and/or the organisation asking
    sector_id: int | None
    organization_id: int | None
    sector_ids: tuple[int, ...]
    keywords: str | None
    place: str  # country / city / chapter, or "cualquier lugar"
    contribution: str | None
    degree_level: DegreeLevel | None
    languages: str | None
    starts_on: date | None
    ends_on: date | None
    people_wanted: int
    program_id: int | None
    program: str | None
    stages: tuple[tuple[CandidateStage, int], ...]
    created_at: datetime

    @property
    def candidates(self) -> int:
        return sum(n for _stage, n in self.stages)

    def count(self, stage: CandidateStage) -> int:
        return dict(self.stages).get(stage, 0)


def load_needs(session: Session, wanted: NeedFilter | None = None) -> list[NeedRow]:
    f = wanted or NeedFilter()
    stmt = select(Need.id)
    if f.status is not None:
        stmt = stmt.where(Need.status == f.status)
    if f.sector_id is not None:
        linked = select(need_sectors.c.need_id).where(need_sectors.c.sector_id == f.sector_id)
        stmt = stmt.where(or_(Need.sector_id == f.sector_id, Need.id.in_(linked)))
    if f.organization_id is not None:
        stmt = stmt.where(Need.organization_id == f.organization_id)
    rows = needs_by_id(session, list(session.scalars(stmt)))
    words = fold(f.text).split()
    if words:
        rows = [
            r
            for r in rows
            if all(w in fold(f"{r.title} {r.source} {r.keywords or ''} {r.place}") for w in words)
        ]
    return sorted(rows, key=lambda r: (r.created_at, r.id), reverse=True)


def needs_by_id(session: Session, ids: Sequence[int]) -> list[NeedRow]:
    if not ids:
        return []
    sectors = dict(session.execute(select(Sector.id, Sector.name)).all())
    chapters = dict(session.execute(select(Chapter.id, Chapter.name)).all())
    contributions = dict(session.execute(select(ContributionType.id, ContributionType.name)).all())
    from talentdesk.core.countries import country_name

    rows = []
    for chunk in _chunks(list(ids)):
        needs = list(session.scalars(select(Need).where(Need.id.in_(chunk))))
        orgs = dict(
            session.execute(
                select(Organization.id, Organization.name).where(
                    Organization.id.in_({n.organization_id for n in needs if n.organization_id})
                )
            ).all()
        )
        programs = dict(
            session.execute(
                select(Program.id, Program.title).where(
                    Program.id.in_({n.program_id for n in needs if n.program_id})
                )
            ).all()
        )
        linked: dict[int, list[int]] = defaultdict(list)
        for nid, sid in session.execute(
            select(need_sectors.c.need_id, need_sectors.c.sector_id).where(need_sectors.c.need_id.in_(chunk))
        ):
            linked[nid].append(sid)
        stages: dict[int, Counter[CandidateStage]] = defaultdict(Counter)
        for nid, stage, count in session.execute(
            select(NeedCandidate.need_id, NeedCandidate.stage, func.count())
            .where(NeedCandidate.need_id.in_(chunk))
            .group_by(NeedCandidate.need_id, NeedCandidate.stage)
        ):
            stages[nid][stage] = count
        for n in needs:
            source = " · ".join(
                filter(
                    None,
                    [sectors.get(n.sector_id) if n.sector_id else None, orgs.get(n.organization_id or 0)],
                )
            )
            place = ", ".join(
                filter(
                    None,
                    [
                        n.city,
                        (country_name(n.country) or n.country) if n.country else None,
                        _("capítulo {name}").format(name=chapters[n.chapter_id])
                        if n.chapter_id in chapters
                        else None,
                    ],
                )
            ) or _("cualquier lugar")
            rows.append(
                NeedRow(
                    id=n.id,
                    title=n.title,
                    status=n.status,
                    source=source,
                    sector_id=n.sector_id,
                    organization_id=n.organization_id,
                    sector_ids=tuple(sorted(linked[n.id])),
                    keywords=n.keywords,
                    place=place,
                    contribution=contributions.get(n.contribution_id) if n.contribution_id else None,
                    degree_level=n.degree_level,
                    languages=n.languages,
                    starts_on=n.starts_on,
                    ends_on=n.ends_on,
                    people_wanted=n.people_wanted,
                    program_id=n.program_id,
                    program=programs.get(n.program_id) if n.program_id else None,
                    stages=tuple((s, stages[n.id][s]) for s in CandidateStage if stages[n.id][s]),
                    created_at=n.created_at,
                )
            )
    return rows


@dataclass(frozen=True)
class CandidateRow:
    id: int
    need_id: int
    member_id: int
    name: str
    email: str | None
    city: str | None
    chapter: str | None
    stage: CandidateStage
    stage_changed_at: datetime
    added_at: datetime
    reasons: str | None
    notes: str | None
    no_contact: bool
    history: tuple[tuple[CandidateStage, datetime], ...] = field(default=())


@dataclass(frozen=True)
class NeedDetail:
    row: NeedRow
    description: str | None
    country: str | None
    city: str | None
    chapter_id: int | None
    contribution_id: int | None
    candidates: tuple[CandidateRow, ...]


def need_detail(session: Session, need_id: int) -> NeedDetail:
    from talentdesk.services.needs import get_need

    need = get_need(session, need_id)
    row = needs_by_id(session, [need_id])[0]
    history: dict[int, list[tuple[CandidateStage, datetime]]] = defaultdict(list)
    for cid, stage, at in session.execute(
        select(CandidateStageChange.candidate_id, CandidateStageChange.stage, CandidateStageChange.at)
        .join(NeedCandidate, NeedCandidate.id == CandidateStageChange.candidate_id)
        .where(NeedCandidate.need_id == need_id)
        .order_by(CandidateStageChange.id)
    ):
        history[cid].append((stage, at))
    candidates = tuple(
        sorted(
            (
                CandidateRow(
                    c.id,
                    c.need_id,
                    c.member_id,
                    m.full_name,
                    m.email,
                    m.city,
                    chapter,
                    c.stage,
                    c.stage_changed_at,
                    c.added_at,
                    c.reasons,
                    c.notes,
                    bool(m.no_contact),
                    tuple(history[c.id]),
                )
                for c, m, chapter in session.execute(
                    select(NeedCandidate, Member, Chapter.name)
                    .join(Member, Member.id == NeedCandidate.member_id)
                    .outerjoin(Chapter, Chapter.id == Member.chapter_id)
                    .where(NeedCandidate.need_id == need_id)
                )
            ),
            key=lambda r: (list(CandidateStage).index(r.stage), fold(r.name)),
        )
    )
    return NeedDetail(
        row, need.description, need.country, need.city, need.chapter_id, need.contribution_id, candidates
    )


def need_item(row: NeedRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "title": row.title,
        "status": row.status.value,
        "source": row.source,
        "sector_id": row.sector_id,
        "organization_id": row.organization_id,
        "sector_ids": list(row.sector_ids),
        "keywords": row.keywords,
        "place": row.place,
        "contribution": row.contribution,
        "degree_level": row.degree_level.value if row.degree_level else None,
        "languages": row.languages,
        "starts_on": _iso(row.starts_on),
        "ends_on": _iso(row.ends_on),
        "people_wanted": row.people_wanted,
        "program_id": row.program_id,
        "candidates": {stage.value: n for stage, n in row.stages},
    }


def need_json(detail: NeedDetail) -> dict[str, Any]:
    return {
        **need_item(detail.row),
        "description": detail.description,
        "country": detail.country,
        "city": detail.city,
        "chapter_id": detail.chapter_id,
        "contribution_id": detail.contribution_id,
        "candidate_list": [
            {
                "id": c.id,
                "member_id": c.member_id,
                "name": c.name,
                "stage": c.stage.value,
                "stage_changed_at": c.stage_changed_at.isoformat(timespec="seconds"),
                "reasons": c.reasons,
                "notes": c.notes,
                "history": [
                    {"stage": s.value, "at": at.isoformat(timespec="seconds")} for s, at in c.history
                ],
            }
            for c in detail.candidates
        ],
    }
