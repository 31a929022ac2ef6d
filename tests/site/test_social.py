"""Sharing on a fixture site: cards, Open Graph and Twitter tags, JSON-LD, sitemap dates, robots.txt, the 404 page."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from lxml import html as lxml_html
from mkdocs.exceptions import Abort
from PIL import Image

from press.adapters import card_drawing
from press.core.features import cards
from press.core.incremental import memos
from press.core.features.logos import logo_png

from .builder import Fixture, article, base_config, make_fixture

SITE_URL = "https://fixture.example/"
HOSTILE = "</script><script>alert(1)</script> & \"quotes\" \u2028 done"
ARTICLES = {  # src path -> (URL, lastmod)
    "vera2/posts/2025/cable.md": ("vera2/2025/11/cable/", "2025-11-20"),
    "vera2/posts/2025/hostile.md": ("vera2/2025/11/hostile/", "2025-11-21"),
    "vera2/posts/2025/older.md": ("vera2/2025/10/older/", "2025-10-02"),
    "dispatch/posts/2025/note.md": ("dispatch/2025/11/note/", "2025-11-10"),
}
SOCIAL = {"colors": {"vera2": "#1f3a7a", "dispatch": "#7a2e1f"}}
REQUIRED = ["og:type", "og:title", "og:description", "og:url", "og:image", "og:image:width", "og:image:height",
            "og:image:alt", "og:site_name", "twitter:card", "twitter:image:alt"]
TWITTER_FROM_OG = ["twitter:title", "twitter:description", "twitter:image"]  # X reads og:title, og:description, og:image
ARTICLE_ONLY = ["article:published_time", "article:modified_time", "article:author"]


def hero() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 200), (220, 180, 40)).save(out, format="PNG")
    return out.getvalue()


def files() -> dict[str, str | bytes]:
    return {
        "vera2/posts/2025/cable.md": article("The cable", date="2025-11-20T09:30:00+01:00", extra="""\
            tags: [europe, courts]
            image: ../images/cable.png
            image_alt: A cable
            further_reading:
              - publisher: Reuters
                title: "A source"
                url: https://www.reuters.com/x
                date: 2025-11-19
            """, body="Body [@reuters]."),
        "vera2/posts/images/cable.png": hero(),
        "vera2/posts/2025/hostile.md": article("x", date="2025-11-18", section="Politics", extra="updated: 2025-11-21").replace(
            "title: 'x'", "title: " + json.dumps(HOSTILE)),
        "vera2/posts/2025/older.md": article("Older", date="2025-10-02", authors="[dana-okafor]"),
        "dispatch/posts/2025/note.md": article("A note", date="2025-11-10", section=None, authors="[jt-mercer, dana-okafor]"),
        "dispatch/posts/2025/draft.md": article("A draft", date="2025-11-11", section=None, extra="draft: true"),
    }


def social_config(cache: Path, **options: Any) -> dict[str, Any]:
    config = base_config() | {"site_description": "Fixture news and notes."}
    config["plugins"][0]["press/articles"]["cache_dir"] = str(cache)  # the one cache folder of every press plugin
    config["plugins"].append({"press/social": SOCIAL | options})
    return config


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Fixture:
    root = tmp_path_factory.mktemp("social")
    fixture = make_fixture(root / "project", files(), social_config(root / "cache"))
    fixture.build()
    return fixture


def head(fixture: Fixture, url: str) -> tuple[dict[str, list[str]], list[Any]]:
    """The page's meta tags (property or name -> contents) and its JSON-LD documents, parsed."""
    doc = lxml_html.fromstring((fixture.site / url / "index.html").read_bytes())
    meta: dict[str, list[str]] = {}
    for tag in doc.xpath("//head/meta[@property or @name]"):
        meta.setdefault(tag.get("property") or tag.get("name"), []).append(tag.get("content"))
    scripts = [json.loads(s.text) for s in doc.xpath("//head/script[@type='application/ld+json']")]
    return meta, scripts


def card_file(fixture: Fixture, url: str) -> Path:
    assert url.startswith(SITE_URL + "assets/cards/"), url
    return fixture.site / url.removeprefix(SITE_URL)


