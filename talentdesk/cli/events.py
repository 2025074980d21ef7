"""``talentdesk events list|show|check|invite``: the Jornadas; ``check`` exits 1 when the
planning has problems, so a script can stop on it; ``invite`` adds members as invited
participants (the operation of "Buscar talento"'s "Invite to the Jornada")."""

from __future__ import annotations

import argparse
from typing import Any

from talentdesk.cli.args import Commands, actions, integer
from talentdesk.cli.common import EXIT_ERROR, EXIT_OK, open_db, print_json
from talentdesk.core.enums import ParticipantRole


def add_parser(commands: Commands) -> None:
    events = commands.add_parser("events", help="Jornadas Informativas")
    events.set_defaults(run=run)
    e_cmds = actions(events, "events_command")
    e_list = e_cmds.add_parser("list", help="lista los eventos")
    e_list.add_argument("--json", action="store_true")
    e_show = e_cmds.add_parser("show", help="muestra un evento: agenda y participantes")
    e_show.add_argument("id", type=integer)
    e_show.add_argument("--json", action="store_true")
    e_check = e_cmds.add_parser("check", help="revisa la planeación (sale con 1 si hay problemas)")
    e_check.add_argument("id", type=integer)
    e_check.add_argument("--json", action="store_true")
    e_invite = e_cmds.add_parser(
        "invite", help="invita miembros al evento (quien ya está se informa; quien no debe ser invitado, no)"
    )
    e_invite.add_argument("id", type=integer)
    e_invite.add_argument("members", type=integer, nargs="+", metavar="MIEMBRO")
    e_invite.add_argument(
        "--role", choices=[r.value for r in ParticipantRole], default=ParticipantRole.ATTENDEE.value
    )
    e_invite.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    if args.events_command == "invite":
        return _invite(args)
    from talentdesk.services import event_checks, event_reading
    from talentdesk.services import events as ev

    db = open_db(args)
    try:
        with db.reader() as session:
            if args.events_command == "list":
                counts = event_reading.participant_counts(session)
                data: Any = [
                    event_reading.event_summary(e, counts.get(e.id, 0)) for e in ev.list_events(session)
                ]
            elif args.events_command == "show":
                data = event_reading.event_detail(session, args.id)
            else:
                ev.get_event(session, args.id)
                data = {"problems": [p.as_dict() for p in event_checks.check_event(session, args.id)]}
    finally:
        db.close()
    if args.json:
        print_json(data)
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


def _invite(args: argparse.Namespace) -> int:
    from talentdesk import ops
    from talentdesk.ops import events as event_ops

    db = open_db(args, write=True)
    try:
        invitations = ops.perform(db, event_ops.invite_members(args.id, args.members, args.role)).value
    finally:
        db.close()
    if args.json:
        print_json(
            {
                "added": len(invitations.added),
                "already": list(invitations.already),
                "refused": list(invitations.refused),
            }
        )
    else:
        print(invitations.summary())
    return EXIT_OK
