"""Turn driver errors caused by the environment into clear Spanish messages."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, OperationalError

from talentdesk.core.errors import DatabaseError

_KNOWN: tuple[tuple[str, str], ...] = (
    (
        "database is locked",
        "La base de datos está bloqueada por otro programa o usuario. Intente de nuevo en unos segundos.",
    ),
    ("readonly database", "La base de datos es de solo lectura: no se pueden guardar cambios."),
    ("read-only", "La base de datos es de solo lectura: no se pueden guardar cambios."),
    ("database or disk is full", "El disco está lleno: no se pudo guardar el cambio."),
    ("disk i/o error", "Error de lectura o escritura en el disco."),
    ("file is not a database", "El archivo no es una base de datos válida o está dañado."),
    (
        "database disk image is malformed",
        "La base de datos está dañada. Restaure una copia de seguridad (talentdesk db restore).",
    ),
    ("unable to open database file", "No se puede abrir el archivo de la base de datos."),
    ("connection refused", "No se puede conectar con el servidor de base de datos."),
)


def classify(exc: BaseException) -> DatabaseError | None:
    """A DatabaseError for environment problems; None means a bug that must surface as such."""
    if not isinstance(exc, (OperationalError, DBAPIError)):
        return None
    text = str(getattr(exc, "orig", exc)).lower()
    for needle, message in _KNOWN:
        if needle in text:
            return DatabaseError(message)
    return None
