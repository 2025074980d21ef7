"""How many automatic backups to keep: the numbers live in the database (document_settings,
keys from db/retention.py) so the CLI and every desk apply the same rule; changes are audited."""

from __future__ import annotations

from sqlalchemy.orm import Session

from talentdesk.core.errors import ValidationError
from talentdesk.core.i18n import _
from talentdesk.core.models import DocumentSetting
from talentdesk.db.retention import KEEP_DAILY_KEY, KEEP_WEEKLY_KEY, MAX_KEEP
from talentdesk.services import audit


def set_retention(session: Session, *, daily: int | None = None, weekly: int | None = None) -> None:
    """Save the numbers given (None leaves one as it is); 0 weekly keeps no weekly copies."""
    for key, value, label, least in (
        (KEEP_DAILY_KEY, daily, "días", 1),
        (KEEP_WEEKLY_KEY, weekly, "semanas", 0),
    ):
        if value is None:
            continue
        if not least <= value <= MAX_KEEP:
            raise ValidationError.single(
                key,
                _("Copias de seguridad: el número de {label} debe estar entre {least} y {MAX_KEEP}.").format(
                    label=label, least=least, MAX_KEEP=MAX_KEEP
                ),
            )
        setting = session.get(DocumentSetting, key)
        before = setting.value if setting is not None else None
        if before == str(value):
            continue
        if setting is None:
            session.add(DocumentSetting(key=key, value=str(value)))
        else:
            setting.value = str(value)
        audit.record_changes(session, "document_setting", 0, {key: (before, str(value))})
    session.flush()
