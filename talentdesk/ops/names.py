"""Records named the way a person recognises them, for messages about undo conflicts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: table -> (Spanish noun with article, the columns that name a row of it)
_NAMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "members": ("el miembro", ("given_names", "paternal_surname", "maternal_surname")),
    "chapters": ("el capítulo", ("name",)),
    "sectors": ("el sector", ("name",)),
    "organizations": ("la organización", ("name",)),
    "sector_contacts": ("el contacto", ("name",)),
    "board_positions": ("el cargo en la mesa directiva", ()),
    "events": ("la Jornada", ("name",)),
    "rooms": ("la sala", ("name",)),
    "event_sessions": ("la sesión", ("title",)),
    "participants": ("el participante", ("given_names", "paternal_surname", "maternal_surname")),
    "materials": ("el material", ("item",)),
    "event_tasks": ("la tarea", ("title",)),
    "certificates": ("la constancia", ("code",)),
    "travels": ("el viaje del participante", ()),
    "lodgings": ("el hospedaje del participante", ()),
    "import_mappings": ("el mapeo de columnas", ("name",)),
    "document_settings": ("el texto de documentos", ("key",)),
    "program_kinds": ("el tipo de programa", ("name",)),
    "programs": ("el programa", ("title",)),
    "program_people": ("la persona del programa", ()),
    "program_outcomes": ("el resultado del programa", ()),
    "needs": ("la solicitud", ("title",)),
    "need_candidates": ("el candidato", ()),
    "saved_lists": ("la lista guardada", ("name",)),
}


def record_name(table: str, key: tuple[Any, ...], row: Mapping[str, Any]) -> str:
    noun, columns = _NAMES.get(table, (f"un registro de «{table}»", ()))
    words = " ".join(str(row[c]) for c in columns if row.get(c))
    if words:
        return f"{noun} «{words}»"
    return f"{noun} (id {', '.join(str(k) for k in key)})"


#: table -> the entity name the audit log uses for its rows (services write the same names).
AUDIT_ENTITY: dict[str, str] = {
    "members": "member",
    "chapters": "chapter",
    "sectors": "sector",
    "organizations": "organization",
    "sector_contacts": "sector_contact",
    "board_positions": "board_position",
    "events": "event",
    "rooms": "room",
    "event_sessions": "session",
    "participants": "participant",
    "materials": "material",
    "event_tasks": "event_task",
    "certificates": "certificate",
    "travels": "travel",
    "lodgings": "lodging",
    "import_mappings": "import_mapping",
    "document_settings": "document_setting",
    "program_kinds": "program_kind",
    "programs": "program",
    "program_people": "program_person",
    "program_outcomes": "program_outcome",
    "needs": "need",
    "need_candidates": "need_candidate",
    "saved_lists": "saved_list",
}
