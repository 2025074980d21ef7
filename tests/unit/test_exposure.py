"""Who else can read a local database file (issue 16: "the app says so if the folder is shared")."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from talentdesk.db.exposure import exposure, make_private
from talentdesk.db.paths import backups_dir_for


def _mountinfo(tmp_path: Path, *mounts: tuple[str, str]) -> Path:
    lines = [
        f"{n} 1 0:{n} / {point} rw,relatime shared:{n} - {fs} src{n} rw"
        for n, (point, fs) in enumerate(mounts, 20)
    ]
    info = tmp_path / "mountinfo"
    info.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return info


def test_a_private_file_on_a_local_disk_is_not_exposed(tmp_path: Path) -> None:
    db = tmp_path / "talentdesk.sqlite"
    db.write_bytes(b"x")
    db.chmod(0o600)
    info = _mountinfo(tmp_path, ("/", "ext4"))
    assert exposure(db, mountinfo=info) is None


def test_a_file_others_can_read_is_exposed_and_can_be_made_private(tmp_path: Path) -> None:
    db = tmp_path / "talentdesk.sqlite"
    db.write_bytes(b"x")
    db.chmod(0o644)
    wal = tmp_path / "talentdesk.sqlite-wal"
    wal.write_bytes(b"")
    wal.chmod(0o664)
    backups = backups_dir_for(db)
    backups.mkdir(mode=0o755)
    old = backups / "talentdesk-20261201-diaria.sqlite"
    old.write_bytes(b"x")
    old.chmod(0o644)
    found = exposure(db, mountinfo=_mountinfo(tmp_path, ("/", "ext4")))
    assert found is not None and found.readable_by_others and found.fixable and found.network is None
    assert "644" in found.message() and str(db.resolve()) in found.message()
    changed = make_private(db)
    assert set(changed) == {db, wal, old}
    assert all(os.stat(p).st_mode & 0o777 == 0o600 for p in (db, wal, old))
    assert os.stat(backups).st_mode & 0o777 == 0o700
    assert exposure(db, mountinfo=_mountinfo(tmp_path, ("/", "ext4"))) is None


@pytest.mark.parametrize("fs", ["nfs4", "cifs", "fuse.sshfs"])
def test_a_file_in_a_network_folder_is_exposed_even_when_private(tmp_path: Path, fs: str) -> None:
    db = tmp_path / "talentdesk.sqlite"
    db.write_bytes(b"x")
    db.chmod(0o600)
    # the longest mount point holding the file decides, not the first one listed
    info = _mountinfo(tmp_path, ("/", "ext4"), (str(tmp_path), fs), (str(tmp_path) + "-other", "ext4"))
    found = exposure(db, mountinfo=info)
    assert found is not None and found.network == fs and not found.fixable
    assert "carpeta de red" in found.message() and fs in found.message()


def test_without_mount_information_only_the_permissions_count(tmp_path: Path) -> None:
    db = tmp_path / "talentdesk.sqlite"
    db.write_bytes(b"x")
    db.chmod(0o600)
    assert exposure(db, mountinfo=tmp_path / "missing") is None
    db.chmod(0o640)
    found = exposure(db, mountinfo=tmp_path / "missing")
    assert found is not None and found.fixable
