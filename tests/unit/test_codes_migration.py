"""Migration 0009: participant codes made from a free-text edition («JI1.ª edición-0001») or a
prefix with accents become short ASCII codes (JI27-0001); good codes stay; constancias still
verify; the old codes stay in each participant's history; a downgrade brings them back."""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from pathlib import Path

from alembic import command

from talentdesk.core.enums import ParticipantStatus as S
from talentdesk.db import migrate
from talentdesk.db.engine import make_engine
from talentdesk.db.session import Database
from talentdesk.services import audit, event_participants, event_workflow
from talentdesk.services import events as ev
from talentdesk.services.certificates import issue_certificates, verify_certificate

from .helpers import revision_of

CODE = re.compile(r"[A-Z]{1,8}\d{2}-\d{4}")


def _sql(path: Path, *statements: tuple[str, tuple[object, ...]]) -> None:
    con = sqlite3.connect(path)
    try:
        with con:
            for sql, params in statements:
                con.execute(sql, params)
    finally:
        con.close()


def _codes(path: Path) -> dict[str, str]:
    con = sqlite3.connect(path)
    try:
        return dict(con.execute("SELECT given_names, code FROM participants ORDER BY id").fetchall())
    finally:
        con.close()


def _database_with_old_codes(path: Path) -> str:
    """Two Jornadas as the old rules made them; returns the constancia issued to Ana."""
    database = Database.open(path)
    try:
        with database.session() as s:
            first = ev.create_event(
                s,
                {
                    "name": "Jornada",
                    "edition": "2027",
                    "starts_on": date(2027, 2, 18),
                    "ends_on": date(2027, 2, 19),
                },
            )
            second = ev.create_event(
                s,
                {
                    "name": "Jornada de otoño",
                    "edition": "1.ª edición",
                    "starts_on": date(2027, 9, 9),
                    "ends_on": date(2027, 9, 10),
                },
            )
            kept = event_participants.add_guest(
                s, first.id, {"given_names": "Beto", "paternal_surname": "Ruiz"}
            )
            people = [
                event_participants.add_guest(
                    s, second.id, {"given_names": given, "paternal_surname": "López"}
                )
                for given in ("Ana", "Carla", "Dora")
            ]
            event_workflow.change_status(s, [people[0].id], S.CONFIRMED)
            event_workflow.change_status(s, [people[0].id], S.ATTENDED, today=date(2027, 9, 9))
            certificate = issue_certificates(s, [people[0].id])[people[0].id]
            ids = [kept.id, second.id, *(p.id for p in people)]
    finally:
        database.close()
    kept_id, second_id, ana, carla, dora = ids
    _sql(
        path,
        ("UPDATE participants SET code = 'JI2027-0001' WHERE id = ?", (kept_id,)),
        ("UPDATE events SET code_prefix = 'JIÑ' WHERE id = ?", (second_id,)),
        ("UPDATE participants SET code = 'JIÑ1.ª edición-0001' WHERE id = ?", (ana,)),
        ("UPDATE participants SET code = 'JIÑ1.ª edición-0002' WHERE id = ?", (carla,)),
        ("UPDATE participants SET code = 'JI27-0001' WHERE id = ?", (dora,)),  # already good: kept
        # Back to what 0008 had: 0009 changes data only; 0011 adds these two indexes.
        ("DROP INDEX ix_members_joined_on", ()),
        ("DROP INDEX ix_member_sectors_primary", ()),
        ("UPDATE alembic_version SET version_num = '0008'", ()),
    )
    return certificate


def test_bad_codes_become_short_ascii_and_constancias_still_verify(tmp_path: Path) -> None:
    path = tmp_path / "codigos.sqlite"
    certificate = _database_with_old_codes(path)
    assert revision_of(path) == "0008"

    database = Database.open(path)  # upgrades to head
    try:
        codes = _codes(path)
        assert codes["Beto"] == "JI2027-0001"  # the old rule's good codes stay valid
        assert codes["Dora"] == "JI27-0001"
        assert codes["Ana"] == "JIN27-0001" and codes["Carla"] == "JIN27-0002"
        assert all(c.isascii() and " " not in c for c in codes.values())
        assert len(set(codes.values())) == len(codes)
        with database.reader() as s:
            second = next(e for e in ev.list_events(s) if e.edition == "1.ª edición")
            assert second.code_prefix == "JIN"
            found = verify_certificate(s, certificate)
            assert found is not None and found["participant_code"] == "JIN27-0001" and found["attended"]
            ana = next(p for p in second.participants if p.given_names == "Ana")
            second_id = second.id
            changed = [e for e in audit.history(s, "participant", ana.id) if e.field == "code"]
            assert [(e.old_value, e.new_value) for e in changed] == [("JIÑ1.ª edición-0001", "JIN27-0001")]
        with database.session() as s:
            fresh = event_participants.add_guest(
                s, second_id, {"given_names": "Eva", "paternal_surname": "Paz"}
            )
            assert fresh.code == "JIN27-0003" and CODE.fullmatch(fresh.code)
    finally:
        database.close()


def test_downgrade_gives_the_old_codes_back(tmp_path: Path) -> None:
    path = tmp_path / "vuelta.sqlite"
    _database_with_old_codes(path)
    before = _codes(path)
    Database.open(path).close()
    assert _codes(path) != before
    engine = make_engine(path)
    try:
        config = migrate.alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0008")
    finally:
        engine.dispose()
    assert _codes(path) == before
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT code_prefix FROM events ORDER BY id").fetchall() == [("JI",), ("JIÑ",)]
        assert con.execute("SELECT count(*) FROM audit_log WHERE field = 'code'").fetchone() == (0,)
    finally:
        con.close()
