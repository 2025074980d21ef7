"""Cell values to member values: every kind of value, typed cells, wrong types, fast e-mails."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from email_validator import EmailNotValidError, validate_email
from hypothesis import given, settings
from hypothesis import strategies as st

from talentdesk.core.enums import DegreeLevel, Gender, MemberStatus, PrintField
from talentdesk.db.session import Database
from talentdesk.imports.mapping import guess_mapping
from talentdesk.imports.reading import SourceTable
from talentdesk.imports.values import References, RowValues, convert_rows, email_value

TODAY = date(2026, 11, 1)


def table(headers: list[str], *rows: list[Any]) -> SourceTable:
    return SourceTable(
        Path("prueba.xlsx"), "xlsx", headers, [list(r) for r in rows], list(range(2, len(rows) + 2))
    )


def convert(db: Database, headers: list[str], *rows: list[Any]) -> list[RowValues]:
    source = table(["Nombre(s)", "Apellido paterno", *headers], *[["Ana", "Pérez", *r] for r in rows])
    with db.reader() as s:
        return convert_rows(source, guess_mapping(source.headers), References.load(s), today=TODAY)


def one(db: Database, header: str, value: Any, field: str) -> Any:
    (row,) = convert(db, [header], [value])
    assert row.errors == [], row.errors
    return row.values.get(field)


def error_of(db: Database, header: str, value: Any) -> str:
    (row,) = convert(db, [header], [value])
    assert len(row.errors) == 1, row.errors
    err = row.errors[0]
    assert err.row == 2 and err.column == header
    return err.message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (45000, date(2023, 3, 15)),  # Excel serial
        (45000.0, date(2023, 3, 15)),
        ("45000", date(2023, 3, 15)),  # a serial that became text in a CSV
        ("15/03/2021", date(2021, 3, 15)),
        ("5/3/2021", date(2021, 3, 5)),
        ("2021-03-15", date(2021, 3, 15)),
        ("15.03.2021", date(2021, 3, 15)),
        ("2021-03-15 00:00:00", date(2021, 3, 15)),
        (date(2020, 1, 2), date(2020, 1, 2)),
        (datetime(2020, 1, 2, 13, 5), date(2020, 1, 2)),
    ],
)
def test_dates(db: Database, value: Any, expected: date) -> None:
    assert one(db, "Fecha de ingreso", value, "joined_on") == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("31/02/2020", "no es una fecha válida"),
        ("03/15/2021", "no es una fecha válida"),  # mm/dd is not read as dd/mm
        ("01/12/2027", "en el futuro"),
        (time(10, 30), "se esperaba una fecha y la celda tiene una hora"),
        (True, "se esperaba una fecha"),
        (-5, "no es una fecha de Excel válida"),
    ],
)
def test_bad_dates(db: Database, value: Any, reason: str) -> None:
    message = error_of(db, "Fecha de ingreso", value)
    assert message.startswith("Fecha de ingreso: ") and reason in message


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("México", "MX"),
        ("mexico", "MX"),
        ("MX", "MX"),
        ("MEX", "MX"),
        ("United States", "US"),
        ("Estados Unidos", "US"),
        ("EE. UU.", "US"),
        ("Alemania", "DE"),
        ("Germany", "DE"),
        ("Reino Unido", "GB"),
    ],
)
def test_countries_by_spanish_or_english_name_or_code(db: Database, value: str, code: str) -> None:
    assert one(db, "País", value, "country") == code


def test_unknown_country(db: Database) -> None:
    assert "país desconocido «Narnia»" in error_of(db, "Country", "Narnia")


def test_country_name_and_code_columns_must_agree(db: Database) -> None:
    (ok,) = convert(db, ["País", "Código de país"], ["Canadá", "CA"])
    assert ok.values["country"] == "CA" and not ok.errors
    (only_code,) = convert(db, ["País", "Código de país"], ["", "ca"])
    assert only_code.values["country"] == "CA"
    (bad,) = convert(db, ["País", "Código de país"], ["Canadá", "US"])
    assert "no coinciden" in bad.errors[0].message


@pytest.mark.parametrize(
    ("value", "chapter_id"),
    [
        ("Silicon Valley", 1),
        ("silicon valley", 1),
        ("Silicon Valey", 1),
        ("  HOUSTON\u00a0", 2),
        ("Detroi", 3),
        ("Detriot", 3),
    ],
)
def test_chapters_by_name_tolerant_of_accents_and_typos(db: Database, value: str, chapter_id: int) -> None:
    assert one(db, "Capítulo", value, "chapter_id") == chapter_id


def test_unknown_chapter_lists_the_chapters(db: Database) -> None:
    message = error_of(db, "Capítulo", "Atlantis")
    assert "no existe el capítulo «Atlantis»" in message and "Houston" in message


@pytest.mark.parametrize(
    ("value", "ids"),
    [
        ("Salud", [3]),
        ("Salud; Nanotecnología y Nuevos Materiales", [3, 5]),
        ("salud, nanotecnologia y nuevos materiales", [3, 5]),
        ("3, 5", [3, 5]),
        ("Alimentos, Agricultura, Pesquería y Biotecnología; Salud", [4, 3]),  # a name with commas
        ("Salud, Alimentos, Agricultura, Pesqueria y Biotecnologia", [3, 4]),
        ("Alimentos, Agricultura, Pesqueria y Biotecnolgia", [4]),  # and a typo in it
        ("Sector automotrz ;; Salud", [8, 3]),
        ("Salud; Salud", [3]),
    ],
)
def test_several_sectors_in_one_cell(db: Database, value: str, ids: list[int]) -> None:
    (row,) = convert(db, ["Sector(es)"], [value])
    assert not row.errors
    assert row.values["sector_ids"] == ids and row.values["primary_sector_id"] == ids[0]


def test_primary_sector_goes_first_and_is_added_if_missing(db: Database) -> None:
    (row,) = convert(db, ["Sectores", "Sector principal"], ["Salud; Sector automotriz", "Sector automotriz"])
    assert row.values["sector_ids"] == [8, 3] and row.values["primary_sector_id"] == 8
    (row,) = convert(db, ["Sectores", "Sector principal"], ["Salud", "2"])
    assert row.values["sector_ids"] == [2, 3] and row.values["primary_sector_id"] == 2


def test_unknown_sector(db: Database) -> None:
    assert "no existe el sector «Magia»" in error_of(db, "Sector(es)", "Salud; Magia")


@pytest.mark.parametrize(
    ("value", "ids"),
    [
        ("Aeronáutica", [9]),  # a distinctive word of "Transporte y Aeronáutica" (issue 12, item 12)
        ("aeronautica; Energías", [9, 6]),
        ("Cambio climático", [7]),
        ("Biotecnología", [4]),
        ("Automotriz", [8]),
        ("Pesca", [4]),  # the kept alias list (resources/sector_aliases.json)
        ("TIC", [2]),
        ("Software; aerospace", [2, 9]),
        ("Petróleo y gas", [6]),
    ],
)
def test_sector_by_a_distinctive_word_or_an_alias(db: Database, value: str, ids: list[int]) -> None:
    (row,) = convert(db, ["Sector(es)"], [value])
    assert not row.errors, row.errors
    assert row.values["sector_ids"] == ids


def test_an_unknown_sector_comes_with_a_suggestion(db: Database) -> None:
    message = error_of(db, "Sector principal", "Automóviles")
    assert "no existe el sector «Automóviles»" in message
    assert "¿quiso decir «Sector automotriz»?" in message
    message = error_of(db, "Sector(es)", "Salud; Aviones")
    assert "«Aviones»" in message and "¿quiso decir «Transporte y Aeronáutica»?" in message
    assert "¿quiso decir" not in error_of(db, "Sector(es)", "Magia")


def test_contributions_by_name_or_code(db: Database) -> None:
    (row,) = convert(
        db, ["Aportaciones"], ["Visión estratégica; pasantias, Mentoría de programas académicos"]
    )
    assert row.values["contribution_ids"] == [1, 11, 9]


@pytest.mark.parametrize(
    ("country", "phone", "expected"),
    [
        ("México", "55 1234 5678", "+525512345678"),
        ("MX", 5512345678, "+525512345678"),  # a number cell
        ("MX", 5512345678.0, "+525512345678"),
        ("Estados Unidos", "(415) 555-0123", "+14155550123"),
        ("", "+1 415 555 0123", "+14155550123"),
        ("Canadá", "+52 55 1234 5678", "+525512345678"),  # an explicit prefix wins
    ],
)
def test_phones_use_the_members_country(db: Database, country: str, phone: Any, expected: str) -> None:
    (row,) = convert(db, ["País", "Teléfono"], [country, phone])
    assert not row.errors and row.values["phone"] == expected


def test_national_phone_without_country_is_an_error_with_a_hint(db: Database) -> None:
    assert "escriba la lada internacional" in error_of(db, "Teléfono", "55 1234 5678")


def test_emails_validated_and_lower_cased(db: Database) -> None:
    assert one(db, "Correo", " Ana.PEREZ@Example.COM\u00a0", "email") == "ana.perez@example.com"
    assert "no es una dirección de correo válida" in error_of(db, "E-mail", "ana@")
    assert "no es una dirección de correo válida" in error_of(db, "E-mail", "ana perez@example.com")


def test_spaces_and_non_breaking_spaces_are_cleaned(db: Database) -> None:
    (row,) = convert(db, ["Ciudad", "Empleador"], ["\u00a0 San  José\u00a0", "  IBM   México "])
    assert row.values["city"] == "San José" and row.values["employer"] == "IBM México"
    (row,) = convert(db, ["Ciudad"], ["\u00a0  "])
    assert "city" in row.blank and "city" not in row.values


def test_enums_booleans_and_print_fields(db: Database) -> None:
    (row,) = convert(
        db,
        ["Género", "Nivel de estudios", "Estatus", "Aparece en directorios", "Datos que se pueden imprimir"],
        ["Femenino", "maestria", "ACTIVO", "Sí", "Teléfono, email; city"],
    )
    assert not row.errors
    v = row.values
    assert v["gender"] is Gender.FEMALE and v["degree_level"] is DegreeLevel.MAESTRIA
    assert v["status"] is MemberStatus.ACTIVE and v["directory_consent"] is True
    assert v["print_fields"] == [PrintField.EMAIL, PrintField.PHONE, PrintField.CITY]
    for value, expected in ((True, True), (0, False), (1.0, True), ("no", False)):
        assert one(db, "Consentimiento", value, "directory_consent") is expected
    assert "no es sí ni no" in error_of(db, "Consentimiento", "quizá")
    assert "valor desconocido «Licenciado»" in error_of(db, "Grado", "Licenciado")


def test_full_name_column_is_split(db: Database) -> None:
    source = table(
        ["Nombre completo", "Correo"], ["Ana María de la Garza Treviño", "a@example.com"], ["Madonna", ""]
    )
    with db.reader() as s:
        first, second = convert_rows(source, guess_mapping(source.headers), References.load(s), today=TODAY)
    assert (
        first.values["given_names"],
        first.values["paternal_surname"],
        first.values["maternal_surname"],
    ) == (
        "Ana María",
        "de la Garza",
        "Treviño",
    )
    assert "no se pudo separar «Madonna»" in second.errors[0].message
    assert second.errors[0].column == "Nombre completo"


def test_required_names(db: Database) -> None:
    source = table(
        ["Nombre(s)", "Apellido paterno", "Ciudad"], ["", "Pérez", "Austin"], ["Ana", "  ", "Austin"]
    )
    with db.reader() as s:
        rows = convert_rows(source, guess_mapping(source.headers), References.load(s), today=TODAY)
    assert [e.message for e in rows[0].errors] == ["Nombre(s): es obligatorio."]
    assert [(e.column, e.message) for e in rows[1].errors] == [
        ("Apellido paterno", "Apellido paterno: es obligatorio.")
    ]


WRONG = [
    ("Nombre(s)", date(2020, 1, 1), "se esperaba texto y la celda tiene una fecha"),
    ("Apellido paterno", 12345, "se esperaba texto y la celda tiene un número"),
    ("Apellido materno", "1234", "no parece un nombre"),
    ("Correo", True, "se esperaba texto y la celda tiene un valor VERDADERO/FALSO"),
    ("Teléfono", date(2020, 1, 1), "se esperaba un número de teléfono"),
    ("País", 52, "se esperaba texto y la celda tiene un número"),
    ("Ciudad", time(8, 0), "se esperaba texto y la celda tiene una hora"),
    ("Capítulo", False, "se esperaba texto"),
    ("Sector(es)", datetime(2020, 1, 1, 5, 0), "se esperaba texto y la celda tiene una fecha"),
    ("Fecha de ingreso", "mañana", "no es una fecha válida"),
    ("Género", 3.5, "se esperaba texto y la celda tiene un número"),
    ("Estatus", True, "se esperaba texto"),
    ("Aparece en directorios", date(2020, 1, 1), "se esperaba sí o no"),
    ("Datos que se pueden imprimir", 7, "se esperaba texto"),
    ("Sitio web", 42, "se esperaba texto"),
    ("Id", "siete", "no es un número de miembro"),
    ("Aportaciones", time(1, 2), "se esperaba texto"),
    ("Nivel de estudios", date(2020, 1, 1), "se esperaba texto"),
]


def test_wrong_types_in_every_column_give_one_clear_error_each(db: Database) -> None:
    headers = [h for h, _v, _m in WRONG]
    source = table(headers, [v for _h, v, _m in WRONG])
    with db.reader() as s:
        (row,) = convert_rows(source, guess_mapping(headers), References.load(s), today=TODAY)
    by_column = {e.column: e.message for e in row.errors}
    for header, _value, reason in WRONG:
        assert reason in by_column.get(header, ""), (header, by_column.get(header))
    assert row.values == {}


@pytest.mark.parametrize("value", ["²", "12³", "½", "①"])
def test_a_member_id_of_digit_symbols_is_an_error_not_a_crash(db: Database, value: str) -> None:
    """'²'.isdigit() is true but int('²') fails: only decimal digits make an id."""
    assert error_of(db, "Id", value) == f"Id: «{value}» no es un número de miembro."


def test_huge_cells_are_refused_per_cell(db: Database) -> None:
    message = error_of(db, "Notas", "x" * 40_000)
    assert "40,000 caracteres (máximo 32,767)" in message
    assert "demasiado largo" in error_of(db, "Ciudad", "y" * 500)


# -- the e-mail fast path must agree with email-validator --------------------------------------


def _reference(value: str) -> str | None:
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        return None


LOCAL = st.text(alphabet="abcXYZ019._+-!#ñé", min_size=1, max_size=70)
DOMAIN = st.lists(st.text(alphabet="abz09-é", min_size=1, max_size=65), min_size=1, max_size=4).map(".".join)
TLD = st.sampled_from(["com", "mx", "org", "c0m", "x", "test", "local", "invalid", "example", "onion", "co"])


@settings(max_examples=400, deadline=None)
@given(LOCAL, DOMAIN, TLD)
def test_fast_email_path_agrees_with_email_validator(local: str, domain: str, tld: str) -> None:
    address = f"{local}@{domain}.{tld}"
    got, err = email_value(address)
    assert got == _reference(address)
    assert (err is None) == (got is not None)


@pytest.mark.parametrize(
    "address",
    [
        "a@b.com",
        "A.B@EXAMPLE.COM",
        "x@sub.example.mx",
        "a..b@x.com",
        "a@-x.com",
        "a@x-.com",
        "a@xn--abc.com",
        "x@a.test",
        "x@localhost",
        "a" * 65 + "@x.com",
        "a@" + "b" * 64 + ".com",
        "josé@example.com",
    ],
)
def test_fast_email_path_known_cases(address: str) -> None:
    assert email_value(address)[0] == _reference(address)
