"""Every kind of operation, by name, so tests can prove each one undoes exactly.

A factory decorated with :func:`operation` is listed here; the undo property test fails when a
listed operation has no example to run (so a new operation cannot skip the proof).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

OPERATIONS: dict[str, Callable[..., Any]] = {}


def operation(factory: F) -> F:
    name = f"{factory.__module__.rsplit('.', 1)[-1]}.{factory.__name__}"
    OPERATIONS[name] = factory
    return factory


def load_all() -> dict[str, Callable[..., Any]]:
    """Import every operations module (they register themselves) and return the registry."""
    from talentdesk.ops import (  # noqa: F401
        chapters,
        events,
        imports,
        members,
        needs,
        organizations,
        programs,
        sectors,
        settings,
    )

    return OPERATIONS
