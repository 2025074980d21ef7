"""Files that hold personal data are created private (0600; folders 0700), whatever the umask.

SQLite gives a database's -wal, -shm and -journal files the permissions of the database file
itself, so a database created 0600 keeps its companions private too.
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def create_private_file(path: Path) -> None:
    """Create ``path`` empty and 0600; FileExistsError if it is already there (never clobbers)."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
    os.close(fd)


def make_private_dir(path: Path) -> None:
    """Create ``path`` (and missing parents) if needed; a folder this makes is 0700."""
    if path.is_dir():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        path.mkdir(mode=DIR_MODE)
    except FileExistsError:
        return
