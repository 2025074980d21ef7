"""Talent matching (services/matching.py) on a crafted data set whose right ranking is known:
the expert who meets every criterion first, partial credit after, the reasons word by word, and
who is never proposed (objection to contact, anonymised, inactive unless asked)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from talentdesk.core.enums import DegreeLevel
from talentdesk.core.errors import ValidationError
from talentdesk.db.session import Database
from talentdesk.services import needs, privacy, reference
from talentdesk.services.matching import MatchCriteria, criteria_for_need, match_members

from .helpers import add


@pytest.fixture()
def ids(db: Database) -> dict[str, Any]:
    """Members around one need: Salud + «biotecnología» + Houston, mentoring companies, PhD."""
    with db.session() as s:
        salud = reference.find_sector(s, "Salud").id
        tic = reference.find_sector(s, "Tecnologías de la Información").id
        houston = reference.find_chapter(s, "Houston").id
        mentoring = reference.find_contribution(s, "mentoria_empresas").id
        expert: dict[str, Any] = {
            "sector_ids": [salud],
            "primary_sector_id": salud,
            "expertise": "Biotecnología, vacunas",
            "job_title": "Investigadora",
            "country": "US",
            "city": "Houston",
            "chapter_id": houston,
            "degree_level": "doctorado",
            "contribution_ids": [mentoring],
            "languages": "es, en",
            "status": "activo",
            "directory_consent": True,
        }

        def member(given: str, paternal: str, **changes: Any) -> int:
            return add(s, given, paternal, "Ruiz", **{**expert, **changes}).id

        found = {
            "expert": member("Ana", "Torres"),
            "masters": member("Berta", "Luna", degree_level="maestria"),
            "dallas": member("Carla", "Mora", city="Dallas", chapter_id=None),
            "secondary": member("Diana", "Vega", sector_ids=[tic, salud], primary_sector_id=tic),
            "related": member("Elena", "Soto", expertise="Biotechnology startups"),
            "no_consent": member("Flor", "Zamora", directory_consent=False, employer="Rice"),
            # never proposed
            "objected": member("Gala", "Ríos", no_contact=True),
            "inactive": member("Hilda", "Cruz", status="inactivo"),
            "anonymized": member("Irma", "Leal"),
            # a namesake of the expert who meets nothing; an employer named like the city
            "namesake": add(s, "Ana", "Torres", "Ruiz", city="Madrid", country="ES").id,
            "employer_houston": add(s, "Juan", "Pérez", None, employer="Houston Foods", country="ES").id,
        }
        privacy.anonymize_member(s, found["anonymized"])
        found.update(salud=salud, houston=houston, mentoring=mentoring)
        return found


def _criteria(ids: dict[str, Any], **changes: Any) -> MatchCriteria:
    base = MatchCriteria(
        sector_ids=(ids["salud"],),
        keywords="biotecnología",
        country="US",
        city="Houston",
        contribution_id=ids["mentoring"],
        degree_level=DegreeLevel.DOCTORADO,
    )
    return replace(base, **changes)


def test_the_expert_ranks_first_then_partial_credit_in_order(db: Database, ids: dict[str, Any]) -> None:
    with db.reader() as s:
        result = match_members(s, _criteria(ids))
    ranked = [(i.member_id, i.score) for i in result.items]
    assert ranked == [
        (ids["expert"], 100.0),
        (ids["no_consent"], 100.0),  # equal score: name order; consent governs publication only
        (ids["masters"], 95.0),  # maestría, one level below: 5 of 10
        (ids["dallas"], 93.0),  # another city of the same country: 8 of 15
        (ids["secondary"], 90.0),  # Salud as a secondary sector: 20 of 30
        (ids["related"], 85.0),  # "biotechnology": a related word, half of 30
    ]
    assert result.total == 6
    assert result.excluded == {"no_contact": 1, "inactive": 1, "anonymized": 1}


def test_reasons_say_why_field_by_field(db: Database, ids: dict[str, Any]) -> None:
    with db.reader() as s:
        items = {i.member_id: i for i in match_members(s, _criteria(ids)).items}
    assert items[ids["expert"]].reasons == (
        "sector Salud (principal)",
        "ofrece Mentoría a empresas mexicanas",
        "Houston",
        "doctorado",
        "«biotecnología» en especialidad",
    )
    assert items[ids["expert"]].met_all
    assert items[ids["dallas"]].reasons[2] == "Dallas, mismo país"
    assert items[ids["masters"]].reasons[3] == "maestría (se pidió doctorado)"
    assert items[ids["secondary"]].reasons[0] == "sector Salud (secundario)"
    assert items[ids["related"]].reasons[-1] == "«biotechnology» en especialidad (afín a «biotecnología»)"
    assert not items[ids["related"]].met_all
    assert items[ids["expert"]].why.startswith("sector Salud (principal) · ofrece Mentoría")


def test_inactive_members_only_when_asked(db: Database, ids: dict[str, Any]) -> None:
    with db.reader() as s:
        result = match_members(s, _criteria(ids, include_inactive=True))
    assert ids["inactive"] in [i.member_id for i in result.items]
    assert ids["objected"] not in [i.member_id for i in result.items]


def test_keywords_count_in_expertise_and_job_title_not_in_names(db: Database, ids: dict[str, Any]) -> None:
    with db.session() as s:
        add(s, "Pedro", "Biotecnología", None, city="Lima", country="PE")  # a name, not an expertise
        lead = add(s, "Rosa", "Kahlo", None, job_title="Líder de vacunas", country="PE").id
    with db.reader() as s:
        result = match_members(s, MatchCriteria(keywords="vacunas"))
        assert lead in [i.member_id for i in result.items]
        assert "«vacunas» en puesto" in next(i for i in result.items if i.member_id == lead).reasons
        names = [i.name for i in match_members(s, MatchCriteria(keywords="biotecnología")).items]
    assert "Pedro Biotecnología" not in names


def test_languages_and_country_alone(db: Database, ids: dict[str, Any]) -> None:
    with db.session() as s:
        french = add(s, "Luis", "Marín", None, languages="es, fr", country="FR").id
    with db.reader() as s:
        result = match_members(s, MatchCriteria(languages="francés"))
        assert [(i.member_id, i.reasons) for i in result.items] == [(french, ("habla francés",))]
        spain = match_members(s, MatchCriteria(country="ES")).items
    assert {i.member_id: i.reasons for i in spain} == {
        ids["namesake"]: ("España",),
        ids["employer_houston"]: ("España",),
    }


def test_the_diverse_option_spreads_employers(db: Database) -> None:
    with db.session() as s:
        same = [
            add(s, f"Nombre{n}", "Apellido", None, employer="Acme", expertise="robótica").id for n in "abc"
        ]
        other = add(s, "Zoe", "Zapata", None, employer="Otra", expertise="robótica").id
    with db.reader() as s:
        plain = [i.member_id for i in match_members(s, MatchCriteria(keywords="robótica"), limit=2).items]
        diverse = match_members(s, MatchCriteria(keywords="robótica", diverse=True), limit=2).items
    assert plain == same[:2]
    assert [i.member_id for i in diverse] == [same[0], other]
    assert [i.score for i in diverse] == [100.0, 100.0]


def test_a_need_gives_its_criteria(db: Database, ids: dict[str, Any]) -> None:
    with db.session() as s:
        need = needs.create_need(
            s,
            {
                "title": "Expertos en biotecnología",
                "sector_id": ids["salud"],
                "sector_ids": [ids["salud"]],
                "keywords": "biotecnología",
                "country": "US",
                "city": "Houston",
                "contribution_id": ids["mentoring"],
                "degree_level": "doctorado",
            },
        ).id
    with db.reader() as s:
        criteria = criteria_for_need(s, need)
        assert criteria == _criteria(ids)
        assert match_members(s, criteria).items[0].member_id == ids["expert"]


def test_no_criteria_is_a_spanish_error(db: Database) -> None:
    with db.reader() as s, pytest.raises(ValidationError) as info:
        match_members(s, MatchCriteria(keywords=" , ;"))
    assert info.value.errors[0].message.startswith("Indique al menos un criterio")
