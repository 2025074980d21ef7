"""Jornada spreadsheets read back: participants, rooming list per hotel, arrivals and departures,
materials and tasks — values, real dates and times, Spanish order and labels, cancel and errors."""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Callable
from datetime import date, datetime, time
from itertools import pairwise
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import event, select

from talentdesk.core.countries import country_name
from talentdesk.core.enums import ParticipantStatus
from talentdesk.core.errors import Cancelled, NotFoundError, TalentDeskError
from talentdesk.core.events import EventTask, Material, Participant
from talentdesk.db.session import Database
from talentdesk.exports.event_xlsx import (
    GUEST_NIGHTS,
    NO_HOTEL_SHEET,
    NO_TIME,
    export_arrivals_xlsx,
    export_materials_xlsx,
    export_participants_xlsx,
    export_rooming_xlsx,
    room_key,
)
from talentdesk.exports.files import ExportResult
from talentdesk.exports.xlsx import sheet_title
from talentdesk.services import event_logistics, event_materials, event_participants, event_workflow
from talentdesk.services import events as ev
from talentdesk.services.demo_event import DEMO_NAME
from talentdesk.services.event_workflow import NOT_COMING

Export = Callable[..., ExportResult]
EXPORTS: list[Export] = [
    export_participants_xlsx,
    export_rooming_xlsx,
    export_arrivals_xlsx,
    export_materials_xlsx,
]
SEDE = "Hotel Sede (demostración)"


def people(db: Database, event_id: int) -> list[Participant]:
    with db.reader() as session:
        query = (
            select(Participant)
            .where(Participant.event_id == event_id)
            .order_by(Participant.sort_key, Participant.id)
        )
        found = list(session.scalars(query))
        for p in found:  # loaded, then detached: the reader's rollback would expire them
            _ = (p.travel, p.lodging)
        session.expunge_all()
        return found


def sheets(path: Path) -> dict[str, list[list[Any]]]:
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def check_format(path: Path) -> None:
    for sheet in openpyxl.load_workbook(path).worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert all(cell.font.bold for cell in sheet[1] if cell.value), sheet.title
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:"), sheet.title


# -- participants ---------------------------------------------------------------------------------


def test_participants_every_field_in_spanish_name_order(
    demo: Database, event_id: int, tmp_path: Path
) -> None:
    out = tmp_path / "participantes.xlsx"
    result = export_participants_xlsx(demo.sessions, event_id, out)
    rows = sheets(out)["Participantes"]
    head = rows[0]
    col = {h: i for i, h in enumerate(head)}
    assert head[:6] == ["Código", "Apellido paterno", "Apellido materno", "Nombre(s)", "Rol", "Estatus"]
    expected = people(demo, event_id)
    assert result.rows == len(rows) - 1 == len(expected) == 151
    assert [r[0] for r in rows[1:]] == [p.code for p in expected]
    with_travel = 0
    for row, p in zip(rows[1:], expected, strict=True):
        assert row[col["Apellido paterno"]] == p.paternal_surname
        assert row[col["Rol"]] == p.role.label
        assert row[col["Estatus"]] == p.status.label
        assert row[col["País"]] == (country_name(p.country) if p.country else "")
        if p.travel is not None and p.travel.arrival_at is not None:
            with_travel += 1
            assert row[col["Llegada"]] == p.travel.arrival_at
            assert isinstance(row[col["Llegada"]], datetime)
            assert row[col["Vuelo de llegada"]] == p.travel.arrival_flight
            assert row[col["Traslado"]] == ("Sí" if p.travel.needs_transfer else "No")
        lodging = p.lodging
        if lodging is not None and lodging.check_in and lodging.check_out:
            assert row[col["Entrada al hotel"]] == lodging.check_in
            assert isinstance(row[col["Entrada al hotel"]], date)
            ok = lodging.check_out >= lodging.check_in
            assert row[col["Noches"]] == ((lodging.check_out - lodging.check_in).days if ok else "")
        assert row[col["Id de miembro"]] == (p.member_id if p.member_id else "")
    assert with_travel > 50
    sheet = openpyxl.load_workbook(out)["Participantes"]
    nights = next(c for c in sheet["Y"][1:] if c.value is not None)
    assert sheet["Y1"].value == "Noches" and isinstance(nights.value, int)
    check_format(out)


