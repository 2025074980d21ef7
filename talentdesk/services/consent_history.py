"""The consent history: every recorded state of a member's consent, with who, when and how.

The services call :func:`record` whenever a member is created with a consent, or whenever the
consent (appears in directories, printable fields, no contact) or its record (date, stated
source) changes — the form, the import, the command line and merges alike. The rows are kept
with the member (deleted with it) and shown on the form's Privacidad tab and in the person's
Acceso export.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.enums import ConsentChannel, PrintField
from talentdesk.core.models import ConsentChange, Member, utcnow
from talentdesk.services import audit

#: The member fields the history follows.
TRACKED = ("directory_consent", "print_fields", "no_contact", "consent_date", "consent_source")


@dataclass(frozen=True)
class Origin:
    """Through what a consent was recorded; ``detail`` names it further (the imported file)."""

    channel: ConsentChannel
    detail: str | None = None

    def undoing(self) -> Origin:
        return Origin(self.channel, "deshacer" if not self.detail else f"{self.detail} (deshacer)")


FORM = Origin(ConsentChannel.FORM)
CLI = Origin(ConsentChannel.CLI)
OTHER = Origin(ConsentChannel.OTHER)


def imported(file_name: str) -> Origin:
    return Origin(ConsentChannel.IMPORT, file_name[:300])


def is_default(values: Mapping[str, Any]) -> bool:
    """True when nothing about consent was recorded (no consent, nothing allowed, no date…)."""
    return not any(values.get(field) for field in TRACKED)


def changed(before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    return any(before.get(field) != after.get(field) for field in TRACKED)


def record(session: Session, member: Member, origin: Origin) -> ConsentChange:
    """Keep the member's consent as it is now (call after applying the change)."""
    change = ConsentChange(
        member_id=member.id,
        at=utcnow(),
        user=audit.current_user(),
        channel=origin.channel,
        detail=origin.detail,
        directory_consent=bool(member.directory_consent),
        print_fields=member.print_fields_raw or "",
        no_contact=bool(member.no_contact),
        consent_date=member.consent_date,
        source=member.consent_source,
    )
    session.add(change)
    return change


#: Columns of ``consent_changes`` in the order :func:`bulk_row` returns them.
BULK_COLUMNS = (
    "member_id",
    "at",
    "user",
    "channel",
    "detail",
    "directory_consent",
    "print_fields",
    "no_contact",
    "consent_date",
    "source",
)


def bulk_row(
    member_id: int, values: Mapping[str, Any], print_codes: str, origin: Origin, at: datetime, user: str
) -> tuple[Any, ...]:
    """One history row as a tuple for bulk inserts (the import's new members)."""
    return (
        member_id,
        at,
        user,
        origin.channel.value,
        origin.detail,
        bool(values.get("directory_consent")),
        print_codes,
        bool(values.get("no_contact")),
        values.get("consent_date"),
        values.get("consent_source"),
    )


def move(session: Session, from_member: int, to_member: int) -> int:
    """Give one member's history to another (a merge: the same person); returns how many."""
    rows = list(session.scalars(select(ConsentChange).where(ConsentChange.member_id == from_member)))
    for row in rows:
        row.member_id = to_member
    return len(rows)


def history(session: Session, member_id: int) -> list[ConsentChange]:
    """Oldest first."""
    stmt = select(ConsentChange).where(ConsentChange.member_id == member_id).order_by(ConsentChange.id)
    return list(session.scalars(stmt))


@dataclass(frozen=True)
class ConsentRecord:
    """A history row as plain data (for the form, the CLI and the Acceso export)."""

    id: int
    at: datetime
    user: str
    channel: ConsentChannel
    detail: str | None
    directory_consent: bool
    print_fields: tuple[PrintField, ...]
    no_contact: bool
    consent_date: date | None
    source: str | None

    @property
    def origin_text(self) -> str:
        """«Importación: consulado.xlsx», «Ficha del miembro»."""
        return f"{self.channel.label}: {self.detail}" if self.detail else self.channel.label

    def as_dict(self) -> dict[str, Any]:
        return {
            "registrado": self.at.isoformat(timespec="seconds"),
            "usuario": self.user,
            "medio": self.channel.label,
            "detalle": self.detail,
            "aparece_en_directorios": self.directory_consent,
            "datos_que_se_pueden_imprimir": [f.label for f in self.print_fields],
            "no_contactar": self.no_contact,
            "fecha_del_consentimiento": self.consent_date.isoformat() if self.consent_date else None,
            "origen_del_consentimiento": self.source,
        }


def records(session: Session, member_id: int) -> list[ConsentRecord]:
    return [
        ConsentRecord(
            id=row.id,
            at=row.at,
            user=row.user,
            channel=row.channel,
            detail=row.detail,
            directory_consent=bool(row.directory_consent),
            print_fields=tuple(PrintField(c) for c in (row.print_fields or "").split(",") if c in _CODES),
            no_contact=bool(row.no_contact),
            consent_date=row.consent_date,
            source=row.source,
        )
        for row in history(session, member_id)
    ]


_CODES = {f.value for f in PrintField}
