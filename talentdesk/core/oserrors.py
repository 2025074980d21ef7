"""An operating-system error said in Spanish.

The OS words its reason in English ("Permission denied", "No such file or directory"); a
message shown to a person says in Spanish what could not be done and why. ``os_reason`` gives
the why by ``errno``; exports, imports and backups put it after their own "No se pudo …".
lxml reports failed writes as ``SerialisationError('IO_ENOSPC')``: ``as_os_error`` turns that
into the ``OSError`` it stands for, so a full disk reads the same whichever library hit it.
"""

from __future__ import annotations

import errno
import re

from talentdesk.core.i18n import N_, _

#: The OS's reason for the failures a person can meet, in Spanish (by errno name: not every
#: platform has every code).
_REASON_BY_NAME = {
    "EACCES": N_("permiso denegado"),
    "EPERM": N_("operación no permitida"),
    "ENOSPC": N_("no hay espacio en el disco"),
    "EDQUOT": N_("se agotó la cuota de disco de su cuenta"),
    "EFBIG": N_("el archivo supera el tamaño máximo permitido"),
    "EISDIR": N_("es una carpeta"),
    "ENOTDIR": N_("una parte de la ruta no es una carpeta"),
    "ENOENT": N_("no existe el archivo o la carpeta"),
    "EROFS": N_("el disco es de solo lectura"),
    "EEXIST": N_("ya existe"),
    "ENOTEMPTY": N_("la carpeta no está vacía"),
    "EBUSY": N_("el archivo está en uso"),
    "ETXTBSY": N_("el archivo está en uso"),
    "ENAMETOOLONG": N_("el nombre es demasiado largo (máximo 255 bytes por nombre)"),
    "EIO": N_("error de lectura o escritura en el disco"),
    "ELOOP": N_("hay demasiados enlaces simbólicos en la ruta"),
    "EMFILE": N_("hay demasiados archivos abiertos"),
    "ENFILE": N_("hay demasiados archivos abiertos en el sistema"),
    "EXDEV": N_("el destino está en otro disco"),
    "ENXIO": N_("el dispositivo no está disponible"),
    "ENODEV": N_("el dispositivo no está disponible"),
    "EINVAL": N_("el nombre o la operación no son válidos en ese disco"),
    "EAGAIN": N_("el recurso no está disponible por ahora"),
    "ETIMEDOUT": N_("se agotó el tiempo de espera (¿disco de red?)"),
    "ESTALE": N_("el archivo de red ya no está disponible"),
}
_REASONS = {
    code: text
    for name, text in _REASON_BY_NAME.items()
    if isinstance(code := getattr(errno, name, None), int)
}

_LXML_IO = re.compile(r"\bIO_([A-Z]+)\b")


def os_reason(exc: OSError) -> str:
    """Why an OS call failed, in Spanish; an unusual code is named, never the OS's English."""
    if exc.errno is None:
        return _("error del sistema de archivos")
    known = _REASONS.get(exc.errno)
    if known is not None:
        return _(known)
    return _("error del sistema ({code})").format(code=errno.errorcode.get(exc.errno, str(exc.errno)))


def os_error_message(action: str, exc: OSError) -> str:
    """``action`` ("No se pudo escribir «x»") and the reason, as one Spanish sentence."""
    return _("{action}: {reason}.").format(action=action, reason=os_reason(exc))


def as_os_error(exc: BaseException) -> OSError | None:
    """The ``OSError`` behind ``exc``: itself, or the errno lxml names in ``IO_ENOSPC``…"""
    if isinstance(exc, OSError):
        return exc
    if type(exc).__name__ == "SerialisationError":  # lxml.etree, without importing lxml here
        found = _LXML_IO.search(str(exc))
        code = getattr(errno, found.group(1), None) if found else None
        if isinstance(code, int):
            return OSError(code, found.group(0) if found else str(exc))
    return None
