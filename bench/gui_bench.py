"""The members window on a 1,000,000-member database, against Qt's own QSqlQueryModel.

Run by hand (offscreen):  python bench/gui_bench.py [--db PATH] [--runs R] [--quick]

Measures, each in a fresh process so nothing is warm but the OS file cache:
  * launch → first paint of the members table with rows (TalentDesk) and the same for a
    QTableView over QSqlQueryModel("SELECT … ORDER BY sort_key") on the same file;
  * keystroke → results for the Core issue's query set (after the 180 ms debounce: the
    figure is from the timer firing to the first page painted), and the same query typed
    into QSqlQueryModel as a LIKE over the same columns;
  * jump to row 900,000 (90 % of the rows): from scrollTo to the rows painted with their data.
Goals (members workspace issue): first paint ≤ 1.5 s; jump to row 900,000 "at once".
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchutil import QUICK_HELP, bench_database

QUERIES = ["zavala", "m", "ma", "nunez", "jose castaneda", "maria.garcia12", "hidalgo"]


def child_talentdesk(db: str) -> dict[str, object]:
    t0 = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from talentdesk.db.session import Database
    from talentdesk.ui.context import AppContext
    from talentdesk.ui.main_window import MainWindow
    from talentdesk.ui.members.area import MembersArea
    from talentdesk.ui.members.model import PLACEHOLDER
    from talentdesk.ui.settings import Settings

    settings = Settings(
        QSettings(str(Path(os.environ.get("TMPDIR", "/tmp")) / "td-bench.ini"), QSettings.Format.IniFormat)
    )
    ctx = AppContext(Database.open(db), settings)
    window = MainWindow(ctx)
    window.resize(1280, 800)
    first_area = window.areas[0]
    assert isinstance(first_area, MembersArea)
    area = first_area
    painted: list[float] = []

    class PaintWatch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and area.model.rowCount() > 0:
                painted.append(time.perf_counter())
            return False

    watch = PaintWatch()
    area.table.viewport().installEventFilter(watch)
    window.show()
    while not painted:
        app.processEvents()
    first_paint = painted[0] - t0
    while area.is_loading():
        app.processEvents()
    all_ids = time.perf_counter() - t0

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
    ctx.runner.wait_idle()
    return {
        "first_paint_s": first_paint,
        "all_ids_s": all_ids,
        "keystroke_ms": keystroke,
        "jump_ms": statistics.median(jumps),
        "rows": area.model.rowCount(),
    }


def child_qsql(db: str) -> dict[str, object]:
    t0 = time.perf_counter()
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
    return {"first_paint_s": first_paint, "keystroke_ms": keystroke, "jump_ms": jump}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=3)
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


def measure(args: argparse.Namespace) -> None:
    results: dict[str, list[dict[str, object]]] = {"talentdesk": [], "qsql": []}
    for _ in range(args.runs):
        for kind in results:
            out = subprocess.run(
                [sys.executable, __file__, "--db", str(args.db), "--child", kind],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            results[kind].append(json.loads(out.strip().splitlines()[-1]))

    def med(kind: str, key: str) -> float:
        return statistics.median(float(r[key]) for r in results[kind])  # type: ignore[arg-type]

    def med_q(kind: str, query: str) -> float:
        return statistics.median(float(r["keystroke_ms"][query]) for r in results[kind])  # type: ignore[index]

    print("| measure | TalentDesk | QSqlQueryModel |")
    print("|---|---:|---:|")
    print(
        f"| launch → first paint with rows | {med('talentdesk', 'first_paint_s'):.2f} s | "
        f"{med('qsql', 'first_paint_s'):.2f} s |"
    )
    rows = int(results["talentdesk"][0]["rows"])  # type: ignore[call-overload]
    print(f"| launch → all {rows:,} ids ordered (background) | {med('talentdesk', 'all_ids_s'):.2f} s | — |")
    for query in QUERIES:
        print(
            f"| search `{query}` → first page painted | {med_q('talentdesk', query):.0f} ms | "
            f"{med_q('qsql', query):.0f} ms |"
        )
    print(
        f"| jump to row {rows * 90 // 100:,} → painted | {med('talentdesk', 'jump_ms'):.0f} ms | "
        f"{med('qsql', 'jump_ms'):.0f} ms |"
    )


if __name__ == "__main__":
    main()
