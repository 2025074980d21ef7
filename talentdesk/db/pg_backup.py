"""Backups and restores of a PostgreSQL database with PostgreSQL's own tools.

``db backup`` runs ``pg_dump --format=custom`` into a 0600 temporary file beside the target,
checks that the file is a TalentDesk dump (``pg_restore --list``) and renames it into place, so a
backup that exists is a whole one. ``db restore`` refuses a file that is not a TalentDesk dump
(or is of a newer schema) before touching anything, keeps a safety copy of the database (itself a
``pg_dump``, an automatic backup rotated like SQLite's), then replaces the database's content in
**one transaction** run by ``psql``: every table, view, sequence and function of the schema is
dropped (so a restore from an older schema leaves nothing of the newer one behind) and
``pg_restore``'s script recreates and fills them. An error anywhere (a lock another session
holds for longer than the wait, a broken file, a full disk on the server) rolls back to exactly
the content before. The sequences come back with the dump (``setval``) and are then moved past
every id again (``db/sequences.py``).

The tools are looked for on ``PATH``, then in the usual PostgreSQL folders
(``/usr/lib/postgresql/<version>/bin``, ``C:\\Program Files\\PostgreSQL\\<version>\\bin``), the
newest first; ``TALENTDESK_PG_BIN`` names a folder to use instead. Without them the commands say,
in Spanish, what to install, and write nothing.

The password is never on a command line: the URL is given to the tools without it, and the
password goes in a private (0600) ``PGPASSFILE`` inside a private temporary folder, removed
after.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from glob import glob
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import URL

from talentdesk.core.errors import DatabaseError, SchemaTooNewError
from talentdesk.core.i18n import _
from talentdesk.core.models import utcnow
from talentdesk.core.user import current_user
from talentdesk.db.backup import (
    BackupKind,
    new_backup_path,
    read_backup_header,
    rotate_backups,
    server_anchor,
)
from talentdesk.db.engine import SQLITE_HEADER
from talentdesk.db.errors import spanish_reason
from talentdesk.db.files import create_private_file, make_private_dir

DUMP_HEADER = b"PGDMP"
#: Where PostgreSQL's client programs are looked for after PATH (newest version first).
SEARCH_GLOBS: tuple[str, ...] = (
    "/usr/lib/postgresql/*/bin",
    "/usr/pgsql-*/bin",
    "/opt/homebrew/opt/postgresql@*/bin",
    "/Applications/Postgres.app/Contents/Versions/*/bin",
    "C:/Program Files/PostgreSQL/*/bin",
)
#: Tables a TalentDesk dump must hold (its schema version and the tables every schema has had).
OWN_TABLES = frozenset({"alembic_version", "members", "chapters", "sectors", "audit_log"})
_TIMEOUT_S = 24 * 3600


def _exe(name: str) -> str:
    return name + ".exe" if os.name == "nt" else name


def find_tool(name: str) -> Path | None:
    """``pg_dump``, ``pg_restore`` or ``psql``: from ``TALENTDESK_PG_BIN``, PATH, or the
    usual PostgreSQL folders (the newest version); None when there is none."""
    folder = os.environ.get("TALENTDESK_PG_BIN")
    if folder:
        candidate = Path(folder) / _exe(name)
        return candidate if candidate.is_file() else None
    found = shutil.which(name)
    if found:
        return Path(found)
    candidates = [Path(d) / _exe(name) for pattern in SEARCH_GLOBS for d in glob(pattern)]
    candidates = [c for c in candidates if c.is_file() and os.access(c, os.X_OK)]
    candidates.sort(key=lambda c: _version_key(c.parent.parent.name), reverse=True)
    return candidates[0] if candidates else None


def _version_key(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", text)) or (0,)


def require_tool(name: str) -> Path:
    tool = find_tool(name)
    if tool is None:
        raise DatabaseError(
            _(
                "No se encontró «{tool}», la herramienta de PostgreSQL que hace falta para las copias de seguridad de una base en servidor; no se escribió ni se cambió nada. Instale el cliente de PostgreSQL de la misma versión que el servidor o más nueva (Debian/Ubuntu: apt install postgresql-client; Windows y macOS: las herramientas de línea de comandos del instalador de postgresql.org) y asegúrese de que su carpeta «bin» esté en el PATH, o indíquela en la variable TALENTDESK_PG_BIN."
            ).format(tool=name)
        )
    return tool


def _require_server(engine: Engine) -> URL:
    if engine.url.get_backend_name() != "postgresql":
        raise DatabaseError(_("Esta operación es para bases de datos PostgreSQL."))
    return engine.url


def conninfo(url: URL) -> str:
    """The libpq URI the tools are given: the URL without its driver and without the password."""
    # ``URL.set`` leaves a field given as None unchanged: the password is replaced explicitly.
    clean = url._replace(password=None).set(drivername="postgresql").difference_update_query(["password"])
    return clean.render_as_string(hide_password=False)


@contextlib.contextmanager
def client_environment(url: URL) -> Iterator[dict[str, str]]:
    """The tools' environment: the password (if the URL has one) in a private PGPASSFILE that
    is removed afterwards; never on a command line."""
    env = dict(os.environ)
    env.setdefault("PGAPPNAME", "talentdesk")
    env.setdefault("PGCONNECT_TIMEOUT", "15")
    password = url.password if url.password is not None else url.query.get("password")
    if isinstance(password, tuple):
        password = password[0] if password else None
    if password is None:
        yield env
        return
    folder = Path(tempfile.mkdtemp(prefix="talentdesk-pg-"))  # 0700
    try:
        passfile = folder / "pgpass"
        create_private_file(passfile)
        escaped = str(password).replace("\\", "\\\\").replace(":", "\\:")
        passfile.write_text(f"*:*:*:*:{escaped}\n", encoding="utf-8")
        env.pop("PGPASSWORD", None)  # it would win over the file
        env["PGPASSFILE"] = str(passfile)
        yield env
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run(argv: Sequence[str], env: dict[str, str], what: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            list(argv), env=env, capture_output=True, timeout=_TIMEOUT_S, stdin=subprocess.DEVNULL, check=False
        )
    except OSError as exc:
        raise DatabaseError(
            _("No se pudo ejecutar «{tool}»: {reason}.").format(tool=what, reason=spanish_reason(exc))
        ) from exc


def _said(output: bytes) -> str:
    """The tool's own message, short (its last lines)."""
    lines = [ln.strip() for ln in output.decode("utf-8", "replace").splitlines() if ln.strip()]
    return " ".join(lines[-3:]) or _("sin más detalle")


