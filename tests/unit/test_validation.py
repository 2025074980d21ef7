"""Value checks (talentdesk.core.validation, countries, enums): Spanish messages naming the field."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from talentdesk.core.countries import countries, country_code, country_name
from talentdesk.core.enums import BoardRole, DegreeLevel, MemberStatus, PrintField
from talentdesk.core.errors import FieldError, ValidationError
from talentdesk.core.validation import (
    check_not_future,
    label,
    normalize_country,
    normalize_email,
    normalize_phone,
    normalize_url,
    parse_date,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("jose@example.com", "jose@example.com"),
        ("  JOSE@Example.COM ", "jose@example.com"),
        ("Ana.Lopez+red@Sub.Example.org", "ana.lopez+red@sub.example.org"),
    ],
)
def test_valid_emails_normalise_to_lowercase(raw: str, expected: str) -> None:
    assert normalize_email(raw) == (expected, None)


@pytest.mark.parametrize("raw", ["no-es-correo", "a@", "@example.com", "a b@example.com", "ana@@example.com"])
def test_garbage_emails_rejected_naming_the_field(raw: str) -> None:
    value, err = normalize_email(raw)
    assert value is None
    assert isinstance(err, FieldError)
    assert err.field == "email"
    assert err.message.startswith("Correo electrónico:")
    assert "no es una dirección de correo válida" in err.message


def test_email_blank_is_none_and_custom_field_label() -> None:
    assert normalize_email("   ") == (None, None)
    assert normalize_email(None) == (None, None)
    _, err = normalize_email("xx", "contact_email")
    assert err is not None and err.field == "contact_email" and err.message.startswith("Correo de contacto:")


@given(st.text().filter(lambda t: "@" not in t and t.strip()))
def test_any_text_without_at_is_not_an_email(text: str) -> None:
    value, err = normalize_email(text)
    assert value is None
    assert err is not None and "Correo electrónico" in err.message


@given(
    st.from_regex(r"[a-z][a-z0-9]{0,10}", fullmatch=True),
    st.from_regex(r"[a-z][a-z0-9]{1,10}", fullmatch=True),
    st.sampled_from(["com", "org", "mx", "net"]),
)
def test_simple_addresses_accepted_and_lowercased(local: str, domain: str, tld: str) -> None:
    raw = f"{local.upper()}@{domain.upper()}.{tld.upper()}"
    assert normalize_email(raw) == (f"{local}@{domain}.{tld}", None)


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("55 1234 5678", "MX", "+525512345678"),
        ("(415) 555-2671", "US", "+14155552671"),
        ("612 34 56 78", "ES", "+34612345678"),
        ("+52 55 1234 5678", "US", "+525512345678"),
        ("+1 415 555 2671", None, "+14155552671"),
    ],
)
def test_phone_national_number_with_country_becomes_e164(
    raw: str, country: str | None, expected: str
) -> None:
    assert normalize_phone(raw, country) == (expected, None)


@pytest.mark.parametrize(
    ("raw", "country"), [("abc", None), ("55 1234 5678", None), ("12", "MX"), ("xyz", "US")]
)
def test_unparseable_or_invalid_phone_names_the_field(raw: str, country: str | None) -> None:
    value, err = normalize_phone(raw, country)
    assert value is None
    assert err is not None and err.field == "phone"
    assert err.message.startswith("Teléfono:")
    assert f"«{raw}»" in err.message


def test_phone_error_mentions_the_country_and_hint() -> None:
    _, err = normalize_phone("612 34 56 78", "MX")
    assert err is not None and "para México" in err.message
    _, err = normalize_phone("5512345678", None)
    assert err is not None and "+52" in err.message
    assert normalize_phone("", "MX") == (None, None)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("MX", "MX"),
        ("mx", "MX"),
        ("MEX", "MX"),
        ("México", "MX"),
        ("mexico", "MX"),
        ("Estados Unidos", "US"),
        ("United States", "US"),
        ("EE. UU.", "US"),
        ("Alemania", "DE"),
        ("Germany", "DE"),
        ("España", "ES"),
        ("Spain", "ES"),
        ("Reino Unido", "GB"),
        ("Canadá", "CA"),
    ],
)
def test_countries_by_code_spanish_or_english_name(raw: str, code: str) -> None:
    assert country_code(raw) == code
    assert normalize_country(raw) == (code, None)


def test_unknown_country_names_the_field() -> None:
    assert country_code("Narnia") is None
    assert country_code("  ") is None
    value, err = normalize_country("Narnia")
    assert value is None and err is not None and err.message.startswith("País:")
    assert normalize_country("") == (None, None)


def test_country_names_are_spanish() -> None:
    assert country_name("MX") == "México"
    assert country_name("de") == "Alemania"
    assert country_name(None) == ""
    table = dict(countries())
    assert table["US"] == "Estados Unidos"
    assert len(table) > 200


@given(st.sampled_from([c for c, _ in countries()]))
def test_every_country_round_trips_by_code_and_by_spanish_name(code: str) -> None:
    assert country_code(code) == code
    assert country_code(country_name(code)) == code


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("31/12/2020", date(2020, 12, 31)),
        ("01/02/2020", date(2020, 2, 1)),
        ("2020-02-29", date(2020, 2, 29)),
        ("29-02-2024", date(2024, 2, 29)),
        (" 2006-11-01 ", date(2006, 11, 1)),
        (date(2001, 1, 2), date(2001, 1, 2)),
        (datetime(2001, 1, 2, 13, 5), date(2001, 1, 2)),
        ("", None),
        (None, None),
    ],
)
def test_dates_ddmmaaaa_and_iso(raw: object, expected: date | None) -> None:
    assert parse_date(raw, "joined_on") == (expected, None)


@pytest.mark.parametrize(
    "raw", ["31/02/2020", "29/02/2021", "2021-13-01", "32/01/2020", "ayer", "2020/01/01"]
)
def test_invalid_dates_rejected_with_field_label(raw: str) -> None:
    value, err = parse_date(raw, "joined_on")
    assert value is None
    assert err is not None and err.field == "joined_on"
    assert err.message.startswith("Fecha de ingreso:") and "no es una fecha válida" in err.message


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_date_formats_round_trip(day: date) -> None:
    assert parse_date(day.strftime("%d/%m/%Y"), "founded_on") == (day, None)
    assert parse_date(day.isoformat(), "founded_on") == (day, None)


def test_check_not_future() -> None:
    today = date(2024, 5, 1)
    assert check_not_future(date(2024, 5, 1), "joined_on", today) is None
    err = check_not_future(date(2024, 5, 2), "joined_on", today)
    assert err is not None and "02/05/2024" in err.message and "en el futuro" in err.message
    assert check_not_future(None, "joined_on") is None


def test_urls() -> None:
    assert normalize_url("linkedin.com/in/ana") == ("https://linkedin.com/in/ana", None)
    assert normalize_url("http://example.org") == ("http://example.org", None)
    value, err = normalize_url("no es web")
    assert value is None and err is not None and err.message.startswith("Sitio web / LinkedIn:")


def test_labels_and_enum_parsing() -> None:
    assert label("email") == "Correo electrónico"
    assert label("unknown_field") == "unknown_field"
    assert MemberStatus.parse("ACTIVO") is MemberStatus.ACTIVE
    assert DegreeLevel.parse("Maestría") is DegreeLevel.MAESTRIA
    assert DegreeLevel.parse("maestria") is DegreeLevel.MAESTRIA
    assert BoardRole.parse("Presidente") is BoardRole.PRESIDENT
    assert PrintField.PHONE.label == "Teléfono"
    with pytest.raises(ValueError):
        MemberStatus.parse("jubilado")


def test_validation_error_groups_field_messages() -> None:
    err = ValidationError(
        [FieldError("email", "Correo electrónico: mal"), FieldError("phone", "Teléfono: mal")]
    )
    assert err.for_field("email") == ["Correo electrónico: mal"]
    assert err.for_field("country") == []
    assert err.message == "Correo electrónico: mal\nTeléfono: mal"
    assert str(ValidationError.single("name", "Nombre: x")) == "Nombre: x"
