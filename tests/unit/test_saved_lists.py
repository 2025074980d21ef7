"""Saved lists (services/saved_lists.py, list_queries.py): every filter survives the JSON, a
chapter deleted since is a note and not a crash, unreadable queries are a Spanish refusal, and an
anonymised member never comes back through a list."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from talentdesk.core.enums import DegreeLevel, MemberStatus
from talentdesk.core.errors import NotFoundError, ValidationError
from talentdesk.core.programs import SavedList, SavedListKind
from talentdesk.db.session import Database
from talentdesk.services import chapters, privacy, reference
from talentdesk.services import saved_lists as lists
from talentdesk.services.list_queries import VERSION, MatchQuery, dump, load
from talentdesk.services.matching import MatchCriteria
from talentdesk.services.search import MemberQuery

from .helpers import add


@pytest.fixture()
def ids(db: Database) -> dict[str, Any]:
    with db.session() as s:
        houston = reference.find_chapter(s, "Houston").id
        salud = reference.find_sector(s, "Salud").id
        mentoring = reference.find_contribution(s, "mentoria_empresas").id
        common = {"chapter_id": houston, "sector_ids": [salud], "country": "US", "status": "activo"}
        return {
            "houston": houston,
            "salud": salud,
            "mentoring": mentoring,
            "ana": add(s, "Ana", "Torres", "Ruiz", expertise="robótica", **common).id,
            "beto": add(s, "Beto", "Luna", None, expertise="robótica", **common).id,
            "carla": add(s, "Carla", "Mora", None, expertise="química", country="ES").id,
            "irma": add(s, "Irma", "Leal", None, expertise="robótica", **common).id,
        }


# -- the JSON -------------------------------------------------------------------------------------

queries = st.builds(
    MemberQuery,
    text=st.sampled_from(["", "robótica", "ana torres", "Ñandú"]),
    chapter_ids=st.lists(st.integers(1, 5000), max_size=3, unique=True).map(tuple),
    sector_ids=st.lists(st.integers(1, 5000), max_size=3, unique=True).map(tuple),
    countries=st.lists(st.sampled_from(["US", "MX", "ES", "CA"]), max_size=2, unique=True).map(tuple),
    statuses=st.lists(st.sampled_from(list(MemberStatus)), max_size=2, unique=True).map(tuple),
    degrees=st.lists(st.sampled_from(list(DegreeLevel)), max_size=2, unique=True).map(tuple),
    contribution_ids=st.lists(st.integers(1, 5000), max_size=3, unique=True).map(tuple),
    directory_consent=st.sampled_from([None, True, False]),
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # the test only reads
@given(query=queries)
def test_every_search_filter_survives_the_round_trip(db: Database, query: MemberQuery) -> None:
    with db.reader() as s:
        saved = dump(s, query)
        assert load(s, saved).query == query
        assert dump(s, load(s, saved).query) == saved  # stable: the same search, the same text
        assert json.loads(saved)["version"] == VERSION


def test_a_matching_query_survives_the_round_trip(db: Database, ids: dict[str, Any]) -> None:
    criteria = MatchCriteria(
        sector_ids=(ids["salud"],),
        keywords="robótica, visión",
        country="US",
        city="Houston",
        chapter_id=ids["houston"],
        contribution_id=ids["mentoring"],
        degree_level=DegreeLevel.DOCTORADO,
        languages="inglés",
        include_inactive=True,
        diverse=True,
    )
    with db.reader() as s:
        saved = dump(s, MatchQuery(criteria, 20))
        assert load(s, saved).query == MatchQuery(criteria, 20)
        assert json.loads(saved)["kind"] == "match"


def test_a_deleted_chapter_is_a_note_by_name_and_finds_nobody(db: Database, ids: dict[str, Any]) -> None:
    with db.session() as s:
        lists.save_search(s, "Houston", MemberQuery(chapter_ids=(ids["houston"],)))
        lists.save_search(
            s, "Houston o España", MemberQuery(chapter_ids=(ids["houston"],), countries=("ES",))
        )
    with db.reader() as s:
        assert len(lists.list_members(s, lists.find_list(s, "houston").id).ids) == 3
    with db.session() as s:
        chapters.delete_chapter(s, ids["houston"])
    with db.reader() as s:
        found = lists.list_members(s, lists.find_list(s, "Houston").id)
        assert found.ids == []
        assert found.notes == ("El capítulo «Houston» ya no existe: nadie coincide con él.",)
        # the note is about the query: the list did not widen to everyone
        assert lists.list_members(s, lists.find_list(s, "Houston o España").id).ids == []


@pytest.mark.parametrize(
    ("stored", "why"),
    [
        ("{not json", "el texto guardado está dañado"),
        ('{"version": 99, "kind": "members"}', "versión más nueva de TalentDesk (formato 99)"),
        ('{"kind": "members"}', "no dice su versión"),
        ('{"version": 1, "kind": "members", "statuses": ["jubilado"]}', "un valor no es válido"),
        ('{"version": 1, "kind": "otra"}', "tipo de búsqueda desconocido «otra»"),
    ],
)
def test_an_unreadable_query_is_a_spanish_refusal(db: Database, stored: str, why: str) -> None:
    with db.session() as s:
        s.add(SavedList(name="Rota", kind=SavedListKind.SMART, query=stored))
    with db.reader() as s:
        saved = lists.find_list(s, "rota")
        with pytest.raises(ValidationError) as caught:
            lists.list_members(s, saved.id)
        assert "No se puede leer la búsqueda de la lista «Rota»" in caught.value.errors[0].message
        assert why in caught.value.errors[0].message
        # still listed (so it can be renamed or deleted), its description says what is wrong
        assert why in lists.lists(s)[0].description


# -- smart and fixed lists ------------------------------------------------------------------------


def test_a_smart_list_is_run_again_when_opened(db: Database, ids: dict[str, Any]) -> None:
    with db.session() as s:
        saved = lists.save_search(s, "Robótica en EUA", MemberQuery(text="robotica", countries=("US",)))
    with db.reader() as s:
        assert lists.list_members(s, saved.id).ids == [
            ids["irma"],
            ids["beto"],
            ids["ana"],
        ]  # Leal, Luna, Torres
        about = lists.lists(s)[0]
        assert (about.name, about.kind, about.search, about.size) == (
            "Robótica en EUA",
            SavedListKind.SMART,
            "members",
            None,
        )
        assert about.description == "«robotica» · País: Estados Unidos"
    with db.session() as s:
        add(s, "Abel", "Alba", None, expertise="robótica", country="US")
    with db.reader() as s:
        assert len(lists.list_members(s, saved.id).ids) == 4


def test_a_matching_list_reruns_the_ranking(db: Database, ids: dict[str, Any]) -> None:
    with db.session() as s:
        saved = lists.save_query(s, "Expertos", MatchQuery(MatchCriteria(keywords="robótica"), limit=2))
    with db.reader() as s:
        found = lists.list_members(s, saved.id)
        assert len(found.ids) == 2 and set(found.ids) <= {ids["ana"], ids["beto"], ids["irma"]}
        assert found.info.search == "match"
        assert found.info.description.startswith("Buscar talento · «robótica»")


def test_a_fixed_list_keeps_the_chosen_members_in_name_order(db: Database, ids: dict[str, Any]) -> None:
    with db.session() as s:
        saved = lists.save_fixed(s, "Elegidos", [ids["carla"], ids["ana"], ids["carla"]])
        assert lists.add_members(s, saved.id, [ids["ana"], ids["beto"]]) == 1
        assert lists.remove_members(s, saved.id, [ids["carla"], ids["irma"]]) == 1
    with db.reader() as s:
        assert lists.list_members(s, saved.id).ids == [ids["beto"], ids["ana"]]
        assert lists.lists(s)[0].size == 2


def test_an_anonymised_member_never_comes_back_through_a_list(db: Database, ids: dict[str, Any]) -> None:
    with db.session() as s:
        fixed = lists.save_fixed(s, "Elegidos", [ids["ana"], ids["irma"]])
        smart = lists.save_search(s, "Houston", MemberQuery(chapter_ids=(ids["houston"],)))
        privacy.anonymize_member(s, ids["irma"])
    with db.reader() as s:
        assert lists.list_members(s, fixed.id).ids == [ids["ana"]]
        assert lists.list_members(s, fixed.id).hidden == 1
        assert ids["irma"] not in lists.list_members(s, smart.id).ids
    with db.session() as s:  # nor can it be added again
        assert lists.add_members(s, fixed.id, [ids["irma"]]) == 0


def test_a_deleted_member_leaves_fixed_lists(db: Database, ids: dict[str, Any]) -> None:
    from talentdesk.services.members import delete_member

    with db.session() as s:
        fixed = lists.save_fixed(s, "Elegidos", [ids["ana"], ids["beto"]])
        delete_member(s, ids["beto"])
    with db.reader() as s:
        found = lists.list_members(s, fixed.id)
        assert (found.ids, found.hidden) == ([ids["ana"]], 0)


def test_names_are_unique_whatever_the_accents_and_capitals(db: Database, ids: dict[str, Any]) -> None:
    with db.session() as s:
        first = lists.save_fixed(s, "Mentores Salud", [ids["ana"]])
        other = lists.save_search(s, "Química", MemberQuery(text="quimica"))
    with db.session() as s, pytest.raises(ValidationError) as caught:
        lists.save_search(s, "  mentores   SALUD ", MemberQuery())
    assert (
        caught.value.errors[0].message == "Ya existe una lista llamada «Mentores Salud»: elija otro nombre."
    )
    with db.session() as s, pytest.raises(ValidationError) as caught:
        lists.rename_list(s, other.id, "MENTORES salud")
    assert caught.value.errors[0].field == "name"
    with db.session() as s:
        lists.rename_list(s, first.id, "Mentores en salud")
        assert lists.find_list(s, "MENTORES EN SALUD").id == first.id


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("   ", "Nombre de la lista: es obligatorio."),
        ("x" * 121, "Nombre de la lista: tiene 121 caracteres; el máximo es 120."),
    ],
)
def test_a_bad_name_is_refused_in_spanish(db: Database, name: str, message: str) -> None:
    with db.session() as s, pytest.raises(ValidationError) as caught:
        lists.save_search(s, name, MemberQuery())
    assert caught.value.errors[0].message == message


def test_refusals_say_what_and_where(db: Database, ids: dict[str, Any]) -> None:
    with db.session() as s:
        smart = lists.save_search(s, "Todos", MemberQuery())
    with db.session() as s, pytest.raises(ValidationError, match="es una búsqueda guardada"):
        lists.add_members(s, smart.id, [ids["ana"]])
    with db.session() as s, pytest.raises(NotFoundError, match="No existe el miembro 999999"):
        lists.save_fixed(s, "Nadie", [999999])
    with db.reader() as s, pytest.raises(NotFoundError, match="llamada «Otra»"):
        lists.find_list(s, "Otra")
    with db.session() as s, pytest.raises(ValidationError, match="letras o números"):
        lists.save_search(s, "Símbolos", MemberQuery(text="%%%"))


def test_delete_takes_the_members_with_it(db: Database, ids: dict[str, Any]) -> None:
    with db.session() as s:
        saved = lists.save_fixed(s, "Elegidos", [ids["ana"], ids["beto"]])
    with db.session() as s:
        assert lists.delete_list(s, saved.id) == "Elegidos"
    with db.reader() as s:
        assert s.execute(text("SELECT count(*) FROM saved_list_members")).scalar() == 0
        assert lists.lists(s) == []
