"""Member import at scale (issue goal: 100,000 rows with validation and duplicate checks against
1,000,000 members in ≤ 15 s here; the bare calamine read of such a file takes ≈ 2.4 s).

Run by hand:  python bench/import_bench.py [--db PATH] [--rows N] [--duplicates D] [--quick]
              python bench/import_bench.py --cold [--runs R] [--file XLSX]
                  [--previous-src DIR --previous-db PATH] [--db PATH] [--quick]

Builds an .xlsx of N members from generated data (the demo generator with another seed, so
names, places and employers look like the database's), D of them duplicates of existing
members: a third with the same e-mail, a third with the same name, a third with a slightly
misspelt given name and the same city (a similar name confirmed by the city). The database is
copied to a temporary file first (the original is never modified) and brought to the current
schema. In the same run it times: the bare calamine read of the file (the floor), the dry run
(read + validation + duplicate checks) and the whole import (dry run + writing + commit).
Prints a Markdown table for docs/benchmarks.md.

``--cold`` times it as a person meets it (issue 13): ``talentdesk import members FILE`` and the same
with ``--dry-run``, each in a fresh process, the full import on a fresh copy of the database each
time, beside a bare calamine read of the file in a fresh process; with ``--previous-src`` (another
checkout) and ``--previous-db`` (a database at that checkout's schema) the same commands of that
checkout run interleaved with these, round by round. Wall time and the child's CPU time (user +
sys, ``getrusage``): on a shared machine the wall time is mostly waiting for a core.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from alembic import command
from benchutil import QUICK_HELP, bench_database
from openpyxl import Workbook

from talentdesk.core.countries import country_name
from talentdesk.db import migrate
from talentdesk.db.engine import make_engine
from talentdesk.db.session import Database

HEADERS = [
    "Nombre(s)",
    "Apellido paterno",
    "Apellido materno",
    "Correo electrónico",
    "Teléfono",
    "País",
    "Estado",
    "Ciudad",
    "Capítulo",
    "Sector(es)",
    "Empleador",
    "Puesto",
    "Nivel de estudios",
    "Institución",
    "Especialidad",
    "Idiomas",
    "Fecha de ingreso",
    "Estatus",
]


def copy_database(source: Path, target: Path) -> None:
    """sqlite3 backup API: a consistent copy even if the source is open elsewhere."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    engine = make_engine(target)
    try:  # to the current schema without the pre-upgrade backup (a throw-away copy)
        config = migrate.alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    finally:
        engine.dispose()


def build_file(db_path: Path, out: Path, rows: int, duplicates: int) -> None:
    from talentdesk.services.demo import _BatchMaker

    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    chapters = {
        int(i): (name, city, country)
        for i, name, city, country in con.execute("SELECT id, name, city, country FROM chapters")
    }
    sectors = dict(con.execute("SELECT id, name FROM sectors"))
    labels = {
        "licenciatura": "Licenciatura",
        "especialidad": "Especialidad",
        "maestria": "Maestría",
        "doctorado": "Doctorado",
        "posdoctorado": "Posdoctorado",
    }
    status_labels = {"activo": "Activo", "prospecto": "Prospecto", "inactivo": "Inactivo"}
    places = [(cid, city, country) for cid, (_name, city, country) in sorted(chapters.items())]
    maker = _BatchMaker(424242, places, sorted(sectors), list(range(1, 12)))
    batch = maker.make(5_000_001, rows)  # ids far above the database's: unique e-mails
    sectors_of: dict[int, list[int]] = {}
    for link in batch.sectors:
        sectors_of.setdefault(link["member_id"], []).append(link["sector_id"])
    rng = random.Random(7)
    existing = con.execute(
        "SELECT given_names, paternal_surname, maternal_surname, email, city, country FROM members "
        "WHERE id IN (SELECT abs(random()) % 1000000 + 1 FROM members LIMIT ?)",
        (duplicates * 3,),
    ).fetchall()
    con.close()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Miembros")
    sheet.append(HEADERS)
    dup_rows = set(rng.sample(range(rows), min(duplicates, len(existing))))
    pick = iter(existing)
    for k, m in enumerate(batch.members):
        row: list[Any] = [
            m["given_names"],
            m["paternal_surname"],
            m["maternal_surname"],
            m["email"],
            m["phone"],
            country_name(m["country"]),
            m["state"],
            m["city"],
            chapters[m["chapter_id"]][0] if m["chapter_id"] else None,
            "; ".join(sectors[s] for s in sectors_of.get(m["id"], [])),
            m["employer"],
            m["job_title"],
            labels[m["degree_level"]],
            m["institution"],
            m["expertise"],
            m["languages"],
            m["joined_on"],
            status_labels[m["status"]],
        ]
        if k in dup_rows:
            given, paternal, maternal, email, city, country = next(pick)
            kind = k % 3
            row[0], row[1], row[2] = given, paternal, maternal
            row[7], row[5] = city, country_name(country)
            row[4] = None  # a phone of another country would not validate
            if kind == 0:
                row[3] = email.upper()  # same e-mail, other case
            elif kind == 2:
                row[0] = given[:-1] + ("x" if given[-1] != "x" else "z")  # misspelt, same city
        sheet.append(row)
    workbook.save(out)


