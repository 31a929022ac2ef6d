"""Logos: a square PNG per publication and one for the site, for feed channel images and JSON-LD.

A site with no logo of its own would otherwise show feed readers and search engines the theme's
48-pixel favicon. Each logo is the publication's wordmark (its title in DejaVu Sans Bold, as on
its social cards) in white on its colour, `LOGO_SIZE` pixels square: RSS 2.0 allows a channel
image at most 144 pixels wide, and Google asks an organisation's logo to be at least 112.

Deterministic: the PNG is a pure function of the wordmark, the colour, the font and Pillow's
version, carries no metadata, and its file name holds a hash of its bytes, so a changed logo
gets a new URL that caches fetch again.
"""

from __future__ import annotations

import hashlib
import io

from PIL import Image, ImageDraw

from .cards import font, wrap

LOGO_SIZE = 144
_PADDING = 14
_SIZES = range(40, 11, -2)  # largest first; the wordmark takes the first size at which it fits


def logo_png(wordmark: str, color: str) -> bytes:
    """The wordmark centred on a `color` ("#rrggbb") square, as PNG bytes."""
    rgb = tuple(int(color[i:i + 2], 16) for i in (1, 3, 5))
    canvas = Image.new("RGB", (LOGO_SIZE, LOGO_SIZE), rgb)
    draw = ImageDraw.Draw(canvas)
    size, lines = _fit(wordmark)
    face = font(size, True)
    step = round(size * 1.15)
    top = (LOGO_SIZE - step * len(lines)) // 2
    for n, line in enumerate(lines):
        draw.text((LOGO_SIZE // 2, top + n * step + step // 2), line, font=face, fill=(255, 255, 255), anchor="mm")
    out = io.BytesIO()
    canvas.save(out, format="PNG", compress_level=9)
    return out.getvalue()


def _fit(wordmark: str) -> tuple[int, list[str]]:
    """The largest font size at which the wrapped wordmark fits inside the padding, no word broken, and its lines."""
    inner = LOGO_SIZE - 2 * _PADDING
    for size in _SIZES:
        face = font(size, True)
        lines = wrap(wordmark, face, inner)
        if round(size * 1.15) * len(lines) <= inner and all(face.getlength(w) <= inner for w in wordmark.split()):
            return size, lines
    return _SIZES[-1], wrap(wordmark, font(_SIZES[-1], True), inner)[:4]


def logo_path(name: str, png: bytes, folder: str = "assets/logos/") -> str:
    """The logo's site-root-relative path, named for its owner and its bytes."""
    return f"{folder}{name}-{hashlib.sha256(png).hexdigest()[:12]}.png"
