"""Apply an import plan and keep it in the import history (``services/import_history``)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from talentdesk.core.errors import TalentDeskError
from talentdesk.core.models import Member
from talentdesk.db.backup import (
    BackupKind,
    DamagedCopyError,
    automatic_backup,
    backup_before_import,
    rotate_backups,
)
from talentdesk.db.engine import sqlite_path
from talentdesk.db.health import damage_error
from talentdesk.db.paths import backups_dir_for
from talentdesk.imports.apply import apply_import
from talentdesk.imports.plan import Action, ImportPlan, ImportResult
from talentdesk.services import import_history
from talentdesk.services.members import member_values

UPDATING = (Action.UPDATE, Action.FILL, Action.OVERWRITE)
CHUNK = 900


def _values(session: Session, ids: list[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), CHUNK):
        stmt = (
            select(Member)
            .where(Member.id.in_(ids[start : start + CHUNK]))
            .options(selectinload(Member.sector_links), selectinload(Member.contributions))
        )
        out.update({m.id: member_values(m) for m in session.scalars(stmt)})
    return out


class EarlyBackup:
    """The backup an import takes before it writes, started as soon as the writing session
    holds the write lock, so SQLite copies and checks the file on the other core while this
    one reads and checks the spreadsheet (at a million members the backup is ≈ 3 s, nearly all
    of it in SQLite with the GIL released).

    The copy is the state the import starts from: nobody can write while the session holds the
    lock. If the import then writes nothing, ``discard`` removes the copy again.
    """

    def __init__(self, session: Session) -> None:
        self._engine = engine = session.get_bind().engine
        db_file = sqlite_path(engine)
        self._folder = backups_dir_for(db_file) if db_file is not None else None
        self._new_folder = self._folder is not None and not self._folder.exists()
        pool = ThreadPoolExecutor(1, thread_name_prefix="import-backup")
        # Old backups are rotated only once the import writes (``result``): one that writes
        # nothing leaves the backups folder exactly as it found it.
        self._future: Future[Path | None] = pool.submit(
            automatic_backup, engine, BackupKind.IMPORT, rotate=False
        )
        pool.shutdown(wait=False)

    def result(self) -> Path | None:
        """The backup's path once it is written (and the old ones rotated, as the backup before
        any import does); its error (a damaged file…) if it failed."""
        try:
            path = self._future.result()
        except DamagedCopyError as exc:
            # The copy failed quick_check, so the file it copies is damaged (the CLI does not
            # check it again on opening): refused before any write, naming a good backup.
            raise damage_error(self._engine) from exc
        rotate_backups(self._engine)
        return path

    def discard(self) -> None:
        """The import wrote nothing: wait for the copy and remove it (a failed one left none),
        and the backups folder if this backup made it."""
        with contextlib.suppress(TalentDeskError, OSError):
            path = self._future.result()
            if path is not None:
                path.unlink(missing_ok=True)
        if self._new_folder and self._folder is not None:
            with contextlib.suppress(OSError):
                self._folder.rmdir()


def apply_and_record(
    session: Session,
    plan: ImportPlan,
    *,
    valid_only: bool = False,
    progress: Callable[[int, int], None] | None = None,
    abort: threading.Event | None = None,
    backup: EarlyBackup | None = None,
) -> tuple[ImportResult, int | None]:
    """Write the plan, then record what it created and, field by field, what it changed.

    ``backup``: the pre-import backup already started under this session's lock; else it is
    taken here, before anything is written."""
    if backup is not None:
        backup.result()
    else:
        backup_before_import(session.get_bind().engine)  # under this session's write lock
    targets = sorted({r.target for r in plan.rows if r.ok and r.action in UPDATING and r.target is not None})
    before = _values(session, targets)
    result = apply_import(session, plan, valid_only=valid_only, progress=progress, abort=abort)
    session.flush()
    after = _values(session, sorted(result.updated_ids))
    changed = {}
    for member_id, now in after.items():
        old = before.get(member_id, {})
        fields = [k for k in now if old.get(k) != now[k]]
        if fields:
            changed[member_id] = ({k: old.get(k) for k in fields}, {k: now[k] for k in fields})
    summary = result.summary
    run_id = import_history.record_run(
        session,
        plan.source.name,
        rows=summary.rows,
        skipped=summary.skipped,
        errors=summary.errors,
        created_ids=result.created_ids,
        changed=changed,
    )
    return result, run_id