def bare_read(path: Path) -> float:
    from python_calamine import CalamineWorkbook

    start = time.perf_counter()
    workbook = CalamineWorkbook.from_path(str(path))
    rows = workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
    elapsed = time.perf_counter() - start
    assert len(rows) > 1
    return elapsed


def run(db_copy: Path, xlsx: Path) -> dict[str, Any]:
    from talentdesk.imports.apply import apply_import
    from talentdesk.imports.prepare import prepare_import
    from talentdesk.imports.reading import read_source

    database = Database.open(db_copy)
    try:
        start = time.perf_counter()
        source = read_source(xlsx)
        read_s = time.perf_counter() - start
        with database.reader() as session:
            plan = prepare_import(session, source)
        dry_s = time.perf_counter() - start
        dry = plan.summary()

        start = time.perf_counter()
        source = read_source(xlsx)
        with database.session() as session:
            plan = prepare_import(session, source)
            result = apply_import(session, plan)
        total_s = time.perf_counter() - start
        with database.reader() as session:
            members = session.connection().exec_driver_sql("SELECT count(*) FROM members").scalar_one()
    finally:
        database.close()
    return {
        "read_s": read_s,
        "dry_s": dry_s,
        "total_s": total_s,
        "dry": dry,
        "result": result.summary,
        "members_after": members,
    }


def _child_env(src: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(src)}


def check_checkout(src: Path) -> None:
    """The children of ``src`` import ``src``'s code. ``python -m`` puts its working directory
    first on the path, ahead of PYTHONPATH: run from this checkout, the 'previous' side ran this
    checkout's code (the comparisons published before 2026-12-08 were of one commit with itself)."""
    code = "import talentdesk, sys; sys.stdout.write(talentdesk.__file__)"
    found = subprocess.run(
        [sys.executable, "-c", code], env=_child_env(src), cwd=src, capture_output=True, text=True, check=True
    ).stdout
    if not Path(found).resolve().is_relative_to(src.resolve()):
        raise SystemExit(f"{src}: its children import talentdesk from {found}, not from it")


