"""Saved column mappings of spreadsheet imports: by name, in the database, so an office that
shares a database shares its mappings too."""

from __future__ import annotations

import json
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.errors import NotFoundError, ValidationError
from talentdesk.core.i18n import _
from talentdesk.core.models import ImportMapping
from talentdesk.core.text import clean
from talentdesk.core.validation import check_controls
from talentdesk.services import audit

NAME_LIMIT = 120


def save_mapping(
    session: Session,
    name: str,
    columns: Mapping[str, str | None],
    *,
    kind: str = "members",
) -> ImportMapping:
    """Create or replace the mapping called ``name``: {header as in the file: field key or None}."""
    check_controls({"name": name})
    title = clean(name)
    if not title:
        raise ValidationError.single("name", _("Nombre: escriba un nombre para la asignación de columnas."))
    if len(title) > NAME_LIMIT:
        raise ValidationError.single(
            "name",
            _("Nombre: es demasiado largo (máximo {NAME_LIMIT} caracteres).").format(NAME_LIMIT=NAME_LIMIT),
        )
    data = json.dumps({str(k): v for k, v in columns.items()}, ensure_ascii=False, sort_keys=True)
    existing = _find(session, title, kind)
    if existing is None:
        mapping = ImportMapping(kind=kind, name=title, columns=data)
        session.add(mapping)
        session.flush()
        audit.record_create(session, "import_mapping", mapping.id, {"name": title, "columns": data})
        return mapping
    if existing.columns != data:
        audit.record_changes(
            session,
            "import_mapping",
            existing.id,
            {"columns": (existing.columns, data)},
        )
        existing.columns = data
        session.flush()
    return existing


def list_mappings(session: Session, *, kind: str = "members") -> list[ImportMapping]:
    stmt = select(ImportMapping).where(ImportMapping.kind == kind).order_by(ImportMapping.name)
    return list(session.scalars(stmt))


def get_mapping(session: Session, name: str, *, kind: str = "members") -> dict[str, str | None]:
    mapping = _find(session, clean(name), kind)
    if mapping is None:
        known = ", ".join(f"«{m.name}»" for m in list_mappings(session, kind=kind)) or "ninguna"
        raise NotFoundError(
            _("No existe la asignación de columnas «{clean}» (guardadas: {known}).").format(
                clean=clean(name), known=known
            )
        )
    loaded = json.loads(mapping.columns)
    return {str(k): (str(v) if v is not None else None) for k, v in loaded.items()}


def delete_mapping(session: Session, name: str, *, kind: str = "members") -> None:
    mapping = _find(session, clean(name), kind)
    if mapping is None:
        raise NotFoundError(_("No existe la asignación de columnas «{clean}».").format(clean=clean(name)))
    audit.record_delete(
        session,
        "import_mapping",
        mapping.id,
        {"name": mapping.name, "columns": mapping.columns},
    )
    session.delete(mapping)
    session.flush()


def _find(session: Session, name: str, kind: str) -> ImportMapping | None:
    stmt = select(ImportMapping).where(ImportMapping.kind == kind, ImportMapping.name == name)
    return session.scalar(stmt)
