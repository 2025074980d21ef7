"""``talentdesk members …``: add, show, search, duplicates, and the two rights of a member over
their data (``export-personal``: access; ``anonymize``: cancellation)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from talentdesk.cli.args import Commands, actions, integer, path
from talentdesk.cli.common import EXIT_ERROR, EXIT_OK, EXIT_USAGE, member_query, open_db, print_json
from talentdesk.core.enums import DegreeLevel, MemberStatus
from talentdesk.core.errors import TalentDeskError
from talentdesk.core.text import full_name


def add_parser(commands: Commands) -> None:
    members = commands.add_parser("members", help="miembros de la Red")
    members.set_defaults(run=run)
    m_cmds = actions(members, "members_command")
    add = m_cmds.add_parser("add", help="registra un miembro")
    add.add_argument("--given-names", required=True, metavar="NOMBRES")
    add.add_argument("--paternal", required=True, metavar="APELLIDO", help="apellido paterno")
    add.add_argument("--maternal", metavar="APELLIDO", help="apellido materno")
    add.add_argument("--email")
    add.add_argument("--phone", help="teléfono (se guarda en formato E.164)")
    add.add_argument("--country", metavar="PAÍS", help="código ISO (MX, US) o nombre")
    add.add_argument("--state", metavar="ESTADO")
    add.add_argument("--city", metavar="CIUDAD")
    add.add_argument("--employer", metavar="EMPLEADOR")
    add.add_argument("--job-title", metavar="PUESTO")
    add.add_argument("--chapter", metavar="NOMBRE")
    add.add_argument(
        "--sector",
        action="append",
        default=[],
        metavar="NOMBRE",
        help="sector (nombre o número 1-9); repetible; el primero es el principal",
    )
    add.add_argument("--degree", choices=[d.value for d in DegreeLevel])
    add.add_argument("--status", choices=[s.value for s in MemberStatus])
    add.add_argument("--joined-on", metavar="FECHA", help="AAAA-MM-DD o dd/mm/aaaa")
    add.add_argument("--directory-consent", choices=["yes", "no", "si", "sí"], default="no")
    add.add_argument("--print-fields", default="", metavar="CAMPOS", help="email,phone,city,employer")
    add.add_argument(
        "--no-contact",
        action="store_true",
        help="no contactar (derecho de oposición): fuera de directorios, copias externas e invitaciones",
    )
    add.add_argument("--json", action="store_true")

    show = m_cmds.add_parser("show", help="muestra un miembro")
    show.add_argument("id", type=integer)
    show.add_argument("--json", action="store_true")

    personal = m_cmds.add_parser(
        "export-personal",
        help="derecho de acceso: todo lo que se guarda de un miembro, en PDF y JSON",
        description="Escribe datos-personales-miembro-ID-FECHA.pdf y .json en la carpeta (se crea si "
        "no existe). Queda en la bitácora de exportaciones.",
    )
    personal.add_argument("id", type=integer)
    personal.add_argument("-o", "--output", type=path, required=True, metavar="CARPETA")
    personal.add_argument("--page-size", choices=["letter", "a4"], default="letter")
    anonymize = m_cmds.add_parser(
        "anonymize",
        help="derecho de cancelación: elimina para siempre los datos personales de un miembro",
        description="Quita nombre, contacto, textos libres y copias en Jornadas; conserva capítulo, "
        "sectores, país, estudios, estatus y año de ingreso para estadísticas. No se puede deshacer. "
        "Sin --yes pide escribir ANONIMIZAR.",
    )
    anonymize.add_argument("id", type=integer)
    anonymize.add_argument("--yes", action="store_true", help="no preguntar (para scripts)")

    dups = m_cmds.add_parser(
        "duplicates", help="posibles duplicados de un miembro, para combinarlos (sin acentos ni ñ)"
    )
    dups.add_argument("id", type=integer)
    dups.add_argument("--json", action="store_true")

    search = m_cmds.add_parser("search", help="busca miembros (sin acentos ni mayúsculas)")
    search.add_argument("query", nargs="?", default="", metavar="TEXTO")
    search.add_argument("--chapter", metavar="NOMBRE")
    search.add_argument("--sector", metavar="NOMBRE")
    search.add_argument("--country", metavar="PAÍS")
    search.add_argument("--status", choices=[s.value for s in MemberStatus])
    search.add_argument("--limit", type=integer, default=50, metavar="N")
    search.add_argument("--offset", type=integer, default=0, metavar="N")
    search.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "add": _members_add,
        "show": _members_show,
        "search": _members_search,
        "export-personal": _members_export_personal,
        "anonymize": _members_anonymize,
        "duplicates": _members_duplicates,
    }
    return handlers[args.members_command](args)


def _members_duplicates(args: argparse.Namespace) -> int:
    from talentdesk.imports.duplicates import member_candidates

    db = open_db(args)
    try:
        with db.reader() as session:
            found = member_candidates(session, args.id)
    finally:
        db.close()
    if args.json:
        print_json([m.as_dict() for m in found])
        return EXIT_OK
    if not found:
        print(f"El miembro {args.id} no tiene posibles duplicados.")
    for match in found:
        print(f"{match.member_id:>8}  {match.describe()}")
    return EXIT_OK


def _members_export_personal(args: argparse.Namespace) -> int:
    from talentdesk.exports.registry import ExportRequest, run_export

    db = open_db(args)
    try:
        request = ExportRequest(member_ids=(args.id,), page_size=args.page_size)
        result = run_export("personal", db.sessions, request, args.output)
    finally:
        db.close()
    print(
        f"Datos personales del miembro {args.id}: {result.path} y {result.path.with_suffix('.json').name} "
        "(queda en la bitácora de exportaciones)."
    )
    for warning in result.warnings:
        print(f"Aviso: {warning}", file=sys.stderr)
    return EXIT_OK


CONFIRM_WORD = "ANONIMIZAR"


def _members_anonymize(args: argparse.Namespace) -> int:
    from talentdesk import ops
    from talentdesk.ops import privacy as privacy_ops
    from talentdesk.services import privacy
    from talentdesk.services.members import get_member

    db = open_db(args)
    try:
        with db.reader() as session:
            member = get_member(session, args.id)
            name = member.full_name
            refused = privacy.refusal(session, member)
        if refused is not None:
            raise TalentDeskError(refused)
        if not args.yes:
            if not sys.stdin.isatty():
                print(
                    "members anonymize: sin --yes se pide confirmación escrita en la terminal; en un script "
                    "use --yes. No se cambió nada.",
                    file=sys.stderr,
                )
                return EXIT_USAGE
            print(
                f"Se eliminarán para siempre los datos personales de {name} (miembro {args.id}): nombre, "
                "contacto, textos libres, cargos en mesas directivas y sus datos en las Jornadas; también los "
                "valores que la bitácora guardaba de ellos. Se conservan capítulo, sectores, país, estudios, "
                "estatus y año de ingreso, para estadísticas. NO SE PUEDE DESHACER."
            )
            typed = input(f"Escriba {CONFIRM_WORD} para confirmar: ").strip()
            if typed != CONFIRM_WORD:
                print("No se anonimizó: la confirmación no coincide.", file=sys.stderr)
                return EXIT_ERROR
        outcome = ops.perform(db, privacy_ops.anonymize(args.id))
        purged = privacy_ops.purge(db)
    finally:
        db.close()
    result = outcome.value
    print(
        f"Miembro {args.id} anonimizado. Participaciones conservadas como anónimas: {result.participations}; "
        f"cargos eliminados: {result.board_positions}; registros de la bitácora depurados: {result.audit_rows}."
    )
    if not purged:
        print(
            "Aviso: la base estaba ocupada y no se compactó el índice de búsqueda (las búsquedas ya no "
            "encuentran sus datos); ejecute «talentdesk db reindex» más tarde.",
            file=sys.stderr,
        )
    return EXIT_OK


def _members_add(args: argparse.Namespace) -> int:
    from talentdesk.services import consent_history, members, reference

    db = open_db(args, write=True)
    try:
        with db.session() as session:
            values: dict[str, Any] = {
                "given_names": args.given_names,
                "paternal_surname": args.paternal,
                "maternal_surname": args.maternal,
                "email": args.email,
                "phone": args.phone,
                "country": args.country,
                "state": args.state,
                "city": args.city,
                "employer": args.employer,
                "job_title": args.job_title,
                "directory_consent": args.directory_consent,
                "print_fields": args.print_fields,
                "no_contact": args.no_contact,
            }
            for key, value in (
                ("degree_level", args.degree),
                ("status", args.status),
                ("joined_on", args.joined_on),
            ):
                if value:
                    values[key] = value
            if args.chapter:
                values["chapter_id"] = reference.find_chapter(session, args.chapter).id
            if args.sector:
                values["sector_ids"] = [reference.find_sector(session, s).id for s in args.sector]
            member = members.create_member(session, values, origin=consent_history.CLI)
            data = members.members_as_dicts(session, [member.id])[0]
    finally:
        db.close()
    if args.json:
        print_json(data)
    else:
        print(f"Miembro registrado: {data['full_name']} (id {data['id']}).")
    return EXIT_OK


def _members_show(args: argparse.Namespace) -> int:
    from talentdesk.services import members

    db = open_db(args)
    try:
        with db.reader() as session:
            members.get_member(session, args.id)
            data = members.members_as_dicts(session, [args.id])[0]
    finally:
        db.close()
    if args.json:
        print_json(data)
        return EXIT_OK
    rows = [
        ("Nombre", data["full_name"]),
        ("Correo", data["email"]),
        ("Teléfono", data["phone"]),
        ("País", data["country_name"]),
        ("Estado", data["state"]),
        ("Ciudad", data["city"]),
        ("Capítulo", data["chapter"]),
        ("Sectores", "; ".join(data["sectors"])),
        ("Empleador", data["employer"]),
        ("Puesto", data["job_title"]),
        ("Estudios", data["degree_level"]),
        ("Estatus", data["status"]),
        ("En directorios", "sí" if data["directory_consent"] else "no"),
        ("Datos imprimibles", ", ".join(data["print_fields"])),
        ("No contactar", "sí (oposición)" if data["no_contact"] else None),
        ("Anonimizado", data["anonymized_at"]),
    ]
    print(f"Miembro {data['id']}")
    for name, value in rows:
        if value:
            print(f"  {name + ':':<19}{value}")
    return EXIT_OK


def _members_search(args: argparse.Namespace) -> int:
    from talentdesk.services import members
    from talentdesk.services.search import search_members

    if args.limit < 0 or args.offset < 0:
        raise TalentDeskError("--limit y --offset deben ser positivos.")
    db = open_db(args)
    try:
        with db.reader() as session:
            page = search_members(session, member_query(session, args), limit=args.limit, offset=args.offset)
            items = members.members_as_dicts(session, page.ids)
    finally:
        db.close()
    if args.json:
        print_json({"total": page.total, "items": items})
        return EXIT_OK
    for item in items:
        name = full_name(item["given_names"], item["paternal_surname"], item["maternal_surname"])
        print(
            f"{item['id']:>8}  {name:<40.40}  {item['email'] or '':<34.34}  {item['chapter'] or '':<16.16}  "
            f"{item['country'] or ''}"
        )
    shown = f"{args.offset + 1}–{args.offset + len(items)}" if items else "0"
    print(f"{shown} de {page.total:,} resultado(s).")
    return EXIT_OK
