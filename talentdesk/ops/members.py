"""Operations on members: the form, bulk changes, delete, merge."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from talentdesk.core.i18n import _, ngettext
from talentdesk.core.jobs import Job
from talentdesk.ops import Op
from talentdesk.ops.registry import operation
from talentdesk.services import consent_history, member_bulk, member_merge
from talentdesk.services import members as service
from talentdesk.services.consent_history import Origin


def _each(job: Job) -> dict[str, Any]:
    """The progress/abort pair the batch services take."""
    return {"progress": lambda done, total: job.progress(done, total), "abort": job.abort}


@operation
def create(values: Mapping[str, Any], origin: Origin = consent_history.FORM) -> Op[int]:
    """``origin``: where a consent given with the member was recorded (its history)."""
    return Op(
        _("Nuevo miembro"),
        lambda s, _j: service.create_member(s, values, origin=origin).id,
        message=lambda _id: _("Miembro creado."),
    )


@operation
def update(
    member_id: int, values: Mapping[str, Any], name: str = "", origin: Origin = consent_history.FORM
) -> Op[int]:
    """``name``: how the person knows the member, for the Edit menu ("Deshacer Editar «…»")."""

    def run(s: Session, _j: Job) -> int:
        service.update_member(s, member_id, values, origin=origin)
        return member_id

    label = _("Editar «{name}»").format(name=name) if name else _("Editar miembro")
    return Op(label, run, message=lambda _id: _("Miembro guardado."))


@operation
def set_chapter(ids: Sequence[int], chapter_id: int | None) -> Op[int]:
    return _bulk(
        "Asignar capítulo", lambda s, j: member_bulk.set_field(s, ids, "chapter_id", chapter_id, **_each(j))
    )


@operation
def set_status(ids: Sequence[int], status: str) -> Op[int]:
    return _bulk(
        _("Cambiar estatus"), lambda s, j: member_bulk.set_field(s, ids, "status", status, **_each(j))
    )


@operation
def add_sector(ids: Sequence[int], sector_id: int) -> Op[int]:
    return _bulk(_("Agregar sector"), lambda s, j: member_bulk.add_sector(s, ids, sector_id, **_each(j)))


@operation
def remove_sector(ids: Sequence[int], sector_id: int) -> Op[int]:
    return _bulk(_("Quitar sector"), lambda s, j: member_bulk.remove_sector(s, ids, sector_id, **_each(j)))


def _bulk(label: str, change: Any) -> Op[int]:
    return Op(
        label,
        lambda s, j: len(change(s, j)),
        message=lambda n: ngettext("{n} miembro cambiado.", "{n} miembros cambiados.", n).format(n=n),
    )


@operation
def delete(ids: Sequence[int]) -> Op[int]:
    """Board positions and status history go with the member (cascade) and participants lose
    their link (SET NULL): the journal records all of it, so undo brings every piece back."""
    unique = list(dict.fromkeys(ids))

    def run(s: Session, job: Job) -> int:
        for n, member_id in enumerate(unique, start=1):
            job.check()
            service.delete_member(s, member_id)
            if n % 200 == 0:
                job.progress(n, len(unique))
        return len(unique)

    return Op(
        ngettext("Eliminar {n} miembro", "Eliminar {n} miembros", len(unique)).format(n=len(unique)),
        run,
        message=lambda n: ngettext("{n} miembro eliminado.", "{n} miembros eliminados.", n).format(n=n),
    )


@operation
def merge(
    keep_id: int, drop_id: int, choices: Mapping[str, str] | None = None
) -> Op[member_merge.MergeResult]:
    return Op(
        _("Combinar duplicados"), lambda s, _j: member_merge.merge_members(s, keep_id, drop_id, choices)
    )
