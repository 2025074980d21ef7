"""Other workstations' changes reach the open window (PostgreSQL LISTEN/NOTIFY, issue 16).

A thread listens (``db/notifications.py``); what it hears is gathered for ``DEBOUNCE_MS`` —
an import elsewhere is one refresh, not a thousand — and broadcast through ``ctx.notify`` as the
window's own edits are, so every area refreshes exactly what it shows of those tables.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal

from talentdesk.db import notifications
from talentdesk.ops import Changes
from talentdesk.ui.context import AppContext

DEBOUNCE_MS = 400


class RemoteChanges(QObject):
    heard = Signal(object)  # set[str], from the listening thread (queued to this one)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.pending: set[str] = set()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self._broadcast)
        self.heard.connect(self._gather)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        if notifications.supported(ctx.db.engine):
            self._thread = threading.Thread(
                target=notifications.listen,
                args=(ctx.db.engine, self.heard.emit, self._stop),
                name="td-listen",
                daemon=True,
            )
            self._thread.start()

    @property
    def listening(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _gather(self, tables: set[str]) -> None:
        self.pending |= tables
        if not self.timer.isActive():
            self.timer.start()

    def _broadcast(self) -> None:
        tables, self.pending = self.pending, set()
        changes = Changes.from_tables(tables)
        if changes:
            self.ctx.notify(changes)

    def stop(self) -> None:
        """Before the database closes (the listener holds a connection of its own)."""
        self._stop.set()
        self.timer.stop()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
