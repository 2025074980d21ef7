"""``talentdesk exports log``: who exported personal data, when, with which filters, to which
file; ``--member`` lists the exports that included one person (what an access request asks)."""

from __future__ import annotations

import argparse
from datetime import UTC

from talentdesk.cli.args import Commands, actions, integer
from talentdesk.cli.common import EXIT_OK, open_db, print_json
from talentdesk.core.errors import TalentDeskError


def add_parser(commands: Commands) -> None:
    exports = commands.add_parser("exports", help="bitácora de exportaciones con datos personales")
    exports.set_defaults(run=run)
    x_cmds = actions(exports, "exports_command")
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


def run(args: argparse.Namespace) -> int:
    from talentdesk.services import export_log
    from talentdesk.services.members import get_member

    if args.limit < 0:
        raise TalentDeskError("--limit debe ser 0 (todas) o un número positivo.")
    db = open_db(args)
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
        print_json({"total": total, "items": [e.as_dict() for e in entries]})
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
