"""The import as a whole: dry run, choices, all-or-nothing or valid rows, cancel, round trip."""

from __future__ import annotations

import json
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from talentdesk.core.enums import MemberStatus
from talentdesk.core.errors import Cancelled, TalentDeskError
from talentdesk.core.models import AuditEntry, Member
from talentdesk.db.session import Database
from talentdesk.exports.members_xlsx import export_members_xlsx
from talentdesk.imports.apply import apply_import
from talentdesk.imports.plan import Action, ImportHasErrors, ImportPlan
from talentdesk.imports.prepare import prepare_import
from talentdesk.imports.reading import read_source
from talentdesk.ops.import_report import write_error_report
from talentdesk.services import audit
from talentdesk.services.members import count_members, get_member, member_values
from talentdesk.services.search import MemberQuery, search_members

from .helpers import add
from .import_files import write_csv, write_xlsx

HEADERS = [
    "Nombre(s)",
    "Apellido paterno",
    "Apellido materno",
    "Correo electrónico",
    "Teléfono",
    "País",
    "Ciudad",
    "Capítulo",
    "Sector(es)",
    "Empleador",
    "Fecha de ingreso",
    "Estatus",
    "Aportaciones",
]
GOOD = [
    [
        "José",
        "Núñez",
        "Ávila",
        "jose@example.com",
        "55 1234 5678",
        "México",
        "Monterrey",
        "Houston",
        "Salud; 5",
        "Acme",
        "15/03/2021",
        "Activo",
        "Visión estratégica",
    ],
    [
        "Ana María",
        "de la Garza",
        "",
        "ANA@example.org",
        "(415) 555-0123",
        "Estados Unidos",
        "San José",
        "Silicon Valey",
        "Sector automotriz",
        "",
        45000,
        "",
        "",
    ],
]
BAD = ["Luis", "Pérez", "", "luis@", "", "Narnia", "", "", "", "", "31/02/2020", "", ""]


def _plan(db: Database, path: Path, **kwargs: Any) -> ImportPlan:
    with db.reader() as s:
        return prepare_import(s, read_source(path), **kwargs)


def _audit_count(db: Database) -> int:
    with db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def test_dry_run_counts_and_writes_nothing(db: Database, tmp_path: Path) -> None:
    with db.session() as s:
        add(s, "Rosa", "Ruiz", email="rosa@example.com")
    before, audits = _members(db), _audit_count(db)
    rows = [HEADERS, *GOOD, BAD, ["Rosa", "Ruiz", "", "ROSA@example.com", "", "", "", "", "", "", "", "", ""]]
    plan = _plan(db, write_csv(tmp_path / "a.csv", rows, delimiter=";"))
    summary = plan.summary()
    assert (
        summary.rows,
        summary.new,
        summary.updated,
        summary.duplicates,
        summary.skipped,
        summary.errors,
    ) == (4, 2, 0, 1, 1, 1)
    report = plan.report()
    assert report["written"] == 0 and {k for k in report if k != "errors"} == {
        "rows",
        "new",
        "updated",
        "duplicates",
        "skipped",
        "written",
    }
    assert {(e["row"], e["column"]) for e in report["errors"]} == {
        (4, "Correo electrónico"),
        (4, "País"),
        (4, "Fecha de ingreso"),
    }
    assert all(isinstance(e["message"], str) and e["value"] for e in report["errors"])
    assert _members(db) == before and _audit_count(db) == audits


def _members(db: Database) -> list[tuple[Any, ...]]:
    with db.reader() as s:
        return [tuple(r) for r in s.execute(select(Member.id, Member.email, Member.city).order_by(Member.id))]


def test_all_or_nothing_refuses_a_plan_with_errors(db: Database, tmp_path: Path) -> None:
    plan = _plan(db, write_xlsx(tmp_path / "a.xlsx", [HEADERS, *GOOD, BAD]))
    with pytest.raises(ImportHasErrors, match=r"errores en 1 fila.*no se guardó nada"), db.session() as s:
        apply_import(s, plan)
    assert _members(db) == []


