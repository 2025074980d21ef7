"""Column mapping: headers recognised in Spanish and English, saved mappings by name."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, select

from talentdesk.core.errors import NotFoundError, TalentDeskError, ValidationError
from talentdesk.core.models import AuditEntry, ImportMapping
from talentdesk.db import migrate
from talentdesk.db.engine import make_engine
from talentdesk.db.session import Database
from talentdesk.exports.members_xlsx import COLUMNS
from talentdesk.imports.mapping import (
    check_mapping,
    field_for_header,
    guess_mapping,
    mapping_from_saved,
    mapping_problems,
    mapping_to_saved,
)
from talentdesk.services import import_mappings


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Apellido Paterno", "paternal_surname"),
        ("apellido_paterno", "paternal_surname"),
        ("APELLIDO-PATERNO", "paternal_surname"),
        ("Primer apellido", "paternal_surname"),
        ("Last name", "paternal_surname"),
        ("Surname", "paternal_surname"),
        ("Apellido materno", "maternal_surname"),
        ("Segundo apellido", "maternal_surname"),
        ("Nombre(s)", "given_names"),
        ("First Name", "given_names"),
        ("Correo electrónico", "email"),
        ("correo electronico", "email"),
        ("E-mail", "email"),
        ("EMAIL", "email"),
        ("Teléfono", "phone"),
        ("Phone number", "phone"),
        ("País", "country"),
        ("Country", "country"),
        ("Capítulo", "chapter"),
        ("Chapter", "chapter"),
        ("Sector(es)", "sectors"),
        ("Sectores", "sectors"),
        ("Sector principal", "primary_sector"),
        ("Fecha de ingreso", "joined_on"),
        ("Nivel de estudios", "degree_level"),
        ("Empresa", "employer"),
        ("Company", "employer"),
        ("Nombre completo", "full_name"),
        ("Full name", "full_name"),
        ("Apellidos", "surnames"),
        ("Apelido paterno", "paternal_surname"),  # a typo is still recognised
        ("Correo electronicoo", "email"),
        ("Sitio web / LinkedIn", "website"),
        ("Código de país", "country_code"),
    ],
)
def test_headers_are_recognised_in_spanish_and_english(header: str, field: str) -> None:
    assert field_for_header(header) == field


@pytest.mark.parametrize("header", ["Color favorito", "Fecha", "X", "", "Creado", "Actualizado"])
def test_unknown_and_ignored_headers_map_to_nothing(header: str) -> None:
    assert field_for_header(header) is None


def test_name_alone_means_given_names_beside_a_surname_column_else_the_full_name() -> None:
    assert guess_mapping(["Nombre", "Apellido paterno"]) == ["given_names", "paternal_surname"]
    assert guess_mapping(["Name", "Last name", "Email"]) == ["given_names", "paternal_surname", "email"]
    assert guess_mapping(["Nombre", "Correo"]) == ["full_name", "email"]


def test_a_field_goes_to_the_first_column_that_names_it() -> None:
    assert guess_mapping(["Correo", "E-mail", "Teléfono"]) == ["email", None, "phone"]


def test_every_column_of_the_members_export_is_recognised() -> None:
    headers = [col.header for _key, col in COLUMNS]
    mapped = dict(zip(headers, guess_mapping(headers), strict=True))
    expected = {col.header: key for key, col in COLUMNS if key not in ("created_at", "updated_at")}
    assert {h: f for h, f in mapped.items() if f is not None} == expected
    assert mapped["Creado"] is None and mapped["Actualizado"] is None


def test_mapping_problems_in_spanish() -> None:
    assert mapping_problems(["Nombre(s)", "Apellido paterno"], ["given_names", "paternal_surname"]) == []
    assert mapping_problems(["Id", "Ciudad"], ["id", "city"]) == []  # updates by id need no name
    problems = mapping_problems(["Correo", "Ciudad"], ["email", "city"])
    assert problems and "Falta el nombre" in problems[0]
    problems = mapping_problems(["A", "B", "C"], ["full_name", "email", "email"])
    assert any("dos columnas" in p and "«B»" in p and "«C»" in p for p in problems)
    assert any("desconocido" in p for p in mapping_problems(["A"], ["full_name", "nada"][1:]))
    assert any("no ambos" in p for p in mapping_problems(["A", "B"], ["full_name", "given_names"]))
    with pytest.raises(TalentDeskError, match="No se puede importar"):
        check_mapping(["Correo"], ["email"])


def test_saved_mapping_applies_to_headers_spelled_differently() -> None:
    saved = {"Col A": "given_names", "Col B": "paternal_surname", "Correo": None}
    headers = ["COL_A", "col b", "Correo", "Ciudad"]
    # Columns the saved mapping names take its fields (even "none"); the others are guessed.
    assert mapping_from_saved(headers, saved) == ["given_names", "paternal_surname", None, "city"]
    # A field the saved mapping assigns is not guessed again for another column.
    assert mapping_from_saved(["Nombre(s)", "X"], {"X": "given_names"}) == [None, "given_names"]
    assert mapping_to_saved(["A", "(columna B)"], ["city", None]) == {"A": "city"}


def test_save_list_get_delete_mappings(db: Database) -> None:
    with db.session() as s:
        import_mappings.save_mapping(s, " Registro  Houston ", {"Col A": "given_names", "Col B": None})
        import_mappings.save_mapping(s, "Alumni", {"Name": "full_name"})
    with db.reader() as s:
        assert [m.name for m in import_mappings.list_mappings(s)] == ["Alumni", "Registro Houston"]
        assert import_mappings.get_mapping(s, "registro houston".title()) == {
            "Col A": "given_names",
            "Col B": None,
        }
    with db.session() as s:  # saving again under the same name replaces it, audited as a change
        mapping = import_mappings.save_mapping(s, "Alumni", {"Name": "full_name", "Mail": "email"})
        mapping_id = mapping.id
    with db.reader() as s:
        assert import_mappings.get_mapping(s, "Alumni") == {"Mail": "email", "Name": "full_name"}
        assert len(list(s.scalars(select(ImportMapping)))) == 2
        actions = [
            (a.action, a.field)
            for a in s.scalars(
                select(AuditEntry).where(
                    AuditEntry.entity == "import_mapping", AuditEntry.entity_id == mapping_id
                )
            )
        ]
        assert actions == [("create", None), ("update", "columns")]
        created = s.scalar(
            select(AuditEntry).where(AuditEntry.entity == "import_mapping", AuditEntry.action == "create")
        )
        assert created is not None and "Registro Houston" in json.loads(created.new_value or "{}")["name"]
    with db.session() as s:
        import_mappings.delete_mapping(s, "Alumni")
    with db.reader() as s:
        with pytest.raises(NotFoundError, match=r"«Alumni».*Registro Houston"):
            import_mappings.get_mapping(s, "Alumni")
        with pytest.raises(NotFoundError):
            import_mappings.delete_mapping(s, "Alumni")
    with db.session() as s, pytest.raises(ValidationError, match="escriba un nombre"):
        import_mappings.save_mapping(s, "   ", {})


def test_migration_0003_adds_and_removes_the_mappings_table(tmp_path: Path) -> None:
    path = tmp_path / "m.sqlite"
    engine = make_engine(path)
    config = migrate.alembic_config()
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0002")
        assert "import_mappings" not in inspect(engine).get_table_names()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0003")
        columns = {c["name"] for c in inspect(engine).get_columns("import_mappings")}
        assert columns == {"id", "kind", "name", "columns", "created_at", "updated_at"}
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0002")
        assert "import_mappings" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_import_modules_do_not_load_qt() -> None:
    code = (
        "import sys, talentdesk.imports.prepare, talentdesk.imports.apply, talentdesk.ops.import_report, talentdesk.services.import_mappings\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
