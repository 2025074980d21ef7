"""Texts the office shares for its documents, kept in the database (see DocumentSetting).

The welcome letter of the attendee packets is a template: ``{nombre}`` and the other fields in
``WELCOME_FIELDS`` are replaced for each participant; an unknown field is refused when the
template is saved, not when a packet is printed.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

from sqlalchemy.orm import Session

from talentdesk.core.errors import TalentDeskError, ValidationError
from talentdesk.core.i18n import _
from talentdesk.core.models import DocumentSetting
from talentdesk.core.validation import check_controls
from talentdesk.services import audit

WELCOME_LETTER = "welcome_letter"

#: Fields a welcome letter may use, with what each one means (shown in Preferences).
WELCOME_FIELDS: dict[str, str] = {
    "estimado": "«Estimada» o «Estimado» según el género del miembro; «Estimado(a)» si no se conoce",
    "nombre": "nombre completo del participante",
    "nombres": "nombre(s) de pila",
    "evento": "nombre del evento",
    "edicion": "edición del evento",
    "fechas": "fechas del evento, dentro de una frase («los días 10 y 11 de marzo de 2027»)",
    "sede": "sede del evento",
    "sede_con_articulo": "la sede con su artículo («el Auditorio…», «la Secretaría…»), para escribir «en» delante",
    "ciudad": "ciudad del evento",
    "organizacion": "organización o capítulo del participante",
    "codigo": "código de participante",
}

DEFAULT_WELCOME_LETTER = """{estimado} {nombre}:

Le damos la más cordial bienvenida a la {evento} {edicion}, que se celebrará {fechas} en {sede_con_articulo}, {ciudad}.

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
    check_controls({"letter": text}, multiline={"letter"}, labels={"letter": "Carta de bienvenida"})
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
    """Refuse a template with an unknown field, a stray brace or a field written with a format
    (``{nombre:d}``, ``{nombre!r}``): a format would make every packet fail, so it is refused
    when the template is saved, naming it."""
    _check(text)


def _check(text: str) -> None:
    try:
        parts = [(name, spec, conv) for _lit, name, spec, conv in _FORMATTER.parse(text) if name is not None]
    except ValueError:
        raise ValidationError.single(
            "welcome_letter",
            _(
                "Carta de bienvenida: hay una llave «{» o «}» sin cerrar; los campos se escriben así: {nombre}."
            ),
        ) from None
    for name, spec, conv in parts:
        if name not in WELCOME_FIELDS:
            known = ", ".join("{" + f + "}" for f in WELCOME_FIELDS)
            raise ValidationError.single(
                "welcome_letter",
                _(
                    "Carta de bienvenida: el campo «{{{name}}}» no existe. Campos disponibles: {known}."
                ).format(name=name, known=known),
            )
        if spec or conv:
            written = "{" + name + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "") + "}"
            raise ValidationError.single(
                "welcome_letter",
                _(
                    "Carta de bienvenida: el campo «{written}» lleva formato; escriba los campos sin formato, así: {{{name}}}."
                ).format(written=written, name=name),
            )


_FORMATTER = string.Formatter()


def fill_template(text: str, values: Mapping[str, str]) -> str:
    """The template with each field replaced (missing values print as empty text).

    The fields are replaced here rather than by ``str.format``, and the template is checked
    first: a letter saved before a rule existed (a ``{nombre:d}``) gives a Spanish error that
    says what to correct instead of a ``ValueError`` in every export.
    """
    try:
        _check(text)
    except ValidationError as exc:
        raise TalentDeskError(
            _(
                "La carta de bienvenida guardada no se puede usar. {message} Corríjala en Preferencias › Documentos."
            ).format(message=exc.errors[0].message)
        ) from None
    out = []
    for literal, name, _spec, _conv in _FORMATTER.parse(text):
        out.append(literal)
        if name is not None:
            out.append(values.get(name, "") or "")
    return "".join(out)
