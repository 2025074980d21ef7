"""A saved list's query as stable, versioned JSON: a members search (``search.MemberQuery``) or a
talent-matching query (``matching.MatchCriteria`` and how many to keep), told apart by ``kind``.

This module is the one place that writes and reads that JSON (``saved_lists`` stores it in
``saved_lists.query``). Written with sorted keys and no empty filters, so the same search is
always the same text. Ids are kept as saved, with the names they had (``names``), so a chapter
or sector deleted since is no crash: the query still runs (nobody carries a deleted chapter's
word, so that alternative finds no one) and ``Loaded.notes`` says so in Spanish, by name. What
cannot be read (a newer format, an unknown status, damaged text) is a clear ``ValidationError``:
guessing would widen the list to people it never meant.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.countries import country_name
from talentdesk.core.enums import DegreeLevel, MemberStatus
from talentdesk.core.errors import ValidationError
from talentdesk.core.i18n import _
from talentdesk.core.models import Chapter, ContributionType, Sector
from talentdesk.services.matching import MatchCriteria
from talentdesk.services.search import MemberQuery

#: The format written now; a higher one was written by a newer TalentDesk and is refused.
VERSION = 1
SEARCH, MATCH = "members", "match"
#: How many ranked members a matching list keeps when none is said.
DEFAULT_MATCH_LIMIT = 50
MAX_MATCH_LIMIT = 1000

E = TypeVar("E", bound=Enum)


@dataclass(frozen=True)
class MatchQuery:
    """A talent-matching query kept in a list: the criteria and how many ranked members."""

    criteria: MatchCriteria
    limit: int = DEFAULT_MATCH_LIMIT


ListQuery = MemberQuery | MatchQuery


@dataclass(frozen=True)
class Loaded:
    query: ListQuery
    #: Spanish notes on what the query names that no longer exists (by the name it had).
    notes: tuple[str, ...] = ()
    names: dict[str, str] = field(default_factory=dict)


# -- writing --------------------------------------------------------------------------------------


def dump(session: Session, query: ListQuery) -> str:
    """The query as JSON; ``session`` reads the names of the ids it holds (kept for the notes)."""
    data = _match_data(query) if isinstance(query, MatchQuery) else _search_data(query)
    data = {k: v for k, v in data.items() if not (v is None or v is False or v in ("", []))}
    names = _names_of(session, data)
    payload: dict[str, Any] = {"version": VERSION, **data}
    if names:
        payload["names"] = names
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _search_data(q: MemberQuery) -> dict[str, Any]:
    return {
        "kind": SEARCH,
        "text": q.text.strip(),
        "chapters": _unique(q.chapter_ids),
        "sectors": _unique(q.sector_ids),
        "countries": _unique(c.upper() for c in q.countries),
        "statuses": _unique(s.value for s in q.statuses),
        "degrees": _unique(d.value for d in q.degrees),
        "contributions": _unique(q.contribution_ids),
        # None (any) is left out; False is a filter, so it is written as 0/1
        "directory_consent": None if q.directory_consent is None else int(q.directory_consent),
    }


def _match_data(m: MatchQuery) -> dict[str, Any]:
    c = m.criteria
    return {
        "kind": MATCH,
        "sectors": _unique(c.sector_ids),
        "keywords": c.keywords.strip(),
        "country": (c.country or "").upper() or None,
        "city": (c.city or "").strip() or None,
        "chapters": [c.chapter_id] if c.chapter_id is not None else [],
        "contributions": [c.contribution_id] if c.contribution_id is not None else [],
        "degrees": [c.degree_level.value] if c.degree_level is not None else [],
        "languages": c.languages.strip(),
        "include_inactive": c.include_inactive,
        "diverse": c.diverse,
        "limit": m.limit,
    }


def _unique(values: Iterable[Any]) -> list[Any]:
    return list(dict.fromkeys(values))


_REFERENCES: dict[str, tuple[type[Any], Callable[[Any], str]]] = {
    "chapters": (Chapter, lambda c: str(c.name)),
    "sectors": (Sector, lambda s: str(s.name)),
    "contributions": (ContributionType, lambda c: str(c.name)),
}


def _names_of(session: Session, data: dict[str, Any]) -> dict[str, str]:
    names: dict[str, str] = {}
    for key, (model, name) in _REFERENCES.items():
        ids = data.get(key) or []
        if ids:
            for record in session.scalars(select(model).where(model.id.in_(ids))):
                names[f"{key}:{record.id}"] = name(record)
    return names


# -- reading --------------------------------------------------------------------------------------


def load(session: Session, text: str | None, *, list_name: str = "") -> Loaded:
    """The query kept in ``text``, with notes on what it names that is gone."""
    data = _parse(text, list_name)
    names = (
        {str(k): str(v) for k, v in (data.get("names") or {}).items()}
        if isinstance(data.get("names"), dict)
        else {}
    )
    kind = data.get("kind", SEARCH)
    try:
        if kind == SEARCH:
            query: ListQuery = MemberQuery(
                text=str(data.get("text") or ""),
                chapter_ids=tuple(_ints(data, "chapters")),
                sector_ids=tuple(_ints(data, "sectors")),
                countries=tuple(str(c).upper() for c in data.get("countries") or ()),
                statuses=tuple(_enum(MemberStatus, v) for v in data.get("statuses") or ()),
                degrees=tuple(_enum(DegreeLevel, v) for v in data.get("degrees") or ()),
                contribution_ids=tuple(_ints(data, "contributions")),
                directory_consent=None
                if data.get("directory_consent") is None
                else bool(data["directory_consent"]),
            )
        elif kind == MATCH:
            degrees = [_enum(DegreeLevel, v) for v in data.get("degrees") or ()]
            chapters, contributions = _ints(data, "chapters"), _ints(data, "contributions")
            query = MatchQuery(
                MatchCriteria(
                    sector_ids=tuple(_ints(data, "sectors")),
                    keywords=str(data.get("keywords") or ""),
                    country=str(data["country"]).upper() if data.get("country") else None,
                    city=str(data["city"]) if data.get("city") else None,
                    chapter_id=chapters[0] if chapters else None,
                    contribution_id=contributions[0] if contributions else None,
                    degree_level=degrees[0] if degrees else None,
                    languages=str(data.get("languages") or ""),
                    include_inactive=bool(data.get("include_inactive")),
                    diverse=bool(data.get("diverse")),
                ),
                limit=min(max(int(data.get("limit") or DEFAULT_MATCH_LIMIT), 1), MAX_MATCH_LIMIT),
            )
        else:
            raise _unreadable(list_name, _("tipo de búsqueda desconocido «{kind}»").format(kind=kind))
    except (TypeError, ValueError):
        raise _unreadable(list_name, _("un valor no es válido")) from None
    return Loaded(query, tuple(_missing(session, data, names)), names)


def _parse(text: str | None, list_name: str) -> dict[str, Any]:
    try:
        data = json.loads(text or "")
    except ValueError:
        raise _unreadable(list_name, _("el texto guardado está dañado")) from None
    if not isinstance(data, dict):
        raise _unreadable(list_name, _("el texto guardado está dañado"))
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise _unreadable(list_name, _("no dice su versión"))
    if version > VERSION:
        raise _unreadable(
            list_name,
            _("se guardó con una versión más nueva de TalentDesk (formato {version})").format(
                version=version
            ),
        )
    return data


def _unreadable(list_name: str, why: str) -> ValidationError:
    return ValidationError.single(
        "query",
        _("No se puede leer la búsqueda de la lista «{name}»: {why}. Guárdela de nuevo.").format(
            name=list_name, why=why
        ),
    )


def _ints(data: dict[str, Any], key: str) -> list[int]:
    values = data.get(key) or []
    if not isinstance(values, list):
        raise ValueError(key)
    return [int(v) for v in values]


def _enum(kind: type[E], value: Any) -> E:
    try:
        return kind(value)
    except ValueError:
        raise ValueError(value) from None


_GONE = {
    "chapters": lambda name: _("El capítulo «{name}» ya no existe: nadie coincide con él.").format(name=name),
    "sectors": lambda name: _("El sector «{name}» ya no existe: nadie coincide con él.").format(name=name),
    "contributions": lambda name: _("La aportación «{name}» ya no existe: nadie coincide con ella.").format(
        name=name
    ),
}


def _missing(session: Session, data: dict[str, Any], names: dict[str, str]) -> Iterable[str]:
    for key, (model, _name) in _REFERENCES.items():
        ids = _ints(data, key)
        if not ids:
            continue
        found = set(session.scalars(select(model.id).where(model.id.in_(ids))))
        for gone in (i for i in ids if i not in found):
            yield _GONE[key](names.get(f"{key}:{gone}") or _("id {id}").format(id=gone))


# -- describing -----------------------------------------------------------------------------------


def current_names(session: Session) -> dict[str, str]:
    """Every chapter, sector and contribution by ``kind:id``, for :func:`describe`."""
    return {
        f"{key}:{record.id}": name(record)
        for key, (model, name) in _REFERENCES.items()
        for record in session.scalars(select(model))
    }


def describe(loaded: Loaded, current: dict[str, str]) -> str:
    """One Spanish line saying what the query looks for: «robótica» · Capítulo: Houston; the
    ``current`` names (:func:`current_names`) win over the names saved with the query."""
    query, names = loaded.query, {**loaded.names, **current}

    def named(key: str, ids: Iterable[int]) -> str:
        return ", ".join(names.get(f"{key}:{i}", f"#{i}") for i in ids)

    parts: list[str] = []
    if isinstance(query, MatchQuery):
        c = query.criteria
        parts.append(_("Buscar talento"))
        if c.sector_ids:
            parts.append(_("Sector: {v}").format(v=named("sectors", c.sector_ids)))
        if c.keywords.strip():
            parts.append(f"«{c.keywords.strip()}»")
        if c.city:
            parts.append(_("Ciudad: {v}").format(v=c.city))
        if c.country:
            parts.append(_("País: {v}").format(v=country_name(c.country)))
        if c.chapter_id is not None:
            parts.append(_("Capítulo: {v}").format(v=named("chapters", [c.chapter_id])))
        if c.contribution_id is not None:
            parts.append(_("Ofrece: {v}").format(v=named("contributions", [c.contribution_id])))
        if c.degree_level is not None:
            parts.append(_("Estudios: {v}").format(v=c.degree_level.label))
        if c.languages.strip():
            parts.append(_("Idiomas: {v}").format(v=c.languages.strip()))
        parts.append(_("primeros {n}").format(n=query.limit))
        return " · ".join(parts)
    q = query
    if q.text.strip():
        parts.append(f"«{q.text.strip()}»")
    if q.chapter_ids:
        parts.append(_("Capítulo: {v}").format(v=named("chapters", q.chapter_ids)))
    if q.sector_ids:
        parts.append(_("Sector: {v}").format(v=named("sectors", q.sector_ids)))
    if q.countries:
        parts.append(_("País: {v}").format(v=", ".join(country_name(c) for c in q.countries)))
    if q.statuses:
        parts.append(_("Estatus: {v}").format(v=", ".join(s.label for s in q.statuses)))
    if q.degrees:
        parts.append(_("Estudios: {v}").format(v=", ".join(d.label for d in q.degrees)))
    if q.contribution_ids:
        parts.append(_("Ofrece: {v}").format(v=named("contributions", q.contribution_ids)))
    if q.directory_consent is not None:
        parts.append(_("En directorios: sí") if q.directory_consent else _("En directorios: no"))
    return " · ".join(parts) or _("Todos los miembros")
