"""Backups of a SQLite database: written with the online backup API, verified, private.
(A PostgreSQL database's backups are ``pg_dump`` files: ``db/pg_backup.py``; they share the
names, the kinds and the retention rule kept here.)

Every copy is written to a temporary file beside its target (0600), checked with
``PRAGMA quick_check`` and only then renamed into place, so a backup that exists is a good one.
Automatic backups (daily, before a migration, an import or a restore) live in ``backups/``
beside the database, named ``<db>-<yyyymmdd-hhmmss>[-n]-<kind>.sqlite``, and are rotated by
``db/retention.py``; manual ones (``talentdesk db backup``) are never deleted.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from sqlalchemy import Engine

from talentdesk.core.errors import DatabaseError
from talentdesk.core.i18n import N_, _
from talentdesk.db.engine import SQLITE_HEADER, sqlite_path
from talentdesk.db.errors import spanish_reason
from talentdesk.db.files import create_private_file, make_private_dir
from talentdesk.db.paths import backups_dir_for, data_dir

STAMP = "%Y%m%d-%H%M%S"
#: The made-up file name a server database's backups are named after (``server_anchor``).
SERVER_SUFFIX = ".postgresql"


class BackupKind(StrEnum):
    """Why a backup was taken; the value is the end of its file name."""

    MANUAL = ""
    DAILY = "diaria"
    MIGRATION = "antes-de-actualizar"
    IMPORT = "antes-de-importar"
    RESTORE = "antes-de-restaurar"
    #: A restore's safety copy of a database that failed its check: kept, never rotated.
    DAMAGED = "antes-de-restaurar-danada"

    @property
    def label(self) -> str:
        return _(_LABELS[self])

    @property
    def automatic(self) -> bool:
        """Taken by TalentDesk on its own, so rotated; manual and damaged copies never are."""
        return self not in (BackupKind.MANUAL, BackupKind.DAMAGED)


_LABELS = {
    BackupKind.MANUAL: N_("manual"),
    BackupKind.DAILY: N_("diaria"),
    BackupKind.MIGRATION: N_("antes de actualizar el esquema"),
    BackupKind.IMPORT: N_("antes de importar"),
    BackupKind.RESTORE: N_("antes de restaurar"),
    BackupKind.DAMAGED: N_("antes de restaurar (base dañada)"),
}


class DamagedCopyError(DatabaseError):
    """The copy failed its check: the live database it came from is damaged."""


def require_file(engine: Engine) -> Path:
    path = sqlite_path(engine)
    if path is None:
        raise DatabaseError(
            _(
                "Las copias de seguridad integradas son para bases de datos SQLite; para un servidor "
                "use sus herramientas (p. ej. pg_dump)."
            )
        )
    return path


def _suffix(kind: BackupKind, detail: str) -> str:
    if kind is BackupKind.MIGRATION and detail:
        return f"-antes-de-{detail}"  # the revision it was taken before (name kept since 0001)
    return f"-{kind.value}" if kind.value else ""


def server_anchor(engine: Engine) -> Path | None:
    """What a server database's backups are named after, as a SQLite file's are after the file:
    ``<data folder>/servidores/<host>-<port>/<database>.postgresql`` (never a real file), so
    they live in ``…/servidores/<host>-<port>/backups/<database>-<stamp>[-kind].dump``. None for
    a SQLite engine."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        return None
    host = str(url.host or url.query.get("host") or "local").replace("/", "_")
    server = _safe_name(f"{host}-{url.port or 5432}")
    return data_dir() / "servidores" / server / f"{_safe_name(url.database or 'postgres')}{SERVER_SUFFIX}"


def _safe_name(text: str) -> str:
    return re.sub(r"[^\w.-]", "_", text)[:100] or "_"


def backup_anchor(engine: Engine) -> Path | None:
    """The SQLite file, or a server database's ``server_anchor`` (None: in-memory SQLite)."""
    return sqlite_path(engine) or server_anchor(engine)


def _extension(anchor: Path) -> str:
    return ".dump" if anchor.suffix == SERVER_SUFFIX else ".sqlite"


def new_backup_path(db_file: Path, kind: BackupKind = BackupKind.MANUAL, detail: str = "") -> Path:
    """A new name in backups/: never one that exists (two backups in the same second)."""
    stamp = datetime.now().strftime(STAMP)
    folder = backups_dir_for(db_file)
    suffix = _suffix(kind, detail)
    ext = _extension(db_file)
    target = folder / f"{db_file.stem}-{stamp}{suffix}{ext}"
    n = 2
    while target.exists():
        target = folder / f"{db_file.stem}-{stamp}-{n}{suffix}{ext}"
        n += 1
    return target


