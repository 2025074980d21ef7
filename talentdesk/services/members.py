"""Members: create, update, delete, read, with validation and the audit trail."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from talentdesk.core.countries import country_name
from talentdesk.core.enums import (
    DegreeLevel,
    Gender,
    LabeledEnum,
    MemberStatus,
    PrintField,
)
from talentdesk.core.errors import FieldError, NotFoundError, ValidationError
from talentdesk.core.i18n import _
from talentdesk.core.models import (
    Chapter,
    ContributionType,
    Member,
    MemberSector,
    Sector,
)
from talentdesk.core.text import clean, fold
from talentdesk.core.validation import (
    check_controls,
    check_not_future,
    error,
    label,
    length_error,
    normalize_country,
    normalize_email,
    normalize_phone,
    normalize_url,
    parse_date,
)
from talentdesk.services import audit, consent_history
from talentdesk.services.consent_history import Origin

TEXT_FIELDS = (
    "given_names",
    "paternal_surname",
    "maternal_surname",
    "preferred_name",
    "state",
    "city",
    "expertise",
    "field_of_study",
    "institution",
    "employer",
    "job_title",
    "languages",
    "consent_source",
    "notes",
)
REQUIRED = ("given_names", "paternal_surname")
ENUM_FIELDS: dict[str, type[LabeledEnum]] = {
    "gender": Gender,
    "degree_level": DegreeLevel,
    "status": MemberStatus,
}
FIELDS = (
    *TEXT_FIELDS,
    *ENUM_FIELDS,
    "email",
    "phone",
    "country",
    "website",
    "joined_on",
    "consent_date",
    "directory_consent",
    "print_fields",
    "no_contact",
    "chapter_id",
    "sector_ids",
    "primary_sector_id",
    "contribution_ids",
)
#: What an anonymised member keeps (for statistics); every other field was removed for good.
STATISTICS_FIELDS = frozenset(
    {
        "chapter_id",
        "sector_ids",
        "primary_sector_id",
        "country",
        "degree_level",
        "status",
        "joined_on",
    }
)
_UNLIMITED = {"expertise", "notes"}
_YES = {"si", "s", "yes", "y", "true", "1", "verdadero", "x"}
_NO = {"no", "n", "false", "0", "falso", ""}


def get_member(session: Session, member_id: int) -> Member:
    member = session.get(
        Member,
        member_id,
        options=[selectinload(Member.sector_links), selectinload(Member.contributions)],
    )
    if member is None:
        raise NotFoundError(_("No existe el miembro con id {member_id}.").format(member_id=member_id))
    return member


def member_values(member: Member) -> dict[str, Any]:
    """The member's fields in the same shape create/update take."""
    values: dict[str, Any] = {f: getattr(member, f) for f in TEXT_FIELDS}
    values.update(
        gender=member.gender,
        degree_level=member.degree_level,
        status=member.status,
        email=member.email,
        phone=member.phone,
        country=member.country,
        website=member.website,
        joined_on=member.joined_on,
        consent_date=member.consent_date,
        directory_consent=member.directory_consent,
        print_fields=member.print_fields,
        no_contact=bool(member.no_contact),
        chapter_id=member.chapter_id,
        # Sorted: the order a caller lists them in is not a change (the database keeps none).
        sector_ids=sorted(member.sector_ids),
        primary_sector_id=member.primary_sector_id,
        contribution_ids=sorted(c.id for c in member.contributions),
    )
    return values


def create_member(
    session: Session,
    values: Mapping[str, Any],
    *,
    origin: Origin = consent_history.OTHER,
) -> Member:
    """``origin`` says where a consent given with the new member was recorded (its history)."""
    data = dict(values)
    data.setdefault("status", MemberStatus.PROSPECT)
    for field in REQUIRED:
        data.setdefault(field, "")
    clean_values = _validate(session, data, current=None)
    member = Member(directory_consent=False, print_fields_raw="", no_contact=False)
    session.add(member)
    _apply(session, member, clean_values)
    session.flush()
    created = member_values(member)
    audit.record_create(session, "member", member.id, created)
    if not consent_history.is_default(created):
        consent_history.record(session, member, origin)
    return member


