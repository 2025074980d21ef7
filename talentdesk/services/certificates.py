"""Verification codes of the *constancias de participación*.

A code is issued once per participant and kept (table ``certificates``), so a reprint shows
the same code and anyone holding a printed constancia can have it checked against the
database. Codes are random (not derived from ids: they cannot be guessed from another one)
and use Crockford's base-32 alphabet, which has no I, L, O or U, so a code read aloud or
typed from paper is not mistaken for another: "RTM-7K2Q-9XHD".
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.enums import ParticipantStatus
from talentdesk.core.errors import FieldError, NotFoundError, ValidationError
from talentdesk.core.events import Certificate, Event, Participant
from talentdesk.core.i18n import _
from talentdesk.services import audit

PREFIX = "RTM"
#: Crockford base 32: digits and letters without I, L, O, U.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS = (4, 4)
_BODY_LENGTH = sum(GROUPS)
#: What a person may type instead of the right character (Crockford's decoding rules).
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-_.·–—]+")


def new_code() -> str:
    """A random code in the printed form, e.g. ``RTM-7K2Q-9XHD`` (40 bits)."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(_BODY_LENGTH))
    return _format(body)


def _format(body: str) -> str:
    parts, start = [], 0
    for size in GROUPS:
        parts.append(body[start : start + size])
        start += size
    return "-".join([PREFIX, *parts])


def normalize_code(text: str | None) -> str | None:
    """The stored form of what someone typed, or None if it cannot be a code.

    Case, spaces and dashes do not matter, the ``RTM`` prefix may be left out, and O / I / L
    typed by mistake are read as 0 / 1 / 1: " rtm 7k2q 9xhd " → "RTM-7K2Q-9XHD".
    """
    compact = _SEPARATORS.sub("", (text or "").upper())
    if len(compact) == len(PREFIX) + _BODY_LENGTH and compact.startswith(PREFIX):
        compact = compact[len(PREFIX) :]
    body = compact.translate(_LOOKALIKES)
    if len(body) != _BODY_LENGTH or any(ch not in ALPHABET for ch in body):
        return None
    return _format(body)


def issue_certificates(session: Session, participant_ids: Iterable[int]) -> dict[int, str]:
    """Give each participant a certificate code; returns ``{participant_id: code}``.

    A participant who already has one keeps it (reprints show the same code). Only people
    whose status is «Asistió» may receive a constancia: otherwise nothing is issued and a
    ValidationError names every person refused. Each new code is audited; never commits.
    """
    ids = list(dict.fromkeys(participant_ids))
    if not ids:
        return {}
    people = {p.id: p for p in session.scalars(select(Participant).where(Participant.id.in_(ids)))}
    missing = [pid for pid in ids if pid not in people]
    if missing:
        raise NotFoundError(_("No existe el participante con id {missing}.").format(missing=missing[0]))
    refused = [people[pid] for pid in ids if people[pid].status != ParticipantStatus.ATTENDED]
    if refused:
        raise ValidationError(
            [
                FieldError(
                    "participant_ids",
                    _(
                        "{full_name}: no se puede emitir la constancia porque su estatus es «{label}»; sólo quien asistió («{label2}») la recibe."
                    ).format(
                        full_name=p.full_name,
                        label=p.status.label,
                        label2=ParticipantStatus.ATTENDED.label,
                    ),
                )
                for p in refused
            ]
        )
    codes = certificate_codes(session, ids)
    wanted = [pid for pid in ids if pid not in codes]
    fresh = _unused_codes(session, len(wanted))
    for pid, code in zip(wanted, fresh, strict=True):
        certificate = Certificate(participant_id=pid, code=code)
        session.add(certificate)
        session.flush()
        audit.record_create(
            session,
            "certificate",
            certificate.id,
            {"participant_id": pid, "code": code, "event_id": people[pid].event_id},
        )
        codes[pid] = code
    return {pid: codes[pid] for pid in ids}


def _unused_codes(session: Session, count: int) -> list[str]:
    """``count`` distinct new codes that no stored certificate has (collisions are ~1 in 10¹²)."""
    chosen: list[str] = []
    while len(chosen) < count:
        batch = list({new_code() for _ in range(count - len(chosen))} - set(chosen))
        taken = set(session.scalars(select(Certificate.code).where(Certificate.code.in_(batch))))
        chosen += [code for code in batch if code not in taken]
    return chosen


def certificate_codes(session: Session, participant_ids: Iterable[int]) -> dict[int, str]:
    """The codes already issued to these participants (no new ones)."""
    ids = list(participant_ids)
    rows = session.execute(
        select(Certificate.participant_id, Certificate.code).where(Certificate.participant_id.in_(ids))
    )
    return {int(pid): str(code) for pid, code in rows}


def verify_certificate(session: Session, code: str) -> dict[str, Any] | None:
    """What a printed code certifies, or None when no constancia has that code.

    The code is read leniently (see :func:`normalize_code`). ``attended`` is False when the
    participant's attendance was corrected after the constancia was issued: the code is real
    but the constancia should no longer be honoured.
    """
    normalized = normalize_code(code)
    if normalized is None:
        return None
    row = session.execute(
        select(Certificate, Participant, Event)
        .join(Participant, Participant.id == Certificate.participant_id)
        .join(Event, Event.id == Participant.event_id)
        .where(Certificate.code == normalized)
    ).first()
    if row is None:
        return None
    certificate, participant, event = row
    return {
        "code": certificate.code,
        "issued_at": certificate.issued_at,
        "participant_id": participant.id,
        "participant": participant.full_name,
        "participant_code": participant.code,
        "role": participant.role.label,
        "status": participant.status.label,
        "attended": participant.status == ParticipantStatus.ATTENDED,
        "event_id": event.id,
        "event": event.name,
        "edition": event.edition,
        "starts_on": event.starts_on,
        "ends_on": event.ends_on,
        "venue": event.venue_name,
        "city": event.city,
    }
