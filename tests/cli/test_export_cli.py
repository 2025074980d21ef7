"""``talentdesk export …`` and ``talentdesk certificates verify``: each document from the command
line, read back; the options reach the export; bad options are refused in Spanish with no file."""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from python_calamine import CalamineWorkbook

from talentdesk.services.demo_event import DEMO_NAME
from tests.cli._support import Result, query

Cli = Callable[..., Result]


def event_id(path: Path) -> int:
    return int(query(path, "SELECT id FROM events WHERE name = ?", (DEMO_NAME,))[0][0])


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def ok(result: Result) -> str:
    assert result.code == 0, result.err
    return result.out


def sheet_rows(path: Path, sheet: int = 0) -> list[list[object]]:
    book = CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_index(sheet).to_python()  # type: ignore[no-any-return]


def test_members_full_and_table_as_shown(cli: Cli, demo_db_path: Path, tmp_path: Path) -> None:
    full = tmp_path / "miembros.xlsx"
    out = ok(cli("--db", demo_db_path, "export", "members", "-o", full, "--status", "activo"))
    active = int(query(demo_db_path, "SELECT count(*) FROM members WHERE status = 'activo'")[0][0])
    assert f"Se exportaron {active:,} miembros" in out
    assert len(sheet_rows(full)) == active + 1

    table = tmp_path / "tabla.xlsx"
    ok(
        cli(
            "--db", demo_db_path, "export", "members", "-o", table,
            "--columns", "paternal_surname,email,chapter", "--sort", "email", "--descending",
        )
    )  # fmt: skip
    rows = sheet_rows(table)
    assert rows[0] == ["Apellido paterno", "Correo electrónico", "Capítulo"]
    emails = [r[1] for r in rows[1:] if r[1]]
    assert emails == sorted(emails, reverse=True)


