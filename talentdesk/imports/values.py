"""From cells to member values: the same rules as the member form, column by column.

Each mapped column is converted once per distinct value (countries, chapters, statuses repeat a
lot), with the validators of ``core.validation`` and ``services.members``, so an imported member
is held to exactly the rules of one typed by hand. A cell that cannot be used becomes a
``RowError`` naming its row, column, value and the reason in Spanish; the rest of the row is
still checked, so one pass reports every problem.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

import email_validator
from rapidfuzz import fuzz, process
from sqlalchemy.orm import Session

from talentdesk.core.enums import DegreeLevel, Gender, LabeledEnum, MemberStatus, PrintField
from talentdesk.core.errors import FieldError
from talentdesk.core.i18n import N_, _
from talentdesk.core.models import Member
from talentdesk.core.text import clean, fold
from talentdesk.core.validation import (
    check_not_future,
    control_error,
    error,
    label,
    max_length,
    normalize_country,
    normalize_email,
    normalize_phone,
    normalize_url,
    parse_date,
)
from talentdesk.imports.names import split_full_name, split_surnames
from talentdesk.imports.reading import MAX_CELL, Cell, SourceTable, cell_text
from talentdesk.resources import RESOURCES_DIR
from talentdesk.services import members as member_service
from talentdesk.services import reference

#: Target fields (``services.members.FIELDS``) an import column feeds.
TARGETS: dict[str, tuple[str, ...]] = {
    "full_name": ("given_names", "paternal_surname", "maternal_surname"),
    "surnames": ("paternal_surname", "maternal_surname"),
    "country_code": ("country",),
    "chapter": ("chapter_id",),
    "sectors": ("sector_ids", "primary_sector_id"),
    "primary_sector": ("sector_ids", "primary_sector_id"),
    "contributions": ("contribution_ids",),
    "id": (),
}
NAME_FIELDS = ("given_names", "paternal_surname", "maternal_surname", "preferred_name")
PLAIN_TEXT = tuple(f for f in member_service.TEXT_FIELDS if f not in NAME_FIELDS)
ENUMS: dict[str, type[LabeledEnum]] = {"gender": Gender, "degree_level": DegreeLevel, "status": MemberStatus}
REQUIRED = ("given_names", "paternal_surname")
#: Import fields that need the rest of the row (names split, phone by country, sectors merged).
_ROW_LOGIC = frozenset(
    {
        "id",
        "full_name",
        "surnames",
        "country",
        "country_code",
        "phone",
        "chapter",
        "sectors",
        "primary_sector",
        "contributions",
    }
)
#: Excel's day 0 for serial dates (its 1900 leap-year bug is why it is the 30th, not the 31st).
EXCEL_EPOCH = date(1899, 12, 30)
_EXTRA_DATE_FORMATS = ("%d.%m.%Y", "%Y/%m/%d", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S")
_SERIAL = re.compile(r"^\d{4,6}(\.\d+)?$")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_SIMPLE_EMAIL = re.compile(
    r"^[a-z0-9_+-]+(?:\.[a-z0-9_+-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", re.IGNORECASE
)
_SPECIAL_USE = frozenset(email_validator.SPECIAL_USE_DOMAIN_NAMES)


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem of one row: row as the spreadsheet numbers it, column header, cell, reason."""

    row: int
    column: str | None
    value: str | None
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "value": self.value, "message": self.message}


@dataclass(slots=True)
class RowValues:
    """A converted row: values keyed like ``services.members.FIELDS``."""

    values: dict[str, Any] = field(default_factory=dict)
    #: Target fields whose cells were empty (an update by id clears them).
    blank: set[str] = field(default_factory=set)
    errors: list[RowError] = field(default_factory=list)
    member_id: int | None = None


class _Bad:
    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


_BLANK = object()


# -- names of chapters, sectors and contributions ---------------------------------------------------


#: Words that say nothing about which item is meant ("Sector automotriz": "automotriz" does).
_FILLER = frozenset(
    {"y", "e", "de", "del", "la", "las", "el", "los", "en", "para", "and", "of", "the", "sector"}
    | {"industria", "industry", "nuevos", "nuevas", "new"}
)


