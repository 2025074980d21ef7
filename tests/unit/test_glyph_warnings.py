"""Texts the embedded DejaVu Sans cannot draw (CJK, many emoji) still print — as boxes — but the
export says which ones: ``ExportResult.warnings``. Latin, accented, Greek and Cyrillic names
that DejaVu has never warn."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from talentdesk.core.enums import ParticipantStatus, SessionKind
from talentdesk.db.session import Database
from talentdesk.exports.agenda_pdf import export_agenda_pdf
from talentdesk.exports.badges import export_badges_pdf
from talentdesk.exports.certificates_pdf import export_certificates_pdf
from talentdesk.exports.files import ExportResult
from talentdesk.exports.packets_pdf import export_packets_pdf
from talentdesk.exports.pdf import GLYPH_EXAMPLES, GlyphCheck, font_coverage
from talentdesk.exports.signin_pdf import export_signin_pdf
from talentdesk.services import event_agenda, event_participants, event_workflow
from talentdesk.services import events as ev

DAY = date(2027, 3, 10)
LATIN = [  # every letter here is in DejaVu Sans
    ("Ñoño", "Peña", "Muñoz", "Universidad de Zürich · Über"),
    ("François", "Çelik", None, "Łódź Politechnika — «Ünal»"),
    ("Αλέξανδρος", "Παπαδόπουλος", None, "Πανεπιστήμιο Αθηνών"),
    ("Жанна", "Кузнецова", None, "МГУ · ☺ ★ ✓"),
]


def make_event(
    db: Database, guests: list[tuple[str, str, str | None, str | None]], speaker: bool = False
) -> int:
    with db.session() as s:
        event = ev.create_event(
            s, {"name": "Encuentro", "starts_on": DAY, "ends_on": DAY, "city": "Monterrey"}
        )
        ids = [
            event_participants.add_guest(
                s,
                event.id,
                {"given_names": g, "paternal_surname": p, "maternal_surname": m, "organization": o},
            ).id
            for g, p, m, o in guests
        ]
        if speaker:
            event_agenda.add_session(
                s,
                event.id,
                {
                    "title": "Diálogo 🎉 con 北京",
                    "kind": SessionKind.PLENARY,
                    "starts_at": datetime(2027, 3, 10, 9),
                    "ends_at": datetime(2027, 3, 10, 10),
                    "speaker_ids": ids[:1],
                },
            )
        event_workflow.change_status(s, ids, ParticipantStatus.CONFIRMED)
        event_workflow.change_status(s, ids, ParticipantStatus.REGISTERED)
        event_workflow.change_status(s, ids, ParticipantStatus.ATTENDED, today=DAY)
        return event.id


def test_coverage_is_the_fonts_cmap() -> None:
    covered = font_coverage()
    for char in "aZñÑÜüçÇłŁáéíóúαΩЖж€«»—·☺":
        assert ord(char) in covered, char
    for char in "王李北京🎉":
        assert ord(char) not in covered, char


def test_collector_names_each_text_once_and_ignores_what_prints() -> None:
    glyphs = GlyphCheck()
    glyphs.check("participante A", "Ñoño Peña Ü ç ł Ωμέγα Жук\t\n")
    glyphs.check("participante A", None)
    glyphs.check("participante A", "")
    glyphs.check("participante A", "Ana\u200dMaría")  # a zero-width joiner prints nothing
    assert glyphs.warnings() == ()
    glyphs.check("participante JI2027-0004", "王 李")
    glyphs.check("participante JI2027-0004", "王  李")  # the same text, spaced differently
    assert glyphs.warnings() == (
        "1 texto tiene caracteres que la fuente no incluye y se imprimirá como cuadros: "
        "«王 李» (participante JI2027-0004).",
    )


def test_a_huge_export_gets_a_short_message() -> None:
    glyphs = GlyphCheck()
    for n in range(1000):
        glyphs.check(f"participante {n}", f"王 {n} " + "x" * 100)
    (line,) = glyphs.warnings()
    assert line.startswith("1,000 textos tienen caracteres")
    assert line.count("«王") == GLYPH_EXAMPLES
    assert f"y {1000 - GLYPH_EXAMPLES:,} más." in line
    assert len(line) < 600


def only_dejavu(path: Path) -> None:
    fonts = {
        str(f["/BaseFont"]) for page in PdfReader(path).pages for f in page["/Resources"]["/Font"].values()
    }
    assert fonts and all("DejaVu" in f for f in fonts), fonts


@pytest.mark.parametrize("kind", ["badges", "signin", "certificates", "packets", "agenda"])
def test_latin_greek_cyrillic_event_has_no_warning(db: Database, tmp_path: Path, kind: str) -> None:
    event_id = make_event(db, LATIN, speaker=False)
    result = run(kind, db, event_id, tmp_path / f"{kind}.pdf")
    assert result.warnings == ()
    assert result.path.exists()


def run(kind: str, db: Database, event_id: int, out: Path) -> ExportResult:
    if kind == "badges":
        return export_badges_pdf(db.sessions, event_id, out)
    if kind == "signin":
        return export_signin_pdf(db.sessions, event_id, out)
    if kind == "certificates":
        return export_certificates_pdf(db.sessions, event_id, out)
    if kind == "packets":
        return export_packets_pdf(db.sessions, event_id, out)
    return export_agenda_pdf(db.sessions, event_id, out)


@pytest.mark.parametrize("kind", ["badges", "signin", "certificates", "packets"])
def test_cjk_guest_is_named_and_the_document_is_still_written(
    db: Database, tmp_path: Path, kind: str
) -> None:
    event_id = make_event(db, [*LATIN, ("王", "李", None, "北京大学 🎉")])
    out = tmp_path / f"{kind}.pdf"
    result = run(kind, db, event_id, out)
    assert result.rows >= 5
    (line,) = result.warnings
    assert "se imprimirán como cuadros" in line or "se imprimirá como cuadros" in line
    assert "«王 李» (participante JI27-0005)" in line
    if kind != "certificates":  # a constancia prints no organisation
        assert "«北京大学 🎉» (participante JI27-0005)" in line
    for name in ("Ñoño", "Çelik", "Παπαδόπουλος", "Кузнецова", "Zürich"):
        assert name not in line
    only_dejavu(out)
    assert len(PdfReader(out).pages) >= 1


def test_agenda_names_the_session_title_and_the_speaker(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db, [("王", "李", None, None), *LATIN], speaker=True)
    result = export_agenda_pdf(db.sessions, event_id, tmp_path / "agenda.pdf")
    (line,) = result.warnings
    assert line.startswith("2 textos tienen caracteres")
    assert "«Diálogo 🎉 con 北京» (sesión «Diálogo 🎉 con 北京»)" in line
    assert "«王 李» (sesión «Diálogo 🎉 con 北京»)" in line
