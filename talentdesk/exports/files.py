"""What every export shares: where it writes, how it reports progress, how it stops.

An export is a plain function ``export_x(sessions, selection, out_path, *, options...,
progress=None, abort=None) -> ExportResult``. It writes into a private work folder beside the
target and renames the file over the target only when everything went well, so a cancelled or
failed export leaves no file behind and never replaces a good file with a broken one; nothing is
written to the shared system temp folder, and the finished file is readable by its owner only
unless the person chose otherwise. ``os_reason`` (from ``core.oserrors``) says why in Spanish.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from talentdesk.core import jobs
from talentdesk.core.errors import TalentDeskError
from talentdesk.core.oserrors import as_os_error, os_reason

try:
    import fcntl
except ImportError:  # Windows: abandoned work folders are recognised by age instead
    fcntl = None  # type: ignore[assignment]

Progress = Callable[[int, int], None]


#: What a cancelled export says (a ``core.errors.Cancelled``: calm, never an error box).
CANCELLED = "Exportación cancelada: no se escribió ningún archivo."


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int  # records written (members, participants, badges, pages… as the export says)
    #: Spanish lines the user should read although the file was written (e.g. texts the PDF
    #: font cannot draw and will print as boxes).
    warnings: tuple[str, ...] = ()
    #: The members whose data is in the file, for the export log (``services.export_log``);
    #: event documents give the participants instead (``exports.registry`` finds their members).
    member_ids: Sequence[int] = field(default=(), compare=False)
    participant_ids: Sequence[int] = field(default=(), compare=False)
    #: How many people the file holds (members and guests); None: as many as ``rows``.
    people: int | None = None


def check_abort(abort: threading.Event | None) -> None:
    jobs.check_abort(abort, CANCELLED)


#: Who may read a finished export: only the account that wrote it — exports hold personal
#: data (LFPDPPP) — unless the person asks otherwise for one export (``ExportRequest.shared``:
#: the other accounts of the computer may read it too).
PRIVATE_MODE, SHARED_MODE = 0o600, 0o644
_shared: ContextVar[bool] = ContextVar("talentdesk_shared_export", default=False)

#: The private work folders beside a target: ``.talentdesk-XXXXXXXX.partial``.
_WORK_PREFIX, _WORK_SUFFIX = ".talentdesk-", ".partial"
_LOCK, _KEEP = ".en-uso", ".conservar"
#: Without file locks (Windows) a work folder this old is taken for abandoned.
_ABANDONED_AFTER = 24 * 3600


@contextmanager
def shared_output(shared: bool) -> Iterator[None]:
    """Within this block, the exports written are readable by other accounts if ``shared``."""
    token = _shared.set(shared)
    try:
        yield
    finally:
        _shared.reset(token)


def output_mode() -> int:
    """The permissions a finished export gets (see ``PRIVATE_MODE``)."""
    return SHARED_MODE if _shared.get() else PRIVATE_MODE


class WorkFolder:
    """A folder only this account can enter (0700), beside the target (same disk, so the final
    rename is atomic; never the shared system temp folder), locked while in use."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.kept = False

    def keep(self) -> None:
        """Leave the folder in place at the end (it holds files the person must recover)."""
        (self.path / _KEEP).touch()
        self.kept = True


@contextmanager
def work_folder(parent: Path) -> Iterator[WorkFolder]:
    """A ``WorkFolder`` in ``parent``, removed at the end with whatever is in it (unless kept).

    A process killed meanwhile (kill -9, power cut) leaves its folder behind, private; the next
    export into ``parent`` removes it once its lock is free, i.e. once no process uses it."""
    _remove_abandoned(parent)
    path = Path(tempfile.mkdtemp(prefix=_WORK_PREFIX, suffix=_WORK_SUFFIX, dir=parent))
    lock: int | None = None
    folder = WorkFolder(path)
    try:
        lock = _hold(path)
        yield folder
    finally:
        if lock is not None:
            os.close(lock)  # releases the lock
        if not folder.kept:
            shutil.rmtree(path, ignore_errors=True)


def _hold(path: Path) -> int | None:
    if fcntl is None:
        return None
    fd = os.open(path / _LOCK, os.O_CREAT | os.O_RDWR, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def _remove_abandoned(parent: Path) -> None:
    try:
        entries = [
            e for e in os.scandir(parent) if e.name.startswith(_WORK_PREFIX) and e.name.endswith(_WORK_SUFFIX)
        ]
    except OSError:
        return
    for entry in entries:
        path = Path(entry.path)
        with contextlib.suppress(OSError):
            if entry.is_dir(follow_symlinks=False) and not (path / _KEEP).exists() and _abandoned(path):
                shutil.rmtree(path, ignore_errors=True)


def _abandoned(path: Path) -> bool:
    """No process holds the folder's lock (or, without locks, it is old)."""
    old = time.time() - path.stat().st_mtime > _ABANDONED_AFTER
    if fcntl is None:
        return old
    try:
        fd = os.open(path / _LOCK, os.O_RDWR)
    except FileNotFoundError:
        return old  # being set up right now, or from a crash before its lock existed
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # in use
    finally:
        os.close(fd)
    return True


@contextmanager
def atomic_output(target: Path | str, *, suffix: str | None = None) -> Iterator[Path]:
    """Yield a temporary path, in a private work folder beside ``target``; on success it
    replaces ``target`` with the permissions of ``output_mode()``. Whatever happens the work
    folder goes, with everything an export wrote in it (spreadsheet rows spilled to disk too)."""
    target = Path(target).expanduser()
    size = len(os.fsencode(target.name))
    if size > 255:
        raise TalentDeskError(
            f"No se puede escribir «{target.name[:40]}…»: el nombre del archivo es demasiado largo "
            f"({size} bytes; máximo 255)."
        )
    try:
        if target.is_dir():
            raise TalentDeskError(f"«{target}» es una carpeta: indique un nombre de archivo.")
        if suffix and target.suffix.lower() != suffix:
            raise TalentDeskError(f"El archivo «{target.name}» debe terminar en {suffix}.")
        folder = target.parent.resolve()
        if not folder.is_dir():
            raise TalentDeskError(f"No existe la carpeta «{folder}».")
        if not os.access(folder, os.W_OK):
            raise TalentDeskError(f"No se puede escribir en la carpeta «{folder}».")
    except OSError as exc:
        raise TalentDeskError(f"No se puede escribir «{target}»: {os_reason(exc)}.") from exc
    try:
        with work_folder(folder) as work:
            temp = work.path / f"exportacion{target.suffix}"  # short: the target's name may be long
            os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_MODE))
            yield temp
            os.chmod(temp, output_mode())
            os.replace(temp, folder / target.name)
    except TalentDeskError:
        raise
    except BaseException as exc:
        failure = as_os_error(exc)
        if failure is None:
            raise
        raise TalentDeskError(f"No se pudo escribir «{target}»: {os_reason(failure)}.") from exc
