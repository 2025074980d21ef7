"""Accent folding, Spanish name sorting and the search text that indexes a member.

The search index is built from plain ASCII words so that SQLite FTS5, a LIKE scan and
PostgreSQL all see the very same tokens: a query token matches the start of a word.
Filter values (chapter, sector, status...) are added as words starting with ``_``, which no
folded user text can produce, so filters and text combine in one full-text expression.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from unidecode import unidecode

_NON_WORD = re.compile(r"[^a-z0-9]+")
_NON_SORT = re.compile(r"[^a-z0-9~ ]+")
_SPACES = re.compile(r"\s+")

#: Separates surname and name parts in a sort key; sorts before any letter or space.
SORT_SEPARATOR = "\x01"


def clean(value: str | None) -> str:
    """Trim and collapse white space, non-breaking spaces included."""
    if value is None:
        return ""
    return _SPACES.sub(" ", value.replace("\u00a0", " ")).strip()


def fold(value: str | None) -> str:
    """Lower-case ASCII words separated by single spaces: 'Núñez-Ávila' -> 'nunez avila'."""
    if not value:
        return ""
    return _NON_WORD.sub(" ", unidecode(value).lower()).strip()


def compact(value: str | None) -> str:
    """Folded with no spaces at all ('De la Garza' -> 'delagarza'): e-mail-like handles."""
    return "".join(_cached_words(value or ""))


def words(value: str | None) -> list[str]:
    return list(_cached_words(value or ""))


@lru_cache(maxsize=200_000)
def _cached_words(value: str) -> tuple[str, ...]:
    # Names, cities and employers repeat a lot: bulk loads fold each distinct value once.
    return tuple(fold(value).split())


@lru_cache(maxsize=100_000)
def _sort_part(value: str | None) -> str:
    # ñ sorts after n and before o: 'n~' does that in plain binary order ('~' > 'z').
    # NFC first: a decomposed 'n' + U+0303 (pasted from macOS) is an ñ too.
    lowered = unicodedata.normalize("NFC", clean(value)).lower().replace("ñ", "n~")
    return _SPACES.sub(" ", _NON_SORT.sub(" ", unidecode(lowered))).strip()


def name_sort_key(paternal: str | None, maternal: str | None, given: str | None) -> str:
    """Binary-sortable key: apellido paterno, then materno, then given names, the Spanish way."""
    return SORT_SEPARATOR.join((_sort_part(paternal), _sort_part(maternal), _sort_part(given)))


def full_name(given: str | None, paternal: str | None, maternal: str | None) -> str:
    return " ".join(p for p in (clean(given), clean(paternal), clean(maternal)) if p)


@lru_cache(maxsize=4096)
def filter_token(kind: str, value: object) -> str:
    """The index word for one filter value, e.g. ``_ch3`` for chapter 3."""
    return f"_{kind}{fold(str(value)).replace(' ', '')}"


def build_search_text(texts: Iterable[str | None], filters: Iterable[tuple[str, object]]) -> str:
    """Space-framed words (' a b _ch3 ') so a LIKE '% a%' scan equals an FTS prefix query."""
    seen: dict[str, None] = {}
    for text in texts:
        if text:
            for word in _cached_words(text):
                seen.setdefault(word, None)
    for kind, value in filters:
        seen.setdefault(filter_token(kind, value), None)
    return " " + " ".join(seen) + " "


def query_words(query: str | None) -> list[str]:
    """The folded words of what the user typed, duplicates and prefixes of others removed."""
    unique = list(dict.fromkeys(words(query)))
    return [w for w in unique if not any(o != w and o.startswith(w) for o in unique)]
