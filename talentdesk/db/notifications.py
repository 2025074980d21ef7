"""Listening for other workstations' changes on PostgreSQL (``db/change_notices.py`` sends them).

``listen`` blocks on its own connection (LISTEN needs one that stays open and outside the pool)
until ``stop`` is set, and hands over the tables others changed, a batch per ``wait_s``. A lost
connection (the server restarted, the network dropped) is opened again every ``retry_s``; the
window goes on meanwhile and refreshes on its own edits as always.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import Engine

from talentdesk.db.change_notices import CHANNEL
from talentdesk.db.engine import CONNECT_TIMEOUT_S, sender_name


def supported(engine: Engine) -> bool:
    return engine.url.get_backend_name() == "postgresql"


def listen(
    engine: Engine,
    deliver: Callable[[set[str]], None],
    stop: threading.Event,
    *,
    wait_s: float = 0.5,
    retry_s: float = 5.0,
) -> None:
    """Call ``deliver(tables)`` with the tables other connections changed, until ``stop``."""
    import psycopg

    url = engine.url
    own = sender_name(engine)
    while not stop.is_set():
        try:
            with psycopg.connect(
                host=url.host,
                port=url.port,
                dbname=url.database,
                user=url.username,
                password=url.password,
                connect_timeout=CONNECT_TIMEOUT_S,
                application_name="talentdesk listener",
                autocommit=True,
            ) as conn:
                conn.execute(f"LISTEN {CHANNEL}")
                while not stop.is_set():
                    tables: set[str] = set()
                    for notice in conn.notifies(timeout=wait_s):
                        table, _sep, sender = notice.payload.partition(" ")
                        if sender != own:
                            tables.add(table)
                    if tables:
                        deliver(tables)
        except psycopg.OperationalError:
            stop.wait(retry_s)
