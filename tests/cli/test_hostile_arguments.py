"""Argument values that used to reach a traceback, hang, or answer the wrong question; most were
found by the fuzz tests (test_fuzz_args.py) and minimised here, one test per bug."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli._fuzz import dump, english_in
from tests.cli._support import Result, query, run_subprocess

Cli = Callable[..., Result]

TOO_BIG = str(2**63)  # one past the largest integer a database column holds
FAR_TOO_BIG = "9" * 5000  # past Python's own limit for converting text to int


def assert_usage_error(result: Result, *fragments: str) -> None:
    assert result.code == 2, result.err
    assert result.out == ""
    assert "Traceback" not in result.err
    assert not english_in(result.err, []), result.err
    for fragment in fragments:
        assert fragment in result.err


# -- integers beyond 64 bits: a usage error, not OverflowError ------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("members", "show", TOO_BIG),
        ("members", "search", "--limit", TOO_BIG),
        ("members", "search", "--offset", f"-{TOO_BIG}1"),
        ("events", "show", TOO_BIG),
        ("events", "check", TOO_BIG),
        ("export", "participants", "--event", TOO_BIG, "-o", "x.xlsx"),
        ("export", "signin", "--event", "1", "--session", TOO_BIG, "-o", "x.pdf"),
        ("export", "badges", "--event", "1", "--start-slot", FAR_TOO_BIG, "-o", "x.pdf"),
        ("demo", "--members", "1", "--seed", TOO_BIG),
        ("import", "undo", TOO_BIG),
        ("exports", "log", "--member", TOO_BIG),
        ("exports", "log", "--limit", TOO_BIG),
        ("members", "export-personal", TOO_BIG, "-o", "carpeta"),
        ("members", "anonymize", TOO_BIG, "--yes"),
    ],
    ids=lambda a: "-".join(x for x in a if x.isalpha() or x.startswith("--"))[:40],
)
def test_an_integer_beyond_64_bits_is_a_usage_error(cli: Cli, fuzz_db: Path, args: tuple[str, ...]) -> None:
    before = dump(fuzz_db)
    result = cli("--db", fuzz_db, *args)
    assert_usage_error(result, "fuera del intervalo", "9,223,372,036,854,775,807")
    assert dump(fuzz_db) == before


def test_a_huge_integer_is_echoed_shortened(cli: Cli, fuzz_db: Path) -> None:
    result = cli("--db", fuzz_db, "members", "show", FAR_TOO_BIG)
    assert_usage_error(result, "argumento id:", "fuera del intervalo")
    assert len(result.err) < 600


def test_demo_refuses_an_absurd_member_count_before_any_work(
    cli: Cli, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`demo --members 9223372036854775807` used to start generating (forever, then out of memory)."""

    def must_not_run(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("generate_demo was called")

    monkeypatch.setattr("talentdesk.services.demo.generate_demo", must_not_run)
    result = cli("--db", db_path, "demo", "--members", str(2**63 - 1))
    assert result.code == 1
    assert "--members: como máximo 10,000,000" in result.err
    assert "Traceback" not in result.err


def test_the_demo_service_refuses_an_absurd_count_too(db_path: Path) -> None:
    from talentdesk.core.errors import TalentDeskError
    from talentdesk.db.session import Database
    from talentdesk.services.demo import MAX_MEMBERS, generate_demo

    database = Database.open(db_path)
    try:
        with pytest.raises(TalentDeskError, match="como máximo"), database.session() as session:
            generate_demo(session, MAX_MEMBERS + 1)
    finally:
        database.close()


# -- usage errors in Spanish, all of them -----------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("members", "search", "--c", "MX"), "opción ambigua: --c puede ser --chapter, --country"),
        (("members", "search", "--json=sí"), "se ignoró el valor explícito"),
        (("members", "show"), "uso: talentdesk members show"),
        (("export", "members"), "uso: talentdesk export members"),
    ],
)
def test_every_usage_message_is_spanish(
    cli: Cli, tmp_path: Path, args: tuple[str, ...], expected: str
) -> None:
    result = cli("--db", tmp_path / "x.sqlite", *args)
    assert_usage_error(result, expected)
    assert "usage" not in result.err


def test_help_is_spanish(cli: Cli, tmp_path: Path) -> None:
    result = cli("members", "search", "-h")
    assert result.code == 0
    assert result.out.startswith("uso: talentdesk members search")
    assert "opciones:" in result.out and "argumentos posicionales:" in result.out
    assert "muestra esta ayuda y sale" in result.out
    for english in ("usage", "options:", "positional arguments", "show this help"):
        assert english not in result.out


