"""``talentdesk export …`` and ``talentdesk certificates verify``: every document the GUI can
save, from the command line, with the same options as the dialogs.

Each subcommand maps its arguments onto one function of ``talentdesk.exports``; the export
itself (streaming, temporary file, rename on success) lives there, shared with the GUI.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from talentdesk.cli.args import Commands, SpanishParser, actions, integer, path
from talentdesk.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    criteria_options,
    end_progress,
    match_criteria,
    member_query,
    open_db,
    print_json,
    progress_line,
)
from talentdesk.core.enums import MemberStatus
from talentdesk.core.errors import TalentDeskError
from talentdesk.exports.kinds import (
    BY_KEY,
    DEFAULT_GROUP_BY,
    DEFAULT_LAYOUT,
    DEFAULT_PACKET_BADGE,
    DEFAULT_PAGE_SIZE,
    EVENT,
    GROUPS,
    LINKAGE,
    MATCH,
    MEMBERS,
    PAGE_SIZES,
    REPORT,
    VERBS,
    Kind,
    Verb,
)

if TYPE_CHECKING:
    from talentdesk.exports.registry import ExportRequest

Arg = tuple[tuple[str, ...], dict[str, Any]]

#: How each option a kind takes (``exports/kinds.OPTIONS``) is typed after its verb, in the order
#: the help lists them. ``only_selected`` is ``--participants`` for an event document and
#: ``--list`` (a saved list) for a member document; ``only_shown`` is the filters (``--query``…).
ARGUMENTS: dict[str, tuple[Arg, ...]] = {
    "page_size": (
        (
            ("--page-size",),
            {
                "choices": PAGE_SIZES,
                "default": DEFAULT_PAGE_SIZE,
                "help": f"tamaño de página (por omisión: {DEFAULT_PAGE_SIZE})",
            },
        ),
    ),
    "only_selected": (
        (
            ("--participants",),
            {
                "metavar": "CÓDIGOS",
                "help": "sólo estos participantes, por código separado por comas (p. ej. para reimprimir)",
            },
        ),
    ),
    "external": (
        (
            ("--external",),
            {
                "action": "store_true",
                "help": "copia para fuera del IME: sólo quien dio consentimiento y sus datos permitidos",
            },
        ),
    ),
    "group_by": ((("--group-by",), {"choices": GROUPS, "default": DEFAULT_GROUP_BY}),),
    "title": ((("--title",), {"metavar": "TÍTULO", "help": "título de la portada"}),),
    "layout": (
        (
            ("--layout",),
            {
                "default": DEFAULT_LAYOUT,
                "metavar": "DISEÑO",
                "help": f"hoja de etiquetas (por omisión: {DEFAULT_LAYOUT})",
            },
        ),
    ),
    "start_slot": (
        (
            ("--start-slot",),
            {
                "type": integer,
                "default": 1,
                "metavar": "N",
                "help": "empieza en la etiqueta N de una hoja ya usada",
            },
        ),
    ),
    "offset": (
        (
            ("--offset-mm",),
            {
                "default": "0,0",
                "metavar": "X,Y",
                "help": "calibración de la impresora en mm: derecha,abajo; con negativos escriba "
                "--offset-mm=-1.5,0.8",
            },
        ),
    ),
    "cut_marks": ((("--cut-marks",), {"action": "store_true", "help": "marcas de corte en las esquinas"}),),
    "separate_files": (
        (("--separate",), {"action": "store_true", "help": "un archivo por participante en la carpeta -o"}),
    ),
    "packet_badge": (
        (
            ("--badge-layout",),
            {
                "default": DEFAULT_PACKET_BADGE,
                "metavar": "DISEÑO",
                "help": f"diseño del gafete del paquete (por omisión: {DEFAULT_PACKET_BADGE})",
            },
        ),
    ),
    "signin_scope": (
        (("--session",), {"type": integer, "metavar": "ID", "help": "sólo esta sesión de la agenda"}),
        (("--day",), {"metavar": "FECHA", "help": "sólo este día (aaaa-mm-dd o dd/mm/aaaa)"}),
    ),
    "dashboard_filters": (
        (("--chapter",), {"metavar": "NOMBRE", "help": "sólo los miembros de este capítulo"}),
        (("--sector",), {"metavar": "NOMBRE", "help": "sólo los miembros de este sector (nombre o número)"}),
        (("--country",), {"metavar": "PAÍS", "help": "sólo los miembros que residen en este país"}),
        (("--from-year",), {"metavar": "AAAA", "help": "gráficas por año y Jornadas desde este año"}),
        (("--to-year",), {"metavar": "AAAA", "help": "gráficas por año y Jornadas hasta este año"}),
    ),
    "sector": (
        (("--sector",), {"metavar": "NOMBRE", "required": True, "help": "el sector (nombre o número)"}),
    ),
    "chapter": ((("--chapter",), {"metavar": "NOMBRE", "required": True, "help": "el capítulo (nombre)"}),),
    "year": ((("--year",), {"metavar": "AAAA", "required": True, "help": "el año del informe"}),),
}
#: The ``table`` kind (the members table as shown) is ``export members --columns``.
TABLE_ARGUMENTS: tuple[Arg, ...] = (
    (
        ("--columns",),
        {
            "metavar": "COLUMNAS",
            "help": "la tabla como se muestra: claves de columna separadas por comas (p. ej. "
            "paternal_surname,email,chapter)",
        },
    ),
    (
        ("--sort",),
        {"metavar": "COLUMNA", "default": "paternal_surname", "help": "con --columns: columna de orden"},
    ),
    (("--descending",), {"action": "store_true", "help": "con --columns: orden descendente"}),
)


#: A member document's chosen members (``only_selected``) on the command line: a saved list.
LIST_ARGUMENTS: tuple[Arg, ...] = (
    (("--list",), {"metavar": "NOMBRE", "help": "los miembros de una lista guardada (talentdesk lists)"}),
)


def verb_arguments(kind: Kind, verb: Verb) -> tuple[Arg, ...]:
    """The arguments of ``talentdesk export VERB`` that carry the kind's options."""
    found: list[Arg] = []
    for option, arguments in ARGUMENTS.items():
        if option == "only_selected" and option in kind.options and kind.scope == MEMBERS:
            found += LIST_ARGUMENTS
        elif option in kind.options and (option != "only_selected" or kind.scope == EVENT):
            found += arguments
            if option == "external" and verb.name == "members":
                found += TABLE_ARGUMENTS
    return tuple(found)


