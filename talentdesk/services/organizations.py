"""Mexican counterpart organisations."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from talentdesk.core.enums import OrganizationKind
from talentdesk.core.errors import FieldError, NotFoundError, ValidationError
from talentdesk.core.i18n import _
from talentdesk.core.models import Organization
from talentdesk.core.text import clean, fold, words
from talentdesk.core.validation import (
    check_controls,
    error,
    normalize_email,
    normalize_phone,
)
from talentdesk.services import audit
from talentdesk.services._changes import (
    apply_changes,
    replace_sectors,
    sectors_by_ids,
    snapshot,
)

FIELDS = (
    "name",
    "kind",
    "state",
    "city",
    "contact_name",
    "contact_email",
    "contact_phone",
    "notes",
)


def get_organization(session: Session, org_id: int) -> Organization:
    org = session.get(Organization, org_id, options=[selectinload(Organization.sectors)])
    if org is None:
        raise NotFoundError(_("No existe la organización con id {org_id}.").format(org_id=org_id))
    return org


def search_organizations(
    session: Session, text: str = "", kind: OrganizationKind | None = None
) -> list[Organization]:
    """Small table (hundreds of rows): folded matching in Python is simplest and exact."""
    stmt = select(Organization).options(selectinload(Organization.sectors))
    if kind is not None:
        stmt = stmt.where(Organization.kind == kind)
    wanted = words(text)
    found = []
    for org in session.scalars(stmt):
        hay = fold(" ".join(filter(None, (org.name, org.city, org.state, org.contact_name))))
        if all(any(w.startswith(q) for w in hay.split()) for q in wanted):
            found.append(org)
    return sorted(found, key=lambda o: fold(o.name))


def create_organization(session: Session, values: Mapping[str, Any]) -> Organization:
    data = {"kind": OrganizationKind.OTHER, "name": "", **values}
    clean_values, sector_ids = _validate(session, data, None)
    org = Organization(**clean_values)
    if sector_ids is not None:
        org.sectors = sectors_by_ids(session, sector_ids)
    session.add(org)
    session.flush()
    audit.record_create(session, "organization", org.id, snapshot(org, FIELDS))
    return org


def update_organization(
    session: Session, org_id: int, values: Mapping[str, Any]
) -> dict[str, tuple[Any, Any]]:
    org = get_organization(session, org_id)
    clean_values, sector_ids = _validate(session, dict(values), org)
    changes = apply_changes(session, "organization", org, clean_values)
    if sector_ids is not None:
        replace_sectors(session, "organization", org, sector_ids, changes)
    return changes


def delete_organization(session: Session, org_id: int) -> None:
    org = get_organization(session, org_id)
    audit.record_delete(session, "organization", org.id, snapshot(org, FIELDS))
    session.delete(org)
    session.flush()


def _validate(
    session: Session, values: dict[str, Any], current: Organization | None
) -> tuple[dict[str, Any], list[int] | None]:
    sector_ids = values.pop("sector_ids", None)
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown organization fields: {sorted(unknown)}")
    check_controls(values)
    errors: list[FieldError] = []
    out: dict[str, Any] = {}
    for field in ("name", "state", "city", "contact_name", "notes"):
        if field in values:
            out[field] = clean(values[field]) or None
    if "name" in values:
        if not out["name"]:
            errors.append(error("name", _("es obligatorio.")))
        else:
            # Compared in Python: SQLite's lower() folds ASCII only ('Álvaro Obregón').
            wanted = out["name"].casefold()
            others = session.execute(select(Organization.id, Organization.name))
            own = current.id if current is not None else None
            if any(name.casefold() == wanted and oid != own for oid, name in others):
                errors.append(
                    error(
                        "name",
                        _("ya existe una organización «{name}».").format(name=out["name"]),
                    )
                )
    if "kind" in values:
        kind = values["kind"]
        try:
            out["kind"] = kind if isinstance(kind, OrganizationKind) else OrganizationKind.parse(str(kind))
        except ValueError:
            errors.append(error("kind", _("tipo desconocido «{kind}».").format(kind=kind)))
    if "contact_email" in values:
        out["contact_email"], err = normalize_email(values["contact_email"], "contact_email")
        errors += [err] if err else []
    if "contact_phone" in values:
        out["contact_phone"], err = normalize_phone(values["contact_phone"], "MX", "contact_phone")
        errors += [err] if err else []
    if sector_ids is not None:
        sector_ids = list(dict.fromkeys(sector_ids))
        if len(sectors_by_ids(session, sector_ids)) != len(sector_ids):
            errors.append(error("sectors", _("alguno de los sectores no existe.")))
    if errors:
        raise ValidationError(errors)
    return out, sector_ids


# -- undo support ------------------------------------------------------------------------------
