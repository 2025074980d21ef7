"""Starting the window imports what the first screen needs; the document writers (openpyxl,
reportlab, the export modules and the export dialog), Alembic (the schema is current) and the
e-mail and phone validators wait for their first use (issue 13: about half of the start-up time
was importing them)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

#: Light modules of the export packages the first screen may use: file results, the registry's
#: request type, consent rules, column and list definitions, the Export menu's catalogue.
LIGHT = {
    "talentdesk.exports",
    "talentdesk.exports.files",
    "talentdesk.exports.registry",
    "talentdesk.exports.kinds",  # the Qt-free description of each kind (dataclasses only)
    "talentdesk.exports.consent",
    "talentdesk.exports.columns",
    "talentdesk.exports.reference_xlsx",
    "talentdesk.ui.exports",
    "talentdesk.ui.exports.actions",
    "talentdesk.ui.exports.kinds",
    "talentdesk.ui.exports.result",
    "talentdesk.ui.exports.running",
    "talentdesk.ui.exports.target",
}
HEAVY_PACKAGES = (
    "openpyxl",
    "reportlab",
    "python_calamine",
    "pypdf",
    "alembic",
    "phonenumbers",
    "email_validator",
)

# The real entry point (talentdesk --db FILE), watched from outside: at the first paint of a
# table with rows, list the modules loaded and quit.
SCRIPT = textwrap.dedent(
    """
    import json, sys
    import talentdesk.ui.app as ui_app
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QAbstractItemView

    from PySide6.QtCharts import QChartView
    from talentdesk.ui import settings as S

    seen = []
    make_app = ui_app.make_app

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if not seen and event.type() == QEvent.Type.Paint:
                view = obj.parent()
                rows = isinstance(view, QAbstractItemView) and view.model() is not None and view.model().rowCount()
                chart = isinstance(view, QChartView) and bool(view.chart().series())
                if rows or chart:
                    seen.append(sorted(sys.modules))
                    QTimer.singleShot(0, ui_app.QApplication.instance().quit)
            return False

    def watched_app():
        app = make_app()
        S.Settings().set(S.CURRENT_AREA, sys.argv[2])  # the area the person left open
        app._first_paint = FirstPaint(app)
        app.installEventFilter(app._first_paint)
        return app

    ui_app.make_app = watched_app
    from talentdesk.cli import main
    main(["--db", sys.argv[1]])
    print(json.dumps(seen[0] if seen else None))
    """
)


@pytest.mark.parametrize("area", ["members-area", "dashboard-area"])
def test_starting_the_window_leaves_the_document_writers_unimported(
    demo_db_path: Path, tmp_path: Path, area: str
) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(demo_db_path), area],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    modules = json.loads(done.stdout.strip().splitlines()[-1])
    assert modules, f"the {area} never painted its first figures"
    assert "talentdesk.ui.members.area" in modules  # it did start the window
    heavy = [m for m in modules if m.split(".")[0] in HEAVY_PACKAGES]
    writers = [
        m
        for m in modules
        if m.startswith(("talentdesk.exports", "talentdesk.ui.exports", "talentdesk.imports"))
        and m not in LIGHT
    ]
    assert not heavy, f"imported at start: {sorted({m.split('.')[0] for m in heavy})}"
    assert not writers, f"imported at start: {writers}"
