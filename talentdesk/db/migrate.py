"""Alembic migrations shipped in the package, applied at start with a backup first."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect
from sqlalchemy.exc import DBAPIError

from talentdesk.core.errors import DatabaseError, SchemaTooNewError
from talentdesk.core.i18n import _
from talentdesk.db import revisions
from talentdesk.db.backup import BackupKind, automatic_backup
from talentdesk.db.engine import enable_wal, is_read_only
from talentdesk.db.errors import classify
from talentdesk.db.sequences import sync_all_sequences
from talentdesk.db.session import write_connection

#: Tables every TalentDesk schema has had since 0001: how a database is recognised as ours.
OWN_TABLES = frozenset({"members", "chapters", "sectors", "audit_log"})


@dataclass(frozen=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(revisions.MIGRATIONS_DIR))
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except Exception as exc:
        mapped = classify(exc)
        if mapped is not None:
            raise mapped from exc
        raise


def check_schema(engine: Engine) -> str | None:
    """The database's revision; refuse one written by a newer TalentDesk or by another program."""
    revision = current_revision(engine)
    if revision is None:
        with engine.connect() as conn:
            tables = inspect(conn).get_table_names()
        if tables:
            raise DatabaseError(
                _("La base de datos no es de TalentDesk: tiene tablas pero ninguna versión de esquema.")
            )
        return None
    known = {s.revision for s in script_directory().walk_revisions()}
    if revision not in known:
        with engine.connect() as conn:
            own = set(inspect(conn).get_table_names()) >= OWN_TABLES
        if not own:
            raise DatabaseError(
                _(
                    "La base de datos no es de TalentDesk: es de otra aplicación (su versión de esquema «{revision}» no es de TalentDesk y no tiene sus tablas). No se modificó."
                ).format(revision=revision)
            )
        raise SchemaTooNewError(
            _(
                "La base de datos usa una versión de esquema más nueva ({revision}) que esta versión de TalentDesk. Actualice TalentDesk; la base de datos no se modificó."
            ).format(revision=revision)
        )
    return revision


def ensure_current(engine: Engine, *, upgrade: bool = True) -> UpgradeResult | None:
    """Check the schema and, when asked, bring it to the head revision."""
    revision = check_schema(engine)
    if revision == head_revision():
        enable_wal(engine)
        return None
    if is_read_only(engine):
        raise DatabaseError(
            _(
                "La base de datos es de solo lectura y tiene el esquema {value}, anterior a esta versión de TalentDesk ({head_revision}): para usarla, cópiela a una carpeta donde se pueda escribir."
            ).format(value=revision or _("vacío"), head_revision=head_revision())
        )
    if not upgrade:
        raise DatabaseError(
            _("La base de datos necesita actualizarse (talentdesk db upgrade) antes de usarse.")
        )
    result = upgrade_database(engine, revision)
    enable_wal(engine)  # after: a refused or failed upgrade leaves the file exactly as it was
    return result


def upgrade_database(engine: Engine, revision: str | None = None) -> UpgradeResult:
    if revision is None:
        revision = check_schema(engine)
    head = head_revision()
    backup: Path | None = None
    if revision is not None and revision != head:
        backup = automatic_backup(engine, BackupKind.MIGRATION, head)
    config = alembic_config()
    try:
        with write_connection(engine) as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            sync_all_sequences(conn)  # PostgreSQL: past the reference data's own ids
    except DBAPIError as exc:  # the file's schema is not what its revision says: rolled back
        raise DatabaseError(
            _(
                "No se pudo actualizar el esquema de {value} a {head}: {schema_problem}. La base de datos no se modificó."
            ).format(
                value=revision or _("vacío"),
                head=head,
                schema_problem=_schema_problem(exc),
            )
        ) from exc
    finally:
        # Alembic leaves a cursor in a reference cycle whose statement stays active until the
        # cycle collector runs; on its pooled connection it blocks a WAL checkpoint ("database
        # table is locked"). Closing the pool's connections finalizes it now.
        engine.dispose()
    return UpgradeResult(revision, head, backup)


def _schema_problem(exc: DBAPIError) -> str:
    """The mismatch in Spanish: typically a file stamped older than the tables it has."""
    text = str(exc.orig)
    found = re.search(r"(table|index) (\S+) already exists", text)
    if found:
        text = (
            _(
                "ya tiene la tabla «{name}», que pertenece a un esquema posterior (la versión registrada en el archivo es anterior a sus tablas)"
            )
            if found.group(1) == "table"
            else _(
                "ya tiene el índice «{name}», que pertenece a un esquema posterior (la versión registrada en el archivo es anterior a sus tablas)"
            )
        )
        return text.format(name=found.group(2).strip(chr(34)))
    found = re.search(r"no such (table|column): (\S+)", text)
    if found:
        missing = (
            _("le falta la tabla «{name}» que su versión registrada debería tener")
            if found.group(1) == "table"
            else _("le falta la columna «{name}» que su versión registrada debería tener")
        )
        return missing.format(name=found.group(2))
    return _("el archivo no tiene el esquema que su versión registrada indica ({detail})").format(detail=text)
