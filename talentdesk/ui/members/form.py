"""The member form: every field of a member on tabs, checked as it is typed and saved with undo.

The member and the reference lists (chapters, sectors, contributions) load in the background;
Save stays off until they are in. Saving runs the real service on the write thread: when it
refuses (``ValidationError``), each message is shown under its field, the tabs holding one are
marked and nothing is written. The fields are built by the tabs (``form_pages``,
``form_privacy``); errors, saving and the unsaved-changes guard are the shared form base's.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QMessageBox, QStyle, QTabWidget, QWidget

from talentdesk.core.text import full_name
from talentdesk.ops import members as ops_members
from talentdesk.ui.context import AppContext
from talentdesk.ui.members.form_data import FormData, load_form_data
from talentdesk.ui.members.form_history import HistoryPage
from talentdesk.ui.members.form_pages import (
    ContactPage,
    MemberPage,
    NetworkPage,
    NotesPage,
    PersonalPage,
    WorkPage,
)
from talentdesk.ui.members.form_privacy import PrivacyPage
from talentdesk.ui.tasks import error_message
from talentdesk.ui.widgets.record_dialog import FormDialog

# What an anonymised member keeps (for statistics); every other field is locked.
KEPT_WHEN_ANONYMIZED = frozenset({"chapter", "status", "joined_on", "sectors", "country", "degree_level"})


class MemberDialog(FormDialog):
    """Create (member_id None) or edit a member; saves through ctx.perform with undo."""

    offer_save = True
    count_errors = True

    def __init__(self, ctx: AppContext, member_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "member-dialog", parent)
        self.member_id = member_id
        self.setModal(False)  # opened with open(): window-modal, as before
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setSizeGripEnabled(True)
        self.resize(860, 660)
        self.loaded = False
        self.loaded_name = ""
        self.baseline: dict[str, Any] = {}
        self.anonymized_at: datetime | None = None

        self.banner = QLabel()
        self.banner.setObjectName("anonymized-banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fdecea; padding: 6px; border-radius: 3px;")
        self.banner.hide()
        self.personal = PersonalPage(self)
        self.contact = ContactPage(self)
        self.network = NetworkPage(self)
        self.work = WorkPage(self)
        self.privacy = PrivacyPage(self)
        self.notes = NotesPage(self)
        self.history = HistoryPage(self)
        self.pages: list[MemberPage] = [
            self.personal,
            self.contact,
            self.network,
            self.work,
            self.privacy,
            self.notes,
            self.history,
        ]
        self.tabs = QTabWidget()
        self.tabs.setObjectName("member-tabs")
        for page, title in zip(
            self.pages,
            (
                self.tr("Personal data"),
                self.tr("Contact"),
                self.tr("Network"),
                self.tr("Education and work"),
                self.tr("Privacy"),
                self.tr("Notes"),
                self.tr("History"),
            ),
            strict=True,
        ):
            self.tabs.addTab(page.tab(), title)
        self.tabs.setEnabled(False)
        for button, slot in (
            (self.privacy.personal_button, self.export_personal_data),
            (self.privacy.anonymize_button, self.anonymize),
        ):
            button.clicked.connect(lambda _checked=False, act=slot: act())
            button.setVisible(member_id is not None)  # the rights are a saved member's
        self.content.addWidget(self.banner)
        self.content.addWidget(self.tabs, 1)

        # Alt+S belongs to "State / region"; Save has Ctrl+S and Enter.
        self.save_button.setText(self.tr("Save"))
        self.save_button.setEnabled(False)
        self.show_message(self.tr("Loading…"), error=False)
        for edit in (
            self.personal.given_names,
            self.personal.paternal_surname,
            self.personal.maternal_surname,
        ):
            edit.textChanged.connect(lambda *_: self._update_title())
        self._update_title()
        self.ctx.read(
            lambda session, _task: load_form_data(session, member_id),
            self._loaded,
            on_failure=self._load_failed,
            owner=self,
        )

    # -- loading ------------------------------------------------------------------------------

    def _loaded(self, data: FormData) -> None:
        for page in self.pages:
            page.set_choices(data)
        if data.values is not None:
            self.set_values(data.values)
            self.loaded_name = full_name(
                data.values["given_names"], data.values["paternal_surname"], data.values["maternal_surname"]
            )
        self.anonymized_at = data.anonymized_at
        if data.anonymized_at is not None:
            self._lock_personal_fields(data.anonymized_at)
            self.privacy.anonymize_button.setEnabled(False)
        self._set_tab_order()
        self.baseline = self.values()
        self.loaded = True
        self.tabs.setEnabled(True)
        self.save_button.setEnabled(True)
        self.show_message("", error=False)
        self._update_title()
        self.personal.given_names.setFocus()

    def _load_failed(self, exc: BaseException) -> None:
        self.show_message(error_message(exc), error=True)
        self.cancel_button.setText(self.tr("Close"))

    def _lock_personal_fields(self, when: datetime) -> None:
        """An anonymised member: only what statistics keep may still change."""
        local = when.replace(tzinfo=UTC).astimezone()
        self.banner.setText(
            self.tr(
                "This member was anonymized on %1: their personal data was removed for good and "
                "cannot be recorded again. Only the chapter, sectors, country, degree, status and "
                "date joined remain, for statistics."
            ).replace("%1", local.strftime("%d/%m/%Y"))
        )
        self.banner.show()
        for name, box in self.boxes.items():
            if name not in KEPT_WHEN_ANONYMIZED:
                box.setEnabled(False)

    def _set_tab_order(self) -> None:
        """Tab follows the fields as they are laid out, tab after tab, then Save and Cancel."""
        chain = [w for page in self.pages for w in page.chain()] + [self.save_button, self.cancel_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- the member's rights (ARCO) -----------------------------------------------------------

    def export_personal_data(self) -> None:
        """Acceso: everything held about the member, as a PDF and a JSON file."""
        if self.member_id is not None:
            from talentdesk.ui.privacy.member_rights import PersonalDataDialog

            PersonalDataDialog(self.ctx, self.member_id, self).open()

    def anonymize(self) -> None:
        """Cancelación; the form closes afterwards (what it shows was removed)."""
        if self.member_id is None:
            return
        if self.is_modified():
            QMessageBox.information(
                self,
                self.tr("Unsaved changes"),
                self.tr("Save or discard the changes of this member before anonymizing it."),
            )
            return
        from talentdesk.ui.privacy.member_rights import AnonymizeDialog

        dialog = AnonymizeDialog(self.ctx, self.member_id, self)
        dialog.anonymized.connect(lambda _id: self._anonymized())
        dialog.open()

    def _anonymized(self) -> None:
        if shiboken6.isValid(self):
            self.baseline = self.values()
            self.reject()

    # -- values -------------------------------------------------------------------------------

    def set_values(self, values: dict[str, Any]) -> None:
        for page in self.pages:
            page.set_values(values)
        self.clear_errors()

    def values(self) -> dict[str, Any]:
        """Every field in the shape create_member/update_member take (raw text is theirs to check)."""
        out: dict[str, Any] = {}
        for page in self.pages:
            out.update(page.values())
        return out

    def changed_values(self) -> dict[str, Any]:
        """The fields that differ from what was loaded (sectors travel with their primary)."""
        current = self.values()
        changed = {k: v for k, v in current.items() if v != self.baseline.get(k)}
        if "sector_ids" in changed or "primary_sector_id" in changed:
            changed["sector_ids"] = current["sector_ids"]
            changed["primary_sector_id"] = current["primary_sector_id"]
        return changed

    def is_modified(self) -> bool:
        return self.loaded and bool(self.changed_values())

    # -- tabs and title -----------------------------------------------------------------------

    def reveal(self, widget: QWidget) -> None:
        self.tabs.setCurrentIndex(self._tab_of(widget))

    def errors_changed(self) -> None:
        """A warning icon on every tab that holds a message."""
        bad = {self._tab_of(box) for box in self.boxes.values() if box.error_text()}
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for index in range(self.tabs.count()):
            self.tabs.setTabIcon(index, icon if index in bad else QIcon())
        super().errors_changed()

    def _tab_of(self, widget: QWidget) -> int:
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is not None and page.isAncestorOf(widget):
                return index
        return -1

    def _update_title(self) -> None:
        if self.member_id is None:
            self.setWindowTitle(self.tr("New member"))
            return
        personal = self.personal
        name = full_name(
            personal.given_names.text(), personal.paternal_surname.text(), personal.maternal_surname.text()
        )
        self.setWindowTitle(name or self.loaded_name or self.tr("Member"))

    # -- saving -------------------------------------------------------------------------------

    def submit(self) -> None:
        if not self.loaded:
            return
        if self.member_id is None:
            op = ops_members.create(self.values())
        else:
            changed = self.changed_values()
            if not changed:
                self.done_saving(self.member_id)
                return
            op = ops_members.update(self.member_id, changed, self.windowTitle())
        self.show_message(self.tr("Saving…"), error=False)
        self.run(op)

    def unsaved_question(self) -> str:
        return self.tr("This member has changes that are not saved. Save them?")
