"""Errors by kind: user mistakes, missing records and environment problems.

Everything here carries a Spanish message fit to show a person as is. Anything else that
escapes a service is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass

from talentdesk.core.i18n import _


class TalentDeskError(Exception):
    """Base of the errors a user should see as a message, not a traceback."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str

    def __str__(self) -> str:
        return self.message


class ValidationError(TalentDeskError):
    """One or more fields are wrong; each error names its field."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(e.message for e in self.errors))

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        return cls([FieldError(field, message)])

    def for_field(self, field: str) -> list[str]:
        return [e.message for e in self.errors if e.field == field]


class NotFoundError(TalentDeskError):
    pass


class ConflictError(TalentDeskError):
    """The change would break a rule involving other records (in use, duplicate name...)."""


class DatabaseError(TalentDeskError):
    """The database cannot be used as asked: locked, read-only, corrupt, full, too new."""


class SignInError(DatabaseError):
    """The database server refused the user or the password (or asked for one): the app can
    ask for them again instead of stopping."""


class SchemaTooNewError(DatabaseError):
    pass


class Cancelled(TalentDeskError):
    """The person cancelled: nothing was saved. Never shown as an error, only as a calm status."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message if message is not None else _("Operación cancelada: no se guardó nada."))
