"""The packets' welcome letter template, kept in the database."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from talentdesk.core.errors import ValidationError
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
    filled = ds.fill_template(ds.DEFAULT_WELCOME_LETTER, {"nombre": "Ximena Peña Ñúñez", "evento": "Jornada"})
    assert "Estimado(a) Ximena Peña Ñúñez:" in filled
    assert "{" not in filled
    ds.check_template(ds.DEFAULT_WELCOME_LETTER)
