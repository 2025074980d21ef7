"""The fields of a Jornada's records and the checks every Jornadas service applies to them:
the names each service accepts, Spanish labels for messages, no control characters in typed
text, text no longer than its column, enum values given by value or by Spanish label."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from talentdesk.core.enums import LabeledEnum
from talentdesk.core.errors import FieldError, NotFoundError
from talentdesk.core.events import (
    AgendaSession,
    Event,
    EventTask,
    Lodging,
    Material,
    Participant,
    Room,
    Travel,
)
from talentdesk.core.i18n import N_, _
from talentdesk.core.validation import check_controls, length_error, register_labels
from talentdesk.core.validation import label as field_label

T = TypeVar("T")

EVENT_FIELDS = (
    "name",
    "edition",
    "starts_on",
    "ends_on",
    "venue_name",
    "venue_address",
    "city",
    "description",
    "status",
    "timezone",
    "code_prefix",
)
PARTICIPANT_FIELDS = (
    "given_names",
    "paternal_surname",
    "maternal_surname",
    "organization",
    "email",
    "phone",
    "country",
    "role",
    "dietary_needs",
    "accessibility_needs",
    "notes",
)
TRAVEL_FIELDS = (
    "arrival_flight",
    "arrival_airline",
    "arrival_at",
    "arrival_airport",
    "arrival_terminal",
    "departure_flight",
    "departure_airline",
    "departure_at",
    "departure_airport",
    "departure_terminal",
    "needs_transfer",
)
LODGING_FIELDS = (
    "hotel",
    "room",
    "check_in",
    "check_out",
    "shares_with_id",
    "confirmation",
)


#: Labels of the participant fields that core.validation does not name.
_PARTICIPANT_LABELS = {
    "organization": N_("Organización"),
    "dietary_needs": N_("Necesidades alimentarias"),
    "accessibility_needs": N_("Necesidades de accesibilidad"),
}


#: Labels of the travel and lodging fields (the itinerary of the attendee packet).
_LOGISTICS_LABELS = {
    "arrival_flight": N_("Vuelo de llegada"),
    "arrival_airline": N_("Aerolínea de llegada"),
    "arrival_airport": N_("Aeropuerto de llegada"),
    "arrival_terminal": N_("Terminal de llegada"),
    "departure_flight": N_("Vuelo de salida"),
    "departure_airline": N_("Aerolínea de salida"),
    "departure_airport": N_("Aeropuerto de salida"),
    "departure_terminal": N_("Terminal de salida"),
    "hotel": N_("Hotel"),
    "room": N_("Habitación"),
    "confirmation": N_("Confirmación"),
}


#: Labels of the other free-text fields of an event, for the control-character check.
_TEXT_LABELS = {
    **_PARTICIPANT_LABELS,
    **_LOGISTICS_LABELS,
    "edition": N_("Edición"),
    "venue_name": N_("Sede"),
    "venue_address": N_("Dirección de la sede"),
    "description": N_("Descripción"),
    "timezone": N_("Zona horaria"),
    "code_prefix": N_("Prefijo de códigos"),
    "room": N_("Nombre de la sala"),
    "title": N_("Título"),
    "item": N_("Material"),
    "responsible": N_("Responsable"),
}


def check_text(values: Mapping[str, Any]) -> None:
    """No control characters in any typed text of an event (``check_controls``)."""
    check_controls(values, labels={field: _(label) for field, label in _TEXT_LABELS.items()})


def too_long(field: str, text: str | None, model: type[Any] = Participant) -> FieldError | None:
    """The column's length is the limit: longer text is refused here rather than stored (and
    then breaking the printed documents, or refused by PostgreSQL)."""
    spanish = _PARTICIPANT_LABELS.get(field) or _LOGISTICS_LABELS.get(field)
    return length_error(model, field, text, name=_(spanish) if spanish else field_label(field))


for _model in (Event, Participant, Travel, Lodging, Material, EventTask, AgendaSession):
    register_labels(_model, _TEXT_LABELS)
register_labels(Room, {"name": N_("Nombre de la sala")})
register_labels(Lodging, {"room": N_("Habitación")})


def found(record: T | None, what: str, record_id: int) -> T:
    """``record``, else the Spanish error «No existe {what} con id N.» (``what``: "la tarea")."""
    if record is None:
        raise NotFoundError(_("No existe {what} con id {record_id}.").format(what=what, record_id=record_id))
    return record


def enum_value(kind: type[LabeledEnum], value: Any) -> str:
    """The stored value of ``value``: a member of ``kind``, its value or its Spanish label
    (``LabeledEnum.parse``; ValueError for anything else)."""
    if isinstance(value, kind):
        return str(value.value)
    return str(kind.parse(str(value)).value)