def update_member(
    session: Session,
    member_id: int,
    values: Mapping[str, Any],
    *,
    origin: Origin = consent_history.OTHER,
) -> dict[str, tuple[Any, Any]]:
    """Apply the given fields; returns {field: (old, new)} for what really changed. A change of
    the consent is kept in its history with ``origin``."""
    member = get_member(session, member_id)
    before = member_values(member)
    clean_values = _validate(session, dict(values), current=member)
    if member.anonymized_at is not None:
        _refuse_personal_data(member, before, clean_values)
    _apply(session, member, clean_values)
    after = member_values(member)
    changes = {f: (before[f], after[f]) for f in after if before[f] != after[f]}
    if changes:
        session.flush()
        audit.record_changes(session, "member", member.id, changes)
        if consent_history.changed(before, after):
            consent_history.record(session, member, origin)
    return changes


def _refuse_personal_data(member: Member, before: Mapping[str, Any], values: Mapping[str, Any]) -> None:
    """An anonymised member takes no personal data again (cancelación is final); the fields
    statistics keep may still change."""
    refused = []
    for field, value in values.items():
        if field in STATISTICS_FIELDS or field == "primary_sector_id":
            continue
        old = before.get(field)
        if field in ("print_fields", "contribution_ids"):
            value, old = sorted(value or []), sorted(old or [])
        if value != old:
            refused.append(field)
    if refused:
        when = member.anonymized_at.strftime("%d/%m/%Y") if member.anonymized_at else ""
        names = ", ".join(label(f) for f in refused)
        raise ValidationError(
            [
                FieldError(
                    refused[0],
                    _(
                        "El miembro {id} fue anonimizado el {when}: sus datos personales ({names}) ya no se pueden registrar; la cancelación no se deshace. Si la persona vuelve a dar sus datos, regístrela como miembro nuevo."
                    ).format(id=member.id, when=when, names=names),
                )
            ]
        )


def delete_member(session: Session, member_id: int) -> None:
    member = get_member(session, member_id)
    audit.record_delete(session, "member", member.id, member_values(member))
    session.delete(member)
    session.flush()


def count_members(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Member)) or 0)


# -- validation ---------------------------------------------------------------------------


def _validate(session: Session, values: dict[str, Any], current: Member | None) -> dict[str, Any]:
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown member fields: {sorted(unknown)}")
    check_controls(values)
    out: dict[str, Any] = {}
    errors: list[FieldError] = []

    def fail(err: FieldError | None) -> None:
        if err is not None:
            errors.append(err)

    for field in TEXT_FIELDS:
        if field in values:
            text = clean(values[field]) if values[field] is not None else ""
            if field in REQUIRED and not text:
                fail(error(field, _("es obligatorio.")))
            elif field not in _UNLIMITED:
                fail(length_error(Member, field, text))
            out[field] = text or None
    for field, kind in ENUM_FIELDS.items():
        if field in values:
            out[field], err = _parse_enum(kind, values[field], field)
            fail(err)
    if "status" in out and out["status"] is None:
        out["status"] = MemberStatus.PROSPECT
    if "country" in values:
        out["country"], err = normalize_country(_text(values["country"]))
        fail(err)
    if "email" in values:
        out["email"], err = normalize_email(_text(values["email"]))
        fail(err)
        if out["email"] and err is None:
            fail(_email_taken(session, out["email"], current.id if current else None))
    if "phone" in values:
        country = out.get("country", current.country if current else None)
        out["phone"], err = normalize_phone(_text(values["phone"]), country)
        fail(err)
    if "website" in values:
        out["website"], err = normalize_url(_text(values["website"]))
        fail(err)
    for field in ("joined_on", "consent_date"):
        if field in values:
            out[field], err = parse_date(values[field], field)
            fail(err or check_not_future(out[field], field))
    for flag in ("directory_consent", "no_contact"):
        if flag in values:
            out[flag], err = _parse_bool(values[flag], flag)
            fail(err)
    if "print_fields" in values:
        out["print_fields"], err = _parse_print_fields(values["print_fields"])
        fail(err)
    if "chapter_id" in values:
        out["chapter_id"] = values["chapter_id"]
        if values["chapter_id"] is not None and session.get(Chapter, values["chapter_id"]) is None:
            fail(
                error(
                    "chapter",
                    _("no existe el capítulo con id {chapter_id}.").format(chapter_id=values["chapter_id"]),
                )
            )
    _validate_sectors(session, values, out, current, fail)
    if "contribution_ids" in values:
        ids = list(dict.fromkeys(values["contribution_ids"] or []))
        found = set(session.scalars(select(ContributionType.id).where(ContributionType.id.in_(ids))))
        missing = [i for i in ids if i not in found]
        if missing:
            fail(
                error(
                    "contributions",
                    _("no existen las aportaciones {missing}.").format(missing=missing),
                )
            )
        out["contribution_ids"] = ids
    if errors:
        raise ValidationError(errors)
    return out


