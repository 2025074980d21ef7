"""The members window on a 1,000,000-member database, against Qt's own QSqlQueryModel.

Run by hand (offscreen):  python bench/gui_bench.py [--db PATH] [--runs R] [--previous-src DIR] [--quick]

Measures, each in a fresh process so nothing is warm but the OS file cache:
  * process start → first paint of the members table with rows, through the real entry point
    (``talentdesk --db FILE``, settings in a temporary folder), and the same for a QTableView over
    QSqlQueryModel("SELECT … ORDER BY sort_key") on the same file; the clock starts in the parent
    just before the child is spawned (both read CLOCK_MONOTONIC), so the interpreter's own start
    counts. Children may write bytecode (``PYTHONDONTWRITEBYTECODE`` is dropped; one untimed
    warm-up run of each side), as an installed program has it;
  * peak RSS at first paint and once every id is loaded (``ru_maxrss``);
  * keystroke → results for the Core issue's query set (after the 180 ms debounce: the
    figure is from the timer firing to the first page painted), and the same query typed
    into QSqlQueryModel as a LIKE over the same columns;
  * jump to row 900,000 (90 % of the rows): from scrollTo to the rows painted with their data.
Goals (issue 13): first paint ≤ 0.5 s idle and ≤ 2.5× the bare Qt model in the same run; peak
RSS ≤ 120 MB once every id is loaded. ``--previous-src`` also runs another checkout's window
(old code on ``PYTHONPATH``), interleaved with the others in every run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchutil import QUICK_HELP, bench_database

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ["zavala", "m", "ma", "nunez", "jose castaneda", "maria.garcia12", "hidalgo"]


def _started() -> float:
    """When the parent spawned this process (perf_counter is CLOCK_MONOTONIC on Linux)."""
    return float(os.environ.get("TD_BENCH_T0") or time.perf_counter())


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_talentdesk(db: str) -> dict[str, object]:
    """``talentdesk --db FILE`` as a person starts it; measured from inside once it paints."""
    t0 = _started()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QAbstractItemView

    import talentdesk.ui.app as ui_app

    result: dict[str, object] = {}
    watches: list[QObject] = []  # kept alive while the window runs
    make_app = ui_app.make_app

    def watched_app() -> Any:
        app = make_app()
        from talentdesk.ui import settings as S

        S.Settings().set(S.CURRENT_AREA, "members-area")  # measured: the members list at start

        class FirstPaint(QObject):
            def eventFilter(self, obj: QObject, event: QEvent) -> bool:
                if "first_paint_s" not in result and event.type() == QEvent.Type.Paint:
                    view = obj.parent()
                    if isinstance(view, QAbstractItemView) and view.model() and view.model().rowCount():
                        result["first_paint_s"] = time.perf_counter() - t0
                        result["rss_first_paint_mb"] = _rss_mb()
                        QTimer.singleShot(0, lambda: (result.update(measure_window(app, t0)), app.quit()))
                return False

        watch = FirstPaint(app)
        app.installEventFilter(watch)
        watches.append(watch)
        return app

    ui_app.make_app = watched_app
    from talentdesk.cli import main

    main(["--db", db])
    return result


def measure_window(app: Any, t0: float) -> dict[str, object]:
    from talentdesk.ui.main_window import MainWindow
    from talentdesk.ui.members.area import MembersArea
    from talentdesk.ui.members.model import PLACEHOLDER

    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    window.resize(1280, 800)
    first_area = window.current_area()
    assert isinstance(first_area, MembersArea)
    area = first_area
    while area.is_loading():
        app.processEvents()
    all_ids = time.perf_counter() - t0
    rss_all = _rss_mb()

    def settle() -> None:
        while area.is_loading() or area.debounce.isActive():
            app.processEvents()

    keystroke: dict[str, float] = {}
    for query in QUERIES:
        samples = []
        area.search.setText(query)  # once: clearing it between samples would reload 1M ids each time
        settle()
        for _ in range(5):
            start = time.perf_counter()
            area.run_search()
            searching = area.count_label.text()
            while area.count_label.text() == searching:  # until the count and first page arrive
                app.processEvents()
            area.table.viewport().repaint()
            samples.append((time.perf_counter() - start) * 1000)
            settle()
        keystroke[query] = statistics.median(samples)

    area.search.setText("")
    settle()
    jumps = []
    rows = area.model.rowCount()
    for row in (rows * 90 // 100, rows * 45 // 100, rows * 99 // 100):
        start = time.perf_counter()
        area.table.scrollTo(area.model.index(row, 0))
        area.table.viewport().repaint()
        app.processEvents()
        assert area.model.data(area.model.index(row, 0)) != PLACEHOLDER
        jumps.append((time.perf_counter() - start) * 1000)
    return {
        "all_ids_s": all_ids,
        "rss_all_ids_mb": rss_all,
        "keystroke_ms": keystroke,
        "jump_ms": statistics.median(jumps),
        "rows": area.model.rowCount(),
    }


def child_qsql(db: str) -> dict[str, object]:
    t0 = _started()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtSql import QSqlDatabase, QSqlQuery, QSqlQueryModel
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication([])
    conn = QSqlDatabase.addDatabase("QSQLITE")
    conn.setDatabaseName(db)
    conn.open()
    count = QSqlQuery("SELECT count(*) FROM members", conn)
    count.next()
    jump_to = int(count.value(0)) * 90 // 100
    columns = "paternal_surname, maternal_surname, given_names, email, country, city, employer, status"
    model = QSqlQueryModel()
    view = QTableView()
    view.resize(1280, 800)
    painted: list[float] = []

    class PaintWatch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and model.rowCount() > 0:
                painted.append(time.perf_counter())
            return False

    watch = PaintWatch()
    view.viewport().installEventFilter(watch)
    model.setQuery(f"SELECT {columns} FROM members ORDER BY sort_key, id", conn)
    view.setModel(model)
    view.show()
    while not painted:
        app.processEvents()
    first_paint = painted[0] - t0
    rss_first = _rss_mb()

    keystroke: dict[str, float] = {}
    for query in QUERIES:
        samples = []
        for _ in range(3):
            words = [w for w in query.replace(".", " ").split() if w]
            where = " AND ".join(f"search_text LIKE '% {w}%'" for w in words)
            painted.clear()
            start = time.perf_counter()
            model.setQuery(f"SELECT {columns} FROM members WHERE {where} ORDER BY sort_key, id", conn)
            view.viewport().repaint()
            app.processEvents()
            samples.append((time.perf_counter() - start) * 1000)
        keystroke[query] = statistics.median(samples)

    model.setQuery(f"SELECT {columns} FROM members ORDER BY sort_key, id", conn)
    start = time.perf_counter()
    while model.canFetchMore() and model.rowCount() <= jump_to:
        model.fetchMore()
    view.scrollTo(model.index(jump_to, 0))
    view.viewport().repaint()
    app.processEvents()
    jump = (time.perf_counter() - start) * 1000
    return {
        "first_paint_s": first_paint,
        "rss_first_paint_mb": rss_first,
        "keystroke_ms": keystroke,
        "jump_ms": jump,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--previous-src", type=Path, help="another checkout's window, run beside ours")
    parser.add_argument("--child", choices=["talentdesk", "qsql"])
    parser.add_argument("--quick", action="store_true", help=QUICK_HELP)
    args = parser.parse_args()
    if args.child:
        result = (child_talentdesk if args.child == "talentdesk" else child_qsql)(str(args.db))
        print(json.dumps(result))
        return
    if args.quick:
        args.runs = 1
    with bench_database(args.db, args.quick) as args.db:
        if not args.db.exists():
            sys.exit(f"{args.db} does not exist: run bench/search_bench.py first (it builds it).")
        measure(args)


def _spawn(kind: str, db: Path, src: Path | None, config: str) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=config, HOME=config)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    env["TD_BENCH_T0"] = repr(time.perf_counter())
    out = subprocess.run(
        [sys.executable, __file__, "--db", str(db), "--child", kind],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def measure(args: argparse.Namespace) -> None:
    sides: dict[str, tuple[str, Path | None]] = {"talentdesk": ("talentdesk", ROOT), "qsql": ("qsql", None)}
    if args.previous_src:
        sides["previous"] = ("talentdesk", args.previous_src)
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in sides}
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as config:
        if not args.quick:  # untimed: bytecode written, the OS file cache warm
            for kind, src in sides.values():
                _spawn(kind, args.db, src, config)
        rng = random.Random(13)
        for _ in range(args.runs):
            order = list(sides)
            rng.shuffle(order)
            for name in order:
                kind, src = sides[name]
                results[name].append(_spawn(kind, args.db, src, config))
    load_after = os.getloadavg()

    def med(name: str, key: str) -> str:
        values = [float(r[key]) for r in results[name] if key in r]
        if not values:
            return "—"
        unit = " s" if key.endswith("_s") else " MB" if key.endswith("_mb") else " ms"
        fmt = ".2f" if unit == " s" else ".0f"
        spread = f" ({min(values):{fmt}}–{max(values):{fmt}})" if len(values) > 1 else ""
        return f"{statistics.median(values):{fmt}}{unit}{spread}"

    def med_q(name: str, query: str) -> str:
        return f"{statistics.median(float(r['keystroke_ms'][query]) for r in results[name]):.0f} ms"

    names = list(sides)
    titles = {
        "talentdesk": "TalentDesk",
        "qsql": "QSqlQueryModel",
        "previous": f"previous ({args.previous_src})",
    }
    print(
        f"Load average before {load_before[0]:.2f} {load_before[1]:.2f}, after {load_after[0]:.2f} "
        f"{load_after[1]:.2f} ({os.cpu_count()} cores); {args.runs} runs of each side in fresh processes, "
        "interleaved in shuffled order; medians (min–max).\n"
    )
    print("| measure | " + " | ".join(titles[n] for n in names) + " |")
    print("|---|" + "---:|" * len(names))
    print(
        "| process start → first paint with rows | "
        + " | ".join(med(n, "first_paint_s") for n in names)
        + " |"
    )
    rows = int(results["talentdesk"][0]["rows"])
    print(
        f"| process start → all {rows:,} ids ordered | "
        + " | ".join(med(n, "all_ids_s") for n in names)
        + " |"
    )
    print("| peak RSS at first paint | " + " | ".join(med(n, "rss_first_paint_mb") for n in names) + " |")
    print(
        "| peak RSS once every id is loaded | " + " | ".join(med(n, "rss_all_ids_mb") for n in names) + " |"
    )
    for query in QUERIES:
        print(
            f"| search `{query}` → first page painted | " + " | ".join(med_q(n, query) for n in names) + " |"
        )
    print(
        f"| jump to row {rows * 90 // 100:,} → painted | "
        + " | ".join(med(n, "jump_ms") for n in names)
        + " |"
    )
    ratio = statistics.median(float(r["first_paint_s"]) for r in results["talentdesk"]) / statistics.median(
        float(r["first_paint_s"]) for r in results["qsql"]
    )
    print(f"\nFirst paint: TalentDesk / QSqlQueryModel = {ratio:.2f}×")


if __name__ == "__main__":
    main()
