"""What a member, an organisation or a chapter has done with the Network, across the years:
every linkage programme and every Jornada, with the role taken and what came of it.

Each function returns plain rows, newest first, for the member form, the organisation and
chapter panes and the CLI. Programme and Jornada tables are small (thousands of rows), so a
chapter with fifty thousand members is read from the participations' side.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from talentdesk.core.enums import ParticipantRole, ParticipantStatus
from talentdesk.core.events import AgendaSession, Event, Participant, session_speakers
from talentdesk.core.i18n import _, ngettext
from talentdesk.core.models import Member
from talentdesk.core.programs import (
    CandidateStage,
    Need,
    NeedCandidate,
    OutcomeKind,
    Program,
    ProgramKind,
    ProgramOutcome,
    ProgramPerson,
    ProgramRole,
    program_chapters,
    program_organizations,
)
from talentdesk.core.text import fold
from talentdesk.services.program_views import outcome_summary

PROGRAM, JORNADA, NEED = "programa", "jornada", "solicitud"


@dataclass(frozen=True)
class HistoryRow:
    kind: str  # PROGRAM, JORNADA or NEED: what ``record_id`` points at
    record_id: int
    starts_on: date | None
    ends_on: date | None
    what: str  # the programme's kind, "Jornada Informativa", "Solicitud"
    title: str
    role: str
    status: str
    outcome: str

    @property
    def year(self) -> int | None:
        day = self.starts_on or self.ends_on
        return day.year if day else None

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "id": self.record_id,
            "year": self.year,
            "starts_on": self.starts_on.isoformat() if self.starts_on else None,
            "ends_on": self.ends_on.isoformat() if self.ends_on else None,
            "what": self.what,
            "title": self.title,
            "role": self.role,
            "status": self.status,
            "outcome": self.outcome,
        }


def _newest_first(rows: Iterable[HistoryRow]) -> list[HistoryRow]:
    return sorted(rows, key=lambda r: (r.starts_on or r.ends_on or date.min, r.record_id), reverse=True)


def _programs(session: Session, ids: Iterable[int]) -> dict[int, tuple[Program, str, str]]:
    """Programme, kind name and outcome summary for each id."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    kinds = dict(session.execute(select(ProgramKind.id, ProgramKind.name)).all())
    outcomes: dict[int, list[tuple[OutcomeKind, int]]] = defaultdict(list)
    for pid, kind, quantity in session.execute(
        select(ProgramOutcome.program_id, ProgramOutcome.kind, ProgramOutcome.quantity).where(
            ProgramOutcome.program_id.in_(wanted)
        )
    ):
        outcomes[pid].append((kind, quantity))
    return {
        p.id: (p, kinds.get(p.kind_id, ""), outcome_summary(outcomes[p.id]))
        for p in session.scalars(select(Program).where(Program.id.in_(wanted)))
    }


def _program_row(entry: tuple[Program, str, str], role: str) -> HistoryRow:
    program, kind, outcome = entry
    return HistoryRow(
        PROGRAM,
        program.id,
        program.starts_on,
        program.ends_on,
        kind,
        program.title,
        role,
        program.status.label,
        outcome,
    )


def _event_title(event: Event) -> str:
    return (
        f"{event.name} {event.edition}" if event.edition and event.edition not in event.name else event.name
    )


def _jornada() -> str:
    return _("Jornada Informativa")


def _role_counts(roles: Counter[str]) -> str:
    return ", ".join(
        f"{label}: {n}" for label, n in sorted(roles.items(), key=lambda item: (-item[1], item[0]))
    )


# -- a member ------------------------------------------------------------------------------------


def member_history(session: Session, member_id: int) -> list[HistoryRow]:
    people = list(session.scalars(select(ProgramPerson).where(ProgramPerson.member_id == member_id)))
    programs = _programs(session, (p.program_id for p in people))
    rows = []
    for person in people:
        role = person.role.label
        if person.hours:
            role += " · " + _("{hours:g} h").format(hours=person.hours)
        rows.append(_program_row(programs[person.program_id], role))

    participants = session.execute(
        select(Participant, Event)
        .join(Event, Event.id == Participant.event_id)
        .where(Participant.member_id == member_id)
    ).all()
    spoke: dict[int, list[str]] = defaultdict(list)
    ids = [p.id for p, _e in participants]
    if ids:
        for pid, title in session.execute(
            select(session_speakers.c.participant_id, AgendaSession.title)
            .join(AgendaSession, AgendaSession.id == session_speakers.c.session_id)
            .where(session_speakers.c.participant_id.in_(ids))
        ):
            spoke[pid].append(title)
        for pid, title in session.execute(
            select(AgendaSession.moderator_id, AgendaSession.title).where(AgendaSession.moderator_id.in_(ids))
        ):
            if pid is not None:
                spoke[pid].append(_("modera «{title}»").format(title=title))
    for participant, event in participants:
        rows.append(
            HistoryRow(
                JORNADA,
                event.id,
                event.starts_on,
                event.ends_on,
                _jornada(),
                _event_title(event),
                participant.role.label,
                participant.status.label,
                "; ".join(spoke[participant.id]),
            )
        )

    for candidate, need in session.execute(
        select(NeedCandidate, Need)
        .join(Need, Need.id == NeedCandidate.need_id)
        .where(NeedCandidate.member_id == member_id)
    ).all():
        rows.append(
            HistoryRow(
                NEED,
                need.id,
                need.starts_on or candidate.added_at.date(),
                need.ends_on,
                _("Solicitud"),
                need.title,
                _("Candidato"),
                candidate.stage.label,
                need.status.label,
            )
        )
    return _newest_first(rows)


