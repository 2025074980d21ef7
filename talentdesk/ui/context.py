"""What every area of the window shares: the open database, the task runner, undo, settings.

User actions that write are operations (:mod:`talentdesk.ops`) run by :meth:`AppContext.perform`
on the write thread in one transaction; then every view hears what changed and the action's
exact inverse lands on the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from talentdesk import ops
from talentdesk.db.session import Database
from talentdesk.ops import Changes, Op, Outcome
from talentdesk.ui.settings import Settings
from talentdesk.ui.tasks import Task, TaskRunner
from talentdesk.ui.undo import UndoStack

__all__ = ["AppContext", "Changes"]

T = TypeVar("T")


class AppContext(QObject):
    changed = Signal(object)  # Changes
    error = Signal(str)
    status = Signal(str)

    def __init__(self, db: Database, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.runner = TaskRunner(self)
        self.runner.cancelled.connect(self.status)
        self.undo = UndoStack(self)

    def notify(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def perform(
        self,
        op: Op[Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        parent: QWidget | None = None,
        progress: bool = False,
    ) -> Task:
        """Run an operation on the write thread, in one transaction; then broadcast what it
        changed, push its undo step and show its message. A cancel is a calm status line."""
        db = self.db

        def work(task: Task) -> Outcome[Any]:
            return ops.perform(db, op, task)

        def succeeded(outcome: Outcome[Any]) -> None:
            if outcome.undo is not None:
                self.undo.push(outcome.undo)
            if outcome.changes:
                self.notify(outcome.changes)
            if outcome.message:
                self.status.emit(outcome.message)
            if on_done is not None:
                on_done(outcome.value)

        return self.runner.run(
            work,
            succeeded,
            on_failure=on_failure,
            write=True,
            title=op.label if progress else None,
            parent=parent,
        )

    def read(
        self,
        query: Callable[[Session, Task], T],
        on_done: Callable[[T], None],
        *,
        on_failure: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
    ) -> Task:
        """Run a read in the background with its own session; dropped if ``owner`` is gone."""
        db = self.db

        def work(task: Task) -> T:
            with db.reader() as session:
                return query(session, task)

        return self.runner.run(work, on_done, on_failure=on_failure, owner=owner)
