"""exports/registry.py: the one mapping from export options to export calls (CLI and dialog)."""

from __future__ import annotations

import importlib
import inspect
import threading
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from python_calamine import CalamineWorkbook

from talentdesk.core.errors import Cancelled
from talentdesk.db.session import Database
from talentdesk.exports import registry
from talentdesk.exports.files import ExportResult
from talentdesk.exports.registry import ExportRequest, run_export
from talentdesk.services.search import MemberQuery

# kind → (module, function) it must call
CALLS = {
    "members": ("members_xlsx", "export_members_xlsx"),
    "table": ("table_xlsx", "export_table_xlsx"),
    "directory": ("directory_pdf", "export_directory_pdf"),
    "stats": ("stats_xlsx", "export_stats_xlsx"),
    "participants": ("event_xlsx", "export_participants_xlsx"),
    "rooming": ("event_xlsx", "export_rooming_xlsx"),
    "arrivals": ("event_xlsx", "export_arrivals_xlsx"),
    "materials": ("event_xlsx", "export_materials_xlsx"),
    "badges": ("badges", "export_badges_pdf"),
    "packets": ("packets_pdf", "export_packets_pdf"),
    "certificates": ("certificates_pdf", "export_certificates_pdf"),
    "signin": ("signin_pdf", "export_signin_pdf"),
    "agenda": ("agenda_pdf", "export_agenda_pdf"),
    "reference": ("reference_xlsx", "export_reference_xlsx"),
    "rows": ("table_xlsx", "export_rows_xlsx"),
    "personal": ("personal", "export_personal_data"),
    "dashboard": ("reports", "export_dashboard"),
    "dashboard_xlsx": ("reports", "export_dashboard"),
    "sector_report": ("reports", "export_sector_report"),
    "sector_report_xlsx": ("reports", "export_sector_report"),
    "chapter_report": ("reports", "export_chapter_report"),
    "chapter_report_xlsx": ("reports", "export_chapter_report"),
    "annual_report": ("reports", "export_annual_report"),
    "program_people": ("linkage_xlsx", "export_program_people_xlsx"),
    "need_candidates": ("linkage_xlsx", "export_need_candidates_xlsx"),
    "talent": ("linkage_xlsx", "export_talent_xlsx"),
}


def test_every_kind_is_listed() -> None:
    assert set(registry.KINDS) == set(CALLS)


@pytest.mark.parametrize("kind", sorted(CALLS))
def test_each_kind_calls_its_export_looked_up_at_call_time(
    kind: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Patched after the registry was imported, yet called: tests and late modules rely on it.
    Every keyword passed is one the real function accepts. (No database: the export log is off;
    tests/unit/test_export_log.py covers it.)"""
    module_name, function_name = CALLS[kind]
    module = importlib.import_module(f"talentdesk.exports.{module_name}")
    accepted = set(inspect.signature(getattr(module, function_name)).parameters)
    seen: list[tuple[tuple[Any, ...], dict[str, Any]]] = []

    def fake(*args: Any, **kwargs: Any) -> ExportResult:
        seen.append((args, kwargs))
        return ExportResult(path=tmp_path / "x", rows=7)

    monkeypatch.setattr(module, function_name, fake)
    abort = threading.Event()
    request = ExportRequest(
        query=MemberQuery(), event_id=3, member_ids=(5,), sector_id=2, chapter_id=4, year=2020, program_id=4, need_id=6
    )
    result = run_export(kind, None, request, tmp_path / "x", progress=print, abort=abort, log=False)  # type: ignore[arg-type]

    assert result.rows == 7
    ((args, kwargs),) = seen
    assert set(kwargs) <= accepted
    assert kwargs["progress"] is print and kwargs["abort"] is abort
    assert tmp_path / "x" in args


def test_options_reach_the_export_unchanged(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from talentdesk.exports import badges

    seen: dict[str, Any] = {}
    monkeypatch.setattr(badges, "export_badges_pdf", lambda *a, **k: seen.update(k, args=a))
    request = ExportRequest(
        event_id=5, participant_ids=(9, 8), layout="a6", start_slot=4, offset_mm=(1.5, -0.5), cut_marks=True
    )
    run_export("badges", "S", request, "out.pdf", log=False)  # type: ignore[arg-type]
    assert seen == {
        "args": ("S", 5, "out.pdf"),
        "layout": "a6",
        "participant_ids": [9, 8],
        "start_slot": 4,
        "offset_mm": (1.5, -0.5),
        "cut_marks": True,
        "progress": None,
        "abort": None,
    }


def test_member_ids_replace_the_query(monkeypatch: pytest.MonkeyPatch) -> None:
    from talentdesk.exports import members_xlsx

    seen: list[Any] = []
    monkeypatch.setattr(members_xlsx, "export_members_xlsx", lambda _s, sel, *_a, **_k: seen.append(sel))
    query = MemberQuery(text="ana")
    run_export("members", None, ExportRequest(query=query), "m.xlsx", log=False)  # type: ignore[arg-type]
    run_export("members", None, ExportRequest(query=query, member_ids=(4, 2)), "m.xlsx", log=False)  # type: ignore[arg-type]
    assert seen == [query, [4, 2]]


def test_defaults_are_the_export_functions_defaults() -> None:
    """A caller that sets nothing gets what the export itself would do."""
    from talentdesk.exports import badges, directory_pdf, packets_pdf, signin_pdf, table_xlsx

    own = {f.name: f.default for f in fields(ExportRequest)}
    pairs = [
        (badges.export_badges_pdf, {"layout", "start_slot", "offset_mm", "cut_marks"}),
        (directory_pdf.export_directory_pdf, {"group_by", "page_size", "title"}),
        (packets_pdf.export_packets_pdf, {"separate_files", "badge_layout", "page_size"}),
        (signin_pdf.export_signin_pdf, {"session_id", "day", "page_size"}),
        (table_xlsx.export_table_xlsx, {"sort_key", "descending"}),
    ]
    for function, names in pairs:
        params = inspect.signature(function).parameters
        for name in names:
            assert own[name] == params[name].default, (function.__name__, name)


def test_unknown_kind_and_missing_event_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export kind 'nope'"):
        run_export("nope", None, ExportRequest(), tmp_path / "x", log=False)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="event_id"):
        run_export("agenda", None, ExportRequest(), tmp_path / "x.pdf", log=False)  # type: ignore[arg-type]
    assert not list(tmp_path.iterdir())


def test_a_real_export_runs_and_cancels(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "capitulos.xlsx"
    result = run_export("reference", db.sessions, ExportRequest(table="chapters"), out)
    assert result.path == out
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    assert result.rows > 0 and len(rows) == result.rows + 1  # header + one row per chapter

    out.write_bytes(b"yesterday")
    abort = threading.Event()
    abort.set()
    with pytest.raises(Cancelled):
        run_export("reference", db.sessions, ExportRequest(table="chapters"), out, abort=abort)
    assert out.read_bytes() == b"yesterday"
