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
    end_progress,
    member_query,
    open_db,
    print_json,
    progress_line,
)
from talentdesk.core.enums import MemberStatus
from talentdesk.core.errors import TalentDeskError

if TYPE_CHECKING:
    from talentdesk.exports.registry import ExportRequest

#: Subcommand → (help, what is counted in the final message).
DOCUMENTS: dict[str, tuple[str, str]] = {
    "members": ("miembros: todos los campos, o la tabla como se muestra con --columns (.xlsx)", "miembros"),
    "directory": ("directorio de miembros por capítulo, sector o país (.pdf)", "miembros"),
    "stats": ("estadísticas de miembros con gráficas (.xlsx)", "miembros"),
    "participants": ("participantes de un evento (.xlsx)", "participantes"),
    "rooming": ("rooming list: una hoja por hotel (.xlsx)", "huéspedes"),
    "arrivals": ("llegadas y salidas para traslados (.xlsx)", "vuelos"),
    "materials": ("materiales y tareas de un evento (.xlsx)", "renglones"),
    "badges": ("gafetes en hojas de etiquetas (.pdf)", "gafetes"),
    "packets": ("paquetes de bienvenida por participante (.pdf, o una carpeta con --separate)", "paquetes"),
    "certificates": ("constancias de participación con código de verificación (.pdf)", "constancias"),
    "signin": ("hojas de firmas por sesión o por día (.pdf)", "participantes"),
    "agenda": ("agenda del evento (.pdf)", "sesiones"),
    "chapters": ("capítulos con las columnas y el orden de su tabla (.xlsx)", "capítulos"),
    "sectors": ("sectores y PNCS con las columnas de su tabla (.xlsx)", "sectores"),
    "organizations": ("organizaciones con las columnas y el orden de su tabla (.xlsx)", "organizaciones"),
    "events": ("lista de jornadas con las columnas y el orden de su tabla (.xlsx)", "jornadas"),
}
_SINGULAR = {
    "miembros": "miembro",
    "participantes": "participante",
    "huéspedes": "huésped",
    "vuelos": "vuelo",
    "renglones": "renglón",
    "gafetes": "gafete",
    "paquetes": "paquete",
    "constancias": "constancia",
    "sesiones": "sesión",
    "capítulos": "capítulo",
    "sectores": "sector",
    "organizaciones": "organización",
    "jornadas": "jornada",
}
_EVENT_DOCUMENTS = {
    "participants",
    "rooming",
    "arrivals",
    "materials",
    "badges",
    "packets",
    "certificates",
    "signin",
    "agenda",
}
_MEMBER_DOCUMENTS = {"members", "directory", "stats"}
_PDF_SIZES = ("letter", "a4")


