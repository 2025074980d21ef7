"""Operations on saved lists (*listas guardadas*): save a search or chosen members, rename,
delete, and change a fixed list's members. Each is undoable (the row journal)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from talentdesk.core.i18n import _, ngettext
from talentdesk.core.jobs import Job
from talentdesk.ops import Op
from talentdesk.ops.registry import operation
from talentdesk.services import saved_lists as service
from talentdesk.services.list_queries import ListQuery


@operation
def save_query(name: str, query: ListQuery) -> Op[int]:
    """A smart list: the search (or matching query) runs again whenever the list is opened."""
    return Op(
        _("Guardar búsqueda como lista"),
        lambda s, _j: service.save_query(s, name, query).id,
        message=lambda _v: _("Búsqueda guardada como «{name}».").format(name=name.strip()),
    )


@operation
def save_fixed(name: str, member_ids: Sequence[int]) -> Op[int]:
    ids = list(member_ids)

    def run(s: Session, _j: Job) -> int:
        return service.save_fixed(s, name, ids).id

    return Op(
        _("Guardar selección como lista"),
        run,
        message=lambda _v: _("Lista «{name}» guardada.").format(name=name.strip()),
    )


@operation
def rename(list_id: int, name: str) -> Op[int]:
    def run(s: Session, _j: Job) -> int:
        service.rename_list(s, list_id, name)
        return list_id

    return Op(_("Renombrar lista"), run)


@operation
def delete(list_id: int) -> Op[str]:
    return Op(
        _("Eliminar lista"),
        lambda s, _j: service.delete_list(s, list_id),
        message=lambda name: _("Lista «{name}» eliminada.").format(name=name),
    )


@operation
def add_members(list_id: int, member_ids: Sequence[int]) -> Op[int]:
    ids = list(member_ids)
    return Op(
        _("Agregar miembros a la lista"),
        lambda s, _j: service.add_members(s, list_id, ids),
        message=lambda n: ngettext(
            "Se agregó {n} miembro a la lista.", "Se agregaron {n} miembros a la lista.", n
        ).format(n=n),
    )


@operation
def remove_members(list_id: int, member_ids: Sequence[int]) -> Op[int]:
    ids = list(member_ids)
    return Op(
        _("Quitar miembros de la lista"),
        lambda s, _j: service.remove_members(s, list_id, ids),
        message=lambda n: ngettext(
            "Se quitó {n} miembro de la lista.", "Se quitaron {n} miembros de la lista.", n
        ).format(n=n),
    )
