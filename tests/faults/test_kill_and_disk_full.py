"""kill -9 in the middle of writes, and a full disk (issue 10: fault tests).

A killed import, bulk change or restore leaves the database exactly as before (SQLite rolls the
unfinished transaction back when the file is next opened); a full disk makes backups, the search
index rebuild and ordinary writes fail with a Spanish message and nothing changed.
"""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from talentdesk.db.backup import quick_check
from talentdesk.db.session import Database
from tests.cli._support import Result, count_rows, query
from tests.faults._procs import run_in_private_mounts, start_cli, start_python, wait_for_line
from tests.unit.import_files import write_csv

Cli = Callable[..., Result]


def _kill(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)  # reaps it and closes its pipes
    assert proc.returncode == -signal.SIGKILL


def _status_counts(path: Path) -> dict[str, int]:
    return dict(query(path, "SELECT status, count(*) FROM members GROUP BY status"))


def test_kill_9_in_the_middle_of_an_import_leaves_the_database_as_before(
    demo_db_path: Path, tmp_path: Path
) -> None:
    Database.open(demo_db_path).close()
    before = count_rows(demo_db_path)
    rows = [["Nombre(s)", "Apellido paterno", "Correo electrónico", "Ciudad"]]
    rows += [[f"Nombre{i}", f"Apellido{i}", f"persona{i}@example.org", "Toluca"] for i in range(20000)]
    source = write_csv(tmp_path / "grande.csv", rows)
    wal = demo_db_path.with_name(demo_db_path.name + "-wal")
    importer = start_cli("--db", demo_db_path, "import", "members", source)
    deadline = time.monotonic() + 120
    while not (wal.exists() and wal.stat().st_size > 512 * 1024):  # the import is writing
        assert importer.poll() is None, "the import ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    _kill(importer)

    assert not quick_check(demo_db_path)
    assert count_rows(demo_db_path) == before  # nothing of the import, not a part of it
    assert query(demo_db_path, "SELECT count(*) FROM members WHERE email LIKE 'persona%'") == [(0,)]
    db = Database.open(demo_db_path)  # and it opens and works
    db.close()


BULK = """
    import sys, time
    from sqlalchemy import select
    from talentdesk.core.models import Member
    from talentdesk.db.session import Database
    from talentdesk.services import member_bulk

    db = Database.open(sys.argv[1])

    def progress(done, total):
        if done:  # a batch changed and flushed, not committed
            print("halfway", flush=True)
            time.sleep(600)

    with db.session() as s:
        ids = list(s.scalars(select(Member.id)))
        member_bulk.set_field(s, ids, "status", "inactivo", progress=progress)
"""


def test_kill_9_in_the_middle_of_a_bulk_change_leaves_every_member_as_before(demo_db_path: Path) -> None:
    Database.open(demo_db_path).close()
    before = _status_counts(demo_db_path)
    audit_before = count_rows(demo_db_path, "audit_log")
    child = start_python(BULK, demo_db_path)
    wait_for_line(child, "halfway")
    _kill(child)

    assert not quick_check(demo_db_path)
    assert _status_counts(demo_db_path) == before
    assert count_rows(demo_db_path, "audit_log") == audit_before


RESTORE = """
    import sys, time
    from pathlib import Path
    from talentdesk.db.engine import make_engine
    from talentdesk.db.restore import restore_sqlite

    def progress(done, total, text):
        if text.startswith("Restaurando members"):
            print("copying", flush=True)
            time.sleep(600)

    restore_sqlite(make_engine(sys.argv[1], create=False), Path(sys.argv[2]), progress=progress)
"""


def test_kill_9_in_the_middle_of_a_restore_leaves_the_database_as_before(
    demo_db_path: Path, db_path: Path
) -> None:
    Database.open(demo_db_path).close()
    Database.open(db_path).close()  # the "backup": an empty database
    before = count_rows(demo_db_path)
    child = start_python(RESTORE, demo_db_path, db_path)
    wait_for_line(child, "copying")
    _kill(child)

    assert not quick_check(demo_db_path)
    assert count_rows(demo_db_path) == before == 300
    assert query(demo_db_path, "SELECT count(*) FROM sqlite_master WHERE name = 'members_fts_ai'") == [(1,)]


