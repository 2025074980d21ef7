"""What the Vinculación forms and filters choose from, read with each list (small tables)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtWidgets import QComboBox
from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.models import Organization
from talentdesk.core.programs import Program
from talentdesk.core.text import fold
from talentdesk.services import reference
from talentdesk.services.program_views import program_years
from talentdesk.services.programs import list_kinds
from talentdesk.ui.record_area import Listing

R = TypeVar("R")
C = TypeVar("C", bound=QComboBox)
Choices = Sequence[tuple[int, str]]


@dataclass(frozen=True)
class Refs:
    kinds: Choices = ()
    sectors: Choices = ()
    chapters: Choices = ()
    contributions: Choices = ()
    organizations: Choices = ()
    programs: Choices = ()
    years: tuple[int, ...] = ()


def load_refs(session: Session) -> Refs:
    organizations = sorted(
        ((i, n) for i, n in session.execute(select(Organization.id, Organization.name))), key=_by_name
    )
    programs = [
        (i, t) for i, t in session.execute(select(Program.id, Program.title).order_by(Program.id.desc()))
    ]
    return Refs(
        kinds=[(k.id, k.name) for k in list_kinds(session)],
        sectors=[(s.id, f"{s.number}. {s.name}") for s in reference.sectors(session)],
        chapters=[(c.id, c.name) for c in reference.chapters(session)],
        contributions=[(c.id, c.name) for c in reference.contribution_types(session)],
        organizations=organizations,
        programs=[(i, f"{t} ({i})") for i, t in programs],
        years=tuple(program_years(session)),
    )


def _by_name(item: tuple[int, str]) -> str:
    return fold(item[1])


@dataclass(frozen=True)
class RefListing(Listing[R]):
    """A list's rows and what its forms and filters choose from."""

    refs: Refs = Refs()


def fill_combo(combo: QComboBox, everything: str, items: Sequence[tuple[Any, str]]) -> None:
    """``everything`` (None) then ``items``, keeping what was chosen; no signal while filling."""
    chosen = combo.currentData()
    blocked = combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for value, text in items:
        combo.addItem(text, value)
    found = combo.findData(chosen)
    combo.setCurrentIndex(max(found, 0))
    combo.blockSignals(blocked)


def narrow(combo: C, letters: int = 14) -> C:
    """A closed list as narrow as ``letters`` characters however long its items (sector and
    kind names are long): the window must fit 1024 pixels."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(letters)
    return combo


def choice_combo(
    name: str, items: Sequence[tuple[Any, str]], blank: str | None, chosen: Any = None
) -> QComboBox:
    """A closed list of (value, text); ``blank`` first (None) when given."""
    combo = QComboBox()
    combo.setObjectName(name)
    if blank is not None:
        combo.addItem(blank, None)
    for value, text in items:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(combo.findData(chosen), 0))
    return narrow(combo, 24)
