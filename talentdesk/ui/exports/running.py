"""An export's progress, read without signals from the worker.

The export's progress callback writes two numbers into a plain object (:class:`ProgressState`,
one assignment); a timer on the GUI thread reads it into the progress bar. No signal is emitted
from the worker and no Qt object is made per task.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressBar, QWidget

POLL_MS = 100


class ProgressState:
    """Written by the worker (two ints, one assignment), read by the progress bar's timer."""

    def __init__(self) -> None:
        self.value = (0, 0)

    def update(self, done: int, total: int) -> None:
        self.value = (done, total)


class ExportProgress(QProgressBar):
    """Busy until the export reports a total, then done / total; ``state.update`` is the
    progress callback to hand to the export."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export-progress")
        self.setTextVisible(True)
        self.setVisible(False)
        self.state = ProgressState()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._poll)

    def begin(self, text: str) -> None:
        """A new run: nothing done yet, ``text`` beside the percentage."""
        self.state.value = (0, 0)
        self.setFormat(text + "  %p%")
        self.setRange(0, 0)

    def watch(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def cancelling(self) -> None:
        self.setFormat(self.tr("Cancelling…"))

    def _poll(self) -> None:
        done, total = self.state.value
        if total > 0:
            self.setRange(0, total)
            self.setValue(min(done, total))