def test_valid_only_writes_the_valid_rows(db: Database, tmp_path: Path) -> None:
    plan = _plan(db, write_xlsx(tmp_path / "a.xlsx", [HEADERS, *GOOD, BAD]))
    seen: list[tuple[int, int]] = []
    with db.session() as s:
        result = apply_import(s, plan, valid_only=True, progress=lambda d, t: seen.append((d, t)))
    assert result.summary.written == 2 and result.summary.new == 2 and len(result.errors) == 3
    assert seen and seen[-1] == (2, 2)
    with db.reader() as s:
        jose, ana = (get_member(s, i) for i in result.created_ids)
        assert (jose.given_names, jose.paternal_surname, jose.maternal_surname) == ("José", "Núñez", "Ávila")
        assert (jose.email, jose.phone, jose.country, jose.city) == (
            "jose@example.com",
            "+525512345678",
            "MX",
            "Monterrey",
        )
        assert (jose.chapter_id, jose.sector_ids, jose.primary_sector_id) == (2, [3, 5], 3)
        assert jose.joined_on == date(2021, 3, 15) and jose.status is MemberStatus.ACTIVE
        assert [c.code for c in jose.contributions] == ["vision_estrategica"]
        assert (ana.given_names, ana.paternal_surname, ana.maternal_surname) == (
            "Ana María",
            "de la Garza",
            None,
        )
        assert (ana.email, ana.phone, ana.chapter_id) == ("ana@example.org", "+14155550123", 1)
        assert ana.joined_on == date(2023, 3, 15) and ana.status is MemberStatus.PROSPECT
        assert ana.directory_consent is False and ana.print_fields == []
        for member in (jose, ana):
            # The bulk path computed the derived columns exactly as the ORM does.
            stored = (member.sort_key, member.search_text)
            member.refresh_derived()
            assert (member.sort_key, member.search_text) == stored
            entry = s.scalar(
                select(AuditEntry).where(AuditEntry.entity_id == member.id, AuditEntry.action == "create")
            )
            assert entry is not None and entry.new_value == audit.snapshot_text(member_values(member))
            assert entry.user == audit.current_user()
        # The full-text index has them (the insert trigger was swapped for a set-based fill).
        assert search_members(s, MemberQuery(text="nunez monterrey")).ids == [jose.id]
        assert search_members(s, MemberQuery(text="garza", sector_ids=(8,))).ids == [ana.id]
        event = s.scalar(select(AuditEntry).where(AuditEntry.action == "import"))
        assert event is not None and "2 nuevos" in (event.new_value or "")


def test_cancel_writes_nothing_and_keeps_the_index_in_step(db: Database, tmp_path: Path) -> None:
    rows = [HEADERS] + [
        [f"Nombre{i}", f"Apellido{i}", "", f"p{i}@example.com"] + [""] * 9 for i in range(12_000)
    ]
    plan = _plan(db, write_csv(tmp_path / "big.csv", rows))
    abort = threading.Event()

    def progress(done: int, total: int) -> None:
        if done >= 5000:
            abort.set()  # cancel in the middle of the bulk write

    audits = _audit_count(db)
    with pytest.raises(Cancelled, match="no se guardó nada"), db.session() as s:
        apply_import(s, plan, progress=progress, abort=abort)
    assert _members(db) == [] and _audit_count(db) == audits
    with db.session() as s:  # the insert trigger survived the rollback: new members are found
        member = add(s, "Zacarías", "Flores")
    with db.reader() as s:
        assert search_members(s, MemberQuery(text="zacarias")).ids == [member.id]
    with pytest.raises(Cancelled):  # cancelled while preparing, too
        abort.set()
        _plan(db, tmp_path / "big.csv", abort=abort)