class Resolver:
    """Finds an item by name, number or code: exact, then unique prefix, then (``by_word``) a
    word of its names that no other item has, then a close spelling."""

    #: More pieces than this in one cell is not a list of sectors.
    MAX_PIECES = 40
    #: The longest name with commas in it ("Alimentos, Agricultura, Pesquería y Biotecnología").
    MAX_RUN = 6
    #: A suggestion for a value that names nothing must score at least this (rapidfuzz ratio).
    SUGGEST = 65.0

    def __init__(
        self, entries: Sequence[tuple[int, Sequence[str]]], cutoff: float = 85.0, *, by_word: bool = False
    ) -> None:
        self._exact: dict[str, int | None] = {}
        self._full: list[tuple[str, int]] = []
        self._labels: dict[int, str] = {}
        owners: dict[str, set[int]] = {}
        for item_id, names in entries:
            for name in names:
                key = fold(name)
                if not key:
                    continue
                self._labels.setdefault(item_id, name)
                previous = self._exact.get(key, item_id)
                self._exact[key] = item_id if previous == item_id else None  # None: ambiguous
                self._full.append((key, item_id))
                for word in key.split():
                    if len(word) >= 4 and word not in _FILLER:
                        owners.setdefault(word, set()).add(item_id)
        self._choices = [k for k, _ in self._full]
        #: The distinctive words: those of one item's names only.
        self._words = {w: next(iter(ids)) for w, ids in owners.items() if len(ids) == 1} if by_word else {}
        self._word_choices = list(self._words)
        self._cutoff = cutoff
        self._cache: dict[str, int | None] = {}

    def find(self, text: str) -> int | None:
        key = fold(text)
        if key not in self._cache:
            self._cache[key] = self._lookup(key)
        return self._cache[key]

    def label(self, item_id: int) -> str:
        return self._labels[item_id]

    def _lookup(self, key: str) -> int | None:
        if not key:
            return None
        if key in self._exact:
            return self._exact[key]
        starts = {item_id for name, item_id in self._full if name.startswith(key)}
        if len(starts) == 1 and len(key) >= 3:
            return next(iter(starts))
        by_word = self._by_words(key)
        if by_word is not None:
            return by_word
        best = process.extract(key, self._choices, scorer=fuzz.ratio, score_cutoff=self._cutoff, limit=8)
        scores: dict[int, float] = {}
        for _choice, score, index in best:
            item_id = self._full[index][1]
            scores[item_id] = max(score, scores.get(item_id, 0.0))
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        if len(ranked) == 1 or (len(ranked) > 1 and ranked[0][1] - ranked[1][1] >= 5):
            return ranked[0][0]
        return None  # nothing close, or two items equally close

    def _word_owner(self, word: str) -> int | None:
        if word in self._words:
            return self._words[word]
        if len(word) < 4:
            return None
        hits = process.extract(
            word, self._word_choices, scorer=fuzz.ratio, score_cutoff=self._cutoff, limit=3
        )
        owners = {self._words[w] for w, _score, _i in hits}
        return owners.pop() if len(owners) == 1 else None

    def _by_words(self, key: str) -> int | None:
        """The item every meaningful word of ``key`` belongs to ("aeronautica" -> Transporte y
        Aeronáutica), when each is a word of that item's names only."""
        if not self._words:
            return None
        words = [w for w in key.split() if w not in _FILLER]
        owners = {self._word_owner(w) for w in words}
        return owners.pop() if len(owners) == 1 and None not in owners else None

    def suggest(self, text: str) -> str | None:
        """For a value that names nothing: the item it most resembles, if any does."""
        key = fold(text)
        for word in key.split():
            owner = self._word_owner(word) if word not in _FILLER and self._words else None
            if owner is not None:
                return self._labels[owner]
        hit = process.extractOne(key, self._choices, scorer=fuzz.ratio, score_cutoff=self.SUGGEST)
        if hit is None and self._word_choices:
            word_hit = process.extractOne(
                key, self._word_choices, scorer=fuzz.ratio, score_cutoff=self.SUGGEST
            )
            return self._labels[self._words[word_hit[0]]] if word_hit is not None else None
        return self._labels[self._full[hit[2]][1]] if hit is not None else None

    def find_many(self, text: str) -> tuple[list[int], list[str]]:
        """Several names separated by ; or , (a name that contains commas is kept whole)."""
        pieces = [p.strip() for p in re.split(r"[;,]", text)]
        if len(pieces) > self.MAX_PIECES:
            return [], [_("{count} valores en una celda").format(count=len(pieces))]
        found: list[int] = []
        bad: list[str] = []
        i = 0
        while i < len(pieces):
            if not pieces[i]:
                i += 1
                continue
            item, step = self._run(pieces, i)
            if item is None:
                bad.append(pieces[i])
            else:
                found.append(item)
            i += step
        return list(dict.fromkeys(found)), bad

    def _run(self, pieces: list[str], i: int) -> tuple[int | None, int]:
        last = min(len(pieces), i + self.MAX_RUN)
        for j in range(last, i, -1):  # the longest run of pieces that names an item exactly
            item = self._exact.get(fold(", ".join(pieces[i:j])))
            if item is not None:
                return item, j - i
        for j in range(last, i + 1, -1):  # then a run of two or more pieces spelled closely
            hit = process.extractOne(
                fold(", ".join(pieces[i:j])), self._choices, scorer=fuzz.ratio, score_cutoff=92
            )
            if hit is not None:
                return self._full[hit[2]][1], j - i
        return self.find(pieces[i]), 1


