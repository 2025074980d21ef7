"""Demo linkage work, 2005 to the coming year: programmes of every kind with their people,
outcomes and status history, and the needs that started many of them with their candidates.

Coherent with the rest of the demo: each programme has a responsible PNCS, and its people are
members of that sector (and of its chapters, when it has some); accepted candidates of a need
are the people of the programme it fed. Rows go in with ``bulk_insert`` (a few thousand at
most, whatever the number of members): ``demo --members 1000000`` stays as fast as before.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.core.enums import OrganizationKind
from talentdesk.core.models import (
    Base,
    Chapter,
    ContributionType,
    Member,
    MemberSector,
    Organization,
    Sector,
    primary_link,
    utcnow,
)
from talentdesk.core.programs import (
    CandidateStage,
    NeedStatus,
    OutcomeKind,
    Program,
    ProgramKind,
    ProgramRole,
    ProgramStatus,
)
from talentdesk.db.bulk import bulk_insert
from talentdesk.services import audit
from talentdesk.services.demo_expertise import EXPERTISE

FIRST_YEAR = 2005
#: Members read to staff the programmes: enough variety, one cheap query at any scale.
POOL = 20_000

K, R = OutcomeKind, ProgramRole


@dataclass(frozen=True)
class _Kind:
    """How a demo programme of one kind looks: length in days, who takes part, what it yields."""

    days: tuple[int, int]
    roles: tuple[tuple[ProgramRole, int, int], ...]  # role, at least, at most
    outcomes: tuple[tuple[OutcomeKind, int, int], ...]
    titles: tuple[str, ...]
    contribution: str  # the aportación a need for it asks for
    weight: int
    hours: tuple[int, int]
    org_kinds: tuple[OrganizationKind, ...] = ()


KINDS: dict[str, _Kind] = {
    "pasantia": _Kind(
        (60, 180),
        ((R.INTERN_HOST, 1, 3), (R.COORDINATOR, 0, 1)),
        ((K.STUDENTS_PLACED, 2, 15),),
        ("Pasantías de verano en {sector}", "Estancias profesionales para estudiantes de {org}"),
        "pasantias",
        5,
        (20, 160),
        (OrganizationKind.UNIVERSITY, OrganizationKind.RESEARCH_CENTER),
    ),
    "mentoria": _Kind(
        (90, 360),
        ((R.MENTOR, 1, 3),),
        ((K.INSTITUTIONS_MENTORED, 1, 3), (K.STUDENTS_SERVED, 10, 120)),
        ("Mentoría en {sector} a {org}", "Mentoría a empresas mexicanas de {sector}"),
        "mentoria_academica",
        5,
        (10, 80),
        (OrganizationKind.UNIVERSITY, OrganizationKind.COMPANY),
    ),
    "visita": _Kind(
        (1, 5),
        ((R.SPEAKER, 1, 4),),
        ((K.TALKS_GIVEN, 1, 6), (K.ATTENDEES, 40, 400)),
        ("Ciclo de conferencias de {sector} en {org}", "Visita de expertos en {sector} a México"),
        "promocion_capacidades",
        4,
        (2, 12),
        (OrganizationKind.UNIVERSITY, OrganizationKind.RESEARCH_CENTER),
    ),
    "comite_evaluacion": _Kind(
        (30, 90),
        ((R.EVALUATOR, 3, 6), (R.COORDINATOR, 0, 1)),
        ((K.PROJECTS_EVALUATED, 5, 60),),
        ("Comité de evaluación de proyectos de {sector}", "Evaluación de la convocatoria de {org}"),
        "proyectos_especificos",
        3,
        (4, 30),
        (OrganizationKind.RESEARCH_CENTER,),
    ),
    "mision": _Kind(
        (3, 10),
        ((R.COORDINATOR, 1, 2), (R.PARTICIPANT, 2, 6)),
        ((K.AGREEMENTS_SIGNED, 0, 4), (K.INVESTMENT_USD, 50_000, 5_000_000)),
        ("Misión comercial de {sector} a {chapter}", "Misión de aprendizaje: {sector}"),
        "misiones_comerciales",
        3,
        (8, 60),
        (OrganizationKind.COMPANY,),
    ),
    "innovacion_binacional": _Kind(
        (180, 720),
        ((R.PROJECT_LEAD, 1, 1), (R.ADVISER, 0, 2), (R.PARTICIPANT, 0, 3)),
        ((K.AGREEMENTS_SIGNED, 1, 2), (K.INVESTMENT_MXN, 1_000_000, 50_000_000)),
        ("Proyecto binacional de {sector} con {org}", "Innovación conjunta México–{chapter} en {sector}"),
        "alianzas_estrategicas",
        2,
        (40, 300),
        (OrganizationKind.RESEARCH_CENTER, OrganizationKind.COMPANY, OrganizationKind.UNIVERSITY),
    ),
    "atencion_capitulo": _Kind(
        (30, 120),
        ((R.COORDINATOR, 1, 1), (R.PARTICIPANT, 2, 8)),
        ((K.ATTENDEES, 10, 80),),
        ("Reunión de trabajo del capítulo {chapter}", "Agenda {year} del capítulo {chapter}"),
        "vision_estrategica",
        2,
        (2, 20),
    ),
}
SHORT_SECTOR = {
    1: "cooperación internacional",
    2: "tecnologías de la información",
    3: "salud",
    4: "biotecnología agroalimentaria",
    5: "nanotecnología",
    6: "energía",
    7: "medio ambiente",
    8: "industria automotriz",
    9: "aeronáutica",
}
#: What a need of each sector asks for (words of the demo members' expertise, so they match).
KEYWORDS = {
    1: ("políticas públicas", "emprendimiento", "finanzas"),
    2: ("inteligencia artificial", "aprendizaje automático", "ciberseguridad", "cómputo en la nube"),
    3: ("vacunas", "dispositivos médicos", "salud digital", "biología molecular"),
    4: ("agricultura de precisión", "acuacultura", "biología molecular"),
    5: ("nanomateriales", "semiconductores"),
    6: ("energía solar", "petróleo y gas", "hidrógeno", "baterías"),
    7: ("cambio climático", "energía solar", "políticas públicas"),
    8: ("manufactura avanzada", "baterías", "robótica"),
    9: ("aeronáutica", "manufactura avanzada", "logística"),
}
NARRATIVES = {
    K.STUDENTS_PLACED: "Estudiantes de licenciatura y posgrado recibidos en empresas de la diáspora.",
    K.STUDENTS_SERVED: "Sesiones de orientación con estudiantes del programa.",
    K.INSTITUTIONS_MENTORED: "Planes de trabajo acordados con las instituciones.",
    K.PROJECTS_EVALUATED: "Dictámenes entregados al PNCS.",
    K.AGREEMENTS_SIGNED: "Cartas de intención y convenios de colaboración firmados.",
    K.INVESTMENT_MXN: "Inversión comprometida por los socios mexicanos.",
    K.INVESTMENT_USD: "Inversión promovida durante la misión.",
    K.TALKS_GIVEN: "Conferencias impartidas en universidades y cámaras.",
    K.ATTENDEES: "Asistentes registrados.",
}


@dataclass
class _Rows:
    programs: list[dict[str, Any]] = field(default_factory=list)
    sectors: list[dict[str, Any]] = field(default_factory=list)
    organizations: list[dict[str, Any]] = field(default_factory=list)
    chapters: list[dict[str, Any]] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)
    outcomes: list[dict[str, Any]] = field(default_factory=list)
    needs: list[dict[str, Any]] = field(default_factory=list)
    need_sectors: list[dict[str, Any]] = field(default_factory=list)
    candidates: list[dict[str, Any]] = field(default_factory=list)
    stages: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class DemoPrograms:
    programs: int
    needs: int


def program_count(members: int) -> int:
    """About one programme per 1,500 members, between 40 and 600."""
    return min(600, max(40, members // 1500))


def create_demo_programs(
    session: Session, rng: random.Random, members: int, today: date | None = None
) -> DemoPrograms:
    """Once per database (nothing when it has programmes already or no members)."""
    if members <= 0 or session.scalar(select(func.count()).select_from(Program)):
        return DemoPrograms(0, 0)
    maker = _Maker(session, rng, today or date.today())
    if not maker.pool:
        return DemoPrograms(0, 0)
    count = program_count(members)
    years = list(range(FIRST_YEAR, maker.today.year + 2))
    weights = [1 + (y - FIRST_YEAR) for y in years]  # the Network grows: more work every year
    # One programme every year at least, the rest where the Network was larger.
    for year in sorted(years + rng.choices(years, weights, k=max(0, count - len(years)))):
        maker.program(year)
    # Work under way today: the board's «En curso» column and this year's figures are not empty.
    for _ in range(max(3, count // 20)):
        starts = maker.today - timedelta(days=rng.randint(20, 150))
        maker.program(starts.year, starts=starts, ends=maker.today + timedelta(days=rng.randint(30, 240)))
    conn = session.connection()
    rows = maker.rows
    tables = Base.metadata.tables
    for name, data in (
        ("programs", rows.programs),
        ("program_sectors", rows.sectors),
        ("program_organizations", rows.organizations),
        ("program_chapters", rows.chapters),
        ("program_status_changes", rows.history),
        ("program_people", rows.people),
        ("program_outcomes", rows.outcomes),
        ("needs", rows.needs),
        ("need_sectors", rows.need_sectors),
        ("need_candidates", rows.candidates),
        ("need_candidate_stages", rows.stages),
    ):
        bulk_insert(conn, tables[name], data)
    audit.record_event(
        session,
        "program",
        "demo",
        f"{len(rows.programs)} programas y {len(rows.needs)} solicitudes de demostración",
    )
    return DemoPrograms(len(rows.programs), len(rows.needs))


class _Maker:
    def __init__(self, session: Session, rng: random.Random, today: date) -> None:
        self.rng, self.today, self.now = rng, today, utcnow()
        self.rows = _Rows()
        self.kinds = {k.code: k.id for k in session.scalars(select(ProgramKind).where(ProgramKind.builtin))}
        self.kind_codes = [c for c in KINDS if c in self.kinds]
        self.sectors = {s.id: s.number for s in session.scalars(select(Sector))}
        self.chapters = {c.id: c.name for c in session.scalars(select(Chapter))}
        self.contributions = {c.code: c.id for c in session.scalars(select(ContributionType))}
        self.orgs: dict[OrganizationKind, list[tuple[int, str]]] = defaultdict(list)
        for org in session.scalars(select(Organization).order_by(Organization.id)):
            self.orgs[org.kind].append((org.id, org.name))
        self.all_orgs = [o for kind in self.orgs.values() for o in kind]
        self.pool, self.by_sector, self.by_chapter = self._pool(session)
        self.next_program = _next_id(session, "programs")
        self.next_person = _next_id(session, "program_people")
        self.next_outcome = _next_id(session, "program_outcomes")
        self.next_history = _next_id(session, "program_status_changes")
        self.next_need = _next_id(session, "needs")
        self.next_candidate = _next_id(session, "need_candidates")
        self.next_stage = _next_id(session, "need_candidate_stages")

    def _pool(self, session: Session) -> tuple[list[int], dict[int, list[int]], dict[int, list[int]]]:
        """A sample of active members (any status when there are few) with primary sector and chapter."""
        first = session.scalar(select(func.min(Member.id))) or 0
        last = session.scalar(select(func.max(Member.id))) or 0
        span = last - first + 1
        step = max(1, span // POOL)
        stmt = (
            select(Member.id, Member.chapter_id, MemberSector.sector_id)
            .outerjoin(
                MemberSector, (MemberSector.member_id == Member.id) & primary_link()
            )
            .where(Member.anonymized_at.is_(None), Member.no_contact.is_(False))
        )
        sample = list(range(first, last + 1, step))  # every step-th id: primary-key lookups, no scan
        found = [
            row
            for start in range(0, len(sample), 900)
            for row in session.execute(stmt.where(Member.id.in_(sample[start : start + 900])))
        ]
        pool: list[int] = []
        by_sector: dict[int, list[int]] = defaultdict(list)
        by_chapter: dict[int, list[int]] = defaultdict(list)
        for member_id, chapter_id, sector_id in found:
            pool.append(member_id)
            if sector_id is not None:
                by_sector[sector_id].append(member_id)
            if chapter_id is not None:
                by_chapter[chapter_id].append(member_id)
        return pool, by_sector, by_chapter

    # -- one programme -------------------------------------------------------------------------

    def program(self, year: int, starts: date | None = None, ends: date | None = None) -> None:
        """One programme of ``year`` (its dates drawn, unless given)."""
        rng = self.rng
        code = rng.choices(self.kind_codes, [KINDS[c].weight for c in self.kind_codes])[0]
        spec = KINDS[code]
        sector_id = rng.choice(list(self.sectors))
        starts = starts or date(year, 1, 1) + timedelta(days=rng.randrange(365))
        ends = ends or starts + timedelta(days=rng.randint(*spec.days))
        chapter_ids = self._chapters(code)
        org = self._organization(spec)
        status, history = self._status(starts, ends)
        pid = self.next_program
        self.next_program += 1
        chapter = self.chapters[chapter_ids[0]] if chapter_ids else rng.choice(list(self.chapters.values()))
        title = rng.choice(spec.titles).format(
            sector=SHORT_SECTOR.get(self.sectors[sector_id], "vinculación"),
            org=org[1] if org else "instituciones mexicanas",
            chapter=chapter,
            year=year,
        )
        title = title[0].upper() + title[1:]
        self.rows.programs.append(
            {
                "id": pid,
                "kind_id": self.kinds[code],
                "title": f"{title} ({year})",
                "description": "Programa de demostración: datos generados, sin personas reales.",
                "sector_id": sector_id,
                "starts_on": starts if status is not ProgramStatus.PROPOSED else None,
                "ends_on": ends if status in (ProgramStatus.CONCLUDED,) else None,
                "status": status.value,
                "status_changed_at": history[-1][1],
                "created_at": history[0][1],
                "updated_at": history[-1][1],
            }
        )
        if status is ProgramStatus.PROPOSED:  # planned: its dates are what it proposes
            self.rows.programs[-1].update(starts_on=starts, ends_on=ends)
        self.rows.sectors.append({"program_id": pid, "sector_id": sector_id})
        if rng.random() < 0.25:
            other = rng.choice(list(self.sectors))
            if other != sector_id:
                self.rows.sectors.append({"program_id": pid, "sector_id": other})
        if org is not None:
            self.rows.organizations.append({"program_id": pid, "organization_id": org[0]})
        self.rows.chapters += [{"program_id": pid, "chapter_id": c} for c in chapter_ids]
        for hstatus, at in history:
            self.rows.history.append(
                {"id": self.next_history, "program_id": pid, "status": hstatus.value, "at": at}
            )
            self.next_history += 1
        people = self._people(pid, spec, sector_id, chapter_ids, starts, ends, status)
        if status in (ProgramStatus.IN_PROGRESS, ProgramStatus.CONCLUDED):
            self._outcomes(pid, spec, starts, ends, status)
        if rng.random() < 0.55 and status is not ProgramStatus.CANCELLED:
            self._need(pid, code, spec, sector_id, org, chapter_ids, people, starts, status)

    def _chapters(self, code: str) -> list[int]:
        ids = list(self.chapters)
        if code == "atencion_capitulo":
            return [self.rng.choice(ids)]
        if code in ("mision", "innovacion_binacional") or self.rng.random() < 0.3:
            return self.rng.sample(ids, self.rng.choice((1, 1, 2)))
        return []

    def _organization(self, spec: _Kind) -> tuple[int, str] | None:
        choices = [o for kind in spec.org_kinds for o in self.orgs[kind]] or self.all_orgs
        if not spec.org_kinds or not choices:
            return None
        return self.rng.choice(choices)

    def _status(self, starts: date, ends: date) -> tuple[ProgramStatus, list[tuple[ProgramStatus, datetime]]]:
        proposed = _at(starts - timedelta(days=self.rng.randint(15, 90)))
        history = [(ProgramStatus.PROPOSED, proposed)]
        if proposed.date() > self.today or starts > self.today:
            if self.rng.random() < 0.15 and proposed.date() <= self.today:
                history.append(
                    (ProgramStatus.CANCELLED, _at(min(self.today, proposed.date() + timedelta(days=20))))
                )
            return history[-1][0], history
        if self.rng.random() < 0.07:
            history.append((ProgramStatus.CANCELLED, _at(starts)))
            return ProgramStatus.CANCELLED, history
        history.append((ProgramStatus.IN_PROGRESS, _at(starts)))
        if ends <= self.today:
            history.append((ProgramStatus.CONCLUDED, _at(ends)))
        return history[-1][0], history

    def _pick(self, sector_id: int, chapter_ids: list[int], k: int, taken: set[int]) -> list[int]:
        rng = self.rng
        sources = [self.by_chapter[c] for c in chapter_ids if self.by_chapter[c]]
        source = [m for m in (rng.choice(sources) if sources else self.by_sector[sector_id])]
        if sources:  # the chapter's people of the programme's sector first, when there are enough
            in_sector = set(self.by_sector[sector_id])
            both = [m for m in source if m in in_sector]
            source = both if len(both) >= k else source
        if len(source) < k:  # a small chapter (members live near theirs): the sector's people
            source = self.by_sector[sector_id] if len(self.by_sector[sector_id]) >= k else self.pool
        chosen: list[int] = []
        for _ in range(k * 4):
            if len(chosen) == k:
                break
            member = rng.choice(source)
            if member not in taken:
                taken.add(member)
                chosen.append(member)
        return chosen

    def _people(
        self,
        pid: int,
        spec: _Kind,
        sector_id: int,
        chapter_ids: list[int],
        starts: date,
        ends: date,
        status: ProgramStatus,
    ) -> list[int]:
        taken: set[int] = set()
        members: list[int] = []
        for role, low, high in spec.roles:
            for member_id in self._pick(sector_id, chapter_ids, self.rng.randint(low, high), taken):
                done = status is ProgramStatus.CONCLUDED
                self.rows.people.append(
                    {
                        "id": self.next_person,
                        "program_id": pid,
                        "member_id": member_id,
                        "role": role.value,
                        "starts_on": starts if status is not ProgramStatus.PROPOSED else None,
                        "ends_on": ends if done else None,
                        "hours": float(self.rng.randint(*spec.hours)) if done else None,
                        "notes": None,
                    }
                )
                self.next_person += 1
                members.append(member_id)
        return members

    def _outcomes(self, pid: int, spec: _Kind, starts: date, ends: date, status: ProgramStatus) -> None:
        on = ends if status is ProgramStatus.CONCLUDED else min(self.today, starts + timedelta(days=30))
        for kind, low, high in spec.outcomes:
            quantity = self.rng.randint(low, high)
            if kind in (K.INVESTMENT_MXN, K.INVESTMENT_USD):
                quantity = round(quantity, -4)
            self.rows.outcomes.append(
                {
                    "id": self.next_outcome,
                    "program_id": pid,
                    "kind": kind.value,
                    "quantity": quantity,
                    "achieved_on": on,
                    "narrative": NARRATIVES[kind],
                }
            )
            self.next_outcome += 1

    def _need(
        self,
        pid: int,
        code: str,
        spec: _Kind,
        sector_id: int,
        org: tuple[int, str] | None,
        chapter_ids: list[int],
        people: list[int],
        starts: date,
        status: ProgramStatus,
    ) -> None:
        """The solicitud that started the programme: its accepted candidates are its people."""
        rng = self.rng
        # received before the programme starts, and never after today (a proposal for next year)
        created = min(starts - timedelta(days=rng.randint(30, 120)), self.today - timedelta(days=7))
        nid = self.next_need
        self.next_need += 1
        words = KEYWORDS.get(self.sectors[sector_id], tuple(EXPERTISE))
        keywords = ", ".join(rng.sample(words, min(2, len(words))))
        open_need = status is ProgramStatus.PROPOSED
        wanted = max(1, len(people))
        need_status = (
            NeedStatus.OPEN
            if open_need
            else NeedStatus.CLOSED
            if status is ProgramStatus.CONCLUDED
            else NeedStatus.COVERED
        )
        what = SHORT_SECTOR.get(self.sectors[sector_id], "vinculación")
        self.rows.needs.append(
            {
                "id": nid,
                "title": f"Se busca una persona con experiencia en {what}"
                if wanted == 1
                else f"Se buscan {wanted} personas con experiencia en {what}",
                "description": "Solicitud de demostración: datos generados.",
                "sector_id": sector_id,
                "organization_id": org[0] if org else None,
                "keywords": keywords,
                "country": None,
                "city": None,
                "chapter_id": chapter_ids[0] if chapter_ids else None,
                "contribution_id": self.contributions.get(spec.contribution),
                "degree_level": rng.choice((None, "maestria", "doctorado")),
                "languages": rng.choice((None, "es, en")),
                "starts_on": starts,
                "ends_on": None,
                "people_wanted": wanted,
                "status": need_status.value,
                "program_id": pid,
                "created_at": _at(created),
                "updated_at": _at(created),
            }
        )
        self.rows.need_sectors.append({"need_id": nid, "sector_id": sector_id})
        others = self._pick(sector_id, chapter_ids, rng.randint(1, 4), set(people))
        for member_id in people + others:
            if open_need:
                path = [CandidateStage.CONTACTED] + [CandidateStage.INTERESTED] * rng.randint(0, 1)
            elif member_id in people:
                path = [CandidateStage.CONTACTED, CandidateStage.INTERESTED, CandidateStage.ACCEPTED]
            else:
                path = [
                    CandidateStage.CONTACTED,
                    rng.choice((CandidateStage.DECLINED, CandidateStage.INTERESTED)),
                ]
            days = [created + timedelta(days=7 * (n + 1)) for n in range(len(path))]
            days = [min(d, self.today) for d in days]
            cid = self.next_candidate
            self.next_candidate += 1
            self.rows.candidates.append(
                {
                    "id": cid,
                    "need_id": nid,
                    "member_id": member_id,
                    "stage": path[-1].value,
                    "stage_changed_at": _at(days[-1]),
                    "added_at": _at(days[0]),
                    "reasons": None,
                    "notes": None,
                }
            )
            for stage, day in zip(path, days, strict=True):
                self.rows.stages.append(
                    {"id": self.next_stage, "candidate_id": cid, "stage": stage.value, "at": _at(day)}
                )
                self.next_stage += 1


def _at(day: date) -> datetime:
    return datetime.combine(day, time(12))


def _next_id(session: Session, table: str) -> int:
    column = Base.metadata.tables[table].c.id
    return int(session.scalar(select(func.coalesce(func.max(column), 0))) or 0) + 1