def test_participants_spanish_order_and_selection(demo: Database, event_id: int, tmp_path: Path) -> None:
    with demo.session() as session:
        added = {
            surname: event_participants.add_guest(
                session, event_id, {"given_names": "Prueba", "paternal_surname": surname}
            ).id
            for surname in ("Ñandú", "Obregón", "Núñez", "Ávila", "Nunez", "Azuela", "Avendaño")
        }
    out = tmp_path / "p.xlsx"
    # asked in any order, written in Spanish name order
    export_participants_xlsx(demo.sessions, event_id, out, participant_ids=list(added.values()))
    assert [r[1] for r in sheets(out)["Participantes"][1:]] == [
        "Avendaño",
        "Ávila",
        "Azuela",
        "Nunez",
        "Núñez",
        "Ñandú",
        "Obregón",
    ]


def test_participants_from_another_event_are_refused(demo: Database, event_id: int, tmp_path: Path) -> None:
    with demo.session() as session:
        other = ev.create_event(
            session, {"name": "Otra Jornada", "starts_on": "2028-01-10", "ends_on": "2028-01-11"}
        )
        stranger = event_participants.add_guest(
            session, other.id, {"given_names": "Ana", "paternal_surname": "Ajena"}
        ).id
    with pytest.raises(NotFoundError, match=f"participante con id {stranger} no pertenece al evento"):
        export_participants_xlsx(demo.sessions, event_id, tmp_path / "p.xlsx", participant_ids=[stranger])
    assert list(tmp_path.iterdir()) == []


# -- rooming list ---------------------------------------------------------------------------------


def _guests(rows: list[list[Any]]) -> tuple[list[list[Any]], list[Any]]:
    """Guest rows and the totals row."""
    assert rows[-1][0] == "Total"
    return rows[1:-1], rows[-1]