def test_choices_for_duplicates_fill_overwrite_create_skip(db: Database, tmp_path: Path) -> None:
    with db.session() as s:
        rosa = add(s, "Rosa", "Ruiz", "Soto", email="rosa@example.com", city="Austin").id
        beto = add(s, "Alberto", "Mena", "Gil", employer="Acme").id
    rows = [
        ["Nombre(s)", "Apellido paterno", "Apellido materno", "Correo", "Ciudad", "Empleador"],
        ["Rosa", "Ruiz", "Soto", "rosa@example.com", "Dallas", "Globex"],  # e-mail duplicate
        ["Alberto", "Mena", "Gil", "beto@example.com", "Reno", "Initech"],  # name duplicate
    ]
    plan = _plan(db, write_csv(tmp_path / "a.csv", rows))
    first, second = plan.rows
    assert first.allowed_actions() == (Action.FILL, Action.OVERWRITE, Action.SKIP)
    with pytest.raises(TalentDeskError, match="Fila 2: no se puede «Crear nuevo»"):
        plan.choose(2, Action.CREATE)
    plan.choose(2, "fill")
    assert first.changes() == {"employer": (None, "Globex")}  # the city is not empty: kept
    plan.choose(3, Action.OVERWRITE)
    assert second.changes() == {
        "email": (None, "beto@example.com"),
        "city": (None, "Reno"),
        "employer": ("Acme", "Initech"),
    }
    assert plan.summary().updated == 2
    with db.session() as s:
        result = apply_import(s, plan)
    assert result.updated_ids == sorted([rosa, beto]) and result.summary.written == 2
    with db.reader() as s:
        assert (get_member(s, rosa).city, get_member(s, rosa).employer) == ("Austin", "Globex")
        assert (get_member(s, beto).email, get_member(s, beto).employer) == ("beto@example.com", "Initech")
        fields = sorted(a.field or "" for a in audit.history(s, "member", beto) if a.action == "update")
        assert fields == ["city", "email", "employer"]
    rows[2][3] = "alberto@example.com"
    plan = _plan(db, write_csv(tmp_path / "a.csv", rows), on_duplicate=Action.CREATE)
    assert [r.action for r in plan.rows] == [Action.SKIP, Action.CREATE]  # two members cannot share an e-mail
    assert any("mismo correo" in n for n in plan.notices)
    assert plan.choose_duplicates(Action.SKIP) == 2


def test_within_file_duplicate_merged_into_the_earlier_row(db: Database, tmp_path: Path) -> None:
    rows = [
        ["Nombre(s)", "Apellido paterno", "Correo", "Ciudad", "Empleador"],
        ["Eva", "Luna", "eva@example.com", "", "Acme"],
        ["Eva", "Luna", "EVA@example.com", "Lima", "Globex"],
    ]
    plan = _plan(db, write_csv(tmp_path / "a.csv", rows))
    plan.choose(3, Action.FILL)
    assert plan.summary().new == 1 and plan.summary().updated == 1
    with db.session() as s:
        result = apply_import(s, plan)
    with db.reader() as s:
        (member_id,) = result.created_ids
        eva = get_member(s, member_id)
        assert (eva.city, eva.employer) == ("Lima", "Acme")
    assert count_members_in(db) == 1


def count_members_in(db: Database) -> int:
    with db.reader() as s:
        return count_members(s)


def test_error_report_spreadsheet(db: Database, tmp_path: Path) -> None:
    with db.session() as s:
        add(s, "Ana María", "de la Garza", email="ana@example.org")
    plan = _plan(db, write_xlsx(tmp_path / "a.xlsx", [HEADERS, *GOOD, BAD]))
    out = write_error_report(plan, tmp_path / "errores.xlsx")
    assert out.rows == 3
    book = load_workbook(tmp_path / "errores.xlsx", read_only=True)
    errors = [list(r) for r in book["Errores"].iter_rows(values_only=True)]
    assert errors[0] == ["Fila", "Columna", "Valor", "Problema"]
    assert errors[1][:3] == [4, "Correo electrónico", "luis@"] and "no es una dirección" in errors[1][3]
    dups = [list(r) for r in book["Duplicados"].iter_rows(values_only=True)]
    assert dups[1][0] == 3 and "Mismo correo" in dups[1][3] and dups[1][4] == "Omitir"
    summary = dict(list(r)[:2] for r in book["Resumen"].iter_rows(values_only=True, min_row=2))
    assert summary["Filas de datos"] == 3 and summary["Nuevos"] == 1
    book.close()
    with pytest.raises(TalentDeskError, match=r"debe terminar en \.xlsx"):
        write_error_report(plan, tmp_path / "errores.csv")


# -- round trip: export, edit in a spreadsheet, import again -------------------------------------


