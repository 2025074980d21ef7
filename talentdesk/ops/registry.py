"""Every kind of operation, by name, so tests can prove each one undoes exactly.

A factory decorated with :func:`operation` is listed here; the undo property test fails when a
listed operation has no example to run (so a new operation cannot skip the proof).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

OPERATIONS: dict[str, Callable[..., Any]] = {}


def operation(factory: F) -> F:
    name = f"{factory.__module__.rsplit('.', 1)[-1]}.{factory.__name__}"
    OPERATIONS[name] = factory
    return factory


def load_all() -> dict[str, Callable[..., Any]]:
    """Import every module of ``talentdesk.ops`` (operations register themselves) and return the
    registry. Found by listing the package, so a new operations module cannot be left out of the
    undo property test, and this module imports none of them (no import cycle)."""
    import talentdesk.ops

    for module in pkgutil.iter_modules(talentdesk.ops.__path__, "talentdesk.ops."):
        importlib.import_module(module.name)
    return OPERATIONS
