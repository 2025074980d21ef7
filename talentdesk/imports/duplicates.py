"""Who in the file is already a member, or appears twice in the file; who may be the same
person as a member (the merge candidates).

Three tests, in this order, each against the database and against earlier rows of the file:

1. the same e-mail (e-mails are stored lower-cased, so this is case-insensitive);
2. the same full name, folded: accents, case and punctuation ignored and ñ read as n
   ("Ines Ibanez Munoz" is "Inés Ibáñez Muñoz": US keyboards drop them; only the sort order
   keeps ñ apart). A name and nothing else in common is reported, never merged in bulk
   (``Match.needs_person``);
3. a similar name (rapidfuzz on the folded names) *confirmed* by another field: the same
   phone, city or employer. A similar name alone is not enough.

Built for a 100,000-row file against 1,000,000 members: e-mails are looked up with ``IN (...)``
in chunks over their unique index; names within a block of members with the same *folded*
paternal surname, read from the ``members.sort_key`` index alone (one prefix range per way the
surname may be spelled with ñ, see ``spellings``, no table rows), and within it only the names
that some row needs: the exact folded names, and the sub-blocks of names sharing the initials
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
from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.i18n import N_, _
from talentdesk.core.models import Member
from talentdesk.core.text import ENYE_MARK, SORT_SEPARATOR, fold, name_identity, name_sort_key
from talentdesk.imports.errors import check_abort
from talentdesk.services.members import get_member

CHUNK = 500
#: Minimum name score (0–100, rapidfuzz ratio on folded names) for a similar-name candidate.
SIMILAR_NAME = 90.0
#: Employers are compared loosely ("IBM México" / "IBM Mexico S.A."): token-set ratio.
SIMILAR_EMPLOYER = 90.0

Reason = Literal["email", "name", "similar"]
T = TypeVar("T")
CONFIRMED_BY = {
    "phone": N_("el mismo teléfono"),
    "employer": N_("el mismo empleador"),
    "city": N_("la misma ciudad"),
}
_RANK = {"phone": 3, "employer": 2, "city": 1}


@dataclass(frozen=True, slots=True)
class Match:
    """What a row duplicates: an existing member or an earlier row of the file."""

    reason: Reason
    member_id: int | None = None
    row: int | None = None  # spreadsheet row number of the earlier row
    score: float = 100.0
    confirmed_by: str | None = None  # "phone" | "employer" | "city": the same in both
    others: int = 0  # more members with exactly the same name

    @property
    def in_file(self) -> bool:
        return self.member_id is None

    @property
    def needs_person(self) -> bool:
        """The same name and nothing else in common: perhaps someone else, so no choice made for
        all duplicates at once merges it; a person decides row by row."""
        return self.reason == "name" and self.confirmed_by is None

    def describe(self) -> str:
        """In the person's language, for the wizard and the report."""
        if self.member_id is not None:
            target = _("el miembro {id}").format(id=self.member_id)
        else:
            target = _("la fila {row}").format(row=self.row)
        if self.reason == "email":
            return _("Mismo correo electrónico que {target}.").format(target=target)
        if self.reason == "name":
            extra = _(" (hay {count} más con ese nombre)").format(count=self.others) if self.others else ""
            if self.confirmed_by is None:
                return _(
                    "Mismo nombre que {target}{extra}, pero ningún otro dato en común: ¿es la misma persona?"
                ).format(target=target, extra=extra)
            return _("Mismo nombre que {target}{extra}, con {what}.").format(
                target=target, extra=extra, what=_(CONFIRMED_BY[self.confirmed_by])
            )
        what = (
            _(CONFIRMED_BY[self.confirmed_by]) if self.confirmed_by in CONFIRMED_BY else _("otro dato igual")
        )
        return _("Nombre parecido ({score:.0f} %) al de {target}, con {what}.").format(
            score=self.score, target=target, what=what
        )

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
    #: The folded name parts (ñ as n): what identity compares.
    paternal_key: str = field(init=False)
    maternal_key: str = field(init=False)
    given_key: str = field(init=False)

    def __post_init__(self) -> None:
        key = name_identity(name_sort_key(self.paternal, self.maternal, self.given))
        self.paternal_key, self.maternal_key, self.given_key = key.split(SORT_SEPARATOR)

    @property
    def rest(self) -> str:
        """The folded name after the paternal surname: what an exact match within a block is."""
        return f"{self.maternal_key}{SORT_SEPARATOR}{self.given_key}"


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
    check_abort(abort)
    _names(session, probes, matches, progress, abort)
    return DuplicateResult(matches, owners)


