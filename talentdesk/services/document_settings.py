"""Texts the office shares for its documents, kept in the database (see DocumentSetting).

The welcome letter of the attendee packets is a template: ``{nombre}`` and the other fields in
``WELCOME_FIELDS`` are replaced for each participant; an unknown field is refused when the
template is saved, not when a packet is printed.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

from sqlalchemy.orm import Session

from talentdesk.core.errors import ValidationError
from talentdesk.core.models import DocumentSetting
from talentdesk.services import audit

WELCOME_LETTER = "welcome_letter"

#: Fields a welcome letter may use, with what each one means (shown in Preferences).
WELCOME_FIELDS: dict[str, str] = {
    "nombre": "nombre completo del participante",
    "nombres": "nombre(s) de pila",
    "evento": "nombre del evento",
    "edicion": "edición del evento",
    "fechas": "fechas del evento, dentro de una frase («los días 10 y 11 de marzo de 2027»)",
    "sede": "sede del evento",
    "ciudad": "ciudad del evento",
    "organizacion": "organización o capítulo del participante",
    "codigo": "código de participante",
}

DEFAULT_WELCOME_LETTER = """Estimado(a) {nombre}:

Le damos la más cordial bienvenida a la {evento} {edicion}, que se celebrará {fechas} en {sede}, {ciudad}.

La Red de Talentos Mexicanos reúne a mexicanas y mexicanos altamente calificados que viven en el exterior con instituciones, empresas y gobiernos de México. Su participación es fundamental para fortalecer estos vínculos.

En este paquete encontrará su itinerario personal, la agenda del evento con las sesiones en las que participa, el directorio de participantes y su gafete. Le pedimos portar el gafete durante todas las actividades; su código de participante es {codigo}.

Quedamos a sus órdenes para cualquier asunto relacionado con su viaje o su estancia.

Atentamente,

Instituto de los Mexicanos en el Exterior
Red de Talentos Mexicanos"""


def welcome_letter(session: Session) -> str:
    setting = session.get(DocumentSetting, WELCOME_LETTER)
    return setting.value if setting is not None else DEFAULT_WELCOME_LETTER


def set_welcome_letter(session: Session, text: str) -> None:
    """Save the template (an empty text restores the default)."""
    text = text.strip()
    check_template(text or DEFAULT_WELCOME_LETTER)
    setting = session.get(DocumentSetting, WELCOME_LETTER)
    if not text:
        if setting is not None:
            audit.record_changes(session, "document_setting", 0, {WELCOME_LETTER: (setting.value, None)})
            session.delete(setting)
            session.flush()
        return
    before = setting.value if setting is not None else None
    if before == text:
        return
    if setting is None:
        session.add(DocumentSetting(key=WELCOME_LETTER, value=text))
    else:
        setting.value = text
    audit.record_changes(session, "document_setting", 0, {WELCOME_LETTER: (before, text)})
    session.flush()


def check_template(text: str) -> None:
    """Refuse a template with an unknown field or a stray brace, naming it."""
    try:
        fields = [name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None]
    except ValueError:
        raise ValidationError.single(
            "welcome_letter",
            "Carta de bienvenida: hay una llave «{» o «}» sin cerrar; los campos se escriben así: {nombre}.",
        ) from None
    unknown = [f for f in fields if f not in WELCOME_FIELDS]
    if unknown:
        known = ", ".join("{" + f + "}" for f in WELCOME_FIELDS)
        raise ValidationError.single(
            "welcome_letter",
            f"Carta de bienvenida: el campo «{{{unknown[0]}}}» no existe. Campos disponibles: {known}.",
        )


def fill_template(text: str, values: Mapping[str, str]) -> str:
    """The template with each field replaced (missing values print as empty text)."""
    return text.format_map({f: values.get(f, "") or "" for f in WELCOME_FIELDS})
