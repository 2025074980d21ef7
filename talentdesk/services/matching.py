"""Talent matching ("Buscar talento"): rank members for a need and say why, field by field.

Criteria are those of a need (``criteria_for_need``) or typed ad hoc (``MatchCriteria``). Each
criterion given earns points; the score is the share of the points the criteria could give,
0–100. The weights (``WEIGHTS``; README.md says them in Spanish):

===============  =====  ==================================================================
criterion        full   partial credit
===============  =====  ==================================================================
sector           30     20 when it is one of the member's secondary sectors
keywords         30     shared by the phrases; half for a related word (same 6-letter stem)
place (city)     15     8 for another city of the same country
place (country)  15     —
chapter          10     —
contribution     15     —
degree           10     5 one level below the least degree asked
languages        10     shared by the languages asked
===============  =====  ==================================================================

Keywords count only in the expertise and the job title (a namesake is no expert). Never ranked:
anonymised members and those who objected to being contacted (the oposición, as
``exports.consent.may_contact`` and ``services.needs.add_candidates`` apply it); inactive ones
unless asked. A member without directory consent is ranked: consent governs what is published,
not the office's own work.

Speed at 1,000,000 members: scoring happens in Python on a bounded candidate set that the
full-text index finds (``services.search``): members who meet every indexed criterion, then those
who meet all but one, then those who meet one, each query stopping after ``POOL`` members in name
order, and no tier run once the set is large enough. So among more than ``POOL`` members who meet
every criterion, the ranking weighs the first ones in Spanish name order.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import product
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from talentdesk.core.countries import country_name
from talentdesk.core.enums import DegreeLevel, MemberStatus
from talentdesk.core.errors import ValidationError
from talentdesk.core.i18n import _
from talentdesk.core.models import (
    Chapter,
    ContributionType,
    Member,
    Sector,
)
from talentdesk.core.programs import Need
from talentdesk.core.text import clean, fold, full_name
from talentdesk.services.search import FTS_MATCHES, MemberQuery, fts_expression, search_members

#: Points of each criterion when fully met (see the module docstring for partial credit).
WEIGHTS: dict[str, float] = {
    "sector": 30,
    "keywords": 30,
    "place": 15,
    "chapter": 10,
    "contribution": 15,
    "degree": 10,
    "languages": 10,
}
SECONDARY_SECTOR = 20.0
SAME_COUNTRY = 8.0
DEGREE_BELOW = 5.0
RELATED_WORD = 0.5  # share of a phrase's points for a related word
STEM = 6  # letters two words share to be related ("biotecnología" ~ "biotechnology")
#: Members each index query contributes at most (the bounded candidate set), and when to stop
#: asking: once the set holds ENOUGH times the members wanted (at least MIN_POOL).
POOL = 400
ENOUGH = 2
MIN_POOL = 100
#: The diversity option: points a member loses for each one already listed from the same
#: employer / the same chapter.
SAME_EMPLOYER_PENALTY = 10.0
SAME_CHAPTER_PENALTY = 5.0

DEGREE_ORDER = list(DegreeLevel)

#: Language names people type, by the code members usually store ("es, en, fr").
LANGUAGES: dict[str, tuple[str, ...]] = {
    "es": ("espanol", "spanish", "castellano"),
    "en": ("ingles", "english"),
    "fr": ("frances", "french"),
    "de": ("aleman", "german"),
    "pt": ("portugues", "portuguese"),
    "it": ("italiano", "italian"),
    "ja": ("japones", "japanese"),
    "zh": ("chino", "chinese", "mandarin"),
    "ko": ("coreano", "korean"),
    "ru": ("ruso", "russian"),
    "ar": ("arabe", "arabic"),
    "nl": ("neerlandes", "holandes", "dutch"),
}
_LANGUAGE_CODE = {name: code for code, names in LANGUAGES.items() for name in (code, *names)}
_PHRASES = re.compile(r"[,;/\n]+")


def language_name(code: str) -> str:
    names = {
        "es": _("español"),
        "en": _("inglés"),
        "fr": _("francés"),
        "de": _("alemán"),
        "pt": _("portugués"),
        "it": _("italiano"),
        "ja": _("japonés"),
        "zh": _("chino"),
        "ko": _("coreano"),
        "ru": _("ruso"),
        "ar": _("árabe"),
        "nl": _("neerlandés"),
    }
    return names.get(code, code)


@dataclass(frozen=True)
class MatchCriteria:
    """Who is wanted. Empty criteria mean "any"; at least one must be given."""

    sector_ids: tuple[int, ...] = ()
    keywords: str = ""
    country: str | None = None
    city: str | None = None
    chapter_id: int | None = None
    contribution_id: int | None = None
    degree_level: DegreeLevel | None = None
    languages: str = ""
    include_inactive: bool = False
    diverse: bool = False

    def phrases(self) -> list[str]:
        """The keyword phrases as typed ("inteligencia artificial, robótica" → two)."""
        return [p for p in (clean(x) for x in _PHRASES.split(self.keywords or "")) if fold(p)]

    def language_codes(self) -> list[str]:
        return list(dict.fromkeys(_LANGUAGE_CODE.get(w, w) for w in fold(self.languages).split()))

    def is_empty(self) -> bool:
        return not (
            self.sector_ids
            or self.phrases()
            or self.country
            or fold(self.city)
            or self.chapter_id
            or self.contribution_id
            or self.degree_level
            or self.language_codes()
        )


@dataclass(frozen=True)
class MatchItem:
    member_id: int
    name: str
    score: float
    reasons: tuple[str, ...]
    city: str | None
    country: str | None
    employer: str | None
    job_title: str | None
    chapter: str | None
    met_all: bool  # every criterion fully met

    @property
    def why(self) -> str:
        return " · ".join(self.reasons)


@dataclass(frozen=True)
class MatchResult:
    #: Members ranked (the bounded candidate set after the exclusions); ``items`` are the first.
    total: int
    items: tuple[MatchItem, ...]
    criteria: MatchCriteria
    queries: int = 0  # index queries run (for the benchmark)
    excluded: dict[str, int] = field(default_factory=dict)  # candidates left out, by reason


def criteria_for_need(session: Session, need: Need | int, **options: Any) -> MatchCriteria:
    """The criteria a need states; ``options`` (include_inactive, diverse) as the caller asks."""
    if isinstance(need, int):
        from talentdesk.services.needs import get_need

        need = get_need(session, need)
    return MatchCriteria(
        sector_ids=tuple(s.id for s in need.sectors),
        keywords=need.keywords or "",
        country=need.country,
        city=need.city,
        chapter_id=need.chapter_id,
        contribution_id=need.contribution_id,
        degree_level=need.degree_level,
        languages=need.languages or "",
        **options,
    )


def check_criteria(criteria: MatchCriteria) -> None:
    if criteria.is_empty():
        raise ValidationError.single(
            "criteria",
            _(
                "Indique al menos un criterio: sector, palabras clave, lugar, capítulo, aportación, "
                "estudios o idiomas."
            ),
        )


# -- finding the candidates ----------------------------------------------------------------------

#: A criterion as the member queries that find it (alternatives: any of them will do).
Group = tuple[str, list[MemberQuery]]


def _stem(word: str) -> str:
    return word[:STEM]


def _groups(criteria: MatchCriteria) -> list[Group]:
    """The indexed criteria, heaviest first. A city is looked up by its words alone: the country
    (80 % of the members carry "US") would make FTS5 walk its long list; scoring checks it."""
    groups: list[Group] = []
    if criteria.sector_ids:
        groups.append(("sector", [MemberQuery(sector_ids=criteria.sector_ids)]))
    phrases = criteria.phrases()
    if phrases:
        stems = [" ".join(_stem(w) for w in fold(p).split()) for p in phrases]
        groups.append(("keywords", [MemberQuery(text=s) for s in stems]))
    if fold(criteria.city):
        groups.append(("place", [MemberQuery(text=fold(criteria.city))]))
    elif criteria.country:
        groups.append(("place", [MemberQuery(countries=(criteria.country,))]))
    if criteria.contribution_id is not None:
        groups.append(("contribution", [MemberQuery(contribution_ids=(criteria.contribution_id,))]))
    if criteria.chapter_id is not None:
        groups.append(("chapter", [MemberQuery(chapter_ids=(criteria.chapter_id,))]))
    if criteria.degree_level is not None:
        at = DEGREE_ORDER.index(criteria.degree_level)
        groups.append(("degree", [MemberQuery(degrees=tuple(DEGREE_ORDER[at:]))]))
    return groups


def _tiers(criteria: MatchCriteria) -> list[list[Group]]:
    """Candidate queries from the strictest on: every criterion; all but one (the lightest
    dropped first, so the better partial matches come first); then each criterion alone."""
    groups = _groups(criteria)
    tiers = [groups]
    if len(groups) > 1:
        tiers += [[g for g in groups if g is not drop] for drop in reversed(groups)]
    if len(groups) > 2:
        tiers += [[g] for g in groups]
    return [t for t in tiers if t]


def _combine(parts: Iterable[MemberQuery]) -> MemberQuery:
    """One query asking every part (AND); within one filter the values stay alternatives."""
    out = MemberQuery()
    for q in parts:
        out = replace(
            out,
            text=f"{out.text} {q.text}".strip(),
            chapter_ids=out.chapter_ids + q.chapter_ids,
            sector_ids=out.sector_ids + q.sector_ids,
            countries=out.countries + q.countries,
            degrees=out.degrees + q.degrees,
            contribution_ids=out.contribution_ids + q.contribution_ids,
        )
    return out


def _first_matches(session: Session, tier: list[Group], limit: int) -> list[int]:
    """Up to ``limit`` members meeting every group of ``tier``, in name order on SQLite (one
    FTS5 query that stops at ``limit``), without counting them all."""
    if session.get_bind().dialect.name != "sqlite":
        found: dict[int, None] = {}
        for choice in product(*(alternatives for _name, alternatives in tier)):
            found.update(dict.fromkeys(search_members(session, _combine(choice), limit=limit).ids))
        return list(found)[:limit]
    parts = []
    for _name, alternatives in tier:
        exprs = [fts_expression(session, q) for q in alternatives]
        parts.append(exprs[0] if len(exprs) == 1 else "(" + " OR ".join(f"({e})" for e in exprs) + ")")
    sql = f"SELECT fr.member_id FROM {FTS_MATCHES} WHERE f.member_fts MATCH :expr LIMIT :limit"
    params = {"expr": " AND ".join(parts), "limit": limit}
    return [int(i) for i in session.execute(text(sql), params).scalars()]


def _by_language(session: Session, codes: Sequence[str], limit: int) -> list[int]:
    """Languages are not indexed: the first members whose languages name every one asked."""
    stmt = select(Member.id).where(*(Member.languages.ilike(f"%{code}%") for code in codes)).limit(limit)
    return list(session.scalars(stmt))


def candidate_ids(session: Session, criteria: MatchCriteria, wanted: int) -> tuple[list[int], int]:
    """The bounded candidate set, strictest tier first (stopping once it holds ``ENOUGH`` times
    the members wanted), and how many index queries it took."""
    pool: dict[int, None] = {}
    queries = 0
    enough = max(wanted * ENOUGH, MIN_POOL)
    for tier in _tiers(criteria):
        pool.update(dict.fromkeys(_first_matches(session, tier, POOL)))
        queries += 1
        if len(pool) >= enough:
            break
    codes = criteria.language_codes()
    if codes and len(pool) < enough:
        pool.update(dict.fromkeys(_by_language(session, codes, POOL)))
        queries += 1
    return list(pool), queries


# -- scoring ---------------------------------------------------------------------------------------


@dataclass
class _Row:
    id: int
    names: tuple[str, str, str | None]  # given names, paternal and maternal surnames
    sort_key: str
    status: str | None
    no_contact: bool
    anonymized: bool
    country: str | None
    city: str | None
    chapter_id: int | None
    expertise: str | None
    job_title: str | None
    employer: str | None
    degree: DegreeLevel | None
    languages: str | None
    sectors: dict[int, bool] = field(default_factory=dict)  # sector id -> is primary
    contributions: set[int] = field(default_factory=set)


_MEMBERS = (
    "SELECT id, given_names, paternal_surname, maternal_surname, sort_key, status, no_contact, "
    "anonymized_at IS NOT NULL, country, city, chapter_id, expertise, job_title, employer, degree_level, "
    "languages FROM members WHERE {ids}"
)
_SECTORS = "SELECT member_id, sector_id, is_primary FROM member_sectors WHERE {ids}"
_OFFERS = "SELECT member_id, contribution_id FROM member_contributions WHERE {ids}"


def _ids_clause(session: Session, column: str) -> str:
    """``column`` among the ids passed as one JSON parameter: a list of hundreds of ids costs
    SQLAlchemy more to expand into parameters than SQLite to read the rows."""
    if session.get_bind().dialect.name == "sqlite":
        return f"{column} IN (SELECT value FROM json_each(:ids))"
    return f"{column} IN (SELECT CAST(value AS INTEGER) FROM json_array_elements_text(CAST(:ids AS json)))"


def _load(session: Session, ids: Sequence[int]) -> list[_Row]:
    if not ids:
        return []
    params = {"ids": json.dumps(list(ids))}
    conn = session.connection()
    rows: dict[int, _Row] = {}
    for r in conn.execute(text(_MEMBERS.format(ids=_ids_clause(session, "id"))), params):
        (mid, given, paternal, maternal, key, status, no_contact, anonymized, *rest) = r
        country, city, chapter_id, expertise, job, employer, degree, languages = rest
        rows[mid] = _Row(
            mid,
            (given, paternal, maternal),
            key,
            status,
            bool(no_contact),
            bool(anonymized),
            country,
            city,
            chapter_id,
            expertise,
            job,
            employer,
            DegreeLevel(degree) if degree else None,
            languages,
        )
    for member_id, sector_id, primary in conn.execute(
        text(_SECTORS.format(ids=_ids_clause(session, "member_id"))), params
    ):
        rows[member_id].sectors[sector_id] = bool(primary)
    for member_id, contribution_id in conn.execute(
        text(_OFFERS.format(ids=_ids_clause(session, "member_id"))), params
    ):
        rows[member_id].contributions.add(contribution_id)
    return [rows[i] for i in ids if i in rows]


@dataclass(frozen=True)
class _Names:
    """What scoring looks up once per ranking: names of sectors, chapters and contributions, and
    the keyword phrases and language codes asked."""

    sectors: dict[int, str]
    chapters: dict[int, str]
    contributions: dict[int, str]
    phrases: list[str]
    codes: list[str]

    @classmethod
    def load(cls, session: Session, criteria: MatchCriteria) -> _Names:
        return cls(
            {i: n for i, n in session.execute(select(Sector.id, Sector.name))},
            {i: n for i, n in session.execute(select(Chapter.id, Chapter.name))},
            {i: n for i, n in session.execute(select(ContributionType.id, ContributionType.name))},
            criteria.phrases(),
            criteria.language_codes(),
        )


Credit = Callable[[float, float, str | None], None]


def _keyword_credit(phrase: str, fields: Sequence[tuple[str, str | None]]) -> tuple[float, str | None]:
    """Credit (1, a half or 0) of one phrase and its reason: each of its words begins a word of
    one field, or (a related word) shares its stem with one."""
    wanted = fold(phrase).split()
    best: tuple[float, str | None] = (0.0, None)
    for label, value in fields:
        have = fold(value).split()
        if all(any(h.startswith(w) for h in have) for w in wanted):
            return 1.0, _("«{word}» en {field}").format(word=phrase, field=label)
        if best[0] == 0 and all(any(h.startswith(_stem(w)) for h in have) for w in wanted):
            found = " ".join(next(h for h in have if h.startswith(_stem(w))) for w in wanted)
            reason = _("«{found}» en {field} (afín a «{word}»)").format(found=found, field=label, word=phrase)
            best = (RELATED_WORD, reason)
    return best


def _score_sector(row: _Row, criteria: MatchCriteria, names: _Names, credit: Credit) -> None:
    primary = [s for s in criteria.sector_ids if row.sectors.get(s)]
    secondary = [s for s in criteria.sector_ids if s in row.sectors and not row.sectors[s]]
    if primary:
        reason = _("sector {name} (principal)").format(name=names.sectors.get(primary[0], ""))
        credit(WEIGHTS["sector"], WEIGHTS["sector"], reason)
    elif secondary:
        reason = _("sector {name} (secundario)").format(name=names.sectors.get(secondary[0], ""))
        credit(WEIGHTS["sector"], SECONDARY_SECTOR, reason)
    else:
        credit(WEIGHTS["sector"], 0, None)


def _score_place(row: _Row, criteria: MatchCriteria, names: _Names, credit: Credit) -> None:
    city = fold(criteria.city)
    if city:
        same_country = criteria.country is None or row.country == criteria.country
        if fold(row.city) == city and same_country:
            credit(WEIGHTS["place"], WEIGHTS["place"], row.city)
        elif criteria.country and row.country == criteria.country:
            where = row.city or country_name(row.country)
            credit(WEIGHTS["place"], SAME_COUNTRY, _("{city}, mismo país").format(city=where))
        else:
            credit(WEIGHTS["place"], 0, None)
    elif criteria.country:
        got = WEIGHTS["place"] if row.country == criteria.country else 0
        credit(WEIGHTS["place"], got, country_name(criteria.country))
    if criteria.chapter_id is not None:
        got = WEIGHTS["chapter"] if row.chapter_id == criteria.chapter_id else 0
        chapter = names.chapters.get(criteria.chapter_id, "")
        credit(WEIGHTS["chapter"], got, _("capítulo {name}").format(name=chapter))


def _score_degree(row: _Row, wanted: DegreeLevel, credit: Credit) -> None:
    have = row.degree
    gap = DEGREE_ORDER.index(wanted) - DEGREE_ORDER.index(have) if have else 99
    if have and gap <= 0:
        credit(WEIGHTS["degree"], WEIGHTS["degree"], have.label.lower())
    elif have and gap == 1:
        below = _("{degree} (se pidió {wanted})").format(
            degree=have.label.lower(), wanted=wanted.label.lower()
        )
        credit(WEIGHTS["degree"], DEGREE_BELOW, below)
    else:
        credit(WEIGHTS["degree"], 0, None)


def _score(row: _Row, criteria: MatchCriteria, names: _Names) -> tuple[float, float, list[str], bool]:
    """(points, the most the criteria give, reasons, every criterion fully met) of one member."""
    points = top = 0.0
    reasons: list[str] = []
    met_all = True

    def credit(weight: float, got: float, reason: str | None) -> None:
        nonlocal points, top, met_all
        top += weight
        points += got
        met_all = met_all and got >= weight
        if reason and got > 0:
            reasons.append(reason)

    if criteria.sector_ids:
        _score_sector(row, criteria, names, credit)
    if criteria.contribution_id is not None:
        name = names.contributions.get(criteria.contribution_id, "")
        got = WEIGHTS["contribution"] if criteria.contribution_id in row.contributions else 0
        credit(WEIGHTS["contribution"], got, _("ofrece {name}").format(name=name))
    _score_place(row, criteria, names, credit)
    if criteria.degree_level is not None:
        _score_degree(row, criteria.degree_level, credit)
    phrases = names.phrases
    fields = ((_("especialidad"), row.expertise), (_("puesto"), row.job_title))
    for phrase in phrases:
        share = WEIGHTS["keywords"] / len(phrases)
        got, reason = _keyword_credit(phrase, fields)
        credit(share, share * got, reason)
    codes = names.codes
    spoken = {_LANGUAGE_CODE.get(w, w) for w in fold(row.languages).split()}
    for code in codes:
        share = WEIGHTS["languages"] / len(codes)
        reason = _("habla {language}").format(language=language_name(code))
        credit(share, share if code in spoken else 0, reason)
    return points, top, reasons, met_all


# -- ranking -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Scored:
    score: float
    active: bool
    row: _Row
    reasons: tuple[str, ...]
    met_all: bool

    def order(self) -> tuple[float, bool, str, int]:
        return (-self.score, not self.active, self.row.sort_key, self.row.id)


def match_members(session: Session, criteria: MatchCriteria, *, limit: int = 50) -> MatchResult:
    """The first ``limit`` members ranked for ``criteria``, with the reasons of each."""
    check_criteria(criteria)
    limit = max(0, limit)
    ids, queries = candidate_ids(session, criteria, limit)
    names = _Names.load(session, criteria)
    excluded: Counter[str] = Counter()
    scored: list[_Scored] = []
    for row in _load(session, ids):
        if row.anonymized:
            excluded["anonymized"] += 1
        elif row.no_contact:  # the oposición: never proposed for contact (as add_candidates)
            excluded["no_contact"] += 1
        elif row.status == MemberStatus.INACTIVE.value and not criteria.include_inactive:
            excluded["inactive"] += 1
        else:
            points, top, reasons, met_all = _score(row, criteria, names)
            if points > 0:
                score = round(100.0 * points / top, 1)
                active = row.status == MemberStatus.ACTIVE.value
                scored.append(_Scored(score, active, row, tuple(reasons), met_all))
    scored.sort(key=_Scored.order)
    chosen = _diverse(scored, limit) if criteria.diverse else scored[:limit]
    items = tuple(
        MatchItem(
            s.row.id,
            full_name(*s.row.names),
            s.score,
            s.reasons,
            s.row.city,
            s.row.country,
            s.row.employer,
            s.row.job_title,
            names.chapters.get(s.row.chapter_id) if s.row.chapter_id is not None else None,
            s.met_all,
        )
        for s in chosen
    )
    return MatchResult(len(scored), items, criteria, queries, dict(excluded))


def _diverse(scored: list[_Scored], limit: int) -> list[_Scored]:
    """Greedy: each pick is the best once every member loses points for each one already picked
    from the same employer or chapter; the score shown stays the member's own."""
    left = list(scored)
    chosen: list[_Scored] = []
    employers: Counter[str] = Counter()
    chapters: Counter[int] = Counter()
    while left and len(chosen) < limit:
        best, best_value = 0, float("-inf")
        for i, entry in enumerate(left):
            value = entry.score
            value -= SAME_EMPLOYER_PENALTY * employers[fold(entry.row.employer)] if entry.row.employer else 0
            if entry.row.chapter_id is not None:
                value -= SAME_CHAPTER_PENALTY * chapters[entry.row.chapter_id]
            if value > best_value:
                best, best_value = i, value
            if value == entry.score:
                break  # sorted by score: nobody further down beats an unpenalised member
        picked = left.pop(best)
        chosen.append(picked)
        if picked.row.employer:
            employers[fold(picked.row.employer)] += 1
        if picked.row.chapter_id is not None:
            chapters[picked.row.chapter_id] += 1
    return chosen


def reasons_text(item: MatchItem) -> str:
    """What a candidate keeps of why the matching proposed them."""
    return _("{score} puntos: {why}").format(score=f"{item.score:g}", why=item.why)