def test_directory_grouped_by_country(cli: Cli, demo_db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "directorio.pdf"
    printed = ok(
        cli(
            "--db",
            demo_db_path,
            "export",
            "directory",
            "-o",
            out,
            "--group-by",
            "country",
            "--page-size",
            "a4",
        )
    )
    consented = int(query(demo_db_path, "SELECT count(*) FROM members WHERE directory_consent")[0][0])
    assert f"Se exportaron {consented:,} miembros" in printed
    reader = PdfReader(out)
    width_mm = float(reader.pages[0].mediabox.width) / 72 * 25.4
    assert width_mm == pytest.approx(210, abs=0.5)  # A4
    assert "Estados Unidos" in pdf_text(out)


def test_stats_workbook(cli: Cli, demo_db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "estadisticas.xlsx"
    ok(cli("--db", demo_db_path, "export", "stats", "-o", out))
    names = CalamineWorkbook.from_path(str(out)).sheet_names
    assert {"Por capítulo", "Por país"} <= set(names)


@pytest.mark.parametrize("document", ["participants", "rooming", "arrivals", "materials"])
def test_event_spreadsheets(cli: Cli, demo_db_path: Path, tmp_path: Path, document: str) -> None:
    out = tmp_path / f"{document}.xlsx"
    ok(cli("--db", demo_db_path, "export", document, "-o", out, "--event", event_id(demo_db_path)))
    assert len(sheet_rows(out)) > 1


def test_badges_with_layout_slot_offset_and_reprint(cli: Cli, demo_db_path: Path, tmp_path: Path) -> None:
    event = event_id(demo_db_path)
    codes = [r[0] for r in query(demo_db_path, "SELECT code FROM participants ORDER BY id LIMIT 2")]
    out = tmp_path / "gafetes.pdf"
    printed = ok(
        cli(
            "--db", demo_db_path, "export", "badges", "-o", out, "--event", event,
            "--layout", "avery-l7418", "--start-slot", "8", "--offset-mm=-1,0.5", "--cut-marks",
            "--participants", ",".join(codes),
        )
    )  # fmt: skip
    assert "Se exportaron 2 gafetes" in printed
    reader = PdfReader(out)
    assert len(reader.pages) == 2  # slot 8 of 8 on the first A4 sheet, the second badge on a new one
    text = pdf_text(out)
    assert all(code in text for code in codes)


def test_agenda_signin_and_packets(cli: Cli, demo_db_path: Path, tmp_path: Path) -> None:
    event = event_id(demo_db_path)
    agenda = tmp_path / "agenda.pdf"
    ok(cli("--db", demo_db_path, "export", "agenda", "-o", agenda, "--event", event))
    first_title = query(demo_db_path, "SELECT title FROM event_sessions ORDER BY starts_at LIMIT 1")[0][0]
    assert first_title.split()[0] in pdf_text(agenda)

    day = query(demo_db_path, "SELECT starts_on FROM events WHERE id = ?", (event,))[0][0]
    signin = tmp_path / "firmas.pdf"
    ok(cli("--db", demo_db_path, "export", "signin", "-o", signin, "--event", event, "--day", day))
    assert "Firma" in pdf_text(signin)

    code = query(demo_db_path, "SELECT code FROM participants WHERE status = 'confirmado' LIMIT 1")[0][0]
    folder = tmp_path / "paquetes"
    printed = ok(
        cli(
            "--db", demo_db_path, "export", "packets", "-o", folder, "--event", event,
            "--participants", code, "--separate",
        )
    )  # fmt: skip
    assert "Se exportó 1 paquete a" in printed
    files = list(folder.glob("*.pdf"))
    assert len(files) == 1 and code in files[0].name


def test_certificates_then_verify_the_printed_code(cli: Cli, demo_db_path: Path, tmp_path: Path) -> None:
    event = event_id(demo_db_path)
    with contextlib.closing(sqlite3.connect(demo_db_path)) as con, con:
        con.execute(
            "UPDATE participants SET status = 'asistio' WHERE id IN "
            "(SELECT id FROM participants WHERE event_id = ? ORDER BY id LIMIT 3)",
            (event,),
        )
    out = tmp_path / "constancias.pdf"
    assert "Se exportaron 3 constancias" in ok(
        cli("--db", demo_db_path, "export", "certificates", "-o", out, "--event", event)
    )
    codes = [r[0] for r in query(demo_db_path, "SELECT code FROM certificates")]
    assert len(codes) == 3
    assert all(c in pdf_text(out) for c in codes)
    verified = cli("--db", demo_db_path, "certificates", "verify", codes[0].lower())
    assert verified.code == 0 and "Constancia válida" in verified.out
    unknown = cli("--db", demo_db_path, "certificates", "verify", "RTM-0000-0000")
    assert unknown.code == 1 and "no corresponde" in unknown.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["badges", "--offset-mm", "uno,dos"], "--offset-mm"),
        (["badges", "--participants", "NO-EXISTE"], "NO-EXISTE"),
        (["badges", "--layout", "avery-9999"], "avery-5392"),
        (["badges", "--start-slot", "0"], "etiqueta"),
        (["signin", "--day", "31/02/2027"], "--day"),
    ],
)
def test_bad_event_options_are_refused_in_spanish_and_write_nothing(
    cli: Cli, demo_db_path: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "salida.pdf"
    document, *options = args
    result = cli(
        "--db", demo_db_path, "export", document, "-o", out, "--event", event_id(demo_db_path), *options
    )
    assert result.code == 1
    assert result.err.startswith("Error:") and message in result.err
    assert list(tmp_path.iterdir()) == []


def test_external_copy_cannot_be_a_table_as_shown(cli: Cli, demo_db_path: Path, tmp_path: Path) -> None:
    result = cli(
        "--db",
        demo_db_path,
        "export",
        "members",
        "-o",
        tmp_path / "x.xlsx",
        "--external",
        "--columns",
        "email",
    )
    assert result.code == 1 and "--external" in result.err
    assert list(tmp_path.iterdir()) == []


def test_unknown_event(cli: Cli, demo_db_path: Path, tmp_path: Path) -> None:
    result = cli("--db", demo_db_path, "export", "agenda", "-o", tmp_path / "a.pdf", "--event", "999")
    assert result.code == 1 and "999" in result.err


def test_pdf_from_the_cli_passes_qpdf(cli: Cli, demo_db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "agenda.pdf"
    ok(cli("--db", demo_db_path, "export", "agenda", "-o", out, "--event", event_id(demo_db_path)))
    check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr


def test_verify_says_when_a_constancia_is_no_longer_valid(cli: Cli, demo_db_path: Path) -> None:
    """A code whose participant is no longer «Asistió» exists but must not be honoured: exit 1,
    said in Spanish; a valid one is shown with Spanish labels; --json keeps the dict, dates ISO."""
    event = event_id(demo_db_path)
    with contextlib.closing(sqlite3.connect(demo_db_path)) as con, con:
        pid = con.execute(
            "SELECT id FROM participants WHERE event_id = ? ORDER BY id LIMIT 1", (event,)
        ).fetchone()[0]
        name = con.execute(
            "SELECT given_names || ' ' || paternal_surname FROM participants WHERE id = ?", (pid,)
        ).fetchone()[0]
        con.execute("UPDATE participants SET status = 'asistio' WHERE id = ?", (pid,))
        con.execute(
            "INSERT INTO certificates (participant_id, code, issued_at) "
            "VALUES (?, 'RTM-7K2Q-9XHD', '2027-02-19 12:30:00')",
            (pid,),
        )
    valid = cli("--db", demo_db_path, "certificates", "verify", "rtm 7k2q 9xhd")
    assert valid.code == 0, valid.err
    assert valid.out.startswith("Constancia válida")
    for label in ("Participante:", "Evento:", "Fechas:", "Emitida:", "Rol:", "Estatus:"):
        assert f"  {label}" in valid.out, label
    assert name in valid.out and "18 y 19 de febrero de 2027" in valid.out
    assert "19 de febrero de 2027" in valid.out.split("Emitida:")[1]
    for key in ("participant_id", "issued_at", "starts_on", "attended", "event:"):
        assert key not in valid.out, key  # no English keys of the dict

    with contextlib.closing(sqlite3.connect(demo_db_path)) as con, con:
        con.execute("UPDATE participants SET status = 'no_se_presento' WHERE id = ?", (pid,))
    corrected = cli("--db", demo_db_path, "certificates", "verify", "RTM-7K2Q-9XHD")
    assert corrected.code == 1
    assert "Constancia válida" not in corrected.out
    assert "existe" in corrected.out and "ya no es válida" in corrected.out
    assert "«No se presentó»" in corrected.out and name in corrected.out

    as_json = cli("--db", demo_db_path, "certificates", "verify", "RTM-7K2Q-9XHD", "--json")
    assert as_json.code == 1
    data = as_json.json()
    assert data["code"] == "RTM-7K2Q-9XHD" and data["attended"] is False
    assert data["starts_on"] == "2027-02-18" and data["ends_on"] == "2027-02-19"
    issued = datetime.fromisoformat(data["issued_at"])
    assert issued.utcoffset() == timedelta(0) and issued.hour == 12 and "T" in data["issued_at"]
