"""Feeds of a fixture site, parsed back with feedparser and lxml, compared with goldens."""

from __future__ import annotations

import email.utils
import json
import re
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from .builder import article, base_config, make_fixture
from .feed_rules import problems

GOLDENS = Path(__file__).parent / "goldens"
HOSTILE = "Courts & <script>alert('x')</script> ]]> &amp; done"

FILES = {
    "vera2/posts/2025/cable.md": article("The cable", date="2025-11-20T09:30:00+01:00", extra="""\
        id: cable-2025
        tags: [europe, courts]
        image: ../images/cable.png
        image_alt: A cable
        further_reading:
          - publisher: Reuters
            title: "A source"
            url: https://www.reuters.com/x
        """, body="See [the other story](hostile.md) and ![a chart](../images/cable.png). [@reuters]\n"),
    "vera2/posts/2025/hostile.md": article("x", date="2025-11-18", section="Politics", extra="updated: 2025-11-21").replace(
        "title: 'x'", 'title: "' + HOSTILE.replace('"', '\\"') + '"'),
    "dispatch/posts/2025/note.md": article("A note", date="2025-11-10", section=None, authors="[jt-mercer, dana-okafor]"),
    "dispatch/posts/2025/draft.md": article("A draft", date="2025-11-11", section=None, extra="draft: true"),
    "dispatch/posts/2027/later.md": article("Later", date="2027-01-01", section=None),
}
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082")


def fixture_files() -> dict[str, str | bytes]:
    return FILES | {"vera2/posts/images/cable.png": PNG}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    fixture = make_fixture(tmp_path_factory.mktemp("feeds"), fixture_files())
    fixture.build()
    return fixture