def test_rooming_one_sheet_per_hotel_with_nights_and_roommates(
    demo: Database, event_id: int, tmp_path: Path
) -> None:
    everyone = people(demo, event_id)
    in_sede = [p for p in everyone if p.lodging and p.lodging.hotel == SEDE]
    first, second = in_sede[0], in_sede[5]
    cancelled = next(p for p in everyone if p.status == ParticipantStatus.CANCELLED)
    with demo.session() as session:
        # second moves into first's room; only second's record names the roommate
        event_logistics.set_lodging(
            session, second.id, {"room": first.lodging.room, "shares_with_id": first.id}
        )  # type: ignore[union-attr]
        # a cancelled participant's booking is not in the rooming list
        event_logistics.set_lodging(
            session, cancelled.id, {"hotel": SEDE, "room": "999", "check_in": "2027-02-17"}
        )
    out = tmp_path / "hospedaje.xlsx"
    result = export_rooming_xlsx(demo.sessions, event_id, out)
    book = sheets(out)
    assert list(book) == ["Hotel Alterno Centro", "Hotel Sede (demostración)", NO_HOTEL_SHEET]
    everyone = people(demo, event_id)
    by_code = {p.code: p for p in everyone}
    listed = 0
    for title, rows in book.items():
        assert rows[0][:8] == [
            "Habitación",
            "Huésped",
            "Comparte con",
            "Código",
            "Estatus",
            "Entrada",
            "Salida",
            "Noches",
        ]
        guests, total = _guests(rows)
        listed += len(guests)
        order = [(room_key(r[0]), by_code[r[3]].sort_key) for r in guests]
        assert order == sorted(order)  # by room, then name
        nights = 0
        for row in guests:
            p = by_code[row[3]]
            assert p.status not in NOT_COMING
            lodging = p.lodging
            if title != NO_HOTEL_SHEET:
                assert lodging is not None and lodging.hotel is not None and lodging.hotel.startswith(title)
            if lodging and lodging.check_in and lodging.check_out and lodging.check_out >= lodging.check_in:
                assert row[5] == lodging.check_in and isinstance(row[5], date)
                assert row[7] == (lodging.check_out - lodging.check_in).days
                nights += row[7]
            else:
                assert row[7] == ""
        assert total[1] == f"{len(guests)} huéspedes" and total[7] == nights
    assert result.rows == listed
    assert cancelled.code not in {r[3] for rows in book.values() for r in rows}
    sede = book[SEDE]
    first_row = next(r for r in sede if r[3] == first.code)
    second_row = next(r for r in sede if r[3] == second.code)
    assert first_row[0] == second_row[0] == first.lodging.room  # type: ignore[union-attr]
    assert first_row[2] == f"{second.paternal_surname} {second.maternal_surname}, {second.given_names}"
    assert second_row[2] == f"{first.paternal_surname} {first.maternal_surname}, {first.given_names}"
    assert abs(sede.index(first_row) - sede.index(second_row)) == 1  # roommates side by side
    # the demo's guest from abroad whose hotel was left empty
    homeless = [by_code[r[3]] for r in _guests(book[NO_HOTEL_SHEET])[0]]
    assert homeless and all(p.from_abroad or p.lodging is not None for p in homeless)
    assert any(p.lodging is not None and p.lodging.hotel is None for p in homeless)
    check_format(out)


def test_rooming_print_header_totals_and_filter(demo: Database, event_id: int, tmp_path: Path) -> None:
    out = tmp_path / "hospedaje.xlsx"
    export_rooming_xlsx(demo.sessions, event_id, out)
    book = openpyxl.load_workbook(out)
    alterno = book["Hotel Alterno Centro"]
    header = alterno.oddHeader.center.text or ""
    assert "Hotel Alterno Centro (demostración)" in header and DEMO_NAME in header
    assert "\n" not in header and "_x000" not in header  # one line: LibreOffice prints "_x000a_"
    total = alterno[alterno.max_row]
    assert total[0].value == "Total" and total[0].font.bold and isinstance(total[7].value, int)
    assert total[8].value == GUEST_NIGHTS == "noches-huésped" and total[8].font.bold  # what it counts
    assert alterno.auto_filter.ref == f"A1:K{alterno.max_row - 1}"  # the totals row stays out


def test_sheet_names_are_valid_and_unique() -> None:
    taken: set[str] = set()
    names = [
        sheet_title("Hotel Real/Centro: Suites [Torre*] ¿Qué? muy largo de verdad", taken),
        sheet_title("Hotel Real/Centro: Suites [Torre*] ¿Qué? muy largo de verdad, anexo", taken),
        sheet_title("hotel real centro suites torre ¿qué? muy largo", taken),
        sheet_title("Hotel Alterno Centro (demostración)", taken),
        sheet_title("", taken),
    ]
    assert names[3] == "Hotel Alterno Centro"
    assert names[4] == "Hoja"
    assert len({n.casefold() for n in names}) == len(names)
    for name in names:
        assert 0 < len(name) <= 31 and not set(name) & set("[]:*?/\\"), name


