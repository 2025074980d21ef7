"""What every export shares when writing fails: no temporary files left in the system temp
folder nor beside the target, no "Exception ignored" noise after a failed save, and the OS's
reason in Spanish."""

from __future__ import annotations

import errno
import gc
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl.writer.excel import ExcelWriter

from talentdesk.core.errors import TalentDeskError
from talentdesk.db.session import Database
from talentdesk.exports import event_xlsx
from talentdesk.exports.files import ExportResult, atomic_output, os_reason
from talentdesk.exports.members_xlsx import export_members_xlsx
from talentdesk.exports.reference_xlsx import export_reference_xlsx
from talentdesk.exports.stats_xlsx import export_stats_xlsx
from talentdesk.exports.table_xlsx import export_rows_xlsx, export_table_xlsx
from talentdesk.services.search import MemberQuery

Run = Callable[[Database, int, Path], ExportResult]

EXPORTS: dict[str, Run] = {
    "members": lambda db, _e, out: export_members_xlsx(db.sessions, MemberQuery(), out),
    "table": lambda db, _e, out: export_table_xlsx(
        db.sessions, MemberQuery(), out, columns=["paternal_surname", "given_names", "chapter"]
    ),
    "rows": lambda _db, _e, out: export_rows_xlsx(out, "Filas", ["A", "B"], [[1, "x"], [2, "y"]]),
    "reference": lambda db, _e, out: export_reference_xlsx(db.sessions, "chapters", out),
    "stats": lambda db, _e, out: export_stats_xlsx(db.sessions, out),
    "participants": lambda db, e, out: event_xlsx.export_participants_xlsx(db.sessions, e, out),
    "rooming": lambda db, e, out: event_xlsx.export_rooming_xlsx(db.sessions, e, out),
    "arrivals": lambda db, e, out: event_xlsx.export_arrivals_xlsx(db.sessions, e, out),
    "materials": lambda db, e, out: event_xlsx.export_materials_xlsx(db.sessions, e, out),
}


@pytest.fixture()
def system_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A system temp folder of this test's own, so other processes' files cannot count."""
    folder = tmp_path / "systemp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture()
def unraisable(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Exceptions Python could only print ("Exception ignored in: ..."), e.g. from an
    unfinished openpyxl stream collected after a failure."""
    seen: list[str] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: seen.append(f"{u.exc_type.__name__}: {u.object!r}"))
    return seen


def openpyxl_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith("openpyxl.")]