def feeds(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*.xml") if p.name in ("feed.xml", "atom.xml"))


def test_every_scope_has_all_three_feeds(site) -> None:
    scopes = sorted({str(p.parent.relative_to(site.site)) for p in feeds(site.site)})
    assert scopes == [".", "authors/dana-okafor", "authors/jt-mercer", "dispatch", "dispatch/commentary",
                      "tags/courts", "tags/europe", "vera2", "vera2/courts", "vera2/politics"]
    for scope in scopes:
        for name in ("feed.xml", "atom.xml", "feed.json"):
            assert (site.site / scope / name).is_file(), f"{scope}/{name}"


def test_every_feed_parses_cleanly(site) -> None:
    for path in feeds(site.site):
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0, f"{path}: {parsed.get('bozo_exception')}"
        etree.fromstring(path.read_bytes())  # well-formed XML
        assert parsed.version == ("rss20" if path.name == "feed.xml" else "atom10")


def test_the_site_feeds_match_their_goldens(site, update_goldens: bool) -> None:
    for name in ("feed.xml", "atom.xml", "feed.json"):
        actual = (site.site / name).read_text(encoding="utf-8")
        golden = GOLDENS / f"site-{name}"
        if update_goldens:
            golden.write_text(actual, encoding="utf-8")
        assert actual == golden.read_text(encoding="utf-8"), f"{name} differs from {golden} (--update-goldens)"


def test_items_link_to_built_pages_with_absolute_content(site) -> None:
    for path in feeds(site.site):
        parsed = feedparser.parse(path.read_bytes())
        ids = [entry.id for entry in parsed.entries]
        assert len(ids) == len(set(ids)), path
        for entry in parsed.entries:
            assert entry.link.startswith("https://fixture.example/")
            assert (site.site / entry.link.removeprefix("https://fixture.example/") / "index.html").is_file()
            content = entry.content[0].value
            for ref in re.findall(r'(?:href|src)="([^"]*)"', content):
                assert ref.startswith("https://") or ref.startswith("mailto:"), f"relative URL {ref!r} in {path}"


def test_drafts_and_scheduled_articles_never_appear(site) -> None:
    for path in feeds(site.site):
        text = path.read_text(encoding="utf-8")
        assert "A draft" not in text and "Later" not in text


def test_hostile_titles_are_escaped_once(site) -> None:
    rss = feedparser.parse((site.site / "feed.xml").read_bytes())
    atom = feedparser.parse((site.site / "atom.xml").read_bytes())
    expected = HOSTILE
    assert expected in [e.title for e in rss.entries]
    assert expected in [e.title for e in atom.entries]
    raw = (site.site / "feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in raw and "&amp;amp;amp;" not in raw


def test_item_fields(site) -> None:
    rss = etree.fromstring((site.site / "vera2/feed.xml").read_bytes())
    item = rss.find("channel/item")
    assert item.findtext("guid") == "tag:fixture.example,2025:cable-2025"
    assert item.find("guid").get("isPermaLink") == "false"
    assert item.findtext("pubDate") == "Thu, 20 Nov 2025 09:30:00 +0100"
    assert email.utils.parsedate_to_datetime(item.findtext("pubDate"))
    assert item.findtext("{http://purl.org/dc/elements/1.1/}creator") == "J.T. Mercer"
    assert [c.text for c in item.findall("category")] == ["Courts", "europe", "courts"]
    enclosure = item.find("enclosure")
    assert enclosure.attrib == {"url": "https://fixture.example/vera2/posts/images/cable.png", "length": str(len(PNG)), "type": "image/png"}
    content = item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
    assert 'href="https://fixture.example/vera2/2025/11/hostile/"' in content
    assert '<img alt="a chart" src="https://fixture.example/vera2/posts/images/cable.png"' in content
    assert "<h2>Further reading</h2>" in content and 'href="https://www.reuters.com/x"' in content
    # Channel dates come from the newest item, not the clock.
    assert rss.findtext("channel/lastBuildDate") == "Fri, 21 Nov 2025 00:00:00 -0500"
    atom = etree.fromstring((site.site / "vera2/atom.xml").read_bytes())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert atom.findtext("a:updated", namespaces=ns) == "2025-11-21T00:00:00-05:00"
    assert atom.find("a:link[@rel='self']", ns).get("href") == "https://fixture.example/vera2/atom.xml"
    assert rss.find("channel/{http://www.w3.org/2005/Atom}link").get("href") == "https://fixture.example/vera2/feed.xml"
    assert [a.findtext("a:name", namespaces=ns) for a in atom.findall("a:entry[1]/a:author", ns)] == ["J.T. Mercer"]


def test_pages_advertise_their_feeds(site) -> None:
    def alternates(url: str) -> list[str]:
        return re.findall(r'<link rel="alternate" type="application/(?:rss|atom)\+xml" title="[^"]*" href="([^"]*)">', site.page(url))

    json_feeds = re.findall(r'<link rel="alternate" type="application/feed\+json" title="([^"]*)" href="([^"]*)">',
                            site.page("tags/europe"))
    assert json_feeds == [("Fixture: europe (JSON Feed)", "feed.json")]  # the scope's own page offers all three formats

    # Every scope of the page in RSS, which every feed reader takes (nine links on every article were 1.2 KB).
    assert alternates("vera2/2025/11/cable") == ["../../../../feed.xml", "../../../feed.xml", "../../../courts/feed.xml"]
    assert alternates("tags/europe") == ["../../feed.xml", "feed.xml", "atom.xml"]
    assert alternates("") == ["feed.xml", "atom.xml"]  # the home page is the site scope's own
    assert '<a href="feed.xml" type="application/rss+xml">RSS</a>' in site.page("authors/jt-mercer")
    # The visible line offers each format the scope has, JSON Feed included.
    line = re.search(r'<p class="press-subscribe">.*?</p>', site.page("authors/jt-mercer"), re.DOTALL).group()
    assert re.findall(r'<a href="([^"]*)" type="application/(?:rss\+xml|atom\+xml|feed\+json)">([^<]*)</a>', line) == [
        ("feed.xml", "RSS"), ("atom.xml", "Atom"), ("feed.json", "JSON Feed")]
    assert "press-subscribe" not in site.page("archive/2025")


def test_a_later_page_of_a_listing_offers_the_whole_listings_feeds_by_its_name(tmp_path: Path) -> None:
    fixture = make_fixture(tmp_path, {f"vera2/posts/2025/story-{n}.md": article(f"Story {n}", date=f"2025-11-1{n}")
                                      for n in range(1, 4)})  # two to a page (per_page): the section has two pages
    fixture.build()
    lines = [re.search(r'<p class="press-subscribe">(.*?):', fixture.page(url), re.DOTALL).group(1)
             for url in ("vera2/courts", "vera2/courts/page/2")]
    assert lines == ["Subscribe to Courts"] * 2  # not "Courts (page 2)": the feed is the whole section's
    assert "<h1>Courts (page 2)</h1>" in fixture.page("vera2/courts/page/2")


def test_ids_are_stable_across_builds_and_slug_changes(tmp_path: Path) -> None:
    first = make_fixture(tmp_path / "a", fixture_files())
    first.build()
    renamed = fixture_files()
    renamed.pop("dispatch/posts/2025/note.md")
    renamed["dispatch/posts/2025/a-new-slug.md"] = article("A note", date="2025-11-10", section=None,
                                                           authors="[jt-mercer, dana-okafor]",
                                                           extra="redirect_from: [dispatch/2025/11/note/]")
    second = make_fixture(tmp_path / "b", renamed)
    second.build()
    ids = lambda f: sorted(e.id for e in feedparser.parse((f.site / "atom.xml").read_bytes()).entries)  # noqa: E731
    assert ids(first) == ids(second)
    assert "tag:fixture.example,2025:dispatch/2025/11/note" in ids(first)


RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")


def test_json_feeds_have_the_spec_fields_and_the_atom_ids(site) -> None:
    """JSON Feed 1.1: version, title and items required; each item an id and content; the same ids as Atom."""
    for path in sorted(site.site.rglob("feed.json")):
        scope = path.parent.relative_to(site.site)
        url = "https://fixture.example/" + ("" if str(scope) == "." else f"{scope}/")
        feed = json.loads(path.read_bytes())
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert isinstance(feed["title"], str) and feed["title"]
        assert (feed["home_page_url"], feed["feed_url"]) == (url, url + "feed.json")
        assert isinstance(feed["items"], list)
        atom = etree.fromstring((path.parent / "atom.xml").read_bytes())
        entries = atom.findall("{http://www.w3.org/2005/Atom}entry")
        assert [item["id"] for item in feed["items"]] == [e.findtext("{http://www.w3.org/2005/Atom}id") for e in entries]
        for item, entry in zip(feed["items"], entries):
            assert isinstance(item["id"], str) and item["id"].startswith("tag:fixture.example,2025:")
            assert item["content_html"] == entry.findtext("{http://www.w3.org/2005/Atom}content")  # the whole article
            assert item["url"] == entry.find("{http://www.w3.org/2005/Atom}link").get("href")
            assert RFC3339.match(item["date_published"]) and RFC3339.match(item["date_modified"])
            assert all(a["name"] and a["url"].startswith("https://fixture.example/authors/") for a in item["authors"])
            for attachment in item.get("attachments", []):
                assert attachment.keys() >= {"url", "mime_type"} and attachment["url"].startswith("https://")
    cable = json.loads((site.site / "vera2/feed.json").read_bytes())["items"][0]
    assert cable["image"] == "https://fixture.example/vera2/posts/images/cable.png"
    assert cable["attachments"] == [{"url": cable["image"], "mime_type": "image/png", "size_in_bytes": len(PNG)}]


def test_every_feed_names_the_websub_hub_when_one_is_set(tmp_path: Path) -> None:
    config = base_config()
    config["plugins"][1] = {"press/feeds": {"limit": 20, "websub_hub": "https://hub.example/"}}
    fixture = make_fixture(tmp_path, fixture_files(), config)
    fixture.build()
    atom_ns = "{http://www.w3.org/2005/Atom}"
    for path in feeds(fixture.site):
        root = etree.fromstring(path.read_bytes())
        links = root.findall(f"channel/{atom_ns}link") if root.tag == "rss" else root.findall(f"{atom_ns}link")
        assert [link.get("href") for link in links if link.get("rel") == "hub"] == ["https://hub.example/"], path
        assert problems(path.read_bytes(), "https://fixture.example/" + str(path.relative_to(fixture.site))) == []
        assert json.loads((path.parent / "feed.json").read_bytes())["hubs"] == [{"type": "WebSub", "url": "https://hub.example/"}]


def test_the_websub_hub_must_be_an_https_url(tmp_path: Path) -> None:
    config = base_config()
    config["plugins"][1] = {"press/feeds": {"websub_hub": "hub.example"}}
    fixture = make_fixture(tmp_path, {}, config)
    loaded = load_config(str(fixture.root / "mkdocs.yml"))
    with pytest.raises(PluginError, match="press/feeds: websub_hub: expected the hub's absolute https URL, got 'hub.example'"):
        loaded.plugins.on_config(loaded)


def test_a_kind_of_feed_can_be_shorter_and_summary_only(tmp_path: Path) -> None:
    """`scopes: {tag: {limit: 1, content: summary}}`: tag feeds carry one item whose body is its dek and a
    link to the article, in all three formats; every other feed keeps its full items."""
    config = base_config()
    config["plugins"][1] = {"press/feeds": {"limit": 20, "scopes": {"tag": {"limit": 1, "content": "summary"}}}}
    fixture = make_fixture(tmp_path, fixture_files() | {
        "vera2/posts/2025/older.md": article("Older", date="2025-11-01", extra="tags: [europe]")}, config)
    fixture.build()
    cable = "https://fixture.example/vera2/2025/11/cable/"
    summary = f'<p>A short dek.</p>\n<p><a href="{cable}">Read \u201cThe cable\u201d</a></p>'
    for name in ("feed.xml", "atom.xml"):
        parsed = feedparser.parse((fixture.site / "tags/europe" / name).read_bytes())
        assert [(e.title, e.link, e.content[0].value) for e in parsed.entries] == [("The cable", cable, summary)], name
        path = fixture.site / "tags/europe" / name
        assert problems(path.read_bytes(), "https://fixture.example/" + str(path.relative_to(fixture.site))) == []
    items = json.loads((fixture.site / "tags/europe/feed.json").read_bytes())["items"]
    assert [(i["title"], i["content_html"], i["summary"]) for i in items] == [("The cable", summary, "A short dek.")]
    section = feedparser.parse((fixture.site / "vera2/courts/feed.xml").read_bytes())
    assert [e.title for e in section.entries] == ["The cable", "Older"]
    assert ["A source" in section.entries[0].content[0].value, "Body text." in section.entries[1].content[0].value] == [True, True]


@pytest.mark.parametrize(("scopes", "message"), [
    ({"tags": {"limit": 5}}, "press/feeds: scopes: tags is not a kind of feed; use site, publication, section, tag"),
    ({"tag": {"limit": 0}}, "press/feeds: scopes: tag: limit must be at least 1, got 0"),
])
def test_feed_scopes_are_checked(tmp_path: Path, scopes: dict, message: str) -> None:
    config = base_config()
    config["plugins"][1] = {"press/feeds": {"scopes": scopes}}
    fixture = make_fixture(tmp_path, {}, config)
    loaded = load_config(str(fixture.root / "mkdocs.yml"))
    with pytest.raises(PluginError, match=re.escape(message)):
        loaded.plugins.on_config(loaded)


def test_the_footer_offers_the_site_feed_in_all_three_formats(site) -> None:
    footer = re.search(r'<p class="press-footer__feeds">(.*?)</p>', site.page("vera2/2025/11/cable"), re.S)
    assert footer is not None
    links = re.findall(r'href="([^"]+)" type="([^"]+)">([^<]+)</a>', footer.group(1))
    assert [(href.rsplit("/", 1)[-1], kind, label) for href, kind, label in links] == [
        ("feed.xml", "application/rss+xml", "RSS"), ("atom.xml", "application/atom+xml", "Atom"),
        ("feed.json", "application/feed+json", "JSON Feed")]
    assert all((site.site / href.rsplit("/", 1)[-1]).is_file() for href, _, _ in links)
