"""The Tablero's figures: the network at a glance, for all members or the members of one chapter,
sector or country, as plain values a chart, a table or a report can draw.

Every bar that stands for a set of members carries the ``MemberQuery`` the members list runs to
show exactly those members, so the count on the chart and the count of the list agree (they are
the same words of the same full-text index). Groups a single query cannot name ("Otros
países", "Sin capítulo") carry no query.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from enum import StrEnum

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from talentdesk.core.countries import country_name
from talentdesk.core.enums import DegreeLevel, ParticipantStatus
from talentdesk.core.i18n import N_, _
from talentdesk.core.programs import OutcomeKind, ProgramOutcome, ProgramStatus
from talentdesk.core.regions import REGIONS, region_of
from talentdesk.services import reference
from talentdesk.services.program_views import ProgramFilter, ProgramRow, load_programs
from talentdesk.services.search import MemberQuery
from talentdesk.services.statistics import CHOSEN_IDS, MemberCounts, member_counts, year_counts

#: Countries drawn one by one; the rest are one "Otros países" bar.
TOP_COUNTRIES = 10


class ChartKind(StrEnum):
    BARS = "bars"
    PIE = "pie"
    LINE = "line"
    STACKED = "stacked"


@dataclass(frozen=True)
class DashboardFilter:
    """The filter bar: one chapter, sector and country at most (None: all)."""

    chapter_id: int | None = None
    sector_id: int | None = None
    country: str | None = None

    def query(self) -> MemberQuery:
        return MemberQuery(
            chapter_ids=() if self.chapter_id is None else (self.chapter_id,),
            sector_ids=() if self.sector_id is None else (self.sector_id,),
            countries=() if self.country is None else (self.country,),
        )


@dataclass(frozen=True)
class Bar:
    """One bar, slice or point. ``query``: the members it counts, ``programs``: the programmes
    it counts (None: not one list)."""

    label: str
    count: int
    query: MemberQuery | None = None
    series: str = ""  # STACKED charts: which part of the bar
    programs: ProgramFilter | None = None


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    kind: ChartKind
    bars: tuple[Bar, ...]
    note: str = ""  # what the filter bar does not apply to, said under the chart

    @property
    def total(self) -> int:
        return sum(b.count for b in self.bars)


@dataclass(frozen=True)
class Dashboard:
    members: int
    charts: tuple[Chart, ...]

    def chart(self, key: str) -> Chart:
        return next(c for c in self.charts if c.key == key)


#: Chart titles, translated when the Tablero is drawn.
TITLES = {
    "chapter": N_("Miembros por capítulo"),
    "sector": N_("Miembros por sector (cualquiera de sus sectores)"),
    "country": N_("Miembros por país de residencia"),
    "region": N_("Miembros por región del mundo"),
    "degree": N_("Miembros por nivel de estudios"),
    "contribution": N_("Aportaciones que ofrecen"),
    "growth": N_("Nuevos miembros por año de ingreso"),
    "jornadas": N_("Participación en las Jornadas Informativas"),
    "programs": N_("Programas de vinculación por tipo y estado"),
    "outcomes": N_("Resultados de los programas por año"),
}
#: Outcomes counted in people or things; investment (money) is not added to them.
COUNTED_OUTCOMES = tuple(
    k for k in OutcomeKind if k not in (OutcomeKind.INVESTMENT_MXN, OutcomeKind.INVESTMENT_USD)
)
#: The participant statuses the Jornadas chart stacks, in the order of the workflow.
JORNADA_STATUSES = (
    ParticipantStatus.INVITED,
    ParticipantStatus.CONFIRMED,
    ParticipantStatus.ATTENDED,
    ParticipantStatus.NO_SHOW,
)


def load_dashboard(session: Session, flt: DashboardFilter | None = None, *, growth: bool = True) -> Dashboard:
    """Every chart of the Tablero for the members the filter selects. ``growth=False`` leaves
    out the members by year joined of all members (a read of the ``joined_on`` index, ~0.1 s at
    1,000,000): the Tablero draws the rest first and adds it with :func:`growth_chart`. With a
    filter the growth line is always in: its years come from the same pass over the selected
    members as the other counts, at almost no cost."""
    flt = flt or DashboardFilter()
    base = flt.query()
    growth = growth or flt != DashboardFilter()
    counts = member_counts(session, base, years=growth)
    charts = [
        _chapters(session, counts, base),
        _sectors(session, counts, base),
        _countries(counts, base),
        _regions(counts, base),
        _degrees(counts, base),
        _contributions(session, counts, base),
    ]
    if growth:
        charts.append(_growth(counts))
    charts.append(_jornadas(session, flt))
    charts.extend(_programs(session, flt))
    return Dashboard(counts.total, tuple(charts))


def growth_chart(session: Session, flt: DashboardFilter | None = None) -> Chart:
    """New members by year joined (see :func:`load_dashboard`)."""
    counts = MemberCounts()
    year_counts(session, (flt or DashboardFilter()).query(), counts)
    return _growth(counts)


def _chart(key: str, kind: ChartKind, bars: list[Bar], note: str = "") -> Chart:
    return Chart(key, _(TITLES[key]), kind, tuple(bars), note)


def _by_count(bars: list[Bar]) -> list[Bar]:
    return sorted(bars, key=lambda b: (-b.count, b.label))


def _chapters(session: Session, counts: MemberCounts, base: MemberQuery) -> Chart:
    names = {c.id: c.name for c in reference.chapters(session)}
    bars = [
        Bar(names.get(k, str(k)), n, replace(base, chapter_ids=(k,)))
        for k, n in counts.chapter.items()
        if k is not None and n and (not base.chapter_ids or base.chapter_ids == (k,))
    ]
    bars = _by_count(bars)
    if counts.chapter.get(None):
        bars.append(Bar(_("Sin capítulo"), counts.chapter[None]))
    return _chart("chapter", ChartKind.BARS, bars)


def _sectors(session: Session, counts: MemberCounts, base: MemberQuery) -> Chart:
    bars = [
        Bar(f"{s.number}. {s.name}", counts.any_sector.get(s.id, 0), _with_sector(base, s.id))
        for s in reference.sectors(session)
    ]
    return _chart("sector", ChartKind.BARS, [b for b in bars if b.count])


def _countries(counts: MemberCounts, base: MemberQuery) -> Chart:
    known = _by_count(
        [
            Bar(country_name(code) or code, n, replace(base, countries=(code,)))
            for code, n in counts.country.items()
            if code is not None and n
        ]
    )
    bars = known[:TOP_COUNTRIES]
    others = sum(b.count for b in known[TOP_COUNTRIES:])
    if others:
        bars.append(Bar(_("Otros países"), others))
    if counts.country.get(None):
        bars.append(Bar(_("Sin país"), counts.country[None]))
    return _chart("country", ChartKind.BARS, bars)


def _regions(counts: MemberCounts, base: MemberQuery) -> Chart:
    """Members by world region; each region's bar lists the members of its countries."""
    present: dict[str, list[str]] = {}
    unplaced = counts.country.get(None, 0)
    for code, n in counts.country.items():
        if code is not None and n:
            region = region_of(code)
            if region is None:
                unplaced += n
            else:
                present.setdefault(region, []).append(code)
    bars = [
        Bar(
            _(name),
            sum(counts.country[c] for c in present[name]),
            replace(base, countries=tuple(sorted(present[name]))),
        )
        for name, _codes in REGIONS
        if name in present
    ]
    bars = _by_count(bars)
    if unplaced:
        bars.append(Bar(_("Sin país"), unplaced))
    return _chart("region", ChartKind.BARS, bars)


