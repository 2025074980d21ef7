"""Member search: accent-insensitive prefixes, filters, Spanish order, paging, both query plans."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session, selectinload

from talentdesk.core.enums import DegreeLevel, MemberStatus
from talentdesk.core.errors import ValidationError
from talentdesk.core.models import Member
from talentdesk.db import search_index
from talentdesk.db.search_index import bulk_member_load, integrity_problems, renumber
from talentdesk.db.session import Database
from talentdesk.services import search
from talentdesk.services.members import delete_member, update_member
from talentdesk.services.search import (
    MemberQuery,
    count_members,
    fts_expression,
    matching_ids,
    search_members,
)

from .helpers import add


def ids_for(session: Session, query: MemberQuery, limit: int = 1000) -> list[int]:
    return search_members(session, query, limit=limit).ids


@pytest.fixture()
def people(db: Database) -> dict[str, int]:
    with db.session() as s:
        made = {
            "nunez": add(s, "Ana", "Nunez", email="ana.n@example.com").id,
            "nunez_accent": add(s, "José", "Núñez", "Ávila", chapter_id=1, country="US", status="activo").id,
            "nunfio": add(s, "Beto", "Nunfio", sector_ids=[2], degree_level="doctorado").id,
            "nuo": add(s, "Carla", "Nuo", contribution_ids=[3], directory_consent=True).id,
            "jose": add(s, "Josefina", "García", city="San José", employer="Pemex", chapter_id=2).id,
            "ana": add(s, "María José", "Ñañez", country="MX", status="inactivo").id,
        }
    return made


def test_accents_and_case_do_not_matter(db: Database, people: dict[str, int]) -> None:
    with db.reader() as s:
        assert people["nunez_accent"] in ids_for(s, MemberQuery(text="nunez"))
        assert people["nunez"] in ids_for(s, MemberQuery(text="NÚÑEZ"))
        assert set(ids_for(s, MemberQuery(text="NUÑEZ"))) == {people["nunez"], people["nunez_accent"]}
        assert set(ids_for(s, MemberQuery(text="jose"))) == {
            people["nunez_accent"],
            people["jose"],
            people["ana"],
        }
        assert ids_for(s, MemberQuery(text="josé nuñez ávila")) == [people["nunez_accent"]]
        assert ids_for(s, MemberQuery(text="pemex san")) == [people["jose"]]
        assert ids_for(s, MemberQuery(text="zzz")) == []
        assert ids_for(s, MemberQuery(text="unez")) == []  # prefixes of words only


def test_results_in_spanish_order(db: Database, people: dict[str, int]) -> None:
    with db.reader() as s:
        got = ids_for(s, MemberQuery(text="nu"))
        assert got == [people["nunez"], people["nunfio"], people["nunez_accent"], people["nuo"]]
        everything = ids_for(s, MemberQuery())
        assert everything == [
            people["jose"],
            people["nunez"],
            people["nunfio"],
            people["nunez_accent"],
            people["nuo"],
            people["ana"],  # Ñañez: Ñ after every N
        ]


def test_filters_alone_and_with_text(db: Database, people: dict[str, int]) -> None:
    with db.reader() as s:
        assert set(ids_for(s, MemberQuery(chapter_ids=(1, 2)))) == {people["nunez_accent"], people["jose"]}
        assert ids_for(s, MemberQuery(text="jose", chapter_ids=(1,))) == [people["nunez_accent"]]
        assert ids_for(s, MemberQuery(sector_ids=(2,))) == [people["nunfio"]]
        assert ids_for(s, MemberQuery(countries=("mx",))) == [people["ana"]]
        assert ids_for(s, MemberQuery(statuses=(MemberStatus.INACTIVE,))) == [people["ana"]]
        assert ids_for(s, MemberQuery(degrees=(DegreeLevel.DOCTORADO,))) == [people["nunfio"]]
        assert ids_for(s, MemberQuery(contribution_ids=(3,))) == [people["nuo"]]
        assert ids_for(s, MemberQuery(directory_consent=True)) == [people["nuo"]]
        assert len(ids_for(s, MemberQuery(directory_consent=False))) == 5
        prospects = ids_for(s, MemberQuery(text="nu", statuses=(MemberStatus.PROSPECT,)))
        assert prospects == [people["nunez"], people["nunfio"], people["nuo"]]
        assert ids_for(s, MemberQuery(text="jose", countries=("US",), statuses=(MemberStatus.ACTIVE,))) == [
            people["nunez_accent"]
        ]
        assert ids_for(s, MemberQuery(text="jose", chapter_ids=(3,))) == []


def test_paging_consistent_with_total(db: Database) -> None:
    with db.session() as s:
        for i in range(23):
            add(s, f"Persona{i:02d}", "García" if i % 2 else "Garza")
    with db.reader() as s:
        q = MemberQuery(text="gar")
        full = ids_for(s, q)
        assert len(full) == 23
        pages = [search_members(s, q, limit=5, offset=o) for o in range(0, 30, 5)]
        assert all(p.total == 23 for p in pages)
        assert [i for p in pages for i in p.ids] == full
        assert pages[-1].ids == [] and pages[-1].plan == "empty"
        assert search_members(s, q, limit=0).ids == []
        assert search_members(s, q, limit=5, offset=-3).ids == full[:5]
        assert list(matching_ids(s, q)) == full
        assert list(matching_ids(s, MemberQuery())) == ids_for(s, MemberQuery())


@pytest.mark.parametrize("text", ["%%%", "***", "-", " - ", "¿?", "😀"])
def test_text_of_symbols_only_is_refused_not_answered_with_everyone(
    db: Database, people: dict[str, int], text: str
) -> None:
    """Such text folds to no words; the search used to treat it as no text at all."""
    query = MemberQuery(text=text, chapter_ids=(1,))
    assert query.symbols_only() and search.symbols_only(text)
    with db.reader() as s:
        for run in (lambda: search_members(s, query), lambda: matching_ids(s, query)):
            with pytest.raises(ValidationError, match="escriba letras o números") as refused:
                run()
            assert refused.value.for_field("text")


@pytest.mark.parametrize("text", ["", "   ", "ana", "%ana%", "a-b", "北京"])
def test_text_with_something_to_look_for_is_searched(db: Database, people: dict[str, int], text: str) -> None:
    assert not search.symbols_only(text)
    with db.reader() as s:
        search_members(s, MemberQuery(text=text))


@pytest.mark.sqlite_only(reason="it checks the SQLite full-text index (FTS5) itself; PostgreSQL search has its own design (issue 16)")
def test_updates_and_deletes_keep_index_in_step(db: Database, people: dict[str, int]) -> None:
    with db.session() as s:
        update_member(s, people["nuo"], {"paternal_surname": "Olvera", "chapter_id": 3})
    with db.reader() as s:
        assert people["nuo"] not in ids_for(s, MemberQuery(text="nuo"))
        assert ids_for(s, MemberQuery(text="olvera", chapter_ids=(3,))) == [people["nuo"]]
        assert search_members(s, MemberQuery(text="nu")).total == 3
    with db.session() as s:
        delete_member(s, people["nunfio"])
        update_member(s, people["jose"], {"sector_ids": [9], "contribution_ids": [1]})
    with db.reader() as s:
        assert search_members(s, MemberQuery(text="nunfio")).total == 0
        assert search_members(s, MemberQuery(sector_ids=(2,))).total == 0
        assert ids_for(s, MemberQuery(sector_ids=(9,), contribution_ids=(1,))) == [people["jose"]]
        assert (
            s.connection().exec_driver_sql(
                "INSERT INTO member_fts(member_fts, rank) VALUES ('integrity-check', 1)"
            )
            is not None
        )


# -- both plans and a brute-force oracle over the demo data --------------------------------


def _strip_accents(text: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFD", text.lower()):
        if unicodedata.combining(ch):
            if ch == "\u0303" and out and out[-1] == "n":
                out[-1] = "ñ"
            continue
        out.append(ch)
    return "".join(out)


def _oracle_words(text: str | None) -> list[str]:
    plain = "".join(c if c.isalnum() else " " for c in _strip_accents(text or ""))
    return plain.replace("ñ", "n").split()


ALPHABET = "0123456789 abcdefghijklmnñopqrstuvwxyz"


def _oracle_part(text: str | None) -> tuple[int, ...]:
    plain = " ".join("".join(c if c.isalnum() else " " for c in _strip_accents(text or "")).split())
    return tuple(ALPHABET.index(c) for c in plain)


@dataclass(frozen=True)
class Row:
    id: int
    words: frozenset[str]
    order: tuple[tuple[int, ...], ...]
    chapter: int | None
    sectors: frozenset[int]
    country: str | None
    status: str
    degree: str | None
    contributions: frozenset[int]
    consent: bool


def _rows(session: Session) -> list[Row]:
    members = session.scalars(
        select(Member).options(selectinload(Member.sector_links), selectinload(Member.contributions))
    )
    rows = []
    for m in members:
        texts = (m.given_names, m.paternal_surname, m.maternal_surname, m.preferred_name, m.email)
        texts += (m.employer, m.job_title, m.city, m.expertise)
        rows.append(
            Row(
                id=m.id,
                words=frozenset(w for t in texts for w in _oracle_words(t)),
                order=(
                    _oracle_part(m.paternal_surname),
                    _oracle_part(m.maternal_surname),
                    _oracle_part(m.given_names),
                ),
                chapter=m.chapter_id,
                sectors=frozenset(m.sector_ids),
                country=m.country,
                status=m.status.value,
                degree=m.degree_level.value if m.degree_level else None,
                contributions=frozenset(c.id for c in m.contributions),
                consent=bool(m.directory_consent),
            )
        )
    return rows


def _oracle(rows: list[Row], q: MemberQuery) -> list[int]:
    wanted = _oracle_words(q.text)

    def ok(r: Row) -> bool:
        return (
            all(any(w.startswith(x) for w in r.words) for x in wanted)
            and (not q.chapter_ids or r.chapter in q.chapter_ids)
            and (not q.sector_ids or bool(r.sectors & set(q.sector_ids)))
            and (not q.countries or r.country in {c.upper() for c in q.countries})
            and (not q.statuses or r.status in {s.value for s in q.statuses})
            and (not q.degrees or r.degree in {d.value for d in q.degrees})
            and (not q.contribution_ids or bool(r.contributions & set(q.contribution_ids)))
            and (q.directory_consent is None or r.consent == q.directory_consent)
        )

    return [r.id for r in sorted((r for r in rows if ok(r)), key=lambda r: (r.order, r.id))]


def _queries(rows: list[Row], count: int) -> Iterator[MemberQuery]:
    rng = random.Random(20240501)
    yield MemberQuery(text="nunez")
    yield MemberQuery(text="maria jose")
    yield MemberQuery(text="a")
    yield MemberQuery(text="e", directory_consent=True)
    yield MemberQuery(text="example", chapter_ids=(1, 2, 3))
    for _ in range(count):
        text_words = []
        for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
            word = rng.choice(sorted(rng.choice(rows).words))
            text_words.append(word[: rng.randint(1, len(word))])
        if rng.random() < 0.1:
            text_words.append("QÚ" if rng.random() < 0.5 else "Ñ")
        yield MemberQuery(
            text=" ".join(w.upper() if rng.random() < 0.2 else w for w in text_words),
            chapter_ids=tuple(rng.sample(range(1, 22), rng.randint(1, 4))) if rng.random() < 0.3 else (),
            sector_ids=tuple(rng.sample(range(1, 10), rng.randint(1, 3))) if rng.random() < 0.3 else (),
            countries=tuple(rng.sample(["US", "ca", "ES", "MX", "DE"], 2)) if rng.random() < 0.2 else (),
            statuses=(rng.choice(list(MemberStatus)),) if rng.random() < 0.3 else (),
            degrees=tuple(rng.sample(list(DegreeLevel), 2)) if rng.random() < 0.2 else (),
            contribution_ids=(rng.randint(1, 11),) if rng.random() < 0.2 else (),
            directory_consent=rng.choice((None, None, True, False)),
        )


def _offsets(total: int, rng: random.Random) -> set[int]:
    return {0, 1, total // 2, total * 3 // 4, max(0, total - 1), total, total + 3, rng.randint(0, total + 5)}


def _shuffle_positions(database: Database, bucket_size: int) -> None:
    """Number the demo afresh in small buckets, then edit it so slots leave name order: members
    added at both ends and in between (equal names too), one renamed into another bucket, one
    deleted."""
    with database.session() as s:
        renumber(s.connection(), bucket_size)
        add(s, "Zoe", "Aaa")
        add(s, "Ana", "Zzz", "Zzz")
        twins = [add(s, "Mario", "Medina", "Soto").id for _ in range(3)]
        first = s.scalars(select(Member.id).order_by(Member.sort_key, Member.id)).first()
        assert first is not None
        update_member(s, first, {"paternal_surname": "Olvera"})
        delete_member(s, twins[1])
    with database.engine.connect() as conn:
        assert integrity_problems(conn) == []


@pytest.mark.parametrize("bucket_size", [3, 40, 512])
def test_every_page_at_every_offset_agrees_with_brute_force(
    demo_db_path: Path, bucket_size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages come from FTS5 in position order, bucket by bucket, sorted within the buckets a
    page touches: whatever the bucket size and however far slots left name order, every page at
    every offset is the brute-force answer, and so are the LIKE form (PostgreSQL) and long words
    searched as a prefix instead of as their whole words. Totals of common prefixes come from the
    live counts (here: prefixes, words and filters 40 of the 300 members carry), kept through the edits."""
    database = Database.open(demo_db_path)
    try:
        monkeypatch.setattr(search_index, "COUNTED_DOCS", 40)
        _shuffle_positions(database, bucket_size)
        monkeypatch.undo()
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM member_fts_counts").scalar_one() > 15
        with database.reader() as s:
            rows = _rows(s)
            assert len(rows) == 304
            rng = random.Random(bucket_size)
            checked = nonempty = 0
            plans: set[str] = set()
            for n, q in enumerate([MemberQuery(), *_queries(rows, 150)]):
                expected = _oracle(rows, q)
                nonempty += bool(expected)
                total = len(expected)
                assert count_members(s, q) == total, q
                assert list(matching_ids(s, q)) == expected, q
                for offset in _offsets(total, rng):
                    for limit in (1, 7, 1000):
                        page = search_members(s, q, limit=limit, offset=offset)
                        assert (page.total, page.ids) == (total, expected[offset : offset + limit]), (
                            q,
                            offset,
                        )
                        checked += 1
                        plans.add(page.plan)
                if n % 5 == 0:
                    offset, limit = rng.randint(0, total + 1), rng.randint(1, 30)
                    for name, value in (("uses_fts", lambda _s: False), ("MAX_COMPLETIONS", 0)):
                        monkeypatch.setattr(search, name, value)
                        page = search_members(s, q, limit=limit, offset=offset)
                        assert (page.total, page.ids) == (total, expected[offset : offset + limit]), (name, q)
                        monkeypatch.undo()
            assert checked > 2000 and nonempty > 60
            # deep pages found from the end: of every member, and of a counted word or prefix
            assert {"index-back", "fts-back", "fts", "index"} <= plans, plans
    finally:
        database.close()


