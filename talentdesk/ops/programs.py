"""Operations on linkage programmes: kinds, the programme, its status, people and outcomes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from talentdesk.core.i18n import _, ngettext
from talentdesk.core.jobs import Job
from talentdesk.core.programs import ProgramRole, ProgramStatus
from talentdesk.ops import Op, update_op
from talentdesk.ops.registry import operation
from talentdesk.services import programs as service

Values = Mapping[str, Any]


@operation
def create_kind(name: str) -> Op[int]:
    return Op(_("Nuevo tipo de programa"), lambda s, _j: service.create_kind(s, name).id)


@operation
def rename_kind(kind_id: int, name: str) -> Op[int]:
    def run(s: Session, _j: Job) -> int:
        service.rename_kind(s, kind_id, name)
        return kind_id

    return Op(_("Renombrar tipo de programa"), run)


@operation
def delete_kind(kind_id: int) -> Op[None]:
    return Op(_("Eliminar tipo de programa"), lambda s, _j: service.delete_kind(s, kind_id))


@operation
def create(values: Values, on: Any = None) -> Op[int]:
    return Op(_("Nuevo programa"), lambda s, _j: service.create_program(s, values, on=on).id)


@operation
def update(program_id: int, values: Values) -> Op[int]:
    return update_op(_("Editar programa"), service.update_program, program_id, values)


@operation
def delete(program_id: int, title: str = "") -> Op[None]:
    """People, outcomes and status history go with it (cascade) and come back with undo."""
    return Op(
        _("Eliminar programa"),
        lambda s, _j: service.delete_program(s, program_id),
        message=lambda _v: _("Programa «{title}» eliminado.").format(title=title) if title else "",
    )


@operation
def change_status(program_id: int, status: str, on: Any = None) -> Op[str]:
    label = ProgramStatus(status).label if status in set(ProgramStatus) else status

    def run(s: Session, _j: Job) -> str:
        return str(service.change_status(s, program_id, status, on=on).value)

    return Op(_("Cambiar programa a «{status}»").format(status=label), run)


@operation
def add_person(program_id: int, values: Values) -> Op[int]:
    return Op(_("Agregar persona al programa"), lambda s, _j: service.add_person(s, program_id, values).id)


@operation
def add_people(
    program_id: int, member_ids: Sequence[int], role: str = ProgramRole.PARTICIPANT.value
) -> Op[list[int]]:
    """Several members with one role in one undoable step (those already there are skipped)."""
    ids = list(dict.fromkeys(member_ids))
    return Op(
        ngettext("Agregar {n} persona al programa", "Agregar {n} personas al programa", len(ids)).format(
            n=len(ids)
        ),
        lambda s, _j: [p.id for p in service.add_people(s, program_id, ids, role)],
        message=lambda added: ngettext(
            "{n} persona agregada al programa.", "{n} personas agregadas al programa.", len(added)
        ).format(n=len(added)),
    )


@operation
def update_person(person_id: int, values: Values) -> Op[int]:
    return update_op(_("Editar persona del programa"), service.update_person, person_id, values)


@operation
def remove_people(person_ids: Sequence[int]) -> Op[int]:
    ids = list(dict.fromkeys(person_ids))

    def run(s: Session, job: Job) -> int:
        for person_id in ids:
            job.check()
            service.remove_person(s, person_id)
        return len(ids)

    return Op(
        ngettext("Quitar {n} persona del programa", "Quitar {n} personas del programa", len(ids)).format(
            n=len(ids)
        ),
        run,
    )


@operation
def add_outcome(program_id: int, values: Values) -> Op[int]:
    return Op(_("Agregar resultado"), lambda s, _j: service.add_outcome(s, program_id, values).id)


@operation
def update_outcome(outcome_id: int, values: Values) -> Op[int]:
    return update_op(_("Editar resultado"), service.update_outcome, outcome_id, values)


@operation
def remove_outcome(outcome_id: int) -> Op[None]:
    return Op(_("Quitar resultado"), lambda s, _j: service.remove_outcome(s, outcome_id))
