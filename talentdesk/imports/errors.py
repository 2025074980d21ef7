"""How the import's steps (duplicate search, plan, apply) stop when asked, shared without making
them import one another: the one ``core.errors.Cancelled``, saying what was cancelled."""

from __future__ import annotations

import threading

from talentdesk.core.errors import Cancelled
from talentdesk.core.i18n import _


def check_abort(abort: threading.Event | None) -> None:
    """Raise the one ``core.errors.Cancelled``, saying the import saved nothing, once asked to stop."""
    if abort is not None and abort.is_set():
        raise Cancelled(_("Importación cancelada: no se guardó nada."))
