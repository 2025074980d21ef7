"""Operations on what the office shares: document texts, saved column mappings."""

from __future__ import annotations

from collections.abc import Mapping

from talentdesk.core.i18n import _
from talentdesk.ops import Op
from talentdesk.ops.registry import operation
from talentdesk.services import backup_settings, document_settings, import_mappings


@operation
def set_welcome_letter(text: str) -> Op[None]:
    return Op(
        _("Editar la carta de bienvenida"),
        lambda s, _j: document_settings.set_welcome_letter(s, text),
        message=lambda _v: _("Carta de bienvenida guardada."),
    )


@operation
def save_mapping(name: str, columns: Mapping[str, str | None]) -> Op[int]:
    return Op(
        _("Guardar asignación de columnas"),
        lambda s, _j: import_mappings.save_mapping(s, name, columns).id,
        message=lambda _id: _("Asignación de columnas guardada."),
    )


@operation
def delete_mapping(name: str) -> Op[None]:
    return Op(_("Eliminar asignación de columnas"), lambda s, _j: import_mappings.delete_mapping(s, name))


@operation
def set_backup_retention(daily: int, weekly: int) -> Op[None]:
    return Op(
        _("Cambiar cuántas copias de seguridad se conservan"),
        lambda s, _j: backup_settings.set_retention(s, daily=daily, weekly=weekly),
        message=lambda _v: _("Conservación de copias de seguridad guardada."),
    )
