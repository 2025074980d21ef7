"""Which automatic backups to keep: every one of the last 24 hours, then the newest of each of
the last N days and of each of the last M ISO weeks that have one (restic's keep-daily /
keep-weekly). Manual backups are never deleted.

The numbers are kept in the database (``document_settings``, keys below): the backups folder
belongs to one database, so the database is where its rule lives; the CLI and every desk see the
same rule, and no migration is needed for it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol, TypeVar

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

KEEP_DAILY_KEY = "backups.keep_daily"
KEEP_WEEKLY_KEY = "backups.keep_weekly"
RECENT = timedelta(hours=24)
#: The most days or weeks a rule may keep (a typo must not mean a thousand 1 GB copies).
MAX_KEEP = 365


@dataclass(frozen=True)
class Retention:
    daily: int = 7
    weekly: int = 4


class _Dated(Protocol):
    @property
    def taken_at(self) -> datetime: ...


B = TypeVar("B", bound=_Dated)


def to_delete(backups: Sequence[B], policy: Retention, now: datetime) -> list[B]:
    """The automatic backups ``policy`` no longer keeps (``backups`` holds only automatic ones)."""
    newest_first = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep: set[int] = {i for i, b in enumerate(newest_first) if now - b.taken_at < RECENT}
    for size, bucket in ((policy.daily, _day), (policy.weekly, _week)):
        seen: list[tuple[int, ...]] = []
        for i, backup in enumerate(newest_first):
            key = bucket(backup.taken_at)
            if key in seen:
                continue
            if len(seen) == size:
                break
            seen.append(key)
            keep.add(i)
    return [b for i, b in enumerate(newest_first) if i not in keep]


def _day(at: datetime) -> tuple[int, ...]:
    return (at.year, at.month, at.day)


def _week(at: datetime) -> tuple[int, ...]:
    year, week, _ = at.isocalendar()
    return (year, week)


def read_retention(engine: Engine) -> Retention:
    """The database's rule, or the default (7 daily, 4 weekly) where none is set or readable."""
    try:
        with engine.connect() as conn:
            result = conn.execute(
                text("SELECT key, value FROM document_settings WHERE key IN (:d, :w)"),
                {"d": KEEP_DAILY_KEY, "w": KEEP_WEEKLY_KEY},
            )
            rows = {str(key): str(value) for key, value in result}
    except SQLAlchemyError:  # a schema from before document_settings (0004)
        return Retention()
    return Retention(
        daily=_count(rows.get(KEEP_DAILY_KEY), Retention.daily),
        weekly=_count(rows.get(KEEP_WEEKLY_KEY), Retention.weekly),
    )


def _count(raw: object, default: int) -> int:
    try:
        value = int(str(raw))
    except ValueError:
        return default
    return value if value >= 0 else default


def prune(
    db_file: Path, policy: Retention, now: datetime | None = None, *, keep: set[Path] | None = None
) -> list[Path]:
    """Delete the automatic backups ``policy`` does not keep (never one in ``keep``); returns
    what was deleted. A file that cannot be deleted now (in use, gone) is left for next time."""
    from talentdesk.db.backup import list_backups

    automatic = [b for b in list_backups(db_file, counts=False) if b.kind.automatic]
    spared = {p.resolve() for p in keep or set()}
    deleted: list[Path] = []
    for backup in to_delete(automatic, policy, now or datetime.now()):
        if backup.path.resolve() in spared:
            continue
        with contextlib.suppress(OSError):
            backup.path.unlink()
            deleted.append(backup.path)
    return deleted
