"""Value checks shared by the services, the CLI and the import: each failure names its field."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from datetime import date, datetime

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from talentdesk.core.countries import country_code, country_name
from talentdesk.core.errors import FieldError, ValidationError
from talentdesk.core.text import first_control

#: Spanish labels of the fields, as the forms and the messages show them.
FIELD_LABELS: dict[str, str] = {
    "given_names": "Nombre(s)",
    "paternal_surname": "Apellido paterno",
    "maternal_surname": "Apellido materno",
    "preferred_name": "Nombre preferido",
    "gender": "Género",
    "email": "Correo electrónico",
    "phone": "Teléfono",
    "country": "País",
    "state": "Estado / región",
    "city": "Ciudad",
    "chapter": "Capítulo",
    "sectors": "Sectores",
    "primary_sector": "Sector principal",
    "expertise": "Especialidad / palabras clave",
    "degree_level": "Nivel de estudios",
    "field_of_study": "Área de estudio",
    "institution": "Institución",
    "employer": "Empleador",
    "job_title": "Puesto",
    "languages": "Idiomas",
    "website": "Sitio web / LinkedIn",
    "contributions": "Aportaciones",
    "status": "Estatus",
    "joined_on": "Fecha de ingreso",
    "directory_consent": "Aparece en directorios",
    "print_fields": "Datos que se pueden imprimir",
    "consent_date": "Fecha del consentimiento",
    "consent_source": "Origen del consentimiento",
    "no_contact": "No contactar",
    "notes": "Notas",
    "name": "Nombre",
    "founded_on": "Fecha de formalización",
    "contact_email": "Correo de contacto",
    "contact_phone": "Teléfono de contacto",
    "term_start": "Inicio del periodo",
    "term_end": "Fin del periodo",
    "role": "Cargo",
    "member": "Miembro",
    "kind": "Tipo",
}

_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$", re.IGNORECASE)
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")


def label(field: str) -> str:
    return FIELD_LABELS.get(field, field)


def error(field: str, text: str) -> FieldError:
    return FieldError(field, f"{label(field)}: {text}")


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
        f"{name or label(field)}: tiene un carácter de control invisible ({code}, posición {at + 1}) "
        "que no se puede guardar; bórrelo y vuelva a escribir el texto.",
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


def normalize_email(raw: str | None, field: str = "email") -> tuple[str | None, FieldError | None]:
    """Syntax only (offline): lower-cased so uniqueness is case-insensitive."""
    value = (raw or "").strip()
    if not value:
        return None, None
    try:
        result = validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        return None, error(field, f"«{value}» no es una dirección de correo válida.")
    return result.normalized.lower(), None


def normalize_phone(
    raw: str | None, country: str | None, field: str = "phone"
) -> tuple[str | None, FieldError | None]:
    """E.164, reading a national number in the member's country."""
    value = (raw or "").strip()
    if not value:
        return None, None
    region = country if country and not value.startswith("+") else None
    where = f" para {country_name(country)}" if region else ""
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        hint = "" if region else " (escriba la lada internacional, p. ej. +52, o indique el país)"
        return None, error(field, f"«{value}» no es un número de teléfono válido{where}{hint}.")
    if not phonenumbers.is_valid_number(number):
        return None, error(field, f"«{value}» no es un número de teléfono válido{where}.")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), None


def normalize_country(raw: str | None, field: str = "country") -> tuple[str | None, FieldError | None]:
    value = (raw or "").strip()
    if not value:
        return None, None
    code = country_code(value)
    if code is None:
        return None, error(
            field, f"país desconocido «{value}» (use el nombre o el código ISO, p. ej. MX, US)."
        )
    return code, None


def normalize_url(raw: str | None, field: str = "website") -> tuple[str | None, FieldError | None]:
    value = (raw or "").strip()
    if not value:
        return None, None
    if not re.match(r"^[a-z]+://", value, re.IGNORECASE):
        value = "https://" + value
    if not _URL.match(value):
        return None, error(field, f"«{raw}» no es una dirección web válida.")
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
    return None, error(field, f"«{text}» no es una fecha válida (use dd/mm/aaaa o AAAA-MM-DD).")


def check_not_future(value: date | None, field: str, today: date | None = None) -> FieldError | None:
    if value is not None and value > (today or date.today()):
        return error(field, f"la fecha {value:%d/%m/%Y} está en el futuro.")
    return None
