"""The real entry point, `python -m talentdesk`, in a child process: exit codes and TALENTDESK_DB."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli._support import member_names, run_subprocess


def test_module_entry_point_round_trip_via_talentdesk_db(db_path: Path) -> None:
    added = run_subprocess(
        "members", "add", "--given-names", "José", "--paternal", "Núñez", "--email", "jose@example.com",
        "--country", "MX", "--json",
        env_db=db_path,
    )  # fmt: skip
    assert added.code == 0, added.err
    created = json.loads(added.out)
    assert created["paternal_surname"] == "Núñez"
    assert member_names(db_path) == [("José", "Núñez", None)]

    found = run_subprocess("members", "search", "nunez", "--json", env_db=db_path)
    assert found.code == 0, found.err
    assert json.loads(found.out) == {"total": 1, "items": [created]}

    missing = run_subprocess("members", "show", "4242", env_db=db_path)
    assert missing.code == 1
    assert missing.out == ""
    assert "Error: No existe el miembro con id 4242." in missing.err
    assert "Traceback" not in missing.err


def test_module_entry_point_usage_and_validation_exit_codes(db_path: Path, tmp_path: Path) -> None:
    usage = run_subprocess("--db", str(db_path), "members", "frobnicate")
    assert usage.code == 2
    assert "uso: talentdesk members" in usage.err
    assert "opción no válida" in usage.err

    invalid = run_subprocess(
        "--db", str(db_path), "members", "add", "--given-names", "Ana", "--paternal", "López",
        "--email", "no-es-correo",
    )  # fmt: skip
    assert invalid.code == 1
    assert "Correo electrónico" in invalid.err
    assert member_names(db_path) == []

    # --db wins over TALENTDESK_DB in the real process too
    decoy = tmp_path / "decoy.sqlite"
    ok = run_subprocess(
        "--db", str(db_path), "members", "add", "--given-names", "Ana", "--paternal", "López",
        env_db=decoy,
    )  # fmt: skip
    assert ok.code == 0, ok.err
    assert ok.out.strip() == "Miembro registrado: Ana López (id 1)."
    assert not decoy.exists()
