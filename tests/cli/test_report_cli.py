"""``talentdesk export dashboard|sector-report|chapter-report|annual-report`` (issue 15): the
format follows -o, filters and names reach the report, and every mistake is a Spanish message
with exit 1 (2 for a missing argument) that leaves no file behind."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from python_calamine import CalamineWorkbook

from tests.cli._support import Result, query

Cli = Callable[..., Result]


def test_dashboard_pdf_and_xlsx_with_filters(cli: Cli, demo_db_path: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "tablero.pdf"
    result = cli(
        "--db", demo_db_path, "export", "dashboard", "-o", pdf,
        "--chapter", "Houston", "--sector", "3", "--country", "Estados Unidos", "--from-year", "2010",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "gráficas a" in result.out
    text = "\n".join(p.extract_text() for p in PdfReader(pdf).pages)
    for line in ("Capítulo: Houston", "Sector: 3.", "País: Estados Unidos", "Años: desde 2010"):
        assert line in text
    xlsx = tmp_path / "tablero.xlsx"
    assert cli("--db", demo_db_path, "export", "dashboard", "-o", xlsx).code == 0
    summary = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_name("Resumen").to_python()
    members = int(query(demo_db_path, "SELECT count(*) FROM members")[0][0])
    assert ["Miembros", members] in [row[:2] for row in summary]


def test_reports_by_name(cli: Cli, demo_db_path: Path, tmp_path: Path) -> None:
    for argv, name in (
        (["sector-report", "--sector", "Salud"], "sector.pdf"),
        (["sector-report", "--sector", "3"], "sector.xlsx"),
        (["chapter-report", "--chapter", "houston"], "capitulo.pdf"),
        (["chapter-report", "--chapter", "Houston"], "capitulo.xlsx"),
        (["annual-report", "--year", "2021"], "anual.pdf"),
    ):
        result = cli("--db", demo_db_path, "export", *argv, "-o", tmp_path / name)
        assert result.code == 0, (argv, result.err)
        assert (tmp_path / name).stat().st_size > 1000


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["sector-report", "--sector", "Astrología"], 1, "no existe el sector «Astrología»"),
        (["chapter-report", "--chapter", "Atlántida"], 1, "no existe el capítulo «Atlántida»"),
        (["annual-report", "--year", "dos mil"], 1, "«dos mil» no es un año válido"),
        (["annual-report", "--year", "99999"], 1, "no es un año válido"),
        (["dashboard", "--from-year", "2020", "--to-year", "2019"], 1, "posterior al final"),
        (["dashboard", "--country", "Narnia"], 1, "país desconocido «Narnia»"),
        (["sector-report"], 2, "--sector"),
    ],
)
def test_mistakes_are_spanish_and_write_nothing(
    cli: Cli, demo_db_path: Path, tmp_path: Path, argv: list[str], code: int, message: str
) -> None:
    out = tmp_path / "salida.pdf"
    result = cli("--db", demo_db_path, "export", *argv, "-o", out)
    assert result.code == code
    assert message in result.err and "Traceback" not in result.err
    assert list(tmp_path.iterdir()) == []


def test_unwritable_targets_leave_nothing(cli: Cli, demo_db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "carpeta.pdf"
    folder.mkdir()
    for target, message in (
        (tmp_path / "no-existe" / "r.pdf", "No existe la carpeta"),
        (folder, "es una carpeta"),
        (tmp_path / "r.xlsx", "debe terminar en .pdf"),
    ):
        result = cli("--db", demo_db_path, "export", "annual-report", "--year", "2020", "-o", target)
        assert result.code == 1 and message in result.err, result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["carpeta.pdf"] and not any(folder.iterdir())
