"""Alembic migrations shipped in the package, applied at start with a backup first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from talentdesk.core.errors import DatabaseError, SchemaTooNewError
from talentdesk.db.backup import backup_sqlite
from talentdesk.db.engine import enable_wal, sqlite_path
from talentdesk.db.errors import classify
from talentdesk.db.paths import backups_dir_for

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


@dataclass(frozen=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
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
                "La base de datos no es de TalentDesk: tiene tablas pero ninguna versión de esquema."
            )
        return None
    known = {s.revision for s in script_directory().walk_revisions()}
    if revision not in known:
        raise SchemaTooNewError(
            f"La base de datos usa una versión de esquema más nueva ({revision}) que esta versión "
            "de TalentDesk. Actualice TalentDesk; la base de datos no se modificó."
        )
    return revision


def ensure_current(engine: Engine, *, upgrade: bool = True) -> UpgradeResult | None:
    """Check the schema and, when asked, bring it to the head revision."""
    revision = check_schema(engine)
    enable_wal(engine)
    if revision == head_revision():
        return None
    if not upgrade:
        raise DatabaseError("La base de datos necesita actualizarse (talentdesk db upgrade) antes de usarse.")
    return upgrade_database(engine, revision)


def upgrade_database(engine: Engine, revision: str | None = None) -> UpgradeResult:
    if revision is None:
        revision = check_schema(engine)
    head = head_revision()
    backup: Path | None = None
    db_file = sqlite_path(engine)
    if revision is not None and revision != head and db_file is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = backups_dir_for(db_file) / f"{db_file.stem}-{stamp}-antes-de-{head}.sqlite"
        backup = backup_sqlite(engine, target)
    config = alembic_config()
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    except Exception as exc:
        mapped = classify(exc)
        if mapped is not None:
            raise mapped from exc
        raise
    return UpgradeResult(revision, head, backup)
