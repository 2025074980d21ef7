"""Hand-made spreadsheet files for the import tests (not a test module)."""

from __future__ import annotations

import csv
import io
import struct
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]], *, title: str = "Hoja1") -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def write_csv(
    path: Path, rows: Sequence[Sequence[Any]], *, encoding: str = "utf-8", delimiter: str = ","
) -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def encrypted_xlsx(path: Path) -> Path:
    """A real OLE2 compound file with the two streams Office writes for a password-protected
    workbook (EncryptionInfo, EncryptedPackage): what Excel saves with "Encrypt with Password"."""
    sector = 512
    end, free, fat_sector = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    info = b"\x04\x00\x04\x00\x40\x00\x00\x00" + b"<encryption/>".ljust(4088, b" ")  # 4096 bytes
    package = struct.pack("<Q", 4088) + bytes(range(256)) * 15 + bytes(248)  # 4096 bytes, "ciphertext"
    assert len(info) == len(package) == 4096
    fat = [fat_sector, end, *range(3, 10), end, *range(11, 18), end]
    fat += [free] * (sector // 4 - len(fat))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB", len(encoded), kind, 1)  # length, type, colour (black)
            + struct.pack("<III", free, right, child)  # left, right sibling, child
            + bytes(16 + 4 + 8 + 8)  # clsid, state, times
            + struct.pack("<IQ", start, size)
        )

    directory = (
        entry("Root Entry", 5, 1, free, end, 0)
        + entry("EncryptionInfo", 2, free, 2, 2, 4096)
        + entry("EncryptedPackage", 2, free, free, 10, 4096)
        + entry("", 0, free, free, 0, 0)
    )
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
        + struct.pack("<I", 0)
        + struct.pack("<I", free) * 108
    )
    assert len(header) == sector
    body = struct.pack(f"<{len(fat)}I", *fat) + directory + info + package
    path.write_bytes(header + body)
    return path