def add_parser(commands: Commands) -> None:
    """``export DOCUMENTO`` and ``certificates verify``."""
    export = commands.add_parser("export", help="exporta hojas de cálculo y documentos")
    export.set_defaults(run=run_export)
    x_cmds = actions(export, "export_command", "DOCUMENTO")
    for kind, verb in VERBS.values():
        sub = x_cmds.add_parser(verb.name, help=verb.help, description=verb.help)
        target = "carpeta (con --separate) o archivo .pdf" if kind.key == "packets" else "archivo de salida"
        sub.add_argument("-o", "--output", type=path, required=True, metavar="RUTA", help=target)
        sub.add_argument(
            "--shared",
            action="store_true",
            help="que otras cuentas de esta computadora puedan leerlo (por omisión, sólo la suya)",
        )
        if kind.scope == MEMBERS:
            _member_filters(sub)
        if kind.scope == EVENT:
            sub.add_argument(
                "--event",
                type=integer,
                required=True,
                metavar="ID",
                help="id del evento (talentdesk events list)",
            )
        if kind.scope in LINKAGE:
            _linkage_arguments(sub, kind.scope)
        for flags, options in verb_arguments(kind, verb):
            sub.add_argument(*flags, **options)

    certificates = commands.add_parser("certificates", help="constancias de participación")
    certificates.set_defaults(run=run_certificates)
    c_cmds = actions(certificates, "certificates_command")
    verify = c_cmds.add_parser("verify", help="comprueba el código de verificación de una constancia")
    verify.add_argument("code", metavar="CÓDIGO")
    verify.add_argument("--json", action="store_true")


