"""The consent rule every document that leaves IME follows (LFPDPPP).

A member appears in a directory, an external spreadsheet or a participants' list only if they
consented (``Member.directory_consent``) and did not object to being contacted
(``Member.no_contact``, the ARCO *oposición*), and then shows only the contact fields they
allowed (``Member.print_fields_raw``: comma-separated ``PrintField`` codes). Lists used to
invite people honour the objection the same way (:func:`may_contact`). One module so that
every export applies the very same rule; an unknown code in the stored list allows nothing.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from sqlalchemy import ColumnElement, and_

from talentdesk.core.enums import PrintField
from talentdesk.core.models import Member

#: The contact fields a member may allow, in the order documents show them.
CONTACT_FIELDS: tuple[PrintField, ...] = tuple(PrintField)
_BY_CODE = {field.value: field for field in PrintField}


def may_appear(directory_consent: bool | int | None, no_contact: bool | int | None) -> bool:
    """True only for an explicit yes (a missing answer is a no) from someone who did not
    object to being contacted."""
    return (directory_consent is True or directory_consent == 1) and may_contact(no_contact)


def may_contact(no_contact: bool | int | None) -> bool:
    """The oposición: a member who asked not to be contacted is left out of every list used to
    invite or reach people (a missing answer is no objection)."""
    return not no_contact


def allowed_fields(
    directory_consent: bool | int | None, print_fields_raw: str | None
) -> frozenset[PrintField]:
    """The contact fields that may be shown; none at all without consent to appear."""
    if not (directory_consent is True or directory_consent == 1) or not print_fields_raw:
        return frozenset()
    codes = (code.strip() for code in print_fields_raw.split(","))
    return frozenset(_BY_CODE[code] for code in codes if code in _BY_CODE)


def hide_disallowed(values: MutableMapping[str, Any], allowed: frozenset[PrintField]) -> None:
    """Blank every contact field not allowed in a row keyed by field code (``email``…)."""
    for field in CONTACT_FIELDS:
        if field not in allowed and field.value in values:
            values[field.value] = None


def listed_clause() -> ColumnElement[bool]:
    """SQL condition for members who may appear (to filter before reading rows)."""
    return and_(Member.directory_consent.is_(True), contactable_clause())


def contactable_clause() -> ColumnElement[bool]:
    """SQL condition for members who did not object to being contacted."""
    return Member.no_contact.is_(False)


def organization_is_public(
    member_id: int | None, directory_consent: bool | int | None, print_fields_raw: str | None
) -> bool:
    """May a public document (badge, sign-in sheet) print this participant's organisation?

    For a member it is a copy of their employer (``services.event_participants.add_member``), so it follows
    the member's *current* consent rule (``consent.allowed_fields``: consent to appear and the
    "employer" field allowed); a guest (no member) keeps the organisation they registered with.
    """
    return member_id is None or PrintField.EMPLOYER in allowed_fields(directory_consent, print_fields_raw)


def public_organization(
    organization: str | None,
    member_id: int | None,
    directory_consent: bool | int | None,
    print_fields_raw: str | None,
) -> str | None:
    """The organisation as a public document may print it: None when not allowed."""
    return organization if organization_is_public(member_id, directory_consent, print_fields_raw) else None
