"""Values placed in HTML attributes are escaped: an attribute breaker in content or mkdocs.yml stays inert.

Templates pass URLs through the theme's ``url`` filter, which does not escape; each attribute escapes
after it. The payloads come from where an author or a pull request puts them: an image file name and a
section name in mkdocs.yml. An avatar URL or path with a quote never reaches a template: the
authors registry refuses it (tests/unit/test_authors.py).
"""

from __future__ import annotations

import io
from pathlib import Path

from lxml import html as lxml_html
from PIL import Image

from .builder import article, base_config, make_fixture

BREAKER = '" onerror="alert(1)'
SECTION = 'Courts<img src=x onerror=alert(1)>'
AUTHORS = """\
authors:
  jt-mercer:
    name: J.T. Mercer
    avatar: images/a.png
    links:
      website: https://northriver.example/
  dana-okafor:
    name: Dana Okafor
"""


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 64), (160, 120, 90)).save(out, "PNG")
    return out.getvalue()


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (90, 120, 160)).save(out, "JPEG")
    return out.getvalue()


def test_attribute_breakers_in_content_and_configuration_stay_inert(tmp_path: Path) -> None:
    config = base_config()
    config["plugins"][0]["press/articles"]["publications"]["vera2"]["sections"] = ["Politics", SECTION]
    # The theme's palette toggles and logo, as a pull request could set them in mkdocs.yml.
    config["theme"]["palette"] = [{"media": f"(prefers-color-scheme: light){BREAKER}", "scheme": "default",
                                   "toggle": {"icon": "material/weather-night", "name": f"Dark{BREAKER}"}},
                                  {"media": "(prefers-color-scheme: dark)", "scheme": "slate",
                                   "toggle": {"icon": "material/weather-sunny", "name": "Light"}}]
    config["theme"]["logo"] = f"images/logo{BREAKER}.png"
    image = f'x{BREAKER}.jpg'
    fixture = make_fixture(tmp_path, {
        "vera2/posts/2025/a.md": article("A", section=f'"{SECTION}"', extra=f"image: 'images/{image}'\nimage_alt: A picture"),
        f"vera2/posts/2025/images/{image}": _jpeg(),
    }, config)
    fixture.write("authors.yml", AUTHORS)
    fixture.write("images/a.png", _png())
    fixture.build()
    pages = sorted(fixture.site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        doc = lxml_html.fromstring(page.read_bytes())
        where = page.relative_to(fixture.site)
        assert doc.xpath("//@onerror") == [], where
        assert doc.xpath("//img[@src='x']") == [], where
    article_page = lxml_html.fromstring(fixture.page("vera2/2025/11/a").encode())
    # The payloads arrive as the text they are, inside their attributes.
    assert any(src.endswith(image) for src in article_page.xpath("//figure[@class='press-hero']//img/@src"))
    assert SECTION in article_page.xpath("//nav//a/text()") or SECTION in "".join(article_page.xpath("//nav//text()"))
