"""Turn driver and file-system errors caused by the environment into clear Spanish messages."""

from __future__ import annotations

import re
import sqlite3

from sqlalchemy.exc import DBAPIError, OperationalError

from talentdesk.core.errors import DatabaseError, SignInError
from talentdesk.core.i18n import N_, _
from talentdesk.core.oserrors import os_reason

READ_ONLY_MESSAGE = N_(
    "La base de datos es de solo lectura: se puede consultar, no se pueden guardar cambios."
)

_KNOWN: tuple[tuple[str, str], ...] = (
    (
        "database is locked",
        N_("La base de datos está bloqueada por otro programa o usuario. Intente de nuevo en unos segundos."),
    ),
    ("readonly database", READ_ONLY_MESSAGE),
    ("read-only", READ_ONLY_MESSAGE),
    (
        "database or disk is full",
        N_("El disco está lleno: no se pudo guardar el cambio."),
    ),
    (
        "disk i/o error",
        N_("Error de lectura o escritura en el disco: no se pudo guardar el cambio."),
    ),
    (
        "file is not a database",
        N_("El archivo no es una base de datos válida o está dañado."),
    ),
    (
        "database disk image is malformed",
        N_("La base de datos está dañada. Restaure una copia de seguridad (talentdesk db restore)."),
    ),
    (
        "unable to open database file",
        N_("No se puede abrir el archivo de la base de datos."),
    ),
    (
        "connection refused",
        N_("No se puede conectar con el servidor de base de datos."),
    ),
    (
        "failed to resolve host",
        N_("No se encuentra el servidor de base de datos: revise su nombre y la conexión a la red."),
    ),
    (
        "could not translate host name",
        N_("No se encuentra el servidor de base de datos: revise su nombre y la conexión a la red."),
    ),
    (
        "timeout expired",
        N_("El servidor de base de datos no respondió a tiempo: revise su nombre, el puerto y la red."),
    ),
)

#: A PostgreSQL server refusing the person: asked again for user and password, not a dead end.
_SIGN_IN: tuple[tuple[str, str], ...] = (
    ("password authentication failed", N_("El servidor rechazó el usuario o la contraseña.")),
    ("no password supplied", N_("El servidor pide una contraseña para este usuario.")),
)
_NO_DATABASE = re.compile(r'fatal:\s+database "([^"]*)" does not exist')

#: Short Spanish reasons for raw errors, to put inside a longer message.
_REASONS: tuple[tuple[str, str], ...] = (
    ("database is locked", N_("otro proceso la tiene bloqueada")),
    ("readonly database", N_("es de solo lectura")),
    ("database or disk is full", N_("el disco está lleno")),
    ("disk i/o error", N_("error de lectura o escritura en el disco")),
    ("file is not a database", N_("no es una base de datos válida")),
    ("database disk image is malformed", N_("el archivo está dañado")),
    ("unable to open database file", N_("no se puede abrir el archivo")),
    ("interrupted", N_("se interrumpió")),
)


def classify(exc: BaseException) -> DatabaseError | None:
    """A DatabaseError for environment problems; None means a bug that must surface as such."""
    if isinstance(exc, (OperationalError, DBAPIError)):
        text = str(getattr(exc, "orig", exc)).lower()
    elif isinstance(exc, sqlite3.OperationalError):
        text = str(exc).lower()
    else:
        return None
    for needle, message in _SIGN_IN:
        if needle in text:
            return SignInError(_(message))
    missing = _NO_DATABASE.search(text)
    if missing is not None:
        return DatabaseError(
            _(
                "La base de datos «{name}» no existe en el servidor. Pida a quien administra el servidor que la cree (README: oficina con servidor)."
            ).format(name=missing.group(1))
        )
    for needle, message in _KNOWN:
        if needle in text:
            return DatabaseError(_(message))
    return None


def spanish_reason(exc: BaseException) -> str:
    """Why an OS or SQLite operation failed, in Spanish, to put inside a sentence."""
    if isinstance(exc, OSError):
        return os_reason(exc)
    text = str(getattr(exc, "orig", exc)).lower()
    for needle, reason in _REASONS:
        if needle in text:
            return _(reason)
    return str(exc)
