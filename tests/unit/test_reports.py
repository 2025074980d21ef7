"""The Tablero export and the reports (issue 15): every figure equals a plain-SQL count on the
demo data, PDFs read back (text, pages, only embedded DejaVu, qpdf clean), workbooks read back
(values, native chart parts), the consent rule in every list of people, cancel leaves no file."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import threading
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from python_calamine import CalamineWorkbook

from talentdesk.core.errors import Cancelled, TalentDeskError
from talentdesk.db.session import Database
from talentdesk.exports.consent import listed_clause
from talentdesk.exports.reports import (
    export_annual_report,
    export_chapter_report,
    export_dashboard,
    export_sector_report,
)
from talentdesk.services import reports
from talentdesk.services.dashboard import ChartKind, DashboardFilter, load_dashboard


@pytest.fixture()
def demo(demo_db_path: Path) -> Iterator[Database]:
    database = Database.open(demo_db_path)
    yield database
    database.close()


def sql(db: Database, statement: str, *params: Any) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(db.engine.url.database or "")
    try:
        return list(con.execute(statement, params))
    finally:
        con.close()


def one(db: Database, statement: str, *params: Any) -> int:
    return int(sql(db, statement, *params)[0][0])


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def figure(text: str, label: str) -> int:
    """The number printed after ``label`` in the summary table."""
    found = re.search(re.escape(label) + r"\s*([\d,]+)", text)
    assert found, label
    return int(found.group(1).replace(",", ""))


def assert_clean_pdf(path: Path) -> None:
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    lines = fonts.splitlines()[2:]
    assert lines and all("DejaVuSans" in line and line.split()[-5] == "yes" for line in lines), fonts
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True, check=False)
    assert check.returncode == 0 and "No syntax or stream encoding errors" in check.stdout, check.stdout
    reader = PdfReader(path)
    pages = len(reader.pages)
    for number in (1, pages):  # "de N" is a form, extracted on a line of its own
        assert re.search(rf"Página {number} de\s*{pages}\b", reader.pages[number - 1].extract_text())
    assert reader.metadata is not None and reader.metadata.author


def chapter_of(db: Database) -> tuple[int, str]:
    """The chapter with the most board positions (so its board is printed)."""
    cid, name = sql(
        db,
        "SELECT c.id, c.name FROM chapters c JOIN board_positions b ON b.chapter_id = c.id "
        "GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1",
    )[0]
    return int(cid), str(name)


# -- the read model -------------------------------------------------------------------------------


def test_the_sql_consent_rule_is_the_exports_rule(demo: Database) -> None:
    from sqlalchemy import select

    from talentdesk.core.models import Member

    with demo.reader() as session:
        theirs = set(session.scalars(select(Member.id).where(listed_clause())))
    ours = {r[0] for r in sql(demo, f"SELECT m.id FROM members m WHERE {reports.LISTED}")}
    assert ours == theirs and 0 < len(ours) < one(demo, "SELECT count(*) FROM members")


def test_sector_report_figures_are_plain_sql_counts(demo: Database) -> None:
    with demo.reader() as session:
        report = reports.sector_report(session, 3)
    figures = dict(report.figures)
    members = "SELECT member_id FROM member_sectors WHERE sector_id = 3"
    assert figures["Miembros con el sector entre los suyos"] == one(demo, f"SELECT count(*) FROM ({members})")
    assert figures["Con el sector como principal"] == one(
        demo, "SELECT count(*) FROM member_sectors WHERE sector_id = 3 AND is_primary"
    )
    listed = {
        r[0]
        for r in sql(
            demo,
            f"SELECT id FROM members WHERE id IN ({members}) AND directory_consent = 1 AND no_contact = 0",
        )
    }
    assert set(report.directory.member_ids if report.directory else ()) == listed
    assert figures["Aparecen en el directorio (con consentimiento)"] == len(listed)
    programs = one(
        demo,
        "SELECT count(*) FROM programs WHERE sector_id = 3 OR id IN "
        "(SELECT program_id FROM program_sectors WHERE sector_id = 3)",
    )
    assert figures["Programas del sector"] == programs
    country = {b.label: b.count for b in next(c for c in report.charts if c.key == "country").bars}
    usa = one(demo, f"SELECT count(*) FROM members WHERE country = 'US' AND id IN ({members})")
    assert country["Estados Unidos"] == usa


def test_annual_report_figures_are_plain_sql_counts(demo: Database) -> None:
    year = 2020
    with demo.reader() as session:
        report = reports.annual_report(session, year)
    figures = dict(report.figures)
    assert figures["Miembros al cierre del año"] == one(
        demo, "SELECT count(*) FROM members WHERE joined_on <= ?", f"{year}-12-31"
    )
    joined = one(demo, "SELECT count(*) FROM members WHERE strftime('%Y', joined_on) = ?", str(year))
    assert figures["Nuevos miembros en el año"] == joined
    by_chapter = next(c for c in report.charts if c.key == "chapter")
    assert by_chapter.total == joined
    growth = next(c for c in report.charts if c.key == "growth")
    assert growth.bars[-1].label == str(year)


def test_dashboard_years_cut_the_per_year_charts_and_the_jornadas(demo: Database) -> None:
    with demo.reader() as session:
        everything = reports.dashboard_report(session)
        cut = reports.dashboard_report(session, DashboardFilter(), reports.YearRange(2010, 2012))
        board = load_dashboard(session)
    assert [c.key for c in everything.charts] == [c.key for c in board.charts]  # generic: all of them
    growth = next(c for c in cut.charts if c.key == "growth")
    assert [b.label for b in growth.bars] == ["2010", "2011", "2012"]
    assert growth.total == one(
        demo, "SELECT count(*) FROM members WHERE strftime('%Y', joined_on) BETWEEN '2010' AND '2012'"
    )
    assert not next(c for c in cut.charts if c.key == "jornadas").bars  # the demo Jornada is later
    assert ("Años", "2010–2012") in cut.filters


@pytest.mark.parametrize(
    ("first", "last", "message"),
    [
        ("20x0", None, "no es un año válido"),
        ("1800", None, "no es un año válido"),
        ("2020", "2010", "posterior"),
    ],
)
def test_bad_years_are_spanish_errors(first: str, last: str | None, message: str) -> None:
    with pytest.raises(TalentDeskError, match=message):
        reports.year_range(first, last)


# -- the documents ----------------------------------------------------------------------------------


def test_tablero_pdf_has_every_chart_its_numbers_and_the_filters(demo: Database, tmp_path: Path) -> None:
    out = tmp_path / "tablero.pdf"
    flt = DashboardFilter(chapter_id=1)
    result = export_dashboard(demo.sessions, out, flt=flt, years=reports.YearRange(2008, 2020))
    text = pdf_text(out)
    chapter = sql(demo, "SELECT name FROM chapters WHERE id = 1")[0][0]
    assert f"Capítulo: {chapter}" in text and "Años: 2008–2020" in text
    with demo.reader() as session:
        board = load_dashboard(session, flt)
    assert result.rows == len(board.charts)
    for chart in board.charts:
        assert chart.title in text
    members = one(demo, "SELECT count(*) FROM members WHERE chapter_id = 1")
    assert figure(text, "Miembros") == members
    assert_clean_pdf(out)


def test_tablero_xlsx_values_and_native_charts(demo: Database, tmp_path: Path) -> None:
    out = tmp_path / "tablero.xlsx"
    result = export_dashboard(demo.sessions, out)
    book = CalamineWorkbook.from_path(str(out))
    with demo.reader() as session:
        board = load_dashboard(session)
    assert book.sheet_names[0] == "Resumen"
    summary = dict((r[0], r[1]) for r in book.get_sheet_by_name("Resumen").to_python())
    assert summary["Miembros"] == one(demo, "SELECT count(*) FROM members")
    chapters = book.get_sheet_by_index(1).to_python()
    assert chapters[0] == ["Capítulo", "Cantidad", "%"]
    houston = one(
        demo, "SELECT count(*) FROM members m JOIN chapters c ON c.id = m.chapter_id WHERE c.name = 'Houston'"
    )
    assert {r[0]: r[1] for r in chapters[1:]}["Houston"] == houston
    with zipfile.ZipFile(out) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        xml = "".join(archive.read(n).decode() for n in charts)
    assert result.rows == len(board.charts) == len(charts)
    assert "<lineChart>" in xml and "<pieChart>" in xml and '<grouping val="stacked"' in xml


def test_sector_report_pdf_lists_only_who_may_appear(demo: Database, tmp_path: Path) -> None:
    out = tmp_path / "sector.pdf"
    result = export_sector_report(demo.sessions, 3, out)
    text = pdf_text(out)
    assert "Reporte sectorial" in text and "Directorio de miembros del sector" in text
    members = "SELECT member_id FROM member_sectors WHERE sector_id = 3"
    assert figure(text, "Miembros con el sector entre los suyos") == one(
        demo, f"SELECT count(*) FROM ({members})"
    )
    listed = sql(
        demo,
        f"SELECT id, paternal_surname, given_names FROM members WHERE id IN ({members}) "
        "AND directory_consent = 1 AND no_contact = 0",
    )
    hidden = sql(
        demo,
        f"SELECT id, paternal_surname, given_names, email FROM members WHERE id IN ({members}) "
        "AND NOT (directory_consent = 1 AND no_contact = 0) AND email IS NOT NULL",
    )
    assert listed and hidden
    assert sorted(result.member_ids) == sorted(r[0] for r in listed)  # the export log's members
    flat = " ".join(text.split())
    for _id, _surname, _given, email in hidden:
        assert email not in flat
    assert_clean_pdf(out)


def test_sector_report_xlsx_directory_follows_the_consent_rule(demo: Database, tmp_path: Path) -> None:
    out = tmp_path / "sector.xlsx"
    export_sector_report(demo.sessions, 3, out)
    book = CalamineWorkbook.from_path(str(out))
    rows = book.get_sheet_by_name("Directorio").to_python()
    members = "SELECT member_id FROM member_sectors WHERE sector_id = 3"
    allowed = {
        r[0]: r[1]
        for r in sql(
            demo,
            f"SELECT email, print_fields FROM members WHERE id IN ({members}) "
            "AND directory_consent = 1 AND no_contact = 0",
        )
    }
    assert len(rows) - 1 == len(allowed)
    emails = {r[8] for r in rows[1:] if r[8]}
    assert emails == {e for e, fields in allowed.items() if e and "email" in (fields or "").split(",")}
    with zipfile.ZipFile(out) as archive:
        assert any(n.startswith("xl/charts/") for n in archive.namelist())


def test_chapter_report_board_names_only_who_consented(demo: Database, tmp_path: Path) -> None:
    chapter_id, name = chapter_of(demo)
    out = tmp_path / "capitulo.pdf"
    result = export_chapter_report(demo.sessions, chapter_id, out)
    text = " ".join(pdf_text(out).split())
    assert name in text
    board = sql(
        demo,
        "SELECT m.id, m.given_names, m.paternal_surname, m.directory_consent = 1 AND m.no_contact = 0 "
        "FROM board_positions b JOIN members m ON m.id = b.member_id WHERE b.chapter_id = ?",
        chapter_id,
    )
    for member_id, given, surname, listed in board:
        assert (f"{given} {surname}" in text) == bool(listed), member_id
    assert set(result.member_ids) == {r[0] for r in board if r[3]}
    assert figure(text, "Miembros") == one(
        demo, "SELECT count(*) FROM members WHERE chapter_id = ?", chapter_id
    )
    assert figure(text, "Programas con el capítulo") == one(
        demo, "SELECT count(*) FROM program_chapters WHERE chapter_id = ?", chapter_id
    )
    assert_clean_pdf(out)
    export_chapter_report(demo.sessions, chapter_id, tmp_path / "capitulo.xlsx")
    sheets = CalamineWorkbook.from_path(str(tmp_path / "capitulo.xlsx")).sheet_names
    assert "Cargos y periodos" in sheets


def test_annual_report_pdf(demo: Database, tmp_path: Path) -> None:
    out = tmp_path / "anual.pdf"
    export_annual_report(demo.sessions, 2020, out)
    text = pdf_text(out)
    assert "Informe anual de la Red" in text and "Año: 2020" in text
    assert figure(text, "Nuevos miembros en el año") == one(
        demo, "SELECT count(*) FROM members WHERE strftime('%Y', joined_on) = '2020'"
    )
    assert_clean_pdf(out)
    with pytest.raises(TalentDeskError, match=r"\.pdf"):
        export_annual_report(demo.sessions, 2020, tmp_path / "anual.xlsx")
    assert not (tmp_path / "anual.xlsx").exists()


def test_every_chart_kind_is_drawn(demo: Database) -> None:
    from talentdesk.exports.report_charts import chart_drawing

    with demo.reader() as session:
        board = load_dashboard(session)
    kinds = {c.kind for c in board.charts if chart_drawing(c, 400) is not None}
    assert kinds == {ChartKind.BARS, ChartKind.PIE, ChartKind.LINE, ChartKind.STACKED}


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx"])
def test_cancel_and_failure_leave_no_file(demo: Database, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"sector{suffix}"
    out.write_bytes(b"previous")
    abort = threading.Event()

    def stop(done: int, total: int) -> None:
        abort.set()

    with pytest.raises(Cancelled):
        export_sector_report(demo.sessions, 3, out, progress=stop, abort=abort)
    assert out.read_bytes() == b"previous"
    with pytest.raises(TalentDeskError, match="No existe el sector"):
        export_sector_report(demo.sessions, 999, out)
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_reports_are_spanish_whatever_the_language(demo: Database, tmp_path: Path) -> None:
    from talentdesk.core import i18n
    from talentdesk.exports.registry import ExportRequest, run_export

    i18n.set_language("en")
    try:
        run_export("dashboard", demo.sessions, ExportRequest(), tmp_path / "t.pdf")
    finally:
        i18n.set_language("es")
    text = pdf_text(tmp_path / "t.pdf")
    assert "Miembros por capítulo" in text and "Generado el" in text
    assert date.today().year >= 2026
