"""The one abort-and-progress protocol of long work (services, exports, imports, operations).

Work functions receive a :class:`Job`: they call ``check()`` between batches (it raises
:class:`~talentdesk.core.errors.Cancelled` once the person asked to stop) and report
``progress(done, total, text)``. The GUI's task and the CLI both hand one in; nothing here
knows about Qt.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from talentdesk.core.errors import Cancelled

ProgressFn = Callable[[int, int, str], None]


def check_abort(abort: threading.Event | None, message: str | None = None) -> None:
    """Raise :class:`Cancelled` (saying ``message``: what was cancelled, and that nothing was
    kept) once ``abort`` is set. Every cancellable loop of every layer checks this way."""
    if abort is not None and abort.is_set():
        raise Cancelled() if message is None else Cancelled(message)


class Job:
    def __init__(self, on_progress: ProgressFn | None = None, abort: threading.Event | None = None) -> None:
        self.abort = abort if abort is not None else threading.Event()
        self._on_progress = on_progress

    def progress(self, done: int, total: int, text: str = "") -> None:
        if self._on_progress is not None:
            self._on_progress(done, total, text)

    def check(self) -> None:
        check_abort(self.abort)

    def cancel(self) -> None:
        self.abort.set()

    @property
    def cancelled(self) -> bool:
        return self.abort.is_set()


#: For callers with nothing to report to and nothing that cancels.
def quiet() -> Job:
    return Job()
