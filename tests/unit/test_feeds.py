"""Feed logic: scopes, stable ids, absolute content."""

from __future__ import annotations

import datetime as dt

from press.core.content.catalog import build_catalog
from press.core.features.feeds import Enclosure, FeedSite, absolute_html, feed_scopes, item_id, item_view
from press.core.content.model import Correction, Cta, Source

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


def test_citation_chips_become_plain_linked_text() -> None:
    html = ('<p>Said so.<a class="press-cite" data-sources="Reuters, AP News" href="#source-reuters" title="Reuters, AP News">'
            '<span class="press-visually-hidden">Sources: </span>Reuters<span class="press-cite__more" aria-hidden="true"> +1</span>'
            '<span class="press-visually-hidden">, AP News</span></a> Then.</p>'
            '<p><a class="press-cite" data-sources="UN" href="#source-un" title="UN"><span>Source: </span>UN</a></p>')
    assert absolute_html(html, "https://news.example/x/") == (
        '<p>Said so.(<a href="https://news.example/x/#source-reuters">Reuters, AP News</a>) Then.</p>'
        '<p>(<a href="https://news.example/x/#source-un">UN</a>)</p>')


def test_the_item_view_has_hero_corrections_sources_and_the_call_to_action_as_a_link() -> None:
    a = article("x", 1, further_reading=(Source("r", "R&D <Weekly>", "T", "https://r.example/?a=1&b=2", dt.date(2025, 11, 2)),),
                image="images/x.png", image_alt="A <chart>",
                corrections=(Correction(dt.date(2025, 11, 3), "First."), Correction(dt.date(2025, 11, 4), "Second.")))
    cta = Cta("free", "Free <chapter>", "", "https://lists.example/")
    hero = Enclosure("https://news.example/vera2/posts/images/x.png", 10, "image/png")
    view = item_view(a, "<p>Body</p>", SITE.url, cta, hero)
    assert view == {
        "url": "https://news.example/vera2/2025/11/x/",
        "hero": {"src": "https://news.example/vera2/posts/images/x.png", "alt": "A <chart>", "caption": None, "credit": None},
        "corrections": [{"date": {"iso": "2025-11-04", "display": "November 4, 2025"}, "text": "Second."},
                        {"date": {"iso": "2025-11-03", "display": "November 3, 2025"}, "text": "First."}],
        "body": "<p>Body</p>",
        "sources": [{"anchor": "source-r", "publisher": "R&D <Weekly>", "title": "T", "url": "https://r.example/?a=1&b=2",
                     "date": {"iso": "2025-11-02", "display": "November 2, 2025"}}],
        "cta": {"heading": "Free <chapter>", "url": "https://news.example/vera2/2025/11/x/#press-cta-free"},
    }
    assert item_view(a, "", SITE.url, None, None)["hero"] is None
