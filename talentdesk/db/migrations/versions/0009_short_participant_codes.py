"""short participant codes: codes made from a free-text edition become prefix + year + number

Codes were the event's prefix, its edition (free text) and a number, so an edition «1.ª
edición» made «JI1.ª edición-0001»: spaces and non-ASCII printed under the QR code, in packets
and the rooming list. New codes are JI27-0001 (services.event_participants.next_code). Here:

* a code prefix that is not plain capital letters A–Z loses its accents and other characters
  («JIÑ» → «JIN»; nothing left → «JI»);
* a code that is not ASCII capital letters and digits, a hyphen and a number is given the new
  form, numbered after every code already issued with the same stem, in event date and
  registration order. Codes already in a good form (JI2027-0001) stay as issued.

Each change is written to the audit log (so a participant's history shows the code printed
before), and a downgrade reads those rows to give the old codes back. Constancias are not
touched: their verification code is their own (certificates.code), not the participant's.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 19:00:00
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Who the audit log says made the change (the downgrade finds its rows by it).
AUDIT_USER = "TalentDesk (migración 0009)"
PREFIX = re.compile(r"[A-Z]{1,8}")
GOOD_CODE = re.compile(r"[A-Z0-9]{1,16}-[0-9]{1,8}")


def _plain_prefix(prefix: str | None) -> str:
    letters = unicodedata.normalize("NFKD", (prefix or "").upper()).encode("ascii", "ignore").decode()
    return "".join(ch for ch in letters if "A" <= ch <= "Z")[:8] or "JI"


def _year(value: object) -> int:
    return value.year if isinstance(value, date) else int(str(value)[:4])


def upgrade() -> None:
    conn = op.get_bind()
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")  # as DateTime stores naive UTC
    audit = sa.text(
        "INSERT INTO audit_log (at, user, entity, entity_id, action, field, old_value, new_value) "
        "VALUES (:at, :user, :entity, :id, 'update', :field, :old, :new)"
    )
    prefixes: dict[int, str] = {}
    for event_id, prefix in conn.execute(sa.text("SELECT id, code_prefix FROM events")):
        prefixes[event_id] = prefix if prefix and PREFIX.fullmatch(prefix) else _plain_prefix(prefix)
        if prefixes[event_id] != prefix:
            conn.execute(
                sa.text("UPDATE events SET code_prefix = :p WHERE id = :id"),
                {"p": prefixes[event_id], "id": event_id},
            )
            conn.execute(
                audit,
                {
                    "at": now,
                    "user": AUDIT_USER,
                    "entity": "event",
                    "id": event_id,
                    "field": "code_prefix",
                    "old": prefix,
                    "new": prefixes[event_id],
                },
            )
    rows = conn.execute(
        sa.text(
            "SELECT p.id, p.code, p.event_id, e.starts_on FROM participants p "
            "JOIN events e ON e.id = p.event_id ORDER BY e.starts_on, e.id, p.id"
        )
    ).all()
    issued = {code for _id, code, _event, _start in rows}
    last: dict[str, int] = {}
    for code in issued:
        stem, _sep, number = code.rpartition("-")
        if number.isdigit():
            last[stem] = max(last.get(stem, 0), int(number))
    for participant_id, code, event_id, starts_on in rows:
        if code.isascii() and GOOD_CODE.fullmatch(code):
            continue
        stem = f"{prefixes[event_id]}{_year(starts_on) % 100:02d}"
        last[stem] = last.get(stem, 0) + 1
        new = f"{stem}-{last[stem]:04d}"
        conn.execute(
            sa.text("UPDATE participants SET code = :c WHERE id = :id"), {"c": new, "id": participant_id}
        )
        conn.execute(
            audit,
            {
                "at": now,
                "user": AUDIT_USER,
                "entity": "participant",
                "id": participant_id,
                "field": "code",
                "old": code,
                "new": new,
            },
        )


def downgrade() -> None:
    conn = op.get_bind()
    changed = conn.execute(
        sa.text(
            "SELECT id, entity, entity_id, field, old_value FROM audit_log "
            "WHERE user = :user AND action = 'update' ORDER BY id DESC"
        ),
        {"user": AUDIT_USER},
    ).all()
    tables = {("participant", "code"): "participants", ("event", "code_prefix"): "events"}
    for audit_id, entity, entity_id, field, old in changed:
        table = tables.get((entity, field))
        if table is not None:
            conn.execute(
                sa.text(f"UPDATE {table} SET {field} = :old WHERE id = :id"), {"old": old, "id": entity_id}
            )
        conn.execute(sa.text("DELETE FROM audit_log WHERE id = :id"), {"id": audit_id})
