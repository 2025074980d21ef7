"""The export log (bitácora de exportaciones): every export with personal data, who made it,
when, which document, how many people, with which filters, to which file.

An entry is written *before* the file (``begin``, committed in its own transaction) and
completed after it (``complete``), or removed when the export fails or is cancelled
(``discard``): a failed or cancelled export logs nothing, and an entry left "en curso" says
that an export started whose outcome was never recorded — the file may exist — rather than
letting a file with personal data go unlogged. Reading and writing the file happen outside
both transactions, so nothing holds the write lock while a large export runs.

The members in a file are kept per entry as their sorted ids, delta-encoded and compressed
(:func:`pack_ids`): a 100,000-member export adds about a kilobyte and a few milliseconds, and
"which exports included member N?" (the Acceso export) unpacks only entries whose id range
covers N.
"""

from __future__ import annotations

import json
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from itertools import accumulate, pairwise
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from talentdesk.core.errors import NotFoundError
from talentdesk.core.events import Participant
from talentdesk.core.i18n import N_, _
from talentdesk.core.models import ExportLogEntry, utcnow
from talentdesk.core.text import readable_file_name
from talentdesk.services import audit

IN_PROGRESS = "en_curso"
COMPLETE = "completa"
STATUS_LABELS = {IN_PROGRESS: N_("En curso (sin confirmar)"), COMPLETE: N_("Completa")}

#: Spanish names of the export kinds (``exports.registry`` kinds), as the log shows them.
KIND_LABELS = {
    "members": N_("Miembros (hoja completa o copia externa)"),
    "table": N_("Miembros (tabla como se ve)"),
    "directory": N_("Directorio de miembros"),
    "participants": N_("Participantes"),
    "rooming": N_("Rooming list"),
    "arrivals": N_("Llegadas y salidas"),
    "badges": N_("Gafetes"),
    "packets": N_("Paquetes de bienvenida"),
    "certificates": N_("Constancias"),
    "signin": N_("Hojas de firmas"),
    "agenda": N_("Agenda"),
    "reference": N_("Lista completa"),
    "rows": N_("Tabla como se ve"),
    "personal": N_("Datos de la persona (derecho de acceso)"),
}


# -- the members of an entry, compactly ---------------------------------------------------------


def pack_ids(ids: Iterable[int]) -> tuple[bytes, int, int | None, int | None]:
    """(blob, count, first, last) of the distinct ids: sorted, delta-encoded, zlib-compressed."""
    unique = array("q", sorted(set(ids)))
    if not unique:
        return b"", 0, None, None
    deltas = array("q", [unique[0]])
    deltas.extend(b - a for a, b in pairwise(unique))
    return zlib.compress(deltas.tobytes(), 6), len(unique), unique[0], unique[-1]


def unpack_ids(blob: bytes | None) -> array[int]:
    if not blob:
        return array("q")
    deltas = array("q")
    deltas.frombytes(zlib.decompress(blob))
    return array("q", accumulate(deltas))


def _contains(blob: bytes | None, member_id: int) -> bool:
    ids = unpack_ids(blob)
    at = bisect_left(ids, member_id)
    return at < len(ids) and ids[at] == member_id


# -- writing ------------------------------------------------------------------------------------


def begin(session: Session, kind: str, filters: Mapping[str, Any], file_name: str) -> int:
    """An entry "en curso" for an export about to write ``file_name``; returns its id."""
    entry = ExportLogEntry(
        at=utcnow(),
        user=audit.current_user(),
        kind=kind,
        status=IN_PROGRESS,
        people=0,
        filters=json.dumps(dict(filters), ensure_ascii=False, default=str),
        file_name=readable_file_name(file_name),
        member_count=0,
    )
    session.add(entry)
    session.flush()
    return entry.id


