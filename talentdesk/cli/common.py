"""What every command shares: exit codes, which database the arguments name and how it opens,
the member query the filters describe, JSON and progress output.

Exit codes: 0 success, 1 a user or environment error (Spanish message on stderr), 2 a usage
error. Everything heavy is imported inside the functions: ``talentdesk --help`` loads none of it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from typing import Any

from talentdesk.core.enums import DegreeLevel, MemberStatus
from talentdesk.core.errors import TalentDeskError, ValidationError
from talentdesk.core.i18n import _

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


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


#: Tries at the password prompt before giving up, as psql and ssh do.
PASSWORD_TRIES = 3


def _open_signing_in(target: str, create: bool) -> Any:
    """Open ``target``; a server asking for a password gets one typed at a terminal (never on
    the command line, where other users and the shell history would see it). Without a
    terminal, the message says how to give it: PGPASSWORD or ~/.pgpass, which libpq reads."""
    import getpass

    from talentdesk.core.errors import SignInError
    from talentdesk.db.servers import ServerAddress, with_password
    from talentdesk.db.session import Database

    address = ServerAddress.from_target(target)
    for attempt in range(PASSWORD_TRIES + 1):
        try:
            return Database.open(target, create=create)
        except SignInError as exc:
            if address is None or attempt == PASSWORD_TRIES or not sys.stdin.isatty():
                raise SignInError(
                    exc.message
                    + " "
                    + _(
                        "Escríbala cuando se pida (en una terminal) o póngala en la variable PGPASSWORD o en el archivo ~/.pgpass; nunca en la línea de comandos."
                    )
                ) from exc
            print(exc.message, file=sys.stderr)
            prompt = _("Contraseña de {user} en {host}: ").format(user=address.user, host=address.host)
            target = with_password(target, getpass.getpass(prompt))
    raise AssertionError("unreachable")


def _warn_exposure(db: Any) -> None:
    """A file others can read, or in a network folder: said on every use, until it is fixed."""
    from talentdesk.db.engine import sqlite_path
    from talentdesk.db.exposure import exposure

    path = sqlite_path(db.engine)
    exposed = exposure(path) if path is not None else None
    if exposed is None:
        return
    hint = (
        ""
        if not exposed.fixable
        else " "
        + _("Para dejarla privada: chmod 600 «{path}» y sus copias en backups/ (o ábrala en la ventana).").format(
            path=exposed.path
        )
    )
    print(_("Aviso: {message}").format(message=exposed.message()) + hint, file=sys.stderr)


def open_db(
    args: argparse.Namespace, *, write: bool = False, create: bool | None = None, verify: bool = True
) -> Any:
    """Open the database. Only the default local database (and ``create=True``: demo, db upgrade)
    is created when missing; a missing --db file is an error, never a new empty database.
    ``write``: quick_check first, and refuse a damaged or read-only file before any work.
    ``verify=False``: a read-only file is still refused, the quick_check is the caller's (the
    member import checks the copy it takes before writing: the same file in the same state)."""
    from talentdesk.db.engine import missing_sqlite_file
    from talentdesk.db.errors import READ_ONLY_MESSAGE

    target = db_target(args)
    if create is None:
        create = explicit_db_target(args) is None
    missing = missing_sqlite_file(target)
    if missing is not None and not create:
        raise TalentDeskError(
            f"No existe la base de datos «{missing}». Para crear una nueva: talentdesk --db «{missing}» db upgrade"
        )
    db = _open_signing_in(target, create)
    if db.read_only:
        print(
            f"Aviso: «{db.display_name}» es de solo lectura: se puede consultar, no modificar.",
            file=sys.stderr,
        )
    _warn_exposure(db)
    if write:
        try:
            if db.read_only:
                raise TalentDeskError(_(READ_ONLY_MESSAGE))
            if verify:
                db.verify()
        except BaseException:
            db.close()
            raise
    return db


def member_query(session: Any, args: argparse.Namespace) -> Any:
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


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def progress_line(show: bool, unit: str = "") -> Callable[[int, int], None]:
    """A progress callback rewriting one stderr line (``done / total unit``) when ``show``; the
    command ends it with :func:`end_progress`."""
    suffix = f" {unit}" if unit else ""

    def progress(done: int, total: int) -> None:
        if show:
            print(f"\r  {done:>9,} / {total:,}{suffix}", end="", file=sys.stderr, flush=True)

    return progress


def end_progress(show: bool) -> None:
    if show:
        print(file=sys.stderr)


# -- talent search criteria (match, needs, export talent) ----------------------------------


def criteria_options(parser: Any) -> None:
    """The criteria of a talent search (``match``, ``needs add``, ``export talent``)."""
    parser.add_argument("--sector", action="append", metavar="SECTOR", help="sector buscado (repetible)")
    parser.add_argument(
        "--keywords", metavar="TEXTO", help="especialidad o puesto; frases separadas por comas"
    )
    parser.add_argument("--country", metavar="PAÍS")
    parser.add_argument("--city", metavar="CIUDAD")
    parser.add_argument("--chapter", metavar="NOMBRE")
    parser.add_argument("--contribution", metavar="APORTACIÓN", help="código o nombre de la aportación")
    parser.add_argument("--degree", choices=[d.value for d in DegreeLevel], help="estudios mínimos")
    parser.add_argument("--languages", metavar="IDIOMAS", help="p. ej. «inglés, francés» o «en, fr»")


def need_values(session: Any, args: argparse.Namespace) -> dict[str, Any]:
    """A need's criteria as typed, by name (only those given)."""
    from talentdesk.services import reference

    values: dict[str, Any] = {}
    if args.sector:
        values["sector_ids"] = [reference.find_sector(session, s, "sector_ids").id for s in args.sector]
    if args.chapter:
        values["chapter_id"] = reference.find_chapter(session, args.chapter, "chapter_id").id
    if args.contribution:
        values["contribution_id"] = reference.find_contribution(
            session, args.contribution, "contribution_id"
        ).id
    for key, value in (
        ("keywords", args.keywords),
        ("country", args.country),
        ("city", args.city),
        ("degree_level", args.degree),
        ("languages", args.languages),
    ):
        if value is not None:
            values[key] = value
    return values


def match_criteria(session: Any, args: argparse.Namespace, need_id: int | None) -> Any:
    """The need's criteria (if any) with the typed ones replacing them."""
    from dataclasses import replace

    from talentdesk.core.validation import normalize_country
    from talentdesk.services.matching import MatchCriteria, criteria_for_need

    base = criteria_for_need(session, need_id) if need_id is not None else MatchCriteria()
    typed: dict[str, Any] = need_values(session, args) if hasattr(args, "sector") else {}
    if "sector_ids" in typed:
        typed["sector_ids"] = tuple(typed["sector_ids"])
    if "country" in typed:
        typed["country"], err = normalize_country(typed["country"])
        if err is not None:
            raise ValidationError([err])
    if "degree_level" in typed:
        typed["degree_level"] = DegreeLevel(typed["degree_level"])
    return replace(base, **typed, include_inactive=args.inactive, diverse=args.diverse)
