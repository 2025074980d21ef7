"""The CLI's argument parser and argument types: argparse speaking Spanish, and values checked
where they are typed (``integer`` within 64 bits, ``text`` that is UTF-8, ``path`` as given), so
a bad value is a usage error (exit 2) before anything opens."""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn, TypeAlias

from talentdesk.cli.common import EXIT_USAGE
from talentdesk.core.text import readable_file_name

#: argparse's messages (formatted, English) → Spanish; applied in order.
_ARGPARSE_ES = [
    (r"the following arguments are required", "faltan los argumentos"),
    (r"unrecognized arguments", "argumentos no reconocidos"),
    (r"invalid choice: (.*) \(choose from (.*)\)$", r"opción no válida: \1 (opciones: \2)"),
    (r"invalid \w+ value", "valor no válido"),
    (r"expected one argument", "se esperaba un valor"),
    (r"expected at most one argument", "se esperaba como máximo un valor"),
    (r"expected at least one argument", "se esperaba al menos un valor"),
    (r"expected (\d+) arguments?", r"se esperaban \1 valores"),
    (r"ambiguous option: (\S+) could match", r"opción ambigua: \1 puede ser"),
    (r"not allowed with argument", "no se permite junto con"),
    (r"ignored explicit argument", "se ignoró el valor explícito"),
    (r"one of the arguments (.*) is required", r"se requiere uno de los argumentos \1"),
    (r"unexpected option string", "opción inesperada"),
    (r"^argument ", "argumento "),
]

#: The largest integer a database column holds (SQLite INTEGER, PostgreSQL BIGINT).
INT_MAX = 2**63 - 1
_DIGITS = re.compile(r"\s*[+-]?[\d_]+\s*")
#: How argv shows bytes that are not UTF-8 (PEP 383 surrogate escapes).
_UNDECODABLE = re.compile("[\udc80-\udcff]")


def shown(value: str, limit: int = 40) -> str:
    """An argument as a message may quote it: shortened, bytes that are not UTF-8 as ``\\xff``."""
    text = readable_file_name(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def integer(value: str) -> int:
    """An integer argument (ids, counts, limits): one beyond what a database integer holds can
    name nothing and would only overflow inside the driver, so it is a usage error here."""
    try:
        number = int(value)
    except ValueError:
        if not _DIGITS.fullmatch(value):
            raise argparse.ArgumentTypeError(f"número entero no válido: «{shown(value)}»") from None
        number = INT_MAX + 1  # digits past Python's own conversion limit
    if not -INT_MAX - 1 <= number <= INT_MAX:
        raise argparse.ArgumentTypeError(
            f"«{shown(value)}» está fuera del intervalo de números enteros (±{INT_MAX:,})"
        )
    return number


def text(value: str) -> str:
    """A text argument. Bytes that are not UTF-8 (argv shows them as lone surrogates) are refused
    here, naming the argument, instead of failing when searched, stored or printed."""
    if _UNDECODABLE.search(value):
        raise argparse.ArgumentTypeError(
            f"«{shown(value)}» no es texto UTF-8; revise la codificación de la terminal"
        )
    return value


def path(value: str) -> str:
    """A file name: any bytes the file system accepts, kept as they are."""
    return value


class _SpanishFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "uso: " if prefix is None else prefix)


class SpanishParser(argparse.ArgumentParser):
    """argparse speaking Spanish; arguments without a type are :func:`text`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _SpanishFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumentos posicionales"
        self._optionals.title = "opciones"
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = "muestra esta ayuda y sale"

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        if kwargs.get("action", "store") in ("store", "append") and "type" not in kwargs:
            kwargs["type"] = text
        return super().add_argument(*args, **kwargs)

    def _parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        namespace, extras = super()._parse_known_args(*args, **kwargs)
        for action in self._actions:  # argparse drops a "--" value (`-o--`), leaving []
            value = getattr(namespace, action.dest, None)
            values = (value or []) if isinstance(action, argparse._AppendAction) else [value]
            if action.nargs in (None, "?") and any(isinstance(v, list) for v in values):
                self.error(
                    f"argumento {'/'.join(action.option_strings) or action.dest}: se esperaba un valor"
                )
        return namespace, extras

    def error(self, message: str) -> NoReturn:
        for english, spanish in _ARGPARSE_ES:
            message = re.sub(english, spanish, message)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


#: What ``add_subparsers`` returns: each command module adds its command(s) to it.
Commands: TypeAlias = "argparse._SubParsersAction[SpanishParser]"


def actions(parser: SpanishParser, dest: str, metavar: str = "ACCIÓN") -> Commands:
    """The required verbs of a command (``members add``, ``db backup``…)."""
    return parser.add_subparsers(dest=dest, metavar=metavar, required=True, parser_class=SpanishParser)
