"""The ARCO rights of one member (LFPDPPP): Acceso — everything held about them, as data a
document can show — and Cancelación — anonymising them for good.

Acceso (:func:`personal_data`) is a list of :class:`Section`\\ s made by the providers in
:data:`PROVIDERS`, in order; a new kind of record about members adds its provider there and
appears in the PDF and the JSON.

Cancelación (:func:`anonymize_member`) removes every personal field and free text, keeps what
statistics need (chapter, sectors, country, degree, status, year joined), keeps Jornada
participations as anonymous records (their copies of names and contact data are removed too),
keeps programme participations and candidacies as anonymous counts (their notes removed), and
scrubs the audit trail and consent history of the values removed; the audit keeps *that*
it happened. It is refused while a constancia issued to the member must keep answering its
verification. There is no undo: an inverse would keep the data it removed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, func, or_, select
from sqlalchemy.orm import Session

from talentdesk.core.countries import country_name
from talentdesk.core.enums import BoardRole, ConsentChannel
from talentdesk.core.errors import ConflictError
from talentdesk.core.events import (
    AgendaSession,
    Certificate,
    Event,
    Lodging,
    Participant,
    StatusChange,
    Travel,
    session_speakers,
)
from talentdesk.core.models import (
    AuditEntry,
    BoardPosition,
    Chapter,
    ConsentChange,
    ImportRun,
    ImportRunMember,
    Member,
    utcnow,
)
from talentdesk.core.programs import (
    CandidateStage,
    CandidateStageChange,
    Need,
    NeedCandidate,
    Program,
    ProgramKind,
    ProgramPerson,
    ProgramRole,
    ProgramStatus,
)
from talentdesk.services import audit, consent_history, export_log
from talentdesk.services.consent_history import Origin
from talentdesk.services.event_fields import PARTICIPANT_FIELDS
from talentdesk.services.members import FIELDS, STATISTICS_FIELDS, get_member, member_to_dict

#: What replaces a removed value in the audit trail and the consent history.
REMOVED = "[dato eliminado]"
#: The name an anonymised member and their participations carry from then on; the second
#: surname is the member's number (``anonymous_mark``), so two of them in one list or one
#: Jornada are not taken for the same person (the Revisión flags equal names as duplicates).
ANONYMOUS_GIVEN, ANONYMOUS_SURNAME = "Persona", "Anonimizada"


def anonymous_mark(member_id: int) -> str:
    return f"#{member_id}"


# -- what belongs to one person ----------------------------------------------------------------


@dataclass(frozen=True)
class Related:
    """The records that are about one member, found once for both rights."""

    member_id: int
    merged_ids: tuple[int, ...]  # members merged into this one earlier (the same person)
    participant_ids: tuple[int, ...]  # current participations
    former_participant_ids: tuple[int, ...]  # participations removed since (audit only)
    board_ids: tuple[int, ...]
    consent_ids: tuple[int, ...]
    certificate_ids: tuple[int, ...]
    program_person_ids: tuple[int, ...] = ()  # programme participations, current and former
    candidate_ids: tuple[int, ...] = ()  # candidacies for needs, current and former

    def audit_keys(self) -> list[tuple[str, tuple[int, ...]]]:
        """(audit entity, ids) of every audit row about this person."""
        people = self.participant_ids + self.former_participant_ids
        return [
            ("member", (self.member_id, *self.merged_ids)),
            ("participant", people),
            ("travel", people),
            ("lodging", people),
            ("board_position", self.board_ids),
            ("consent_changes", self.consent_ids),
            ("certificate", self.certificate_ids),
            ("program_person", self.program_person_ids),
            ("need_candidate", self.candidate_ids),
        ]


def _mentioning(session: Session, entity: str, key: str, values: Iterable[int]) -> set[int]:
    """Ids of audit rows' records of ``entity`` whose snapshot names ``key``: one of ``values``
    (snapshots store every value as text: ``"member_id": "12"``)."""
    found: set[int] = set()
    for value in values:
        pattern = f'%"{key}": "{value}"%'
        found.update(
            i
            for i in session.scalars(
                select(AuditEntry.entity_id).where(
                    AuditEntry.entity == entity,
                    AuditEntry.entity_id.is_not(None),
                    or_(AuditEntry.new_value.like(pattern), AuditEntry.old_value.like(pattern)),
                )
            )
            if i is not None
        )
    return found


def related_records(session: Session, member_id: int) -> Related:
    merged: set[int] = set()
    for text in session.scalars(
        select(AuditEntry.new_value).where(
            AuditEntry.entity == "member", AuditEntry.entity_id == member_id, AuditEntry.action == "merge"
        )
    ):
        try:
            merged.add(int(json.loads(text or "{}")["merged_id"]))
        except (ValueError, KeyError, TypeError):
            continue
    owners = (member_id, *sorted(merged))
    current = set(session.scalars(select(Participant.id).where(Participant.member_id == member_id)))
    former = _mentioning(session, "participant", "member_id", owners) - current
    boards = set(session.scalars(select(BoardPosition.id).where(BoardPosition.member_id == member_id)))
    boards |= _mentioning(session, "board_position", "member_id", owners)
    consents = set(session.scalars(select(ConsentChange.id).where(ConsentChange.member_id == member_id)))
    people = current | former
    certificates = set(session.scalars(select(Certificate.id).where(Certificate.participant_id.in_(people))))
    certificates |= _mentioning(session, "certificate", "participant_id", people)
    programme = set(session.scalars(select(ProgramPerson.id).where(ProgramPerson.member_id == member_id)))
    programme |= _mentioning(session, "program_person", "member_id", owners)
    candidacies = set(session.scalars(select(NeedCandidate.id).where(NeedCandidate.member_id == member_id)))
    candidacies |= _mentioning(session, "need_candidate", "member_id", owners)
    return Related(
        member_id,
        tuple(sorted(merged)),
        tuple(sorted(current)),
        tuple(sorted(former)),
        tuple(sorted(boards)),
        tuple(sorted(consents)),
        tuple(sorted(certificates)),
        tuple(sorted(programme)),
        tuple(sorted(candidacies)),
    )


def related_audit(session: Session, related: Related) -> list[AuditEntry]:
    conditions = [
        and_(AuditEntry.entity == entity, AuditEntry.entity_id.in_(ids))
        for entity, ids in related.audit_keys()
        if ids
    ]
    stmt = select(AuditEntry).where(or_(*conditions)).order_by(AuditEntry.id)
    return list(session.scalars(stmt))


# -- Acceso: everything held about one member ---------------------------------------------------


@dataclass(frozen=True)
class Section:
    """One part of the Acceso document: a title, what it is, and either fields (label, value)
    or records (each a list of label/value pairs); JSON uses ``key`` and the same labels."""

    key: str
    title: str
    note: str = ""
    fields: list[tuple[str, Any]] = field(default_factory=list)
    records: list[list[tuple[str, Any]]] = field(default_factory=list)
    empty: str = "Nada registrado."

    def as_json(self) -> Any:
        if self.records or not self.fields:
            return [{label: _json_value(v) for label, v in record} for record in self.records]
        return {label: _json_value(v) for label, v in self.fields}


@dataclass(frozen=True)
class PersonalData:
    member_id: int
    name: str
    generated_at: datetime
    sections: list[Section]

    def as_json(self) -> dict[str, Any]:
        return {
            "documento": "Datos personales (derecho de acceso, LFPDPPP)",
            "responsable": "Instituto de los Mexicanos en el Exterior — Red de Talentos Mexicanos",
            "miembro_id": self.member_id,
            "generado": self.generated_at.isoformat(timespec="seconds"),
            **{s.key: s.as_json() for s in self.sections},
        }


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    return value


Provider = Callable[[Session, Member, Related], Section]


def _profile(session: Session, member: Member, _related: Related) -> Section:
    data = member_to_dict(member)
    labels = {c.code: c.name for c in member.contributions}
    fields: list[tuple[str, Any]] = [
        ("Id", member.id),
        ("Nombre(s)", member.given_names),
        ("Apellido paterno", member.paternal_surname),
        ("Apellido materno", member.maternal_surname),
        ("Nombre preferido", member.preferred_name),
        ("Género", member.gender.label if member.gender else None),
        ("Correo electrónico", member.email),
        ("Teléfono", member.phone),
        ("País", data["country_name"]),
        ("Estado / región", member.state),
        ("Ciudad", member.city),
        ("Capítulo", data["chapter"]),
        ("Sector principal", data["primary_sector"]),
        ("Sectores", data["sectors"]),
        ("Especialidad / palabras clave", member.expertise),
        ("Nivel de estudios", member.degree_level.label if member.degree_level else None),
        ("Área de estudio", member.field_of_study),
        ("Institución", member.institution),
        ("Empleador", member.employer),
        ("Puesto", member.job_title),
        ("Idiomas", member.languages),
        ("Sitio web / LinkedIn", member.website),
        ("Aportaciones", [labels[c] for c in data["contributions"]]),
        ("Estatus", member.status.label),
        ("Fecha de ingreso", member.joined_on),
        ("Notas", member.notes),
        ("Registrado", member.created_at),
        ("Última modificación", member.updated_at),
        ("Anonimizado", member.anonymized_at),
    ]
    return Section("perfil", "Datos del miembro", "Lo que la ficha del miembro guarda hoy.", fields=fields)


def _consent(_session: Session, member: Member, _related: Related) -> Section:
    fields: list[tuple[str, Any]] = [
        ("Aparece en directorios impresos", bool(member.directory_consent)),
        ("Datos que se pueden imprimir", [f.label for f in member.print_fields]),
        ("No contactar (oposición)", bool(member.no_contact)),
        ("Fecha del consentimiento", member.consent_date),
        ("Origen del consentimiento", member.consent_source),
    ]
    return Section(
        "consentimiento",
        "Consentimiento",
        "Si aparece en directorios, qué datos de contacto se pueden mostrar y si pidió no ser contactado.",
        fields=fields,
    )


def _consent_history(session: Session, member: Member, _related: Related) -> Section:
    records = [
        [
            ("Registrado", r.at),
            ("Por", r.user),
            ("Medio", r.origin_text),
            ("Aparece en directorios", r.directory_consent),
            ("Datos que se pueden imprimir", [f.label for f in r.print_fields]),
            ("No contactar", r.no_contact),
            ("Fecha del consentimiento", r.consent_date),
            ("Origen declarado", r.source),
        ]
        for r in consent_history.records(session, member.id)
    ]
    return Section(
        "historial_del_consentimiento",
        "Historial del consentimiento",
        "Cada vez que se registró o cambió su consentimiento: quién, cuándo y por qué medio.",
        records=records,
        empty="Sin cambios registrados (el consentimiento actual se registró antes de que TalentDesk guardara su historial, o nunca se dio).",
    )


def _chapters(session: Session, member: Member, _related: Related) -> Section:
    rows = session.execute(
        select(BoardPosition.role, BoardPosition.term_start, BoardPosition.term_end, BoardPosition.chapter_id)
        .where(BoardPosition.member_id == member.id)
        .order_by(BoardPosition.term_start, BoardPosition.id)
    ).all()
    names = dict(session.execute(select(Chapter.id, Chapter.name)).all())
    records = [
        [
            ("Capítulo", names.get(chapter_id)),
            ("Cargo", BoardRole(role).label),
            ("Desde", start),
            ("Hasta", end),
        ]
        for role, start, end, chapter_id in rows
    ]
    return Section(
        "mesas_directivas",
        "Capítulo y mesas directivas",
        f"Capítulo: {member.chapter.name if member.chapter else 'ninguno'}. Cargos en mesas directivas:",
        records=records,
        empty="Ningún cargo en mesas directivas.",
    )


def _jornadas(session: Session, member: Member, related: Related) -> Section:
    records: list[list[tuple[str, Any]]] = []
    if not related.participant_ids:
        return Section(
            "jornadas", "Jornadas Informativas", records=records, empty="No participó en ninguna Jornada."
        )
    participants = list(
        session.scalars(
            select(Participant).where(Participant.id.in_(related.participant_ids)).order_by(Participant.id)
        )
    )
    events = {
        e.id: e
        for e in session.scalars(select(Event).where(Event.id.in_({p.event_id for p in participants})))
    }
    spoken = session.execute(
        select(session_speakers.c.participant_id, AgendaSession.title)
        .join(AgendaSession, AgendaSession.id == session_speakers.c.session_id)
        .where(session_speakers.c.participant_id.in_(related.participant_ids))
    ).all()
    moderated = session.execute(
        select(AgendaSession.moderator_id, AgendaSession.title).where(
            AgendaSession.moderator_id.in_(related.participant_ids)
        )
    ).all()
    for p in participants:
        event = events[p.event_id]
        history = session.scalars(
            select(StatusChange).where(StatusChange.participant_id == p.id).order_by(StatusChange.id)
        )
        travel, lodging = session.get(Travel, p.id), session.get(Lodging, p.id)
        record: list[tuple[str, Any]] = [
            ("Jornada", f"{event.name} {event.edition or ''}".strip()),
            ("Fechas", f"{event.starts_on.isoformat()} a {event.ends_on.isoformat()}"),
            ("Código de participante", p.code),
            ("Rol", p.role.label),
            ("Estatus", p.status.label),
            ("Historial de estatus", [f"{c.status.label} ({c.at.date().isoformat()})" for c in history]),
            ("Nombre registrado", p.full_name),
            ("Organización registrada", p.organization),
            ("Correo registrado", p.email),
            ("Teléfono registrado", p.phone),
            ("País", country_name(p.country) or p.country if p.country else None),
            ("Necesidades alimentarias", p.dietary_needs),
            ("Necesidades de accesibilidad", p.accessibility_needs),
            ("Notas", p.notes),
            ("Ponente en", [title for pid, title in spoken if pid == p.id]),
            ("Modera", [title for pid, title in moderated if pid == p.id]),
        ]
        if travel is not None:
            record += [
                ("Vuelo de llegada", " ".join(filter(None, [travel.arrival_airline, travel.arrival_flight]))),
                ("Llegada", travel.arrival_at),
                (
                    "Vuelo de salida",
                    " ".join(filter(None, [travel.departure_airline, travel.departure_flight])),
                ),
                ("Salida", travel.departure_at),
                ("Traslado", travel.needs_transfer),
            ]
        if lodging is not None:
            record += [
                ("Hotel", lodging.hotel),
                ("Habitación", lodging.room),
                ("Entrada al hotel", lodging.check_in),
                ("Salida del hotel", lodging.check_out),
            ]
        records.append(record)
    return Section(
        "jornadas",
        "Jornadas Informativas",
        "Cada participación, con los datos que se registraron para ella.",
        records=records,
        empty="No participó en ninguna Jornada.",
    )


def _certificates(session: Session, _member: Member, related: Related) -> Section:
    rows = session.execute(
        select(Certificate.code, Certificate.issued_at, Event.name, Event.edition)
        .join(Participant, Participant.id == Certificate.participant_id)
        .join(Event, Event.id == Participant.event_id)
        .where(Certificate.participant_id.in_(related.participant_ids))
        .order_by(Certificate.issued_at)
    ).all()
    records = [
        [
            ("Código de verificación", code),
            ("Jornada", f"{name} {edition or ''}".strip()),
            ("Emitida", issued),
        ]
        for code, issued, name, edition in rows
    ]
    return Section(
        "constancias",
        "Constancias de participación",
        "Constancias emitidas a su nombre; su código se puede verificar con «talentdesk certificates verify».",
        records=records,
        empty="Ninguna constancia emitida.",
    )


def _programmes(session: Session, member: Member, _related: Related) -> Section:
    rows = session.execute(
        select(ProgramPerson, Program, ProgramKind.name)
        .join(Program, Program.id == ProgramPerson.program_id)
        .join(ProgramKind, ProgramKind.id == Program.kind_id)
        .where(ProgramPerson.member_id == member.id)
        .order_by(Program.starts_on, Program.id)
    ).all()
    records = [
        [
            ("Programa", program.title),
            ("Tipo", kind),
            ("Estatus del programa", ProgramStatus(program.status).label),
            ("Fechas del programa", _period(program.starts_on, program.ends_on)),
            ("Rol", ProgramRole(person.role).label),
            ("Desde", person.starts_on),
            ("Hasta", person.ends_on),
            ("Horas", person.hours),
            ("Notas", person.notes),
        ]
        for person, program, kind in rows
    ]
    return Section(
        "programas",
        "Programas de vinculación",
        "Pasantías, mentorías, visitas, comités y misiones en los que participó, con su rol.",
        records=records,
        empty="No participó en ningún programa de vinculación.",
    )


def _candidacies(session: Session, member: Member, _related: Related) -> Section:
    rows = session.execute(
        select(NeedCandidate, Need.title)
        .join(Need, Need.id == NeedCandidate.need_id)
        .where(NeedCandidate.member_id == member.id)
        .order_by(NeedCandidate.added_at, NeedCandidate.id)
    ).all()
    records = []
    for candidate, title in rows:
        history = session.scalars(
            select(CandidateStageChange)
            .where(CandidateStageChange.candidate_id == candidate.id)
            .order_by(CandidateStageChange.id)
        )
        records.append(
            [
                ("Solicitud", title),
                ("Propuesto", candidate.added_at),
                ("Etapa", CandidateStage(candidate.stage).label),
                (
                    "Historial",
                    [f"{CandidateStage(c.stage).label} ({c.at.date().isoformat()})" for c in history],
                ),
                ("Por qué se le propuso", candidate.reasons),
                ("Notas", candidate.notes),
            ]
        )
    return Section(
        "solicitudes",
        "Candidaturas a solicitudes",
        "Solicitudes de un PNCS o de una organización para las que se le propuso o contactó.",
        records=records,
        empty="No se le propuso para ninguna solicitud.",
    )


def _period(starts: date | None, ends: date | None) -> str | None:
    if starts is None and ends is None:
        return None
    return f"{starts.isoformat() if starts else '…'} a {ends.isoformat() if ends else '…'}"


_ENTITY_LABELS = {
    "member": "Miembro",
    "participant": "Participación en Jornada",
    "travel": "Viaje",
    "lodging": "Hospedaje",
    "board_position": "Cargo en mesa directiva",
    "consent_changes": "Historial del consentimiento",
    "certificate": "Constancia",
    "program_person": "Participación en programa",
    "need_candidate": "Candidatura a solicitud",
}
_ACTIONS = {
    "create": "alta",
    "update": "cambio",
    "delete": "baja",
    "merge": "combinación",
    "undo": "deshacer",
    "redo": "rehacer",
    "anonymize": "anonimización",
}


def _imports(session: Session, member: Member, related: Related) -> Section:
    rows = session.execute(
        select(
            ImportRun.at, ImportRun.user, ImportRun.file_name, ImportRunMember.created, ImportRunMember.after
        )
        .join(ImportRunMember, ImportRunMember.run_id == ImportRun.id)
        .where(ImportRunMember.member_id.in_((member.id, *related.merged_ids)))
        .order_by(ImportRun.id)
    ).all()
    records = []
    for at, user, file_name, created, after in rows:
        try:
            changed = sorted(json.loads(after or "{}"))
        except ValueError:
            changed = []
        records.append(
            [
                ("Fecha", at),
                ("Usuario", user),
                ("Archivo", file_name),
                ("Qué hizo", "lo registró" if created else "cambió sus datos"),
                ("Campos", changed),
            ]
        )
    return Section(
        "importaciones",
        "Importaciones",
        "Hojas de cálculo importadas que lo registraron o cambiaron sus datos.",
        records=records,
        empty="Ninguna importación lo registró ni cambió sus datos.",
    )


def _audit(session: Session, _member: Member, related: Related) -> Section:
    records = [
        [
            ("Fecha", e.at),
            ("Usuario", e.user),
            ("Registro", f"{_ENTITY_LABELS.get(e.entity, e.entity)} {e.entity_id}"),
            ("Acción", _ACTIONS.get(e.action, e.action)),
            ("Campo", e.field),
            ("Antes", e.old_value),
            ("Después", e.new_value),
        ]
        for e in related_audit(session, related)
    ]
    return Section(
        "bitacora",
        "Bitácora de cambios",
        "Cada alta, cambio o baja de sus registros: quién y cuándo.",
        records=records,
    )


def _exports(session: Session, member: Member, _related: Related) -> Section:
    records = [
        [
            ("Fecha", e.at),
            ("Usuario", e.user),
            ("Documento", e.kind_label),
            ("Filtros", e.filters_text),
            ("Personas en el archivo", e.people),
            ("Archivo", e.file_name),
            ("Estado", e.status_label),
        ]
        for e in export_log.entries_including(session, member.id)
    ]
    return Section(
        "exportaciones",
        "Exportaciones que incluyeron sus datos",
        "Listas, directorios y documentos con sus datos que se guardaron en un archivo.",
        records=records,
        empty="Ninguna exportación registrada incluyó sus datos.",
    )


#: The sections of the Acceso document, in order. A new kind of record about members adds its
#: provider here.
PROVIDERS: list[Provider] = [
    _profile,
    _consent,
    _consent_history,
    _chapters,
    _jornadas,
    _certificates,
    _programmes,
    _candidacies,
    _imports,
    _audit,
    _exports,
]


def personal_data(session: Session, member_id: int) -> PersonalData:
    member = get_member(session, member_id)
    related = related_records(session, member_id)
    return PersonalData(
        member_id, member.full_name, utcnow(), [provider(session, member, related) for provider in PROVIDERS]
    )


# -- Cancelación: anonymising ----------------------------------------------------------------------


def certificate_blockers(session: Session, member_id: int) -> list[tuple[str, str]]:
    """(code, Jornada) of each constancia issued to the member: while it exists its code must
    keep answering with the holder's name, so the member cannot be anonymised."""
    rows = session.execute(
        select(Certificate.code, Event.name, Event.edition)
        .join(Participant, Participant.id == Certificate.participant_id)
        .join(Event, Event.id == Participant.event_id)
        .where(Participant.member_id == member_id)
        .order_by(Certificate.code)
    ).all()
    return [
        (code, f"{name} {edition or ''}".strip() if edition and edition not in name else name)
        for code, name, edition in rows
    ]


