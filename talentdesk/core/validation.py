"""Value checks shared by the services, the CLI and the import: each failure names its field."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from talentdesk.core.countries import country_code, country_name
from talentdesk.core.errors import FieldError, ValidationError
from talentdesk.core.i18n import N_, _
from talentdesk.core.text import first_control

#: Spanish labels of the fields, as the forms and the messages show them (translated by ``label``).
FIELD_LABELS: dict[str, str] = {
    "given_names": N_("Nombre(s)"),
    "paternal_surname": N_("Apellido paterno"),
    "maternal_surname": N_("Apellido materno"),
    "preferred_name": N_("Nombre preferido"),
    "gender": N_("Género"),
    "email": N_("Correo electrónico"),
    "phone": N_("Teléfono"),
    "country": N_("País"),
    "state": N_("Estado / región"),
    "city": N_("Ciudad"),
    "chapter": N_("Capítulo"),
    "sectors": N_("Sectores"),
    "primary_sector": N_("Sector principal"),
    "expertise": N_("Especialidad / palabras clave"),
    "degree_level": N_("Nivel de estudios"),
    "field_of_study": N_("Área de estudio"),
    "institution": N_("Institución"),
    "employer": N_("Empleador"),
    "job_title": N_("Puesto"),
    "languages": N_("Idiomas"),
    "website": N_("Sitio web / LinkedIn"),
    "contributions": N_("Aportaciones"),
    "status": N_("Estatus"),
    "joined_on": N_("Fecha de ingreso"),
    "directory_consent": N_("Aparece en directorios"),
    "print_fields": N_("Datos que se pueden imprimir"),
    "consent_date": N_("Fecha del consentimiento"),
    "consent_source": N_("Origen del consentimiento"),
    "no_contact": N_("No contactar"),
    "notes": N_("Notas"),
    "name": N_("Nombre"),
    "founded_on": N_("Fecha de formalización"),
    "contact_email": N_("Correo de contacto"),
    "contact_phone": N_("Teléfono de contacto"),
    "term_start": N_("Inicio del periodo"),
    "term_end": N_("Fin del periodo"),
    "role": N_("Cargo"),
    "member": N_("Miembro"),
    "kind": N_("Tipo"),
}

_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$", re.IGNORECASE)
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")


def label(field: str) -> str:
    """The field's name in the person's language (an unknown field is shown as its key)."""
    return _(FIELD_LABELS[field]) if field in FIELD_LABELS else field


def error(field: str, text: str) -> FieldError:
    return FieldError(field, _("{field}: {problem}").format(field=label(field), problem=text))


def control_error(
    field: str, text: str, *, multiline: bool = False, name: str | None = None
) -> FieldError | None:
    """A control character (ESC, NUL, BEL…) in typed or imported text is refused, not silently
    dropped: the person sees what was wrong. White space is not refused: tab and line breaks
    become a space in one-line fields (``clean``) and stay in multi-line ones."""
    at = first_control(text, multiline=multiline)
    if at is None:
        return None
    code = f"U+{ord(text[at]):04X}"
    return FieldError(
        field,
        _(
            "{field}: tiene un carácter de control invisible ({code}, posición {position}) "
            "que no se puede guardar; bórrelo y vuelva a escribir el texto."
        ).format(field=name or label(field), code=code, position=at + 1),
    )


def check_controls(
    values: Mapping[str, object], *, multiline: Collection[str] = (), labels: Mapping[str, str] | None = None
) -> None:
    """Raise ``ValidationError`` naming every text value of ``values`` that holds a control
    character (see ``control_error``); the fields in ``multiline`` may keep line breaks."""
    errors = [
        err
        for field, value in values.items()
        if isinstance(value, str)
        and (err := control_error(field, value, multiline=field in multiline, name=(labels or {}).get(field)))
    ]
    if errors:
        raise ValidationError(errors)


# -- text no longer than its column ---------------------------------------------------------------
#
# SQLite keeps a string longer than its VARCHAR; PostgreSQL refuses it with a driver error. Every
# text a person types or imports is measured against the length its model declares (never a
# number copied by hand), before anything is written: the services and the import ask
# ``length_error`` with their own labels, and ``flush_length_errors`` (run before every flush by
# ``core.models``) refuses whatever reached the ORM without that check.

#: Labels per table for the flush check, where ``FIELD_LABELS`` does not name the field (or names
#: another field of the same key): ``register_labels`` by the services that own those records.
_TABLE_LABELS: dict[str, dict[str, str]] = {}


def max_length(model: type[Any], field: str) -> int | None:
    """The declared length of ``model``'s text attribute ``field`` (None: no limit, not text)."""
    return _limits(model).get(field)


_LIMITS: dict[type[Any], dict[str, int]] = {}


def _limits(model: type[Any]) -> dict[str, int]:
    """Every attribute of ``model`` whose column declares a length, with that length (read
    once per model)."""
    known = _LIMITS.get(model)
    if known is not None:
        return known
    mapper = sa_inspect(model, raiseerr=False)
    limits: dict[str, int] = {}
    for attr in mapper.column_attrs if mapper is not None else ():
        length = getattr(attr.columns[0].type, "length", None)
        if isinstance(length, int):
            limits[attr.key] = length
    _LIMITS[model] = limits
    return limits