def default_backup_path(engine: Engine) -> Path:
    return new_backup_path(require_file(engine))


def backup_sqlite(
    engine: Engine,
    target: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    damaged_target: Path | None = None,
) -> Path:
    """Copy the live database to ``target`` page by page, verify it, then rename it into place.

    A failed copy leaves no file. A copy that fails its check means the source is damaged:
    DamagedCopyError, and no file, unless ``damaged_target`` says where to keep it anyway (a
    restore keeps what it replaces, whatever its state); that path is then returned.
    """
    source = require_file(engine)
    target = target.expanduser().resolve()
    if target == source:
        raise DatabaseError(_("La copia de seguridad no puede sobrescribir la propia base de datos."))
    tmp = target.with_name(target.name + ".partial")
    try:
        make_private_dir(target.parent)
        tmp.unlink(missing_ok=True)  # left by a killed backup
        create_private_file(tmp)
        _copy(source, tmp, progress)
        if quick_check(tmp):
            if damaged_target is None:
                raise DamagedCopyError(
                    _(
                        "La base de datos «{source}» está dañada: su copia no pasó la verificación y no se guardó. Restaure una copia de seguridad anterior (talentdesk db backups)."
                    ).format(source=source)
                )
            target = damaged_target
        os.replace(tmp, target)
    except DatabaseError:
        _discard(tmp)
        raise
    except (OSError, sqlite3.Error) as exc:
        _discard(tmp)  # the reason it failed (a name too long…) may make this fail too
        raise DatabaseError(
            _("No se pudo escribir la copia de seguridad en «{target}»: {spanish_reason}.").format(
                target=target, spanish_reason=spanish_reason(exc)
            )
        ) from exc
    return target


