"""Look up chapters, sectors and contribution types by what a person types."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.errors import FieldError, ValidationError
from talentdesk.core.i18n import _
from talentdesk.core.models import Chapter, ContributionType, Sector
from talentdesk.core.text import fold
from talentdesk.core.validation import label

T = TypeVar("T", Chapter, Sector, ContributionType)


def sectors(session: Session) -> list[Sector]:
    return list(session.scalars(select(Sector).order_by(Sector.number)))


def chapters(session: Session) -> list[Chapter]:
    return sorted(session.scalars(select(Chapter)), key=lambda c: fold(c.name))


def contribution_types(session: Session) -> list[ContributionType]:
    return list(session.scalars(select(ContributionType).order_by(ContributionType.id)))


def _find(items: Sequence[T], text: str, names: dict[int, list[str]]) -> T | None:
    wanted = fold(text)
    if not wanted:
        return None
    exact = [i for i in items if wanted in (fold(n) for n in names[i.id])]
    if len(exact) == 1:
        return exact[0]
    starts = [i for i in items if any(fold(n).startswith(wanted) for n in names[i.id])]
    return starts[0] if len(starts) == 1 else None


def find_chapter(session: Session, text: str, field: str = "chapter") -> Chapter:
    items = chapters(session)
    found = _find(items, text, {c.id: [c.name, str(c.id)] for c in items})
    if found is None:
        known = ", ".join(c.name for c in items) or "ninguno"
        raise ValidationError(
            [
                FieldError(
                    field,
                    _("{field}: no existe el capítulo «{text}» (capítulos: {known}).").format(
                        field=label(field), text=text, known=known
                    ),
                )
            ]
        )
    return found


def find_sector(session: Session, text: str, field: str = "sectors") -> Sector:
    items = sectors(session)
    found = _find(items, text, {s.id: [s.name, str(s.number)] for s in items})
    if found is None:
        raise ValidationError(
            [
                FieldError(
                    field,
                    _("{field}: no existe el sector «{text}» (use el nombre o el número del 1 al 9).").format(
                        field=label(field), text=text
                    ),
                )
            ]
        )
    return found


def find_contribution(session: Session, text: str, field: str = "contributions") -> ContributionType:
    items = contribution_types(session)
    found = _find(items, text, {c.id: [c.code, c.name, str(c.id)] for c in items})
    if found is None:
        raise ValidationError(
            [
                FieldError(
                    field,
                    _("{field}: no existe la aportación «{text}».").format(field=label(field), text=text),
                )
            ]
        )
    return found
