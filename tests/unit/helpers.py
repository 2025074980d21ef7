"""Small shared helpers for the unit tests (not a test module)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from talentdesk.core.models import Member
from talentdesk.services.members import create_member


def add(session: Session, given: str, paternal: str, maternal: str | None = None, **values: Any) -> Member:
    return create_member(
        session, {"given_names": given, "paternal_surname": paternal, "maternal_surname": maternal, **values}
    )


def revision_of(path: Path) -> str | None:
    con = sqlite3.connect(path)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        con.close()
    return row[0] if row else None


def sql_scalar(path: Path, sql: str) -> Any:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()
