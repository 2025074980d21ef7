"""What `talentdesk import` says when a file or a row is wrong (issue 10, item 9): each thing
once ("Fila 2: Fila 2: …" was printed), in Spanish (the OS's English reason never), never a
traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.cli._support import Result
from tests.unit.import_files import write_csv

Cli = Callable[..., Result]


def test_a_whole_row_problem_names_the_row_once(cli: Cli, db_path: Path, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "alta.csv", [["Nombre(s)", "Apellido paterno"], ["Ana", "Pérez", "de más"]])
    result = cli("--db", db_path, "import", "members", source, "--dry-run")
    assert result.code == 1
    assert (
        "Fila 2: La fila tiene más celdas (3) que encabezados (2): revise el separador o las comillas."
        in (result.err.splitlines())
    )
    assert "Fila 2: Fila 2" not in result.err


def test_a_name_too_long_for_the_disk_is_said_in_spanish(cli: Cli, db_path: Path, tmp_path: Path) -> None:
    result = cli("--db", db_path, "import", "members", tmp_path / ("m" * 300 + ".csv"))
    assert result.code == 1
    assert result.err.startswith("Error: No se pudo abrir «")
    assert result.err.rstrip().endswith("el nombre es demasiado largo (máximo 255 bytes por nombre).")
    assert "Traceback" not in result.err and "File name too long" not in result.err


def test_an_unreadable_file_is_said_in_spanish(cli: Cli, db_path: Path, tmp_path: Path) -> None:
    inside = tmp_path / "no-es-carpeta"
    inside.write_text("x")
    result = cli("--db", db_path, "import", "members", inside / "alta.csv")
    assert result.code == 1
    assert "una parte de la ruta no es una carpeta" in result.err
    assert "Not a directory" not in result.err


def test_sectors_resolve_by_a_distinctive_word_and_unknown_ones_get_a_suggestion(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    source = write_csv(
        tmp_path / "alta.csv",
        [
            ["Nombre(s)", "Apellido paterno", "Sector"],
            ["Ana", "Pérez", "Aeronáutica"],
            ["Luis", "Soto", "Aviones"],
        ],
    )
    result = cli("--db", db_path, "import", "members", source, "--dry-run")
    assert result.code == 1
    problems = [line for line in result.err.splitlines() if line.startswith("Fila")]
    assert len(problems) == 1 and problems[0].startswith("Fila 3, columna «Sector»:")
    assert "no existe el sector «Aviones» (¿quiso decir «Transporte y Aeronáutica»?)" in problems[0]
