"""Where the default database and its backups live (platformdirs)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "TalentDesk"


def data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False, ensure_exists=True)


def default_db_path() -> Path:
    return data_dir() / "talentdesk.sqlite"


def backups_dir_for(db_file: Path) -> Path:
    return db_file.parent / "backups"
