"""Share links and identity on a built site: present, real URLs with or without JavaScript, escaped; rel="me", fediverse:creator."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from lxml import html as lxml_html
from mkdocs.exceptions import Abort

from .builder import AUTHORS_YML, article, base_config, make_fixture

HOSTILE_TITLE = '"><img src=x onerror=alert(1)> & javascript:alert(2) <b>'
AUTHORS = AUTHORS_YML.replace("      website: https://northriver.example/\n",
                              "      website: https://northriver.example/\n      mastodon: https://mastodon.social/@jtmercer\n") + """\
    links:
      mastodon: https://mastodon.social/users/dana
      bluesky: https://bsky.app/profile/dana.bsky.social
"""
FILES = {
    "vera2/posts/2025/cable.md": article("The cable", authors="[jt-mercer, dana-okafor]"),
    "vera2/posts/2025/hostile.md": article(HOSTILE_TITLE, authors="[dana-okafor]"),
    "vera2/posts/2025/elsewhere.md": article("First published elsewhere", extra="canonical_url: https://original.example/story"),
}
URL = "https://fixture.example/vera2/2025/11/cable/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    fixture = make_fixture(tmp_path_factory.mktemp("share"), FILES)
    fixture.write("authors.yml", AUTHORS)
    fixture.build()
    return fixture


def share_block(fixture, url: str):
    return lxml_html.fromstring(fixture.page(url)).xpath('//section[@class="press-share"]')


def test_share_links_are_plain_urls(site) -> None:
    [block] = share_block(site, "vera2/2025/11/cable")
    links = block.xpath(".//a")
    assert [(a.text_content(), a.get("aria-label")) for a in links] == [
        ("Mastodon", "Share on Mastodon"), ("Bluesky", "Share on Bluesky"), ("LinkedIn", "Share on LinkedIn"),
        ("Email", "Share by email"), ("Copy link", None)]
    hrefs = [a.get("href") for a in links]
    text = "The%20cable%20https%3A%2F%2Ffixture.example%2Fvera2%2F2025%2F11%2Fcable%2F"
    assert hrefs == [f"https://s2f.kytta.dev/?text={text}", f"https://bsky.app/intent/compose?text={text}",
                     "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Ffixture.example%2Fvera2%2F2025%2F11%2Fcable%2F",
                     "mailto:?subject=The%20cable&body=https%3A%2F%2Ffixture.example%2Fvera2%2F2025%2F11%2Fcable%2F", URL]
    # No script needed: no onclick, no javascript: URL, no # placeholder; the copy control is a link to the article.
    assert not block.xpath(".//@*[starts-with(name(), 'on')]") and not block.xpath(".//button")
    assert links[-1].get("data-press-copy") == ""


def test_only_our_own_script_and_only_on_articles(site) -> None:
    page = lxml_html.fromstring(site.page("vera2/2025/11/cable"))
    scripts = [s.get("src") for s in page.xpath("//script[@src]")]
    assert all(not urlsplit(src).netloc for src in scripts)  # nothing from another host
    assert any(src.endswith("assets/press-share.js") for src in scripts)
    assert (site.site / "assets" / "press-share.js").is_file()
    assert "press-share.js" not in site.page("vera2")


def test_a_hostile_title_is_escaped_and_encoded(site) -> None:
    raw = site.page("vera2/2025/11/hostile")
    assert "<img src=x" not in raw and "<b>" not in raw
    [block] = share_block(site, "vera2/2025/11/hostile")
    for a in block.xpath(".//a"):
        href = a.get("href")
        assert urlsplit(href).scheme in ("https", "mailto")
        assert not any(ch in href for ch in "\"'<> ")
        query = parse_qs(urlsplit(href).query)
        if "subject" in query:
            assert query["subject"] == [HOSTILE_TITLE]


def test_share_the_canonical_address(site) -> None:
    [block] = share_block(site, "vera2/2025/11/elsewhere")
    assert block.xpath(".//a[@data-press-copy]/@href") == ["https://original.example/story"]


def test_rel_me_and_fediverse_creator(site) -> None:
    page = lxml_html.fromstring(site.page("vera2/2025/11/cable"))
    # Dana's Mastodon link is not a profile address (/users/dana): skipped, no error.
    assert page.xpath('//meta[@name="fediverse:creator"]/@content') == ["@jtmercer@mastodon.social"]
    box_links = page.xpath('//section[@class="press-author-box"]//ul//a')
    assert box_links and all("me" in a.get("rel").split() for a in box_links)
    author_page = lxml_html.fromstring(site.page("authors/jt-mercer"))
    profile = author_page.xpath('//a[@href="https://mastodon.social/@jtmercer"]')
    assert profile and all("me" in a.get("rel").split() for a in profile)
    assert not lxml_html.fromstring(site.page("vera2/2025/11/hostile")).xpath('//meta[@name="fediverse:creator"]')


def test_share_links_can_be_switched_off_or_sent_elsewhere(tmp_path) -> None:
    config = base_config()
    config["plugins"][0]["press/articles"]["share"] = {"mastodon": "https://mastodon.social/share"}
    fixture = make_fixture(tmp_path / "elsewhere", {"vera2/posts/2025/cable.md": article("The cable")}, config)
    fixture.build()
    [block] = share_block(fixture, "vera2/2025/11/cable")
    assert block.xpath(".//a/@href")[0].startswith("https://mastodon.social/share?text=The%20cable%20https")
    config["plugins"][0]["press/articles"]["share"] = {"enabled": False}
    fixture = make_fixture(tmp_path / "off", {"vera2/posts/2025/cable.md": article("The cable")}, config)
    fixture.build()
    assert not share_block(fixture, "vera2/2025/11/cable") and "press-share.js" not in fixture.page("vera2/2025/11/cable")


def test_a_share_page_that_is_not_https_is_refused(tmp_path, caplog) -> None:
    config = base_config()
    config["plugins"][0]["press/articles"]["share"] = {"mastodon": "javascript:alert(1)"}
    fixture = make_fixture(tmp_path, {}, config)
    with pytest.raises(Abort):
        fixture.build()
    assert "press/articles: share.mastodon: expected an https address such as https://s2f.kytta.dev/" in caplog.text