def _degrees(counts: MemberCounts, base: MemberQuery) -> Chart:
    bars = [
        Bar(level.label, counts.degree.get(level.value, 0), replace(base, degrees=(level,)))
        for level in DegreeLevel
    ]
    bars = [b for b in bars if b.count]
    if counts.degree.get(None):
        bars.append(Bar(_("Sin registrar"), counts.degree[None]))
    return _chart("degree", ChartKind.PIE, bars)


def _contributions(session: Session, counts: MemberCounts, base: MemberQuery) -> Chart:
    names = {c.id: c.name for c in reference.contribution_types(session)}
    bars = [
        Bar(names.get(k, str(k)), n, replace(base, contribution_ids=(k,)))
        for k, n in counts.contribution.items()
        if n
    ]
    return _chart("contribution", ChartKind.BARS, _by_count(bars))


def _growth(counts: MemberCounts) -> Chart:
    years = sorted(y for y in counts.joined_year if y is not None)
    if not years:
        return _chart("growth", ChartKind.LINE, [])
    bars = [Bar(str(y), counts.joined_year.get(y, 0)) for y in range(years[0], years[-1] + 1)]
    return _chart("growth", ChartKind.LINE, bars)


def _jornadas(session: Session, flt: DashboardFilter) -> Chart:
    """Participants of each Jornada by status (linked members only when a filter is set: the
    filter describes members, and a guest who is not one has no chapter or sector)."""
    # the members member_counts chose for the other charts (its temporary table of their ids)
    where = "" if flt == DashboardFilter() else f"WHERE p.member_id IN ({CHOSEN_IDS})"
    rows = session.execute(
        text(
            "SELECT e.id, e.name, e.edition, e.starts_on, p.status, count(p.id) FROM events e "
            f"JOIN participants p ON p.event_id = e.id {where} GROUP BY e.id, p.status ORDER BY e.starts_on"
        )
    )
    editions: dict[int, str] = {}
    per: Counter[tuple[int, str]] = Counter()
    for event_id, name, edition, _starts, status, n in rows:
        editions[event_id] = edition or name
        per[(event_id, status)] += int(n)
    bars = [
        Bar(label, per.get((event_id, status.value), 0), series=status.label)
        for event_id, label in editions.items()
        for status in JORNADA_STATUSES
    ]
    return _chart("jornadas", ChartKind.STACKED, bars)


