"""Realistic demo data (Faker es_MX pools): no real person's data, e-mails on example.* domains.

Built for scale: values come from pools made once, rows go in with Core executemany in
batches, and the derived columns are computed by the same functions the ORM uses.
"""

from __future__ import annotations

import random
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from multiprocessing import get_context
from typing import Any

import phonenumbers
from faker import Faker
from faker.providers.person.es_MX import Provider as MxNames
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.core.enums import BoardRole, ChapterStatus, DegreeLevel, MemberStatus, OrganizationKind
from talentdesk.core.errors import TalentDeskError
from talentdesk.core.jobs import check_abort
from talentdesk.core.models import (
    Base,
    BoardPosition,
    Chapter,
    ContributionType,
    Member,
    Organization,
    Sector,
    SectorContact,
    member_contributions,
    member_search_text,
    utcnow,
)
from talentdesk.core.text import compact, name_sort_key
from talentdesk.db.bulk import bulk_insert
from talentdesk.db.search_index import bulk_member_load, optimize
from talentdesk.services import audit
from talentdesk.services.demo_expertise import EXPERTISE

Progress = Callable[[int, int], None]

BATCH = 25_000
#: Ten times the scale the app is built for (docs/benchmarks.md): more is a typo, not a demo.
MAX_MEMBERS = 10_000_000

#: Demo chapters beside the three founding ones (cities only; no people).
DEMO_CHAPTERS = [
    ("Los Ángeles", "Los Ángeles", "US"),
    ("Chicago", "Chicago", "US"),
    ("Nueva York", "Nueva York", "US"),
    ("Dallas", "Dallas", "US"),
    ("Phoenix", "Phoenix", "US"),
    ("San Diego", "San Diego", "US"),
    ("Boston", "Boston", "US"),
    ("Seattle", "Seattle", "US"),
    ("Atlanta", "Atlanta", "US"),
    ("Washington D.C.", "Washington", "US"),
    ("Toronto", "Toronto", "CA"),
    ("Montreal", "Montreal", "CA"),
    ("Vancouver", "Vancouver", "CA"),
    ("Madrid", "Madrid", "ES"),
    ("Barcelona", "Barcelona", "ES"),
    ("Reino Unido", "Londres", "GB"),
    ("Alemania", "Berlín", "DE"),
    ("Francia", "París", "FR"),
]

PLACES: list[tuple[str, str, str, int]] = [  # country, state, city, weight
    ("US", "California", "San José", 9),
    ("US", "California", "Los Ángeles", 10),
    ("US", "California", "San Diego", 5),
    ("US", "Texas", "Houston", 9),
    ("US", "Texas", "Dallas", 6),
    ("US", "Texas", "Austin", 4),
    ("US", "Texas", "San Antonio", 4),
    ("US", "Michigan", "Detroit", 5),
    ("US", "Illinois", "Chicago", 7),
    ("US", "Nueva York", "Nueva York", 6),
    ("US", "Arizona", "Phoenix", 4),
    ("US", "Massachusetts", "Boston", 3),
    ("US", "Washington", "Seattle", 3),
    ("US", "Georgia", "Atlanta", 2),
    ("US", "Distrito de Columbia", "Washington", 2),
    ("US", "Florida", "Miami", 3),
    ("CA", "Ontario", "Toronto", 4),
    ("CA", "Quebec", "Montreal", 2),
    ("CA", "Columbia Británica", "Vancouver", 2),
    ("ES", "Madrid", "Madrid", 2),
    ("ES", "Cataluña", "Barcelona", 1),
    ("GB", "Inglaterra", "Londres", 2),
    ("DE", "Berlín", "Berlín", 1),
    ("DE", "Baviera", "Múnich", 1),
    ("FR", "Isla de Francia", "París", 1),
    ("NL", "Holanda Septentrional", "Ámsterdam", 1),
    ("CH", "Zúrich", "Zúrich", 1),
    ("JP", "Tokio", "Tokio", 1),
    ("AU", "Nueva Gales del Sur", "Sídney", 1),
    ("CL", "Región Metropolitana", "Santiago", 1),
    ("BR", "São Paulo", "São Paulo", 1),
]