SECTOR_ALIASES = RESOURCES_DIR / "sector_aliases.json"


@lru_cache(maxsize=1)
def sector_aliases() -> dict[str, list[str]]:
    """The kept list of other names for each sector, by sector number (a data file)."""
    data = json.loads(SECTOR_ALIASES.read_text(encoding="utf-8"))
    return {k: list(v) for k, v in data.items() if not k.startswith("_")}


@dataclass
class References:
    chapters: Resolver
    sectors: Resolver
    contributions: Resolver
    chapter_names: list[str]

    @classmethod
    def load(cls, session: Session) -> References:
        chapters = reference.chapters(session)
        sectors = reference.sectors(session)
        contributions = reference.contribution_types(session)
        aliases = sector_aliases()
        return cls(
            chapters=Resolver([(c.id, [c.name]) for c in chapters]),
            sectors=Resolver(
                [(s.id, [s.name, str(s.number), *aliases.get(str(s.number), [])]) for s in sectors],
                by_word=True,
            ),
            contributions=Resolver(
                [(c.id, [c.name, c.code, c.code.replace("_", " ")]) for c in contributions]
            ),
            chapter_names=[c.name for c in chapters],
        )


# -- single values ---------------------------------------------------------------------------------


def _kind(value: Cell) -> str:
    if isinstance(value, bool):
        return _("un valor VERDADERO/FALSO")
    if isinstance(value, (datetime, date)):
        return _("una fecha")
    if isinstance(value, (time, timedelta)):
        return _("una hora")
    if isinstance(value, (int, float)):
        return _("un número")
    return _("texto")


#: Labels of the import-only fields, for messages (the others use ``FIELD_LABELS``).
_MESSAGE_LABELS = {
    "full_name": N_("Nombre completo"),
    "surnames": N_("Apellidos"),
    "country_code": N_("Código de país"),
    "id": N_("Id"),
}


def _message_label(field_name: str) -> str | None:
    spanish = _MESSAGE_LABELS.get(field_name)
    return _(spanish) if spanish else None


def _message(field_name: str, text: str) -> str:
    return _("{field}: {problem}").format(field=_message_label(field_name) or label(field_name), problem=text)


def _wrong_type(field_name: str, value: Cell, wanted: str) -> _Bad:
    return _Bad(
        _message(
            field_name,
            _("se esperaba {wanted} y la celda tiene {kind} ({cell_text}).").format(
                wanted=wanted, kind=_kind(value), cell_text=cell_text(value)
            ),
        )
    )


def _as_text(value: Cell, field_name: str, *, numbers: bool = True) -> str | _Bad:
    if isinstance(value, str):
        if (err := control_error(field_name, value, name=_message_label(field_name))) is not None:
            return _Bad(err.message)
        return value
    if numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
        return cell_text(value)
    return _wrong_type(field_name, value, "texto")


