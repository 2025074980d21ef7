"""One description per export kind (issue 11): every kind the registry runs is described in
``exports/kinds.py``, and its ``talentdesk export`` verb and its export dialog entry take exactly
the options described, with the same defaults. Before, the kinds were listed three times (the
CLI's DOCUMENTS, the dialog's KINDS, the registry) and the defaults stood in five places."""

from __future__ import annotations

import argparse
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from talentdesk.cli import build_parser
from talentdesk.exports import kinds as described
from talentdesk.exports import registry
from talentdesk.services.search import MemberQuery
from talentdesk.ui.exports import kinds as dialog_kinds
from talentdesk.ui.exports.options_form import OptionsForm
from talentdesk.ui.settings import Settings

#: Written out here, not derived from the CLI module: how each described option is typed.
OPTION_FLAGS: dict[str, set[str]] = {
    "only_selected": {"--participants"},  # an event document's; a member kind selects by filters
    "only_shown": set(),  # the filters
    "external": {"--external"},
    "group_by": {"--group-by"},
    "title": {"--title"},
    "signin_scope": {"--session", "--day"},
    "layout": {"--layout"},
    "start_slot": {"--start-slot"},
    "offset": {"--offset-mm"},
    "cut_marks": {"--cut-marks"},
    "separate_files": {"--separate"},
    "packet_badge": {"--badge-layout"},
    "page_size": {"--page-size"},
    "dashboard_filters": {"--chapter", "--sector", "--country", "--from-year", "--to-year"},
    "sector": {"--sector"},
    "chapter": {"--chapter"},
    "year": {"--year"},
}
#: What a Vinculación document is about: a programme, a need, or a talent search's criteria.
LINKAGE_FLAGS: dict[str, set[str]] = {
    described.PROGRAM: {"--program"},
    described.NEED: {"--need"},
    described.MATCH: {"--need", "--sector", "--keywords", "--country", "--city", "--chapter", "--contribution",
                      "--degree", "--languages", "--limit", "--inactive", "--diverse"},
}  # fmt: skip
EVERY_VERB = {"-h", "--help", "-o", "--output", "--shared"}
MEMBER_FILTERS = {"--query", "--chapter", "--sector", "--country", "--status"}


def export_verbs() -> dict[str, argparse.ArgumentParser]:
    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    export = commands.choices["export"]
    verbs = next(a for a in export._actions if isinstance(a, argparse._SubParsersAction))
    return dict(verbs.choices)


def test_every_kind_the_registry_runs_is_described_once() -> None:
    assert sorted(registry.KINDS) == sorted(k.key for k in described.KINDS)
    assert len(described.BY_KEY) == len(described.KINDS)
    assert set(OPTION_FLAGS) == set(described.OPTIONS)
    for kind in described.KINDS:
        assert set(kind.options) <= set(described.OPTIONS), kind.key
        if not kind.verbs or not kind.dialog:
            assert kind.elsewhere, f"{kind.key}: no CLI verb or no dialog entry, and not said where it is"


def test_each_cli_verb_takes_the_options_described() -> None:
    verbs = export_verbs()
    assert list(verbs) == list(described.VERBS)  # the help lists them in the description's order
    for name, parser in verbs.items():
        kind, verb = described.VERBS[name]
        assert parser.description == verb.help
        flags = {s for action in parser._actions for s in action.option_strings}
        expected = set(EVERY_VERB)
        for option in kind.options:
            if option != "only_selected" or kind.scope == described.EVENT:
                expected |= OPTION_FLAGS[option]
            else:  # a member document's chosen members: a saved list
                expected.add("--list")
        if kind.scope == described.MEMBERS:
            expected |= MEMBER_FILTERS
        if kind.scope == described.EVENT:
            expected.add("--event")
        expected |= LINKAGE_FLAGS.get(kind.scope, set())
        if name == "members":  # the "table" kind, as its description says
            expected |= {"--columns", "--sort", "--descending"}
        assert flags == expected, name


@pytest.mark.parametrize(
    ("argv", "dest", "default"),
    [
        (["badges", "--event", "1"], "layout", described.DEFAULT_LAYOUT),
        (["packets", "--event", "1"], "badge_layout", described.DEFAULT_PACKET_BADGE),
        (["directory"], "group_by", described.DEFAULT_GROUP_BY),
        (["agenda", "--event", "1"], "page_size", described.DEFAULT_PAGE_SIZE),
    ],
)
def test_cli_dialog_and_request_share_the_defaults(argv: list[str], dest: str, default: str) -> None:
    args = build_parser().parse_args(["export", *argv, "-o", "x"])
    assert getattr(args, dest) == default
    request, options = registry.ExportRequest(), dialog_kinds.ExportOptions()
    assert {request.layout, options.layout} == {described.DEFAULT_LAYOUT}
    assert {request.badge_layout, options.packet_badge} == {described.DEFAULT_PACKET_BADGE}
    assert {request.group_by, options.group_by} == {described.DEFAULT_GROUP_BY}
    assert {request.page_size, options.page_size} == {described.DEFAULT_PAGE_SIZE}


def test_each_dialog_entry_shows_the_options_described(qtbot: QtBot, settings: Settings) -> None:
    entries = {
        k.key: k
        for k in (*dialog_kinds.KINDS, dialog_kinds.TABLE_VIEW, *dialog_kinds.REPORT_KINDS, *dialog_kinds.LINKAGE_KINDS)
    }
    assert set(entries) == {k.key for k in described.KINDS if k.dialog}
    members = dialog_kinds.MembersSource(query=MemberQuery(text="ana"), selected_ids=(1, 2), total=5)
    event = dialog_kinds.EventSource(
        1, "Jornada", days=(date(2027, 3, 1),), sessions=((7, "Inauguración"),), selected_ids=(1, 2)
    )
    report = dialog_kinds.ReportSource(chapters=((1, "Houston"),), sectors=((3, "3. Salud"),))
    sources = {described.MEMBERS: members, described.EVENT: event, described.REPORT: report}
    for key, entry in entries.items():
        kind = described.BY_KEY[key]
        assert (entry.scope, entry.stem, entry.suffix, entry.module, entry.preview) == (
            kind.scope,
            kind.stem,
            kind.suffix,
            kind.module,
            kind.preview,
        )
        assert entry.options == kind.options
        if kind.scope == described.RECORDS:
            continue  # a table as shown has no options
        source = sources.get(kind.scope) or dialog_kinds.LinkageSource("Comité", "Personas", program_id=1)
        form = OptionsForm(entry, source, settings, False)
        qtbot.addWidget(form)
        assert list(form.fields) == list(kind.options), key  # one row per option, in order
