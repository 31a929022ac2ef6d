"""The W3C feed validator's rules (restated in `feed_rules`) hold for every feed of a fixture site;
each rule catches the mistake it is about; RSS descriptions reach HTML readers as the text typed."""

from __future__ import annotations

from pathlib import Path

import feedparser
import lxml.html
import pytest
from lxml import etree

from .builder import AUTHORS_YML, article, make_fixture
from .feed_rules import problems
from .test_feeds import fixture_files

SITE_URL = "https://fixture.example/"
PAYLOAD = '"><img src=x onerror=alert(1)> R&D &amp; co'


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    fixture = make_fixture(tmp_path_factory.mktemp("feed-rules"), fixture_files())
    fixture.build()
    return fixture


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory: pytest.TempPathFactory):
    """Descriptions carrying markup: the validator rightly warns that they look like HTML, so only escaping is checked."""
    files = fixture_files() | {
        "authors.yml": AUTHORS_YML.replace("description: Courts reporter", f"description: {PAYLOAD!r}"),
        "vera2/posts/2025/payload.md": article("Payload", date="2025-11-19").replace(
            "description: A short dek.", f"description: {PAYLOAD!r}"),
    }
    fixture = make_fixture(tmp_path_factory.mktemp("feed-payload"), files)
    fixture.build()
    return fixture


def feeds(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*.xml") if p.name in ("feed.xml", "atom.xml"))


def test_every_feed_keeps_the_validator_rules_and_parses_cleanly(site) -> None:
    paths = feeds(site.site)
    assert len(paths) == 20
    for path in paths:
        url = SITE_URL + str(path.relative_to(site.site))
        assert problems(path.read_bytes(), url) == [], url
        assert feedparser.parse(path.read_bytes()).bozo == 0, url


def test_rss_descriptions_reach_html_readers_as_the_text_typed(payload_site) -> None:
    site = payload_site
    channel = etree.fromstring((site.site / "authors/dana-okafor/feed.xml").read_bytes()).find("channel")
    items = etree.fromstring((site.site / "vera2/feed.xml").read_bytes()).findall("channel/item")
    item = next(i for i in items if i.findtext("title") == "Payload")
    for description in (channel.findtext("description"), item.findtext("description")):
        shown = lxml.html.fragment_fromstring(description, create_parent="div")
        assert shown.text_content() == PAYLOAD  # what a reader treating it as HTML shows
        assert list(shown) == []  # no element: the <img> arrived as text
    raw = (site.site / "authors/dana-okafor/feed.xml").read_text(encoding="utf-8")
    assert "<description>&quot;" not in raw and "&#x26;lt;img" in raw  # escaped text, marked as such with &#x26;
    atom = feedparser.parse((site.site / "authors/dana-okafor/atom.xml").read_bytes())
    assert atom.feed.subtitle == PAYLOAD  # Atom's subtitle is plain text: not escaped twice


ATOM_ENTRY = """<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
  <id>https://x.example/</id><title>X</title><updated>2025-11-20T00:00:00-05:00</updated>
  <link href="https://x.example/atom.xml" rel="self" type="application/atom+xml"/>
  <entry><id>tag:x.example,2025:a</id><title>A</title><updated>{updated}</updated><author><name>N</name></author>
    <link href="https://x.example/a/"/><content type="html">{content}</content>{media}</entry>
</feed>"""
GOOD = {"updated": "2025-11-20T00:00:00-05:00", "content": "&lt;p&gt;&lt;a href=\"https://x.example/b/\"&gt;b&lt;/a&gt;&lt;/p&gt;",
        "media": '<media:content url="https://x.example/a.png" fileSize="3" type="image/png" medium="image"/>'}


@pytest.mark.parametrize(("change", "message"), [
    ({"media": '<media:group><media:content url="https://x.example/a.png" medium="image"/></media:group>'},
     "MediaGroupWithoutAlternatives"),
    ({"media": '<media:content url="https://x.example/a.png" medium="picture"/>'}, "InvalidMediaMedium"),
    ({"updated": "2025-11-20"}, "InvalidRFC3339Date"),
    ({"content": "&lt;img src=\"../a.png\"&gt;"}, "ContainsRelRef"),
    ({"content": "&lt;p onclick=\"x()\"&gt;x&lt;/p&gt;"}, "SecurityRiskAttr"),
    ({"content": "&lt;script&gt;x()&lt;/script&gt;"}, "SecurityRisk"),
])
def test_each_atom_rule_catches_its_mistake(change: dict[str, str], message: str) -> None:
    good = ATOM_ENTRY.format(**GOOD).encode()
    assert problems(good, "https://x.example/atom.xml") == []
    assert problems(good, "https://x.example/other.xml")[0].startswith("SelfDoesntMatchLocation")
    found = problems(ATOM_ENTRY.format(**(GOOD | change)).encode(), "https://x.example/atom.xml")
    assert [p.split(":")[0] for p in found] == [message], found


RSS = """<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:atom="http://www.w3.org/2005/Atom" version="2.0"><channel>
  <title>X</title><link>https://x.example/</link><description>{description}</description>
  <atom:link href="https://x.example/feed.xml" rel="self" type="application/rss+xml"/>
  <image><url>https://x.example/logo.png</url><title>X</title><link>https://x.example/</link><width>{width}</width></image>
  <item><title>A</title><link>https://x.example/a/</link><description>d</description>
    <guid isPermaLink="{permalink}">tag:x.example,2025:a</guid><pubDate>{date}</pubDate></item>
</channel></rss>"""
RSS_GOOD = {"description": "Plain text", "width": "144", "permalink": "false", "date": "Thu, 20 Nov 2025 09:30:00 +0100"}


@pytest.mark.parametrize(("change", "message"), [
    ({"description": "The year&amp;#39;s news"}, "ContainsHTML"),
    ({"description": "&lt;b&gt;bold&lt;/b&gt;"}, "ContainsHTML"),
    ({"width": "512"}, "InvalidWidth/Height"),
    ({"permalink": "true"}, "InvalidPermalink"),
    ({"date": "2025-11-20T09:30:00+01:00"}, "InvalidRFC2822Date"),
])
def test_each_rss_rule_catches_its_mistake(change: dict[str, str], message: str) -> None:
    assert problems(RSS.format(**RSS_GOOD).encode(), "https://x.example/feed.xml") == []
    escaped_text = RSS_GOOD | {"description": "R&#x26;amp;D"}  # "R&amp;D" to an HTML reader, marked as text
    assert problems(RSS.format(**escaped_text).encode(), "https://x.example/feed.xml") == []
    found = problems(RSS.format(**(RSS_GOOD | change)).encode(), "https://x.example/feed.xml")
    assert [p.split(":")[0] for p in found] == [message], found
