"""Demo data generator (talentdesk.services.demo)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from talentdesk.core.errors import Cancelled, TalentDeskError
from talentdesk.core.models import Chapter, Member
from talentdesk.core.validation import normalize_email, normalize_phone
from talentdesk.db.search_index import INSERT_TRIGGER
from talentdesk.db.session import Database
from talentdesk.services.demo import generate_demo
from talentdesk.services.members import count_members
from talentdesk.services.search import MemberQuery, search_members

from .helpers import add


def _generate(db: Database, count: int, seed: int) -> list[tuple[str, str, str | None, str | None]]:
    with db.session() as s:
        result = generate_demo(s, count, seed=seed)
        assert (result.members, result.last_id - result.first_id + 1) == (count, count)
    with db.reader() as s:
        return [
            (m.given_names, m.paternal_surname, m.maternal_surname, m.email)
            for m in s.scalars(select(Member).order_by(Member.id))
        ]


def test_same_seed_same_people(template_db: Path, tmp_path: Path) -> None:
    runs = []
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        path = tmp_path / f"{name}.sqlite"
        path.write_bytes(template_db.read_bytes())
        database = Database.open(path)
        try:
            runs.append(_generate(database, 25, seed))
        finally:
            database.close()
    assert len(runs[0]) == 25
    assert runs[0] == runs[1]
    assert runs[0] != runs[2]


def test_generated_contact_data_passes_validation(db: Database) -> None:
    progress: list[tuple[int, int]] = []
    with db.session() as s:
        generate_demo(s, 120, seed=11, progress=lambda done, total: progress.append((done, total)))
    assert progress[-1] == (120, 120)
    with db.reader() as s:
        members = list(s.scalars(select(Member)))
        assert len(members) == 120 == count_members(s)
        assert sum(m.phone is not None for m in members) > 60
        for m in members:
            assert normalize_email(m.email) == (m.email, None)
            assert m.email.split("@")[1] in {"example.com", "example.org", "example.net"}
            if m.phone is not None:
                assert normalize_phone(m.phone, m.country) == (m.phone, None)
                assert normalize_phone(m.phone, None) == (m.phone, None)
        assert s.scalar(select(func.count()).select_from(Chapter)) == 21
        # bulk rows are searchable like ORM rows
        someone = members[17]
        found = search_members(
            s, MemberQuery(text=f"{someone.paternal_surname} {someone.given_names}"), limit=500
        )
        assert someone.id in found.ids


def test_second_run_appends_after_existing_members(db: Database) -> None:
    with db.session() as s:
        first = add(s, "Ana", "Manual").id
        result = generate_demo(s, 10, seed=2)
    assert result.first_id == first + 1 and result.last_id == first + 10
    with pytest.raises(TalentDeskError, match="positivo"), db.session() as s:
        generate_demo(s, -1)


@pytest.mark.sqlite_only(reason="it reads the SQLite full-text index's trigger")
def test_abort_before_start_leaves_nothing(db: Database) -> None:
    abort = threading.Event()
    abort.set()
    with pytest.raises(Cancelled, match="Generación cancelada"), db.session() as s:
        generate_demo(s, 50, seed=3, abort=abort)
    with db.reader() as s:
        assert count_members(s) == 0
        assert s.scalar(select(func.count()).select_from(Chapter)) == 3  # demo chapters rolled back too
    with db.engine.connect() as conn:
        trigger = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'members_fts_ai'").scalar()
    assert trigger == INSERT_TRIGGER
    with db.session() as s:  # the index still follows new members
        add(s, "Ana", "Después")
    with db.reader() as s:
        assert search_members(s, MemberQuery(text="despues")).total == 1