# -- "--" given as a value ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("export", "participants", "--event", "1", "-o--"),
        ("export", "chapters", "--output=--"),
        ("members", "add", "--given-names=--", "--paternal", "Ruiz"),
        ("members", "add", "--given-names", "Ana", "--paternal", "Ruiz", "--sector=--"),
    ],
)
def test_a_double_dash_as_an_options_value_is_a_usage_error(
    cli: Cli, fuzz_db: Path, args: tuple[str, ...]
) -> None:
    """argparse drops a "--" value and stores an empty list: it used to reach Path() (TypeError)."""
    before = dump(fuzz_db)
    result = cli("--db", fuzz_db, *args)
    assert_usage_error(result, "se esperaba un valor")
    assert dump(fuzz_db) == before


# -- argv bytes that are not UTF-8 -----------------------------------------------------------------

UNDECODABLE = os.fsdecode(b"N\xfa\xf1ez")  # "Núñez" typed in a Latin-1 terminal


def test_text_that_is_not_utf8_is_refused_by_name(cli: Cli, fuzz_db: Path) -> None:
    """Used to reach unidecode (an English RuntimeWarning) or SQLite (UnicodeEncodeError)."""
    before = dump(fuzz_db)
    for args in (
        ("members", "search", "--chapter", UNDECODABLE),
        ("members", "add", "--given-names", "Ana", "--paternal", UNDECODABLE),
        ("members", "search", UNDECODABLE),
    ):
        result = cli("--db", fuzz_db, *args)
        assert_usage_error(result, "no es texto UTF-8", "N\\xfa\\xf1ez")
    assert dump(fuzz_db) == before


def test_a_personal_export_goes_to_a_folder_whose_name_is_not_utf8(
    cli: Cli, fuzz_db: Path, tmp_path: Path
) -> None:
    """Output folders are paths, not text: any bytes the file system takes."""
    folder = tmp_path / os.fsdecode(b"acceso-\xed")
    result = cli("--db", fuzz_db, "members", "export-personal", "1", "-o", folder)
    assert result.code == 0, result.err
    assert len(list(folder.iterdir())) == 2  # the PDF and the JSON


def test_a_file_name_that_is_not_utf8_is_used_and_echoed(cli: Cli, fuzz_db: Path, tmp_path: Path) -> None:
    """File names may be any bytes: kept as they are, and printing them must not crash."""
    target = tmp_path / os.fsdecode(b"cap\xedtulos.xlsx")
    result = cli("--db", fuzz_db, "export", "chapters", "-o", target)
    assert result.code == 0, result.err
    assert os.fsencode(target) in [os.fsencode(p) for p in tmp_path.iterdir()]
    assert "cap\\udced" in result.out or "cap\\xed" in result.out
    # The export log stores the name as text the database can hold, still recognisable.
    assert query(fuzz_db, "SELECT file_name FROM export_log") == [(str(tmp_path / "cap\\xedtulos.xlsx"),)]

    wrong = cli("--db", fuzz_db, "export", "chapters", "-o", tmp_path / os.fsdecode(b"a\xff"))
    assert wrong.code == 1
    assert "debe terminar en .xlsx" in wrong.err
    assert "Traceback" not in wrong.err


def test_undecodable_argv_through_the_real_entry_point(fuzz_db: Path) -> None:
    import subprocess

    env = {k: v for k, v in os.environ.items() if k != "TALENTDESK_DB"}
    proc = subprocess.run(
        [sys.executable, "-m", "talentdesk", "--db", str(fuzz_db), "members", "search", b"N\xfa\xf1ez"],
        capture_output=True,
        env=env,
        check=False,
    )
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2, err
    assert "no es texto UTF-8" in err
    assert "Traceback" not in err and "Warning" not in err


# -- a query of symbols only -----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["%%%", "***", "-", "¿?", "😀"])
def test_a_query_of_symbols_only_asks_for_letters(cli: Cli, fuzz_db: Path, text: str) -> None:
    """It used to match every member: the search had no words left to look for."""
    result = cli("--db", fuzz_db, "members", "search", "--", text)
    assert result.code == 1
    assert "escriba letras o números" in result.err
    assert result.out == ""


def test_an_export_filtered_by_symbols_only_is_refused(cli: Cli, fuzz_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "miembros.xlsx"
    result = cli("--db", fuzz_db, "export", "members", "--query", "***", "-o", target)
    assert result.code == 1
    assert "escriba letras o números" in result.err
    assert not target.exists()


def test_spaces_or_nothing_still_mean_everyone(cli: Cli, fuzz_db: Path) -> None:
    for text in ("", "   "):
        result = cli("--db", fuzz_db, "members", "search", text, "--json")
        assert result.code == 0, result.err
        assert result.json()["total"] == 4


def test_the_module_entry_point_gives_spanish_usage(tmp_path: Path) -> None:
    result = run_subprocess("--db", str(tmp_path / "x.sqlite"), "members", "show", TOO_BIG)
    assert_usage_error(result, "uso: talentdesk members show", "fuera del intervalo")
    assert not (tmp_path / "x.sqlite").exists()
