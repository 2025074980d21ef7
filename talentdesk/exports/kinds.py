"""One description per export kind, Qt-free: what it is about, the options it takes, its format,
its default file name, and how the command line and the export dialog offer it.

``exports.registry`` runs a kind by its key; ``cli/export.py`` builds the ``talentdesk export``
verbs from this list and ``ui/exports/kinds.py`` the export dialog's entries, so a kind, its
options and their defaults are written here once. ``tests/unit/test_export_kinds.py`` checks that
every kind the registry runs is described, and that the CLI verb and the dialog entry take the
options described.
"""

from __future__ import annotations

from dataclasses import dataclass

MEMBERS, EVENT, RECORDS, MEMBER = "members", "event", "records", "member"
REPORT = "report"  # the Tablero and the reports: about the network, a sector, a chapter, a year
#: Vinculación (issue 14): one programme (``--program``), one need (``--need``), a talent search
#: (the ``talentdesk match`` criteria).
PROGRAM, NEED, MATCH = "program", "need", "match"
LINKAGE = (PROGRAM, NEED, MATCH)

#: The options a kind may take. Each is one row of the export dialog (``ui/exports/options_form.py``)
#: and zero or more arguments of its ``talentdesk export`` verb (``cli/export.py``): on the command
#: line a member kind's selection is its filters (``--query``, ``--chapter``…, always there) or,
#: for ``only_selected``, a saved list (``--list``); an event document's is ``--participants``.
OPTIONS = (
    "only_selected",
    "only_shown",
    "external",
    "group_by",
    "title",
    "signin_scope",
    "layout",
    "start_slot",
    "offset",
    "cut_marks",
    "separate_files",
    "packet_badge",
    "page_size",
    "dashboard_filters",
    "sector",
    "chapter",
    "year",
)

#: Defaults every caller shares (the request, the dialog, the CLI): a printer's label sheet, the
#: packets' badge, the directory's grouping, the paper.
DEFAULT_LAYOUT = "avery-5392"
DEFAULT_PACKET_BADGE = "a6"
DEFAULT_GROUP_BY = "chapter"
DEFAULT_PAGE_SIZE = "letter"
PAGE_SIZES = ("letter", "a4")
GROUPS = ("chapter", "sector", "country")


@dataclass(frozen=True)
class Verb:
    """A ``talentdesk export`` verb: its name, its help, and what its final message counts."""

    name: str
    help: str
    singular: str
    plural: str


@dataclass(frozen=True)
class Kind:
    key: str  # what exports.registry.run_export runs
    scope: str  # MEMBERS, EVENT, RECORDS (a table as shown), MEMBER (one person's data), REPORT, or LINKAGE
    stem: str  # Spanish default file name stem ("Gafetes - <evento>.pdf")
    suffix: str  # ".xlsx" or ".pdf"
    module: str  # talentdesk.exports.<module>
    options: tuple[str, ...] = ()  # names from OPTIONS, in the dialog's order
    verbs: tuple[Verb, ...] = ()  # its `talentdesk export` verbs
    dialog: bool = True  # an entry of the export dialog (Export menu, Ctrl+E)
    preview: bool = False  # the dialog can preview it
    #: Where it is offered instead, when not as an export verb or a dialog entry.
    elsewhere: str = ""


def _verb(name: str, help_text: str, counted: str) -> tuple[Verb, ...]:
    singular, plural = counted.split("|")
    return (Verb(name, help_text, singular, plural),)


