"""Damage inside the file and read-only media (issue 10, items 7 and 8)."""

from __future__ import annotations

import contextlib
import json
import random
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from talentdesk.db.backup import quick_check
from talentdesk.db.session import Database
from tests.cli._support import Result, file_hash
from tests.faults._procs import run_in_private_mounts

Cli = Callable[..., Result]


def _damage_old_member_pages(path: Path) -> None:
    """64 KB of random bytes over members' pages in the middle of the file, where adding a
    member never looks (the issue's case: searches and adds went on as if nothing happened)."""
    with contextlib.closing(sqlite3.connect(path)) as con:
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        leaves = [
            r[0]
            for r in con.execute(
                "SELECT pageno FROM dbstat WHERE name = 'members' AND pagetype = 'leaf' ORDER BY pageno"
            )
        ]
    pages = 65536 // page_size
    first = leaves[1]  # not the first nor the last leaf: old rows only
    assert leaves[1 : 1 + pages] == list(range(first, first + pages)), leaves
    with path.open("r+b") as fh:
        fh.seek((first - 1) * page_size)
        fh.write(random.Random(10).randbytes(pages * page_size))


def _as_the_app_leaves_it(path: Path) -> None:
    Database.open(path).close()  # WAL, checkpointed and closed


def test_a_damaged_file_refuses_writes_and_names_the_newest_good_backup(cli: Cli, demo_db_path: Path) -> None:
    _as_the_app_leaves_it(demo_db_path)
    good = cli("--db", demo_db_path, "db", "backup")
    assert good.code == 0, good.err
    backup = Path(good.out.removeprefix("Copia de seguridad escrita en ").strip())
    _damage_old_member_pages(demo_db_path)
    assert quick_check(demo_db_path)  # the damage is real
    before = file_hash(demo_db_path)

    added = cli("--db", demo_db_path, "members", "add", "--given-names", "Ana", "--paternal", "Ruiz")
    assert added.code == 1
    assert "está dañada" in added.err and "no se guardan cambios" in added.err
    assert f"talentdesk db restore «{backup}»" in added.err
    assert "Traceback" not in added.err
    assert file_hash(demo_db_path) == before

    checked = cli("--db", demo_db_path, "db", "check")
    assert checked.code == 1
    assert "Problema: Integridad:" in checked.err
    assert "Traceback" not in checked.err
    assert file_hash(demo_db_path) == before

    restored = cli("--db", demo_db_path, "db", "restore", backup)
    assert restored.code == 0, restored.err
    assert not quick_check(demo_db_path)
    assert "antes-de-restaurar-danada" in restored.out  # what it replaced is kept, marked damaged
    assert cli("--db", demo_db_path, "members", "add", "--given-names", "Ana", "--paternal", "Ruiz").code == 0


def test_a_damaged_file_refuses_an_import_before_it_writes(
    cli: Cli, demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import does not quick_check the file on opening (issue 13): the backup it takes
    before writing is checked instead, a copy of the same file in the same state. The file
    is checked once, and a damaged one is refused as before, with nothing written, no copy
    left and the newest good backup named."""
    from talentdesk.db import backup as backup_module
    from talentdesk.db import health

    _as_the_app_leaves_it(demo_db_path)
    good = cli("--db", demo_db_path, "db", "backup")
    assert good.code == 0, good.err
    kept = Path(good.out.removeprefix("Copia de seguridad escrita en ").strip())
    source = tmp_path / "nuevos.csv"
    source.write_text("Nombre(s),Apellido paterno\nBeto,Vela\nCiro,Núñez\n", encoding="utf-8")
    checks: list[str] = []
    monkeypatch.setattr(health, "quick_check", lambda engine: checks.append("opening") or [])
    copy_check = backup_module.quick_check
    monkeypatch.setattr(backup_module, "quick_check", lambda path: checks.append("copy") or copy_check(path))

    sound = shutil.copyfile(demo_db_path, tmp_path / "sana.sqlite")
    done = cli("--db", sound, "import", "members", source)
    assert done.code == 0, done.err
    assert checks == ["copy"]  # once, the copy taken before writing

    _damage_old_member_pages(demo_db_path)
    before = file_hash(demo_db_path)
    refused = cli("--db", demo_db_path, "import", "members", source)
    assert refused.code == 1
    assert "está dañada" in refused.err and "no se guardan cambios" in refused.err
    assert f"talentdesk db restore «{kept}»" in refused.err
    assert "Traceback" not in refused.err
    assert file_hash(demo_db_path) == before
    assert [p.name for p in kept.parent.iterdir()] == [kept.name]  # no import backup, no .partial


def test_read_only_media_open_read_only_searches_work_and_writes_are_refused(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    assert cli("--db", db_path, "members", "add", "--given-names", "Ana", "--paternal", "López").code == 0
    _as_the_app_leaves_it(db_path)
    medium = tmp_path / "usb"
    medium.mkdir()
    shutil.copyfile(db_path, tmp_path / "copia.sqlite")
    result = run_in_private_mounts(
        f"""
        mount -t tmpfs -o size=64m tmpfs {medium}
        cp {tmp_path / "copia.sqlite"} {medium}/td.sqlite
        mount -o remount,ro {medium}
        td() {{ "$PY" -m talentdesk --db {medium}/td.sqlite "$@"; }}
        echo "== search"; td members search lopez --json || echo "exit=$?"
        echo "== add"; td members add --given-names Beto --paternal Núñez 2>&1 || echo "exit=$?"
        echo "== check"; td db check 2>&1 || echo "exit=$?"
        echo "== files"; ls -a {medium}
        """
    )
    assert result.returncode == 0, result.stderr
    sections = dict(part.split("\n", 1) for part in result.stdout.split("== ")[1:])
    assert json.loads(sections["search"])["total"] == 1
    assert "solo lectura" in result.stderr  # said when opening for the search
    assert (
        "exit=1" in sections["add"]
        and "solo lectura: se puede consultar, no se pueden guardar cambios" in sections["add"]
    )
    assert "exit=" not in sections["check"], sections["check"]
    assert "Solo lectura" in sections["check"] and "sin problemas" in sections["check"]
    assert "Índice de búsqueda dañado" not in sections["check"]
    assert "Traceback" not in result.stdout + result.stderr
    assert sections["files"].split() == [".", "..", "td.sqlite"]