def _validate_sectors(
    session: Session,
    values: dict[str, Any],
    out: dict[str, Any],
    current: Member | None,
    fail: Any,
) -> None:
    if "sector_ids" not in values and "primary_sector_id" not in values:
        return
    ids = list(dict.fromkeys(values.get("sector_ids", current.sector_ids if current else []) or []))
    found = set(session.scalars(select(Sector.id).where(Sector.id.in_(ids))))
    missing = [i for i in ids if i not in found]
    if missing:
        fail(
            error(
                "sectors",
                _("no existen los sectores {missing}.").format(missing=missing),
            )
        )
    primary = values.get("primary_sector_id", current.primary_sector_id if current else None)
    if primary is not None and primary not in ids:
        if "primary_sector_id" in values:
            fail(
                error(
                    "primary_sector",
                    _("el sector principal debe estar entre los sectores del miembro."),
                )
            )
        primary = None
    out["sector_ids"] = ids
    out["primary_sector_id"] = primary if primary is not None else (ids[0] if ids else None)


def _email_taken(session: Session, email: str, own_id: int | None) -> FieldError | None:
    stmt = select(Member.id).where(Member.email == email)
    if own_id is not None:
        stmt = stmt.where(Member.id != own_id)
    other = session.scalar(stmt.limit(1))
    if other is None:
        return None
    return error(
        "email",
        _("«{email}» ya está registrado para otro miembro (id {other}).").format(email=email, other=other),
    )


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _parse_enum(kind: type[LabeledEnum], value: Any, field: str) -> tuple[Any, FieldError | None]:
    if value is None or value == "":
        return None, None
    if isinstance(value, kind):
        return value, None
    try:
        return kind.parse(str(value)), None
    except ValueError:
        options = ", ".join(item.label for item in kind)
        return None, error(
            field,
            _("valor desconocido «{value}» (opciones: {options}).").format(value=value, options=options),
        )


def _parse_bool(value: Any, field: str) -> tuple[bool, FieldError | None]:
    if isinstance(value, bool):
        return value, None
    text = fold(str(value)) if value is not None else ""
    if text in _YES:
        return True, None
    if text in _NO:
        return False, None
    return False, error(field, _("«{value}» no es sí ni no.").format(value=value))


def _parse_print_fields(value: Any) -> tuple[list[PrintField], FieldError | None]:
    items: Iterable[Any] = value.split(",") if isinstance(value, str) else (value or [])
    fields: list[PrintField] = []
    bad: list[str] = []
    for item in items:
        if isinstance(item, PrintField):
            fields.append(item)
            continue
        text = str(item).strip()
        if not text:
            continue
        try:
            fields.append(PrintField.parse(text))  # type: ignore[arg-type]
        except ValueError:
            bad.append(text)
    if bad:
        allowed = ", ".join(f.value for f in PrintField)
        return [], error("print_fields", f"campos desconocidos {bad} (permitidos: {allowed}).")
    return list(dict.fromkeys(fields)), None


