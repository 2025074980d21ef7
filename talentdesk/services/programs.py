"""Linkage programmes: kinds, the programme, its status workflow, its people and outcomes.

Every write validates (Spanish messages that name the field), records the audit trail in the
same transaction and leaves committing to the caller. Reading for lists and forms lives in
``services/program_views.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from talentdesk.core.errors import ConflictError, FieldError, NotFoundError, ValidationError
from talentdesk.core.i18n import N_, _, ngettext
from talentdesk.core.models import Chapter, Member, Organization, Sector, utcnow
from talentdesk.core.programs import (
    Need,
    NeedCandidate,
    OutcomeKind,
    Program,
    ProgramKind,
    ProgramOutcome,
    ProgramPerson,
    ProgramRole,
    ProgramStatus,
    ProgramStatusChange,
)
from talentdesk.core.text import clean, fold
from talentdesk.core.validation import check_controls, length_error, parse_date, register_labels
from talentdesk.services import audit
from talentdesk.services._changes import apply_changes, snapshot

PROGRAM_FIELDS = ("kind_id", "title", "description", "sector_id", "starts_on", "ends_on")
LINK_FIELDS = ("sector_ids", "organization_ids", "chapter_ids")
PERSON_FIELDS = ("member_id", "role", "starts_on", "ends_on", "hours", "notes")
OUTCOME_FIELDS = ("kind", "quantity", "achieved_on", "narrative")

#: Spanish names of the fields, as forms and messages show them (translated below the UI).
LABELS: dict[str, str] = {
    "kind_id": N_("Tipo de programa"),
    "kind": N_("Tipo"),
    "title": N_("Título"),
    "description": N_("Descripción"),
    "sector_id": N_("PNCS responsable"),
    "sector_ids": N_("Sectores"),
    "organization_ids": N_("Organizaciones"),
    "chapter_ids": N_("Capítulos"),
    "starts_on": N_("Fecha de inicio"),
    "ends_on": N_("Fecha de fin"),
    "status": N_("Estatus"),
    "on": N_("Fecha del cambio"),
    "member_id": N_("Miembro"),
    "role": N_("Rol"),
    "hours": N_("Horas"),
    "notes": N_("Notas"),
    "quantity": N_("Cantidad"),
    "achieved_on": N_("Fecha"),
    "narrative": N_("Narrativa"),
    "name": N_("Nombre"),
    # needs (services/needs.py)
    "organization_id": N_("Organización que pide"),
    "keywords": N_("Palabras clave"),
    "country": N_("País"),
    "city": N_("Ciudad"),
    "chapter_id": N_("Capítulo"),
    "contribution_id": N_("Aportación"),
    "degree_level": N_("Nivel de estudios"),
    "languages": N_("Idiomas"),
    "people_wanted": N_("Personas buscadas"),
    "program_id": N_("Programa"),
    "stage": N_("Etapa"),
    "source": N_("Quién pide"),
    "candidates": N_("Candidatos"),
}
MULTILINE = frozenset({"description", "notes", "narrative"})
for _model in (Program, ProgramKind, ProgramOutcome, ProgramPerson, Need, NeedCandidate):
    register_labels(_model, LABELS)  # the names of the too-long check at flush (core.validation)
#: Which status may follow which: propuesta → en curso → concluido, or cancelado; a mistaken
#: move can be taken back one step, and a cancelled programme can be proposed again.
P = ProgramStatus
TRANSITIONS: dict[ProgramStatus, frozenset[ProgramStatus]] = {
    P.PROPOSED: frozenset({P.IN_PROGRESS, P.CANCELLED}),
    P.IN_PROGRESS: frozenset({P.CONCLUDED, P.CANCELLED, P.PROPOSED}),
    P.CONCLUDED: frozenset({P.IN_PROGRESS}),
    P.CANCELLED: frozenset({P.PROPOSED}),
}
MAX_HOURS = 10_000.0
MAX_QUANTITY = 10**15  # investment in pesos fits; a typo of many more digits does not


def field_label(field: str) -> str:
    return _(LABELS.get(field, field))


def fail(field: str, text: str) -> FieldError:
    """A message that names its field: «Título: es obligatorio.»"""
    return FieldError(field, _("{field}: {problem}").format(field=field_label(field), problem=text))


def check_text(values: Mapping[str, Any]) -> None:
    check_controls(values, multiline=MULTILINE, labels={f: field_label(f) for f in values})


def text_value(
    values: Mapping[str, Any], field: str, model: type[Any], errors: list[FieldError]
) -> str | None:
    """A cleaned one-line text (multi-line fields keep their line breaks), checked for length."""
    raw = values.get(field)
    if raw is None:
        return None
    text = str(raw).strip() if field in MULTILINE else clean(str(raw))
    if (err := length_error(model, field, text, name=field_label(field))) is not None:
        errors.append(err)
    return text or None


def date_value(values: Mapping[str, Any], field: str, errors: list[FieldError]) -> date | None:
    value, err = parse_date(values.get(field), field)
    if err is not None:
        errors.append(
            fail(
                field,
                _("«{text}» no es una fecha válida (use dd/mm/aaaa o AAAA-MM-DD).").format(
                    text=values.get(field)
                ),
            )
        )
    return value


def check_period(starts: date | None, ends: date | None, errors: list[FieldError]) -> None:
    if starts is not None and ends is not None and ends < starts:
        errors.append(
            fail("ends_on", _("termina antes de empezar ({start}).").format(start=f"{starts:%d/%m/%Y}"))
        )


def parse_enum(kind: type[Any], field: str, value: Any, errors: list[FieldError]) -> Any:
    if isinstance(value, kind):
        return value
    try:
        return kind.parse(str(value))
    except ValueError:
        known = ", ".join(item.label for item in kind)
        errors.append(
            fail(field, _("valor desconocido «{value}» (use: {known}).").format(value=value, known=known))
        )
        return None


def existing_ids(session: Session, model: type[Any], ids: Iterable[Any]) -> set[int]:
    wanted = {i for i in ids if isinstance(i, int)}
    if not wanted:
        return set()
    return set(session.scalars(select(model.id).where(model.id.in_(wanted))))


def id_list(
    values: Mapping[str, Any], field: str, model: type[Any], session: Session, errors: list[FieldError]
) -> list[int] | None:
    if field not in values or values[field] is None:
        return None
    raw = list(dict.fromkeys(values[field]))
    found = existing_ids(session, model, raw)
    missing = [str(i) for i in raw if i not in found]
    if missing:
        errors.append(
            fail(
                field,
                ngettext("no existe el id {ids}.", "no existen los ids {ids}.", len(missing)).format(
                    ids=", ".join(missing)
                ),
            )
        )
    return [i for i in raw if i in found]


# -- kinds ---------------------------------------------------------------------------------------


def list_kinds(session: Session) -> list[ProgramKind]:
    """Built-in kinds first in their order, then the office's own by name."""
    kinds = list(session.scalars(select(ProgramKind)))
    return sorted(kinds, key=lambda k: (not k.builtin, k.id if k.builtin else 0, fold(k.name)))


