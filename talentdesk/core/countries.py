"""ISO 3166 countries named in the current language: Spanish from pycountry's gettext catalogue,
English from pycountry itself (its common name where ISO's is formal)."""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

from talentdesk.core import i18n
from talentdesk.core.text import fold


@cache
def _spanish() -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"])
    except OSError:  # catalogue missing: fall back to English names
        return gettext.NullTranslations()


def _named(country: object, language: str) -> str:
    name = str(getattr(country, "name", ""))
    if language == "es":
        return _spanish().gettext(name)
    return str(getattr(country, "common_name", "") or name)


def countries() -> tuple[tuple[str, str], ...]:
    """(alpha-2 code, name) pairs sorted by name, in the current language."""
    return _countries(i18n.language())


@cache
def _countries(language: str) -> tuple[tuple[str, str], ...]:
    pairs = [(c.alpha_2, _named(c, language)) for c in pycountry.countries]
    return tuple(sorted(pairs, key=lambda p: fold(p[1])))


@cache
def _lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    tr = _spanish().gettext
    for c in pycountry.countries:
        names = [c.alpha_2, c.alpha_3, c.name, tr(c.name)]
        names += [getattr(c, "common_name", ""), getattr(c, "official_name", "")]
        for name in names:
            if name:
                table.setdefault(fold(name), c.alpha_2)
    # Names people write that ISO spells otherwise.
    for alias, code in {
        "usa": "US",
        "eua": "US",
        "eeuu": "US",
        "ee uu": "US",
        "estados unidos de america": "US",
        "uk": "GB",
        "inglaterra": "GB",
        "reino unido": "GB",
        "corea del sur": "KR",
        "rusia": "RU",
    }.items():
        table.setdefault(alias, code)
    return table


def country_code(text: str | None) -> str | None:
    """The alpha-2 code for a code or a Spanish or English name; None if unknown."""
    if not text or not text.strip():
        return None
    return _lookup().get(fold(text))


def country_name(code: str | None) -> str:
    if not code:
        return ""
    return _name_of(code.upper(), i18n.language())


@cache
def _name_of(code: str, language: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    return _named(country, language) if country else code