def _exact_names(
    block: list[Probe],
    members: _MemberBlock | None,
    matches: dict[int, Match],
    exact: dict[int, list[int]],
) -> None:
    """The same folded name as a member (ids kept in ``exact``) or as an earlier row."""
    leaders: dict[str, Probe] = {}
    for probe in block:
        key = probe.rest
        if probe.index in matches:
            if not matches[probe.index].in_file:
                leaders.setdefault(key, probe)
            continue
        ids = members.exact.get(key) if members is not None else None
        if ids:
            exact[probe.index] = sorted(ids)
            matches[probe.index] = Match("name", member_id=min(ids))  # confirmed in _confirm_names
            leaders.setdefault(key, probe)
        elif key in leaders:
            leader = leaders[key]
            matches[probe.index] = Match(
                "name", row=leader.number, confirmed_by=_confirmed_by(probe, _probe_details(leader))
            )
        else:
            leaders[key] = probe


def _confirm_names(
    session: Session, probes: Sequence[Probe], matches: dict[int, Match], exact: dict[int, list[int]]
) -> None:
    """A member with the same name that shares a phone, employer or city is preferred (and the
    match says so); a name with nothing else in common is left for a person to decide."""
    details = _details(session, [i for ids in exact.values() for i in ids]) if exact else {}
    by_index = {p.index: p for p in probes}
    for index, ids in exact.items():
        probe = by_index[index]
        how = {i: _confirmed_by(probe, details[i]) if i in details else None for i in ids}
        best = next((i for i in ids if how[i] is not None), ids[0])
        matches[index] = Match("name", member_id=best, others=len(ids) - 1, confirmed_by=how[best])


def _names(
    session: Session,
    probes: Sequence[Probe],
    matches: dict[int, Match],
    progress: Callable[[int, int], None] | None,
    abort: threading.Event | None,
) -> None:
    """Exact and similar names, one block of the same folded paternal surname at a time."""
    blocks: dict[str, list[Probe]] = defaultdict(list)
    for probe in probes:
        if probe.paternal_key:
            blocks[probe.paternal_key].append(probe)
    candidates: dict[int, list[tuple[float, int | Probe]]] = {}
    exact: dict[int, list[int]] = {}
    done = 0
    total = sum(len(b) for b in blocks.values())
    for paternal, block in blocks.items():
        done += len(block)
        pending = [p for p in block if p.index not in matches]
        members = None
        if pending:
            check_abort(abort)
            wanted = _Wanted()
            for probe in pending:
                wanted.note(probe.maternal_key, probe.given_key)
                wanted.exact.add(probe.rest)
            members = _member_block(session, paternal, wanted)
        _exact_names(block, members, matches, exact)
        if members is not None:
            _similar_in_block(block, members, matches, candidates)
        if progress is not None:
            progress(done, total)
    _confirm_names(session, probes, matches, exact)
    _confirm(session, probes, matches, candidates)


def _similar_in_block(
    block: list[Probe],
    members: _MemberBlock,
    matches: dict[int, Match],
    candidates: dict[int, list[tuple[float, int | Probe]]],
) -> None:
    earlier: _BlockIndex[Probe] = _BlockIndex(lambda p: p.index)
    for probe in block:
        maternal, given = probe.maternal_key, probe.given_key
        if probe.index not in matches:
            found: list[tuple[float, int | Probe]] = []
            found += members.index.search(maternal, given)
            found += earlier.search(maternal, given)
            if found:
                candidates[probe.index] = found
        if probe.index not in matches or not matches[probe.index].in_file:
            earlier.add(maternal, given, probe)


def _first_word(given: str) -> str:
    return given.split(" ", 1)[0]


class _Wanted:
    """The names the rows of one paternal surname need (so the rest of the block is skipped)."""

    def __init__(self) -> None:
        self.exact: set[str] = set()  # folded "maternal<SEP>given"
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
    Names are folded (ñ as n), so a name typed without ñ or accents scores as the same.
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


@dataclass
class _MemberBlock:
    """The members whose folded paternal surname is the block's: exact names and sub-blocks."""

    exact: dict[str, list[int]]  # folded "maternal<SEP>given" -> member ids
    index: _BlockIndex[int]


#: A paternal surname with more n's than this is looked up with ñ only in its first ones.
MAX_ENYE_SPELLINGS = 256


def spellings(paternal: str) -> list[str]:
    """Every way a folded paternal surname may sit in the sort key: each n may have been an ñ
    ("nunez" -> nunez, nun~ez, n~unez, n~un~ez). Each is one range of the index."""
    out = [""]
    for char in paternal:
        if char == "n" and len(out) * 2 <= MAX_ENYE_SPELLINGS:
            out = [o + tail for o in out for tail in ("n", "n" + ENYE_MARK)]
        else:
            out = [o + char for o in out]
    return out


