"""talentdesk import members: counts, --json, dry run, all-or-nothing, --valid-only, duplicates,
saved mappings, error report, bad files, round trip."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

from talentdesk.db.session import Database
from talentdesk.services import import_mappings
from tests.cli._support import Result, count_rows, file_hash, query
from tests.unit.import_files import encrypted_xlsx, write_csv, write_xlsx

Cli = Callable[..., Result]
HEADERS = ["Nombre(s)", "Apellido paterno", "Correo electrónico", "País", "Teléfono", "Ciudad"]
GOOD = [
    ["Ana", "Ruiz", "ana@example.com", "MX", "55 1234 5678", "Monterrey"],
    ["Luis", "Gómez", "", "US", "", "Austin"],
]
BAD = ["Eva", "Luna", "eva@", "Narnia", "", ""]


def _db(cli: Cli, tmp_path: Path) -> Path:
    path = tmp_path / "td.sqlite"
    assert cli("--db", path, "db", "upgrade").code == 0
    return path


def test_import_json_counts_and_writes(cli: Cli, tmp_path: Path) -> None:
    db = _db(cli, tmp_path)
    src = write_csv(tmp_path / "a.csv", [HEADERS, *GOOD], delimiter=";")
    result = cli("--db", db, "import", "members", src, "--json")
    assert result.code == 0, result.err
    assert result.json() == {
        "rows": 2,
        "new": 2,
        "updated": 0,
        "duplicates": 0,
        "skipped": 0,
        "written": 2,
        "errors": [],
        "import_run": 1,  # `talentdesk import undo 1` takes it back
    }
    assert query(db, "SELECT given_names, email, phone FROM members ORDER BY id") == [
        ("Ana", "ana@example.com", "+525512345678"),
        ("Luis", None, None),
    ]
    again = cli("--db", db, "import", "members", src, "--json")  # now both are duplicates: skipped
    assert again.code == 0 and again.json()["duplicates"] == 2 and again.json()["written"] == 0
    assert count_rows(db) == 2


def test_dry_run_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    db = _db(cli, tmp_path)
    src = write_xlsx(tmp_path / "a.xlsx", [HEADERS, *GOOD])
    before = count_rows(db, "audit_log")
    result = cli("--db", db, "import", "members", src, "--dry-run")
    assert result.code == 0
    assert "nuevas: 2" in result.out and "Simulación" in result.out
    assert count_rows(db) == 0 and count_rows(db, "audit_log") == before


def test_errors_all_or_nothing_exit_1(cli: Cli, tmp_path: Path) -> None:
    db = _db(cli, tmp_path)
    src = write_xlsx(tmp_path / "a.xlsx", [HEADERS, *GOOD, BAD])
    result = cli("--db", db, "import", "members", src, "--json")
    assert result.code == 1
    data = result.json()
    assert data["written"] == 0 and data["new"] == 2
    assert [(e["row"], e["column"], e["value"]) for e in data["errors"]] == [
        (4, "Correo electrónico", "eva@"),
        (4, "País", "Narnia"),
    ]
    assert "no es una dirección de correo válida" in data["errors"][0]["message"]
    assert count_rows(db) == 0
    text = cli("--db", db, "import", "members", src)
    assert text.code == 1 and "Fila 4, columna «País»" in text.err and "No se guardó nada" in text.out


def test_valid_only_and_error_report(cli: Cli, tmp_path: Path) -> None:
    db = _db(cli, tmp_path)
    src = write_xlsx(tmp_path / "a.xlsx", [HEADERS, *GOOD, BAD])
    out = tmp_path / "errores.xlsx"
    result = cli("--db", db, "import", "members", src, "--valid-only", "--errors", out, "--json")
    assert result.code == 0 and result.json()["written"] == 2 and len(result.json()["errors"]) == 2
    assert count_rows(db) == 2
    book = load_workbook(out, read_only=True)
    rows = list(book["Errores"].iter_rows(values_only=True))
    book.close()
    assert rows[1][:3] == (4, "Correo electrónico", "eva@")


def test_on_duplicate_update_skip_create(cli: Cli, tmp_path: Path) -> None:
    db = _db(cli, tmp_path)
    assert (
        cli(
            "--db",
            db,
            "members",
            "add",
            "--given-names",
            "Ana",
            "--paternal",
            "Ruiz",
            "--city",
            "Lima",
            "--country",
            "MX",
            "--phone",
            "55 1234 5678",
        ).code
        == 0
    )
    src = write_csv(tmp_path / "a.csv", [HEADERS, GOOD[0]])
    skip = cli("--db", db, "import", "members", src, "--json").json()
    assert (skip["duplicates"], skip["skipped"], skip["written"]) == (1, 1, 0)
    # The same name and nothing else in common (Lima, Monterrey, no phone): perhaps someone
    # else, so --on-duplicate update leaves it for a person to decide (issue 12, item 1).
    other = write_csv(
        tmp_path / "o.csv", [HEADERS, ["Ana", "Ruiz", "ana@example.com", "MX", "", "Monterrey"]]
    )
    unsure = cli("--db", db, "import", "members", other, "--on-duplicate", "update")
    assert unsure.code == 0 and "ningún otro dato en común" in unsure.err
    assert query(db, "SELECT email FROM members") == [(None,)]
    # The same phone confirms it: then it is updated.
    fill = cli("--db", db, "import", "members", src, "--on-duplicate", "update", "--json").json()
    assert (fill["updated"], fill["written"]) == (1, 1)
    assert query(db, "SELECT email, city FROM members") == [
        ("ana@example.com", "Lima")
    ]  # filled, not replaced
    overwrite = cli(
        "--db", db, "import", "members", src, "--on-duplicate", "update", "--overwrite", "--json"
    ).json()
    assert overwrite["written"] == 1 and query(db, "SELECT city FROM members") == [("Monterrey",)]
    src2 = write_csv(tmp_path / "b.csv", [HEADERS, ["Ana", "Ruiz", "otra@example.com", "", "", "Quito"]])
    created = cli("--db", db, "import", "members", src2, "--on-duplicate", "create", "--json").json()
    assert (created["duplicates"], created["new"], created["written"]) == (1, 1, 1)
    assert count_rows(db) == 2
    bad = cli("--db", db, "import", "members", src, "--on-duplicate", "merge")
    assert bad.code == 2 and "opción no válida" in bad.err


def test_saved_mapping(cli: Cli, tmp_path: Path) -> None:
    db = _db(cli, tmp_path)
    database = Database.open(db)
    with database.session() as s:
        import_mappings.save_mapping(
            s, "Registro Houston", {"Col A": "given_names", "Col B": "paternal_surname", "Col C": "email"}
        )
    database.close()
    src = write_csv(tmp_path / "a.csv", [["Col A", "Col B", "Col C"], ["Ana", "Ruiz", "ana@example.com"]])
    refused = cli("--db", db, "import", "members", src)
    assert refused.code == 1 and "Falta el nombre" in refused.err
    result = cli("--db", db, "import", "members", src, "--mapping", "registro houston".title(), "--json")
    assert result.code == 0 and result.json()["written"] == 1
    unknown = cli("--db", db, "import", "members", src, "--mapping", "Otra")
    assert unknown.code == 1 and "No existe la asignación de columnas «Otra»" in unknown.err
    src2 = write_csv(tmp_path / "b.csv", [["Nombre(s)", "Apellido paterno"], ["Eva", "Luna"]])
    assert cli("--db", db, "import", "members", src2, "--save-mapping", "Simple", "--dry-run").code == 0
    assert query(db, "SELECT name FROM import_mappings ORDER BY name") == [("Registro Houston",), ("Simple",)]


def test_bad_files_clear_message_nothing_written(cli: Cli, tmp_path: Path) -> None:
    db = _db(cli, tmp_path)
    empty = tmp_path / "vacio.xlsx"
    empty.write_bytes(b"")
    truncated = tmp_path / "cortado.xlsx"
    truncated.write_bytes(write_xlsx(tmp_path / "ok.xlsx", [HEADERS, *GOOD] * 30).read_bytes()[:900])
    cases = [
        (empty, "está vacío (0 bytes)"),
        (tmp_path / "nada.pdf", "Formato no admitido"),
        (truncated, "dañado o incompleto"),
        (encrypted_xlsx(tmp_path / "secreto.xlsx"), "protegido con contraseña"),
        (write_xlsx(tmp_path / "sin.xlsx", GOOD), "No se encontró la fila de encabezados"),
    ]
    (tmp_path / "nada.pdf").write_bytes(b"%PDF-1.4")
    before = file_hash(db)
    for path, message in cases:
        result = cli("--db", db, "import", "members", path, "--json")
        assert result.code == 1 and message in result.err and result.out == "", (path, result)
        assert "Traceback" not in result.err
    assert file_hash(db) == before


def test_round_trip_through_the_cli(cli: Cli, tmp_path: Path) -> None:
    db = _db(cli, tmp_path)
    for given, paternal in (("Ana", "Ruiz"), ("Luis", "Gómez"), ("Eva", "Luna")):
        assert (
            cli(
                "--db",
                db,
                "members",
                "add",
                "--given-names",
                given,
                "--paternal",
                paternal,
                "--country",
                "MX",
            ).code
            == 0
        )
    out = tmp_path / "miembros.xlsx"
    assert cli("--db", db, "export", "members", "-o", out).code == 0
    book = load_workbook(out)
    sheet = book["Miembros"]
    header = [c.value for c in sheet[1]]
    sheet.cell(3, header.index("Ciudad") + 1).value = "Puebla"
    book.save(out)
    result = cli("--db", db, "import", "members", out, "--json")
    assert result.code == 0, result.err
    assert result.json() == {
        "rows": 3,
        "new": 0,
        "updated": 1,
        "duplicates": 0,
        "skipped": 2,
        "written": 1,
        "errors": [],
        "import_run": 1,  # the members came from the demo, not an import
    }
    changed = query(
        db, "SELECT entity_id, field, old_value, new_value FROM audit_log WHERE action = 'update'"
    )
    (member_id,) = [r[0] for r in query(db, "SELECT id FROM members WHERE city = 'Puebla'")]
    assert changed == [(member_id, "city", None, "Puebla")]
