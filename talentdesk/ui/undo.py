"""Undo and redo in the window: :class:`talentdesk.ops.History` with signals.

QUndoStack runs undo/redo synchronously on the GUI thread; ours are database writes that may
touch thousands of rows, so each step runs on the write thread like any operation, with a
progress dialog. The steps themselves are Qt-free (``talentdesk.ops``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from talentdesk import ops
from talentdesk.core.errors import Cancelled
from talentdesk.ui.tasks import Task, error_message

if TYPE_CHECKING:
    from talentdesk.ui.context import AppContext


class UndoStack(QObject):
    changed = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.history = ops.History()
        self.busy = False

    def push(self, step: ops.Step) -> None:
        self.history.record(step)
        self.changed.emit()

    def clear(self) -> None:
        self.history.clear()
        self.changed.emit()

    def can_undo(self) -> bool:
        return bool(self.history.done) and not self.busy

    def can_redo(self) -> bool:
        return bool(self.history.undone) and not self.busy

    def undo_text(self) -> str:
        return self.history.undo_label

    def redo_text(self) -> str:
        return self.history.redo_label

    def undo(self) -> None:
        if self.can_undo():
            step = self.history.take_undo()
            assert step is not None
            self._run(step, undo=True)

    def redo(self) -> None:
        if self.can_redo():
            step = self.history.take_redo()
            assert step is not None
            self._run(step, undo=False)

    def _run(self, step: ops.Step, *, undo: bool) -> None:
        db = self.ctx.db

        def work(task: Task) -> ops.Step | None:
            return ops.apply_step(db, step, task, action="undo" if undo else "redo")

        def succeeded(reverse: ops.Step | None) -> None:
            self.busy = False
            if undo:
                self.history.undone_as(reverse)
            else:
                self.history.redone_as(reverse)
            self.changed.emit()
            self.ctx.notify(step.changes)

        def failed(exc: BaseException) -> None:
            self.busy = False
            if isinstance(exc, Cancelled):  # nothing happened: the step goes back where it was
                (self.history.done if undo else self.history.undone).append(step)
                self.changed.emit()
                self.ctx.status.emit(exc.message)
                return
            # The step cannot be applied any more (the records changed meanwhile): drop it.
            self.changed.emit()
            self.ctx.error.emit(error_message(exc))

        self.busy = True
        self.changed.emit()
        self.ctx.runner.run(work, succeeded, on_failure=failed, write=True, title=step.label)
