"""The person's data (derecho de acceso, LFPDPPP): everything TalentDesk holds about one member,
as a readable PDF and a JSON file side by side in a folder.

Both files come from the same :class:`services.privacy.PersonalData` (its sections, in
order), so they always say the same. Written like every export: temporary files beside the
targets, renamed only when both are complete; a cancel or an error leaves neither.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from talentdesk.core.dates import spanish_date
from talentdesk.core.errors import TalentDeskError
from talentdesk.db.session import SessionFactory, read_scope
from talentdesk.exports.files import ExportResult, Progress, atomic_output, check_abort
from talentdesk.exports.pdf import GlyphCheck, NumberedDocTemplate, pagesize_of, styles
from talentdesk.services.privacy import PersonalData, Section, personal_data

EMPTY = "—"


def file_stem(member_id: int, today: date | None = None) -> str:
    """«datos-personales-miembro-7-2027-03-10»: the id, never the name (the log keeps it)."""
    return f"datos-personales-miembro-{member_id}-{(today or date.today()).isoformat()}"


def export_personal_data(
    sessions: SessionFactory,
    member_id: int,
    out_dir: Path | str,
    *,
    page_size: str = "letter",
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    """Write ``<stem>.pdf`` and ``<stem>.json`` into ``out_dir`` (created if its parent exists).
    ``path`` of the result is the PDF."""
    folder = Path(out_dir).expanduser()
    size = pagesize_of(page_size)
    if folder.exists() and not folder.is_dir():
        raise TalentDeskError(
            f"«{folder}» no es una carpeta: indique la carpeta donde guardar los dos archivos."
        )
    check_abort(abort)
    with read_scope(sessions) as session:
        data = personal_data(session, member_id)
    created = False
    if not folder.exists():
        if not folder.parent.is_dir():
            raise TalentDeskError(f"No existe la carpeta «{folder.parent}».")
        try:
            folder.mkdir()
        except OSError as exc:
            raise TalentDeskError(f"No se pudo crear la carpeta «{folder}»: {exc.strerror or exc}.") from exc
        created = True
    stem = file_stem(member_id)
    glyphs = GlyphCheck()
    try:
        with (
            atomic_output(folder / f"{stem}.json", suffix=".json") as json_temp,
            atomic_output(folder / f"{stem}.pdf", suffix=".pdf") as pdf_temp,
        ):
            json_temp.write_text(
                json.dumps(data.as_json(), ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8"
            )
            if progress is not None:
                progress(1, 3)
            check_abort(abort)
            _write_pdf(data, pdf_temp, size, glyphs, abort)
            if progress is not None:
                progress(3, 3)
            check_abort(abort)
    except BaseException:
        if created:
            with contextlib.suppress(OSError):
                os.rmdir(folder)  # only if still empty
        raise
    return ExportResult(folder / f"{stem}.pdf", 1, glyphs.warnings(), member_ids=(member_id,), people=1)


# -- the PDF ------------------------------------------------------------------------------------------


def shown(value: Any) -> str:
    """A value as the document prints it (Spanish yes/no, day-first dates, local times)."""
    if value is None or value == "" or value == [] or value == ():
        return EMPTY
    if isinstance(value, bool):
        return "Sí" if value else "No"
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC).astimezone().strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, list | tuple):
        return "; ".join(shown(v) for v in value)
    return str(value)


def _line(label: str, value: Any, st: dict[str, Any], glyphs: GlyphCheck, where: str) -> Paragraph:
    text = shown(value)
    glyphs.check(where, text)
    return Paragraph(f"<b>{escape(label)}:</b> {escape(text)}".replace("\n", "<br/>"), st["body"])


def _section(section: Section, st: dict[str, Any], glyphs: GlyphCheck) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(40 * mm), Paragraph(escape(section.title), st["h1"])]
    if section.note:
        story.append(Paragraph(escape(section.note), st["muted"]))
        story.append(Spacer(1, 2 * mm))
    if section.fields:
        story += [_line(label, value, st, glyphs, section.title) for label, value in section.fields]
    elif section.records:
        for n, record in enumerate(section.records, start=1):
            lines = [
                _line(label, value, st, glyphs, section.title)
                for label, value in record
                if shown(value) != EMPTY
            ]
            head = Paragraph(f"{n}.", st["h2"])
            story.append(KeepTogether([head, *lines[:3]]))
            story += lines[3:]
            story.append(Spacer(1, 2 * mm))
    else:
        story.append(Paragraph(escape(section.empty), st["body"]))
    story.append(Spacer(1, 5 * mm))
    return story


def _write_pdf(
    data: PersonalData,
    path: Path,
    size: tuple[float, float],
    glyphs: GlyphCheck,
    abort: threading.Event | None,
) -> None:
    st = styles()
    title = f"Datos personales — {data.name}"
    glyphs.check("nombre", data.name)
    doc = NumberedDocTemplate(
        path,
        title=title,
        subject="Derecho de acceso (LFPDPPP)",
        pagesize=size,
        header=lambda d: f"Datos personales · miembro {data.member_id}" if d.page > 1 else "",
        abort=abort,
    )
    today = data.generated_at.replace(tzinfo=UTC).astimezone()
    story: list[Flowable] = [
        Paragraph("Datos personales", st["title"]),
        Paragraph(escape(data.name), st["subtitle"]),
        Spacer(1, 3 * mm),
        Paragraph(
            f"Derecho de acceso (LFPDPPP) · miembro {data.member_id} · generado el "
            f"{spanish_date(today.date())} a las {today:%H:%M}",
            st["muted"],
        ),
        Spacer(1, 5 * mm),
        Paragraph(
            "Este documento reúne todo lo que la Red de Talentos Mexicanos del Instituto de los Mexicanos "
            "en el Exterior (IME) guarda sobre usted en TalentDesk: sus datos, su consentimiento y su "
            "historial, su participación en capítulos y Jornadas, las constancias emitidas, los cambios "
            "registrados en la bitácora y las exportaciones que incluyeron sus datos. Puede pedir que se "
            "corrijan (rectificación), que se eliminen (cancelación) o que no se le contacte (oposición).",
            st["body"],
        ),
        Spacer(1, 6 * mm),
    ]
    for section in data.sections:
        story += _section(section, st, glyphs)
    doc.build(story)
