"""Reading an import file is bounded (issue 10, item 4): a tiny workbook whose one cell sits at
XFD1048576 made calamine ask for 512 GiB and abort the process (SIGABRT, exit 134); a sheet that
unpacks to 1 GB was read into memory; a named pipe or /dev/zero kept the import waiting or
reading forever. Each is refused with a Spanish message. The fatal ones run in a child process
(with a timeout for the hanging ones): an abort or a hang must fail the test, not the run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from talentdesk.imports import reading
from talentdesk.imports.reading import ImportFileError, read_source
from tests.unit.import_files import inflating_xlsx, raw_xlsx, text_cell, write_csv

HEADER = '<row r="1">' + text_cell("A1", "Nombre(s)") + text_cell("B1", "Apellido paterno") + "</row>"
DATA = '<row r="2">' + text_cell("A2", "Ana") + text_cell("B2", "Pérez") + "</row>"

CHILD = """
import re, sys
from pathlib import Path
from talentdesk.imports.reading import ImportFileError, read_source
try:
    table = read_source(sys.argv[1])
    print("LEÍDO", len(table.rows))
except ImportFileError as exc:
    print("RECHAZADO", exc.message)
# This process's peak memory (ru_maxrss would include the parent's, from before exec).
peak = re.search(r"VmHWM:\\s+(\\d+) kB", Path("/proc/self/status").read_text())
print("MEMORIA", int(peak.group(1)) // 1024 if peak else 0)
"""


def read_in_child(path: Path, timeout: float = 120) -> tuple[str, int]:
    """What ``read_source`` says about ``path`` in a fresh process, and its peak memory (MB)."""
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONUTF8": "1"},
        check=False,
    )
    assert proc.returncode == 0, f"exit {proc.returncode}: {proc.stderr[-2000:]}"
    lines = proc.stdout.splitlines()
    return lines[0], int(lines[-1].split()[1])


FAR = {
    "a cell at XFD1048576": HEADER + DATA + '<row r="1048576">' + text_cell("XFD1048576", "x") + "</row>",
    "a far reference in the first row": (
        '<row r="1">' + text_cell("A1", "Nombre(s)") + text_cell("XFD1048576", "x") + "</row>" + DATA
    ),
    "the only cell, far away": '<row r="1048576">' + text_cell("XFD1048576", "x") + "</row>",
    "lower case and spaces": HEADER
    + DATA
    + "<row r='9'><c r = 'xfd1048576' t='inlineStr'><is><t>x</t></is></c></row>",
    "a number far down": HEADER + DATA + '<row r="1048576"><c r="CZ1048576"><v>1</v></c></row>',
    "a far column in a short sheet": HEADER + DATA + '<row r="99999"><c r="XFD99999"><v>1</v></c></row>',
    "a far row of cells without references": HEADER
    + DATA
    + '<row r="1048576">'
    + "<c><v>1</v></c>" * 16
    + "</row>",
    "a wide row of cells without references": HEADER + '<row r="99999">' + "<c><v>1</v></c>" * 200 + "</row>",
}


@pytest.mark.parametrize("case", list(FAR))
def test_a_far_cell_is_refused_not_an_abort(tmp_path: Path, case: str) -> None:
    path = raw_xlsx(tmp_path / "lejos.xlsx", FAR[case])
    assert path.stat().st_size < 5000
    said, _memory = read_in_child(path)
    assert said.startswith("RECHAZADO La hoja «Hoja1» de «lejos.xlsx» tiene datos hasta la columna"), said
    assert "Borre lo que haya en celdas lejanas" in said


def test_the_refusal_names_the_far_corner(tmp_path: Path) -> None:
    path = raw_xlsx(tmp_path / "lejos.xlsx", FAR["a cell at XFD1048576"], dimension="A1:XFD1048576")
    said, _memory = read_in_child(path)  # in a child: if the check ever goes, the abort is its own
    assert "hasta la columna XFD y la fila 1,048,576: leerla ocuparía 17,179,869,184 celdas" in said


OK = {
    "an empty styled cell far away": HEADER + DATA + '<row r="1048576"><c r="XFD1048576" s="0"/></row>',
    "a note in column ZZ of a short sheet": HEADER
    + '<row r="2">'
    + text_cell("A2", "Ana")
    + text_cell("B2", "Pérez")
    + text_cell("ZZ2", "nota")
    + "</row>",
    "text that looks like a reference": HEADER
    + '<row r="2">'
    + text_cell("A2", 'r="XFD1048576"')
    + text_cell("B2", "Pérez")
    + "</row>",
}


@pytest.mark.parametrize("case", list(OK))
def test_what_costs_nothing_is_read(tmp_path: Path, case: str) -> None:
    table = read_source(raw_xlsx(tmp_path / "bien.xlsx", OK[case]))
    assert table.rows[0][:2] in (["Ana", "Pérez"], ['r="XFD1048576"', "Pérez"])


def test_a_sheet_that_unpacks_to_a_gigabyte_is_refused_from_its_header(tmp_path: Path) -> None:
    path = inflating_xlsx(tmp_path / "grande.xlsx", 1024)
    assert path.stat().st_size < 2 * 2**20
    said, memory = read_in_child(path)
    assert said == (
        "RECHAZADO «grande.xlsx» ocupa más de 256 MB al descomprimirlo: es demasiado grande para "
        "importarlo de una vez (o está dañado). Divídalo en varios archivos."
    )
    assert memory < 300  # MB: nothing was unpacked


def test_a_header_that_understates_the_size_is_found_out_while_unpacking(tmp_path: Path) -> None:
    path = inflating_xlsx(tmp_path / "mentira.xlsx", 1024, declared=1000)
    said, memory = read_in_child(path)
    assert said.startswith("RECHAZADO «mentira.xlsx» ocupa más de 256 MB al descomprimirlo")
    assert memory < 300  # MB: counted in 4 MB pieces, never held


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "miembros.csv"
    os.mkfifo(fifo)
    said, _memory = read_in_child(fifo, timeout=60)
    assert said == (
        "RECHAZADO «miembros.csv» no es un archivo común (es una tubería, un dispositivo o un socket): "
        "guarde los datos en un archivo .xlsx o .csv e impórtelo."
    )


def test_a_device_is_refused_not_read_forever(tmp_path: Path) -> None:
    zeros = tmp_path / "ceros.csv"
    zeros.symlink_to("/dev/zero")
    said, memory = read_in_child(zeros, timeout=60)
    assert said.startswith("RECHAZADO «ceros.csv» no es un archivo común")
    assert memory < 300


def test_files_over_the_limits_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = write_csv(tmp_path / "alta.csv", [["Nombre(s)", "Apellido paterno"], *[["Ana", "Pérez"]] * 200])
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 1000)
    with pytest.raises(ImportFileError, match="es demasiado grande para importarlo de una vez"):
        read_source(source)
    monkeypatch.undo()
    sheet = raw_xlsx(tmp_path / "alta.xlsx", HEADER + DATA * 1)
    monkeypatch.setattr(reading, "MAX_UNPACKED", 600)
    with pytest.raises(ImportFileError, match="ocupa más de 0 MB al descomprimirlo"):
        read_source(sheet)


def test_ordinary_files_still_read(tmp_path: Path) -> None:
    rows = "".join(
        f'<row r="{n}">' + text_cell(f"A{n}", f"Ana{n}") + text_cell(f"B{n}", "Pérez") + "</row>"
        for n in range(2, 500)
    )
    table = read_source(raw_xlsx(tmp_path / "alta.xlsx", HEADER + rows))
    assert len(table.rows) == 498 and table.row_numbers[-1] == 499


def test_the_far_reference_scan_matches_exactly_what_the_word_boundary_pattern_matched() -> None:
    """The scan's pattern starts with a literal "r" for speed; it must find the same far
    references as the plain ``\\br…`` definition, wherever an "r" sits in the XML."""
    import re

    tail = reading._FAR_REFERENCE.pattern.partition(rb"\s*=")[2]
    plain = re.compile(rb"\br\s*=" + tail)
    samples = [
        b'<c r="XFD1048576">',
        b"<c r = 'xfd9'>",
        b'<c\nr\n=\n"AAA1">',
        b'r="ZZ1"',  # at the very start
        b'<row r="250000">',
        b'<row r="249999">',
        b'<c r="BL249999">',
        b'<c r="BM1">',
        b'<c r="CA1">',
        b'<c r="B7"><v>1</v></c>',
        b'xr="AAA1"',
        b'_r="AAA1"',
        b'9r="AAA1"',
        b'-r="AAA1"',
        b'<t>Mayor r="XFD1"</t>',
        b'<t>rr="XFD1" r</t>',
        b"r",
        b"",
    ]
    for sample in samples:
        for text in (sample, b" " + sample, b"a" + sample):
            assert bool(reading._FAR_REFERENCE.search(text)) == bool(plain.search(text)), text


def test_an_ordinary_sheet_is_vouched_for_wherever_the_unpacked_chunks_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scan counts ``<c r="`` against ``<c `` to know every cell names its place. Counted
    chunk by chunk, a chunk ending inside ``<c r="`` made the counts differ and sent an
    ordinary 100,000-row sheet to the exact count, a full XML parse (25 s of CPU instead of
    under 1 s); a real file unpacks in 4 MiB chunks, here they are a few bytes."""
    rows = "".join(
        f'<row r="{n}">' + text_cell(f"A{n}", f"Ana{n}") + text_cell(f"B{n}", "Pérez") + "</row>"
        for n in range(2, 40)
    )
    path = raw_xlsx(tmp_path / "bien.xlsx", HEADER + rows)
    exact: list[str] = []
    original = reading._Package._cell_extent

    def counted(self: reading._Package, info: object) -> tuple[int, int]:
        exact.append(str(info))
        return original(self, info)  # type: ignore[arg-type]

    monkeypatch.setattr(reading._Package, "_cell_extent", counted)
    for size in range(5, 48):
        monkeypatch.setattr(reading, "_CHUNK", size)
        table = read_source(path)
        assert len(table.rows) == 38 and table.rows[-1][:2] == ["Ana39", "Pérez"]
        assert exact == [], f"chunks of {size} bytes: parsed again"


@pytest.mark.parametrize("case", ["a far row of cells without references", "a cell at XFD1048576"])
def test_a_far_sheet_is_still_found_out_wherever_the_chunks_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    """Only the scan, never calamine: if the check failed, calamine would abort the process."""
    path = raw_xlsx(tmp_path / "lejos.xlsx", FAR[case])
    for size in range(5, 48):
        monkeypatch.setattr(reading, "_CHUNK", size)
        package = reading._Package(path, path.read_bytes())
        with pytest.raises(ImportFileError, match="tiene datos hasta la columna"):
            package.check_sheet("Hoja1")
