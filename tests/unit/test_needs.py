"""Needs (solicitudes) and their candidates (services/needs.py): who asks, the pipeline with its
dates, accepted candidates into the programme in one step, consent (oposición) respected."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from talentdesk.core.errors import ConflictError, ValidationError
from talentdesk.core.programs import (
    CandidateStage,
    CandidateStageChange,
    Need,
    NeedCandidate,
    NeedStatus,
    ProgramRole,
)
from talentdesk.db.session import Database
from talentdesk.services import needs, programs
from talentdesk.services.program_views import NeedFilter, load_needs, need_detail, need_json, program_detail

from .helpers import add


def _need(db: Database, **values: object) -> int:
    data: dict[str, object] = {
        "title": "Tres expertos en nanotecnología para un comité",
        "sector_id": 5,
        "keywords": "nanomateriales, grafeno",
        "city": "Houston",
        "country": "Estados Unidos",
        "contribution_id": 6,
        "degree_level": "doctorado",
        "languages": "es, en",
        "people_wanted": 3,
    }
    data.update(values)
    with db.session() as s:
        return needs.create_need(s, data).id


def test_a_need_says_who_asks_and_who_is_wanted(db: Database) -> None:
    need_id = _need(db, sector_ids=[5, 2])
    with db.reader() as s:
        (row,) = load_needs(s)
        assert (row.title, row.status, row.people_wanted, row.degree_level) == (
            "Tres expertos en nanotecnología para un comité",
            NeedStatus.OPEN,
            3,
            "doctorado",
        )
        assert row.source == "Nanotecnología y Nuevos Materiales"
        assert row.place == "Houston, Estados Unidos"
        assert row.contribution == "Proyectos específicos"
        assert row.sector_ids == (2, 5)
        assert need_json(need_detail(s, need_id))["country"] == "US"
        assert load_needs(s, NeedFilter(status=NeedStatus.CLOSED)) == []
        assert [r.id for r in load_needs(s, NeedFilter(sector_id=2))] == [need_id]
        assert [r.id for r in load_needs(s, NeedFilter(text="grafeno"))] == [need_id]


def test_a_need_without_source_or_with_bad_values_is_refused(db: Database) -> None:
    with db.session() as s, pytest.raises(ValidationError) as info:
        needs.create_need(
            s,
            {
                "title": "",
                "country": "Atlántida",
                "people_wanted": 0,
                "degree_level": "kínder",
                "chapter_id": 999,
            },
        )
    assert [e.message for e in info.value.errors] == [
        "Título: es obligatorio.",
        "Capítulo: no existe el registro con id 999.",
        "Quién pide: indique el PNCS o la organización mexicana que hace la solicitud.",
        "País: país desconocido «Atlántida» (use el nombre o el código ISO, p. ej. MX, US).",
        "Nivel de estudios: valor desconocido «kínder» (use: Licenciatura, Especialidad, Maestría, Doctorado, "
        "Posdoctorado).",
        "Personas buscadas: entre 1 y 10000.",
    ]
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Need)) == 0


def test_candidates_move_through_the_pipeline_with_dates(db: Database) -> None:
    need_id = _need(db)
    with db.session() as s:
        ana, beto, caro = add(s, "Ana", "Ruiz"), add(s, "Beto", "Soto"), add(s, "Carolina", "Vega")
        added = needs.add_candidates(
            s, need_id, [ana.id, beto.id, caro.id, ana.id], reasons={ana.id: "Houston"}
        )
        ids = {c.member_id: c.id for c in added}
        assert needs.add_candidates(s, need_id, [ana.id]) == []  # already a candidate
    with db.session() as s:
        assert needs.change_stage(s, [ids[ana.id]], "contactado") == {}  # the same stage: nothing to do
        needs.change_stage(s, [ids[ana.id], ids[beto.id]], "interesado")
        needs.change_stage(s, [ids[ana.id]], "aceptado")
        needs.change_stage(s, [ids[beto.id]], "Declinó")
    with (
        db.session() as s,
        pytest.raises(ValidationError, match="Beto Soto: no se puede pasar de «Declinó» a «Aceptado»"),
    ):
        needs.change_stage(
            s, [ids[caro.id], ids[beto.id]], "aceptado"
        )  # Carolina may, Beto not: neither moves
    with db.reader() as s:
        detail = need_detail(s, need_id)
        assert [(c.name, c.stage) for c in detail.candidates] == [
            ("Carolina Vega", CandidateStage.CONTACTED),
            ("Ana Ruiz", CandidateStage.ACCEPTED),
            ("Beto Soto", CandidateStage.DECLINED),
        ]
        ana_row = detail.candidates[1]
        assert [stage for stage, _at in ana_row.history] == [
            CandidateStage.CONTACTED,
            CandidateStage.INTERESTED,
            CandidateStage.ACCEPTED,
        ]
        assert ana_row.reasons == "Houston"
        assert dict(detail.row.stages) == {
            CandidateStage.CONTACTED: 1,
            CandidateStage.ACCEPTED: 1,
            CandidateStage.DECLINED: 1,
        }
        assert s.scalar(select(func.count()).select_from(CandidateStageChange)) == 7  # 3 added + 4 moves


def test_accepted_candidates_become_the_programmes_people_in_one_step(db: Database) -> None:
    need_id = _need(db)
    with db.session() as s:
        ana, beto, caro = add(s, "Ana", "Ruiz"), add(s, "Beto", "Soto"), add(s, "Carolina", "Vega")
        pid = programs.create_program(
            s, {"kind_id": 4, "title": "Comité de nanotecnología", "sector_id": 5}
        ).id
        with pytest.raises(ValidationError, match="Programa: elija el programa"):
            needs.accept_into_program(s, need_id)
        with pytest.raises(ConflictError, match="no tiene candidatos aceptados"):
            needs.accept_into_program(s, need_id, pid)
        ids = [c.id for c in needs.add_candidates(s, need_id, [ana.id, beto.id, caro.id])]
        needs.change_stage(s, ids[:2], "aceptado")
        programs.add_person(s, pid, {"member_id": beto.id, "role": "evaluador"})
        added = needs.accept_into_program(s, need_id, pid, "evaluador")
        assert [p.member_id for p in added] == [ana.id]  # Beto was there already
        assert s.get(Need, need_id).program_id == pid  # type: ignore[union-attr]
    with db.reader() as s:
        people = program_detail(s, pid).people
        assert sorted((p.name, p.role) for p in people) == [
            ("Ana Ruiz", ProgramRole.EVALUATOR),
            ("Beto Soto", ProgramRole.EVALUATOR),
        ]
        assert program_detail(s, pid).needs == (
            (need_id, "Tres expertos en nanotecnología para un comité", NeedStatus.OPEN),
        )


def test_members_who_objected_are_not_made_candidates_unless_they_asked(db: Database) -> None:
    need_id = _need(db)
    with db.session() as s:
        ana = add(s, "Ana", "Ruiz", no_contact=True)
        with pytest.raises(
            ValidationError, match=r"Candidatos: Ana Ruiz pidió no ser contactado \(oposición\)"
        ):
            needs.add_candidates(s, need_id, [ana.id])
        with pytest.raises(ValidationError, match="Candidatos: no existe el miembro 4242"):
            needs.add_candidates(s, need_id, [4242])
        assert len(needs.add_candidates(s, need_id, [ana.id], despite_no_contact=True)) == 1


def test_deleting_a_member_removes_their_candidacies(db: Database) -> None:
    from talentdesk.services.members import delete_member

    need_id = _need(db)
    with db.session() as s:
        ana = add(s, "Ana", "Ruiz")
        needs.add_candidates(s, need_id, [ana.id])
    with db.session() as s:
        delete_member(s, ana.id)
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(NeedCandidate)) == 0
        assert s.scalar(select(func.count()).select_from(CandidateStageChange)) == 0


def test_need_status_and_delete(db: Database) -> None:
    need_id = _need(db)
    with db.session() as s:
        needs.set_status(s, need_id, "cubierta")
        with pytest.raises(ValidationError, match="Estatus: valor desconocido «a medias»"):
            needs.set_status(s, need_id, "a medias")
    with db.session() as s:
        assert s.get(Need, need_id).status is NeedStatus.COVERED  # type: ignore[union-attr]
        needs.delete_need(s, need_id)
    with db.reader() as s:
        assert load_needs(s) == []
