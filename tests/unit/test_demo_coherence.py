"""Demo data a user reads without wincing (issue 12, item 15): chapter members live in their
chapter's region, job titles agree with the member's gender, organisations sit in real Mexican
cities of the state they name, nobody is called «Mauro Mauro». Checked on generated data."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from talentdesk.core.enums import Gender
from talentdesk.core.models import Chapter, Member, Organization
from talentdesk.core.text import fold
from talentdesk.db.session import Database

#: Where each chapter city lies (public geography, written here independently of the demo).
STATE_OF_CHAPTER_CITY = {
    ("US", "San José"): "California",
    ("US", "Los Ángeles"): "California",
    ("US", "San Diego"): "California",
    ("US", "Houston"): "Texas",
    ("US", "Dallas"): "Texas",
    ("US", "Detroit"): "Michigan",
    ("US", "Chicago"): "Illinois",
    ("US", "Nueva York"): "Nueva York",
    ("US", "Phoenix"): "Arizona",
    ("US", "Boston"): "Massachusetts",
    ("US", "Seattle"): "Washington",
    ("US", "Atlanta"): "Georgia",
    ("US", "Washington"): "Distrito de Columbia",
    ("CA", "Toronto"): "Ontario",
    ("CA", "Montreal"): "Quebec",
    ("CA", "Vancouver"): "Columbia Británica",
}

#: Words of a job title that only fit one gender (folded).
MASCULINE = {
    "ingeniero", "investigador", "profesor", "director", "cientifico", "medico", "consultor",
    "fundador", "arquitecto", "biotecnologo", "quimico", "asociado", "vicepresidente",
}  # fmt: skip
FEMININE = {
    "ingeniera", "investigadora", "profesora", "directora", "cientifica", "medica", "consultora",
    "fundadora", "arquitecta", "biotecnologa", "quimica", "asociada", "vicepresidenta",
}  # fmt: skip

#: Real Mexican cities by state (INEGI names), a superset of what a demo may use.
MEXICAN_CITIES = {
    "Aguascalientes": {"Aguascalientes"},
    "Baja California": {"Tijuana", "Mexicali", "Ensenada"},
    "Baja California Sur": {"La Paz", "Los Cabos"},
    "Campeche": {"Campeche", "Ciudad del Carmen"},
    "Chiapas": {"Tuxtla Gutiérrez", "Tapachula", "San Cristóbal de las Casas"},
    "Chihuahua": {"Chihuahua", "Ciudad Juárez"},
    "Ciudad de México": {"Ciudad de México"},
    "Coahuila": {"Saltillo", "Torreón", "Monclova"},
    "Colima": {"Colima", "Manzanillo"},
    "Durango": {"Durango"},
    "Estado de México": {"Toluca", "Naucalpan", "Ecatepec", "Texcoco"},
    "Guanajuato": {"León", "Guanajuato", "Irapuato", "Celaya"},
    "Guerrero": {"Chilpancingo", "Acapulco"},
    "Hidalgo": {"Pachuca"},
    "Jalisco": {"Guadalajara", "Zapopan", "Puerto Vallarta"},
    "Michoacán": {"Morelia", "Uruapan"},
    "Morelos": {"Cuernavaca"},
    "Nayarit": {"Tepic"},
    "Nuevo León": {"Monterrey", "San Pedro Garza García", "San Nicolás de los Garza"},
    "Oaxaca": {"Oaxaca de Juárez"},
    "Puebla": {"Puebla", "Tehuacán"},
    "Querétaro": {"Querétaro"},
    "Quintana Roo": {"Cancún", "Chetumal"},
    "San Luis Potosí": {"San Luis Potosí"},
    "Sinaloa": {"Culiacán", "Mazatlán"},
    "Sonora": {"Hermosillo", "Ciudad Obregón"},
    "Tabasco": {"Villahermosa"},
    "Tamaulipas": {"Reynosa", "Tampico", "Ciudad Victoria", "Matamoros"},
    "Tlaxcala": {"Tlaxcala"},
    "Veracruz": {"Xalapa", "Veracruz", "Coatzacoalcos"},
    "Yucatán": {"Mérida"},
    "Zacatecas": {"Zacatecas"},
}


@pytest.fixture()
def demo(demo_db_path: Path) -> Database:
    return Database.open(demo_db_path)


def test_chapter_members_live_in_their_chapters_region(demo: Database) -> None:
    try:
        with demo.reader() as s:
            chapters = {c.id: (c.name, c.city, c.country) for c in s.scalars(select(Chapter))}
            rows = s.execute(
                select(Member.chapter_id, Member.country, Member.state, Member.city).where(
                    Member.chapter_id.is_not(None)
                )
            ).all()
    finally:
        demo.close()
    assert len(rows) > 100
    wrong = []
    for chapter_id, country, state, city in rows:
        assert chapter_id is not None
        name, chapter_city, chapter_country = chapters[chapter_id]
        region = STATE_OF_CHAPTER_CITY.get((chapter_country or "", chapter_city or ""))
        if country != chapter_country or (region is not None and state != region):
            wrong.append(f"{name}: {city}, {state}, {country}")
    assert wrong == []
    houston = next(cid for cid, (name, _city, _country) in chapters.items() if name == "Houston")
    assert Counter(state for cid, _c, state, _city in rows if cid == houston).keys() == {"Texas"}


def test_job_titles_agree_with_gender(demo: Database) -> None:
    try:
        with demo.reader() as s:
            rows = s.execute(select(Member.gender, Member.given_names, Member.job_title)).all()
    finally:
        demo.close()
    marked = {Gender.FEMALE: 0, Gender.MALE: 0}
    wrong = []
    for gender, given, title in rows:
        words = set(fold(title).split())
        other = MASCULINE if gender is Gender.FEMALE else FEMININE if gender is Gender.MALE else set()
        if words & other:
            wrong.append(f"{given}: {title}")
        own = FEMININE if gender is Gender.FEMALE else MASCULINE
        if gender in marked and words & own:
            marked[gender] += 1
    assert wrong == []
    assert min(marked.values()) > 30  # the titles do say the gender, for women and men


def test_names_are_not_repeated_nor_misspelt(demo: Database) -> None:
    try:
        with demo.reader() as s:
            names = list(s.scalars(select(Member.given_names)))
            surnames = set(s.scalars(select(Member.paternal_surname))) | set(
                s.scalars(select(Member.maternal_surname))
            )
            employers = set(s.scalars(select(Member.employer)))
    finally:
        demo.close()
    assert [n for n in names if len(n.split()) != len(set(n.split()))] == []
    assert "Rodrígez" not in surnames  # misspelt in Faker's list
    assert not [e for e in employers if e and "Corporacin" in e]


def test_organisations_sit_in_real_mexican_cities(demo: Database) -> None:
    try:
        with demo.reader() as s:
            rows = s.execute(select(Organization.name, Organization.state, Organization.city)).all()
    finally:
        demo.close()
    assert len(rows) >= 60
    wrong = [f"{n}: {c}, {st}" for n, st, c in rows if c not in MEXICAN_CITIES.get(st or "", set())]
    assert wrong == []
    universities = [n for n, _st, _c in rows if n.startswith("Universidad ")]
    cities = {c for cs in MEXICAN_CITIES.values() for c in cs}
    assert universities and all(any(n.endswith(f" de {c}") for c in cities) for n in universities)
