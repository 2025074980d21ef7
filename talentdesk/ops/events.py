"""Operations on Jornadas: the event, its agenda, participants, logistics, materials and tasks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from talentdesk.core.jobs import Job
from talentdesk.ops import Op
from talentdesk.ops.registry import operation
from talentdesk.ops.words import count
from talentdesk.services import events as service

Values = Mapping[str, Any]


def _updated(label: str, update: Any, record_id: int, values: Values) -> Op[int]:
    def run(s: Session, _j: Job) -> int:
        update(s, record_id, values)
        return record_id

    return Op(label, run)


@operation
def create(values: Values) -> Op[int]:
    return Op("Nueva Jornada", lambda s, _j: service.create_event(s, values).id)


@operation
def update(event_id: int, values: Values) -> Op[int]:
    return _updated("Editar Jornada", service.update_event, event_id, values)


@operation
def delete(event_id: int) -> Op[None]:
    """Everything the event owns goes with it (cascade) and comes back with undo."""
    return Op("Eliminar Jornada", lambda s, _j: service.delete_event(s, event_id))


@operation
def copy(
    source_id: int, *, name: str, edition: str | None, starts_on: date, with_participants: bool
) -> Op[int]:
    return Op(
        "Copiar Jornada",
        lambda s, _j: (
            service.copy_event(
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
    return Op("Agregar sala", lambda s, _j: service.add_room(s, event_id, name, capacity).id)


@operation
def add_session(event_id: int, values: Values) -> Op[int]:
    return Op("Nueva sesión", lambda s, _j: service.add_session(s, event_id, values).id)


@operation
def update_session(session_id: int, values: Values) -> Op[int]:
    return _updated("Editar sesión", service.update_session, session_id, values)


@operation
def delete_session(session_id: int) -> Op[None]:
    return Op("Eliminar sesión", lambda s, _j: service.delete_session(s, session_id))


@operation
def add_members(event_id: int, member_ids: Sequence[int], role: str = "asistente") -> Op[list[int]]:
    ids = list(dict.fromkeys(member_ids))

    def run(s: Session, job: Job) -> list[int]:
        added = []
        for n, member_id in enumerate(ids, start=1):
            job.check()
            added.append(service.add_member(s, event_id, member_id, role).id)
            job.progress(n, len(ids))
        return added

    return Op(f"Agregar {count(len(ids), 'participante', 'participantes')}", run)


@operation
def add_guest(event_id: int, values: Values) -> Op[int]:
    return Op("Agregar invitado externo", lambda s, _j: service.add_guest(s, event_id, values).id)


@operation
def update_participant(participant_id: int, values: Values) -> Op[int]:
    return _updated("Editar participante", service.update_participant, participant_id, values)


@operation
def change_status(participant_ids: Sequence[int], status: str, today: date | None = None) -> Op[int]:
    ids = list(participant_ids)
    return Op(
        "Cambiar estatus de participantes",
        lambda s, _j: len(service.change_status(s, ids, status, today=today)),
    )


@operation
def remove_participants(participant_ids: Sequence[int]) -> Op[int]:
    ids = list(dict.fromkeys(participant_ids))

    def run(s: Session, job: Job) -> int:
        for participant_id in ids:
            job.check()
            service.remove_participant(s, participant_id)
        return len(ids)

    return Op(f"Quitar {count(len(ids), 'participante', 'participantes')}", run)


@operation
def set_travel(participant_id: int, values: Values) -> Op[int]:
    return _updated("Viaje", service.set_travel, participant_id, values)


@operation
def set_lodging(participant_id: int, values: Values) -> Op[int]:
    return _updated("Hospedaje", service.set_lodging, participant_id, values)


@operation
def add_material(event_id: int, item: str, quantity: int = 1, responsible: str | None = None) -> Op[int]:
    return Op(
        "Agregar material", lambda s, _j: service.add_material(s, event_id, item, quantity, responsible).id
    )


@operation
def update_material(material_id: int, values: Values) -> Op[int]:
    return _updated("Editar material", service.update_material, material_id, values)


@operation
def set_material_status(material_id: int, status: str) -> Op[None]:
    return Op("Estatus del material", lambda s, _j: service.set_material_status(s, material_id, status))


@operation
def delete_material(material_id: int) -> Op[object]:
    return Op("Eliminar material", lambda s, _j: service.delete_material(s, material_id))


@operation
def add_task(event_id: int, title: str, due_on: Any = None, responsible: str | None = None) -> Op[int]:
    return Op("Agregar tarea", lambda s, _j: service.add_task(s, event_id, title, due_on, responsible).id)


@operation
def update_task(task_id: int, values: Values) -> Op[int]:
    return _updated("Editar tarea", service.update_task, task_id, values)


@operation
def set_task_done(task_id: int, done: bool) -> Op[None]:
    return Op(
        "Tarea hecha" if done else "Tarea pendiente", lambda s, _j: service.set_task_done(s, task_id, done)
    )


@operation
def delete_task(task_id: int) -> Op[object]:
    return Op("Eliminar tarea", lambda s, _j: service.delete_task(s, task_id))
