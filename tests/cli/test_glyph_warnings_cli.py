"""``talentdesk export`` still writes a PDF whose texts the font lacks, and says so on stderr."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

from talentdesk.db.session import Database
from talentdesk.services import event_participants
from tests.cli._support import Result
from tests.cli.test_export_cli import event_id

Cli = Callable[..., Result]


def add_cjk_guest(path: Path) -> str:
    database = Database.open(path)
    try:
        with database.session() as s:
            guest = event_participants.add_guest(
                s,
                event_id(path),
                {"given_names": "王", "paternal_surname": "李", "organization": "北京大学 🎉"},
            )
            return guest.code
    finally:
        database.close()


def test_badges_warn_on_stderr_and_exit_0(cli: Cli, demo_db_path: Path, tmp_path: Path) -> None:
    code = add_cjk_guest(demo_db_path)
    out = tmp_path / "gafetes.pdf"
    result = cli("--db", demo_db_path, "export", "badges", "-o", out, "--event", event_id(demo_db_path))
    assert result.code == 0, result.err
    assert "Se exportaron" in result.out and "Aviso" not in result.out
    warnings = [line for line in result.err.splitlines() if line.startswith("Aviso: ")]
    assert len(warnings) == 1
    assert f"«王 李» (participante {code})" in warnings[0]
    assert f"«北京大学 🎉» (participante {code})" in warnings[0]
    assert len(PdfReader(out).pages) > 1


def test_no_warning_without_such_texts(cli: Cli, demo_db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "asistencia.pdf"
    result = cli("--db", demo_db_path, "export", "signin", "-o", out, "--event", event_id(demo_db_path))
    assert result.code == 0, result.err
    assert "Aviso" not in result.err
    assert out.exists()
