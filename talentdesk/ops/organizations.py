"""Operations on Mexican counterpart organisations."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from talentdesk.core.i18n import _
from talentdesk.core.jobs import Job
from talentdesk.ops import Op
from talentdesk.ops.registry import operation
from talentdesk.services import organizations as service


@operation
def create(values: Mapping[str, Any]) -> Op[int]:
    return Op(_("Nueva organización"), lambda s, _j: service.create_organization(s, values).id)


@operation
def update(org_id: int, values: Mapping[str, Any]) -> Op[int]:
    def run(s: Session, _j: Job) -> int:
        service.update_organization(s, org_id, values)
        return org_id

    return Op(_("Editar organización"), run)


@operation
def delete(org_id: int, name: str = "") -> Op[None]:
    return Op(
        _("Eliminar organización"),
        lambda s, _j: service.delete_organization(s, org_id),
        message=lambda _v: _("Organización «{name}» eliminada.").format(name=name) if name else "",
    )
