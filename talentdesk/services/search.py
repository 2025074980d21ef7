"""Member search: accent-insensitive words plus filters, in Spanish name order, paged.

On SQLite every query is one FTS5 expression over ``members.search_text`` (filter values are
indexed as ``_ch3``-style words). FTS5 counts even broad matches in a few milliseconds, but
sorting a broad match set by surname does not scale, so the page is fetched by one of two
plans chosen from the count (figures in docs/benchmarks.md):

* *walk*: follow the ``sort_key`` index and test each row with LIKE until the page is full;
  cost grows with ``(offset + limit) / density``: cheap when matches are common;
* *sort*: join the FTS matches to members and sort them; cost grows with the match count:
  cheap when matches are rare.

Both plans test the very same words, so the page always agrees with the total. Other
databases (PostgreSQL) run the LIKE form alone.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from talentdesk.core.enums import DegreeLevel, MemberStatus
from talentdesk.core.errors import ValidationError
from talentdesk.core.text import clean, filter_token, query_words

#: Measured per-row costs (µs) of the two plans on SQLite; only their ratio matters.
WALK_COST_PER_ROW = 2.5
SORT_COST_PER_MATCH = 1.1


def symbols_only(text: str | None) -> bool:
    """Something was typed, yet nothing to look for: ``%%%``, ``***``, ``-``. Such text folds to
    no words, and a search without words would answer with every member."""
    return bool(clean(text)) and not query_words(text)


def require_words(query: MemberQuery) -> None:
    """Refuse a query whose text is symbols only, saying what to type instead."""
    if query.symbols_only():
        raise ValidationError.single(
            "text", f"La búsqueda «{clean(query.text)}» no tiene letras ni números: escriba letras o números."
        )


@dataclass(frozen=True)
class MemberQuery:
    """What to look for. Values within one filter are alternatives (OR); filters combine (AND)."""

    text: str = ""
    chapter_ids: tuple[int, ...] = ()
    sector_ids: tuple[int, ...] = ()
    countries: tuple[str, ...] = ()
    statuses: tuple[MemberStatus, ...] = ()
    degrees: tuple[DegreeLevel, ...] = ()
    contribution_ids: tuple[int, ...] = ()
    directory_consent: bool | None = None

    def words(self) -> list[str]:
        return query_words(self.text)

    def filter_groups(self) -> list[list[str]]:
        groups: list[list[str]] = []
        for kind, values in (
            ("ch", self.chapter_ids),
            ("se", self.sector_ids),
            ("co", [c.upper() for c in self.countries]),
            ("st", [s.value for s in self.statuses]),
            ("dg", [d.value for d in self.degrees]),
            ("ct", self.contribution_ids),
        ):
            if values:
                groups.append([filter_token(kind, v) for v in dict.fromkeys(values)])
        if self.directory_consent is not None:
            groups.append([filter_token("dc", 1 if self.directory_consent else 0)])
        return groups

    def is_everything(self) -> bool:
        return not self.words() and not self.filter_groups()

    def symbols_only(self) -> bool:
        return symbols_only(self.text)


@dataclass
class SearchPage:
    total: int
    ids: list[int]
    plan: str = field(default="")


def _fts_expression(query: MemberQuery) -> str:
    parts = [f'"{w}"*' for w in query.words()]
    for group in query.filter_groups():
        alternatives = " OR ".join(f'"{token}"' for token in group)
        parts.append(f"({alternatives})" if len(group) > 1 else alternatives)
    return " AND ".join(parts)


def _like_condition(query: MemberQuery) -> tuple[str, dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    for i, word in enumerate(query.words()):
        params[f"w{i}"] = f"% {word}%"
        clauses.append(f"search_text LIKE :w{i}")
    for g, group in enumerate(query.filter_groups()):
        ors = []
        for j, token in enumerate(group):
            params[f"f{g}_{j}"] = "% " + token.replace("_", "\\_") + " %"
            ors.append(f"search_text LIKE :f{g}_{j} ESCAPE '\\'")
        clauses.append("(" + " OR ".join(ors) + ")")
    return " AND ".join(clauses) or "1=1", params


def _uses_fts(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def count_members(session: Session, query: MemberQuery) -> int:
    require_words(query)
    if query.is_everything():
        return int(session.execute(text("SELECT count(*) FROM members")).scalar_one())
    if _uses_fts(session):
        sql = "SELECT count(*) FROM member_fts WHERE member_fts MATCH :expr"
        return int(session.execute(text(sql), {"expr": _fts_expression(query)}).scalar_one())
    where, params = _like_condition(query)
    return int(session.execute(text(f"SELECT count(*) FROM members WHERE {where}"), params).scalar_one())


def search_members(session: Session, query: MemberQuery, *, limit: int = 100, offset: int = 0) -> SearchPage:
    """One page of matching member ids in Spanish name order, with the total count."""
    limit, offset = max(0, limit), max(0, offset)
    total = count_members(session, query)
    if total == 0 or limit == 0 or offset >= total:
        return SearchPage(total, [], "empty")
    page = {"limit": limit, "offset": offset}
    if query.is_everything():
        sql = "SELECT id FROM members ORDER BY sort_key, id LIMIT :limit OFFSET :offset"
        return SearchPage(total, list(session.execute(text(sql), page).scalars()), "index")
    plan = _choose_plan(session, total, limit + offset) if _uses_fts(session) else "walk"
    if plan == "sort":
        sql = (
            "SELECT m.id FROM member_fts JOIN members AS m ON m.id = member_fts.rowid "
            "WHERE member_fts MATCH :expr ORDER BY m.sort_key, m.id LIMIT :limit OFFSET :offset"
        )
        params: dict[str, Any] = {"expr": _fts_expression(query), **page}
    else:
        where, params = _like_condition(query)
        params.update(page)
        sql = f"SELECT id FROM members WHERE {where} ORDER BY sort_key, id LIMIT :limit OFFSET :offset"
    return SearchPage(total, list(session.execute(text(sql), params).scalars()), plan)


def _choose_plan(session: Session, total: int, needed: int) -> str:
    population = int(session.execute(text("SELECT coalesce(max(id), 0) FROM members")).scalar_one())
    density = total / max(population, 1)
    walk_cost = needed / density * WALK_COST_PER_ROW
    sort_cost = total * SORT_COST_PER_MATCH
    return "walk" if walk_cost < sort_cost else "sort"


def matching_ids(session: Session, query: MemberQuery) -> array[int]:
    """Every matching id in Spanish name order, for views that page through all of them."""
    require_words(query)
    if query.is_everything():
        result = session.execute(text("SELECT id FROM members ORDER BY sort_key, id"))
    elif _uses_fts(session):
        result = session.execute(
            text(
                "SELECT m.id FROM member_fts JOIN members AS m ON m.id = member_fts.rowid "
                "WHERE member_fts MATCH :expr ORDER BY m.sort_key, m.id"
            ),
            {"expr": _fts_expression(query)},
        )
    else:
        where, params = _like_condition(query)
        result = session.execute(text(f"SELECT id FROM members WHERE {where} ORDER BY sort_key, id"), params)
    return array("q", result.scalars())
