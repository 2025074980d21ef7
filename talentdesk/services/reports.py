"""The reports' one read model: the figures, charts and tables of the Tablero export, the
Reporte sectorial (PNCS), the Reporte de capítulo and the Informe anual, computed once as plain
values that the PDF and the xlsx writers (``exports/report_pdf.py``, ``exports/report_xlsx.py``)
only lay out. Qt-free; every figure is a grouped query (tests recount them with plain SQL).

Charts are the Tablero's own ``Chart``/``Bar`` values (``services.dashboard``), so a chart the
Tablero gains appears in the exported Tablero without new code, and the member charts of a
sector or chapter report are the Tablero filtered to that sector or chapter.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

from talentdesk.core.countries import country_name
from talentdesk.core.enums import BoardRole, ParticipantStatus
from talentdesk.core.errors import TalentDeskError
from talentdesk.core.programs import OutcomeKind, ProgramStatus
from talentdesk.services import reference
from talentdesk.services.dashboard import Bar, Chart, ChartKind, Dashboard, DashboardFilter, load_dashboard

Cell = str | int | float | date | None
#: Years a report may be about (the network was founded in 2005; the end is only a sanity bound).
FIRST_YEAR, LAST_YEAR = 1900, 2100


@dataclass(frozen=True)
class Table:
    """A table of a report: Spanish headers and rows (numbers stay numbers for the xlsx)."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class Section:
    title: str
    charts: tuple[Chart, ...] = ()
    tables: tuple[Table, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Directory:
    """Members a report lists (the writers apply the consent rule), grouped as the member
    directory groups them: "chapter", "sector" or "country"."""

    title: str
    member_ids: tuple[int, ...]
    group_by: str = "country"


@dataclass(frozen=True)
class Report:
    title: str  # "Reporte sectorial"
    subject: str  # "3. Tecnologías de la información"
    filters: tuple[tuple[str, str], ...]  # printed on the cover: ("Capítulo", "Houston")
    figures: tuple[tuple[str, int], ...]  # the summary
    sections: tuple[Section, ...]
    directory: Directory | None = None
    #: Members whose personal data the report prints (the export log): board members, …
    people: tuple[int, ...] = field(default=(), compare=False)

    @property
    def charts(self) -> tuple[Chart, ...]:
        return tuple(c for s in self.sections for c in s.charts)


# -- years -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class YearRange:
    first: int | None = None
    last: int | None = None

    def __contains__(self, year: object) -> bool:
        if not isinstance(year, int):
            return False
        return (self.first is None or year >= self.first) and (self.last is None or year <= self.last)

    def is_all(self) -> bool:
        return self.first is None and self.last is None

    def describe(self) -> str:
        if self.first is not None and self.last is not None:
            return str(self.first) if self.first == self.last else f"{self.first}–{self.last}"
        if self.first is not None:
            return f"desde {self.first}"
        return f"hasta {self.last}"


def parse_year(value: str | int | None, what: str = "año") -> int:
    """A four-digit year in Spanish terms, or a Spanish error naming ``what``."""
    raw = str(value if value is not None else "").strip()
    if not (raw.isascii() and raw.isdecimal()) or not FIRST_YEAR <= int(raw) <= LAST_YEAR:
        raise TalentDeskError(
            f"{what}: «{raw}» no es un año válido; escriba un año de cuatro cifras, p. ej. 2026."
        )
    return int(raw)


def year_range(first: str | int | None, last: str | int | None) -> YearRange:
    years = YearRange(
        parse_year(first, "Desde el año") if first not in (None, "") else None,
        parse_year(last, "Hasta el año") if last not in (None, "") else None,
    )
    if years.first is not None and years.last is not None and years.first > years.last:
        raise TalentDeskError(f"El año inicial ({years.first}) es posterior al final ({years.last}).")
    return years


# -- the Tablero ----------------------------------------------------------------------------------


def dashboard_report(
    session: Session, flt: DashboardFilter | None = None, years: YearRange | None = None
) -> Report:
    """The Tablero as a document: every chart of ``load_dashboard`` (whatever charts it has),
    the filters on the cover. ``years`` narrows the charts drawn per year (joined, outcomes…)
    and the Jornadas to the editions held in those years."""
    flt = flt or DashboardFilter()
    years = years or YearRange()
    board = within_years(session, load_dashboard(session, flt), years)
    filters = describe_filter(session, flt)
    if not years.is_all():
        filters += (("Años", years.describe()),)
    return Report(
        "Tablero de la Red",
        "Red de Talentos Mexicanos en cifras",
        filters,
        (("Miembros", board.members),),
        tuple(Section(c.title, (c,)) for c in board.charts),
    )


def describe_filter(session: Session, flt: DashboardFilter) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    if flt.chapter_id is not None:
        out.append(("Capítulo", _chapter_name(session, flt.chapter_id)))
    if flt.sector_id is not None:
        out.append(("Sector", _sector_name(session, flt.sector_id)))
    if flt.country is not None:
        out.append(("País", country_name(flt.country) or flt.country))
    return tuple(out) or (("Selección", "Todos los miembros"),)


def within_years(session: Session, board: Dashboard, years: YearRange) -> Dashboard:
    """``board`` with the charts drawn per year cut to ``years``: a chart whose every label is
    a year keeps those years; the Jornadas chart keeps the editions held in them."""
    if years.is_all():
        return board
    held = {
        str(edition or name): int(str(starts)[:4])
        for name, edition, starts in session.execute(text("SELECT name, edition, starts_on FROM events"))
    }
    charts = []
    for chart in board.charts:
        if chart.bars and all(b.label.isdecimal() and len(b.label) == 4 for b in chart.bars):
            chart = replace(chart, bars=tuple(b for b in chart.bars if int(b.label) in years))
        elif chart.key == "jornadas":
            chart = replace(chart, bars=tuple(b for b in chart.bars if held.get(b.label) in years))
        charts.append(chart)
    return replace(board, charts=tuple(charts))


# -- shared pieces --------------------------------------------------------------------------------


def _chapter_name(session: Session, chapter_id: int) -> str:
    return next((c.name for c in reference.chapters(session) if c.id == chapter_id), str(chapter_id))


def _sector_name(session: Session, sector_id: int) -> str:
    return next(
        (f"{s.number}. {s.name}" for s in reference.sectors(session) if s.id == sector_id), str(sector_id)
    )


def _chart(key: str, title: str, kind: ChartKind, rows: Sequence[tuple[str, int]], series: str = "") -> Chart:
    return Chart(key, title, kind, tuple(Bar(label, int(n), series=series) for label, n in rows))


PROGRAM_COLUMNS = ("Programa", "Tipo", "Estatus", "Inicio", "Fin", "Sector responsable")


def _programs(
    session: Session, where: str, params: Mapping[str, object]
) -> list[tuple[int, tuple[Cell, ...]]]:
    """(id, row) of the programmes ``where`` selects (alias ``p``), by start date then title."""
    rows = session.execute(
        text(
            "SELECT p.id, p.title, k.name, p.status, p.starts_on, p.ends_on, s.number, s.name "
            "FROM programs p JOIN program_kinds k ON k.id = p.kind_id "
            f"LEFT JOIN sectors s ON s.id = p.sector_id WHERE {where} "
            "ORDER BY p.starts_on IS NULL, p.starts_on, p.title"
        ),
        params,
    )
    out: list[tuple[int, tuple[Cell, ...]]] = []
    for pid, title, kind, status, starts, ends, number, sector in rows:
        responsible = f"{number}. {sector}" if sector else "—"
        out.append(
            (int(pid), (title, kind, ProgramStatus(status).label, _day(starts), _day(ends), responsible))
        )
    return out


def _day(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _status_chart(key: str, programs: list[tuple[int, tuple[Cell, ...]]]) -> Chart:
    counts = {s.label: 0 for s in ProgramStatus}
    for _pid, row in programs:
        counts[str(row[2])] += 1
    return _chart(key, "Programas por estatus", ChartKind.PIE, [(k, n) for k, n in counts.items() if n])


def _outcomes(session: Session, program_ids: Sequence[int], title: str) -> tuple[Table, int]:
    """Outcomes of the programmes by kind: how many records and their total quantity."""
    if not program_ids:
        return Table(title, ("Resultado", "Registros", "Cantidad"), ()), 0
    ids = ",".join(str(int(i)) for i in program_ids)
    rows = session.execute(
        text(
            "SELECT kind, count(*), coalesce(sum(quantity), 0) FROM program_outcomes "
            f"WHERE program_id IN ({ids}) GROUP BY kind"
        )
    )
    found = {kind: (int(n), int(q)) for kind, n, q in rows}
    table = tuple((k.label, found[k.value][0], found[k.value][1]) for k in OutcomeKind if k.value in found)
    return Table(title, ("Resultado", "Registros", "Cantidad"), table), sum(n for n, _q in found.values())


def _program_table(title: str, programs: list[tuple[int, tuple[Cell, ...]]]) -> Table:
    return Table(title, PROGRAM_COLUMNS, tuple(row for _pid, row in programs))


def _member_sections(board: Dashboard, keys: Sequence[str]) -> list[Section]:
    """The Tablero's charts named by ``keys`` (those it has), one section each."""
    have = {c.key: c for c in board.charts}
    return [Section(have[k].title, (have[k],)) for k in keys if k in have]


def _jornada_total(board: Dashboard, status_label: str | None = None) -> int:
    chart = next((c for c in board.charts if c.key == "jornadas"), None)
    if chart is None:
        return 0
    return sum(b.count for b in chart.bars if status_label is None or b.series == status_label)


# -- Reporte sectorial (PNCS) -------------------------------------------------------------------


def sector_report(session: Session, sector_id: int) -> Report:
    """What a PNCS is asked for: the members who work in its sector (any of their sectors) by
    country and chapter, with a consent-aware directory; its programmes and their outcomes;
    its members' Jornada participation."""
    sector = next((s for s in reference.sectors(session) if s.id == sector_id), None)
    if sector is None:
        raise TalentDeskError(f"No existe el sector {sector_id}.")
    board = load_dashboard(session, DashboardFilter(sector_id=sector_id))
    primary = int(
        session.execute(
            text("SELECT count(*) FROM member_sectors WHERE sector_id = :s AND is_primary"), {"s": sector_id}
        ).scalar_one()
    )
    listed = _listed_ids(
        session, "m.id IN (SELECT member_id FROM member_sectors WHERE sector_id = :s)", {"s": sector_id}
    )
    programs = _programs(
        session,
        "p.sector_id = :s OR p.id IN (SELECT program_id FROM program_sectors WHERE sector_id = :s)",
        {"s": sector_id},
    )
    outcomes, outcome_count = _outcomes(session, [pid for pid, _r in programs], "Resultados de sus programas")
    country = next((c for c in board.charts if c.key == "country"), None)
    chapters = next((c for c in board.charts if c.key == "chapter"), None)
    figures = (
        ("Miembros con el sector entre los suyos", board.members),
        ("Con el sector como principal", primary),
        ("Aparecen en el directorio (con consentimiento)", len(listed)),
        ("Países de residencia", sum(1 for b in country.bars if b.query is not None) if country else 0),
        ("Capítulos", sum(1 for b in chapters.bars if b.query is not None) if chapters else 0),
        ("Programas del sector", len(programs)),
        ("Resultados registrados", outcome_count),
        ("Participaciones en Jornadas", _jornada_total(board)),
    )
    sections = _member_sections(board, ("country", "chapter", "degree", "contribution", "growth"))
    sections.append(
        Section(
            "Programas y resultados del sector",
            (_status_chart("programs", programs),) if programs else (),
            (_program_table("Programas", programs), outcomes),
            "" if programs else "El sector no tiene programas registrados.",
        )
    )
    sections += _member_sections(board, ("jornadas",))
    name = f"{sector.number}. {sector.name}"
    cover = [("Sector", name)]
    if sector.contact_institution:
        cover.append(("Institución de contacto", sector.contact_institution))
    return Report(
        "Reporte sectorial",
        name,
        tuple(cover),
        figures,
        tuple(sections),
        Directory("Directorio de miembros del sector", tuple(listed), "country"),
        people=tuple(listed),
    )


#: ``exports.consent.listed_clause`` as SQL text (services sit below exports): consent given and
#: no objection to contact. ``tests/unit/test_reports.py`` holds the two to the same members.
LISTED = "(m.directory_consent = 1 AND NOT m.no_contact)"


def _listed_ids(session: Session, where: str, params: dict[str, object]) -> list[int]:
    """Members ``where`` selects who may appear in a directory (``exports.consent``'s rule,
    written here as SQL: an explicit yes and no objection to contact)."""
    sql = f"SELECT m.id FROM members m WHERE ({where}) AND {LISTED}"
    return [int(i) for (i,) in session.execute(text(sql), params)]


# -- Reporte de capítulo -------------------------------------------------------------------------


def chapter_report(session: Session, chapter_id: int) -> Report:
    """A chapter's board and terms, its members and their growth, its programmes and the
    Jornadas its members attended."""
    chapter = next((c for c in reference.chapters(session) if c.id == chapter_id), None)
    if chapter is None:
        raise TalentDeskError(f"No existe el capítulo {chapter_id}.")
    board = load_dashboard(session, DashboardFilter(chapter_id=chapter_id))
    rows = session.execute(
        text(
            "SELECT b.member_id, b.role, b.term_start, b.term_end, m.given_names, m.paternal_surname, "
            f"m.maternal_surname, {LISTED} FROM board_positions b "
            "JOIN members m ON m.id = b.member_id WHERE b.chapter_id = :c "
            "ORDER BY b.term_end IS NOT NULL, b.term_end DESC, b.id"
        ),
        {"c": chapter_id},
    )
    positions: list[tuple[Cell, ...]] = []
    people: list[int] = []
    for member_id, role, start, end, given, paternal, maternal, listed in rows:
        if listed:
            name = " ".join(p for p in (given, paternal, maternal) if p)
            people.append(int(member_id))
        else:
            name = "(nombre reservado: sin consentimiento para publicarse)"
        positions.append((BoardRole(role).label, name, _day(start), _day(end)))
    programs = _programs(
        session, "p.id IN (SELECT program_id FROM program_chapters WHERE chapter_id = :c)", {"c": chapter_id}
    )
    outcomes, outcome_count = _outcomes(session, [pid for pid, _r in programs], "Resultados de sus programas")
    growth = next((c for c in board.charts if c.key == "growth"), None)
    this_year = date.today().year
    figures = (
        ("Miembros", board.members),
        (
            "Nuevos miembros este año",
            next((b.count for b in growth.bars if b.label == str(this_year)), 0) if growth else 0,
        ),
        ("Cargos en la mesa directiva", len(positions)),
        ("Programas con el capítulo", len(programs)),
        ("Resultados registrados", outcome_count),
        ("Asistencias a Jornadas", _jornada_total(board, _attended_label())),
    )
    sections = [
        Section(
            "Mesa directiva",
            tables=(Table("Cargos y periodos", ("Cargo", "Nombre", "Inicio", "Fin"), tuple(positions)),),
            note="" if positions else "El capítulo no tiene mesa directiva registrada.",
        )
    ]
    sections += _member_sections(board, ("growth", "sector", "country", "degree", "contribution"))
    sections.append(
        Section(
            "Programas del capítulo",
            (_status_chart("programs", programs),) if programs else (),
            (_program_table("Programas", programs), outcomes),
            "" if programs else "El capítulo no participa en programas registrados.",
        )
    )
    sections += [
        replace(s, title="Jornadas a las que asistieron sus miembros")
        for s in _member_sections(board, ("jornadas",))
    ]
    cover = [("Capítulo", chapter.name)]
    place = ", ".join(
        p for p in (chapter.city, country_name(chapter.country) if chapter.country else None) if p
    )
    if place:
        cover.append(("Sede", place))
    if chapter.founded_on:
        cover.append(("Fundado", chapter.founded_on.strftime("%d/%m/%Y")))
    return Report(
        "Reporte de capítulo", chapter.name, tuple(cover), figures, tuple(sections), people=tuple(people)
    )


def _attended_label() -> str:
    return ParticipantStatus.ATTENDED.label


# -- Informe anual de la Red ----------------------------------------------------------------------


def annual_report(session: Session, year: int) -> Report:
    """The year of the network: members at its end and joined in it (by chapter and sector),
    growth up to it, programmes active in it and outcomes achieved in it by sector, its Jornadas."""
    year = parse_year(year)
    first, last = f"{year}-01-01", f"{year}-12-31"
    y = {"first": first, "last": last}
    joined = "m.joined_on BETWEEN :first AND :last"
    chapters = {c.id: c.name for c in reference.chapters(session)}
    sectors = {s.id: f"{s.number}. {s.name}" for s in reference.sectors(session)}
    by_chapter = session.execute(
        text(f"SELECT m.chapter_id, count(*) FROM members m WHERE {joined} GROUP BY 1 ORDER BY 2 DESC"), y
    )
    chapter_rows = [
        (chapters.get(k, "Sin capítulo") if k is not None else "Sin capítulo", int(n)) for k, n in by_chapter
    ]
    new = sum(n for _label, n in chapter_rows)  # each member once: no scan of its own
    by_sector = session.execute(
        text(
            "SELECT ms.sector_id, count(*) FROM member_sectors ms JOIN members m ON m.id = ms.member_id "
            f"WHERE {joined} GROUP BY 1"
        ),
        y,
    )
    sector_counts: dict[int, int] = {int(k): int(n) for k, n in by_sector}
    sector_rows = [(name, int(sector_counts.get(k, 0))) for k, name in sectors.items()]
    growth = session.execute(
        text(
            "SELECT strftime('%Y', joined_on), count(*) FROM members WHERE joined_on <= :last "
            "GROUP BY 1 ORDER BY 1"
        ),
        y,
    )
    per_year = [(k, int(n)) for k, n in growth]
    total_end = sum(n for _k, n in per_year)  # every member joined by the end of the year
    growth_rows = [(str(k), n) for k, n in per_year if k is not None]
    active = "(p.starts_on IS NULL OR p.starts_on <= :last) AND (p.ends_on IS NULL OR p.ends_on >= :first) AND p.status <> 'cancelado'"
    programs = _programs(session, f"p.starts_on IS NOT NULL AND {active}", y)
    per_sector: dict[str, int] = {}
    for _pid, row in programs:
        per_sector[str(row[5])] = per_sector.get(str(row[5]), 0) + 1
    outcome_rows = session.execute(
        text(
            "SELECT s.number, s.name, o.kind, count(*), coalesce(sum(o.quantity), 0) FROM program_outcomes o "
            "JOIN programs p ON p.id = o.program_id LEFT JOIN sectors s ON s.id = p.sector_id "
            "WHERE o.achieved_on BETWEEN :first AND :last GROUP BY 1, 2, 3 ORDER BY 1, 3"
        ),
        y,
    )
    outcomes = tuple(
        (f"{number}. {name}" if name else "—", OutcomeKind(kind).label, int(n), int(q))
        for number, name, kind, n, q in outcome_rows
    )
    jornadas = _year_jornadas(session, first, last)
    figures = (
        ("Miembros al cierre del año", total_end),
        ("Nuevos miembros en el año", new),
        ("Programas activos en el año", len(programs)),
        ("Resultados registrados en el año", sum(int(r[2]) for r in outcomes)),
        ("Jornadas en el año", len({b.label for b in jornadas.bars})),
        (
            "Participantes que asistieron a Jornadas",
            sum(b.count for b in jornadas.bars if b.series == _attended_label()),
        ),
    )
    sections = (
        Section(
            "Crecimiento",
            (
                _chart(
                    "growth", f"Nuevos miembros por año de ingreso, hasta {year}", ChartKind.LINE, growth_rows
                ),
            ),
        ),
        Section(
            f"Nuevos miembros en {year}",
            (
                _chart("chapter", f"Nuevos miembros en {year} por capítulo", ChartKind.BARS, chapter_rows),
                _chart("sector", f"Nuevos miembros en {year} por sector", ChartKind.BARS, sector_rows),
            ),
        ),
        Section(
            "Programas y resultados por sector",
            (
                _chart(
                    "programs",
                    f"Programas activos en {year} por sector responsable",
                    ChartKind.BARS,
                    sorted(per_sector.items(), key=lambda r: -r[1]),
                ),
            )
            if programs
            else (),
            (
                _program_table(f"Programas activos en {year}", programs),
                Table(
                    f"Resultados logrados en {year} por sector",
                    ("Sector", "Resultado", "Registros", "Cantidad"),
                    outcomes,
                ),
            ),
            "" if programs else f"No hubo programas activos en {year}.",
        ),
        Section(
            "Jornadas Informativas",
            (jornadas,) if jornadas.bars else (),
            note="" if jornadas.bars else f"No hubo Jornadas en {year}.",
        ),
    )
    return Report("Informe anual de la Red", str(year), (("Año", str(year)),), figures, sections)


def _year_jornadas(session: Session, first: str, last: str) -> Chart:
    """Participants of each Jornada held in the year, by status (the Tablero's chart)."""
    from talentdesk.services.dashboard import JORNADA_STATUSES

    rows = session.execute(
        text(
            "SELECT e.id, coalesce(e.edition, e.name), p.status, count(p.id) FROM events e "
            "JOIN participants p ON p.event_id = e.id WHERE e.starts_on BETWEEN :first AND :last "
            "GROUP BY e.id, p.status ORDER BY e.starts_on"
        ),
        {"first": first, "last": last},
    )
    labels: dict[int, str] = {}
    per: dict[tuple[int, str], int] = {}
    for event_id, label, status, n in rows:
        labels[event_id] = str(label)
        per[(event_id, status)] = int(n)
    bars = tuple(
        Bar(label, per.get((event_id, s.value), 0), series=s.label)
        for event_id, label in labels.items()
        for s in JORNADA_STATUSES
    )
    return Chart("jornadas", "Participación en las Jornadas Informativas", ChartKind.STACKED, bars)
