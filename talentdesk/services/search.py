"""Member search: accent-insensitive words plus filters, in Spanish name order, paged.

On SQLite every query is one FTS5 expression over ``members.search_text`` (filter values are
indexed as ``_ch3``-style words). The index is keyed by name position (``db/search_index.py``):
FTS5 hands its matches over bucket by bucket in name order, so a page at any offset is the
matches FTS5 skips to, with the one or two buckets the page touches sorted by name. The cost
grows with the offset, never with a sort of every match (figures in docs/benchmarks.md).

A typed word longer than the prefix index (five letters) is looked up in the index's
vocabulary and searched as the few whole words it begins, which FTS5 streams, instead of a
prefix FTS5 would first merge in memory. Other databases (PostgreSQL) run the LIKE form.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from talentdesk.core.enums import DegreeLevel, MemberStatus
from talentdesk.core.errors import ValidationError
from talentdesk.core.i18n import _
from talentdesk.core.text import clean, filter_token, query_words
from talentdesk.db.search_index import PREFIX_INDEX_MAX, SLOT_BITS

#: A longer word is searched as the whole words it begins when there are at most this many.
MAX_COMPLETIONS = 32

#: The FTS5 matches (``f``) joined to their members (``fr.member_id``), FTS5 driving the join.
FTS_MATCHES = "member_fts f CROSS JOIN member_fts_rows fr ON fr.pos = f.rowid"
#: The ids of the members matching ``:expr``. They come in name order, so a query that reads
#: member rows for many matches wants them as ``m.id IN (…)``: SQLite sorts the list and then
#: reads the table in id order, instead of jumping around a large table once per match.
MATCHING_IDS = f"SELECT fr.member_id FROM {FTS_MATCHES} WHERE f.member_fts MATCH :expr"

_ONE_WORD = re.compile(r'"[^"*]+"')
_ONE_PREFIX = re.compile(r'"[^"*]+"\*')
_TWO_FILTERS = re.compile(r'"_[^"*]+" AND "_[^"*]+"')


def symbols_only(text: str | None) -> bool:
    """Something was typed, yet nothing to look for: ``%%%``, ``***``, ``-``. Such text folds to
    no words, and a search without words would answer with every member."""
    return bool(clean(text)) and not query_words(text)


def require_words(query: MemberQuery) -> None:
    """Refuse a query whose text is symbols only, saying what to type instead."""
    if query.symbols_only():
        raise ValidationError.single(
            "text",
            _("La búsqueda «{clean}» no tiene letras ni números: escriba letras o números.").format(
                clean=clean(query.text)
            ),
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


def fts_expression(session: Session, query: MemberQuery) -> str:
    """The FTS5 query: every word a prefix, every filter group an OR of its index words."""
    parts = [_word_expression(session, w) for w in query.words()]
    for group in query.filter_groups():
        alternatives = " OR ".join(f'"{token}"' for token in group)
        parts.append(f"({alternatives})" if len(group) > 1 else alternatives)
    return " AND ".join(parts)


def _word_expression(session: Session, word: str) -> str:
    if len(word) <= PREFIX_INDEX_MAX:
        return f'"{word}"*'
    # Without a prefix index of its length FTS5 merges every completion's doclist in memory
    # before the first match (145 ns a posting: 145 ms for `example` at 1M); whole words stream.
    terms = _completions(session, word, MAX_COMPLETIONS + 1)
    if len(terms) > MAX_COMPLETIONS:
        return f'"{word}"*'
    if not terms:
        return f'"{word}"'  # no word begins so: an exact word that matches nothing, fast
    return f'"{terms[0]}"' if len(terms) == 1 else "(" + " OR ".join(f'"{t}"' for t in terms) + ")"


def _completions(session: Session, word: str, limit: int) -> list[str]:
    """Indexed words beginning with ``word``: one seek each in the FTS5 vocabulary.

    The ``instance`` vocabulary is read one row per seek, each seek just past the last word
    found: the ``row`` form would count each word's documents, and ``term > x`` would step
    over all of x's postings (56 ms for ``example`` at 1M against 0.2 ms).
    """
    session.execute(
        text(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.td_fts_terms USING fts5vocab(main, member_fts, instance)"
        )
    )
    sql = text(
        "WITH RECURSIVE found(term) AS ("
        " SELECT (SELECT term FROM temp.td_fts_terms WHERE term >= :word AND term < :after LIMIT 1)"
        " UNION ALL SELECT (SELECT term FROM temp.td_fts_terms WHERE term >= found.term || char(1)"
        " AND term < :after LIMIT 1) FROM found WHERE found.term IS NOT NULL"
        ") SELECT term FROM found WHERE term IS NOT NULL LIMIT :limit"
    )
    after = word[:-1] + chr(ord(word[-1]) + 1)  # words are [a-z0-9]: the next character bounds them
    return [str(t) for t in session.execute(sql, {"word": word, "after": after, "limit": limit}).scalars()]


def like_condition(query: MemberQuery) -> tuple[str, dict[str, Any]]:
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


def uses_fts(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def count_members(session: Session, query: MemberQuery) -> int:
    require_words(query)
    if query.is_everything():
        return _count_all(session)
    if uses_fts(session):
        return _fts_count(session, fts_expression(session, query))
    where, params = like_condition(query)
    return int(session.execute(text(f"SELECT count(*) FROM members WHERE {where}"), params).scalar_one())


def _count_all(session: Session) -> int:
    return int(session.execute(text("SELECT count(*) FROM members")).scalar_one())


def _fts_count(session: Session, expr: str) -> int:
    """How many members match. A prefix, word or filter 500,000 members carry is counted live by
    the index's triggers (``member_fts_counts``). Another single whole word or filter is counted by
    the FTS5 vocabulary, which walks its list inside FTS5 (17 ns a member against 29 for
    ``count(*)``)."""
    if (live := _live_count(session, expr)) is not None:
        return live
    if _ONE_WORD.fullmatch(expr):
        session.execute(
            text(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.td_fts_words USING fts5vocab(main, member_fts, row)"
            )
        )
        docs = session.execute(text("SELECT doc FROM temp.td_fts_words WHERE term = :t"), {"t": expr[1:-1]})
        return int(docs.scalar() or 0)
    sql = "SELECT count(*) FROM member_fts WHERE member_fts MATCH :expr"
    return int(session.execute(text(sql), {"expr": expr}).scalar_one())


def _cheap_count(session: Session, expr: str) -> int | None:
    """The total when an index keeps it (a live count, or one whole word's vocabulary entry):
    known before the page, so a deep page may be found from the end. None: it costs a pass."""
    if (live := _live_count(session, expr)) is not None:
        return live
    return _fts_count(session, expr) if _ONE_WORD.fullmatch(expr) else None


def _live_count(session: Session, expr: str) -> int | None:
    """A count the index's triggers keep: a common prefix, word or filter, or two dense filters
    together (``search_index.ADJACENT_FILTERS``)."""
    if not (_ONE_WORD.fullmatch(expr) or _ONE_PREFIX.fullmatch(expr) or _TWO_FILTERS.fullmatch(expr)):
        return None
    docs = session.execute(text("SELECT docs FROM member_fts_counts WHERE expr = :e"), {"e": expr}).scalar()
    return None if docs is None else int(docs)


def _fts_count_from(session: Session, expr: str, first: int, offset: int) -> int:
    """The total when the match at ``offset`` is at position ``first``: the matches before it
    are ``offset``; counting from it on skips them (a rowid bound costs a quarter more a row)."""
    if offset == 0 or _ONE_WORD.fullmatch(expr) or _live_count(session, expr) is not None:
        return _fts_count(session, expr)
    sql = "SELECT count(*) FROM member_fts WHERE member_fts MATCH :expr AND rowid >= :first"
    return offset + int(session.execute(text(sql), {"expr": expr, "first": first}).scalar_one())


def search_members(session: Session, query: MemberQuery, *, limit: int = 100, offset: int = 0) -> SearchPage:
    """One page of matching member ids in Spanish name order, with the total count."""
    require_words(query)
    limit, offset = max(0, limit), max(0, offset)
    if query.is_everything():
        total = _count_all(session)
        if limit == 0 or offset >= total:
            return SearchPage(total, [], "empty")
        if offset > total // 2:  # past the middle the index is walked from its other end
            sql = "SELECT id FROM members ORDER BY sort_key DESC, id DESC LIMIT :limit OFFSET :back"
            back, take = _from_the_end(total, limit, offset)
            ids = list(session.execute(text(sql), {"limit": take, "back": back}).scalars())
            return SearchPage(total, ids[::-1], "index-back")
        sql = "SELECT id FROM members ORDER BY sort_key, id LIMIT :limit OFFSET :offset"
        return SearchPage(
            total,
            list(session.execute(text(sql), {"limit": limit, "offset": offset}).scalars()),
            "index",
        )
    if not uses_fts(session):
        total = count_members(session, query)
        if total == 0 or limit == 0 or offset >= total:
            return SearchPage(total, [], "empty")
        where, params = like_condition(query)
        sql = f"SELECT id FROM members WHERE {where} ORDER BY sort_key, id LIMIT :limit OFFSET :offset"
        return SearchPage(
            total,
            list(session.execute(text(sql), {**params, "limit": limit, "offset": offset}).scalars()),
            "like",
        )
    expr = fts_expression(session, query)
    if limit == 0:
        return SearchPage(_fts_count(session, expr), [], "empty")
    known = _cheap_count(session, expr) if offset else None
    if known is not None and offset > known // 2:
        # Past the middle, FTS5 skips from the last match backwards: `a` at 500,000 of 850,000
        # steps over 350,000 matches instead of 500,000, the last page over none.
        if offset >= known:
            return SearchPage(known, [], "empty")
        back, take = _from_the_end(known, limit, offset)
        rows = _page_matches(session, expr, take, back, backwards=True)
        if not rows:
            return SearchPage(known, [], "empty")
        total, plan = known, "fts-back"
        full = offset + len(rows) < known
    else:
        rows = _page_matches(session, expr, limit, offset)
        if not rows:
            return SearchPage(_fts_count(session, expr), [], "empty")
        full = len(rows) == limit
        total = _fts_count_from(session, expr, rows[0][0], offset) if full else offset + len(rows)
        plan = "fts"
    first, last = rows[0][0], rows[-1][0]
    # Positions order buckets, not the members inside one: complete the first and the last
    # bucket the page touches (nothing lies before the first match, nor after a short page's
    # last), sort, and the page starts after the matches that came before `first`.
    bucket = 1 << SLOT_BITS
    before = (
        _matches(
            session,
            expr,
            "AND f.rowid >= :a AND f.rowid < :b",
            a=first // bucket * bucket,
            b=first,
        )
        if offset
        else []
    )
    after = (
        _matches(
            session,
            expr,
            "AND f.rowid > :a AND f.rowid < :b",
            a=last,
            b=(last // bucket + 1) * bucket,
        )
        if full
        else []
    )
    ordered = sorted(before + rows + after, key=lambda row: (row[2], row[1]))
    return SearchPage(total, [row[1] for row in ordered[len(before) : len(before) + limit]], plan)


def _from_the_end(total: int, limit: int, offset: int) -> tuple[int, int]:
    """The same page counted from the last row: (rows to skip from the end, rows to take)."""
    take = min(limit, total - offset)
    return total - offset - take, take


def _matches(session: Session, expr: str, tail: str, **params: int) -> list[tuple[int, int, str]]:
    """(position, member id, sort key) of the matches that ``tail`` bounds."""
    sql = (
        f"SELECT f.rowid, fr.member_id, fr.sort_key FROM {FTS_MATCHES} WHERE f.member_fts MATCH :expr {tail}"
    )
    return [(int(p), int(m), str(k)) for p, m, k in session.execute(text(sql), {"expr": expr, **params})]


def _page_matches(
    session: Session, expr: str, limit: int, offset: int, *, backwards: bool = False
) -> list[tuple[int, int, str]]:
    """The ``limit`` matches from ``offset`` on in position order (``backwards``: ``offset``
    counted from the last match), ascending: skipped inside FTS5, and only those joined to their
    members (a join before the OFFSET would look up every skipped one)."""
    direction = "DESC" if backwards else ""
    sql = (
        "SELECT p.pos, fr.member_id, fr.sort_key FROM (SELECT rowid AS pos FROM member_fts "
        f"WHERE member_fts MATCH :expr ORDER BY rowid {direction} LIMIT :limit OFFSET :offset) AS p "
        "CROSS JOIN member_fts_rows fr ON fr.pos = p.pos ORDER BY p.pos"
    )
    params = {"expr": expr, "limit": limit, "offset": offset}
    return [(int(p), int(m), str(k)) for p, m, k in session.execute(text(sql), params)]


def matching_ids(session: Session, query: MemberQuery) -> array[int]:
    """Every matching id in Spanish name order, for views that page through all of them."""
    require_words(query)
    if query.is_everything():
        result = session.execute(text("SELECT id FROM members ORDER BY sort_key, id"))
    elif uses_fts(session):
        result = session.execute(
            text(
                f"SELECT fr.member_id FROM {FTS_MATCHES} WHERE f.member_fts MATCH :expr "
                "ORDER BY fr.sort_key, fr.member_id"
            ),
            {"expr": fts_expression(session, query)},
        )
    else:
        where, params = like_condition(query)
        result = session.execute(text(f"SELECT id FROM members WHERE {where} ORDER BY sort_key, id"), params)
    return array("q", result.scalars())
