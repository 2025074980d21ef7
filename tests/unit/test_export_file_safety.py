"""Files with personal data (issue 10, items 5 and 9): every export and error report is readable
by its owner only (0600) whatever the umask, unless the person asks to share it; temporary files
live in a private work folder beside the target, never in the system temp folder, so a killed
export (kill -9) leaves no copy there — and its own work folder is removed by the next export;
a full disk or a name too long ends in a Spanish message, without "Exception ignored" noise."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from lxml.etree import SerialisationError

from talentdesk.core.errors import TalentDeskError
from talentdesk.db.session import Database
from talentdesk.exports import badges as badges_module
from talentdesk.exports.badges import export_badges_pdf
from talentdesk.exports.directory_pdf import export_directory_pdf
from talentdesk.exports.files import ExportResult, atomic_output
from talentdesk.exports.members_xlsx import export_members_xlsx
from talentdesk.exports.packets_pdf import export_packets_pdf
from talentdesk.exports.registry import ExportRequest, run_export
from talentdesk.exports.table_xlsx import export_rows_xlsx
from talentdesk.imports.prepare import prepare_import
from talentdesk.imports.reading import read_source
from talentdesk.ops.import_report import write_error_report
from talentdesk.services.search import MemberQuery
from tests.unit.import_files import write_csv


@pytest.fixture()
def open_umask() -> Iterator[None]:
    """The common default: files readable by every account unless a program says otherwise."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def error_report(db: Database, _event_id: int, out: Path) -> ExportResult:
    source = write_csv(
        out.parent / "alta.csv",
        [["Nombre(s)", "Apellido paterno", "Correo electrónico"], ["Ana", "Pérez", "no"]],
    )
    with db.reader() as session:
        plan = prepare_import(session, read_source(source))
    return write_error_report(plan, out)


Run = Callable[[Database, int, Path], ExportResult]
WRITERS: dict[str, tuple[str, Run]] = {
    "members": ("miembros.xlsx", lambda db, _e, out: export_members_xlsx(db.sessions, MemberQuery(), out)),
    "rows": ("tabla.xlsx", lambda _db, _e, out: export_rows_xlsx(out, "Filas", ["A"], [["x"]])),
    "directory": (
        "directorio.pdf",
        lambda db, _e, out: export_directory_pdf(db.sessions, MemberQuery(), out),
    ),
    "badges": ("gafetes.pdf", lambda db, e, out: export_badges_pdf(db.sessions, e, out)),
    "error report": ("errores.xlsx", error_report),
}


@pytest.mark.usefixtures("open_umask")
@pytest.mark.parametrize("name", list(WRITERS))
def test_exports_are_private_whatever_the_umask(
    demo: Database, event_id: int, tmp_path: Path, name: str
) -> None:
    file_name, run = WRITERS[name]
    out = tmp_path / "salida" / file_name
    out.parent.mkdir()
    run(demo, event_id, out)
    assert mode(out) == 0o600
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]  # no work folder left


@pytest.mark.usefixtures("open_umask")
def test_packets_in_separate_files_are_private(demo: Database, event_id: int, tmp_path: Path) -> None:
    folder = tmp_path / "paquetes"
    export_packets_pdf(demo.sessions, event_id, folder, separate_files=True)
    files = list(folder.iterdir())
    assert files and {mode(p) for p in files} == {0o600}
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


@pytest.mark.usefixtures("open_umask")
def test_the_person_may_choose_to_share_an_export(demo: Database, tmp_path: Path) -> None:
    private, shared = tmp_path / "privado.xlsx", tmp_path / "compartido.xlsx"
    run_export("members", demo.sessions, ExportRequest(query=MemberQuery()), private)
    run_export("members", demo.sessions, ExportRequest(query=MemberQuery(), shared=True), shared)
    assert (mode(private), mode(shared)) == (0o600, 0o644)


KILLED_CHILD = """
import sys, time
from pathlib import Path
from talentdesk.db.session import Database
from talentdesk.exports.members_xlsx import export_members_xlsx
from talentdesk.services.search import MemberQuery

def progress(done, total):
    Path(sys.argv[3]).write_text("writing")  # rows are in the sheet: now kill me
    time.sleep(120)

db = Database.open(sys.argv[1])
export_members_xlsx(db.sessions, MemberQuery(), sys.argv[2], progress=progress)
"""


