"""Draw the web app's PNG icons from the favicon's idea: a white tick on the brand blue.

Run it again after changing the colours: `.venv/bin/python scripts/make_icons.py`. It writes
icon-192.png, icon-512.png (rounded square, like favicon.svg) and icon-maskable-512.png (full
bleed, the tick inside the 80% safe zone that launchers may crop to) to training/static/img/.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "training" / "static" / "img"
BRAND = "#0b3d5c"  # favicon.svg's fill
TICK = "#ffffff"
# favicon.svg's tick on its 32-unit grid: M9 16.5 l4.5 4.5 L23 11.5, stroke 3.5.
TICK_POINTS = [(9, 16.5), (13.5, 21), (23, 11.5)]
TICK_WIDTH = 3.5
SUPERSAMPLE = 4  # draw large, then shrink: smooth edges without an SVG renderer


def draw_icon(size: int, maskable: bool) -> Image.Image:
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:
        draw.rectangle((0, 0, big, big), fill=BRAND)
        # Shrink the 32-unit drawing into the middle 60%, well inside the safe zone.
        scale, offset = big * 0.6 / 32, big * 0.2
    else:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 6 / 32, fill=BRAND)
        scale, offset = big / 32, 0
    points = [(offset + x * scale, offset + y * scale) for x, y in TICK_POINTS]
    width = round(TICK_WIDTH * scale)
    draw.line(points, fill=TICK, width=width, joint="curve")
    for x, y in (points[0], points[-1]):  # round line caps, as in the SVG
        draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=TICK)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write the PNGs to")
    out = parser.parse_args().out
    icons = {"icon-192.png": (192, False), "icon-512.png": (512, False)}
    icons["icon-maskable-512.png"] = (512, True)
    for name, (size, maskable) in icons.items():
        draw_icon(size, maskable).save(out / name, optimize=True)


if __name__ == "__main__":
    main()
