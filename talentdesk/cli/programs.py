"""``talentdesk programs …`` and ``talentdesk needs …``: the linkage programmes and the needs
from Mexico, listed, shown, added and moved along their status from the command line.

Writes go through the same operations as the window (``ops.programs``), so they are audited and
validated the same way; names (kind, PNCS, organisation, chapter) are looked up as typed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from talentdesk.cli.args import Commands, actions, integer
from talentdesk.cli.common import EXIT_OK, criteria_options, match_criteria, need_values, open_db, print_json
from talentdesk.core.errors import ValidationError
from talentdesk.core.programs import CandidateStage, NeedStatus, ProgramRole, ProgramStatus

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

    add_pipeline_parsers(n_cmds, commands)


def add_pipeline_parsers(n_cmds: Any, commands: Commands) -> None:
    """``needs add|match|propose|stage|drop|accept|status`` and ``match``: talent matching and
    the candidates' pipeline."""
    n_add = n_cmds.add_parser("add", help="registra una solicitud de un PNCS o una organización mexicana")
    n_add.add_argument("--title", required=True, metavar="TÍTULO")
    n_add.add_argument("--description", metavar="TEXTO")
    n_add.add_argument("--pncs", metavar="SECTOR", help="PNCS que pide: nombre o número del sector")
    n_add.add_argument("--organization", metavar="NOMBRE", help="organización mexicana que pide")
    n_add.add_argument("--people", type=integer, default=1, metavar="N", help="personas buscadas (1)")
    n_add.add_argument("--program", type=integer, metavar="ID", help="programa al que se suman los aceptados")
    n_add.add_argument("--start", metavar="FECHA")
    n_add.add_argument("--end", metavar="FECHA")
    criteria_options(n_add)
    n_add.add_argument("--json", action="store_true")
    n_match = n_cmds.add_parser(
        "match", help="busca talento para la solicitud: miembros por puntaje, con el porqué"
    )
    n_match.add_argument("id", type=integer)
    _ranking_options(n_match)
    n_propose = n_cmds.add_parser(
        "propose", help="agrega candidatos (etapa «contactado»): los miembros dados o los N mejores"
    )
    n_propose.add_argument("id", type=integer)
    n_propose.add_argument("members", type=integer, nargs="*", metavar="MIEMBRO")
    n_propose.add_argument("--top", type=integer, metavar="N", help="los N primeros de «needs match ID»")
    n_propose.add_argument(
        "--despite-no-contact",
        action="store_true",
        help="incluye a quien pidió no ser contactado, porque esta vez lo pidió la persona",
    )
    n_propose.add_argument("--json", action="store_true")
    n_stage = n_cmds.add_parser(
        "stage", help="mueve candidatos: contactado → interesado → aceptado / declino (queda la fecha)"
    )
    n_stage.add_argument("id", type=integer)
    n_stage.add_argument("stage", choices=[s.value for s in CandidateStage], metavar="ETAPA")
    n_stage.add_argument("members", type=integer, nargs="+", metavar="MIEMBRO")
    n_stage.add_argument("--json", action="store_true")
    n_drop = n_cmds.add_parser("drop", help="quita candidatos de la solicitud")
    n_drop.add_argument("id", type=integer)
    n_drop.add_argument("members", type=integer, nargs="+", metavar="MIEMBRO")
    n_drop.add_argument("--json", action="store_true")
    n_accept = n_cmds.add_parser("accept", help="suma los candidatos aceptados a las personas del programa")
    n_accept.add_argument("id", type=integer)
    n_accept.add_argument("--program", type=integer, metavar="ID", help="otro programa (queda como el suyo)")
    n_accept.add_argument(
        "--role", choices=[r.value for r in ProgramRole], default=ProgramRole.PARTICIPANT.value
    )
    n_accept.add_argument("--json", action="store_true")
    n_status = n_cmds.add_parser("status", help="marca la solicitud abierta, cubierta o cerrada")
    n_status.add_argument("id", type=integer)
    n_status.add_argument("status", choices=[s.value for s in NeedStatus], metavar="ESTATUS")
    n_status.add_argument("--json", action="store_true")

    match = commands.add_parser(
        "match",
        help="busca talento con criterios (o los de una solicitud): miembros por puntaje, con el porqué",
    )
    match.set_defaults(run=run_match)
    match.add_argument("--need", type=integer, metavar="ID", help="parte de los criterios de la solicitud")
    criteria_options(match)
    _ranking_options(match)
    match.add_argument(
        "--save-list",
        metavar="NOMBRE",
        help="guarda la búsqueda como lista inteligente (se vuelve a calcular al abrirla: lists show NOMBRE)",
    )