#: Job titles as a man's and a woman's (the same when the title has one form): a member's title
#: agrees with their gender.
JOB_TITLES: list[tuple[str, str]] = [
    ("Ingeniero de software", "Ingeniera de software"),
    ("Investigador", "Investigadora"),
    ("Profesor asociado", "Profesora asociada"),
    ("Profesor titular", "Profesora titular"),
    ("Director de ingeniería", "Directora de ingeniería"),
    ("Director de operaciones", "Directora de operaciones"),
    ("Gerente de proyectos", "Gerente de proyectos"),
    ("Científico de datos", "Científica de datos"),
    ("Analista financiero", "Analista financiera"),
    ("Consultor", "Consultora"),
    ("Médico especialista", "Médica especialista"),
    ("Médico residente", "Médica residente"),
    ("Arquitecto de sistemas", "Arquitecta de sistemas"),
    ("Ingeniero de manufactura", "Ingeniera de manufactura"),
    ("Ingeniero químico", "Ingeniera química"),
    ("Vicepresidente de tecnología", "Vicepresidenta de tecnología"),
    ("Fundador y director general", "Fundadora y directora general"),
    ("Investigador posdoctoral", "Investigadora posdoctoral"),
    ("Gerente de producto", "Gerente de producto"),
    ("Ingeniero aeroespacial", "Ingeniera aeroespacial"),
    ("Especialista en energías renovables", "Especialista en energías renovables"),
    ("Biotecnólogo", "Biotecnóloga"),
]
FIELDS_OF_STUDY = [
    "Ciencias de la computación",
    "Ingeniería eléctrica",
    "Ingeniería mecánica",
    "Medicina",
    "Biotecnología",
    "Física",
    "Química",
    "Economía",
    "Administración de empresas",
    "Ingeniería aeroespacial",
    "Ciencia de materiales",
    "Ciencias ambientales",
    "Matemáticas",
    "Ingeniería petrolera",
    "Nanotecnología",
    "Salud pública",
    "Agronomía",
    "Ingeniería civil",
]
INSTITUTIONS = [
    "UNAM",
    "IPN",
    "Tecnológico de Monterrey",
    "Universidad de Guadalajara",
    "UAM",
    "CINVESTAV",
    "Stanford University",
    "MIT",
    "UC Berkeley",
    "University of Texas at Austin",
    "Rice University",
    "University of Michigan",
    "Universidad de Toronto",
    "Universidad Complutense de Madrid",
    "ITAM",
    "Universidad Iberoamericana",
    "Universidad de las Américas Puebla",
    "Caltech",
]
LANGUAGES = ["es, en", "es, en", "es, en, fr", "es, en, de", "es, en, pt", "es, fr", "es, en, ja"]
DEGREES = [
    (DegreeLevel.LICENCIATURA, 25),
    (DegreeLevel.ESPECIALIDAD, 8),
    (DegreeLevel.MAESTRIA, 35),
    (DegreeLevel.DOCTORADO, 25),
    (DegreeLevel.POSDOCTORADO, 7),
]
STATUSES = [(MemberStatus.ACTIVE, 60), (MemberStatus.PROSPECT, 30), (MemberStatus.INACTIVE, 10)]
PRINT_FIELD_CHOICES = [
    "email,city,employer",
    "email",
    "city,employer",
    "email,phone,city,employer",
    "city",
    "employer",
    "email,city",
    "",
]
MAIL_DOMAINS = ["example.com", "example.org", "example.net"]

#: Real Mexican cities with their state, where demo organisations sit.
MEXICAN_CITIES: list[tuple[str, str]] = [  # state, city
    ("Ciudad de México", "Ciudad de México"),
    ("Jalisco", "Guadalajara"),
    ("Jalisco", "Zapopan"),
    ("Nuevo León", "Monterrey"),
    ("Nuevo León", "San Pedro Garza García"),
    ("Puebla", "Puebla"),
    ("Querétaro", "Querétaro"),
    ("Guanajuato", "León"),
    ("Guanajuato", "Irapuato"),
    ("Yucatán", "Mérida"),
    ("Baja California", "Tijuana"),
    ("Baja California", "Mexicali"),
    ("Chihuahua", "Chihuahua"),
    ("Chihuahua", "Ciudad Juárez"),
    ("Coahuila", "Saltillo"),
    ("Coahuila", "Torreón"),
    ("Sonora", "Hermosillo"),
    ("San Luis Potosí", "San Luis Potosí"),
    ("Aguascalientes", "Aguascalientes"),
    ("Estado de México", "Toluca"),
    ("Morelos", "Cuernavaca"),
    ("Michoacán", "Morelia"),
    ("Veracruz", "Xalapa"),
    ("Oaxaca", "Oaxaca de Juárez"),
    ("Chiapas", "Tuxtla Gutiérrez"),
    ("Sinaloa", "Culiacán"),
    ("Tamaulipas", "Reynosa"),
    ("Quintana Roo", "Cancún"),
    ("Hidalgo", "Pachuca"),
    ("Tabasco", "Villahermosa"),
    ("Zacatecas", "Zacatecas"),
    ("Durango", "Durango"),
]


