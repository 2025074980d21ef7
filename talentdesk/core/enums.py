"""Closed vocabularies of the domain. Values are stable storage codes; labels are Spanish, shown
translated (gettext, ``core.i18n``) in the person's language."""

from __future__ import annotations

from enum import StrEnum

from talentdesk.core.i18n import N_, _


class LabeledEnum(StrEnum):
    """A StrEnum whose members carry a Spanish label, translated for the UI (documents stay
    Spanish: exports render inside ``i18n.spanish()``)."""

    @property
    def label(self) -> str:
        return _(self.source_label)

    @property
    def source_label(self) -> str:
        """The Spanish label, whatever the language (what the catalogue translates)."""
        return _LABELS[self]

    @classmethod
    def parse(cls, text: str) -> LabeledEnum:
        """Accept the code, the Spanish label or the translated one, ignoring case and accents."""
        from talentdesk.core.text import fold

        wanted = fold(text)
        for item in cls:
            if wanted in (fold(item.value), fold(item.source_label), fold(item.label)):
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
    MemberStatus.PROSPECT: N_("Prospecto"),
    MemberStatus.ACTIVE: N_("Activo"),
    MemberStatus.INACTIVE: N_("Inactivo"),
    DegreeLevel.LICENCIATURA: N_("Licenciatura"),
    DegreeLevel.ESPECIALIDAD: N_("Especialidad"),
    DegreeLevel.MAESTRIA: N_("Maestría"),
    DegreeLevel.DOCTORADO: N_("Doctorado"),
    DegreeLevel.POSDOCTORADO: N_("Posdoctorado"),
    Gender.FEMALE: N_("Femenino"),
    Gender.MALE: N_("Masculino"),
    Gender.OTHER: N_("Otro / prefiere no decir"),
    ChapterStatus.FORMING: N_("En formación"),
    ChapterStatus.FORMALIZED: N_("Formalizado"),
    ChapterStatus.INACTIVE: N_("Inactivo"),
    BoardRole.PRESIDENT: N_("Presidente"),
    BoardRole.VICE_PRESIDENT: N_("Vicepresidente"),
    BoardRole.SECRETARY: N_("Secretario"),
    BoardRole.TREASURER: N_("Tesorero"),
    BoardRole.MEMBER: N_("Vocal"),
    OrganizationKind.UNIVERSITY: N_("Universidad"),
    OrganizationKind.COMPANY: N_("Empresa"),
    OrganizationKind.PUBLIC_AGENCY: N_("Dependencia pública"),
    OrganizationKind.RESEARCH_CENTER: N_("Centro de investigación"),
    OrganizationKind.OTHER: N_("Otra"),
    PrintField.EMAIL: N_("Correo electrónico"),
    PrintField.PHONE: N_("Teléfono"),
    PrintField.CITY: N_("Ciudad"),
    PrintField.EMPLOYER: N_("Empleador"),
    EventStatus.PLANNING: N_("Planeación"),
    EventStatus.OPEN: N_("Abierto"),
    EventStatus.CONCLUDED: N_("Concluido"),
    EventStatus.CANCELLED: N_("Cancelado"),
    SessionKind.PLENARY: N_("Plenaria"),
    SessionKind.PANEL: N_("Panel"),
    SessionKind.WORKSHOP: N_("Taller"),
    SessionKind.BREAK: N_("Receso"),
    SessionKind.MEAL: N_("Comida"),
    SessionKind.OTHER: N_("Otra"),
    ParticipantRole.SPEAKER: N_("Ponente"),
    ParticipantRole.MODERATOR: N_("Moderador"),
    ParticipantRole.ATTENDEE: N_("Asistente"),
    ParticipantRole.SPECIAL_GUEST: N_("Invitado especial"),
    ParticipantRole.STAFF: N_("Staff"),
    ParticipantRole.PRESS: N_("Prensa"),
    ParticipantStatus.INVITED: N_("Invitado"),
    ParticipantStatus.CONFIRMED: N_("Confirmado"),
    ParticipantStatus.REGISTERED: N_("Registrado"),
    ParticipantStatus.ATTENDED: N_("Asistió"),
    ParticipantStatus.DECLINED: N_("Declinó"),
    ParticipantStatus.CANCELLED: N_("Canceló"),
    ParticipantStatus.NO_SHOW: N_("No se presentó"),
    MaterialStatus.PENDING: N_("Pendiente"),
    MaterialStatus.IN_PROGRESS: N_("En proceso"),
    MaterialStatus.READY: N_("Listo"),
    ConsentChannel.FORM: N_("Ficha del miembro"),
    ConsentChannel.IMPORT: N_("Importación"),
    ConsentChannel.CLI: N_("Línea de comandos"),
    ConsentChannel.MERGE: N_("Combinación de duplicados"),
    ConsentChannel.ANONYMIZATION: N_("Anonimización"),
    ConsentChannel.OTHER: N_("Otro"),
}
