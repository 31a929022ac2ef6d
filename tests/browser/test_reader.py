"""What a reader does on the built site, in a real browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ARTICLE_WITH_CHIPS = "vera2/2025/07/universal-injunctions-after-casa/"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def local_only(urls: list[str], base_url: str) -> list[str]:
    return [u for u in urls if not (u.startswith(base_url) or u.startswith("data:") or u.startswith("blob:"))]


def article_urls(site: Path) -> list[str]:
    return sorted(str(p.parent.relative_to(site)) + "/" for p in site.glob("*/[0-9][0-9][0-9][0-9]/*/*/index.html"))


def test_from_home_to_an_article_and_its_author(page, base_url: str) -> None:
    page.goto(base_url)
    first = page.locator(".press-card__title a").first
    title = first.inner_text()
    with page.expect_navigation():
        first.click()
    assert page.locator("h1").first.inner_text() == title
    with page.expect_navigation():
        page.locator(".press-byline a[rel=author]").first.click()
    assert re.search(r"/authors/[a-z-]+/$", page.url)
    page.locator(".press-card").first.wait_for()
    assert page.locator(".press-card").count() >= 1


def test_no_request_leaves_the_site_while_pages_load(page, base_url: str, real_site: Path) -> None:
    for url in ["", "vera2/", "vera2/courts/", "tags/", *article_urls(real_site)[:3]]:
        page.goto(base_url + url, wait_until="networkidle")
    assert local_only(page.requests, base_url) == []


def test_chips_are_reachable_by_keyboard_and_name_their_sources(page, base_url: str) -> None:
    page.goto(base_url + ARTICLE_WITH_CHIPS)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)  # for a person to look at; git-ignored
    chips = page.locator("a.press-cite")
    assert chips.count() >= 2
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('press-cite')"):
            break
    else:
        pytest.fail("no citation chip received keyboard focus")
    focused = page.locator("a.press-cite:focus")
    name = focused.evaluate("el => el.textContent")
    assert name.startswith("Source")
    assert focused.get_attribute("title") in name.replace("Sources: ", "").replace("Source: ", "").replace(" +1", "").replace(" +2", "")
    # The list of sources shows on focus, without JavaScript of ours.
    shown = focused.evaluate("el => getComputedStyle(el, '::after').content")
    assert focused.get_attribute("data-sources") in shown
    page.keyboard.press("Enter")
    target = page.evaluate("location.hash")
    assert target.startswith("#source-") and page.locator(target).is_visible()


def test_the_signup_form_reaches_the_provider_and_nothing_else(page, base_url: str, signups) -> None:
    record, endpoint = signups
    record.received.clear()
    page.goto(base_url + ARTICLE_WITH_CHIPS)
    form = page.locator("section.press-cta form")
    form.locator("input[type=email]").fill("reader@example.org")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert page.locator("h1").inner_text() == "Check your inbox"
    [fields] = record.received
    assert fields["email"] == ["reader@example.org"]
    assert fields["list"] == ["vera2-briefing"]
    assert fields["source"] == ["https://northriverpublications.example/" + ARTICLE_WITH_CHIPS]
    assert fields.get("website", [""]) == [""]
    outside = [u for u in local_only(page.requests, base_url) if not u.startswith(endpoint)]
    assert outside == []


def test_the_signup_form_needs_an_email(page, base_url: str, signups) -> None:
    record, _ = signups
    record.received.clear()
    page.goto(base_url + ARTICLE_WITH_CHIPS)
    page.locator("section.press-cta button[type=submit]").click()
    assert page.locator("section.press-cta input[type=email]").evaluate("el => el.validity.valueMissing")
    assert record.received == []


@pytest.mark.parametrize("url", ["", "vera2/", ARTICLE_WITH_CHIPS, "search/?q=courts", "reading-lists/migration-abroad/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_accessibility_violations(page, base_url: str, url: str, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + url, wait_until="networkidle")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_search_from_the_header_finds_the_article_and_filters(page, base_url: str) -> None:
    page.goto(base_url + "vera2/")
    page.fill("#press-search-header", "injunctions")
    page.press("#press-search-header", "Enter")
    page.wait_for_selector(".press-search__result")
    assert "/search/?q=injunctions" in page.url
    titles = page.locator(".press-search__result h2 a").all_inner_texts()
    assert "After Trump v. CASA, the Fight Moves to Class Actions" in titles
    deks = page.locator(".press-search__result .press-card__dek").all_inner_texts()
    assert any("nationwide injunctions" in d for d in deks)
    page.select_option("#press-search-filter-publication", "Vera2")
    # The status already says "N results" from the first query: wait for the filtered results themselves.
    page.wait_for_function("""() => {
        const kickers = [...document.querySelectorAll('.press-search__result .press-kicker')];
        return location.search.includes('publication=Vera2') && kickers.length > 0
            && kickers.every(k => k.textContent.toLowerCase().startsWith('vera2'));
    }""")
    assert "publication=Vera2" in page.url
    kickers = page.locator(".press-search__result .press-kicker").all_inner_texts()
    assert kickers and all(k.lower().startswith("vera2") for k in kickers)  # shown upper-case by CSS
    page.locator(".press-search__result h2 a").first.click()
    assert page.locator("h1").first.inner_text() in titles


def test_search_merges_every_shard_of_the_index(page, base_url: str, real_site: Path) -> None:
    """The filters count every indexed article: a shard the page failed to merge would be missing from them."""
    shards = json.loads((real_site / "pagefind/bundles.json").read_text(encoding="utf-8"))["bundles"]
    assert len(shards) >= 2
    indexed = sum(b"data-pagefind-body" in p.read_bytes() for p in real_site.rglob("*.html")
                  if "pagefind" not in p.relative_to(real_site).parts)
    page.goto(base_url + "search/?q=the")
    page.wait_for_selector(".press-search__result")
    counts = page.locator("#press-search-filter-publication option").all_inner_texts()[1:]  # after "Any"
    assert sum(int(re.search(r"\((\d+)\)$", label).group(1)) for label in counts) == indexed


def test_without_javascript_search_leads_to_a_usable_page(browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url)
    page.fill("#press-search-header", "courts")
    page.press("#press-search-header", "Enter")
    page.wait_for_url("**/search/?q=courts")
    assert page.locator("noscript").count() == 1
    assert page.get_by_role("link", name="the archive").count() == 1 or "archive" in page.content()
    assert page.locator(".press-card__title a, nav a").count() > 0
    context.close()


def test_the_phone_drawer_and_the_palette_toggle_work_without_materials_script(page, base_url: str) -> None:
    """Material's bundle is left out (main.html): the drawer is CSS, the toggle is press-palette.js."""
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(base_url + "vera2/")
    page.click("label.md-header__button[for=__drawer]")
    page.wait_for_function("document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")  # slid in
    assert page.locator(".md-sidebar--primary").get_by_role("link", name="Courts").is_visible()
    page.goto(base_url + "vera2/")
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("form[data-md-component=palette] label:not([hidden])").click()
    switched = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.reload()
    assert (scheme, switched, page.evaluate("document.body.getAttribute('data-md-color-scheme')")) == ("default", "slate", "slate")


def test_copy_link_copies_the_address_and_says_so(browser, base_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(base_url + ARTICLE_WITH_CHIPS)
        copy = page.locator(".press-share a[data-press-copy]")
        address = copy.get_attribute("href")
        assert address == "https://northriverpublications.example/" + ARTICLE_WITH_CHIPS
        copy.click()  # the script keeps the reader on the page: the address is not followed
        page.locator(".press-share__status", has_text="Copied").wait_for()
        assert page.url == base_url + ARTICLE_WITH_CHIPS
        assert page.evaluate("navigator.clipboard.readText()") == address
    finally:
        context.close()


def test_share_links_are_real_links_without_javascript(browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(base_url + ARTICLE_WITH_CHIPS)
        links = page.locator(".press-share a")
        hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
        assert len(hrefs) == 5 and all(re.match(r"^(https://|mailto:\?)", h) for h in hrefs)
        assert page.locator(".press-share a").evaluate_all("as => as.every(a => a.getBoundingClientRect().width > 0)")
    finally:
        context.close()