def get_kind(session: Session, kind_id: int) -> ProgramKind:
    kind = session.get(ProgramKind, kind_id)
    if kind is None:
        raise NotFoundError(_("No existe el tipo de programa con id {id}.").format(id=kind_id))
    return kind


def find_kind(session: Session, text: str, field: str = "kind_id") -> ProgramKind:
    """A kind by its code, name, id or the start of its name (what a person types)."""
    wanted = fold(text)
    kinds = list_kinds(session)
    exact = [k for k in kinds if wanted in (fold(k.code), fold(k.name), str(k.id))]
    if len(exact) == 1:
        return exact[0]
    starts = [k for k in kinds if wanted and fold(k.name).startswith(wanted)]
    if len(starts) == 1:
        return starts[0]
    known = "; ".join(f"{k.code} ({k.name})" for k in kinds)
    raise ValidationError(
        [fail(field, _("no existe el tipo «{text}» (tipos: {known}).").format(text=text, known=known))]
    )


def create_kind(session: Session, name: str) -> ProgramKind:
    check_text({"name": name})
    text = clean(name)
    code = fold(text).replace(" ", "_")[:40]
    _check_kind_name(session, text, code, None)
    kind = ProgramKind(name=text, code=code, builtin=False)
    session.add(kind)
    session.flush()
    audit.record_create(session, "program_kind", kind.id, {"code": code, "name": text})
    return kind


