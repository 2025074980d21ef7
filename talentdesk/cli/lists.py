"""``talentdesk lists …``: saved lists (*listas guardadas*), listed, shown with their members
(a smart list's search is run again), saved from the same filters as ``members search`` or
from member ids, renamed and deleted through the window's operations (``ops.saved_lists``)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from talentdesk.cli.args import Commands, actions, integer
from talentdesk.cli.common import EXIT_OK, member_query, open_db, print_json
from talentdesk.core.enums import MemberStatus
from talentdesk.core.errors import TalentDeskError


def add_parser(commands: Commands) -> None:
    lists = commands.add_parser("lists", help="listas guardadas: búsquedas con nombre o miembros elegidos")
    lists.set_defaults(run=run_lists)
    l_cmds = actions(lists, "lists_command")
    l_list = l_cmds.add_parser("list", help="las listas guardadas, por nombre")
    l_list.add_argument("--json", action="store_true")
    show = l_cmds.add_parser(
        "show", help="los miembros de una lista (una búsqueda guardada se vuelve a ejecutar)"
    )
    show.add_argument("name", metavar="NOMBRE")
    show.add_argument("--limit", type=integer, default=50, metavar="N")
    show.add_argument("--offset", type=integer, default=0, metavar="N")
    show.add_argument("--json", action="store_true")
    save = l_cmds.add_parser(
        "save",
        help="guarda una búsqueda (mismos filtros que «members search») o, con --members, miembros elegidos",
    )
    save.add_argument("name", metavar="NOMBRE")
    save.add_argument("query", nargs="?", default="", metavar="TEXTO")
    save.add_argument("--chapter", metavar="NOMBRE")
    save.add_argument("--sector", metavar="NOMBRE")
    save.add_argument("--country", metavar="PAÍS")
    save.add_argument("--status", choices=[s.value for s in MemberStatus])
    save.add_argument(
        "--members", metavar="IDS", help="lista fija: ids de miembro separados por comas (p. ej. 12,40,7)"
    )
    save.add_argument("--json", action="store_true")
    rename = l_cmds.add_parser("rename", help="cambia el nombre de una lista")
    rename.add_argument("name", metavar="NOMBRE")
    rename.add_argument("new_name", metavar="NUEVO_NOMBRE")
    delete = l_cmds.add_parser("delete", help="elimina una lista (no a sus miembros)")
    delete.add_argument("name", metavar="NOMBRE")


def run_lists(args: argparse.Namespace) -> int:
    handlers = {
        "list": _list,
        "show": _show,
        "save": _save,
        "rename": _rename,
        "delete": _delete,
    }
    return handlers[args.lists_command](args)


def info_json(info: Any) -> dict[str, Any]:
    return {
        "id": info.id,
        "name": info.name,
        "kind": info.kind.value,
        "search": info.search or None,
        "description": info.description or None,
        "members": info.size,
        "user": info.user,
        "created_at": info.created_at.isoformat(timespec="seconds"),
        "updated_at": info.updated_at.isoformat(timespec="seconds"),
    }


def _list(args: argparse.Namespace) -> int:
    from talentdesk.services import saved_lists

    db = open_db(args)
    try:
        with db.reader() as session:
            found = saved_lists.lists(session)
    finally:
        db.close()
    if args.json:
        print_json({"total": len(found), "items": [info_json(i) for i in found]})
        return EXIT_OK
    for info in found:
        what = info.description if info.smart else f"{info.size:,} miembro(s) elegidos"
        print(f"{info.name:<32.32}  {info.kind.label:<17}  {what}")
    if not found:
        print("No hay listas guardadas.")
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    from talentdesk.services import members, saved_lists

    if args.limit < 0 or args.offset < 0:
        raise TalentDeskError("--limit y --offset deben ser positivos.")
    db = open_db(args)
    try:
        with db.reader() as session:
            found = saved_lists.list_members(session, saved_lists.find_list(session, args.name).id)
            page = found.ids[args.offset : args.offset + args.limit]
            items = members.members_as_dicts(session, page)
    finally:
        db.close()
    for note in found.notes:
        print(f"Aviso: {note}", file=sys.stderr)
    if args.json:
        print_json(
            {
                "list": info_json(found.info),
                "total": len(found.ids),
                "hidden": found.hidden,
                "notes": list(found.notes),
                "items": items,
            }
        )
        return EXIT_OK
    from talentdesk.core.text import full_name

    print(
        f"{found.info.name} ({found.info.kind.label}){': ' + found.info.description if found.info.description else ''}"
    )
    for item in items:
        name = full_name(item["given_names"], item["paternal_surname"], item["maternal_surname"])
        print(f"{item['id']:>8}  {name:<40.40}  {item['email'] or '':<34.34}  {item['chapter'] or ''}")
    shown = f"{args.offset + 1}–{args.offset + len(items)}" if items else "0"
    print(f"{shown} de {len(found.ids):,} miembro(s).")
    if found.hidden:
        print(f"{found.hidden:,} miembro(s) anonimizado(s) no se muestran.")
    return EXIT_OK


def _member_ids(text: str) -> list[int]:
    ids: list[int] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        if not part.isdigit() or len(part) > 18:
            raise TalentDeskError(
                f"--members: «{part}» no es un id de miembro; escriba números separados por comas."
            )
        ids.append(int(part))
    if not ids:
        raise TalentDeskError("--members: indique al menos un id de miembro.")
    return ids


def _save(args: argparse.Namespace) -> int:
    from talentdesk import ops
    from talentdesk.ops import saved_lists as list_ops
    from talentdesk.services import saved_lists

    filtered = args.query or args.chapter or args.sector or args.country or args.status
    if args.members is not None and filtered:
        raise TalentDeskError(
            "--members guarda una lista fija de miembros elegidos: no se combina con texto ni filtros."
        )
    db = open_db(args, write=True)
    try:
        if args.members is not None:
            op = list_ops.save_fixed(args.name, _member_ids(args.members))
        else:
            with db.reader() as session:
                op = list_ops.save_query(args.name, member_query(session, args))
        outcome = ops.perform(db, op)
        with db.reader() as session:
            info = saved_lists.info(session, outcome.value)
    finally:
        db.close()
    if args.json:
        print_json(info_json(info))
    else:
        print(outcome.message or f"Lista «{info.name}» guardada.")
    return EXIT_OK


def _rename(args: argparse.Namespace) -> int:
    from talentdesk import ops
    from talentdesk.ops import saved_lists as list_ops
    from talentdesk.services import saved_lists

    db = open_db(args, write=True)
    try:
        with db.reader() as session:
            saved = saved_lists.find_list(session, args.name)
            list_id, old = saved.id, saved.name
        ops.perform(db, list_ops.rename(list_id, args.new_name))
        with db.reader() as session:
            new = saved_lists.get_list(session, list_id).name
    finally:
        db.close()
    print(f"Lista «{old}» renombrada a «{new}».")
    return EXIT_OK


def _delete(args: argparse.Namespace) -> int:
    from talentdesk import ops
    from talentdesk.ops import saved_lists as list_ops
    from talentdesk.services import saved_lists

    db = open_db(args, write=True)
    try:
        with db.reader() as session:
            list_id = saved_lists.find_list(session, args.name).id
        outcome = ops.perform(db, list_ops.delete(list_id))
    finally:
        db.close()
    print(outcome.message)
    return EXIT_OK