def _member_block(
    session: Session, paternal: str, wanted: _Wanted, exclude: int | None = None
) -> _MemberBlock:
    """Members with this folded paternal surname, from the sort-key index alone (a prefix
    range per spelling with or without ñ).

    Up to a million index entries pass through here on a large import: the loop only slices
    strings and tests sets, and keeps just the names some row of the file will be compared to.
    """
    block: _BlockIndex[int] = _BlockIndex(lambda i: i, wanted)
    exact: dict[str, list[int]] = {}
    want_exact = wanted.exact
    both, no_maternal, any_ = wanted.both, wanted.no_maternal, wanted.any
    put = block._put
    by_both, by_any = block.both, block.any
    for spelling in spellings(paternal):
        low, high = spelling + SORT_SEPARATOR, spelling + chr(ord(SORT_SEPARATOR) + 1)
        base = len(low)
        for member_id, sort_key in _index_rows(session, low, high):
            rest = sort_key[base:]
            if ENYE_MARK in rest:
                rest = rest.replace(ENYE_MARK, "")
            if rest in want_exact and member_id != exclude:
                exact.setdefault(rest, []).append(member_id)
            end = rest.find(SORT_SEPARATOR)
            if end < 0 or member_id == exclude:
                continue
            given = rest[end + 1 :]
            g0 = given[:1]
            if end > 0:
                key = rest[0] + g0
                if key in both:  # _BlockIndex._put, inlined (as below): most entries get here
                    pair = by_both.get(key)
                    if pair is None:
                        pair = by_both[key] = ([], [])
                    pair[0].append(f"{rest[:end]} {given}")
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
    return _MemberBlock(exact, block)


def _index_rows(session: Session, low: str, high: str) -> Iterable[Any]:
    """The (id, sort_key) rows of a range: straight from the sqlite3 cursor when it is SQLite
    (plain tuples, a million of them on a large import), else through SQLAlchemy."""
    session.flush()  # what session.execute's autoflush would do before reading
    conn = session.connection()
    raw = conn.connection.driver_connection
    if isinstance(raw, sqlite3.Connection):
        return raw.execute(_RANGE_SQL, (low, high))
    return conn.execute(
        select(Member.id, Member.sort_key).where(Member.sort_key >= low, Member.sort_key < high)
    )


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


def _probe_details(probe: Probe) -> _Details:
    return _Details(_fold(probe.city), _fold(probe.employer), probe.phone)


def _confirm(
    session: Session,
    probes: Sequence[Probe],
    matches: dict[int, Match],
    candidates: dict[int, list[tuple[float, int | Probe]]],
) -> None:
    ids = [other for found in candidates.values() for _s, other in found if isinstance(other, int)]
    details = _details(session, ids) if ids else {}
    by_index = {p.index: p for p in probes}
    for index, found in candidates.items():
        probe = by_index[index]
        best: tuple[tuple[float, int], Match] | None = None
        for score, other in found:
            if isinstance(other, int):
                known = details.get(other)
                how = _confirmed_by(probe, known) if known else None
                match = Match("similar", member_id=other, score=score, confirmed_by=how)
            else:
                how = _confirmed_by(probe, _probe_details(other))
                match = Match("similar", row=other.number, score=score, confirmed_by=how)
            if how is None:
                continue
            key = (score, _RANK[how])
            if best is None or key > best[0]:
                best = (key, match)
        if best is not None:
            matches[index] = best[1]


def member_candidates(session: Session, member_id: int) -> list[Match]:
    """Members who may be the same person as ``member_id`` (for merging): the same folded name,
    then similar names confirmed by a phone, employer or city, most likely first."""
    member = get_member(session, member_id)
    probe = Probe(
        0,
        0,
        member.given_names,
        member.paternal_surname,
        member.maternal_surname,
        city=member.city,
        employer=member.employer,
        phone=member.phone,
    )
    if not probe.paternal_key:
        return []
    wanted = _Wanted()
    wanted.note(probe.maternal_key, probe.given_key)
    wanted.exact.add(probe.rest)
    block = _member_block(session, probe.paternal_key, wanted, exclude=member_id)
    same = sorted(block.exact.get(probe.rest, []))
    similar = [(score, i) for score, i in block.index.search(probe.maternal_key, probe.given_key)]
    details = _details(session, same + [i for _s, i in similar])
    out: list[tuple[tuple[float, int, int], Match]] = []
    for other in same:
        how = _confirmed_by(probe, details[other]) if other in details else None
        out.append(((200.0, _RANK.get(how or "", 0), -other), Match("name", other, confirmed_by=how)))
    for score, other in similar:
        how = _confirmed_by(probe, details[other]) if other in details and other not in same else None
        if how is not None:
            out.append(((score, _RANK[how], -other), Match("similar", other, score=score, confirmed_by=how)))
    return [m for _key, m in sorted(out, key=lambda pair: pair[0], reverse=True)]