def complete(
    session: Session,
    entry_id: int,
    *,
    people: int,
    member_ids: Iterable[int],
    file_name: str | None = None,
) -> None:
    """The file is written: record how many people it holds and which members."""
    entry = session.get(ExportLogEntry, entry_id)
    if entry is None:
        raise NotFoundError(
            _("No existe la entrada {entry_id} de la bitácora de exportaciones.").format(entry_id=entry_id)
        )
    blob, count, first, last = pack_ids(member_ids)
    entry.status = COMPLETE
    entry.people = people
    entry.member_ids = blob or None
    entry.member_count = count
    entry.first_member_id = first
    entry.last_member_id = last
    if file_name is not None:
        entry.file_name = readable_file_name(file_name)


def members_of_participants(session: Session, participant_ids: Iterable[int]) -> list[int]:
    """The members behind event participants (guests have none)."""
    wanted = list(dict.fromkeys(participant_ids))
    found: list[int] = []
    for start in range(0, len(wanted), 900):
        chunk = wanted[start : start + 900]
        found += session.scalars(
            select(Participant.member_id).where(Participant.id.in_(chunk), Participant.member_id.is_not(None))
        )
    return found


def discard(session: Session, entry_id: int) -> None:
    """The export failed or was cancelled: no file, no entry."""
    session.execute(delete(ExportLogEntry).where(ExportLogEntry.id == entry_id))


# -- reading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LogEntry:
    """An entry as plain data (the log window, ``talentdesk exports log``, the Acceso export)."""

    id: int
    at: datetime
    user: str
    kind: str
    status: str
    people: int
    members: int
    filters: dict[str, Any]
    file_name: str

    @property
    def kind_label(self) -> str:
        return _(KIND_LABELS[self.kind]) if self.kind in KIND_LABELS else self.kind

    @property
    def status_label(self) -> str:
        return _(STATUS_LABELS[self.status]) if self.status in STATUS_LABELS else self.status

    @property
    def filters_text(self) -> str:
        """«Capítulo: Houston · Copia externa: sí», or «(todos)»."""
        parts = [f"{key}: {_shown(value)}" for key, value in self.filters.items()]
        return " · ".join(parts) or _("(sin filtros)")

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "fecha": self.at.isoformat(timespec="seconds"),
            "usuario": self.user,
            "tipo": self.kind,
            "documento": self.kind_label,
            "estado": self.status_label,
            "personas": self.people,
            "miembros": self.members,
            "filtros": self.filters,
            "archivo": self.file_name,
        }


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "sí" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


_COLUMNS = (
    ExportLogEntry.id,
    ExportLogEntry.at,
    ExportLogEntry.user,
    ExportLogEntry.kind,
    ExportLogEntry.status,
    ExportLogEntry.people,
    ExportLogEntry.member_count,
    ExportLogEntry.filters,
    ExportLogEntry.file_name,
)


def _entry(row: Any) -> LogEntry:
    try:
        filters = json.loads(row.filters or "{}")
    except ValueError:
        filters = {"filtros": row.filters}
    return LogEntry(
        id=row.id,
        at=row.at,
        user=row.user,
        kind=row.kind,
        status=row.status,
        people=row.people,
        members=row.member_count,
        filters=filters if isinstance(filters, dict) else {"filtros": filters},
        file_name=row.file_name,
    )


def entries(session: Session, *, limit: int | None = None, offset: int = 0) -> list[LogEntry]:
    """Newest first."""
    stmt = select(*_COLUMNS).order_by(ExportLogEntry.id.desc()).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [_entry(row) for row in session.execute(stmt)]


def count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(ExportLogEntry)) or 0)


def entries_including(session: Session, member_id: int) -> list[LogEntry]:
    """The entries whose file included the member, oldest first. Only entries whose id range
    covers the member are unpacked."""
    stmt = (
        select(*_COLUMNS, ExportLogEntry.member_ids)
        .where(
            ExportLogEntry.first_member_id <= member_id,
            ExportLogEntry.last_member_id >= member_id,
        )
        .order_by(ExportLogEntry.id)
    )
    return [_entry(row) for row in session.execute(stmt) if _contains(row.member_ids, member_id)]


def member_ids_of(session: Session, entry_id: int) -> array[int]:
    blob = session.scalar(select(ExportLogEntry.member_ids).where(ExportLogEntry.id == entry_id))
    return unpack_ids(blob)
