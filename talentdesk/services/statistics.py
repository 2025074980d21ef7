"""How many members fall in each group — by chapter, country, degree, status, sector (primary
and any), contribution offered and year joined — for a whole database or a selection made with
the members search's own ``MemberQuery``. The statistics workbook, the Tablero and the reports
count through here, so their figures agree with each other and with the members list.

Counts are grouped queries in the database, never rows loaded into Python: for all members on
SQLite, the full-text index's own per-word document counts (the filter words every member
carries); for a selection, its ids chosen once into a temporary table (``choose``), then one
grouped pass over their rows and one over each link table, along primary keys.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from talentdesk.core.countries import countries
from talentdesk.core.enums import DegreeLevel, MemberStatus
from talentdesk.core.models import Chapter, Member
from talentdesk.core.text import filter_token
from talentdesk.services.search import MATCHING_IDS, MemberQuery, fts_expression, like_condition, uses_fts


@dataclass
class MemberCounts:
    """How many members (of a selection) fall in each group; ``None`` keys = not recorded."""

    total: int = 0
    consent: int = 0
    status: Counter[str | None] = field(default_factory=Counter)
    chapter: Counter[int | None] = field(default_factory=Counter)
    country: Counter[str | None] = field(default_factory=Counter)
    degree: Counter[str | None] = field(default_factory=Counter)
    primary_sector: Counter[int | None] = field(default_factory=Counter)
    any_sector: Counter[int] = field(default_factory=Counter)
    #: Members offering each kind of contribution (aportación); a member may offer several.
    contribution: Counter[int] = field(default_factory=Counter)
    #: Members by the year they joined the network (None: not recorded).
    joined_year: Counter[int | None] = field(default_factory=Counter)


def member_counts(session: Session, query: MemberQuery | None = None, *, years: bool = False) -> MemberCounts:
    """Every count of the workbook in a few grouped queries.

    All members on SQLite: the full-text index's own per-word document counts (the very
    numbers the members view shows for each filter), so the members table is not scanned.
    A search: its members are chosen once (:func:`choose`), then one pass over their rows
    counts every column, one over their sector links and one over their contributions.
    ``years``: also count by year joined — for all members a read of the ``joined_on`` index
    (~30 ms at 1,000,000); for a selection the same pass as the other columns.
    """
    query = query or MemberQuery()
    counts = MemberCounts()
    if query.is_everything():
        _count_everyone(session, counts, years=years)
    else:
        _count_chosen(session, choose(session, query), counts, years=years)
    without = counts.total - sum(counts.primary_sector.values())
    if without:
        counts.primary_sector[None] = without
    return counts


def year_counts(session: Session, query: MemberQuery, counts: MemberCounts) -> None:
    """Only ``counts.joined_year`` (see ``member_counts(years=True)``), for the selection."""
    if query.is_everything():
        _years_from_index(session, counts)
        return
    year = _year_of(session)
    chosen = choose(session, query)
    for value, n in session.execute(text(f"SELECT {year}, count(*) FROM {chosen} GROUP BY 1")):
        counts.joined_year[int(value) if value is not None else None] += int(n)


#: The members chosen by the last :func:`choose` of the session's transaction: a temporary
#: table of their ids (the primary key: read in id order, joined to the members table in order).
CHOSEN_IDS = "SELECT id FROM td_chosen"


def choose(session: Session, query: MemberQuery) -> str:
    """Put the ids of the members ``query`` selects in the temporary table ``td_chosen`` (what
    :data:`CHOSEN_IDS` reads) and return a FROM clause of their rows (``m``).

    The search runs once, however many groups are counted from it: on SQLite the FTS5 matches
    (one chapter alone: the range of ``ix_members_chapter_id``, the same members, already in id
    order), elsewhere the LIKE form.
    """
    session.execute(text("CREATE TEMP TABLE IF NOT EXISTS td_chosen (id INTEGER PRIMARY KEY)"))
    session.execute(text("DELETE FROM td_chosen"))
    params: dict[str, Any]
    if query == MemberQuery(chapter_ids=query.chapter_ids) and len(query.chapter_ids) == 1:
        fill, params = "SELECT id FROM members WHERE chapter_id = :chapter", {"chapter": query.chapter_ids[0]}
    elif uses_fts(session):
        fill, params = MATCHING_IDS, {"expr": fts_expression(session, query)}
    else:
        where, params = like_condition(query)
        fill = f"SELECT id FROM members WHERE {where}"
    session.execute(text(f"INSERT INTO td_chosen (id) {fill}"), params)
    return f"td_chosen c {_chosen_first(session)} members m ON m.id = c.id"


def _chosen_first(session: Session) -> str:
    """The join that reads the chosen ids first: SQLite's CROSS JOIN keeps the order written (a
    temporary table has no statistics, and a plain JOIN scanned all 1,000,000 members or links
    looking each one up among the chosen: 0.2 s for 7,490 members)."""
    return "CROSS JOIN" if session.get_bind().dialect.name == "sqlite" else "JOIN"


def _count_everyone(session: Session, counts: MemberCounts, *, years: bool) -> None:
    if not (uses_fts(session) and _from_index(session, counts)):
        _count_columns(session, "members m", counts, years=False)
    # two index reads: sector_id's, and the primary links' range
    any_sql = "SELECT sector_id, count(*) FROM member_sectors GROUP BY sector_id"
    counts.any_sector.update({k: int(n) for k, n in session.execute(text(any_sql))})
    # "= :primary", not a bare "WHERE is_primary": only an equality reads ix_member_sectors_primary
    # (57 ms at 1M) instead of every link in the table (410 ms).
    primary_sql = (
        "SELECT sector_id, count(*) FROM member_sectors WHERE is_primary = :primary GROUP BY sector_id"
    )
    primary = session.execute(text(primary_sql), {"primary": True})
    counts.primary_sector.update({k: int(n) for k, n in primary})
    if not counts.contribution:  # not already from the full-text vocabulary
        sql = "SELECT contribution_id, count(*) FROM member_contributions GROUP BY contribution_id"
        counts.contribution.update({k: int(n) for k, n in session.execute(text(sql))})
    if years:
        _years_from_index(session, counts)


def _count_chosen(session: Session, members: str, counts: MemberCounts, *, years: bool) -> None:
    """The chosen members' counts: one pass over their rows, one over their sector links (the
    primary key's index: member, sector), one over their contributions (likewise)."""
    _count_columns(session, members, counts, years=years)
    join = _chosen_first(session)
    sql = (
        "SELECT ms.sector_id, count(*), sum(CASE WHEN ms.is_primary THEN 1 ELSE 0 END) "
        f"FROM td_chosen c {join} member_sectors ms ON ms.member_id = c.id GROUP BY ms.sector_id"
    )
    for sector_id, n, primary in session.execute(text(sql)):
        counts.any_sector[sector_id] = int(n)
        if primary:
            counts.primary_sector[sector_id] = int(primary)
    sql = (
        "SELECT mc.contribution_id, count(*) FROM td_chosen c "
        f"{join} member_contributions mc ON mc.member_id = c.id GROUP BY mc.contribution_id"
    )
    counts.contribution.update({k: int(n) for k, n in session.execute(text(sql))})


