"""``talentdesk demo --members N``: generated (never real) members to try the application with."""

from __future__ import annotations

import argparse
import sys

from talentdesk.cli.args import Commands, integer
from talentdesk.cli.common import EXIT_OK, end_progress, open_db, progress_line
from talentdesk.core.errors import TalentDeskError


def add_parser(commands: Commands) -> None:
    demo = commands.add_parser("demo", help="agrega datos de demostración (generados, no reales)")
    demo.add_argument("--members", type=integer, required=True, metavar="N", help="número de miembros")
    demo.add_argument(
        "--seed", type=integer, default=1, metavar="S", help="semilla (misma semilla, mismos datos)"
    )
    demo.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from talentdesk.services import demo

    if args.members < 0:
        raise TalentDeskError("--members debe ser un número positivo.")
    if args.members > demo.MAX_MEMBERS:  # before the database is even opened
        raise TalentDeskError(f"--members: como máximo {demo.MAX_MEMBERS:,} miembros de demostración.")
    db = open_db(args, write=True, create=True)
    show = sys.stderr.isatty()
    try:
        with db.session() as session:
            result = demo.generate_demo(
                session, args.members, seed=args.seed, progress=progress_line(show, "miembros")
            )
    finally:
        db.close()
    end_progress(show)
    print(
        f"Se agregaron {result.members:,} miembros de demostración (ids {result.first_id}–{result.last_id})."
    )
    return EXIT_OK