@pytest.mark.sqlite_only(reason="it checks the SQLite full-text index (FTS5) itself; PostgreSQL search has its own design (issue 16)")
def test_long_words_are_searched_as_the_whole_words_they_begin(db: Database) -> None:
    """Beyond five letters FTS5 has no prefix index and would merge every completion in memory
    first; the words a longer prefix begins stream instead."""
    with db.session() as s:
        add(s, "Ana", "Ingeniera", job_title="Ingeniero de software", expertise="Ingeniería")
        add(s, "Beto", "Ingenuo")
    with db.reader() as s:
        assert fts_expression(s, MemberQuery(text="ingeni")) == '("ingeniera" OR "ingenieria" OR "ingeniero")'
        assert fts_expression(s, MemberQuery(text="ingeniero")) == '"ingeniero"'
        assert fts_expression(s, MemberQuery(text="ingen")) == '"ingen"*'  # the prefix index's length
        assert fts_expression(s, MemberQuery(text="ingenieros")) == '"ingenieros"'  # nothing begins so
        assert search_members(s, MemberQuery(text="ingenieros")).total == 0
        assert search_members(s, MemberQuery(text="ingeni")).total == 1
        assert search_members(s, MemberQuery(text="ingen")).total == 2


@pytest.mark.sqlite_only(reason="it checks the SQLite full-text index (FTS5) itself; PostgreSQL search has its own design (issue 16)")
def test_more_completions_than_the_limit_search_the_prefix(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.session() as s:
        for word in ("Ingeniera", "Ingeniero", "Ingenieria"):
            add(s, "Ana", word)
    monkeypatch.setattr(search, "MAX_COMPLETIONS", 2)
    with db.reader() as s:
        assert fts_expression(s, MemberQuery(text="ingeni")) == '"ingeni"*'
        assert search_members(s, MemberQuery(text="ingeni")).total == 3


@pytest.mark.sqlite_only(reason="it checks the SQLite full-text index (FTS5) itself; PostgreSQL search has its own design (issue 16)")
def test_positions_follow_every_kind_of_write(db: Database) -> None:
    """Triggers place members for every writer: ORM inserts, renames that change bucket, raw
    SQL updates and deletes, and bulk loads (set-based, or renumbering a small table)."""
    with db.session() as s:
        for i in range(12):
            add(s, f"P{i}", f"Apellido{i:02d}")
        renumber(s.connection(), 4)
        mover = add(s, "Mover", "Apellido05b").id
        update_member(s, mover, {"paternal_surname": "Zamora"})
        with bulk_member_load(s.connection()):  # 2 new beside 13: set-based, buckets kept
            add(s, "Bulk", "Apellido03b")
            add(s, "Bulk", "Apellido99")
        buckets = s.connection().exec_driver_sql("SELECT count(*) FROM member_fts_buckets").scalar_one()
        assert buckets == 3
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE members SET sort_key = 'aaa' || sort_key, search_text = search_text || 'crudo ' WHERE id = 1"
        )
        conn.exec_driver_sql("DELETE FROM members WHERE id = 2")
        assert integrity_problems(conn) == []
    with db.reader() as s:
        ids = search_members(s, MemberQuery(text="apellido")).ids
        assert ids == list(
            s.scalars(select(Member.id).where(Member.id != mover).order_by(Member.sort_key, Member.id))
        )
        assert search_members(s, MemberQuery(text="crudo")).ids == [1]
    with db.session() as s:
        with bulk_member_load(s.connection()):  # more new members than old: everything renumbered
            for i in range(20):
                add(s, "Nuevo", f"Bulk{i:02d}")
        assert s.connection().exec_driver_sql("SELECT count(*) FROM member_fts_buckets").scalar_one() == 1
    with db.engine.connect() as conn:
        assert integrity_problems(conn) == []


