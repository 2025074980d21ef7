"""Command line: ``talentdesk [--db PATH_OR_URL] COMMAND``; no command opens the GUI.

Exit codes: 0 success, 1 a user or environment error (Spanish message on stderr),
2 a usage error. Commands that write do it in one transaction: all or nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import UTC
from typing import Any, NoReturn

from talentdesk import __version__
from talentdesk.core.enums import DegreeLevel, MemberStatus
from talentdesk.core.errors import TalentDeskError, ValidationError
from talentdesk.core.text import full_name, readable_file_name
from talentdesk.terminal import guard_output

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

#: argparse's messages (formatted, English) → Spanish; applied in order.
_ARGPARSE_ES = [
    (r"the following arguments are required", "faltan los argumentos"),
    (r"unrecognized arguments", "argumentos no reconocidos"),
    (r"invalid choice: (.*) \(choose from (.*)\)$", r"opción no válida: \1 (opciones: \2)"),
    (r"invalid \w+ value", "valor no válido"),
    (r"expected one argument", "se esperaba un valor"),
    (r"expected at most one argument", "se esperaba como máximo un valor"),
    (r"expected at least one argument", "se esperaba al menos un valor"),
    (r"expected (\d+) arguments?", r"se esperaban \1 valores"),
    (r"ambiguous option: (\S+) could match", r"opción ambigua: \1 puede ser"),
    (r"not allowed with argument", "no se permite junto con"),
    (r"ignored explicit argument", "se ignoró el valor explícito"),
    (r"one of the arguments (.*) is required", r"se requiere uno de los argumentos \1"),
    (r"unexpected option string", "opción inesperada"),
    (r"^argument ", "argumento "),
]

#: The largest integer a database column holds (SQLite INTEGER, PostgreSQL BIGINT).
INT_MAX = 2**63 - 1
_DIGITS = re.compile(r"\s*[+-]?[\d_]+\s*")
#: How argv shows bytes that are not UTF-8 (PEP 383 surrogate escapes).
_UNDECODABLE = re.compile("[\udc80-\udcff]")


def shown(value: str, limit: int = 40) -> str:
    """An argument as a message may quote it: shortened, bytes that are not UTF-8 as ``\\xff``."""
    text = readable_file_name(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def integer(value: str) -> int:
    """An integer argument (ids, counts, limits): one beyond what a database integer holds can
    name nothing and would only overflow inside the driver, so it is a usage error here."""
    try:
        number = int(value)
    except ValueError:
        if not _DIGITS.fullmatch(value):
            raise argparse.ArgumentTypeError(f"número entero no válido: «{shown(value)}»") from None
        number = INT_MAX + 1  # digits past Python's own conversion limit
    if not -INT_MAX - 1 <= number <= INT_MAX:
        raise argparse.ArgumentTypeError(
            f"«{shown(value)}» está fuera del intervalo de números enteros (±{INT_MAX:,})"
        )
    return number


def text(value: str) -> str:
    """A text argument. Bytes that are not UTF-8 (argv shows them as lone surrogates) are refused
    here, naming the argument, instead of failing when searched, stored or printed."""
    if _UNDECODABLE.search(value):
        raise argparse.ArgumentTypeError(
            f"«{shown(value)}» no es texto UTF-8; revise la codificación de la terminal"
        )
    return value


def path(value: str) -> str:
    """A file name: any bytes the file system accepts, kept as they are."""
    return value


class _SpanishFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "uso: " if prefix is None else prefix)


class SpanishParser(argparse.ArgumentParser):
    """argparse speaking Spanish; arguments without a type are :func:`text`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _SpanishFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumentos posicionales"
        self._optionals.title = "opciones"
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = "muestra esta ayuda y sale"

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        if kwargs.get("action", "store") in ("store", "append") and "type" not in kwargs:
            kwargs["type"] = text
        return super().add_argument(*args, **kwargs)

    def _parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        namespace, extras = super()._parse_known_args(*args, **kwargs)
        for action in self._actions:  # argparse drops a "--" value (`-o--`), leaving []
            value = getattr(namespace, action.dest, None)
            values = (value or []) if isinstance(action, argparse._AppendAction) else [value]
            if action.nargs in (None, "?") and any(isinstance(v, list) for v in values):
                self.error(
                    f"argumento {'/'.join(action.option_strings) or action.dest}: se esperaba un valor"
                )
        return namespace, extras

    def error(self, message: str) -> NoReturn:
        for english, spanish in _ARGPARSE_ES:
            message = re.sub(english, spanish, message)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = SpanishParser(
        prog="talentdesk",
        description="TalentDesk — administración de la Red de Talentos Mexicanos.",
        epilog="Sin comando se abre la aplicación gráfica.",
    )
    parser.add_argument(
        "--version", action="version", version=f"TalentDesk {__version__}", help="muestra la versión y sale"
    )
    parser.add_argument(
        "--db",
        type=path,
        metavar="RUTA_O_URL",
        help="base de datos: archivo SQLite o URL de SQLAlchemy (también TALENTDESK_DB); "
        "por omisión, la base local del usuario",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMANDO", parser_class=SpanishParser)

    demo = commands.add_parser("demo", help="agrega datos de demostración (generados, no reales)")
    demo.add_argument("--members", type=integer, required=True, metavar="N", help="número de miembros")
    demo.add_argument(
        "--seed", type=integer, default=1, metavar="S", help="semilla (misma semilla, mismos datos)"
    )

    db = commands.add_parser("db", help="mantenimiento de la base de datos")
    db_cmds = db.add_subparsers(
        dest="db_command", metavar="ACCIÓN", required=True, parser_class=SpanishParser
    )
    db_cmds.add_parser(
        "upgrade", help="crea la base si no existe, o aplica las migraciones pendientes (con respaldo previo)"
    )
    backup = db_cmds.add_parser("backup", help="copia de seguridad en línea")
    backup.add_argument(
        "path", nargs="?", type=path, metavar="RUTA", help="archivo destino (por omisión, en backups/)"
    )
    restore = db_cmds.add_parser("restore", help="restaura una copia (respalda antes la actual)")
    restore.add_argument("path", type=path, metavar="RUTA")
    restore.add_argument(
        "--wait",
        type=float,
        default=10.0,
        metavar="SEGUNDOS",
        help="cuánto esperar a que otro proceso termine de guardar (por omisión 10)",
    )
    listing = db_cmds.add_parser("backups", help="lista las copias de seguridad y su conservación")
    listing.add_argument("--json", action="store_true")
    listing.add_argument(
        "--keep-daily", type=integer, metavar="N", help="conservar la más reciente de cada uno de los últimos N días"
    )
    listing.add_argument(
        "--keep-weekly", type=integer, metavar="N", help="conservar la más reciente de cada una de las últimas N semanas"
    )
    db_cmds.add_parser("check", help="verifica integridad, esquema e índice de búsqueda")
    db_cmds.add_parser("reindex", help="reconstruye el índice de búsqueda de miembros")

    members = commands.add_parser("members", help="miembros de la Red")
    m_cmds = members.add_subparsers(
        dest="members_command", metavar="ACCIÓN", required=True, parser_class=SpanishParser
    )
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
    from talentdesk import cli_export

    cli_export.add_parsers(commands, SpanishParser, integer, path)
    from talentdesk import cli_programs

    cli_programs.add_parsers(commands, SpanishParser)
    _add_import_parser(commands)
    _add_exports_parser(commands)

    events = commands.add_parser("events", help="Jornadas Informativas")
    e_cmds = events.add_subparsers(
        dest="events_command", metavar="ACCIÓN", required=True, parser_class=SpanishParser
    )
    e_list = e_cmds.add_parser("list", help="lista los eventos")
    e_list.add_argument("--json", action="store_true")
    e_show = e_cmds.add_parser("show", help="muestra un evento: agenda y participantes")
    e_show.add_argument("id", type=integer)
    e_show.add_argument("--json", action="store_true")
    e_check = e_cmds.add_parser("check", help="revisa la planeación (sale con 1 si hay problemas)")
    e_check.add_argument("id", type=integer)
    e_check.add_argument("--json", action="store_true")
    return parser


def _add_import_parser(commands: Any) -> None:
    imp = commands.add_parser("import", help="importa miembros desde una hoja de cálculo o CSV")
    i_cmds = imp.add_subparsers(
        dest="import_command", metavar="DATOS", required=True, parser_class=SpanishParser
    )
    i_members = i_cmds.add_parser(
        "members",
        help="miembros desde .xlsx o .csv (también la exportación de TalentDesk, para actualizar por Id)",
        description="Sale con 1 si hay errores y no se guardó nada.",
    )
    i_members.add_argument("file", type=path, metavar="ARCHIVO", help="archivo .xlsx o .csv")
    i_members.add_argument(
        "--mapping", metavar="NOMBRE", help="asignación de columnas guardada con ese nombre"
    )
    i_members.add_argument(
        "--save-mapping", metavar="NOMBRE", help="guarda con ese nombre la asignación de columnas usada"
    )
    i_members.add_argument(
        "--sheet", metavar="HOJA", help="hoja del libro (por omisión, la primera con datos)"
    )
    i_members.add_argument(
        "--dry-run", action="store_true", help="sólo revisa: cuenta y lista problemas, no guarda"
    )
    i_members.add_argument(
        "--on-duplicate",
        choices=["update", "skip", "create"],
        default="skip",
        help="qué hacer con quien ya es miembro o se repite en el archivo (por omisión: skip)",
    )
    i_members.add_argument(
        "--overwrite",
        action="store_true",
        help="con --on-duplicate update, reemplaza los datos existentes (por omisión sólo llena los vacíos)",
    )
    i_members.add_argument(
        "--valid-only",
        action="store_true",
        help="guarda las filas válidas aunque otras tengan errores (por omisión: todo o nada)",
    )
    i_members.add_argument(
        "--errors", type=path, metavar="SALIDA.xlsx", help="escribe el informe de errores en un .xlsx"
    )
    i_members.add_argument("--json", action="store_true")
    i_history = i_cmds.add_parser("history", help="las importaciones hechas (para deshacer una)")
    i_history.add_argument("--json", action="store_true")
    i_undo = i_cmds.add_parser(
        "undo",
        help="deshace una importación: borra los miembros que creó y restaura lo que cambió",
        description="Se niega (sin cambiar nada) si esos miembros cambiaron desde entonces, y dice cuáles.",
    )
    i_undo.add_argument("id", type=integer, metavar="N", help="número de la importación (import history)")


def _add_exports_parser(commands: Any) -> None:
    exports = commands.add_parser("exports", help="bitácora de exportaciones con datos personales")
    x_cmds = exports.add_subparsers(
        dest="exports_command", metavar="ACCIÓN", required=True, parser_class=SpanishParser
    )
    log = x_cmds.add_parser(
        "log",
        help="quién exportó qué, cuándo, con qué filtros y a qué archivo (la más reciente primero)",
    )
    log.add_argument(
        "--member", type=integer, metavar="ID", help="sólo las exportaciones que incluyeron a ese miembro"
    )
    log.add_argument(
        "--limit", type=integer, default=50, metavar="N", help="cuántas mostrar (por omisión 50; 0: todas)"
    )
    log.add_argument("--json", action="store_true")


def explicit_db_target(args: argparse.Namespace) -> str | None:
    """The database named by --db or TALENTDESK_DB, or None if neither is given."""
    if args.db:
        return str(args.db)
    if os.environ.get("TALENTDESK_DB"):
        return os.environ["TALENTDESK_DB"]
    return None


def db_target(args: argparse.Namespace) -> str:
    explicit = explicit_db_target(args)
    if explicit:
        return explicit
    from talentdesk.db.paths import default_db_path

    return str(default_db_path())


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_streams()
    guard_output()  # stored or typed text may hold terminal escape sequences
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.db is not None and not args.db.strip():
        parser.error("--db está vacío: indique un archivo de base de datos o una URL")
    if args.command is None:
        from talentdesk.ui.app import run_gui

        # Without --db or TALENTDESK_DB the GUI reopens the last database it used.
        return run_gui(explicit_db_target(args))
    handler = _HANDLERS[args.command]
    try:
        return handler(args)
    except ValidationError as exc:
        for err in exc.errors:
            print(f"Error: {err.message}", file=sys.stderr)
        return EXIT_ERROR
    except TalentDeskError as exc:
        print(f"Error: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("Cancelado: no se guardó nada.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and the like: not an error
        sys.stderr.close()
        return EXIT_OK


def _tolerant_streams() -> None:
    """A file name may hold bytes that are not UTF-8: echoing it must not crash the message."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # a wrapper passes it on
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


# -- commands -------------------------------------------------------------------------------


def _open(args: argparse.Namespace, *, write: bool = False, create: bool | None = None) -> Any:
    """Open the database. Only the default local database (and ``create=True``: demo, db upgrade)
    is created when missing; a missing --db file is an error, never a new empty database.
    ``write``: quick_check first, and refuse a damaged or read-only file before any work."""
    from talentdesk.db.engine import missing_sqlite_file
    from talentdesk.db.errors import READ_ONLY_MESSAGE
    from talentdesk.db.session import Database

    target = db_target(args)
    if create is None:
        create = explicit_db_target(args) is None
    missing = missing_sqlite_file(target)
    if missing is not None and not create:
        raise TalentDeskError(
            f"No existe la base de datos «{missing}». Para crear una nueva: talentdesk --db «{missing}» db upgrade"
        )
    db = Database.open(target, create=create)
    if db.read_only:
        print(f"Aviso: «{db.display_name}» es de solo lectura: se puede consultar, no modificar.", file=sys.stderr)
    if write:
        try:
            if db.read_only:
                raise TalentDeskError(READ_ONLY_MESSAGE)
            db.verify()
        except BaseException:
            db.close()
            raise
    return db


def cmd_demo(args: argparse.Namespace) -> int:
    from talentdesk.services import demo

    if args.members < 0:
        raise TalentDeskError("--members debe ser un número positivo.")
    if args.members > demo.MAX_MEMBERS:  # before the database is even opened
        raise TalentDeskError(f"--members: como máximo {demo.MAX_MEMBERS:,} miembros de demostración.")
    db = _open(args, write=True, create=True)
    show = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            print(f"\r  {done:>9,} / {total:,} miembros", end="", file=sys.stderr, flush=True)

    try:
        with db.session() as session:
            result = demo.generate_demo(session, args.members, seed=args.seed, progress=progress)
    finally:
        db.close()
    if show:
        print(file=sys.stderr)
    print(
        f"Se agregaron {result.members:,} miembros de demostración (ids {result.first_id}–{result.last_id})."
    )
    return EXIT_OK


def cmd_db(args: argparse.Namespace) -> int:
    from talentdesk import cli_db

    return cli_db.run(args, _open, db_target(args))


def cmd_members(args: argparse.Namespace) -> int:
    return {
        "add": _members_add,
        "show": _members_show,
        "search": _members_search,
        "export-personal": _members_export_personal,
        "anonymize": _members_anonymize,
        "duplicates": _members_duplicates,
    }[args.members_command](args)


def _members_duplicates(args: argparse.Namespace) -> int:
    from talentdesk.imports.duplicates import member_candidates

    db = _open(args)
    try:
        with db.reader() as session:
            found = member_candidates(session, args.id)
    finally:
        db.close()
    if args.json:
        _print_json([m.as_dict() for m in found])
        return EXIT_OK
    if not found:
        print(f"El miembro {args.id} no tiene posibles duplicados.")
    for match in found:
        print(f"{match.member_id:>8}  {match.describe()}")
    return EXIT_OK


def _members_export_personal(args: argparse.Namespace) -> int:
    from talentdesk.exports.registry import ExportRequest, run_export

    db = _open(args)
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

    db = _open(args)
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

    db = _open(args, write=True)
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
        _print_json(data)
    else:
        print(f"Miembro registrado: {data['full_name']} (id {data['id']}).")
    return EXIT_OK


def _members_show(args: argparse.Namespace) -> int:
    from talentdesk.services import members

    db = _open(args)
    try:
        with db.reader() as session:
            members.get_member(session, args.id)
            data = members.members_as_dicts(session, [args.id])[0]
    finally:
        db.close()
    if args.json:
        _print_json(data)
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
    db = _open(args)
    try:
        with db.reader() as session:
            page = search_members(session, _member_query(session, args), limit=args.limit, offset=args.offset)
            items = members.members_as_dicts(session, page.ids)
    finally:
        db.close()
    if args.json:
        _print_json({"total": page.total, "items": items})
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


def _member_query(session: Any, args: argparse.Namespace) -> Any:
    """The MemberQuery for --chapter/--sector/--country/--status and the text, by name."""
    from talentdesk.core.validation import normalize_country
    from talentdesk.services import reference
    from talentdesk.services.search import MemberQuery, require_words

    filters: dict[str, Any] = {}
    if args.chapter:
        filters["chapter_ids"] = (reference.find_chapter(session, args.chapter).id,)
    if args.sector:
        filters["sector_ids"] = (reference.find_sector(session, args.sector).id,)
    if args.country:
        code, err = normalize_country(args.country)
        if err:
            raise ValidationError([err])
        filters["countries"] = (code,)
    if args.status:
        filters["statuses"] = (MemberStatus(args.status),)
    query = MemberQuery(text=getattr(args, "query", "") or "", **filters)
    require_words(query)  # before any file is written
    return query


def cmd_export(args: argparse.Namespace) -> int:
    from talentdesk.cli_export import cmd_export as run

    run(args, _open, _member_query)
    return EXIT_OK


def cmd_certificates(args: argparse.Namespace) -> int:
    from talentdesk.cli_export import cmd_certificates as run

    return EXIT_OK if run(args, _open) else EXIT_ERROR


def cmd_import(args: argparse.Namespace) -> int:
    from talentdesk.imports.history import apply_and_record
    from talentdesk.imports.mapping import guess_mapping, mapping_from_saved, mapping_to_saved
    from talentdesk.imports.plan import Action
    from talentdesk.imports.prepare import prepare_import
    from talentdesk.imports.reading import read_source
    from talentdesk.ops.import_report import write_error_report
    from talentdesk.services import import_mappings

    source = read_source(args.file, sheet=args.sheet)  # a bad file is refused before the database opens
    on_duplicate = {
        "update": Action.OVERWRITE if args.overwrite else Action.FILL,
        "skip": Action.SKIP,
        "create": Action.CREATE,
    }[args.on_duplicate]
    db = _open(args, write=not args.dry_run)
    show = sys.stderr.isatty() and not args.json

    def progress(done: int, total: int) -> None:
        if show:
            print(f"\r  {done:>9,} / {total:,}", end="", file=sys.stderr, flush=True)

    from talentdesk.imports.plan import ImportHasErrors

    written = 0
    run_id: int | None = None
    late: list[Any] = []
    try:
        with db.session() as session:
            if args.mapping:
                columns = mapping_from_saved(
                    source.headers, import_mappings.get_mapping(session, args.mapping)
                )
            else:
                columns = guess_mapping(source.headers)
            plan = prepare_import(session, source, columns, on_duplicate=on_duplicate, progress=progress)
            if args.save_mapping:
                import_mappings.save_mapping(
                    session, args.save_mapping, mapping_to_saved(source.headers, columns)
                )
            errors = plan.errors()
            if not args.dry_run and (args.valid_only or not errors):
                result, run_id = apply_and_record(
                    session, plan, valid_only=args.valid_only, progress=progress
                )
                written = result.summary.written
                late = result.errors[len(errors) :]
    except ImportHasErrors as exc:  # found while writing: everything was rolled back
        late = [e for e in exc.errors if e not in plan.errors()]
        written = 0
    finally:
        db.close()
        if show:
            print(file=sys.stderr)
    report = plan.report(written, late)
    report["import_run"] = run_id
    if args.errors:
        write_error_report(plan, args.errors, extra_errors=late)
    if args.json:
        _print_json(report)
    else:
        _print_import_summary(plan, report, args)
    return EXIT_ERROR if report["errors"] and written == 0 else EXIT_OK


def cmd_import_history(args: argparse.Namespace) -> int:
    from talentdesk.core.dates import local_stamp
    from talentdesk.services import import_history

    db = _open(args)
    try:
        with db.reader() as session:
            runs = import_history.list_runs(session)
    finally:
        db.close()
    if args.json:
        _print_json([r.as_dict() for r in runs])
        return EXIT_OK
    if not runs:
        print("Todavía no hay importaciones.")
    for r in runs:
        state = f"deshecha el {local_stamp(r.undone_at)}" if r.undone_at else "vigente"
        print(
            f"{r.id:>5}  {local_stamp(r.at)}  {r.file_name}  nuevos: {r.created:,} · "
            f"actualizados: {r.updated:,} · {r.user} · {state}"
        )
    return EXIT_OK


def cmd_import_undo(args: argparse.Namespace) -> int:
    from talentdesk import ops
    from talentdesk.ops import imports as ops_imports

    db = _open(args, write=True)
    try:
        ops.perform(db, ops_imports.undo(args.id))
    finally:
        db.close()
    print(f"Importación {args.id} deshecha: se eliminaron los miembros que creó y se restauraron los datos que cambió.")
    return EXIT_OK


def _print_import_summary(plan: Any, report: dict[str, Any], args: argparse.Namespace) -> None:
    for notice in plan.notices:
        print(f"Aviso: {notice}", file=sys.stderr)
    for err in report["errors"][:50]:
        where = f", columna «{err['column']}»" if err["column"] else ""
        print(f"Fila {err['row']}{where}: {err['message']}", file=sys.stderr)
    if len(report["errors"]) > 50:
        rest = len(report["errors"]) - 50
        print(f"… y {rest:,} problema(s) más (use --errors INFORME.xlsx o --json).", file=sys.stderr)
    bad_rows = len({e["row"] for e in report["errors"]})
    print(
        f"Filas: {report['rows']:,} · nuevas: {report['new']:,} · actualizaciones: {report['updated']:,} · "
        f"duplicadas: {report['duplicates']:,} · omitidas: {report['skipped']:,} · con errores: {bad_rows:,}"
    )
    if args.dry_run:
        print("Simulación (--dry-run): no se guardó ningún miembro.")
    elif report["written"]:
        print(f"Se guardaron {report['written']:,} miembros.")
    elif report["errors"]:
        print(
            "No se guardó nada: corrija los errores o use --valid-only para guardar sólo las filas válidas."
        )
    else:
        print("No hubo nada que guardar.")
    if args.errors:
        print(f"Informe de errores: {args.errors}")


def cmd_exports(args: argparse.Namespace) -> int:
    from talentdesk.services import export_log
    from talentdesk.services.members import get_member

    if args.limit < 0:
        raise TalentDeskError("--limit debe ser 0 (todas) o un número positivo.")
    db = _open(args)
    try:
        with db.reader() as session:
            if args.member is not None:
                get_member(session, args.member)
                entries = export_log.entries_including(session, args.member)[::-1]
                total = len(entries)
                entries = entries[: args.limit or None]
            else:
                total = export_log.count(session)
                entries = export_log.entries(session, limit=args.limit or None)
    finally:
        db.close()
    if args.json:
        _print_json({"total": total, "items": [e.as_dict() for e in entries]})
        return EXIT_OK
    for e in entries:
        when = e.at.replace(tzinfo=UTC).astimezone().strftime("%d/%m/%Y %H:%M")
        state = "" if e.status == export_log.COMPLETE else f"  [{e.status_label}]"
        people = "1 persona" if e.people == 1 else f"{e.people:,} personas"
        print(f"{e.id:>6}  {when}  {e.user:<12.12}  {e.kind_label}: {people}{state}")
        print(f"        {e.filters_text}")
        print(f"        {e.file_name}")
    whose = f" que incluyeron al miembro {args.member}" if args.member is not None else ""
    if not entries:
        print(f"No hay exportaciones registradas{whose}.")
    else:
        print(f"{len(entries):,} de {total:,} {'exportación' if total == 1 else 'exportaciones'}{whose}.")
    return EXIT_OK


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_events(args: argparse.Namespace) -> int:
    from talentdesk.services import event_checks, event_reading
    from talentdesk.services import events as ev

    db = _open(args)
    try:
        with db.reader() as session:
            if args.events_command == "list":
                counts = event_reading.participant_counts(session)
                data: Any = [event_reading.event_summary(e, counts.get(e.id, 0)) for e in ev.list_events(session)]
            elif args.events_command == "show":
                data = event_reading.event_detail(session, args.id)
            else:
                ev.get_event(session, args.id)
                data = {"problems": [p.as_dict() for p in event_checks.check_event(session, args.id)]}
    finally:
        db.close()
    if args.json:
        _print_json(data)
    elif args.events_command == "list":
        for e in data:
            print(
                f"{e['id']:>5}  {e['start']} – {e['end']}  {e['name']}  ({e['participants']} participantes, {e['status']})"
            )
        if not data:
            print("No hay eventos.")
    elif args.events_command == "show":
        print(
            f"{data['name']} — {data['start']} a {data['end']}, {data['venue'] or ''} {data['city'] or ''}".strip()
        )
        print(f"\nAgenda ({len(data['sessions'])} sesiones):")
        for s in data["sessions"]:
            print(
                f"  {s['start'][5:].replace('T', ' ')}–{s['end'][11:]}  {s['room'] or '(sin sala)':<10.10}  {s['title']}"
            )
        print(f"\nParticipantes ({len(data['participants'])}):")
        for p in data["participants"]:
            print(f"  {p['code']}  {p['full_name']:<40.40}  {p['role']:<17}  {p['status']}")
    else:
        for problem in data["problems"]:
            print(f"- [{problem['kind']}] {problem['message']}")
        print(f"{len(data['problems'])} problema(s) encontrados." if data["problems"] else "Sin problemas.")
    if args.events_command == "check" and data["problems"]:
        return EXIT_ERROR
    return EXIT_OK


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "certificates": cmd_certificates,
    "demo": cmd_demo,
    "events": cmd_events,
    "export": cmd_export,
    "exports": cmd_exports,
    "import": lambda a: {"history": cmd_import_history, "undo": cmd_import_undo}.get(a.import_command, cmd_import)(a),
    "db": cmd_db,
    "members": cmd_members,
    "programs": lambda a: _programs_cli().run_programs(a, _open),
    "needs": lambda a: _programs_cli().run_needs(a, _open),
}


def _programs_cli() -> Any:
    from talentdesk import cli_programs

    return cli_programs
