"""Qt's own dialog texts that Qt's Spanish catalogue (``qtbase_es.qm``) leaves in English or
words the Spain way ("fichero"): listed here so ``scripts/update-translations`` collects them
into our .ts, where they get Mexican wording. Our translator is installed after Qt's, so it is
asked first (ui/i18n.py). The contexts and source texts must match Qt's exactly.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_WORDING: tuple[tuple[str, object], ...] = (
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Look in:")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "File &name:")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Files of type:")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "All Files (*)")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Computer")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "%1 already exists.\nDo you want to replace it?")),
    (
        "QFileDialog",
        QT_TRANSLATE_NOOP(
            "QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."
        ),
    ),
    (
        "QFileDialog",
        QT_TRANSLATE_NOOP("QFileDialog", "%1 is a directory.\nPlease choose a different file name."),
    ),
    ("QFileSystemModel", QT_TRANSLATE_NOOP("QFileSystemModel", "Invalid filename")),
    (
        "QFileSystemModel",
        QT_TRANSLATE_NOOP(
            "QFileSystemModel",
            '<b>The name "%1" cannot be used.</b><p>Try using another name, with fewer characters or no punctuation marks.',
        ),
    ),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File Folder")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File")),
    ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Don't Save")),
    ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Close without Saving")),
)
