"""Baked badges (Open Badges 3.0 §5.3): a PNG that carries its own signed credential.

The credential travels in one uncompressed iTXt chunk with the keyword `openbadgecredential`.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
KEYWORD = b"openbadgecredential"
SIZE = 512
# Rendered at twice the size and scaled down, which smooths the circle's edges.
SCALE = 2
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype/noto"))
BOLD_FONTS = ("DejaVuSans-Bold.ttf", "NotoSans-Bold.ttf")
REGULAR_FONTS = ("DejaVuSans.ttf", "NotoSans-Regular.ttf")
NAVY, TEAL, GOLD, WHITE = (20, 43, 77), (18, 110, 130), (232, 178, 54), (255, 255, 255)


def _chunks(png: bytes) -> Iterator[tuple[bytes, bytes]]:
    if not png.startswith(PNG_SIGNATURE):
        raise ValueError("Not a PNG file.")
    offset = len(PNG_SIGNATURE)
    while offset < len(png):
        (length,) = struct.unpack(">I", png[offset : offset + 4])
        kind = png[offset + 4 : offset + 8]
        yield kind, png[offset + 8 : offset + 8 + length]
        offset += 12 + length


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def _is_credential_chunk(kind: bytes, data: bytes) -> bool:
    return kind == b"iTXt" and data.split(b"\x00", 1)[0] == KEYWORD


def bake_png(png: bytes, credential_json: str) -> bytes:
    """Return the PNG with the credential in an `openbadgecredential` iTXt chunk.

    Any credential already baked in is replaced: a badge carries exactly one.
    """
    # keyword, NUL, compression flag 0 and method 0, empty language tag and translated keyword.
    itxt = _chunk(b"iTXt", KEYWORD + b"\x00\x00\x00\x00\x00" + credential_json.encode("utf-8"))
    parts = [PNG_SIGNATURE]
    for kind, data in _chunks(png):
        if _is_credential_chunk(kind, data):
            continue
        if kind == b"IEND":
            parts.append(itxt)
        parts.append(_chunk(kind, data))
    return b"".join(parts)


def unbake_png(png: bytes) -> str | None:
    """The credential baked into the PNG, or None when there is none."""
    for kind, data in _chunks(png):
        if not _is_credential_chunk(kind, data):
            continue
        rest = data[len(KEYWORD) + 1 :]
        compressed = rest[0] == 1
        _language, _translated, text = rest[2:].split(b"\x00", 2)
        return (zlib.decompress(text) if compressed else text).decode("utf-8")
    return None


def _font(names: tuple[str, ...], size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for directory in FONT_DIRS:
        for name in names:
            if (directory / name).is_file():
                return ImageFont.truetype(str(directory / name), size)
    return ImageFont.load_default(size=size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _fitted_title(draw: ImageDraw.ImageDraw, title: str, width: int):
    """The largest title size (down to a floor) whose wrapped lines fit in four rows."""
    for size in range(46, 21, -4):
        font = _font(BOLD_FONTS, size * SCALE)
        lines = _wrap(draw, title, font, width)
        if len(lines) <= 4 and all(draw.textlength(line, font=font) <= width for line in lines):
            return font, lines, size * SCALE
    return font, lines[:4], size * SCALE


def _draw_centered(draw: ImageDraw.ImageDraw, lines: list[str], font, top: int, step: int):
    for number, line in enumerate(lines):
        draw.text(
            (SIZE * SCALE // 2, top + number * step), line, font=font, fill=WHITE, anchor="mm"
        )


def render_badge_png(title: str, subtitle: str = "") -> bytes:
    """A 512×512 round badge with the title wrapped in the middle; transparent corners."""
    side = SIZE * SCALE
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, side - 8, side - 8), fill=GOLD)
    draw.ellipse((40, 40, side - 40, side - 40), fill=NAVY)
    draw.ellipse((72, 72, side - 72, side - 72), outline=GOLD, width=6)
    draw.ellipse((100, 100, side - 100, side - 100), fill=TEAL)
    font, lines, size = _fitted_title(draw, title.strip() or "Badge", int(side * 0.58))
    step = int(size * 1.2)
    small = _font(REGULAR_FONTS, 26 * SCALE)
    sub_lines = _wrap(draw, subtitle, small, int(side * 0.5))[:2] if subtitle else []
    block = len(lines) * step + (len(sub_lines) * 34 * SCALE + 24 * SCALE if sub_lines else 0)
    top = (side - block) // 2 + step // 2
    _draw_centered(draw, lines, font, top, step)
    if sub_lines:
        rule_y = top + len(lines) * step - step // 2 + 12 * SCALE
        draw.line((side * 0.38, rule_y, side * 0.62, rule_y), fill=GOLD, width=3 * SCALE)
        _draw_centered(draw, sub_lines, small, rule_y + 30 * SCALE, 34 * SCALE)
    output = io.BytesIO()
    image.resize((SIZE, SIZE), Image.Resampling.LANCZOS).save(output, format="PNG", optimize=True)
    return output.getvalue()
