"""Who in the file is already a member, or appears twice in the file.

Three tests, in this order, each against the database and against earlier rows of the file:

1. the same e-mail (e-mails are stored lower-cased, so this is case-insensitive);
2. the same full name folded like the sort key (accents, case and punctuation ignored);
3. a similar name (rapidfuzz on the folded names) *confirmed* by another field: the same
   phone, city or employer. A similar name alone is not enough.

Built for a 100,000-row file against 1,000,000 members: e-mails and exact names are looked up
with ``IN (...)`` in chunks over their unique indexes; similar names are compared only within a
block of members with the same paternal surname, read from the ``members.sort_key`` index
alone (a prefix range, no table rows), and within it only with names that share the initials
of the maternal surname and of the given names (see ``_BlockIndex``). The few candidates that
score high enough are then read in full to confirm them.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Generic, Literal, TypeVar

from rapidfuzz import fuzz, process
from sqlalchemy import Executable, select
from sqlalchemy.orm import Session

from talentdesk.core.models import Member
from talentdesk.core.text import SORT_SEPARATOR, fold, name_sort_key

CHUNK = 500
#: Minimum name score (0–100, rapidfuzz ratio on folded names) for a similar-name candidate.
SIMILAR_NAME = 90.0
#: Employers are compared loosely ("IBM México" / "IBM Mexico S.A."): token-set ratio.
SIMILAR_EMPLOYER = 90.0

Reason = Literal["email", "name", "similar"]
T = TypeVar("T")
CONFIRMED_BY = {"phone": "teléfono", "employer": "empleador", "city": "ciudad"}


@dataclass(frozen=True, slots=True)
class Match:
    """What a row duplicates: an existing member or an earlier row of the file."""

    reason: Reason
    member_id: int | None = None
    row: int | None = None  # spreadsheet row number of the earlier row
    score: float = 100.0
    confirmed_by: str | None = None  # "phone" | "employer" | "city" for similar names
    others: int = 0  # more members with exactly the same name

    @property
    def in_file(self) -> bool:
        return self.member_id is None

    def describe(self) -> str:
        """Spanish, for the wizard and the report."""
        target = f"el miembro {self.member_id}" if self.member_id is not None else f"la fila {self.row}"
        if self.reason == "email":
            return f"Mismo correo electrónico que {target}."
        if self.reason == "name":
            extra = f" (hay {self.others} más con ese nombre)" if self.others else ""
            return f"Mismo nombre que {target}{extra}."
        what = CONFIRMED_BY.get(self.confirmed_by or "", "dato")
        return f"Nombre parecido ({self.score:.0f} %) al de {target}, con el mismo {what}."

    def as_dict(self) -> dict[str, object]:
        return {
            "reason": self.reason,
            "member_id": self.member_id,
            "row": self.row,
            "score": round(self.score, 1),
            "confirmed_by": self.confirmed_by,
            "description": self.describe(),
        }


@dataclass(slots=True)
class Probe:
    """The fields of one row that duplicates are looked for by."""

    index: int  # position among the plan's rows
    number: int  # spreadsheet row
    given: str
    paternal: str
    maternal: str | None
    email: str | None = None
    city: str | None = None
    employer: str | None = None
    phone: str | None = None
    sort_key: str = field(init=False)

    def __post_init__(self) -> None:
        self.sort_key = name_sort_key(self.paternal, self.maternal, self.given)


@dataclass(slots=True)
class _Details:
    city: str
    employer: str
    phone: str | None


@dataclass
class DuplicateResult:
    matches: dict[int, Match]
    #: e-mail -> id of the member who has it, for every e-mail of the probes (and the extra ones).
    email_owners: dict[str, int]


def _chunks(
    items: Sequence[str] | Sequence[int], size: int = CHUNK
) -> Iterable[Sequence[str] | Sequence[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def email_owners(session: Session, emails: Iterable[str]) -> dict[str, int]:
    unique = sorted({e for e in emails if e})
    owners: dict[str, int] = {}
    session.flush()  # what session.execute's autoflush would do before reading
    conn = session.connection()
    raw = conn.connection.driver_connection
    for chunk in _chunks(unique):
        if isinstance(raw, sqlite3.Connection):  # plain tuples: ~200 queries on a large import
            marks = ", ".join("?" * len(chunk))
            rows: Iterable[Any] = raw.execute(
                f"SELECT id, email FROM members WHERE email IN ({marks})", chunk
            )
        else:
            rows = conn.execute(select(Member.id, Member.email).where(Member.email.in_(chunk)))
        owners.update((e, i) for i, e in rows if e is not None)
    return owners


def find_duplicates(
    session: Session,
    probes: Sequence[Probe],
    *,
    extra_emails: Iterable[str] = (),
    progress: Callable[[int, int], None] | None = None,
    abort: threading.Event | None = None,
) -> DuplicateResult:
    """Matches by probe index; probes must be in file order."""
    owners = email_owners(session, [p.email for p in probes if p.email] + list(extra_emails))
    matches: dict[int, Match] = {}
    leaders_by_email: dict[str, Probe] = {}
    for probe in probes:
        if not probe.email:
            continue
        if probe.email in owners:
            matches[probe.index] = Match("email", member_id=owners[probe.email])
        elif probe.email in leaders_by_email:
            matches[probe.index] = Match("email", row=leaders_by_email[probe.email].number)
        else:
            leaders_by_email[probe.email] = probe
    _check(abort)
    _exact_names(session, probes, matches)
    _check(abort)
    _similar_names(session, probes, matches, progress, abort)
    return DuplicateResult(matches, owners)


def _check(abort: threading.Event | None) -> None:
    if abort is not None and abort.is_set():
        from talentdesk.imports.members import ImportCancelled

        raise ImportCancelled()


def _exact_names(session: Session, probes: Sequence[Probe], matches: dict[int, Match]) -> None:
    keys = sorted({p.sort_key for p in probes if p.index not in matches})
    by_key: dict[str, list[int]] = defaultdict(list)
    for chunk in _chunks(keys):
        for member_id, key in session.execute(
            select(Member.id, Member.sort_key).where(Member.sort_key.in_(chunk))
        ):
            by_key[key].append(member_id)
    several = [i for ids in by_key.values() if len(ids) > 1 for i in ids]
    details = _details(session, several) if several else {}
    leaders: dict[str, Probe] = {}
    for probe in probes:
        if probe.index in matches:
            if not matches[probe.index].in_file:
                leaders.setdefault(probe.sort_key, probe)
            continue
        ids = sorted(by_key.get(probe.sort_key, ()))
        if ids:
            confirmed = [i for i in ids if i in details and _confirms(probe, details[i])]
            matches[probe.index] = Match("name", member_id=(confirmed or ids)[0], others=len(ids) - 1)
            leaders.setdefault(probe.sort_key, probe)
        elif probe.sort_key in leaders:
            matches[probe.index] = Match("name", row=leaders[probe.sort_key].number)
        else:
            leaders[probe.sort_key] = probe


def _parts(sort_key: str) -> tuple[str, str, str]:
    paternal, maternal, given = [*sort_key.split(SORT_SEPARATOR), "", "", ""][:3]
    return paternal, maternal, given


def _similar_names(
    session: Session,
    probes: Sequence[Probe],
    matches: dict[int, Match],
    progress: Callable[[int, int], None] | None,
    abort: threading.Event | None,
) -> None:
    blocks: dict[str, list[Probe]] = defaultdict(list)
    for probe in probes:
        paternal = _parts(probe.sort_key)[0]
        if paternal:
            blocks[paternal].append(probe)
    candidates: dict[int, list[tuple[float, int | Probe]]] = {}
    done = 0
    total = sum(len(b) for b in blocks.values())
    for paternal, block in blocks.items():
        done += len(block)
        pending = [p for p in block if p.index not in matches]
        if not pending:
            continue
        _check(abort)
        wanted = _Wanted()
        for probe in pending:
            _, maternal, given = _parts(probe.sort_key)
            wanted.note(maternal, given)
        members = _member_block(session, paternal, wanted)
        earlier: _BlockIndex[Probe] = _BlockIndex(lambda p: p.index)
        for probe in block:
            _, maternal, given = _parts(probe.sort_key)
            if probe.index not in matches:
                found: list[tuple[float, int | Probe]] = []
                found += members.search(maternal, given)
                found += earlier.search(maternal, given)
                if found:
                    candidates[probe.index] = found
            if probe.index not in matches or not matches[probe.index].in_file:
                earlier.add(maternal, given, probe)
        if progress is not None:
            progress(done, total)
    _confirm(session, probes, matches, candidates)


def _first_word(given: str) -> str:
    return given.split(" ", 1)[0]


class _Wanted:
    """The sub-blocks the rows of one paternal surname need (so the rest is not indexed)."""

    def __init__(self) -> None:
        self.both: set[str] = set()  # maternal initial + given initial
        self.no_maternal: set[str] = set()  # given initial, among names without maternal surname
        self.any: set[str] = set()  # first given name, any maternal surname

    def note(self, maternal: str, given: str) -> None:
        if maternal:
            self.both.add(maternal[:1] + given[:1])
            self.no_maternal.add(given[:1])
        else:
            self.any.add(_first_word(given))


class _BlockIndex(Generic[T]):
    """Names of one paternal surname in sub-blocks, compared with rapidfuzz's ratio.

    A name with a maternal surname is compared with those sharing both initials (maternal
    and given), on "maternal given"; and with names lacking a maternal surname on the given
    names alone. A name without one is compared on the given names with the names that
    share its first given name, whatever their maternal surname. So a typo in an initial (or,
    without a maternal surname, in the first given name) is missed; other typos are found.
    """

    def __init__(self, key: Callable[[T], int], wanted: _Wanted | None = None) -> None:
        self._key = key
        self._wanted = wanted
        self.both: dict[str, tuple[list[str], list[T]]] = {}
        self.no_maternal: dict[str, tuple[list[str], list[T]]] = {}
        self.any: dict[str, tuple[list[str], list[T]]] = {}

    @staticmethod
    def _put(index: dict[str, tuple[list[str], list[T]]], key: str, text: str, payload: T) -> None:
        pair = index.get(key)
        if pair is None:
            pair = index[key] = ([], [])
        pair[0].append(text)
        pair[1].append(payload)

    def add(self, maternal: str, given: str, payload: T) -> None:
        g0 = given[:1]
        wanted = self._wanted
        if maternal:
            both = maternal[:1] + g0
            if wanted is None or both in wanted.both:
                self._put(self.both, both, f"{maternal} {given}", payload)
        elif wanted is None or g0 in wanted.no_maternal:
            self._put(self.no_maternal, g0, given, payload)
        first = _first_word(given)
        if wanted is None or first in wanted.any:
            self._put(self.any, first, given, payload)

    def search(self, maternal: str, given: str) -> list[tuple[float, T]]:
        """Entries whose name scores at least SIMILAR_NAME."""
        g0 = given[:1]
        if maternal:
            lookups = [
                (f"{maternal} {given}", self.both.get(maternal[:1] + g0)),
                (given, self.no_maternal.get(g0)),
            ]
        else:
            lookups = [(given, self.any.get(_first_word(given)))]
        found: dict[int, tuple[float, T]] = {}
        for query, pair in lookups:
            if pair is None:
                continue
            names, payloads = pair
            for _name, score, i in process.extract(
                query, names, scorer=fuzz.ratio, score_cutoff=SIMILAR_NAME, limit=10
            ):
                key = self._key(payloads[i])
                if key not in found or found[key][0] < score:
                    found[key] = (score, payloads[i])
        return list(found.values())


def _member_block(session: Session, paternal: str, wanted: _Wanted) -> _BlockIndex[int]:
    """Members with this paternal surname, from the sort-key index alone (a prefix range).

    Up to a million index entries pass through here on a large import: the loop only slices
    strings and tests sets, and keeps just the names some row of the file will be compared to.
    """
    low, high = paternal + SORT_SEPARATOR, paternal + chr(ord(SORT_SEPARATOR) + 1)
    stmt = select(Member.id, Member.sort_key).where(Member.sort_key >= low, Member.sort_key < high)
    block: _BlockIndex[int] = _BlockIndex(lambda i: i, wanted)
    base = len(low)
    both, no_maternal, any_ = wanted.both, wanted.no_maternal, wanted.any
    put = block._put
    by_both, by_any = block.both, block.any
    for member_id, sort_key in _index_rows(session, stmt, low, high):
        end = sort_key.find(SORT_SEPARATOR, base)
        if end < 0:
            continue
        given = sort_key[end + 1 :]
        g0 = given[:1]
        if end > base:
            key = sort_key[base] + g0
            if key in both:  # _BlockIndex._put, inlined (as below): most entries get here
                pair = by_both.get(key)
                if pair is None:
                    pair = by_both[key] = ([], [])
                pair[0].append(f"{sort_key[base:end]} {given}")
                pair[1].append(member_id)
        elif g0 in no_maternal:
            put(block.no_maternal, g0, given, member_id)
        if any_:
            first = given.partition(" ")[0]  # _first_word, inlined: a million calls
            if first in any_:
                pair = by_any.get(first)
                if pair is None:
                    pair = by_any[first] = ([], [])
                pair[0].append(given)
                pair[1].append(member_id)
    return block


def _index_rows(session: Session, stmt: Executable, low: str, high: str) -> Iterable[Any]:
    """The (id, sort_key) rows of a range: straight from the sqlite3 cursor when it is SQLite
    (plain tuples, a million of them on a large import), else through SQLAlchemy."""
    session.flush()  # what session.execute's autoflush would do before reading
    conn = session.connection()
    raw = conn.connection.driver_connection
    if isinstance(raw, sqlite3.Connection):
        return raw.execute(_RANGE_SQL, (low, high))
    return conn.execute(stmt)


_RANGE_SQL = "SELECT id, sort_key FROM members WHERE sort_key >= ? AND sort_key < ?"


@lru_cache(maxsize=65536)
def _fold(value: str | None) -> str:
    return fold(value)


def _details(session: Session, ids: Sequence[int]) -> dict[int, _Details]:
    out: dict[int, _Details] = {}
    for chunk in _chunks(sorted(set(ids))):
        stmt = select(Member.id, Member.city, Member.employer, Member.phone).where(Member.id.in_(chunk))
        for member_id, city, employer, phone in session.execute(stmt):
            out[member_id] = _Details(_fold(city), _fold(employer), phone)
    return out


def _confirmed_by(probe: Probe, other: _Details) -> str | None:
    if probe.phone and other.phone and probe.phone == other.phone:
        return "phone"
    employer = _fold(probe.employer)
    if employer and other.employer and fuzz.token_set_ratio(employer, other.employer) >= SIMILAR_EMPLOYER:
        return "employer"
    city = _fold(probe.city)
    if city and other.city and city == other.city:
        return "city"
    return None


def _confirms(probe: Probe, other: _Details) -> bool:
    return _confirmed_by(probe, other) is not None


def _confirm(
    session: Session,
    probes: Sequence[Probe],
    matches: dict[int, Match],
    candidates: dict[int, list[tuple[float, int | Probe]]],
) -> None:
    ids = [other for found in candidates.values() for _s, other in found if isinstance(other, int)]
    details = _details(session, ids) if ids else {}
    by_index = {p.index: p for p in probes}
    rank = {"phone": 3, "employer": 2, "city": 1}
    for index, found in candidates.items():
        probe = by_index[index]
        best: tuple[tuple[float, int], Match] | None = None
        for score, other in found:
            if isinstance(other, int):
                known = details.get(other)
                how = _confirmed_by(probe, known) if known else None
                match = Match("similar", member_id=other, score=score, confirmed_by=how)
            else:
                how = _confirmed_by(probe, _Details(_fold(other.city), _fold(other.employer), other.phone))
                match = Match("similar", row=other.number, score=score, confirmed_by=how)
            if how is None:
                continue
            key = (score, rank[how])
            if best is None or key > best[0]:
                best = (key, match)
        if best is not None:
            matches[index] = best[1]