def _ranking_options(parser: Any) -> None:
    parser.add_argument("--limit", type=integer, default=50, metavar="N", help="cuántos mostrar (50)")
    parser.add_argument("--inactive", action="store_true", help="incluye a los miembros inactivos")
    parser.add_argument(
        "--diverse", action="store_true", help="evita llenar la lista con un empleador o capítulo"
    )
    parser.add_argument("--json", action="store_true")


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


def _organization(session: Any, text: str, field: str = "organization_ids") -> int:
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
    raise ValidationError([fail(field, problem)])


# -- needs -----------------------------------------------------------------------------------------


def run_needs(args: argparse.Namespace) -> int:
    handlers: dict[str, Handler] = {
        "list": _needs_list,
        "show": _needs_show,
        "add": _needs_add,
        "match": run_match,
        "propose": _needs_propose,
        "stage": _needs_stage,
        "drop": _needs_drop,
        "accept": _needs_accept,
        "status": _needs_status,
    }
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


# -- matching and the pipeline ---------------------------------------------------------------------


def run_match(args: argparse.Namespace) -> int:
    """``match`` and ``needs match ID``: the ranked members with the reasons of each."""
    from talentdesk.core.errors import TalentDeskError
    from talentdesk.services.matching import match_members
    from talentdesk.services.members import members_as_dicts

    if args.limit < 0:
        raise TalentDeskError("--limit debe ser positivo.")
    need_id = args.id if getattr(args, "needs_command", None) == "match" else args.need
    save_as = getattr(args, "save_list", None)
    db = open_db(args, write=save_as is not None)
    try:
        with db.reader() as session:
            criteria = match_criteria(session, args, need_id)
            result = match_members(session, criteria, limit=args.limit)
            members = members_as_dicts(session, [i.member_id for i in result.items]) if args.json else []
        saved = _save_match(db, save_as, criteria, args.limit) if save_as is not None else ""
    finally:
        db.close()
    if saved and not args.json:
        print(saved, file=sys.stderr)
    if args.json:
        items = [
            {"member": member, "score": item.score, "reasons": list(item.reasons)}
            for member, item in zip(members, result.items, strict=True)
        ]
        print_json({"total": result.total, "items": items})
        return EXIT_OK
    for rank, item in enumerate(result.items, 1):
        place = ", ".join(p for p in (item.city, item.country) if p)
        print(
            f"{rank:>3}. {item.score:>5g}  {item.member_id:>8}  {item.name}"
            + (f" ({place})" if place else "")
        )
        print(f"{'':18}{item.why}")
    if result.items:
        print(f"{len(result.items)} de {result.total:,} miembros ordenados por puntaje.")
    else:
        print("Ningún miembro cumple algún criterio.")
    return EXIT_OK


def _save_match(db: Any, name: str, criteria: Any, limit: int) -> str:
    """The matching query kept as a smart list named ``name``; the operation's message."""
    from talentdesk import ops
    from talentdesk.ops import saved_lists as list_ops
    from talentdesk.services.list_queries import MatchQuery

    return ops.perform(db, list_ops.save_query(name, MatchQuery(criteria, limit))).message


def _needs_add(args: argparse.Namespace) -> int:
    from talentdesk import ops
    from talentdesk.ops import needs as need_ops
    from talentdesk.services import reference
    from talentdesk.services.program_views import need_detail, need_json

    db = open_db(args, write=True)
    try:
        with db.reader() as session:
            values: dict[str, Any] = {
                "title": args.title,
                "description": args.description,
                "sector_id": reference.find_sector(session, args.pncs, "sector_id").id if args.pncs else None,
                "organization_id": _organization(session, args.organization, "organization_id")
                if args.organization
                else None,
                "people_wanted": args.people,
                "program_id": args.program,
                "starts_on": args.start,
                "ends_on": args.end,
                **need_values(session, args),
            }
        need_id = ops.perform(db, need_ops.create(values)).value
        with db.reader() as session:
            detail = need_detail(session, need_id)
    finally:
        db.close()
    if args.json:
        print_json(need_json(detail))
    else:
        print(f"Solicitud registrada: {detail.row.title} (id {need_id}).")
    return EXIT_OK


