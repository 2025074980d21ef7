"""Member directory PDF (documents issue goal: 10,000 members ≤ 1.2× bare platypus of the
same content).

Run by hand:  python bench/directory_bench.py [--members N] [--runs R] [--group-by chapter]

Builds a temporary database with N generated members (``generate_demo``), all of them
consenting to appear with every contact field, so every entry prints everything. Each
measurement runs in a fresh process (fonts, caches and imports start cold every time):

* TalentDesk: ``export_directory_pdf`` from the database to a file — query, grouping, cover,
  index, running header, "Página x de y", consent rule.
* Bare platypus, same run: the very same entries (the same lines of text, same groups, same
  order, same DejaVu font), read from the database *before* timing, laid out with
  ``SimpleDocTemplate`` and no cover, index or header:
  - ``paragraphs``: one ``Paragraph`` per entry (bold name, ``<br/>`` lines) and one per group
    heading — what a platypus document is usually made of;
  - ``entries``: TalentDesk's own entry flowable in the bare template — isolates what the
    directory machinery itself costs (database, grouping, cover, index, header, footer).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from benchutil import QUICK_HELP


def make_database(path: Path, members: int) -> None:
    from talentdesk.db.session import Database
    from talentdesk.services.demo import generate_demo

    database = Database.open(path)
    with database.session() as session:
        generate_demo(session, members, seed=3)
    with database.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE members SET directory_consent = 1, print_fields = 'email,phone,city,employer', "
            "search_text = replace(search_text, ' _dc0 ', ' _dc1 ')"
        )
    database.close()


def content(db: str, group_by: str) -> list[tuple[str, list[list[tuple[int, str]]]]]:
    """Every group with its entries' lines, exactly as the export prints them."""
    from sqlalchemy import select

    from talentdesk.core.models import Chapter, Member, Sector
    from talentdesk.db.session import Database
    from talentdesk.exports.directory_pdf import _ENTRY_COLUMNS, _plan, entry_lines, parse_grouping
    from talentdesk.services.search import MemberQuery, matching_ids

    grouping = parse_grouping(group_by)
    database = Database.open(db)
    out = []
    with database.reader() as session:
        chapters = {k: v for k, v in session.execute(select(Chapter.id, Chapter.name))}
        sectors = {k: v for k, v in session.execute(select(Sector.id, Sector.name))}
        for group in _plan(session, matching_ids(session, MemberQuery()), grouping, None):
            ids = list(group.ids)
            rows = {r[0]: r for r in session.execute(select(*_ENTRY_COLUMNS).where(Member.id.in_(ids)))}
            entries = [entry_lines(rows[i], grouping, chapters, sectors) for i in ids]
            out.append((group.name, [e for e in entries if e is not None]))
    database.close()
    return out


def child(kind: str, db: str, group_by: str, out: str) -> dict[str, float]:
    if kind == "talentdesk":
        from talentdesk.db.session import Database
        from talentdesk.exports.directory_pdf import export_directory_pdf
        from talentdesk.services.search import MemberQuery

        database = Database.open(db)
        start = time.perf_counter()
        result = export_directory_pdf(database.sessions, MemberQuery(), out, group_by=group_by)
        seconds = time.perf_counter() - start
        return {"seconds": seconds, "members": result.rows, "pages": pages(out)}

    from reportlab.lib.pagesizes import LETTER
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    from talentdesk.exports.directory_pdf import MUTED, NAME, _Entry, _Group, _State, parse_grouping
    from talentdesk.exports.pdf import FONT, styles

    groups = content(db, group_by)  # made before timing
    start = time.perf_counter()
    style = styles()
    flowables: list[object] = []
    if kind == "paragraphs":
        for name, entries in groups:
            flowables.append(Paragraph(escape(name), style["h2"]))
            for lines in entries:
                parts = []
                for line_kind, text in lines:
                    if line_kind == NAME:
                        parts.append(f"<b>{escape(text)}</b>")
                    elif line_kind == MUTED:
                        parts.append(f'<font color="#5f6368">{escape(text)}</font>')
                    else:
                        parts.append(escape(text))
                flowables.append(Paragraph("<br/>".join(parts), style["cell"]))
                flowables.append(Spacer(0, 7))
    else:
        state = _State(parse_grouping(group_by), [_Group(name) for name, _e in groups])
        for index, (_name, entries) in enumerate(groups):
            flowables += [_Entry(state, index, lines, heading=i == 0) for i, lines in enumerate(entries)]
    doc = SimpleDocTemplate(out, pagesize=LETTER, initialFontName=FONT, title="Directorio", author="IME")
    doc.build(flowables)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "members": sum(len(e) for _n, e in groups), "pages": pages(out)}


def pages(path: str) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def run(kind: str, db: Path, group_by: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        args = [sys.executable, __file__, "--child", kind, "--db", str(db), "--group-by", group_by]
        args += ["--out", str(Path(tmp) / "directorio.pdf")]
        out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--group-by", default="chapter")
    parser.add_argument("--db", help="(child) database path")
    parser.add_argument("--child")
    parser.add_argument("--out")
    parser.add_argument("--quick", action="store_true", help=QUICK_HELP)
    args = parser.parse_args()
    if args.quick:
        args.members, args.runs = 200, 1
    if args.child:
        print(json.dumps(child(args.child, args.db, args.group_by, args.out)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "directory-bench.sqlite"
        make_database(db, args.members)
        results: dict[str, list[dict[str, float]]] = {"talentdesk": [], "paragraphs": [], "entries": []}
        for _ in range(args.runs):
            for kind, found in results.items():
                found.append(run(kind, db, args.group_by))
    median = {kind: statistics.median(r["seconds"] for r in found) for kind, found in results.items()}
    info = {kind: found[0] for kind, found in results.items()}
    n = args.members
    print(f"runs: {args.runs} each, fresh process per run; group by {args.group_by}")
    print("| measure | seconds | pages |")
    print("|---|---:|---:|")
    print(
        f"| export_directory_pdf, {n:,} members (query, cover, index, header, x de y) | "
        f"{median['talentdesk']:.2f} s | {info['talentdesk']['pages']:.0f} pages |"
    )
    print(
        f"| bare platypus SimpleDocTemplate, a Paragraph per entry, same content in memory | "
        f"{median['paragraphs']:.2f} s | {info['paragraphs']['pages']:.0f} pages |"
    )
    print(
        f"| bare platypus SimpleDocTemplate, TalentDesk's entry flowable, same content | "
        f"{median['entries']:.2f} s | {info['entries']['pages']:.0f} pages |"
    )
    print(f"| ratio vs Paragraph baseline | {median['talentdesk'] / median['paragraphs']:.2f}× |")
    print(
        f"| ratio vs entry-flowable baseline (directory overhead) | {median['talentdesk'] / median['entries']:.2f}× |"
    )
    for kind, found in results.items():
        print(
            f"  {kind}: "
            + ", ".join(f"{r['seconds']:.2f}" for r in found)
            + f" s ({found[0]['members']:.0f} members)"
        )


if __name__ == "__main__":
    main()
