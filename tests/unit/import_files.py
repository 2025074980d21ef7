"""Hand-made spreadsheet files for the import tests (not a test module)."""

from __future__ import annotations

import csv
import io
import struct
import zipfile
import zlib
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


# -- workbooks written by hand: what no spreadsheet program would write ---------------------------

_PACKAGE = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Hoja1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}
SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def text_cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def raw_xlsx(path: Path, sheet_data: str, *, dimension: str = "A1") -> Path:
    """A one-sheet workbook whose <sheetData> is exactly ``sheet_data``."""
    sheet = f'{SHEET_HEAD}<dimension ref="{dimension}"/><sheetData>{sheet_data}</sheetData></worksheet>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _PACKAGE.items():
            archive.writestr(name, text)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def inflating_xlsx(path: Path, megabytes: int, *, declared: int | None = None) -> Path:
    """A workbook whose sheet unpacks to ``megabytes`` MiB of blanks (a ~1 KB-per-MiB deflate
    stream made by repeating one fully flushed block), its header declaring ``declared`` bytes
    (the truth when None). Written part by part: zipfile would recompress."""
    block_input = b" " * 2**20
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    head = (SHEET_HEAD + "<sheetData>").encode()
    tail = b"</sheetData></worksheet>"
    stream = [deflate.compress(head) + deflate.flush(zlib.Z_FULL_FLUSH)]
    block = deflate.compress(block_input) + deflate.flush(zlib.Z_FULL_FLUSH)
    stream += [block] * megabytes
    stream.append(deflate.compress(tail) + deflate.flush())
    crc = zlib.crc32(head)
    block_crc = crc
    for _ in range(megabytes):
        block_crc = zlib.crc32(block_input, block_crc)
    crc = zlib.crc32(tail, block_crc)
    size = len(head) + megabytes * len(block_input) + len(tail)
    parts: list[tuple[str, bytes, int, int, int]] = []
    for name, text in _PACKAGE.items():
        data = text.encode()
        d = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
        parts.append((name, d.compress(data) + d.flush(), zlib.crc32(data), len(data), len(data)))
    compressed = b"".join(stream)
    parts.append(("xl/worksheets/sheet1.xml", compressed, crc, size, size if declared is None else declared))
    out = bytearray()
    central = bytearray()
    for name, data, part_crc, _real, claimed in parts:
        encoded = name.encode()
        offset = len(out)
        fields = struct.pack("<HHHHHIII", 20, 0, 8, 0, 0x21, part_crc, len(data), claimed)
        out += b"PK\x03\x04" + fields + struct.pack("<HH", len(encoded), 0) + encoded + data
        central += (
            b"PK\x01\x02"
            + struct.pack("<H", 20)
            + fields
            + struct.pack("<HHHHHII", len(encoded), 0, 0, 0, 0, 0, offset)
            + encoded
        )
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(parts), len(parts), len(central), len(out), 0)
    path.write_bytes(bytes(out + central + end))
    return path
