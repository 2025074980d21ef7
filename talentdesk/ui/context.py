"""What every area of the window shares: the open database, the task runner, undo, settings.

User actions that write go through :meth:`AppContext.perform`: the work runs on the write
thread in one transaction, then every view hears what changed, and the action lands on the
undo stack when it knows its inverse.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from talentdesk.db.session import Database
from talentdesk.ui.settings import Settings
from talentdesk.ui.tasks import Task, TaskRunner
from talentdesk.ui.undo import Step, UndoEntry, UndoStack

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """What an operation changed, so each view refreshes only if it cares (Anki's OpChanges)."""

    members: bool = False
    chapters: bool = False
    sectors: bool = False
    organizations: bool = False
    events: bool = False

    @classmethod
    def everything(cls) -> Changes:
        return cls(True, True, True, True, True)


@dataclass
class OpResult(Generic[T]):
    """What an operation returns: its value, what changed, and how to undo and redo it."""

    value: T
    changes: Changes
    undo: Step | None = None
    redo: Step | None = None
    message: str = field(default="")


class AppContext(QObject):
    changed = Signal(object)  # Changes
    error = Signal(str)
    status = Signal(str)

    def __init__(self, db: Database, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.runner = TaskRunner(self)
        self.undo = UndoStack(self)

    def notify(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def perform(
        self,
        text: str,
        operation: Callable[[Session, Task], OpResult[Any]],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        parent: QWidget | None = None,
        progress: bool = False,
    ) -> Task:
        """Run a write in the background, in one transaction, then broadcast its changes."""
        db = self.db

        def work(task: Task) -> OpResult[Any]:
            with db.session() as session:
                return operation(session, task)

        def succeeded(result: OpResult[Any]) -> None:
            if result.undo is not None and result.redo is not None:
                self.undo.push(UndoEntry(text, result.undo, result.redo, result.changes))
            self.notify(result.changes)
            if result.message:
                self.status.emit(result.message)
            if on_done is not None:
                on_done(result.value)

        return self.runner.run(
            work,
            succeeded,
            on_failure=on_failure,
            write=True,
            title=text if progress else None,
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