def _count_columns(session: Session, members: str, counts: MemberCounts, *, years: bool) -> None:
    year = _year_of(session) if years else "NULL"
    rows = session.execute(
        text(
            "SELECT m.chapter_id, m.country, m.degree_level, m.status, m.directory_consent, "
            f"{year}, count(*) FROM {members} GROUP BY 1, 2, 3, 4, 5, 6"
        )
    )
    for chapter_id, country, degree, status, consent, joined, n in rows:
        counts.total += n
        counts.consent += n if consent else 0
        counts.chapter[chapter_id] += n
        counts.country[country or None] += n
        counts.degree[degree or None] += n
        counts.status[status or None] += n
        if years:
            counts.joined_year[int(joined) if joined is not None else None] += n


def _year_of(session: Session) -> str:
    """The year joined of ``m`` as SQL (SQLite keeps a date as its ISO text)."""
    if session.get_bind().dialect.name == "sqlite":
        return "CAST(substr(m.joined_on, 1, 4) AS INTEGER)"
    return "CAST(extract(year FROM m.joined_on) AS INTEGER)"


def _from_index(session: Session, counts: MemberCounts) -> bool:
    """Counts of all members from the FTS5 vocabulary of filter words (``_ch3``, ``_cous``…).

    ~10× faster than scanning a million rows. False (nothing filled) when the index
    is missing or disagrees with the table's row count, so the caller scans instead.
    """
    try:
        session.execute(
            text(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.td_member_vocab USING fts5vocab(main, member_fts, row)"
            )
        )
        vocab = "SELECT term, doc FROM temp.td_member_vocab WHERE term >= '_' AND term < '`'"
        words: dict[str, int] = {term: int(doc) for term, doc in session.execute(text(vocab))}
    except DBAPIError:
        return False
    total = int(session.execute(text("SELECT count(*) FROM members")).scalar_one())
    if words.get(filter_token("dc", 0), 0) + words.get(filter_token("dc", 1), 0) != total:
        return False  # every member carries exactly one consent word: the index is not whole
    found: dict[str, Counter[Any]] = {}
    for kind, values in (
        ("ch", list(session.scalars(select(Chapter.id)))),
        ("co", [code for code, _name in countries()]),
        ("dg", [d.value for d in DegreeLevel]),
        ("st", [s.value for s in MemberStatus]),
    ):
        known = {filter_token(kind, v): v for v in values}
        counter: Counter[Any] = Counter()
        for term, n in words.items():
            if term.startswith(f"_{kind}") and n:
                if term in known:
                    counter[known[term]] += int(n)
                elif kind == "co":  # a code pycountry does not know: still a country
                    counter[term[3:].upper()] += int(n)
        missing = total - sum(counter.values())
        if missing < 0:
            return False  # more words than members: not this index's words
        if missing:
            counter[None] = missing
        found[kind] = counter
    counts.total = total
    counts.consent = int(words.get(filter_token("dc", 1), 0))
    counts.chapter, counts.country = found["ch"], found["co"]
    counts.degree, counts.status = found["dg"], found["st"]
    # A member offers any number of contributions: each word's document count is one figure.
    counts.contribution.update(
        {
            int(term[3:]): int(n)
            for term, n in words.items()
            if term.startswith("_ct") and term[3:].isdecimal() and n
        }
    )
    return True


def _years_from_index(session: Session, counts: MemberCounts) -> None:
    """Members of each year joined, as one range of ``ix_members_joined_on`` per year between
    the first and the last (each a count inside the index: ~30 ms at 1,000,000 members where
    grouping the table by year took ~0.5 s of CPU)."""
    joined = Member.joined_on
    first, last = session.execute(select(func.min(joined), func.max(joined))).one()
    if first is not None and last is not None:
        for year in range(first.year, last.year + 1):
            n = session.scalar(
                select(func.count()).where(joined >= date(year, 1, 1), joined < date(year + 1, 1, 1))
            )
            if n:
                counts.joined_year[year] += int(n)
    unknown = session.scalar(select(func.count()).where(joined.is_(None)))
    if unknown:
        counts.joined_year[None] += int(unknown)
