"""Render every screen in Spanish on a generated demo database, for the README and docs/img.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--members N] [--db PATH]

Builds a demo database (or uses --db), opens the real main window with the Spanish
translations and the shipped font, and saves docs/img/<screen>.png. Look at them before
committing: users judge what they see.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

OUT = Path(__file__).resolve().parent.parent / "docs" / "img"


def spin(app: QApplication, seconds: float) -> None:
    end = time.time() + seconds
    while time.time() < end:
        app.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, name: str) -> None:
    widget.grab().save(str(OUT / f"{name}.png"))
    print(f"docs/img/{name}.png")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=3000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    from talentdesk.db.session import Database
    from talentdesk.services.demo import generate_demo
    from talentdesk.ui.context import AppContext
    from talentdesk.ui.i18n import install_translations
    from talentdesk.ui.main_window import MainWindow
    from talentdesk.ui.resources import apply_app_font, load_fonts
    from talentdesk.ui.settings import Settings

    install_translations(app, "es")
    load_fonts()
    apply_app_font(app)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "demo.sqlite"
        db = Database.open(path)
        if args.db is None:
            with db.session() as session:
                generate_demo(session, args.members, seed=3)
        ctx = AppContext(db, Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)))
        window = MainWindow(ctx)
        window.resize(1400, 860)
        window.show()
        for row, area in enumerate(window.areas):
            window.nav.setCurrentRow(row)
            spin(app, 1.5)
            name = area.objectName().removesuffix("-area")
            save(window, f"area-{name}")
            if name == "events" and hasattr(area, "open_event_for_screenshots"):
                area.open_event_for_screenshots(lambda tab: (spin(app, 1.5), save(window, f"event-{tab}")))
        from talentdesk.ui.preferences import PreferencesDialog

        prefs = PreferencesDialog(ctx.settings, None, ctx=ctx)
        prefs.resize(760, 620)
        prefs.show()
        spin(app, 1.5)
        prefs.tabs.setCurrentIndex(1)  # Documentos: the welcome letter of the packets
        spin(app, 0.5)
        save(prefs, "preferences-documents")
        prefs.close()
        ctx.runner.wait_idle()
        window.close()
        db.close()


if __name__ == "__main__":
    main()
