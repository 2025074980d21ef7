"""The members spreadsheet, read back: values, real dates, consent rules, and the promise that
a failed or cancelled export leaves no file and never overwrites a good one."""

from __future__ import annotations

import threading
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from talentdesk.core.errors import Cancelled, TalentDeskError
from talentdesk.db.session import Database
from talentdesk.exports.files import atomic_output
from talentdesk.exports.members_xlsx import COLUMNS, INTERNAL_ONLY, export_members_xlsx
from talentdesk.services import members as member_service
from talentdesk.services.search import MemberQuery, count_members, matching_ids

HEADERS = [col.header for _key, col in COLUMNS]


@pytest.fixture()
def demo(demo_db_path: Path) -> Database:
    database = Database.open(demo_db_path)
    yield database  # type: ignore[misc]
    database.close()


def read(path: Path) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Miembros").to_python()


def test_full_export_has_every_member_in_spanish_order(demo: Database, tmp_path: Path) -> None:
    out = tmp_path / "miembros.xlsx"
    result = export_members_xlsx(demo.sessions, MemberQuery(), out)
    rows = read(out)
    assert rows[0] == HEADERS
    assert result.rows == len(rows) - 1 == 300
    with demo.reader() as session:
        expected_ids = list(matching_ids(session, MemberQuery()))
        people = {m["id"]: m for m in member_service.members_as_dicts(session, expected_ids)}
    assert [int(r[0]) for r in rows[1:]] == expected_ids  # type: ignore[call-overload]
    col = {key: i for i, (key, _c) in enumerate(COLUMNS)}
    for row in rows[1:]:
        person = people[int(row[0])]  # type: ignore[call-overload]
        assert row[col["paternal_surname"]] == person["paternal_surname"]
        assert row[col["email"]] == (person["email"] or "")
        assert row[col["chapter"]] == (person["chapter"] or "")
        assert row[col["sectors"]] == "; ".join(person["sectors"])
        assert row[col["primary_sector"]] == (person["primary_sector"] or "")
        assert row[col["directory_consent"]] == ("Sí" if person["directory_consent"] else "No")
        joined = row[col["joined_on"]]
        assert joined == (date.fromisoformat(person["joined_on"]) if person["joined_on"] else "")
        assert isinstance(row[col["created_at"]], datetime)


def test_sheet_is_formatted(demo: Database, tmp_path: Path) -> None:
    out = tmp_path / "miembros.xlsx"
    export_members_xlsx(demo.sessions, MemberQuery(text="a"), out)
    sheet = openpyxl.load_workbook(out).active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:AH{sheet.max_row}"
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.column_dimensions["G"].width == 32  # e-mail
    joined = sheet.cell(row=2, column=HEADERS.index("Fecha de ingreso") + 1)
    assert joined.is_date and joined.number_format == "DD/MM/YYYY"


def test_filters_and_explicit_ids(demo: Database, tmp_path: Path) -> None:
    with demo.reader() as session:
        houston = MemberQuery(text="", chapter_ids=(2,))
        expected = count_members(session, houston)
    assert export_members_xlsx(demo.sessions, houston, tmp_path / "h.xlsx").rows == expected
    picked = [5, 3, 250]
    export_members_xlsx(demo.sessions, picked, tmp_path / "ids.xlsx")
    assert [int(r[0]) for r in read(tmp_path / "ids.xlsx")[1:]] == picked  # type: ignore[call-overload]


def test_external_copy_keeps_only_consent_and_allowed_fields(demo: Database, tmp_path: Path) -> None:
    out = tmp_path / "externo.xlsx"
    result = export_members_xlsx(demo.sessions, MemberQuery(), out, external=True)
    rows = read(out)
    headers = rows[0]
    assert not any(col.header in headers for key, col in COLUMNS if key in INTERNAL_ONLY)
    with demo.reader() as session:
        consenting = count_members(session, MemberQuery(directory_consent=True))
        people = {m["id"]: m for m in member_service.members_as_dicts(session, [int(r[0]) for r in rows[1:]])}  # type: ignore[call-overload]
    assert result.rows == len(rows) - 1 == consenting < 300
    col = {h: i for i, h in enumerate(headers)}
    checked_hidden = 0
    for row in rows[1:]:
        person = people[int(row[0])]  # type: ignore[call-overload]
        assert person["directory_consent"] is True
        for field, header in (
            ("email", "Correo electrónico"),
            ("phone", "Teléfono"),
            ("city", "Ciudad"),
            ("employer", "Empleador"),
        ):
            if field in person["print_fields"]:
                assert row[col[header]] == (person[field] or "")
            else:
                assert row[col[header]] == ""
                checked_hidden += bool(person[field])
        # The state is a place too: it goes out only with the city.
        shown_state = row[col["Estado / región"]]
        assert shown_state == ((person["state"] or "") if "city" in person["print_fields"] else "")
    assert checked_hidden > 0  # the demo data does exercise the rule
    assert "Género" not in headers and "Sitio web / LinkedIn" not in headers


def test_cancel_leaves_no_file_and_keeps_the_old_one(demo: Database, tmp_path: Path) -> None:
    out = tmp_path / "miembros.xlsx"
    out.write_bytes(b"the good file from yesterday")
    abort = threading.Event()

    def progress(done: int, _total: int) -> None:
        abort.set()

    abort.set()
    with pytest.raises(Cancelled, match="cancelada"):
        export_members_xlsx(demo.sessions, MemberQuery(), out, progress=progress, abort=abort)
    assert out.read_bytes() == b"the good file from yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["miembros.xlsx"]


def test_failure_midway_leaves_nothing(
    demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import talentdesk.exports.members_xlsx as module

    calls = 0
    real_rows = module.rows_for

    def failing(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        if calls == 1:
            return real_rows(*args, **kwargs)  # type: ignore[arg-type]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(module, "CHUNK", 100)
    monkeypatch.setattr(module, "rows_for", failing)
    out = tmp_path / "miembros.xlsx"
    with pytest.raises(TalentDeskError, match="No se pudo escribir"):
        export_members_xlsx(demo.sessions, MemberQuery(), out)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "message"),
    [("falta/x.xlsx", "No existe la carpeta"), ("x.csv", "debe terminar en .xlsx"), (".", "carpeta")],
)
def test_bad_targets_are_refused_before_anything_is_written(tmp_path: Path, name: str, message: str) -> None:
    with pytest.raises(TalentDeskError, match=message), atomic_output(tmp_path / name, suffix=".xlsx"):
        raise AssertionError("must not get here")