def rename_kind(session: Session, kind_id: int, name: str) -> dict[str, tuple[Any, Any]]:
    """Built-in kinds may be renamed too; their code (what the CLI and data use) stays."""
    kind = get_kind(session, kind_id)
    check_text({"name": name})
    text = clean(name)
    _check_kind_name(session, text, kind.code, kind.id)
    return apply_changes(session, "program_kind", kind, {"name": text})


def delete_kind(session: Session, kind_id: int) -> None:
    kind = get_kind(session, kind_id)
    if kind.builtin:
        raise ConflictError(
            _("«{name}» es un tipo de programa de origen: no se puede eliminar.").format(name=kind.name)
        )
    used = int(session.scalar(select(func.count()).where(Program.kind_id == kind_id)) or 0)
    if used:
        raise ConflictError(
            ngettext(
                "No se puede eliminar el tipo «{name}»: lo usa {n} programa; cámbiele el tipo antes.",
                "No se puede eliminar el tipo «{name}»: lo usan {n} programas; cámbieles el tipo antes.",
                used,
            ).format(name=kind.name, n=used)
        )
    audit.record_delete(session, "program_kind", kind.id, {"code": kind.code, "name": kind.name})
    session.delete(kind)
    session.flush()


def _check_kind_name(session: Session, name: str, code: str, own: int | None) -> None:
    if not name or not code:
        raise ValidationError([fail("name", _("es obligatorio."))])
    if (err := length_error(ProgramKind, "name", name, name=field_label("name"))) is not None:
        raise ValidationError([err])
    for other in session.scalars(select(ProgramKind).where(ProgramKind.id != (own or 0))):
        if fold(other.name) == fold(name) or other.code == code:
            raise ValidationError([fail("name", _("ya existe el tipo «{name}».").format(name=other.name))])


# -- programmes ----------------------------------------------------------------------------------


def get_program(session: Session, program_id: int) -> Program:
    program = session.get(
        Program,
        program_id,
        options=[
            selectinload(Program.sectors),
            selectinload(Program.organizations),
            selectinload(Program.chapters),
        ],
    )
    if program is None:
        raise NotFoundError(_("No existe el programa con id {id}.").format(id=program_id))
    return program


def program_values(program: Program) -> dict[str, Any]:
    """The programme's fields in the shape create/update take."""
    values = snapshot(program, PROGRAM_FIELDS)
    values.update(
        status=program.status,
        sector_ids=sorted(s.id for s in program.sectors),
        organization_ids=sorted(o.id for o in program.organizations),
        chapter_ids=sorted(c.id for c in program.chapters),
    )
    return values


def create_program(session: Session, values: Mapping[str, Any], *, on: Any = None) -> Program:
    """``status`` may be given (a programme recorded after the fact); its history starts there."""
    data = dict(values)
    status_raw = data.pop("status", ProgramStatus.PROPOSED)
    errors: list[FieldError] = []
    status = parse_enum(ProgramStatus, "status", status_raw, errors)
    when = _change_time(on, errors)
    clean_values, links = _validate(session, {"title": "", "kind_id": None, **data}, None, errors)
    if errors:
        raise ValidationError(errors)
    program = Program(**clean_values, status=status, status_changed_at=when, created_at=utcnow())
    session.add(program)
    _set_links(session, program, links)
    program.history.append(ProgramStatusChange(status=status, at=when))
    session.flush()
    audit.record_create(session, "program", program.id, program_values(program))
    return program


