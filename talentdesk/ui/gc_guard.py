"""Python's cycle collector, run on the GUI thread only.

The collector runs in whichever thread happens to allocate. When a worker thread (loading rows
for a view) triggers it and the cycle it frees holds a Qt widget, the widget is deleted off the
GUI thread and Qt crashes: seen here now and then in the GUI tests. Calibre and other PyQt/PySide
programs do the same thing: turn automatic collection off and collect from a timer on the GUI
thread, with the interpreter's own thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    INTERVAL_MS = 1000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(self.INTERVAL_MS)

    def check(self) -> None:
        first, second, third = gc.get_count()
        if first > self.thresholds[0]:
            gc.collect(0)
            if second > self.thresholds[1]:
                gc.collect(1)
                if third > self.thresholds[2]:
                    gc.collect(2)

    def stop(self) -> None:
        """Give collection back to the interpreter (tests; the app never needs it)."""
        self.timer.stop()
        gc.collect()
        gc.enable()
