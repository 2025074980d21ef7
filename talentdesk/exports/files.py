"""What every export shares: where it writes, how it reports progress, how it stops.

An export is a plain function ``export_x(sessions, selection, out_path, *, options...,
progress=None, abort=None) -> ExportResult``. It writes to a temporary file beside the target
and renames it over the target only when everything went well, so a cancelled or failed export
leaves no file behind and never replaces a good file with a broken one.
"""

from __future__ import annotations

import errno
import os
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from talentdesk.core.errors import TalentDeskError

Progress = Callable[[int, int], None]


class ExportCancelled(TalentDeskError):
    def __init__(self) -> None:
        super().__init__("Exportación cancelada: no se escribió ningún archivo.")


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
    if abort is not None and abort.is_set():
        raise ExportCancelled()


#: The OS's reason for the common failures, in Spanish: the OS writes it in English.
_REASONS = {
    errno.EACCES: "permiso denegado",
    errno.EPERM: "operación no permitida",
    errno.ENOSPC: "no hay espacio en el disco",
    errno.EISDIR: "es una carpeta",
    errno.ENOTDIR: "una parte de la ruta no es una carpeta",
    errno.ENOENT: "no existe el archivo o la carpeta",
    errno.EROFS: "el disco es de solo lectura",
    errno.EEXIST: "ya existe",
    errno.ENOTEMPTY: "la carpeta no está vacía",
    errno.EBUSY: "el archivo está en uso",
    errno.ENAMETOOLONG: "el nombre es demasiado largo",
    errno.EIO: "error de lectura o escritura en el disco",
}


def os_reason(exc: OSError) -> str:
    """Why an OS call failed, in Spanish for the common cases; otherwise the OS's own text
    (the message still says in Spanish what could not be done)."""
    known = _REASONS.get(exc.errno) if exc.errno is not None else None
    return known or exc.strerror or str(exc)


@contextmanager
def atomic_output(target: Path | str, *, suffix: str | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``."""
    target = Path(target).expanduser()
    if target.is_dir():
        raise TalentDeskError(f"«{target}» es una carpeta: indique un nombre de archivo.")
    if suffix and target.suffix.lower() != suffix:
        raise TalentDeskError(f"El archivo «{target.name}» debe terminar en {suffix}.")
    folder = target.parent.resolve()
    if not folder.is_dir():
        raise TalentDeskError(f"No existe la carpeta «{folder}».")
    if not os.access(folder, os.W_OK):
        raise TalentDeskError(f"No se puede escribir en la carpeta «{folder}».")
    temp = folder / f".{target.name}.{uuid.uuid4().hex[:8]}.partial"
    try:
        yield temp
        os.replace(temp, folder / target.name)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise TalentDeskError(f"No se pudo escribir «{target}»: {os_reason(exc)}.") from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