# -- backup ----------------------------------------------------------------------------------------


def default_backup_path(engine: Engine) -> Path:
    anchor = server_anchor(engine)
    assert anchor is not None
    return new_backup_path(anchor)


def backup_postgresql(engine: Engine, target: Path) -> Path:
    """``pg_dump --format=custom`` of the database into ``target``: written under a temporary
    name (0600), checked to be a whole TalentDesk dump, then renamed. A failure leaves no file."""
    url = _require_server(engine)
    pg_dump = require_tool("pg_dump")
    target = target.expanduser().resolve()
    tmp = target.with_name(target.name + ".partial")
    try:
        make_private_dir(target.parent)
        tmp.unlink(missing_ok=True)  # left by a killed backup
        create_private_file(tmp)
    except OSError as exc:
        raise DatabaseError(
            _("No se pudo escribir la copia de seguridad en «{target}»: {spanish_reason}.").format(
                target=target, spanish_reason=spanish_reason(exc)
            )
        ) from exc
    try:
        with client_environment(url) as env:
            done = _run(
                [str(pg_dump), "--format=custom", "--no-password", f"--file={tmp}", f"--dbname={conninfo(url)}"],
                env,
                "pg_dump",
            )
        if done.returncode != 0:
            raise DatabaseError(
                _("pg_dump no pudo hacer la copia de seguridad de «{database}»: {said}").format(
                    database=url.render_as_string(hide_password=True), said=_said(done.stderr)
                )
            )
        check_dump(tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    return target


# -- what a dump is ----------------------------------------------------------------------------------


def check_dump(path: Path) -> str:
    """Refuse a file that is not a readable TalentDesk dump of a schema this version knows;
    returns its schema revision. Reads the file only."""
    path = path.expanduser()
    header = read_backup_header(path)
    if header == SQLITE_HEADER:
        raise DatabaseError(
            _(
                "«{path}» es una copia de una base SQLite: no se restaura en un servidor PostgreSQL (restáurela en un archivo SQLite: talentdesk --db ARCHIVO.sqlite db restore …). No se cambió nada."
            ).format(path=path)
        )
    if not header.startswith(DUMP_HEADER):
        raise DatabaseError(
            _(
                "«{path}» no es una copia de seguridad de TalentDesk para PostgreSQL (no es un archivo de pg_dump en formato personalizado). No se cambió nada."
            ).format(path=path)
        )
    pg_restore = require_tool("pg_restore")
    env = dict(os.environ)
    listing = _run([str(pg_restore), "--list", str(path)], env, "pg_restore")
    if listing.returncode != 0:
        raise DatabaseError(
            _("La copia de seguridad «{path}» está dañada o no se puede leer: {said}").format(
                path=path, said=_said(listing.stderr)
            )
        )
    tables = set(re.findall(r"^\d+; \d+ \d+ TABLE \S+ (\S+) ", listing.stdout.decode("utf-8", "replace"), re.MULTILINE))
    if not tables >= OWN_TABLES:
        raise DatabaseError(
            _("«{path}» es una copia de PostgreSQL, pero no de una base de TalentDesk. No se cambió nada.").format(
                path=path
            )
        )
    data = _run(
        [str(pg_restore), "--data-only", "--table=alembic_version", "--file=-", str(path)], env, "pg_restore"
    )
    revision = _revision_in(data.stdout.decode("utf-8", "replace")) if data.returncode == 0 else None
    if revision is None:
        raise DatabaseError(
            _("La copia de seguridad «{path}» no dice su versión de esquema: no es una copia de TalentDesk completa.").format(
                path=path
            )
        )
    from talentdesk.db.migrate import script_directory

    if revision not in {s.revision for s in script_directory().walk_revisions()}:
        raise SchemaTooNewError(
            _(
                "La copia de seguridad «{path}» es de una versión de esquema más nueva ({revision}) que esta versión de TalentDesk. Actualice TalentDesk; no se cambió nada."
            ).format(path=path, revision=revision)
        )
    return revision


def _revision_in(script: str) -> str | None:
    """The row of ``alembic_version`` in pg_restore's script of that table's data."""
    lines = script.splitlines()
    for n, line in enumerate(lines):
        if line.startswith("COPY ") and "alembic_version" in line:
            row = lines[n + 1].strip() if n + 1 < len(lines) else ""
            return row if row and row != "\\." else None
    return None


# -- restore -------------------------------------------------------------------------------------------

#: Drops every table, view, sequence, function and type of the current schema (not the schema
#: itself, not what an extension owns), so the dump's schema replaces whatever is there.
_DROP_EVERYTHING = r"""
DO $talentdesk$
DECLARE r record;
BEGIN
  FOR r IN SELECT format('%I.%I', n.nspname, c.relname) AS name,
                  CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                 WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                             AND d.objid = c.oid AND d.deptype = 'e')
           ORDER BY c.relkind IN ('v', 'm') DESC
  LOOP
    EXECUTE format('DROP %s IF EXISTS %s CASCADE', r.kind, r.name);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure::text AS name
           FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = current_schema() AND p.prokind IN ('f', 'p')
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                             AND d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('DROP ROUTINE IF EXISTS %s CASCADE', r.name);
  END LOOP;
  FOR r IN SELECT format('%I.%I', n.nspname, t.typname) AS name
           FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
           WHERE n.nspname = current_schema() AND t.typtype IN ('e', 'd')
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                             AND d.objid = t.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('DROP TYPE IF EXISTS %s CASCADE', r.name);
  END LOOP;
END
$talentdesk$;
"""


def restore_postgresql(engine: Engine, source_file: Path, *, wait: float = 10.0) -> Path:
    """Replace the database's content with the dump ``source_file``; returns the safety copy.

    Everything that can refuse is checked first (the file, the tools), then the safety copy is
    taken, then one transaction replaces the content; waiting more than ``wait`` seconds for
    another session's lock refuses with nothing changed.
    """
    url = _require_server(engine)
    source_file = source_file.expanduser().resolve()
    check_dump(source_file)
    pg_restore, psql = require_tool("pg_restore"), require_tool("psql")
    require_tool("pg_dump")
    anchor = server_anchor(engine)
    assert anchor is not None
    safety = backup_postgresql(engine, new_backup_path(anchor, BackupKind.RESTORE))
    engine.dispose()  # no pooled connection of ours holds the tables
    with client_environment(url) as env:
        _replace(psql, pg_restore, source_file, url, env, wait)
    with engine.begin() as conn:
        from talentdesk.db.sequences import sync_all_sequences

        sync_all_sequences(conn)
        conn.execute(
            text(
                'INSERT INTO audit_log (at, "user", entity, action, new_value) '
                "VALUES (:at, :user, 'database', 'restore', :detail)"
            ),
            {
                "at": utcnow(),
                "user": current_user(),
                "detail": f"restaurada desde {source_file}; la anterior quedó en {safety}",
            },
        )
    rotate_backups(engine, keep=source_file)
    return safety


def _replace(psql: Path, pg_restore: Path, source: Path, url: URL, env: dict[str, str], wait: float) -> None:
    shown = url.render_as_string(hide_password=True)
    with tempfile.TemporaryFile() as errors, tempfile.TemporaryFile() as script_errors:
        with (
            subprocess.Popen(
                [
                    str(psql),
                    "--no-psqlrc",
                    "--quiet",
                    "--no-password",
                    "-v",
                    "ON_ERROR_STOP=1",
                    f"--dbname={conninfo(url)}",
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=errors,
                env=env,
            ) as runner,
            subprocess.Popen(
                [str(pg_restore), "--no-owner", "--file=-", str(source)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=script_errors,
                env=env,
            ) as script,
        ):
            assert runner.stdin is not None and script.stdout is not None
            read_failed = False
            try:
                runner.stdin.write(
                    f"BEGIN;\nSET LOCAL lock_timeout = '{int(wait * 1000)}ms';\n{_DROP_EVERYTHING}\n".encode()
                )
                shutil.copyfileobj(script.stdout, runner.stdin, 1 << 20)
                read_failed = script.wait() != 0
                # Never commit half a script: psql ends the transaction only as told.
                runner.stdin.write(b"ROLLBACK;\n" if read_failed else b"COMMIT;\n")
                runner.stdin.close()
            except BrokenPipeError:
                pass  # psql stopped at an error (ON_ERROR_STOP): its transaction is rolled back
            finally:
                if script.poll() is None:
                    script.kill()
            code = runner.wait()
        errors.seek(0)
        said = errors.read()
        script_errors.seek(0)
        script_said = script_errors.read()
    if read_failed:
        raise DatabaseError(
            _("No se pudo leer la copia de seguridad «{path}»: {said}. La base de datos quedó como estaba.").format(
                path=source, said=_said(script_said)
            )
        )
    if code != 0:
        if b"lock timeout" in said:
            raise DatabaseError(
                _(
                    "La base de datos «{database}» está en uso por otra sesión que tiene tablas bloqueadas (esperé {wait:g} s). No se restauró nada: intente de nuevo cuando termine."
                ).format(database=shown, wait=wait)
            )
        raise DatabaseError(
            _("No se pudo restaurar «{path}» en «{database}»: {said}. La base de datos quedó como estaba.").format(
                path=source, database=shown, said=_said(said)
            )
        )
