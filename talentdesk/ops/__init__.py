"""Operations: every change a person makes, run in one transaction, with its exact inverse.

An :class:`Op` is a label and a function over a session. :func:`perform` runs it inside a
:mod:`~talentdesk.ops.journal` capture and returns an :class:`Outcome`: its value, what changed
(derived from the rows really touched, so views never miss a cascade), and the :class:`Step`
that undoes it. :func:`apply_step` runs a step and returns the step that reverses it — undo
gives redo and redo gives undo, both built from what was actually written.

Nothing here knows about Qt: the GUI runs these on its write thread, the CLI and the tests call
them directly (Anki keeps undo in its collection for the same reason).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from talentdesk.core.errors import Cancelled
from talentdesk.core.jobs import Job
from talentdesk.db.session import Database
from talentdesk.ops import journal as _journal
from talentdesk.ops.changes import Changes
from talentdesk.ops.journal import Journal
from talentdesk.ops.names import AUDIT_ENTITY
from talentdesk.services import audit

T = TypeVar("T")

__all__ = [
    "Cancelled",
    "Changes",
    "History",
    "Job",
    "Journal",
    "Op",
    "Outcome",
    "Step",
    "apply_step",
    "perform",
]


@dataclass(frozen=True)
class Op(Generic[T]):
    """A user action. ``label`` is what the Edit menu shows after "Deshacer" ("Eliminar 3
    miembros"); ``run`` does the work with the session it is given and never commits.

    ``undoable=False`` for actions that must not be taken back (anonymising a member: keeping
    an inverse would keep the personal data it removed). ``message`` turns the value into a
    status-bar line.
    """

    label: str
    run: Callable[[Session, Job], T]
    undoable: bool = True
    message: Callable[[T], str] | None = None
    also: Changes = field(default_factory=Changes)  # changes the journal cannot see (settings…)


@dataclass(frozen=True)
class Step:
    """One undo (or redo): the journal to revert and what reverting it changes."""

    label: str
    journal: Journal
    changes: Changes


@dataclass(frozen=True)
class Outcome(Generic[T]):
    value: T
    changes: Changes
    undo: Step | None
    message: str = ""


def perform(db: Database, op: Op[T], job: Job | None = None) -> Outcome[T]:
    """Run ``op`` in one transaction: all of it is saved, or (error, cancel) none of it."""
    job = job if job is not None else Job()
    with db.session() as session, _journal.capture(session) as cap:
        value = op.run(session, job)
        session.flush()
        job.check()  # a cancel that arrives during the last batch still cancels everything
    written = cap.journal
    changes = Changes.from_tables(written.tables) | op.also
    undo = Step(op.label, written, changes) if op.undoable and written else None
    message = op.message(value) if op.message is not None else ""
    return Outcome(value, changes, undo, message)


def apply_step(db: Database, step: Step, job: Job | None = None, *, action: str = "undo") -> Step:
    """Revert ``step`` in one transaction, auditing each row it puts back; returns the step that
    reverts this one (so undo yields redo and redo yields undo)."""
    job = job if job is not None else Job()
    with db.session() as session:
        reverted = _journal.revert(session, step.journal, check=job.check)
        _audit(session, step.label, reverted, action)
    return Step(step.label, reverted, step.changes)


def _audit(session: Session, label: str, journal: Journal, action: str) -> None:
    for change in journal.changes:
        entity = AUDIT_ENTITY.get(change.table, change.table)
        key = change.key[0] if len(change.key) == 1 and isinstance(change.key[0], int) else None
        audit.record_reverted(session, label, entity, key, action, change.before, change.after)


class History:
    """The undo and redo stacks of one open database (the GUI wraps it in signals).

    A step leaves its stack while it runs and comes back on the other stack only if it was
    applied; a step that could not be applied (the records changed since) is dropped.
    """

    LIMIT = 50

    def __init__(self) -> None:
        self.done: list[Step] = []
        self.undone: list[Step] = []

    def record(self, step: Step) -> None:
        self.done = [*self.done, step][-self.LIMIT :]
        self.undone = []

    def clear(self) -> None:
        self.done, self.undone = [], []

    def take_undo(self) -> Step | None:
        return self.done.pop() if self.done else None

    def take_redo(self) -> Step | None:
        return self.undone.pop() if self.undone else None

    def undone_as(self, redo: Step) -> None:
        self.undone.append(redo)

    def redone_as(self, undo: Step) -> None:
        self.done.append(undo)

    @property
    def undo_label(self) -> str:
        return self.done[-1].label if self.done else ""

    @property
    def redo_label(self) -> str:
        return self.undone[-1].label if self.undone else ""
