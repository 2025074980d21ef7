"""The SQLite full-text index of members (FTS5 over ``members.search_text``), kept in name order.

The rowids of ``member_fts`` are not member ids but *positions* in Spanish name order, because
FTS5 returns its matches in rowid order: a page deep in a result is then found by skipping
matches inside FTS5, never by sorting them all (docs/architecture.md, "Search design").

A position is ``bucket << 24 | slot``. ``member_fts_buckets`` cuts the name order into runs of
about ``BUCKET_SIZE`` members by sort key (bucket ``b`` holds the keys from its ``first_key`` up
to the next bucket's); the slot tells a bucket's members apart, in any order. So matches come out
of FTS5 bucket by bucket in name order, and a page sorts only the buckets it touches.
``member_fts_rows`` maps each position to its member and keeps the member's sort key for that.

Triggers keep the three tables in step for every writer (the ORM, raw SQL, an undo): a new member
takes the next free slot of the bucket its sort key falls in. Bulk loads swap the insert trigger
for set-based work, and renumber everything when the load is large enough to unbalance the buckets.
Migration 0007 created all this with the same statements (migrations keep their own frozen copy;
a test checks that both agree).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import pairwise, repeat

from sqlalchemy import Connection, text

#: Members per bucket when positions are (re)numbered: a page sorts one or two buckets' matches.
BUCKET_SIZE = 512
SLOT_BITS = 24

_BUCKET = (
    "coalesce((SELECT bucket FROM member_fts_buckets WHERE first_key <= new.sort_key "
    "ORDER BY first_key DESC LIMIT 1), 0) << 24"
)
# The next slot of the new sort key's bucket; slot 0 is never used, so a full bucket (2**24
# slots) fails the CHECK of member_fts_rows instead of spilling into the next bucket.
_PLACE = (
    "INSERT INTO member_fts_rows(pos, member_id, sort_key) "
    "SELECT coalesce((SELECT max(pos) FROM member_fts_rows WHERE pos >= b.base AND pos < b.base + 16777216), "
    f"b.base) + 1, new.id, new.sort_key FROM (SELECT {_BUCKET} AS base) AS b; "
)
_INDEX_NEW = (
    "INSERT INTO member_fts(rowid, search_text) "
    "SELECT pos, new.search_text FROM member_fts_rows WHERE member_id = new.id; "
)
_UNINDEX_OLD = (
    "INSERT INTO member_fts(member_fts, rowid, search_text) "
    "SELECT 'delete', pos, old.search_text FROM member_fts_rows WHERE member_id = old.id; "
)

_COUNT_NEW = "UPDATE member_fts_counts SET docs = docs + 1 WHERE instr(new.search_text, pattern) > 0; "
_COUNT_OLD = "UPDATE member_fts_counts SET docs = docs - 1 WHERE instr(old.search_text, pattern) > 0; "
_COUNT_CHANGE = (
    "UPDATE member_fts_counts SET docs = docs + (instr(new.search_text, pattern) > 0) "
    "- (instr(old.search_text, pattern) > 0) "
    "WHERE (instr(new.search_text, pattern) > 0) <> (instr(old.search_text, pattern) > 0); "
)

INSERT_TRIGGER = (
    f"CREATE TRIGGER members_fts_ai AFTER INSERT ON members BEGIN {_PLACE}{_INDEX_NEW}{_COUNT_NEW}END"
)
DELETE_TRIGGER = (
    f"CREATE TRIGGER members_fts_ad AFTER DELETE ON members BEGIN {_UNINDEX_OLD}"
    f"DELETE FROM member_fts_rows WHERE member_id = old.id; {_COUNT_OLD}END"
)
# A new sort key may belong to another bucket: the member moves to a slot there.
UPDATE_TRIGGER = (
    "CREATE TRIGGER members_fts_au AFTER UPDATE OF search_text, sort_key, id ON members BEGIN "
    f"{_UNINDEX_OLD}DELETE FROM member_fts_rows WHERE member_id = old.id; {_PLACE}{_INDEX_NEW}{_COUNT_CHANGE}END"
)
TRIGGERS = (INSERT_TRIGGER, DELETE_TRIGGER, UPDATE_TRIGGER)

FTS_TABLE = (
    "CREATE VIRTUAL TABLE member_fts USING fts5(search_text, content='', detail=none, "
    "prefix='1 2 3 4 5', tokenize=\"unicode61 tokenchars '_'\")"
)
ROWS_TABLE = (
    "CREATE TABLE member_fts_rows (pos INTEGER PRIMARY KEY CHECK (pos & 16777215 != 0), "
    "member_id INTEGER NOT NULL UNIQUE, sort_key TEXT NOT NULL)"
)
BUCKETS_TABLE = "CREATE TABLE member_fts_buckets (bucket INTEGER PRIMARY KEY, first_key TEXT NOT NULL UNIQUE)"
# `expr` is the FTS5 query of one prefix, word or filter as services.search writes it ('"ex"*',
# '"example"', '"_cous"'); `pattern` finds it in a search_text (' ex': a word beginning with ex;
# ' example ': the word itself).
COUNTS_TABLE = (
    "CREATE TABLE member_fts_counts (expr TEXT PRIMARY KEY, pattern TEXT NOT NULL, docs INTEGER NOT NULL)"
)

#: A prefix, word or filter this many members carry is counted live (counting it in FTS5 takes
#: 15 ms and more at ~30 ns a member, 9 ms and more in its vocabulary); below it nothing is kept,
#: and the triggers' count update finds no row.
COUNTED_DOCS = 500_000

#: The longest prefix FTS5 keeps an index for (``prefix='1 2 3 4 5'``).
PREFIX_INDEX_MAX = 5


def has_fts(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


@contextmanager
def bulk_member_load(conn: Connection) -> Iterator[None]:
    """Inside the caller's transaction: insert members freely, index them once at the end.

    Only inserts are covered: the update and delete triggers stay in place.
    """
    if not has_fts(conn):
        yield
        return
    # The trigger swap is DDL inside the caller's transaction (db/engine.py begins every
    # transaction explicitly), so a rollback of a cancelled load restores the trigger too.
    first_new = int(conn.execute(text("SELECT coalesce(max(id), 0) FROM members")).scalar_one()) + 1
    before = int(conn.execute(text("SELECT count(*) FROM member_fts_rows")).scalar_one())
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS members_fts_ai")
    try:
        yield
        added = int(
            conn.execute(
                text("SELECT count(*) FROM members WHERE id >= :first"), {"first": first_new}
            ).scalar_one()
        )
        if added > before:  # the buckets would hold twice their size on average: renumber all
            renumber(conn)
        elif added:
            _add_new(conn, first_new)
    finally:
        conn.exec_driver_sql(INSERT_TRIGGER)


#: Measured costs: testing one member's search text for one counted prefix (Python ``in``), and
#: counting one member that carries a prefix in FTS5.
TEST_NS, COUNT_NS = 400, 30


def _add_new(conn: Connection, first_new: int) -> None:
    """Place, index and count the members from ``first_new`` on.

    In name order they take the next slots of their buckets in increasing position order,
    which is the order FTS5 wants (a smaller rowid makes it write out what it holds).
    """
    raw = conn.connection.dbapi_connection
    assert raw is not None
    cursor = raw.cursor()
    firsts = [key for (key,) in cursor.execute("SELECT first_key FROM member_fts_buckets ORDER BY bucket")]
    # Read by id and sorted here: ORDER BY sort_key would walk the whole sort_key index.
    new = cursor.execute(
        "SELECT sort_key, id, search_text FROM members WHERE id >= ?", (first_new,)
    ).fetchall()
    new.sort()
    top = "SELECT coalesce(max(pos), ?) FROM member_fts_rows WHERE pos >= ? AND pos < ?"
    placed: list[tuple[int, int, str]] = []
    bucket, pos, following = -1, 0, ""
    for key, member_id, _words in new:  # in key order: the bucket only moves forward
        if bucket < 0 or (following and key >= following):
            bucket = max(bisect_right(firsts, key) - 1, 0)
            following = firsts[bucket + 1] if bucket + 1 < len(firsts) else ""
            base = bucket << SLOT_BITS
            pos = cursor.execute(top, (base, base, base + (1 << SLOT_BITS))).fetchone()[0]
        pos += 1
        placed.append((pos, member_id, key))
    cursor.executemany("INSERT INTO member_fts_rows(pos, member_id, sort_key) VALUES (?, ?, ?)", placed)
    cursor.executemany(
        "INSERT INTO member_fts(rowid, search_text) VALUES (?, ?)",
        [(pos, row[2]) for (pos, _, _), row in zip(placed, new, strict=True)],
    )
    counted = cursor.execute("SELECT expr, pattern, docs FROM member_fts_counts").fetchall()
    # Test each new member, or count again in FTS5: whichever is less work.
    if len(new) * len(counted) * TEST_NS < sum(docs for _, _, docs in counted) * COUNT_NS:
        texts = [row[2] for row in new]
        found = [
            (docs + sum(map(str.__contains__, texts, repeat(pattern))), expr)
            for expr, pattern, docs in counted
        ]
    else:
        found = [
            (conn.execute(text(_COUNT_FTS), {"expr": expr}).scalar_one(), expr) for expr, _, _ in counted
        ]
    cursor.executemany("UPDATE member_fts_counts SET docs = ? WHERE expr = ?", found)
    cursor.close()


def renumber(conn: Connection, bucket_size: int = BUCKET_SIZE) -> int:
    """Cut the name order into fresh buckets and index every member again at its position.

    Members with equal sort keys always share a bucket (a bucket is found by key alone).
    """
    conn.exec_driver_sql("DELETE FROM member_fts_buckets")
    conn.exec_driver_sql("DELETE FROM member_fts_rows")
    conn.exec_driver_sql("INSERT INTO member_fts(member_fts) VALUES ('delete-all')")
    raw = conn.connection.dbapi_connection
    assert raw is not None
    reading, cursor = raw.cursor(), raw.cursor()
    buckets: list[tuple[int, str]] = []
    rows: list[tuple[int, int, str]] = []
    bucket, slot, previous = -1, bucket_size, None
    for member_id, key in reading.execute("SELECT id, sort_key FROM members ORDER BY sort_key, id"):
        if slot >= bucket_size and key != previous:
            bucket, slot = bucket + 1, 0
            buckets.append((bucket, "" if bucket == 0 else key))
        slot += 1
        rows.append(((bucket << SLOT_BITS) + slot, member_id, key))
        previous = key
        if len(rows) >= 50_000:
            cursor.executemany("INSERT INTO member_fts_rows(pos, member_id, sort_key) VALUES (?, ?, ?)", rows)
            rows.clear()
    cursor.executemany("INSERT INTO member_fts_rows(pos, member_id, sort_key) VALUES (?, ?, ?)", rows)
    cursor.executemany(
        "INSERT INTO member_fts_buckets(bucket, first_key) VALUES (?, ?)", buckets or [(0, "")]
    )
    reading.close()
    cursor.close()
    conn.exec_driver_sql(
        "INSERT INTO member_fts(rowid, search_text) SELECT r.pos, m.search_text "
        "FROM member_fts_rows r JOIN members m ON m.id = r.member_id ORDER BY r.pos"
    )
    optimize(conn)
    count_common_words(conn)
    return int(conn.exec_driver_sql("SELECT count(*) FROM member_fts_rows").scalar_one())


def count_common_words(conn: Connection, sample_size: int = 4000) -> None:
    """Choose the prefixes (1–5 letters), longer words and filters that ``COUNTED_DOCS`` members or
    more carry, and count them.

    Candidates come from a random sample of members; each is then counted exactly in FTS5. The
    triggers keep the counts as members change; a word that becomes that common later is counted
    by FTS5 until the next renumbering (``db reindex``).
    """
    conn.exec_driver_sql("DELETE FROM member_fts_counts")
    members, top = conn.exec_driver_sql("SELECT count(*), coalesce(max(id), 0) FROM members").one()
    if members < COUNTED_DOCS:
        return
    sample = (
        conn.exec_driver_sql(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
            "SELECT search_text FROM members WHERE id IN (SELECT abs(random()) % ? + 1 FROM n)",
            (sample_size, top),
        )
        .scalars()
        .all()
    )
    seen: Counter[tuple[str, str]] = Counter()
    pairs: set[tuple[str, str]] = set()
    for words in sample:
        split = words.split()
        seen.update(_atoms(split))
        pairs.update(dense_pair_words(split))
    counted: set[str] = set()
    for (expr, pattern), hits in seen.items():
        if hits * members >= 0.8 * COUNTED_DOCS * len(sample):  # a margin for sampling error
            docs = int(conn.execute(text(_COUNT_FTS), {"expr": expr}).scalar_one())
            if docs >= COUNTED_DOCS:
                _insert_count(conn, expr, pattern, docs)
                counted.add(expr)
    for first, second in sorted(pairs):
        if f'"{first}"' in counted and f'"{second}"' in counted:
            expr = pair_expression(first, second)
            docs = int(conn.execute(text(_COUNT_FTS), {"expr": expr}).scalar_one())
            _insert_count(conn, expr, f" {first} {second} ", docs)


def _insert_count(conn: Connection, expr: str, pattern: str, docs: int) -> None:
    conn.execute(
        text("INSERT INTO member_fts_counts(expr, pattern, docs) VALUES (:e, :p, :d)"),
        {"e": expr, "p": pattern, "d": docs},
    )


#: Filter kinds that hold one value a member and always sit next to each other in a search text
#: (``core.models.member_search_text`` writes chapter, sectors, country, status, degree,
#: contributions, consent): a member carries both words of such a pair exactly when the text
#: holds " _cous _stactivo ", which is what the triggers' ``instr`` test can count. So two dense
#: filters together (country US + status activo: 470,734 of 1,000,000 members) are counted live,
#: where FTS5 would intersect two lists of 600,000–800,000 members.
ADJACENT_FILTERS = (("co", "st"), ("st", "dg"))


def dense_pair_words(words: list[str]) -> set[tuple[str, str]]:
    """The (first, second) filter words of ``ADJACENT_FILTERS`` pairs in one search text."""
    found = set()
    for first, second in pairwise(words):
        if first.startswith("_") and second.startswith("_") and (first[1:3], second[1:3]) in ADJACENT_FILTERS:
            found.add((first, second))
    return found


def pair_expression(first: str, second: str) -> str:
    """The FTS5 query ``services.search`` writes for two filter words (one value each)."""
    return f'"{first}" AND "{second}"'


def _atoms(words: list[str]) -> set[tuple[str, str]]:
    """(FTS5 query, search-text pattern) of every prefix a search may ask for in these words:
    1–5 letters of a word (``"ex"*``, `` ex``); a longer word or a filter whole (``"example"``,
    `` example ``), as services.search writes a word with one completion."""
    atoms = set()
    for word in words:
        if word.startswith("_") or len(word) > PREFIX_INDEX_MAX:
            atoms.add((f'"{word}"', f" {word} "))
        if not word.startswith("_"):
            atoms.update(
                (f'"{word[:k]}"*', f" {word[:k]}") for k in range(1, min(len(word), PREFIX_INDEX_MAX) + 1)
            )
    return atoms


_COUNT_FTS = "SELECT count(*) FROM member_fts WHERE member_fts MATCH :expr"


def optimize(conn: Connection) -> None:
    """Merge the index segments after a large load: faster queries afterwards."""
    if has_fts(conn):
        conn.exec_driver_sql("INSERT INTO member_fts(member_fts) VALUES ('optimize')")


def rebuild(conn: Connection) -> int:
    """Number every member afresh and index them all again from ``search_text``."""
    if not has_fts(conn):
        return 0
    return renumber(conn)


def integrity_problems(conn: Connection, *, writable: bool = True) -> list[str]:
    """What ``db check`` reports about the index; empty when it is in step with members.

    FTS5's own integrity-check cannot compare a contentless index with its source, so this
    checks that every member is indexed once (each row has exactly one consent word), has one
    position, with its current sort key, in the bucket that key belongs to, and that the live
    counts agree with FTS5. The integrity-check command is written as an INSERT, so a read-only
    file skips it (it would fail for that reason alone, not because the index is damaged).
    """
    if not has_fts(conn):
        return []
    hint = " Ejecute «talentdesk db reindex»."
    try:
        if writable:
            conn.exec_driver_sql("INSERT INTO member_fts(member_fts, rank) VALUES ('integrity-check', 1)")
        members = conn.exec_driver_sql("SELECT count(*) FROM members").scalar_one()
        indexed = conn.exec_driver_sql(
            'SELECT count(*) FROM member_fts WHERE member_fts MATCH \'"_dc0" OR "_dc1"\''
        ).scalar_one()
        placed = conn.exec_driver_sql(
            "SELECT count(*) FROM members m JOIN member_fts_rows r ON r.member_id = m.id AND r.sort_key = m.sort_key"
        ).scalar_one()
        misplaced = conn.exec_driver_sql(
            "SELECT count(*) FROM member_fts_rows r JOIN member_fts_buckets b ON b.bucket = r.pos >> 24 "
            "LEFT JOIN member_fts_buckets n ON n.bucket = b.bucket + 1 "
            "WHERE r.sort_key < b.first_key OR r.sort_key >= n.first_key"
        ).scalar_one()
        miscounted = [
            expr
            for expr, docs in conn.exec_driver_sql("SELECT expr, docs FROM member_fts_counts").all()
            if conn.execute(text(_COUNT_FTS), {"expr": expr}).scalar_one() != docs
        ]
    except Exception as exc:  # reported, not raised: `db check` lists every problem it finds
        return [f"Índice de búsqueda dañado: {exc}.{hint}"]
    if indexed != members or placed != members or misplaced or miscounted:
        return [f"Índice de búsqueda desfasado: {indexed:,} entradas para {members:,} miembros.{hint}"]
    return []
