"""Spanish wording of generated documents: the salutation by gender and a venue's article.

Documents are written in Spanish whatever the interface language (they go to participants in
Mexico's name), so these are plain Spanish, not translatable messages.
"""

from __future__ import annotations

from talentdesk.core.enums import Gender
from talentdesk.core.text import fold

_SALUTATION = {Gender.FEMALE: "Estimada", Gender.MALE: "Estimado"}


def salutation(gender: Gender | None) -> str:
    """«Estimada» or «Estimado»; «Estimado(a)» when the gender is not on record, or recorded as
    «otro» (there is no agreed neutral form in formal Mexican letters)."""
    return _SALUTATION.get(gender, "Estimado(a)") if gender is not None else "Estimado(a)"


_ARTICLES = {"el", "la", "los", "las"}

#: Nouns venue names start with, by the article they take (folded). Most follow the ending rule
#: of :func:`with_article`; these are listed for the exceptions and for clarity.
_FEMININE = {
    "academia", "alberca", "arena", "biblioteca", "camara", "cancilleria", "capilla", "casa",
    "catedral", "cineteca", "ciudad", "embajada", "escuela", "estacion", "expo", "explanada",
    "facultad", "fundacion", "galeria", "hacienda", "iglesia", "plaza", "quinta", "residencia",
    "sala", "secretaria", "sede", "terraza", "torre", "unidad", "universidad",
}  # fmt: skip
_MASCULINE = {
    "aula", "auditorio", "campus", "centro", "club", "colegio", "complejo", "consulado",
    "edificio", "espacio", "foro", "hotel", "instituto", "museo", "palacio", "pabellon",
    "polyforum", "recinto", "salon", "teatro", "tecnologico", "world",
}  # fmt: skip
#: Acronyms of Mexican institutions that host events, by article («la UNAM», «el IPN»).
_ACRONYMS = {
    "BUAP": "la", "CIDE": "el", "CINVESTAV": "el", "COLMEX": "el", "CONAHCYT": "el",
    "IME": "el", "IPN": "el", "ITAM": "el", "SEP": "la", "SRE": "la", "UAM": "la",
    "UDG": "la", "UNAM": "la", "WTC": "el",
}  # fmt: skip
_FEMININE_ENDINGS = ("a", "ion", "dad", "tad", "tud", "umbre")


def with_article(name: str) -> str:
    """A venue as it reads after «en»: «el Consulado General…», «la Secretaría…», «la UNAM».

    A name that already starts with an article is left as written, as is an acronym not known
    here (an article cannot be guessed for it). Otherwise the first word decides: the nouns
    listed above, else the usual endings (-a, -ción, -dad… feminine; the rest masculine).
    """
    name = name.strip()
    if not name:
        return ""
    first = name.split()[0].strip(",.;:")
    word = fold(first)
    if word in _ARTICLES:
        return name
    if first.isupper() and len(first) > 1:
        article = _ACRONYMS.get(first)
        return f"{article} {name}" if article else name
    if word in _FEMININE:
        return f"la {name}"
    if word in _MASCULINE:
        return f"el {name}"
    return f"{'la' if word.endswith(_FEMININE_ENDINGS) else 'el'} {name}"