def test_round_trip_updates_only_the_changed_fields(demo_db_path: Path, tmp_path: Path) -> None:
    db = Database.open(demo_db_path)
    try:
        ids = list(range(1, 41))
        export_members_xlsx(db.sessions, ids, tmp_path / "miembros.xlsx")
        with db.reader() as s:
            before = {i: member_values(get_member(s, i)) for i in ids}
            stamps = dict(s.execute(select(Member.id, Member.updated_at).where(Member.id.in_(ids))).all())
        book = load_workbook(tmp_path / "miembros.xlsx")
        sheet = book["Miembros"]
        header = [c.value for c in sheet[1]]
        col = {h: header.index(h) + 1 for h in header}
        by_id = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
        sheet.cell(by_id[3], col["Ciudad"]).value = "Guadalajara"
        sheet.cell(by_id[5], col["Teléfono"]).value = None  # cleared
        sheet.cell(by_id[7], col["Estatus"]).value = "Inactivo"
        sheet.cell(by_id[9], col["Sectores"]).value = "Salud; Sector automotriz"
        sheet.cell(by_id[9], col["Sector principal"]).value = "Salud"
        sheet.cell(by_id[11], col["Apellido materno"]).value = "  Zúñiga\u00a0"
        book.save(tmp_path / "editado.xlsx")
        book.close()
        with db.reader() as s:
            plan = prepare_import(s, read_source(tmp_path / "editado.xlsx"))
        assert plan.errors() == []
        summary = plan.summary()
        assert (summary.rows, summary.new, summary.updated, summary.skipped) == (40, 0, 5, 35)
        assert all(
            r.action is Action.UPDATE and r.member_id == r.values.get("id", r.member_id) for r in plan.rows
        )
        audits = _audit_count(db)
        with db.session() as s:
            result = apply_import(s, plan)
        assert result.updated_ids == [3, 5, 7, 9, 11] and result.summary.written == 5
        with db.reader() as s:
            after = {i: member_values(get_member(s, i)) for i in ids}
            changed = {i: {f for f in after[i] if after[i][f] != before[i][f]} for i in ids}
            assert {i: c for i, c in changed.items() if c} == {
                3: {"city"},
                5: {"phone"},
                7: {"status"},
                9: {"sector_ids", "primary_sector_id"}
                if before[9]["primary_sector_id"] != 3
                else {"sector_ids"},
                11: {"maternal_surname"},
            }
            assert after[3]["city"] == "Guadalajara" and after[5]["phone"] is None
            assert after[7]["status"] is MemberStatus.INACTIVE and after[11]["maternal_surname"] == "Zúñiga"
            assert after[9]["sector_ids"] == [3, 8] and after[9]["primary_sector_id"] == 3
            new_audits = list(
                s.scalars(select(AuditEntry).where(AuditEntry.id > audits).order_by(AuditEntry.id))
            )
            updates = sorted((a.entity_id, a.field) for a in new_audits if a.action == "update")
            expected = sorted((i, f) for i, fields in changed.items() for f in fields)
            assert updates == expected
            untouched = dict(s.execute(select(Member.id, Member.updated_at).where(Member.id.in_(ids))).all())
            assert {i for i in ids if untouched[i] != stamps[i]} == {3, 5, 7, 9, 11}
            assert json.loads(json.dumps([a.new_value for a in new_audits]))  # plain text values
    finally:
        db.close()


def test_update_by_id_checks_ids_and_emails(db: Database, tmp_path: Path) -> None:
    with db.session() as s:
        a = add(s, "Ana", "Ruiz", email="ana@example.com").id
        b = add(s, "Beto", "Gil", email="beto@example.com").id
    rows = [
        ["Id", "Correo", "Ciudad", "Nombre(s)"],
        [a, "beto@example.com", "Lima", "Ana"],  # another member's e-mail
        [999, "", "Lima", "X"],  # no such member
        [b, "", "Quito", "Beto"],
        [b, "", "Cuzco", "Beto"],  # the same member twice
        ["7x", "", "", "Y"],
    ]
    plan = _plan(db, write_csv(tmp_path / "a.csv", rows))
    messages = {e.row: " | ".join(x.message for x in plan.errors() if x.row == e.row) for e in plan.errors()}
    assert "ya está registrado para otro miembro" in messages[2]
    assert "no existe el miembro con id 999" in messages[3]
    assert "ya aparece en la fila 4" in messages[5]
    assert messages[6] == "Id: «7x» no es un número de miembro."
    with db.session() as s:
        result = apply_import(s, plan, valid_only=True)
    assert result.updated_ids == [b]
    with db.reader() as s:
        assert get_member(s, b).city == "Quito" and get_member(s, b).email is None  # an empty cell clears