def test_rooming_sheet_names_from_awkward_hotels(demo: Database, event_id: int, tmp_path: Path) -> None:
    long_name = "Gran Hotel Ciudad de México: Torre/Anexo [Suites] del Centro Histórico"
    with demo.session() as session:
        ids = [p.id for p in people(demo, event_id) if p.lodging and p.lodging.hotel][:3]
        event_logistics.set_lodging(session, ids[0], {"hotel": long_name})
        event_logistics.set_lodging(session, ids[1], {"hotel": long_name + " — ala norte"})
        event_logistics.set_lodging(
            session, ids[2], {"hotel": long_name.upper()}
        )  # the same hotel typed in capitals
    out = tmp_path / "hospedaje.xlsx"
    export_rooming_xlsx(demo.sessions, event_id, out)
    titles = list(sheets(out))
    assert len(titles) == 5 and len({t.casefold() for t in titles}) == 5
    assert all(len(t) <= 31 and not set(t) & set("[]:*?/\\") for t in titles)
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None


def test_rooming_hotels_in_spanish_order(demo: Database, event_id: int, tmp_path: Path) -> None:
    """ñ after n, accents and case aside — not the folded order that put "Ñu" before "Nube"."""
    with demo.session() as session:
        ids = [p.id for p in people(demo, event_id) if p.lodging and p.lodging.hotel][:4]
        for pid, hotel in zip(ids, ["Hotel Oasis", "Hotel Ñu", "hotel nube", "Hotel Niza"], strict=True):
            event_logistics.set_lodging(session, pid, {"hotel": hotel})
    out = tmp_path / "hospedaje.xlsx"
    export_rooming_xlsx(demo.sessions, event_id, out)
    assert list(sheets(out)) == [
        "Hotel Alterno Centro",
        "Hotel Niza",
        "hotel nube",
        "Hotel Ñu",
        "Hotel Oasis",
        "Hotel Sede (demostración)",
        NO_HOTEL_SHEET,
    ]


def test_room_names_with_digit_symbols_sort_as_text() -> None:
    """'²'.isdigit() is true but int('²') fails: the rooming list must not crash on "Suite 1²"."""
    rooms = ["Suite ²", "Suite 1²", "Suite 1", "①"]
    assert sorted(rooms, key=room_key) == ["①", "Suite 1", "Suite 1²", "Suite ²"]  # folded: ① as 1


def test_rooms_in_spanish_order() -> None:
    rooms = ["Suite Ñu", "Suite Nube", "suite niza", "Suite Oasis", "10", "9", None]
    assert sorted(rooms, key=room_key) == [
        "9",
        "10",
        "suite niza",
        "Suite Nube",
        "Suite Ñu",
        "Suite Oasis",
        None,
    ]


def test_rooming_totals_count_guest_nights_and_say_so(demo: Database, event_id: int, tmp_path: Path) -> None:
    """Two guests sharing a room for three nights: 6 guest nights, labelled as such."""
    with demo.session() as session:
        first, second = [p.id for p in people(demo, event_id) if p.status not in NOT_COMING][:2]
        for pid in (first, second):
            event_logistics.set_lodging(
                session,
                pid,
                {"hotel": "Posada Única", "room": "7", "check_in": "2027-02-16", "check_out": "2027-02-19"},
            )
        event_logistics.set_lodging(session, second, {"shares_with_id": first})
    out = tmp_path / "hospedaje.xlsx"
    export_rooming_xlsx(demo.sessions, event_id, out)
    guests, total = _guests(sheets(out)["Posada Única"])
    assert [g[7] for g in guests] == [3, 3]
    assert total[1] == "2 huéspedes" and total[7] == 6 and total[8] == "noches-huésped"


# -- arrivals and departures ----------------------------------------------------------------------


