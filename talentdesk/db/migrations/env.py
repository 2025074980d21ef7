"""Alembic environment: always run online on the connection TalentDesk hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import talentdesk.core.events  # (registers the event tables on Base.metadata)
import talentdesk.core.programs  # noqa: F401  (registers the linkage tables on Base.metadata)
from talentdesk.core.models import Base

config = context.config
connection = config.attributes.get("connection")


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Autogenerate must not touch the FTS5 index (a virtual table and its shadow tables)."""
    return not (type_ == "table" and name is not None and name.startswith("member_fts"))


def run(conn: object) -> None:
    context.configure(
        connection=conn,  # type: ignore[arg-type]
        target_metadata=Base.metadata,
        include_object=include_object,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    run(connection)
else:  # `alembic` command line, for developers writing a new revision
    url = config.get_main_option("sqlalchemy.url") or "sqlite:///dev-migrations.sqlite"
    with create_engine(url).begin() as conn:
        run(conn)
