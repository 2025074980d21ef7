"""QR codes drawn fast: ReportLab's own encoder, drawn as one filled path.

ReportLab's ``QrCodeWidget`` turns every horizontal run of dark modules into its own ``Rect``
shape and renders them through ``renderPDF`` (a graphics-state save, colour and fill per run):
about 3–6 ms a code, most of a 1,000-badge sheet's time. Here the module matrix comes from the
same encoder (``reportlab.graphics.barcode.qrencoder``, so the symbol is identical to the
widget's), runs of dark modules are merged into rectangles — horizontal runs, then stacked
downwards while the run below is identical — and all of them become one path filled once,
without stroke. One fill also means no hairline seams between neighbouring rectangles when
the page is rendered with anti-aliasing.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from talentdesk.exports.compat import QrSymbol, fp_str

#: Light modules around the symbol, in modules (ISO/IEC 18004 asks for 4).
QUIET_ZONE = 4
#: Error correction: M restores ~15 % of the symbol (a creased or scratched badge still scans);
#: a participant code such as ``JI27-0001`` still fits the smallest symbol (21 × 21).
DEFAULT_LEVEL = "M"

Matrix = list[list[bool]]
ModuleRect = tuple[int, int, int, int]  # column, row (0 = top), width, height, in modules
PointRect = tuple[float, float, float, float]  # x, y (bottom-left), width, height, in points


def qr_matrix(text: str, level: str = DEFAULT_LEVEL) -> Matrix:
    """The module matrix (row 0 at the top, True = dark) ReportLab's QR widget would draw.

    ReportLab's encoder builds the symbol; only its choice of mask is sped up. ``make()``
    builds the symbol with each of the 8 masks and scores them with pure-Python list code
    (~60 % of the time of a whole badge sheet); :func:`_penalty` computes the very same score
    on strings and integers, so the same mask wins (ties go to the lower mask, as there).
    """
    if not text:
        raise ValueError("a QR code needs some text")
    symbol = QrSymbol(text, level)
    best_mask, best_score = 0, -1
    for mask in range(8):
        score = _penalty(symbol.modules(mask, test=True))
        if best_score < 0 or score < best_score:
            best_mask, best_score = mask, score
    return [[bool(module) for module in row] for row in symbol.modules(best_mask, test=False)]


_FINDER_LIKE = bytes((1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0))
_LONG_RUN = re.compile(b"\x00{5,}|\x01{5,}")
_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


def _penalty(modules: Sequence[Sequence[bool]]) -> int:
    """``qrencoder.QRUtil.getLostPoint`` computed on bytes and integers — including its
    quirks: the finder-like pattern is only looked for along rows, in one direction, and not
    at the last possible position (its column pass compares tuples with a list)."""
    rows = [bytes(row) for row in modules]  # one byte per module: 1 dark, 0 light
    size = len(rows)
    score = 0
    for line in itertools.chain(rows, map(bytes, zip(*rows, strict=True))):
        for run in _LONG_RUN.finditer(line):  # 3 points for 5 alike in a line, +1 for each more
            score += run.end() - run.start() - 2
    bits = [int(row.translate(_DIGITS), 2) for row in rows]
    inner = (1 << (size - 1)) - 1
    for upper, lower in itertools.pairwise(bits):  # 3 points for each 2 x 2 block alike
        same_down = ~(upper ^ lower)
        same_right = ~(upper ^ (upper >> 1))
        score += 3 * (same_down & (same_down >> 1) & same_right & inner).bit_count()
    score += 40 * sum(row[:-1].count(_FINDER_LIKE) for row in rows)
    dark = sum(row.count(1) for row in rows)
    score += 10 * (abs(100 * dark // (size * size) - 50) // 5)
    return score


def dark_rectangles(matrix: Sequence[Sequence[bool]]) -> list[ModuleRect]:
    """Rectangles covering every dark module exactly once (no overlaps, nothing light).

    Each row is cut into runs of dark modules; a run continues the rectangle above it when
    the previous row had a run with the same start and length. A 21 × 21 code has ~220 dark
    modules in ~90 runs, which become ~60 rectangles.
    """
    done: list[ModuleRect] = []
    open_rects: dict[tuple[int, int], tuple[int, int]] = {}  # (col, width) -> (top row, height)
    for row_index, row in enumerate(matrix):
        runs: list[tuple[int, int]] = []
        col = 0
        count = len(row)
        while col < count:
            if row[col]:
                start = col
                while col < count and row[col]:
                    col += 1
                runs.append((start, col - start))
            else:
                col += 1
        still_open: dict[tuple[int, int], tuple[int, int]] = {}
        for run in runs:
            top, height = open_rects.pop(run, (row_index, 0))
            still_open[run] = (top, height + 1)
        done.extend((c, top, w, h) for (c, w), (top, h) in open_rects.items())
        open_rects = still_open
    done.extend((c, top, w, h) for (c, w), (top, h) in open_rects.items())
    done.sort(key=lambda r: (r[1], r[0]))
    return done


def qr_rects(
    matrix: Sequence[Sequence[bool]], x: float, y: float, size: float, *, quiet_zone: int = QUIET_ZONE
) -> list[PointRect]:
    """The dark rectangles in page points for a code whose box (quiet zone included) has its
    bottom-left corner at (x, y) and the given side."""
    modules = len(matrix) + 2 * quiet_zone
    unit = size / modules
    top = y + size
    return [
        (x + (quiet_zone + col) * unit, top - (quiet_zone + row + height) * unit, width * unit, height * unit)
        for col, row, width, height in dark_rectangles(matrix)
    ]


def draw_qr(
    canvas: Canvas,
    text: str,
    x: float,
    y: float,
    size: float,
    *,
    level: str = DEFAULT_LEVEL,
    quiet_zone: int = QUIET_ZONE,
    color: colors.Color = colors.black,
) -> int:
    """Draw the QR code of ``text`` in the square box (x, y, size), quiet zone included: one
    path of rectangles, filled once, no stroke. The quiet zone is left unpainted (the badge is
    white there); keep other drawings out of the box. Returns the box's side in modules (quiet
    zone included), so callers can tell how wide the quiet zone came out.

    The path is written in module units under one scaling transform, so its rectangles are
    small integers: ReportLab's per-number float formatting (pure Python without the optional
    ``rl_accel``) would otherwise cost more than the drawing itself.
    """
    if size <= 0:
        raise ValueError("the QR box needs a positive size")
    matrix = qr_matrix(text, level)
    modules = len(matrix) + 2 * quiet_zone
    unit = size / modules
    ops = [
        "q",
        f"{fp_str(color.red, color.green, color.blue)} rg",
        f"{fp_str(unit)} 0 0 {fp_str(unit)} {fp_str(x, y)} cm",
    ]
    for col, row, width, height in dark_rectangles(matrix):
        ops.append(f"{quiet_zone + col} {modules - quiet_zone - row - height} {width} {height} re")
    ops.append("f")
    ops.append("Q")
    canvas.addLiteral("\n".join(ops))
    return modules
