"""The chapters workspace: the list, a chapter's details and board, and their forms."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import (
    QGroupBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from talentdesk.core.enums import BoardRole, ChapterStatus
from talentdesk.exports import reference_xlsx
from talentdesk.ops import chapters as ops_chapters
from talentdesk.services.history import chapter_history
from talentdesk.services.record_lists import ROLE_ORDER, ChapterData, ChapterRow, load_chapters
from talentdesk.ui.context import AppContext
from talentdesk.ui.record_area import Deletion, Listing, RecordArea, RecordDetails, RecordList, RecordParts
from talentdesk.ui.widgets.buttons import ask, button_row, push_button
from talentdesk.ui.widgets.choosers import CheckList, CountryCombo, DateField, EnumCombo, text_box, text_line
from talentdesk.ui.widgets.history import add_history_tab
from talentdesk.ui.widgets.member_picker import MemberPicker
from talentdesk.ui.widgets.record_dialog import RecordDialog
from talentdesk.ui.widgets.records import Column, show_date

# -- the area -----------------------------------------------------------------------------------


class ChaptersArea(RecordArea):
    """The chapters as a record list, with the selected chapter's details and board beside it."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            RecordList[ChapterRow](
                name="chapter",
                title=self.tr("Chapters"),
                columns=[
                    Column(self.tr("Chapter"), lambda r: r.name),
                    Column(self.tr("Location"), lambda r: r.place),
                    Column(self.tr("Status"), lambda r: r.status.label),
                    Column(self.tr("Members"), lambda r: r.members, numeric=True),
                    Column(self.tr("President"), lambda r: r.president()),
                ],
                widths=(160, 190, 100, 70),
                load=lambda session, _text: _listing(load_chapters(session)),
                search_text=lambda r: " ".join(filter(None, [r.name, r.city, r.country_name, r.president()])),
                search_placeholder=self.tr("Filter by name, city, country or president…"),
                count=lambda n: (
                    self.tr("%n chapter(s)", "", n),
                    self.tr("%1 of %n chapter(s)", "", n),
                ),
                new_text=self.tr("&New chapter…"),
                form=lambda row: ChapterDialog(self.ctx, self.choices, row, self),
                delete=Deletion(
                    self.tr("Delete chapter"),
                    lambda row: self.tr(
                        "Delete the chapter “%1”? Its %n member(s) will keep their records without a "
                        "chapter, and its board will be removed. You can undo it with Ctrl+Z.",
                        "",
                        row.members,
                    ).replace("%1", row.name),
                    lambda row: ops_chapters.delete(row.id, row.name),
                ),
                sheet=reference_xlsx.CHAPTERS.title,
                cares=lambda changes: changes.chapters or changes.members,
            ),
        )
        self.setObjectName("chapters-area")
        self.detail = self._build_detail()
        splitter = self.beside(self.detail)
        splitter.setSizes([650, 440])
        self.lay_out(splitter)

    def _build_detail(self) -> RecordDetails:
        detail = RecordDetails(
            "chapter",
            self.tr("Select a chapter to see its details and board."),
            [
                ("status", self.tr("Status")),
                ("place", self.tr("Location")),
                ("founded_on", self.tr("Formalized on")),
                ("contact_email", self.tr("Contact e-mail")),
                ("members", self.tr("Members")),
                ("sectors", self.tr("Sectors")),
                ("notes", self.tr("Notes")),
            ],
        )
        board_box = QGroupBox(self.tr("Board"))
        self.board = RecordParts(
            [
                Column(self.tr("Role"), lambda b: b.role.label, sort_key=lambda b: ROLE_ORDER[b.role]),
                Column(self.tr("Member"), lambda b: b.member_name),
                Column(self.tr("From"), lambda b: b.term_start, sort_key=lambda b: b.term_start or date.min),
                Column(self.tr("To"), lambda b: b.term_end, sort_key=lambda b: b.term_end or date.max),
            ],
            "board-table",
            self,
            self._update_board_buttons,
        )
        self.board.resize_modes(stretch=(1,))
        self.board_add = push_button(self.tr("&Add position…"), "board-add", self.add_position)
        self.board_remove = push_button(self.tr("&Remove position…"), "board-remove", self.remove_position)
        board_layout = QVBoxLayout(board_box)
        board_layout.addWidget(self.board.table)
        board_layout.addLayout(button_row(self.board_add, self.board_remove))
        assert self.delete_button is not None
        detail.info.addLayout(button_row(self.edit_button, self.delete_button))
        detail.page_layout.addWidget(board_box, 1)
        return detail

    def delete_selected(self) -> None:
        if self.board.table.hasFocus() and self.board.current() is not None:
            self.remove_position()
        else:
            super().delete_selected()

    # -- details and board --------------------------------------------------------------------

    def show_detail(self, row: ChapterRow | None) -> None:
        if row is None:
            self.detail.show_nothing()
            self.board.show([])
            self._update_board_buttons()
            return
        self.detail.show_record(
            row.name,
            {
                "status": row.status.label,
                "place": row.place,
                "founded_on": show_date(row.founded_on),
                "contact_email": row.contact_email or "",
                "members": self.tr("%n member(s)", "", row.members),
                "sectors": "; ".join(row.sector_names),
                "notes": row.notes or "",
            },
        )
        self.board.show(row.board)
        self._update_board_buttons()

    def row_buttons(self) -> list[QPushButton]:
        return [*super().row_buttons(), self.board_add]

    def _update_board_buttons(self) -> None:
        self.board_remove.setEnabled(self.current_row() is not None and self.board.current() is not None)

    def add_position(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_dialog(BoardPositionDialog(self.ctx, row, self))

    def remove_position(self) -> None:
        row, position = self.current_row(), self.board.current()
        if row is None or position is None:
            return
        text = (
            self.tr("Remove %1 as %2 of “%3”?")
            .replace("%1", position.member_name)
            .replace("%2", position.role.label)
            .replace("%3", row.name)
        )
        if not ask(self, self.tr("Remove board position"), text):
            return
        self.ctx.perform(ops_chapters.remove_board_position(position.id), parent=self)


def _listing(data: ChapterData) -> Listing[ChapterRow]:
    return Listing(data.chapters, choices=data.sectors)


# -- forms --------------------------------------------------------------------------------------


class ChapterDialog(RecordDialog):
    """Create (``row`` is None) or edit a chapter."""

    def __init__(
        self,
        ctx: AppContext,
        sectors: Sequence[tuple[int, str]],
        row: ChapterRow | None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("New chapter") if row is None else self.tr("Chapter “%1”").replace("%1", row.name)
        super().__init__(ctx, title, "chapter-dialog", parent)
        self.row = row
        self.name = text_line(row.name if row else "")
        self.status = EnumCombo(ChapterStatus)
        self.status.set_value(row.status if row else ChapterStatus.FORMING)
        self.country = CountryCombo()
        self.country.set_code(row.country if row else None)
        self.sectors = CheckList(sectors)
        self.sectors.set_checked(row.sector_ids if row else ())
        self.add_field("name", self.tr("&Name"), self.name)
        self.add_field("status", self.tr("S&tatus"), self.status)
        self.add_field("city", self.tr("&City"), text_line(row.city if row else None))
        self.add_field("country", self.tr("C&ountry"), self.country)
        self.add_field("founded_on", self.tr("&Formalized on"), DateField(row.founded_on if row else None))
        email = text_line(row.contact_email if row else None, self.tr("name@example.org"))
        self.add_field("contact_email", self.tr("Contact &e-mail"), email)
        self.add_field("sectors", self.tr("Sec&tors"), self.sectors, key="sector_ids")
        self.add_field("notes", self.tr("N&otes"), text_box(row.notes if row else None))
        self.setMinimumWidth(520)
        self.name.setFocus()
        # what it took part in, across years (services.history)
        self.history = add_history_tab(self, "chapter-history", row.id if row else None, chapter_history)

    def submit(self) -> None:
        values = self.field_values()
        self.run(
            ops_chapters.create(values) if self.row is None else ops_chapters.update(self.row.id, values)
        )


class BoardPositionDialog(RecordDialog):
    """Add a board position: a member found by searching, a role and a term."""

    def __init__(self, ctx: AppContext, chapter: ChapterRow, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, self.tr("New board position — %1").replace("%1", chapter.name), "board-dialog", parent
        )
        self.chapter = chapter
        self.picker = MemberPicker(ctx)
        self.picker.setObjectName("board-member")
        self.role = EnumCombo(BoardRole)
        self.term_start = DateField()
        self.term_end = DateField()
        self.add_field("member", self.tr("&Member"), self.picker)
        self.add_field("role", self.tr("&Role"), self.role)
        self.add_field("term_start", self.tr("Term &starts"), self.term_start)
        self.add_field("term_end", self.tr("Term &ends"), self.term_end)
        self.setMinimumWidth(560)
        self.picker.run_search()
        self.picker.setFocus()

    def submit(self) -> None:
        member_id = self.picker.selected_id()
        if member_id is None:
            self.show_error(self.tr("Choose a member from the search results."), "member")
            self.picker.setFocus()
            return
        chapter_id, role = self.chapter.id, self.role.chosen()
        start, end = self.term_start.value(), self.term_end.value()
        self.run(ops_chapters.add_board_position(chapter_id, member_id, role, start, end))