def refusal(session: Session, member: Member) -> str | None:
    """Why the member cannot be anonymised now (Spanish), or None."""
    if member.anonymized_at is not None:
        return f"El miembro {member.id} ya fue anonimizado el {member.anonymized_at:%d/%m/%Y}."
    blockers = certificate_blockers(session, member.id)
    if not blockers:
        return None
    listed = "; ".join(f"{code} ({event})" for code, event in blockers)
    return (
        f"No se puede anonimizar a {member.full_name}: tiene constancias de participación emitidas "
        f"cuyo código de verificación debe seguir respondiendo con su nombre: {listed}. Mientras esas "
        "constancias deban poder verificarse, sus datos se conservan; no se cambió nada."
    )


@dataclass(frozen=True)
class AnonymizeResult:
    member_id: int
    participations: int  # kept as anonymous records
    board_positions: int  # removed
    audit_rows: int  # scrubbed
    consent_rows: int  # scrubbed


#: What anonymising takes from the member: every field of ``services.members.FIELDS`` that
#: statistics do not keep (a field added later is removed unless declared a statistics field).
REMOVED_FIELDS = tuple(f for f in FIELDS if f not in STATISTICS_FIELDS and f != "primary_sector_id")
#: The value a removed field gets where "empty" is not None.
_ANONYMOUS: dict[str, Any] = {
    "given_names": ANONYMOUS_GIVEN,
    "paternal_surname": ANONYMOUS_SURNAME,
    "directory_consent": False,
    "no_contact": True,  # nobody may contact a person who is no longer there
}
#: Participant columns that copy the person: all the registration fields but country and role.
_PARTICIPANT_PERSONAL = tuple(f for f in PARTICIPANT_FIELDS if f not in ("country", "role"))
#: What an audit snapshot may keep about a scrubbed record.
_AUDIT_KEEP = frozenset(
    STATISTICS_FIELDS
    | {
        "event_id",
        "member_id",
        "participant_id",
        "chapter_id",
        "code",
        "role",
        "status",
        "term_start",
        "term_end",
        "merged_id",
        "from_other",
        "participations",
        "board_positions",
        "restored",
        "issued_at",
        "directory_consent",
        "print_fields",
        "no_contact",
        "consent_date",
        "channel",
        "at",
        "user",
        "program_id",
        "need_id",
        "stage",
        "hours",
        "starts_on",
        "ends_on",
    }
)


