"""Anonymising a member (Cancelación) as an operation of its own kind: it cannot be undone.

``undoable=False``: the journal's inverse would hold the very personal data the operation
removes, so no undo step is kept (and the operation is not in ``ops.registry``, whose property
test proves that every listed operation undoes exactly). After it, :func:`purge` compacts the
search index and the write-ahead log so the removed words leave the database file too.
"""

from __future__ import annotations

import contextlib

from talentdesk.core.i18n import _
from talentdesk.db.session import Database
from talentdesk.ops import Op
from talentdesk.services import privacy


def anonymize(member_id: int) -> Op[privacy.AnonymizeResult]:
    return Op(
        _("Anonimizar miembro"),
        lambda s, _j: privacy.anonymize_member(s, member_id),
        undoable=False,
        message=lambda r: _("Miembro {id} anonimizado.").format(id=r.member_id),
    )


def purge(db: Database) -> bool:
    """Merge the search index and checkpoint the WAL, in their own transaction, after an
    anonymisation; False if the database was busy (searches already cannot find the words;
    the next ``db reindex`` compacts the index too)."""
    try:
        with db.session() as session:
            privacy.purge_search_index(session)
    except Exception:
        return False
    with contextlib.suppress(Exception), db.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return True
