"""The task runner: results and errors on the GUI thread, writes one at a time, cancel."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from talentdesk.core.errors import Cancelled, DatabaseError
from talentdesk.ui.tasks import Task, TaskRunner

pytestmark = pytest.mark.gui


def test_result_arrives_on_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[tuple[object, bool]] = []
    worker_is_main: list[bool] = []

    def work(_task: Task) -> int:
        worker_is_main.append(threading.current_thread() is threading.main_thread())
        return 42

    runner.run(work, lambda r: seen.append((r, threading.current_thread() is threading.main_thread())))
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [(42, True)]
    assert worker_is_main == [False]
    assert runner.pending == 0


def test_error_goes_to_failure_handler(qtbot: QtBot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def work(_task: Task) -> None:
        raise DatabaseError("La base de datos está bloqueada por otro programa o usuario.")

    runner.run(work, lambda _r: None, on_failure=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], DatabaseError)


def test_error_without_handler_is_shown_in_spanish(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    runner = TaskRunner()

    def work(_task: Task) -> None:
        raise DatabaseError("El disco está lleno: no se pudo guardar el cambio.")

    runner.run(work, lambda _r: None)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown == ["El disco está lleno: no se pudo guardar el cambio."]


def test_writes_run_one_at_a_time(qtbot: QtBot) -> None:
    runner = TaskRunner()
    running = 0
    most = 0
    lock = threading.Lock()
    done: list[int] = []

    def work(_task: Task) -> None:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.02)
        with lock:
            running -= 1

    for n in range(4):
        runner.run(work, lambda _r, n=n: done.append(n), write=True)
    qtbot.waitUntil(lambda: len(done) == 4, timeout=5000)
    assert most == 1
    assert done == [0, 1, 2, 3]


def test_cancel_sets_abort_and_reports_cancelled(qtbot: QtBot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []
    started = threading.Event()

    def work(task: Task) -> None:
        started.set()
        for _ in range(500):
            task.check()
            time.sleep(0.01)

    task = runner.run(work, lambda _r: None, on_failure=errors.append)
    assert started.wait(5)
    task.abort.set()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], Cancelled)


def test_slow_worker_does_not_abort_interpreter() -> None:
    """Regression: PySide6 6.12.0 aborts ('none_dealloc') when a worker emits while the GUI
    thread spins; pyproject pins PySide6 below 6.12. Run in a child so an abort is a failure
    here, not a dead test run."""
    script = textwrap.dedent(
        """
        import time
        from PySide6.QtWidgets import QApplication
        from talentdesk.ui.tasks import TaskRunner
        app = QApplication([])
        runner = TaskRunner()
        got = []
        for _ in range(5):
            runner.run(lambda _t: (time.sleep(0.05), (1, 2))[1], got.append, on_failure=got.append)
        while len(got) < 5:
            app.processEvents()
        print("delivered", len(got))
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "delivered 5" in done.stdout


def test_many_signals_to_python_slots_do_not_abort_interpreter() -> None:
    """PySide6 6.12.0 over-releases an object each time a signal calls a Python slot: after a
    few hundred calls Python aborts ("bool_dealloc"/"none_dealloc"), on one thread, with no
    argument. The window emits thousands; pyproject pins PySide6 below 6.12 for this. Run in a
    child so an abort is a failure here, not a dead test run."""
    script = textwrap.dedent(
        """
        from PySide6.QtCore import QObject, Signal
        from PySide6.QtWidgets import QApplication
        class Source(QObject):
            fired = Signal()
        app = QApplication([])
        source, got = Source(), []
        source.fired.connect(lambda: got.append(1))
        for _ in range(3000):
            source.fired.emit()
        print("delivered", len(got))
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "delivered 3000" in done.stdout


def test_work_after_shutdown_is_refused_quietly(qtbot: QtBot) -> None:
    runner = TaskRunner()
    runner.shutdown()
    called: list[object] = []
    task = runner.run(lambda _t: called.append("ran"), called.append)
    qtbot.wait(50)
    assert task.abort.is_set()
    assert called == []
    assert runner.pending == 0
