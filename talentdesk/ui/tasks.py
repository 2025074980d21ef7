"""Background work for the GUI (Anki's CollectionOp/QueryOp and taskman ideas, small).

* Work functions get a :class:`Task` — a :class:`talentdesk.core.jobs.Job` (abort event +
  progress) — never a widget, and open their own session.
* Reads run on a small thread pool; writes run one at a time on a single thread, so two edits
  never race for the database's write lock.
* Workers never emit a Qt signal carrying a Python object: they put (task id, what happened)
  on one queue and wake the GUI thread with a plain no-argument signal; the GUI thread drains
  the queue (Anki's ``taskman.run_on_main``). No Python object crosses threads inside Qt.
* A task given a title shows a progress dialog (after half a second) whose Cancel sets the
  abort event; the work raises :class:`Cancelled`, its transaction rolls back, and the person
  sees a calm line in the status bar — never an error box.
"""

from __future__ import annotations

import itertools
import logging
import queue
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any, Literal

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from talentdesk.core.errors import Cancelled, TalentDeskError
from talentdesk.core.jobs import Job

__all__ = ["Task", "TaskRunner", "error_message"]

log = logging.getLogger(__name__)

Event = tuple[int, Literal["ok", "failed", "progress"], Any]


class Task(Job):
    """Handed to the work function: check ``abort`` often, report progress if you can."""

    def __init__(self, task_id: int, post: Callable[[Event], None]) -> None:
        super().__init__()
        self.id = task_id
        self._post = post

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._post((self.id, "progress", (done, total, text)))


READ_THREADS = 4


def error_message(exc: BaseException) -> str:
    if isinstance(exc, TalentDeskError):
        return exc.message
    return f"Error inesperado: {exc}"


@dataclass
class _Pending:
    on_success: Callable[[Any], None]
    on_failure: Callable[[BaseException], None] | None
    owner: QObject | None
    parent: QWidget | None
    dialog: QProgressDialog | None


class TaskRunner(QObject):
    busy_changed = Signal(int)  # tasks under way
    cancelled = Signal(str)  # a calm message for the status bar
    _wake = Signal()  # no payload: safe to emit from any thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Python's executors, not QThreadPool + QRunnable subclasses: Qt deletes a finished
        # runnable on its worker thread while its Python wrapper dies later on this one, and that
        # crashed the GUI now and then.
        self.reads = ThreadPoolExecutor(max_workers=READ_THREADS, thread_name_prefix="td-read")
        self.writes = ThreadPoolExecutor(max_workers=1, thread_name_prefix="td-write")
        self._futures: set[Future[None]] = set()
        self._closed = False
        self._events: queue.SimpleQueue[Event] = queue.SimpleQueue()
        self._wake.connect(self._drain, Qt.ConnectionType.QueuedConnection)
        self._tasks: dict[int, _Pending] = {}
        self._ids = itertools.count(1)

    @property
    def pending(self) -> int:
        return len(self._tasks)

    def _post(self, event: Event) -> None:
        """Called from worker threads."""
        self._events.put(event)
        self._wake.emit()

    def run(
        self,
        work: Callable[[Task], Any],
        on_success: Callable[[Any], None],
        *,
        on_failure: Callable[[BaseException], None] | None = None,
        write: bool = False,
        title: str | None = None,
        parent: QWidget | None = None,
        owner: QObject | None = None,
    ) -> Task:
        """Run ``work`` off the GUI thread. If ``owner`` (the widget waiting for the result) has
        been destroyed by the time the result arrives, the callbacks are not called."""
        task = Task(next(self._ids), self._post)
        if self._closed:  # a timer of a closing window (e.g. search debounce) fired after shutdown
            task.abort.set()
            return task
        dialog = self._progress_dialog(title, task, parent) if title else None
        self._tasks[task.id] = _Pending(on_success, on_failure, owner, parent, dialog)
        self.busy_changed.emit(self.pending)
        future = (self.writes if write else self.reads).submit(self._job, work, task)
        self._futures.add(future)
        future.add_done_callback(self._futures.discard)
        return task

    def _job(self, work: Callable[[Task], Any], task: Task) -> None:
        try:
            result = work(task)
        except Exception as exc:  # delivered to the GUI thread and shown there
            self._post((task.id, "failed", exc))
        else:
            self._post((task.id, "ok", result))

    def _drain(self) -> None:
        while True:
            try:
                task_id, kind, payload = self._events.get_nowait()
            except queue.Empty:
                return
            if kind == "progress":
                self._progressed(task_id, *payload)
            elif kind == "ok":
                self._succeeded(task_id, payload)
            else:
                self._failed(task_id, payload)

    def drain(self) -> None:
        """For shutdown and tests: deliver what the workers have posted, now."""
        self._drain()

    def _finish(self, task_id: int) -> _Pending | None:
        pending = self._tasks.pop(task_id, None)
        if pending is None:
            return None
        self.busy_changed.emit(self.pending)
        if pending.dialog is not None:
            pending.dialog.reset()
            pending.dialog.hide()
            pending.dialog.setParent(None)
        if pending.owner is not None and not shiboken6.isValid(pending.owner):
            return None
        return pending

    def _succeeded(self, task_id: int, result: Any) -> None:
        pending = self._finish(task_id)
        if pending is not None:
            pending.on_success(result)

    def _failed(self, task_id: int, exc: BaseException) -> None:
        pending = self._finish(task_id)
        if pending is None:
            return
        if pending.on_failure is not None:
            pending.on_failure(exc)  # a caller that handles failures handles its cancel too
            return
        if isinstance(exc, Cancelled):
            # Cancelling is not a failure: nothing was saved and the person knows why.
            self.cancelled.emit(exc.message)
            return
        if not isinstance(exc, TalentDeskError):
            log.error("task failed", exc_info=exc)
        parent = pending.parent if pending.parent is not None and shiboken6.isValid(pending.parent) else None
        QMessageBox.critical(parent, self.tr("TalentDesk"), error_message(exc))

    def _progressed(self, task_id: int, done: int, total: int, text: str) -> None:
        pending = self._tasks.get(task_id)
        if pending is not None and pending.dialog is not None:
            _show_progress(pending.dialog, done, total, text)

    def _progress_dialog(self, title: str, task: Task, parent: QWidget | None) -> QProgressDialog:
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(self.tr("TalentDesk"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        # A lambda, not the bound method: PySide holds bound methods weakly, and the Event would
        # die with its task on the worker thread while the dialog disconnects on this one.
        dialog.canceled.connect(lambda: task.abort.set())
        return dialog

    def shutdown(self) -> None:
        """When the context is discarded (another database opened, window closed, tests)."""
        self._closed = True
        self.wait_idle()
        self.reads.shutdown(wait=True)
        self.writes.shutdown(wait=True)

    def wait_idle(self, msecs: int = 30_000) -> bool:
        """For shutdown and tests: let every queued task finish (their results still arrive
        through the event loop afterwards)."""
        _done, not_done = wait(list(self._futures), timeout=msecs / 1000)
        return not not_done


def _show_progress(dialog: QProgressDialog, done: int, total: int, text: str) -> None:
    dialog.setMaximum(max(total, 0))
    dialog.setValue(min(done, total) if total else 0)
    if text:
        dialog.setLabelText(text)
