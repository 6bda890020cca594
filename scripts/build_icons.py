"""Draw the favicon and app icons in static/icons/ from the logo (the inline SVG in templates/base.html).

The PNG and ICO files are committed; run this again only when the logo changes:
    .venv/bin/python scripts/build_icons.py
Pillow (already a dependency of Wagtail) draws them; static/icons/favicon.svg is the logo itself.
"""

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "static" / "icons"
# The design tokens' brand colour, hsl(214, 100%, 24%), the logo's colour in the header.
BRAND = (0, 53, 122)
WHITE = (255, 255, 255)
# The logo on a 32-unit grid: (x, y, width, height, opacity of the white bar).
BARS = [(7, 8, 18, 4, 1.0), (7, 14, 18, 4, 0.8), (7, 20, 11, 4, 0.6)]
# Draw large and scale down, for smooth edges.
SUPERSAMPLE = 8


def blend(opacity):
    return tuple(round(opacity * white + (1 - opacity) * brand) for white, brand in zip(WHITE, BRAND, strict=True))


def logo(size, rounded=True, padding=0):
    """The logo at ``size`` pixels; ``padding`` (in logo units) of brand colour around it, for app icons."""
    big = size * SUPERSAMPLE
    unit = big / (32 + 2 * padding)
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=6 * unit if rounded else 0, fill=BRAND)
    for x, y, width, height, opacity in BARS:
        box = ((x + padding) * unit, (y + padding) * unit, (x + padding + width) * unit, (y + padding + height) * unit)
        draw.rounded_rectangle(box, radius=unit, fill=blend(opacity))
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main():
    logo(48).save(ICONS / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    # iOS rounds the corners itself; Android may mask the icon, so the app icons keep a margin.
    logo(180, rounded=False, padding=4).convert("RGB").save(ICONS / "apple-touch-icon.png", optimize=True)
    for size in (192, 512):
        logo(size, rounded=False, padding=4).convert("RGB").save(ICONS / f"icon-{size}.png", optimize=True)


if __name__ == "__main__":
    main()
