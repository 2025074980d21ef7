"""File names and files given on the command line that used to reach a traceback or English
OS text: found by the fuzz tests (test_fuzz_args.py, test_fuzz_import_files.py), minimised."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.cli._fuzz import dump, english_in
from tests.cli._support import Result

Cli = Callable[..., Result]


LONG_NAME = "ñ" * 200  # 400 bytes: over the 255-byte limit of a file name


def test_an_export_named_too_long_gets_a_spanish_message(cli: Cli, fuzz_db: Path, tmp_path: Path) -> None:
    result = cli("--db", fuzz_db, "export", "chapters", "-o", tmp_path / f"{LONG_NAME}.xlsx")
    assert result.code == 1
    assert "demasiado largo" in result.err
    assert not english_in(result.err, [str(tmp_path)]), result.err


def test_a_backup_named_too_long_gets_a_spanish_message(cli: Cli, fuzz_db: Path, tmp_path: Path) -> None:
    before = set(tmp_path.iterdir())
    result = cli("--db", fuzz_db, "db", "backup", tmp_path / f"{LONG_NAME}.sqlite")
    assert result.code == 1
    assert "demasiado largo" in result.err
    assert not english_in(result.err, [str(tmp_path)]), result.err
    assert set(tmp_path.iterdir()) == before


def test_a_backup_onto_a_folder_says_so_in_spanish(cli: Cli, fuzz_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "carpeta.sqlite"
    folder.mkdir()
    result = cli("--db", fuzz_db, "db", "backup", folder)
    assert result.code == 1
    assert "carpeta" in result.err
    assert not english_in(result.err, [str(tmp_path)]), result.err
    assert list(folder.iterdir()) == []


def test_an_error_report_quoting_a_control_character_is_written(
    cli: Cli, fuzz_db: Path, tmp_path: Path
) -> None:
    source = tmp_path / "importar.csv"
    source.write_bytes(b"Id\r\n\x1b\r\n")
    report = tmp_path / "informe.xlsx"
    before = dump(fuzz_db)
    result = cli("--db", fuzz_db, "import", "members", source, "--errors", report)
    assert result.code == 1
    assert "Traceback" not in result.err
    assert report.exists()
    assert dump(fuzz_db) == before


def test_a_file_whose_name_is_not_utf8_is_imported(cli: Cli, fuzz_db: Path, tmp_path: Path) -> None:
    """Its name went as is into the audit and the consent history: UnicodeEncodeError in SQLite.
    ``core.text.readable_file_name`` turns such a name into storable text."""
    import os

    source = tmp_path / os.fsdecode(b"miembros-\xed.csv")
    source.write_text("Nombre(s),Apellido paterno\nLuz,Ortega\n", encoding="utf-8")
    result = cli("--db", fuzz_db, "import", "members", source)
    assert result.code == 0, result.err
    assert "Se guardaron 1 miembros" in result.out or "Se guardó 1 miembro" in result.out


def test_a_restore_from_a_name_too_long_gets_a_spanish_message(
    cli: Cli, fuzz_db: Path, tmp_path: Path
) -> None:
    before = dump(fuzz_db)
    result = cli("--db", fuzz_db, "db", "restore", tmp_path / f"{LONG_NAME}.sqlite")
    assert result.code == 1
    assert "demasiado largo" in result.err
    assert not english_in(result.err, [str(tmp_path)]), result.err
    assert dump(fuzz_db) == before
