"""The statistics workbook: counts equal plain SQL counts (both counting paths), shares as real
percentages, sorted by count with a total, a native chart on every sheet, cancel and errors."""

from __future__ import annotations

import re
import sqlite3
import threading
import zipfile
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

import talentdesk.exports.stats_xlsx as stats_module
import talentdesk.services.statistics as statistics_module
from talentdesk.core.countries import country_name
from talentdesk.core.enums import DegreeLevel, MemberStatus
from talentdesk.core.errors import Cancelled
from talentdesk.db.session import Database
from talentdesk.exports.stats_xlsx import describe_query, export_stats_xlsx
from talentdesk.services import members as member_service
from talentdesk.services.search import MemberQuery, matching_ids
from talentdesk.services.statistics import member_counts

STAT_SHEETS = ["Por capítulo", "Por sector", "Por país", "Por nivel de estudios"]
QUERY = MemberQuery(text="a", statuses=(MemberStatus.ACTIVE, MemberStatus.INACTIVE))


@pytest.fixture()
def demo(demo_db_path: Path) -> Iterator[Database]:
    database = Database.open(demo_db_path)
    yield database
    database.close()


def sheets(path: Path) -> dict[str, list[list[Any]]]:
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def sql_counts(path: Path, ids: list[int] | None) -> dict[str, Counter[str]]:
    """Independent counts by shown label, straight from the tables."""
    con = sqlite3.connect(path)
    where = f"WHERE m.id IN ({','.join(map(str, ids))})" if ids is not None else ""
    try:
        out: dict[str, Counter[str]] = {}
        out["Por capítulo"] = Counter(
            {
                (name or "Sin capítulo"): n
                for name, n in con.execute(
                    f"SELECT c.name, count(*) FROM members m LEFT JOIN chapters c ON c.id = m.chapter_id {where} "
                    "GROUP BY c.name"
                )
            }
        )
        out["Por país"] = Counter(
            {
                (country_name(code) if code else "Sin país"): n
                for code, n in con.execute(
                    f"SELECT m.country, count(*) FROM members m {where} GROUP BY m.country"
                )
            }
        )
        out["Por nivel de estudios"] = Counter(
            {
                (DegreeLevel(d).label if d else "Sin dato"): n
                for d, n in con.execute(f"SELECT m.degree_level, count(*) FROM members m {where} GROUP BY 1")
            }
        )
        primary = Counter(
            {
                (name or "Sin sector principal"): n
                for name, n in con.execute(
                    "SELECT s.name, count(*) FROM members m LEFT JOIN member_sectors ms "
                    f"ON ms.member_id = m.id AND ms.is_primary LEFT JOIN sectors s ON s.id = ms.sector_id {where} "
                    "GROUP BY s.name"
                )
            }
        )
        out["Por sector"] = primary
        out["any sector"] = Counter(
            dict(
                con.execute(
                    "SELECT s.name, count(*) FROM members m JOIN member_sectors ms ON ms.member_id = m.id "
                    f"JOIN sectors s ON s.id = ms.sector_id {where} GROUP BY s.name"
                )
            )
        )
        out["status"] = Counter(
            {
                MemberStatus(s).label: n
                for s, n in con.execute(f"SELECT status, count(*) FROM members m {where} GROUP BY 1")
            }
        )
        total, consent = con.execute(
            f"SELECT count(*), sum(directory_consent) FROM members m {where}"
        ).fetchone()
        out["summary"] = Counter({"total": total, "consent": consent})
        return out
    finally:
        con.close()


def check_breakdown(rows: list[list[Any]], expected: Counter[str], total: int, missing_label: str) -> None:
    body, last = rows[1:-1], rows[-1]
    assert last[:3] == ["Total", total, 1.0]
    got = {r[0]: r[1] for r in body if r[1]}
    assert got == {k: v for k, v in expected.items() if v}
    for r in body:
        assert isinstance(r[1], float) and r[2] == pytest.approx(r[1] / total)
    ranked = [r for r in body if r[0] != missing_label]
    assert [r[1] for r in ranked] == sorted((r[1] for r in ranked), reverse=True)
    if missing_label in got:
        assert body[-1][0] == missing_label  # "not recorded" last, whatever its size


@pytest.mark.parametrize(
    "query", [None, QUERY, MemberQuery(chapter_ids=(2, 3))], ids=["all", "text", "chapters"]
)
def test_counts_equal_sql_counts(
    demo: Database, demo_db_path: Path, tmp_path: Path, query: MemberQuery | None
) -> None:
    out = tmp_path / "estadisticas.xlsx"
    result = export_stats_xlsx(demo.sessions, out, query=query)
    book = sheets(out)
    assert list(book) == ["Resumen", *STAT_SHEETS]
    ids = None
    if query is not None:
        with demo.reader() as session:
            ids = list(matching_ids(session, query))
    expected = sql_counts(demo_db_path, ids)
    total = expected["summary"]["total"]
    assert result.rows == total > 10
    check_breakdown(book["Por capítulo"], expected["Por capítulo"], total, "Sin capítulo")
    check_breakdown(book["Por país"], expected["Por país"], total, "Sin país")
    check_breakdown(book["Por nivel de estudios"], expected["Por nivel de estudios"], total, "Sin dato")
    sector_rows = book["Por sector"]
    assert sector_rows[0] == [
        "Sector (principal)",
        "Miembros",
        "%",
        "Con el sector entre los suyos",
        "% de miembros",
    ]
    check_breakdown([r[:3] for r in sector_rows], expected["Por sector"], total, "Sin sector principal")
    anywhere = {r[0]: r[3] for r in sector_rows[1:-1] if r[0] != "Sin sector principal"}
    assert anywhere == {k: v for k, v in expected["any sector"].items()}
    summary = {r[0]: r[1:] for r in book["Resumen"][1:]}
    assert summary["Miembros"] == [total, 1.0]
    assert summary["Aparecen en directorios (con consentimiento)"][0] == expected["summary"]["consent"]
    for status in MemberStatus:
        assert summary[f"Estatus: {status.label}"][0] == expected["status"].get(status.label, 0)
    assert summary["Fecha del informe"][0] == date.today()


