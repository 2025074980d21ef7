"""Export previews hold personal data: a private folder in the user's data folder, and what a
killed window left there goes once it is a day old."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from talentdesk.db.paths import STALE_PREVIEW_SECONDS, previews_dir


def test_previews_are_private_and_stale_ones_are_swept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    folder = previews_dir()
    assert folder == tmp_path / "TalentDesk" / "previews"
    assert folder.stat().st_mode & 0o777 == 0o700
    stale, fresh = folder / "vista-old", folder / "vista-new"
    for sub in (stale, fresh):
        sub.mkdir()
        (sub / "gafetes.pdf").write_bytes(b"%PDF-1.4 personal data")
    old = time.time() - STALE_PREVIEW_SECONDS - 60
    os.utime(stale, (old, old))
    folder.chmod(0o755)  # loosened by someone: tightened again
    assert previews_dir() == folder
    assert not stale.exists() and (fresh / "gafetes.pdf").exists()
    assert folder.stat().st_mode & 0o777 == 0o700
