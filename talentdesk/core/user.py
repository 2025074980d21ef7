"""Who is working: the login name the audit trail records."""

from __future__ import annotations

import getpass
from functools import cache


@cache
def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): still record something
        return "desconocido"
