"""`talentdesk members add|show|search`: round trips, JSON shapes, search, validation, usage errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.cli._support import Result, count_rows

Cli = Callable[..., Result]

MEMBER_KEYS = {
    "id",
    "given_names",
    "paternal_surname",
    "maternal_surname",
    "email",
    "phone",
    "country",
    "city",
    "employer",
    "chapter",
    "sectors",
    "status",
    "directory_consent",
    "print_fields",
}

JOSE = [
    "--given-names", "José María",
    "--paternal", "Núñez",
    "--maternal", "Pérez",
    "--email", "Jose.Nunez@Example.com",
    "--phone", "+52 55 1234 5678",
    "--country", "MX",
    "--city", "Ciudad de México",
    "--employer", "UNAM",
    "--chapter", "houston",
    "--sector", "Salud",
    "--sector", "2",
    "--directory-consent", "yes",
    "--print-fields", "email,city",
]  # fmt: skip


def add(cli: Cli, db: Path, *args: str) -> dict[str, Any]:
    result = cli("--db", db, "members", "add", *args, "--json")
    assert result.code == 0, result.err
    data: dict[str, Any] = result.json()
    return data


def search(cli: Cli, db: Path, *args: str) -> dict[str, Any]:
    result = cli("--db", db, "members", "search", *args, "--json")
    assert result.code == 0, result.err
    data: dict[str, Any] = result.json()
    return data


def search_ids(cli: Cli, db: Path, *args: str) -> set[int]:
    page = search(cli, db, *args)
    ids = {item["id"] for item in page["items"]}
    assert page["total"] == len(ids), page  # every result fits on one page here
    return ids


# -- add / show / search round trip ---------------------------------------------------------


def test_add_json_then_show_and_search_return_the_same_member(cli: Cli, db_path: Path) -> None:
    created = add(cli, db_path, *JOSE)

    assert set(created) >= MEMBER_KEYS
    assert isinstance(created["id"], int)
    assert created["given_names"] == "José María"
    assert created["paternal_surname"] == "Núñez"
    assert created["maternal_surname"] == "Pérez"
    assert created["email"] == "jose.nunez@example.com"  # lower-cased
    assert created["phone"] == "+525512345678"  # E.164
    assert created["country"] == "MX"
    assert created["city"] == "Ciudad de México"
    assert created["employer"] == "UNAM"
    assert created["chapter"] == "Houston"
    assert created["sectors"] == ["Salud", "Tecnologías de la Información y Comunicación"]
    assert created["status"] == "prospecto"  # default
    assert created["directory_consent"] is True
    assert created["print_fields"] == ["email", "city"]
    assert count_rows(db_path) == 1

    shown = cli("--db", db_path, "members", "show", str(created["id"]), "--json")
    assert shown.code == 0, shown.err
    assert shown.json() == created

    page = search(cli, db_path, "José")
    assert page == {"total": 1, "items": [created]}


def test_add_defaults_without_optional_fields(cli: Cli, db_path: Path) -> None:
    created = add(cli, db_path, "--given-names", "Ana", "--paternal", "López")
    assert created["maternal_surname"] is None
    assert created["email"] is None
    assert created["phone"] is None
    assert created["chapter"] is None
    assert created["sectors"] == []
    assert created["directory_consent"] is False
    assert created["print_fields"] == []
    assert created["status"] == "prospecto"


def test_add_and_show_text_output(cli: Cli, db_path: Path) -> None:
    added = cli("--db", db_path, "members", "add", *JOSE)
    assert added.code == 0, added.err
    assert added.out.strip() == "Miembro registrado: José María Núñez Pérez (id 1)."

    shown = cli("--db", db_path, "members", "show", "1")
    assert shown.code == 0, shown.err
    lines = shown.out.splitlines()
    assert lines[0] == "Miembro 1"
    body = "\n".join(lines[1:])
    for expected in (
        "José María Núñez Pérez",
        "jose.nunez@example.com",
        "+525512345678",
        "México",
        "Houston",
        "Salud; Tecnologías de la Información y Comunicación",
        "En directorios:    sí",
    ):
        assert expected in body


def test_show_missing_id_exits_1_with_spanish_message(cli: Cli, db_path: Path) -> None:
    result = cli("--db", db_path, "members", "show", "999")
    assert result.code == 1
    assert result.out == ""
    assert "No existe el miembro con id 999" in result.err


def test_duplicate_email_is_refused(cli: Cli, db_path: Path) -> None:
    add(cli, db_path, "--given-names", "Ana", "--paternal", "López", "--email", "ana@example.com")
    result = cli(
        "--db", db_path, "members", "add", "--given-names", "Otra", "--paternal", "Ana",
        "--email", "ANA@example.com",
    )  # fmt: skip
    assert result.code == 1
    assert "Correo electrónico" in result.err
    assert "ya está registrado" in result.err
    assert count_rows(db_path) == 1


# -- search ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["nunez", "NUÑEZ", "nuñez", "nun", "perez jose"])
def test_search_ignores_accents_and_case(cli: Cli, db_path: Path, text: str) -> None:
    created = add(cli, db_path, *JOSE)
    add(cli, db_path, "--given-names", "Ana", "--paternal", "López")
    page = search(cli, db_path, text)
    assert page["total"] == 1
    assert [item["id"] for item in page["items"]] == [created["id"]]


def test_search_without_match_is_empty_not_an_error(cli: Cli, db_path: Path) -> None:
    add(cli, db_path, *JOSE)
    assert search(cli, db_path, "zzzz") == {"total": 0, "items": []}
    text = cli("--db", db_path, "members", "search", "zzzz")
    assert text.code == 0
    assert "0 de 0 resultado(s)." in text.out


@pytest.fixture()
def three_members(cli: Cli, db_path: Path) -> dict[str, int]:
    ana = add(
        cli, db_path, "--given-names", "Ana", "--paternal", "López", "--chapter", "Houston",
        "--sector", "Salud", "--country", "US", "--status", "activo",
    )  # fmt: skip
    beto = add(
        cli, db_path, "--given-names", "Beto", "--paternal", "Núñez", "--chapter", "Detroit",
        "--sector", "2", "--country", "MX",
    )  # fmt: skip
    carla = add(
        cli, db_path, "--given-names", "Carla", "--paternal", "Pérez", "--chapter", "houston",
        "--sector", "Tecnologías de la Información y Comunicación", "--country", "Canadá",
        "--status", "inactivo",
    )  # fmt: skip
    assert carla["country"] == "CA"
    return {"ana": ana["id"], "beto": beto["id"], "carla": carla["id"]}


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), {"ana", "beto", "carla"}),
        (("--chapter", "Houston"), {"ana", "carla"}),
        (("--chapter", "detroit"), {"beto"}),
        (("--sector", "Salud"), {"ana"}),
        (("--sector", "2"), {"beto", "carla"}),
        (("--country", "MX"), {"beto"}),
        (("--country", "Estados Unidos"), {"ana"}),
        (("--status", "activo"), {"ana"}),
        (("--status", "prospecto"), {"beto"}),
        (("--chapter", "Houston", "--sector", "2"), {"carla"}),
        (("perez", "--chapter", "Houston"), {"carla"}),
        (("perez", "--chapter", "Detroit"), set()),
    ],
)
def test_search_filters(
    cli: Cli, db_path: Path, three_members: dict[str, int], args: tuple[str, ...], expected: set[str]
) -> None:
    assert search_ids(cli, db_path, *args) == {three_members[name] for name in expected}


def test_search_results_come_in_spanish_name_order(
    cli: Cli, db_path: Path, three_members: dict[str, int]
) -> None:
    page = search(cli, db_path)
    assert [item["paternal_surname"] for item in page["items"]] == ["López", "Núñez", "Pérez"]


@pytest.mark.parametrize(
    ("args", "label"),
    [
        (("--chapter", "Narnia"), "Capítulo"),
        (("--sector", "Astrología"), "Sectores"),
        (("--country", "Narnia"), "País"),
    ],
)
def test_search_with_unknown_filter_value_exits_1(
    cli: Cli, db_path: Path, args: tuple[str, ...], label: str
) -> None:
    result = cli("--db", db_path, "members", "search", *args, "--json")
    assert result.code == 1
    assert result.out == ""
    assert label in result.err
    assert "Narnia" in result.err or "Astrología" in result.err


def test_search_paging_with_limit_and_offset(cli: Cli, demo_db_path: Path) -> None:
    everything = search(cli, demo_db_path, "--limit", "300")
    assert everything["total"] == 300
    all_ids = [item["id"] for item in everything["items"]]
    assert len(all_ids) == 300 == len(set(all_ids))

    pages: list[int] = []
    for offset in range(0, 300, 40):
        page = search(cli, demo_db_path, "--limit", "40", "--offset", str(offset))
        assert page["total"] == 300
        assert len(page["items"]) == min(40, 300 - offset)
        pages += [item["id"] for item in page["items"]]
    assert pages == all_ids  # the pages tile the full, ordered result exactly

    assert search(cli, demo_db_path, "--limit", "10", "--offset", "300") == {"total": 300, "items": []}
    assert search(cli, demo_db_path, "--limit", "0")["items"] == []


def test_search_default_limit_is_50(cli: Cli, demo_db_path: Path) -> None:
    page = search(cli, demo_db_path)
    assert page["total"] == 300
    assert len(page["items"]) == 50


def test_search_paging_with_a_filter(cli: Cli, demo_db_path: Path) -> None:
    full = search(cli, demo_db_path, "--chapter", "Houston", "--limit", "300")
    ids = [item["id"] for item in full["items"]]
    assert full["total"] == len(ids) > 4
    assert all(item["chapter"] == "Houston" for item in full["items"])
    second = search(cli, demo_db_path, "--chapter", "Houston", "--limit", "2", "--offset", "2")
    assert second["total"] == full["total"]
    assert [item["id"] for item in second["items"]] == ids[2:4]


def test_search_text_output_shows_range(cli: Cli, demo_db_path: Path) -> None:
    result = cli("--db", demo_db_path, "members", "search", "--limit", "5", "--offset", "10")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert len(lines) == 6
    assert lines[-1] == "11–15 de 300 resultado(s)."


@pytest.mark.parametrize("option", ["--limit", "--offset"])
def test_search_negative_paging_exits_1(cli: Cli, db_path: Path, option: str) -> None:
    result = cli("--db", db_path, "members", "search", option, "-1")
    assert result.code == 1
    assert "--limit y --offset deben ser positivos" in result.err


# -- validation: exit 1, Spanish message naming the field, nothing written ------------------


@pytest.mark.parametrize(
    ("extra", "label", "detail"),
    [
        (("--paternal", "   "), "Apellido paterno", "es obligatorio"),
        (("--given-names", ""), "Nombre(s)", "es obligatorio"),
        (("--email", "no-es-correo"), "Correo electrónico", "no-es-correo"),
        (("--phone", "12"), "Teléfono", "no es un número de teléfono válido"),
        (("--country", "Narnia"), "País", "país desconocido «Narnia»"),
        (("--print-fields", "email,salario"), "Datos que se pueden imprimir", "salario"),
        (("--joined-on", "ayer"), "Fecha de ingreso", "no es una fecha válida"),
        (("--joined-on", "2999-01-01"), "Fecha de ingreso", "en el futuro"),
        (("--chapter", "Narnia"), "Capítulo", "no existe el capítulo «Narnia»"),
        (("--sector", "Astrología"), "Sectores", "no existe el sector «Astrología»"),
        (("--sector", "Salud", "--sector", "10"), "Sectores", "no existe el sector «10»"),
    ],
)
def test_add_invalid_field_exits_1_names_field_and_writes_nothing(
    cli: Cli, db_path: Path, extra: tuple[str, ...], label: str, detail: str
) -> None:
    members_before = count_rows(db_path)
    audit_before = count_rows(db_path, "audit_log")
    args = ["--given-names", "Ana", "--paternal", "López", *extra]
    result = cli("--db", db_path, "members", "add", *args, "--json")
    assert result.code == 1
    assert result.out == ""
    assert f"Error: {label}:" in result.err
    assert detail in result.err
    assert "Traceback" not in result.err
    assert count_rows(db_path) == members_before
    assert count_rows(db_path, "audit_log") == audit_before


def test_add_reports_every_invalid_field_at_once(cli: Cli, db_path: Path) -> None:
    result = cli(
        "--db", db_path, "members", "add", "--given-names", "Ana", "--paternal", "",
        "--email", "malo", "--phone", "12", "--country", "Narnia",
    )  # fmt: skip
    assert result.code == 1
    errors = [line for line in result.err.splitlines() if line.startswith("Error: ")]
    labels = {line.removeprefix("Error: ").split(":")[0] for line in errors}
    assert labels == {"Apellido paterno", "Correo electrónico", "Teléfono", "País"}
    assert count_rows(db_path) == 0


def test_national_phone_is_read_in_the_members_country(cli: Cli, db_path: Path) -> None:
    created = add(
        cli, db_path, "--given-names", "Ana", "--paternal", "López", "--country", "MX",
        "--phone", "55 1234 5678",
    )  # fmt: skip
    assert created["phone"] == "+525512345678"


# -- usage errors: exit 2, nothing opened -----------------------------------------------------


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("members", "add", "--given-names", "Ana"), "--paternal"),
        (("members", "add", "--paternal", "López"), "--given-names"),
        (("members", "search", "--status", "jubilado"), "opción no válida"),
        (("members", "add", "--given-names", "A", "--paternal", "B", "--directory-consent", "quizá"),
         "opción no válida"),
        (("members", "search", "--limit", "muchos"), "número entero no válido"),
        (("members", "show", "uno"), "número entero no válido"),
        (("members", "show"), "faltan los argument"),
        (("members",), "faltan los argument"),
        (("members", "delete", "1"), "opción no válida"),
        (("frobnicate",), "opción no válida"),
        (("members", "search", "--colour", "red"), "no reconocidos: --colour"),
        (("demo",), "--members"),
    ],
)  # fmt: skip
def test_usage_errors_exit_2_and_touch_nothing(
    cli: Cli, tmp_path: Path, args: tuple[str, ...], fragment: str
) -> None:
    target = tmp_path / "never-created.sqlite"
    result = cli("--db", target, *args)
    assert result.code == 2
    assert result.out == ""
    assert "uso: talentdesk" in result.err
    assert fragment in result.err
    assert not target.exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("members", "add", "--given-names", "Ana"), "error: faltan los argumentos: --paternal"),
        (("members", "search", "--colour", "red"), "error: argumentos no reconocidos: --colour"),
    ],
)
def test_usage_messages_are_proper_spanish(
    cli: Cli, tmp_path: Path, args: tuple[str, ...], expected: str
) -> None:
    result = cli("--db", tmp_path / "x.sqlite", *args)
    assert result.code == 2
    assert expected in result.err
    assert "argumentoos" not in result.err
    assert "the following" not in result.err and "unrecognized" not in result.err


def test_duplicates_of_a_member_fold_enye_and_accents(cli: Cli, db_path: Path) -> None:
    ines = add(
        cli,
        db_path,
        "--given-names",
        "Inés",
        "--paternal",
        "Ibáñez",
        "--maternal",
        "Muñoz",
        "--city",
        "Chicago",
    )
    typed = add(cli, db_path, "--given-names", "Ines", "--paternal", "Ibanez", "--maternal", "Munoz")
    add(
        cli,
        db_path,
        "--given-names",
        "Inés",
        "--paternal",
        "Ibáñez",
        "--maternal",
        "Ruiz",
        "--city",
        "Chicago",
    )
    found = cli("--db", db_path, "members", "duplicates", str(ines["id"]), "--json")
    assert found.code == 0, found.err
    assert [(m["member_id"], m["reason"]) for m in found.json()] == [(typed["id"], "name")]
    text = cli("--db", db_path, "members", "duplicates", str(typed["id"]))
    assert text.code == 0 and f"Mismo nombre que el miembro {ines['id']}" in text.out
    missing = cli("--db", db_path, "members", "duplicates", "999")
    assert missing.code == 1 and "No existe el miembro con id 999" in missing.err
