"""What a reader sees, measured: geometry of the real site's pages at a desktop and a phone width, light and dark.

Reading the CSS says nothing about whether a rule wins over Material's; these
tests load each page in Chromium and measure the result: the document never
wider than the viewport, images at their files' aspect ratio, inline lists in
rows, a reading measure of at most 80 characters per line at desktop width, no
documentation sidebar, cards flush with the page heading, the publication's name
whole in the header, and a page load without a failed request or a console error.
Each page is loaded once per width and scheme; every test reads that one
measurement, so a failure names the page, the width and the scheme.

A full-page screenshot of every load goes to tests/artifacts/browser/
(git-ignored), for a person to look at: passing geometry is not a design review.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "browser"

PAGES = {
    "home": "",
    "dispatch": "dispatch/",
    "vera2": "vera2/",
    "section": "vera2/courts/",
    "tag": "tags/immigration/",
    # Hero with caption and credit, a correction, part of an ordered series, two authors.
    "article-hero": "vera2/2025/09/eu-migration-pact-countdown/",
    "article-dispatch": "dispatch/2025/08/when-the-news-outruns-the-novel/",
    "article-figure": "vera2/2025/07/universal-injunctions-after-casa/",  # a captioned figure in the body
    "author": "authors/dana-okafor/",
    "reading-list": "reading-lists/migration-abroad/",
    "sources": "sources/",
    "search": "search/",
}
WIDTHS = {"desktop": 1280, "phone": 390}
SCHEMES = ("light", "dark")
MAX_CHARS_PER_LINE = 80
# The lists that must lay their items out in a row (wrapping is fine; one item per line is not).
INLINE_LISTS = ".press-tags, .press-links, .press-pagination ol, .press-series__steps, .press-sections ul, .press-share__links"

CASES = [pytest.param(url, width, scheme, id=f"{name}-{width}-{scheme}")
         for name, url in PAGES.items() for width in WIDTHS.values() for scheme in SCHEMES]

# Runs in the page once it has loaded: plain numbers for the tests below.
MEASURE = """({inlineLists}) => {
  const shown = el => {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none";
  };
  const ctx = document.createElement("canvas").getContext("2d");
  const images = [...document.images].filter(shown).filter(i => i.naturalWidth > 0).map(i => {
    const r = i.getBoundingClientRect();
    return {src: i.currentSrc, natural: i.naturalWidth / i.naturalHeight, box: r.width / r.height,
            fit: getComputedStyle(i).objectFit};
  });
  const lists = [...document.querySelectorAll(inlineLists)].filter(shown).map(list => {
    const items = [...list.children].filter(shown);
    const rows = new Set(items.map(li => Math.round(li.getBoundingClientRect().top)));
    return {selector: list.className || list.parentElement.className, items: items.length, rows: rows.size};
  }).filter(l => l.items > 1);
  const paragraphs = [...document.querySelectorAll(".md-content p")].filter(shown)
    .filter(p => p.textContent.trim().length >= 120).map(p => {
      const s = getComputedStyle(p), text = p.textContent.replace(/\\s+/g, " ").trim();
      ctx.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
      const average = ctx.measureText(text).width / text.length;
      const width = p.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
      return {text: text.slice(0, 60), chars: Math.round(width / average)};
    });
  const sidebars = [...document.querySelectorAll(".md-sidebar--primary, .md-sidebar--secondary")].filter(shown)
    .map(el => ({cls: el.className, rect: el.getBoundingClientRect().toJSON()}))
    .filter(({rect}) => rect.right > 0 && rect.left < window.innerWidth);
  const heading = document.querySelector(".md-content h1");
  const left = heading ? heading.getBoundingClientRect().left : 0;
  const indented = heading ? [...document.querySelectorAll(".press-card")].filter(shown)
    .map(card => Math.round(card.getBoundingClientRect().left - left)).filter(dx => Math.abs(dx) > 1) : [];
  // A label (FEATURED) that wraps to the start of a line must sit flush with its kicker's left edge.
  const labels = [...document.querySelectorAll(".press-pin")].filter(shown).map(pin => {
    const kicker = pin.closest(".press-kicker"), before = document.createRange();
    before.setStart(kicker, 0);
    before.setEndBefore(pin);
    const rects = [...before.getClientRects()].filter(r => r.width > 0), box = pin.getClientRects()[0];
    const startsLine = !rects.length || box.top > rects[rects.length - 1].top + 2;
    const edge = kicker.getBoundingClientRect().left + parseFloat(getComputedStyle(kicker).paddingLeft);
    return {text: pin.textContent, startsLine, indent: Math.round(box.left - edge)};
  }).filter(l => l.startsLine && Math.abs(l.indent) > 1);
  const mark = document.querySelector(".press-wordmark");
  const wordmark = mark && {
    text: mark.textContent.trim(), truncated: mark.scrollWidth > mark.clientWidth,
    overlaps: [...document.querySelectorAll(".md-header__option, .press-search-form")]
      .filter(el => mark.getBoundingClientRect().right > el.getBoundingClientRect().left + 1).map(el => el.className),
  };
  return {
    docWidth: document.documentElement.scrollWidth, viewport: window.innerWidth,
    images, lists, paragraphs, sidebars, wordmark, indented, labels,
  };
}"""


@pytest.fixture(scope="module")
def measured(browser, base_url: str) -> dict[tuple[str, int, str], dict[str, Any]]:
    """Each (page, width, scheme) loaded once, on first use; later tests read the same measurement."""
    return {}


def measure(browser, base_url: str, cache: dict, url: str, width: int, scheme: str) -> dict[str, Any]:
    key = (url, width, scheme)
    if key not in cache:
        try:
            cache[key] = _load_and_measure(browser, base_url, url, width, scheme)
        except Exception as exc:  # one failed load fails each test of it once, not after a timeout each
            cache[key] = exc
    if isinstance(cache[key], Exception):
        raise cache[key]
    return cache[key]


def _load_and_measure(browser, base_url: str, url: str, width: int, scheme: str) -> dict[str, Any]:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"script error: {e}"))
    page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url} ({r.failure})"))
    page.on("response", lambda r: errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url + url, wait_until="networkidle")
    # Lazy images below the fold are measured too: load them all, as a reader scrolling down would.
    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => { i.loading = 'eager'; })")
    page.wait_for_function("[...document.images].every(i => i.complete)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = url.strip("/").replace("/", "_") or "home"
    page.screenshot(path=str(ARTIFACTS / f"{name}-{width}-{scheme}.png"), full_page=True)
    result = page.evaluate(MEASURE, {"inlineLists": INLINE_LISTS})
    result |= {"errors": errors, "requests": requests}
    context.close()
    return result


@pytest.mark.parametrize("url,width,scheme", CASES)
def test_the_document_is_never_wider_than_the_viewport(browser, base_url, measured, url, width, scheme) -> None:
    m = measure(browser, base_url, measured, url, width, scheme)
    assert m["docWidth"] <= m["viewport"]


@pytest.mark.parametrize("url,width,scheme", CASES)
def test_every_image_keeps_its_aspect_ratio(browser, base_url, measured, url, width, scheme) -> None:
    m = measure(browser, base_url, measured, url, width, scheme)
    # object-fit: cover crops to a frame (card thumbnails) without distorting: only a stretched image fails.
    stretched = [i for i in m["images"] if i["fit"] == "fill" and abs(i["box"] / i["natural"] - 1) > 0.03]
    assert stretched == []


@pytest.mark.parametrize("url,width,scheme", CASES)
def test_inline_lists_lay_their_items_out_in_rows(browser, base_url, measured, url, width, scheme) -> None:
    m = measure(browser, base_url, measured, url, width, scheme)
    stacked = [lst for lst in m["lists"] if lst["rows"] >= lst["items"]]
    assert stacked == []


@pytest.mark.parametrize("url,scheme", [pytest.param(url, scheme, id=f"{name}-{scheme}")
                                        for name, url in PAGES.items() for scheme in SCHEMES])
def test_running_text_is_at_most_80_characters_a_line_at_desktop_width(browser, base_url, measured, url, scheme) -> None:
    m = measure(browser, base_url, measured, url, WIDTHS["desktop"], scheme)
    wide = [p for p in m["paragraphs"] if p["chars"] > MAX_CHARS_PER_LINE]
    assert wide == []


@pytest.mark.parametrize("url,width,scheme", CASES)
def test_no_documentation_sidebar_beside_the_page(browser, base_url, measured, url, width, scheme) -> None:
    m = measure(browser, base_url, measured, url, width, scheme)
    assert m["sidebars"] == []


@pytest.mark.parametrize("url,width,scheme", CASES)
def test_the_page_loads_without_a_failed_request_or_a_console_error(browser, base_url, measured, url, width, scheme) -> None:
    m = measure(browser, base_url, measured, url, width, scheme)
    assert m["errors"] == []
    assert [u for u in m["requests"] if u.endswith("sitemap.xml")] == []


@pytest.mark.parametrize("url,width,scheme", CASES)
def test_the_publication_name_fits_in_the_header(browser, base_url, measured, url, width, scheme) -> None:
    m = measure(browser, base_url, measured, url, width, scheme)
    assert m["wordmark"] is not None
    assert (m["wordmark"]["truncated"], m["wordmark"]["overlaps"]) == (False, [])


@pytest.mark.parametrize("url,width,scheme", CASES)
def test_cards_line_up_with_the_page_heading(browser, base_url, measured, url, width, scheme) -> None:
    """Material indents list items; cards in a reading list or search results must not inherit that."""
    m = measure(browser, base_url, measured, url, width, scheme)
    assert m["indented"] == []


@pytest.mark.parametrize("url,width,scheme", CASES)
def test_a_label_that_starts_a_line_is_not_indented(browser, base_url, measured, url, width, scheme) -> None:
    assert measure(browser, base_url, measured, url, width, scheme)["labels"] == []
