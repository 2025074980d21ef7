"""300 attendee packets (documents issue): ours against bare platypus, in the same run.

Run by hand:  python bench/packets_bench.py [--packets N] [--runs R] [--no-separate] [--quick]

Builds a temporary database like the demo (``generate_demo``: members and the demo Jornada
with its agenda, speakers, travel and lodging) and registers more members in the Jornada until
it has at least N expected participants, with flights and hotel for those from abroad. Then
times, each run in a fresh process, N packets (cover, welcome letter, itinerary, agenda with
the person's sessions marked, participants' directory, badge — about 11 pages each):

- TalentDesk, one PDF: ``export_packets_pdf`` from the database (queries included);
- TalentDesk, one file per participant: the same with ``separate_files=True``;
- baseline, same run: bare platypus — one ``SimpleDocTemplate`` whose story holds every
  packet's flowables built fresh from the same section builders (data read beforehand, not
  timed), with a plain "Página n" footer: what the packets cost when each one is laid out in
  full, without the shared-section layout, the per-packet numbering and the lazy feed.

Prints the median of the runs and the time per packet for each, and the peak memory (RSS) of
the measuring process.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from datetime import time as dtime
from pathlib import Path

from benchutil import QUICK_HELP


def build_db(folder: Path, packets: int) -> tuple[Path, int, list[int]]:
    from sqlalchemy import select

    from talentdesk.core.enums import ParticipantRole, ParticipantStatus
    from talentdesk.core.events import Participant
    from talentdesk.core.models import Member
    from talentdesk.db.engine import make_engine
    from talentdesk.db.migrate import ensure_current
    from talentdesk.db.session import Database
    from talentdesk.exports.badges import DEFAULT_STATUSES
    from talentdesk.services import event_logistics, event_participants, event_workflow
    from talentdesk.services.demo import generate_demo
    from talentdesk.services.demo_event import AIRLINES, AIRPORTS, FIRST_DAY, HOTELS

    path = folder / "packets.sqlite"
    engine = make_engine(path)
    ensure_current(engine)
    engine.dispose()
    database = Database.open(path)
    rng = random.Random(11)
    with database.session() as session:
        generate_demo(session, max(600, packets * 2), seed=7)
    with database.session() as session:
        event_id = session.scalar(select(Participant.event_id).limit(1))
        assert event_id is not None
        expected = DEFAULT_STATUSES  # who gets a packet by default
        have = len(
            list(
                session.scalars(
                    select(Participant.id).where(
                        Participant.event_id == event_id, Participant.status.in_(expected)
                    )
                )
            )
        )
        registered = set(
            session.scalars(select(Participant.member_id).where(Participant.event_id == event_id))
        )
        free = [m for m in session.scalars(select(Member.id).order_by(Member.id)) if m not in registered]
        added = [
            event_participants.add_member(session, event_id, member_id, ParticipantRole.ATTENDEE)
            for member_id in free[: max(0, packets - have)]
        ]
        event_workflow.change_status(session, [p.id for p in added], ParticipantStatus.CONFIRMED)
        for n, p in enumerate(added):
            if not p.from_abroad:
                continue
            code, airline = rng.choice(AIRLINES)
            day_before = datetime.combine(FIRST_DAY - timedelta(days=1), dtime(rng.randint(9, 21)))
            event_logistics.set_travel(
                session,
                p.id,
                {
                    "arrival_flight": f"{code} {rng.randint(100, 999)}",
                    "arrival_airline": airline,
                    "arrival_at": day_before,
                    "arrival_airport": f"AICM (desde {rng.choice(AIRPORTS)})",
                    "arrival_terminal": rng.choice("12"),
                    "departure_flight": f"{code} {rng.randint(100, 999)}",
                    "departure_airline": airline,
                    "departure_at": day_before + timedelta(days=3),
                    "departure_airport": "AICM",
                    "departure_terminal": rng.choice("12"),
                    "needs_transfer": rng.random() < 0.8,
                },
            )
            event_logistics.set_lodging(
                session,
                p.id,
                {
                    "hotel": HOTELS[n % 3 == 0],
                    "room": str(500 + n),
                    "check_in": FIRST_DAY - timedelta(days=1),
                    "check_out": FIRST_DAY + timedelta(days=2),
                    "confirmation": f"BENCH-{rng.randint(10000, 99999)}",
                },
            )
        ids = list(
            session.scalars(
                select(Participant.id)
                .where(Participant.event_id == event_id, Participant.status.in_(expected))
                .order_by(Participant.sort_key)
            )
        )[:packets]
    database.close()
    return path, event_id, ids


def child(kind: str, db: str, event_id: int, ids: list[int], out: str) -> dict[str, float]:
    from talentdesk.db.session import Database
    from talentdesk.exports import packets_data, packets_pdf

    database = Database.open(db)
    if kind in ("combined", "separate"):
        start = time.perf_counter()
        result = packets_pdf.export_packets_pdf(
            database.sessions, event_id, out, participant_ids=ids, separate_files=kind == "separate"
        )
        seconds = time.perf_counter() - start
        assert result.rows == len(ids)
    else:
        from reportlab.lib.pagesizes import LETTER
        from reportlab.platypus import PageBreak, SimpleDocTemplate

        from talentdesk.exports import packets_sections as pk
        from talentdesk.exports.badges import load_layout
        from talentdesk.exports.kinds import DEFAULT_PACKET_BADGE
        from talentdesk.exports.pdf import FONT, frame_width, page_margins, register_fonts

        with database.reader() as session:  # the same content, read before timing
            data = packets_data.load_packets(session, event_id, ids)
        layout = load_layout(DEFAULT_PACKET_BADGE)
        register_fonts()
        start = time.perf_counter()
        margins = page_margins()
        doc = SimpleDocTemplate(out, pagesize=LETTER, initialFontName=FONT, title="Paquetes", **margins)
        st = pk.packet_styles()
        width = frame_width(LETTER)

        def footer(canvas: object, document: SimpleDocTemplate) -> None:
            canvas.setFont(FONT, 8)  # type: ignore[attr-defined]
            canvas.drawRightString(  # type: ignore[attr-defined]
                LETTER[0] - margins["rightMargin"], 30, f"Página {document.page}"
            )

        story: list[object] = []
        for n, person in enumerate(data.people):
            if n:
                story.append(PageBreak())
            story += [pk.Cover(person, data.event, st), PageBreak()]
            story += pk.letter_story(
                pk.letter_text(data.letter_template, data.event, person), data.event, width, st
            )
            story += [PageBreak(), *pk.itinerary_story(person, data.agenda, width, st), PageBreak()]
            story += pk.agenda_section_story(data.agenda, data.agenda.sessions_of(person.id), width, st)
            story += [PageBreak(), *pk.directory_story(data.directory, data.event, width, st), PageBreak()]
            story.append(pk.BadgePage(person.badge, layout, st))
        doc.build(story, onFirstPage=footer, onLaterPages=footer)
        seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "rss_mb": rss}


def run(kind: str, db: Path, event_id: int, ids: list[int]) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / ("paquetes" if kind == "separate" else "paquetes.pdf")
        done = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                kind,
                "--db",
                str(db),
                "--event",
                str(event_id),
                "--out",
                str(out),
            ],
            input=json.dumps(ids),
            check=True,
            capture_output=True,
            text=True,
        )
        figures: dict[str, float] = json.loads(done.stdout)
        if kind == "separate":
            files = list(out.iterdir())
            figures["pages"] = float(len(files))
            figures["mb"] = sum(f.stat().st_size for f in files) / 1e6
        else:
            from pypdf import PdfReader

            figures["pages"] = float(len(PdfReader(out).pages))
            figures["mb"] = out.stat().st_size / 1e6
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--packets", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-separate", action="store_true", help="skip the one-file-per-participant mode")
    parser.add_argument("--child")
    parser.add_argument("--db")
    parser.add_argument("--event", type=int)
    parser.add_argument("--out")
    parser.add_argument("--quick", action="store_true", help=QUICK_HELP)
    args = parser.parse_args()
    if args.quick:
        args.packets, args.runs = 3, 1
    if args.child:
        ids = json.loads(sys.stdin.read())
        print(json.dumps(child(args.child, args.db, args.event, ids, args.out)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        db, event_id, ids = build_db(Path(tmp), args.packets)
        print(
            f"database: event {event_id}, {len(ids)} packets to print (built in {time.perf_counter() - start:.1f} s)"
        )
        kinds = ["combined", "baseline"] + ([] if args.no_separate else ["separate"])
        results: dict[str, list[dict[str, float]]] = {k: [] for k in kinds}
        for n in range(args.runs):
            for kind in kinds:  # interleaved, so a busy moment of the machine hits all of them
                figures = run(kind, db, event_id, ids)
                results[kind].append(figures)
                print(f"  run {n + 1} {kind:<9} {figures['seconds']:6.2f} s", flush=True)
    labels = {
        "combined": "TalentDesk, one PDF",
        "separate": "TalentDesk, one file each",
        "baseline": "bare platypus, one PDF",
    }
    print(f"\n{len(ids)} packets, median of {args.runs} runs:\n")
    print("| kind | seconds | ms/packet | pages (files) | MB | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind in kinds:
        runs = results[kind]
        seconds = statistics.median(r["seconds"] for r in runs)
        pages = f"{runs[0]['pages']:.0f}" + (" files" if kind == "separate" else "")
        print(
            f"| {labels[kind]} | {seconds:.2f} | {seconds / len(ids) * 1000:.1f} | {pages} | "
            f"{runs[0]['mb']:.1f} | {max(r['rss_mb'] for r in runs):.0f} |"
        )
    base = statistics.median(r["seconds"] for r in results["baseline"])
    ours = statistics.median(r["seconds"] for r in results["combined"])
    print(f"\none PDF: {ours / base:.2f}× the bare-platypus time")


if __name__ == "__main__":
    main()