@lru_cache(maxsize=64)
def _limit(field_name: str) -> int | None:
    return None if field_name in member_service.UNLIMITED_TEXT else max_length(Member, field_name)


def _text(field_name: str, value: Cell, *, name: bool, limit: int | None = None) -> Any:
    raw = _as_text(value, field_name, numbers=not name)
    if isinstance(raw, _Bad):
        return raw
    text = clean(raw)
    if not text:
        return _BLANK
    limit = limit or _limit(field_name)
    if limit and len(text) > limit:
        return _Bad(
            _message(
                field_name,
                _("es demasiado largo ({count:,} caracteres; máximo {limit}).").format(
                    count=len(text), limit=limit
                ),
            )
        )
    if name and not _HAS_LETTER.search(text):
        shown = text if len(text) <= 60 else text[:60] + "…"
        return _Bad(_message(field_name, _("«{shown}» no parece un nombre.").format(shown=shown)))
    return text


@lru_cache(maxsize=4096)
def _special_use(domain: str) -> bool:
    parts = domain.lower().split(".")
    return any(".".join(parts[i:]) in _SPECIAL_USE for i in range(len(parts)))


def email_value(raw: str) -> tuple[str | None, FieldError | None]:
    """``normalize_email``, with a fast path for plain ASCII addresses (the usual case)."""
    value = raw.strip()
    if (
        len(value) <= 254
        and _SIMPLE_EMAIL.match(value)
        and len(value.partition("@")[0]) <= 64
        and "--" not in value.partition("@")[2]
        and not _special_use(value.partition("@")[2])
    ):
        return value.lower(), None
    return normalize_email(value)


def _email(value: Cell) -> Any:
    raw = _as_text(value, "email", numbers=False)
    if isinstance(raw, _Bad):
        return raw
    if not clean(raw):
        return _BLANK
    email, err = email_value(clean(raw))
    return _Bad(err.message) if err else email


def _enum(field_name: str, value: Cell) -> Any:
    raw = _as_text(value, field_name, numbers=False)
    if isinstance(raw, _Bad):
        return raw
    if not clean(raw):
        return _BLANK
    parsed, err = member_service.parse_enum(ENUMS[field_name], clean(raw), field_name)
    return _Bad(err.message) if err else parsed


def _country(field_name: str, value: Cell) -> Any:
    raw = _as_text(value, "country", numbers=False)
    if isinstance(raw, _Bad):
        return raw
    if not clean(raw):
        return _BLANK
    code, err = normalize_country(clean(raw))
    return _Bad(err.message) if err else code


def _website(value: Cell) -> Any:
    raw = _as_text(value, "website", numbers=False)
    if isinstance(raw, _Bad):
        return raw
    if not clean(raw):
        return _BLANK
    url, err = normalize_url(clean(raw))
    if err is None and url is not None and len(url) > (_limit("website") or 300):
        return _Bad(error("website", _("es demasiado larga.")).message)
    return _Bad(err.message) if err else url


def date_value(value: Cell, field_name: str, today: date) -> Any:
    """A date from a date cell, an Excel serial number, or text dd/mm/aaaa or AAAA-MM-DD."""
    if isinstance(value, datetime):
        parsed: date | None = value.date()
    elif isinstance(value, date):
        parsed = value
    elif isinstance(value, (bool, time, timedelta)):
        return _wrong_type(field_name, value, _("una fecha"))
    elif isinstance(value, (int, float)):
        parsed = _serial(value)
        if parsed is None:
            return _Bad(
                error(
                    field_name,
                    _("el número {cell_text} no es una fecha de Excel válida.").format(
                        cell_text=cell_text(value)
                    ),
                ).message
            )
    else:
        text = clean(value)
        if not text:
            return _BLANK
        parsed = _serial(float(text)) if _SERIAL.match(text) else None
        if parsed is None:
            parsed, err = parse_date(text, field_name)
            if err is not None:
                parsed = _extra_formats(text)
                if parsed is None:
                    return _Bad(err.message)
    assert parsed is not None
    if parsed.year < 1900:
        return _Bad(
            error(
                field_name, _("la fecha {parsed:%d/%m/%Y} es anterior a 1900.").format(parsed=parsed)
            ).message
        )
    future = check_not_future(parsed, field_name, today)
    return _Bad(future.message) if future else parsed


