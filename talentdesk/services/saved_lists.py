"""Saved lists (*listas guardadas*): a members search or a talent-matching query kept by name and
run again whenever the list is opened (SMART), or chosen members kept by id (FIXED).

The query's JSON is written and read only by ``list_queries``. Reading a list never shows an
anonymised member (its personal data is gone, and a list must not bring the person back into a
mailing or a document): they are left out and counted (``ListMembers.hidden``). A deleted
member leaves fixed lists with the row (foreign-key cascade).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from talentdesk.core.errors import FieldError, NotFoundError, ValidationError
from talentdesk.core.i18n import _
from talentdesk.core.jobs import check_abort
from talentdesk.core.models import Member, utcnow
from talentdesk.core.programs import SavedList, SavedListKind, SavedListMember
from talentdesk.core.text import clean, fold
from talentdesk.core.user import current_user
from talentdesk.core.validation import check_controls, length_error
from talentdesk.services import audit
from talentdesk.services.list_queries import (
    ListQuery,
    Loaded,
    MatchQuery,
    current_names,
    describe,
    dump,
    load,
)
from talentdesk.services.search import MemberQuery, matching_ids, require_words

CHUNK = 10_000  # ids bound in one IN (…): under SQLite's limit of variables


@dataclass(frozen=True)
class ListInfo:
    """A row of the lists panel and of ``talentdesk lists list``."""

    id: int
    name: str
    kind: SavedListKind
    search: str  # "members", "match" (a smart list's query) or "" (fixed)
    description: str  # what it looks for (smart) or "" (fixed)
    size: int | None  # members kept (fixed lists); None: known only by running the query
    user: str | None
    created_at: datetime
    updated_at: datetime

    @property
    def smart(self) -> bool:
        return self.kind == SavedListKind.SMART


@dataclass(frozen=True)
class ListMembers:
    """A list as it is now: its members' ids (name order; ranking order for a matching query)."""

    info: ListInfo
    ids: list[int]
    hidden: int  # anonymised members left out
    notes: tuple[str, ...]  # what the saved query names that no longer exists


# -- finding ----------------------------------------------------------------------------------


def get_list(session: Session, list_id: int) -> SavedList:
    found = session.get(SavedList, list_id)
    if found is None:
        raise NotFoundError(_("No existe la lista guardada con id {id}.").format(id=list_id))
    return found


def find_list(session: Session, name: str) -> SavedList:
    """By name as a person types it (accents and capitals do not matter)."""
    wanted = fold(clean(name))
    for saved in session.scalars(select(SavedList)):
        if fold(saved.name) == wanted:
            return saved
    raise NotFoundError(_("No existe ninguna lista guardada llamada «{name}».").format(name=clean(name)))


def lists(session: Session) -> list[ListInfo]:
    """Every list, in Spanish name order."""
    counted = select(SavedListMember.list_id, func.count()).group_by(SavedListMember.list_id)
    sizes = {int(list_id): int(n) for list_id, n in session.execute(counted)}
    names = current_names(session)
    found = [
        _info(session, saved, sizes.get(saved.id, 0), names) for saved in session.scalars(select(SavedList))
    ]
    return sorted(found, key=lambda i: (fold(i.name), i.name))


def _info(session: Session, saved: SavedList, size: int, names: dict[str, str] | None = None) -> ListInfo:
    search, description = "", ""
    if saved.kind == SavedListKind.SMART:
        try:
            loaded = load(session, saved.query, list_name=saved.name)
        except ValidationError as exc:
            description = exc.errors[0].message
        else:
            search = "match" if isinstance(loaded.query, MatchQuery) else "members"
            description = describe(loaded, current_names(session) if names is None else names)
    return ListInfo(
        saved.id,
        saved.name,
        saved.kind,
        search,
        description,
        size if saved.kind == SavedListKind.FIXED else None,
        saved.user,
        saved.created_at,
        saved.updated_at,
    )


def info(session: Session, list_id: int) -> ListInfo:
    size = session.scalar(select(func.count()).where(SavedListMember.list_id == list_id)) or 0
    return _info(session, get_list(session, list_id), int(size))


def loaded_query(session: Session, list_id: int) -> Loaded:
    """A smart list's query (``ValidationError`` when it cannot be read; a fixed list has none)."""
    saved = get_list(session, list_id)
    if saved.kind != SavedListKind.SMART:
        raise ValidationError.single(
            "query", _("La lista «{name}» es fija: no guarda una búsqueda.").format(name=saved.name)
        )
    return load(session, saved.query, list_name=saved.name)


# -- reading a list's members -----------------------------------------------------------------


def list_members(session: Session, list_id: int, abort: threading.Event | None = None) -> ListMembers:
    """Run a smart list's query again, or read a fixed list's members; anonymised ones left out."""
    saved = get_list(session, list_id)
    about = info(session, list_id)
    notes: tuple[str, ...] = ()
    if saved.kind == SavedListKind.SMART:
        loaded = load(session, saved.query, list_name=saved.name)
        notes = loaded.notes
        found = _run(session, loaded.query)
    else:
        found = list(
            session.scalars(
                select(SavedListMember.member_id)
                .join(Member, Member.id == SavedListMember.member_id)
                .where(SavedListMember.list_id == list_id)
                .order_by(Member.sort_key, Member.id)
            )
        )
    check_abort(abort, _("Lectura de la lista cancelada."))
    anonymised = _anonymised(session)
    ids = [i for i in found if i not in anonymised]
    return ListMembers(about, ids, len(found) - len(ids), notes)


