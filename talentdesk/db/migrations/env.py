"""Alembic environment: always run online on the connection TalentDesk hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from talentdesk.core.models import Base

config = context.config
connection = config.attributes.get("connection")


def run(conn: object) -> None:
    context.configure(
        connection=conn,  # type: ignore[arg-type]
        target_metadata=Base.metadata,
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
