"""Online backups of a SQLite database (the sqlite3 backup API), and restore."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from talentdesk.core.errors import DatabaseError
from talentdesk.db.engine import SQLITE_HEADER, sqlite_path
from talentdesk.db.paths import backups_dir_for


def _require_file(engine: Engine) -> Path:
    path = sqlite_path(engine)
    if path is None:
        raise DatabaseError(
            "Las copias de seguridad integradas son para bases de datos SQLite; para un servidor "
            "use sus herramientas (p. ej. pg_dump)."
        )
    return path


def default_backup_path(engine: Engine) -> Path:
    """A new name in backups/: never one that exists (two backups in the same second)."""
    source = _require_file(engine)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = backups_dir_for(source)
    target = folder / f"{source.stem}-{stamp}.sqlite"
    n = 2
    while target.exists():
        target = folder / f"{source.stem}-{stamp}-{n}.sqlite"
        n += 1
    return target


def backup_sqlite(engine: Engine, target: Path) -> Path:
    """Copy the live database to ``target`` page by page; a failed copy leaves no file."""
    source = _require_file(engine)
    target = target.expanduser().resolve()
    if target == source:
        raise DatabaseError("La copia de seguridad no puede sobrescribir la propia base de datos.")
    tmp = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        src = sqlite3.connect(source, timeout=5)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseError(f"No se pudo escribir la copia de seguridad en «{target}»: {exc}.") from exc
    return target


def validate_backup_file(path: Path) -> None:
    """A restore source must be a readable, intact SQLite file."""
    if not path.is_file():
        raise DatabaseError(f"No existe el archivo de respaldo «{path}».")
    with path.open("rb") as fh:
        if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise DatabaseError(f"«{path}» no es una copia de seguridad de TalentDesk (no es SQLite).")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = con.execute("PRAGMA quick_check").fetchone()
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise DatabaseError(f"«{path}» no se puede leer como base de datos: {exc}.") from exc
    if not result or result[0] != "ok":
        raise DatabaseError(f"La copia de seguridad «{path}» está dañada.")


def restore_sqlite(engine: Engine, source_file: Path) -> Path:
    """Replace the database's content with ``source_file``; returns the backup taken first."""
    target = _require_file(engine)
    source_file = source_file.expanduser().resolve()
    check_restore_source(source_file)
    safety = backup_sqlite(engine, default_backup_path(engine))
    if safety == source_file:  # unreachable with default_backup_path; guards future changes
        raise DatabaseError("La copia de seguridad previa sobrescribiría el archivo a restaurar.")
    engine.dispose()
    try:
        src = sqlite3.connect(f"file:{source_file}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(target, timeout=5)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise DatabaseError(
            f"No se pudo restaurar: {exc}. La base de datos anterior está en «{safety}»."
        ) from exc
    return safety


def check_restore_source(source_file: Path) -> None:
    """Everything that can refuse a restore, checked without touching the live database."""
    source_file = source_file.expanduser().resolve()
    validate_backup_file(source_file)
    _check_revision(source_file)


def _check_revision(source_file: Path) -> None:
    from talentdesk.db.engine import make_engine
    from talentdesk.db.migrate import check_schema

    probe = make_engine(source_file, create=False)
    try:
        if check_schema(probe) is None:
            raise DatabaseError(f"«{source_file}» no es una copia de seguridad de TalentDesk.")
    finally:
        probe.dispose()
