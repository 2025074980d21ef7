"""Splitting a full name into given names, apellido paterno and apellido materno.

Mexican order is "Nombre(s) Paterno Materno". Surnames are read from the right; a surname
keeps the particles before it ("de la Garza", "Del Valle", "San Martín"), and "y" joins two
words into one surname ("Ortega y Gasset"). "Apellidos, Nombres" (with a comma) is read
surnames first. Given names that carry a particle ("María del Carmen", "José de Jesús") are
recognised by their usual endings, so "María del Carmen Ruiz" is not read as paterno
"del Carmen".
"""

from __future__ import annotations

from talentdesk.core.text import clean, fold

PARTICLES = frozenset(
    {
        "de",
        "del",
        "la",
        "las",
        "los",
        "y",
        "da",
        "das",
        "do",
        "dos",
        "di",
        "van",
        "von",
        "der",
        "den",
        "san",
        "santa",
    }
)
#: Given names that take a particle: María del Carmen, María de los Ángeles, José de Jesús…
_COMPOUND_STARTS = frozenset({"maria", "ma", "jose", "juan"})
_COMPOUND_ENDS = frozenset(
    {
        "carmen",
        "jesus",
        "luz",
        "angeles",
        "lourdes",
        "rosario",
        "pilar",
        "guadalupe",
        "socorro",
        "refugio",
        "dolores",
        "consuelo",
        "mar",
        "rocio",
        "soledad",
        "montserrat",
        "trinidad",
        "asuncion",
        "mercedes",
        "remedios",
        "fatima",
        "belen",
        "concepcion",
    }
)


def _is_particle(word: str) -> bool:
    return fold(word) in PARTICLES


def _unit_from_right(tokens: list[str], end: int) -> int:
    """Start index of the surname ending at ``end`` (exclusive): the word and its particles."""
    start = end - 1
    while start > 0 and _is_particle(tokens[start - 1]):
        start -= 1
    if fold(tokens[start]) == "y" and start > 0:  # "Ortega y Gasset": one surname
        start = _unit_from_right(tokens, start)
    return start


def split_full_name(text: str | None) -> tuple[str, str, str | None]:
    """(given names, paternal, maternal or None); missing parts are empty strings."""
    value = clean(text)
    if "," in value:
        surnames, _, given = value.partition(",")
        paternal, maternal = split_surnames(surnames)
        return clean(given), paternal, maternal
    tokens = value.split(" ") if value else []
    if len(tokens) <= 1:
        return value, "", None
    maternal_start = _unit_from_right(tokens, len(tokens))
    if maternal_start == 0:  # "de la Garza": a surname alone
        return "", value, None
    paternal_start = _unit_from_right(tokens, maternal_start)
    first: list[str] = tokens[:paternal_start]
    second: list[str] = tokens[paternal_start:maternal_start]
    third: list[str] = tokens[maternal_start:]
    if not first:  # two parts only: given names and one surname
        first, second, third = second, third, []
    elif _given_name_compound(first, second):
        first, second, third = first + second, third, []
    return " ".join(first), " ".join(second), " ".join(third) or None


def _given_name_compound(given: list[str], surname: list[str]) -> bool:
    return (
        len(surname) > 1
        and _is_particle(surname[0])
        and fold(given[-1]).rstrip(".") in _COMPOUND_STARTS
        and fold(surname[-1]) in _COMPOUND_ENDS
    )


def split_surnames(text: str | None) -> tuple[str, str | None]:
    """'García de la Garza' -> ('García', 'de la Garza'); a third surname stays with the second."""
    tokens = clean(text).split(" ") if clean(text) else []
    if not tokens:
        return "", None
    # Read from the left: a surname is its particles and one word ("y" joins the next one too).
    end = 0
    while end < len(tokens) and _is_particle(tokens[end]):
        end += 1
    end = min(end + 1, len(tokens))
    while end < len(tokens) - 1 and fold(tokens[end]) == "y":
        end += 2
    paternal = " ".join(tokens[:end])
    maternal = " ".join(tokens[end:]) or None
    return paternal, maternal