def _serial(number: float) -> date | None:
    if not 1 <= number < 2_958_466:  # Excel's 31/12/9999
        return None
    return EXCEL_EPOCH + timedelta(days=int(number))


def _extra_formats(text: str) -> date | None:
    for fmt in _EXTRA_DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _bool(value: Cell, field: str = "directory_consent") -> Any:
    if isinstance(value, str) and not clean(value):
        return _BLANK
    if isinstance(value, (date, time, timedelta)):
        return _wrong_type(field, value, _("sí o no"))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    parsed, err = member_service.parse_bool(
        clean(str(value)) if not isinstance(value, bool) else value, field
    )
    return _Bad(err.message) if err else parsed


def _print_fields(value: Cell) -> Any:
    raw = _as_text(value, "print_fields", numbers=False)
    if isinstance(raw, _Bad):
        return raw
    if not clean(raw):
        return _BLANK
    fields, err = member_service.parse_print_fields(clean(raw).replace(";", ","))
    wanted = set(fields)
    return _Bad(err.message) if err else [f for f in PrintField if f in wanted]


def _member_id(value: Cell) -> Any:
    if isinstance(value, str):
        text = clean(value)
        if not text:
            return _BLANK
        if not text.isdecimal():  # not isdigit: "²" is a digit int() refuses
            return _Bad(_message("id", _("«{text}» no es un número de miembro.").format(text=text[:60])))
        number = int(text)
    elif isinstance(value, bool) or not isinstance(value, (int, float)):
        return _wrong_type("id", value, _("un número de miembro"))
    elif isinstance(value, float) and not value.is_integer():
        return _Bad(
            _message("id", _("«{cell_text}» no es un número de miembro.").format(cell_text=cell_text(value)))
        )
    else:
        number = int(value)
    if number <= 0 or number > 2**62:
        return _Bad(_message("id", _("«{number}» no es un número de miembro.").format(number=number)))
    return number


def _reference_one(refs: References, what: str, value: Cell) -> Any:
    field_name = "chapter" if what == "chapter" else "primary_sector"
    raw = _as_text(value, field_name)
    if isinstance(raw, _Bad):
        return raw
    text = clean(raw)
    if not text:
        return _BLANK
    if what == "chapter":
        found = refs.chapters.find(text)
        if found is None:
            known = ", ".join(refs.chapter_names[:12]) + ("…" if len(refs.chapter_names) > 12 else "")
            return _Bad(
                error(
                    "chapter",
                    _("no existe el capítulo «{text}» (capítulos: {value}).").format(
                        text=text, value=known or "ninguno"
                    ),
                ).message
            )
        return found
    found = refs.sectors.find(text)
    if found is None:
        return _Bad(error("primary_sector", _no_sector(refs, [text])).message)
    return found


def _reference_many(refs: References, what: str, value: Cell) -> Any:
    field_name = "sectors" if what == "sectors" else "contributions"
    raw = _as_text(value, field_name)
    if isinstance(raw, _Bad):
        return raw
    text = clean(raw)
    if not text:
        return _BLANK
    resolver = refs.sectors if what == "sectors" else refs.contributions
    ids, bad = resolver.find_many(text)
    if bad:
        shown = ", ".join(f"«{b}»" for b in bad)
        if what == "sectors":
            return _Bad(error("sectors", _no_sector(refs, bad)).message)
        return _Bad(error("contributions", _("no existe la aportación {shown}.").format(shown=shown)).message)
    return ids


def _no_sector(refs: References, values: Sequence[str]) -> str:
    """Which values name no sector, each with the sector it most resembles (if any)."""
    parts = []
    for value in values:
        hint = refs.sectors.suggest(value)
        parts.append(f"«{value}»" + (_(" (¿quiso decir «{hint}»?)").format(hint=hint) if hint else ""))
    return _("no existe el sector {values}; use el nombre o el número del 1 al 9.").format(
        values=", ".join(parts)
    )