def test_article_pages_have_every_tag_with_absolute_urls(site: Fixture) -> None:
    for src, (url, _) in ARTICLES.items():
        meta, _ = head(site, url)
        missing = [key for key in REQUIRED + ARTICLE_ONLY if key not in meta]
        assert missing == [], url
        assert meta["og:type"] == ["article"] and meta["twitter:card"] == ["summary_large_image"]
        assert meta["og:url"] == [SITE_URL + url]
        assert meta["og:image"][0].startswith(SITE_URL) and not [key for key in TWITTER_FROM_OG if key in meta]
        assert all(a.startswith(SITE_URL + "authors/") for a in meta["article:author"])
        assert [m for m in ("canonical", "description") if len(meta.get(m, [])) > 1] == []  # Material's, not ours twice
    meta, _ = head(site, "vera2/2025/11/cable/")
    assert meta["article:published_time"] == ["2025-11-20T09:30:00+01:00"]
    assert meta["article:section"] == ["Courts"] and meta["article:tag"] == ["europe", "courts"]
    assert meta["og:image:alt"] == ["Vera2 / Courts: The cable"]
    assert head(site, "dispatch/2025/11/note/")[0]["article:author"] == [SITE_URL + "authors/jt-mercer/",
                                                                          SITE_URL + "authors/dana-okafor/"]


@pytest.mark.parametrize("url", ["", "vera2/", "vera2/courts/", "tags/europe/", "authors/jt-mercer/", "tags/", "archive/2025/"])
def test_listing_and_index_pages_are_websites_with_a_card(site: Fixture, url: str) -> None:
    meta, scripts = head(site, url)
    assert [key for key in REQUIRED if key not in meta] == []
    assert meta["og:type"] == ["website"] and meta["og:url"] == [SITE_URL + url] and scripts[0]["url"] == SITE_URL + url
    assert card_file(site, meta["og:image"][0]).is_file()


def test_listings_get_cards_of_their_own_and_indexes_the_home_card(site: Fixture) -> None:
    image = {url: head(site, url)[0]["og:image"][0] for url in ["", "vera2/", "vera2/courts/", "tags/europe/", "authors/jt-mercer/",
                                                                "tags/", "archive/2025/"]}
    assert len({image[u] for u in ["", "vera2/", "vera2/courts/", "tags/europe/", "authors/jt-mercer/"]}) == 5
    assert image["tags/"] == image["archive/2025/"] == image[""]


def test_every_card_is_a_1200x630_png_in_the_site(site: Fixture) -> None:
    for url, _ in ARTICLES.values():
        path = card_file(site, head(site, url)[0]["og:image"][0])
        with Image.open(path) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630)) and image.mode in ("P", "RGB")  # flat / over a photo
        assert path.stat().st_mode & 0o044 == 0o044, "linked from the cache, it must still be readable by a web server"
    # The publication's colour, and the hero image behind the text when the article has one.
    plain = Image.open(card_file(site, head(site, "vera2/2025/10/older/")[0]["og:image"][0])).convert("RGB")
    assert plain.getpixel((4, 4)) == (0x1F, 0x3A, 0x7A)
    assert Image.open(card_file(site, head(site, "dispatch/2025/11/note/")[0]["og:image"][0])).convert("RGB").getpixel((4, 4)) == (0x7A, 0x2E, 0x1F)
    photo = Image.open(card_file(site, head(site, "vera2/2025/11/cable/")[0]["og:image"][0]))
    assert photo.getpixel((4, 4)) != plain.getpixel((4, 4))


def test_json_ld_has_the_type_of_each_publication(site: Fixture) -> None:
    _, [vera2, crumbs] = head(site, "vera2/2025/11/cable/")
    _, [dispatch, _] = head(site, "dispatch/2025/11/note/")
    assert vera2["@type"] == "NewsArticle" and dispatch["@type"] == "BlogPosting"
    assert crumbs["@type"] == "BreadcrumbList"
    assert [i["item"] for i in crumbs["itemListElement"]] == [SITE_URL, SITE_URL + "vera2/", SITE_URL + "vera2/courts/",
                                                             SITE_URL + "vera2/2025/11/cable/"]
    assert vera2["image"][1] == SITE_URL + "vera2/posts/images/cable.png"
    assert vera2["citation"] == [{"@type": "CreativeWork", "name": "A source", "url": "https://www.reuters.com/x"}]
    logo = vera2["publisher"]["logo"]["url"]
    assert logo.startswith(SITE_URL + "assets/logos/site-") and logo.endswith(".png")