def add_parser(commands: Commands) -> None:
    """``export DOCUMENTO`` and ``certificates verify``."""
    export = commands.add_parser("export", help="exporta hojas de cálculo y documentos")
    export.set_defaults(run=run_export)
    x_cmds = actions(export, "export_command", "DOCUMENTO")
    for name, (help_text, _counted) in DOCUMENTS.items():
        sub = x_cmds.add_parser(name, help=help_text, description=help_text)
        target = "carpeta (con --separate) o archivo .pdf" if name == "packets" else "archivo de salida"
        sub.add_argument("-o", "--output", type=path, required=True, metavar="RUTA", help=target)
        sub.add_argument(
            "--shared",
            action="store_true",
            help="que otras cuentas de esta computadora puedan leerlo (por omisión, sólo la suya)",
        )
        if name in _MEMBER_DOCUMENTS:
            _member_filters(sub)
        if name in _EVENT_DOCUMENTS:
            sub.add_argument(
                "--event",
                type=integer,
                required=True,
                metavar="ID",
                help="id del evento (talentdesk events list)",
            )
        if name in {"directory", "packets", "certificates", "signin", "agenda"}:
            sub.add_argument(
                "--page-size",
                choices=_PDF_SIZES,
                default="letter",
                help="tamaño de página (por omisión: letter)",
            )
        if name in {"participants", "badges", "packets", "certificates"}:
            sub.add_argument(
                "--participants",
                metavar="CÓDIGOS",
                help="sólo estos participantes, por código separado por comas (p. ej. para reimprimir)",
            )
    members = x_cmds.choices["members"]
    members.add_argument(
        "--external",
        action="store_true",
        help="copia para fuera del IME: sólo quien dio consentimiento y sus datos permitidos",
    )
    members.add_argument(
        "--columns",
        metavar="COLUMNAS",
        help="la tabla como se muestra: claves de columna separadas por comas (p. ej. paternal_surname,email,chapter)",
    )
    members.add_argument(
        "--sort", metavar="COLUMNA", default="paternal_surname", help="con --columns: columna de orden"
    )
    members.add_argument("--descending", action="store_true", help="con --columns: orden descendente")
    directory = x_cmds.choices["directory"]
    directory.add_argument("--group-by", choices=["chapter", "sector", "country"], default="chapter")
    directory.add_argument("--title", metavar="TÍTULO", help="título de la portada")
    badges = x_cmds.choices["badges"]
    badges.add_argument(
        "--layout", default="avery-5392", metavar="DISEÑO", help="hoja de etiquetas (por omisión: avery-5392)"
    )
    badges.add_argument(
        "--start-slot",
        type=integer,
        default=1,
        metavar="N",
        help="empieza en la etiqueta N de una hoja ya usada",
    )
    badges.add_argument(
        "--offset-mm",
        default="0,0",
        metavar="X,Y",
        help="calibración de la impresora en mm: derecha,abajo; con negativos escriba --offset-mm=-1.5,0.8",
    )
    badges.add_argument("--cut-marks", action="store_true", help="marcas de corte en las esquinas")
    packets = x_cmds.choices["packets"]
    packets.add_argument(
        "--separate", action="store_true", help="un archivo por participante en la carpeta -o"
    )
    packets.add_argument(
        "--badge-layout",
        default="a6",
        metavar="DISEÑO",
        help="diseño del gafete del paquete (por omisión: a6)",
    )
    signin = x_cmds.choices["signin"]
    signin.add_argument("--session", type=integer, metavar="ID", help="sólo esta sesión de la agenda")
    signin.add_argument("--day", metavar="FECHA", help="sólo este día (aaaa-mm-dd o dd/mm/aaaa)")

    certificates = commands.add_parser("certificates", help="constancias de participación")
    certificates.set_defaults(run=run_certificates)
    c_cmds = actions(certificates, "certificates_command")
    verify = c_cmds.add_parser("verify", help="comprueba el código de verificación de una constancia")
    verify.add_argument("code", metavar="CÓDIGO")
    verify.add_argument("--json", action="store_true")


def _member_filters(sub: SpanishParser) -> None:
    sub.add_argument("--query", default="", metavar="TEXTO", help="mismo texto que en la búsqueda")
    sub.add_argument("--chapter", metavar="NOMBRE")
    sub.add_argument("--sector", metavar="NOMBRE")
    sub.add_argument("--country", metavar="PAÍS")
    sub.add_argument("--status", choices=[s.value for s in MemberStatus])


def run_export(args: argparse.Namespace) -> int:
    """Write the document (the export itself lives in ``talentdesk.exports``, shared with the GUI)."""
    from talentdesk.exports import registry

    db = open_db(args)
    show = sys.stderr.isatty()

    try:
        with db.reader() as session:
            query = member_query(session, args) if args.export_command in _MEMBER_DOCUMENTS else None
            participants = _participant_ids(session, args)
        kind, request = _request(args, query, participants)
        request = dataclasses.replace(request, shared=args.shared)
        result = registry.run_export(kind, db.sessions, request, args.output, progress=progress_line(show))
    finally:
        db.close()
    end_progress(show)
    counted = DOCUMENTS[args.export_command][1]
    if result.rows == 1:
        print(f"Se exportó 1 {_SINGULAR[counted]} a {result.path}.")
    else:
        print(f"Se exportaron {result.rows:,} {counted} a {result.path}.")
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


_REFERENCE_TABLES = {"chapters", "sectors", "organizations", "events"}


def _request(a: argparse.Namespace, query: Any, participants: list[int] | None) -> tuple[str, ExportRequest]:
    """The export kind and its request for ``talentdesk export <DOCUMENTO>``; the CLI-only checks
    (``--external`` with ``--columns``, ``--offset-mm``, ``--day``) raise here, before any file."""
    from talentdesk.exports.registry import ExportRequest

    name = a.export_command
    ids = None if participants is None else tuple(participants)
    if name in _REFERENCE_TABLES:
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
