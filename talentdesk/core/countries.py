"""ISO 3166 countries with Spanish names (pycountry's gettext catalogue)."""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

from talentdesk.core.text import fold


@cache
def _spanish() -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"])
    except OSError:  # catalogue missing: fall back to English names
        return gettext.NullTranslations()


@cache
def countries() -> tuple[tuple[str, str], ...]:
    """(alpha-2 code, Spanish name) pairs sorted by Spanish name."""
    tr = _spanish().gettext
    pairs = [(c.alpha_2, tr(c.name)) for c in pycountry.countries]
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
    return _name_of(code.upper())


@cache
def _name_of(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    return _spanish().gettext(country.name) if country else code
