"""Command line: ``talentdesk [--db PATH_OR_URL] COMMAND``; no command opens the GUI.

One module per command group, as calibre's ``db/cli/cmd_*.py``: each adds its parser
(``add_parser``) and sets the function that runs it (``run``); this module only builds the parser
from them and dispatches. Command modules import what they run inside the function, so
``talentdesk --help`` stays fast. They may use ``args`` and ``common``, never each other.

Exit codes: 0 success, 1 a user or environment error (Spanish message on stderr),
2 a usage error. Commands that write do it in one transaction: all or nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from talentdesk import __version__
from talentdesk.cli import db, demo, events, export, exports_log, imports, lists, members, programs
from talentdesk.cli.args import Commands, SpanishParser, path
from talentdesk.cli.common import EXIT_ERROR, EXIT_OK, explicit_db_target
from talentdesk.cli.terminal import guard_output
from talentdesk.core.errors import TalentDeskError, ValidationError

#: The command modules, in the order ``talentdesk --help`` lists their commands.
COMMANDS: tuple[Callable[[Commands], None], ...] = (
    demo.add_parser,
    db.add_parser,
    members.add_parser,
    lists.add_parser,
    export.add_parser,  # export, certificates
    programs.add_parser,  # programs, needs
    imports.add_parser,
    exports_log.add_parser,
    events.add_parser,
)


def build_parser() -> SpanishParser:
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
    for add_parser in COMMANDS:
        add_parser(commands)
    return parser


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
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
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