def _phone_text(value: Cell) -> Any:
    if isinstance(value, str):
        text = clean(value)
        return text or _BLANK
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return _wrong_type("phone", value, _("un número de teléfono"))
    return cell_text(value)


def converter(import_field: str, refs: References, today: date) -> Callable[[Cell], Any]:
    """The function that turns one cell of a column mapped to ``import_field`` into a value."""
    if import_field in NAME_FIELDS:
        return lambda v: _text(import_field, v, name=True)
    if import_field in PLAIN_TEXT:
        return lambda v: _text(import_field, v, name=False)
    simple: dict[str, Callable[[Cell], Any]] = {
        "full_name": lambda v: _text("full_name", v, name=True, limit=400),
        "surnames": lambda v: _text("surnames", v, name=True, limit=250),
        "email": _email,
        "phone": _phone_text,
        "country": lambda v: _country("country", v),
        "country_code": lambda v: _country("country", v),
        "website": _website,
        "directory_consent": _bool,
        "no_contact": lambda v: _bool(v, "no_contact"),
        "print_fields": _print_fields,
        "id": _member_id,
        "chapter": lambda v: _reference_one(refs, "chapter", v),
        "primary_sector": lambda v: _reference_one(refs, "primary_sector", v),
        "sectors": lambda v: _reference_many(refs, "sectors", v),
        "contributions": lambda v: _reference_many(refs, "contributions", v),
        "joined_on": lambda v: date_value(v, "joined_on", today),
        "consent_date": lambda v: date_value(v, "consent_date", today),
    }
    if import_field in ENUMS:
        return lambda v: _enum(import_field, v)
    return simple[import_field]


# -- whole rows ------------------------------------------------------------------------------------


def convert_column(
    source: SourceTable, column: int, import_field: str, refs: References, today: date
) -> list[Any]:
    """Every cell of one column converted: a value, ``_BLANK`` or ``_Bad``."""
    convert = converter(import_field, refs, today)
    texts: dict[str, Any] = {}  # most cells are text: keyed by the text itself
    others: dict[tuple[type, Cell], Any] = {}  # 1, 1.0 and True are equal keys: keep the type
    no_cache = import_field in ("email", "id", "notes", "expertise")
    out: list[Any] = []
    append = out.append
    for row in source.rows:
        raw = row[column]
        if raw.__class__ is str:
            if not raw:
                append(_BLANK)
            elif no_cache:
                append(convert(raw) if len(raw) <= MAX_CELL else _too_long(import_field, raw))
            else:
                hit = texts.get(raw)
                if hit is None:
                    hit = texts[raw] = convert(raw) if len(raw) <= MAX_CELL else _too_long(import_field, raw)
                append(hit)
        elif raw is None:
            append(_BLANK)
        else:
            key = (raw.__class__, raw)
            hit = others.get(key)
            if hit is None:
                hit = others[key] = convert(raw)
            append(hit)
    return out


def _too_long(import_field: str, raw: str) -> _Bad:
    return _Bad(
        _message(
            import_field,
            _("la celda tiene {count:,} caracteres (máximo {MAX_CELL:,}).").format(
                count=len(raw), MAX_CELL=MAX_CELL
            ),
        )
    )


def convert_rows(
    source: SourceTable,
    columns: Sequence[str | None],
    refs: References,
    *,
    today: date | None = None,
    member_countries: dict[int, str | None] | None = None,
    on_column: Callable[[int, int], None] | None = None,
) -> list[RowValues]:
    """Convert every row; ``member_countries`` gives the country to read national phones by
    for rows that update a member (by id) and have no country of their own."""
    today = today or date.today()
    member_countries = member_countries or {}
    mapped = [(i, f) for i, f in enumerate(columns) if f is not None]
    converted: dict[str, list[Any]] = {}
    where: dict[str, int] = {}
    for done, (i, import_field) in enumerate(mapped, start=1):
        converted[import_field] = convert_column(source, i, import_field, refs, today)
        where[import_field] = i
        if on_column is not None:
            on_column(done, len(mapped))
    builder = _RowBuilder(source, columns, converted, where, member_countries)
    return [builder.build(index) for index in range(len(source.rows))]