def update_program(
    session: Session, program_id: int, values: Mapping[str, Any]
) -> dict[str, tuple[Any, Any]]:
    """Everything but the status, which moves through :func:`change_status`."""
    program = get_program(session, program_id)
    if "status" in values:
        raise ValueError("the status changes through change_status")
    errors: list[FieldError] = []
    clean_values, links = _validate(session, dict(values), program, errors)
    if errors:
        raise ValidationError(errors)
    changes = apply_changes(session, "program", program, clean_values)
    for field, ids in links.items():
        old = sorted(x.id for x in getattr(program, field.removesuffix("_ids") + "s"))
        if old != sorted(ids):
            _set_links(session, program, {field: ids})
            changes[field] = (old, sorted(ids))
            audit.record_changes(session, "program", program.id, {field: (old, sorted(ids))})
    return changes


def delete_program(session: Session, program_id: int) -> None:
    """People, outcomes and history go with it; needs that fed it keep their candidates."""
    program = get_program(session, program_id)
    audit.record_delete(session, "program", program.id, program_values(program))
    session.delete(program)
    session.flush()


def _validate(
    session: Session, values: dict[str, Any], current: Program | None, errors: list[FieldError]
) -> tuple[dict[str, Any], dict[str, list[int]]]:
    unknown = set(values) - set(PROGRAM_FIELDS) - set(LINK_FIELDS)
    if unknown:
        raise ValueError(f"unknown programme fields: {sorted(unknown)}")
    check_text(values)
    out: dict[str, Any] = {}
    for field in ("title", "description"):
        if field in values:
            out[field] = text_value(values, field, Program, errors)
    if "title" in values and not out["title"]:
        errors.append(fail("title", _("es obligatorio.")))
    if "kind_id" in values:
        kind_id = values["kind_id"]
        if kind_id is None:
            errors.append(fail("kind_id", _("es obligatorio.")))
        elif not existing_ids(session, ProgramKind, [kind_id]):
            errors.append(fail("kind_id", _("no existe el tipo con id {id}.").format(id=kind_id)))
        out["kind_id"] = kind_id
    if "sector_id" in values:
        sector_id = values["sector_id"]
        if sector_id is not None and not existing_ids(session, Sector, [sector_id]):
            errors.append(fail("sector_id", _("no existe el sector con id {id}.").format(id=sector_id)))
        out["sector_id"] = sector_id
    for field in ("starts_on", "ends_on"):
        if field in values:
            out[field] = date_value(values, field, errors)
    starts = out.get("starts_on", current.starts_on if current else None)
    ends = out.get("ends_on", current.ends_on if current else None)
    check_period(starts, ends, errors)
    links: dict[str, list[int]] = {}
    for field, model in (
        ("sector_ids", Sector),
        ("organization_ids", Organization),
        ("chapter_ids", Chapter),
    ):
        ids = id_list(values, field, model, session, errors)
        if ids is not None:
            links[field] = ids
    return out, links


def _set_links(session: Session, program: Program, links: Mapping[str, list[int]]) -> None:
    for field, model in (
        ("sector_ids", Sector),
        ("organization_ids", Organization),
        ("chapter_ids", Chapter),
    ):
        if field in links:
            records = list(session.scalars(select(model).where(model.id.in_(links[field]))))
            setattr(program, field.removesuffix("_ids") + "s", records)


# -- status workflow -----------------------------------------------------------------------------


