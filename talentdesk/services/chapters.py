"""Chapters (capítulos) and their boards."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from talentdesk.core.enums import BoardRole, ChapterStatus
from talentdesk.core.errors import (
    ConflictError,
    FieldError,
    NotFoundError,
    ValidationError,
)
from talentdesk.core.i18n import _
from talentdesk.core.models import BoardPosition, Chapter, Member
from talentdesk.core.text import clean, fold
from talentdesk.core.validation import (
    check_controls,
    error,
    normalize_country,
    normalize_email,
    parse_date,
)
from talentdesk.services import audit
from talentdesk.services._changes import (
    apply_changes,
    replace_sectors,
    sectors_by_ids,
    snapshot,
)

FIELDS = ("name", "city", "country", "founded_on", "status", "contact_email", "notes")


def get_chapter(session: Session, chapter_id: int) -> Chapter:
    chapter = session.get(
        Chapter,
        chapter_id,
        options=[
            selectinload(Chapter.board).selectinload(BoardPosition.member),
            selectinload(Chapter.sectors),
        ],
    )
    if chapter is None:
        raise NotFoundError(_("No existe el capítulo con id {chapter_id}.").format(chapter_id=chapter_id))
    return chapter


def list_chapters(session: Session) -> list[Chapter]:
    return sorted(session.scalars(select(Chapter)), key=lambda c: fold(c.name))


def member_counts(session: Session) -> dict[int, int]:
    rows = session.execute(
        select(Member.chapter_id, func.count())
        .where(Member.chapter_id.is_not(None))
        .group_by(Member.chapter_id)
    )
    return {int(cid): int(n) for cid, n in rows if cid is not None}


def create_chapter(session: Session, values: Mapping[str, Any]) -> Chapter:
    data = {"status": ChapterStatus.FORMING, **values}
    data.setdefault("name", "")
    clean_values, sector_ids = _validate(session, data, None)
    chapter = Chapter(**clean_values)
    if sector_ids is not None:
        chapter.sectors = sectors_by_ids(session, sector_ids)
    session.add(chapter)
    session.flush()
    audit.record_create(session, "chapter", chapter.id, snapshot(chapter, FIELDS))
    return chapter


def update_chapter(
    session: Session, chapter_id: int, values: Mapping[str, Any]
) -> dict[str, tuple[Any, Any]]:
    chapter = get_chapter(session, chapter_id)
    clean_values, sector_ids = _validate(session, dict(values), chapter)
    changes = apply_changes(session, "chapter", chapter, clean_values)
    if sector_ids is not None:
        replace_sectors(session, "chapter", chapter, sector_ids, changes)
    return changes


def delete_chapter(session: Session, chapter_id: int) -> None:
    """Members of a deleted chapter keep everything but the chapter."""
    chapter = get_chapter(session, chapter_id)
    audit.record_delete(session, "chapter", chapter.id, snapshot(chapter, FIELDS))
    members = list(session.scalars(select(Member).where(Member.chapter_id == chapter_id)))
    for member in members:  # loaded so their search words drop the chapter
        member.chapter_id = None
    session.delete(chapter)
    session.flush()


def add_board_position(
    session: Session,
    chapter_id: int,
    member_id: int,
    role: BoardRole | str,
    term_start: Any = None,
    term_end: Any = None,
) -> BoardPosition:
    chapter = get_chapter(session, chapter_id)
    errors: list[FieldError] = []
    if session.get(Member, member_id) is None:
        errors.append(
            error(
                "member",
                _("no existe el miembro con id {member_id}.").format(member_id=member_id),
            )
        )
    try:
        parsed_role = role if isinstance(role, BoardRole) else BoardRole.parse(str(role))
    except ValueError:
        errors.append(error("role", _("cargo desconocido «{role}».").format(role=role)))
        parsed_role = BoardRole.MEMBER
    start, err = parse_date(term_start, "term_start")
    errors += [err] if err else []
    end, err = parse_date(term_end, "term_end")
    errors += [err] if err else []
    if start and end and end < start:
        errors.append(error("term_end", _("el periodo termina antes de empezar.")))
    if errors:
        raise ValidationError(errors)
    if parsed_role is BoardRole.PRESIDENT and any(
        p.role is BoardRole.PRESIDENT and _overlaps(p.term_start, p.term_end, start, end)
        for p in chapter.board
    ):
        raise ConflictError(
            _("El capítulo {name} ya tiene presidente en ese periodo.").format(name=chapter.name)
        )
    position = BoardPosition(
        chapter=chapter,
        member_id=member_id,
        role=parsed_role,
        term_start=start,
        term_end=end,
    )
    session.add(position)  # SQLAlchemy 2 no longer cascades a backref assignment into the session
    session.flush()
    audit.record_create(
        session,
        "board_position",
        position.id,
        {
            "chapter_id": chapter_id,
            "member_id": member_id,
            "role": parsed_role,
            "term_start": start,
            "term_end": end,
        },
    )
    return position


def remove_board_position(session: Session, position_id: int) -> None:
    position = session.get(BoardPosition, position_id)
    if position is None:
        raise NotFoundError(_("No existe el cargo con id {position_id}.").format(position_id=position_id))
    audit.record_delete(
        session,
        "board_position",
        position.id,
        {
            "chapter_id": position.chapter_id,
            "member_id": position.member_id,
            "role": position.role,
        },
    )
    session.delete(position)
    session.flush()


def _overlaps(a_start: Any, a_end: Any, b_start: Any, b_end: Any) -> bool:
    return (a_end is None or b_start is None or b_start <= a_end) and (
        b_end is None or a_start is None or a_start <= b_end
    )


def _validate(
    session: Session, values: dict[str, Any], current: Chapter | None
) -> tuple[dict[str, Any], list[int] | None]:
    sector_ids = values.pop("sector_ids", None)
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown chapter fields: {sorted(unknown)}")
    check_controls(values)
    out: dict[str, Any] = {}
    errors: list[FieldError] = []
    for field in ("name", "city", "notes"):
        if field in values:
            out[field] = clean(values[field]) or None
    if "name" in values:
        if not out["name"]:
            errors.append(error("name", _("es obligatorio.")))
        else:
            # Compared in Python: SQLite's lower() folds ASCII only ('Los Ángeles').
            wanted = out["name"].casefold()
            others = session.execute(select(Chapter.id, Chapter.name))
            own = current.id if current is not None else None
            if any(name.casefold() == wanted and cid != own for cid, name in others):
                errors.append(
                    error(
                        "name",
                        _("ya existe un capítulo «{name}».").format(name=out["name"]),
                    )
                )
    if "country" in values:
        out["country"], err = normalize_country(values["country"])
        errors += [err] if err else []
    if "contact_email" in values:
        out["contact_email"], err = normalize_email(values["contact_email"], "contact_email")
        errors += [err] if err else []
    if "founded_on" in values:
        out["founded_on"], err = parse_date(values["founded_on"], "founded_on")
        errors += [err] if err else []
    if "status" in values:
        try:
            status = values["status"]
            out["status"] = status if isinstance(status, ChapterStatus) else ChapterStatus.parse(str(status))
        except ValueError:
            errors.append(
                error(
                    "status",
                    _("estatus desconocido «{status}».").format(status=values["status"]),
                )
            )
    if sector_ids is not None:
        sector_ids = list(dict.fromkeys(sector_ids))
        if len(sectors_by_ids(session, sector_ids)) != len(sector_ids):
            errors.append(error("sectors", _("alguno de los sectores no existe.")))
    if errors:
        raise ValidationError(errors)
    return out, sector_ids


# -- undo support: put back what a delete removed ----------------------------------------------

_CHUNK = 500


def _position_values(position: BoardPosition) -> dict[str, Any]:
    return {
        "id": position.id,
        "chapter_id": position.chapter_id,
        "member_id": position.member_id,
        "role": position.role,
        "term_start": position.term_start,
        "term_end": position.term_end,
    }
