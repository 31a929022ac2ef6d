"""Feed logic: scopes, stable ids, absolute content."""

from __future__ import annotations

import datetime as dt

from press.core.catalog import build_catalog
from press.core.feeds import FeedSite, absolute_html, feed_scopes, item_content, item_id
from press.core.model import Cta, Source

from .rules import AUTHORS, PUBLICATIONS
from .test_catalog_and_listings import TZ, article

SITE = FeedSite("https://news.example/", "NRP", "Both publications")


def test_ids_survive_slug_changes() -> None:
    assert item_id(article("x", 1, id="cable-2025"), SITE.url) == "tag:news.example,2025:cable-2025"
    original = article("first-slug", 1)
    renamed = article("second-slug", 1, redirect_from=("vera2/2025/11/first-slug/",))
    assert item_id(original, SITE.url) == item_id(renamed, SITE.url) == "tag:news.example,2025:vera2/2025/11/first-slug"


def test_scopes_leave_out_drafts_and_scheduled_and_keep_the_limit() -> None:
    now = dt.datetime(2025, 11, 15, tzinfo=TZ)
    catalog = build_catalog([article(f"a{i}", i, tags=("courts",)) for i in range(1, 6)]
                            + [article("draft", 7, draft=True), article("later", 20)])
    scopes = {(s.kind, s.key): s for s in feed_scopes(catalog, SITE, PUBLICATIONS, AUTHORS, limit=3, now=now)}
    assert [a.slug for a in scopes[("site", "")].articles] == ["a5", "a4", "a3"]
    assert [a.slug for a in scopes[("tag", "courts")].articles] == ["a5", "a4", "a3"]
    assert scopes[("section", "vera2/Courts")].rss_path == "vera2/courts/feed.xml"
    assert scopes[("author", "dana-okafor")].articles == ()
    assert ("publication", "dispatch") in scopes


def test_content_links_become_absolute_and_permalinks_go() -> None:
    html = '<h2 id="a">A<a class="headerlink" href="#a">¶</a></h2><p><a href="../other/">x</a> <img src="img/p.jpg" alt=""></p>'
    assert absolute_html(html, "https://news.example/vera2/2025/11/x/") == (
        '<h2 id="a">A</h2><p><a href="https://news.example/vera2/2025/11/other/">x</a> '
        '<img src="https://news.example/vera2/2025/11/x/img/p.jpg" alt=""></p>')


def test_content_ends_with_sources_and_the_call_to_action_as_a_link() -> None:
    a = article("x", 1, further_reading=(Source("r", "R&D <Weekly>", "T", "https://r.example/?a=1&b=2", dt.date(2025, 11, 2)),))
    cta = Cta("free", "Free <chapter>", "", "https://lists.example/")
    html = item_content(a, "<p>Body</p>", SITE.url, cta)
    assert html == (
        "<p>Body</p>\n<h2>Further reading</h2><ol><li id=\"source-r\">R&amp;D &lt;Weekly&gt;: "
        "<a href=\"https://r.example/?a=1&amp;b=2\">T</a> (November 2, 2025)</li></ol>\n"
        "<p><strong>Free &lt;chapter&gt;</strong>: <a href=\"https://news.example/vera2/2025/11/x/#press-cta-free\">"
        "sign up on the article's page</a></p>")


def test_content_starts_with_the_hero_its_caption_and_its_credit() -> None:
    a = article("x", 1, image="vera2/posts/img/h.jpg", image_alt='A "river"', image_caption="Dawn <b>on</b> the river.",
                image_credit="Photo: A. Lima")
    html = item_content(a, "<p>Body</p>", SITE.url, None)
    assert html == (
        '<figure><img src="https://news.example/vera2/posts/img/h.jpg" alt="A &#34;river&#34;">'
        "<figcaption>Dawn &lt;b&gt;on&lt;/b&gt; the river. Photo: A. Lima</figcaption></figure>\n<p>Body</p>")