def test_both_counting_paths_agree_after_edits(demo: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """All members are counted from the FTS5 vocabulary; the grouped scan must say the same,
    also after updates and deletes went through the index's triggers."""
    with demo.session() as session:
        for member_id in (3, 17, 41):
            member_service.delete_member(session, member_id)
        member_service.update_member(session, 5, {"chapter_id": None, "country": "JP", "degree_level": None})
        member_service.update_member(
            session, 6, {"chapter_id": 4, "status": "inactivo", "directory_consent": True}
        )
    with demo.reader() as session:
        from_index = member_counts(session)
        monkeypatch.setattr(statistics_module, "_from_index", lambda _session, _counts: False)
        scanned = member_counts(session)
        monkeypatch.undo()
        monkeypatch.setattr(
            statistics_module, "uses_fts", lambda _session: False
        )  # the LIKE form (PostgreSQL)
        like_all, like_query = member_counts(session), member_counts(session, QUERY)
        monkeypatch.undo()
        fts_query = member_counts(session, QUERY)
    assert from_index.total == 297
    assert from_index == scanned == like_all
    assert fts_query == like_query and 0 < fts_query.total < 297
    assert from_index.country["JP"] >= 1 and from_index.chapter[None] >= 1


def test_every_stat_sheet_has_a_native_chart_over_its_cells(demo: Database, tmp_path: Path) -> None:
    out = tmp_path / "estadisticas.xlsx"
    export_stats_xlsx(demo.sessions, out)
    book = openpyxl.load_workbook(out)
    for title in ["Resumen", *STAT_SHEETS]:
        assert len(book[title]._charts) == 1, title
    with zipfile.ZipFile(out) as archive:
        charts = sorted(n for n in archive.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
        assert len(charts) == 5
        xml = "".join(archive.read(n).decode() for n in charts)
    assert "<barChart>" in xml and "<pieChart>" in xml and "<numRef><f>'Por" in xml
    rows = len(sheets(out)["Por capítulo"]) - 2  # without header and total
    assert f"'Por capítulo'!$B$2:$B${min(rows, stats_module.CHART_BARS) + 1}" in xml
    assert "<cat><strRef><f>'Por nivel de estudios'!$A$2:$A$" in xml
    # Pie labels say the share only: left unset, LibreOffice also prints series and category names.
    for flag in ("showSerName", "showCatName", "showVal"):
        assert f'<{flag} val="0"' in xml, flag
    assert '<showPercent val="1"' in xml


def test_sheets_are_formatted(demo: Database, tmp_path: Path) -> None:
    out = tmp_path / "estadisticas.xlsx"
    export_stats_xlsx(demo.sessions, out)
    book = openpyxl.load_workbook(out)
    for title in ["Resumen", *STAT_SHEETS]:
        sheet = book[title]
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
    for title in STAT_SHEETS:
        sheet = book[title]
        last = sheet.max_row
        assert sheet.cell(last, 1).value == "Total" and sheet.cell(last, 1).font.bold
        assert sheet.cell(last, 2).font.bold and isinstance(sheet.cell(last, 2).value, int)
        assert sheet.auto_filter.ref.endswith(str(last - 1))  # the total stays out of the filter
        assert sheet["C2"].number_format == "0.0%" and isinstance(sheet["C2"].value, float)
        assert isinstance(sheet["B2"].value, int)
    assert book["Resumen"]["B3"].is_date
    assert book.properties.title == "Estadísticas de miembros"


def test_selection_is_described_in_spanish(demo: Database) -> None:
    with demo.reader() as session:
        assert describe_query(session, None) == "Todos los miembros"
        text = describe_query(
            session,
            MemberQuery(
                text=" núñez ",
                chapter_ids=(1,),
                countries=("US", "CA"),
                statuses=(MemberStatus.ACTIVE,),
                degrees=(DegreeLevel.MAESTRIA,),
                directory_consent=True,
            ),
        )
    assert text == (
        "Texto «núñez»; Capítulo: Silicon Valley; País: Estados Unidos, Canadá; Estatus: Activo; "
        "Estudios: Maestría; Con consentimiento para directorios"
    )


def test_cancel_leaves_the_old_file(demo: Database, tmp_path: Path) -> None:
    out = tmp_path / "estadisticas.xlsx"
    out.write_bytes(b"last month's figures")
    abort = threading.Event()
    abort.set()
    with pytest.raises(Cancelled, match="cancelada"):
        export_stats_xlsx(demo.sessions, out, abort=abort)
    abort.clear()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 3:
            abort.set()

    with pytest.raises(Cancelled):
        export_stats_xlsx(demo.sessions, out, progress=progress, abort=abort)
    assert seen == [(1, 7), (2, 7), (3, 7)]
    assert out.read_bytes() == b"last month's figures"
    assert [p.name for p in tmp_path.iterdir()] == ["estadisticas.xlsx"]


def test_empty_selection_still_makes_a_workbook(demo: Database, tmp_path: Path) -> None:
    out = tmp_path / "vacio.xlsx"
    result = export_stats_xlsx(demo.sessions, out, query=MemberQuery(text="zzzznadie"))
    assert result.rows == 0
    book = sheets(out)
    assert book["Por país"] == [["País de residencia", "Miembros", "%"], ["Total", 0.0, 0.0]]
    assert book["Resumen"][1] == ["Selección", "Texto «zzzznadie»", ""]