# -- a full disk (a small file system of its own) -------------------------------------------------

FULL_DISK = """
    mount -t tmpfs -o size=4m tmpfs {disk}
    cp {db} {disk}/td.sqlite
    td() {{ "$PY" -m talentdesk --db {disk}/td.sqlite "$@"; }}
    "$PY" -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("SELECT 1 FROM members").fetchall()' {disk}/td.sqlite
    sha256sum {disk}/td.sqlite > {out}/before.sha
    dd if=/dev/zero of={disk}/relleno bs=4096 2>/dev/null || true
    truncate -s -{free} {disk}/relleno
    echo "== backup"; td db backup 2>&1 || echo "exit=$?"
    echo "== add"; td members add --given-names Ana --paternal Llena 2>&1 || echo "exit=$?"
    echo "== reindex"; td db reindex 2>&1 || echo "exit=$?"
    rm {disk}/relleno
    sha256sum {disk}/td.sqlite > {out}/after.sha
    echo "== count"; "$PY" -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM members WHERE paternal_surname = ?", ("Llena",)).fetchone()[0])' {disk}/td.sqlite
    echo "== files"; ls -a {disk} {disk}/backups 2>&1 || true
"""


@pytest.mark.parametrize(
    ("free_kib", "says"),
    [(64, ("lleno", "no hay espacio")), (16, ("disco",))],  # 16 KiB: not even SQLite's -shm fits
    ids=["nearly-full", "full"],
)
def test_a_full_disk_makes_backup_writes_and_reindex_fail_cleanly(
    demo_db_path: Path, tmp_path: Path, free_kib: int, says: tuple[str, ...]
) -> None:
    Database.open(demo_db_path).close()
    disk, out = tmp_path / "disco", tmp_path / "salida"
    disk.mkdir()
    out.mkdir()
    script = FULL_DISK.format(disk=disk, db=demo_db_path, out=out, free=free_kib * 1024)
    result = run_in_private_mounts(script)
    assert result.returncode == 0, result.stderr
    sections = dict(part.split("\n", 1) for part in result.stdout.split("== ")[1:])
    for name in ("backup", "add", "reindex"):
        assert "exit=1" in sections[name], (name, sections[name])
        assert sections[name].startswith("Error: "), (name, sections[name])
        assert any(word in sections[name] for word in says), (name, sections[name])
        assert "Traceback" not in sections[name]
        assert "No space" not in sections[name] and "disk is full" not in sections[name]
    assert sections["count"].strip() == "0"
    before = (out / "before.sha").read_text().split()[0]
    assert (out / "after.sha").read_text().split()[0] == before  # the file is as it was
    assert ".partial" not in sections["files"]  # no half-written backup left behind


def test_an_operation_on_a_full_database_fails_with_the_disk_full_message(demo_db_path: Path) -> None:
    """The GUI's writes go through ops.perform and its row journal: a full disk makes SQLite roll
    the transaction back by itself, and the message must still say why (it said "no such table:
    temp.td_journal_state" before)."""
    from sqlalchemy import event

    from talentdesk import ops
    from talentdesk.core.errors import DatabaseError
    from talentdesk.services.members import create_member

    db = Database.open(demo_db_path)
    try:
        with db.engine.connect() as conn:
            pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

        @event.listens_for(db.engine, "connect")
        def _no_room(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.execute(f"PRAGMA max_page_count={pages}")  # the file may not grow: full

        db.engine.dispose()
        before = count_rows(demo_db_path)
        many = [
            {"given_names": f"Ana{i}", "paternal_surname": "Llena", "notes": "x" * 3000} for i in range(60)
        ]
        with pytest.raises(DatabaseError, match="El disco está lleno"):
            ops.perform(db, ops.Op("Agregar", lambda s, _j: [create_member(s, v) for v in many]))
    finally:
        db.close()
    assert count_rows(demo_db_path) == before