class _RowBuilder:
    """Puts one row together from its converted cells: names, country, phone, sectors."""

    def __init__(
        self,
        source: SourceTable,
        columns: Sequence[str | None],
        converted: dict[str, list[Any]],
        where: dict[str, int],
        member_countries: dict[int, str | None],
    ) -> None:
        self.source = source
        self.columns = columns
        self.converted = converted
        self.where = where
        self.member_countries = member_countries
        self.plain = [(f, where[f], converted[f]) for f in where if f not in _ROW_LOGIC]
        self.phone_cache: dict[tuple[str, str | None], tuple[str | None, FieldError | None]] = {}
        mapped = set(where.values())
        self.problems = {k: v for k, v in source.cell_problems.items() if k[1] is None or k[1] in mapped}
        self.index = 0
        self.out = RowValues()
        self.bad_columns: set[int] = set()

    def bad(self, import_field: str, message: str) -> None:
        column = self.where[import_field]
        row = self.source.rows[self.index]
        number = self.source.row_numbers[self.index]
        self.out.errors.append(RowError(number, self.source.headers[column], _shown(row[column]), message))

    def take(self, import_field: str) -> Any:
        """The converted cell, ``_BLANK``, or None after reporting its error."""
        if self.where[import_field] in self.bad_columns:
            return None
        value = self.converted[import_field][self.index]
        if type(value) is _Bad:
            self.bad(import_field, value.message)
            return None
        return value

    def build(self, index: int) -> RowValues:
        self.index = index
        self.out = out = RowValues()
        self.bad_columns = set()
        values, blank = out.values, out.blank
        if self.problems:
            self._reader_problems()
        take = self.take
        bad_columns = self.bad_columns
        for import_field, column, cells in self.plain:
            value = cells[index]
            if value is _BLANK:
                blank.add(import_field)
            elif column in bad_columns:
                continue
            elif value.__class__ is _Bad:
                self.bad(import_field, value.message)
            else:
                values[import_field] = value
        where = self.where
        id_given = False
        if "id" in where:
            member_id = take("id")
            id_given = member_id is not _BLANK
            if isinstance(member_id, int):
                out.member_id = member_id
        _names(out, take, self.bad, where)
        _country_of(out, take, self.bad, where)
        if "phone" in where:
            self._phone()
        _sectors(out, take, where)
        for import_field, target in (("chapter", "chapter_id"), ("contributions", "contribution_ids")):
            if import_field in where:
                value = take(import_field)
                if value is _BLANK:
                    blank.add(target)
                elif value is not None:
                    values[target] = value
        blank.discard("status")  # an empty status cell keeps the member's status
        if not (id_given and out.member_id is None):  # a wrong id is the row's problem, not its name
            _required(out, self.source.row_numbers[index], self.source.headers, where)
        return out

    def _reader_problems(self) -> None:
        index, headers = self.index, self.source.headers
        row, number = self.source.rows[index], self.source.row_numbers[index]
        whole = self.problems.get((index, None))
        if whole is not None:
            # The row number is the error's own field: whoever shows it puts "Fila N" in front.
            self.out.errors.append(RowError(number, None, None, whole[:1].upper() + whole[1:]))
        for column in range(len(headers)):
            problem = self.problems.get((index, column))
            if problem is not None:
                self.bad_columns.add(column)
                message = _message(self.columns[column] or "", problem)
                self.out.errors.append(RowError(number, headers[column], _shown(row[column]), message))

    def _phone(self) -> None:
        out = self.out
        raw = self.take("phone")
        if raw is _BLANK:
            out.blank.add("phone")
            return
        if raw is None:
            return
        country = out.values.get("country")
        if country is None and out.member_id is not None and "country" not in out.blank:
            country = self.member_countries.get(out.member_id)
        key = (raw, country)
        result = self.phone_cache.get(key)
        if result is None:
            result = self.phone_cache[key] = normalize_phone(raw, country)
        phone, err = result
        if err is not None:
            self.bad("phone", err.message)
        else:
            out.values["phone"] = phone


