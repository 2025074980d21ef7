"""`db restore` while another process writes: nobody's committed work is lost (issue 10, item 1).

Before the fix restore took its safety copy first, then waited silently for the write lock and
replaced the file: what the other process committed meanwhile was in neither file.
"""

from __future__ import annotations

import time
from pathlib import Path

from talentdesk.db.session import Database
from tests.cli._support import count_rows, query
from tests.faults._procs import finish, start_cli, start_python, wait_for_line
from tests.unit.import_files import write_csv

HOLDER = """
    import sys, time
    from pathlib import Path
    from talentdesk.db.session import Database
    from talentdesk.services.members import create_member

    db, release = Database.open(sys.argv[1]), Path(sys.argv[2])
    with db.session() as s:
        for i in range(3):
            create_member(s, {"given_names": "Comprometida", "paternal_surname": f"Otra{i}"})
        s.flush()  # the write lock is held from here on
        print("locked", flush=True)
        while not release.exists():
            time.sleep(0.01)
    print("committed", flush=True)
    db.close()
"""


def _prepared(db_path: Path, tmp_path: Path) -> Path:
    """The live database (one member, WAL, as the app leaves it) and a backup of it to restore."""
    db = Database.open(db_path)
    try:
        from tests.unit.helpers import add

        with db.session() as s:
            add(s, "Ana", "Respaldada")
    finally:
        db.close()
    backup = tmp_path / "respaldo.sqlite"
    code, _out, err = finish(start_cli("--db", db_path, "db", "backup", backup))
    assert code == 0, err
    return backup


def _committed_names(path: Path) -> list[str]:
    rows = query(path, "SELECT paternal_surname FROM members WHERE given_names = 'Comprometida'")
    return sorted(r[0] for r in rows)


def _wait_a_moment_for(folder: Path, seconds: float) -> None:
    """Let the restore get going: until it writes its safety copy (the old order) or ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not any(folder.glob("*.sqlite")):
        time.sleep(0.02)


def test_restore_waits_for_a_writer_and_its_commit_lands_in_the_safety_copy(
    db_path: Path, tmp_path: Path
) -> None:
    backup = _prepared(db_path, tmp_path)
    release = tmp_path / "release"
    holder = start_python(HOLDER, db_path, release)
    wait_for_line(holder, "locked")

    restore = start_cli("--db", db_path, "db", "restore", backup)
    _wait_a_moment_for(db_path.parent / "backups", 3)
    release.touch()
    holder_code, _out, holder_err = finish(holder)
    code, out, err = finish(restore)

    assert holder_code == 0, holder_err
    assert code == 0, err
    safety = Path(out.rsplit("La anterior quedó en ", 1)[1].strip())
    assert _committed_names(safety) == ["Otra0", "Otra1", "Otra2"]  # the other process's work
    assert count_rows(safety) == 4
    assert count_rows(db_path) == 1  # the live file holds the backup's content
    assert "Traceback" not in err


def test_restore_refuses_when_another_process_keeps_writing(db_path: Path, tmp_path: Path) -> None:
    backup = _prepared(db_path, tmp_path)
    release = tmp_path / "release"
    holder = start_python(HOLDER, db_path, release)
    wait_for_line(holder, "locked")
    try:
        code, out, err = finish(start_cli("--db", db_path, "db", "restore", backup, "--wait", "0.5"))
    finally:
        release.touch()
    holder_code, _out, holder_err = finish(holder)

    assert code == 1
    assert "en uso por otro proceso" in err
    assert "No se restauró nada" in err
    assert "Traceback" not in err and out == ""
    assert holder_code == 0, holder_err
    assert _committed_names(db_path) == ["Otra0", "Otra1", "Otra2"]
    assert count_rows(db_path) == 4
    assert not (db_path.parent / "backups").exists()  # no safety copy: nothing was attempted


def test_an_import_committing_while_restore_runs_is_never_lost(db_path: Path, tmp_path: Path) -> None:
    """The issue's case, smaller: an import in one process, a restore in another."""
    backup = _prepared(db_path, tmp_path)
    rows = [["Nombre(s)", "Apellido paterno", "Correo electrónico"]]
    rows += [[f"Imp{i}", "Importada", f"imp{i}@example.com"] for i in range(3000)]
    source = write_csv(tmp_path / "consulado.csv", rows)

    importer = start_cli("--db", db_path, "import", "members", source)
    time.sleep(0.3)
    restore = start_cli("--db", db_path, "db", "restore", backup, "--wait", "60")
    import_code, _iout, import_err = finish(importer)
    code, out, err = finish(restore)

    assert import_code == 0, import_err
    assert code == 0, err
    safety = Path(out.rsplit("La anterior quedó en ", 1)[1].strip())
    imported = "SELECT count(*) FROM members WHERE paternal_surname = 'Importada'"
    in_live, in_safety = query(db_path, imported)[0][0], query(safety, imported)[0][0]
    # Either the import committed first (then it is in the safety copy) or it waited for the
    # restore and wrote after it (then it is in the live file): never in neither.
    assert (in_live, in_safety) in ((0, 3000), (3000, 0))
