"""What a Jornada needs prepared: materials (quantity, who brings them, status) and tasks
(due date, who does them, done)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from talentdesk.core.enums import MaterialStatus
from talentdesk.core.errors import FieldError, ValidationError
from talentdesk.core.events import EventTask, Material
from talentdesk.core.i18n import _
from talentdesk.core.text import clean
from talentdesk.core.validation import parse_date
from talentdesk.services import audit
from talentdesk.services._changes import apply_changes, snapshot
from talentdesk.services.event_fields import check_text, enum_value, found
from talentdesk.services.events import get_event


def add_material(
    session: Session,
    event_id: int,
    item: str,
    quantity: int = 1,
    responsible: str | None = None,
) -> Material:
    event = get_event(session, event_id)
    check_text({"item": item, "responsible": responsible})
    if not clean(item):
        raise ValidationError.single("item", _("Material: es obligatorio."))
    if quantity < 0:
        raise ValidationError.single("quantity", _("Cantidad: no puede ser negativa."))
    material = Material(
        event=event,
        item=clean(item),
        quantity=quantity,
        responsible=clean(responsible) or None,
    )
    session.add(material)
    session.flush()
    audit.record_create(session, "material", material.id, {"event_id": event_id, "item": material.item})
    return material


def set_material_status(session: Session, material_id: int, status: MaterialStatus | str) -> None:
    material = _material(session, material_id)
    apply_changes(
        session,
        "material",
        material,
        {"status": MaterialStatus(enum_value(MaterialStatus, status))},
    )


def update_material(
    session: Session, material_id: int, values: Mapping[str, Any]
) -> dict[str, tuple[Any, Any]]:
    """Change a material's item, quantity, responsible or status."""
    material = _material(session, material_id)
    unknown = set(values) - {"item", "quantity", "responsible", "status"}
    if unknown:
        raise ValueError(f"unknown material fields: {sorted(unknown)}")
    check_text(values)
    out: dict[str, Any] = {}
    errors: list[FieldError] = []
    if "item" in values:
        out["item"] = clean(values["item"])
        if not out["item"]:
            errors.append(FieldError("item", _("Material: es obligatorio.")))
    if "quantity" in values:
        quantity = values["quantity"]
        if not isinstance(quantity, int) or quantity < 0:
            errors.append(FieldError("quantity", _("Cantidad: no puede ser negativa.")))
        out["quantity"] = quantity
    if "responsible" in values:
        out["responsible"] = clean(values["responsible"]) or None
    if "status" in values:
        try:
            out["status"] = MaterialStatus(enum_value(MaterialStatus, values["status"]))
        except ValueError:
            errors.append(
                FieldError(
                    "status",
                    _("Estatus: valor desconocido «{status}».").format(status=values["status"]),
                )
            )
    if errors:
        raise ValidationError(errors)
    return apply_changes(session, "material", material, out)


def delete_material(session: Session, material_id: int) -> dict[str, Any]:
    """Remove a material; returns what :func:`add_material` needs to put it back."""
    material = _material(session, material_id)
    return _delete(
        session,
        "material",
        material,
        ("event_id", "item", "quantity", "responsible", "status"),
    )


def add_task(
    session: Session,
    event_id: int,
    title: str,
    due_on: Any = None,
    responsible: str | None = None,
) -> EventTask:
    event = get_event(session, event_id)
    due, err = parse_date(due_on, "due_on")
    if err:
        raise ValidationError([err])
    check_text({"title": title, "responsible": responsible})
    if not clean(title):
        raise ValidationError.single("title", _("Tarea: es obligatoria."))
    task = EventTask(
        event=event,
        title=clean(title),
        due_on=due,
        responsible=clean(responsible) or None,
    )
    session.add(task)
    session.flush()
    audit.record_create(session, "event_task", task.id, {"event_id": event_id, "title": task.title})
    return task


def set_task_done(session: Session, task_id: int, done: bool) -> None:
    update_task(session, task_id, {"done": done})


def update_task(session: Session, task_id: int, values: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Change a task's title, due date, responsible or done mark."""
    task = _task(session, task_id)
    unknown = set(values) - {"title", "due_on", "responsible", "done"}
    if unknown:
        raise ValueError(f"unknown task fields: {sorted(unknown)}")
    check_text(values)
    out: dict[str, Any] = {}
    errors: list[FieldError] = []
    if "title" in values:
        out["title"] = clean(values["title"])
        if not out["title"]:
            errors.append(FieldError("title", _("Tarea: es obligatoria.")))
    if "due_on" in values:
        out["due_on"], err = parse_date(values["due_on"], "due_on")
        errors += [err] if err else []
    if "responsible" in values:
        out["responsible"] = clean(values["responsible"]) or None
    if "done" in values:
        out["done"] = bool(values["done"])
    if errors:
        raise ValidationError(errors)
    return apply_changes(session, "event_task", task, out)


def delete_task(session: Session, task_id: int) -> dict[str, Any]:
    """Remove a task; returns what :func:`add_task` (and ``done``) need to put it back."""
    task = _task(session, task_id)
    return _delete(
        session,
        "event_task",
        task,
        ("event_id", "title", "due_on", "responsible", "done"),
    )


def _material(session: Session, material_id: int) -> Material:
    return found(session.get(Material, material_id), _("el material"), material_id)


def _task(session: Session, task_id: int) -> EventTask:
    return found(session.get(EventTask, task_id), _("la tarea"), task_id)


def _delete(
    session: Session, entity: str, record: Material | EventTask, fields: tuple[str, ...]
) -> dict[str, Any]:
    """Delete ``record`` with its audit row; returns its ``fields`` (what re-adding it needs)."""
    saved = snapshot(record, fields)
    audit.record_delete(session, entity, record.id, saved)
    session.delete(record)
    session.flush()
    return saved
