"""Members search at 1,000,000 members as a person meets it (issue 13: ≤ 30 ms p95, deep pages ≤ 100 ms).

Run by hand::

    python bench/search_bench.py [--db PATH] [--members N] [--runs R] [--baseline-runs B]
                                 [--cli-runs C] [--previous-src DIR --previous-db PATH] [--only TEXT]
                                 [--quick]

The query set comes from the database itself, not from a list of hand-picked words: the most
frequent word of every length 1–12 (and, for 1–5 letters, the most frequent prefix, which is what
a person typing a first letter meets), the most common surname, two-word given name, and two- and
three-word full names, every filter combined, dense filters alone and with a word, and deep pages
(offset 500,000, the last page). Each query asks what ``talentdesk members search`` asks: the total
and one page of 100 member ids in Spanish name order.

Every run is a fresh Python process; inside it every query and every variant gets a fresh
connection (a cold SQLite page cache; the operating system's file cache is warm after one untimed
warm-up run), in shuffled order, so the variants are interleaved under the same load:

* ``service`` — ``services.search.search_members`` of the code on ``PYTHONPATH``;
* ``previous`` — the same call from another checkout (``--previous-src``) on its own copy of the
  database (``--previous-db``, at that checkout's schema);
* ``fts`` — plain FTS5: count the matches, join them to members, ``ORDER BY`` the sort key;
* ``like`` — plain ``LIKE``: count, then ``ORDER BY sort_key, id LIMIT … OFFSET …``.

Every variant must return the same total and ids (checked). Then ``talentdesk members search``
itself runs for a subset as a subprocess, beside the same command for a word that matches
nothing (the fixed cost of starting the program), so its search share can be read off.
Prints Markdown for docs/benchmarks.md, with the load average before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

DEFAULT_DB = Path(__file__).parent / "data" / "members-1m.sqlite"
ROOT = Path(__file__).resolve().parents[1]
PAGE = 100

Query = dict[str, Any]  # label, text, chapter_ids, sector_ids, countries, statuses, offset, cli


# -- the query set, from the data ---------------------------------------------------------------


def _top_words(con: sqlite3.Connection) -> tuple[dict[int, tuple[str, int]], dict[int, tuple[str, int]]]:
    """The most frequent whole word of each length 1–12, and the most frequent prefix of 1–5."""
    con.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_vocab USING fts5vocab(main, member_fts, row)")
    words: dict[int, tuple[str, int]] = {}
    prefixes: Counter[str] = Counter()
    for term, doc in con.execute(
        "SELECT term, doc FROM temp.bench_vocab WHERE term NOT LIKE '\\_%' ESCAPE '\\'"
    ):
        n = len(term)
        if n <= 12 and doc > words.get(n, ("", 0))[1]:
            words[n] = (term, doc)
        for k in range(1, min(n, 5) + 1):
            prefixes[term[:k]] += doc  # an upper bound (a member may have two such words): to choose only
    top_prefix: dict[int, tuple[str, int]] = {}
    for prefix, docs in prefixes.items():
        if docs > top_prefix.get(len(prefix), ("", 0))[1]:
            top_prefix[len(prefix)] = (prefix, docs)
    return words, top_prefix


def _top_names(con: sqlite3.Connection) -> dict[str, str]:
    from unidecode import unidecode

    def fold(value: str | None) -> str:
        return " ".join("".join(c if c.isalnum() else " " for c in unidecode(value or "").lower()).split())

    surnames: Counter[str] = Counter()
    given_pairs: Counter[str] = Counter()
    two: Counter[str] = Counter()
    three: Counter[str] = Counter()
    for given, paternal, maternal in con.execute(
        "SELECT given_names, paternal_surname, maternal_surname FROM members"
    ):
        g, p, m = fold(given).split(), fold(paternal).split(), fold(maternal).split()
        if len(p) != 1:
            continue  # a surname of one word: `garcia`, not the `de` of `de la garza`
        surnames[p[0]] += 1
        if len(g) == 2:
            given_pairs[" ".join(g)] += 1
        if g:
            two[f"{g[0]} {p[0]}"] += 1
            if len(m) == 1:
                three[f"{g[0]} {p[0]} {m[0]}"] += 1
    out = {}
    for key, counter in (("surname", surnames), ("given", given_pairs), ("two", two), ("three", three)):
        if counter:
            out[key] = counter.most_common(1)[0][0]
    return out


def _largest(con: sqlite3.Connection, sql: str) -> tuple[Any, str] | None:
    row = con.execute(sql).fetchone()
    return (row[0], str(row[1])) if row else None


def build_queries(db_path: Path, quick: bool = False) -> list[Query]:
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        total = con.execute("SELECT count(*) FROM members").fetchone()[0]
        words, prefixes = _top_words(con)
        names = _top_names(con)
        chapter = _largest(
            con,
            "SELECT c.id, c.name FROM chapters c JOIN members m ON m.chapter_id = c.id "
            "GROUP BY c.id ORDER BY count(*) DESC LIMIT 1",
        )
        sector = _largest(
            con,
            "SELECT s.id, s.number FROM sectors s JOIN member_sectors ms ON ms.sector_id = s.id "
            "GROUP BY s.id ORDER BY count(*) DESC LIMIT 1",
        )
        country = _largest(
            con,
            "SELECT country, country FROM members WHERE country IS NOT NULL GROUP BY country ORDER BY count(*) DESC LIMIT 1",
        )
        status = _largest(
            con, "SELECT status, status FROM members GROUP BY status ORDER BY count(*) DESC LIMIT 1"
        )
    finally:
        con.close()

    queries: list[Query] = []

    def add(label: str, text: str = "", offset: int = 0, cli: bool = False, **filters: Any) -> None:
        queries.append({"label": label, "text": text, "offset": offset, "cli": cli, **filters})

    for n in range(1, 13):
        if n in prefixes and prefixes[n][0] != words.get(n, ("",))[0]:
            add(
                f"top prefix, {n} letter{'s' if n > 1 else ''}: `{prefixes[n][0]}`",
                prefixes[n][0],
                cli=n == 1,
            )
        if n in words:
            add(f"top word, {n} letter{'s' if n > 1 else ''}: `{words[n][0]}`", words[n][0], cli=n == 7)
    if "surname" in names:
        add(f"top surname `{names['surname']}`", names["surname"])
    if "given" in names:
        add(f"top two-word given name `{names['given']}`", names["given"], cli=True)
    if "two" in names:
        add(f"top given name + surname `{names['two']}`", names["two"])
    if "three" in names:
        add(f"top three-word name `{names['three']}`", names["three"])
    everything: dict[str, Any] = {
        "chapter_ids": [chapter[0]] if chapter else [],
        "sector_ids": [sector[0]] if sector else [],
        "countries": [country[0]] if country else [],
        "statuses": [status[0]] if status else [],
    }
    described = ", ".join(
        f"{kind} {value[1]}"
        for kind, value in (
            ("chapter", chapter),
            ("sector", sector),
            ("country", country),
            ("status", status),
        )
        if value
    )
    add(f"all filters: {described}", cli=True, **everything)
    if country:
        add(f"dense filter alone: country {country[1]}", countries=[country[0]])
    if country and status:
        add(
            f"dense filters: country {country[1]} + status {status[1]}",
            countries=[country[0]],
            statuses=[status[0]],
        )
    top1 = prefixes.get(1) or words.get(1)
    if top1 and country and status:
        add(
            f"`{top1[0]}` + country {country[1]} + status {status[1]}",
            top1[0],
            countries=[country[0]],
            statuses=[status[0]],
        )
    if 3 in prefixes:
        add(f"`{prefixes[3][0]}` + all filters", prefixes[3][0], **everything)
    if top1:
        add(f"deep page: `{top1[0]}` at offset 500,000", top1[0], offset=min(500_000, total // 2), cli=True)
    if 7 in words:
        add(
            f"deep page: `{words[7][0]}` at offset 900,000", words[7][0], offset=min(900_000, total * 9 // 10)
        )
    add("everything, first page")
    add("everything, last page", offset=max(0, total - PAGE), cli=True)
    if country and status:
        add(
            f"deep page: country {country[1]} + status {status[1]} at offset 300,000",
            countries=[country[0]],
            statuses=[status[0]],
            offset=min(300_000, total // 3),
        )
    if quick:
        queries = queries[:: max(1, len(queries) // 6)]
    return queries


# -- one fresh process: every query, every variant, fresh connections ---------------------------


def _fts_expression(q: Query) -> str:
    """Plain FTS5: every word a prefix, filters as their index words (``_ch3``…)."""
    from talentdesk.core.text import filter_token, query_words

    parts = [f'"{w}"*' for w in query_words(q["text"])]
    for kind, key in (("ch", "chapter_ids"), ("se", "sector_ids"), ("co", "countries"), ("st", "statuses")):
        values = q.get(key) or []
        if values:
            tokens = [filter_token(kind, v.upper() if kind == "co" else v) for v in values]
            parts.append("(" + " OR ".join(f'"{t}"' for t in tokens) + ")")
    return " AND ".join(parts)


def _like(q: Query) -> tuple[str, list[Any]]:
    from talentdesk.core.text import filter_token, query_words

    clauses, params = [], []
    for w in query_words(q["text"]):
        clauses.append("search_text LIKE ?")
        params.append(f"% {w}%")
    for kind, key in (("ch", "chapter_ids"), ("se", "sector_ids"), ("co", "countries"), ("st", "statuses")):
        values = q.get(key) or []
        if values:
            ors = []
            for v in values:
                ors.append("search_text LIKE ? ESCAPE '\\'")
                params.append(
                    "% " + filter_token(kind, v.upper() if kind == "co" else v).replace("_", "\\_") + " %"
                )
            clauses.append("(" + " OR ".join(ors) + ")")
    return " AND ".join(clauses) or "1=1", params


def _raw(db_path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, isolation_level=None)
    con.execute("PRAGMA cache_size=-65536")  # as the app's connections (db/engine.py)
    return con


def _plain_fts(db_path: Path, q: Query) -> tuple[int, list[int]]:
    con = _raw(db_path)
    try:
        if not q["text"] and not any(
            q.get(k) for k in ("chapter_ids", "sector_ids", "countries", "statuses")
        ):
            total = con.execute("SELECT count(*) FROM members").fetchone()[0]
            sql = "SELECT id FROM members ORDER BY sort_key, id LIMIT ? OFFSET ?"
            return total, [r[0] for r in con.execute(sql, (PAGE, q["offset"]))]
        expr = _fts_expression(q)
        total = con.execute("SELECT count(*) FROM member_fts WHERE member_fts MATCH ?", (expr,)).fetchone()[0]
        positions = con.execute("SELECT 1 FROM sqlite_master WHERE name = 'member_fts_rows'").fetchone()
        join = (
            "JOIN member_fts_rows p ON p.pos = f.rowid JOIN members m ON m.id = p.member_id"
            if positions
            else "JOIN members m ON m.id = f.rowid"
        )
        sql = (
            f"SELECT m.id FROM member_fts f {join} WHERE f.member_fts MATCH ? "
            "ORDER BY m.sort_key, m.id LIMIT ? OFFSET ?"
        )
        return total, [r[0] for r in con.execute(sql, (expr, PAGE, q["offset"]))]
    finally:
        con.close()


def _plain_like(db_path: Path, q: Query) -> tuple[int, list[int]]:
    con = _raw(db_path)
    try:
        where, params = _like(q)
        total = con.execute(f"SELECT count(*) FROM members WHERE {where}", params).fetchone()[0]
        sql = f"SELECT id FROM members WHERE {where} ORDER BY sort_key, id LIMIT ? OFFSET ?"
        return total, [r[0] for r in con.execute(sql, [*params, PAGE, q["offset"]])]
    finally:
        con.close()


def _service(db_path: Path, q: Query) -> tuple[Any, Any]:
    """(opened database, callable): the open (migration check) is not timed, the search is."""
    from talentdesk.core.enums import MemberStatus
    from talentdesk.db.session import Database
    from talentdesk.services.search import MemberQuery, search_members

    query = MemberQuery(
        text=q["text"],
        chapter_ids=tuple(q.get("chapter_ids") or ()),
        sector_ids=tuple(q.get("sector_ids") or ()),
        countries=tuple(q.get("countries") or ()),
        statuses=tuple(MemberStatus(s) for s in q.get("statuses") or ()),
    )
    db = Database.open(db_path, upgrade=False)

    def run() -> tuple[int, list[int]]:
        with db.reader() as session:
            page = search_members(session, query, limit=PAGE, offset=q["offset"])
            return page.total, list(page.ids)

    return db, run


def child(db_path: Path, queries: list[Query], variants: list[str], seed: int) -> None:
    rng = random.Random(seed)
    order = list(range(len(queries)))
    rng.shuffle(order)
    results: dict[str, dict[str, Any]] = {}
    for i in order:
        q = queries[i]
        vs = list(variants)
        rng.shuffle(vs)
        for variant in vs:
            db = None
            if variant == "service":
                db, fn = _service(db_path, q)
            elif variant == "fts":
                fn = lambda q=q: _plain_fts(db_path, q)  # noqa: E731
            else:
                fn = lambda q=q: _plain_like(db_path, q)  # noqa: E731
            start, cpu = time.perf_counter(), time.thread_time()
            total, ids = fn()
            wall, cpu = (time.perf_counter() - start) * 1000, (time.thread_time() - cpu) * 1000
            if db is not None:
                db.close()
            results.setdefault(q["label"], {})[variant] = {
                "wall": wall,
                "cpu": cpu,
                "total": total,
                "ids": ids,
            }
    json.dump(results, sys.stdout)


# -- the parent: runs, CLI, report --------------------------------------------------------------


def _spawn(src: Path, db_path: Path, queries: list[Query], variants: list[str], seed: int) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            "--child",
            "--db",
            str(db_path),
            "--seed",
            str(seed),
            "--variants",
            ",".join(variants),
        ],
        input=json.dumps(queries),
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if out.returncode != 0:
        raise SystemExit(f"child failed:\n{out.stderr}")
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def _cli_args(q: Query, db_path: Path) -> list[str]:
    args = [sys.executable, "-m", "talentdesk", "--db", str(db_path), "members", "search"]
    if q["text"]:
        args.append(q["text"])
    args += ["--limit", str(PAGE), "--offset", str(q["offset"])]
    return args


def _cli_filters(q: Query, db_path: Path) -> list[str] | None:
    """The CLI takes filters by name: chapter name, sector number, country code, status."""
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        extra: list[str] = []
        for cid in q.get("chapter_ids") or ():
            extra += [
                "--chapter",
                con.execute("SELECT name FROM chapters WHERE id = ?", (cid,)).fetchone()[0],
            ]
        for sid in q.get("sector_ids") or ():
            extra += [
                "--sector",
                str(con.execute("SELECT number FROM sectors WHERE id = ?", (sid,)).fetchone()[0]),
            ]
        for country in q.get("countries") or ():
            extra += ["--country", country]
        for status in q.get("statuses") or ():
            extra += ["--status", status]
    finally:
        con.close()
    return extra


def run_cli(src: Path, db_path: Path, queries: list[Query], runs: int, seed: int) -> dict[str, list[float]]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    nothing: Query = {"label": "(start-up: a word that matches nothing)", "text": "zzzzqx", "offset": 0}
    chosen = [q for q in queries if q.get("cli")] + [nothing]
    rng = random.Random(seed)
    times: dict[str, list[float]] = {q["label"]: [] for q in chosen}
    for _ in range(runs):
        rng.shuffle(chosen)
        for q in chosen:
            args = _cli_args(q, db_path) + (_cli_filters(q, db_path) or [])
            start = time.perf_counter()
            done = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
            times[q["label"]].append((time.perf_counter() - start) * 1000)
            if done.returncode != 0:
                raise SystemExit(f"{' '.join(args)} failed: {done.stderr}")
    return times


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _fmt(samples: list[float]) -> str:
    return f"{statistics.median(samples):.1f}" if samples else "–"


def build(db_path: Path, members: int) -> float:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "talentdesk", "--db", str(db_path), "demo", "--members", str(members)],
        check=True,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--members", type=int, default=1_000_000, help="demo size when --db does not exist")
    parser.add_argument("--runs", type=int, default=21, help="fresh processes timing the service")
    parser.add_argument(
        "--baseline-runs", type=int, default=5, help="of those, how many also time the baselines"
    )
    parser.add_argument("--cli-runs", type=int, default=5)
    parser.add_argument("--previous-src", type=Path, help="another checkout to compare (its talentdesk/)")
    parser.add_argument("--previous-db", type=Path, help="a copy of the database at that checkout's schema")
    parser.add_argument(
        "--quick", action="store_true", help="a handful of queries, one run each (smoke test)"
    )
    parser.add_argument("--save", type=Path, help="write every sample as JSON")
    parser.add_argument("--only", default="", help="only the queries whose label contains this text")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--variants", default="", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.db, json.loads(sys.stdin.read()), args.variants.split(","), args.seed)
        return
    if args.quick:
        args.runs, args.baseline_runs, args.cli_runs = 1, 1, 1
    if not args.db.exists():
        print(f"demo --members {args.members}: {build(args.db, args.members):.1f} s", file=sys.stderr)
    queries = [q for q in build_queries(args.db, quick=args.quick) if args.only.lower() in q["label"].lower()]
    load_before = os.getloadavg()
    started = time.strftime("%Y-%m-%d %H:%M")
    if not args.quick:
        _spawn(ROOT, args.db, queries, ["service"], seed=-1)  # warm the OS file cache, untimed
    samples: dict[str, dict[str, list[dict[str, Any]]]] = {q["label"]: {} for q in queries}
    for run in range(args.runs):
        variants = ["service"] + (["fts", "like"] if run < args.baseline_runs else [])
        children = [(ROOT, args.db, variants, "")]
        if args.previous_src and args.previous_db:
            children.append((args.previous_src, args.previous_db, ["service"], "previous"))
        if run % 2:
            children.reverse()
        for src, db, vs, rename in children:
            for label, by_variant in _spawn(src, db, queries, vs, seed=run).items():
                for variant, sample in by_variant.items():
                    samples[label].setdefault(rename or variant, []).append(sample)
        print(f"run {run + 1}/{args.runs} done", file=sys.stderr)
    cli = run_cli(ROOT, args.db, queries, args.cli_runs, seed=7) if args.cli_runs else {}
    load_after = os.getloadavg()

    print(
        f"Started {started}; load average before {load_before[0]:.2f} {load_before[1]:.2f}, after "
        f"{load_after[0]:.2f} {load_after[1]:.2f} ({os.cpu_count()} cores). "
        f"{args.runs} fresh processes; baselines in the first {args.baseline_runs}.\n"
    )
    has_previous = any("previous" in v for v in samples.values())
    head = "| query | offset | matches | median ms | p95 ms | CPU ms |"
    rule = "|---|---:|---:|---:|---:|---:|"
    if has_previous:
        head += " previous commit: median / p95 / CPU ms |"
        rule += "---:|"
    head += " plain FTS5 + ORDER BY: median ms | plain LIKE: median ms |"
    rule += "---:|---:|"
    print(head)
    print(rule)
    mismatches = []
    for q in queries:
        by = samples[q["label"]]
        ours = by["service"]
        reference = (ours[0]["total"], ours[0]["ids"])
        for variant, runs in by.items():
            for s in runs:
                if (s["total"], s["ids"]) != reference:
                    mismatches.append(
                        f"{q['label']}: {variant} total {s['total']} ≠ {reference[0]} or other ids"
                    )
        walls = [s["wall"] for s in ours]
        row = (
            f"| {q['label']} | {q['offset']:,} | {reference[0]:,} | {statistics.median(walls):.1f} | "
            f"{p95(walls):.1f} | {statistics.median(s['cpu'] for s in ours):.1f} |"
        )
        if has_previous:
            prev = by.get("previous", [])
            walls = [s["wall"] for s in prev]
            row += (
                f" {_fmt(walls)} / {p95(walls):.1f} / {_fmt([s['cpu'] for s in prev])} |" if prev else " – |"
            )
        row += f" {_fmt([s['wall'] for s in by.get('fts', [])])} | {_fmt([s['wall'] for s in by.get('like', [])])} |"
        print(row)
    if cli:
        print("\n| `talentdesk members search` (whole process) | median ms | p95 ms |")
        print("|---|---:|---:|")
        for label, times in cli.items():
            print(f"| {label} | {statistics.median(times):.0f} | {p95(times):.0f} |")
    if args.save:
        args.save.write_text(json.dumps({"queries": queries, "samples": samples, "cli": cli}))
    if mismatches:
        print("\nRESULTS DIFFER:\n" + "\n".join(mismatches[:20]), file=sys.stderr)
        raise SystemExit(1)


if __name__ == "__main__":
    main()
