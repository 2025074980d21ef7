"""The small lists as spreadsheets (exports/reference_xlsx.py) and the order the record tables
share with them (services/record_lists.py): Spanish order, cancel, unknown list, empty lists."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from talentdesk.core.errors import Cancelled, TalentDeskError
from talentdesk.db.session import Database
from talentdesk.exports.reference_xlsx import LISTS, export_reference_xlsx
from talentdesk.services.record_lists import cell_key, load_chapters, load_organizations, text_key


def test_text_key_is_spanish_order() -> None:
    words = ["Ñuñoa", "Nuevo León", "Zacatecas", "Ámsterdam", "alemania", "Ñandú", "Oaxaca", "Atlanta"]
    assert sorted(words, key=text_key) == [
        "alemania",
        "Ámsterdam",
        "Atlanta",
        "Nuevo León",
        "Ñandú",
        "Ñuñoa",
        "Oaxaca",
        "Zacatecas",
    ]


def test_cell_key_numbers_and_dates_in_their_order_empty_last() -> None:
    assert sorted([10, None, 9, "", 100], key=cell_key) == [9, 10, 100, None, ""]
    days = [date(2027, 2, 18), None, date(2026, 3, 5)]
    assert sorted(days, key=cell_key) == [date(2026, 3, 5), date(2027, 2, 18), None]
    assert sorted(["b", None, "Á"], key=cell_key) == ["Á", "b", None]


def test_every_list_writes_its_default_columns(demo: Database, tmp_path: Path) -> None:
    for key, spec in LISTS.items():
        out = tmp_path / f"{key}.xlsx"
        result = export_reference_xlsx(demo.sessions, key, out)
        book = CalamineWorkbook.from_path(str(out))
        assert book.sheet_names == [spec.title]
        rows = book.get_sheet_by_name(spec.title).to_python()
        assert rows[0] == [c.header for c in spec.columns]
        assert result.rows == len(rows) - 1 > 0
        assert result.path == out


def test_loaders_give_plain_rows_in_spanish_order(demo: Database) -> None:
    with demo.reader() as session:
        chapters = load_chapters(session)
        organizations = load_organizations(session)
        some = load_organizations(session, "investigación")
    names = [c.name for c in chapters.chapters]
    assert names == sorted(names, key=text_key) and len(names) == 21
    assert len(chapters.sectors) == 9 and chapters.sectors[0][1].startswith("1. ")
    assert organizations.total == some.total == len(organizations.rows) == 60
    assert 0 < len(some.rows) < 60


def test_an_empty_list_writes_the_headers_only(db: Database, tmp_path: Path) -> None:
    for key, headers in (
        ("organizations", ["Organización", "Tipo", "Estado", "Ciudad", "Contacto", "Correo", "Sectores"]),
        ("events", ["Evento", "Edición", "Empieza", "Termina", "Ciudad", "Estatus", "Participantes"]),
    ):
        out = tmp_path / f"{key}.xlsx"
        result = export_reference_xlsx(db.sessions, key, out)
        assert result.rows == 0
        assert CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python() == [headers]


def test_unknown_list_is_a_spanish_error(demo: Database, tmp_path: Path) -> None:
    with pytest.raises(TalentDeskError, match=r"«members».*chapters, sectors, organizations, events"):
        export_reference_xlsx(demo.sessions, "members", tmp_path / "x.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_cancel_leaves_the_old_file_untouched(demo: Database, tmp_path: Path) -> None:
    out = tmp_path / "capitulos.xlsx"
    out.write_bytes(b"yesterday's good file")
    abort = threading.Event()
    abort.set()
    for key in LISTS:
        with pytest.raises(Cancelled, match="cancelada"):
            export_reference_xlsx(demo.sessions, key, out, abort=abort)
    assert out.read_bytes() == b"yesterday's good file"
    assert [p.name for p in tmp_path.iterdir()] == ["capitulos.xlsx"]  # no partial file left


def test_progress_reaches_the_total(demo: Database, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_reference_xlsx(
        demo.sessions, "organizations", tmp_path / "o.xlsx", progress=lambda d, t: seen.append((d, t))
    )
    assert seen[-1] == (60, 60)