def test_the_site_and_each_publication_get_a_logo_in_their_feeds(site: Fixture) -> None:
    """Drawn in the publication's colour, 144 px square (RSS's largest channel image), the same bytes every build."""
    def logo(feed: str) -> Path:
        channel = etree.fromstring((site.site / feed).read_bytes()).find("channel")
        assert (channel.findtext("image/width"), channel.findtext("image/height")) == ("144", "144")
        return site.site / channel.findtext("image/url").removeprefix(SITE_URL)

    vera2, courts, dispatch, home = logo("vera2/feed.xml"), logo("vera2/courts/feed.xml"), logo("dispatch/feed.xml"), logo("feed.xml")
    assert vera2 == courts and len({vera2, dispatch, home}) == 3
    assert head(site, "vera2/2025/11/cable/")[1][0]["publisher"]["logo"]["url"] == SITE_URL + str(home.relative_to(site.site))
    with Image.open(vera2) as image:
        assert (image.format, image.size, image.getpixel((2, 2))) == ("PNG", (144, 144), (0x1F, 0x3A, 0x7A))
    assert logo_png("Vera2", "#1f3a7a") == vera2.read_bytes()
    atom = etree.fromstring((site.site / "dispatch/atom.xml").read_bytes())
    assert atom.findtext("{http://www.w3.org/2005/Atom}logo") == SITE_URL + str(dispatch.relative_to(site.site))


def test_the_schema_type_is_a_per_publication_option(tmp_path: Path) -> None:
    fixture = make_fixture(tmp_path / "p", {"dispatch/posts/2025/note.md": files()["dispatch/posts/2025/note.md"]},
                           social_config(tmp_path / "cache", schema_types={"dispatch": "OpinionNewsArticle"}))
    fixture.build()
    assert head(fixture, "dispatch/2025/11/note/")[1][0]["@type"] == "OpinionNewsArticle"


def test_hostile_titles_are_escaped_everywhere(site: Fixture) -> None:
    raw = (site.site / "vera2/2025/11/hostile/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in raw
    doc = lxml_html.fromstring(raw)
    for script in doc.xpath("//script[@type='application/ld+json']"):
        assert not {"<", ">", "&", "\u2028"} & set(script.text)
    meta, [data, crumbs] = head(site, "vera2/2025/11/hostile/")
    assert meta["og:title"] == [HOSTILE]
    assert data["headline"] == HOSTILE and crumbs["itemListElement"][-1]["name"] == HOSTILE


def test_sitemap_dates_articles_by_their_own_dates(site: Fixture) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    raw = (site.site / "sitemap.xml").read_bytes()
    urlset = etree.fromstring(raw)
    lastmod = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns) for u in urlset.findall("s:url", ns)}
    for url, date in ARTICLES.values():
        assert lastmod[SITE_URL + url] == date
    assert lastmod[SITE_URL + "vera2/"] == "2025-12-01"  # listings keep the build date
    assert SITE_URL + "dispatch/2025/11/draft/" not in lastmod
    assert gzip.decompress((site.site / "sitemap.xml.gz").read_bytes()) == raw


def test_robots_txt_allows_all_and_points_at_the_sitemap(site: Fixture) -> None:
    assert (site.site / "robots.txt").read_text(encoding="utf-8") == (
        f"User-agent: *\nAllow: /\n\nSitemap: {SITE_URL}sitemap.xml\n")


