"""Automatic backups: names, kinds, listing with counts, rotation (7 daily + 4 weekly), policy."""

from __future__ import annotations

import stat
import threading
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from talentdesk.core.errors import Cancelled, ValidationError
from talentdesk.db.backup import (
    BackupKind,
    automatic_backup,
    backup_before_import,
    daily_backup_due,
    kind_of_path,
    list_backups,
    new_backup_path,
)
from talentdesk.db.restore import restore_sqlite
from talentdesk.db.retention import Retention, prune, read_retention, to_delete
from talentdesk.db.session import Database
from talentdesk.services.backup_settings import set_retention
from talentdesk.services.members import count_members

from .helpers import add, sql_scalar

pytestmark = pytest.mark.sqlite_only(reason="it is about the SQLite database file (copies, backups, restores of the file); PostgreSQL backups are pg_dump's (issue 16, not built yet)")


@dataclass(frozen=True)
class Stamp:
    taken_at: datetime


NOW = datetime(2026, 12, 7, 12, 0)  # a Monday


def _kept(stamps: list[datetime], policy: Retention) -> list[datetime]:
    items = [Stamp(s) for s in stamps]
    gone = {id(x) for x in to_delete(items, policy, NOW)}
    return sorted((x.taken_at for x in items if id(x) not in gone), reverse=True)


def test_rotation_keeps_the_last_day_then_one_a_day_then_one_a_week() -> None:
    stamps = [NOW - timedelta(hours=h) for h in (1, 5, 20)]  # within 24 hours: all kept (7th, 6th)
    stamps += [NOW - timedelta(days=d, hours=h) for d in range(1, 60) for h in (2, 8)]  # two a day
    kept = _kept(stamps, Retention(daily=7, weekly=4))
    within_day = [s for s in kept if NOW - s < timedelta(hours=24)]
    assert len(within_day) == 3
    days = sorted({s.date() for s in kept}, reverse=True)
    assert days[:7] == [date(2026, 12, 7) - timedelta(days=d) for d in range(7)]
    # each kept day holds its newest copy only (beyond the last 24 hours)
    for day in days:
        same = [s for s in kept if s.date() == day and NOW - s >= timedelta(hours=24)]
        assert len(same) <= 1
    weeks = {s.isocalendar()[:2] for s in kept}
    assert len(weeks) == 4  # 7 days span two ISO weeks; the weekly rule adds two older weeks
    assert min(kept) >= NOW - timedelta(days=28)
    # the last 24 hours' three, the newest of the 5 days before them, 2 older weeks
    assert len(kept) == 3 + 5 + 2


def test_rotation_with_other_numbers_and_nothing_to_delete() -> None:
    stamps = [NOW - timedelta(days=d) for d in range(1, 40)]
    assert _kept(stamps, Retention(daily=2, weekly=0)) == stamps[:2]
    assert _kept([], Retention()) == []
    assert _kept(stamps[:3], Retention()) == sorted(stamps[:3], reverse=True)


def test_automatic_backups_are_named_by_kind_listed_with_counts_and_private(
    db: Database, db_path: Path
) -> None:
    with db.session() as s:
        add(s, "Ana", "Núñez")
    written = [automatic_backup(db.engine, kind) for kind in BackupKind if kind.automatic]
    imported = backup_before_import(db.engine)
    assert imported is not None and imported.name.endswith("-antes-de-importar.sqlite")
    listed = list_backups(db_path)
    assert {b.path for b in listed} == {*written, imported}
    assert all(b.members == 1 and b.events == 0 and b.size > 0 for b in listed)
    assert {kind_of_path(p) for p in written} == {k for k in BackupKind if k.automatic}
    assert all(stat.S_IMODE(b.path.stat().st_mode) == 0o600 for b in listed)
    assert [b.taken_at for b in listed] == sorted((b.taken_at for b in listed), reverse=True)
    assert daily_backup_due(db_path, date.today() + timedelta(days=1))
    assert not daily_backup_due(db_path)


