"""Rewrite the ``<img>`` tags of rendered HTML: intrinsic size, WebP ``srcset``, lazy loading.

Only tags whose ``src`` is a known content image are touched, and only by adding
attributes the author did not set. The first image of a page loads eagerly (it
is likely above the fold); the others lazily. A regular expression over ``<img>``
tags, not a parser, so the rest of the page is left byte for byte as it was.
"""

from __future__ import annotations

import html
import posixpath
import re
from typing import Mapping

from .images import ResponsiveImage

IMG = re.compile(r"<img\b([^>]*?)\s*/?>", re.IGNORECASE)
ATTR = re.compile(r"""([a-zA-Z_:][-\w:.]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
SIZES = "(min-width: 76.25em) 37rem, 100vw"  # the width of Material's content column


def rewrite_images(page_html: str, page_url: str, images: Mapping[str, ResponsiveImage], *, eager_first: bool = True) -> str:
    """`page_url` is site-root-relative (``vera2/2025/11/x/``); `images` maps site paths to their variants."""
    count = 0

    def relative(path: str) -> str:
        return posixpath.relpath(path, page_url or ".")

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        attrs = {m.group(1).lower(): m.group(2) for m in ATTR.finditer(match.group(1))}
        src = html.unescape((attrs.get("src") or "").strip("\"'"))
        if not src or re.match(r"^[a-z]+:|^//", src):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(page_url, src.split("#")[0].split("?")[0]))
        image = images.get(target)
        if image is None:
            return match.group(0)
        count += 1
        extra = []
        if "width" not in attrs and "height" not in attrs:
            extra += [f'width="{image.width}"', f'height="{image.height}"']
        if image.variants and "srcset" not in attrs:
            extra += [f'srcset="{html.escape(image.srcset(relative))}"', f'sizes="{SIZES}"']
        if "loading" not in attrs:
            extra.append('loading="eager"' if eager_first and count == 1 else 'loading="lazy"')
        if "decoding" not in attrs:
            extra.append('decoding="async"')
        return f"<img{match.group(1)} {' '.join(extra)}>" if extra else match.group(0)

    return IMG.sub(replace, page_html)