KINDS: tuple[Kind, ...] = (
    Kind(
        "table",
        MEMBERS,
        "Miembros (tabla)",
        ".xlsx",
        "table_xlsx",
        elsewhere="talentdesk export members --columns COLUMNAS [--sort COLUMNA] [--descending]",
    ),
    Kind(
        "members",
        MEMBERS,
        "Miembros",
        ".xlsx",
        "members_xlsx",
        ("only_selected", "external"),
        _verb(
            "members",
            "miembros: todos los campos, o la tabla como se muestra con --columns (.xlsx)",
            "miembro|miembros",
        ),
    ),
    Kind(
        "directory",
        MEMBERS,
        "Directorio",
        ".pdf",
        "directory_pdf",
        ("only_selected", "group_by", "title", "page_size"),
        _verb("directory", "directorio de miembros por capítulo, sector o país (.pdf)", "miembro|miembros"),
        preview=True,
    ),
    Kind(
        "stats",
        MEMBERS,
        "Estadísticas de miembros",
        ".xlsx",
        "stats_xlsx",
        ("only_shown",),
        _verb("stats", "estadísticas de miembros con gráficas (.xlsx)", "miembro|miembros"),
    ),
    Kind(
        "participants",
        EVENT,
        "Participantes",
        ".xlsx",
        "event_xlsx",
        ("only_selected",),
        _verb("participants", "participantes de un evento (.xlsx)", "participante|participantes"),
    ),
    Kind(
        "rooming",
        EVENT,
        "Hospedaje",
        ".xlsx",
        "event_xlsx",
        verbs=_verb("rooming", "rooming list: una hoja por hotel (.xlsx)", "huésped|huéspedes"),
    ),
    Kind(
        "arrivals",
        EVENT,
        "Llegadas y salidas",
        ".xlsx",
        "event_xlsx",
        verbs=_verb("arrivals", "llegadas y salidas para traslados (.xlsx)", "vuelo|vuelos"),
    ),
    Kind(
        "materials",
        EVENT,
        "Materiales y tareas",
        ".xlsx",
        "event_xlsx",
        verbs=_verb("materials", "materiales y tareas de un evento (.xlsx)", "renglón|renglones"),
    ),
    Kind(
        "badges",
        EVENT,
        "Gafetes",
        ".pdf",
        "badges",
        ("only_selected", "layout", "start_slot", "offset", "cut_marks"),
        _verb("badges", "gafetes en hojas de etiquetas (.pdf)", "gafete|gafetes"),
        preview=True,
    ),
    Kind(
        "packets",
        EVENT,
        "Paquetes",
        ".pdf",
        "packets_pdf",
        ("only_selected", "separate_files", "packet_badge", "page_size"),
        _verb(
            "packets",
            "paquetes de bienvenida por participante (.pdf, o una carpeta con --separate)",
            "paquete|paquetes",
        ),
    ),
    Kind(
        "certificates",
        EVENT,
        "Constancias",
        ".pdf",
        "certificates_pdf",
        ("only_selected", "page_size"),
        _verb(
            "certificates",
            "constancias de participación con código de verificación (.pdf)",
            "constancia|constancias",
        ),
    ),
    Kind(
        "signin",
        EVENT,
        "Listas de asistencia",
        ".pdf",
        "signin_pdf",
        ("signin_scope", "page_size"),
        _verb("signin", "hojas de firmas por sesión o por día (.pdf)", "participante|participantes"),
    ),
    Kind(
        "agenda",
        EVENT,
        "Agenda",
        ".pdf",
        "agenda_pdf",
        ("page_size",),
        _verb("agenda", "agenda del evento (.pdf)", "sesión|sesiones"),
    ),
    Kind(
        "reference",
        RECORDS,
        "Tabla",
        ".xlsx",
        "reference_xlsx",
        verbs=(
            Verb(
                "chapters",
                "capítulos con las columnas y el orden de su tabla (.xlsx)",
                "capítulo",
                "capítulos",
            ),
            Verb("sectors", "sectores y PNCS con las columnas de su tabla (.xlsx)", "sector", "sectores"),
            Verb(
                "organizations",
                "organizaciones con las columnas y el orden de su tabla (.xlsx)",
                "organización",
                "organizaciones",
            ),
            Verb(
                "events",
                "lista de jornadas con las columnas y el orden de su tabla (.xlsx)",
                "jornada",
                "jornadas",
            ),
        ),
        dialog=False,
        elsewhere="the window exports these lists as shown (kind 'rows', Ctrl+E in each area)",
    ),
    Kind(  # the dialog entry of Ctrl+E in Capítulos, Sectores, Organizaciones and the Jornadas list
        "rows",
        RECORDS,
        "Tabla",
        ".xlsx",
        "table_xlsx",
        elsewhere="`talentdesk export chapters|sectors|organizations|events` (kind 'reference')",
    ),
    Kind(
        "personal",
        MEMBER,
        "datos-personales-miembro",
        ".pdf",
        "personal",
        ("page_size",),
        dialog=False,
        elsewhere="`talentdesk members export-personal`, and the member's Acceso dialog",
    ),
    Kind(
        "program_people",
        PROGRAM,
        "Personas del programa",
        ".xlsx",
        "linkage_xlsx",
        ("external",),
        _verb(
            "program-people",
            "personas de un programa: rol, fechas, horas, contacto (.xlsx)",
            "persona|personas",
        ),
    ),
    Kind(
        "need_candidates",
        NEED,
        "Candidatos",
        ".xlsx",
        "linkage_xlsx",
        ("external",),
        _verb("candidates", "candidatos de una solicitud con su etapa (.xlsx)", "candidato|candidatos"),
    ),
    Kind(
        "talent",
        MATCH,
        "Talento",
        ".xlsx",
        "linkage_xlsx",
        ("external",),
        _verb(
            "talent", "miembros por puntaje para unos criterios o una solicitud (.xlsx)", "miembro|miembros"
        ),
    ),
)


def _report(
    key: str, stem: str, module: str, option: str, verb: str, help_text: str, xlsx: bool = True
) -> tuple[Kind, ...]:
    """A report as a PDF (the ``talentdesk export`` verb: .pdf or .xlsx by the name of -o) and,
    when it has one, as a workbook (a second dialog entry)."""
    counted = "gráfica|gráficas"
    pdf = Kind(key, REPORT, stem, ".pdf", module, (option, "page_size"), _verb(verb, help_text, counted))
    if not xlsx:
        return (pdf,)
    elsewhere = f"`talentdesk export {verb} -o ARCHIVO.xlsx` (the verb writes the format -o names)"
    return pdf, Kind(f"{key}_xlsx", REPORT, stem, ".xlsx", module, (option,), elsewhere=elsewhere)


KINDS += (
    *_report(
        "dashboard",
        "Tablero",
        "reports",
        "dashboard_filters",
        "dashboard",
        "Tablero de la Red: sus gráficas con sus cifras (.pdf o .xlsx, según -o)",
    ),
    *_report(
        "sector_report",
        "Reporte sectorial",
        "reports",
        "sector",
        "sector-report",
        "reporte sectorial (PNCS): miembros, directorio, programas, Jornadas (.pdf o .xlsx)",
    ),
    *_report(
        "chapter_report",
        "Reporte de capítulo",
        "reports",
        "chapter",
        "chapter-report",
        "reporte de capítulo: mesa directiva, miembros, programas, Jornadas (.pdf o .xlsx)",
    ),
    *_report(
        "annual_report",
        "Informe anual",
        "reports",
        "year",
        "annual-report",
        "informe anual de la Red: miembros, crecimiento, programas y Jornadas del año (.pdf)",
        xlsx=False,
    ),
)
BY_KEY = {kind.key: kind for kind in KINDS}
#: Verb of ``talentdesk export`` → its kind and verb, in the order the help lists them.
VERBS = {verb.name: (kind, verb) for kind in KINDS for verb in kind.verbs}
