"""Which column of the file holds which member field.

A mapping is a list with one entry per column of the file: a field key from ``FIELDS`` or
None (column not imported). Headers are recognised in Spanish and English ignoring accents,
case, spaces and punctuation ("Apellido Paterno", "apellido_paterno", "Primer apellido",
"Last name"), then by a close spelling ("Apelido paterno"). A mapping can be saved by name
(``services.import_mappings``) as {header: field}; reusing it matches headers the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from talentdesk.core.errors import TalentDeskError
from talentdesk.core.i18n import N_, _
from talentdesk.core.text import compact

ColumnMapping = list[str | None]


@dataclass(frozen=True)
class ImportField:
    key: str
    source_label: str  # Spanish (the catalogue's source), also a header spelling it recognises
    aliases: tuple[str, ...]  # header spellings, any form: they are compared compacted

    @property
    def label(self) -> str:
        """As the wizard lists it, in the person's language."""
        return _(self.source_label)


FIELDS: tuple[ImportField, ...] = (
    ImportField("id", N_("Id (actualiza al miembro)"), ("Id", "Id miembro", "Member id", "Id talento")),
    ImportField(
        "full_name",
        N_("Nombre completo (se separa)"),
        ("Nombre completo", "Nombre y apellidos", "Full name", "Nombre del miembro", "Member name"),
    ),
    ImportField(
        "given_names",
        N_("Nombre(s)"),
        (
            "Nombre(s)",
            "Nombres",
            "Primer nombre",
            "Nombre de pila",
            "First name",
            "Given name",
            "Given names",
            "Forename",
        ),
    ),
    ImportField(
        "surnames",
        N_("Apellidos (se separan)"),
        ("Apellidos", "Surnames", "Last names", "Family names"),
    ),
    ImportField(
        "paternal_surname",
        N_("Apellido paterno"),
        (
            "Apellido paterno",
            "Primer apellido",
            "Apellido 1",
            "Apellido",
            "Last name",
            "Surname",
            "Family name",
            "Paternal surname",
            "Father's surname",
        ),
    ),
    ImportField(
        "maternal_surname",
        N_("Apellido materno"),
        (
            "Apellido materno",
            "Segundo apellido",
            "Apellido 2",
            "Maternal surname",
            "Mother's surname",
            "Second last name",
            "Second surname",
        ),
    ),
    ImportField(
        "preferred_name", N_("Nombre preferido"), ("Nombre preferido", "Preferred name", "Apodo", "Nickname")
    ),
    ImportField("gender", N_("Género"), ("Género", "Sexo", "Gender", "Sex")),
    ImportField(
        "email",
        N_("Correo electrónico"),
        (
            "Correo electrónico",
            "Correo",
            "E-mail",
            "Email address",
            "Mail",
            "Correo-e",
            "Dirección de correo",
            "Correo personal",
        ),
    ),
    ImportField(
        "phone",
        N_("Teléfono"),
        (
            "Teléfono",
            "Tel",
            "Tel.",
            "Celular",
            "Móvil",
            "Teléfono celular",
            "Phone",
            "Phone number",
            "Mobile",
            "Cell phone",
            "WhatsApp",
        ),
    ),
    ImportField("country", N_("País"), ("País", "País de residencia", "Country", "Country of residence")),
    ImportField(
        "country_code", N_("Código de país"), ("Código de país", "Código país", "Country code", "ISO")
    ),
    ImportField(
        "state",
        N_("Estado / región"),
        ("Estado / región", "Estado", "Región", "Provincia", "State", "Province", "State/Province", "Region"),
    ),
    ImportField("city", N_("Ciudad"), ("Ciudad", "Localidad", "City", "Town")),
    ImportField("chapter", N_("Capítulo"), ("Capítulo", "Chapter")),
    ImportField("sectors", N_("Sectores"), ("Sector(es)", "Sectores", "Sector", "Sectors", "PNCS")),
    ImportField(
        "primary_sector", N_("Sector principal"), ("Sector principal", "Primary sector", "Main sector")
    ),
    ImportField(
        "expertise",
        N_("Especialidad / palabras clave"),
        (
            "Especialidad / palabras clave",
            "Especialidad",
            "Palabras clave",
            "Especialización",
            "Expertise",
            "Keywords",
            "Areas of expertise",
        ),
    ),
    ImportField(
        "degree_level",
        N_("Nivel de estudios"),
        (
            "Nivel de estudios",
            "Grado académico",
            "Grado",
            "Escolaridad",
            "Degree",
            "Degree level",
            "Education level",
            "Highest degree",
        ),
    ),
    ImportField(
        "field_of_study",
        N_("Área de estudio"),
        (
            "Área de estudio",
            "Área de estudios",
            "Carrera",
            "Disciplina",
            "Field of study",
            "Major",
            "Discipline",
        ),
    ),
    ImportField(
        "institution",
        N_("Institución"),
        ("Institución", "Universidad", "Institution", "University", "School", "Alma mater"),
    ),
    ImportField(
        "employer",
        N_("Empleador"),
        (
            "Empleador",
            "Empresa",
            "Organización",
            "Compañía",
            "Lugar de trabajo",
            "Employer",
            "Company",
            "Organization",
            "Organisation",
        ),
    ),
    ImportField(
        "job_title", N_("Puesto"), ("Puesto", "Cargo", "Ocupación", "Job title", "Title", "Position")
    ),
    ImportField("languages", N_("Idiomas"), ("Idiomas", "Idioma", "Lenguas", "Languages", "Language")),
    ImportField(
        "website",
        N_("Sitio web / LinkedIn"),
        ("Sitio web / LinkedIn", "Sitio web", "Página web", "Web", "LinkedIn", "Website", "URL", "Homepage"),
    ),
    ImportField(
        "contributions", N_("Aportaciones"), ("Aportaciones", "Aportación", "Contributions", "Contribution")
    ),
    ImportField("status", N_("Estatus"), ("Estatus", "Situación", "Status", "Member status")),
    ImportField(
        "joined_on",
        N_("Fecha de ingreso"),
        (
            "Fecha de ingreso",
            "Fecha ingreso",
            "Ingreso",
            "Fecha de alta",
            "Miembro desde",
            "Joined on",
            "Join date",
            "Date joined",
            "Member since",
        ),
    ),
    ImportField(
        "directory_consent",
        N_("Aparece en directorios"),
        (
            "Aparece en directorios",
            "Consentimiento",
            "Consentimiento directorio",
            "Directory consent",
            "Consent",
        ),
    ),
    ImportField(
        "print_fields",
        N_("Datos que se pueden imprimir"),
        ("Datos que se pueden imprimir", "Datos imprimibles", "Print fields", "Printable fields"),
    ),
    ImportField(
        "consent_date",
        N_("Fecha del consentimiento"),
        ("Fecha del consentimiento", "Fecha consentimiento", "Consent date"),
    ),
    ImportField(
        "consent_source",
        N_("Origen del consentimiento"),
        ("Origen del consentimiento", "Origen consentimiento", "Consent source"),
    ),
    ImportField(
        "no_contact",
        N_("No contactar"),
        ("No contactar", "No contactar (oposición)", "Oposición", "Do not contact", "No contact"),
    ),
    ImportField(
        "notes",
        N_("Notas"),
        ("Notas", "Nota", "Observaciones", "Comentarios", "Notes", "Comments", "Remarks"),
    ),
)
FIELD_KEYS = frozenset(f.key for f in FIELDS)
BY_KEY = {f.key: f for f in FIELDS}

