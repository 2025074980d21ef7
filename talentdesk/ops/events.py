"""Operations on Jornadas: the event, its agenda, participants, logistics, materials and tasks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from talentdesk.core.enums import ParticipantStatus
from talentdesk.core.i18n import _, ngettext
from talentdesk.core.jobs import Job
from talentdesk.ops import Op, update_op
from talentdesk.ops.registry import operation
from talentdesk.services import (
    event_agenda,
    event_copy,
    event_invitations,
    event_logistics,
    event_materials,
    event_participants,
    event_workflow,
)
from talentdesk.services import events as service

Values = Mapping[str, Any]


@operation
def create(values: Values) -> Op[int]:
    return Op(_("Nueva Jornada"), lambda s, _j: service.create_event(s, values).id)


@operation
def update(event_id: int, values: Values) -> Op[int]:
    return update_op(_("Editar Jornada"), service.update_event, event_id, values)


@operation
def delete(event_id: int, name: str = "") -> Op[None]:
    """Everything the event owns goes with it (cascade) and comes back with undo."""
    return Op(
        _("Eliminar Jornada"),
        lambda s, _j: service.delete_event(s, event_id),
        message=lambda _v: _("Jornada «{name}» eliminada.").format(name=name) if name else "",
    )


@operation
def copy(
    source_id: int, *, name: str, edition: str | None, starts_on: date, with_participants: bool
) -> Op[int]:
    return Op(
        _("Copiar Jornada"),
        lambda s, _j: (
            event_copy.copy_event(
                s,
                source_id,
                name=name,
                edition=edition,
                starts_on=starts_on,
                with_participants=with_participants,
            ).id
        ),
    )


@operation
def add_room(event_id: int, name: str, capacity: int | None = None) -> Op[int]:
    return Op(_("Agregar sala"), lambda s, _j: event_agenda.add_room(s, event_id, name, capacity).id)


@operation
def add_session(event_id: int, values: Values) -> Op[int]:
    return Op(_("Nueva sesión"), lambda s, _j: event_agenda.add_session(s, event_id, values).id)


@operation
def update_session(session_id: int, values: Values) -> Op[int]:
    return update_op(_("Editar sesión"), event_agenda.update_session, session_id, values)


@operation
def delete_session(session_id: int) -> Op[None]:
    return Op(_("Eliminar sesión"), lambda s, _j: event_agenda.delete_session(s, session_id))


@operation
def add_member(
    event_id: int, member_id: int, role: str = "asistente", despite_no_contact: bool = False
) -> Op[int]:
    """Their names and contact data are copied as they are now (see services.event_participants.add_member);
    a member who objected to being contacted only with ``despite_no_contact``."""
    return Op(
        _("Agregar participante"),
        lambda s, _j: (
            event_participants.add_member(
                s, event_id, member_id, role, despite_no_contact=despite_no_contact
            ).id
        ),
    )


@operation
def add_members(event_id: int, member_ids: Sequence[int], role: str = "asistente") -> Op[list[int]]:
    ids = list(dict.fromkeys(member_ids))

    def run(s: Session, job: Job) -> list[int]:
        added = []
        for n, member_id in enumerate(ids, start=1):
            job.check()
            added.append(event_participants.add_member(s, event_id, member_id, role).id)
            job.progress(n, len(ids))
        return added

    return Op(
        ngettext("Agregar {n} participante", "Agregar {n} participantes", len(ids)).format(n=len(ids)), run
    )


@operation
def invite_members(
    event_id: int, member_ids: Sequence[int], role: str = "asistente"
) -> Op[event_invitations.Invitations]:
    """Chosen members (e.g. from "Buscar talento") invited in one step: those already in the event
    are reported, not added twice; who may not be invited is refused with the reason."""
    ids = list(dict.fromkeys(member_ids))
    return Op(
        ngettext("Invitar a {n} miembro", "Invitar a {n} miembros", len(ids)).format(n=len(ids)),
        lambda s, _j: event_invitations.invite_members(s, event_id, ids, role),
        message=lambda invitations: invitations.summary(),
    )


@operation
def add_guest(event_id: int, values: Values) -> Op[int]:
    return Op(
        _("Agregar invitado externo"), lambda s, _j: event_participants.add_guest(s, event_id, values).id
    )


@operation
def update_participant(participant_id: int, values: Values) -> Op[int]:
    return update_op(_("Editar participante"), event_participants.update_participant, participant_id, values)


@operation
def change_status(participant_ids: Sequence[int], status: str, today: date | None = None) -> Op[int]:
    """All or nothing: one refused participant (e.g. attendance before the first day) stops all."""
    ids = list(participant_ids)
    label = ParticipantStatus(status).label
    return Op(
        _("Cambiar estatus a «{status}»").format(status=label),
        lambda s, _j: len(event_workflow.change_status(s, ids, status, today=today)),
        message=lambda n: ngettext("{n} participante cambiado.", "{n} participantes cambiados.", n).format(
            n=n
        ),
    )


@operation
def remove_participants(participant_ids: Sequence[int]) -> Op[int]:
    ids = list(dict.fromkeys(participant_ids))

    def run(s: Session, job: Job) -> int:
        for participant_id in ids:
            job.check()
            event_participants.remove_participant(s, participant_id)
        return len(ids)

    return Op(
        ngettext("Quitar {n} participante", "Quitar {n} participantes", len(ids)).format(n=len(ids)),
        run,
        message=lambda n: ngettext("{n} participante quitado.", "{n} participantes quitados.", n).format(n=n),
    )


@operation
def set_travel(participant_id: int, values: Values) -> Op[int]:
    return update_op(_("Viaje"), event_logistics.set_travel, participant_id, values)


@operation
def set_lodging(participant_id: int, values: Values) -> Op[int]:
    return update_op(_("Hospedaje"), event_logistics.set_lodging, participant_id, values)


@operation
def add_material(
    event_id: int, item: str, quantity: int = 1, responsible: str | None = None, status: str | None = None
) -> Op[int]:
    def run(s: Session, _j: Job) -> int:
        material = event_materials.add_material(s, event_id, item, quantity, responsible)
        if status is not None and status != material.status:
            event_materials.set_material_status(s, material.id, status)
        return material.id

    return Op(_("Agregar material"), run)


@operation
def update_material(material_id: int, values: Values) -> Op[int]:
    return update_op(_("Editar material"), event_materials.update_material, material_id, values)


@operation
def set_material_status(material_id: int, status: str) -> Op[None]:
    return Op(
        _("Estatus del material"), lambda s, _j: event_materials.set_material_status(s, material_id, status)
    )


@operation
def delete_material(material_id: int) -> Op[object]:
    return Op(_("Eliminar material"), lambda s, _j: event_materials.delete_material(s, material_id))


@operation
def add_task(
    event_id: int, title: str, due_on: Any = None, responsible: str | None = None, done: bool = False
) -> Op[int]:
    def run(s: Session, _j: Job) -> int:
        task = event_materials.add_task(s, event_id, title, due_on, responsible)
        if done:
            event_materials.set_task_done(s, task.id, True)
        return task.id

    return Op(_("Agregar tarea"), run)


@operation
def update_task(task_id: int, values: Values) -> Op[int]:
    return update_op(_("Editar tarea"), event_materials.update_task, task_id, values)


@operation
def set_task_done(task_id: int, done: bool) -> Op[None]:
    return Op(
        _("Marcar tarea como hecha") if done else _("Marcar tarea como pendiente"),
        lambda s, _j: event_materials.set_task_done(s, task_id, done),
    )


@operation
def delete_task(task_id: int) -> Op[object]:
    return Op(_("Eliminar tarea"), lambda s, _j: event_materials.delete_task(s, task_id))
