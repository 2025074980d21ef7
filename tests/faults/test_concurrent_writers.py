"""Several processes writing at once: every write waits its turn, none fails (issue 10, item 6)."""

from __future__ import annotations

from pathlib import Path

from talentdesk.db.session import Database
from tests.cli._support import count_rows
from tests.faults._procs import finish, start_python, wait_for_line
from tests.unit.import_files import write_csv

ADDER = """
    import sys, time
    from pathlib import Path
    from talentdesk.db.session import Database
    from talentdesk.services.members import create_member

    db_path, go, tag, count = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    db = Database.open(db_path)
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.005)
    for i in range(count):
        with db.session() as s:  # reads (e-mail taken?) before it writes: the failing pattern
            create_member(s, {"given_names": f"P{tag}", "paternal_surname": f"N{i}",
                              "email": f"{tag}.{i}@example.com"})
    db.close()
"""

IMPORTER = """
    import sys, time
    from pathlib import Path
    from talentdesk.cli import main

    go = Path(sys.argv[1])
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.005)
    sys.exit(main(sys.argv[2:]))
"""


def test_three_processes_adding_and_an_import_at_once_all_succeed(db_path: Path, tmp_path: Path) -> None:
    Database.open(db_path).close()  # as the app leaves it: current schema, WAL
    rows = [["Nombre(s)", "Apellido paterno", "Correo electrónico"]]
    rows += [[f"Imp{i}", "Carga", f"imp{i}@example.com"] for i in range(1500)]
    source = write_csv(tmp_path / "consulado.csv", rows)
    go = tmp_path / "go"
    adders = [start_python(ADDER, db_path, go, tag, 100) for tag in ("a", "b", "c")]
    importer = start_python(IMPORTER, go, "--db", db_path, "import", "members", source)
    for proc in (*adders, importer):
        wait_for_line(proc, "ready")
    go.touch()

    results = [finish(proc) for proc in (*adders, importer)]

    for code, _out, err in results:
        assert code == 0, err
        assert "bloqueada" not in err
    assert count_rows(db_path) == 300 + 1500
    assert "Se guardaron 1,500 miembros." in results[-1][1]
