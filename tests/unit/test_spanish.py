"""Spanish wording of generated documents: salutations by gender, venue names with their article."""

from __future__ import annotations

import pytest

from talentdesk.core.enums import Gender
from talentdesk.core.spanish import salutation, with_article


@pytest.mark.parametrize(
    ("gender", "expected"),
    [
        (Gender.FEMALE, "Estimada"),
        (Gender.MALE, "Estimado"),
        (Gender.OTHER, "Estimado(a)"),
        (None, "Estimado(a)"),
    ],
)
def test_salutation(gender: Gender | None, expected: str) -> None:
    assert salutation(gender) == expected


@pytest.mark.parametrize(
    ("venue", "expected"),
    [
        ("Consulado General de México en Houston", "el Consulado General de México en Houston"),
        ("Secretaría de Relaciones Exteriores", "la Secretaría de Relaciones Exteriores"),
        ("Auditorio Jaime Torres Bodet", "el Auditorio Jaime Torres Bodet"),
        ("Palacio de Minería", "el Palacio de Minería"),
        ("Universidad Iberoamericana", "la Universidad Iberoamericana"),
        ("Torre Ejecutiva", "la Torre Ejecutiva"),
        ("Hotel Camino Real Polanco", "el Hotel Camino Real Polanco"),
        ("Centro de Convenciones", "el Centro de Convenciones"),
        ("Sede de demostración — Auditorio principal", "la Sede de demostración — Auditorio principal"),
        ("Biblioteca Vasconcelos", "la Biblioteca Vasconcelos"),
        ("Aula Magna", "el Aula Magna"),  # a stressed «a»: «el aula», as «el agua»
        ("Expo Guadalajara", "la Expo Guadalajara"),
        ("World Trade Center Ciudad de México", "el World Trade Center Ciudad de México"),
        ("Casa de la Cultura", "la Casa de la Cultura"),
        ("Fundación Ejemplo", "la Fundación Ejemplo"),
        ("UNAM", "la UNAM"),
        ("IPN, Unidad Zacatenco", "el IPN, Unidad Zacatenco"),
        ("ABC Centro", "ABC Centro"),  # an acronym it does not know: left as written
        ("Los Pinos", "Los Pinos"),  # already with its article
        ("la Casa del Lago", "la Casa del Lago"),
        ("El Colegio de México", "El Colegio de México"),
        ("", ""),
    ],
)
def test_with_article(venue: str, expected: str) -> None:
    assert with_article(venue) == expected
