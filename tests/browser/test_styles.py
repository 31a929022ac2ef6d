"""The trimmed stylesheet (press/styles) styles every page exactly as Material's whole stylesheets do.

Each page is loaded twice in Chromium: as built, and with the trimmed stylesheet's URL answered by Material's
``main`` and ``palette`` stylesheets concatenated (the order Material links them). The computed style of every
element, with its ``::before`` and ``::after``, must be the same both times: on the real site's pages at a
desktop and a phone width, light and dark, with the phone's drawer open, on the search page with the results
its script builds, and on a fixture article with the Markdown furniture the sample content lacks (admonition,
footnotes, table, code block). Custom properties are left out: the trimmed sheet drops those nothing reads.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterator

import material
import pytest

from ..site.builder import article, make_fixture
from ..site.test_styles import FURNITURE, config
from .conftest import serve_folder

STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
MATERIAL_CSS = "".join(p.read_text(encoding="utf-8") for p in sorted(STYLESHEETS.glob("*.min.css")))  # main, palette
TRIMMED = re.compile(r".*/assets/stylesheets/material\.press\.min\.css$")
FIXTURE_ARTICLE = "vera2/2025/11/ruling/"

# Runs in the page: one string per element and pseudo-element, its computed style without custom properties.
STYLES = """() => {
  const rows = [];
  document.querySelectorAll("*").forEach((el, n) => {
    for (const pseudo of [null, "::before", "::after"]) {
      const s = getComputedStyle(el, pseudo);
      if (pseudo && (s.content === "none" || s.content === "normal")) continue;
      const values = [];
      for (let i = 0; i < s.length; i++) if (!s[i].startsWith("--")) values.push(`${s[i]}: ${s.getPropertyValue(s[i])}`);
      const name = `${n} <${el.tagName.toLowerCase()} class="${el.getAttribute("class") || ""}">${pseudo || ""}`;
      rows.push([name, values.join("; ")]);
    }
  });
  return rows;
}"""
STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"


@pytest.fixture(scope="module")
def furniture_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fixture site with a light and a dark palette whose one article has an admonition, a footnote, a table and code."""
    root = tmp_path_factory.mktemp("furniture")
    fixture = make_fixture(root, {"vera2/posts/2025/ruling.md": article("Ruling", date="2025-11-20", body=FURNITURE)}, config())
    fixture.build()
    yield from serve_folder(fixture.site)


def computed(browser, url: str, width: int, scheme: str, *, whole: bool, drawer: bool, ready: str) -> list[list[str]]:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    if whole:
        page.route(TRIMMED, lambda route: route.fulfill(body=MATERIAL_CSS, content_type="text/css"))
    page.goto(url, wait_until="networkidle")
    page.wait_for_function(ready)
    page.add_style_tag(content=STILL)
    if drawer:  # what a tap on the menu button does, without a pointer left hovering over the page
        page.evaluate("document.getElementById('__drawer').checked = true")
    rows = page.evaluate(STYLES)
    context.close()
    return rows


CASES = [
    ("", 1280, "light", False), ("", 390, "dark", True), ("vera2/", 1280, "dark", False), ("vera2/", 390, "light", True),
    ("vera2/2025/09/eu-migration-pact-countdown/", 1280, "light", False),
    ("vera2/2025/09/eu-migration-pact-countdown/", 390, "dark", False),
    ("search/?q=courts", 1280, "dark", False), ("search/?q=courts", 390, "light", False), ("404.html", 1280, "light", False),
]


@pytest.mark.parametrize("url,width,scheme,drawer", [pytest.param(*case, id=f"{case[0] or 'home'}-{case[1]}-{case[2]}"
                                                     + ("-drawer" if case[3] else "")) for case in CASES]
                         + [pytest.param(FIXTURE_ARTICLE, 1280, scheme, False, id=f"furniture-1280-{scheme}")
                            for scheme in ("light", "dark")]
                         + [pytest.param(FIXTURE_ARTICLE, 390, "dark", True, id="furniture-390-dark-drawer")])
def test_the_trimmed_stylesheet_styles_the_page_as_materials_whole_one(browser, base_url: str, furniture_url: str,
                                                                       url: str, width: int, scheme: str, drawer: bool) -> None:
    full_url = (furniture_url if url == FIXTURE_ARTICLE else base_url) + url
    # The search page is compared once its script has built the filters and the results.
    ready = "document.querySelector('.press-search__result')" if url.startswith("search/") else "true"
    trimmed = computed(browser, full_url, width, scheme, whole=False, drawer=drawer, ready=ready)
    whole = computed(browser, full_url, width, scheme, whole=True, drawer=drawer, ready=ready)
    assert [name for name, _ in trimmed] == [name for name, _ in whole]
    differences = [_difference(name, a, b) for (name, a), (_, b) in zip(trimmed, whole) if a != b]
    assert differences == [], f"{len(differences)} elements styled otherwise, first: {differences[:5]}"


def _difference(name: str, trimmed: str, whole: str) -> dict[str, Any]:
    a, b = (dict(part.split(": ", 1) for part in side.split("; ")) for side in (trimmed, whole))
    return {"element": name, "trimmed": {k: a.get(k) for k in a.keys() | b.keys() if a.get(k) != b.get(k)},
            "whole": {k: b.get(k) for k in a.keys() | b.keys() if a.get(k) != b.get(k)}}


def test_the_page_downloads_a_fraction_of_materials_stylesheets(page, base_url: str) -> None:
    sizes: dict[str, int] = {}
    page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())) if r.url.endswith(".css") else None)
    page.goto(base_url + "vera2/", wait_until="networkidle")
    material_sheets = {url: size for url, size in sizes.items() if "/assets/stylesheets/" in url}
    assert len(material_sheets) == 1 and TRIMMED.match(next(iter(material_sheets)))
    assert sum(material_sheets.values()) < len(MATERIAL_CSS.encode()) / 4


def test_the_palette_toggle_and_the_phone_drawer_work_with_the_trimmed_stylesheet(page, base_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(base_url + "vera2/")
    background = "getComputedStyle(document.body).backgroundColor"
    light = page.evaluate(background)
    page.locator("form[data-md-component=palette] label:not([hidden])").click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    dark = page.evaluate(background)
    assert _luminance(light) > 0.9 and _luminance(dark) < 0.2, (light, dark)
    sidebar = page.locator(".md-sidebar--primary")
    assert sidebar.bounding_box()["x"] + sidebar.bounding_box()["width"] <= 0  # off screen until opened
    page.click("label.md-header__button[for=__drawer]")
    page.wait_for_function("document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")
    assert sidebar.get_by_role("link", name="Courts").is_visible()
    assert page.locator(".md-overlay").is_visible()  # the shade over the page, which closes the drawer
    page.locator(".md-overlay").click(position={"x": 380, "y": 400})
    page.wait_for_function("document.querySelector('.md-sidebar--primary').getBoundingClientRect().right <= 0")


def _luminance(rgb: str) -> float:
    red, green, blue = (int(v) / 255 for v in re.findall(r"\d+", rgb)[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue
