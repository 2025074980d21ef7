"""Operations on the PNCS sectors and their contact people."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from talentdesk.core.i18n import _
from talentdesk.core.jobs import Job
from talentdesk.ops import Op
from talentdesk.ops.registry import operation
from talentdesk.services import sectors as service


@operation
def update(sector_id: int, values: Mapping[str, Any]) -> Op[int]:
    def run(s: Session, _j: Job) -> int:
        service.update_sector(s, sector_id, values)
        return sector_id

    return Op(_("Editar sector"), run)


@operation
def add_contact(sector_id: int, values: Mapping[str, Any]) -> Op[int]:
    return Op(_("Agregar contacto"), lambda s, _j: service.add_contact(s, sector_id, values).id)


@operation
def update_contact(contact_id: int, values: Mapping[str, Any]) -> Op[int]:
    def run(s: Session, _j: Job) -> int:
        service.update_contact(s, contact_id, values)
        return contact_id

    return Op(_("Editar contacto"), run)


@operation
def remove_contact(contact_id: int) -> Op[None]:
    return Op(_("Quitar contacto"), lambda s, _j: service.remove_contact(s, contact_id))