@dataclass(frozen=True)
class DemoResult:
    members: int
    first_id: int
    last_id: int


#: Misspellings in Faker's es_MX lists, corrected before a user reads them.
FAKER_TYPOS = {"Corporacin": "Corporación", "Rodrígez": "Rodríguez"}


def _spelled(text: str) -> str:
    for wrong, right in FAKER_TYPOS.items():
        text = text.replace(wrong, right)
    return text


class _Pools:
    def __init__(self, rng: random.Random, seed: int) -> None:
        fake_mx = Faker("es_MX")
        fake_us = Faker("en_US")
        fake_mx.seed_instance(seed)
        fake_us.seed_instance(seed + 1)
        self.male = list(MxNames.first_names_male)
        self.female = list(MxNames.first_names_female)
        self.surnames = [_spelled(name) for name in MxNames.last_names]
        self.jobs_male = [male for male, _female in JOB_TITLES]
        self.jobs_female = [female for _male, female in JOB_TITLES]
        self.employers = sorted(
            {fake_us.company() for _ in range(1500)} | {_spelled(fake_mx.company()) for _ in range(500)}
        )
        self.phones = {country: _valid_phones(rng, country, 400) for country in {p[0] for p in PLACES}}


def _valid_phones(rng: random.Random, country: str, count: int) -> list[str]:
    """Valid numbers made from the country's example number, so validation accepts them."""
    example = phonenumbers.example_number_for_type(country, phonenumbers.PhoneNumberType.MOBILE)
    base = str(example.national_number) if example else "2025550100"
    found: list[str] = []
    attempts = 0
    while len(found) < count and attempts < count * 50:
        attempts += 1
        keep = max(len(base) - 4, 1)
        candidate = base[:keep] + "".join(rng.choice("0123456789") for _ in base[keep:])
        number = phonenumbers.parse(candidate, country)
        if phonenumbers.is_valid_number(number):
            found.append(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
    return found or ["+12025550143"]


def ensure_demo_chapters(session: Session) -> list[ChapterPlace]:
    """The demo chapters added once; every chapter as (id, city, country)."""
    existing = {c.name for c in session.scalars(select(Chapter))}
    for name, city, country in DEMO_CHAPTERS:
        if name not in existing:
            session.add(
                Chapter(
                    name=name,
                    city=city,
                    country=country,
                    status=ChapterStatus.FORMING,
                    notes="Capítulo de demostración.",
                )
            )
    session.flush()
    rows = session.execute(select(Chapter.id, Chapter.city, Chapter.country).order_by(Chapter.id))
    return [(int(cid), city, country) for cid, city, country in rows]


ChapterPlace = tuple[int, str | None, str | None]  # a chapter's id, city and country


def chapters_by_place(chapters: list[ChapterPlace]) -> list[tuple[int, ...]]:
    """For each of ``PLACES``, the chapters a member living there may belong to: those of the
    same city, else those of the same state (the United States and Canada), else those of the
    same country; none where there is no chapter near (Miami, Tokio…). Made once, so choosing
    a member's chapter costs what it did when any chapter could be drawn."""
    state_of: dict[tuple[str | None, str | None], str] = {(c, city): st for c, st, city, _w in PLACES}
    out = []
    for country, state, city, _weight in PLACES:
        same_city = [cid for cid, c_city, c_country in chapters if (c_country, c_city) == (country, city)]
        same_state = [
            cid
            for cid, c_city, c_country in chapters
            if c_country == country and country in ("US", "CA") and state_of.get((c_country, c_city)) == state
        ]
        same_country = [
            cid
            for cid, _c_city, c_country in chapters
            if c_country == country and country not in ("US", "CA")
        ]
        out.append(tuple(same_city or same_state or same_country))
    return out


@dataclass
class _Batch:
    members: list[dict[str, Any]]
    sectors: list[dict[str, Any]]
    contributions: list[dict[str, Any]]


class _BatchMaker:
    """Makes member rows in batches, deterministically for a seed."""

    def __init__(
        self, seed: int, chapters: list[ChapterPlace], sector_ids: list[int], contribution_ids: list[int]
    ) -> None:
        self.rng = random.Random(seed)
        self.pools = _Pools(self.rng, seed)
        self.sector_ids = sector_ids
        self.contribution_ids = contribution_ids
        self.now = utcnow()
        self.places = [(*p[:3], near) for p, near in zip(PLACES, chapters_by_place(chapters), strict=True)]
        self.place_weights = [p[3] for p in PLACES]
        self.first_day = date(2005, 1, 1).toordinal()
        self.last_day = date(2026, 10, 31).toordinal()

    def make(self, first_id: int, size: int) -> _Batch:
        rng, pools = self.rng, self.pools
        batch = _Batch([], [], [])
        degrees, degree_w = zip(*DEGREES, strict=True)
        statuses, status_w = zip(*STATUSES, strict=True)
        place_batch = rng.choices(self.places, self.place_weights, k=size)
        degree_batch = rng.choices(degrees, degree_w, k=size)
        status_batch = rng.choices(statuses, status_w, k=size)
        for k in range(size):
            member_id = first_id + k
            female = rng.random() < 0.5
            names = pools.female if female else pools.male
            given = rng.choice(names)
            if rng.random() < 0.35:
                second = rng.choice(names)
                if second != given:
                    given = f"{given} {second}"
            paternal = rng.choice(pools.surnames)
            maternal = rng.choice(pools.surnames) if rng.random() < 0.93 else None
            country, state, city, near = place_batch[k]
            chapter_id = rng.choice(near) if rng.random() < 0.85 and near else None
            sectors = rng.sample(self.sector_ids, rng.choice((1, 1, 1, 2, 2, 3)))
            contributions = rng.sample(self.contribution_ids, rng.choice((0, 1, 2, 2, 3, 4)))
            employer = rng.choice(pools.employers)
            job = rng.choice(pools.jobs_female if female else pools.jobs_male)
            expertise = ", ".join(rng.sample(EXPERTISE, 2))
            domain = rng.choice(MAIL_DOMAINS)
            email = f"{compact(given.split()[0])}.{compact(paternal)}{member_id}@{domain}"
            status, degree = status_batch[k], degree_batch[k]
            consent = rng.random() < 0.7
            batch.members.append(
                {
                    "id": member_id,
                    "given_names": given,
                    "paternal_surname": paternal,
                    "maternal_surname": maternal,
                    "gender": "f" if female else "m",
                    "email": email,
                    "phone": rng.choice(pools.phones[country]) if rng.random() < 0.8 else None,
                    "country": country,
                    "state": state,
                    "city": city,
                    "chapter_id": chapter_id,
                    "expertise": expertise,
                    "degree_level": degree.value,
                    "field_of_study": rng.choice(FIELDS_OF_STUDY),
                    "institution": rng.choice(INSTITUTIONS),
                    "employer": employer,
                    "job_title": job,
                    "languages": rng.choice(LANGUAGES),
                    "status": status.value,
                    "joined_on": date.fromordinal(rng.randint(self.first_day, self.last_day)),
                    "directory_consent": consent,
                    "print_fields": rng.choice(PRINT_FIELD_CHOICES) if consent else "",
                    "consent_date": (
                        date.fromordinal(rng.randint(self.first_day, self.last_day)) if consent else None
                    ),
                    "consent_source": "Formulario de registro" if consent else None,
                    "created_at": self.now,
                    "updated_at": self.now,
                    "sort_key": name_sort_key(paternal, maternal, given),
                    "search_text": member_search_text(
                        texts=(given, paternal, maternal, email, employer, job, city, expertise),
                        chapter_id=chapter_id,
                        sector_ids=sectors,
                        country=country,
                        status=status,
                        degree=degree,
                        contribution_ids=contributions,
                        directory_consent=consent,
                    ),
                }
            )
            batch.sectors += [
                {"member_id": member_id, "sector_id": sid, "is_primary": i == 0}
                for i, sid in enumerate(sectors)
            ]
            batch.contributions += [{"member_id": member_id, "contribution_id": c} for c in contributions]
        return batch


_MAKER: _BatchMaker | None = None


def _start_worker(*args: Any) -> None:
    global _MAKER
    _MAKER = _BatchMaker(*args)


def _make_in_worker(first_id: int, size: int) -> _Batch:
    assert _MAKER is not None
    return _MAKER.make(first_id, size)


def _look_ahead(pool: ProcessPoolExecutor, firsts: list[int], sizes: list[int]) -> Iterator[_Batch]:
    """Batches in order, at most two in flight, so memory stays flat whatever the count."""
    pending: deque[Future[_Batch]] = deque()
    for first, size in zip(firsts, sizes, strict=True):
        pending.append(pool.submit(_make_in_worker, first, size))
        if len(pending) > 2:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def generate_demo(
    session: Session,
    members: int,
    *,
    seed: int = 1,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> DemoResult:
    """Add ``members`` demo members (plus demo chapters, contacts, organisations, boards).

    Writes in the caller's transaction: a cancelled or failed run leaves nothing behind.
    Large runs build the rows in a second process while this one writes the previous
    batch: on two cores that halves the time of a million members.
    """
    if members < 0:
        raise TalentDeskError("El número de miembros debe ser positivo.")
    if members > MAX_MEMBERS:
        raise TalentDeskError(f"Se pueden generar como máximo {MAX_MEMBERS:,} miembros de demostración.")
    args = (
        seed,
        ensure_demo_chapters(session),
        list(session.scalars(select(Sector.id).order_by(Sector.number))),
        list(session.scalars(select(ContributionType.id).order_by(ContributionType.id))),
    )
    start = int(session.scalar(select(func.coalesce(func.max(Member.id), 0))) or 0) + 1
    conn = session.connection()
    sizes = [min(BATCH, members - done) for done in range(0, members, BATCH)]
    firsts = [start + i * BATCH for i in range(len(sizes))]
    done = 0
    with ExitStack() as stack:
        if len(sizes) > 2:
            pool = stack.enter_context(
                ProcessPoolExecutor(
                    1, mp_context=get_context("spawn"), initializer=_start_worker, initargs=args
                )
            )
            batches: Iterator[_Batch] = _look_ahead(pool, firsts, sizes)
        else:
            maker = _BatchMaker(*args)
            batches = map(maker.make, firsts, sizes)
        stack.enter_context(bulk_member_load(conn))
        for batch in batches:
            check_abort(abort, "Generación cancelada: no se guardó nada.")
            bulk_insert(conn, Base.metadata.tables["members"], batch.members)
            bulk_insert(conn, Base.metadata.tables["member_sectors"], batch.sectors)
            bulk_insert(conn, member_contributions, batch.contributions)
            done += len(batch.members)
            if progress is not None:
                progress(done, members)

    _demo_extras(session, random.Random(seed + 1), members)
    from talentdesk.services.demo_event import create_demo_event

    create_demo_event(session, random.Random(seed + 2))
    from talentdesk.services.demo_programs import create_demo_programs

    create_demo_programs(session, random.Random(seed + 3), members)
    audit.record_event(session, "member", "demo", f"{members} miembros de demostración (semilla {seed})")
    session.flush()
    if members >= BATCH:
        optimize(conn)
    return DemoResult(members, start, start + members - 1)


def _demo_extras(session: Session, rng: random.Random, count: int) -> None:
    """Sector contacts, organisations and chapter boards: only once per database."""
    fake = Faker("es_MX")
    fake.seed_instance(rng.randint(0, 10**6))
    if session.scalar(select(func.count()).select_from(SectorContact)) == 0:
        for sector in session.scalars(select(Sector)):
            sector.contact_institution = (
                sector.contact_institution or f"Institución PNCS (demo) {sector.number}"
            )
            for role in ("Titular del PNCS", "Enlace operativo"):
                session.add(
                    SectorContact(
                        sector=sector,
                        name=fake.name(),
                        role=role,
                        email=f"pncs{sector.number}.{role[:7].lower().strip()}@example.org",
                    )
                )
    if session.scalar(select(func.count()).select_from(Organization)) == 0:
        kinds = list(OrganizationKind)
        seen: set[str] = set()
        while len(seen) < 60:
            kind = rng.choice(kinds)
            state, city = rng.choice(MEXICAN_CITIES)
            name = (
                f"Universidad {fake.last_name()} de {city}"
                if kind is OrganizationKind.UNIVERSITY
                else f"Centro de Investigación {fake.last_name()}"
                if kind is OrganizationKind.RESEARCH_CENTER
                else _spelled(fake.company())
            )
            if name in seen:
                continue
            seen.add(name)
            session.add(
                Organization(
                    name=name,
                    kind=kind,
                    state=state,
                    city=city,
                    contact_name=fake.name(),
                    contact_email=f"contacto{len(seen)}@example.org",
                )
            )
    if count and session.scalar(select(func.count()).select_from(BoardPosition)) == 0:
        roles = [BoardRole.PRESIDENT, BoardRole.VICE_PRESIDENT, BoardRole.SECRETARY, BoardRole.TREASURER]
        for chapter in session.scalars(select(Chapter)):
            local = list(
                session.scalars(
                    select(Member.id)
                    .where(Member.chapter_id == chapter.id)
                    .order_by(Member.id)
                    .limit(len(roles))
                )
            )
            for role, member_id in zip(roles, local, strict=False):
                session.add(
                    BoardPosition(
                        chapter_id=chapter.id,
                        role=role,
                        member_id=member_id,
                        term_start=date(2025, 1, 1),
                        term_end=date(2026, 12, 31),
                    )
                )
    session.flush()
