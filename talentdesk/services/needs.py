"""Needs (*solicitudes*) from Mexico and the pipeline of their candidates.

A need comes from a PNCS or a Mexican organisation and describes who is wanted (sectors,
keywords, place, contribution, degree, languages, dates, how many). Candidates move contactado →
interesado → aceptado / declinó, each change dated; accepted candidates become the people of the
need's programme in one step. Like every service: validated, audited, never committed here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from talentdesk.core.enums import DegreeLevel
from talentdesk.core.errors import ConflictError, FieldError, NotFoundError, ValidationError
from talentdesk.core.i18n import _, ngettext
from talentdesk.core.models import Chapter, ContributionType, Member, Organization, Sector, utcnow
from talentdesk.core.programs import (
    CandidateStage,
    CandidateStageChange,
    Need,
    NeedCandidate,
    NeedStatus,
    Program,
    ProgramPerson,
    ProgramRole,
)
from talentdesk.core.validation import normalize_country
from talentdesk.services import audit
from talentdesk.services import programs as programs_service
from talentdesk.services._changes import apply_changes, snapshot
from talentdesk.services.programs import (
    check_period,
    check_text,
    date_value,
    existing_ids,
    fail,
    id_list,
    parse_enum,
    text_value,
)

NEED_FIELDS = (
    "title",
    "description",
    "sector_id",
    "organization_id",
    "keywords",
    "country",
    "city",
    "chapter_id",
    "contribution_id",
    "degree_level",
    "languages",
    "starts_on",
    "ends_on",
    "people_wanted",
    "status",
    "program_id",
)
MAX_PEOPLE = 10_000
C = CandidateStage
#: contactado → interesado → aceptado / declinó; a step can be taken back, a "no" reconsidered.
STAGES: dict[CandidateStage, frozenset[CandidateStage]] = {
    C.CONTACTED: frozenset({C.INTERESTED, C.ACCEPTED, C.DECLINED}),
    C.INTERESTED: frozenset({C.ACCEPTED, C.DECLINED, C.CONTACTED}),
    C.ACCEPTED: frozenset({C.INTERESTED, C.DECLINED}),
    C.DECLINED: frozenset({C.CONTACTED, C.INTERESTED}),
}


# -- needs -------------------------------------------------------------------------------------


def get_need(session: Session, need_id: int) -> Need:
    need = session.get(Need, need_id, options=[selectinload(Need.sectors)])
    if need is None:
        raise NotFoundError(_("No existe la solicitud con id {id}.").format(id=need_id))
    return need


def need_values(need: Need) -> dict[str, Any]:
    return {**snapshot(need, NEED_FIELDS), "sector_ids": sorted(s.id for s in need.sectors)}


def create_need(session: Session, values: Mapping[str, Any]) -> Need:
    data = {"title": "", "people_wanted": 1, "status": NeedStatus.OPEN, **values}
    clean_values, sector_ids = _validate(session, data, None)
    need = Need(**clean_values, created_at=utcnow())
    need.sectors = _sectors(session, sector_ids or [])
    session.add(need)
    session.flush()
    audit.record_create(session, "need", need.id, need_values(need))
    return need


def update_need(session: Session, need_id: int, values: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    need = get_need(session, need_id)
    clean_values, sector_ids = _validate(session, dict(values), need)
    changes = apply_changes(session, "need", need, clean_values)
    if sector_ids is not None:
        old = sorted(s.id for s in need.sectors)
        if old != sorted(sector_ids):
            need.sectors = _sectors(session, sector_ids)
            changes["sector_ids"] = (old, sorted(sector_ids))
            audit.record_changes(session, "need", need.id, {"sector_ids": changes["sector_ids"]})
    return changes


def set_status(session: Session, need_id: int, status: NeedStatus | str) -> dict[str, tuple[Any, Any]]:
    return update_need(session, need_id, {"status": status})


def delete_need(session: Session, need_id: int) -> None:
    """Its candidates go with it; people it brought into a programme stay there."""
    need = get_need(session, need_id)
    audit.record_delete(session, "need", need.id, need_values(need))
    session.delete(need)
    session.flush()


def _sectors(session: Session, ids: Sequence[int]) -> list[Sector]:
    return list(session.scalars(select(Sector).where(Sector.id.in_(ids)).order_by(Sector.number)))


def _validate(
    session: Session, values: dict[str, Any], current: Need | None
) -> tuple[dict[str, Any], list[int] | None]:
    unknown = set(values) - set(NEED_FIELDS) - {"sector_ids"}
    if unknown:
        raise ValueError(f"unknown need fields: {sorted(unknown)}")
    check_text(values)
    errors: list[FieldError] = []
    out: dict[str, Any] = {}
    for field in ("title", "description", "keywords", "city", "languages"):
        if field in values:
            out[field] = text_value(values, field, Need, errors)
    if "title" in values and not out["title"]:
        errors.append(fail("title", _("es obligatorio.")))
    for field, model in (
        ("sector_id", Sector),
        ("organization_id", Organization),
        ("chapter_id", Chapter),
        ("contribution_id", ContributionType),
        ("program_id", Program),
    ):
        if field in values:
            value = values[field]
            if value is not None and not existing_ids(session, model, [value]):
                errors.append(fail(field, _("no existe el registro con id {id}.").format(id=value)))
            out[field] = value
    sector = out.get("sector_id", current.sector_id if current else None)
    organization = out.get("organization_id", current.organization_id if current else None)
    if sector is None and organization is None:
        errors.append(fail("source", _("indique el PNCS o la organización mexicana que hace la solicitud.")))
    if "country" in values:
        out["country"], err = normalize_country(values["country"])
        if err is not None:
            errors.append(
                fail(
                    "country",
                    _("país desconocido «{text}» (use el nombre o el código ISO, p. ej. MX, US).").format(
                        text=values["country"]
                    ),
                )
            )
    if "degree_level" in values:
        raw = values["degree_level"]
        out["degree_level"] = (
            None if raw in (None, "") else parse_enum(DegreeLevel, "degree_level", raw, errors)
        )
    if "status" in values:
        out["status"] = parse_enum(NeedStatus, "status", values["status"], errors)
    for field in ("starts_on", "ends_on"):
        if field in values:
            out[field] = date_value(values, field, errors)
    check_period(
        out.get("starts_on", current.starts_on if current else None),
        out.get("ends_on", current.ends_on if current else None),
        errors,
    )
    if "people_wanted" in values:
        out["people_wanted"] = _people(values["people_wanted"], errors)
    sector_ids = id_list(values, "sector_ids", Sector, session, errors)
    if errors:
        raise ValidationError(errors)
    return out, sector_ids


def _people(raw: Any, errors: list[FieldError]) -> int:
    try:
        value = int(str(raw).strip()) if not isinstance(raw, bool) else -1
    except ValueError:
        errors.append(fail("people_wanted", _("«{text}» no es un número entero.").format(text=raw)))
        return 1
    if not 1 <= value <= MAX_PEOPLE:
        errors.append(fail("people_wanted", _("entre 1 y {n}.").format(n=MAX_PEOPLE)))
    return value


# -- candidates --------------------------------------------------------------------------------


def get_candidate(session: Session, candidate_id: int) -> NeedCandidate:
    candidate = session.get(NeedCandidate, candidate_id)
    if candidate is None:
        raise NotFoundError(_("No existe el candidato con id {id}.").format(id=candidate_id))
    return candidate


def add_candidates(
    session: Session,
    need_id: int,
    member_ids: Sequence[int],
    *,
    reasons: Mapping[int, str] | None = None,
    despite_no_contact: bool = False,
) -> list[NeedCandidate]:
    """Add members as candidates (stage "contactado"); members already there are skipped.

    A candidate is someone to contact: members who objected to being contacted (oposición) are
    refused unless the caller says the person asked for it (``despite_no_contact``), and
    anonymised members always."""
    need = get_need(session, need_id)
    ids = list(dict.fromkeys(member_ids))
    there = set(session.scalars(select(NeedCandidate.member_id).where(NeedCandidate.need_id == need_id)))
    wanted = [i for i in ids if i not in there]
    members = {m.id: m for m in session.scalars(select(Member).where(Member.id.in_(wanted)))}
    problems: list[FieldError] = []
    missing = [str(i) for i in wanted if i not in members]
    if missing:
        problems.append(
            fail(
                "candidates",
                ngettext(
                    "no existe el miembro {ids}.", "no existen los miembros {ids}.", len(missing)
                ).format(ids=", ".join(missing)),
            )
        )
    for member in members.values():
        if member.anonymized_at is not None:
            problems.append(fail("candidates", _("el miembro {id} fue anonimizado.").format(id=member.id)))
        elif member.no_contact and not despite_no_contact:
            problems.append(
                fail(
                    "candidates",
                    _("{name} pidió no ser contactado (oposición).").format(name=member.full_name),
                )
            )
    if problems:
        raise ValidationError(problems)
    now = utcnow()
    added = []
    for member_id in wanted:
        reason = (reasons or {}).get(member_id)
        candidate = NeedCandidate(
            need_id=need.id,
            member_id=member_id,
            stage=CandidateStage.CONTACTED,
            stage_changed_at=now,
            added_at=now,
            reasons=reason,
        )
        candidate.history.append(CandidateStageChange(stage=CandidateStage.CONTACTED, at=now))
        session.add(candidate)
        added.append(candidate)
    session.flush()
    for candidate in added:
        audit.record_create(
            session,
            "need_candidate",
            candidate.id,
            {"need_id": need.id, "member_id": candidate.member_id, "stage": candidate.stage},
        )
    return added


def candidates_of(session: Session, need_id: int, member_ids: Sequence[int]) -> list[int]:
    """The candidate ids of these members in the need (the CLI names people by member id)."""
    get_need(session, need_id)
    wanted = list(dict.fromkeys(member_ids))
    found = dict(
        session.execute(
            select(NeedCandidate.member_id, NeedCandidate.id).where(
                NeedCandidate.need_id == need_id, NeedCandidate.member_id.in_(wanted)
            )
        ).all()
    )
    missing = [str(i) for i in wanted if i not in found]
    if missing:
        raise ValidationError(
            [
                fail(
                    "candidates",
                    ngettext(
                        "el miembro {ids} no es candidato de la solicitud {need}.",
                        "los miembros {ids} no son candidatos de la solicitud {need}.",
                        len(missing),
                    ).format(ids=", ".join(missing), need=need_id),
                )
            ]
        )
    return [found[i] for i in wanted]


def can_move(candidate: NeedCandidate, new: CandidateStage, name: str) -> str | None:
    if new == candidate.stage or new in STAGES[candidate.stage]:
        return None
    return _("{name}: no se puede pasar de «{old}» a «{new}».").format(
        name=name, old=candidate.stage.label, new=new.label
    )


def change_stage(
    session: Session, candidate_ids: Sequence[int], stage: CandidateStage | str
) -> dict[int, CandidateStage]:
    """Move candidates to ``stage``; all or nothing. Returns their previous stages."""
    errors: list[FieldError] = []
    new = parse_enum(CandidateStage, "stage", stage, errors)
    if errors:
        raise ValidationError(errors)
    candidates = [get_candidate(session, i) for i in dict.fromkeys(candidate_ids)]
    names = _names(session, [c.member_id for c in candidates])
    problems = [r for c in candidates if (r := can_move(c, new, names.get(c.member_id, str(c.member_id))))]
    if problems:
        raise ValidationError([FieldError("stage", p) for p in problems])
    before: dict[int, CandidateStage] = {}
    now = utcnow()
    for candidate in candidates:
        if candidate.stage == new:
            continue
        before[candidate.id] = candidate.stage
        audit.record_changes(session, "need_candidate", candidate.id, {"stage": (candidate.stage, new)})
        candidate.stage = new
        candidate.stage_changed_at = now
        candidate.history.append(CandidateStageChange(stage=new, at=now))
    session.flush()
    return before


def update_candidate(session: Session, candidate_id: int, notes: str | None) -> dict[str, tuple[Any, Any]]:
    candidate = get_candidate(session, candidate_id)
    values = {"notes": notes}
    check_text(values)
    errors: list[FieldError] = []
    clean = text_value(values, "notes", NeedCandidate, errors)
    if errors:
        raise ValidationError(errors)
    return apply_changes(session, "need_candidate", candidate, {"notes": clean})


def remove_candidates(session: Session, candidate_ids: Sequence[int]) -> int:
    removed = 0
    for candidate_id in dict.fromkeys(candidate_ids):
        candidate = get_candidate(session, candidate_id)
        audit.record_delete(
            session,
            "need_candidate",
            candidate.id,
            {"need_id": candidate.need_id, "member_id": candidate.member_id, "stage": candidate.stage},
        )
        session.delete(candidate)
        removed += 1
    session.flush()
    return removed


def accept_into_program(
    session: Session,
    need_id: int,
    program_id: int | None = None,
    role: ProgramRole | str = ProgramRole.PARTICIPANT,
) -> list[ProgramPerson]:
    """The accepted candidates become people of the programme (the need's own, or ``program_id``,
    which then becomes the need's programme). Those already in it with that role are skipped."""
    need = get_need(session, need_id)
    target = program_id if program_id is not None else need.program_id
    if target is None:
        raise ValidationError([fail("program_id", _("elija el programa al que se suman los aceptados."))])
    accepted = list(
        session.scalars(
            select(NeedCandidate.member_id)
            .where(NeedCandidate.need_id == need_id, NeedCandidate.stage == CandidateStage.ACCEPTED)
            .order_by(NeedCandidate.id)
        )
    )
    if not accepted:
        raise ConflictError(
            _("La solicitud «{title}» no tiene candidatos aceptados.").format(title=need.title)
        )
    added = programs_service.add_people(session, target, accepted, role)
    if need.program_id != target:
        apply_changes(session, "need", need, {"program_id": target})
    return added


def move_member(session: Session, from_id: int, to_id: int) -> int:
    """Merge support: candidacies move to the kept member unless it is a candidate already."""
    held = set(session.scalars(select(NeedCandidate.need_id).where(NeedCandidate.member_id == to_id)))
    moved = 0
    for candidate in session.scalars(select(NeedCandidate).where(NeedCandidate.member_id == from_id)):
        if candidate.need_id in held:
            continue  # deleted with the other member (cascade)
        candidate.member_id = to_id
        held.add(candidate.need_id)
        moved += 1
    session.flush()
    return moved


def _names(session: Session, member_ids: Sequence[int]) -> dict[int, str]:
    return {m.id: m.full_name for m in session.scalars(select(Member).where(Member.id.in_(member_ids)))}
