"""Accent folding, Spanish name order and query words (talentdesk.core.text)."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from talentdesk.core.text import (
    SORT_SEPARATOR,
    build_search_text,
    clean,
    compact,
    filter_token,
    fold,
    full_name,
    name_sort_key,
    query_words,
)

FOLDED = re.compile(r"^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$")


def test_fold_accents_hyphen_and_case() -> None:
    assert fold("Núñez-Ávila") == "nunez avila"
    assert fold("  JOSÉ   María ") == "jose maria"
    assert fold("O'Higgins") == "o higgins"
    assert fold(None) == ""
    assert fold("") == ""
    assert fold("¡¿…?!") == ""


def test_clean_and_compact_and_full_name() -> None:
    assert clean("  Ana\u00a0 María \t") == "Ana María"
    assert clean(None) == ""
    assert compact("De la Garza") == "delagarza"
    assert full_name(" José ", "Núñez", None) == "José Núñez"
    assert full_name("Ana", "López", "Pérez") == "Ana López Pérez"


def _sorted_surnames(names: list[str]) -> list[str]:
    return sorted(names, key=lambda n: name_sort_key(n, None, "X"))


def test_enye_sorts_after_n_and_before_o() -> None:
    names = ["Nuo", "Núñez", "Nunez", "Nunfio", "Nuñoz", "Nunzio", "Nuñez"]
    assert _sorted_surnames(names) == ["Nunez", "Nunfio", "Nunzio", "Núñez", "Nuñez", "Nuñoz", "Nuo"]
    assert _sorted_surnames(["Ordaz", "Ñañez", "Nava"]) == ["Nava", "Ñañez", "Ordaz"]
    assert _sorted_surnames(["Muñoz", "Munoz", "Muñiz"]) == ["Munoz", "Muñiz", "Muñoz"]


def test_sort_is_paterno_then_materno_then_given_names() -> None:
    people = [
        ("García", "Zapata", "Ana"),
        ("García", "López", "Zoe"),
        ("García", None, "Beto"),
        ("Álvarez", "Ruiz", "Carlos"),
        ("García", "López", "Adán"),
        ("Gómez", "Aguilar", "Aarón"),
    ]
    ordered = sorted(people, key=lambda p: name_sort_key(*p))
    assert ordered == [
        ("Álvarez", "Ruiz", "Carlos"),
        ("García", None, "Beto"),
        ("García", "López", "Adán"),
        ("García", "López", "Zoe"),
        ("García", "Zapata", "Ana"),
        ("Gómez", "Aguilar", "Aarón"),
    ]


def test_sort_key_ignores_case_and_accents_and_compound_surnames_stay_before_longer() -> None:
    assert name_sort_key("ÁLVAREZ", "pérez", "josé") == name_sort_key("Alvarez", "Perez", "Jose")
    assert name_sort_key("Garza", None, "A") < name_sort_key("Garza Lozano", None, "A")
    assert name_sort_key("De la Garza", None, "A") < name_sort_key("Dela", None, "A")
    assert SORT_SEPARATOR in name_sort_key("a", "b", "c")


def test_decomposed_enye_sorts_like_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Núñez")
    assert decomposed != "Núñez"
    assert name_sort_key(decomposed, None, "Ana") == name_sort_key("Núñez", None, "Ana")


def test_query_words() -> None:
    assert query_words("José  NÚÑEZ") == ["jose", "nunez"]
    assert query_words("jo jose") == ["jose"]
    assert query_words("ana ana ana") == ["ana"]
    assert query_words("") == []
    assert query_words(None) == []
    assert query_words("garcía-lópez") == ["garcia", "lopez"]


def test_filter_tokens_and_search_text() -> None:
    assert filter_token("ch", 3) == "_ch3"
    assert filter_token("co", "US") == "_cous"
    text = build_search_text(["José Núñez", None, "jose"], [("ch", 3), ("dc", 1)])
    assert text == " jose nunez _ch3 _dc1 "


@given(st.text())
def test_fold_output_is_ascii_lowercase_words(value: str) -> None:
    folded = fold(value)
    assert FOLDED.match(folded), folded
    assert fold(folded) == folded


@given(st.text())
def test_query_words_are_folded_and_never_prefix_each_other(value: str) -> None:
    got = query_words(value)
    assert all(FOLDED.match(w) and " " not in w and w for w in got)
    assert len(set(got)) == len(got)
    assert not any(a != b and b.startswith(a) for a in got for b in got)
    # every folded word of the input is covered by (is a prefix of) some kept word
    assert all(any(k.startswith(w) for k in got) for w in fold(value).split())


SPANISH = "abcdefghijklmnñopqrstuvwxyz"
letters = st.text(alphabet=SPANISH, min_size=1, max_size=8)


def _spanish_key(word: str) -> list[int]:
    return [SPANISH.index(c) for c in word]


@given(letters, letters)
def test_sort_key_orders_like_spanish_alphabet(a: str, b: str) -> None:
    ka, kb = name_sort_key(a, None, "x"), name_sort_key(b, None, "x")
    assert (ka < kb) == (_spanish_key(a) < _spanish_key(b))
    assert (ka == kb) == (a == b)


@given(st.tuples(letters, letters, letters), st.tuples(letters, letters, letters))
def test_sort_key_orders_tuples_paterno_materno_given(
    a: tuple[str, str, str], b: tuple[str, str, str]
) -> None:
    ka, kb = name_sort_key(*a), name_sort_key(*b)
    ref_a = tuple(_spanish_key(p) for p in a)
    ref_b = tuple(_spanish_key(p) for p in b)
    assert (ka < kb) == (ref_a < ref_b)


names = st.text(alphabet=SPANISH + "áéíóúü -'", max_size=20)


@given(names, names, names)
def test_sort_key_ignores_case_and_accents(p: str, m: str, g: str) -> None:
    key = name_sort_key(p.upper(), m.upper(), g.upper())
    assert key == name_sort_key(p.lower(), m.lower(), g.lower())
    plain = str.maketrans("áéíóúü", "aeiouu")
    assert key == name_sort_key(p.translate(plain), m.translate(plain), g.translate(plain))