def can_change(program: Program, new: ProgramStatus) -> str | None:
    """None if allowed, else the Spanish reason."""
    if new == program.status or new in TRANSITIONS[program.status]:
        return None
    return _("«{title}»: no se puede pasar de «{old}» a «{new}».").format(
        title=program.title, old=program.status.label, new=new.label
    )


def allowed_statuses(current: ProgramStatus) -> list[ProgramStatus]:
    return [s for s in ProgramStatus if s in TRANSITIONS[current]]


def change_status(
    session: Session, program_id: int, new: ProgramStatus | str, *, on: Any = None
) -> ProgramStatus:
    """Move a programme to ``new`` on the date ``on`` (today when not given); returns the old
    status. Starting fills an empty start date and concluding an empty end date with that day."""
    errors: list[FieldError] = []
    status = parse_enum(ProgramStatus, "status", new, errors)
    when = _change_time(on, errors)
    if errors:
        raise ValidationError(errors)
    program = get_program(session, program_id)
    old = program.status
    if status == old:
        return old
    reason = can_change(program, status)
    if reason is not None:
        raise ValidationError([FieldError("status", reason)])
    changes: dict[str, tuple[Any, Any]] = {"status": (old, status)}
    day = when.date()
    if status is ProgramStatus.IN_PROGRESS and program.starts_on is None:
        changes["starts_on"] = (None, day)
        program.starts_on = day
    if status is ProgramStatus.CONCLUDED and program.ends_on is None:
        if program.starts_on is not None and day < program.starts_on:
            raise ValidationError(
                [
                    fail(
                        "on",
                        _("el programa empezó después ({start}).").format(
                            start=f"{program.starts_on:%d/%m/%Y}"
                        ),
                    )
                ]
            )
        changes["ends_on"] = (None, day)
        program.ends_on = day
    program.status = status
    program.status_changed_at = when
    program.history.append(ProgramStatusChange(status=status, at=when))
    session.flush()
    audit.record_changes(session, "program", program.id, changes)
    return old


def _change_time(on: Any, errors: list[FieldError]) -> datetime:
    """When a status change happened: now, or the day given (not in the future)."""
    if on is None or on == "":
        return utcnow()
    if isinstance(on, datetime):
        return on
    day, err = parse_date(on, "on")
    if err is not None or day is None:
        errors.append(
            fail("on", _("«{text}» no es una fecha válida (use dd/mm/aaaa o AAAA-MM-DD).").format(text=on))
        )
        return utcnow()
    if day > date.today():
        errors.append(fail("on", _("la fecha {day} está en el futuro.").format(day=f"{day:%d/%m/%Y}")))
    return datetime.combine(day, time(12))


# -- people ------------------------------------------------------------------------------------


def get_person(session: Session, person_id: int) -> ProgramPerson:
    person = session.get(ProgramPerson, person_id)
    if person is None:
        raise NotFoundError(_("No existe la participación en programa con id {id}.").format(id=person_id))
    return person


def add_person(session: Session, program_id: int, values: Mapping[str, Any]) -> ProgramPerson:
    get_program(session, program_id)
    errors: list[FieldError] = []
    data = {"role": ProgramRole.PARTICIPANT, **values}
    clean_values = _validate_person(session, data, None, errors)
    if errors:
        raise ValidationError(errors)
    _refuse_duplicate(session, program_id, clean_values["member_id"], clean_values["role"], None)
    person = ProgramPerson(program_id=program_id, **clean_values)
    session.add(person)
    session.flush()
    audit.record_create(session, "program_person", person.id, {"program_id": program_id, **clean_values})
    return person


def add_people(
    session: Session,
    program_id: int,
    member_ids: Sequence[int],
    role: ProgramRole | str = ProgramRole.PARTICIPANT,
) -> list[ProgramPerson]:
    """Add several members with one role; those already there with that role are skipped."""
    get_program(session, program_id)
    errors: list[FieldError] = []
    parsed = parse_enum(ProgramRole, "role", role, errors)
    if errors:
        raise ValidationError(errors)
    there = set(
        session.scalars(
            select(ProgramPerson.member_id).where(
                ProgramPerson.program_id == program_id, ProgramPerson.role == parsed
            )
        )
    )
    added = []
    for member_id in dict.fromkeys(member_ids):
        if member_id in there:
            continue
        added.append(add_person(session, program_id, {"member_id": member_id, "role": parsed}))
    return added