def anonymize_member(session: Session, member_id: int) -> AnonymizeResult:
    """Remove the member's personal data for good (see the module doc). Never commits."""
    member = get_member(session, member_id)
    why = refusal(session, member)
    if why is not None:
        raise ConflictError(why)
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA secure_delete = ON")  # freed pages are zeroed, not left readable
    related = related_records(session, member_id)
    email, phone, name = member.email, member.phone, member.full_name

    # The member: only what statistics need stays; every other field is emptied.
    for removed in REMOVED_FIELDS:
        if removed == "contribution_ids":
            member.contributions = []
        elif removed == "print_fields":
            member.print_fields = []
        else:
            setattr(member, removed, _ANONYMOUS.get(removed))
    member.maternal_surname = anonymous_mark(member_id)
    if member.joined_on is not None:
        member.joined_on = date(member.joined_on.year, 1, 1)
    member.anonymized_at = utcnow()
    member.refresh_derived()  # the search words go with the data (the index follows by trigger)

    # Participations stay as anonymous records: status, role, dates, sessions spoken at.
    participants = list(
        session.scalars(select(Participant).where(Participant.id.in_(related.participant_ids)))
    )
    for p in participants:
        for column in _PARTICIPANT_PERSONAL:
            setattr(p, column, None)
        p.given_names, p.paternal_surname = ANONYMOUS_GIVEN, ANONYMOUS_SURNAME
        p.maternal_surname = anonymous_mark(member_id)
        p.refresh_sort_key()
    if related.participant_ids:
        session.execute(delete(Travel).where(Travel.participant_id.in_(related.participant_ids)))
        session.execute(delete(Lodging).where(Lodging.participant_id.in_(related.participant_ids)))
    held = list(session.scalars(select(BoardPosition).where(BoardPosition.member_id == member_id)))
    for position in held:
        session.delete(position)
    boards = len(held)
    # Programme participations and candidacies stay as anonymous counts: role, dates, hours and
    # stage; what was written about the person goes.
    programme_rows = list(session.scalars(select(ProgramPerson).where(ProgramPerson.member_id == member_id)))
    for person in programme_rows:
        person.notes = None
    for candidate in session.scalars(select(NeedCandidate).where(NeedCandidate.member_id == member_id)):
        candidate.notes = None
        candidate.reasons = None

    # The consent history keeps when and through what consent changed, not the free texts.
    consents = list(session.scalars(select(ConsentChange).where(ConsentChange.member_id == member_id)))
    for change in consents:
        change.source = REMOVED if change.source else None
        change.detail = REMOVED if change.detail else None
    # What imports recorded of the fields they changed (to undo an import) goes the same way.
    for run_member in session.scalars(
        select(ImportRunMember).where(ImportRunMember.member_id.in_((member_id, *related.merged_ids)))
    ):
        run_member.before = _scrubbed_snapshot(run_member.before)
        run_member.after = _scrubbed_snapshot(run_member.after)
    session.flush()

    scrubbed = _scrub_audit(session, related, email, phone, name)
    consent_history.record(session, member, Origin(ConsentChannel.ANONYMIZATION))
    session.add(
        AuditEntry(
            user=audit.current_user(),
            entity="member",
            entity_id=member_id,
            action="anonymize",
            new_value=json.dumps(
                {
                    "participaciones_anonimas": len(participants),
                    "programas_anonimos": len(programme_rows),
                    "cargos_eliminados": boards,
                    "bitacora_depurada": scrubbed,
                },
                ensure_ascii=False,
            ),
        )
    )
    session.flush()
    return AnonymizeResult(member_id, len(participants), boards, scrubbed, len(consents))