def _shown(value: Cell) -> str | None:
    text = cell_text(value)
    if not text:
        return None
    return text if len(text) <= 200 else text[:200] + "…"


def _names(
    out: RowValues, take: Callable[[str], Any], bad: Callable[[str, str], None], where: dict[str, int]
) -> None:
    values, blank = out.values, out.blank
    if "full_name" in where:
        full = take("full_name")
        if full is _BLANK:
            blank.update(("given_names", "paternal_surname", "maternal_surname"))
        elif full is not None:
            given, paternal, maternal = split_full_name(full)
            if not given or not paternal:
                bad(
                    "full_name",
                    _message(
                        "full_name",
                        _("no se pudo separar «{full}» en nombre(s) y apellido.").format(full=full),
                    ),
                )
            else:
                values.update(given_names=given, paternal_surname=paternal)
                if maternal:
                    values["maternal_surname"] = maternal
                else:
                    blank.add("maternal_surname")
    if "surnames" in where:
        surnames = take("surnames")
        if surnames is _BLANK:
            blank.update(("paternal_surname", "maternal_surname"))
        elif surnames is not None:
            paternal, maternal = split_surnames(surnames)
            values["paternal_surname"] = paternal
            if maternal:
                values["maternal_surname"] = maternal
            else:
                blank.add("maternal_surname")
    if "full_name" not in where and "surnames" not in where:
        return  # names from their own columns were checked by their converters
    for name_field in ("given_names", "paternal_surname", "maternal_surname"):
        if name_field in values:
            limit = _limit(name_field)
            if limit and len(values[name_field]) > limit:
                source_field = next(f for f in (name_field, "full_name", "surnames") if f in where)
                bad(
                    source_field,
                    error(
                        name_field, _("es demasiado largo (máximo {limit} caracteres).").format(limit=limit)
                    ).message,
                )
                del values[name_field]


def _country_of(
    out: RowValues, take: Callable[[str], Any], bad: Callable[[str, str], None], where: dict[str, int]
) -> None:
    if "country_code" not in where:
        if "country" in where:
            value = take("country")
            if value is _BLANK:
                out.blank.add("country")
            elif value is not None:
                out.values["country"] = value
        return
    got = {f: take(f) for f in ("country", "country_code") if f in where}
    codes = {f: v for f, v in got.items() if isinstance(v, str)}
    if None in got.values():  # an error was reported
        return
    if len(set(codes.values())) > 1:
        bad(
            "country",
            _(
                "País: «{country}» y el código de país «{country_code}» no coinciden; corrija uno de los dos."
            ).format(country=codes["country"], country_code=codes["country_code"]),
        )
    elif codes:
        out.values["country"] = next(iter(codes.values()))
    else:
        out.blank.add("country")


def _sectors(out: RowValues, take: Callable[[str], Any], where: dict[str, int]) -> None:
    sectors = take("sectors") if "sectors" in where else _BLANK
    primary = take("primary_sector") if "primary_sector" in where else _BLANK
    if sectors is None or primary is None or ("sectors" not in where and "primary_sector" not in where):
        return
    if sectors is _BLANK and primary is _BLANK:
        out.blank.update(("sector_ids", "primary_sector_id"))
        return
    ids: list[int] = list(sectors) if isinstance(sectors, list) else []
    if isinstance(primary, int):
        ids = [primary, *[s for s in ids if s != primary]]
    out.values["sector_ids"] = ids
    out.values["primary_sector_id"] = ids[0]


def _required(out: RowValues, number: int, headers: list[str], where: dict[str, int]) -> None:
    reported: set[str | None] | None = None
    for name_field in REQUIRED:
        if name_field in out.values:
            continue
        if reported is None:
            reported = {e.column for e in out.errors}
        source_field = next((f for f in (name_field, "full_name", "surnames") if f in where), None)
        if out.member_id is not None and name_field not in out.blank:
            continue  # an update by id that does not touch the name
        header = headers[where[source_field]] if source_field else None
        if header in reported and header is not None:
            continue  # that cell already has an error
        out.errors.append(RowError(number, header, None, error(name_field, _("es obligatorio.")).message))