# -- an organisation -----------------------------------------------------------------------------


def organization_history(session: Session, organization_id: int) -> list[HistoryRow]:
    from talentdesk.services.organizations import get_organization

    organization = get_organization(session, organization_id)
    linked = session.scalars(
        select(program_organizations.c.program_id).where(
            program_organizations.c.organization_id == organization_id
        )
    )
    programs = _programs(session, linked)
    rows = [_program_row(entry, _("Organización participante")) for entry in programs.values()]
    rows += _need_rows(session, select(Need).where(Need.organization_id == organization_id), _("Pide"))

    # Guests from Mexico register the organisation they come from as text: match it by name.
    wanted = fold(organization.name)
    names = [
        n
        for n in session.scalars(
            select(Participant.organization).where(Participant.organization.is_not(None)).distinct()
        )
        if n is not None and fold(n) == wanted
    ]
    if names:
        rows += _jornada_groups(
            session,
            select(Participant, Event).where(Participant.organization.in_(names)),
            lambda n: ngettext(
                "{n} persona registrada con esta organización",
                "{n} personas registradas con esta organización",
                n,
            ).format(n=n),
        )
    return _newest_first(rows)


def _need_rows(session: Session, stmt: Select[Need], role: str) -> list[HistoryRow]:
    needs = list(session.scalars(stmt))
    counts: dict[int, Counter[CandidateStage]] = defaultdict(Counter)
    if needs:
        for nid, stage, n in session.execute(
            select(NeedCandidate.need_id, NeedCandidate.stage, func.count())
            .where(NeedCandidate.need_id.in_([n.id for n in needs]))
            .group_by(NeedCandidate.need_id, NeedCandidate.stage)
        ):
            counts[nid][stage] = n
    rows = []
    for need in needs:
        total = sum(counts[need.id].values())
        accepted = counts[need.id][CandidateStage.ACCEPTED]
        outcome = ngettext("{n} candidato", "{n} candidatos", total).format(n=total)
        if total:
            outcome += ", " + ngettext("{n} aceptado", "{n} aceptados", accepted).format(n=accepted)
        rows.append(
            HistoryRow(
                NEED,
                need.id,
                need.starts_on or need.created_at.date(),
                need.ends_on,
                _("Solicitud"),
                need.title,
                role,
                need.status.label,
                outcome,
            )
        )
    return rows


def _jornada_groups(
    session: Session, stmt: Select[Participant, Event], who: Callable[[int], str]
) -> list[HistoryRow]:
    """One row per Jornada: how many people of the group took part, by role and status."""
    by_event: dict[int, tuple[Event, Counter[str], Counter[str]]] = {}
    for participant, event in session.execute(stmt.join(Event, Event.id == Participant.event_id)):
        _e, roles, statuses = by_event.setdefault(event.id, (event, Counter(), Counter()))
        roles[ParticipantRole(participant.role).label] += 1
        statuses[ParticipantStatus(participant.status).label] += 1
    rows = []
    for event, roles, statuses in by_event.values():
        total = sum(roles.values())
        rows.append(
            HistoryRow(
                JORNADA,
                event.id,
                event.starts_on,
                event.ends_on,
                _jornada(),
                _event_title(event),
                f"{who(total)} ({_role_counts(roles)})",
                _role_counts(statuses),
                "",
            )
        )
    return rows


# -- a chapter -----------------------------------------------------------------------------------


def chapter_history(session: Session, chapter_id: int) -> list[HistoryRow]:
    from talentdesk.services.chapters import get_chapter

    get_chapter(session, chapter_id)
    linked = set(
        session.scalars(
            select(program_chapters.c.program_id).where(program_chapters.c.chapter_id == chapter_id)
        )
    )
    by_program: dict[int, Counter[str]] = defaultdict(Counter)
    for program_id, role in session.execute(
        select(ProgramPerson.program_id, ProgramPerson.role)
        .join(Member, Member.id == ProgramPerson.member_id)
        .where(Member.chapter_id == chapter_id)
    ):
        by_program[program_id][ProgramRole(role).label] += 1
    programs = _programs(session, linked | set(by_program))
    rows = []
    for program_id, entry in programs.items():
        parts = [_("Capítulo participante")] if program_id in linked else []
        if by_program[program_id]:
            total = sum(by_program[program_id].values())
            parts.append(
                ngettext("{n} miembro del capítulo", "{n} miembros del capítulo", total).format(n=total)
                + f" ({_role_counts(by_program[program_id])})"
            )
        rows.append(_program_row(entry, "; ".join(parts)))
    rows += _jornada_groups(
        session,
        select(Participant, Event)
        .join(Member, Member.id == Participant.member_id)
        .where(Member.chapter_id == chapter_id),
        lambda n: ngettext("{n} persona del capítulo", "{n} personas del capítulo", n).format(n=n),
    )
    rows += _need_rows(
        session, select(Need).where(Need.chapter_id == chapter_id), _("Busca miembros del capítulo")
    )
    return _newest_first(rows)
