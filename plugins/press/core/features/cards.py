"""Social cards: the 1200x630 PNG a link preview shows, drawn with Pillow from plain data.

A card is a `CardSpec` (a label such as the publication, the title, one or two
footer lines such as the byline and date, a colour, an optional background
image). `layout_card` places every line of text: a pure function of the spec
and the fonts, so tests assert on it; the title's font shrinks until the whole
title fits. `render_png` draws a layout. `card_key` hashes everything that goes
into the PNG (text, colour, background bytes, the fonts, this module's source,
Pillow's version): it names the card in the cache and in the site, so a card is
drawn once and a changed card gets a new URL that link-preview caches refetch.

Output is deterministic: the canvas carries no metadata (no timestamps, no
profile copied from the background), and text goes through Pillow's basic
layout engine, which does not depend on the system's HarfBuzz or FriBiDi.

Fonts: DejaVu Sans and DejaVu Sans Bold, shipped in ``press/fonts`` (licence in
``press/fonts/LICENSE``): broad Unicode coverage and a bold weight, which
Pillow's built-in default font lacks.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import re
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

import deflate
import PIL
from PIL import Image, ImageChops, ImageDraw, ImageFont, ImageOps

from .listings import ListingPage
from ..content.model import Article, Author, Publication
from .dates import date_view

WIDTH, HEIGHT = 1200, 630
MARGIN_X, MARGIN_Y = 72, 60
LABEL_SIZE = 30
FOOTER_SIZE = 30
FOOTER_LINES = 2
TITLE_TOP = 140
TITLE_BOTTOM = 458
TITLE_SIZES = range(72, 27, -2)  # largest first; the title takes the first size at which it fits
LINE_SPACING = 1.2
ELLIPSIS = "\u2026"
CARD_KINDS = frozenset({"home", "publication", "section", "tag", "author"})  # listing kinds that get their own card

FONTS = Path(__file__).resolve().parents[2] / "fonts"
REGULAR = FONTS / "DejaVuSans.ttf"
BOLD = FONTS / "DejaVuSans-Bold.ttf"
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


class CardError(ValueError):
    """A card cannot be drawn as specified (an unreadable background image)."""


@dataclass(frozen=True)
class CardSpec:
    """What one card shows."""

    label: str  # the top line: publication and section, or the site
    title: str
    footer: tuple[str, ...] = ()  # paragraphs at the bottom (byline, date, description), at most two lines in all
    color: str = "#263238"  # "#rrggbb", the background (or the tint over the background image)
    background: bytes | None = field(default=None, repr=False)  # image file bytes (the article's hero image)

    @property
    def alt(self) -> str:
        """A text alternative for the card image: what it says."""
        return f"{self.label}: {self.title}" if self.label else self.title


@dataclass(frozen=True)
class TextLine:
    text: str
    x: int
    y: int  # top of the line box (the font's ascender line)
    size: int
    bold: bool
    width: int  # advance width in pixels
    height: int  # ascent + descent in pixels

    @property
    def box(self) -> tuple[int, int, int, int]:
        return (self.x, self.y, self.x + self.width, self.y + self.height)


@dataclass(frozen=True)
class Layout:
    title_size: int
    label: tuple[TextLine, ...]
    title: tuple[TextLine, ...]
    footer: tuple[TextLine, ...]
    truncated: bool = False  # the title did not fit at the smallest size and ends in an ellipsis

    @property
    def lines(self) -> tuple[TextLine, ...]:
        return self.label + self.title + self.footer


def is_color(value: str) -> bool:
    return bool(_COLOR.match(value))


# --- what goes on a card -----------------------------------------------------------------------

def article_spec(article: Article, publication: Publication, authors: Mapping[str, Author], color: str,
                 background: bytes | None = None) -> CardSpec:
    """Publication and section, title, byline, date; the hero image behind them when there is one."""
    names = [authors[a].name if a in authors else a for a in article.authors]
    byline = "By " + (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]) if names else ""
    label = publication.title + (f" / {article.section}" if article.section else "")
    return CardSpec(label, article.title, tuple(p for p in (byline, date_view(article.date)["display"]) if p), color, background)


def listing_spec(page: ListingPage, publications: Mapping[str, Publication], site_name: str, site_description: str,
                 site_label: str, color: str) -> CardSpec:
    """The card of a listing page: the home page shows the site, the others their title and description."""
    if page.kind == "home":
        return CardSpec(site_label, site_name, (site_description,) if site_description else (), color)
    pub = publications.get(page.publication or "")
    label = pub.title if pub and page.kind == "section" else site_name
    return CardSpec(label, page.title, (page.description,) if page.description else (), color)


# --- layout --------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=64)
def font(size: int, bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(BOLD if bold else REGULAR), size, layout_engine=ImageFont.Layout.BASIC)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int, max_lines: int | None = None) -> list[str]:
    """Greedy word wrap; a word wider than a line is broken between characters.

    With `max_lines`, it stops after ``max_lines + 1`` lines: enough to know the text does not fit, and the
    first lines are the same as without it.

    A long word is cut line by line from its start (`_longest_prefix`), never measured whole, so the cost grows
    with the length of the lines kept, not with the square of the text's (a 10,000-character word took 50 s a card).
    """
    lines: list[str] = []
    current, current_length = "", 0.0
    space = _length(face, " ")
    for word in text.split():
        if max_lines is not None and len(lines) > max_lines:
            return lines
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= width:  # more characters than pixels never fit
            # A line's length is its words' and spaces' lengths (the basic layout kerns no pair with a space):
            # measured once per word, not once per candidate line. Only a sum within a pixel of the edge is
            # measured whole, so rounding never decides a break.
            length = current_length + space + _length(face, word) if current else _length(face, word)
            if length <= width - 1 or (length <= width + 1 and face.getlength(candidate) <= width):
                current, current_length = candidate, length
                continue
        if current:
            lines.append(current)
        cut = _longest_prefix(word, face, width)
        while cut < len(word) and (max_lines is None or len(lines) <= max_lines):
            lines.append(word[:cut])
            word = word[cut:]
            cut = _longest_prefix(word, face, width)
        current, current_length = word, _length(face, word)
    if current:
        lines.append(current)
    return lines if max_lines is None else lines[:max_lines + 1]


@functools.lru_cache(maxsize=4096)
def _length(face: ImageFont.FreeTypeFont, text: str) -> float:
    return face.getlength(text)


def ellipsize(text: str, face: ImageFont.FreeTypeFont, width: int) -> str:
    """The text, cut and ended with an ellipsis if it is wider than `width`."""
    if face.getlength(text) <= width:
        return text
    cut = _longest_prefix(text, face, width, suffix=ELLIPSIS)
    return text[:cut].rstrip() + ELLIPSIS


def _longest_prefix(text: str, face: ImageFont.FreeTypeFont, width: int, suffix: str = "") -> int:
    """The length of the longest prefix of `text` (at least one character) that fits with `suffix`.

    Galloping, then bisecting: about log(n) measurements of at most twice the prefix found, wherever it ends.
    """
    def fits(n: int) -> bool:
        return face.getlength(text[:n] + suffix) <= width

    low, high = 1, 2
    while high <= len(text) and fits(high):
        low, high = high, high * 2
    high = min(high, len(text) + 1)  # fits(high) is false, or high is past the end
    while high - low > 1:
        mid = (low + high) // 2
        if fits(mid):
            low = mid
        else:
            high = mid
    return low


def layout_card(spec: CardSpec) -> Layout:
    """Where every line of text goes; every box lies inside the margins."""
    width = WIDTH - 2 * MARGIN_X
    label_face = font(LABEL_SIZE, True)
    label = (_line(ellipsize(spec.label, label_face, width), MARGIN_Y, LABEL_SIZE, True),) if spec.label else ()
    footer_face = font(FOOTER_SIZE, False)
    footer_texts = [line for paragraph in spec.footer for line in wrap(paragraph, footer_face, width, FOOTER_LINES)]
    if len(footer_texts) > FOOTER_LINES:
        footer_texts = footer_texts[:FOOTER_LINES - 1] + [ellipsize(footer_texts[FOOTER_LINES - 1] + ELLIPSIS, footer_face, width)]
    step = _step(FOOTER_SIZE)
    top = HEIGHT - MARGIN_Y - step * (len(footer_texts) - 1) - _height(FOOTER_SIZE)
    footer = tuple(_line(text, top + i * step, FOOTER_SIZE, False) for i, text in enumerate(footer_texts))
    size, lines, truncated = _fit_title(spec.title, width, TITLE_BOTTOM - TITLE_TOP)
    title = tuple(_line(text, TITLE_TOP + i * _step(size), size, True) for i, text in enumerate(lines))
    return Layout(size, label, title, footer, truncated)


def _fit_title(title: str, width: int, height: int) -> tuple[int, list[str], bool]:
    """The largest size at which the wrapped title fits the box; at the smallest, the lines that fit and an ellipsis."""
    for size in TITLE_SIZES:
        lines = wrap(title, font(size, True), width, _lines_within(height, size))
        if _block_height(len(lines), size) <= height:
            return size, lines, False
    size = TITLE_SIZES[-1]
    face = font(size, True)
    keep = max(1, _lines_within(height, size))
    lines = wrap(title, face, width, keep)
    return size, lines[:keep - 1] + [ellipsize(lines[keep - 1] + ELLIPSIS, face, width)], True


def _lines_within(height: int, size: int) -> int:
    """How many lines of this size a box of `height` holds (the inverse of `_block_height`)."""
    return max(0, (height - _height(size)) // _step(size) + 1)


def _line(text: str, y: int, size: int, bold: bool) -> TextLine:
    return TextLine(text, MARGIN_X, y, size, bold, int(round(font(size, bold).getlength(text))), _height(size))


def _height(size: int) -> int:
    ascent, descent = font(size, True).getmetrics()
    return ascent + descent


def _step(size: int) -> int:
    return max(_height(size), round(size * LINE_SPACING))


def _block_height(lines: int, size: int) -> int:
    return _step(size) * (lines - 1) + _height(size) if lines else 0


# --- drawing -------------------------------------------------------------------------------------

BLEND_STEPS = 10  # anti-aliasing steps between an ink and a flat background: finer steps are not visible
# libdeflate's level: on a card, 6 % smaller than zlib's 6 in a third of its time; 7 to 9 take 4 to 10 % more off
# a card at 1.1 to 1.9 times its time.
DEFLATE_LEVEL = 6
BAR = (0, HEIGHT - 14, WIDTH, HEIGHT)  # the strip along the bottom edge
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def render_png(spec: CardSpec, layout: Layout | None = None) -> bytes:
    """The card as PNG bytes. Raises CardError when the background image cannot be read."""
    layout = layout or layout_card(spec)
    color = _rgb(spec.color)
    if spec.background is None:
        return _flat_card(layout, color)
    canvas = Image.new("RGB", (WIDTH, HEIGHT), color)  # a fresh image: no metadata from the background
    canvas.paste(_background(spec.background, color))
    ink, soft, bar = _inks(color, light=False)  # white over the darkened photo, whatever the tint
    draw = ImageDraw.Draw(canvas)
    draw.rectangle(BAR, fill=bar)
    for line in layout.lines:
        draw.text((line.x, line.y), line.text, font=font(line.size, line.bold), fill=ink if line in layout.title else soft, anchor="la")
    # Over a photo darkened under the tint, 256 colours with error diffusion are indistinguishable at a
    # link preview's size and a quarter of the RGB PNG's bytes (about 30 KB instead of 120 KB).
    photo = canvas.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.FLOYDSTEINBERG)
    palette = photo.getpalette()
    assert palette, "a quantized image has a palette"
    return indexed_png(photo, palette)


def _inks(color: tuple[int, int, int], light: bool) -> tuple[tuple[int, int, int], ...]:
    """The title's ink, the softer one of the other lines and the bar's colour, on `color`."""
    ink = (20, 20, 20) if light else (255, 255, 255)
    return ink, _mix(ink, color, 0.78), _mix((255, 255, 255), color, 0.35)


def _flat_card(layout: Layout, color: tuple[int, int, int]) -> bytes:
    """Text on a flat colour, drawn straight as palette indices: its inks blended into the colour in steps.

    The title is drawn on a black greyscale image with `BLEND_STEPS` as its ink, so a pixel's value is its
    anti-aliasing step (Pillow blends glyph coverage as it does in RGB): the index of that step of the title's
    ink. Each other line is drawn the same way on an image the size of its ink's bounding box, shifted past the
    title's steps and added into its place (no line overlaps another; the box keeps the other 95 % of the card
    out of the shift and the addition, 1.4 ms of a card), and the bar drawn with its own index. Every colour is
    exact (quantizing an RGB canvas to these blends, as cards were drawn before, moved some full-strength pixels
    a shade off), and the PNG is under half the RGB one.
    """
    ink, soft, bar = _inks(color, light=_luminance(color) > 0.5)
    palette = [color] + [_mix(i, color, step / BLEND_STEPS) for i in (ink, soft) for step in range(1, BLEND_STEPS + 1)] + [bar]
    indices = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(indices)
    for line in layout.title:
        draw.text((line.x, line.y), line.text, font=font(line.size, line.bold), fill=BLEND_STEPS, anchor="la")
    shifted = [0] + [min(255, v + BLEND_STEPS) for v in range(1, 256)]
    for line in layout.label + layout.footer:
        face = font(line.size, line.bold)
        left, top, right, bottom = face.getbbox(line.text, anchor="la")
        box = (max(0, line.x + left), max(0, line.y + top), min(WIDTH, line.x + right), min(HEIGHT, line.y + bottom))
        if box[0] >= box[2] or box[1] >= box[3]:
            continue  # no ink on the card (a blank line)
        ink_only = Image.new("L", (box[2] - box[0], box[3] - box[1]), 0)
        ImageDraw.Draw(ink_only).text((line.x - box[0], line.y - box[1]), line.text, font=face, fill=BLEND_STEPS, anchor="la")
        indices.paste(ImageChops.add(indices.crop(box), ink_only.point(shifted)), box)
    draw.rectangle(BAR, fill=len(palette) - 1)
    return indexed_png(indices, [value for rgb in palette for value in rgb])


def indexed_png(indices: Image.Image, palette: list[int]) -> bytes:
    """A PNG of an image of palette indices ("P", or "L" holding indices): libdeflate, no filter, no metadata.

    Pillow compresses with zlib; libdeflate (the ``deflate`` package) makes a smaller stream in a third of the
    time. The chunks are the four a palette image needs, as the PNG specification lays them out; each row starts
    with its filter type, 0 (none: a palette's indices are not magnitudes), the column the indices are pasted beside.
    """
    width, height = indices.size
    rows = Image.new(indices.mode, (width + 1, height), 0)
    rows.paste(indices, (1, 0))  # same mode: the indices are copied as they are
    header = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)  # 8-bit indices, colour type 3 (palette)
    idat = deflate.zlib_compress(rows.tobytes(), DEFLATE_LEVEL)
    return PNG_SIGNATURE + b"".join(_chunk(kind, data) for kind, data in (
        (b"IHDR", header), (b"PLTE", bytes(palette)), (b"IDAT", idat), (b"IEND", b"")))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _background(data: bytes, color: tuple[int, int, int]) -> Image.Image:
    """The image cropped to fill the card and darkened under a tint of the card's colour, for legible text."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.draft("RGB", (WIDTH, HEIGHT))  # JPEG: decode at a reduced scale when the image is large
            image = ImageOps.exif_transpose(image).convert("RGB")
    except Image.UnidentifiedImageError as exc:
        raise CardError("is not an image file Pillow can read") from exc
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise CardError(f"cannot be read: {exc}") from exc
    image = ImageOps.fit(image, (WIDTH, HEIGHT), method=Image.Resampling.LANCZOS)
    shade = Image.new("RGB", (WIDTH, HEIGHT), _mix((0, 0, 0), color, 0.55))
    return Image.blend(image, shade, 0.68)


def _rgb(color: str) -> tuple[int, int, int]:
    if not is_color(color):
        raise ValueError(f"expected a colour like #1f3a7a, got {color!r}")
    return (int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16))


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], share_of_a: float) -> tuple[int, int, int]:
    return tuple(round(x * share_of_a + y * (1 - share_of_a)) for x, y in zip(a, b))  # type: ignore[return-value]


def _luminance(color: tuple[int, int, int]) -> float:
    r, g, b = (c / 255 for c in color)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


# --- identity and cache --------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _code_digest() -> bytes:
    """The fonts, this module's source, Pillow's and libdeflate's versions: a change to any of them redraws every card."""
    digest = hashlib.sha256(f"{PIL.__version__} {deflate.__version__}".encode())
    for path in (REGULAR, BOLD, Path(__file__)):
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.digest()


def card_key(spec: CardSpec) -> str:
    """A hex digest of everything that goes into the card's PNG."""
    digest = hashlib.sha256(_code_digest())
    digest.update(json.dumps([spec.label, spec.title, list(spec.footer), spec.color.lower()], ensure_ascii=False).encode())
    digest.update(hashlib.sha256(spec.background).digest() if spec.background is not None else b"no background")
    return digest.hexdigest()


