"""What the CLI fuzz tests share: a small database worth poking at, hostile argument values
generated from the parser itself (so a new subcommand is fuzzed without touching the tests),
and the oracle every run must satisfy.

The oracle: exit code 0, 1 or 2; no traceback; on failure a message, and no English Python or
operating-system text in it; on failure the database holds exactly what it held before (a dump
of every table) and every file that existed is byte for byte the same.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from hypothesis import strategies as st

from talentdesk.cli import build_parser
from talentdesk.cli.args import integer
from tests.cli._support import Result

# -- the database ---------------------------------------------------------------------------------


def build_fuzz_database(path: Path) -> None:
    """A few members and one past event with everything an export looks at (rooms, a session,
    travel, lodging, materials, someone who attended), small enough that any export is quick."""
    from talentdesk.core.enums import ParticipantRole, ParticipantStatus
    from talentdesk.db.session import Database
    from talentdesk.services import (
        event_agenda,
        event_logistics,
        event_materials,
        event_participants,
        event_workflow,
        members,
    )
    from talentdesk.services import events as ev

    database = Database.open(path)
    try:
        with database.session() as s:
            people = [
                {"given_names": "Ana", "paternal_surname": "López", "email": "ana@example.com",
                 "country": "US", "city": "Houston", "directory_consent": "yes",
                 "print_fields": "email,city", "employer": "Ejemplo S.A."},
                {"given_names": "José", "paternal_surname": "Núñez", "maternal_surname": "Ávila",
                 "country": "CA", "phone": "+1 416 555 0100"},
                {"given_names": "María", "paternal_surname": "de la Garza", "country": "ES"},
                {"given_names": "Beto", "paternal_surname": "Pérez", "email": "beto@example.org"},
            ]  # fmt: skip
            ids = [members.create_member(s, values).id for values in people]
            event = ev.create_event(
                s,
                {"name": "Jornada de prueba", "edition": "2024", "starts_on": date(2024, 3, 1),
                 "ends_on": date(2024, 3, 2), "city": "Ciudad de México", "code_prefix": "JI"},
            )  # fmt: skip
            room = event_agenda.add_room(s, event.id, "Auditorio", 100)
            speaker = event_participants.add_member(s, event.id, ids[0], ParticipantRole.SPEAKER)
            guest = event_participants.add_guest(
                s, event.id, {"given_names": "Invitada", "paternal_surname": "Ruiz"}
            )
            event_participants.add_member(s, event.id, ids[1])
            event_workflow.change_status(s, [speaker.id, guest.id], ParticipantStatus.CONFIRMED)
            event_workflow.change_status(s, [speaker.id], ParticipantStatus.ATTENDED)
            event_agenda.add_session(
                s,
                event.id,
                {"title": "Inauguración", "starts_at": "2024-03-01 10:00", "ends_at": "2024-03-01 11:00",
                 "room_id": room.id, "speaker_ids": [speaker.id]},
            )  # fmt: skip
            event_logistics.set_travel(
                s, guest.id, {"arrival_flight": "AM 001", "arrival_at": "2024-02-29 18:00"}
            )
            event_logistics.set_lodging(s, guest.id, {"hotel": "Hotel Sede", "check_in": "2024-02-29"})
            event_materials.add_material(s, event.id, "Gafetes", 10)
        with database.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        database.close()


def dump(path: Path) -> list[str]:
    """Every table, row by row (SQL text), read without touching the file."""
    if not path.exists():
        return []
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        return list(con.iterdump())


def files_under(root: Path) -> dict[str, str]:
    """Relative path → sha256 (or "dir") of everything under ``root``; SQLite's side files and
    the database itself are left to :func:`dump`."""
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        name = str(path.relative_to(root))
        if path.name.startswith(DB_NAME):
            continue
        if path.is_dir():
            found[name] = "dir"
        elif path.is_file():
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


# -- a playground of paths ------------------------------------------------------------------------

DB_NAME = "fuzz.sqlite"


@dataclass
class Playground:
    """A fresh folder per example: the database, and paths of every awkward kind."""

    root: Path
    db: Path = field(init=False)

    def __post_init__(self) -> None:
        self.db = self.root / DB_NAME
        (self.root / "carpeta.xlsx").mkdir()  # a directory with a file's name
        (self.root / "existente.xlsx").write_bytes(b"contenido previo que no debe perderse")
        (self.root / "existente.pdf").write_bytes(b"%PDF-1.4 previo")
        (self.root / "archivo.txt").write_text("no soy una carpeta", encoding="utf-8")
        (self.root / "vacio.csv").write_bytes(b"")
        (self.root / "basura.xlsx").write_bytes(os.urandom(0) + b"PK\x03\x04 no es un zip de verdad")
        (self.root / "miembros.csv").write_text(
            "Nombre(s),Apellido paterno,Correo electrónico\nLuz,Ortega,luz@example.com\n", encoding="utf-8"
        )
        (self.root / os.fsdecode(b"miembros-\xed.csv")).write_bytes(  # a name that is not UTF-8
            (self.root / "miembros.csv").read_bytes()
        )
        readonly = self.root / "solo-lectura"
        readonly.mkdir()
        readonly.chmod(0o500)  # unwritable for anyone but root; /proc below covers root

    def cleanup(self) -> None:
        (self.root / "solo-lectura").chmod(0o700)
        shutil.rmtree(self.root, ignore_errors=True)

    def outputs(self, suffix: str) -> list[str]:
        r = self.root
        return [
            str(r / f"salida{suffix}"),
            str(r / f"salida{suffix}"),  # the ordinary case, twice as likely
            str(r / "carpeta.xlsx"),
            str(r / "no" / "existe" / f"salida{suffix}"),
            str(r / "solo-lectura" / f"salida{suffix}"),
            str(r / "existente.xlsx"),
            str(r / "existente.pdf"),
            str(r / "archivo.txt" / f"salida{suffix}"),
            str(r / ("ñ" * 200 + suffix)),  # 400 bytes: over NAME_MAX
            str(r / "sin-extension"),
            str(r / "salida.txt"),
            str(r / f"con\x1bcontrol{suffix}"),
            str(r / os.fsdecode(b"salida-\xed" + suffix.encode())),
            "/proc/talentdesk-salida" + suffix,
            "",
            str(r),
        ]

    def inputs(self) -> list[str]:
        r = self.root
        return [
            str(r / "miembros.csv"),
            str(r / "vacio.csv"),
            str(r / os.fsdecode(b"miembros-\xed.csv")),
            str(r / "basura.xlsx"),
            str(r / "existente.xlsx"),
            str(r / "carpeta.xlsx"),
            str(r / "no-existe.csv"),
            str(r / "archivo.txt"),
            str(r / DB_NAME),
            "/dev/null",
            "",
            str(r),
        ]


# -- hostile values ---------------------------------------------------------------------------------

#: Argument text a shell can pass: no NUL (execve cannot carry one); lone surrogates in the
#: U+DC80..U+DCFF range are how Python presents argv bytes that are not UTF-8.
_ANY_CHAR = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
_CONTROL = st.characters(min_codepoint=1, max_codepoint=0x1F) | st.sampled_from(["\x7f", "\x85", "\u2028"])
_UNDECODABLE = st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF)

SYMBOLS = [
    "%%%",
    "***",
    "-",
    "--",
    "%",
    "_",
    "'",
    '"',
    "\\",
    "*",
    "^",
    "(",
    "NEAR(",
    '"a" OR',
    ";",
    "…",
    "😀",
]
NUMBERISH = [
    "1e309", "nan", "inf", "-0", "0x10", "٣", "1_000", " 7 ", "+5", "1.5", "9" * 5000, "",
    str(2**63 - 1), str(2**63), str(-(2**63)), str(-(2**63) - 1), str(2**64), str(10**30),
]  # fmt: skip

HOSTILE_TEXT = st.one_of(
    st.sampled_from(["", " ", *SYMBOLS, *NUMBERISH]),
    st.text(_ANY_CHAR, max_size=30),
    st.text(_CONTROL, min_size=1, max_size=5).map(lambda c: f"Beto{c}x"),
    st.text(_UNDECODABLE, min_size=1, max_size=3).map(lambda b: f"a{b}"),
    st.sampled_from([256, 4096, 100_000]).map(lambda n: "x" * n),
)

#: Values that make the command succeed, so the success paths are fuzzed too.
PLAUSIBLE: dict[str, list[str]] = {
    "query": ["ana", "lopez", "nunez avila", "garza"],
    "chapter": ["Houston", "1", "Silicon Valley"],
    "sector": ["3", "Salud", "Tecnologías de la Información y Comunicación"],
    "country": ["MX", "US", "Canadá", "España"],
    "given_names": ["Luz", "Ana María"],
    "paternal": ["Ortega", "de la Garza"],
    "maternal": ["Ávila"],
    "email": ["luz@example.com", "no-es-correo"],
    "phone": ["+52 55 1234 5678", "55 1234 5678", "123"],
    "joined_on": ["2021-03-15", "15/03/2021", "31/02/2021"],
    "print_fields": ["email,phone", "email", "nada"],
    "columns": ["paternal_surname,email,chapter", "email", "no_existe"],
    "sort": ["paternal_surname", "email", "no_existe"],
    "title": ["Directorio"],
    "participants": ["JI24-0001", "JI24-0001,JI24-0002", "XX"],
    "layout": ["avery-5392", "a6", "no-existe"],
    "badge_layout": ["a6", "avery-5392"],
    "offset_mm": ["0,0", "1.5,-0.8", "1", "a,b"],
    "day": ["2024-03-01", "01/03/2024", "2024-02-30"],
    "code": ["ABCD-EFGH-JKLM", "x"],
    "mapping": ["mi-asignacion"],
    "save_mapping": ["mi-asignacion"],
    "sheet": ["Hoja1", "Sheet"],
}
#: Ids and counts that exist or nearly (event 1, members 1-4) more often than not.
SMALL_INTS = st.one_of(
    st.sampled_from(["1", "1", "2", "0"]), st.integers(min_value=-3, max_value=12).map(str)
)
HUGE_INTS = st.one_of(
    st.integers(min_value=2**31, max_value=2**80), st.integers(min_value=-(2**80), max_value=-(2**31))
).map(str)
ODD_INTS = st.one_of(HUGE_INTS, st.sampled_from(NUMBERISH), HOSTILE_TEXT)


OUTPUT_DESTS = {"output", "errors"}
INPUT_DESTS = {"file"}


@dataclass(frozen=True)
class Command:
    """One leaf subcommand as the parser defines it."""

    words: tuple[str, ...]
    actions: tuple[argparse.Action, ...]

    @property
    def name(self) -> str:
        return " ".join(self.words)


def leaf_commands(
    parser: argparse.ArgumentParser | None = None, words: tuple[str, ...] = ()
) -> list[Command]:
    """Every runnable subcommand, found by walking the parser (new ones are fuzzed for free)."""
    parser = parser or build_parser()
    found: list[Command] = []
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        return [Command(words, tuple(a for a in parser._actions if not isinstance(a, argparse._HelpAction)))]
    for sub in subs:
        for name, child in sub.choices.items():
            found += leaf_commands(child, (*words, name))
    return found


COMMANDS = [c for c in leaf_commands() if c.words]


def _suffix(command: Command, action: argparse.Action) -> str:
    if action.dest == "errors":
        return ".xlsx"
    pdfs = {"directory", "badges", "packets", "certificates", "signin", "agenda"}
    return ".pdf" if command.words[-1] in pdfs else ".xlsx"


def value_for(
    command: Command, action: argparse.Action, ground: Playground
) -> tuple[st.SearchStrategy[str], st.SearchStrategy[str]]:
    """(ordinary values, hostile values) for one argument, by what its type and name say it is."""
    dest = action.dest
    if dest in OUTPUT_DESTS or (command.words == ("db", "backup") and dest == "path"):
        outputs = ground.outputs(_suffix(command, action))
        return st.just(outputs[0]), st.one_of(st.sampled_from(outputs[1:]), HOSTILE_TEXT)
    if dest in INPUT_DESTS or (command.words == ("db", "restore") and dest == "path"):
        inputs = ground.inputs()
        return st.just(inputs[0]), st.one_of(st.sampled_from(inputs[1:]), HOSTILE_TEXT)
    if action.type is integer:
        # Small only when ordinary: a valid `demo --members 900000` would just be slow.
        return SMALL_INTS, ODD_INTS
    if action.type is float:
        return st.sampled_from(["0", "0.5", "2"]), ODD_INTS
    if action.choices:
        return st.sampled_from([str(c) for c in action.choices]), HOSTILE_TEXT
    plausible = PLAUSIBLE.get(dest, ["Texto", "ana"])
    return st.sampled_from(plausible), HOSTILE_TEXT


@st.composite
def argv_for(draw: st.DrawFn, command: Command, ground: Playground) -> list[str]:
    """``COMMAND words…`` then options in any order; required ones usually present. How hostile
    the values are is drawn per example, so ordinary commands that succeed are fuzzed too."""
    hostility = draw(st.sampled_from([0.0, 0.1, 0.3, 0.7]), label="hostility")

    def value(action: argparse.Action) -> str:
        ordinary, hostile = value_for(command, action, ground)
        return draw(hostile if draw(st.floats(0, 1)) < hostility else ordinary)

    args: list[str] = []
    positionals: list[str] = []
    for action in command.actions:
        if not action.option_strings:
            if action.nargs == "?" and not draw(st.booleans()):
                continue
            if action.nargs != "?" and draw(st.floats(0, 1)) < hostility / 10:
                continue  # a missing positional: a usage error
            positionals.append(value(action))
            continue
        if draw(st.floats(0, 1)) >= (1 - hostility / 10 if action.required else 0.35):
            continue
        flag = draw(st.sampled_from(action.option_strings))
        if action.nargs == 0:
            args.append(flag)
            continue
        text = value(action)
        if text.startswith("-") or draw(st.floats(0, 1)) < 0.15:
            args.append(f"{flag}={text}" if flag.startswith("--") else f"{flag}{text}")
        else:
            args += [flag, text]
    if draw(st.floats(0, 1)) < hostility / 5:
        args.append(draw(st.sampled_from(["--", "--zzz", "extra", "-h", "--json"])))
    words = list(command.words)
    if any(p.startswith("-") for p in positionals):
        return [*words, *args, "--", *positionals]
    return [*words, *positionals, *args]


# -- the oracle ---------------------------------------------------------------------------------

#: Text that only Python, argparse or the operating system writes: never to be shown as is.
ENGLISH = re.compile(
    r"Traceback|\b\w+(?:Error|Exception|Warning)\b|Errno|\busage:|No such file|Permission denied|"
    r"Is a directory|Not a directory|File exists|File name too long|Read-only file system|"
    r"No space left|Operation not permitted|Invalid argument|Bad file descriptor|"
    r"database is locked|disk I/O error|unable to open|not a database|embedded null|codec can't|"
    r"\bline \d+, in\b|invalid choice|invalid \w+ value|expected (?:one|at most|at least)|"
    r"the following arguments|unrecognized arguments|ambiguous option|not allowed with|"
    r"ignored explicit|\bis required\b|\bobject has no\b|\bnot supported\b|\bcannot\b|\bmust be\b|"
    r"\bargument\b"
)


def english_in(text: str, echoed: Sequence[str]) -> list[str]:
    """English fragments of ``text``, after removing what the person typed (it may say anything)."""
    for value in sorted((v for v in echoed if len(v) > 2), key=len, reverse=True):
        text = text.replace(value, " ").replace(repr(value), " ")
    return ENGLISH.findall(text)


@dataclass
class Snapshot:
    tables: list[str]
    files: dict[str, str]


def snapshot(ground: Playground) -> Snapshot:
    return Snapshot(dump(ground.db), files_under(ground.root))


def check_outcome(result: Result, argv: Sequence[str], before: Snapshot, ground: Playground) -> None:
    shown = f"argv={list(argv)!r}\nexit={result.code}\nstdout={result.out[-2000:]!r}\nstderr={result.err[-2000:]!r}"
    assert result.code in (0, 1, 2), shown
    assert "Traceback" not in result.err and "Traceback" not in result.out, shown
    if result.code == 0:
        return
    assert (result.err + result.out).strip(), "failed without saying why\n" + shown
    english = english_in(result.err, [*argv, str(ground.root)])
    assert not english, f"English text {english} in the message\n{shown}"
    after = snapshot(ground)
    assert after.tables == before.tables, "the database changed although the command failed\n" + shown
    changed = {name for name, digest in before.files.items() if after.files.get(name) != digest}
    assert not changed, f"existing files changed or vanished: {sorted(changed)}\n{shown}"
    report = _errors_report(argv)
    added = {name for name in set(after.files) - set(before.files) if str(ground.root / name) != report}
    assert not added, f"files left behind by a failed command: {sorted(added)}\n{shown}"


def _errors_report(argv: Sequence[str]) -> str | None:
    """The ``--errors`` report of an import: written on purpose even when the import fails."""
    found = None
    for i, arg in enumerate(argv):  # the last one counts, as for argparse
        if arg == "--errors" and i + 1 < len(argv):
            found = os.path.abspath(argv[i + 1])
        elif arg.startswith("--errors="):
            found = os.path.abspath(arg.removeprefix("--errors="))
    return found


@contextlib.contextmanager
def playground(base: Path, template: Path) -> Iterator[Playground]:
    import tempfile

    ground = Playground(Path(tempfile.mkdtemp(dir=base)))
    shutil.copyfile(template, ground.db)
    cwd = os.getcwd()
    os.chdir(ground.root)  # relative names land in the playground, never in the repository
    try:
        yield ground
    finally:
        os.chdir(cwd)
        ground.cleanup()
