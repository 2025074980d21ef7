"""Operations on chapters and their boards."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from talentdesk.core.i18n import _
from talentdesk.core.jobs import Job
from talentdesk.ops import Op
from talentdesk.ops.registry import operation
from talentdesk.services import chapters as service


@operation
def create(values: Mapping[str, Any]) -> Op[int]:
    return Op(_("Nuevo capítulo"), lambda s, _j: service.create_chapter(s, values).id)


@operation
def update(chapter_id: int, values: Mapping[str, Any]) -> Op[int]:
    def run(s: Session, _j: Job) -> int:
        service.update_chapter(s, chapter_id, values)
        return chapter_id

    return Op(_("Editar capítulo"), run)


@operation
def delete(chapter_id: int, name: str = "") -> Op[None]:
    """Its members lose the chapter (their search words too) and its board goes (cascade)."""
    return Op(
        _("Eliminar capítulo"),
        lambda s, _j: service.delete_chapter(s, chapter_id),
        message=lambda _v: _("Capítulo «{name}» eliminado.").format(name=name) if name else "",
    )


@operation
def add_board_position(
    chapter_id: int, member_id: int, role: str, term_start: Any = None, term_end: Any = None
) -> Op[int]:
    return Op(
        _("Agregar cargo"),
        lambda s, _j: service.add_board_position(s, chapter_id, member_id, role, term_start, term_end).id,
    )


@operation
def remove_board_position(position_id: int) -> Op[None]:
    return Op(_("Quitar cargo"), lambda s, _j: service.remove_board_position(s, position_id))