def test_sheets_spill_into_a_private_folder_beside_the_target(
    demo: Database, event_id: int, tmp_path: Path, system_temp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While a workbook is saved, its sheets' rows are on disk: in a work folder of its own
    (0700, files 0600) beside the target, never in the system temp folder (openpyxl's default)."""
    seen: list[tuple[list[str], list[str], int, set[int]]] = []
    real = ExcelWriter.save

    def save(self: ExcelWriter) -> None:
        work = [p for p in tmp_path.iterdir() if p.name.startswith(".")]
        assert len(work) == 1
        spills = sorted(work[0].glob("hoja-*.xml"))
        modes = {stat.S_IMODE(p.stat().st_mode) for p in spills}
        seen.append(([p.name for p in work], os.listdir(system_temp), len(spills), modes))
        assert stat.S_IMODE(work[0].stat().st_mode) == 0o700
        real(self)

    monkeypatch.setattr(ExcelWriter, "save", save)
    EXPORTS["rooming"](demo, event_id, tmp_path / "ok.xlsx")
    (((work,), in_system_temp, spills, modes),) = seen
    assert work.startswith(".talentdesk-") and work.endswith(".partial")
    assert in_system_temp == []
    assert spills >= 2 and modes == {0o600}  # one per hotel sheet, private
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "systemp") == ["ok.xlsx"]


@pytest.mark.parametrize("where", ["before", "midway"])
@pytest.mark.parametrize("name", list(EXPORTS))
def test_a_failed_save_leaves_no_temporary_files_and_no_noise(
    demo: Database,
    event_id: int,
    tmp_path: Path,
    system_temp: Path,
    unraisable: list[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    where: str,
) -> None:
    """The disk fills up while saving: before anything is written, or after the first sheet."""
    full = OSError(errno.ENOSPC, "No space left on device")
    if where == "before":

        def write_data(_self: ExcelWriter) -> None:
            raise full

        monkeypatch.setattr(ExcelWriter, "write_data", write_data)
    else:
        real = ExcelWriter.write_worksheet

        def write_worksheet(self: ExcelWriter, ws: Any) -> None:
            real(self, ws)
            raise full

        monkeypatch.setattr(ExcelWriter, "write_worksheet", write_worksheet)
    out_folder = tmp_path / "out"
    out_folder.mkdir()
    with pytest.raises(TalentDeskError, match="no hay espacio en el disco"):
        EXPORTS[name](demo, event_id, out_folder / "lista.xlsx")
    gc.collect()
    assert openpyxl_files(system_temp) == []
    assert unraisable == []
    assert list(out_folder.iterdir()) == []


def test_the_target_folder_vanishing_before_the_save(
    demo: Database, tmp_path: Path, system_temp: Path, unraisable: list[str]
) -> None:
    """What the reviewer saw: the folder removed while the members were being written."""
    folder = tmp_path / "USB"
    folder.mkdir()

    def progress(_done: int, _total: int) -> None:
        shutil.rmtree(folder, ignore_errors=True)

    with pytest.raises(TalentDeskError, match="no existe el archivo o la carpeta"):
        export_members_xlsx(demo.sessions, MemberQuery(), folder / "miembros.xlsx", progress=progress)
    gc.collect()
    assert openpyxl_files(system_temp) == []
    assert unraisable == []


# -- the OS's reason in Spanish -------------------------------------------------------------------


def test_a_folder_put_where_the_file_goes_is_said_in_spanish(tmp_path: Path) -> None:
    target = tmp_path / "lista.xlsx"
    with pytest.raises(TalentDeskError) as caught, atomic_output(target, suffix=".xlsx") as temp:
        temp.write_bytes(b"new")
        target.mkdir()  # someone made a folder of that name meanwhile
    assert str(caught.value) == f"No se pudo escribir «{target}»: es una carpeta."
    assert [p.name for p in tmp_path.iterdir()] == ["lista.xlsx"] and target.is_dir()


@pytest.mark.parametrize(
    ("code", "english", "spanish"),
    [
        (errno.EACCES, "Permission denied", "permiso denegado"),
        (errno.EPERM, "Operation not permitted", "operación no permitida"),
        (errno.ENOSPC, "No space left on device", "no hay espacio en el disco"),
        (errno.EROFS, "Read-only file system", "el disco es de solo lectura"),
        (errno.EEXIST, "File exists", "ya existe"),
        (errno.ENOENT, "No such file or directory", "no existe el archivo o la carpeta"),
    ],
)
def test_the_common_os_errors_are_said_in_spanish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, english: str, spanish: str
) -> None:
    target = tmp_path / "lista.pdf"
    target.write_bytes(b"yesterday")

    def replace(_src: object, _dst: object) -> None:
        raise OSError(code, english)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(TalentDeskError) as caught, atomic_output(target, suffix=".pdf") as temp:
        temp.write_bytes(b"today")
    assert str(caught.value) == f"No se pudo escribir «{target}»: {spanish}."
    assert english not in str(caught.value)
    assert [p.name for p in tmp_path.iterdir()] == ["lista.pdf"] and target.read_bytes() == b"yesterday"


def test_an_unusual_os_error_is_named_never_in_english() -> None:
    assert os_reason(OSError(errno.ELOOP, "Too many levels of symbolic links")) == (
        "hay demasiados enlaces simbólicos en la ruta"
    )
    assert os_reason(OSError(errno.ECHILD, "No child processes")) == "error del sistema (ECHILD)"
    assert os_reason(OSError("sin número")) == "error del sistema de archivos"
