"""The background task runner delivers results and errors on the GUI thread."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from talentdesk.ui.tasks import run_in_background

pytestmark = pytest.mark.gui


def test_result_arrives_on_gui_thread(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    seen: list[tuple[object, bool]] = []
    worker_threads: list[bool] = []

    def work() -> int:
        worker_threads.append(threading.current_thread() is threading.main_thread())
        return 42

    run_in_background(
        owner,
        work,
        lambda r: seen.append((r, threading.current_thread() is threading.main_thread())),
        seen.append,
    )
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [(42, True)]
    assert worker_threads == [False]


def test_error_arrives_as_exception(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    errors: list[BaseException] = []

    def work() -> None:
        raise ValueError("boom")

    run_in_background(owner, work, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError)
    assert str(errors[0]) == "boom"


def test_slow_worker_does_not_abort_interpreter() -> None:
    """Regression: PySide6 6.12.0 aborts ('none_dealloc') when a worker emits while the GUI
    thread spins; pyproject pins PySide6 below 6.12. Run in a child so an abort is a failure
    here, not a dead test run."""
    script = textwrap.dedent(
        """
        import time
        from PySide6.QtWidgets import QApplication, QWidget
        from talentdesk.ui.tasks import run_in_background
        app = QApplication([])
        owner = QWidget()
        got = []
        for _ in range(5):
            run_in_background(owner, lambda: (time.sleep(0.05), (1, 2))[1], got.append, got.append)
        while len(got) < 5:
            app.processEvents()
        print("delivered", len(got))
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "delivered 5" in done.stdout
