"""The export dialog: one shape for every export kind (see ``kinds.py``).

Options on top (``options_form.py``), where to save below (``target.py``), then Export. The
export runs on the task runner with a progress bar that reads a plain object the worker writes
(``running.py``). Cancel sets the task's abort event; the export raises ``core.errors.Cancelled`` and
leaves no file, and the dialog says so calmly. At the end the dialog offers to open the file or
its folder (``result.py``).

Kinds with ``preview`` render to a temporary file first and show it (``preview.py``); saving
after a preview copies that file when the options have not changed since (``preview_cache.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from talentdesk.core.errors import Cancelled, TalentDeskError
from talentdesk.exports.files import ExportResult
from talentdesk.ui import settings as S
from talentdesk.ui.context import AppContext
from talentdesk.ui.exports.kinds import (
    EventSource,
    ExportKind,
    ExportOptions,
    LinkageSource,
    ReportSource,
    Source,
    TableSource,
    logged_save,
)
from talentdesk.ui.exports.options_form import OptionsForm
from talentdesk.ui.exports.preview_cache import PreviewCache, copy_file
from talentdesk.ui.exports.result import ResultPanel
from talentdesk.ui.exports.running import ExportProgress
from talentdesk.ui.exports.target import TargetField, default_folder
from talentdesk.ui.tasks import Task, error_message
from talentdesk.ui.widgets.record_dialog import ERROR_STYLE

log = logging.getLogger(__name__)


class ExportDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        kind: ExportKind,
        source: Source,
        parent: QWidget | None = None,
        *,
        prefer_selection: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.source = source
        self.setObjectName("export-dialog")
        self.setWindowTitle(self.tr("Export: %1").replace("%1", kind.label()))
        self.task: Task | None = None
        self.cancelling = False
        self.last_result: ExportResult | None = None
        self.previews = PreviewCache(self)

        heading = QLabel(kind.label())
        heading.setObjectName("export-heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        self.scope_label = QLabel(self._scope_text())
        self.scope_label.setObjectName("export-scope")
        self.scope_label.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("export-run")
        self.close_button = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setObjectName("export-cancel")
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        self.preview_button: QPushButton | None = None
        if kind.preview:
            self.preview_button = QPushButton(self.tr("&Preview…"))
            self.preview_button.setObjectName("export-preview")
            self.preview_button.setAutoDefault(False)
            self.preview_button.clicked.connect(self.preview)
            bottom.addWidget(self.preview_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)

        self.form = OptionsForm(kind, source, ctx.settings, prefer_selection)
        self.target_field = TargetField(ctx, kind, lambda: kind.writes_folder(self.options()))
        self.path = self.target_field.path
        self.path.textChanged.connect(lambda _t: self.export_button.setDefault(True))
        self.form.changed.connect(self._options_changed)
        self.form.separate_toggled.connect(self._separate_changed)

        self.progress = ExportProgress()
        self.message = QLabel()
        self.message.setObjectName("export-message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(False)
        self.result_panel = ResultPanel()
        self.result_panel.print_requested.connect(lambda path: self.print_pdf(path, self))

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.scope_label)
        layout.addWidget(self.form)
        layout.addWidget(self.target_field)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.result_panel)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self.export_button.setDefault(True)
        self.setMinimumWidth(760)

        self.target_field.update_label()
        self.path.setText(str(default_folder(ctx) / kind.default_name(source, self.options())))
        self.adjustSize()

    def _scope_text(self) -> str:
        source = self.source
        if isinstance(source, EventSource):
            return self.tr("Event: %1").replace("%1", source.name)
        if isinstance(source, ReportSource):
            return self.tr("Charts with their numbers, counted when you export.")
        if isinstance(source, LinkageSource):
            return source.scope
        if isinstance(source, TableSource):
            rows = len(source.rows)
            if source.filtered:
                shown = self.tr("%1: %n row(s) shown with the current filter, of %2", "", rows)
                shown = shown.replace("%2", str(source.total))
            else:
                shown = self.tr("%1: %n row(s)", "", rows)
            shown = shown.replace("%1", source.title)
            return shown + " — " + self.tr("with the columns and the order of the table.")
        if self.kind.key == "stats":
            return self.tr("Members by chapter, sector, country and degree, with charts.")
        if source.list_name:
            shown = self.tr("List “%1”: %n member(s)", "", source.total).replace("%1", source.list_name)
        elif source.total < 0:
            shown = self.tr("The members shown in the table")
        elif source.filtered:
            shown = self.tr("%n member(s) shown (current search and filters)", "", source.total)
        else:
            shown = self.tr("All %n member(s)", "", source.total)
        if self.kind.key == "table":
            return shown + " — " + self.tr("with the columns and the order of the table.")
        return shown

    # -- options and target -------------------------------------------------------------------

    def options(self) -> ExportOptions:
        return replace(self.form.options(), shared=self.target_field.shared.isChecked())

    def _options_changed(self) -> None:
        """The default file name follows the options until the person types one."""
        self.export_button.setDefault(True)  # after a result, Enter exports again
        self.target_field.follow_name(self.kind.default_name(self.source, self.options()))

    def _separate_changed(self) -> None:
        self.target_field.follow_separate(self.form.separate())
        self._options_changed()

    def remember(self, options: ExportOptions, target: Path) -> None:
        """What people repeat: the folder, and the options the form remembers."""
        self.ctx.settings.set(S.EXPORT_FOLDER, str(target.parent))  # a folder of packets goes inside it
        self.form.remember(options)

    # -- messages -----------------------------------------------------------------------------

    def show_error(self, message: str, field: str | None = None) -> None:
        if field == "path":
            self.target_field.show_error(message)
            return
        label = self.form.errors.get(field or "")
        if label is None:
            self._message(message, error=True)
            return
        label.setText(message)
        label.setVisible(True)
        widget = self.form.fields.get(field or "")
        if widget is not None:
            widget.setFocus()

    def clear_messages(self) -> None:
        self.target_field.clear_error()
        for label in self.form.errors.values():
            label.clear()
            label.setVisible(False)
        self.message.clear()
        self.message.setVisible(False)
        self.result_panel.setVisible(False)

    def _message(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)
        self.message.setVisible(True)

    def message_text(self) -> str:
        return self.message.text() if not self.message.isHidden() else ""

    def error_text(self, field: str) -> str:
        label = self.target_field.error if field == "path" else self.form.errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    # -- running ------------------------------------------------------------------------------

    def is_running(self) -> bool:
        return self.task is not None

    def export(self) -> None:
        if self.is_running():
            return
        self.clear_messages()
        target = self.target_field.target()
        if target is None or not self.target_field.confirm_replace(target):
            return
        options = self.options()
        if self.previews.shows(options) and self.previews.result:
            self._save_preview(target, options)
            return
        sessions, source, run = self.ctx.db.sessions, self.source, self.kind.run
        progress = self.progress.state

        def work(task: Task) -> ExportResult:
            return run(sessions, source, options, target, progress.update, task.abort)

        self._start(work, lambda result: self._exported(result, options, target), self.tr("Exporting…"))

    def _save_preview(self, target: Path, options: ExportOptions) -> None:
        preview, suffix = self.previews.file, self.kind.suffix
        assert preview is not None and self.previews.result is not None
        rendered = self.previews.result
        key, sessions, source = self.kind.key, self.ctx.db.sessions, self.source

        def work(task: Task) -> ExportResult:
            # The preview was not logged (it stays inside the program); the saved copy is.
            with logged_save(key, sessions, source, options, target) as finish:
                copy_file(preview, target, suffix, task.abort, shared=options.shared)
                return finish(replace(rendered, path=target))

        self._start(work, lambda result: self._exported(result, options, target), self.tr("Saving…"))

    def preview(self) -> None:
        """Render to a temporary file in the background, then show it."""
        if self.is_running():
            return
        self.clear_messages()
        options = self.options()
        if self.previews.shows(options):
            self._show_preview()
            return
        target = self.previews.folder_for_render() / self.kind.default_name(self.source, options)
        sessions, source, run = self.ctx.db.sessions, self.source, self.kind.run
        progress = self.progress.state

        def work(task: Task) -> ExportResult:
            return run(sessions, source, options, target, progress.update, task.abort, log=False)

        self._start(work, lambda result: self._previewed(result, options), self.tr("Preparing the preview…"))

    def _start(
        self, work: Callable[[Task], ExportResult], done: Callable[[ExportResult], None], text: str
    ) -> None:
        self.progress.state.value = (0, 0)
        self.cancelling = False
        self._set_running(True)
        self.progress.begin(text)
        self.task = self.ctx.runner.run(work, done, on_failure=self._failed, owner=self)
        self.progress.watch()

    def _set_running(self, running: bool) -> None:
        self.form.setEnabled(not running)
        self.target_field.set_running(running)
        self.export_button.setEnabled(not running)
        if self.preview_button is not None:
            self.preview_button.setEnabled(not running)
        self.progress.setVisible(running)
        self.close_button.setText(
            self.tr("Cancel") if running or self.last_result is None else self.tr("Close")
        )

    def _finished(self) -> None:
        self.task = None
        self.progress.stop()
        self._set_running(False)

    def cancel_export(self) -> None:
        if self.task is not None:
            self.cancelling = True
            self.task.abort.set()
            self.progress.cancelling()

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._finished()
        if isinstance(exc, Cancelled):
            self._message(self.tr("Export cancelled; no file was written."))
            return
        if not isinstance(exc, TalentDeskError):
            log.error("export failed", exc_info=exc)
        self._message(error_message(exc), error=True)

    def _exported(self, result: ExportResult, options: ExportOptions, target: Path) -> None:
        self.last_result = result
        self._finished()
        self.remember(options, target)
        self.target_field.name_edited = True  # the name stays as saved
        text = self.result_panel.show_result(result, self.kind.writes_folder(options))
        self.close_button.setDefault(True)
        self.result_panel.focus_open()
        self.ctx.status.emit(text)

    def _previewed(self, result: ExportResult, options: ExportOptions) -> None:
        self._finished()
        self.previews.keep(result, options)
        self._show_preview()

    def _show_preview(self) -> None:
        self.previews.show(self.kind.label(), self._save_from_preview, self.print_pdf)

    def print_pdf(self, path: Path, parent: QWidget) -> None:
        from talentdesk.ui.printing import print_file  # QtPrintSupport only when wanted

        print_file(self.ctx, path, parent)

    def _save_from_preview(self) -> None:
        if self.previews.window is not None:
            self.previews.window.close()
        self.export()

    # -- closing ------------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc or Cancel: stops a running export first (the dialog stays to say so)."""
        if self.is_running():
            self.cancel_export()
            return
        super().reject()

    def done(self, code: int) -> None:
        if self.is_running():
            self.cancel_export()
            return
        self.previews.cleanup()
        super().done(code)