def timed_child(command: list[str], src: Path | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds of ``command`` run as a fresh process in checkout ``src`` (its
    working directory and first on its path, so ``python -m talentdesk`` runs that code)."""
    env = _child_env(src) if src is not None else dict(os.environ)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        command, env=env, cwd=src, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


CALAMINE = (
    "import sys; from python_calamine import CalamineWorkbook; "
    "CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python(skip_empty_area=False)"
)


def cold(args: argparse.Namespace, db: Path, xlsx: Path, work: Path) -> None:
    """Fresh processes, interleaved with the previous checkout's when given; prints medians."""
    sides: list[tuple[str, Path | None, Path]] = [("this checkout", ROOT, db)]
    if args.previous_src and args.previous_db:
        sides.append(("previous", args.previous_src, args.previous_db))
    for _name, src, _db in sides:
        if src is not None:
            check_checkout(src)
    samples: dict[tuple[str, str], list[tuple[float, float]]] = {}
    load = [os.getloadavg()[0]]
    for run in range(args.runs):
        for name, src, source in sides if run % 2 == 0 else sides[::-1]:
            target = work / "target.sqlite"
            shutil.copyfile(source, target)  # a fresh copy for the full import (no -wal: closed)
            shutil.rmtree(work / "backups", ignore_errors=True)
            talentdesk = [sys.executable, "-m", "talentdesk", "--db"]
            full = timed_child([*talentdesk, str(target), "import", "members", str(xlsx)], src)
            dry = timed_child([*talentdesk, str(source), "import", "members", str(xlsx), "--dry-run"], src)
            samples.setdefault((name, "full import"), []).append(full)
            samples.setdefault((name, "dry run"), []).append(dry)
        samples.setdefault(("bare", "calamine read"), []).append(
            timed_child([sys.executable, "-c", CALAMINE, str(xlsx)])
        )
        load.append(os.getloadavg()[0])
    print(
        f"{args.runs} rounds of fresh processes; load average {min(load):.2f}–{max(load):.2f} "
        f"({os.cpu_count()} cores); {xlsx.stat().st_size / 1e6:.1f} MB file.\n"
    )
    print("| command | checkout | wall s (median) | CPU s (median) | CPU s (each run) |")
    print("|---|---|---:|---:|---|")
    for (name, what), values in samples.items():
        walls, cpus = [w for w, _ in values], [c for _, c in values]
        each = ", ".join(f"{c:.2f}" for c in cpus)
        print(
            f"| {what} | {name} | {statistics.median(walls):.2f} | {statistics.median(cpus):.2f} | {each} |"
        )


ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--duplicates", type=int, default=3_000)
    parser.add_argument("--quick", action="store_true", help=QUICK_HELP)
    parser.add_argument("--cold", action="store_true", help="fresh processes, as a person runs it")
    parser.add_argument("--runs", type=int, default=3, help="--cold: rounds")
    parser.add_argument("--file", type=Path, help="--cold: this .xlsx instead of a generated one")
    parser.add_argument("--previous-src", type=Path, help="--cold: another checkout to compare")
    parser.add_argument("--previous-db", type=Path, help="--cold: a database at that checkout's schema")
    args = parser.parse_args()
    for name in ("file", "previous_src", "previous_db", "db"):  # the children run elsewhere
        if getattr(args, name) is not None:
            setattr(args, name, getattr(args, name).resolve())
    if args.quick:
        args.rows, args.duplicates, args.runs = 200, 20, 1
    if args.cold:
        with tempfile.TemporaryDirectory() as tmp, bench_database(args.db, args.quick) as args.db:
            work = Path(tmp)
            db_copy = work / "members.sqlite"
            copy_database(args.db, db_copy)
            xlsx = args.file or work / "import.xlsx"
            if args.file is None:
                build_file(db_copy, xlsx, args.rows, args.duplicates)
            cold(args, db_copy, xlsx, work)
        return
    with tempfile.TemporaryDirectory() as tmp, bench_database(args.db, args.quick) as args.db:
        work = Path(tmp)
        db_copy, xlsx = work / "members.sqlite", work / "import.xlsx"
        start = time.perf_counter()
        copy_database(args.db, db_copy)
        print(f"copied and upgraded the database in {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        build_file(db_copy, xlsx, args.rows, args.duplicates)
        print(f"built {xlsx.stat().st_size / 1e6:.1f} MB .xlsx in {time.perf_counter() - start:.1f} s")
        bare = bare_read(xlsx)
        out = run(db_copy, xlsx)
        bare_after = bare_read(xlsx)
    dry, result = out["dry"], out["result"]
    print()
    print(f"Import of {args.rows:,} rows ({args.duplicates:,} duplicates) against {args.db.name}")
    print()
    print("| step | seconds |")
    print("|---|---:|")
    print(f"| bare calamine read of the file (floor) | {min(bare, bare_after):.2f} |")
    print(f"| read_source (calamine + file checks) | {out['read_s']:.2f} |")
    print(f"| dry run: read + validation + duplicate checks | {out['dry_s']:.2f} |")
    print(f"| import: dry run + write + commit | {out['total_s']:.2f} |")
    print()
    print(
        f"dry run: {dry.new:,} new, {dry.duplicates:,} duplicates ({dry.skipped:,} skipped), "
        f"{dry.errors:,} rows with errors; written: {result.written:,}; "
        f"members after: {out['members_after']:,}"
    )


if __name__ == "__main__":
    main()
