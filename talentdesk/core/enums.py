"""Closed vocabularies of the domain. Values are stable storage codes; labels are Spanish."""

from __future__ import annotations

from enum import StrEnum


class LabeledEnum(StrEnum):
    """A StrEnum whose members carry a Spanish label for the UI and documents."""

    @property
    def label(self) -> str:
        return _LABELS[self]

    @classmethod
    def parse(cls, text: str) -> LabeledEnum:
        """Accept the code or the Spanish label, ignoring case and accents."""
        from talentdesk.core.text import fold

        wanted = fold(text)
        for item in cls:
            if wanted in (fold(item.value), fold(item.label)):
                return item
        raise ValueError(text)


class MemberStatus(LabeledEnum):
    PROSPECT = "prospecto"
    ACTIVE = "activo"
    INACTIVE = "inactivo"


class DegreeLevel(LabeledEnum):
    LICENCIATURA = "licenciatura"
    ESPECIALIDAD = "especialidad"
    MAESTRIA = "maestria"
    DOCTORADO = "doctorado"
    POSDOCTORADO = "posdoctorado"


class Gender(LabeledEnum):
    FEMALE = "f"
    MALE = "m"
    OTHER = "x"


class ChapterStatus(LabeledEnum):
    FORMING = "en_formacion"
    FORMALIZED = "formalizado"
    INACTIVE = "inactivo"


class BoardRole(LabeledEnum):
    PRESIDENT = "presidente"
    VICE_PRESIDENT = "vicepresidente"
    SECRETARY = "secretario"
    TREASURER = "tesorero"
    MEMBER = "vocal"


class OrganizationKind(LabeledEnum):
    UNIVERSITY = "universidad"
    COMPANY = "empresa"
    PUBLIC_AGENCY = "dependencia"
    RESEARCH_CENTER = "centro_investigacion"
    OTHER = "otra"


class PrintField(LabeledEnum):
    """Contact data a member may allow in printed directories."""

    EMAIL = "email"
    PHONE = "phone"
    CITY = "city"
    EMPLOYER = "employer"


class EventStatus(LabeledEnum):
    PLANNING = "planeacion"
    OPEN = "abierto"
    CONCLUDED = "concluido"
    CANCELLED = "cancelado"


class SessionKind(LabeledEnum):
    PLENARY = "plenaria"
    PANEL = "panel"
    WORKSHOP = "taller"
    BREAK = "receso"
    MEAL = "comida"
    OTHER = "otra"


class ParticipantRole(LabeledEnum):
    SPEAKER = "ponente"
    MODERATOR = "moderador"
    ATTENDEE = "asistente"
    SPECIAL_GUEST = "invitado_especial"
    STAFF = "staff"
    PRESS = "prensa"


class ParticipantStatus(LabeledEnum):
    INVITED = "invitado"
    CONFIRMED = "confirmado"
    REGISTERED = "registrado"
    ATTENDED = "asistio"
    DECLINED = "declino"
    CANCELLED = "cancelo"
    NO_SHOW = "no_se_presento"


class MaterialStatus(LabeledEnum):
    PENDING = "pendiente"
    IN_PROGRESS = "en_proceso"
    READY = "listo"


class ConsentChannel(LabeledEnum):
    """Where a change of a member's consent was recorded (the consent history's "source")."""

    FORM = "ficha"
    IMPORT = "importacion"
    CLI = "linea_de_comandos"
    MERGE = "combinacion"
    ANONYMIZATION = "anonimizacion"
    OTHER = "otro"


_LABELS: dict[LabeledEnum, str] = {
    MemberStatus.PROSPECT: "Prospecto",
    MemberStatus.ACTIVE: "Activo",
    MemberStatus.INACTIVE: "Inactivo",
    DegreeLevel.LICENCIATURA: "Licenciatura",
    DegreeLevel.ESPECIALIDAD: "Especialidad",
    DegreeLevel.MAESTRIA: "Maestría",
    DegreeLevel.DOCTORADO: "Doctorado",
    DegreeLevel.POSDOCTORADO: "Posdoctorado",
    Gender.FEMALE: "Femenino",
    Gender.MALE: "Masculino",
    Gender.OTHER: "Otro / prefiere no decir",
    ChapterStatus.FORMING: "En formación",
    ChapterStatus.FORMALIZED: "Formalizado",
    ChapterStatus.INACTIVE: "Inactivo",
    BoardRole.PRESIDENT: "Presidente",
    BoardRole.VICE_PRESIDENT: "Vicepresidente",
    BoardRole.SECRETARY: "Secretario",
    BoardRole.TREASURER: "Tesorero",
    BoardRole.MEMBER: "Vocal",
    OrganizationKind.UNIVERSITY: "Universidad",
    OrganizationKind.COMPANY: "Empresa",
    OrganizationKind.PUBLIC_AGENCY: "Dependencia pública",
    OrganizationKind.RESEARCH_CENTER: "Centro de investigación",
    OrganizationKind.OTHER: "Otra",
    PrintField.EMAIL: "Correo electrónico",
    PrintField.PHONE: "Teléfono",
    PrintField.CITY: "Ciudad",
    PrintField.EMPLOYER: "Empleador",
    EventStatus.PLANNING: "Planeación",
    EventStatus.OPEN: "Abierto",
    EventStatus.CONCLUDED: "Concluido",
    EventStatus.CANCELLED: "Cancelado",
    SessionKind.PLENARY: "Plenaria",
    SessionKind.PANEL: "Panel",
    SessionKind.WORKSHOP: "Taller",
    SessionKind.BREAK: "Receso",
    SessionKind.MEAL: "Comida",
    SessionKind.OTHER: "Otra",
    ParticipantRole.SPEAKER: "Ponente",
    ParticipantRole.MODERATOR: "Moderador",
    ParticipantRole.ATTENDEE: "Asistente",
    ParticipantRole.SPECIAL_GUEST: "Invitado especial",
    ParticipantRole.STAFF: "Staff",
    ParticipantRole.PRESS: "Prensa",
    ParticipantStatus.INVITED: "Invitado",
    ParticipantStatus.CONFIRMED: "Confirmado",
    ParticipantStatus.REGISTERED: "Registrado",
    ParticipantStatus.ATTENDED: "Asistió",
    ParticipantStatus.DECLINED: "Declinó",
    ParticipantStatus.CANCELLED: "Canceló",
    ParticipantStatus.NO_SHOW: "No se presentó",
    MaterialStatus.PENDING: "Pendiente",
    MaterialStatus.IN_PROGRESS: "En proceso",
    MaterialStatus.READY: "Listo",
    ConsentChannel.FORM: "Ficha del miembro",
    ConsentChannel.IMPORT: "Importación",
    ConsentChannel.CLI: "Línea de comandos",
    ConsentChannel.MERGE: "Combinación de duplicados",
    ConsentChannel.ANONYMIZATION: "Anonimización",
    ConsentChannel.OTHER: "Otro",
}
