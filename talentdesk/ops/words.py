"""Labels of operations as the Edit menu shows them ("Deshacer Eliminar 3 miembros")."""

from __future__ import annotations


def count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
