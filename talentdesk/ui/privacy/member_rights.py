"""Two rights of one member, from the members list (Acciones) or the member form (Privacidad):

- :class:`PersonalDataDialog` — *Acceso*: everything held about the member, as a PDF and a JSON
  file in a folder (``exports/personal.py`` through the export registry, so it is logged);
- :class:`AnonymizeDialog` — *Cancelación*: removes the member's personal data for good. It
  explains what goes and what stays, says why it is refused when a constancia must keep
  answering, and needs the confirmation word typed. Nothing can undo it; the undo history of
  the session is emptied too (its steps hold copies of earlier values).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.core.errors import Cancelled
from talentdesk.core.events import Participant
from talentdesk.core.models import BoardPosition
from talentdesk.exports.files import ExportResult
from talentdesk.exports.registry import ExportRequest, run_export
from talentdesk.ops import privacy as privacy_ops
from talentdesk.services import privacy
from talentdesk.services.members import get_member
from talentdesk.ui.context import AppContext
from talentdesk.ui.exports.result import open_location
from talentdesk.ui.exports.running import ProgressState
from talentdesk.ui.exports.target import default_folder
from talentdesk.ui.tasks import Task, error_message
from talentdesk.ui.widgets.record_dialog import ERROR_STYLE

POLL_MS = 100


def _bold(label: QLabel) -> QLabel:
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


# -- Acceso ---------------------------------------------------------------------------------------


class PersonalDataDialog(QDialog):
    """Choose a folder, write the PDF and the JSON in the background (progress, cancel)."""

    def __init__(self, ctx: AppContext, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.loaded = False
        self.task: Task | None = None
        self.last_result: ExportResult | None = None
        self.progress_state = ProgressState()
        self.setObjectName("personal-data-dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Personal data"))
        self.setMinimumWidth(560)

        self.intro = QLabel(self.tr("Loading…"))
        self.intro.setObjectName("personal-intro")
        self.intro.setWordWrap(True)
        self.folder = QLineEdit(str(default_folder(ctx)))
        self.folder.setObjectName("personal-folder")
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self.folder)
        row.addWidget(folder_label)
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setObjectName("personal-message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("personal-export")
        self.open_button = self.buttons.addButton(
            self.tr("Open &folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setObjectName("personal-open-folder")
        self.open_button.setVisible(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.export)
        self.open_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.reject)
        self.export_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._poll)
        self.export_button.setEnabled(False)
        self.ctx.read(
            lambda session, _task: get_member(session, member_id).full_name,
            self._loaded,
            on_failure=lambda exc: self._show(error_message(exc), error=True),
            owner=self,
        )

    def _loaded(self, name: str) -> None:
        self.loaded = True
        self.setWindowTitle(self.tr("Personal data of %1").replace("%1", name))
        self.intro.setText(
            self.tr(
                "Right of access: everything TalentDesk holds about %1 — their data, consent and its "
                "history, chapters and boards, Jornadas, certificates, the audit entries about them and "
                "the exports that included them — as a readable PDF and a JSON file. The export is "
                "recorded in the export log."
            ).replace("%1", name)
        )
        self.export_button.setEnabled(True)

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the two files"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def is_running(self) -> bool:
        return self.task is not None

    def export(self) -> None:
        if self.is_running() or not self.loaded:
            return
        text = self.folder.text().strip()
        if not text:
            self._show(self.tr("Choose the folder for the two files."), error=True)
            return
        folder = Path(text).expanduser()
        sessions, member_id, state = self.ctx.db.sessions, self.member_id, self.progress_state

        def work(task: Task) -> ExportResult:
            request = ExportRequest(member_ids=(member_id,))
            return run_export("personal", sessions, request, folder, progress=state.update, abort=task.abort)

        self._running(True)
        self.task = self.ctx.runner.run(work, self._done, on_failure=self._failed, owner=self)

    def _running(self, running: bool) -> None:
        self.folder.setEnabled(not running)
        self.browse.setEnabled(not running)
        self.export_button.setEnabled(not running)
        self.progress.setVisible(running)
        self.progress.setRange(0, 0)
        self.close_button.setText(self.tr("Cancel") if running else self.tr("Close"))
        if running:
            self.timer.start()
        else:
            self.timer.stop()

    def _poll(self) -> None:
        done, total = self.progress_state.value
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _done(self, result: ExportResult) -> None:
        self.task = None
        self.last_result = result
        self._running(False)
        self._show(
            self.tr("Saved “%1” and “%2” in %3.")
            .replace("%1", result.path.name)
            .replace("%2", result.path.with_suffix(".json").name)
            .replace("%3", str(result.path.parent))
        )
        self.open_button.setVisible(True)
        self.open_button.setFocus()
        self.ctx.status.emit(self.tr("Personal data exported"))

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.task = None
        self._running(False)
        if isinstance(exc, Cancelled):
            self._show(self.tr("Export cancelled; no file was written."))
        else:
            self._show(error_message(exc), error=True)

    def _show(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")

    def open_folder(self) -> None:
        if self.last_result is not None:
            open_location(QUrl.fromLocalFile(str(self.last_result.path.parent)))

    def reject(self) -> None:
        if self.task is not None:
            self.task.abort.set()
            return
        super().reject()


# -- Cancelación ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnonymizeSummary:
    name: str
    refusal: str | None
    participations: int
    board_positions: int


def load_summary(session: Session, member_id: int) -> AnonymizeSummary:
    member = get_member(session, member_id)
    count = session.scalar(select(func.count()).where(Participant.member_id == member_id)) or 0
    boards = session.scalar(select(func.count()).where(BoardPosition.member_id == member_id)) or 0
    return AnonymizeSummary(member.full_name, privacy.refusal(session, member), int(count), int(boards))


class AnonymizeDialog(QDialog):
    """Explain, check, ask for the typed word, then anonymise (no undo)."""

    #: The member id, once anonymised (before the dialog closes).
    anonymized = Signal(int)

    def __init__(self, ctx: AppContext, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.loaded = False
        self.running = False
        self.summary: AnonymizeSummary | None = None
        self.setObjectName("anonymize-dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Anonymize member"))
        self.setMinimumWidth(600)

        self.heading = _bold(QLabel(self.tr("Loading…")))
        self.heading.setObjectName("anonymize-heading")
        self.heading.setWordWrap(True)
        self.explanation = QLabel()
        self.explanation.setObjectName("anonymize-explanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.refused = QLabel()
        self.refused.setObjectName("anonymize-refused")
        self.refused.setWordWrap(True)
        self.refused.setStyleSheet(ERROR_STYLE)
        self.refused.setVisible(False)
        self.word = self.tr("ANONYMIZE")
        self.confirm_label = QLabel(self.tr("To confirm, type %1:").replace("%1", self.word))
        self.confirm = QLineEdit()
        self.confirm.setObjectName("anonymize-confirm")
        self.confirm_label.setBuddy(self.confirm)
        self.confirm.textChanged.connect(self._update_button)
        self.message = QLabel()
        self.message.setObjectName("anonymize-message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)

        self.buttons = QDialogButtonBox()
        self.go = self.buttons.addButton(
            self.tr("&Anonymize for good"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.go.setObjectName("anonymize-go")
        self.go.setEnabled(False)
        self.go.setAutoDefault(False)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("anonymize-cancel")
        cancel.setDefault(True)  # Enter never anonymises by accident
        self.go.clicked.connect(self.anonymize)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.refused)
        layout.addWidget(self.confirm_label)
        layout.addWidget(self.confirm)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.confirm.setEnabled(False)

        self.ctx.read(
            lambda session, _task: load_summary(session, member_id),
            self._loaded,
            on_failure=lambda exc: self.message.setText(error_message(exc)),
            owner=self,
        )

    def _loaded(self, summary: AnonymizeSummary) -> None:
        self.summary = summary
        self.loaded = True
        self.heading.setText(
            self.tr("Anonymize %1 (member %2)? This cannot be undone.")
            .replace("%1", summary.name)
            .replace("%2", str(self.member_id))
        )
        removed = self.tr(
            "<p><b>Removed for good:</b> name, e-mail, phone, city and state, employer and job, "
            "field of study and institution, languages, website, expertise, notes, offers, the "
            "consent and its stated source; the board positions held (%1); and in the Jornada "
            "participations (%2) the copied name and contact data, needs, notes, travel and hotel. "
            "The values the audit trail kept of them are removed too, and the search no longer "
            "finds them.</p>"
        )
        kept = self.tr(
            "<p><b>Kept, for statistics:</b> chapter, sectors, country, degree level, status and "
            "year joined; the participations stay as anonymous records. The audit records that the "
            "member was anonymized, by whom and when.</p>"
        )
        final = self.tr(
            "<p><b>There is no undo:</b> keeping a way back would keep the data. The undo history "
            "of this session is emptied as well. Backups made before today still hold the data "
            "until they are rotated out.</p>"
        )
        self.explanation.setText(
            removed.replace("%1", str(summary.board_positions)).replace("%2", str(summary.participations))
            + kept
            + final
        )
        if summary.refusal is not None:
            self.refused.setText(summary.refusal)
            self.refused.setVisible(True)
            self.confirm_label.setVisible(False)
            self.confirm.setVisible(False)
            self.go.setVisible(False)
        else:
            self.confirm.setEnabled(True)
            self.confirm.setFocus()

    def _update_button(self) -> None:
        self.go.setEnabled(self.loaded and not self.running and self.confirm.text().strip() == self.word)

    def anonymize(self) -> None:
        if not self.go.isEnabled():
            return
        self.running = True
        self._update_button()
        self.confirm.setEnabled(False)
        self.message.clear()
        self.ctx.perform(
            privacy_ops.anonymize(self.member_id),
            on_done=self._done,
            on_failure=self._failed,
            parent=self,
            progress=True,
        )

    def _done(self, _result: privacy.AnonymizeResult) -> None:
        # Earlier undo steps hold copies of what was removed: none may stay in memory or reapply.
        self.ctx.undo.clear()
        db = self.ctx.db
        self.ctx.runner.run(lambda _t: privacy_ops.purge(db), lambda _ok: None, write=True)
        if shiboken6.isValid(self):
            self.running = False
            self.anonymized.emit(self.member_id)
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.running = False
        self.confirm.setEnabled(True)
        self._update_button()
        self.message.setText(error_message(exc))

    def reject(self) -> None:
        if self.running:
            return
        super().reject()