def _scrub_audit(session: Session, related: Related, email: str | None, phone: str | None, name: str) -> int:
    """Remove the personal values from every audit row about the person; returns how many rows
    changed. Rows about their records by id, plus any row quoting their e-mail or phone, plus
    undo/redo rows whose step was named after them («Editar «Ana Ruiz»»)."""
    rows = {e.id: e for e in related_audit(session, related)}
    wanted: list[ColumnElement[bool]] = [
        AuditEntry.old_value.like(q) | AuditEntry.new_value.like(q)
        for q in (f"%{v}%" for v in (email, phone) if v)
    ]
    wanted.append(and_(AuditEntry.action.in_(("undo", "redo")), AuditEntry.old_value.like(f"%«{name}»%")))
    for e in session.scalars(select(AuditEntry).where(or_(*wanted))):  # one pass over the log
        rows[e.id] = e
    changed = 0
    for e in rows.values():
        old, new = _scrubbed(e, e.old_value), _scrubbed(e, e.new_value)
        if (old, new) != (e.old_value, e.new_value):
            e.old_value, e.new_value = old, new
            changed += 1
    return changed


def _scrubbed(entry: AuditEntry, text: str | None) -> str | None:
    if text is None or text == REMOVED:
        return text
    if entry.action == "update" and entry.field is not None:
        return text if entry.field in _AUDIT_KEEP else REMOVED
    return _scrubbed_snapshot(text)


def _scrubbed_snapshot(text: str | None) -> str | None:
    """A JSON object with only the keys statistics and history keep; anything else removed."""
    if text is None or text == REMOVED:
        return text
    try:
        data = json.loads(text)
    except ValueError:
        return REMOVED
    if not isinstance(data, dict):
        return REMOVED
    kept = {k: v for k, v in data.items() if k in _AUDIT_KEEP}
    if len(kept) != len(data):
        kept["datos_eliminados"] = "anonimización"
    return json.dumps(kept, ensure_ascii=False)


def purge_search_index(session: Session) -> None:
    """Merge the full-text index's segments, so the removed words are gone from the file too
    (a search stopped finding them when the member was anonymised). About half a second per
    100,000 members; run after the anonymisation, in its own transaction."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA secure_delete = ON")
        conn.exec_driver_sql("INSERT INTO member_fts(member_fts) VALUES ('optimize')")


def anonymized_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).where(Member.anonymized_at.is_not(None))) or 0)