def _linkage_arguments(parser: Any, scope: str) -> None:
    """``talentdesk export program-people|candidates|talent``: what the document is about (a
    programme, a need, or the criteria of ``talentdesk match``)."""
    if scope == "program":
        parser.add_argument("--program", type=integer, required=True, metavar="ID", help="id del programa")
        return
    required = scope == "need"
    need_help = "id de la solicitud" if required else "parte de los criterios de la solicitud"
    parser.add_argument("--need", type=integer, required=required, metavar="ID", help=need_help)
    if scope == "match":
        criteria_options(parser)
        parser.add_argument("--limit", type=integer, default=50, metavar="N", help="cuántos exportar (50)")
        parser.add_argument("--inactive", action="store_true", help="incluye a los miembros inactivos")
        parser.add_argument(
            "--diverse", action="store_true", help="evita llenar la lista con un empleador o capítulo"
        )


def _member_filters(sub: SpanishParser) -> None:
    sub.add_argument("--query", default="", metavar="TEXTO", help="mismo texto que en la búsqueda")
    sub.add_argument("--chapter", metavar="NOMBRE")
    sub.add_argument("--sector", metavar="NOMBRE")
    sub.add_argument("--country", metavar="PAÍS")
    sub.add_argument("--status", choices=[s.value for s in MemberStatus])


def run_export(args: argparse.Namespace) -> int:
    """Write the document (the export itself lives in ``talentdesk.exports``, shared with the GUI)."""
    from talentdesk.exports import registry

    described, verb = VERBS[args.export_command]
    db = open_db(args)
    show = sys.stderr.isatty()
    try:
        with db.reader() as session:
            query = member_query(session, args) if described.scope == MEMBERS else None
            participants = _participant_ids(session, args)
            report = _report_request(session, args, described) if described.scope == REPORT else None
            match = match_criteria(session, args, args.need) if described.scope == MATCH else None
        if described.scope in LINKAGE:
            kind, request = described.key, _linkage_request(args, match)
        else:
            kind, request = report or _request(args, query, participants)
        request = dataclasses.replace(request, shared=args.shared)
        if getattr(args, "list", None):
            request = dataclasses.replace(request, member_ids=_list_audience(db, args, kind))
        result = registry.run_export(kind, db.sessions, request, args.output, progress=progress_line(show))
    finally:
        db.close()
    end_progress(show)
    if result.rows == 1:
        print(f"Se exportó 1 {verb.singular} a {result.path}.")
    else:
        print(f"Se exportaron {result.rows:,} {verb.plural} a {result.path}.")
    for warning in result.warnings:  # the file was written; these say what will not look right
        print(f"Aviso: {warning}", file=sys.stderr)
    return EXIT_OK


def run_certificates(args: argparse.Namespace) -> int:
    """Exit 0 only for a constancia that may be honoured: a code nobody was issued, or one whose
    holder is no longer «Asistió» (attendance corrected after printing), exits 1."""
    from talentdesk.services.certificates import verify_certificate

    db = open_db(args)
    try:
        with db.reader() as session:
            found = verify_certificate(session, args.code)
    finally:
        db.close()
    valid = found is not None and bool(found["attended"])
    if args.json:
        print_json(_certificate_json(found))
    elif found is None:
        print(f"El código «{args.code}» no corresponde a ninguna constancia emitida.")
    else:
        if valid:
            print(f"Constancia válida ({found['code']}):")
        else:
            print(
                f"El código {found['code']} existe, pero la constancia ya no es válida: la asistencia de "
                f"{found['participant']} se corrigió después de emitirla (estatus actual: «{found['status']}»)."
            )
        for label, value in _certificate_lines(found):
            print(f"  {label}: {value}")
    return EXIT_OK if valid else EXIT_ERROR