def test_arrivals_and_departures_by_day_and_time(demo: Database, event_id: int, tmp_path: Path) -> None:
    everyone = people(demo, event_id)
    cancelled = next(p for p in everyone if p.status == ParticipantStatus.CANCELLED)
    with demo.session() as session:
        event_logistics.set_travel(
            session, cancelled.id, {"arrival_at": "2027-02-17 09:00", "arrival_flight": "XX 1"}
        )
    out = tmp_path / "traslados.xlsx"
    result = export_arrivals_xlsx(demo.sessions, event_id, out)
    book = sheets(out)
    assert list(book) == ["Llegadas", "Salidas"]
    coming = [p for p in people(demo, event_id) if p.travel and p.status not in NOT_COMING]
    total = 0
    for title, field in (("Llegadas", "arrival_at"), ("Salidas", "departure_at")):
        rows = book[title]
        assert rows[0][:10] == [
            "Fecha",
            "Hora",
            "Vuelo",
            "Aerolínea",
            "Aeropuerto",
            "Terminal",
            "Nombre",
            "Teléfono",
            "Traslado",
            "Hotel",
        ]
        body = [r for r in rows[1:] if any(v != "" for v in r)]
        expected = sorted(
            (getattr(p.travel, field), p.sort_key, p.code)
            for p in coming
            if getattr(p.travel, field) is not None
        )
        assert [r[-1] for r in body] == [code for _at, _key, code in expected]
        stamps = [datetime.combine(r[0], r[1]) for r in body]
        assert stamps == [at.replace(second=0) for at, _k, _c in expected] == sorted(stamps)
        assert all(isinstance(r[0], date) and isinstance(r[1], time) for r in body)
        assert {r[8] for r in body} <= {"Sí", "No"}
        # one blank row between days, none within a day
        for previous, row in pairwise(rows[1:]):
            if row and all(v == "" for v in row):
                continue
            if previous and all(v == "" for v in previous):
                continue
            assert previous[0] == row[0]
        days = {r[0] for r in body}
        assert sum(1 for r in rows[1:] if all(v == "" for v in r)) == len(days) - 1
        total += len(body)
    assert result.rows == total
    assert "XX 1" not in {r[2] for r in book["Llegadas"]}
    sheet = openpyxl.load_workbook(out)["Llegadas"]
    assert sheet["B2"].number_format == "HH:MM" and isinstance(sheet["B2"].value, time)
    assert sheet["A2"].is_date and sheet["A2"].number_format == "DD/MM/YYYY"
    check_format(out)


def test_travellers_without_a_date_and_time_are_listed_last(
    demo: Database, event_id: int, tmp_path: Path
) -> None:
    """Flight known, time not: a final "Sin fecha u hora" block, so no one is left at the airport."""
    everyone = [p for p in people(demo, event_id) if p.status not in NOT_COMING]
    no_travel = [p for p in everyone if p.travel is None]
    flight_only, transfer_only, nothing = no_travel[0], no_travel[1], no_travel[2]
    timed = next(p for p in everyone if p.travel and p.travel.arrival_at and p.travel.departure_at)
    cancelled = next(p for p in people(demo, event_id) if p.status == ParticipantStatus.CANCELLED)
    with demo.session() as session:
        event_logistics.set_travel(
            session, flight_only.id, {"arrival_flight": "AM 58", "arrival_airline": "Aeroméxico"}
        )
        event_logistics.set_travel(session, transfer_only.id, {"needs_transfer": True})
        event_logistics.set_travel(
            session, nothing.id, {"needs_transfer": False}
        )  # an empty record: nothing to do
        event_logistics.set_travel(session, timed.id, {"departure_at": None, "departure_flight": "UA 1"})
        event_logistics.set_travel(session, cancelled.id, {"arrival_at": None, "arrival_flight": "XX 1"})
    out = tmp_path / "traslados.xlsx"
    result = export_arrivals_xlsx(demo.sessions, event_id, out)
    book = sheets(out)
    by_code = {p.code: p for p in people(demo, event_id)}
    expected = {
        "Llegadas": [flight_only, transfer_only],
        "Salidas": [transfer_only, timed],  # an arrival flight alone says nothing of the way back
    }
    listed = 0
    for title, rows in book.items():
        untimed = [r for r in rows if r[0] == NO_TIME]
        want = sorted(expected[title], key=lambda p: (p.sort_key, p.id))  # by name
        assert [r[-1] for r in untimed] == [p.code for p in want]
        first = rows.index(untimed[0])
        assert rows[first:] == untimed  # the last block…
        assert all(v == "" for v in rows[first - 1])  # …after a blank row
        assert all(r[1] == "" for r in untimed)
        for row in untimed:
            assert row[6] == by_code[row[-1]].full_name and row[8] in ("Sí", "No")
        dated = [r for r in rows[1:first] if any(v != "" for v in r)]
        assert all(isinstance(r[0], date) for r in dated)
        listed += len(dated) + len(untimed)
    llegadas = {r[-1]: r for r in book["Llegadas"]}
    assert llegadas[flight_only.code][2:4] == ["AM 58", "Aeroméxico"]
    assert next(r for r in book["Salidas"] if r[-1] == timed.code)[2] == "UA 1"
    assert cancelled.code not in {r[-1] for rows in book.values() for r in rows}
    assert nothing.code not in {r[-1] for rows in book.values() for r in rows}
    assert result.rows == listed
    check_format(out)


