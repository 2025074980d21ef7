"""1,000 name badges with QR codes (documents issue goal: ≤ 5 s; a bare ReportLab QR widget per
badge was measured at ≈ 27–31 s on the project's machine).

Run by hand:  python bench/badges_bench.py [--badges N] [--runs R] [--layout NAME] [--quick]

Builds a temporary database with one event of N participants (short and very long compound
names, organisations, every role), then times, each run in a fresh process:

- TalentDesk: ``export_badges_pdf`` from the database to a file (query, name fitting, QR codes
  drawn as one merged path per code, cut marks off);
- baseline, same run: bare ReportLab drawing the same content on the same sheet — the same
  bands, texts and codes at fixed sizes (no fitting), data fetched beforehand — with one
  ``QrCodeWidget`` in a ``Drawing`` per badge, placed with ``renderPDF.draw``.

Prints the median of the runs for both.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from benchutil import QUICK_HELP

GIVEN = [
    "Ana",
    "Li",
    "José",
    "María de los Ángeles Guadalupe",
    "Juan Pablo",
    "Francisco Javier Alejandro",
    "Ximena",
    "Ñeri",
    "Guadalupe",
    "Luis Fernando",
    "Itzel",
    "María del Refugio Concepción",
]
SURNAMES = [
    "Li",
    "Peña",
    "Fernández de Córdoba y Villaseñor",
    "Ruiz-Esparza",
    "Núñez",
    "de la Garza",
    "Zúñiga",
    "Ávalos",
    "Hernández",
    "Ibáñez de la Vega",
    "O'Gorman",
    "Xicoténcatl",
]
ORGS = [
    None,
    "IME",
    "Universidad Nacional Autónoma de México, Facultad de Ingeniería",
    "Instituto Tecnológico y de Estudios Superiores de Monterrey",
    "Aeroméxico",
    "Secretaría de Relaciones Exteriores",
    "Centro de Investigación y de Estudios Avanzados del IPN",
]


def build_db(folder: Path, badges: int) -> tuple[Path, int]:
    from talentdesk.core.enums import ParticipantRole, ParticipantStatus
    from talentdesk.core.events import Participant
    from talentdesk.db.engine import make_engine
    from talentdesk.db.migrate import ensure_current
    from talentdesk.db.session import Database
    from talentdesk.services import events as ev

    path = folder / "badges.sqlite"
    engine = make_engine(path)
    ensure_current(engine)
    engine.dispose()
    database = Database.open(path)
    rng = random.Random(5)
    roles = list(ParticipantRole)
    with database.session() as session:
        event = ev.create_event(
            session,
            {
                "name": "Jornada Informativa de la Red de Talentos Mexicanos",
                "edition": "2027",
                "starts_on": date(2027, 2, 18),
                "ends_on": date(2027, 2, 19),
                "city": "Ciudad de México",
            },
        )
        for n in range(badges):
            person = Participant(
                event_id=event.id,
                code=f"JI27-{n + 1:04d}",
                given_names=rng.choice(GIVEN),
                paternal_surname=rng.choice(SURNAMES),
                maternal_surname=rng.choice([*SURNAMES, None]),
                organization=rng.choice(ORGS),
                role=rng.choice(roles),
                status=ParticipantStatus.CONFIRMED,
            )
            person.refresh_sort_key()
            session.add(person)
        event_id = event.id
    database.close()
    return path, event_id


def child(kind: str, db: str, event_id: int, layout_name: str, out: str) -> float:
    from talentdesk.db.session import Database
    from talentdesk.exports.badges import export_badges_pdf

    database = Database.open(db)
    if kind == "talentdesk":
        start = time.perf_counter()
        export_badges_pdf(database.sessions, event_id, out, layout=layout_name)
        return time.perf_counter() - start
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from talentdesk.exports.badges import ROLE_COLORS, load_badges, load_layout
    from talentdesk.exports.pdf import FONT, FONT_BOLD, GREEN, register_fonts

    with database.reader() as session:  # the same content, fetched before timing
        badges = load_badges(session, event_id)
    sheet = load_layout(layout_name)
    register_fonts()
    start = time.perf_counter()
    canvas = Canvas(out, pagesize=sheet.page_size, initialFontName=FONT)
    canvas.setTitle(f"Gafetes — {badges[0].event_name}")
    for n, badge in enumerate(badges):
        slot = n % sheet.per_sheet
        if n and slot == 0:
            canvas.showPage()
        x, y, w, h = sheet.slot_rect(slot)
        pad = 2.5 * mm
        canvas.setFillColor(GREEN)
        canvas.roundRect(x + pad, y + h - pad - 12 * mm, w - 2 * pad, 12 * mm, 1.8 * mm, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(FONT_BOLD, 7)
        canvas.drawString(x + 6 * mm, y + h - 8 * mm, badge.event_name)
        canvas.setFont(FONT, 6)
        canvas.drawString(x + 6 * mm, y + h - 11.5 * mm, badge.event_line)
        canvas.setFillColor(ROLE_COLORS[badge.role])
        canvas.roundRect(x + pad, y + pad, w - 2 * pad, 7.5 * mm, 1.8 * mm, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(FONT_BOLD, 9)
        canvas.drawCentredString(x + w / 2, y + pad + 2.5 * mm, badge.role.label.upper())
        canvas.setFillColor(colors.black)
        canvas.setFont(FONT_BOLD, 20)
        canvas.drawString(x + 6 * mm, y + h - 24 * mm, badge.given_names)
        canvas.setFont(FONT_BOLD, 12)
        canvas.drawString(
            x + 6 * mm, y + h - 30 * mm, f"{badge.paternal_surname} {badge.maternal_surname or ''}"
        )
        canvas.setFont(FONT, 8)
        canvas.drawString(x + 6 * mm, y + 14 * mm, badge.organization or "")
        size = 25 * mm
        drawing = Drawing(size, size)
        drawing.add(QrCodeWidget(badge.code, barWidth=size, barHeight=size, barLevel="M"))
        renderPDF.draw(drawing, canvas, x + w - pad - size, y + 18 * mm)
        canvas.setFont(FONT, 7)
        canvas.drawCentredString(x + w - pad - size / 2, y + 14 * mm, badge.code)
    canvas.showPage()
    canvas.save()
    return time.perf_counter() - start


def run(kind: str, db: Path, event_id: int, layout_name: str) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                kind,
                "--db",
                str(db),
                "--event",
                str(event_id),
                "--layout",
                layout_name,
                "--out",
                str(Path(tmp) / "gafetes.pdf"),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
    return float(json.loads(out.stdout)["seconds"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--badges", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--layout", default="avery-5392")
    parser.add_argument("--child")
    parser.add_argument("--db")
    parser.add_argument("--event", type=int)
    parser.add_argument("--out")
    parser.add_argument("--quick", action="store_true", help=QUICK_HELP)
    args = parser.parse_args()
    if args.quick:
        args.badges, args.runs = 12, 1
    if args.child:
        print(json.dumps({"seconds": child(args.child, args.db, args.event, args.layout, args.out)}))
        return
    with tempfile.TemporaryDirectory() as tmp:
        db, event_id = build_db(Path(tmp), args.badges)
        times: dict[str, list[float]] = {"talentdesk": [], "bare reportlab (QrCodeWidget)": []}
        for _ in range(args.runs):  # interleaved, so a busy moment hits both alike
            times["talentdesk"].append(run("talentdesk", db, event_id, args.layout))
            times["bare reportlab (QrCodeWidget)"].append(run("bare", db, event_id, args.layout))
    print(
        f"{args.badges} badges, layout {args.layout}, median of {args.runs} runs (each in a fresh process):"
    )
    print("| kind | median s | each run (s) |")
    print("|---|---:|---|")
    for kind, values in times.items():
        spread = ", ".join(f"{v:.2f}" for v in values)
        print(f"| {kind} | {statistics.median(values):.2f} | {spread} |")


if __name__ == "__main__":
    main()