def test_prune_deletes_old_automatic_backups_but_never_manual_ones(db: Database, db_path: Path) -> None:
    folder = db_path.parent / "backups"
    folder.mkdir()
    names = []
    for days in range(0, 40):
        at = NOW - timedelta(days=days)
        for suffix in ("-diaria", ""):
            name = f"talentdesk-{at:%Y%m%d-%H%M%S}{suffix}.sqlite"
            (folder / name).write_bytes(b"x")
            names.append(name)
    (folder / "mi-copia.sqlite").write_bytes(b"x")  # not a name TalentDesk gives: left alone

    deleted = prune(db_path, Retention(daily=7, weekly=4), now=NOW)

    left = sorted(p.name for p in folder.iterdir())
    manual = [n for n in names if not n.endswith("-diaria.sqlite")]
    assert set(manual) <= set(left) and "mi-copia.sqlite" in left
    assert len([n for n in left if n.endswith("-diaria.sqlite")]) == 1 + 6 + 2
    assert len(deleted) == 40 - 9


def test_retention_is_kept_in_the_database_audited_and_validated(db: Database) -> None:
    assert read_retention(db.engine) == Retention(7, 4)
    with db.session() as s:
        set_retention(s, daily=10)
    assert read_retention(db.engine) == Retention(10, 4)
    with db.session() as s:
        set_retention(s, weekly=0)
    assert read_retention(db.engine) == Retention(10, 0)
    for bad in ({"daily": 0}, {"weekly": -1}, {"daily": 366}):
        with pytest.raises(ValidationError, match="Copias de seguridad"), db.session() as s:
            set_retention(s, **bad)
    assert read_retention(db.engine) == Retention(10, 0)
    assert (
        sql_scalar(
            Path(str(db.engine.url.database)),
            "SELECT count(*) FROM audit_log WHERE field LIKE 'backups.%'",
        )
        == 2
    )


class _FrozenClock(datetime):
    @classmethod
    def now(cls, tz: object = None) -> _FrozenClock:  # type: ignore[override]
        return cls(2026, 12, 7, 8, 9, 10)


def test_new_backup_names_never_collide(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("talentdesk.db.backup.datetime", _FrozenClock)
    first = new_backup_path(db_path, BackupKind.DAILY)
    first.parent.mkdir()
    first.write_bytes(b"")
    second = new_backup_path(db_path, BackupKind.DAILY)
    assert (first.name, second.name) == (
        "talentdesk-20261207-080910-diaria.sqlite",
        "talentdesk-20261207-080910-2-diaria.sqlite",
    )
    assert kind_of_path(second) is BackupKind.DAILY
    second.write_bytes(b"")
    assert [b.path for b in list_backups(db_path, counts=False)] == [second, first]


def test_a_cancelled_restore_leaves_the_database_as_it_was(db: Database, tmp_path: Path) -> None:
    with db.session() as s:
        add(s, "Ana", "Antes")
    from talentdesk.db.backup import backup_sqlite

    saved = backup_sqlite(db.engine, tmp_path / "guardada.sqlite")
    with db.session() as s:
        add(s, "Beto", "Después")
    abort = threading.Event()
    seen: list[str] = []

    def progress(_done: int, _total: int, text: str) -> None:
        seen.append(text)
        if text.startswith("Restaurando"):
            abort.set()  # cancel in the middle of copying the tables

    with pytest.raises(Cancelled, match="quedó como estaba"):
        restore_sqlite(db.engine, saved, progress=progress, abort=abort)
    with db.reader() as s:
        assert count_members(s) == 2
    assert any(t.startswith("Restaurando") for t in seen)


def test_a_restore_is_recorded_in_the_restored_audit_trail(db: Database, tmp_path: Path) -> None:
    from talentdesk.db.backup import backup_sqlite

    saved = backup_sqlite(db.engine, tmp_path / "guardada.sqlite")
    safety = restore_sqlite(db.engine, saved)
    with db.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT action, new_value FROM audit_log WHERE entity = 'database'").one()
    assert row[0] == "restore"
    assert str(saved) in row[1] and str(safety) in row[1]


def test_a_restore_never_rotates_away_the_backup_it_restores(db: Database, db_path: Path) -> None:
    """An old daily copy, outside the rule, chosen for a restore: the safety copy's rotation
    must not delete it before (or while) it is read."""
    with db.session() as s:
        add(s, "Ana", "Vieja")
        set_retention(s, daily=1, weekly=0)  # only the newest copy is kept
    old = db_path.parent / "backups" / "talentdesk-20200101-080000-diaria.sqlite"
    from talentdesk.db.backup import backup_sqlite

    backup_sqlite(db.engine, old)
    with db.session() as s:
        add(s, "Beto", "Nueva")
    restore_sqlite(db.engine, old)
    assert old.is_file()
    with db.reader() as s:
        assert count_members(s) == 1
    prune(db_path, Retention(daily=1, weekly=0))  # the next rotation may take it
    assert not old.exists()
