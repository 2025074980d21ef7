"""Who else can read a local database: a file others may open, or one in a network folder.

TalentDesk creates its files private (``db/files.py``), but a file copied with ``cp`` or put in a
shared folder is not, and SQLite on a network share is both readable by others and unsafe (its
locks are not reliable there). Issue 16: "the app says so if the folder is shared". Opening is
never refused for it — the person is told, and offered to make the file private when it can be.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from talentdesk.core.i18n import _
from talentdesk.db.files import FILE_MODE
from talentdesk.db.paths import backups_dir_for

#: File systems whose folders other computers reach (Linux names, from /proc/self/mountinfo).
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "fuse.sshfs",
        "sshfs",
        "afs",
        "ceph",
        "glusterfs",
        "fuse.glusterfs",
        "davfs",
        "fuse.davfs2",
        "9p",
        "fuse.rclone",
    }
)
COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Exposure:
    path: Path
    mode: int  # the file's permission bits
    network: str | None  # the file system's type when the folder is on another computer

    @property
    def readable_by_others(self) -> bool:
        return bool(self.mode & 0o077)

    @property
    def fixable(self) -> bool:
        """Making the file private helps: it is ours and not on a network folder."""
        return self.network is None and self.readable_by_others

    def message(self) -> str:
        if self.network is not None:
            return _(
                "La base de datos «{path}» está en una carpeta de red ({fs}): otras personas y computadoras pueden leerla, y SQLite no es seguro allí (dos estaciones pueden dañarla). Guárdela en esta computadora o use un servidor de la oficina (Archivo → Conectar a servidor…)."
            ).format(path=self.path, fs=self.network)
        return _(
            "La base de datos «{path}» la pueden leer otros usuarios de esta computadora (permisos {mode:o}; deberían ser 600: sólo usted). Contiene datos personales."
        ).format(path=self.path, mode=self.mode)


def _mount_type(path: Path, mountinfo: Path) -> str | None:
    """The file system type of the mount holding ``path`` (the longest matching mount point)."""
    try:
        lines = mountinfo.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None  # not Linux: no answer, no warning
    best, best_type = "", None
    target = str(path)
    for line in lines:
        fields = line.split()
        if " - " not in line or len(fields) < 5:
            continue
        point = fields[4].replace("\\040", " ")
        after = line.split(" - ", 1)[1].split()
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best) and after:
            best, best_type = point, after[0]
    return best_type


def exposure(db_file: Path, *, mountinfo: Path = Path("/proc/self/mountinfo")) -> Exposure | None:
    """None when only its owner can read ``db_file`` on a local disk; else what is exposed."""
    try:
        resolved = db_file.resolve()
        mode = stat.S_IMODE(resolved.stat().st_mode)
    except OSError:
        return None
    fs = _mount_type(resolved, mountinfo)
    network = fs if fs in NETWORK_FILESYSTEMS else None
    if network is None and not mode & 0o077:
        return None
    return Exposure(resolved, mode, network)


def make_private(db_file: Path) -> list[Path]:
    """chmod 600 the database, its SQLite companions and its backups; the files changed.

    Only files this user owns are changed (chmod on another's file fails anyway)."""
    changed = []
    candidates = [db_file, *(db_file.with_name(db_file.name + s) for s in COMPANIONS)]
    backups = backups_dir_for(db_file)
    if backups.is_dir():
        candidates += sorted(p for p in backups.iterdir() if p.is_file())
    for path in candidates:
        try:
            info = path.stat()
        except OSError:
            continue
        if info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) != FILE_MODE:
            path.chmod(FILE_MODE)
            changed.append(path)
    if backups.is_dir() and backups.stat().st_uid == os.getuid():
        backups.chmod(0o700)
    return changed
