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

#: The explicit bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069):
#: text in any script displays correctly without them, and one hidden in a name reverses what
#: follows it on screen, in a terminal and in file names ("Trojan Source" spoofing).
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
#: C0 and C1 control characters and DEL: all but tab, line feed and carriage return; and the
#: bidirectional controls. None belongs in a name, a place or a note; C0/C1 are invalid in
#: spreadsheet XML and ESC starts a terminal escape sequence.
CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + BIDI_CONTROLS
_CONTROL = re.compile(f"[{CONTROLS}]")
#: The controls ``clean`` does not turn into a space (it does so for the separators, vertical
#: tab, form feed and NEL, which Python counts as white space).
_HARD_CONTROL = re.compile(f"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f{BIDI_CONTROLS}]")
#: What a document cannot carry at all: the controls, lone surrogates, U+FFFE and U+FFFF.
_UNWRITABLE = re.compile(f"[{CONTROLS}\ud800-\udfff\ufffe\uffff]")
#: What a terminal must not receive raw (carriage return included: it rewrites the line).
_TERMINAL_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
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


def first_control(text: str, *, multiline: bool = False) -> int | None:
    """Where the first control character of ``text`` is, or None.

    One-line text is compared as ``clean`` will store it (white-space controls become a
    space); multi-line text keeps every character, so only tab and line breaks pass."""
    found = (_CONTROL if multiline else _HARD_CONTROL).search(text)
    return None if found is None else found.start()


def printable(text: str) -> str:
    """``text`` without the characters no spreadsheet or PDF can hold (controls but tab and
    line breaks, lone surrogates, U+FFFE/U+FFFF): for writing what an older version or another
    program may have stored."""
    return _UNWRITABLE.sub("", text) if _UNWRITABLE.search(text) else text


def escape_controls(text: str) -> str:
    """Control characters (tab and line feed excepted) as visible ``\\u001b`` escapes: what a
    terminal may print without obeying an escape sequence hidden in the data."""
    if _TERMINAL_UNSAFE.search(text) is None:
        return text
    return _TERMINAL_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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


#: What a sort key writes after an n for ñ (so ñ sorts after n): the only place they differ.
ENYE_MARK = "~"


def name_identity(sort_key: str) -> str:
    """A name's identity from its sort key: ñ folded to n, like accents, case and punctuation
    already are ("Ibáñez" and "Ibanez" are the same name; only the order keeps them apart)."""
    return sort_key.replace(ENYE_MARK, "") if ENYE_MARK in sort_key else sort_key


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


def readable_file_name(name: str) -> str:
    """A file name as text that can be shown and stored: bytes that are not UTF-8 (which Python
    keeps as lone surrogates, PEP 383) become ``\\xff`` escapes instead of failing to encode."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