def _programs(session: Session, flt: DashboardFilter) -> list[Chart]:
    """Programmes by kind and status, and their counted outcomes by year. Each bar of the first
    carries the programmes list's own filter, so its count is the count of that list."""
    wanted = ProgramFilter(sector_id=flt.sector_id, chapter_id=flt.chapter_id)
    rows = load_programs(session, wanted)
    note = _("Los programas no se filtran por país.") if flt.country is not None else ""
    per: Counter[tuple[int, ProgramStatus]] = Counter((r.kind_id, r.status) for r in rows)
    kinds: dict[int, str] = {}
    for row in sorted(rows, key=lambda r: (-sum(per[(r.kind_id, s)] for s in ProgramStatus), r.kind)):
        kinds.setdefault(row.kind_id, row.kind)
    bars = [
        Bar(
            name,
            per[(kind_id, status)],
            series=status.label,
            programs=replace(wanted, kind_id=kind_id, status=status),
        )
        for kind_id, name in kinds.items()
        for status in ProgramStatus
    ]
    return [
        _chart("programs", ChartKind.STACKED, bars, note),
        _chart("outcomes", ChartKind.STACKED, _outcomes(session, rows), note),
    ]


def _outcomes(session: Session, rows: list[ProgramRow]) -> list[Bar]:
    """Counted outcomes of these programmes, by the year they were achieved (undated ones are
    left out: a year is what this chart is about)."""
    ids = [r.id for r in rows]
    per: Counter[tuple[int, OutcomeKind]] = Counter()
    for start in range(0, len(ids), 500):
        found = session.execute(
            select(ProgramOutcome.achieved_on, ProgramOutcome.kind, ProgramOutcome.quantity).where(
                ProgramOutcome.achieved_on.is_not(None),
                ProgramOutcome.program_id.in_(ids[start : start + 500]),
            )
        )
        for achieved_on, kind, quantity in found:
            if achieved_on is not None:
                per[(achieved_on.year, kind)] += quantity
    years = sorted({y for y, _k in per})
    kinds = [k for k in COUNTED_OUTCOMES if any(per[(y, k)] for y in years)]
    return [Bar(str(y), per[(y, k)], series=k.label) for y in years for k in kinds]


def _with_sector(base: MemberQuery, sector_id: int) -> MemberQuery | None:
    """``base`` narrowed to one sector; None when the filter already names another (members
    of sector 2 who are also in sector 5 are no list the members search can show: the bar
    is kept, not linked)."""
    if base.sector_ids and base.sector_ids != (sector_id,):
        return None
    return replace(base, sector_ids=(sector_id,))
