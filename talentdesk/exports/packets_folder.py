"""One packet per participant in a folder, all or nothing.

Every file is written into a private work folder beside the target (``files.work_folder``) and
moved in only when every file succeeded; then the move itself is all or nothing (files of the
same name are moved aside first and put back if any move fails). Files of the same name are
replaced, other files in the folder are left alone.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from talentdesk.core.errors import TalentDeskError
from talentdesk.core.oserrors import os_reason
from talentdesk.exports.files import Progress, check_abort, output_mode, work_folder
from talentdesk.exports.packets_data import PacketPerson

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
MAX_STEM = 120


def packet_file_name(person: PacketPerson) -> str:
    """'JI27-0001 Peña Núñez, Ximena.pdf': readable, sorted by code, no path separators or
    characters Windows refuses, not too long."""
    stem = _UNSAFE.sub(" ", f"{person.code} {person.sorted_name}")
    stem = " ".join(stem.split()).replace(" ,", ",").strip(" .")[:MAX_STEM].rstrip(" .")
    stem = stem or f"participante-{person.id}"
    return f"{stem}.pdf"


def unique_names(people: Sequence[PacketPerson]) -> list[str]:
    """Each person's :func:`packet_file_name`, with " (2)", " (3)"… where two would be the same
    file (regardless of case, as on Windows and macOS)."""
    seen: set[str] = set()
    out = []
    for person in people:
        name = packet_file_name(person)
        stem, n = name[:-4], 2
        while name.casefold() in seen:
            name = f"{stem} ({n}).pdf"
            n += 1
        seen.add(name.casefold())
        out.append(name)
    return out


def check_folder_target(target: Path) -> None:
    """A Spanish error before anything is written if ``target`` cannot be the packets' folder."""
    if target.exists() and not target.is_dir():
        raise TalentDeskError(
            f"«{target}» ya existe y no es una carpeta: para un archivo por participante indique una carpeta."
        )
    if not target.exists() and target.suffix.lower() == ".pdf":
        raise TalentDeskError(
            f"«{target.name}» parece un archivo: para un archivo por participante indique una carpeta "
            "(o use un solo PDF con todos los paquetes)."
        )
    parent = target.parent.resolve()
    if not parent.is_dir():
        raise TalentDeskError(f"No existe la carpeta «{parent}».")
    if not os.access(parent, os.W_OK):
        raise TalentDeskError(f"No se puede escribir en la carpeta «{parent}».")
    if target.is_dir() and not os.access(target, os.W_OK):
        raise TalentDeskError(f"No se puede escribir en la carpeta «{target}».")


def write_folder(
    target: Path,
    names: Sequence[str],
    write: Callable[[int, Path], None],
    progress: Progress | None,
    abort: threading.Event | None,
) -> None:
    """``write(i, path)`` writes file ``names[i]``; every file goes into a private work folder
    beside ``target`` (``files.work_folder``) and is moved in only when all succeeded, and then
    all or nothing (:func:`_move_in`). The work folder is always removed, unless it holds old
    files that could not be put back (the error says where)."""
    parent = target.parent.resolve()
    total = len(names)
    try:
        with work_folder(parent) as work:
            temp = work.path
            for done, name in enumerate(names):
                check_abort(abort)
                write(done, temp / name)
                os.chmod(temp / name, output_mode())
                if progress is not None:
                    progress(done + 1, total)
            check_abort(abort)
            try:
                _move_in(temp, target, names)
            except _OldFilesKept:
                work.keep()
                raise
    except TalentDeskError:  # Cancelled too
        raise
    except OSError as exc:
        raise TalentDeskError(f"No se pudo escribir en «{target}»: {os_reason(exc)}.") from exc


_OLD_FILES = "archivos-anteriores"  # inside the temporary folder; never a packet's name (.pdf)


class _OldFilesKept(TalentDeskError):
    """A failed move whose old files could not all be put back: they stay in the temporary folder."""


def _move_in(temp: Path, target: Path, names: Sequence[str]) -> None:
    """Move the written files ``names`` from ``temp`` into ``target``, all or nothing.

    Every name is checked first (a folder of that name in the way is an error before anything
    moves); files of the same name are moved aside into ``temp``, then the new ones moved in.
    If any move fails, the new files are taken out again and the old ones put back, so the
    folder is as it was; ``target`` is removed again if this made it.
    """
    in_the_way = [name for name in names if (target / name).is_dir() and not (target / name).is_symlink()]
    if in_the_way:
        raise TalentDeskError(
            f"En «{target}» hay una carpeta llamada «{in_the_way[0]}», el nombre de uno de los "
            "paquetes: cámbiele el nombre o quítela. No se guardó ningún archivo."
        )
    made = not target.exists()
    target.mkdir(exist_ok=True)
    aside = temp / _OLD_FILES
    moved_aside: list[str] = []
    moved_in: list[str] = []
    try:
        aside.mkdir()
        for name in names:
            if os.path.lexists(target / name):
                os.replace(target / name, aside / name)
                moved_aside.append(name)
        for name in names:
            os.replace(temp / name, target / name)
            moved_in.append(name)
    except BaseException:
        _move_back(target, aside, moved_in, moved_aside, made)
        raise


def _move_back(target: Path, aside: Path, moved_in: list[str], moved_aside: list[str], made: bool) -> None:
    """Undo a partial ``_move_in``: take the new files out, put the old ones back."""
    for name in moved_in:
        with contextlib.suppress(OSError):
            (target / name).unlink()
    lost = []
    for name in moved_aside:
        try:
            os.replace(aside / name, target / name)
        except OSError:
            lost.append(name)
    if made and not lost:
        with contextlib.suppress(OSError):
            target.rmdir()
    if lost:
        raise _OldFilesKept(
            f"No se pudieron guardar los paquetes en «{target}» ni devolver {len(lost)} archivo(s) "
            f"que ya estaban ahí (por ejemplo «{lost[0]}»): están en «{aside}». Cópielos de vuelta "
            "antes de borrar esa carpeta."
        )