# -- applying -----------------------------------------------------------------------------


def _apply(session: Session, member: Member, values: Mapping[str, Any]) -> None:
    for field, value in values.items():
        if field in (
            "sector_ids",
            "primary_sector_id",
            "contribution_ids",
            "print_fields",
        ):
            continue
        setattr(member, field, value)
    if "print_fields" in values:
        member.print_fields = values["print_fields"]
    if "sector_ids" in values:
        existing = {link.sector_id: link for link in member.sector_links}
        member.sector_links = [
            existing.get(sid) or MemberSector(sector_id=sid) for sid in values["sector_ids"]
        ]
        for link in member.sector_links:
            link.is_primary = link.sector_id == values["primary_sector_id"]
    if "contribution_ids" in values:
        ids = values["contribution_ids"]
        by_id = {
            c.id: c for c in session.scalars(select(ContributionType).where(ContributionType.id.in_(ids)))
        }
        member.contributions = [by_id[i] for i in ids]


# -- reading for the CLI and exports -------------------------------------------------------


def members_as_dicts(session: Session, ids: Sequence[int]) -> list[dict[str, Any]]:
    """JSON-ready members in the order of ``ids``, loaded in one batch."""
    if not ids:
        return []
    stmt = (
        select(Member)
        .where(Member.id.in_(ids))
        .options(
            selectinload(Member.sector_links).selectinload(MemberSector.sector),
            selectinload(Member.contributions),
            selectinload(Member.chapter),
        )
    )
    by_id = {m.id: m for m in session.scalars(stmt)}
    return [member_to_dict(by_id[i]) for i in ids if i in by_id]


def member_to_dict(member: Member) -> dict[str, Any]:
    primary = member.primary_sector_id
    links = sorted(member.sector_links, key=lambda link: (not link.is_primary, link.sector_id))
    return {
        "id": member.id,
        "given_names": member.given_names,
        "paternal_surname": member.paternal_surname,
        "maternal_surname": member.maternal_surname,
        "preferred_name": member.preferred_name,
        "full_name": member.full_name,
        "gender": _code(member.gender),
        "email": member.email,
        "phone": member.phone,
        "country": member.country,
        "country_name": country_name(member.country) or None,
        "state": member.state,
        "city": member.city,
        "chapter": member.chapter.name if member.chapter else None,
        "chapter_id": member.chapter_id,
        "sectors": [link.sector.name for link in links],
        "primary_sector": next((link.sector.name for link in links if link.sector_id == primary), None),
        "expertise": member.expertise,
        "degree_level": _code(member.degree_level),
        "field_of_study": member.field_of_study,
        "institution": member.institution,
        "employer": member.employer,
        "job_title": member.job_title,
        "languages": member.languages,
        "website": member.website,
        "contributions": [c.code for c in member.contributions],
        "status": _code(member.status),
        "joined_on": _iso(member.joined_on),
        "directory_consent": bool(member.directory_consent),
        "print_fields": [f.value for f in member.print_fields],
        "consent_date": _iso(member.consent_date),
        "consent_source": member.consent_source,
        "no_contact": bool(member.no_contact),
        "anonymized_at": member.anonymized_at.isoformat(timespec="seconds") if member.anonymized_at else None,
        "notes": member.notes,
        "created_at": member.created_at.isoformat(timespec="seconds") if member.created_at else None,
        "updated_at": member.updated_at.isoformat(timespec="seconds") if member.updated_at else None,
    }


def _code(value: LabeledEnum | None) -> str | None:
    return value.value if value is not None else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


# -- shared with the spreadsheet import, which validates many rows the same way ------------------

parse_enum = _parse_enum
parse_bool = _parse_bool
parse_print_fields = _parse_print_fields
UNLIMITED_TEXT = frozenset(_UNLIMITED)
