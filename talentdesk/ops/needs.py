"""Operations on needs (solicitudes) and their candidates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from talentdesk.core.i18n import _, ngettext
from talentdesk.core.jobs import Job
from talentdesk.core.programs import CandidateStage, NeedStatus, ProgramRole
from talentdesk.ops import Op
from talentdesk.ops.registry import operation
from talentdesk.services import needs as service

Values = Mapping[str, Any]


@operation
def create(values: Values) -> Op[int]:
    return Op(_("Nueva solicitud"), lambda s, _j: service.create_need(s, values).id)


@operation
def update(need_id: int, values: Values) -> Op[int]:
    def run(s: Session, _j: Job) -> int:
        service.update_need(s, need_id, values)
        return need_id

    return Op(_("Editar solicitud"), run)


@operation
def set_status(need_id: int, status: str) -> Op[int]:
    label = NeedStatus(status).label if status in set(NeedStatus) else status

    def run(s: Session, _j: Job) -> int:
        service.set_status(s, need_id, status)
        return need_id

    return Op(_("Marcar solicitud como «{status}»").format(status=label), run)


@operation
def delete(need_id: int, title: str = "") -> Op[None]:
    return Op(
        _("Eliminar solicitud"),
        lambda s, _j: service.delete_need(s, need_id),
        message=lambda _v: _("Solicitud «{title}» eliminada.").format(title=title) if title else "",
    )


@operation
def add_candidates(
    need_id: int,
    member_ids: Sequence[int],
    reasons: Mapping[int, str] | None = None,
    despite_no_contact: bool = False,
) -> Op[list[int]]:
    """Members as candidates of a need in one undoable step (see services.needs.add_candidates)."""
    ids = list(dict.fromkeys(member_ids))
    return Op(
        ngettext("Agregar {n} candidato", "Agregar {n} candidatos", len(ids)).format(n=len(ids)),
        lambda s, _j: [
            c.id
            for c in service.add_candidates(
                s, need_id, ids, reasons=reasons, despite_no_contact=despite_no_contact
            )
        ],
        message=lambda added: ngettext(
            "{n} candidato agregado.", "{n} candidatos agregados.", len(added)
        ).format(n=len(added)),
    )


@operation
def change_stage(candidate_ids: Sequence[int], stage: str) -> Op[int]:
    ids = list(candidate_ids)
    label = CandidateStage(stage).label if stage in set(CandidateStage) else stage
    return Op(
        _("Candidatos a «{stage}»").format(stage=label),
        lambda s, _j: len(service.change_stage(s, ids, stage)),
        message=lambda n: ngettext("{n} candidato cambiado.", "{n} candidatos cambiados.", n).format(n=n),
    )


@operation
def update_candidate(candidate_id: int, notes: str | None) -> Op[int]:
    def run(s: Session, _j: Job) -> int:
        service.update_candidate(s, candidate_id, notes)
        return candidate_id

    return Op(_("Notas del candidato"), run)


@operation
def remove_candidates(candidate_ids: Sequence[int]) -> Op[int]:
    ids = list(dict.fromkeys(candidate_ids))
    return Op(
        ngettext("Quitar {n} candidato", "Quitar {n} candidatos", len(ids)).format(n=len(ids)),
        lambda s, _j: service.remove_candidates(s, ids),
    )


@operation
def accept_into_program(
    need_id: int, program_id: int | None = None, role: str = ProgramRole.PARTICIPANT.value
) -> Op[list[int]]:
    """The accepted candidates become the programme's people, in one step."""
    return Op(
        _("Sumar aceptados al programa"),
        lambda s, _j: [p.id for p in service.accept_into_program(s, need_id, program_id, role)],
        message=lambda added: ngettext(
            "{n} persona agregada al programa.", "{n} personas agregadas al programa.", len(added)
        ).format(n=len(added)),
    )
