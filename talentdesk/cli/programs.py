"""``talentdesk programs …`` and ``talentdesk needs …``: the linkage programmes and the needs
from Mexico, listed, shown, added and moved along their status from the command line.

Writes go through the same operations as the window (``ops.programs``), so they are audited and
validated the same way; names (kind, PNCS, organisation, chapter) are looked up as typed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from talentdesk.cli.args import Commands, actions, integer
from talentdesk.cli.common import EXIT_OK, open_db, print_json
from talentdesk.core.errors import ValidationError
from talentdesk.core.programs import NeedStatus, ProgramStatus

Handler = Callable[[argparse.Namespace], int]


def add_parser(commands: Commands) -> None:
    programs = commands.add_parser(
        "programs", help="programas de vinculación (pasantías, mentorías, misiones…)"
    )
    programs.set_defaults(run=run_programs)
    p_cmds = actions(programs, "programs_command")
    p_list = p_cmds.add_parser("list", help="lista los programas, del más reciente al más antiguo")
    p_list.add_argument("--kind", metavar="TIPO", help="tipo: código o nombre (vea «programs kinds»)")
    p_list.add_argument("--status", choices=[s.value for s in ProgramStatus])
    p_list.add_argument(
        "--sector", metavar="SECTOR", help="PNCS responsable o sector del programa: nombre o número"
    )
    p_list.add_argument("--year", type=integer, metavar="AÑO", help="programas activos ese año")
    p_list.add_argument("--json", action="store_true")
    p_show = p_cmds.add_parser("show", help="muestra un programa: personas, resultados, historial de estatus")
    p_show.add_argument("id", type=integer)
    p_show.add_argument("--json", action="store_true")
    p_add = p_cmds.add_parser("add", help="registra un programa")
    p_add.add_argument("--kind", required=True, metavar="TIPO", help="código o nombre del tipo")
    p_add.add_argument("--title", required=True, metavar="TÍTULO")
    p_add.add_argument("--description", metavar="TEXTO")
    p_add.add_argument("--pncs", metavar="SECTOR", help="PNCS responsable: nombre o número del sector")
    p_add.add_argument("--sector", action="append", metavar="SECTOR", help="sector del programa (repetible)")
    p_add.add_argument(
        "--organization", action="append", metavar="NOMBRE", help="organización mexicana (repetible)"
    )
    p_add.add_argument("--chapter", action="append", metavar="NOMBRE", help="capítulo (repetible)")
    p_add.add_argument("--start", metavar="FECHA", help="inicio: dd/mm/aaaa o AAAA-MM-DD")
    p_add.add_argument("--end", metavar="FECHA", help="fin: dd/mm/aaaa o AAAA-MM-DD")
    p_add.add_argument(
        "--status",
        choices=[s.value for s in ProgramStatus],
        default=ProgramStatus.PROPOSED.value,
        help="estatus inicial, para registrar un programa ya en curso o concluido (por omisión: propuesta)",
    )
    p_add.add_argument("--json", action="store_true")
    p_status = p_cmds.add_parser(
        "status", help="cambia el estatus: propuesta → en_curso → concluido, o cancelado (queda la fecha)"
    )
    p_status.add_argument("id", type=integer)
    p_status.add_argument("status", choices=[s.value for s in ProgramStatus], metavar="ESTATUS")
    p_status.add_argument("--on", metavar="FECHA", help="fecha del cambio (por omisión, hoy)")
    p_status.add_argument("--json", action="store_true")
    p_kinds = p_cmds.add_parser("kinds", help="tipos de programa: los de origen y los que agregó la oficina")
    p_kinds.add_argument("--json", action="store_true")

    needs = commands.add_parser("needs", help="solicitudes de los PNCS y organizaciones, con sus candidatos")
    needs.set_defaults(run=run_needs)
    n_cmds = actions(needs, "needs_command")
    n_list = n_cmds.add_parser("list", help="lista las solicitudes, de la más reciente a la más antigua")
    n_list.add_argument("--status", choices=[s.value for s in NeedStatus])
    n_list.add_argument("--sector", metavar="SECTOR", help="PNCS que pide o sector buscado: nombre o número")
    n_list.add_argument("--json", action="store_true")
    n_show = n_cmds.add_parser("show", help="muestra una solicitud y sus candidatos con su etapa")
    n_show.add_argument("id", type=integer)
    n_show.add_argument("--json", action="store_true")


# -- programmes ------------------------------------------------------------------------------------


def run_programs(args: argparse.Namespace) -> int:
    handlers: dict[str, Handler] = {
        "list": _programs_list,
        "show": _programs_show,
        "add": _programs_add,
        "status": _programs_status,
        "kinds": _programs_kinds,
    }
    return handlers[args.programs_command](args)


def _programs_list(args: argparse.Namespace) -> int:
    from talentdesk.services import programs, reference
    from talentdesk.services.program_views import ProgramFilter, load_programs, program_item

    db = open_db(args)
    try:
        with db.reader() as session:
            wanted = ProgramFilter(
                kind_id=programs.find_kind(session, args.kind, "kind").id if args.kind else None,
                status=ProgramStatus(args.status) if args.status else None,
                sector_id=reference.find_sector(session, args.sector, "sector").id if args.sector else None,
                year=args.year,
            )
            rows = load_programs(session, wanted)
    finally:
        db.close()
    if args.json:
        print_json({"total": len(rows), "items": [program_item(r) for r in rows]})
        return EXIT_OK
    for r in rows:
        print(f"{r.id:>5}  {r.years:<9}  {r.status.label:<10}  {r.kind:<33.33}  {r.title}")
    print(_count(len(rows), "programa", "programas") if rows else "No hay programas con esos filtros.")
    return EXIT_OK


def _programs_show(args: argparse.Namespace) -> int:
    from talentdesk.services.program_views import program_detail, program_json

    db = open_db(args)
    try:
        with db.reader() as session:
            detail = program_detail(session, args.id)
    finally:
        db.close()
    if args.json:
        print_json(program_json(detail))
        return EXIT_OK
    row = detail.row
    print(f"Programa {row.id}: {row.title}")
    for label, value in (
        ("Tipo", row.kind),
        ("Estatus", row.status.label),
        ("Fechas", _period(row.starts_on, row.ends_on)),
        ("PNCS responsable", row.responsible),
        ("Organizaciones", "; ".join(row.organizations)),
        ("Capítulos", "; ".join(row.chapters)),
        ("Descripción", detail.description),
    ):
        if value:
            print(f"  {label + ':':<19}{value}")
    print(f"\nPersonas ({len(detail.people)}):")
    for p in detail.people:
        hours = f"  {p.hours:g} h" if p.hours else ""
        print(f"  {p.role.label:<22}  {p.name}{hours}")
    print(f"\nResultados ({len(detail.outcomes)}):")
    for o in detail.outcomes:
        when = f"{o.achieved_on:%d/%m/%Y}  " if o.achieved_on else ""
        print(f"  {when}{o.kind.label}: {o.quantity:,}" + (f" — {o.narrative}" if o.narrative else ""))
    print("\nHistorial de estatus:")
    for status, at in detail.history:
        print(f"  {at:%d/%m/%Y}  {status.label}")
    if detail.needs:
        print("\nSolicitudes que lo originaron:")
        for need_id, title, need_status in detail.needs:
            print(f"  {need_id:>5}  {title} ({need_status.label})")
    return EXIT_OK


def _programs_add(args: argparse.Namespace) -> int:
    from talentdesk import ops
    from talentdesk.ops import programs as program_ops
    from talentdesk.services import programs, reference
    from talentdesk.services.program_views import program_detail, program_json

    db = open_db(args, write=True)
    try:
        with db.reader() as session:
            values: dict[str, Any] = {
                "kind_id": programs.find_kind(session, args.kind, "kind_id").id,
                "title": args.title,
                "description": args.description,
                "sector_id": reference.find_sector(session, args.pncs, "sector_id").id if args.pncs else None,
                "sector_ids": [reference.find_sector(session, s, "sector_ids").id for s in args.sector or []],
                "organization_ids": [_organization(session, o) for o in args.organization or []],
                "chapter_ids": [
                    reference.find_chapter(session, c, "chapter_ids").id for c in args.chapter or []
                ],
                "starts_on": args.start,
                "ends_on": args.end,
                "status": args.status,
            }
        program_id = ops.perform(db, program_ops.create(values)).value
        with db.reader() as session:
            detail = program_detail(session, program_id)
    finally:
        db.close()
    if args.json:
        print_json(program_json(detail))
    else:
        print(f"Programa registrado: {detail.row.title} (id {program_id}, {detail.row.status.label}).")
    return EXIT_OK


def _programs_status(args: argparse.Namespace) -> int:
    from talentdesk import ops
    from talentdesk.ops import programs as program_ops
    from talentdesk.services.program_views import program_detail, program_json

    db = open_db(args, write=True)
    try:
        old = ops.perform(db, program_ops.change_status(args.id, args.status, on=args.on)).value
        with db.reader() as session:
            detail = program_detail(session, args.id)
    finally:
        db.close()
    if args.json:
        print_json(program_json(detail))
    elif old == args.status:
        print(f"El programa {args.id} ya estaba «{detail.row.status.label}»: no se cambió nada.")
    else:
        print(
            f"Programa {args.id}: de «{ProgramStatus(old).label}» a «{detail.row.status.label}» "
            f"({detail.history[-1][1]:%d/%m/%Y})."
        )
    return EXIT_OK


def _programs_kinds(args: argparse.Namespace) -> int:
    from talentdesk.services import programs

    db = open_db(args)
    try:
        with db.reader() as session:
            kinds = [(k.id, k.code, k.name, k.builtin) for k in programs.list_kinds(session)]
    finally:
        db.close()
    if args.json:
        print_json([{"id": i, "code": c, "name": n, "builtin": b} for i, c, n, b in kinds])
        return EXIT_OK
    for kind_id, code, name, builtin in kinds:
        print(f"{kind_id:>3}  {code:<24}  {name}{'' if builtin else '  (agregado por la oficina)'}")
    return EXIT_OK


def _organization(session: Any, text: str) -> int:
    """An organisation by its exact name (accents and case aside), or the only one that starts so."""
    from talentdesk.core.text import fold
    from talentdesk.services.organizations import search_organizations
    from talentdesk.services.programs import fail

    found = search_organizations(session, text)
    exact = [o for o in found if fold(o.name) == fold(text)]
    if len(exact) == 1:
        return exact[0].id
    if len(found) == 1:
        return found[0].id
    problem = (
        f"no existe la organización «{text}»."
        if not found
        else f"«{text}» coincide con {len(found)} organizaciones; escriba el nombre completo."
    )
    raise ValidationError([fail("organization_ids", problem)])


# -- needs -----------------------------------------------------------------------------------------


def run_needs(args: argparse.Namespace) -> int:
    handlers: dict[str, Handler] = {"list": _needs_list, "show": _needs_show}
    return handlers[args.needs_command](args)


def _needs_list(args: argparse.Namespace) -> int:
    from talentdesk.services import reference
    from talentdesk.services.program_views import NeedFilter, load_needs, need_item

    db = open_db(args)
    try:
        with db.reader() as session:
            wanted = NeedFilter(
                status=NeedStatus(args.status) if args.status else None,
                sector_id=reference.find_sector(session, args.sector, "sector").id if args.sector else None,
            )
            rows = load_needs(session, wanted)
    finally:
        db.close()
    if args.json:
        print_json({"total": len(rows), "items": [need_item(r) for r in rows]})
        return EXIT_OK
    for r in rows:
        accepted = sum(n for stage, n in r.stages if stage.value == "aceptado")
        print(
            f"{r.id:>5}  {r.created_at:%d/%m/%Y}  {r.status.label:<9}  {accepted}/{r.people_wanted} aceptados  "
            f"{r.title}  ({r.source})"
        )
    print(_count(len(rows), "solicitud", "solicitudes") if rows else "No hay solicitudes con esos filtros.")
    return EXIT_OK


def _needs_show(args: argparse.Namespace) -> int:
    from talentdesk.services.program_views import need_detail, need_json

    db = open_db(args)
    try:
        with db.reader() as session:
            detail = need_detail(session, args.id)
    finally:
        db.close()
    if args.json:
        print_json(need_json(detail))
        return EXIT_OK
    row = detail.row
    print(f"Solicitud {row.id}: {row.title}")
    for label, value in (
        ("Estatus", row.status.label),
        ("Pide", row.source),
        ("Personas buscadas", str(row.people_wanted)),
        ("Dónde", row.place),
        ("Palabras clave", row.keywords),
        ("Aportación", row.contribution),
        ("Estudios (mínimo)", row.degree_level.label if row.degree_level else None),
        ("Idiomas", row.languages),
        ("Fechas", _period(row.starts_on, row.ends_on)),
        ("Programa", f"{row.program} (id {row.program_id})" if row.program_id else None),
        ("Descripción", detail.description),
    ):
        if value:
            print(f"  {label + ':':<19}{value}")
    print(f"\nCandidatos ({len(detail.candidates)}):")
    for c in detail.candidates:
        print(
            f"  {c.stage.label:<11}  {c.stage_changed_at:%d/%m/%Y}  {c.name}"
            + (f" — {c.reasons}" if c.reasons else "")
        )
    return EXIT_OK


# -- shared ----------------------------------------------------------------------------------------


def _count(n: int, singular: str, plural: str) -> str:
    return f"{n:,} {singular if n == 1 else plural}."


def _period(starts: Any, ends: Any) -> str:
    if starts is None and ends is None:
        return ""
    first = f"{starts:%d/%m/%Y}" if starts else "…"
    return f"{first} a {ends:%d/%m/%Y}" if ends else f"desde {first}"