def length_error(model: type[Any], field: str, text: object, *, name: str | None = None) -> FieldError | None:
    """«Nombre(s): tiene 140 caracteres; el máximo es 120.» when ``text`` is longer than the
    column behind ``model.field``; None when it fits (or is not text)."""
    limit = max_length(model, field)
    if limit is None or not isinstance(text, str) or len(text) <= limit:
        return None
    return FieldError(
        field,
        _("{name}: tiene {count:,} caracteres; el máximo es {limit:,}.").format(
            name=name or _label_of(model, field), count=len(text), limit=limit
        ),
    )


def check_lengths(model: type[Any], values: Mapping[str, object], *, labels: Mapping[str, str] | None = None) -> None:
    """Raise ``ValidationError`` naming every value of ``values`` longer than its column."""
    errors = [
        err
        for field, value in values.items()
        if (err := length_error(model, field, value, name=(labels or {}).get(field)))
    ]
    if errors:
        raise ValidationError(errors)


def register_labels(model: type[Any], labels: Mapping[str, str]) -> None:
    """Spanish labels (``N_`` sources) of ``model``'s fields for the messages of the flush check."""
    _TABLE_LABELS.setdefault(model.__table__.name, {}).update(labels)


def _label_of(model: type[Any], field: str) -> str:
    own = _TABLE_LABELS.get(model.__table__.name, {}).get(field)
    return _(own) if own else label(field)


def flush_length_errors(session: Session, objects: Iterable[object] | None = None) -> list[FieldError]:
    """Text about to be written that is longer than its column: every text attribute of a new
    record, the changed ones of a changed record (a longer value an older version stored in a
    SQLite file is left alone until someone changes it)."""
    errors: list[FieldError] = []
    new = set(map(id, session.new))
    for obj in objects if objects is not None else [*session.new, *session.dirty]:
        model: type[Any] = type(obj)
        limits = _limits(model)
        if not limits:
            continue
        state = sa_inspect(obj)
        for key, limit in limits.items():
            if id(obj) in new:
                value = getattr(obj, key, None)
            else:
                added = state.attrs[key].history.added  # never loads an unloaded attribute
                value = added[0] if added else None
            if isinstance(value, str) and len(value) > limit and (err := length_error(model, key, value)):
                errors.append(err)
    return errors


def normalize_email(raw: str | None, field: str = "email") -> tuple[str | None, FieldError | None]:
    """Syntax only (offline): lower-cased so uniqueness is case-insensitive."""
    value = (raw or "").strip()
    if not value:
        return None, None
    from email_validator import EmailNotValidError, validate_email  # on first use: not at start-up

    try:
        result = validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        return None, error(field, _("«{value}» no es una dirección de correo válida.").format(value=value))
    return result.normalized.lower(), None


def normalize_phone(
    raw: str | None, country: str | None, field: str = "phone"
) -> tuple[str | None, FieldError | None]:
    """E.164, reading a national number in the member's country."""
    value = (raw or "").strip()
    if not value:
        return None, None
    region = country if country and not value.startswith("+") else None
    if region:
        invalid = _("«{value}» no es un número de teléfono válido para {country}.").format(
            value=value, country=country_name(region)
        )
    else:
        invalid = _("«{value}» no es un número de teléfono válido.").format(value=value)
    import phonenumbers  # on first use: not at start-up

    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        if not region:
            invalid = _(
                "«{value}» no es un número de teléfono válido (escriba la lada internacional, "
                "p. ej. +52, o indique el país)."
            ).format(value=value)
        return None, error(field, invalid)
    if not phonenumbers.is_valid_number(number):
        return None, error(field, invalid)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), None


def normalize_country(raw: str | None, field: str = "country") -> tuple[str | None, FieldError | None]:
    value = (raw or "").strip()
    if not value:
        return None, None
    code = country_code(value)
    if code is None:
        return None, error(
            field,
            _("país desconocido «{value}» (use el nombre o el código ISO, p. ej. MX, US).").format(
                value=value
            ),
        )
    return code, None


def normalize_url(raw: str | None, field: str = "website") -> tuple[str | None, FieldError | None]:
    value = (raw or "").strip()
    if not value:
        return None, None
    if not re.match(r"^[a-z]+://", value, re.IGNORECASE):
        value = "https://" + value
    if not _URL.match(value):
        return None, error(field, _("«{value}» no es una dirección web válida.").format(value=raw))
    return value, None


def parse_date(raw: object, field: str) -> tuple[date | None, FieldError | None]:
    """A date object, or text as AAAA-MM-DD or dd/mm/aaaa."""
    if raw is None or raw == "":
        return None, None
    if isinstance(raw, datetime):
        return raw.date(), None
    if isinstance(raw, date):
        return raw, None
    text = str(raw).strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date(), None
        except ValueError:
            continue
    return None, error(
        field, _("«{value}» no es una fecha válida (use dd/mm/aaaa o AAAA-MM-DD).").format(value=text)
    )


def check_not_future(value: date | None, field: str, today: date | None = None) -> FieldError | None:
    if value is not None and value > (today or date.today()):
        return error(field, _("la fecha {date} está en el futuro.").format(date=f"{value:%d/%m/%Y}"))
    return None