def _certificate_json(found: dict[str, Any] | None) -> dict[str, Any] | None:
    """The dict as ``verify_certificate`` returns it, dates in ISO 8601 (``issued_at`` in UTC)."""
    if found is None:
        return None
    out = dict(found)
    for key, value in found.items():
        if isinstance(value, datetime):  # stored as naive UTC
            out[key] = value.replace(tzinfo=UTC).isoformat(timespec="seconds")
        elif isinstance(value, date):
            out[key] = value.isoformat()
    return out


def _certificate_lines(found: dict[str, Any]) -> list[tuple[str, str]]:
    """What a person reads: Spanish labels and dates, in the order one checks a paper."""
    from talentdesk.core.dates import spanish_date, spanish_date_range

    event = found["event"]
    if found["edition"] and found["edition"] not in event:
        event = f"{event} {found['edition']}"
    issued = found["issued_at"].replace(tzinfo=UTC).astimezone()
    lines = [
        ("Participante", f"{found['participant']} ({found['participant_code']})"),
        ("Rol", str(found["role"])),
        ("Estatus", str(found["status"])),
        ("Evento", event),
        ("Fechas", spanish_date_range(found["starts_on"], found["ends_on"])),
    ]
    place = ", ".join(p for p in (found["venue"], found["city"]) if p)
    if place:
        lines.append(("Sede", place))
    lines.append(("Emitida", f"{spanish_date(issued.date())}, {issued:%H:%M}"))
    return lines


def _participant_ids(session: Any, args: argparse.Namespace) -> list[int] | None:
    codes = getattr(args, "participants", None)
    if not codes:
        return None
    from sqlalchemy import select

    from talentdesk.core.events import Participant

    wanted = [c.strip().upper() for c in codes.split(",") if c.strip()]
    found = dict(
        session.execute(
            select(Participant.code, Participant.id).where(
                Participant.event_id == args.event, Participant.code.in_(wanted)
            )
        ).all()
    )
    missing = [c for c in wanted if c not in found]
    if missing:
        raise TalentDeskError(
            f"--participants: el evento {args.event} no tiene participantes con código {', '.join(missing)}."
        )
    return [found[c] for c in wanted]


def _list_audience(db: Any, args: argparse.Namespace, kind: str) -> tuple[int, ...]:
    """The members of ``--list`` (a smart list's search run now; anonymised members never)."""
    from talentdesk.services import saved_lists

    if kind == "table" or args.query or args.chapter or args.sector or args.country or args.status:
        raise TalentDeskError(
            "--list exporta los miembros de una lista guardada: no se combina con --query, los filtros "
            "ni --columns."
        )
    with db.reader() as session:
        found = saved_lists.list_members(session, saved_lists.find_list(session, args.list).id)
    for note in found.notes:
        print(f"Aviso: {note}", file=sys.stderr)
    return tuple(found.ids)


def _linkage_request(a: argparse.Namespace, match: Any) -> ExportRequest:
    from talentdesk.exports.registry import ExportRequest

    return ExportRequest(
        program_id=getattr(a, "program", None),
        need_id=getattr(a, "need", None),
        match=match,
        limit=getattr(a, "limit", 50),
        external=a.external,
    )


def _offset(text: str) -> tuple[float, float]:
    try:
        x, y = (float(part.replace(" ", "")) for part in text.split(","))
    except ValueError:
        raise TalentDeskError(
            f"--offset-mm: «{text}» no es válido; escriba dos números separados por coma, p. ej. 1.5,-0.8."
        ) from None
    return x, y