def test_arrivals_without_any_travel_are_explained_like_the_rooming_list(
    demo: Database, tmp_path: Path
) -> None:
    with demo.session() as session:
        other = ev.create_event(
            session, {"name": "Jornada local", "starts_on": "2028-01-10", "ends_on": "2028-01-10"}
        )
        guest = event_participants.add_guest(
            session, other.id, {"given_names": "Ana", "paternal_surname": "Local", "country": "MX"}
        )
        event_logistics.set_travel(session, guest.id, {"arrival_airport": ""})  # a record with nothing in it
    with pytest.raises(TalentDeskError, match="«Jornada local» no tiene viajes registrados"):
        export_arrivals_xlsx(demo.sessions, other.id, tmp_path / "t.xlsx")
    with pytest.raises(TalentDeskError, match="no tiene hospedaje registrado"):
        export_rooming_xlsx(demo.sessions, other.id, tmp_path / "h.xlsx")
    assert list(tmp_path.iterdir()) == []


# -- materials and tasks --------------------------------------------------------------------------


def test_materials_and_tasks(demo: Database, event_id: int, tmp_path: Path) -> None:
    with demo.session() as session:
        event_materials.add_task(session, event_id, "Sin fecha todavía", None, "Alguien")
        event_materials.add_task(session, event_id, "Antes que todas", "2026-01-05", None)
        event_materials.add_task(
            session, event_id, "Ñandú de papel", "2026-01-06", None
        )  # same day: ñ after n
        event_materials.add_task(session, event_id, "Nube de globos", "2026-01-06", None)
    out = tmp_path / "materiales.xlsx"
    result = export_materials_xlsx(demo.sessions, event_id, out)
    book = sheets(out)
    assert list(book) == ["Materiales", "Tareas"]
    with demo.reader() as session:
        materials = list(
            session.scalars(select(Material).where(Material.event_id == event_id).order_by(Material.id))
        )
        tasks = list(session.scalars(select(EventTask).where(EventTask.event_id == event_id)))
        session.expunge_all()
    assert book["Materiales"][0] == ["Material", "Cantidad", "Responsable", "Estatus"]
    assert book["Materiales"][1:] == [
        [m.item, float(m.quantity), m.responsible or "", m.status.label] for m in materials
    ]
    assert book["Tareas"][0] == ["Tarea", "Fecha límite", "Responsable", "Hecha"]
    rows = book["Tareas"][1:]
    assert rows[0][0] == "Antes que todas" and rows[-1][0] == "Sin fecha todavía" and rows[-1][1] == ""
    assert [r[0] for r in rows[1:3]] == ["Nube de globos", "Ñandú de papel"]
    dated = [r[1] for r in rows[:-1]]
    assert all(isinstance(d, date) for d in dated) and dated == sorted(dated)
    assert {r[3] for r in rows} == {"Sí", "No"}
    assert sum(r[3] == "Sí" for r in rows) == sum(t.done for t in tasks)
    assert result.rows == len(materials) + len(tasks)
    sheet = openpyxl.load_workbook(out)["Materiales"]
    assert isinstance(sheet["B2"].value, int)
    check_format(out)