def update_person(session: Session, person_id: int, values: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    person = get_person(session, person_id)
    if "member_id" in values and values["member_id"] != person.member_id:
        raise ValidationError([fail("member_id", _("no se cambia: quite a la persona y agregue a otra."))])
    errors: list[FieldError] = []
    clean_values = _validate_person(
        session, {k: v for k, v in values.items() if k != "member_id"}, person, errors
    )
    if errors:
        raise ValidationError(errors)
    if "role" in clean_values and person.member_id is not None:
        _refuse_duplicate(session, person.program_id, person.member_id, clean_values["role"], person.id)
    return apply_changes(session, "program_person", person, clean_values)


def remove_person(session: Session, person_id: int) -> None:
    person = get_person(session, person_id)
    audit.record_delete(
        session,
        "program_person",
        person.id,
        {"program_id": person.program_id, **snapshot(person, PERSON_FIELDS)},
    )
    session.delete(person)
    session.flush()


def _validate_person(
    session: Session, values: dict[str, Any], current: ProgramPerson | None, errors: list[FieldError]
) -> dict[str, Any]:
    unknown = set(values) - set(PERSON_FIELDS)
    if unknown:
        raise ValueError(f"unknown programme person fields: {sorted(unknown)}")
    check_text(values)
    out: dict[str, Any] = {}
    if current is None:
        member_id = values.get("member_id")
        member = session.get(Member, member_id) if isinstance(member_id, int) else None
        if member is None:
            errors.append(fail("member_id", _("elija un miembro que exista.")))
        elif member.anonymized_at is not None:
            errors.append(
                fail(
                    "member_id",
                    _(
                        "el miembro {id} fue anonimizado: ya no se registran nuevas participaciones suyas."
                    ).format(id=member.id),
                )
            )
        out["member_id"] = member_id
    if "role" in values:
        out["role"] = parse_enum(ProgramRole, "role", values["role"], errors)
    for field in ("starts_on", "ends_on"):
        if field in values:
            out[field] = date_value(values, field, errors)
    check_period(
        out.get("starts_on", current.starts_on if current else None),
        out.get("ends_on", current.ends_on if current else None),
        errors,
    )
    if "hours" in values:
        out["hours"] = _hours(values["hours"], errors)
    if "notes" in values:
        out["notes"] = text_value(values, "notes", ProgramPerson, errors)
    return out


def _hours(raw: Any, errors: list[FieldError]) -> float | None:
    if raw is None or raw == "":
        return None
    try:
        hours = float(str(raw).replace(",", "."))
    except ValueError:
        errors.append(fail("hours", _("«{text}» no es un número.").format(text=raw)))
        return None
    if not 0 <= hours <= MAX_HOURS:
        errors.append(fail("hours", _("entre 0 y {n}.").format(n=int(MAX_HOURS))))
        return None
    return hours


def _refuse_duplicate(
    session: Session, program_id: int, member_id: int, role: ProgramRole, own: int | None
) -> None:
    other = session.scalar(
        select(ProgramPerson.id).where(
            ProgramPerson.program_id == program_id,
            ProgramPerson.member_id == member_id,
            ProgramPerson.role == role,
            ProgramPerson.id != (own or 0),
        )
    )
    if other is not None:
        member = session.get(Member, member_id)
        name = member.full_name if member is not None else str(member_id)
        raise ValidationError(
            [
                fail(
                    "role",
                    _("{name} ya participa en este programa como «{role}».").format(
                        name=name, role=role.label
                    ),
                )
            ]
        )


# -- outcomes ------------------------------------------------------------------------------------


def get_outcome(session: Session, outcome_id: int) -> ProgramOutcome:
    outcome = session.get(ProgramOutcome, outcome_id)
    if outcome is None:
        raise NotFoundError(_("No existe el resultado con id {id}.").format(id=outcome_id))
    return outcome


def add_outcome(session: Session, program_id: int, values: Mapping[str, Any]) -> ProgramOutcome:
    get_program(session, program_id)
    errors: list[FieldError] = []
    clean_values = _validate_outcome({"kind": None, "quantity": None, **values}, errors)
    if errors:
        raise ValidationError(errors)
    outcome = ProgramOutcome(program_id=program_id, **clean_values)
    session.add(outcome)
    session.flush()
    audit.record_create(session, "program_outcome", outcome.id, {"program_id": program_id, **clean_values})
    return outcome


def update_outcome(
    session: Session, outcome_id: int, values: Mapping[str, Any]
) -> dict[str, tuple[Any, Any]]:
    outcome = get_outcome(session, outcome_id)
    errors: list[FieldError] = []
    clean_values = _validate_outcome(dict(values), errors)
    if errors:
        raise ValidationError(errors)
    return apply_changes(session, "program_outcome", outcome, clean_values)


def remove_outcome(session: Session, outcome_id: int) -> None:
    outcome = get_outcome(session, outcome_id)
    audit.record_delete(
        session,
        "program_outcome",
        outcome.id,
        {"program_id": outcome.program_id, **snapshot(outcome, OUTCOME_FIELDS)},
    )
    session.delete(outcome)
    session.flush()


def _validate_outcome(values: dict[str, Any], errors: list[FieldError]) -> dict[str, Any]:
    unknown = set(values) - set(OUTCOME_FIELDS)
    if unknown:
        raise ValueError(f"unknown outcome fields: {sorted(unknown)}")
    check_text(values)
    out: dict[str, Any] = {}
    if "kind" in values:
        if values["kind"] in (None, ""):
            errors.append(fail("kind", _("es obligatorio.")))
        else:
            out["kind"] = parse_enum(OutcomeKind, "kind", values["kind"], errors)
    if "quantity" in values:
        out["quantity"] = _quantity(values["quantity"], errors)
    if "achieved_on" in values:
        out["achieved_on"] = date_value(values, "achieved_on", errors)
    if "narrative" in values:
        out["narrative"] = text_value(values, "narrative", ProgramOutcome, errors)
    return out


def _quantity(raw: Any, errors: list[FieldError]) -> int:
    text = str(raw if raw is not None else "").strip().replace(",", "").replace(" ", "")
    if isinstance(raw, bool) or not text:
        errors.append(fail("quantity", _("es obligatoria.")))
        return 0
    try:
        value = int(raw) if isinstance(raw, int) else int(text)
    except ValueError:
        errors.append(fail("quantity", _("«{text}» no es un número entero.").format(text=raw)))
        return 0
    if not 0 <= value <= MAX_QUANTITY:
        errors.append(fail("quantity", _("debe estar entre 0 y {n}.").format(n=f"{MAX_QUANTITY:,}")))
    return value


# -- members (merge, anonymisation) --------------------------------------------------------------


def move_member(session: Session, from_id: int, to_id: int) -> int:
    """Merge support: the other member's programme participations become the kept member's
    (a role the kept member already holds in that programme is dropped, not doubled)."""
    held = {
        (p.program_id, p.role)
        for p in session.scalars(select(ProgramPerson).where(ProgramPerson.member_id == to_id))
    }
    moved = 0
    for person in session.scalars(select(ProgramPerson).where(ProgramPerson.member_id == from_id)):
        if (person.program_id, person.role) in held:
            session.delete(person)
            continue
        person.member_id = to_id
        held.add((person.program_id, person.role))
        moved += 1
    session.flush()
    return moved
