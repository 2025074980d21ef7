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
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session

from talentdesk.core.jobs import Job
from talentdesk.db.session import Database
from talentdesk.ops import journal as _journal
from talentdesk.ops.changes import Changes
from talentdesk.ops.journal import Journal
from talentdesk.ops.names import AUDIT_ENTITY
from talentdesk.services import audit

T = TypeVar("T")

__all__ = [
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

    ``capture=False`` for actions too large for the journal (an import of 100,000 rows): they
    declare what they change in ``also`` and give their own undo, ``inverse(value)``, an
    operation of its own (the import history's undo).
    """

    label: str
    run: Callable[[Session, Job], T]
    undoable: bool = True
    message: Callable[[T], str] | None = None
    also: Changes = field(default_factory=Changes)  # changes the journal cannot see (settings…)
    capture: bool = True
    inverse: Callable[[T], Op[Any] | None] | None = None


def update_op(
    label: str, update: Callable[[Session, int, Any], object], record_id: int, values: Any
) -> Op[int]:
    """The operation "save these values on that record" (``update(session, id, values)``); its
    value is the record's id, so the form that saved it can select it."""

    def run(session: Session, _job: Job) -> int:
        update(session, record_id, values)
        return record_id

    return Op(label, run)


@dataclass(frozen=True)
class Step:
    """One undo (or redo): the journal to revert and what reverting it changes — or, for an
    operation that brings its own inverse, that inverse (``op``)."""

    label: str
    journal: Journal
    changes: Changes
    op: Op[Any] | None = None


@dataclass(frozen=True)
class Outcome(Generic[T]):
    value: T
    changes: Changes
    undo: Step | None
    message: str = ""


def perform(db: Database, op: Op[T], job: Job | None = None) -> Outcome[T]:
    """Run ``op`` in one transaction: all of it is saved, or (error, cancel) none of it."""
    job = job if job is not None else Job()
    if not op.capture:
        return _perform_uncaptured(db, op, job)
    with db.session() as session, _journal.capture(session) as cap:
        value = op.run(session, job)
        session.flush()
        job.check()  # a cancel that arrives during the last batch still cancels everything
    written = cap.journal
    changes = Changes.from_tables(written.tables) | op.also
    undo = Step(op.label, written, changes) if op.undoable and written else None
    message = op.message(value) if op.message is not None else ""
    return Outcome(value, changes, undo, message)


def _perform_uncaptured(db: Database, op: Op[T], job: Job) -> Outcome[T]:
    with db.session() as session:
        value = op.run(session, job)
        session.flush()
        job.check()
    inverse = op.inverse(value) if op.undoable and op.inverse is not None else None
    undo = Step(op.label, Journal(), op.also, inverse) if inverse is not None else None
    message = op.message(value) if op.message is not None else ""
    return Outcome(value, op.also, undo, message)


def apply_step(db: Database, step: Step, job: Job | None = None, *, action: str = "undo") -> Step | None:
    """Revert ``step`` in one transaction, auditing each row it puts back; returns the step that
    reverts this one (so undo yields redo and redo yields undo), or None when it cannot be
    reverted again (an undone import: the file can be imported again)."""
    job = job if job is not None else Job()
    if step.op is not None:
        return perform(db, step.op, job).undo
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

    def undone_as(self, redo: Step | None) -> None:
        if redo is not None:
            self.undone.append(redo)

    def redone_as(self, undo: Step | None) -> None:
        if undo is not None:
            self.done.append(undo)

    @property
    def undo_label(self) -> str:
        return self.done[-1].label if self.done else ""

    @property
    def redo_label(self) -> str:
        return self.undone[-1].label if self.undone else ""