# -- errors and cancel ----------------------------------------------------------------------------


@pytest.mark.parametrize("export", EXPORTS, ids=lambda e: e.__name__)
def test_unknown_event_is_a_spanish_error(demo: Database, tmp_path: Path, export: Export) -> None:
    with pytest.raises(NotFoundError, match="No existe el evento con id 9999"):
        export(demo.sessions, 9999, tmp_path / "x.xlsx")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("export", EXPORTS, ids=lambda e: e.__name__)
def test_cancel_leaves_the_old_file(demo: Database, event_id: int, tmp_path: Path, export: Export) -> None:
    out = tmp_path / "lista.xlsx"
    out.write_bytes(b"the list printed yesterday")
    abort = threading.Event()
    abort.set()
    with pytest.raises(Cancelled, match="cancelada"):
        export(demo.sessions, event_id, out, abort=abort)
    assert out.read_bytes() == b"the list printed yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["lista.xlsx"]


@pytest.mark.parametrize("export", EXPORTS[:3], ids=lambda e: e.__name__)
def test_cancel_midway(demo: Database, event_id: int, tmp_path: Path, export: Export) -> None:
    abort = threading.Event()
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        abort.set()

    with pytest.raises(Cancelled):
        export(demo.sessions, event_id, tmp_path / "lista.xlsx", progress=progress, abort=abort)
    assert len(calls) == 1 and calls[0][0] < calls[0][1]
    assert list(tmp_path.iterdir()) == []


def test_rooming_without_any_lodging_is_explained(demo: Database, tmp_path: Path) -> None:
    with demo.session() as session:
        other = ev.create_event(
            session, {"name": "Jornada local", "starts_on": "2028-01-10", "ends_on": "2028-01-10"}
        )
        event_participants.add_guest(
            session, other.id, {"given_names": "Ana", "paternal_surname": "Local", "country": "MX"}
        )
    with pytest.raises(TalentDeskError, match="no tiene hospedaje registrado"):
        export_rooming_xlsx(demo.sessions, other.id, tmp_path / "h.xlsx")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("export", EXPORTS, ids=lambda e: e.__name__)
def test_a_few_queries_whatever_the_participants(
    demo: Database, event_id: int, tmp_path: Path, export: Export
) -> None:
    """Travel and lodging are loaded with the participants, not one query per person: 30 more
    travelling, lodged participants do not add a single query."""

    def selects() -> int:
        statements: list[str] = []

        def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
            if statement.lstrip().upper().startswith("SELECT"):
                statements.append(statement)

        event.listen(demo.engine, "before_cursor_execute", count)
        try:
            export(demo.sessions, event_id, tmp_path / "x.xlsx")
        finally:
            event.remove(demo.engine, "before_cursor_execute", count)
        return len(statements)

    before = selects()
    with demo.session() as session:
        for n in range(30):
            guest = event_participants.add_guest(
                session,
                event_id,
                {"given_names": f"Invitada {n}", "paternal_surname": "Extra", "country": "US"},
            )
            event_workflow.change_status(session, [guest.id], ParticipantStatus.CONFIRMED)
            event_logistics.set_travel(
                session,
                guest.id,
                {
                    "arrival_flight": f"AM {100 + n}",
                    "arrival_at": datetime(2027, 2, 17, 9, n),
                    "needs_transfer": True,
                },
            )
            event_logistics.set_lodging(
                session,
                guest.id,
                {"hotel": "Hotel Extra", "room": str(n), "check_in": "2027-02-17", "check_out": "2027-02-19"},
            )
    assert selects() == before <= 4
