"""Responsive images: measured once, WebP variants at a few widths, named by content hash.

Every raster image of the content gets its intrinsic size (for width/height
attributes, so nothing jumps while the page loads) and WebP variants at the
widths in `WIDTHS` that are smaller than the original. Each variant is named by a
hash of the source bytes, the width, the encoder settings and Pillow's version, so
the same input gives the same bytes and ``incremental.memos.cached_image`` encodes
an unchanged image only once.
"""

from __future__ import annotations

import hashlib
import io
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import PIL
from PIL import Image, ImageOps

from ..content.problems import ContentError

WIDTHS = (480, 960, 1440)
WEBP_QUALITY = 80
RASTER = re.compile(r"\.(png|jpe?g|webp|gif)$", re.IGNORECASE)
_SETTINGS = f"webp-q{WEBP_QUALITY}-m6-upright-pillow{PIL.__version__}"  # "upright": EXIF orientation applied
ORIENTATION = 0x0112  # the EXIF tag; values 5 to 8 turn the picture a quarter, so width and height swap
_QUARTER_TURNS = {5, 6, 7, 8}


class ImageError(Exception):
    """The file is not an image Pillow can read."""


@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    path: str  # site-root-relative path of the WebP file
    cache_file: Path


@dataclass(frozen=True)
class ResponsiveImage:
    src: str  # the original, site-root-relative
    width: int
    height: int
    variants: tuple[Variant, ...]

    def srcset(self, relative: Callable[[str], str]) -> str:
        """``a-480.webp 480w, a-960.webp 960w, original.jpg 1600w`` with URLs made by `relative`."""
        entries = [f"{relative(v.path)} {v.width}w" for v in self.variants]
        return ", ".join(entries + [f"{relative(self.src)} {self.width}w"])


def is_raster(path: str) -> bool:
    return bool(RASTER.search(path))


def measure(data: bytes) -> tuple[int, int, bool]:
    """(width, height, animated) from the image's header, as the picture stands once its EXIF orientation
    is applied (a portrait phone photo is stored landscape); ImageError when Pillow cannot read it."""
    try:
        with Image.open(io.BytesIO(data)) as probe:
            width, height = probe.size
            if _orientation(probe) in _QUARTER_TURNS:
                width, height = height, width
            return width, height, bool(getattr(probe, "is_animated", False))
    except Image.DecompressionBombError as exc:  # its message names the pixel count and the limit
        raise ImageError(f"is too large to decode: {exc}") from exc
    except (OSError, ValueError, SyntaxError) as exc:  # Pillow's message names a BytesIO object, not the file
        raise ImageError("is not a PNG/JPEG/WebP/GIF image, or truncated") from exc


def _orientation(probe: Image.Image) -> int | None:
    """The EXIF orientation tag. A PNG keeps its EXIF after the pixels, so Pillow decodes them to find it:
    a PNG whose pixels do not decode has none to read (browsers still show what they can)."""
    try:
        return probe.getexif().get(ORIENTATION)
    except OSError:
        return None


def unreadable(files: Iterable[tuple[str, bytes]]) -> list[ContentError]:
    """A content error for each raster image of the content that Pillow cannot read."""
    errors = []
    for path, data in files:
        try:
            measure(data)
        except ImageError as exc:
            errors.append(ContentError(path, None, "", f"this image {exc}", "re-export it as PNG, JPEG, WebP or GIF"))
    return errors


@dataclass(frozen=True)
class VariantPlan:
    width: int
    height: int
    key: str  # of the source bytes, this width, the encoder settings and Pillow's version


def variant_plans(data: bytes) -> tuple[int, int, tuple[VariantPlan, ...]]:
    """The image's size and the variants it needs (none for an animation): what to encode, not whether to."""
    digest = hashlib.sha256(data).hexdigest()
    width, height, animated = measure(data)
    if animated:
        return width, height, ()
    return width, height, tuple(
        VariantPlan(target, max(1, round(height * target / width)),
                    hashlib.sha256(f"{digest}:{target}:{_SETTINGS}".encode()).hexdigest()[:20])
        for target in WIDTHS if target < width)


def intact(path: Path) -> bool:
    """Whether a cached PNG or WebP is whole, so it may be published again (False when absent).

    A cache file cut short by a full disk, or overwritten through a hard link into site/, is drawn again, not
    published. Cheap enough for every file of every build: a PNG's chunk checksums, a WebP's RIFF length.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return False
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return int.from_bytes(data[4:8], "little") + 8 == len(data)
    return data[:8] == b"\x89PNG\r\n\x1a\n" and _png_chunks_whole(memoryview(data))


def _png_chunks_whole(data: memoryview) -> bool:
    """Every chunk's CRC holds and IEND ends the file: what Pillow's ``verify`` checks, without opening an image
    (every live-preview rebuild checks every card, and Pillow's open was most of it)."""
    position = 8
    while position + 12 <= len(data):
        length = int.from_bytes(data[position:position + 4], "big")
        end = position + 12 + length
        if end > len(data) or zlib.crc32(data[position + 4:end - 4]) != int.from_bytes(data[end - 4:end], "big"):
            return False
        if data[position + 4:position + 8] == b"IEND":
            return end == len(data)
        position = end
    return False


def encode_variant(data: bytes, width: int, height: int) -> bytes:
    """The WebP of one variant: upright, resized, nothing but pixels (no EXIF or ICC)."""
    with Image.open(io.BytesIO(data)) as image:
        image = ImageOps.exif_transpose(image)  # upright, as browsers show the original
        image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
        resized = image.resize((width, height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    resized.save(out, "WEBP", quality=WEBP_QUALITY, method=6)
    return out.getvalue()
