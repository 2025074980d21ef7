"""Print the test suite's line coverage per package and fail when one is under its floor.

Run by scripts/run-tests after a whole-suite run measured with pytest-cov (data in .coverage).
The floors live in pyproject.toml, [tool.talentdesk.coverage-floors]: each one just under what
the suite reached when it was set, so a change that drops tests or adds untested code shows up.
Raise a floor when the coverage of its package grows; never lower one to let a change through.
"""

from __future__ import annotations

import sys
import tomllib
from collections import defaultdict
from pathlib import Path

from coverage import Coverage

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "talentdesk"


def package_of(path: Path) -> str:
    """`core`, `ui`… for a file under talentdesk/; `talentdesk` for a top-level module."""
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else "talentdesk"


def main() -> int:
    floors: dict[str, int] = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["talentdesk"][
        "coverage-floors"
    ]
    cov = Coverage(data_file=str(ROOT / ".coverage"), config_file=str(ROOT / "pyproject.toml"))
    cov.load()
    statements: dict[str, int] = defaultdict(int)
    missed: dict[str, int] = defaultdict(int)
    for name in cov.get_data().measured_files() | set(map(str, PACKAGE.rglob("*.py"))):
        path = Path(name).resolve()
        if not path.is_relative_to(PACKAGE) or "migrations" in path.parts:
            continue
        _, lines, _, missing, _ = cov.analysis2(str(path))
        statements[package_of(path)] += len(lines)
        missed[package_of(path)] += len(missing)
    failed = []
    print(f"{'package':<12} {'lines':>7} {'missed':>7} {'covered':>8} {'floor':>6}")
    for package in sorted(statements, key=lambda p: (p not in floors, p)):
        percent = 100 * (statements[package] - missed[package]) / max(1, statements[package])
        floor = floors.get(package)
        verdict = "" if floor is None else f"{floor:>5}%"
        if floor is not None and percent < floor:
            failed.append(package)
            verdict += "  UNDER THE FLOOR"
        print(f"{package:<12} {statements[package]:>7} {missed[package]:>7} {percent:>7.1f}% {verdict}")
    unknown = set(floors) - set(statements)
    if unknown:
        print(f"Packages with a floor but no code: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 1
    if failed:
        print(
            f"Coverage fell under the floor for {', '.join(failed)} (pyproject.toml, "
            "[tool.talentdesk.coverage-floors]): add tests for the new or changed code.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
