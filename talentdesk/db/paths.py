"""Where the default database and its backups live (platformdirs)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "TalentDesk"


def data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False, ensure_exists=True)


def default_db_path() -> Path:
    return data_dir() / "talentdesk.sqlite"


def backups_dir_for(db_file: Path) -> Path:
    return db_file.parent / "backups"


#: A preview folder older than this was left by a window that did not close (killed, crashed).
STALE_PREVIEW_SECONDS = 24 * 3600


def previews_dir() -> Path:
    """The private folder (0700, in the user's data folder) where export previews are rendered:
    a preview holds personal data, so it never goes to the shared system temp folder. Folders a
    killed window left behind are removed here, once they are a day old."""
    folder = data_dir() / "previews"
    folder.mkdir(mode=0o700, exist_ok=True)
    folder.chmod(0o700)
    cutoff = time.time() - STALE_PREVIEW_SECONDS
    for old in folder.iterdir():
        try:
            if old.stat().st_mtime >= cutoff:
                continue
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink()
        except OSError:
            continue  # another window is removing it, or it is not ours to remove
    return folder