#: Headers known on purpose to carry nothing to import (the export's timestamps).
IGNORED_HEADERS = frozenset(
    compact(h) for h in ("Creado", "Actualizado", "Created", "Updated", "Created at", "Updated at")
)
#: "Nombre" / "Name" alone: given names beside a surname column, else the full name.
_AMBIGUOUS_NAME = frozenset({"nombre", "name"})
_SURNAME_FIELDS = frozenset({"paternal_surname", "maternal_surname", "surnames"})
_FUZZY_CUTOFF = 88.0

_ALIASES: dict[str, str] = {}
for _field in FIELDS:
    for _alias in (_field.source_label, *_field.aliases):
        _ALIASES.setdefault(compact(_alias), _field.key)
_ALIAS_KEYS = list(_ALIASES)


def header_key(header: str) -> str:
    """What headers are compared by: 'Apellido_Paterno ' -> 'apellidopaterno'."""
    return compact(header)


def field_for_header(header: str) -> str | None:
    """The field a header names, by spelling or by a close one; None if none fits."""
    key = header_key(header)
    if not key or key in IGNORED_HEADERS:
        return None
    found = _ALIASES.get(key)
    if found is not None or len(key) < 5:
        return found
    best = process.extractOne(key, _ALIAS_KEYS, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
    return _ALIASES[best[0]] if best else None


def guess_mapping(headers: Sequence[str]) -> ColumnMapping:
    """One field (or None) per column; a field goes to the first column that names it."""
    found: ColumnMapping = []
    for header in headers:
        key = header_key(header)
        found.append("name?" if key in _AMBIGUOUS_NAME else field_for_header(header))
    has_surname = any(f in _SURNAME_FIELDS for f in found)
    taken: set[str] = set()
    out: ColumnMapping = []
    for value in found:
        if value == "name?":
            value = "given_names" if has_surname else "full_name"
        if value is not None and value in taken:
            value = None
        if value is not None:
            taken.add(value)
        out.append(value)
    return out


def mapping_from_saved(headers: Sequence[str], saved: Mapping[str, str | None]) -> ColumnMapping:
    """Apply a saved {header: field} mapping; columns it does not mention are guessed."""
    by_key = {header_key(h): f for h, f in saved.items()}
    guessed = guess_mapping(headers)
    out: ColumnMapping = []
    for header, guess in zip(headers, guessed, strict=True):
        key = header_key(header)
        out.append(by_key.get(key, guess))
    # A field the saved mapping gives to one column is not also guessed for another.
    explicit = {by_key[header_key(h)] for h in headers if header_key(h) in by_key}
    return [
        f if (header_key(h) in by_key or f not in explicit) else None
        for h, f in zip(headers, out, strict=True)
    ]


def mapping_to_saved(headers: Sequence[str], columns: ColumnMapping) -> dict[str, str | None]:
    """The form a mapping is saved in: {header as written: field or None}."""
    return {h: f for h, f in zip(headers, columns, strict=True) if not h.startswith("(columna ")}


def mapping_problems(headers: Sequence[str], columns: ColumnMapping) -> list[str]:
    """Why a mapping cannot be used, in Spanish; empty when it can."""
    problems: list[str] = []
    if len(columns) != len(headers):
        return [
            _("La asignación tiene {mapped} columnas y el archivo {found}.").format(
                mapped=len(columns), found=len(headers)
            )
        ]
    seen: dict[str, str] = {}
    for header, field in zip(headers, columns, strict=True):
        if field is None:
            continue
        if field not in FIELD_KEYS:
            problems.append(
                _("Campo desconocido «{field}» para la columna «{header}».").format(
                    field=field, header=header
                )
            )
        elif field in seen:
            problems.append(
                _("«{field}» está asignado a dos columnas: «{first}» y «{second}».").format(
                    field=BY_KEY[field].label, first=seen[field], second=header
                )
            )
        else:
            seen[field] = header
    names = {"full_name"} <= seen.keys() or {"given_names", "paternal_surname"} <= seen.keys()
    names = names or {"given_names", "surnames"} <= seen.keys()
    if not names and "id" not in seen:
        problems.append(
            _(
                "Falta el nombre: asigne una columna a «{given}» y otra a «{paternal}» (o una a «{full}»), "
                "o la columna «Id» para actualizar miembros existentes."
            ).format(
                given=BY_KEY["given_names"].label,
                paternal=BY_KEY["paternal_surname"].label,
                full=BY_KEY["full_name"].label,
            )
        )
    if "full_name" in seen and seen.keys() & {
        "given_names",
        "paternal_surname",
        "maternal_surname",
        "surnames",
    }:
        problems.append(_("Asigne el nombre completo o los nombres y apellidos por separado, no ambos."))
    if "surnames" in seen and seen.keys() & {"paternal_surname", "maternal_surname"}:
        problems.append(
            _("Asigne «{surnames}» o «{paternal}» y «{maternal}», no ambos.").format(
                surnames=BY_KEY["surnames"].label,
                paternal=BY_KEY["paternal_surname"].label,
                maternal=BY_KEY["maternal_surname"].label,
            )
        )
    return problems


def check_mapping(headers: Sequence[str], columns: ColumnMapping) -> None:
    problems = mapping_problems(headers, columns)
    if problems:
        raise TalentDeskError(
            _("No se puede importar con esta asignación de columnas:") + "\n" + "\n".join(problems)
        )