def _discard(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        tmp.unlink(missing_ok=True)


def _copy(source: Path, tmp: Path, progress: Callable[[int, int], None] | None) -> None:
    def step(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(total - remaining, total)

    with (
        contextlib.closing(sqlite3.connect(source, timeout=5)) as src,
        contextlib.closing(sqlite3.connect(tmp)) as dst,
    ):
        src.backup(dst, pages=4096, progress=step)
        dst.execute("PRAGMA journal_mode=DELETE")  # a standalone file: no -wal needed


def quick_check(path: Path) -> list[str]:
    """``PRAGMA quick_check`` of a file opened read-only: empty when it is sound."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
            result = [str(r[0]) for r in con.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        return [spanish_reason(exc)]
    return [] if result == ["ok"] else result


def automatic_backup(
    engine: Engine,
    kind: BackupKind,
    detail: str = "",
    *,
    progress: Callable[[int, int], None] | None = None,
    keep: Path | None = None,
    rotate: bool = True,
) -> Path | None:
    """Take an automatic backup into backups/ and rotate the old ones; None for a server.

    A restore's safety copy is kept even when the database is damaged (as a DAMAGED copy);
    ``keep`` is never rotated away (the backup a restore is about to read). ``rotate=False``:
    the caller rotates later (``rotate_backups``), once it knows the copy is kept.
    """
    db_file = sqlite_path(engine)
    if db_file is None:
        return None
    from talentdesk.db.retention import prune, read_retention

    damaged = new_backup_path(db_file, BackupKind.DAMAGED) if kind is BackupKind.RESTORE else None
    written = backup_sqlite(
        engine,
        new_backup_path(db_file, kind, detail),
        progress=progress,
        damaged_target=damaged,
    )
    if rotate:
        prune(db_file, read_retention(engine), keep={keep} if keep is not None else set())
    return written


def rotate_backups(engine: Engine, *, keep: Path | None = None) -> None:
    """Remove the automatic backups the retention rule no longer keeps (a server database's
    too: its safety copies before a restore)."""
    db_file = backup_anchor(engine)
    if db_file is not None:
        from talentdesk.db.retention import prune, read_retention

        prune(db_file, read_retention(engine), keep={keep} if keep is not None else set())


def backup_before_import(engine: Engine) -> Path | None:
    """Called by the import (CLI and wizard) right before it writes: a rotated automatic backup.

    The importing session already holds the write lock, so the copy is exactly the state the
    import starts from.
    """
    return automatic_backup(engine, BackupKind.IMPORT)


def daily_backup_due(db_file: Path, today: date | None = None) -> bool:
    """No daily backup of ``db_file`` was taken today."""
    today = today or date.today()
    return not any(
        b.kind is BackupKind.DAILY and b.taken_at.date() == today for b in list_backups(db_file, counts=False)
    )


def read_backup_header(path: Path) -> bytes:
    """The first bytes of a backup file (as many as a SQLite header), or a Spanish refusal when
    it is missing or unreadable: what tells a SQLite copy from a pg_dump before restoring."""
    try:
        if not path.is_file():
            raise DatabaseError(_("No existe el archivo de respaldo «{path}».").format(path=path))
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(
            _("No se puede leer «{path}»: {spanish_reason}.").format(
                path=path, spanish_reason=spanish_reason(exc)
            )
        ) from exc


def validate_backup_file(path: Path) -> None:
    """A restore source must be a readable, intact SQLite file."""
    if read_backup_header(path) != SQLITE_HEADER:
        raise DatabaseError(
            _("«{path}» no es una copia de seguridad de TalentDesk (no es SQLite).").format(path=path)
        )
    problems = quick_check(path)
    if problems:
        raise DatabaseError(
            _("La copia de seguridad «{path}» está dañada ({problems}).").format(
                path=path, problems=problems[0]
            )
        )


def check_restore_source(source_file: Path) -> None:
    """Everything that can refuse a restore, checked without touching the live database."""
    source_file = source_file.expanduser().resolve()
    validate_backup_file(source_file)
    from talentdesk.db.engine import make_engine
    from talentdesk.db.migrate import check_schema

    probe = make_engine(source_file, create=False, read_only=True)
    try:
        if check_schema(probe) is None:
            raise DatabaseError(
                _("«{source_file}» no es una copia de seguridad de TalentDesk.").format(
                    source_file=source_file
                )
            )
    finally:
        probe.dispose()


# -- the catalogue of backups beside a database ---------------------------------------------------


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    kind: BackupKind
    size: int
    members: int | None = None  # None: not counted, or the file cannot be read
    events: int | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "taken_at": self.taken_at.isoformat(timespec="seconds"),
            "kind": self.kind.name.lower(),
            "kind_label": self.kind.label,
            "size": self.size,
            "members": self.members,
            "events": self.events,
        }


_NAME = re.compile(r"(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?(?:-(?P<suffix>[\w-]+))?\.(?:sqlite|dump)")


def _kind_of(suffix: str | None) -> BackupKind | None:
    if not suffix:
        return BackupKind.MANUAL
    for kind in BackupKind:
        if kind.value and suffix == kind.value:
            return kind  # DAMAGED before MIGRATION's "antes-de-<revision>" below
    if suffix.startswith("antes-de-"):
        return BackupKind.MIGRATION
    return None


def kind_of_path(path: Path) -> BackupKind | None:
    """The kind a backup file's name says (None: not a name TalentDesk gives)."""
    match = _NAME.search(path.name)
    return _kind_of(match.group("suffix")) if match else None


def list_backups(db_file: Path, *, counts: bool = True) -> list[BackupInfo]:
    """The backups of ``db_file`` in its backups/ folder, newest first."""
    folder = backups_dir_for(db_file)
    if not folder.is_dir():
        return []
    prefix = f"{db_file.stem}-"
    ext = _extension(db_file)
    found: list[tuple[tuple[int, int], BackupInfo]] = []
    for path in folder.iterdir():
        if not path.name.startswith(prefix) or not path.name.endswith(ext) or not path.is_file():
            continue
        match = _NAME.fullmatch(path.name[len(prefix) :])
        kind = _kind_of(match.group("suffix")) if match else None
        if match is None or kind is None:
            continue
        taken = datetime.strptime(match.group("stamp"), STAMP)
        info = BackupInfo(path, taken, kind, path.stat().st_size)
        order = (
            int(match.group("n") or 1),
            path.stat().st_mtime_ns,
        )  # -2 came after its twin
        found.append((order, _with_counts(info) if counts else info))
    found.sort(key=lambda item: (item[1].taken_at, item[0]), reverse=True)
    return [info for _order, info in found]


def _with_counts(info: BackupInfo) -> BackupInfo:
    if info.path.suffix != ".sqlite":
        return info  # a pg_dump file is counted only by restoring it
    try:
        with contextlib.closing(sqlite3.connect(f"file:{info.path}?mode=ro", uri=True)) as con:
            members = int(con.execute("SELECT count(*) FROM members").fetchone()[0])
            try:
                events: int | None = int(con.execute("SELECT count(*) FROM events").fetchone()[0])
            except sqlite3.OperationalError:  # a copy from before the Jornadas (schema 0001)
                events = None
    except sqlite3.Error:
        return info
    return BackupInfo(info.path, info.taken_at, info.kind, info.size, members, events)


def newest_good_backup(db_file: Path) -> BackupInfo | None:
    """The newest backup that still passes quick_check (what to offer when the file is damaged)."""
    for info in list_backups(db_file, counts=False):
        if not quick_check(info.path):
            return _with_counts(info)
    return None
