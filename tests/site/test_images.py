"""Responsive images on a built fixture site: every srcset file exists with the size it claims."""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import urljoin

from lxml import html as lxml_html
from PIL import Image

import pytest
from mkdocs.exceptions import Abort, PluginError

from .builder import article, make_fixture, press_errors


def jpeg(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "navy").save(out, "JPEG")
    return out.getvalue()


def test_hero_inline_and_card_images_are_responsive(tmp_path: Path) -> None:
    fixture = make_fixture(tmp_path, {
        "vera2/posts/2025/pictures.md": article("Pictures", extra="image: img/hero.jpg\nimage_alt: A hero",
                                                body="![A chart](img/chart.jpg)\n\n![Small](img/small.jpg)"),
        "vera2/posts/2025/img/hero.jpg": jpeg(1600, 900),
        "vera2/posts/2025/img/chart.jpg": jpeg(1000, 400),
        "vera2/posts/2025/img/small.jpg": jpeg(200, 100),
    })
    fixture.build()
    page_dir = fixture.site / "vera2/2025/11/pictures"
    doc = lxml_html.fromstring((page_dir / "index.html").read_bytes())
    hero, chart, small = doc.xpath("//figure[@class='press-hero']/img")[0], *doc.xpath("//div[@class='press-article__body']//img")
    assert (hero.get("width"), hero.get("height"), hero.get("fetchpriority")) == ("1600", "900", "high")
    assert (chart.get("width"), chart.get("height"), chart.get("loading")) == ("1000", "400", "eager")
    assert (small.get("width"), small.get("srcset"), small.get("loading")) == ("200", None, "lazy")
    for img in (hero, chart):
        for candidate in img.get("srcset").split(", "):
            url, width = candidate.split()
            target = Path(urljoin(f"file://{page_dir}/", url).removeprefix("file://"))
            with Image.open(target) as file:
                assert file.size[0] == int(width[:-1])
                assert file.size[1] == round(int(img.get("height")) * file.size[0] / int(img.get("width")))
    card = lxml_html.fromstring((fixture.site / "vera2/index.html").read_bytes()).xpath("//img[@class='press-card__image']")[0]
    # The lead story's image is the largest on the listing: fetched first, never lazy.
    assert (card.get("width"), card.get("height"), card.get("loading"), card.get("fetchpriority")) == ("1600", "900", None, "high")
    assert len(re.findall(r"\d+w", card.get("srcset"))) == 4


def test_an_unreadable_image_is_a_content_error(tmp_path: Path, caplog) -> None:
    fixture = make_fixture(tmp_path, {"vera2/posts/2025/a.md": article("A", body="![x](img/broken.png)"),
                                      "vera2/posts/2025/img/broken.png": b"not a png"})
    with pytest.raises((Abort, PluginError)):
        fixture.build()
    [message] = press_errors(caplog)
    assert message.startswith("press: content/vera2/posts/2025/img/broken.png: this image is not a PNG/JPEG/WebP/GIF image, or truncated")
    assert message.endswith("hint: re-export it as PNG, JPEG, WebP or GIF")