def test_the_404_page_leads_back_to_the_latest_articles(site: Fixture) -> None:
    doc = lxml_html.fromstring((site.site / "404.html").read_bytes())
    assert doc.xpath("//h1/text()") == ["Page not found"]
    latest = doc.xpath("//ul[@class='press-not-found__latest']/li/a")
    assert [a.text for a in latest] == ["The cable", HOSTILE, "A note", "Older"]  # newest first by publication date
    assert latest[0].get("href") == "/vera2/2025/11/cable/"
    assert doc.xpath("//ul[@class='press-not-found__publications']/li/a/@href") == ["/dispatch/", "/vera2/"]
    assert "/." in doc.xpath("//div[@class='press-not-found']//p/a/@href")


def test_an_unchanged_site_is_never_redrawn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[cards.CardSpec] = []
    real = cards.render_png
    monkeypatch.setattr(memos, "render_png", lambda spec, layout=None: drawn.append(spec) or real(spec, layout))
    config = social_config(tmp_path / "cache")
    first = make_fixture(tmp_path / "one", files(), config)
    first.build()
    count = len(drawn)
    assert count == len(list((tmp_path / "cache/cards").rglob("*.png"))) > len(ARTICLES)
    second = make_fixture(tmp_path / "two", files(), config)
    second.build()
    assert len(drawn) == count  # every card came from the cache
    cards_of = lambda f: {p.name: p.read_bytes() for p in sorted((f.site / "assets/cards").iterdir())}  # noqa: E731
    assert cards_of(first) == cards_of(second) and len(cards_of(first)) == count
    # A changed title draws that article's card and nothing else.
    changed = files() | {"vera2/posts/2025/older.md": article("Older, retitled", date="2025-10-02", authors="[dana-okafor]")}
    make_fixture(tmp_path / "three", changed, config).build()
    assert [spec.title for spec in drawn[count:]] == ["Older, retitled"]


def test_an_unreadable_hero_image_is_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    broken = files() | {"vera2/posts/images/cable.png": b"not a png"}
    config = social_config(tmp_path / "cache")
    # press/images would stop the build first (an unreadable image is a content error there): test social alone.
    config["plugins"] = [p for p in config["plugins"] if p != "press/images"]
    fixture = make_fixture(tmp_path / "p", broken, config)
    with pytest.raises(Abort):
        fixture.build()
    assert [r.getMessage() for r in caplog.records if "social card" in r.getMessage()] == [
        "press: content/vera2/posts/2025/cable.md: image: vera2/posts/images/cable.png is not an image file Pillow can read; "
        "the social card is drawn without it\n  hint: save the image as PNG, JPEG or WebP"]


def test_cards_drawn_in_worker_processes_match_and_report_a_broken_image(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                        caplog: pytest.LogCaptureFixture) -> None:
    """A large build draws its cards in worker processes while the pages render: the same bytes as threads
    draw, every card linked into the site by the end, and an unreadable hero image still named (on a warm
    rebuild too, where nothing is drawn)."""
    broken = files() | {"vera2/posts/images/cable.png": b"not a png"}

    def config(cache: Path) -> dict[str, Any]:
        config = social_config(cache)
        config["plugins"] = [p for p in config["plugins"] if p != "press/images"]  # press/images would stop it first
        return config

    threads = make_fixture(tmp_path / "threads", broken, config(tmp_path / "cache-threads"))
    with pytest.raises(Abort):
        threads.build()
    monkeypatch.setattr(card_drawing, "PROCESSES_FROM", 1)
    processes = make_fixture(tmp_path / "processes", broken, config(tmp_path / "cache-processes"))
    for _ in range(2):  # cold, then warm: the warning both times
        caplog.clear()
        with pytest.raises(Abort):
            processes.build()
        assert [r.getMessage() for r in caplog.records if "social card" in r.getMessage()] == [
            "press: content/vera2/posts/2025/cable.md: image: vera2/posts/images/cable.png is not an image file Pillow can read; "
            "the social card is drawn without it\n  hint: save the image as PNG, JPEG or WebP"]
    cards_of = lambda f: {p.name: p.read_bytes() for p in sorted((f.site / "assets/cards").iterdir())}  # noqa: E731
    assert cards_of(processes) == cards_of(threads) and len(cards_of(processes)) > len(ARTICLES)

