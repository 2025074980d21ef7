"""Import history: every import is listed and can be undone as one step, while nothing touched
what it wrote; otherwise the undo refuses and names the member."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text

from talentdesk import ops
from talentdesk.core.errors import ConflictError
from talentdesk.core.models import Member
from talentdesk.db.session import Database
from talentdesk.imports.prepare import prepare_import
from talentdesk.imports.reading import read_source
from talentdesk.ops import imports as ops_imports
from talentdesk.services import chapters, event_participants, events, import_history
from talentdesk.services.members import create_member, member_values, update_member
from tests.unit.ops_support import dump, timeless


def _file(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Nombre", "Apellido paterno", "Correo", "Ciudad", "País"])
        writer.writerows(rows)
    return path


@pytest.fixture()
def known(db: Database) -> int:
    with db.session() as s:
        return create_member(
            s,
            {
                "given_names": "Inés",
                "paternal_surname": "Ibáñez",
                "email": "ines@example.com",
                "city": "Chicago",
            },
        ).id


def _import(db: Database, path: Path) -> ops.Outcome[tuple[object, int | None]]:
    with db.reader() as s:
        plan = prepare_import(s, read_source(path), on_duplicate="overwrite")
    return ops.perform(db, ops_imports.apply(plan))


def test_an_import_is_listed_and_its_undo_puts_everything_back(
    db: Database, known: int, tmp_path: Path
) -> None:
    path = _file(
        tmp_path / "consulado.csv",
        [
            ["Rocío", "Nueva", "rocio@example.com", "Denver", "US"],
            ["Inés", "Ibáñez", "ines@example.com", "Austin", "US"],
        ],
    )
    before = dump(db)
    done = _import(db, path)
    with db.reader() as s:
        runs = import_history.list_runs(s)
        assert member_values(s.get(Member, known))["city"] == "Austin"
    assert [(r.file_name, r.created, r.updated, r.undone_at) for r in runs] == [("consulado.csv", 1, 1, None)]
    assert done.undo is not None and done.undo.op is not None

    assert ops.apply_step(db, done.undo) is None  # an undone import is not redone: import again
    # Everything is as before; the changed member's updated_at says when the undo happened.
    assert timeless(dump(db)) == timeless(before)
    with db.reader() as s:
        assert import_history.list_runs(s)[0].undone_at is not None
    with pytest.raises(ConflictError, match="ya se deshizo"):
        ops.perform(db, ops_imports.undo(runs[0].id))


def test_undo_refuses_and_names_what_changed_since(db: Database, known: int, tmp_path: Path) -> None:
    path = _file(
        tmp_path / "capitulo.csv",
        [
            ["Rocío", "Nueva", "rocio@example.com", "Denver", "US"],
            ["Inés", "Ibáñez", "ines@example.com", "Austin", "US"],
        ],
    )
    _import(db, path)
    with db.session() as s:
        run_id = import_history.list_runs(s)[0].id
        new_id = s.scalar(select(Member.id).where(Member.email == "rocio@example.com"))
        assert new_id is not None
        update_member(s, known, {"city": "Houston"})  # edited after the import
        chapter = chapters.create_chapter(s, {"name": "Capítulo X", "country": "US"})
        chapters.add_board_position(s, chapter.id, new_id, "vocal", date(2026, 1, 1))
        event = events.create_event(
            s, {"name": "J", "starts_on": date(2027, 3, 1), "ends_on": date(2027, 3, 2)}
        )
        event_participants.add_member(s, event.id, new_id)
    before = dump(db)
    with pytest.raises(ConflictError) as refused:
        ops.perform(db, ops_imports.undo(run_id))
    message = refused.value.message
    assert "Inés Ibáñez: se editó después de la importación." in message
    assert "Rocío Nueva: está en una mesa directiva desde la importación." in message
    assert "Rocío Nueva: está en una Jornada desde la importación." in message
    assert dump(db) == before


def test_cli_lists_and_undoes_an_import(db_path: Path, tmp_path: Path) -> None:
    from talentdesk.cli import main

    path = _file(tmp_path / "lista.csv", [["Ana", "Uno", "ana1@example.com", "Lima", "PE"]])
    assert main(["--db", str(db_path), "import", "members", str(path)]) == 0
    assert main(["--db", str(db_path), "import", "history"]) == 0
    db = Database.open(db_path)
    try:
        with db.reader() as s:
            run_id = import_history.list_runs(s)[0].id
        assert main(["--db", str(db_path), "import", "undo", str(run_id)]) == 0
        with db.reader() as s:
            assert (
                s.execute(text("SELECT count(*) FROM members WHERE email = 'ana1@example.com'")).scalar() == 0
            )
        assert main(["--db", str(db_path), "import", "undo", str(run_id)]) == 1  # already undone
    finally:
        db.close()
