"""Fault tests use the CLI fixtures too (in-process CLI, never the user's real database)."""

from tests.cli.conftest import _isolated_environment, cli

__all__ = ["_isolated_environment", "cli"]
