"""Splitting full names and surnames the Mexican way (imports.names)."""

from __future__ import annotations

import pytest

from talentdesk.imports.names import split_full_name, split_surnames


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Juan Pérez López", ("Juan", "Pérez", "López")),
        ("Juan Carlos Pérez López", ("Juan Carlos", "Pérez", "López")),
        ("Ana María de la Garza Treviño", ("Ana María", "de la Garza", "Treviño")),
        ("Ana María Treviño de la Garza", ("Ana María", "Treviño", "de la Garza")),
        ("Luis de la Garza", ("Luis", "de la Garza", None)),
        ("Pedro Del Valle Ruiz", ("Pedro", "Del Valle", "Ruiz")),
        ("Rosa Ruiz Del Valle", ("Rosa", "Ruiz", "Del Valle")),
        ("Jorge San Martín Ochoa", ("Jorge", "San Martín", "Ochoa")),
        ("José Ortega y Gasset", ("José", "Ortega y Gasset", None)),
        ("María del Carmen Ruiz", ("María del Carmen", "Ruiz", None)),
        ("María del Carmen Ruiz Sánchez", ("María del Carmen", "Ruiz", "Sánchez")),
        ("María de los Ángeles Pérez", ("María de los Ángeles", "Pérez", None)),
        ("José de Jesús Hernández", ("José de Jesús", "Hernández", None)),
        ("Juan Pérez", ("Juan", "Pérez", None)),
        ("García López, Juan Carlos", ("Juan Carlos", "García", "López")),
        ("de la Garza Treviño, Ana", ("Ana", "de la Garza", "Treviño")),
        ("  Juan\u00a0  Pérez   López ", ("Juan", "Pérez", "López")),
        ("Madonna", ("Madonna", "", None)),
        ("", ("", "", None)),
    ],
)
def test_split_full_name(text: str, expected: tuple[str, str, str | None]) -> None:
    assert split_full_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("García López", ("García", "López")),
        ("García de la Garza", ("García", "de la Garza")),
        ("de la Garza Treviño", ("de la Garza", "Treviño")),
        ("Del Valle", ("Del Valle", None)),
        ("Ortega y Gasset", ("Ortega y Gasset", None)),
        ("Pérez", ("Pérez", None)),
        ("", ("", None)),
    ],
)
def test_split_surnames(text: str, expected: tuple[str, str | None]) -> None:
    assert split_surnames(text) == expected
