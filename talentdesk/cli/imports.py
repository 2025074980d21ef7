"""``talentdesk import members FILE`` (all or nothing, or ``--valid-only``), ``import history``
and ``import undo N``: the imports done, and undoing one as a single step."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol, TypeVar

from talentdesk.cli.args import Commands, actions, integer, path
from talentdesk.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    db_target,
    end_progress,
    open_db,
    print_json,
    progress_line,
)
from talentdesk.core.errors import TalentDeskError


class _Closable(Protocol):
    def close(self) -> None: ...


S = TypeVar("S")
D = TypeVar("D", bound=_Closable)


def add_parser(commands: Commands) -> None:
    imp = commands.add_parser("import", help="importa miembros desde una hoja de cálculo o CSV")
    imp.set_defaults(run=run)
    i_cmds = actions(imp, "import_command", "DATOS")
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


def run(args: argparse.Namespace) -> int:
    handler = {"history": _history, "undo": _undo}.get(args.import_command, _import_members)
    return handler(args)


def _import_members(args: argparse.Namespace) -> int:
    from talentdesk.imports.history import EarlyBackup, apply_and_record
    from talentdesk.imports.mapping import guess_mapping, mapping_from_saved, mapping_to_saved
    from talentdesk.imports.plan import Action
    from talentdesk.imports.prepare import prepare_import
    from talentdesk.imports.reading import SourceTable, read_source
    from talentdesk.ops.import_report import write_error_report
    from talentdesk.services import import_mappings

    on_duplicate = {
        "update": Action.OVERWRITE if args.overwrite else Action.FILL,
        "skip": Action.SKIP,
        "create": Action.CREATE,
    }[args.on_duplicate]
    def read() -> SourceTable:
        return read_source(args.file, sheet=args.sheet)

    def opening() -> Any:
        # Not quick_checked on opening: the backup a full import takes before it writes is
        # checked (backup_sqlite), and it is a copy of this file in the state the import starts
        # from (the write lock is held from before the copy to the commit), so that one check
        # refuses a damaged file before anything is written (EarlyBackup.result). A second
        # check of the same pages cost ≈ 1.5 s of CPU at a million members.
        return open_db(args, write=not args.dry_run, verify=False)

    if opens_unchanged(args):
        source, db = read_while_opening(read, opening)
    else:  # opening would create or upgrade it: a bad file is refused before that
        source = read()
        db = opening()
    show = sys.stderr.isatty() and not args.json
    progress = progress_line(show)

    from talentdesk.imports.plan import ImportHasErrors

    written = 0
    run_id: int | None = None
    late: list[Any] = []
    backup: EarlyBackup | None = None
    # A dry run reads (no write lock: others may write meanwhile) unless it saves the mapping.
    scope = db.reader if args.dry_run and not args.save_mapping else db.session
    try:
        with scope() as session:
            if not args.dry_run:
                backup = EarlyBackup(session)  # copied by SQLite on the other core meanwhile
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
                applying, backup = backup, None
                result, run_id = apply_and_record(
                    session, plan, valid_only=args.valid_only, progress=progress, backup=applying
                )
                written = result.summary.written
                late = result.errors[len(errors) :]
    except ImportHasErrors as exc:  # found while writing: everything was rolled back
        late = [e for e in exc.errors if e not in plan.errors()]
        written = 0
    finally:
        if backup is not None:  # nothing was written: the copy is not needed
            backup.discard()
        db.close()
        end_progress(show)
    report = plan.report(written, late)
    report["import_run"] = run_id
    if args.errors:
        write_error_report(plan, args.errors, extra_errors=late)
    if args.json:
        print_json(report)
    else:
        _print_import_summary(plan, report, args)
    return EXIT_ERROR if report["errors"] and written == 0 else EXIT_OK


def opens_unchanged(args: argparse.Namespace) -> bool:
    """The database exists at the current schema, so opening it changes nothing (no new file,
    no upgrade) and it may open while the file is still being read."""
    from talentdesk.db.engine import make_engine, missing_sqlite_file
    from talentdesk.db.revisions import is_current

    target = db_target(args)
    if missing_sqlite_file(target) is not None:
        return False
    try:
        engine = make_engine(target, create=False, read_only=True)
    except TalentDeskError:
        return False
    try:
        return is_current(engine)
    finally:
        engine.dispose()


def read_while_opening(read: Callable[[], S], open_database: Callable[[], D]) -> tuple[S, D]:
    """Read the file while the database opens on another thread: opening for a write runs
    ``quick_check`` (≈ 1.5 s at a million members, in SQLite with the GIL released), reading is
    Python and calamine. A bad file is still what is reported first (and the database closed)."""
    with ThreadPoolExecutor(1, thread_name_prefix="open-database") as pool:
        opening = pool.submit(open_database)
        try:
            source = read()
        except BaseException:
            with contextlib.suppress(BaseException):
                opening.result().close()
            raise
        return source, opening.result()


def _history(args: argparse.Namespace) -> int:
    from talentdesk.core.dates import local_stamp
    from talentdesk.services import import_history

    db = open_db(args)
    try:
        with db.reader() as session:
            runs = import_history.list_runs(session)
    finally:
        db.close()
    if args.json:
        print_json([r.as_dict() for r in runs])
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


def _undo(args: argparse.Namespace) -> int:
    from talentdesk import ops
    from talentdesk.ops import imports as ops_imports

    db = open_db(args, write=True)
    try:
        ops.perform(db, ops_imports.undo(args.id))
    finally:
        db.close()
    print(
        f"Importación {args.id} deshecha: se eliminaron los miembros que creó y se restauraron los datos que cambió."
    )
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