@pytest.mark.parametrize("test_ns", [0, 10**9])
def test_live_counts_follow_every_kind_of_write(
    demo_db_path: Path, test_ns: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counts of common prefixes stay exact through ORM and raw SQL edits and bulk loads (testing
    each new member, or counting again in FTS5), and searches use them."""
    monkeypatch.setattr(search_index, "COUNTED_DOCS", 100)
    monkeypatch.setattr(search_index, "TEST_NS", test_ns)
    database = Database.open(demo_db_path)
    try:
        with database.session() as s:
            renumber(s.connection())
            counted = dict(s.connection().exec_driver_sql("SELECT expr, docs FROM member_fts_counts").all())
            assert {'"e"*', '"exa"*', '"exam"*', '"example"'} <= set(counted)
            assert any(expr.startswith('"_') for expr in counted)  # a filter
            update_member(
                s, s.scalars(select(Member.id)).first(), {"email": "otra@correo.mx", "city": "Zacatecas"}
            )
            with bulk_member_load(s.connection()):
                add(s, "Ernesto", "Example", email="e@example.com")
                add(s, "Ana", "Zzz", email="zzz@correo.mx")
            delete_member(s, 7)
        with database.engine.begin() as conn:
            conn.exec_driver_sql(
                "UPDATE members SET search_text = replace(search_text, ' example ', ' ejemplo ') WHERE id = 9"
            )
            assert integrity_problems(conn) == []  # every live count equals FTS5's own
        with database.reader() as s:
            for word in ("e", "example", "exa", "ejemplo"):
                like = s.execute(
                    text("SELECT count(*) FROM members WHERE search_text LIKE :w"), {"w": f"% {word}%"}
                )
                assert search_members(s, MemberQuery(text=word)).total == like.scalar_one(), word
            live = s.execute(text("SELECT docs FROM member_fts_counts WHERE expr = '\"e\"*'")).scalar_one()
            assert live == search_members(s, MemberQuery(text="e")).total
    finally:
        database.close()


def test_two_dense_filters_together_are_counted_live_through_every_kind_of_write(
    demo_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Country + status (and status + degree) where both words are counted live: the pair is
    counted live too, stays exact through ORM, raw SQL and bulk writes, and the members search
    takes its total from it (FTS5 would intersect two long lists)."""
    monkeypatch.setattr(search_index, "COUNTED_DOCS", 60)
    database = Database.open(demo_db_path)
    try:
        with database.session() as s:
            renumber(s.connection())
            pairs = dict(
                s.connection()
                .exec_driver_sql("SELECT expr, docs FROM member_fts_counts WHERE expr LIKE '%\" AND \"%'")
                .all()
            )
            assert any(e.startswith('"_co') for e in pairs) and any(e.startswith('"_st') for e in pairs), pairs
            first = s.scalars(select(Member.id).where(Member.country == "US")).first()
            update_member(s, first, {"status": "inactivo"})
            with bulk_member_load(s.connection()):
                add(s, "Ernesto", "Pérez", country="US", status="activo")
            delete_member(s, s.scalars(select(Member.id).where(Member.country == "US").offset(3)).first())
        with database.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE members SET country = 'MX' WHERE id = 11")  # the raw SQL way
            conn.exec_driver_sql(
                "UPDATE members SET search_text = replace(search_text, ' _cous ', ' _comx ') WHERE id = 11"
            )
            assert integrity_problems(conn) == []  # every live count, pairs included, equals FTS5's
        with database.reader() as s:
            for expr in pairs:
                country, status = (w.strip('"') for w in expr.split(" AND "))
                query = _pair_query(country, status)
                like = s.execute(
                    text("SELECT count(*) FROM members WHERE search_text LIKE :a AND search_text LIKE :b"),
                    {"a": f"% {country} %", "b": f"% {status} %"},
                ).scalar_one()
                assert search.fts_expression(s, query) == expr
                assert search._live_count(s, expr) == like == count_members(s, query)
                assert search_members(s, query).total == like
    finally:
        database.close()


def _pair_query(first: str, second: str) -> MemberQuery:
    fields: dict[str, object] = {}
    for word in (first, second):
        kind, value = word[1:3], word[3:]
        if kind == "co":
            fields["countries"] = (value.upper(),)
        elif kind == "st":
            fields["statuses"] = (MemberStatus(value),)
        else:
            fields["degrees"] = (DegreeLevel(value),)
    return MemberQuery(**fields)  # type: ignore[arg-type]


def test_the_paired_filter_words_always_sit_side_by_side() -> None:
    """What makes a pair countable by the triggers' ``instr``: in every search text the two
    words of an ``ADJACENT_FILTERS`` pair are neighbours, whatever else the member has."""
    from talentdesk.core.models import member_search_text

    for chapter in (None, 3):
        for sectors in ([], [1], [2, 5]):
            for contributions in ([], [4, 1]):
                words = member_search_text(
                    texts=("Ana", "López", None),
                    chapter_id=chapter,
                    sector_ids=sectors,
                    country="US",
                    status="activo",
                    degree="maestria",
                    contribution_ids=contributions,
                    directory_consent=True,
                ).split()
                assert search_index.dense_pair_words(words) == {("_cous", "_stactivo"), ("_stactivo", "_dgmaestria")}
