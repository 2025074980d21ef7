"""`talentdesk events list|show|check`: JSON shapes on the demo database, text output, exit codes."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from talentdesk.core.enums import EventStatus, ParticipantRole, ParticipantStatus, SessionKind
from talentdesk.db.session import Database
from talentdesk.services import event_agenda, event_participants, event_workflow
from talentdesk.services import events as ev
from talentdesk.services.demo_event import DEMO_NAME
from talentdesk.services.event_checks import KINDS
from tests.cli._support import Result, count_rows, query

Cli = Callable[..., Result]

CODE = re.compile(r"JI27-\d{4}")


def demo_event_id(path: Path) -> int:
    rows = query(path, "SELECT id FROM events WHERE name = ?", (DEMO_NAME,))
    assert len(rows) == 1
    return int(rows[0][0])


def json_ok(result: Result) -> Any:
    assert result.code == 0, result.err
    assert result.err == ""
    return result.json()


def add_clean_event(path: Path) -> int:
    """An event with nothing wrong: one session, one confirmed speaker from Mexico."""
    database = Database.open(path)
    try:
        with database.session() as s:
            event = ev.create_event(
                s,
                {
                    "name": "Jornada sin problemas",
                    "edition": "2030",
                    "starts_on": date(2030, 3, 1),
                    "ends_on": date(2030, 3, 1),
                },
            )
            p = event_participants.add_guest(
                s, event.id, {"given_names": "Ana", "paternal_surname": "López", "country": "MX"}
            )
            event_workflow.change_status(s, [p.id], ParticipantStatus.CONFIRMED)
            room = event_agenda.add_room(s, event.id, "Auditorio")
            event_agenda.add_session(
                s,
                event.id,
                {
                    "title": "Única",
                    "starts_at": "2030-03-01 10:00",
                    "ends_at": "2030-03-01 11:00",
                    "room_id": room.id,
                    "speaker_ids": [p.id],
                },
            )
            return event.id
    finally:
        database.close()


# -- list -------------------------------------------------------------------------------------------


def test_list_json(cli: Cli, demo_db_path: Path) -> None:
    data = json_ok(cli("--db", demo_db_path, "events", "list", "--json"))
    assert isinstance(data, list) and len(data) == 1
    item = data[0]
    assert {"id", "name", "start", "end", "status", "participants"} <= set(item)
    assert item["id"] == demo_event_id(demo_db_path)
    assert item["name"] == DEMO_NAME
    assert (item["start"], item["end"]) == ("2027-02-18", "2027-02-19")
    assert item["status"] == EventStatus.OPEN.value
    assert item["participants"] == count_rows(demo_db_path, "participants") > 100


def test_list_json_newest_first_and_counts_per_event(cli: Cli, demo_db_path: Path) -> None:
    clean_id = add_clean_event(demo_db_path)
    data = json_ok(cli("--db", demo_db_path, "events", "list", "--json"))
    assert [e["id"] for e in data] == [clean_id, demo_event_id(demo_db_path)]
    assert data[0]["participants"] == 1
    assert data[0]["start"] == data[0]["end"] == "2030-03-01"


def test_list_text(cli: Cli, demo_db_path: Path) -> None:
    result = cli("--db", demo_db_path, "events", "list")
    assert result.code == 0, result.err
    n = count_rows(demo_db_path, "participants")
    assert f"2027-02-18 – 2027-02-19  {DEMO_NAME}  ({n} participantes, abierto)" in result.out


def test_list_empty_database(cli: Cli, db_path: Path) -> None:
    assert json_ok(cli("--db", db_path, "events", "list", "--json")) == []
    result = cli("--db", db_path, "events", "list")
    assert (result.code, result.out.strip()) == (0, "No hay eventos.")


# -- show -------------------------------------------------------------------------------------------


def test_show_json_shape(cli: Cli, demo_db_path: Path) -> None:
    eid = demo_event_id(demo_db_path)
    data = json_ok(cli("--db", demo_db_path, "events", "show", eid, "--json"))
    assert data["id"] == eid and data["name"] == DEMO_NAME
    assert (data["start"], data["end"]) == ("2027-02-18", "2027-02-19")
    assert [r["name"] for r in data["rooms"]] == ["Auditorio", "Sala A", "Sala B"]

    participants = data["participants"]
    assert len(participants) == count_rows(demo_db_path, "participants")
    roles = {r.value for r in ParticipantRole}
    statuses = {s.value for s in ParticipantStatus}
    for p in participants:
        assert {
            "code",
            "role",
            "status",
            "given_names",
            "paternal_surname",
            "maternal_surname",
            "member_id",
        } <= set(p)
        assert CODE.fullmatch(p["code"]), p
        assert p["role"] in roles and p["status"] in statuses
        assert p["given_names"] and p["paternal_surname"]
        assert p["member_id"] is None or isinstance(p["member_id"], int)
    codes = [p["code"] for p in participants]
    assert len(set(codes)) == len(codes)
    assert any(p["member_id"] is None for p in participants)  # guests
    assert any(isinstance(p["member_id"], int) for p in participants)  # members
    member_ids = {r[0] for r in query(demo_db_path, "SELECT id FROM members")}
    assert {p["member_id"] for p in participants if p["member_id"] is not None} <= member_ids

    sessions = data["sessions"]
    assert len(sessions) == count_rows(demo_db_path, "event_sessions")
    kinds = {k.value for k in SessionKind}
    starts = [x["start"] for x in sessions]
    assert starts == sorted(starts)
    for x in sessions:
        assert {"id", "title", "kind", "start", "end", "room", "speakers", "moderator"} <= set(x)
        assert x["kind"] in kinds
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d", x["start"]) and x["end"] > x["start"]
        assert set(x["speakers"]) <= set(codes)
        assert x["moderator"] is None or x["moderator"] in codes
    assert any(x["speakers"] for x in sessions) and any(x["moderator"] for x in sessions)
    assert any(x["room"] is None for x in sessions)  # the visit outside the venue


def test_show_text(cli: Cli, demo_db_path: Path) -> None:
    eid = demo_event_id(demo_db_path)
    result = cli("--db", demo_db_path, "events", "show", eid)
    assert result.code == 0, result.err
    n_sessions = count_rows(demo_db_path, "event_sessions")
    n_people = count_rows(demo_db_path, "participants")
    assert result.out.startswith(f"{DEMO_NAME} — 2027-02-18 a 2027-02-19")
    assert f"Agenda ({n_sessions} sesiones):" in result.out
    assert f"Participantes ({n_people}):" in result.out
    assert "02-18 08:30–09:30  Auditorio   Registro y bienvenida" in result.out
    assert "(sin sala)" in result.out
    assert len(CODE.findall(result.out)) == n_people


# -- check ------------------------------------------------------------------------------------------


def test_check_json_lists_problems_and_exits_1(cli: Cli, demo_db_path: Path) -> None:
    eid = demo_event_id(demo_db_path)
    result = cli("--db", demo_db_path, "events", "check", eid, "--json")
    assert result.code == 1
    data = result.json()
    assert set(data) == {"problems"}
    problems = data["problems"]
    assert sorted(p["kind"] for p in problems) == sorted(KINDS)
    for p in problems:
        assert set(p) == {"kind", "message", "record"}
        assert set(p["record"]) == {"type", "id", "label"}
        assert p["record"]["type"] in {"participant", "session"}
        table = "participants" if p["record"]["type"] == "participant" else "event_sessions"
        assert query(demo_db_path, f"SELECT event_id FROM {table} WHERE id = ?", (p["record"]["id"],)) == [
            (eid,)
        ]
        assert p["message"]


def test_check_text(cli: Cli, demo_db_path: Path) -> None:
    result = cli("--db", demo_db_path, "events", "check", demo_event_id(demo_db_path))
    assert result.code == 1
    lines = result.out.strip().splitlines()
    assert lines[-1] == f"{len(KINDS)} problema(s) encontrados."
    assert sorted(re.match(r"- \[(\w+)\] ", line).group(1) for line in lines[:-1]) == sorted(KINDS)  # type: ignore[union-attr]
    assert "- [session_outside_dates] «Visita a un centro de investigación»" in result.out


def test_check_clean_event_exits_0(cli: Cli, db_path: Path) -> None:
    eid = add_clean_event(db_path)
    assert json_ok(cli("--db", db_path, "events", "check", eid, "--json")) == {"problems": []}
    result = cli("--db", db_path, "events", "check", eid)
    assert (result.code, result.out.strip()) == (0, "Sin problemas.")


# -- errors -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["show", "check"])
@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_unknown_id_exits_1_with_spanish_message(
    cli: Cli, demo_db_path: Path, action: str, json_flag: list[str]
) -> None:
    result = cli("--db", demo_db_path, "events", action, 9999, *json_flag)
    assert result.code == 1
    assert result.out == ""
    assert result.err.strip() == "Error: No existe el evento con id 9999."


def test_usage_errors_exit_2(cli: Cli, db_path: Path) -> None:
    result = cli("--db", db_path, "events", "show")
    assert result.code == 2 and "faltan los argumentos" in result.err
    result = cli("--db", db_path, "events", "check", "uno")
    assert result.code == 2 and "número entero no válido" in result.err
    result = cli("--db", db_path, "events", "borrar", "1")
    assert result.code == 2 and "opción no válida" in result.err


def test_reading_commands_change_nothing(cli: Cli, demo_db_path: Path) -> None:
    eid = demo_event_id(demo_db_path)
    sql = "SELECT id, code, status, status_changed_at FROM participants ORDER BY id"
    before = (count_rows(demo_db_path, "audit_log"), query(demo_db_path, sql))
    for args in (("list",), ("show", eid), ("check", eid)):
        cli("--db", demo_db_path, "events", *args, "--json")
    assert (count_rows(demo_db_path, "audit_log"), query(demo_db_path, sql)) == before