def test_a_killed_export_leaves_nothing_in_the_system_temp_folder(demo_db_path: Path, tmp_path: Path) -> None:
    system_temp, out, marker = tmp_path / "systemp", tmp_path / "salida", tmp_path / "marca"
    system_temp.mkdir()
    out.mkdir()
    env = {**os.environ, "TMPDIR": str(system_temp), "TEMP": str(system_temp), "TMP": str(system_temp)}
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_CHILD, str(demo_db_path), str(out / "miembros.xlsx"), str(marker)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        for _ in range(1200):  # the child's own pace; the test never asserts a duration
            if marker.exists() or child.poll() is not None:
                break
            time.sleep(0.1)
        assert marker.exists(), child.stderr.read().decode() if child.stderr else ""
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
        if child.stderr:
            child.stderr.close()
    assert list(system_temp.iterdir()) == []  # openpyxl spilled every e-mail there
    left = list(out.iterdir())
    assert len(left) == 1 and left[0].name.startswith(".talentdesk-") and mode(left[0]) == 0o700
    assert any(p.name.startswith("hoja-") for p in left[0].iterdir())  # the rows, private

    database = Database.open(demo_db_path)
    try:  # the next export into that folder removes what the killed one left
        export_members_xlsx(database.sessions, MemberQuery(), out / "miembros.xlsx")
    finally:
        database.close()
    assert [p.name for p in out.iterdir()] == ["miembros.xlsx"]


def test_a_work_folder_in_use_is_not_taken_for_abandoned(tmp_path: Path) -> None:
    with atomic_output(tmp_path / "a.xlsx") as first:
        first.write_bytes(b"uno")
        with atomic_output(tmp_path / "b.xlsx") as second:  # sweeps the folder: must spare `first`
            second.write_bytes(b"dos")
        assert first.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx", "b.xlsx"]


def test_a_name_over_255_bytes_is_said_in_spanish(tmp_path: Path) -> None:
    too_long = tmp_path / ("ñ" * 126 + ".xlsx")  # 257 bytes: 2 per ñ
    with pytest.raises(TalentDeskError) as caught, atomic_output(too_long, suffix=".xlsx"):
        pass
    assert caught.value.message.endswith("el nombre del archivo es demasiado largo (257 bytes; máximo 255).")
    longest = tmp_path / ("n" * 250 + ".xlsx")  # 255 bytes: the temporary names must not be longer
    export_rows_xlsx(longest, "Filas", ["A"], [["x"]])
    assert longest.exists()


def test_lxml_reporting_a_full_disk_is_said_in_spanish(tmp_path: Path) -> None:
    target = tmp_path / "lista.xlsx"
    with pytest.raises(TalentDeskError) as caught, atomic_output(target, suffix=".xlsx"):
        raise SerialisationError("IO_ENOSPC")
    assert caught.value.message == f"No se pudo escribir «{target}»: no hay espacio en el disco."
    assert list(tmp_path.iterdir()) == []


FULL_CHILD = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, resource.RLIM_INFINITY))
from talentdesk.core.errors import TalentDeskError
from talentdesk.db.session import Database
from talentdesk.exports.members_xlsx import export_members_xlsx
from talentdesk.services.search import MemberQuery
db = Database.open(sys.argv[1])
try:
    export_members_xlsx(db.sessions, MemberQuery(), sys.argv[2])
    print("ESCRITO")
except TalentDeskError as exc:
    print(exc.message)
db.close()
"""


def test_a_disk_that_fills_up_mid_export_is_a_clean_spanish_error(demo_db_path: Path, tmp_path: Path) -> None:
    """Files may not grow past 100 kB (RLIMIT_FSIZE: the OS says EFBIG exactly where a full disk
    says ENOSPC): the rows spilled by lxml hit it first."""
    system_temp, out = tmp_path / "systemp", tmp_path / "salida"
    system_temp.mkdir()
    out.mkdir()
    proc = subprocess.run(
        [sys.executable, "-c", FULL_CHILD, str(demo_db_path), str(out / "miembros.xlsx")],
        env={**os.environ, "TMPDIR": str(system_temp)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == (
        f"No se pudo escribir «{out / 'miembros.xlsx'}»: el archivo supera el tamaño máximo permitido."
    )
    assert "Exception ignored" not in proc.stderr and "Traceback" not in proc.stderr
    assert list(out.iterdir()) == [] and list(system_temp.iterdir()) == []


@pytest.mark.parametrize(
    ("content", "reason"),
    [("{no es json", "no es JSON válido (línea 1, columna 2)"), (None, "no se pudo leer: es una carpeta")],
)
def test_a_broken_badge_layout_is_said_in_spanish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str | None, reason: str
) -> None:
    layout = tmp_path / "avery-5392.json"
    if content is None:
        layout.mkdir()
    else:
        layout.write_text(content, encoding="utf-8")
    monkeypatch.setattr(badges_module, "LAYOUTS_DIR", tmp_path)
    with pytest.raises(TalentDeskError) as caught:
        badges_module.load_layout("avery-5392")
    assert caught.value.message == f"La plantilla de gafetes «avery-5392.json» no es válida: {reason}."
