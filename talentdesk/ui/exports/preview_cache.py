"""The rendered preview an export dialog keeps: a temporary file per dialog, reused for "Save"
while the options have not changed since (the file is then copied, not rendered again). It is
rendered in the user's private previews folder (``db.paths.previews_dir``), never in the shared
system temp folder."""

from __future__ import annotations

import shutil
import tempfile
import threading
import weakref
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from talentdesk.db.paths import previews_dir
from talentdesk.exports.files import ExportResult, atomic_output, check_abort, shared_output
from talentdesk.ui.exports.kinds import ExportOptions


def copy_file(
    source: Path, target: Path, suffix: str, abort: threading.Event, *, shared: bool = False
) -> None:
    """Copy a rendered preview to its real place, atomically and with the permissions of every
    export (``shared``: other accounts may read it)."""
    check_abort(abort)
    with shared_output(shared), atomic_output(target, suffix=suffix) as temp:
        shutil.copyfile(source, temp)
        check_abort(abort)


class PreviewCache:
    """The last preview of ``owner`` (a dialog): its file, the options it was made with, its
    result, and the window showing it. The temporary folder goes when :meth:`cleanup` runs,
    or when ``owner``'s wrapper is collected if it never did."""

    def __init__(self, owner: QWidget) -> None:
        self._owner = owner
        self.folder: Path | None = None
        self._cleanup: weakref.finalize[Any, Any] | None = None
        self.file: Path | None = None
        self.options: ExportOptions | None = None
        self.result: ExportResult | None = None
        self.window: QDialog | None = None

    def folder_for_render(self) -> Path:
        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="vista-", dir=previews_dir()))
            self._cleanup = weakref.finalize(self._owner, shutil.rmtree, str(self.folder), True)
        return self.folder

    def shows(self, options: ExportOptions) -> bool:
        """A preview made with exactly these options is at hand."""
        # who may read the saved file is not part of what was rendered
        return (
            self.file is not None
            and self.options is not None
            and replace(self.options, shared=options.shared) == options
        )

    def keep(self, result: ExportResult, options: ExportOptions) -> None:
        self.file, self.options, self.result = result.path, options, result

    def show(
        self, title: str, on_save: Callable[[], None], on_print: Callable[[Path, QWidget], None] | None = None
    ) -> None:
        """Open the preview window on the kept file (replacing one already open); ``on_print``
        prints it (the file, the preview window as the print dialog's parent)."""
        from talentdesk.ui.exports.preview import PreviewDialog  # QtPdf only when wanted

        assert self.file is not None
        self.close_window()
        window = PreviewDialog(self.file, title, self._owner)
        window.save_requested.connect(lambda: on_save())
        if on_print is not None:
            file = self.file
            window.print_requested.connect(lambda: on_print(file, window))
        self.window = window
        window.open()

    def close_window(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None

    def cleanup(self) -> None:
        self.close_window()
        if self._cleanup is not None:
            self._cleanup()  # runs once; the finalizer is then dead
            self._cleanup = None
            self.folder = None
            self.file = self.options = self.result = None