def _run(session: Session, query: ListQuery) -> list[int]:
    if isinstance(query, MatchQuery):
        from talentdesk.services.matching import match_members

        return [item.member_id for item in match_members(session, query.criteria, limit=query.limit).items]
    return list(matching_ids(session, query))


def _anonymised(session: Session) -> set[int]:
    return set(session.scalars(select(Member.id).where(Member.anonymized_at.is_not(None))))


# -- writing ----------------------------------------------------------------------------------


def _name_error(problem: str) -> ValidationError:
    label = _("Nombre de la lista")
    return ValidationError([FieldError("name", _("{field}: {problem}").format(field=label, problem=problem))])


def _checked_name(session: Session, name: str, own: int | None = None) -> str:
    check_controls({"name": name}, labels={"name": _("Nombre de la lista")})
    text_ = clean(name)
    if not text_:
        raise _name_error(_("es obligatorio."))
    if (err := length_error(SavedList, "name", text_, name=_("Nombre de la lista"))) is not None:
        raise ValidationError([err])
    for other in session.scalars(select(SavedList).where(SavedList.id != (own or 0))):
        if fold(other.name) == fold(text_):
            raise ValidationError(
                [
                    FieldError(
                        "name",
                        _("Ya existe una lista llamada «{name}»: elija otro nombre.").format(name=other.name),
                    )
                ]
            )
    return text_


def _create(session: Session, name: str, kind: SavedListKind, query: str | None) -> SavedList:
    saved = SavedList(name=_checked_name(session, name), kind=kind, query=query, user=current_user())
    session.add(saved)
    session.flush()
    audit.record_create(session, "saved_list", saved.id, {"name": saved.name, "kind": kind, "query": query})
    return saved


def save_query(session: Session, name: str, query: ListQuery) -> SavedList:
    """A smart list: a members search (``MemberQuery``) or a matching query (``MatchQuery``)."""
    if isinstance(query, MatchQuery):
        from talentdesk.services.matching import check_criteria

        check_criteria(query.criteria)
    else:
        require_words(query)
    return _create(session, name, SavedListKind.SMART, dump(session, query))


def save_search(session: Session, name: str, query: MemberQuery) -> SavedList:
    return save_query(session, name, query)


def save_fixed(session: Session, name: str, member_ids: Sequence[int]) -> SavedList:
    """A fixed list of the chosen members (anonymised ones are not kept)."""
    saved = _create(session, name, SavedListKind.FIXED, None)
    add_members(session, saved.id, member_ids)
    return saved


def rename_list(session: Session, list_id: int, name: str) -> SavedList:
    saved = get_list(session, list_id)
    new = _checked_name(session, name, own=saved.id)
    if new != saved.name:
        audit.record_changes(session, "saved_list", saved.id, {"name": (saved.name, new)})
        saved.name = new
        session.flush()
    return saved


def delete_list(session: Session, list_id: int) -> str:
    saved = get_list(session, list_id)
    name = saved.name
    audit.record_delete(
        session, "saved_list", saved.id, {"name": name, "kind": saved.kind, "query": saved.query}
    )
    session.execute(delete(SavedListMember).where(SavedListMember.list_id == list_id))
    session.delete(saved)
    session.flush()
    return name


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]


def _fixed(session: Session, list_id: int) -> SavedList:
    saved = get_list(session, list_id)
    if saved.kind != SavedListKind.FIXED:
        raise ValidationError.single(
            "members",
            _(
                "La lista «{name}» es una búsqueda guardada: sus miembros salen de la búsqueda, no se eligen."
            ).format(name=saved.name),
        )
    return saved


def add_members(session: Session, list_id: int, member_ids: Sequence[int]) -> int:
    """Add members to a fixed list; those already in it and anonymised ones are skipped.
    Returns how many were added."""
    saved = _fixed(session, list_id)
    wanted = list(dict.fromkeys(int(i) for i in member_ids))
    known: dict[int, datetime | None] = {}
    for chunk in _chunks(wanted):
        known.update(
            (int(i), at)
            for i, at in session.execute(select(Member.id, Member.anonymized_at).where(Member.id.in_(chunk)))
        )
    missing = [i for i in wanted if i not in known]
    if missing:
        raise NotFoundError(_("No existe el miembro {id}.").format(id=missing[0]))
    present = set(
        session.scalars(select(SavedListMember.member_id).where(SavedListMember.list_id == list_id))
    )
    new = [i for i in wanted if i not in present and known[i] is None]
    if new:
        start = int(
            session.scalar(
                select(func.max(SavedListMember.position)).where(SavedListMember.list_id == list_id)
            )
            or 0
        )
        session.execute(
            text("INSERT INTO saved_list_members (list_id, member_id, position) VALUES (:l, :m, :p)"),
            [{"l": list_id, "m": m, "p": start + n} for n, m in enumerate(new, 1)],
        )
        audit.record_changes(session, "saved_list", saved.id, {"members_added": (None, new)})
        saved.updated_at = utcnow()
    return len(new)


def remove_members(session: Session, list_id: int, member_ids: Sequence[int]) -> int:
    saved = _fixed(session, list_id)
    ids = list(dict.fromkeys(int(i) for i in member_ids))
    present = set(
        session.scalars(select(SavedListMember.member_id).where(SavedListMember.list_id == list_id))
    )
    removed = [i for i in ids if i in present]
    for chunk in _chunks(removed):
        session.execute(
            delete(SavedListMember).where(
                SavedListMember.list_id == list_id, SavedListMember.member_id.in_(chunk)
            )
        )
    if removed:
        audit.record_changes(session, "saved_list", saved.id, {"members_removed": (removed, None)})
        saved.updated_at = utcnow()
    return len(removed)
