"""Run work off the GUI thread and hand the result back on it (Anki's QueryOp idea, small).

The work function gets no widget: it opens its own session from the factory it is given.
Results and errors come back through a queued signal, so slots run on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Bridge(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], bridge: _Bridge) -> None:
        super().__init__()
        self.work = work
        self.bridge = bridge

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # delivered to the GUI thread, shown to the user there
            self.bridge.failed.emit(exc)
        else:
            self.bridge.succeeded.emit(result)


def run_in_background(
    parent: QObject,
    work: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
) -> None:
    bridge = _Bridge(parent)  # parented: lives as long as its window, signals stay queued
    bridge.succeeded.connect(on_success)
    bridge.failed.connect(on_failure)
    bridge.succeeded.connect(bridge.deleteLater)
    bridge.failed.connect(bridge.deleteLater)
    QThreadPool.globalInstance().start(_Job(work, bridge))
