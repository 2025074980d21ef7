"""The nine PNCS sectors: contact institution and contact people. The list itself is fixed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from talentdesk.core.errors import FieldError, NotFoundError, ValidationError
from talentdesk.core.i18n import _
from talentdesk.core.models import MemberSector, Sector, SectorContact
from talentdesk.core.text import clean
from talentdesk.core.validation import (
    check_controls,
    error,
    normalize_email,
    normalize_phone,
)
from talentdesk.services import audit
from talentdesk.services._changes import apply_changes


def list_sectors(session: Session) -> list[Sector]:
    return list(
        session.scalars(select(Sector).options(selectinload(Sector.contacts)).order_by(Sector.number))
    )


def get_sector(session: Session, sector_id: int) -> Sector:
    sector = session.get(Sector, sector_id, options=[selectinload(Sector.contacts)])
    if sector is None:
        raise NotFoundError(_("No existe el sector con id {sector_id}.").format(sector_id=sector_id))
    return sector


def member_counts(session: Session) -> dict[int, int]:
    rows = session.execute(select(MemberSector.sector_id, func.count()).group_by(MemberSector.sector_id))
    return {int(sid): int(n) for sid, n in rows}


def update_sector(session: Session, sector_id: int, values: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    sector = get_sector(session, sector_id)
    allowed = {"contact_institution", "notes"}
    if set(values) - allowed:
        raise ValueError(f"only {sorted(allowed)} of a sector can change")
    check_controls(values)
    return apply_changes(session, "sector", sector, {k: clean(v) or None for k, v in values.items()})


def add_contact(session: Session, sector_id: int, values: Mapping[str, Any]) -> SectorContact:
    sector = get_sector(session, sector_id)
    clean_values = _validate_contact(values)
    contact = SectorContact(sector=sector, **clean_values)
    session.add(contact)  # SQLAlchemy 2 no longer cascades a backref assignment into the session
    session.flush()
    audit.record_create(session, "sector_contact", contact.id, {"sector_id": sector_id, **clean_values})
    return contact


def update_contact(
    session: Session, contact_id: int, values: Mapping[str, Any]
) -> dict[str, tuple[Any, Any]]:
    contact = session.get(SectorContact, contact_id)
    if contact is None:
        raise NotFoundError(_("No existe el contacto con id {contact_id}.").format(contact_id=contact_id))
    merged = {"name": contact.name, **values}
    return apply_changes(session, "sector_contact", contact, _validate_contact(merged))


def remove_contact(session: Session, contact_id: int) -> None:
    contact = session.get(SectorContact, contact_id)
    if contact is None:
        raise NotFoundError(_("No existe el contacto con id {contact_id}.").format(contact_id=contact_id))
    audit.record_delete(session, "sector_contact", contact.id, {"name": contact.name})
    session.delete(contact)
    session.flush()


def _validate_contact(values: Mapping[str, Any]) -> dict[str, Any]:
    check_controls(values)
    errors: list[FieldError] = []
    out: dict[str, Any] = {}
    out["name"] = clean(values.get("name"))
    if not out["name"]:
        errors.append(error("name", _("es obligatorio.")))
    if "role" in values:
        out["role"] = clean(values["role"]) or None
    if "email" in values:
        out["email"], err = normalize_email(values["email"])
        errors += [err] if err else []
    if "phone" in values:
        out["phone"], err = normalize_phone(values["phone"], "MX")
        errors += [err] if err else []
    if errors:
        raise ValidationError(errors)
    return out


# -- undo support ------------------------------------------------------------------------------

CONTACT_FIELDS = ("name", "role", "email", "phone")
