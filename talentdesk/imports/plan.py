"""What a member import will do, as plain values: the plan of every row, the person's choices
for duplicates, the summary, and what an update changes. Built by ``imports.prepare`` (the dry
run), carried out by ``imports.apply``; it holds no ORM objects, so it can be prepared in one
session and applied in another.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.enums import PrintField
from talentdesk.core.errors import TalentDeskError
from talentdesk.core.i18n import N_, _, ngettext
from talentdesk.core.models import (
    Member,
    MemberSector,
    member_contributions,
)
from talentdesk.core.text import clean
from talentdesk.imports.duplicates import Match
from talentdesk.imports.errors import check_abort
from talentdesk.imports.mapping import ColumnMapping
from talentdesk.imports.reading import SourceTable, column_letter
from talentdesk.imports.values import RowError
from talentdesk.services.members import FIELDS

Progress = Callable[[int, int], None]
CHUNK = 500
CREATE_BATCH = 5000
FIRST_BATCH = 1000


class ImportHasErrors(TalentDeskError):
    """All or nothing, and some rows are wrong: nothing was written."""

    def __init__(self, errors: Sequence[RowError]) -> None:
        self.errors = list(errors)
        rows = len({e.row for e in self.errors})
        super().__init__(
            ngettext(
                "La importación tiene errores en {rows:,} fila: no se guardó nada. Corrija el archivo "
                "o importe sólo las filas válidas.",
                "La importación tiene errores en {rows:,} filas: no se guardó nada. Corrija el archivo "
                "o importe sólo las filas válidas.",
                rows,
            ).format(rows=rows)
        )


class Action(StrEnum):
    CREATE = "create"  # a new member
    UPDATE = "update"  # the member named in the Id column: every mapped field as in the file
    FILL = "fill"  # the duplicated member (or earlier row): only the fields it lacks
    OVERWRITE = "overwrite"  # the duplicated member: the file's non-empty values replace its own
    SKIP = "skip"

    @property
    def label(self) -> str:
        return _(_ACTION_LABELS[self])


_ACTION_LABELS = {
    Action.CREATE: N_("Crear nuevo"),
    Action.UPDATE: N_("Actualizar"),
    Action.FILL: N_("Completar datos vacíos"),
    Action.OVERWRITE: N_("Sobrescribir"),
    Action.SKIP: N_("Omitir"),
}

#: Values that count as "nothing there" when filling empty fields.
_EMPTY: tuple[Any, ...] = (None, "", [])
#: The value a blank cell sets in an update by id.
_CLEARED: dict[str, Any] = {
    "directory_consent": False,
    "no_contact": False,
    "print_fields": [],
    "sector_ids": [],
    "contribution_ids": [],
}


@dataclass(slots=True)
class RowPlan:
    """One data row of the file and what will happen to it."""

    index: int
    number: int  # as the spreadsheet shows it
    values: dict[str, Any]
    blank: set[str]
    errors: list[RowError]
    member_id: int | None = None  # from the Id column: update that member
    duplicate: Match | None = None
    action: Action = Action.CREATE
    current: dict[str, Any] | None = None  # the target member's values when prepared

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def target(self) -> int | None:
        """The existing member this row would update."""
        if self.member_id is not None:
            return self.member_id
        if self.duplicate is not None and self.duplicate.member_id is not None:
            return self.duplicate.member_id
        return None

    def allowed_actions(self) -> tuple[Action, ...]:
        if not self.ok:
            return ()
        if self.member_id is not None:
            return (Action.UPDATE, Action.SKIP)
        if self.duplicate is None:
            return (Action.CREATE, Action.SKIP)
        if self.duplicate.reason == "email":  # two members cannot share an e-mail
            return (Action.FILL, Action.OVERWRITE, Action.SKIP)
        return (Action.CREATE, Action.FILL, Action.OVERWRITE, Action.SKIP)

    def takes(self, action: Action) -> bool:
        """Whether a choice made for all duplicates at once applies to this row: a merge needs
        more than the same name (a person decides that row by row)."""
        if action not in self.allowed_actions():
            return False
        merging = action in (Action.FILL, Action.OVERWRITE)
        return not (merging and self.duplicate is not None and self.duplicate.needs_person)

    def changes(self) -> dict[str, tuple[Any, Any]]:
        """{field: (now, after)} this row would make to an existing member (preview)."""
        if self.current is None or self.action not in (Action.UPDATE, Action.FILL, Action.OVERWRITE):
            return {}
        updates = planned_updates(self.action, self.values, self.blank, self.current)
        return {f: (self.current.get(f), v) for f, v in updates.items()}


@dataclass(frozen=True)
class ImportSummary:
    rows: int
    new: int
    updated: int
    duplicates: int
    skipped: int
    errors: int  # rows with at least one error
    written: int = 0

    def as_dict(self) -> dict[str, int]:
        return {
            "rows": self.rows,
            "new": self.new,
            "updated": self.updated,
            "duplicates": self.duplicates,
            "skipped": self.skipped,
            "written": self.written,
        }


@dataclass
class ImportPlan:
    source: SourceTable
    columns: ColumnMapping
    rows: list[RowPlan]
    notices: list[str] = field(default_factory=list)
    _by_number: dict[int, RowPlan] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_number = {r.number: r for r in self.rows}

    def row(self, number: int) -> RowPlan:
        try:
            return self._by_number[number]
        except KeyError:
            raise TalentDeskError(
                _("El archivo no tiene la fila {number} (o está vacía).").format(number=number)
            ) from None

    def errors(self) -> list[RowError]:
        return [e for r in self.rows for e in r.errors]

    def duplicates(self) -> list[RowPlan]:
        return [r for r in self.rows if r.ok and r.duplicate is not None]

    def choose(self, number: int, action: Action | str) -> None:
        """What to do with one row (the wizard's per-row choice)."""
        row = self.row(number)
        wanted = Action(action)
        if wanted not in row.allowed_actions():
            allowed = ", ".join(a.label for a in row.allowed_actions()) or _(
                "ninguna (la fila tiene errores)"
            )
            raise TalentDeskError(
                _("Fila {number}: no se puede «{label}» (opciones: {allowed}).").format(
                    number=number, label=wanted.label, allowed=allowed
                )
            )
        row.action = wanted

    def choose_duplicates(self, action: Action | str) -> int:
        """The same choice for every duplicate that allows it; returns how many took it."""
        wanted = Action(action)
        count = 0
        for row in self.duplicates():
            if row.takes(wanted):
                row.action = wanted
                count += 1
        return count

    def summary(self, written: int = 0) -> ImportSummary:
        new = updated = skipped = duplicates = bad = 0
        merging = self._merges()
        for row in self.rows:
            if not row.ok:
                bad += 1
                continue
            if row.duplicate is not None:
                duplicates += 1
            if row.action is Action.CREATE:
                new += 1
            elif row.action is Action.SKIP:
                skipped += 1
            elif row.duplicate is not None and row.duplicate.in_file:
                updated += row.number in merging
                skipped += row.number not in merging
            elif row.changes():
                updated += 1
            else:
                skipped += 1  # nothing to change
        return ImportSummary(len(self.rows), new, updated, duplicates, skipped, bad, written)

    def _merges(self) -> set[int]:
        """Rows merged into an earlier row of the file that will be written."""
        out: set[int] = set()
        for row in self.rows:
            if (
                row.ok
                and row.duplicate is not None
                and row.duplicate.in_file
                and row.action in (Action.FILL, Action.OVERWRITE)
            ):
                leader = self._by_number.get(row.duplicate.row or 0)
                if leader is not None and leader.ok and leader.action is not Action.SKIP:
                    out.add(row.number)
        return out

    def report(self, written: int = 0, extra_errors: Sequence[RowError] = ()) -> dict[str, Any]:
        """The CLI's --json: counts and every problem with its row, column, value and reason."""
        data: dict[str, Any] = self.summary(written).as_dict()
        data["errors"] = [e.as_dict() for e in [*self.errors(), *extra_errors]]
        return data


@dataclass
class ImportResult:
    summary: ImportSummary
    created_ids: list[int]
    updated_ids: list[int]
    errors: list[RowError]  # the plan's and any found while writing (valid rows only)


# -- what an update changes ----------------------------------------------------------------------


def _differs(field_name: str, old: Any, new: Any) -> bool:
    if field_name in ("sector_ids", "contribution_ids"):
        return sorted(old or []) != sorted(new or [])
    if isinstance(old, str) and isinstance(new, str):
        # Imported text is cleaned; an old value with stray spaces (bulk-loaded data) is the same.
        return clean(old) != new
    return bool(old != new)


def planned_updates(
    action: Action, values: dict[str, Any], blank: Iterable[str], current: dict[str, Any]
) -> dict[str, Any]:
    """The fields to pass to ``update_member``: only those that change.

    UPDATE (by id) sets every mapped field as the file has it, empty cells clearing; OVERWRITE
    sets the file's non-empty values; FILL sets only fields the member has empty.
    """
    out: dict[str, Any] = {}
    for name, new in values.items():
        if name == "primary_sector_id":
            continue
        old = current.get(name)
        if action is Action.FILL:
            if old in _EMPTY and new not in _EMPTY:
                out[name] = new
        elif _differs(name, old, new):
            out[name] = new
    if action is Action.UPDATE:
        for name in blank:
            if name == "primary_sector_id":
                continue
            empty = _CLEARED.get(name)
            if _differs(name, current.get(name), empty):
                out[name] = empty
    if "sector_ids" in values:
        primary = values.get("primary_sector_id")
        if "sector_ids" in out or (action is not Action.FILL and primary != current.get("primary_sector_id")):
            out["sector_ids"] = values["sector_ids"]
            out["primary_sector_id"] = primary
    elif "sector_ids" in out:  # cleared
        out["primary_sector_id"] = None
    return out


def merge_row_values(into: dict[str, Any], values: dict[str, Any], action: Action) -> bool:
    """A later duplicate row into its earlier row's values; True if anything changed."""
    changed = False
    for name, new in values.items():
        if action is Action.FILL and into.get(name) not in _EMPTY:
            continue
        if name == "primary_sector_id" and "sector_ids" not in values:
            continue
        if into.get(name) != new:
            into[name] = new
            changed = True
    if changed and "sector_ids" in into and into.get("primary_sector_id") not in into["sector_ids"]:
        into["primary_sector_id"] = into["sector_ids"][0] if into["sector_ids"] else None
    return changed


def error_column_letter(plan: ImportPlan, header: str | None) -> str | None:
    """The spreadsheet letter of a header (for a report that points at the cell)."""
    if header is None or header not in plan.source.headers:
        return None
    return column_letter(plan.source.headers.index(header))


# -- reading what members hold now (the plan compares with it; apply re-reads it) -------------


#: The member fields held in the members table itself (sectors and contributions are links,
#: read apart), in ``services.members.FIELDS`` order: a new member field is compared by default.
LINKED_FIELDS = ("sector_ids", "primary_sector_id", "contribution_ids")
VALUE_NAMES = tuple(name for name in FIELDS if name not in LINKED_FIELDS)
VALUE_COLUMNS = tuple(
    getattr(Member, "print_fields_raw" if name == "print_fields" else name) for name in VALUE_NAMES
)


def current_values(
    session: Session, ids: Sequence[int], abort: threading.Event | None
) -> dict[int, dict[str, Any]]:
    """``services.members.member_values`` of many members, read with three queries per chunk."""
    out: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), CHUNK):
        check_abort(abort)
        chunk = list(ids[start : start + CHUNK])
        for member_id, *row in session.execute(select(Member.id, *VALUE_COLUMNS).where(Member.id.in_(chunk))):
            values = dict(zip(VALUE_NAMES, row, strict=True))
            raw = values["print_fields"] or ""
            values["print_fields"] = [PrintField(code) for code in raw.split(",") if code]
            values["directory_consent"] = bool(values["directory_consent"])
            values["no_contact"] = bool(values["no_contact"])
            values.update(sector_ids=[], primary_sector_id=None, contribution_ids=[])
            out[member_id] = values
        stmt = select(MemberSector.member_id, MemberSector.sector_id, MemberSector.is_primary).where(
            MemberSector.member_id.in_(chunk)
        )
        for member_id, sector_id, primary in session.execute(stmt):
            out[member_id]["sector_ids"].append(sector_id)
            if primary:
                out[member_id]["primary_sector_id"] = sector_id
        link = member_contributions.c
        for member_id, contribution_id in session.execute(
            select(link.member_id, link.contribution_id).where(link.member_id.in_(chunk))
        ):
            out[member_id]["contribution_ids"].append(contribution_id)
        for member_id in chunk:
            if member_id in out:
                out[member_id]["sector_ids"].sort()
                out[member_id]["contribution_ids"].sort()
    return out