def _day(text: str | None) -> date | None:
    if not text:
        return None
    from talentdesk.core.validation import parse_date

    day, problem = parse_date(text, "day")
    if problem is not None:
        raise TalentDeskError(f"--day: «{text}» no es una fecha válida (use dd/mm/aaaa o aaaa-mm-dd).")
    return day


def _report_request(session: Any, a: argparse.Namespace, kind: Kind) -> tuple[str, ExportRequest]:
    """The Tablero or a report: names found (a Spanish error names what is unknown), the year
    checked, and the .xlsx kind when -o names a workbook."""
    from talentdesk.core.errors import ValidationError
    from talentdesk.core.validation import normalize_country
    from talentdesk.exports.registry import ExportRequest
    from talentdesk.services import reference, reports
    from talentdesk.services.dashboard import DashboardFilter

    key = kind.key
    if str(a.output).lower().endswith(".xlsx") and f"{key}_xlsx" in BY_KEY:
        key = f"{key}_xlsx"
    if kind.key == "dashboard":
        country = None
        if a.country:
            country, problem = normalize_country(a.country)
            if problem:
                raise ValidationError([problem])
        flt = DashboardFilter(
            chapter_id=reference.find_chapter(session, a.chapter).id if a.chapter else None,
            sector_id=reference.find_sector(session, a.sector).id if a.sector else None,
            country=country,
        )
        years = reports.year_range(a.from_year, a.to_year)
        return key, ExportRequest(dashboard=flt, years=years, page_size=getattr(a, "page_size", "letter"))
    page = getattr(a, "page_size", "letter")
    if kind.key == "sector_report":
        return key, ExportRequest(sector_id=reference.find_sector(session, a.sector).id, page_size=page)
    if kind.key == "chapter_report":
        return key, ExportRequest(chapter_id=reference.find_chapter(session, a.chapter).id, page_size=page)
    return key, ExportRequest(year=reports.parse_year(a.year, "--year"), page_size=page)


def _request(a: argparse.Namespace, query: Any, participants: list[int] | None) -> tuple[str, ExportRequest]:
    """The export kind and its request for ``talentdesk export <DOCUMENTO>``; the CLI-only checks
    (``--external`` with ``--columns``, ``--offset-mm``, ``--day``) raise here, before any file."""
    from talentdesk.exports.registry import ExportRequest

    name = a.export_command
    ids = None if participants is None else tuple(participants)
    if VERBS[name][0].key == "reference":
        return "reference", ExportRequest(table=name)
    if name == "members" and a.columns:
        if a.external:
            raise TalentDeskError(
                "--external no se combina con --columns: la tabla se exporta como se muestra."
            )
        columns = tuple(c.strip() for c in a.columns.split(",") if c.strip())
        return "table", ExportRequest(query=query, columns=columns, sort_key=a.sort, descending=a.descending)
    if name == "members":
        return name, ExportRequest(query=query, external=a.external)
    if name == "directory":
        return name, ExportRequest(query=query, group_by=a.group_by, page_size=a.page_size, title=a.title)
    if name == "stats":
        return name, ExportRequest(query=query)
    if name == "badges":
        return name, ExportRequest(
            event_id=a.event,
            layout=a.layout,
            participant_ids=ids,
            start_slot=a.start_slot,
            offset_mm=_offset(a.offset_mm),
            cut_marks=a.cut_marks,
        )
    if name == "packets":
        return name, ExportRequest(
            event_id=a.event,
            participant_ids=ids,
            separate_files=a.separate,
            badge_layout=a.badge_layout,
            page_size=a.page_size,
        )
    if name == "signin":
        return name, ExportRequest(
            event_id=a.event, session_id=a.session, day=_day(a.day), page_size=a.page_size
        )
    # participants, rooming, arrivals, materials, certificates, agenda
    return name, ExportRequest(
        event_id=a.event, participant_ids=ids, page_size=getattr(a, "page_size", "letter")
    )
