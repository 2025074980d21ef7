"""The packets' welcome letter template, kept in the database."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from talentdesk.core.errors import TalentDeskError, ValidationError
from talentdesk.core.models import AuditEntry
from talentdesk.db.session import Database
from talentdesk.services import document_settings as ds


def test_default_letter_until_one_is_saved_then_the_saved_one(db: Database) -> None:
    with db.session() as s:
        assert ds.welcome_letter(s) == ds.DEFAULT_WELCOME_LETTER
        ds.set_welcome_letter(s, "Hola {nombres}, bienvenida a {evento}.")
    with db.session() as s:
        assert ds.welcome_letter(s) == "Hola {nombres}, bienvenida a {evento}."
        entries = s.scalars(select(AuditEntry).where(AuditEntry.entity == "document_setting")).all()
        assert [e.field for e in entries] == [ds.WELCOME_LETTER]
        ds.set_welcome_letter(s, "   ")  # empty restores the default
    with db.session() as s:
        assert ds.welcome_letter(s) == ds.DEFAULT_WELCOME_LETTER


@pytest.mark.parametrize(
    ("text", "message"),
    [("Hola {apellido}", "«{apellido}» no existe"), ("Hola {nombre", "sin cerrar")],
)
def test_bad_template_is_refused_with_the_reason_and_nothing_saved(
    db: Database, text: str, message: str
) -> None:
    with db.session() as s, pytest.raises(ValidationError, match=message):
        ds.set_welcome_letter(s, text)
    with db.session() as s:
        assert ds.welcome_letter(s) == ds.DEFAULT_WELCOME_LETTER


def test_fill_template_replaces_every_field_and_blanks_missing_ones() -> None:
    filled = ds.fill_template(
        ds.DEFAULT_WELCOME_LETTER,
        {"estimado": "Estimada", "nombre": "Ximena Peña Ñúñez", "evento": "Jornada"},
    )
    assert "Estimada Ximena Peña Ñúñez:" in filled
    assert "{" not in filled
    ds.check_template(ds.DEFAULT_WELCOME_LETTER)


@pytest.mark.parametrize(
    "field",
    ["{nombre:d}", "{nombre!x}", "{nombre!r}", "{nombre:>{evento}}", "{nombre:>100000000}", "{codigo!s:^9}"],
)
def test_a_field_with_a_format_is_refused_naming_it(db: Database, field: str) -> None:
    text = f"Estimado(a) {field}: bienvenido(a)."
    with pytest.raises(ValidationError) as caught:
        ds.check_template(text)
    message = caught.value.for_field("welcome_letter")[0]
    assert "escriba los campos sin formato, así: {" in message
    assert f"«{field}»" in message  # the field as typed, where it can be found
    with db.session() as s, pytest.raises(ValidationError, match="sin formato"):
        ds.set_welcome_letter(s, text)
    with db.session() as s:
        assert ds.welcome_letter(s) == ds.DEFAULT_WELCOME_LETTER


@pytest.mark.parametrize("field", ["{nombre:d}", "{nombre!x}", "{nombre:>{evento}}", "{nombre:>100000000}"])
def test_a_letter_stored_before_the_rule_gives_a_spanish_error_when_filled(field: str) -> None:
    """A template saved by an older version (never checked for formats) must not make every
    packet export end in a bare ValueError."""
    with pytest.raises(TalentDeskError) as caught:
        ds.fill_template(f"Hola {field}.", {"nombre": "Ana", "evento": "Jornada"})
    assert type(caught.value) is TalentDeskError  # not a ValueError, nor a field error of a form
    assert "carta de bienvenida guardada" in str(caught.value)
    assert "sin formato" in str(caught.value) and "Preferencias" in str(caught.value)


def test_fill_template_keeps_doubled_braces_and_text_as_written() -> None:
    filled = ds.fill_template(
        "{{nombre}} es {nombre}; {{}} {codigo}", {"nombre": "Ña {x} 100%", "codigo": ""}
    )
    assert filled == "{nombre} es Ña {x} 100%; {} "