def _needs_propose(args: argparse.Namespace) -> int:
    from talentdesk import ops
    from talentdesk.core.errors import TalentDeskError
    from talentdesk.ops import needs as need_ops
    from talentdesk.services.matching import criteria_for_need, match_members, reasons_text

    if not args.members and not args.top:
        raise TalentDeskError("Indique los miembros (ids) o --top N para tomar los mejores de la búsqueda.")
    if args.top is not None and args.top < 1:
        raise TalentDeskError("--top debe ser 1 o más.")
    db = open_db(args, write=True)
    try:
        reasons: dict[int, str] = {}
        members = list(args.members)
        if args.top:
            with db.reader() as session:
                ranked = match_members(session, criteria_for_need(session, args.id), limit=args.top).items
            members += [i.member_id for i in ranked if i.member_id not in members]
            reasons = {i.member_id: reasons_text(i) for i in ranked}
        op = need_ops.add_candidates(args.id, members, reasons, despite_no_contact=args.despite_no_contact)
        outcome = ops.perform(db, op)
        return _pipeline_done(args, db, outcome.message, {"added": len(outcome.value)})
    finally:
        db.close()


def _needs_stage(args: argparse.Namespace) -> int:
    from talentdesk import ops
    from talentdesk.ops import needs as need_ops
    from talentdesk.services.needs import candidates_of

    db = open_db(args, write=True)
    try:
        with db.reader() as session:
            ids = candidates_of(session, args.id, args.members)
        outcome = ops.perform(db, need_ops.change_stage(ids, args.stage))
        return _pipeline_done(args, db, outcome.message, {"changed": outcome.value})
    finally:
        db.close()


def _needs_drop(args: argparse.Namespace) -> int:
    from talentdesk import ops
    from talentdesk.ops import needs as need_ops
    from talentdesk.services.needs import candidates_of

    db = open_db(args, write=True)
    try:
        with db.reader() as session:
            ids = candidates_of(session, args.id, args.members)
        outcome = ops.perform(db, need_ops.remove_candidates(ids))
        message = f"{outcome.value} candidato(s) quitado(s) de la solicitud {args.id}."
        return _pipeline_done(args, db, message, {"removed": outcome.value})
    finally:
        db.close()


def _needs_accept(args: argparse.Namespace) -> int:
    from talentdesk import ops
    from talentdesk.ops import needs as need_ops

    db = open_db(args, write=True)
    try:
        outcome = ops.perform(db, need_ops.accept_into_program(args.id, args.program, args.role))
        return _pipeline_done(args, db, outcome.message, {"added": len(outcome.value)})
    finally:
        db.close()


def _needs_status(args: argparse.Namespace) -> int:
    from talentdesk import ops
    from talentdesk.ops import needs as need_ops

    db = open_db(args, write=True)
    try:
        ops.perform(db, need_ops.set_status(args.id, args.status))
        message = f"Solicitud {args.id}: «{NeedStatus(args.status).label}»."
        return _pipeline_done(args, db, message, {"status": args.status})
    finally:
        db.close()


def _pipeline_done(args: argparse.Namespace, db: Any, message: str, data: dict[str, Any]) -> int:
    """After a pipeline step: its message, or with --json what changed and the need as it is now."""
    if not args.json:
        print(message)
        return EXIT_OK
    from talentdesk.services.program_views import need_detail, need_json

    with db.reader() as session:
        print_json({**data, "need": need_json(need_detail(session, args.id))})
    return EXIT_OK


# -- shared ----------------------------------------------------------------------------------------


def _count(n: int, singular: str, plural: str) -> str:
    return f"{n:,} {singular if n == 1 else plural}."


def _period(starts: Any, ends: Any) -> str:
    if starts is None and ends is None:
        return ""
    first = f"{starts:%d/%m/%Y}" if starts else "…"
    return f"{first} a {ends:%d/%m/%Y}" if ends else f"desde {first}"
