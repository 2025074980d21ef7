"""Undo and redo of operations that run in the background.

QUndoStack runs undo/redo synchronously on the GUI thread; our inverse operations are
database writes that may touch thousands of members, so they go through the task runner.
An entry is pushed only after its operation committed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from talentdesk.ui.context import AppContext, Changes
    from talentdesk.ui.tasks import Task

Step = Callable[[Session, "Task"], object]  # the return value is ignored


@dataclass(frozen=True)
class UndoEntry:
    text: str
    undo: Step
    redo: Step
    changes: Changes


class UndoStack(QObject):
    changed = Signal()
    LIMIT = 50

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.done: list[UndoEntry] = []
        self.undone: list[UndoEntry] = []
        self.busy = False

    def push(self, entry: UndoEntry) -> None:
        self.done = [*self.done, entry][-self.LIMIT :]
        self.undone = []
        self.changed.emit()

    def clear(self) -> None:
        self.done, self.undone = [], []
        self.changed.emit()

    def can_undo(self) -> bool:
        return bool(self.done) and not self.busy

    def can_redo(self) -> bool:
        return bool(self.undone) and not self.busy

    def undo_text(self) -> str:
        return self.done[-1].text if self.done else ""

    def redo_text(self) -> str:
        return self.undone[-1].text if self.undone else ""

    def undo(self) -> None:
        if self.can_undo():
            self._run(self.done.pop(), undo=True)

    def redo(self) -> None:
        if self.can_redo():
            self._run(self.undone.pop(), undo=False)

    def _run(self, entry: UndoEntry, *, undo: bool) -> None:
        db = self.ctx.db
        step = entry.undo if undo else entry.redo

        def work(task: Task) -> None:
            with db.session() as session:
                step(session, task)

        def succeeded(_result: Any) -> None:
            self.busy = False
            (self.undone if undo else self.done).append(entry)
            self.changed.emit()
            self.ctx.notify(entry.changes)

        def failed(exc: BaseException) -> None:
            self.busy = False
            # The entry cannot be applied any more (the records changed meanwhile): drop it.
            self.changed.emit()
            from talentdesk.ui.tasks import error_message

            self.ctx.error.emit(error_message(exc))

        self.busy = True
        self.changed.emit()
        self.ctx.runner.run(work, succeeded, on_failure=failed, write=True, title=entry.text)
