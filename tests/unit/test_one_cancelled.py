"""One ``core.errors.Cancelled`` (issue 11): the task runner tells a cancel from a failure by that
class alone, so a cancel raised as anything else (a class of its own, a plain TalentDeskError
saying "cancelada") would reach the person as an error box."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import talentdesk
from talentdesk.core.errors import Cancelled, TalentDeskError

PACKAGE = Path(talentdesk.__file__).parent


def _every_subclass(cls: type) -> set[type]:
    found: set[type] = set()
    for sub in cls.__subclasses__():
        found |= {sub, *_every_subclass(sub)}
    return found


def test_no_other_cancelled_class_exists() -> None:
    for module in pkgutil.walk_packages(talentdesk.__path__, "talentdesk."):
        if not module.name.startswith(("talentdesk.ui", "talentdesk.db.migrations", "talentdesk.__main__")):
            importlib.import_module(module.name)
    others = {
        f"{c.__module__}.{c.__qualname__}"
        for c in _every_subclass(TalentDeskError)
        if "cancel" in c.__name__.lower() and c is not Cancelled
    }
    assert others == set()


def test_no_cancel_is_raised_as_a_plain_error() -> None:
    plain = re.compile(r"raise \w*Error\([^)]*cancelad", re.IGNORECASE | re.DOTALL)
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if plain.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
